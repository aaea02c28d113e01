from enum import Enum, IntEnum, auto

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

class Prio(IntEnum):
    LOW = auto()
    HIGH = auto()

print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED == Color.RED, Color.RED is Color(1))
print(Prio.HIGH, Prio.HIGH > Prio.LOW, Prio.LOW + 1, [p.name for p in Prio], isinstance(Prio.LOW, int))
try:
    Color(7)
except ValueError as e:
    print(e)
