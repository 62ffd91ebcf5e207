"""Signing time per report: PAdES signing (pyHanko) of rendered reports with 20, 300 and 1,000
findings, with a locally made test certificate (ECDSA P-256), and validation time of the result.

    python bench/signing.py [--runs 5]

Prints the median per size. Rendering is not included (see bench/report.py).
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

from bench.machine import machine
from reports import pdf, signing
from reports.sample import make_report
from vetting.services.signing import make_certificate_pair


def median_s(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    p12, root = make_certificate_pair(Path(tempfile.mkdtemp()), organisation="Bench", signer="Bench signer",
                                      passphrase=b"bench")
    print(f"machine: {machine()}")
    print("| Findings | Size | Sign (median) | Validate (median) |")
    print("|---:|---:|---:|---:|")
    for n in (20, 300, 1000):
        raw = pdf.render(make_report(n))
        signed = signing.sign(raw, pkcs12=p12, passphrase=b"bench", reason="bench")  # warm-up
        assert signing.validate(signed, trust_roots=[root]).ok
        sign_s = median_s(lambda raw=raw: signing.sign(raw, pkcs12=p12, passphrase=b"bench", reason="bench"), args.runs)
        val_s = median_s(lambda signed=signed: signing.validate(signed, trust_roots=[root]), args.runs)
        print(f"| {n:,} | {len(raw) / 1024:,.0f} KiB | {sign_s * 1000:.0f} ms | {val_s * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
