KINDS = []


def register(kind):
    KINDS.append(kind)
    return kind
