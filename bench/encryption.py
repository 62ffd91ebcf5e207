"""Encrypted (SQLCipher) vs plain SQLite on the bench/db_scale.py workload, measured side by side.

Fills one plain and one encrypted database with the same 10,000 investigations / 200,000 findings,
then times the navigator queries of bench/db_scale.py alternately on both (so load on the machine
affects both alike) and prints each median and the ratio. Target: encrypted <= 1.5x plain.

    python bench/encryption.py [--investigations 10000] [--findings 200000] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("VETTING_HOME", tempfile.mkdtemp(prefix="vetting-bench-"))

from bench.db_scale import fill
from bench.machine import machine
from vetting.db import open_database
from vetting.services import investigations as I
from vetting.services.templates import install_defaults

QUERIES = {
    "first page of 100 (sorted, with counts)": {"limit": 100},
    "search by name": {"search": "olafs", "limit": 100},
    "search by name/alias prefix": {"search": "zoë a", "limit": 100},
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--investigations", type=int, default=10_000)
    ap.add_argument("--findings", type=int, default=200_000)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    setups = {}
    for name, encrypt in (("plain", False), ("encrypted", True)):
        path = Path(tempfile.mkdtemp(prefix=f"vetting-{name}-")) / "bench.sqlite3"
        db = open_database(f"sqlite:///{path}", encrypt=encrypt, key="bench passphrase 2027" if encrypt else None)
        install_defaults(db)
        t = time.perf_counter()
        sup = fill(db, args.investigations, args.findings)
        setups[name] = (db, sup, time.perf_counter() - t, path)
    samples: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.runs + 1):  # the first round warms the caches and is dropped
        for label, kw in QUERIES.items():
            for name, (db, sup, _fill, _path) in setups.items():
                t = time.perf_counter()
                I.list_investigations(db, sup, **kw)
                samples.setdefault((label, name), []).append((time.perf_counter() - t) * 1000)
    print(f"machine: {machine()}")
    plain_fill, enc_fill = setups["plain"][2], setups["encrypted"][2]
    print(f"fill ({args.investigations:,} investigations, {args.findings:,} findings): plain {plain_fill:.1f} s, "
          f"encrypted {enc_fill:.1f} s, ratio {enc_fill / plain_fill:.2f}")
    print("| Query | Plain (median) | Encrypted (median) | Ratio |")
    print("|---|---:|---:|---:|")
    for label in QUERIES:
        p = statistics.median(samples[(label, "plain")][1:])
        e = statistics.median(samples[(label, "encrypted")][1:])
        print(f"| {label} | {p:.1f} ms | {e:.1f} ms | {e / p:.2f} |")
    for db, *_ in setups.values():
        db.dispose()


if __name__ == "__main__":
    main()
