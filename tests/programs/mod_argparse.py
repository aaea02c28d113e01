# argparse: parsing, actions, groups, subparsers, errors and help layout.
import argparse
import io
import sys


def run(parser, args):
    """Parse `args`, reporting the Namespace or the exit (with what was
    written to stdout/stderr)."""
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        result = parser.parse_args(args)
    except SystemExit as e:
        sys.stdout, sys.stderr = old
        print("exit", e.code)
        if out.getvalue():
            print("stdout:")
            print(out.getvalue(), end="")
        if err.getvalue():
            print("stderr:")
            print(err.getvalue(), end="")
        return None
    sys.stdout, sys.stderr = old
    print(result)
    return result


p = argparse.ArgumentParser(prog="tool", description="A tool that does things.",
                            epilog="See the manual for more.")
p.add_argument("src", help="the source file")
p.add_argument("dst", nargs="?", default="out.txt", help="destination (default: %(default)s)")
p.add_argument("-v", "--verbose", action="count", default=0, help="more output")
p.add_argument("-n", "--num", type=int, default=3, help="how many")
p.add_argument("--mode", choices=["fast", "slow"], default="fast", help="speed: %(choices)s")
p.add_argument("-q", "--quiet", action="store_true")
p.add_argument("--no-color", dest="color", action="store_false", help="disable color")
p.add_argument("-I", "--include", action="append", metavar="DIR", help="include dir")
p.add_argument("--const", action="store_const", const=42)
p.add_argument("--tag", action="append_const", const="t", dest="tags")
p.add_argument("--pair", nargs=2, metavar=("K", "V"))
p.add_argument("--version", action="version", version="%(prog)s 1.0")

run(p, ["a.txt"])
run(p, ["a.txt", "b.txt", "-vv", "--num", "7"])
run(p, ["-v", "--verbose", "a", "--num=5", "--mode", "slow", "-q", "--no-color"])
run(p, ["-I", "x", "--include=y", "-Iz", "a", "--const", "--tag", "--tag"])
run(p, ["--pair", "k", "v", "a"])
run(p, ["--verb", "--nu", "9", "a"])
run(p, ["-vn4", "a"])
run(p, ["--", "-a"])
run(p, [])
run(p, ["a", "b", "c"])
run(p, ["a", "--num", "x"])
run(p, ["a", "--mode", "medium"])
run(p, ["a", "--num"])
run(p, ["a", "--bogus"])
run(p, ["a", "--pair", "k"])
run(p, ["--version"])
run(p, ["-h"])
print(p.format_usage(), end="")
print(p.parse_known_args(["a", "--extra", "b", "-x"]))

ns = argparse.Namespace(b=2, a=1)
print(ns, ns == argparse.Namespace(a=1, b=2), "a" in ns, vars(ns))
print(argparse.Namespace(**{"x-y": 1, "z": 2}))

# nargs variants
q = argparse.ArgumentParser(prog="nargs")
q.add_argument("first")
q.add_argument("rest", nargs="*")
q.add_argument("--many", nargs="+", type=float)
q.add_argument("--opt", nargs="?", const="C", default="D")
run(q, ["1", "2", "3"])
run(q, ["1", "--many", "1.5", "2", "--opt"])
run(q, ["1", "--opt", "val", "x"])
run(q, ["1", "--many"])
run(q, ["-h"])

# mutually exclusive groups and argument groups
m = argparse.ArgumentParser(prog="mx")
g = m.add_mutually_exclusive_group(required=True)
g.add_argument("--on", action="store_true")
g.add_argument("--off", action="store_true")
grp = m.add_argument_group("network", "Network related options.")
grp.add_argument("--host", default="localhost", help="server host name")
grp.add_argument("--port", type=int, default=8080, help="server port")
run(m, ["--on"])
run(m, ["--on", "--off"])
run(m, [])
run(m, ["--off", "--port", "1"])
run(m, ["-h"])

# subparsers
s = argparse.ArgumentParser(prog="git")
s.add_argument("--git-dir")
sub = s.add_subparsers(dest="cmd", help="sub-command help")
c1 = sub.add_parser("commit", help="record changes")
c1.add_argument("-m", "--message", required=True)
c1.add_argument("--amend", action="store_true")
c2 = sub.add_parser("push", help="update remote", aliases=["p"])
c2.add_argument("remote", nargs="?", default="origin")
c2.add_argument("-f", "--force", action="store_true")
run(s, ["commit", "-m", "msg"])
run(s, ["--git-dir", "/x", "push", "up", "-f"])
run(s, ["p"])
run(s, [])
run(s, ["pull"])
run(s, ["commit"])
run(s, ["-h"])
run(s, ["commit", "-h"])

# help wrapping: long usage and long help text
w = argparse.ArgumentParser(prog="wrapping-program",
                            description="This description is long enough that it has to "
                            "be wrapped onto several lines by the help formatter, which fills "
                            "paragraphs to the width.")
for name in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]:
    w.add_argument("--" + name, metavar=name.upper() + "_VALUE",
                   help="the %s setting, which is described at some length so that the help "
                   "text wraps onto a second line" % name)
w.add_argument("--a-very-long-option-name-indeed", help="short help")
w.add_argument("inputs", nargs="+", help="input files")
w.print_help()

# no help, usage override, prefix chars, defaults
u = argparse.ArgumentParser(prog="u", usage="%(prog)s [opts] FILE", add_help=False)
u.add_argument("file")
u.set_defaults(extra="yes")
run(u, ["f"])
run(u, ["-h"])
print(u.get_default("extra"))

# type errors from ArgumentTypeError
def even(s):
    v = int(s)
    if v % 2:
        raise argparse.ArgumentTypeError("%r is not even" % s)
    return v


t = argparse.ArgumentParser(prog="t")
t.add_argument("n", type=even)
run(t, ["4"])
run(t, ["5"])
run(t, ["x"])

# errors in parser setup
try:
    t.add_argument("-x", "--x", action="store", nargs=0)
except ValueError as e:
    print("ValueError:", e)
try:
    t.add_argument("n")
except argparse.ArgumentError as e:
    print("ArgumentError:", e)
try:
    t.add_argument("-z")
    t.add_argument("-z")
except argparse.ArgumentError as e:
    print("ArgumentError:", e)

# negative numbers and BooleanOptionalAction
neg = argparse.ArgumentParser(prog="neg")
neg.add_argument("x", type=int)
neg.add_argument("--flag", action=argparse.BooleanOptionalAction, default=False, help="a flag")
run(neg, ["-5"])
run(neg, ["--no-flag", "3"])
run(neg, ["--flag", "3"])
run(neg, ["-h"])

# formatter classes
r = argparse.ArgumentParser(prog="raw", formatter_class=argparse.RawDescriptionHelpFormatter,
                            description="line one\n  indented line two\n")
r.add_argument("--size", type=int, default=10, help="the size")
r.print_help()
d = argparse.ArgumentParser(prog="defs", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
d.add_argument("--size", type=int, default=10, help="the size")
d.add_argument("--name", default="x", help="the name")
d.print_help()
print(repr(p)[:60])
