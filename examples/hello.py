# The first program to run with pyfast:
#
#     cargo run --release -p pyfast-runtime --bin pyfast -- examples/hello.py
#
# pyfast runs Python files the way python3 does; try also
#     pyfast -c "print(6 * 7)"
#     pyfast --dis examples/hello.py      (the bytecode pyfast compiled)

import sys

name = "world"
if len(sys.argv) > 1:          # pyfast examples/hello.py Ada  ->  Hello, Ada!
    name = sys.argv[1]
print("Hello, " + name + "!")
