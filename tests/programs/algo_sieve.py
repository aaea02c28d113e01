# Sieve of Eratosthenes with a list of booleans and list item assignment.
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= limit:
        if is_prime[i]:
            for j in range(i * i, limit + 1, i):
                is_prime[j] = False
        i += 1
    primes = []
    for n in range(limit + 1):
        if is_prime[n]:
            primes.append(n)
    return primes
p = sieve(10000)
print(len(p), p[:15], p[-3:], sum(p))
twins = 0
for k in range(1, len(p)):
    if p[k] - p[k - 1] == 2:
        twins += 1
print(twins)
