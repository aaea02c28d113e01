# global: functions reading and rebinding module variables, and creating new ones.
counter = 0
def bump():
    global counter
    counter = counter + 1
    return counter
bump()
bump()
print(counter, bump(), counter)
def create():
    global created
    created = 'made inside a function'
create()
print(created)
x = 'module x'
def reads_global():
    return x
def shadows_global():
    x = 'local x'
    return x
print(reads_global(), shadows_global(), x)
def nested_global():
    def inner():
        global x
        x = 'rebound by inner'
    inner()
x = 'before'
nested_global()
print(x)
items = []
def mutate_without_global():
    items.append(len(items))
mutate_without_global()
mutate_without_global()
print(items)
def uses_builtin_name():
    global len
    return len('abc')
print(uses_builtin_name())
total = 0
for i in range(5):
    total = total + i
print(total, i)
