# Uncaught TypeError from calling a function with a missing argument.
def area(width, height):
    return width * height
def apply(f, *args):
    return f(*args)
print(apply(area, 3, 4))
print(apply(area, 3))
