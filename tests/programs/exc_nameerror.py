# Uncaught NameError from a misspelt-beyond-recognition name inside nested calls.
def compute(x):
    return x + qqq_undefined_zzz
def run(n):
    print('running', n)
    return compute(n) * 2
print(run(1))
