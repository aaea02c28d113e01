import traceback, sys, io

def inner(x):
    return 10 // x

def outer(x):
    y = inner(x) + 1
    return y

try:
    outer(0)
except ZeroDivisionError:
    s = traceback.format_exc()
    print(s.replace(__file__, "F"))
    print(traceback.format_exc(limit=1).replace(__file__, "F"))
    print(traceback.format_exc(limit=-1).replace(__file__, "F"))
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue() == s)
    et, ev, tb = sys.exc_info()
    for fs in traceback.extract_tb(tb):
        print(fs.filename == __file__, fs.lineno, fs.name, fs.line)
    print([x.replace(__file__, "F") for x in traceback.format_tb(tb)])
    print(traceback.format_exception_only(et, ev))
    print(len(traceback.format_exception(et, ev, tb)), "".join(traceback.format_exception(ev)) == s)
    print([ln for f, ln in traceback.walk_tb(tb)])

def chained():
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("bad") from e

try:
    chained()
except ValueError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "F"))
    print("".join(traceback.format_exception(e, chain=False)).replace(__file__, "F"))
    te = traceback.TracebackException.from_exception(e)
    print(te.exc_type.__name__, str(te), te.__cause__.exc_type.__name__, len(te.stack))
    print("".join(te.format()) == "".join(traceback.format_exception(e)))
    print(list(te.format_exception_only()))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name
except NameError:
    traceback.print_exc(file=sys.stdout)

def show_stack():
    return traceback.format_stack()

lines = show_stack()
print(len(lines) >= 2, [l.replace(__file__, "F") for l in lines[-2:]])
print([tuple(f)[1:] for f in traceback.extract_stack()[-1:]])
print(traceback.format_exception_only(SyntaxError("invalid syntax", ("f.py", 3, 5, "x = = 1\n", 3, 6))))
print(traceback.format_list([("a.py", 1, "f", "x = 1")]))
class MyErr(Exception):
    pass
print(traceback.format_exception_only(MyErr("m")), traceback.format_exception_only(MyErr()))
# SyntaxError's constructor takes (msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
e = SyntaxError("m", ("/a/f.py", 3, 1, "x"))
print(e.args, e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
print(str(SyntaxError("m")), str(e), str(SyntaxError("m", (None, 3, 1, "x"))), str(SyntaxError("m", ("f", None, 1, "x"))))
for bad in [5, (1, 2)]:
    try:
        SyntaxError("m", bad)
    except TypeError as x:
        print("TypeError", x)
print(SyntaxError("a", "b", "c").msg)
