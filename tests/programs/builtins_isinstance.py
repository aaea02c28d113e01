# isinstance with the built-in types, bool's relationship to int, and tuples of types.
values = [0, -3, 2 ** 100, 1.5, True, 'str', '', [1], (), {}, range(3), None]
for v in values:
    print(repr(v), isinstance(v, int), isinstance(v, float), isinstance(v, str),
          isinstance(v, bool), isinstance(v, list), isinstance(v, tuple), isinstance(v, dict))
print(isinstance(1, (str, int)), isinstance(1.0, (int, str)), isinstance('s', (list, (tuple, str))))
print(isinstance(False, int), isinstance(1, bool), isinstance(range(2), range))
def describe(x):
    if isinstance(x, bool):
        return 'bool'
    elif isinstance(x, int):
        return 'int'
    elif isinstance(x, float):
        return 'float'
    elif isinstance(x, (list, tuple)):
        return 'sequence of ' + str(len(x))
    elif isinstance(x, dict):
        return 'mapping'
    return 'other'
for v in [True, 7, 7.0, [1, 2], (1,), {}, 'x', None]:
    print(describe(v), end='; ')
print()
