class A:
    def __init__(self, x):
        self.x = x
    def m(self):
        return "A.m"
    @property
    def p(self):
        return "A.p %s" % self.x
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
    K = 5
class B(A):
    def __init__(self, x):
        super().__init__(x * 2)
    def m(self):
        return "B>" + super().m()
    @property
    def p(self):
        return "B>" + super().p
    @classmethod
    def c(cls):
        return "B>" + super().c()
    def k(self):
        return super().K, super(B, self).m(), super().__class__.__name__
    def missing(self):
        return super().nope
class C(B):
    def m(self):
        return "C>" + super().m()
def run():
    out = []
    for i in range(50):
        c = C(i)
        out.append((c.x, c.m(), c.p, C.c(), c.k()))
    return out[-1]
print(run())
try:
    C(1).missing()
except AttributeError as e:
    print("AttributeError", e)
import builtins
real = builtins.super
class Fake:
    def __init__(self, *a):
        self.a = a
    def __getattr__(self, n):
        return lambda: "fake:" + n + str(len(self.a))
def demo():
    class D(A):
        def m(self):
            return super().m()
    d = D(1)
    r = [d.m() for _ in range(40)]
    builtins.super = Fake
    try:
        return r[-1], d.m()
    finally:
        builtins.super = real
print(demo())
class E(A):
    def m(self):
        def inner():
            return "inner"
        s = self
        return super().m() + inner()
print(E(0).m())
class F(A):
    def m(self, super=None):
        return "local super"
print(F(0).m())
