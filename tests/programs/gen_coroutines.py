# Generators as coroutines: priming, send() values in, throw() errors in,
# close() and GeneratorExit, and return values through StopIteration.


def averager():
    total = count = 0
    average = None
    while True:
        try:
            value = yield average
        except ValueError as e:
            print("  averager ignoring:", e)
            continue
        if value is None:
            return (count, average)
        total += value
        count += 1
        average = total / count


avg = averager()
print(next(avg))
for v in [10, 20, 30]:
    print(avg.send(v))
print(avg.throw(ValueError("bad sample")))
print(avg.send(60))
try:
    avg.send(None)
except StopIteration as stop:
    print("finished with", stop.value, stop.args)
try:
    avg.send(1)
except StopIteration as stop:
    print("exhausted again", stop.value)


def grep(pattern):
    print("looking for", pattern)
    try:
        while True:
            line = yield
            if pattern in line:
                print("  match:", line)
    except GeneratorExit:
        print("grep closing")


g = grep("py")
next(g)
for line in ["python rocks", "rust too", "pyfast!"]:
    g.send(line)
g.close()
g.close()
print("closed twice")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

fresh = averager()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)


def thrower():
    yield 1


t = thrower()
try:
    t.throw(KeyError("before start"))
except KeyError as e:
    print("thrown into unstarted generator:", repr(e))
print(list(t))


def running_total():
    total = 0
    while True:
        x = yield total
        total += x


rt = running_total()
next(rt)
print([rt.send(i) for i in range(1, 6)])


def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    return received


e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send("c")
except StopIteration as stop:
    print(stop.value)
