# The talk's Sneaky.__del__: a finalizer rewrites the caller's `x` at module
# level, through the module frame's f_locals (the globals dict).
class Sneaky:
    def __del__(self):
        import sys
        sys._getframe(1).f_locals["x"] = "bar"

x = Sneaky()

x = "foo"
print(x)    # Prints "bar"!
