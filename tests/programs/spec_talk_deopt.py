# The talk's scenario at tier 1: fibonacci's loop specializes to
# BINARY_OP_ADD_INT (and FOR_ITER_RANGE), then the same function is called
# with strings, floats and lists: each call deopts and gives the answer the
# generic instruction gives; then ints again (it specializes again).
def fibonacci(n, a=0, b=1):
    for _ in range(n):
        a, b = b, a + b
    return a


def run(label, *args):
    r = fibonacci(*args)
    print(label, repr(r)[:60], type(r).__name__)


for _ in range(200):
    fibonacci(20)
run("ints", 20)
run("strs", 6, "", "a")
run("strs again", 7, "x", "y")
run("floats", 10, 0.5, 1.25)
run("lists", 5, [], [1])
run("tuples", 4, (), (0,))
for _ in range(200):
    fibonacci(20)
run("ints again", 30)
run("big ints", 100)
run("mixed int/float", 8, 1, 0.5)
run("bools", 3, True, False)


# A specialized attribute load sees a different class, then a missing
# attribute, then a class with __getattr__.
class P:
    def __init__(self, x):
        self.x = x


class Q:
    x = "class attribute"


class R:
    def __getattr__(self, name):
        return "getattr " + name


def get_x(o):
    return o.x


for i in range(100):
    get_x(P(i))
print(get_x(P("p")), get_x(Q()), get_x(R()))
try:
    get_x(object())
except AttributeError as e:
    print("AttributeError:", e)
print(get_x(P(42)))


# Subscripts and comparisons across types.
def item(c, k):
    return c[k]


for i in range(100):
    item([1, 2, 3], 1)
print(item([1, 2, 3], -1), item((4, 5), 0), item("abc", 2), item({"k": 9}, "k"))
try:
    item([1], 5)
except IndexError as e:
    print("IndexError:", e)
try:
    item({}, "missing")
except KeyError as e:
    print("KeyError:", e)


def less(a, b):
    return a < b


for i in range(100):
    less(i, 50)
print(less(1, 2), less(2.5, 1.5), less("a", "b"), less((1,), (0,)), less(1, 1.5))
try:
    less(1, "x")
except TypeError as e:
    print("TypeError:", e)


# Iteration that changes kind.
def total(it):
    t = 0
    for v in it:
        t += v
    return t


for _ in range(50):
    total(range(10))
print(total(range(5)), total([1, 2, 3]), total((4, 5)), total(x for x in range(4)), total({7: 0}))
