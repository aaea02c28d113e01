#!/usr/bin/env python3
"""Run six pyperformance benchmarks on pyfast (each tier) and on python3 in
the same run, check that their outputs are identical, and print seconds,
ratios and the geometric mean. Not a test: run it by hand.

The pyperformance package (1.14.0) is downloaded from the package registry
on first use into tests/bench/.cache; no benchmark source lives in the repo.
`import pyperf` resolves to tests/bench/pyperf_shim/pyperf.py.

`--pyfast-args "..."` passes extra arguments to pyfast (e.g. "--inspect").
`--inspect-overhead` measures what the inspection service costs: each
benchmark runs on pyfast plainly, with the endpoint open (`--inspect`), and
with a debugger attached that has a breakpoint in a function the timed code
never calls (the shim's `_summary`, run after timing), all at the first of
`--tiers`, interleaved `-n` times, and prints the best-time ratios against
the plain run; with `--instructions` it counts instructions under valgrind's
callgrind instead (whole process, all threads), which the load of a shared
machine does not disturb.
"""

import argparse
import math
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = HERE / ".cache"
VERSION = "1.14.0"
BENCHMARKS = ["nbody", "fannkuch", "spectral_norm", "float", "nqueens", "richards"]


def wheel() -> Path:
    CACHE.mkdir(exist_ok=True)
    found = sorted(CACHE.glob(f"pyperformance-{VERSION}-*.whl"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                        f"pyperformance=={VERSION}", "-d", str(CACHE)], check=True)
        found = sorted(CACHE.glob(f"pyperformance-{VERSION}-*.whl"))
    if not found:
        sys.exit(f"could not download pyperformance {VERSION}")
    return found[0]


def extract(whl: Path, dest: Path) -> dict:
    scripts = {}
    with zipfile.ZipFile(whl) as z:
        for name in BENCHMARKS:
            member = f"pyperformance/data-files/benchmarks/bm_{name}/run_benchmark.py"
            target = dest / f"bm_{name}.py"
            target.write_bytes(z.read(member))
            scripts[name] = target
    shutil.copy(HERE / "pyperf_shim" / "pyperf.py", dest / "pyperf.py")
    return scripts


def seconds_of(stderr: str):
    for line in stderr.splitlines():
        if line.startswith("#time "):
            return float(line.split()[2])
    return None


# `--instructions`: run pyfast under callgrind and measure instructions
# (all threads, whole process) instead of seconds: unaffected by the load
# of a shared machine, so one run per configuration is enough.
CALLGRIND = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
MEASURE = {"prefix": []}


def measure_of(stderr: str):
    if MEASURE["prefix"]:
        for line in stderr.splitlines():
            if "Collected :" in line:
                return float(line.split()[-1])
        return None
    return seconds_of(stderr)


def run(cmd, script: Path, loops: int):
    env = dict(os.environ, PYPERF_SHIM_LOOPS=str(loops))
    p = subprocess.run(MEASURE["prefix"] + cmd + [script.name], cwd=script.parent, capture_output=True, text=True,
                       env=env, timeout=3600)
    return p.returncode, p.stdout, measure_of(p.stderr), p.stderr


def run_with_breakpoint(pyfast: str, tier: str, script: Path, loops: int):
    """Run under pyfast-dbg with a breakpoint in `_summary` (not on the timed path)."""
    dbg = str(Path(pyfast).with_name("pyfast-dbg"))
    env = dict(os.environ, PYPERF_SHIM_LOOPS=str(loops))
    xdg = tempfile.mkdtemp(prefix="pyfast-bench-xdg-")
    env["XDG_RUNTIME_DIR"] = xdg
    child = subprocess.Popen(MEASURE["prefix"] + [pyfast, "--tier", tier, "--inspect-wait", script.name],
                             cwd=script.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    cmds = ["break _summary", "continue", "continue", "quit"]
    # By the socket, not `attach PID`: under valgrind the process is not
    # "pyfast" to the debugger's /proc check. The endpoint opens at start.
    sock = Path(xdg) / "pyfast" / f"{child.pid}.sock"
    deadline = time.monotonic() + 600
    while not sock.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    args = [dbg, "connect", f"unix:{sock}"] + [x for c in cmds for x in ("-c", c)]
    d = subprocess.run(args, capture_output=True, text=True, timeout=3600, env=env)
    out, err = child.communicate(timeout=3600)
    shutil.rmtree(xdg, ignore_errors=True)
    if d.returncode != 0:
        err += "\npyfast-dbg failed:\n" + d.stdout + d.stderr
    return child.returncode, out, measure_of(err), err


def inspect_overhead(args, names, scripts):
    """Time each benchmark plain, with --inspect, and with an unrelated breakpoint."""
    tier = args.tiers.split(",")[0]
    configs = [
        ("plain", lambda s: run([args.pyfast, "--tier", tier], s, args.loops)),
        ("--inspect", lambda s: run([args.pyfast, "--tier", tier, "--inspect"], s, args.loops)),
        ("breakpoint", lambda s: run_with_breakpoint(args.pyfast, tier, s, args.loops)),
    ]
    print(f"{'benchmark':<15}" + "".join(f" {c:>12}" for c, _ in configs) + f" {'endpoint':>9} {'bkpt':>7}")
    ratios = {c: [] for c, _ in configs[1:]}
    failures = 0
    for name in names:
        best = {}
        outs = set()
        # Interleaved (plain, --inspect, breakpoint, plain, ...), so a load
        # that comes and goes on the machine hits every configuration alike.
        runs = {c: [] for c, _ in configs}
        for _ in range(args.n):
            for c, f in configs:
                runs[c].append(f(scripts[name]))
        for c, f in configs:
            results = runs[c]
            ok = [r for r in results if r[0] == 0 and r[2] is not None]
            if not ok:
                print(f"{name}: {c} failed:\n{results[-1][3]}")
                failures += 1
                break
            best[c] = min(r[2] for r in ok)
            outs.add(ok[0][1])
        if len(best) < len(configs):
            continue
        if len(outs) != 1:
            print(f"{name}: OUTPUT DIFFERS between configurations")
            failures += 1
        r1, r2 = best["--inspect"] / best["plain"], best["breakpoint"] / best["plain"]
        ratios["--inspect"].append(r1)
        ratios["breakpoint"].append(r2)
        if MEASURE["prefix"]:
            cells = "".join(f" {best[c] / 1e6:>11.1f}M" for c, _ in configs)
        else:
            cells = "".join(f" {best[c]:>11.3f}s" for c, _ in configs)
        print(f"{name:<15}" + cells + f" {r1:>9.4f} {r2:>7.4f}")
    for c, rs in ratios.items():
        if rs:
            gm = math.exp(sum(math.log(r) for r in rs) / len(rs))
            what = "instruction" if MEASURE["prefix"] else "time"
            print(f"geometric mean {what} ratio {c} / plain: {gm:.4f}")
    return failures


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pyfast", default=str(ROOT / "target" / "release" / "pyfast"))
    ap.add_argument("--tiers", default="0", help="comma-separated tiers to run pyfast at")
    ap.add_argument("--loops", type=int, default=1, help="benchmark loops per process")
    ap.add_argument("-n", type=int, default=1, help="processes per measurement (best of n)")
    ap.add_argument("--only", default="", help="comma-separated subset of benchmarks")
    ap.add_argument("--pyfast-args", default="", help="extra arguments for pyfast, e.g. \"--inspect\"")
    ap.add_argument("--inspect-overhead", action="store_true",
                    help="time plain vs --inspect vs an attached debugger with an unrelated breakpoint")
    ap.add_argument("--instructions", action="store_true",
                    help="with --inspect-overhead: count instructions under callgrind instead of timing")
    args = ap.parse_args()
    if args.instructions:
        MEASURE["prefix"] = CALLGRIND
    tiers = [int(t) for t in args.tiers.split(",") if t]
    names = [b for b in BENCHMARKS if not args.only or b in args.only.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="pyfast-pyperformance-"))
    scripts = extract(wheel(), tmp)
    if args.inspect_overhead:
        unit = "instructions (callgrind)" if args.instructions else "seconds"
        print(f"pyperformance {VERSION}; pyfast: {args.pyfast}; loops={args.loops}; best of {args.n}; {unit}")
        failures = inspect_overhead(args, names, scripts)
        shutil.rmtree(tmp, ignore_errors=True)
        sys.exit(1 if failures else 0)
    extra = shlex.split(args.pyfast_args)
    print(f"pyperformance {VERSION}; CPython: {sys.version.split()[0]}; pyfast: {args.pyfast}; "
          f"loops={args.loops}; best of {args.n}")
    header = f"{'benchmark':<15} {'CPython s':>10}" + "".join(f" {'tier ' + str(t) + ' s':>10} {'ratio':>6}" for t in tiers)
    print(header + "  result")
    print("-" * (len(header) + 8))
    ratios = {t: [] for t in tiers}
    failures = 0
    for name in names:
        best = lambda cmd: min((run(cmd, scripts[name], args.loops) for _ in range(args.n)),
                               key=lambda r: r[2] if r[2] is not None else math.inf)
        rc, ref_out, ref_s, ref_err = best(["python3"])
        if rc != 0 or ref_s is None:
            print(f"{name:<15} CPython failed:\n{ref_err}")
            failures += 1
            continue
        row = f"{name:<15} {ref_s:>10.3f}"
        status = "ok"
        for t in tiers:
            rc, out, secs, err = best([args.pyfast, "--tier", str(t)] + extra)
            if rc != 0 or secs is None:
                row += f" {'error':>10} {'-':>6}"
                status = "pyfast failed: " + (err.strip().splitlines() or ["?"])[-1]
                failures += 1
                continue
            if out != ref_out:
                status = "OUTPUT DIFFERS"
                failures += 1
            ratio = secs / ref_s
            ratios[t].append(ratio)
            row += f" {secs:>10.3f} {ratio:>6.2f}"
        print(f"{row}  {status}")
    for t in tiers:
        if ratios[t]:
            gm = math.exp(sum(math.log(r) for r in ratios[t]) / len(ratios[t]))
            print(f"geometric mean of pyfast/CPython at tier {t}: {gm:.2f} over {len(ratios[t])} benchmarks")
    print("ratio = pyfast seconds / CPython seconds (below 1.00: pyfast is faster)")
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
