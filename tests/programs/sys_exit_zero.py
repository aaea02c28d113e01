# sys.exit() and sys.exit(None) and sys.exit(0) all mean success.
import sys
print('before')
if len(sys.argv) > 5:
    sys.exit(4)
sys.exit()
