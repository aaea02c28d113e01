# Conditional expressions, including nesting and laziness of the untaken branch.
def sign(x):
    return 'pos' if x > 0 else 'neg' if x < 0 else 'zero'
print(sign(5), sign(-5), sign(0))
def boom():
    print('evaluated!')
    return 0
print(1 if True else boom(), 2 if False else 3)
x = 10
y = x // 2 if x % 2 == 0 else 3 * x + 1
print(y)
lst = []
for i in range(6):
    lst.append(i * i if i % 2 else -i)
print(lst)
print((lambda v: 'big' if v > 100 else 'small')(1000))
a = 0
b = a or 'fallback' if a == 0 else 'other'
print(b)
