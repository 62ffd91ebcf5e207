"""Benchmark: screening one long text (a long exported thread) — time and peak memory by length.

Run: ``python bench/screening_long.py [--sizes 100000,300000,1000000] [--no-write]``

Each length is screened in its own subprocess (so peak memory is its own): the engine is loaded
and warmed first, then ``ScreeningEngine.analyze`` runs once on a text of that many characters
(the mixed sentences of ``bench/screening.py``: about one protected-class span per 60
characters). Printed and recorded under "## Screening long texts" in ``docs/performance.md``:
wall and CPU time, time per 100,000 characters, the growth of memory while screening (peak RSS
after minus before), the spans found, and the load average of the machine while measuring (the
machine is shared; CPU time is the fairer figure when the load is above the core count).
Target: linear in length, ≤ 2 s per 100,000 characters.

The texts are synthetic and contain no real person's data.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import perfdoc
from bench.machine import machine
from bench.screening import FILLER, MODEL

TARGET_PER_100K = 2.0


def long_text(chars: int) -> str:
    out, n, i = [], 0, 0
    while n < chars:
        sentence = FILLER[i % len(FILLER)]
        out.append(sentence)
        n += len(sentence) + 1
        i += 1
    return " ".join(out)[:chars]


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(chars: int) -> None:
    from vetting.screening import get_engine

    engine = get_engine(spacy_model=MODEL, local_terms_file="")
    text = long_text(chars)
    engine.analyze(long_text(20_000))  # warm every code path once
    before = _rss_mib()
    wall, cpu = time.perf_counter(), time.process_time()
    spans = engine.analyze(text)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(json.dumps({"chars": chars, "wall": wall, "cpu": cpu, "rss_before": before,
                      "rss_after": _rss_mib(), "spans": len(spans), "load": os.getloadavg()[0]}))


def measure(chars: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, __file__, "--child", str(chars)], capture_output=True,
                         text=True, check=True, env=env, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def render(rows: list[dict]) -> str:
    lines = [
        "Measured by `python bench/screening_long.py`: `ScreeningEngine.analyze` on one text of the given",
        "length (mixed sentences, about one protected-class span per 60 characters), each length in its",
        "own process after the engine was loaded and warmed. Long texts are screened in overlapping,",
        "sentence-aligned windows of 10,000 characters (`vetting/screening/windows.py`), so time and",
        "memory grow linearly and spaCy's length limit never applies. Memory is the growth of peak RSS",
        "while screening (engine load and warm-up peak higher). The machine is shared: the load average while measuring is given, and CPU",
        "time is the fairer figure when it is above the core count.",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine()}.",
        "",
        "| Characters | Wall time | CPU time | CPU s per 100,000 chars | Peak RSS | Growth while screening | Spans | Load avg |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        per = r["cpu"] / (r["chars"] / 100_000)
        lines.append(
            f"| {r['chars']:,} | {r['wall']:.1f} s | {r['cpu']:.1f} s | {per:.2f} s | {r['rss_after']:.0f} MiB | "
            f"{r['rss_after'] - r['rss_before']:.0f} MiB | {r['spans']:,} | {r['load']:.1f} |"
        )
    first, last = rows[0], rows[-1]
    growth = (last["cpu"] / first["cpu"]) / (last["chars"] / first["chars"])
    per_last = last["cpu"] / (last["chars"] / 100_000)
    lines += [
        "",
        f"Linearity: CPU time per character at {last['chars']:,} is {growth:.2f}× that at "
        f"{first['chars']:,} (1.00 = exactly linear). Target ≤ {TARGET_PER_100K:.0f} s CPU per "
        f"100,000 characters: {'met' if per_last <= TARGET_PER_100K else 'not met'} "
        f"({per_last:.2f} s at {last['chars']:,}).",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--no-write", action="store_true", help="do not update docs/performance.md")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    rows = []
    for chars in (int(x) for x in args.sizes.split(",")):
        rows.append(measure(chars))
        r = rows[-1]
        print(f"{chars:>9,} chars: wall {r['wall']:.1f} s, cpu {r['cpu']:.1f} s, "
              f"memory +{r['rss_after'] - r['rss_before']:.0f} MiB, {r['spans']} spans, load {r['load']:.1f}",
              flush=True)
    perfdoc.publish("Screening long texts", render(rows), write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
