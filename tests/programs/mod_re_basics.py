import re

print(re.match(r"(\d+)-(\d+)", "12-345 rest").groups())
m = re.search(r"(?P<key>\w+)=(?P<val>[^;]*)", "x; color=blue; size=9")
print(m, m.group(), m.group("key"), m["val"], m.group(1, 2), m.span(), m.start(2), m.end("val"))
print(m.groupdict(), m.lastindex, m.lastgroup, m.re.groupindex, m.pos, m.endpos, m.string)
print(re.fullmatch(r"a|ab", "ab"), re.fullmatch(r"a+", "aab"), re.match("b", "ab"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"(a)|b", "ab"))
print([m.span() for m in re.finditer(r"\w+", "hello big world")])
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home and ann@work"))
print(re.sub(r"(?P<n>\d+)", r"<\g<n>|\g<1>|\g<0>>", "a1b22"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c9"), re.subn("a", "b", "aaa", count=2))
print(re.sub("x*", "-", "abxd"), re.split("x*", "axbc"), re.sub("", "-", "abc"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c"), re.split(",", "a,b,c", maxsplit=1))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."))
print(re.escape("a.b*c?d+e(f)[g]{h}^$|\\ -#&~"), re.escape(b"a.b"))
print(re.search("HELLO", "say hello", re.I).group(), re.findall("^\\w", "ab\ncd", re.M))
print(re.search("a.b", "a\nb"), re.search("a.b", "a\nb", re.S).group())
print(re.findall(r"""\d+   # digits
                    \s*  # spaces""", "12 34", re.X))
print(re.search(r"(\w)\1", "abccd").group(), re.search(r"(?P<c>\w)(?P=c)", "xyzzy").group())
print(re.findall(r"\w+(?=!)", "hi! yo? hey!"), re.findall(r"(?<!\$)\b\d+", "$12 34 $5 6"))
print(re.findall(r"(?<=@)\w+", "a@b c@d"), re.search(r"q(?!u)", "quit qat").start())
print(re.match(r"(?i)abc", "ABC").group(), re.match(r"(?:ab)+", "ababx").group())
print(re.findall(r"a{2}", "aaaaa"), re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{,2}b", "aaab"))
print(re.findall("x{", "x{y"), re.findall("[{}]", "{a}"), re.match("a*?", "aaa").group(), re.match("a+?", "aaa").group())
print(re.search(r"\bfoo\b", "a foo.").span(), re.search(r"\Bo", "foo").span(), re.search(r"end\Z", "the end").span())
print(re.search("a$", "a\n"), re.search("a$", "a\nb"), re.search(r"\Aab", "ab"))
print(re.findall(r"[^\W\d]+", "ab12cd_3"), re.findall(r"[\d.-]+", "x-1.5y"), re.findall(r"[]a]", "]ab"))
print(re.findall(r"\w+", "naïve café"), re.findall(r"\w+", "naïve café", re.A), re.search("é+", "aéé").span())
print(re.match(r"(a)?b", "b").groups(), re.match(r"(a)?b", "b").groups("-"), re.match(r"(a)?(b)", "b").group(1))
p = re.compile(r"\d+", re.M | re.I)
print(p, re.compile("x"), p.pattern, p.flags, p.groups, re.compile(r"(a)(?P<b>b)").groupindex)
print(p.search("ab12", 3), p.match("ab12", 2), p.findall("1 2 3", 2), p.search("12345", 1, 3))
print(re.compile("a") is re.compile("a"), re.I | re.M, re.NOFLAG)
print(re.search(rb"(\d+)", b"ab 42").group(1), re.sub(rb"a", b"o", b"banana"), re.findall(rb"\w", b"a b"))
print(m.expand(r"\g<val>:\1"), re.sub(r"(b)", r"\\1[\1]\n", "abc"))
print(re.match(r"(?P<a>x)|(?P<b>y)", "y").groupdict(), re.match("(?s:.)", "\n"))
print(re.findall(r"\s+", "a \t\nb"), re.sub(r"\s+", " ", "  lots   of\n space "))
print(re.match(r"\x41\u00e9\101\0", "Aé" + "A\0").group() == "Aé" + "A\0", re.match(r"[\x41-\x43]+", "ABCD").group())
for bad in ["(", "a)", "[a", "*a", "a**", r"\q", r"(?P<1>a)", r"(?P=x)", r"\2(a)", "a{3,2}", "[z-a]", "(?z)", "a(?i)b", r"(?<x"]:
    try:
        re.compile(bad)
        print("compiled", bad)
    except re.error as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos)
try:
    re.sub("a", r"\q", "a")
except re.error as e:
    print("error:", e)
try:
    re.match("a", "a").group(3)
except IndexError as e:
    print("IndexError:", e)
try:
    re.match("a", b"a")
except TypeError as e:
    print("TypeError:", e)
try:
    re.match("a", 5)
except TypeError as e:
    print("TypeError:", e)
print(re.sub(r"(\d)", r"\g<1>0", "a1b2"), re.sub("(a)|b", r"[\1]", "ab"))
