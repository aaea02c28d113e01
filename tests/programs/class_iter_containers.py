# User containers: __iter__ as a generator, separate iterator objects,
# __getitem__ with slices, __contains__, __len__, __reversed__, and
# classes that work with list(), sorted(), in, unpacking and zip.


class Range2D:
    def __init__(self, w, h):
        self.w, self.h = w, h

    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield (x, y)

    def __len__(self):
        return self.w * self.h

    def __contains__(self, p):
        x, y = p
        return 0 <= x < self.w and 0 <= y < self.h


r = Range2D(3, 2)
print(list(r), len(r), (2, 1) in r, (3, 0) in r, sorted(r, reverse=True)[:2], dict.fromkeys(r, 0) == {p: 0 for p in r})


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIter(self.start)


class CountdownIter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(3)
print(list(c), list(c), [x * y for x, y in zip(c, Countdown(5))], sum(c), max(c))
it = iter(c)
print(next(it), next(it), list(it), next(it, "done"))


class Playlist:
    def __init__(self, songs):
        self._songs = list(songs)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Playlist(self._songs[index])
        return self._songs[index]

    def __setitem__(self, index, value):
        self._songs[index] = value

    def __delitem__(self, index):
        del self._songs[index]

    def __len__(self):
        return len(self._songs)

    def __reversed__(self):
        return reversed(self._songs)

    def __repr__(self):
        return f"Playlist({self._songs})"


p = Playlist(["a", "b", "c", "d"])
print(p[0], p[-1], p[1:3], p[::2], len(p), list(reversed(p)), "c" in p, list(p))
p[1] = "B"
del p[0]
first, *rest = p
print(p, first, rest, sorted(p), ",".join(p))
try:
    p[10]
except IndexError as e:
    print("IndexError:", e)


class OnlyGetitem:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError(i)
        return i * i


print(list(OnlyGetitem()), 9 in OnlyGetitem(), 7 in OnlyGetitem(), [v for v in OnlyGetitem() if v % 2])


class Tree:
    def __init__(self, value, *children):
        self.value, self.children = value, children

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child


tree = Tree(1, Tree(2, Tree(4)), Tree(3, Tree(5), Tree(6)))
print(list(tree), sum(tree), max(tree), len(list(tree)))
