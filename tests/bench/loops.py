# Benchmark: loop-heavy integer arithmetic (nested for/while loops, no calls in the hot path).
# Run by tests/bench/compare.py; prints a checksum so outputs can be compared.

def nested_loops(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total = (total + i * j + (i ^ j)) % 1000003
    return total

def while_loops(n):
    x = 0
    i = 0
    while i < n:
        j = i
        while j > 0:
            x = x + (j & 7) - (j >> 3) % 5
            j = j // 2
        i = i + 1
    return x

def sieve_count(limit):
    flags = [True] * (limit + 1)
    count = 0
    for p in range(2, limit + 1):
        if flags[p]:
            count = count + 1
            for m in range(p * p, limit + 1, p):
                flags[m] = False
    return count

print(nested_loops(900))
print(while_loops(150000))
print(sieve_count(1000000))
