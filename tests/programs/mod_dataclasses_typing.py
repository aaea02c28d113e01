from dataclasses import dataclass, field, asdict, replace
from typing import List, Optional, Dict

@dataclass
class Point:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int

p = Point(1)
p.tags.append("a")
print(p, Point(1, 2) == Point(1, 2), asdict(p), replace(p, y=5))
print(sorted([Version(1, 2), Version(0, 9)]), Version(1, 0) < Version(1, 1))
try:
    Version(1, 2).major = 3
except AttributeError as e:
    print(type(e).__name__, e)
def f(a: Optional[int], b: Dict[str, int]) -> List[int]:
    return [a] + list(b.values())
print(f(1, {"k": 2}))
