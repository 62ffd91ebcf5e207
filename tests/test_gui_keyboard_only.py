"""One complete investigation with the keyboard alone: open the case from the navigator, mark every
planned search (one as not possible, with a reason), complete every checklist item, record a
finding, validate it and submit — qtbot.keyClick/keyClicks only,
no mouse and no slot calls. Also: switching items right after typing asks before anything is lost.
"""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.factories import make_process, mark_plan, open_case
from tests.gui_fixtures import _wait_for_jobs, warm_engine  # noqa: F401 (fixtures)
from ui.context import AppContext
from ui.main_window import MainWindow
from vetting.services import investigations as I
from vetting.services.settings import get_settings

pytestmark = pytest.mark.sqlite_only

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier



def focus() -> QWidget:
    w = QApplication.focusWidget()
    assert w is not None, "nothing has the keyboard focus"
    return w


def tab_to(qtbot, target: QWidget, limit: int = 120) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until ``target`` has the focus (fails when Tab never reaches it)."""
    seen = []
    for _ in range(limit):
        if focus() is target:
            return
        seen.append(f"{type(focus()).__name__} {focus().accessibleName()[:20]!r}")
        qtbot.keyClick(focus(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reaches {target.accessibleName() or target}: {seen[:30]}")


def window(qtbot, db, actor) -> MainWindow:  # type: ignore[no-untyped-def]
    ctx = AppContext(db, actor, dict(get_settings(db)))
    ctx.mark_engine_ready()
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.showNormal()
    w.resize(1366, 768)
    w.activateWindow()
    qtbot.waitUntil(lambda: bool(w.navigator.loaded_once and w.navigator.model.rows), timeout=15000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    return w


def test_a_whole_investigation_with_the_keyboard_alone(qtbot, db, supervisor, investigator, warm_engine):  # type: ignore[no-untyped-def]
    case = open_case(db, supervisor, investigator, make_process(db, supervisor))
    w = window(qtbot, db, investigator)

    # Open: Alt+V goes to the investigations list, Down selects the case and opens it.
    qtbot.keyClick(focus(), Qt.Key.Key_V, ALT)
    assert focus() is w.navigator.table
    qtbot.keyClick(w.navigator.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: w.view is not None and w.view.detail is not None, timeout=15000)
    v = w.view
    assert f"Investigation no. {case.id}" in v.case_label.text()

    def wait_saved() -> None:
        qtbot.waitUntil(lambda: not v._saving, timeout=15000)
        assert not v.item_error.isVisible(), v.item_error.text()

    def mark_searches(not_possible: str | None = None) -> None:
        """Mark every planned search of the item by keyboard: Tab to its first mark, Space; the
        focus then moves on to the next unmarked search. With ``not_possible``, the first search
        is marked not possible with that reason (Tab to the button, type, Tab, Space)."""
        plan = v.plan
        while True:
            left = [r for r in plan.rows if r.query.planned and r.query.status is None]
            if not left:
                return
            row = left[0]
            if not_possible:
                tab_to(qtbot, row.mark_buttons["not_possible"])
                qtbot.keyClick(focus(), Qt.Key.Key_Space)
                qtbot.waitUntil(lambda: plan.reason_box.isVisible(), timeout=5000)
                assert plan.reason.isAncestorOf(focus()) or focus() is plan.reason
                qtbot.keyClicks(focus(), not_possible)
                qtbot.waitUntil(plan.reason.is_screening_done, timeout=15000)
                tab_to(qtbot, plan.reason_ok)
                not_possible = None
            elif focus() is not row.mark_buttons["nothing_found"]:
                tab_to(qtbot, row.mark_buttons["nothing_found"])
            before = len(left)
            qtbot.keyClick(focus(), Qt.Key.Key_Space)
            qtbot.waitUntil(lambda before=before: not plan.is_busy() and len(
                [r for r in plan.rows if r.query.planned and r.query.status is None]) < before, timeout=15000)
            assert not plan.error.isVisible(), plan.error.text()
            left = [r for r in plan.rows if r.query.planned and r.query.status is None]
            if left:  # the focus moved on to the next unmarked search
                assert focus() is left[0].mark_buttons["nothing_found"], focus().accessibleName()

    def complete(downs: int, searched: str | None, not_possible: str | None = None) -> None:
        """Complete the item shown in the form: its planned searches, attestations, outcome, what
        was searched, Ctrl+S."""
        it = v._form_item
        mark_searches(not_possible)
        for cb in v.attest_checks.values():
            tab_to(qtbot, cb)
            qtbot.keyClick(cb, Qt.Key.Key_Space)
            assert cb.isChecked()
        tab_to(qtbot, v.status_combo)
        for _ in range(downs):
            qtbot.keyClick(v.status_combo, Qt.Key.Key_Down)
        if searched:
            tab_to(qtbot, v.searched)
            qtbot.keyClicks(v.searched, searched)
        qtbot.keyClick(focus(), Qt.Key.Key_S, CTRL)
        wait_saved()
        qtbot.waitUntil(lambda: v._item_by_id(it.id).terminal, timeout=10000)

    def next_item() -> None:
        tab_to(qtbot, v.tree)
        before = v._form_item.id
        while v._form_item.id == before:
            qtbot.keyClick(v.tree, Qt.Key.Key_Down)

    items = list(v.detail.items)
    seen_not_possible = False
    for n, it in enumerate(items):
        assert v._form_item.id == it.id
        if it.key == "facebook":
            # A finding, by keyboard: Ctrl+N, fill the editor, Ctrl+S.
            qtbot.keyClick(focus(), Qt.Key.Key_N, CTRL)
            qtbot.waitUntil(lambda: getattr(v, "finding_editor", None) is not None and v.finding_editor.isVisible())
            dlg = v.finding_editor
            qtbot.waitUntil(lambda dlg=dlg: QApplication.focusWidget() is not None
                            and QApplication.focusWidget().window() is dlg)
            tab_to(qtbot, dlg.url)
            qtbot.keyClicks(dlg.url, "https://facebook.example/p/42")
            tab_to(qtbot, dlg.text)
            qtbot.keyClicks(dlg.text, "Posted a video of driving 120 mph on the highway at night.")
            qtbot.waitUntil(dlg.text.is_screening_done, timeout=15000)
            tab_to(qtbot, dlg.categories)
            qtbot.keyClick(dlg.categories, Qt.Key.Key_Down)
            qtbot.keyClick(dlg.categories, Qt.Key.Key_Space)
            qtbot.keyClick(focus(), Qt.Key.Key_S, CTRL)
            qtbot.waitUntil(lambda dlg=dlg: not shiboken6.isValid(dlg) or not dlg.isVisible(), timeout=15000)
            qtbot.waitUntil(lambda: len(v._item_findings()) == 1, timeout=15000)
            w.activateWindow()  # what the window manager does when a dialog closes (offscreen does not)
            qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
            # Validate it: Alt+G shows the Findings tab; status, a method, a note, Ctrl+S.
            qtbot.keyClick(focus(), Qt.Key.Key_G, ALT)
            assert v.tabs.currentIndex() == v.findings_tab
            panel = v.validation
            tab_to(qtbot, panel.status)
            qtbot.keyClick(panel.status, Qt.Key.Key_Down)
            assert panel.status.currentData() == "validated"
            box = next(iter(panel.method_boxes.values()))
            tab_to(qtbot, box)
            qtbot.keyClick(box, Qt.Key.Key_Space)
            tab_to(qtbot, panel.note)
            qtbot.keyClicks(panel.note, "Viewed on the platform under the disclosed account.")
            qtbot.waitUntil(panel.note.is_screening_done, timeout=15000)
            qtbot.keyClick(focus(), Qt.Key.Key_S, CTRL)
            qtbot.waitUntil(lambda: v._item_findings()[0].validation_status == "validated", timeout=15000)
            qtbot.keyClick(focus(), Qt.Key.Key_K, ALT)  # back to the checklist item
            complete(2, "Facebook search for the full name and aliases.")
        elif it.is_review:
            complete(1, None)
        elif any(q.planned for q in it.queries) and not seen_not_possible:
            complete(1, "Full name, aliases and usernames.", not_possible="The site's search was down all afternoon.")
            stored = I.get_investigation(db, investigator, investigation_id=case.id)
            marks = [q for i in stored.items if i.id == it.id for q in i.queries if q.status == "not_possible"]
            assert len(marks) == 1 and marks[0].reason == "The site's search was down all afternoon."
            seen_not_possible = True
        else:
            complete(1, "Full name, aliases and usernames.")
        if n + 1 < len(items):
            next_item()

    assert v.progress.value() == len(items)
    # Submit: Alt+B opens the check; Enter presses its default button once nothing is missing.
    qtbot.keyClick(focus(), Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: getattr(v, "submit_dialog", None) is not None and v.submit_dialog.isVisible())
    dlg = v.submit_dialog
    qtbot.waitUntil(lambda: dlg.submit_button.isEnabled() and dlg.submit_button.isDefault(), timeout=15000)
    qtbot.keyClick(focus(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: I.get_investigation(db, investigator, investigation_id=case.id).status == "submitted",
                    timeout=15000)


def answer_when_asked(qtbot, button: QMessageBox.StandardButton, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Press ``button`` on the next message box (by its keyboard shortcut: Enter for the default)."""
    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            target = box.button(button)
            assert target is box.defaultButton(), "the answer expected here is the default button"
            qtbot.keyClick(box, Qt.Key.Key_Return)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_clicking_another_item_right_after_typing_asks_and_saves(qtbot, db, supervisor, investigator,  # type: ignore[no-untyped-def]
                                                                 warm_engine):
    case = open_case(db, supervisor, investigator, make_process(db, supervisor))
    # The planned searches are marked beforehand through the service (marking them by keyboard is
    # the test above); this test is about leaving an item with unsaved edits.
    for it in I.get_investigation(db, investigator, investigation_id=case.id).items:
        mark_plan(db, investigator, it)
    w = window(qtbot, db, investigator)
    qtbot.keyClick(focus(), Qt.Key.Key_V, ALT)
    qtbot.keyClick(w.navigator.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: w.view is not None and w.view.detail is not None, timeout=15000)
    v = w.view
    first = v._form_item
    for cb in v.attest_checks.values():
        tab_to(qtbot, cb)
        qtbot.keyClick(cb, Qt.Key.Key_Space)
    tab_to(qtbot, v.status_combo)
    qtbot.keyClick(v.status_combo, Qt.Key.Key_Down)
    tab_to(qtbot, v.notes)
    qtbot.keyClicks(v.notes, "Checked quickly")
    # At once, a click on another item of the checklist.
    other = next(i for i in case.items if i.id != first.id and not i.is_review)
    row = v._tree_row(other.id)
    seen: list[str] = []
    answer_when_asked(qtbot, QMessageBox.StandardButton.Save, seen)
    qtbot.mouseClick(v.tree.viewport(), Qt.MouseButton.LeftButton, pos=v.tree.visualItemRect(row).center())
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert "without saving" in seen[0]
    qtbot.waitUntil(lambda: v._form_item is not None and v._form_item.id == other.id, timeout=15000)
    stored = next(i for i in I.get_investigation(db, investigator, investigation_id=case.id).items
                  if i.id == first.id)
    assert stored.status != "pending" and stored.notes == "Checked quickly"
    assert v.tree.currentItem() is v._tree_row(other.id)
