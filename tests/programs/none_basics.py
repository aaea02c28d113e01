# None: identity, equality, printing, and as the implicit return value.
x = None
print(x, repr(x), str(x), x is None, x is not None, x == None, x != None)
def nothing():
    pass
def bare_return():
    return
def maybe(flag):
    if flag:
        return 'value'
print(nothing(), bare_return(), maybe(True), maybe(False))
print([None, None], (None,), {None: None})
print(None == 0, None == '', None == False, None is False)
d = {'a': 1}
print(d.get('b'), d.get('b') is None, d.get('a') is None)
r = print('printed')
print(r)
