# collections: deque (rotation, maxlen, both ends), Counter arithmetic and
# most_common, defaultdict factories, OrderedDict moves, namedtuple
# features.
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1], d.popleft(), d.pop(), d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.count(2), d.index(3), 3 in d, list(reversed(d)))
d.remove(2)
d.clear()
print(d, bool(d))
recent = deque(maxlen=3)
for i in range(6):
    recent.append(i)
print(recent, recent.maxlen, list(recent))
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)

c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:6], sum(c.values()))
c2 = Counter(a=1, b=10)
print(c + c2, c - c2, c & c2, c | c2)
c.update("aaa")
c.subtract({"a": 2, "b": 1})
print(c["a"], c["b"], Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter(["x", "y", "x"]).most_common(1))
word_counts = Counter("the cat and the hat and the bat".split())
print(word_counts.most_common(2), len(word_counts), sorted(word_counts))

groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups), groups["z"], len(groups))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(sorted(counts.items()), defaultdict(lambda: "?")["missing"])
tree = lambda: defaultdict(tree)  # noqa: E731
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], "x" in t)

od = OrderedDict()
od["first"] = 1
od["second"] = 2
od["third"] = 3
od.move_to_end("first")
print(list(od), od.popitem(), od.popitem(last=False), od)
od["fourth"] = 4
od.move_to_end("fourth", last=False)
print(list(od.items()))

Point = namedtuple("Point", ["x", "y"])
Point3 = namedtuple("Point3", "x y z", defaults=[0])
p = Point(1, 2)
q = Point3(1, 2)
print(p, q, p.x + p.y, p[0], p._asdict(), p._replace(y=9), Point._make([5, 6]), Point._fields, Point3._field_defaults)
x, y = p
print(x, y, p == (1, 2), isinstance(p, tuple), len(q), q.z, sorted([Point(2, 1), Point(1, 5)]))
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
