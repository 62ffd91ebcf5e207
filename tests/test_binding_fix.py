"""PySide6 6.12.0 on CPython 3.11 gives back a reference to ``None`` on every call of a method
that returns nothing; ``ui`` raises ``None``'s count out of reach (``ui/_binding_fix.py``).
Without it a session dies natively after some tens of thousands of such calls."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap


def test_a_session_survives_many_void_calls_of_the_binding() -> None:
    code = textwrap.dedent(
        """
        import sys
        import ui  # applies the fix
        from PySide6.QtWidgets import QApplication, QWidget
        app = QApplication([])
        w = QWidget()
        for _ in range(300_000):
            w.hide()
        assert sys.version_info >= (3, 12) or sys.getrefcount(None) > 1 << 59
        print("ok")
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr[-2000:]
