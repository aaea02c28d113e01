# Graph algorithms over dicts and sets: BFS shortest paths, DFS with an
# explicit stack, topological sort, connected components, cycle detection.
from collections import deque

edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("f", "g"), ("e", "b2"), ("b2", "e2")]
graph = {}
for u, v in edges:
    graph.setdefault(u, []).append(v)
    graph.setdefault(v, []).append(u)


def bfs(start):
    dist, parent = {start: 0}, {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for nxt in sorted(graph[node]):
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                parent[nxt] = node
                queue.append(nxt)
    return dist, parent


def path(parent, end):
    out = []
    while end is not None:
        out.append(end)
        end = parent[end]
    return out[::-1]


dist, parent = bfs("a")
print(sorted(dist.items()), path(parent, "e2"))


def dfs(start):
    seen, order, stack = set(), [], [start]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        stack.extend(sorted(graph[node], reverse=True))
    return order


print(dfs("a"))
components, seen = [], set()
for node in sorted(graph):
    if node not in seen:
        comp = set(dfs(node))
        seen |= comp
        components.append(sorted(comp))
print(components)

deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "log"], "core": [], "log": []}


def toposort(deps):
    indeg = {n: 0 for n in deps}
    for n, ds in deps.items():
        for d in ds:
            indeg[n] += 1
    ready = sorted(n for n, k in indeg.items() if k == 0)
    users = {n: [m for m, ds in deps.items() if n in ds] for n in deps}
    order = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for m in users[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    if len(order) != len(deps):
        raise ValueError("cycle detected")
    return order


print(toposort(deps))
deps["core"].append("app")
try:
    toposort(deps)
except ValueError as e:
    print("ValueError:", e)

grid = ["S.#.....", ".##.###.", "...#...E", ".#...#.."]
start = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "S")
goal = next((r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "E")
steps = {start: 0}
q = deque([start])
while q:
    r, c = q.popleft()
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#" and (nr, nc) not in steps:
            steps[(nr, nc)] = steps[(r, c)] + 1
            q.append((nr, nc))
print(start, goal, steps.get(goal), len(steps))
