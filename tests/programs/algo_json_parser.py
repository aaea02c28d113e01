# A small recursive-descent JSON parser and serializer: classes, string
# scanning, exceptions with positions, recursion, formatting.


class ParseError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos


class Parser:
    ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

    def __init__(self, text):
        self.text, self.i = text, 0

    def ws(self):
        while self.i < len(self.text) and self.text[self.i] in " \t\r\n":
            self.i += 1

    def parse(self):
        value = self.value()
        self.ws()
        if self.i != len(self.text):
            raise ParseError("trailing data", self.i)
        return value

    def value(self):
        self.ws()
        if self.i >= len(self.text):
            raise ParseError("unexpected end", self.i)
        c = self.text[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        return self.number()

    def obj(self):
        self.i += 1
        result = {}
        self.ws()
        if self.text[self.i] == "}":
            self.i += 1
            return result
        while True:
            self.ws()
            key = self.string()
            self.ws()
            if self.text[self.i] != ":":
                raise ParseError("expected ':'", self.i)
            self.i += 1
            result[key] = self.value()
            self.ws()
            c = self.text[self.i]
            self.i += 1
            if c == "}":
                return result
            if c != ",":
                raise ParseError("expected ',' or '}'", self.i - 1)

    def arr(self):
        self.i += 1
        result = []
        self.ws()
        if self.text[self.i] == "]":
            self.i += 1
            return result
        while True:
            result.append(self.value())
            self.ws()
            c = self.text[self.i]
            self.i += 1
            if c == "]":
                return result
            if c != ",":
                raise ParseError("expected ',' or ']'", self.i - 1)

    def string(self):
        if self.text[self.i] != '"':
            raise ParseError("expected string", self.i)
        self.i += 1
        out = []
        while True:
            c = self.text[self.i]
            if c == '"':
                self.i += 1
                return "".join(out)
            if c == "\\":
                esc = self.text[self.i + 1]
                if esc == "u":
                    out.append(chr(int(self.text[self.i + 2:self.i + 6], 16)))
                    self.i += 6
                    continue
                out.append(self.ESCAPES[esc])
                self.i += 2
                continue
            out.append(c)
            self.i += 1

    def number(self):
        start = self.i
        while self.i < len(self.text) and self.text[self.i] in "+-0123456789.eE":
            self.i += 1
        token = self.text[start:self.i]
        if not token:
            raise ParseError(f"unexpected character {self.text[start]!r}", start)
        return float(token) if any(ch in token for ch in ".eE") else int(token)


def dumps(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        inner = ",\n".join(f'{pad}  "{k}": {dumps(x, indent + 1)}' for k, x in v.items())
        return "{\n" + inner + "\n" + pad + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dumps(x, indent) for x in v) + "]"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    return repr(v)


doc = '{"name": "pyfast", "version": [0, 1, 2], "fast": true, "ratio": 1.5e2, "nested": {"a": null, "b": "q\\"uote\\n\\u00e9"}, "empty": [], "e": {}}'
data = Parser(doc).parse()
print(data)
print(dumps(data))
print(Parser(dumps(data)).parse() == data, data["nested"]["b"], data["ratio"], -Parser("-12").parse())
for bad in ['{"a" 1}', "[1, 2", "[1 2]", "@", '{"a": 1} x', ""]:
    try:
        Parser(bad).parse()
    except ParseError as e:
        print(repr(bad), "->", e, e.pos)
    except IndexError:
        print(repr(bad), "-> ran off the end")
