# f(a, a): both parameters name the same object.
class Box:
    pass


def f(x, y):
    x.attr = "foo"
    y.attr = "bar"
    return x.attr == y.attr, x.attr


a = Box()
print(f(a, a))
print(f(Box(), Box()))
