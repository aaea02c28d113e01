# A tokenizer and Pratt parser for arithmetic with variables and
# functions, evaluated over exact ints and floats; errors are exceptions.
import math





class CalcError(Exception):
    pass


def tokenize(text):
    tokens, i = [], 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or c == ".":
            j = i
            while j < len(text) and (text[j].isdigit() or text[j] == "."):
                j += 1
            lit = text[i:j]
            tokens.append(("num", float(lit) if "." in lit else int(lit)))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(("name", text[i:j]))
            i = j
        elif text.startswith("**", i):
            tokens.append(("op", "**"))
            i += 2
        elif c in "+-*/%(),=":
            tokens.append(("op", c))
            i += 1
        else:
            raise CalcError(f"bad character {c!r} at {i}")
    tokens.append(("end", None))
    return tokens


BINARY = {"+": (10, False), "-": (10, False), "*": (20, False), "/": (20, False), "%": (20, False), "**": (30, True)}
FUNCS = {"sqrt": math.sqrt, "abs": abs, "max": max, "min": min, "round": round}


class Calc:
    def __init__(self):
        self.vars = {"pi": math.pi}

    def run(self, text):
        self.toks, self.pos = tokenize(text), 0
        if self.peek() == ("name", self.toks[0][1]) and self.toks[1] == ("op", "="):
            name = self.next()[1]
            self.next()
            value = self.expr(0)
            self.vars[name] = value
        else:
            value = self.expr(0)
        if self.peek()[0] != "end":
            raise CalcError(f"unexpected {self.peek()[1]!r}")
        return value

    def peek(self):
        return self.toks[self.pos]

    def next(self):
        tok = self.toks[self.pos]
        self.pos += 1
        return tok

    def expr(self, min_bp):
        kind, val = self.next()
        if kind == "num":
            left = val
        elif kind == "name":
            if self.peek() == ("op", "("):
                self.next()
                args = []
                while self.peek() != ("op", ")"):
                    args.append(self.expr(0))
                    if self.peek() == ("op", ","):
                        self.next()
                self.next()
                if val not in FUNCS:
                    raise CalcError(f"unknown function {val}")
                left = FUNCS[val](*args)
            elif val in self.vars:
                left = self.vars[val]
            else:
                raise CalcError(f"undefined variable {val}")
        elif (kind, val) == ("op", "-"):
            left = -self.expr(25)
        elif (kind, val) == ("op", "("):
            left = self.expr(0)
            if self.next() != ("op", ")"):
                raise CalcError("missing )")
        else:
            raise CalcError(f"unexpected {val!r}")
        while True:
            kind, op = self.peek()
            if kind != "op" or op not in BINARY:
                return left
            bp, right_assoc = BINARY[op]
            if bp < min_bp or (bp == min_bp and not right_assoc):
                return left
            self.next()
            right = self.expr(bp if right_assoc else bp + 1)
            try:
                left = {"+": lambda: left + right, "-": lambda: left - right, "*": lambda: left * right,
                        "/": lambda: left / right, "%": lambda: left % right, "**": lambda: left ** right}[op]()
            except ZeroDivisionError as e:
                raise CalcError(f"division by zero in {op}") from e


calc = Calc()
for line in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "10 / 4", "10 % 4 - 7 % -3", "x = 2 ** 100",
             "x + 1", "r = sqrt(16) + abs(-3)", "max(1, r, 2) * pi", "round(pi * 1000) / 1000", "1.5 * 4",
             "1 / 0", "y + 1", "2 $ 3", "(1 + 2", "foo(1)", "1 2"]:
    try:
        print(f"{line:26} => {calc.run(line)!r}")
    except CalcError as e:
        cause = f" (from {type(e.__cause__).__name__})" if e.__cause__ else ""
        print(f"{line:26} !! {e}{cause}")
print(sorted(calc.vars))
