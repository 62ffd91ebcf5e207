"""Export-bundle verification on a zip-bomb-shaped bundle: one entry of N MiB of zeros (compressed to
almost nothing), correctly listed in the MANIFEST. Prints the time and the peak memory (max RSS) of a
fresh process verifying it, against that process's baseline.

    python bench/bundle_verify.py [--mib 1024]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.machine import machine
from vetting.services.bundles import manifest_text

PROBE = """
import json, resource, sys, time
from pathlib import Path
from vetting.services.bundles import verify_bundle
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
check = verify_bundle(Path(sys.argv[1]))
print(json.dumps({"ok": check.ok, "seconds": time.perf_counter() - t, "baseline_kib": before,
                  "peak_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def zeros_bundle(path: Path, mib: int) -> Path:
    block, h = b"\0" * (1 << 20), hashlib.sha256()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        with zf.open("investigation-1/zeros.bin", "w", force_zip64=True) as fh:
            for _ in range(mib):
                fh.write(block)
                h.update(block)
        zf.writestr("MANIFEST", manifest_text([(h.hexdigest(), "investigation-1/zeros.bin")], (0, "0" * 64)))
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mib", type=int, default=1024, help="uncompressed size of the entry (MiB)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        path = zeros_bundle(Path(d) / "zeros.zip", args.mib)
        size = path.stat().st_size
        r = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, cwd=ROOT,
                           env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=True)
    res = json.loads(r.stdout)
    print(f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {machine()}")
    print(f"| Bundle: one entry of {args.mib:,} MiB of zeros, {size / 1024:,.0f} KiB compressed | value |")
    print("|---|---|")
    print(f"| Verified OK | {'yes' if res['ok'] else 'NO'} |")
    print(f"| Verification time | {res['seconds']:.2f} s ({args.mib / res['seconds']:,.0f} MiB/s) |")
    print(f"| Peak RSS of the verifying process | {res['peak_kib'] / 1024:.0f} MiB |")
    print(f"| Growth over its baseline after imports | {(res['peak_kib'] - res['baseline_kib']) / 1024:.1f} MiB |")


if __name__ == "__main__":
    main()
