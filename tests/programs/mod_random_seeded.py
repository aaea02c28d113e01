import random
random.seed(12345)
print(random.random(), random.randint(1, 100), random.randrange(0, 1000, 7), random.choice("abcdef"))
l = list(range(10)); random.shuffle(l); print(l)
print(random.uniform(1, 2), random.gauss(0, 1), random.gauss(0, 1), random.sample(range(100), 5))
print(random.choices("xyz", weights=[1, 2, 3], k=5), random.getrandbits(100), random.randint(0, 10**30))
r = random.Random(7); print(r.random(), r.randrange(10))
