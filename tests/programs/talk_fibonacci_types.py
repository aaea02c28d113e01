# The talk's fibonacci, specialised for ints, then called with other types.
def fibonacci(n, a=0, b=1):
    for _ in range(n):
        a, b = b, a + b
    return a


for _ in range(50):
    fibonacci(30)
print(fibonacci(90))
print(fibonacci(5, "", "a"))
print(fibonacci(6, 0.5, 1.25))
print(fibonacci(4, [], [1]))
