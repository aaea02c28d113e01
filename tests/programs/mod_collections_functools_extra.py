import collections, functools, string
cm = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), list(cm), dict(cm), cm.get("z", 0), "b" in cm, repr(cm))
c2 = cm.new_child({"c": 4}); c2["a"] = 9; print(c2, c2.parents, cm)
del c2["a"]
try: del c2["b"]
except KeyError as e: print("KeyError", e)
class D(collections.UserDict):
    def __missing__(self, k): return k * 2
d = D(x=1); d["y"] = 2; print(d, d["zz"], len(d), sorted(d), d.get("x"), "x" in d, d | {"q": 0}, isinstance(d, collections.abc.MutableMapping))
ul = collections.UserList([3, 1, 2]); ul.append(0); ul.sort(); print(ul, ul[1:], ul + [9], [8] + ul, len(ul), ul == [0, 1, 2, 3], ul * 2)
us = collections.UserString("Hello"); print(us, repr(us), us.upper(), us + "!", us[1:3], "ell" in us, len(us), us.split("l"), us == "Hello", us.startswith("He"))
class P:
    def __init__(self): self.n = 0
    @functools.cached_property
    def val(self):
        self.n += 1
        return 42
p = P(); print(p.val, p.val, p.n, "val" in p.__dict__)
@functools.singledispatch
def show(x): return "obj " + repr(x)
@show.register(int)
def _(x): return "int %d" % x
@show.register
def _(x: list): return "list of %d" % len(x)
print(show(1), show([1, 2]), show("s"), show(True), show.dispatch(bool).__name__)
class C:
    def m(self, a, b): return (self, a, b)
    pm = functools.partialmethod(m, 1)
c = C(); print(c.pm(2)[1:])
t = string.Template("$who likes ${what}; $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"), t.get_identifiers(), t.is_valid())
try: t.substitute(who="x")
except KeyError as e: print("KeyError", e)
try: string.Template("bad $").substitute()
except ValueError as e: print(e)
print(string.Template("$a$b").substitute({"a": 1}, b=2))
