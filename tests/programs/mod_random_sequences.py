# random: seeded sequences identical to CPython's Mersenne Twister for
# every common method, independent Random instances, getstate/setstate.
import random

random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)], [random.randrange(0, 100, 7) for _ in range(5)])
print(random.choice("abcdefg"), random.choice([10, 20, 30]), random.choices(range(10), k=6))
print(random.choices("abc", weights=[10, 1, 1], k=8), random.choices("xyz", cum_weights=[1, 2, 10], k=5))
deck = list(range(20))
random.shuffle(deck)
print(deck, random.sample(range(1000), 6), random.sample("abcdef", 3))
print(random.uniform(10, 20), random.gauss(100, 15), random.normalvariate(0, 1), random.expovariate(0.5))
print(random.triangular(0, 10, 3), random.betavariate(2, 5), random.gammavariate(2, 3), random.getrandbits(40))
print(random.lognormvariate(0, 0.5), random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
a, b = random.Random(7), random.Random(7)
print([a.randint(0, 99) for _ in range(5)] == [b.randint(0, 99) for _ in range(5)], a.random(), random.Random(8).random())
random.seed(2**100 + 17)
print(random.random(), random.randint(-10**20, 10**20))
random.seed(-5)
print(random.random())
random.seed(3.5)
print(random.random())
for bad in [lambda: random.randrange(5, 5), lambda: random.choice([]), lambda: random.sample([1, 2], 3), lambda: random.randint(3, 1)]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
r = random.Random()
r.seed(99)
walk, pos = [], 0
for _ in range(20):
    pos += r.choice((-1, 1))
    walk.append(pos)
print(walk, max(walk), min(walk))
