#!/usr/bin/env python3
"""Time the benchmarks in tests/bench on CPython and on pyfast.

Every other *.py file in this directory is a benchmark. Each runs on
`python3` and on pyfast at each requested tier; the best wall-clock time of
N runs is kept, and the outputs must be identical (a benchmark whose output
differs is reported as FAILED, its time is meaningless).

This is not a test: timings depend on the machine and its load. Run it by
hand, after a release build:

    cargo build --release -p pyfast-runtime
    python3 tests/bench/compare.py                 # all benchmarks, tier 0, best of 3
    python3 tests/bench/compare.py -n 5 --tiers 0,1 calls
    python3 tests/bench/compare.py --pyfast path/to/pyfast

Exit status: 0 when every output matched, 1 otherwise, 2 on a usage error.
"""

import argparse
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SELF = os.path.basename(__file__)
RUN_TIMEOUT = 600


def benchmarks():
    return sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".py") and f != SELF)


def time_runs(argv, n):
    """Run argv n times in HERE; return (best seconds, stdout, error or None)."""
    best = None
    first_out = None
    for _ in range(n):
        start = time.perf_counter()
        try:
            proc = subprocess.run(argv, cwd=HERE, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, None, f"timed out after {RUN_TIMEOUT} s"
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            err = proc.stderr.decode(errors="replace").strip().splitlines()
            return None, proc.stdout, f"exit status {proc.returncode}: {err[-1] if err else ''}"
        if first_out is None:
            first_out = proc.stdout
        elif proc.stdout != first_out:
            return None, proc.stdout, "output differs between runs"
        best = elapsed if best is None else min(best, elapsed)
    return best, first_out, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[2:]))
    ap.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    ap.add_argument("--pyfast", default=os.path.join(ROOT, "target", "release", "pyfast"),
                    help="pyfast binary (default: target/release/pyfast in the workspace)")
    ap.add_argument("--python", default="python3", help="CPython to compare with (default: python3)")
    ap.add_argument("--tiers", default="0", help="comma-separated tiers to run pyfast at (default: 0)")
    ap.add_argument("-n", type=int, default=3, help="runs per measurement; the best is kept (default: 3)")
    args = ap.parse_args()

    if args.n < 1:
        ap.error("-n must be at least 1")
    try:
        tiers = [int(t) for t in args.tiers.split(",") if t.strip() != ""]
    except ValueError:
        ap.error(f"--tiers takes comma-separated integers, not {args.tiers!r}")
    pyfast = os.path.abspath(args.pyfast)
    if not os.access(pyfast, os.X_OK):
        print(f"compare.py: no pyfast binary at {pyfast}\n"
              f"build it with: cargo build --release -p pyfast-runtime", file=sys.stderr)
        return 2
    names = args.names or benchmarks()
    for name in names:
        if name.endswith(".py"):
            name = name[:-3]
        if name not in benchmarks():
            ap.error(f"no benchmark {name}.py in {HERE}")
    names = [n[:-3] if n.endswith(".py") else n for n in names]

    version = subprocess.run([args.python, "-c", "import sys; print(sys.version.split()[0])"],
                             stdout=subprocess.PIPE, text=True).stdout.strip()
    print(f"CPython: {args.python} {version}; pyfast: {pyfast}; best of {args.n}")
    header = f"{'benchmark':<14} {'tier':>4} {'CPython s':>10} {'pyfast s':>10} {'ratio':>8}  result"
    print(header)
    print("-" * len(header))
    ok = True
    for name in names:
        script = name + ".py"
        cpy_time, cpy_out, cpy_err = time_runs([args.python, script], args.n)
        if cpy_err:
            print(f"{name:<14} {'-':>4} {'-':>10} {'-':>10} {'-':>8}  CPython FAILED: {cpy_err}")
            ok = False
            continue
        for tier in tiers:
            t, out, err = time_runs([pyfast, "--tier", str(tier), script], args.n)
            if err:
                result, ok = f"FAILED: {err}", False
            elif out != cpy_out:
                result, ok = "FAILED: output differs from CPython", False
            else:
                result = "ok"
            pf = f"{t:10.3f}" if t is not None else f"{'-':>10}"
            ratio = f"{t / cpy_time:8.2f}" if t is not None and result == "ok" else f"{'-':>8}"
            print(f"{name:<14} {tier:>4} {cpy_time:10.3f} {pf} {ratio}  {result}", flush=True)
    print("ratio = pyfast seconds / CPython seconds (below 1.00: pyfast is faster)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
