# Uncaught ValueError from int() on text that is not a number.
def parse_all(texts):
    out = []
    for t in texts:
        out.append(parse(t))
    return out
def parse(t):
    return int(t)
print(parse_all(['1', ' 22 ', '-3']))
print(parse_all(['4', 'x']))
