# A closure that keeps private state in a nonlocal variable; each call to the factory is independent.
def make_counter(start=0, step=1):
    count = start
    def increment():
        nonlocal count
        count = count + step
        return count
    return increment
c1 = make_counter()
c2 = make_counter(100, 10)
print(c1(), c1(), c1(), c2(), c2(), c1())
def make_accumulator():
    items = []
    def add(x):
        items.append(x)
        return len(items), items
    return add
acc = make_accumulator()
acc('a')
print(acc('b'))
def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n = n + 1
        return n
    def get():
        return n
    return inc, get
inc, get = counter_pair()
inc()
inc()
print(get(), inc(), get())
