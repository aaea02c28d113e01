def square(n):
    return n * n


def area(kind, *dims):
    if kind == "square":
        return square(dims[0])
    if kind == "rect":
        return dims[0] * dims[1]
    raise ValueError(f"unknown shape {kind!r}")
