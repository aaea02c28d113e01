# enum: Flag and IntFlag combinations, pseudo-members, membership, and the
# reprs of IntEnum/StrEnum/IntFlag members.
import enum


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


class Color(enum.Flag):
    RED = enum.auto()
    GREEN = enum.auto()
    BLUE = enum.auto()


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, int(rw), rw & Perm.W, repr(rw & Perm.W))
print(Perm(3), repr(Perm(0)), bool(Perm(0)), bool(rw), rw == 6, Perm.R + 1, (Perm.R | Perm.W) is (Perm.W | Perm.R))
print(repr(Perm.R | 1), f"{rw:03d}", sorted([Perm.X, Perm.R, Perm.W]), [p.name for p in Perm])
c = Color.RED | Color.BLUE
print(c, repr(c), Color.GREEN in c, Color.RED in c, list(Color), c.value, c.name, Color(5) is c)
print(repr(Color.RED & Color.GREEN), str(Color(0)), Color.RED ^ Color.RED, bool(Color.RED & Color.BLUE))


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 3


class Mode(enum.StrEnum):
    FAST = "fast"
    SAFE = "safe"


print(repr(Level.LOW), str(Level.HIGH), f"{Level.HIGH}", Level.LOW < Level.HIGH, Level(3), Level.HIGH * 2)
print(repr(Mode.FAST), str(Mode.SAFE), Mode.FAST == "fast", Mode("safe"), Mode.FAST.upper(), sorted(Mode))
perms = {"r": Perm.R, "w": Perm.W, "x": Perm.X}
total = Perm(0)
for ch in "rx":
    total |= perms[ch]
print(total, repr(total), [name for name, p in perms.items() if p in total])
