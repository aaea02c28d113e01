# bytes: literals, repr, indexing and slicing, searching, splitting and
# joining, comparison and hashing, concatenation, %-formatting.

data = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n"
print(data)
print(len(data), data[0], data[-1], data[:3], data[4:15], data[::7])
request_line, _, rest = data.partition(b"\r\n")
method, path, version = request_line.split()
print(method, path, version, method == b"GET", path.startswith(b"/"), version.endswith((b"1.0", b"1.1")))
headers = [h for h in rest.split(b"\r\n") if h]
for h in headers:
    name, _, value = h.partition(b": ")
    print(name.lower(), value.upper(), value.find(b"."), value.count(b"e"))

print(repr(b"\x00\x01\x7f\x80\xff"), b"it's", b'say "hi"', b"both ' \"", b"tab\tnl\n\\")
print(bytes(4), bytes([72, 105]), bytes(range(65, 70)), bytes("naïve", "utf-8"), bytes(b"copy"))
print(b"abc" + b"def", b"-" * 5, 3 * b"ab", b"" * 10, b"x".join([b"a", b"b", b"c"]), b", ".join([]))
print(b"abc" < b"abd", b"ab" < b"abc", b"b" > b"abc", b"same" == b"same", b"a" != b"b", b"a" == "a")
print(hash(b"key") == hash(b"key"), {b"k": 1}[b"k"], b"a" in {b"a", b"b"}, sorted([b"b", b"a", b"ab"]))
print(list(b"hi!"), [chr(c) for c in b"abc"], sum(b"\x01\x02\x03"), max(b"hello"), b"l" in b"hello", 108 in b"hello")
print(b"  padded\t\n".strip(), b"xxhixx".strip(b"x"), b"..a..".lstrip(b"."), b"..a..".rstrip(b"."))
print(b"a,b,,c".split(b","), b"a b  c".split(), b"a b c".split(None, 1), b"k=v=w".split(b"=", 1))
print(b"hello".replace(b"l", b"L"), b"hello".replace(b"l", b"", 1), b"abc".upper(), b"ABC".lower())
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"ABC".isupper(), b"abc".islower())
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".find(b"z"), b"hello".index(b"e"), b"hello".rindex(b"l"))
print(b"%s=%d (%.1f%%)" % (b"ratio", 3, 42.55), b"%5s|%-5s|" % (b"ab", b"cd"), b"%x" % 255)
print(b"hex me".hex(), b"\x01\xff".hex(":"), bytes.fromhex("48 65 6c 6c 6f"), bytes.fromhex(""))
for bad in [lambda: b"a"[3], lambda: b"abc".index(b"z"), lambda: bytes([256]), lambda: bytes("x"), lambda: b"a" + "b"]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print("ValueError:", e)


class Tag(bytes):
    def shout(self):
        return self.upper() + b"!"


t = Tag(b"hey")
print(t, t.shout(), type(t).__name__, isinstance(t, bytes), t == b"hey", len(t))
print(f"{b'fmt'}", str(b"s"), "%s|%r" % (b"x", b"y"), [b"in list"], (1).to_bytes(1, "big"))
