# Ordinary text processing with re: log parsing, tokenizing, templating.
import re

LOG = """2024-01-05 10:22:01 INFO  server started port=8080
2024-01-05 10:22:07 WARN  slow request path=/api/items ms=1250
2024-01-05 10:23:15 ERROR failed path=/api/login code=500
2024-01-05 10:24:00 INFO  request path=/ ms=12"""

line_re = re.compile(r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]+) (?P<level>[A-Z]+)\s+(?P<msg>.*)$", re.M)
for m in line_re.finditer(LOG):
    fields = dict(re.findall(r"(\w+)=(\S+)", m["msg"]))
    print(m["level"], m["time"], fields)
print(len(line_re.findall(LOG)), [lvl for _, _, lvl, _ in line_re.findall(LOG)])

TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(\w+)|(\*\*|[-+*/()]))")
def tokens(src):
    pos = 0
    out = []
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m or m.end() == pos:
            raise SyntaxError(f"bad input at {pos}: {src[pos:]!r}")
        num, name, op = m.groups()
        out.append(("NUM", num) if num else ("NAME", name) if name else ("OP", op))
        pos = m.end()
    return out
print(tokens("3.5 * (x + 42) ** 2"))
try:
    tokens("1 + $")
except SyntaxError as e:
    print("SyntaxError:", e)

def render(template, values):
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: str(values.get(m.group(1), m.group(0))), template)
print(render("Hello {{ name }}, you owe {{amount}} {{ missing }}.", {"name": "Ann", "amount": 12}))

def snake(name):
    s = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower()
print([snake(n) for n in ["CamelCase", "HTTPServerError", "getX", "already_snake"]])

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
print(EMAIL.findall("mail ann@example.com, bob.smith+x@mail.co.uk; not@valid"))
print(re.sub(r"(?m)^\s+|\s+$", "", "  a  \n   b \n"))
words = re.findall(r"[a-z']+", "It's the end of the world as we know it, and I feel fine.".lower())
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:4])
print(re.split(r"(?<=[.!?])\s+", "One. Two! Three? Four"))
date = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
print(date.sub(r"\3-\1-\2", "due 1/15/2024 and 12/3/2023"))
print(bool(re.fullmatch(r"[0-9a-f]{8}", "deadbeef")), bool(re.fullmatch(r"[0-9a-f]{8}", "deadbeefx")))
print(re.findall(r"\b(\w+)\s+\1\b", "this is is a test test ok", re.I))
print(re.sub(r"\d+", lambda m: f"<{int(m[0]):03d}>", "a7b42c"))
