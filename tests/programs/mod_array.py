# array: typed arrays, their repr, item checks with CPython's messages,
# sequence operations, and machine-value bytes.
import array

a = array.array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
print(a, len(a), a[2], a[-1], a[1:4], a[::-2], sum(a), 3 in a, a.index(3), a.count(2))
print(a.pop(), a.pop(0), a, a.tolist(), a.typecode, a.itemsize)
a.remove(3)
a.reverse()
a[0] = 42
del a[1]
print(a, a + array.array("i", [9]), a * 2, a == array.array("i", [42, 2, 1]), a < array.array("i", [43]))
a += array.array("i", [7])
a[1:3] = array.array("i", [8, 8, 8])
print(a, list(a), sorted(a), max(a))
print(array.array("d", [1.5, 2.25]), array.array("f"), array.array("u", "héllo"), array.array("B", b"\x01\xff"))
print(array.typecodes, [array.array(t).itemsize for t in array.typecodes])

for tc, v in [("b", 128), ("B", -1), ("h", 40000), ("H", -5), ("i", 2**31), ("I", -1), ("q", 2**63), ("Q", -1), ("l", 2**64)]:
    try:
        array.array(tc, [v])
    except OverflowError as e:
        print(tc, v, "OverflowError:", e)
for action in [
    lambda: array.array("z"),
    lambda: array.array("i", [1.5]),
    lambda: array.array("d", ["x"]),
    lambda: array.array("i", "ab"),
    lambda: array.array("u", [1]),
    lambda: array.array("i").pop(),
    lambda: array.array("i", [1])[5],
    lambda: array.array("i", [1]).index(9),
    lambda: array.array("i") + array.array("d"),
]:
    try:
        action()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)

raw = array.array("h", [1, -2, 300]).tobytes()
print(raw, array.array("h", raw), array.array("I", [1, 2**32 - 1]).tobytes())
d = array.array("d", [0.1, -2.5, 1e300, float("inf")])
back = array.array("d")
back.frombytes(d.tobytes())
print(d.tobytes()[:8], back == d, back)
f = array.array("f", [0.1, 3.0])
print(f.tobytes(), array.array("f", f.tobytes()), f[0] == 0.1, f[0], array.array("f", [1e300, 1e-50, -0.0]))
s = array.array("h", [1, 256])
s.byteswap()
print(s, array.array("u", "ab").tounicode(), array.array("b", [1, 2]).buffer_info()[1])
