# Nested closures across several levels, nonlocal writes reaching the right scope, late binding.
def outer():
    x = 'outer'
    def middle():
        y = 'middle'
        def inner():
            nonlocal x, y
            x = x + '+inner'
            y = y + '+inner'
            return x, y
        r = inner()
        return r, y
    r = middle()
    return r, x
print(outer())
def level1():
    a = 1
    def level2():
        def level3():
            def level4():
                nonlocal a
                a = a * 10
                return a
            return level4()
        return level3()
    level2()
    level2()
    return a
print(level1())
def shadow():
    v = 'outer v'
    def inner():
        v = 'inner v'
        return v
    return inner(), v
print(shadow())
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print(funcs[0](), funcs[1](), funcs[2]())
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print(funcs[0](), funcs[1](), funcs[2]())
def make_adders():
    adders = []
    for k in range(3):
        def make(k):
            return lambda x: x + k
        adders.append(make(k))
    return adders
adders = make_adders()
print(adders[0](10), adders[1](10), adders[2](10))
def late():
    def get():
        return value
    value = 'assigned after def'
    return get()
print(late())
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose(compose(inc, inc), dbl)(1))
def memo_fib():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib
print(memo_fib()(90))
