def parse(s):
    return int(s)


def load(values):
    out = []
    for v in values:
        try:
            out.append(parse(v))
        except ValueError as e:
            raise RuntimeError(f"bad value {v!r}") from e
    return out


print(load(["1", "2"]))
load(["3", "x"])
