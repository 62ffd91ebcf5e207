"""The shape of the house: vetting knows nothing of Qt, PDF or the UI; reports nothing of Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from vetting.services import SERVICE_FUNCTIONS

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold():
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    assert exe, "import-linter is a test dependency"
    r = subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Contracts: 2 kept, 0 broken" in r.stdout


def test_service_functions_are_keyword_only_after_db_and_actor():
    import inspect

    assert len(SERVICE_FUNCTIONS) > 30
    for name, fn in SERVICE_FUNCTIONS.items():
        params = list(inspect.signature(fn).parameters.values())
        assert [p.name for p in params[:2]] == ["db", "actor"], name
        assert all(p.kind is p.KEYWORD_ONLY for p in params[2:]), name


def test_screening_corpora_are_in_sync_with_their_sources():
    r = subprocess.run([sys.executable, str(ROOT / "tests/data/screening/build.py"), "--check", "--quiet"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
