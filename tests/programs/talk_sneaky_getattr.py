# The talk's second Sneaky: attribute access that runs arbitrary code.
class Sneaky:
    def __getattr__(self, name):
        return "baz"

    def __setattr__(self, name, value):
        pass


def do_something():
    print("equal!")


def f(x, y):
    x.attr = "foo"
    y.attr = "bar"
    if x.attr == y.attr:
        do_something()
    print(x.attr, y.attr)


s = Sneaky()
f(s, s)
a = Sneaky()
f(a, Sneaky())
