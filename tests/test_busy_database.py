"""A database that another workstation or program is writing to: after a bounded wait (the
workstation setting ``busy_timeout_seconds``) the person is told the cause and what to do —
on the command line and in the GUI — and nothing is lost. The lock is held by a real second
process (tests/lock_holder.py) on SQLite and on PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSWORD
from tests.factories import add_finding, make_process, open_case
from vetting.config import DEFAULT_BUSY_TIMEOUT_SECONDS, load_config
from vetting.db import open_database
from vetting.errors import ConfigError, DatabaseUnavailable
from vetting.models import Finding, User
from vetting.services import audit

ROOT = Path(__file__).resolve().parent.parent
CAUSE = "another workstation or program is writing to it"
REMEDY = "Wait a moment and try again"


@contextlib.contextmanager
def lock_held(url: str) -> Iterator[None]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "tests.lock_holder", url], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    try:
        first = proc.stdout.readline().strip()
        assert first == "locked", proc.stderr.read()
        yield
    finally:
        with contextlib.suppress(OSError):
            proc.stdin.write("release\n")
            proc.stdin.close()
        proc.wait(timeout=30)
        proc.stdout.close()
        proc.stderr.close()


def _findings(db) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Finding))


def test_a_write_while_another_process_writes_waits_the_setting_then_says_busy_and_loses_nothing(
        db_url, db, investigator, supervisor):  # type: ignore[no-untyped-def]
    case = open_case(db, supervisor, investigator, make_process(db, supervisor))
    add_finding(db, investigator, case)
    impatient = open_database(db_url, busy_timeout=1.5)
    try:
        with lock_held(db_url):
            started = time.monotonic()
            with pytest.raises(DatabaseUnavailable) as info:
                add_finding(impatient, investigator, case, text="Second post, written while busy.")
            waited = time.monotonic() - started
        message = str(info.value)
        assert CAUSE in message and REMEDY in message
        assert "1.5 seconds" in message and "busy_timeout_seconds" in message
        assert "Nothing was saved" in message
        assert 1.4 <= waited < 20, waited
        assert _findings(db) == 1  # the refused write left nothing behind
        add_finding(impatient, investigator, case, text="Second post, written once it was free.")
    finally:
        impatient.dispose()
    assert _findings(db) == 2  # the first finding kept, the retried one stored
    with db.read() as s:
        assert audit.verify(s).ok


def test_opening_the_database_while_another_process_writes_does_not_wait(db_url, db):  # type: ignore[no-untyped-def]
    with lock_held(db_url):
        started = time.monotonic()
        other = open_database(db_url, busy_timeout=5)
        other.dispose()
        assert time.monotonic() - started < 4  # reading the schema version never waits for the writer


def _cli(url: str, *args: str, stdin: str = "", timeout_setting: str = "1") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VETTING_PASSWORD": PASSWORD,
           "VETTING_BUSY_TIMEOUT": timeout_setting}
    return subprocess.run([sys.executable, "-m", "vetting.cli", "--database-url", url, *args], input=stdin,
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)


def test_cli_command_that_writes_while_busy_names_cause_and_remedy_and_works_once_free(
        db_url, db, admin):  # type: ignore[no-untyped-def]
    args = ("--user", "admin", "users", "add", "newbie", "--role", "investigator", "--display-name",
            "Det. New", "--new-password-stdin")
    with lock_held(db_url):
        busy = _cli(db_url, *args, stdin=PASSWORD + "\n")
    assert busy.returncode != 0
    assert CAUSE in busy.stderr and REMEDY in busy.stderr and "1 seconds" in busy.stderr
    assert "Traceback" not in busy.stderr and len(busy.stderr.strip().splitlines()) == 1
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(User).where(User.username == "newbie")) == 0
    done = _cli(db_url, *args, stdin=PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(User).where(User.username == "newbie")) == 1


def test_busy_timeout_is_a_workstation_setting_with_a_documented_default(monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    from vetting.config import config_file

    monkeypatch.setenv("VETTING_HOME", str(tmp_path))
    monkeypatch.delenv("VETTING_BUSY_TIMEOUT", raising=False)
    assert load_config().busy_timeout_seconds == DEFAULT_BUSY_TIMEOUT_SECONDS == 10
    assert "busy_timeout_seconds" in (ROOT / "README.md").read_text(encoding="utf-8")
    config_file().write_text("busy_timeout_seconds = 2.5\n", encoding="utf-8")
    assert load_config().busy_timeout_seconds == 2.5
    monkeypatch.setenv("VETTING_BUSY_TIMEOUT", "30")
    assert load_config().busy_timeout_seconds == 30
    for bad in ("0", "-1", "soon", "nan", "100000"):
        monkeypatch.setenv("VETTING_BUSY_TIMEOUT", bad)
        with pytest.raises(ConfigError, match="VETTING_BUSY_TIMEOUT.*busy_timeout_seconds"):
            load_config()
    monkeypatch.delenv("VETTING_BUSY_TIMEOUT")
    config_file().write_text('busy_timeout_seconds = "later"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="settings.toml.*busy_timeout_seconds"):
        load_config()


def test_gui_action_while_another_process_writes_shows_the_busy_dialog_and_changes_nothing(
        qtbot, qapp, db_url, db, admin, investigator):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    import ui.jobs
    from ui.context import AppContext, qsettings
    from ui.main_window import MainWindow
    from vetting.services import users as U
    from vetting.services.settings import get_settings

    qsettings().clear()
    impatient = open_database(db_url, busy_timeout=1)
    try:
        window = MainWindow(AppContext(impatient, admin, get_settings(impatient)))
        qtbot.addWidget(window)
        window.show()
        page = window.open_admin("users").users
        qtbot.waitUntil(lambda: bool(page.users), timeout=10000)
        page.table.selectRow(next(n for n, u in enumerate(page.users) if u.username == "ivan"))

        def dialog() -> QMessageBox | None:
            return next((w for w in QApplication.topLevelWidgets()
                         if isinstance(w, QMessageBox) and w.objectName() == "errorDialog" and w.isVisible()), None)

        with lock_held(db_url):
            qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)  # disable ivan
            qtbot.waitUntil(lambda: dialog() is not None, timeout=20000)
        box = dialog()
        assert CAUSE in box.text() and REMEDY in box.text() and "1 seconds" in box.text()
        box.close()
        assert ui.jobs.wait_for_all()
    finally:
        impatient.dispose()
        qsettings().clear()
    assert U.sign_in(db, username="ivan", password=PASSWORD).username == "ivan"  # still active
