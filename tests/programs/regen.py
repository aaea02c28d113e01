#!/usr/bin/env python3
"""Regenerate the expected output of the test corpus from CPython.

For every program NAME.py in this directory, run `python3 NAME.py` with this
directory as the working directory, as the harness runs pyfast, and write

    expected/NAME.stdout   exact bytes written to stdout
    expected/NAME.stderr   exact bytes written to stderr
    expected/NAME.status   the exit status, as text ("0\\n", "1\\n", ...)

Absolute paths of this directory are cut out of the output, so tracebacks
read `File "NAME.py"` whatever the checkout's location (CPython itself
prints the script's absolute path); the harness does the same to pyfast's
output before comparing.

A program whose first line is `# expected: hand-written` is skipped: its
expected files are maintained by hand (used for semantics of the Python
version pyfast targets, 3.13+, where the installed CPython differs).

Usage:
    python3 tests/programs/regen.py                 # every program
    python3 tests/programs/regen.py int_bigint dict_order.py   # only these
    python3 tests/programs/regen.py --check         # compare, write nothing
    python3 tests/programs/regen.py --python python3.11 ...

The harness that compares pyfast against these files is
runtime/tests/corpus.rs (`cargo test -p pyfast-runtime --test corpus`).
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")
HAND_WRITTEN_MARK = "# expected: hand-written"
SELF = os.path.basename(__file__)
TIMEOUT_SECONDS = 30


def all_programs():
    return sorted(
        name[:-3]
        for name in os.listdir(HERE)
        if name.endswith(".py") and name != SELF
    )


def is_hand_written(name):
    with open(os.path.join(HERE, name + ".py"), "rb") as f:
        first = f.readline().decode("utf-8", "replace").strip()
    return first == HAND_WRITTEN_MARK


def child_env():
    # Nothing from the caller's PYTHON* variables may change the output.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    return env


def relativize(data):
    """CPython 3.9+ makes the main script's path absolute (tracebacks say
    `File "/abs/dir/NAME.py"`); the expected files hold it as the harness
    passes it, `File "NAME.py"`, so they do not depend on the checkout's
    location. The harness strips the same prefix from pyfast's output."""
    for d in {HERE, os.path.realpath(HERE)}:
        data = data.replace((d + os.sep).encode(), b"")
    return data


def run(python, name):
    proc = subprocess.run(
        [python, name + ".py"],
        cwd=HERE,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
        timeout=TIMEOUT_SECONDS,
    )
    if proc.returncode < 0:
        raise SystemExit(f"{name}.py: killed by signal {-proc.returncode}")
    return {
        "stdout": relativize(proc.stdout),
        "stderr": relativize(proc.stderr),
        "status": f"{proc.returncode}\n".encode(),
    }


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="programs to regenerate (NAME or NAME.py); default all")
    ap.add_argument("--python", default="python3", help="interpreter to run (default: python3)")
    ap.add_argument("--check", action="store_true",
                    help="only report programs whose expected files are out of date")
    args = ap.parse_args()

    version = subprocess.run([args.python, "-c", "import sys; print(sys.version.split()[0])"],
                             stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
    print(f"using {args.python} {version}")

    programs = all_programs()
    if args.names:
        wanted = []
        for n in args.names:
            n = os.path.basename(n)
            if n.endswith(".py"):
                n = n[:-3]
            if n not in programs:
                ap.error(f"no program {n}.py in {HERE}")
            wanted.append(n)
        programs = wanted

    os.makedirs(EXPECTED, exist_ok=True)
    written = skipped = unchanged = stale = 0
    for name in programs:
        if is_hand_written(name):
            print(f"  skip  {name} (hand-written expected output)")
            skipped += 1
            continue
        result = run(args.python, name)
        changed = []
        for kind, data in result.items():
            path = os.path.join(EXPECTED, f"{name}.{kind}")
            if read(path) != data:
                changed.append(kind)
                if not args.check:
                    with open(path, "wb") as f:
                        f.write(data)
        status = result["status"].decode().strip()
        if not changed:
            unchanged += 1
        elif args.check:
            stale += 1
            print(f"  STALE {name} ({', '.join(changed)})")
        else:
            written += 1
            print(f"  wrote {name} ({', '.join(changed)}; status {status})")

    orphans = sorted(
        f for f in os.listdir(EXPECTED)
        if f.rsplit(".", 1)[0] not in all_programs()
    )
    for f in orphans:
        print(f"  orphan expected/{f} (no matching program; delete it?)")

    print(f"{written} written, {unchanged} unchanged, {skipped} hand-written"
          + (f", {stale} stale" if args.check else ""))
    if args.check and (stale or orphans):
        sys.exit(1)


if __name__ == "__main__":
    main()
