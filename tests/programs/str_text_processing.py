# Text processing with str methods only: word frequencies, wrapping to a
# width, justification, caesar shifts, palindromes, and a table layout.

text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness."""

words = [w.strip(".,").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top, len(words), len(freq), max(words, key=len))


def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def justify(line, width):
    gaps = line.count(" ")
    if gaps == 0:
        return line.ljust(width)
    words = line.split(" ")
    spaces = width - sum(len(w) for w in words)
    out = ""
    for i, w in enumerate(words[:-1]):
        extra = spaces // gaps + (1 if i < spaces % gaps else 0)
        out += w + " " * extra
    return out + words[-1]


for line in wrap(text, 40):
    print("|" + justify(line, 40) + "|")
print("|" + "centered".center(40, ".") + "|", "|" + "right".rjust(12) + "|")


def caesar(s, k):
    out = []
    for c in s:
        if c.isalpha():
            base = ord("A") if c.isupper() else ord("a")
            out.append(chr((ord(c) - base + k) % 26 + base))
        else:
            out.append(c)
    return "".join(out)


secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3), caesar("xyz", 30))
for s in ["A man, a plan, a canal: Panama", "racecar", "pyfast", "Was it a car or a cat I saw?"]:
    clean = "".join(c for c in s.lower() if c.isalnum())
    print(repr(s), clean == clean[::-1])
rows = [("name", "lang", "stars"), ("pyfast", "Rust", "1200"), ("cpython", "C", "60000"), ("pypy", "RPython", "3000")]
widths = [max(len(r[i]) for r in rows) for i in range(3)]
sep = "+".join("-" * (w + 2) for w in widths)
for i, r in enumerate(rows):
    print("|".join(f" {cell.ljust(w) if j < 2 else cell.rjust(w)} " for j, (cell, w) in enumerate(zip(r, widths))))
    if i == 0:
        print(sep)
print("snake_case_name".split("_"), "-".join("CamelCaseName".lower()), "a1b2c3".translate({ord(d): None for d in "123"}))
print("title case of this".title(), "  x  ".strip(), "tab\tsep".expandtabs(8), "x".join("abc"), "%-6s|" % "pad")
