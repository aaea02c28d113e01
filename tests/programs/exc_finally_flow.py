# try/finally with return, break and continue; exceptions replaced in
# finally; else clauses; nested handlers and the order things run in.


def returns_in_finally():
    try:
        return "try"
    finally:
        print("finally runs before the return")


def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"  # noqa: B012


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"  # noqa: B012


print(returns_in_finally(), finally_overrides(), swallow())

for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
else:
    print("no else after break")

log = []
for i in range(3):
    try:
        log.append(f"try{i}")
        if i == 1:
            raise KeyError(i)
    except KeyError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
print(log)


def nested(n):
    try:
        try:
            if n == 0:
                raise ValueError("inner")
            return "ok"
        finally:
            print("  inner finally", n)
    except ValueError as e:
        print("  handled", e)
        return "handled"
    finally:
        print("  outer finally", n)


print(nested(0), nested(1))

try:
    try:
        raise TypeError("first")
    finally:
        print("cleanup while propagating")
except TypeError as e:
    print("propagated:", e)

try:
    try:
        raise TypeError("original")
    finally:
        raise ValueError("replacement")
except ValueError as e:
    print("replaced:", e, "| context:", repr(e.__context__))


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")


for x in gen():
    print("got", x)
    break

count = 0
while True:
    try:
        count += 1
        if count < 3:
            continue
        break
    finally:
        print("loop finally", count)
print("count", count)
