import io

buf = io.StringIO()
buf.write("hello\n")
print("world", file=buf)
print(repr(buf.getvalue()), buf.tell())
buf.seek(0)
print(repr(buf.readline()), buf.read())
r = io.StringIO("a\nb\nc")
print([line.rstrip() for line in r], r.closed)
with io.StringIO("x") as s:
    print(s.read())
print(s.closed)
