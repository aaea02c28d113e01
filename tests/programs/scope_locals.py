# Name resolution: locals, enclosing functions, globals, builtins, and parameters shadowing them.
value = 'global'
def f():
    return value
def g():
    value = 'local'
    return value
def h(value):
    return value
def uses_builtin():
    return len([1, 2, 3])
def shadows_builtin():
    len = lambda x: 'shadowed'
    return len([1, 2, 3])
print(f(), g(), h('param'), uses_builtin(), shadows_builtin(), len('ok'))
def outer():
    value = 'enclosing'
    def inner():
        return value
    return inner()
print(outer())
def params_are_local(n):
    n = n * 2
    return n
n = 21
print(params_are_local(n), n)
def loop_var_leak():
    for idx in range(4):
        pass
    return idx
print(loop_var_leak())
def conditional_define(flag):
    if flag:
        result = 'defined'
    else:
        result = 'other branch'
    return result
print(conditional_define(True), conditional_define(False))
