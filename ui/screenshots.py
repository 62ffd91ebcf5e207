"""Screenshots of the main screens for the README and the user guide
(``python -m ui.screenshots [outdir] [--with-finding-editor] [--size WxH ...]``).

The main window's screens are taken at each ``--size`` (default: a 1366×768 laptop and a
1920×1080 desktop); the file names end in the size (``03-main-window-investigator-1366x768.png``).

Runs offscreen against a throw-away database in a temporary VETTING_HOME: creates the
administrator and the demonstration data, signs in as the demo users and grabs each screen with
``QWidget.grab()``; the first page of the uniformity PDF becomes ``uniformity-report.png`` when
``pdftoppm`` (poppler-utils) is installed. Nothing touches a real profile or database.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PASSWORD = "Screenshot-Password-2027"
SIZES = ((1366, 768), (1920, 1080))


def _wait(app, pred: Callable[[], bool], timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if pred():
            return True
        time.sleep(0.02)
    return False


def _settle(app, seconds: float = 0.3) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with_editor = "--with-finding-editor" in argv
    sizes = [tuple(int(n) for n in a.split("=", 1)[1].lower().split("x")) for a in argv if a.startswith("--size=")]
    argv = [a for a in argv if not a.startswith("--")]
    out = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    home = tempfile.mkdtemp(prefix="vetting-screenshots-")
    os.environ["VETTING_HOME"] = home
    os.environ.pop("VETTING_DATABASE_URL", None)
    try:
        return _run(out, with_editor, tuple(sizes) or SIZES)  # type: ignore[arg-type]
    finally:
        from ui.jobs import wait_for_all

        wait_for_all(60000)
        shutil.rmtree(home, ignore_errors=True)


def _run(out: Path, with_editor: bool = False, sizes: tuple[tuple[int, int], ...] = SIZES) -> int:
    from PySide6.QtGui import QFont

    from ui.app import create_application
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.signin import FirstRunDialog, SignInDialog
    from vetting.config import load_config
    from vetting.db import open_database
    from vetting.services import users as U
    from vetting.services.demo import create_demo
    from vetting.services.settings import get_settings
    from vetting.services.templates import install_defaults

    app = create_application(["screenshots"])
    app.setFont(QFont("DejaVu Sans", 9))
    db = open_database(load_config().database_url)
    install_defaults(db)
    saved: list[Path] = []

    def save(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        _settle(app)
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        saved.append(path)
        print(f"wrote {path}")

    # First start (before any user exists)
    first = FirstRunDialog(db)
    first.name_edit.setText("Pat Morgan, Records Administrator")
    first.show()
    save(first, "01-first-run")
    first.close()

    admin = U.create_first_administrator(db, username="admin", display_name="Pat Morgan (administrator)",
                                         password=PASSWORD)
    demo = create_demo(db, admin, password=PASSWORD)
    settings = get_settings(db)

    signin = SignInDialog(db, settings["logon_banner"], username="demo.investigator")
    signin.show()
    save(signin, "02-sign-in-banner")
    signin.close()

    def window_for(username: str, size: tuple[int, int]) -> MainWindow:
        actor = U.sign_in(db, username=username, password=PASSWORD)
        ctx = AppContext(db, actor, dict(settings))
        ctx.mark_engine_ready()  # create_demo already loaded the engine in this process
        w = MainWindow(ctx)
        w.showNormal()
        w.resize(*size)
        _wait(app, lambda: w.navigator.loaded_once)
        return w

    def open_case(w: MainWindow, investigation_id: int, item_key: str | None = None) -> None:
        nav = w.navigator
        nav.select_row(nav.proxy.mapFromSource(nav.model.index(nav.model.row_of(investigation_id), 0)).row())
        _wait(app, lambda: w.view is not None and getattr(w.view, "detail", None) is not None, 15)
        view = w.view
        if item_key and view is not None:
            target = next(i.id for i in view.detail.items if i.key == item_key)
            view.select_item(target)
        _settle(app, 1.0)

    for n, size in enumerate(sizes):
        tag = f"-{size[0]}x{size[1]}"
        # Investigator: navigator + investigation view (the case still in progress, an item with a finding)
        inv = window_for(demo.investigator, size)
        open_case(inv, demo.investigation_ids[0], "x_twitter")
        inv.view.tabs.setCurrentIndex(inv.view.findings_tab)
        save(inv, "03-main-window-investigator" + tag)
        if n == 0:
            _finding_editor(inv, db, demo, save, with_editor)
            inv.lock()
            save(inv, "04-session-locked")
            inv.unlock()
        inv.close()

        # Supervisor: review queue with the report preview; uniformity
        sup = window_for(demo.supervisor, size)
        review = sup.open_review()
        _wait(app, lambda review=review: review.preview.ready, 30)
        _settle(app, 1.0)
        save(sup, "05-review-queue-report" + tag)
        uni = sup.open_uniformity(demo.process_id)
        _wait(app, lambda uni=uni: uni.data is not None, 15)
        save(sup, "06-uniformity" + tag)
        if n == 0:
            _uniformity_pdf_png(db, sup.ctx.actor, demo.process_id, out, saved)
        sup.close()

        # Administrator
        adm = window_for("admin", size)
        panel = adm.open_admin("users")
        _wait(app, lambda panel=panel: bool(panel.users.users), 10)
        save(adm, "07-admin-users" + tag)
        panel.show_page("templates")
        _wait(app, lambda panel=panel: bool(panel.templates.versions), 10)
        panel.templates.tree.setCurrentItem(panel.templates.tree.topLevelItem(1).child(1))
        save(adm, "08-admin-templates" + tag)
        panel.show_page("settings")
        _wait(app, lambda panel=panel: bool(panel.settings.values), 10)
        save(adm, "09-admin-settings" + tag)
        adm.close()

    db.dispose()
    print(f"{len(saved)} screenshots in {out}")
    return 0


def _finding_editor(inv, db, demo, save, with_editor: bool) -> None:  # type: ignore[no-untyped-def]
    """The finding editor with live screening (only on request: the GUI tests make finding-editor.png)."""
    if not with_editor:
        return
    from PySide6.QtWidgets import QApplication

    from ui.finding_editor import FindingEditor
    from vetting.services import investigations as I
    from vetting.services import templates as T

    app = QApplication.instance()
    detail = I.get_investigation(db, inv.ctx.actor, investigation_id=demo.investigation_ids[0])
    item = next(i for i in detail.items if i.key == "facebook")
    cats = T.list_concern_categories(db, inv.ctx.actor)
    editor = FindingEditor(inv.ctx, detail, item.id, cats, parent=inv)
    editor.text.setPlainText(
        "Posted from the Tlingit heritage festival with my wife and our two kids, after the food drive at "
        "Holy Trinity. Later that night: "
        "\"drove home at 110 on the Egan, no way the cops catch me lol\"")
    editor.show()
    _wait(app, lambda: editor.text.is_screening_done(), 15)
    _settle(app, 0.8)
    save(editor, "10-finding-editor")
    editor.hide()  # not reject(): it asks whether to discard the typed text
    editor.deleteLater()


def _uniformity_pdf_png(db, actor, process_id: int, out: Path, saved: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """First page of the uniformity PDF as a PNG (needs ``pdftoppm`` from poppler-utils)."""
    import subprocess

    from vetting.services.reports import generate_uniformity_report

    if shutil.which("pdftoppm") is None:
        print("uniformity-report.png skipped: pdftoppm not found")
        return
    report = generate_uniformity_report(db, actor, process_id=process_id)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "uniformity.pdf"
        pdf.write_bytes(report.pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(out / "uniformity-report")], check=True)
    path = out / "uniformity-report.png"
    saved.append(path)
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
