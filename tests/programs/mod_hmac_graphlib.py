import hmac, hashlib, graphlib
h = hmac.new(b"key", b"The quick brown fox jumps over the lazy dog", hashlib.sha256)
print(h.hexdigest(), h.name, h.digest_size, h.block_size)
print(hmac.new(b"key", b"msg", "md5").hexdigest(), hmac.digest(b"k" * 100, b"m", "sha1").hex(), hmac.compare_digest(b"a", b"a"))
h2 = hmac.new(b"key", digestmod="sha256"); h2.update(b"The quick brown fox "); c = h2.copy(); c.update(b"jumps over the lazy dog"); print(c.hexdigest() == h.hexdigest())
try: hmac.new(b"k")
except TypeError as e: print("TypeError", e)
ts = graphlib.TopologicalSorter({"D": {"B", "C"}, "C": {"A"}, "B": {"A"}})
print(list(ts.static_order()))
ts = graphlib.TopologicalSorter()
ts.add(3, 2, 1); ts.add(1, 0); ts.prepare()
order = []
while ts.is_active():
    ready = ts.get_ready(); order.append(ready); ts.done(*ready)
print(order)
try:
    list(graphlib.TopologicalSorter({1: {2}, 2: {3}, 3: {1}}).static_order())
except graphlib.CycleError as e:
    print("CycleError", e.args[0], e.args[1])
