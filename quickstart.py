#!/usr/bin/env python3
"""Quick start for a fresh machine with Python 3.11+.

    python3 quickstart.py run     # install what is needed, start the workbench (embedded SQLite)
    python3 quickstart.py test    # install what is needed (with test tools), run the whole test suite
    python3 quickstart.py build   # for IT: a self-contained folder dist/vetting-workbench/ (PyInstaller)

Everything Python is installed into ./.venv. Reading text from screenshots (OCR) needs the Tesseract
program: where the platform allows (Debian/Ubuntu as root) it is installed with apt-get, elsewhere a
line says how to install it; the workbench runs without it. The test suite starts
its own throwaway PostgreSQL server when PostgreSQL's server programs are installed, and skips the
PostgreSQL half (saying so) when they are not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def ensure_venv(extra: str) -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PY.exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extra or 'base'}"
    source_mtime = (ROOT / "pyproject.toml").stat().st_mtime
    if stamp.exists() and stamp.stat().st_mtime >= source_mtime:
        return
    print("Installing the workbench and its dependencies (first run only) ...", flush=True)
    target = f".[{extra}]" if extra else "."
    subprocess.run([str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target],
                   cwd=ROOT, check=True)
    stamp.touch()


OCR_PACKAGES = ["tesseract-ocr", "tesseract-ocr-eng"]


def ensure_ocr() -> None:
    """Tesseract for 'Read text from image' (optional: without it the workbench says so)."""
    if shutil.which("tesseract"):
        return
    if sys.platform.startswith("linux") and shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        print("Installing Tesseract OCR (apt-get) ...", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        done = subprocess.call(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *OCR_PACKAGES],
                               env=env, stdout=subprocess.DEVNULL)
        if done == 0:
            return
    print("Note: Tesseract OCR is not installed, so 'Read text from image' is unavailable "
          "(Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-eng; macOS: brew install tesseract; "
          "Windows: the UB Mannheim installer, then add it to PATH).", flush=True)


def build() -> int:
    """Build dist/vetting-workbench/ and check it: the built `vetting screen` answers a sample and the
    built program opens its first window offscreen with the screening engine loaded."""
    import json
    import shutil
    import tempfile
    import time

    dist, work = ROOT / "dist", ROOT / "build" / "pyinstaller"
    print("Building dist/vetting-workbench (PyInstaller; several minutes) ...", flush=True)
    started = time.monotonic()
    r = subprocess.run([str(PY), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                        "--distpath", str(dist), "--workpath", str(work), str(ROOT / "packaging" / "vetting-workbench.spec")],
                       cwd=ROOT)
    if r.returncode != 0:
        print("build: PyInstaller failed (see above).", file=sys.stderr)
        return r.returncode
    folder = dist / "vetting-workbench"
    exe = ".exe" if os.name == "nt" else ""
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    print(f"Built {folder} in {time.monotonic() - started:.0f} s: {size / 2**20:.0f} MiB", flush=True)
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, VETTING_HOME=home, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        env.pop("PYTHONPATH", None)
        sample = json.dumps({"id": "sample", "text": "Proud Army veteran and Catholic mom of two."}) + "\n"
        t0 = time.monotonic()
        out = subprocess.run([str(folder / f"vetting{exe}"), "screen"], input=sample, capture_output=True,
                             text=True, env=env, cwd=home, timeout=600)
        spans = json.loads(out.stdout or "{}").get("spans", []) if out.returncode == 0 else []
        if len(spans) < 3:
            print(f"build check failed: the built `vetting screen` answered {out.stdout!r} {out.stderr[-400:]!r}",
                  file=sys.stderr)
            return 1
        print(f"Built `vetting screen`: {len(spans)} spans in the sample ({time.monotonic() - t0:.1f} s)")
        t0 = time.monotonic()
        proc = subprocess.Popen([str(folder / f"vetting-workbench{exe}"), "--self-test"], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env, cwd=home)
        lines, window_at = [], None
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(line.strip())
            if window_at is None and line.startswith("self-test: window shown"):
                window_at = time.monotonic() - t0
        err = proc.stderr.read()  # type: ignore[union-attr]
        if proc.wait(timeout=600) != 0 or not any(x.startswith("self-test ok") for x in lines):
            print(f"build check failed: the built program did not start: {lines[-3:]} {err[-400:]}", file=sys.stderr)
            return 1
        print(f"Built program: first window {window_at:.1f} s after the process started; {lines[-1]}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


def main(argv: list[str]) -> int:
    what = argv[0] if argv else ""
    if what == "run":
        ensure_venv("")
        ensure_ocr()
        return subprocess.call([str(PY), "-m", "ui.app", *argv[1:]], cwd=ROOT)
    if what == "test":
        ensure_venv("test")
        ensure_ocr()
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(PY), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env)
    if what == "build":
        ensure_venv("build")
        return build()
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
