# Annotations evaluated at definition time: PEP 585 generics (list[int]),
# typing names, __annotations__, and the types module.
import types
from typing import Any, Callable, Dict, List, Optional, Tuple, TypeVar, Union

T = TypeVar("T")


def scale(values: list[float], factor: float = 2.0) -> list[float]:
    return [v * factor for v in values]


def lookup(table: dict[str, tuple[int, ...]], key: str) -> Optional[tuple[int, ...]]:
    return table.get(key)


def apply(f: Callable[[int], int], xs: List[int]) -> Dict[str, Any]:
    return {"results": [f(x) for x in xs]}


def first(xs: "list[T]") -> T:
    return xs[0]


def plain(a, b):
    return a + b


print(scale([1.0, 2.5]), lookup({"a": (1, 2)}, "a"), apply(lambda x: x * x, [1, 2, 3]), first([9]))
print(scale.__annotations__)
print(lookup.__annotations__["table"], lookup.__annotations__["return"] is not None)
print(first.__annotations__, plain.__annotations__, sorted(apply.__annotations__))
print(list[int], dict[str, list[int]], tuple[int, ...], set[frozenset[str]], type[int], list[int]([1, 2]))
print(list[int] == list[int], list[int] == list[str], list[int].__origin__ is list, dict[str, int].__args__)


class Node:
    value: int
    children: "list[Node]"
    label: str = "leaf"

    def add(self, child: "Node") -> "Node":
        return self


print(Node.__annotations__, Node.label, Node.add.__annotations__)
x: int = 5
y: list[str]
print(__annotations__)

ns = types.SimpleNamespace(host="localhost", port=8080)
ns.debug = True
print(ns, ns.port, types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1))
print(type(plain) is types.FunctionType, type(len) is types.BuiltinFunctionType, isinstance(types, types.ModuleType))
print(type(i for i in []) is types.GeneratorType, type(Node().add) is types.MethodType, type(None) is types.NoneType)
print(Union[int, str] is not None, Tuple[int, int] is not None, Optional[int] is not None)
