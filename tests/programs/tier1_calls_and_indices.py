# Negative list/tuple indices in the specialized subscripts, bound methods
# of built-in types called through a local (CALL_BOUND_METHOD_BUILTIN), and
# closures made anew at every call (functions of one code share a version).


def neg(a, t, i):
    return a[i], t[i]


def store(a, i, v):
    a[i] = v


for _ in range(4):
    r = neg([1, 2, 3], (4, 5, 6), -1)
print(r, neg([1, 2, 3], (4, 5, 6), -3), neg([1, 2, 3], (4, 5, 6), 0))
for i in (-4, 3):
    try:
        neg([1, 2, 3], (4, 5, 6), i)
    except IndexError as e:
        print("IndexError", e)
try:
    neg([1, 2, 3, 4], (4, 5, 6), -4)
except IndexError as e:
    print("IndexError", e)
a = [0, 0, 0]
for i in range(-3, 3):
    store(a, i, i)
print(a)
try:
    store(a, -4, 9)
except IndexError as e:
    print("IndexError", e)


def rotate(lst, n):
    ins = lst.insert
    pop = lst.pop
    for _ in range(n):
        ins(len(lst), pop(0))
    return lst


print(rotate(list(range(6)), 4))


class MyList(list):
    def pop(self, i=-1):
        print("MyList.pop", i)
        return list.pop(self, i)


def call_pop(f):
    return f(0)


for _ in range(3):
    print(call_pop([7, 8].pop))
print(call_pop(MyList([5, 6]).pop))
print(call_pop({0: "zero"}.pop))
print(call_pop(lambda i: ("lambda", i)))
print(call_pop((3, 4).__getitem__))
try:
    call_pop([].pop)
except IndexError as e:
    print("IndexError", e)
try:
    call_pop([1].append.__self__.index)
except ValueError as e:
    print("ValueError", e)


def counter(start):
    def step(k):
        return start + k

    return step


total = 0
for s in range(5):
    f = counter(s)
    total += f(10)
print(total)


def with_default(n):
    def g(x, y=n):
        return x * y

    return g


print([with_default(n)(2) for n in range(4)], [with_default(n)(2, 1) for n in range(3)])
g = with_default(3)
g.__defaults__ = (100,)
print(g(2))

def one(x):
    return ("one", x)


def two(x):
    return ("two", x)


def call1(f):
    return f(1)


for _ in range(3):
    print(call1(one))
print(call1(two))
