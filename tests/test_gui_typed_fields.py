# ruff: noqa: F401 - the pytest fixtures imported from tests.test_gui_investigation are used as arguments
"""The short fields typed in the GUI (account platform, handle, URL and matched identifiers; a
finding's platform and URL; a candidate's aliases) are reviewed with the screened-text widget and
stored redacted; the supervisor's queue shows the separation-of-duties refusal. Real widgets,
real buttons, then the SQLite file's bytes are searched for the typed words."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.conftest import PASSWORD
from tests.factories import complete_items, item, make_process, open_case
from tests.test_gui_investigation import _wait_for_jobs, case, ctx, menu_action, view, warm_engine
from tests.test_gui_shell import make_window
from tests.test_typed_fields_screened import leaks
from ui.accounts_panel import AccountDialog
from ui.finding_editor import FindingEditor
from vetting.services import investigations as I
from vetting.services import users as U

pytestmark = pytest.mark.sqlite_only

LOCATION = "near the meeting house, seven months pregnant"  # a Quakers' house of worship the engine misses


def _retype(qtbot, editor, text: str) -> None:  # type: ignore[no-untyped-def]
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, text)


def _file_bytes(db) -> bytes:  # type: ignore[no-untyped-def]
    path = Path(db.sqlite_path)
    db.dispose()
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_account_and_finding_fields_typed_in_the_gui_are_reviewed_and_stored_redacted(
        qtbot, view, db, investigator, case):  # type: ignore[no-untyped-def]
    v = view
    v.tabs.setCurrentIndex(1)
    qtbot.mouseClick(v.accounts.add_button, Qt.MouseButton.LeftButton)
    dlg = next(w for w in v.accounts.findChildren(AccountDialog) if w.isVisible())
    _retype(qtbot, dlg.platform, "Catholic Singles")
    qtbot.keyClicks(dlg.handle, "gay_cops88")
    qtbot.keyClicks(dlg.url, "https://social.example/groups/gay-police-officers?ref=pregnant_moms")
    qtbot.mouseClick(dlg.add_id, Qt.MouseButton.LeftButton)
    combo = dlg.ids.cellWidget(0, 0)
    combo.setCurrentIndex(combo.findData("location"))
    value = dlg.identifier_editor(0)
    qtbot.mouseClick(value.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(value, LOCATION)
    editors = (dlg.platform, dlg.handle, dlg.url, value)
    qtbot.waitUntil(lambda: all(e.is_screening_done() for e in editors), timeout=20000)
    # The review: highlights in the short fields, a span the engine missed marked by hand.
    assert any(dlg.handle.text()[h.start:h.end] == "gay" for h in dlg.handle.highlights())
    assert all(h.start >= len("https://social.example") for h in dlg.url.highlights())
    # The shared status line speaks of the field being edited, whichever field's screening ended last.
    assert dlg.fields_status.text().startswith("What matched, row 1: "), dlg.fields_status.text()
    qtbot.mouseClick(dlg.handle.viewport(), Qt.MouseButton.LeftButton)
    assert dlg.fields_status.text().startswith("Handle or user name: "), dlg.fields_status.text()
    start = LOCATION.index("meeting house")
    cur = value.textCursor()
    cur.setPosition(start)
    cur.setPosition(start + len("meeting house"), cur.MoveMode.KeepAnchor)
    value.setTextCursor(cur)
    menu_action(value.build_context_menu(), "Mark selection as protected", "Religion").trigger()
    assert any(h.state == "manual" for h in value.highlights())
    with qtbot.waitSignal(v.accounts.sig_changed, timeout=20000):
        qtbot.mouseClick(dlg.buttons.button(dlg.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    acc = I.get_investigation(db, investigator, investigation_id=case.id).accounts[0]
    assert acc.platform == "[REDACTED] Singles" and acc.handle == "[REDACTED]_cops88"
    assert acc.url == "https://social.example/groups/[REDACTED]-police-officers?ref=[REDACTED]_moms"
    assert acc.matched == (("location", "near the [REDACTED], [REDACTED]"),)

    # A finding's platform and URL, typed in the finding editor.
    v.tabs.setCurrentIndex(0)
    v.select_item(item(case, "facebook").id)
    qtbot.waitUntil(lambda: bool(v.categories), timeout=5000)
    qtbot.mouseClick(v.new_finding_button, Qt.MouseButton.LeftButton)
    ed: FindingEditor = v.finding_editor
    _retype(qtbot, ed.platform, "Catholic Singles")
    qtbot.keyClicks(ed.url, "https://social.example/p/veteran-pride/1")
    ed.set_categories(["reckless_behaviour"])
    qtbot.keyClicks(ed.text, "Ran 120 mph home lol.")
    qtbot.waitUntil(lambda: ed.url.is_screening_done() and ed.platform.is_screening_done(), timeout=20000)
    assert any(ed.url.text()[h.start:h.end] == "veteran" for h in ed.url.highlights())
    with qtbot.waitSignal(ed.finished, timeout=20000):
        qtbot.mouseClick(ed.save_button, Qt.MouseButton.LeftButton)
    f = I.get_investigation(db, investigator, investigation_id=case.id).findings[0]
    assert f.platform == "[REDACTED] Singles" and f.url == "https://social.example/p/[REDACTED]-pride/1"

    v.close()
    raw = _file_bytes(db)
    assert b"social.example" in raw
    assert leaks(raw) == [] and b"temple" not in raw.lower()


def test_aliases_typed_in_the_new_investigation_dialog_are_screened(qtbot, db, admin, supervisor,  # type: ignore[no-untyped-def]
                                                                  investigator, warm_engine):
    make_process(db, supervisor)
    w = make_window(qtbot, db, supervisor)
    w.ctx.mark_engine_ready()
    w.act_new.trigger()
    dlg = w.new_dialog
    qtbot.waitUntil(lambda: dlg.ok_button.isEnabled(), timeout=5000)
    qtbot.keyClicks(dlg.name_edit, "Robin Newcase")
    qtbot.keyClicks(dlg.aliases_edit, "Army Mike")
    qtbot.keyClick(dlg.aliases_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dlg.aliases_edit, "Big Mike")
    qtbot.keyClicks(dlg.usernames_edit, "gay_cops88")
    qtbot.waitUntil(lambda: dlg.aliases_edit.is_screening_done() and dlg.usernames_edit.is_screening_done(),
                    timeout=20000)
    assert [dlg.aliases_edit.text()[h.start:h.end] for h in dlg.aliases_edit.highlights()] == ["Army"]
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.candidate_name == "Robin Newcase" for r in w.navigator.model.rows), timeout=10000)
    row = next(r for r in w.navigator.model.rows if r.candidate_name == "Robin Newcase")
    assert row.aliases == ("[REDACTED] Mike", "Big Mike")
    w.close()
    assert leaks(_file_bytes(db)) == []


def test_the_supervisor_queue_shows_the_separation_of_duties_refusal(qtbot, db, admin, supervisor, investigator,  # type: ignore[no-untyped-def]
                                                                     monkeypatch):
    submitted = open_case(db, supervisor, investigator, make_process(db, supervisor))
    complete_items(db, investigator, submitted.id)
    I.submit_investigation(db, investigator, investigation_id=submitted.id)
    U.set_user_role(db, admin, user_id=investigator.user_id, role="supervisor")
    promoted = U.sign_in(db, username=investigator.username, password=PASSWORD)
    w = make_window(qtbot, db, promoted)
    queue = w.open_review()
    qtbot.waitUntil(lambda: queue.current_row is not None and queue.approve_button.isEnabled(), timeout=30000)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue.findChild(QMessageBox, "errorDialog") is not None, timeout=10000)
    box = queue.findChild(QMessageBox, "errorDialog")
    assert "assigned investigator" in box.text() and "another supervisor" in box.text()
    box.done(0)
    assert I.get_investigation(db, supervisor, investigation_id=submitted.id).status == "submitted"
