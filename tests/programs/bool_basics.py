# bool is a subclass of int; truthiness of every in-scope type.
print(True, False, True + True, True * 10, False - 1, -True, True / 2, True // 1)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(-0.0), bool(0.1), bool(2 ** 100))
print(bool(''), bool(' '), bool([]), bool([0]), bool(()), bool((0,)), bool({}), bool({0: 0}))
print(bool(None), bool(range(0)), bool(range(1)), bool(), bool(True), bool(False))
print(isinstance(True, int), isinstance(True, bool), isinstance(1, bool))
print(str(True), repr(False), int(True), float(False), abs(True), True == 1.0)
print(not True, not False, not 0, not 'x', not [], not None, not not 5)
print(True is True, (1 == 1) is True, (1 < 0) is False)
print(sum([True, True, False, True]), max(False, True), min(True, 2))

# int's __repr__ on a bool gives digits; bool's own says True/False;
# int.__str__ is object's, which calls the type's __repr__.
print(int.__repr__(True), int.__repr__(False), bool.__repr__(True))
print(int.__str__(True), str(True), f"{True}", "%s %d" % (False, True))
