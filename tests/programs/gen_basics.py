def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


print(list(countdown(3)))


def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received


g = echo()
print(next(g), g.send("a"), g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)


def delegate():
    result = yield from countdown(2)
    yield result


print(list(delegate()))
squares = (i * i for i in range(5))
print(sum(squares), list(x for x in "abc"))


def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


c = closer()
print(next(c))
c.close()
print([x for x in range(10) if x % 3 == 0], {x: x % 2 for x in range(4)}, {x % 3 for x in range(10)})
print([(a, b) for a in range(3) for b in range(a)])
