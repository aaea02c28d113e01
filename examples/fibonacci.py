# The fibonacci function from the talk pyfast grew from ("Python is slow").
#
# Its loop is the kind of hot code the higher tiers are for: the same
# bytecode runs again and again with ints, so it can be specialized
# (BINARY_OP_ADD_INT), traced, and finally compiled to machine code.
# Compare the tiers with:
#
#     pyfast --tier 0 examples/fibonacci.py
#     pyfast --dis examples/fibonacci.py

def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

for n in range(10):
    print(n, fibonacci(n))

# ints never overflow: past 62 bits they become big ints automatically
print(fibonacci(100))
