# Recursion: fibonacci, ackermann, factorial with big ints, mutual recursion, towers of hanoi.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(0), fib(1), fib(10), fib(20))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(0, 0), ackermann(1, 2), ackermann(2, 3), ackermann(3, 3))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(0), fact(5), fact(30), fact(100))
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)
def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
print(is_even(10), is_odd(10), is_even(301), is_odd(301))
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return 0
    c = hanoi(n - 1, src, via, dst)
    moves.append(src + dst)
    return c + 1 + hanoi(n - 1, via, dst, src)
print(hanoi(4, 'A', 'C', 'B'), len(moves), ' '.join(moves[:7]))
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(500))
def flatten(x, out):
    if isinstance(x, list):
        for item in x:
            flatten(item, out)
    else:
        out.append(x)
    return out
print(flatten([1, [2, [3, [4, [5]]]], [[6]], 7], []))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(48, 18), gcd(17, 5), gcd(2 ** 100, 6 ** 50), gcd(0, 9))
