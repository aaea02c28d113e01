# Uncaught TypeError from adding str and int, two frames deep.
def label(name, number):
    return name + number
def build(items):
    out = []
    for i in range(len(items)):
        out.append(label(items[i], i))
    return out
print('start')
print(build(['a', 'b']))
