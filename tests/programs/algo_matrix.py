# Nested lists as matrices: multiplication, transpose, identity, and integer matrix powers.
def matmul(a, b):
    rows = len(a)
    cols = len(b[0])
    inner = len(b)
    out = []
    for i in range(rows):
        row = []
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            row.append(s)
        out.append(row)
    return out
def transpose(m):
    out = []
    for j in range(len(m[0])):
        row = []
        for i in range(len(m)):
            row.append(m[i][j])
        out.append(row)
    return out
def identity(n):
    out = []
    for i in range(n):
        row = [0] * n
        row[i] = 1
        out.append(row)
    return out
def matpow(m, e):
    result = identity(len(m))
    while e > 0:
        if e % 2 == 1:
            result = matmul(result, m)
        m = matmul(m, m)
        e //= 2
    return result
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b), transpose(a), identity(3))
print(matpow([[1, 1], [1, 0]], 100)[0][1])
f = [[0.5, 0.25], [0.25, 0.5]]
print(matpow(f, 10))
m = identity(4)
m[0][3] = 2
print(matpow(m, 5))
