x = 1
print(x)
s = "abc
print(s)
