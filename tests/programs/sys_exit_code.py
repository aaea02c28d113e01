# sys.exit(n) ends the program with exit status n; code after it does not run.
import sys
def finish(code):
    print('exiting with', code)
    sys.exit(code)
    print('not reached')
for i in range(10):
    if i == 2:
        finish(3)
    print('iteration', i)
print('not reached either')
