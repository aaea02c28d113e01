# The fibonacci function from the talk "Python is slow" (iterative, tuple assignment in a loop).
def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

for n in range(15):
    print(n, fibonacci(n))
print(fibonacci(90))
print(fibonacci(100))
print(fibonacci(300))
# a hot loop: the function is called many times, so higher tiers get to work on it
total = 0
for i in range(2000):
    total = total + fibonacci(i % 100)
print(total)
