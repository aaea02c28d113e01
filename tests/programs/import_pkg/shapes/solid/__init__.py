from ...registry import register
from .. import flat

register("solid")


def cube(n):
    return flat.square(n) * n


def where():
    return __name__, __package__
