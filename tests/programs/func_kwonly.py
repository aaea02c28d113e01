# Keyword-only parameters: after * or *args, they can only be passed by name.
def f(a, *, b, c=3):
    return a + b + c
print(f(1, b=2), f(1, b=2, c=10), f(a=1, c=0, b=5))
def g(*args, sep='-', end='.'):
    out = ''
    for i in range(len(args)):
        if i > 0:
            out = out + sep
        out = out + str(args[i])
    return out + end
print(g(1, 2, 3), g(1, 2, sep='+'), g(end='!'), g('x', 'y', end='', sep=''))
def h(*, only):
    return only * 2
print(h(only=21), h(only='ab'))
def config(name, *, verbose=False, level=1, **rest):
    return name, verbose, level, rest
print(config('a'), config('b', level=3), config('c', extra=1, verbose=True))
def kw_default_expr(*, x=[1, 2] + [3]):
    return x
print(kw_default_expr(), kw_default_expr(x='given'))
