import json

data = {"name": "pyfast", "version": [0, 1, 0], "fast": True, "debt": None,
        "ratio": 1.67, "big": 2 ** 70, "neg": -0.0, "tiny": 1e-7, "huge": 1e22,
        "text": "line\nquote\" back\\ tab\t bell\x07 é ☃ 😀"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, [3, {}]], []], indent="\t"))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
print(json.dumps({3: "int", 2.5: "float", True: "t", None: "n"}))
print(json.dumps((1, 2)), json.dumps("s"), json.dumps(3), json.dumps(None))
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=0))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

print(json.dumps(Point(1, 2), default=lambda o: o.__dict__))
try:
    json.dumps(Point(1, 2))
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)

class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)

print(json.dumps({"s": {3, 1, 2}}, cls=Enc))
print(Enc(indent=1).encode([1]))

doc = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "\\u00e9\\ud83d\\ude00\\n\\/"}, "d": ""}'
v = json.loads(doc)
print(v)
print(json.loads("  [1, 2]  "), json.loads("12"), json.loads("-0"), json.loads("1E3"), json.loads('"x"'))
print(json.loads(b'{"bytes": 1}'), json.loads(bytearray(b"[3]")))
print(json.loads("[NaN, Infinity, -Infinity]"))
print(json.loads('{"a": 1, "a": 2}'))
print(json.loads('{"x": 1.5, "y": 7}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list))
print(json.loads(json.dumps(data)) == data)
print(json.JSONDecoder().raw_decode('[1] tail'))

for bad in ["", "[1,]", '{"a" 1}', "{1:2}", "[1 2]", '"abc', "1 2", '{"a":1,}', "{", "[",
            '"\\x"', '"\\u12"', '"a\nb"', "-", "nul", '{"a":1', "[1, 2", "\n\n  @"]:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e:
    print("TypeError:", e)
print(issubclass(json.JSONDecodeError, ValueError))
print(json.loads('"a\nb"', strict=False))

import io
buf = io.StringIO()
json.dump({"k": [1, 2]}, buf, indent=1)
print(buf.getvalue())
buf.seek(0)
print(json.load(buf))
print(json.loads(b'\xef\xbb\xbf{"bom": true}'))
print(json.dumps({"a": [{"b": []}, {}]}, indent=3))
print(json.dumps([1, {"z": 1, "a": [True]}], indent=2, separators=(",", " = "), sort_keys=True))
try:
    json.dumps({1: 1, "a": 2}, sort_keys=True)
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"big": 10 ** 30, "f": 0.1 + 0.2, "e": 1.5e300, "i": 5e-324}))
print(json.loads("[1.0, 1e400, -1e400, 123456789012345678901234567890, 0.30000000000000004]"))
print(json.loads('{"k": NaN}', parse_constant=lambda c: "const:" + c))
