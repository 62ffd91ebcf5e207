#!/usr/bin/env python3
"""Quick start for a fresh machine with Python 3.11+.

    python3 quickstart.py run     # install what is needed, start the workbench (embedded SQLite)
    python3 quickstart.py test    # install what is needed (with test tools), run the whole test suite

Everything is installed into ./.venv; nothing outside this folder changes. The test suite starts
its own throwaway PostgreSQL server when PostgreSQL's server programs are installed, and skips the
PostgreSQL half (saying so) when they are not.
"""

from __future__ import annotations

import os
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


def main(argv: list[str]) -> int:
    what = argv[0] if argv else ""
    if what == "run":
        ensure_venv("")
        return subprocess.call([str(PY), "-m", "ui.app", *argv[1:]], cwd=ROOT)
    if what == "test":
        ensure_venv("test")
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(PY), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
