# match statements: literal, capture, wildcard, or, as, guard, sequence (with
# star), mapping (with **rest), class (positional via __match_args__ and
# keyword) patterns; their runtime TypeErrors; match inside loops/generators.
from dataclasses import dataclass
import collections

@dataclass
class Point:
    x: int
    y: int

class Pos:
    __match_args__ = ("a", "b")

    def __repr__(self):
        return f"Pos({self.a!r}, {self.b!r})"

    def __init__(self, a, b):
        self.a, self.b = a, b

def describe(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 1 as small:
            return f"small {small}"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num}"
        case "hello" | "hi":
            return "greeting"
        case str(s):
            return f"string {s!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long {first} +{len(rest)}"
        case [first, *_, last]:
            return f"seq {first}..{last}"
        case {"type": "circle", "r": r}:
            return f"circle {r}"
        case {"type": t, **others}:
            return f"typed {t} {sorted(others.items())}"
        case {}:
            return "mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis {yy}"
        case Point(x, y):
            return f"point {x},{y}"
        case Pos(a, b=[_, *_] as lst):
            return f"pos {a} list {lst}"
        case Pos(a, b):
            return f"pos {a} {b}"
        case (1, 2) | (2, 1):
            return "tuple 12"
        case _:
            return f"other {type(v).__name__}"

tests = [None, True, False, 0, 1, -5, 7, 2.5, "hi", "hello", "x", [], [9], [1, 2], [1, 2, 3, 4, 5, 6], (1, 2, 3),
         {"type": "circle", "r": 2}, {"type": "sq", "w": 3, "h": 4}, {"a": 1}, {}, Point(0, 0), Point(0, 5), Point(3, 4),
         Pos(1, [2, 3]), Pos(1, "s"), (2, 1), collections.OrderedDict(type="od"), collections.deque([1, 2]), b"bytes", {1, 2}, range(2)]
for t in tests:
    print(repr(t), "->", describe(t))

# names bound at module level, nested patterns, guards that fail
match [1, [2, 3], {"k": (4, 5)}]:
    case [a, [b, c], {"k": (d, e)}] if a + b + c + d + e == 15:
        print("nested", a, b, c, d, e)
    case _:
        print("no")

for cmd in ["go north", "go", "look", "drop sword shield", "quit now"]:
    match cmd.split():
        case ["go", direction]:
            print("going", direction)
        case ["go"]:
            print("go where?")
        case ["drop", *objects]:
            print("dropping", objects)
        case ["look" | "l"]:
            print("looking")
        case [other, *_]:
            print("unknown", other)

class NoArgs:
    pass


def describe2(v):
    match v:
        case NoArgs(x):
            return x


try:
    describe2(NoArgs())
except TypeError as e:
    print("TypeError:", e)
try:
    match 5:
        case len(x):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match 5:
        case int(a, b):
            pass
except TypeError as e:
    print("TypeError:", e)

def gen():
    for x in range(3):
        match x:
            case 0:
                yield "zero"
            case n:
                yield n * 10
print(list(gen()))
i = 0
while True:
    match i:
        case 3:
            break
        case _:
            i += 1
print("i", i)
