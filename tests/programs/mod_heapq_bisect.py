# heapq and bisect: priority queues, merging, n-largest, keeping a list
# sorted, and searching with lo/hi bounds.
import bisect
import heapq

heap = []
for priority, task in [(5, "write"), (1, "plan"), (3, "test"), (4, "review"), (2, "design")]:
    heapq.heappush(heap, (priority, task))
print(heap[0], [heapq.heappop(heap) for _ in range(3)], heap)
nums = [9, 4, 7, 1, 8, 2]
heapq.heapify(nums)
print(nums[0], heapq.heappushpop(nums, 0), heapq.heapreplace(nums, 10), sorted(nums))
print(heapq.nlargest(3, [5, 1, 9, 3, 7]), heapq.nsmallest(2, [5, 1, 9, 3, 7]), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([3, 1], [2], key=lambda v: -v)))


def dijkstra(graph, start):
    dist = {start: 0}
    queue = [(0, start)]
    while queue:
        d, node = heapq.heappop(queue)
        if d > dist.get(node, float("inf")):
            continue
        for nxt, w in graph.get(node, []):
            nd = d + w
            if nd < dist.get(nxt, float("inf")):
                dist[nxt] = nd
                heapq.heappush(queue, (nd, nxt))
    return dist


graph = {"a": [("b", 4), ("c", 1)], "c": [("b", 2), ("d", 5)], "b": [("d", 1)]}
print(sorted(dijkstra(graph, "a").items()))

scores = [55, 60, 70, 85, 90]
grades = "FDCBA"
print([grades[bisect.bisect(scores, s) - 1] if s >= 55 else "F" for s in [50, 60, 65, 85, 99]])
data = [1, 3, 3, 3, 7]
print(bisect.bisect_left(data, 3), bisect.bisect_right(data, 3), bisect.bisect(data, 0), bisect.bisect_left(data, 3, 2), bisect.bisect_right(data, 3, 0, 2))
bisect.insort(data, 5)
bisect.insort_left(data, 3)
bisect.insort_right(data, 8)
print(data)
records = [(1, "a"), (4, "b"), (9, "c")]
keys = [r[0] for r in records]
print(records[bisect.bisect_left(keys, 4)], bisect.bisect(records, (4, "z")), bisect.bisect_left([10, 20], 15, key=None) if False else 1)
running = []
for v in [5, 1, 4, 2, 3]:
    bisect.insort(running, v)
    print(running, running[len(running) // 2])
