# sys.argv holds the script name (as given on the command line) and its arguments.
import sys
print(sys.argv, len(sys.argv), sys.argv[0], isinstance(sys.argv, list))
print(sys.argv[0].endswith('.py'), sys.argv[1:])
