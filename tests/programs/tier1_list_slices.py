# List slice fast paths (BINARY_SLICE_LIST, STORE_SLICE_LIST,
# BINARY_OP_SUBSCR_LIST_SLICE): each site runs enough times to specialize,
# then sees the edge cases and other types.


class L(list):
    def __getitem__(self, k):
        return ("L.getitem", k)

    def __setitem__(self, k, v):
        print("L.setitem", k, v)


class Idx:
    def __index__(self):
        return 2

    def __repr__(self):
        return "Idx()"


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def get2(a, i, j):
    return a[i:j]


def get3(a, s):
    return a[s]


def put2(a, i, j, v):
    a[i:j] = v


for _ in range(5):
    r = get2([1, 2, 3, 4, 5], 1, 3)
print(r)
print(get2([1, 2, 3, 4, 5], None, None), get2([1, 2, 3], -2, None), get2([1, 2, 3], None, -5))
print(get2([1, 2, 3], 5, 1), get2([1, 2, 3], 2, 100), get2([], 0, 3))
print(get2([1, 2, 3], 10**30, None), get2([1, 2, 3], -(10**30), 2))
print(get2([1, 2, 3, 4], Idx(), None))
print(get2((1, 2, 3, 4), 1, 3), get2("abcdef", 1, 4), get2(range(10), 2, 5))
print(get2(L([1, 2, 3]), 0, 2))
try:
    get2([1, 2], "a", None)
except TypeError as e:
    print("TypeError", e)

for _ in range(5):
    r = get3([0, 1, 2, 3, 4, 5], slice(None, None, -1))
print(r)
a = list(range(10))
for s in [slice(3, None, -1), slice(None, None, 2), slice(-1, -8, -3), slice(1, 1),
          slice(8, 2), slice(None, None, -(2**62)), slice(2**62, None, -1),
          slice(None, 10**40, 3), slice(Idx(), None), slice(0, 5, Idx())]:
    print(s, get3(a, s))
try:
    get3(a, slice(None, None, 0))
except ValueError as e:
    print("ValueError", e)
print(get3((1, 2, 3), slice(None, None, -1)), get3("hello", slice(1, None, 2)))
print(get3(L([1]), slice(1, 2)), get3(a, 3), get3({"k": 1}, "k"))

for _ in range(5):
    b = [1, 2, 3, 4, 5]
    put2(b, 1, 3, [9, 9])
print(b)
b = [1, 2, 3, 4, 5]
put2(b, 1, 3, [7])
print(b)
b = [1, 2, 3]
put2(b, 1, 1, [4, 5, 6])
print(b)
b = [1, 2, 3]
put2(b, None, None, b)
print(b)
b = [1, 2, 3]
put2(b, 1, None, b)
print(b)
b = [1, 2, 3]
put2(b, 2, 1, [8])
print(b)
b = [1, 2, 3]
put2(b, -1, None, [])
print(b)
b = [1, 2, 3]
keep = [5, 6]
put2(b, 0, 2, keep)
keep.append(7)
print(b, keep)
b = [1, 2, 3]
put2(b, 0, 10**30, (4, 5))
print(b)
b = [1, 2, 3]
put2(b, Idx(), None, [0])
print(b)
put2(L([1, 2]), 0, 1, [3])
b = [Noisy(1), Noisy(2), Noisy(3)]
put2(b, 0, 2, [Noisy(4), Noisy(5)])
print("after", [x.n for x in b])
put2(b, None, None, [])
print("emptied", b)
try:
    put2([1, 2], 0, 1, 5)
except TypeError as e:
    print("TypeError", e)
t = list(range(9))
for _ in range(20):
    k = t[0] if t[0] else 5
    t[:k + 1] = t[k::-1]
print(t)
b = [Noisy(6), Noisy(7), Noisy(8)]
b[::2] = [1, 2]
print("extended", b[1].n)
b = None
print("end")
