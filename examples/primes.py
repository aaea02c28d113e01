# Prime numbers two ways: trial division, and the sieve of Eratosthenes.
#
#     pyfast examples/primes.py          # primes below 100
#     pyfast examples/primes.py 100000   # count the primes below 100000

import sys

def is_prime(n):
    """Trial division by every odd number up to the square root of n."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True

def sieve(limit):
    """All primes below limit: cross out the multiples of each prime."""
    is_candidate = [True] * limit
    primes = []
    for n in range(2, limit):
        if is_candidate[n]:
            primes.append(n)
            for multiple in range(n * n, limit, n):
                is_candidate[multiple] = False
    return primes

limit = 100
if len(sys.argv) > 1:
    limit = int(sys.argv[1])

primes = sieve(limit)
if limit <= 1000:
    print(primes)
print(len(primes), "primes below", limit)

# both methods must agree
for n in range(min(limit, 1000)):
    if is_prime(n) != (n in primes):
        print("disagreement at", n)
