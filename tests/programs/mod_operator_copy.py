# operator's function forms and getters, and copy/deepcopy of nested,
# shared and self-referencing structures and of objects with __copy__.
import copy
import operator as op

print(op.add(1, 2), op.sub(5, 3), op.mul("ab", 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 8), op.neg(4))
print(op.eq(1, 1.0), op.ne("a", "b"), op.lt(1, 2), op.le(2, 2), op.gt([2], [1]), op.ge(1, 2), op.not_(0), op.truth([]))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(5), op.lshift(1, 4), op.rshift(32, 2), op.abs(-3), op.index(7))
print(op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"), op.getitem({"k": 5}, "k"), op.concat([1], [2]))
lst = [1, 2, 3]
op.setitem(lst, 0, 9)
op.delitem(lst, 1)
print(lst, op.is_(None, None), op.is_not(1, None))
get1 = op.itemgetter(1)
get_multi = op.itemgetter(0, 2)
rows = [("b", 2, True), ("a", 3, False), ("c", 1, True)]
print(get1("xyz"), get_multi(rows[0]), sorted(rows, key=op.itemgetter(1)), max(rows, key=get1))


class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.inner = type("Inner", (), {"z": x * y})()

    def norm(self, scale=1):
        return (self.x ** 2 + self.y ** 2) * scale


pts = [Pt(3, 4), Pt(1, 1)]
print([op.attrgetter("x")(p) for p in pts], op.attrgetter("x", "y")(pts[0]), op.attrgetter("inner.z")(pts[0]))
print(op.methodcaller("norm")(pts[0]), op.methodcaller("norm", scale=2)(pts[1]), op.methodcaller("upper")("abc"))
acc = [1]
acc = op.iadd(acc, [2])
print(acc, op.iadd(5, 3), op.imul("x", 3))

original = {"nums": [1, 2, [3, 4]], "name": "orig", "tags": {"a", "b"}}
shallow = copy.copy(original)
deep = copy.deepcopy(original)
original["nums"][2].append(5)
original["name"] = "changed"
print(shallow["nums"], deep["nums"], shallow["name"], deep["tags"] == original["tags"], deep["tags"] is original["tags"])
shared = [1, 2]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
loop = [1]
loop.append(loop)
dl = copy.deepcopy(loop)
print(dl[1] is dl, dl is not loop, len(dl))


class Config:
    def __init__(self, values):
        self.values = values
        self.copies = 0

    def __copy__(self):
        new = Config(self.values)
        new.copies = self.copies + 1
        return new

    def __deepcopy__(self, memo):
        new = Config(copy.deepcopy(self.values, memo))
        new.copies = -1
        return new


cfg = Config({"a": [1]})
c1, c2 = copy.copy(cfg), copy.deepcopy(cfg)
print(c1.copies, c2.copies, c1.values is cfg.values, c2.values is cfg.values, c2.values == cfg.values)
p2 = copy.deepcopy(pts[0])
print(p2.x, p2.inner.z, p2 is not pts[0], copy.copy((1, [2])) is not None, copy.deepcopy(5), copy.copy("s"))
