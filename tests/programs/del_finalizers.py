# __del__ runs the moment the last reference goes (reference counting),
# also for generators left suspended inside try/finally.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def scope():
    a = Noisy("local")
    print("in scope")


scope()
print("after scope")
x = Noisy("rebound")
x = None
print("after rebind")
items = [Noisy("in list")]
items.pop()
print("after pop")


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")


g = gen()
print(next(g))
del g
print("after del g")

saved = []


class Phoenix:
    def __del__(self):
        print("phoenix rises")
        saved.append(self)


p = Phoenix()
del p
print("saved", len(saved))
