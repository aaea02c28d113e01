"""copy for pyfast: shallow and deep copies."""


class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, str, tuple, frozenset, type, range, type(None)) or callable(x) and not hasattr(x, '__dict__'):
        return x
    if hasattr(cls, '__copy__'):
        return x.__copy__()
    if cls is list:
        return x[:]
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if isinstance(x, (list, dict, set)):
        y = cls.__new__(cls)
        if isinstance(x, list):
            y.extend(x)
        elif isinstance(x, dict):
            y.update(x)
        else:
            y.update(x)
        if hasattr(x, '__dict__'):
            y.__dict__.update(x.__dict__)
        return y
    y = cls.__new__(cls)
    if hasattr(x, '__dict__'):
        y.__dict__.update(x.__dict__)
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if cls in (int, float, bool, str, type, range, type(None)) or callable(x) and not hasattr(x, '__dict__'):
        return x
    if hasattr(cls, '__deepcopy__'):
        y = x.__deepcopy__(memo)
    elif cls is list:
        y = []
        memo[d] = y
        y.extend(deepcopy(a, memo) for a in x)
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
    else:
        y = cls.__new__(cls)
        memo[d] = y
        if hasattr(x, '__dict__'):
            for k, v in x.__dict__.items():
                setattr(y, k, deepcopy(v, memo))
    memo[d] = y
    return y
