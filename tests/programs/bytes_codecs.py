# str.encode and bytes.decode: UTF-8, ASCII and Latin-1, error handlers,
# and CPython's UnicodeError messages.

samples = ["plain", "café", "naïve €5", "日本語", "emoji 😀"]
for s in samples:
    u = s.encode()
    print(repr(s), u, len(s), len(u), u.decode() == s, s.encode("utf-8", "strict") == u)

print("café".encode("latin-1"), b"caf\xe9".decode("latin-1"), "abc".encode("ascii"), b"abc".decode("ascii"))
for errors in ["ignore", "replace", "backslashreplace"]:
    print(errors, "naïve €".encode("ascii", errors), b"na\xefve \xff".decode("utf-8", errors),
          b"\x80abc".decode("ascii", errors))
print("€".encode("latin-1", "replace"), "x€y".encode("latin1", errors="ignore"), "A".encode(encoding="UTF8"))

for action in [
    lambda: "café".encode("ascii"),
    lambda: "€".encode("latin-1"),
    lambda: "😀".encode("ascii"),
    lambda: b"\xff\xfe".decode("utf-8"),
    lambda: b"ok \xc3".decode("utf-8"),
    lambda: b"\xc3\x28".decode(),
    lambda: b"\xe9".decode("ascii"),
    lambda: "x".encode("no-such-codec"),
    lambda: b"x".decode("utf-8", "bogus"),
]:
    try:
        action()
    except UnicodeError as e:
        print(type(e).__name__, "|", e)
    except LookupError as e:
        print(type(e).__name__, "|", e)

text = "Grüße, 世界"
encoded = text.encode("utf-8")
print(encoded.hex(" "), bytes.fromhex(encoded.hex()).decode())
print(issubclass(UnicodeDecodeError, ValueError), issubclass(UnicodeEncodeError, UnicodeError))
