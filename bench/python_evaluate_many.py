#!/usr/bin/env python3
"""Throughput of Python's evaluate_many (one ctypes crossing per batch) on the generated corpus.

usage: SHIFAN_LIBRARY=build/bench/lib/libshifan.so PYTHONPATH=bindings/python \\
       python3 bench/python_evaluate_many.py build/bench/bin/shifan [COUNT] [JOBS]

Prints applications/s for documents given as bytes and as dicts (json.dumps in Python first), the
median of 5 runs each. Not a test: no threshold is asserted.
"""
import json
import statistics
import subprocess
import sys
import time

import shifan


def main() -> None:
    cli = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    jobs = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    text = subprocess.run([cli, "generate", "--seed", "42", "--count", str(count), "--ndjson"],
                          check=True, capture_output=True).stdout
    docs = text.splitlines()
    engine = shifan.Engine()
    for label, items in (("bytes", docs), ("dict", [json.loads(d) for d in docs[: count // 5]])):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            results = engine.evaluate_many(items, jobs=jobs)
            times.append(time.perf_counter() - start)
            assert len(results) == len(items)
        t = statistics.median(times)
        print(f"evaluate_many {label:5} x{len(items)} jobs={jobs}: {t * 1000:.0f} ms, {len(items) / t:,.0f} applications/s")


if __name__ == "__main__":
    main()
