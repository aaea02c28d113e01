# Default argument values are evaluated once, when the def statement runs.
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
n = 5
def snapshot(x=n):
    return x
n = 6
print(snapshot(), snapshot(7), n)
calls = 0
def make_default():
    global calls
    calls = calls + 1
    return calls * 100
def f(a, b=make_default(), c=make_default()):
    return a, b, c
print(f(1), f(1, 2), f(1, c=3), calls)
def counter(d={}):
    d['n'] = d.get('n', 0) + 1
    return d['n']
print(counter(), counter(), counter({}), counter())
def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct
print(greet('Ann'), greet('Bob', 'Hi'), greet('Cy', punct='?'), greet(greeting='Yo', name='Di'))
def none_default(x=None):
    if x is None:
        x = []
    x.append(len(x))
    return x
print(none_default(), none_default(), none_default([9]))
