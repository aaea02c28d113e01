# Generator-based recipes: sliding windows, chunking, round-robin,
# unique-everseen, flatten, interleave, and infinite generators consumed
# lazily; generators kept suspended and finalized when dropped.
import itertools


def chunks(iterable, n):
    it = iter(iterable)
    while True:
        chunk = list(itertools.islice(it, n))
        if not chunk:
            return
        yield chunk


def roundrobin(*iterables):
    pending = [iter(it) for it in iterables]
    while pending:
        for it in list(pending):
            try:
                yield next(it)
            except StopIteration:
                pending.remove(it)


def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element


def primes():
    found = []
    for n in itertools.count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1


print(list(chunks(range(10), 3)), list(chunks([], 2)))
print(list(roundrobin("ABC", "D", "EF")), list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABbCcAD", str.lower)))
print(list(itertools.islice(primes(), 15)), next(p for p in primes() if p > 100))
print(list(collatz(27))[:12], len(list(collatz(27))), max(collatz(27)))
lengths = {n: sum(1 for _ in collatz(n)) for n in range(1, 30)}
print(max(lengths, key=lengths.get), lengths[27])


class Resource:
    def __init__(self, name):
        self.name = name

    def lines(self):
        try:
            for i in range(3):
                yield f"{self.name}:{i}"
        finally:
            print(f"  closing {self.name}")


r = Resource("file")
g = r.lines()
print(next(g))
del g
print("after drop")
for line in Resource("loop").lines():
    if line.endswith("1"):
        break
print("after break")
pairs = list(zip(itertools.count(), "abc"))
print(pairs, list(itertools.chain.from_iterable(pairs)), dict(pairs))
evens, odds = (list(g) for g in (filter(lambda x: x % 2 == 0, range(10)), filter(lambda x: x % 2, range(10))))
print(evens, odds)
