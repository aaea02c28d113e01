# Functions are values: passed, returned, stored in containers, and compared by identity.
def square(x):
    return x * x
def cube(x):
    return x * x * x
def apply_all(funcs, value):
    out = []
    for fn in funcs:
        out.append(fn(value))
    return out
print(apply_all([square, cube, abs, str], -3))
table = {'sq': square, 'cube': cube}
print(table['sq'](9), table['cube'](2))
alias = square
print(alias(5), alias is square, square is cube, square == square)
def twice(fn):
    def run(x):
        return fn(fn(x))
    return run
print(twice(square)(3), twice(twice(cube))(1), twice(lambda s: s + s)('ab'))
def pipeline(*steps):
    def run(x):
        for step in steps:
            x = step(x)
        return x
    return run
print(pipeline(square, str, len)(12345))
def recursive_ref():
    return recursive_ref
print(recursive_ref() is recursive_ref)
