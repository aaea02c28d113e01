# Benchmark: call-heavy code (recursion and many small function calls).
# Run by tests/bench/compare.py; prints results so outputs can be compared.

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def add(a, b):
    return a + b

def scale(x, factor=3):
    return x * factor

def clamp(x, lo, hi):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x

def small_calls(n):
    acc = 0
    check = 0
    for i in range(n):
        acc = clamp(add(acc, scale(i)), -1000000, 1000000) - add(i, 1)
        check = (check + acc) % 1000003
    return check

def make_counter():
    count = 0
    def step(k):
        nonlocal count
        count = count + k
        return count
    return step

def closure_calls(n):
    step = make_counter()
    last = 0
    for i in range(n):
        last = step(i % 3)
    return last

print(fib(30))
print(small_calls(1000000))
print(closure_calls(1000000))
