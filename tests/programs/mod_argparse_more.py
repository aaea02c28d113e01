# argparse: less common features (parents, conflicts, suppress, remainder,
# ambiguity, titled subcommands, long mutually exclusive usage).
import argparse
import io
import sys


def run(parser, args):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        result = parser.parse_args(args)
    except SystemExit as e:
        sys.stdout, sys.stderr = old
        print("exit", e.code)
        print(out.getvalue() + err.getvalue(), end="")
        return None
    sys.stdout, sys.stderr = old
    print(result)
    return result


print(argparse.ArgumentParser().prog)

parent = argparse.ArgumentParser(add_help=False)
parent.add_argument("--config", default="c.ini", help="config file")
child = argparse.ArgumentParser(prog="child", parents=[parent])
child.add_argument("item", metavar="ITEM", nargs=2, help="two items")
child.add_argument("--secret", help=argparse.SUPPRESS)
child.add_argument("--level", required=True, type=int)
run(child, ["a", "b", "--level", "3"])
run(child, ["a", "--level", "3"])
run(child, ["a", "b"])
run(child, ["-h"])

amb = argparse.ArgumentParser(prog="amb")
amb.add_argument("--verbose", action="store_true")
amb.add_argument("--version-file")
run(amb, ["--ver"])
run(amb, ["--verb"])
run(amb, ["--version-file=x"])
run(amb, ["--verbose=x"])

noab = argparse.ArgumentParser(prog="noab", allow_abbrev=False)
noab.add_argument("--verbose", action="store_true")
run(noab, ["--verb"])

rem = argparse.ArgumentParser(prog="rem")
rem.add_argument("cmd")
rem.add_argument("args", nargs=argparse.REMAINDER)
run(rem, ["ls", "-l", "--all", "x"])

res = argparse.ArgumentParser(prog="res", conflict_handler="resolve")
res.add_argument("-f", "--foo", help="old foo")
res.add_argument("--foo", help="new foo")
res.print_help()

top = argparse.ArgumentParser(prog="top")
subs = top.add_subparsers(title="commands", description="available commands", dest="command",
                          required=True, metavar="COMMAND")
a = subs.add_parser("add", help="add things")
a.add_argument("x", type=int)
a.set_defaults(func="adder")
subs.add_parser("remove", help="remove things")
run(top, ["add", "5"])
run(top, [])
run(top, ["add"])
run(top, ["nope"])
run(top, ["-h"])
run(top, ["add", "5", "extra"])

mx = argparse.ArgumentParser(prog="a-program-with-a-rather-long-name-for-testing")
g = mx.add_mutually_exclusive_group()
for name in ["first", "second", "third", "fourth", "fifth"]:
    g.add_argument("--" + name + "-option", metavar="VALUE")
mx.add_argument("positional_one")
mx.add_argument("positional_two", nargs="*")
mx.print_usage()
mx.print_help()

dflt = argparse.ArgumentParser(prog="dflt", argument_default=argparse.SUPPRESS)
dflt.add_argument("--x")
dflt.add_argument("--y", default=1)
run(dflt, [])
run(dflt, ["--x", "1"])

ints = argparse.ArgumentParser(prog="ints")
ints.add_argument("--n", type=int, default="7")
ints.add_argument("--e", action="extend", nargs="+", type=str)
ints.add_argument("-1", dest="one", action="store_true")
run(ints, [])
run(ints, ["--e", "a", "b", "--e", "c", "-1"])
run(ints, ["-2"])
print(ints.parse_known_args(["--n", "1", "--zzz", "q"]))
ns = argparse.Namespace(pre="set")
print(ints.parse_args(["--n", "2"], namespace=ns) is ns, ns)
print(repr(ints._actions[1]))
print(argparse.FileType("w"), argparse.FileType("rb", encoding=None))
