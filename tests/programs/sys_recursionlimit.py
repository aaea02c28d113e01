# The recursion limit can be read and raised; recursion deeper than the default then works.
import sys
print(sys.getrecursionlimit())
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(900))
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
print(depth(3000))
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
