"""Benchmark: time building the PDF report with 20, 300 and 1,000 findings.

    .venv/bin/python bench/report.py [--runs N] [--write]

Prints the median (and min/max) per size; ``--write`` records the figures, the date and the machine
in the "## Report" section of docs/performance.md. Target: 300 findings <= 3 s median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.machine import cpu_model
from reports import pdf
from reports.sample import make_report

SIZES = (20, 300, 1000)
TARGET = (300, 3.0)


def measure(n: int, runs: int) -> tuple[list[float], int, int]:
    data = make_report(n)
    times, size, pages = [], 0, 0
    for _ in range(runs):
        t = time.perf_counter()
        b = pdf.render(data)
        times.append(time.perf_counter() - t)
        size = len(b)
    pages = b.count(b"/Type /Page\n") or b.count(b"/Type /Page ")
    return times, size, pages


def write_section(lines: list[str]) -> None:
    path = ROOT / "docs" / "performance.md"
    text = path.read_text() if path.exists() else "# Performance\n"
    section = "## Report\n\n" + "\n".join(lines) + "\n"
    pattern = re.compile(r"^## Report\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--write", action="store_true", help="record the figures in docs/performance.md")
    args = ap.parse_args()
    pdf.render(make_report(2))  # warm-up: font loading happens once per process
    rows = []
    for n in SIZES:
        runs = args.runs if n < 1000 else max(3, args.runs // 2 + 1)
        times, size, pages = measure(n, runs)
        med = statistics.median(times)
        rows.append((n, med, min(times), max(times), runs, pages, size))
        print(f"{n:>5} findings: median {med:6.2f} s  (min {min(times):.2f}, max {max(times):.2f}, {runs} runs)"
              f"  {pages} pages, {size / 1024:.0f} KiB", flush=True)
    target_med = next(r[1] for r in rows if r[0] == TARGET[0])
    ok = target_med <= TARGET[1]
    print(f"target: {TARGET[0]} findings <= {TARGET[1]:.0f} s median -> {'OK' if ok else 'MISSED'}")
    if args.write:
        when = dt.datetime.now().astimezone().strftime("%Y-%m-%d")
        lines = [
            f"`bench/report.py` (renderer `reports/pdf.py`, sample data from `reports/sample.py`), measured {when} "
            f"on {os.cpu_count()} CPU(s) (`nproc` {len(os.sched_getaffinity(0))}), {cpu_model()}, "
            f"Python {platform.python_version()}.",
            "",
            "| Findings | Median | Min | Max | Runs | Pages | Size |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        lines += [f"| {n:,} | {med:.2f} s | {lo:.2f} s | {hi:.2f} s | {runs} | {pages} | {size / 1024:.0f} KiB |"
                  for n, med, lo, hi, runs, pages, size in rows]
        lines += ["", f"Target: 300 findings <= 3 s median - {'met' if ok else 'MISSED'} "
                      f"({target_med:.2f} s). Time is rendering only (data is built beforehand); fonts are "
                      "loaded once per process (warm-up run not counted)."]
        write_section(lines)
        print("written to docs/performance.md")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
