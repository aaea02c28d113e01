def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise KeyError("one")
    return 10 // (n - 2)


for n in range(4):
    try:
        print("result", risky(n))
    except (ValueError, KeyError) as e:
        print("caught", type(e).__name__, e)
    except ZeroDivisionError:
        print("div by zero")
    else:
        print("no error")
    finally:
        print("finally", n)


def chained():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e


try:
    chained()
except RuntimeError as e:
    print(e, "caused by", repr(e.__cause__))


class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code


try:
    raise MyError(7)
except Exception as e:
    print(type(e).__name__, e, e.code, e.args)


def nested():
    try:
        try:
            raise TypeError("inner")
        except TypeError:
            raise ValueError("outer")
    except ValueError as e:
        return repr(e), repr(e.__context__)


print(nested())
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("assert:", e)
