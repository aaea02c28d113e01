# Keyword arguments and **kwargs: the order of keys is the order the caller wrote them.
def show(**kwargs):
    out = ''
    for k in kwargs:
        out = out + k + '=' + repr(kwargs[k]) + ' '
    print(out, len(kwargs))
show()
show(z=1, a=2, m=3)
show(b='x', a='y')
opts = {'zeta': 1, 'alpha': 2}
show(**opts)
show(first=0, **opts)
show(**opts, last=9)
def mixed(a, b=2, *args, c, d=4, **kwargs):
    print('a', a, 'b', b, 'args', args, 'c', c, 'd', d, 'kwargs', kwargs)
mixed(1, c=3)
mixed(1, 20, 30, 40, c=3, e=5, d=6)
mixed(c=0, a=1, zz=2, b=3)
def describe(name, **info):
    parts = [name]
    for key, value in info.items():
        parts.append(key + ':' + str(value))
    return ' '.join(parts)
print(describe('widget', color='red', size=3, weight=1.5))
def passthrough(**kw):
    return kw
print(passthrough(y=1, x=2), passthrough(**{'k': 'v'}))
kw = passthrough(a=1)
kw['b'] = 2
print(kw, passthrough(**kw))
def pos(a, b, c):
    return a * 100 + b * 10 + c
print(pos(1, 2, 3), pos(c=3, b=2, a=1), pos(1, c=3, b=2), pos(**{'a': 7, 'b': 8, 'c': 9}))
