class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __iter__(self):
        yield self.x
        yield self.y

    def __bool__(self):
        return bool(self.x or self.y)

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)


v = Vec(1, 2)
print(v + Vec(3, 4), v * 3, 3 * v, v == Vec(1, 2), v != Vec(0, 0))
print(len(v), v[0], list(v), bool(Vec(0, 0)), {v: "a"}[Vec(1, 2)])
print(sorted([Vec(2, 1), Vec(1, 5), Vec(1, 2)]), max([Vec(0, 9), Vec(1, 0)]))


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, et, e, tb):
        print("exit", et.__name__ if et else None)
        return True


with Ctx() as c:
    raise ValueError("suppressed")
print("after with")


class Called:
    def __call__(self, *args, **kwargs):
        return args, kwargs


print(Called()(1, 2, k=3))
