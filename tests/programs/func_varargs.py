# *args collects extra positional arguments into a tuple; f(*seq) spreads a sequence.
def count(*args):
    return len(args), args
print(count(), count(1), count(1, 'two', [3]))
def total(first, *rest):
    s = first
    for r in rest:
        s = s + r
    return s
print(total(1), total(1, 2, 3), total('a', 'b', 'c'), total([1], [2]))
nums = [4, 5, 6]
print(total(*nums), total(0, *nums), total(*nums, *nums), total(*range(5)), total(*'xyz'))
def three(a, b, c):
    return a, b, c
print(three(*(1, 2, 3)), three(1, *[2, 3]), three(*'abc'))
def wrapper(*args, **kwargs):
    return inner(*args, **kwargs)
def inner(x, y=0, *more, flag=False, **extra):
    return x, y, more, flag, extra
print(wrapper(1), wrapper(1, 2, 3, flag=True), wrapper(x=5, z=6))
def maximum(*values):
    best = values[0]
    for v in values[1:]:
        if v > best:
            best = v
    return best
print(maximum(3, 9, 2), maximum(*[1.5, -2, 7]))
