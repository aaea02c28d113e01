# Uncaught ZeroDivisionError raised three calls deep: traceback with ~~^~~ carets.
def ratio(a, b):
    return a / b
def average(values, count):
    total = sum(values)
    return ratio(total, count)
def report(values):
    print('values:', values)
    print('average:', average(values, len(values)))
report([1, 2, 3])
report([])
print('not reached')
