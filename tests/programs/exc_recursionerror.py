# Uncaught RecursionError from unbounded recursion: the traceback collapses repeated lines.
def countdown(n):
    return countdown(n - 1) + 1
def start():
    print('starting')
    return countdown(10)
start()
