"""A small stand-in for pyperf, so pyperformance benchmarks run unchanged on
pyfast and on CPython. It runs each benchmark a fixed number of loops in the
same process, prints a deterministic summary of the result on stdout (which
must match between interpreters) and the elapsed time on stderr."""

import os
import sys
import time

perf_counter = time.perf_counter
LOOPS = int(os.environ.get("PYPERF_SHIM_LOOPS", "1"))


class _Namespace:
    pass


class _ArgParser:
    def __init__(self):
        self._defaults = {}

    def add_argument(self, *names, **kwargs):
        dest = kwargs.get("dest") or names[-1].lstrip("-").replace("-", "_")
        self._defaults[dest] = kwargs.get("default")


def _summary(result):
    if isinstance(result, (list, tuple)):
        return f"{type(result).__name__} of {len(result)}: {repr(result)[:120]}"
    return repr(result)[:200]


def _report(name, seconds, result):
    print(f"{name}: loops={LOOPS} result={_summary(result)}")
    sys.stdout.flush()
    print(f"#time {name} {seconds:.6f}", file=sys.stderr)


class Runner:
    def __init__(self, *args, add_cmdline_args=None, **kwargs):
        self.metadata = {}
        self.argparser = _ArgParser()

    def parse_args(self, args=None):
        ns = _Namespace()
        for key, value in self.argparser._defaults.items():
            setattr(ns, key, value)
        return ns

    def bench_func(self, name, func, *args, inner_loops=None):
        result = None
        t0 = perf_counter()
        for _ in range(LOOPS):
            result = func(*args)
        _report(name, perf_counter() - t0, result)

    def bench_time_func(self, name, time_func, *args, inner_loops=None):
        _report(name, time_func(LOOPS, *args), None)
