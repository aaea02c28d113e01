# hashlib digests; random seeded from str/bytes (SHA-512, as CPython),
# getstate/setstate; type.__subclasses__; math.gamma/lgamma to the last digit.
import hashlib
import math
import random

h = hashlib.sha256(b"abc")
h.update(b"def")
print(h.hexdigest(), h.digest_size, h.block_size, h.name)
c = h.copy()
c.update(b"x")
print(h.hexdigest() != c.hexdigest())
print(hashlib.md5(b"hi").hexdigest(), hashlib.new("SHA1", b"x").hexdigest())
print(hashlib.sha512().digest()[:4], hashlib.sha224(b"").hexdigest()[:16], hashlib.sha384(b"q").hexdigest()[:16])
try:
    hashlib.sha256("str")
except TypeError as e:
    print(e)
try:
    hashlib.new("nope")
except ValueError as e:
    print(e)

random.seed("hello")
print(random.random(), random.randint(1, 100))
random.seed(b"abc")
print(random.random())
print(random.Random("seed").random(), random.Random(bytearray(b"q")).random())
random.seed("x", version=1)
print(random.random())
random.seed(1.5)
print(random.random())
try:
    random.seed([1])
except TypeError as e:
    print(e)
random.seed(7)
state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)], len(state[1]), state[0])
r = random.Random(1)
r.setstate(state)
print(r.random() == first[0])
try:
    random.setstate((3, (1, 2), None))
except ValueError as e:
    print(e)


class A:
    pass


class B(A):
    pass


class C(B, A):
    pass


print(A.__subclasses__(), B.__subclasses__(), C.__subclasses__())
print(len(int.__subclasses__()) >= 1)

for x in [0.5, 1.5, 4.5, 10.1, 30.7, 100.3, 171.5, -0.5, -2.5, -10.3, 1e-25]:
    print(x, math.gamma(x), math.lgamma(x))
for bad in [0.0, -1.0, -7.0]:
    for f in (math.gamma, math.lgamma):
        try:
            f(bad)
        except ValueError as e:
            print(f.__name__, bad, e)
try:
    math.gamma(200.0)
except OverflowError as e:
    print(e)
print(math.lgamma(1e300), math.gamma(float("inf")))
