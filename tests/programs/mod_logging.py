# logging: hierarchy, levels, handlers, formatters, filters, adapters,
# basicConfig, exceptions and the last-resort handler.
import io
import logging
import os
import sys

# No handlers configured: the last-resort handler prints bare messages of
# WARNING and above to stderr.
logging.getLogger("early").warning("early warning %d", 1)
logging.getLogger("early").info("not shown")
print("root handlers:", logging.getLogger().handlers)

a = logging.getLogger("app")
ab = logging.getLogger("app.b")
abc = logging.getLogger("app.b.c")
x = logging.getLogger("app.x.y")
print(a.parent is logging.root, ab.parent is a, abc.parent is ab, x.parent is a)
mid = logging.getLogger("app.x")
print(x.parent is mid, mid.parent is a, logging.getLogger("app.b") is ab)
print(repr(a), repr(logging.root), a.name, abc.getChild("d").name)
print(logging.getLogger() is logging.root, logging.getLogger("root") is logging.root)
print(a.level, a.getEffectiveLevel(), logging.root.level)
a.setLevel(logging.DEBUG)
print(abc.getEffectiveLevel(), abc.isEnabledFor(logging.DEBUG), repr(abc))
a.setLevel("INFO")
print(abc.getEffectiveLevel(), abc.isEnabledFor(logging.DEBUG))
for bad in ["LOUD", 1.5]:
    try:
        a.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(logging.getLevelName(10), logging.getLevelName(35), logging.getLevelName("ERROR"))
logging.addLevelName(25, "NOTICE")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"))

stream = io.StringIO()
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(funcName)s|%(lineno)d|%(module)s|%(filename)s|%(message)s"))
a.addHandler(h)
print(repr(h))


def work():
    ab.info("working on %s with %d items", "job", 3)
    abc.debug("hidden")
    abc.log(25, "notice %(k)s", {"k": "v"})


work()
ab.warning("direct")
a.propagate = False
abc.error("no root")
print(stream.getvalue(), end="")

# Filters
class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args and record.args[0] % 2 == 1


s2 = io.StringIO()
h2 = logging.StreamHandler(s2)
h2.addFilter(OnlyOdd())
f_log = logging.getLogger("filt")
f_log.propagate = False
f_log.addHandler(h2)
f_log.setLevel(logging.DEBUG)
for i in range(5):
    f_log.info("n=%d", i)
name_filter = logging.Filter("filt.keep")
print(name_filter.filter(logging.makeLogRecord({"name": "filt.keep.x"})),
      name_filter.filter(logging.makeLogRecord({"name": "filt.keeper"})),
      name_filter.filter(logging.makeLogRecord({"name": "filt.keep"})))
f_log.addFilter(lambda r: "skip" not in r.getMessage())
f_log.info("please skip %d", 1)
f_log.info("keep %d", 3)
print(s2.getvalue(), end="")

# Formatter styles, defaults and exceptions
s3 = io.StringIO()
h3 = logging.StreamHandler(s3)
fl = logging.getLogger("fmt")
fl.propagate = False
fl.addHandler(h3)
h3.setFormatter(logging.Formatter("{levelname:<8}{name}: {message}", style="{"))
fl.warning("brace style")
h3.setFormatter(logging.Formatter("$levelname ${name}: $message", style="$"))
fl.warning("dollar style")
h3.setFormatter(logging.Formatter("%(levelname)s %(user)s %(message)s", defaults={"user": "anon"}))
fl.warning("with defaults")
fl.warning("with extra", extra={"user": "bob"})
h3.setFormatter(logging.Formatter("%(levelname)s:%(message)s"))
try:
    1 / 0
except ZeroDivisionError:
    fl.exception("division failed")
    fl.error("again", exc_info=True)
err = ValueError("bad value")
fl.error("from instance", exc_info=err)
fl.warning("stack here", stack_info=True)
print(s3.getvalue().replace(os.getcwd() + os.sep, ""), end="")
for bad in [dict(fmt="no fields"), dict(fmt="%(x)s", style="?")]:
    try:
        logging.Formatter(**bad)
    except ValueError as e:
        print("ValueError", e)
try:
    fl.warning("x", extra={"message": 1})
except KeyError as e:
    print("KeyError", e)

rec = logging.makeLogRecord({"msg": "hello %s", "args": ("you",), "levelno": 20, "levelname": "INFO"})
print(rec.getMessage(), logging.Formatter().format(rec))
rec = logging.LogRecord("n", logging.INFO, "/p/q.py", 7, "m %s", ("a",), None, "fn")
print(rec.name, rec.levelname, rec.pathname, rec.filename, rec.module, rec.lineno,
      rec.funcName, rec.getMessage(), rec.processName, rec.threadName)
print(repr(rec), type(rec.created).__name__, rec.msecs >= 0, rec.relativeCreated >= 0)

# LoggerAdapter
class Prefix(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return "[%s] %s" % (self.extra["id"], msg), kwargs


s4 = io.StringIO()
h4 = logging.StreamHandler(s4)
h4.setFormatter(logging.Formatter("%(name)s %(id)s %(message)s"))
al = logging.getLogger("adapt")
al.propagate = False
al.addHandler(h4)
ad = Prefix(al, {"id": 7})
ad.warning("adapted %s", "msg")
plain = logging.LoggerAdapter(al, {"id": 8})
plain.error("plain")
plain.debug("hidden")
print(repr(plain), plain.isEnabledFor(logging.DEBUG), plain.name)
print(s4.getvalue(), end="")

# NullHandler, disabled, disable()
nl = logging.getLogger("null")
nl.addHandler(logging.NullHandler())
nl.error("swallowed")
al.disabled = True
al.error("disabled logger")
al.disabled = False
logging.disable(logging.ERROR)
al.error("disabled level")
al.critical("critical passes", extra={"id": 9})
logging.disable(logging.NOTSET)
print(s4.getvalue().splitlines()[-1], al.hasHandlers(), logging.getLogger("zz").hasHandlers())

# basicConfig on the root logger, to stdout
logging.basicConfig(level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s",
                    stream=sys.stdout)
logging.info("root info")
logging.debug("root debug hidden")
logging.warning("root %s", "warning")
logging.getLogger("child").error("child error")
logging.basicConfig(format="ignored")
logging.critical("still the first format")
print(len(logging.root.handlers), logging.root.level)
logging.basicConfig(force=True, stream=sys.stdout, format="%(name)s>%(message)s",
                    level=logging.DEBUG)
logging.debug("forced")
logging.log(logging.INFO, "logged %d", 5)
try:
    logging.log("INFO", "x")
except TypeError as e:
    print("TypeError", e)
try:
    logging.basicConfig(force=True, stream=sys.stdout, filename="x")
except ValueError as e:
    print("ValueError", e)
try:
    logging.basicConfig(force=True, bogus=1)
except ValueError as e:
    print("ValueError", e)

# FileHandler and basicConfig(filename=) in a private directory
tmp = "/tmp/pyfast-corpus-mod_logging-%d" % os.getpid()
os.mkdir(tmp)
try:
    path = os.path.join(tmp, "log.txt")
    logging.basicConfig(force=True, filename=path, filemode="w", level=logging.INFO,
                        format="%(levelname)s %(message)s")
    logging.info("to file")
    logging.warning("second line")
    fh = logging.root.handlers[0]
    print(type(fh).__name__, fh.baseFilename == path, fh.mode)
    fh2 = logging.FileHandler(path)
    fl.addHandler(fh2)
    fl.error("appended by FileHandler")
    fh2.close()
    fl.removeHandler(fh2)
    logging.shutdown()
    with open(path) as f:
        print(f.read(), end="")
finally:
    for name in os.listdir(tmp):
        os.unlink(os.path.join(tmp, name))
    os.rmdir(tmp)

# Warnings routed to the 'py.warnings' logger; stacklevel.
import warnings
logging.basicConfig(force=True, stream=sys.stdout, format="%(name)s|%(funcName)s|%(message)s")
logging.captureWarnings(True)
warnings.warn("careful now")
logging.captureWarnings(False)


def helper():
    logging.getLogger("lvl").warning("reported for the caller", stacklevel=2)


def caller():
    helper()


caller()

# Deprecated warn(), exception() with no exception, handler reprs.
logging.warn("old-style warn")
logging.getLogger("lvl").warn("old-style method")
logging.exception("no exception active")
print(repr(logging.StreamHandler()), repr(logging.StreamHandler(sys.stdout)))

# The default basicConfig format goes to stderr.
logging.basicConfig(force=True)
logging.warning("default format on stderr")
logging.getLogger("some.module").error("error on stderr")
