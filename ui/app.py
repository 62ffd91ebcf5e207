"""Entry point of the desktop workbench (``vetting-workbench`` / ``python -m ui.app``).

Start-up order, chosen so the window appears at once:

1. QApplication (Fusion style), workstation configuration, database (refused files are never
   modified; the dialog names the file and offers the latest backup);
2. default template and categories on a new database;
3. the screening engine starts warming in a background job *now*, while the person signs in;
4. first start → create the administrator (optionally demo data); otherwise logon banner and
   sign-in;
5. the main window opens; the status bar says "Screening engine loading…" until it is ready.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.context import AppContext
from ui.jobs import Job, error_text, wait_for_all
from vetting.config import LocalConfig, load_config
from vetting.db import Database, latest_backup, open_database, sqlite_path
from vetting.errors import DatabaseUnavailable, VettingError

log = logging.getLogger(__name__)

APP_NAME = "Vetting Workbench"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the workbench's look; reuses a running instance (tests)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("VettingWorkbench")
    app.setStyle("Fusion")
    app.setQuitOnLastWindowClosed(False)  # signing out closes the window but not the program
    return app


def _latest_backup(db_url: str) -> Path | None:
    """The newest automatic backup of the configured SQLite file (None for a server database)."""
    try:
        path = sqlite_path(db_url)
    except VettingError:  # a URL the workbench cannot use: the message already says so
        return None
    return latest_backup(path) if path else None


def open_database_interactive(config: LocalConfig) -> Database | None:
    """Open the configured database; on failure explain and offer the latest backup.

    Returns None when the person chose to quit. Nothing is modified unless they confirm a
    restore (the replaced file is kept beside the database).
    """
    while True:
        try:
            key = _ask_database_key(config.database_url)
            return open_database(config.database_url, busy_timeout=config.busy_timeout_seconds, key=key)
        except _Quit:
            return None
        except DatabaseUnavailable as exc:
            backup = _latest_backup(config.database_url)
            box = QMessageBox(QMessageBox.Icon.Critical, f"{APP_NAME} — database unavailable", str(exc))
            box.setObjectName("databaseUnavailable")
            box.setInformativeText("The database file was not modified. Ask your administrator if you are "
                                   "unsure what to do.")
            restore = None
            if backup is not None:
                restore = box.addButton("Restore latest backup…", QMessageBox.ButtonRole.ActionRole)
            retry = box.addButton("Try again", QMessageBox.ButtonRole.ActionRole)
            box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            clicked = box.clickedButton()
            if clicked is retry:
                continue
            if restore is not None and clicked is restore and backup is not None:
                if _confirm_restore(config, backup):
                    continue
                continue
            return None


class _Quit(Exception):
    """The person cancelled the passphrase prompt."""


def _ask_database_key(db_url: str) -> str | None:
    """Ask for the passphrase of an encrypted SQLite file (unless VETTING_DB_KEY gives it)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit
    from sqlalchemy.exc import ArgumentError

    from vetting.db import is_encrypted_file, resolve_key

    try:
        path = sqlite_path(db_url)
    except ArgumentError:
        return None
    if path is None or resolve_key() is not None or not is_encrypted_file(path):
        return None
    key, ok = QInputDialog.getText(None, f"{APP_NAME} — encrypted database",
                                   f"The database {path} is encrypted.\nPassphrase:", QLineEdit.EchoMode.Password)
    if not ok:
        raise _Quit
    return key


def _confirm_restore(config: LocalConfig, backup: Path) -> bool:
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from vetting.services.records import restore_database

    answer = QMessageBox.question(
        None, "Restore backup",
        f"Replace the database with the backup\n\n{backup}\n\nWork saved after that backup is not in it. "
        "The current file is kept beside the database.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    hint = "An administrator account of the backup (the accounts that exist after the restore):"
    username, ok = QInputDialog.getText(None, "Restore backup", hint + "\n\nUser name:")
    if not ok or not username.strip():
        return False
    password, ok = QInputDialog.getText(None, "Restore backup", f"Password for {username}:",
                                        QLineEdit.EchoMode.Password)
    if not ok:
        return False
    try:
        result = restore_database(config.database_url, backup, username=username, password=password)
    except (VettingError, OSError) as exc:
        QMessageBox.critical(None, "Restore failed", error_text(exc))
        return False
    kept = f"The previous file was kept as\n{result.kept}" if result.kept else ""
    QMessageBox.information(None, "Backup restored",
                            f"The backup was restored and the restore recorded in its audit log. {kept}")
    return True


def _warm_engine(settings: dict[str, Any]) -> bool:
    from vetting.services.screening import engine_for, options_from_settings

    engine_for(options_from_settings(settings))
    return True


class Workbench(QObject):
    """Owns the database, the context and the current top-level window (sign-in or main)."""

    sig_window_shown = Signal(object)  # the MainWindow, once shown
    sig_dialog_shown = Signal(object)  # the sign-in / first-run dialog, once shown

    def __init__(self, app: QApplication, db: Database) -> None:
        super().__init__()
        from vetting.services.screening import screening_settings

        self.app = app
        self.db = db
        self.ctx = AppContext(db, None, screening_settings(db))
        self.window = None
        self.dialog = None
        self.engine_job: Job | None = None

    # -- engine
    def warm_engine(self) -> None:
        """Load the screening engine off the GUI thread (spaCy + Presidio, 1-2 s)."""
        if self.ctx.engine_ready or self.engine_job is not None:
            return
        self.engine_job = Job(_warm_engine, dict(self.ctx.settings)).on_pool("cpu") \
            .success(lambda _ok: self.ctx.mark_engine_ready()) \
            .failure(lambda exc: self.ctx.mark_engine_failed(error_text(exc))) \
            .run_in_background()

    # -- flow
    def start(self) -> None:
        from vetting.services import users as U

        self.warm_engine()
        if U.needs_first_administrator(self.db):
            self.show_first_run()
        else:
            self.show_sign_in()

    def show_first_run(self) -> None:
        from ui.signin import FirstRunDialog

        dlg = FirstRunDialog(self.db)
        dlg.accepted.connect(lambda: self.start_session(dlg.actor))
        dlg.rejected.connect(self.quit)
        self.dialog = dlg
        dlg.show()
        self.sig_dialog_shown.emit(dlg)

    def show_sign_in(self, username: str = "") -> None:
        from ui.signin import SignInDialog
        from vetting.services.screening import screening_settings

        with contextlib.suppress(VettingError):  # keep the settings read at start-up
            self.ctx.settings = screening_settings(self.db)
        dlg = SignInDialog(self.db, str(self.ctx.settings.get("logon_banner", "")), username=username)
        dlg.accepted.connect(lambda: self.start_session(dlg.actor))
        dlg.rejected.connect(self.quit)
        self.dialog = dlg
        dlg.show()
        self.sig_dialog_shown.emit(dlg)

    def start_session(self, actor) -> None:  # type: ignore[no-untyped-def]
        """Continue after sign-in or first run: a password reset by an administrator must be
        replaced first (Cancel signs out); then the main window opens."""
        if actor is None:
            self.quit()
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        if getattr(actor, "must_change_password", False):
            self.show_forced_password_change(actor)
            return
        self._open_main_window(actor)

    def show_forced_password_change(self, actor) -> None:  # type: ignore[no-untyped-def]
        from ui.signin import ChangePasswordDialog

        dlg = ChangePasswordDialog(self.db, actor, forced=True)
        dlg.accepted.connect(lambda: self.start_session(dlg.actor))
        dlg.rejected.connect(lambda: self._cancel_forced_change(actor.username))
        self.dialog = dlg
        dlg.show()
        self.sig_dialog_shown.emit(dlg)

    def _cancel_forced_change(self, username: str) -> None:
        # Nothing was opened for this person: signing out is going back to the sign-in dialog.
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.show_sign_in(username)

    def _open_main_window(self, actor) -> None:  # type: ignore[no-untyped-def]
        from ui.main_window import MainWindow

        self.ctx.actor = actor
        from vetting.services.screening import screening_settings

        with contextlib.suppress(VettingError):  # keep the settings read at start-up
            self.ctx.settings = screening_settings(self.db)
        self.ctx.sig_actor_changed.emit()
        window = MainWindow(self.ctx)
        window.sig_sign_out.connect(self._signed_out)
        window.sig_closed.connect(self.quit)  # closed by the person (not by signing out): the program ends
        self.window = window
        window.show_remembered()
        self.sig_window_shown.emit(window)

    def _signed_out(self) -> None:
        old = self.window
        self.window = None
        self.ctx.actor = None
        self.ctx.sig_actor_changed.emit()
        if old is not None:
            old.deleteLater()
        self.show_sign_in()

    def quit(self) -> None:
        self.app.quit()


def _run_self_test(bench: Workbench, screenshot: str, timeout_s: float = 180) -> None:
    """``--self-test[=PNG]``: once the first window is up and the screening engine has loaded, say so
    (and save a picture of the window), then quit; exit status 1 when either fails. Lets IT check an
    installed or built program, offscreen included, without signing in."""
    import time

    from PySide6.QtCore import QTimer

    started = time.monotonic()
    shown: list[float] = []

    def check() -> None:
        window = bench.dialog or bench.window
        if window is not None and window.isVisible() and not shown:
            shown.append(time.monotonic() - started)
            print(f"self-test: window shown: {type(window).__name__}", flush=True)
        if bench.ctx.engine_error or time.monotonic() - started > timeout_s:
            print(f"self-test failed: {bench.ctx.engine_error or 'timed out'}", file=sys.stderr)
            bench.app.exit(1)
            return
        if window is None or not window.isVisible() or not bench.ctx.engine_ready:
            QTimer.singleShot(100, check)
            return
        if screenshot:
            window.grab().save(screenshot)
        print(f"self-test ok: {type(window).__name__} '{window.windowTitle()}' shown; screening engine ready "
              f"{time.monotonic() - started:.1f} s after the window", flush=True)
        bench.app.exit(0)

    QTimer.singleShot(0, check)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from ui.system_libraries import check_before_qt

    advice = check_before_qt()
    if advice:  # Qt would abort with a cryptic message; say exactly what to install instead
        print(advice, file=sys.stderr)
        return 3
    args = list(sys.argv if argv is None else argv)
    self_test = next((a.partition("=")[2] for a in args if a.split("=")[0] == "--self-test"), None)
    args = [a for a in args if a.split("=")[0] != "--self-test"]
    app = create_application(args)
    try:
        config = load_config()
    except VettingError as exc:
        QMessageBox.critical(None, f"{APP_NAME} — configuration", error_text(exc))
        return 2
    db = open_database_interactive(config)
    if db is None:
        return 1
    try:
        from vetting.services.templates import install_defaults

        install_defaults(db)
        bench = Workbench(app, db)
    except VettingError as exc:
        QMessageBox.critical(None, f"{APP_NAME} — database unavailable", error_text(exc))
        db.dispose()
        return 1
    app.aboutToQuit.connect(lambda: wait_for_all(60000))
    bench.start()
    if self_test is not None:
        _run_self_test(bench, self_test)
    code = app.exec()
    wait_for_all(60000)
    db.dispose()
    return code


if __name__ == "__main__":
    sys.exit(main())
