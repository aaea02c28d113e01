#!/usr/bin/env python3
"""Run six pyperformance benchmarks on pyfast (each tier) and on python3 in
the same run, check that their outputs are identical, and print seconds,
ratios and the geometric mean. Not a test: run it by hand.

The pyperformance package (1.14.0) is downloaded from the package registry
on first use into tests/bench/.cache; no benchmark source lives in the repo.
`import pyperf` resolves to tests/bench/pyperf_shim/pyperf.py.
"""

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
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


def run(cmd, script: Path, loops: int):
    env = dict(os.environ, PYPERF_SHIM_LOOPS=str(loops))
    p = subprocess.run(cmd + [script.name], cwd=script.parent, capture_output=True, text=True, env=env, timeout=1800)
    seconds = None
    for line in p.stderr.splitlines():
        if line.startswith("#time "):
            seconds = float(line.split()[2])
    return p.returncode, p.stdout, seconds, p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pyfast", default=str(ROOT / "target" / "release" / "pyfast"))
    ap.add_argument("--tiers", default="0", help="comma-separated tiers to run pyfast at")
    ap.add_argument("--loops", type=int, default=1, help="benchmark loops per process")
    ap.add_argument("-n", type=int, default=1, help="processes per measurement (best of n)")
    ap.add_argument("--only", default="", help="comma-separated subset of benchmarks")
    args = ap.parse_args()
    tiers = [int(t) for t in args.tiers.split(",") if t]
    names = [b for b in BENCHMARKS if not args.only or b in args.only.split(",")]
    tmp = Path(tempfile.mkdtemp(prefix="pyfast-pyperformance-"))
    scripts = extract(wheel(), tmp)
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
            rc, out, secs, err = best([args.pyfast, "--tier", str(t)])
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
