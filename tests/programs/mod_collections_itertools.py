from collections import namedtuple, defaultdict, Counter, deque, OrderedDict
import itertools, copy
P = namedtuple("P", "x y")
p = P(1, y=2); print(p, p.x + p.y, p._replace(x=5), p._asdict())
d = defaultdict(list); d["a"].append(1); print(d, dict(d))
c = Counter("abracadabra"); print(c.most_common(2), c["z"])
q = deque([1, 2, 3], maxlen=3); q.append(4); q.appendleft(0); print(q, q.popleft())
print(list(itertools.islice(itertools.count(10, 2), 3)), list(itertools.permutations("abc", 2))[:3])
print(list(itertools.chain([1], (2, 3))), [(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print(list(itertools.product("ab", repeat=2)), list(itertools.combinations(range(4), 2)))
x = [[1, 2], {"a": [3]}]; y = copy.deepcopy(x); y[0].append(9); print(x, y)
