"""The investigator's screens through the real widgets, a real SQLite database and the real engine."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

import ui.jobs
from tests.factories import item, make_process, open_case
from tests.gui_fixtures import _wait_for_jobs, warm_engine  # noqa: F401 (fixtures)
from ui.context import AppContext
from ui.finding_editor import FindingEditor
from ui.investigation_view import InvestigationView
from ui.screened_text import ScreenedTextEdit
from vetting.screening import REDACTION_TOKEN
from vetting.services import findings as F
from vetting.services import investigations as I

pytestmark = pytest.mark.sqlite_only

POST = ("As a devout Catholic and a mom of three, I say those Haitians moving in next door should go back "
        "where they came from. Saw my old unit buddies at the range, ran 120 mph home lol.")




@pytest.fixture
def case(db, supervisor, investigator):  # type: ignore[no-untyped-def]
    return open_case(db, supervisor, investigator, make_process(db, supervisor))


def make_ctx(db, actor, ready: bool = True) -> AppContext:  # type: ignore[no-untyped-def]
    ctx = AppContext(db, actor, settings={})
    if ready:
        ctx.mark_engine_ready()
    return ctx


@pytest.fixture
def ctx(db, investigator, warm_engine):  # type: ignore[no-untyped-def]
    return make_ctx(db, investigator)


@pytest.fixture
def view(qtbot, ctx, case):  # type: ignore[no-untyped-def]
    v = InvestigationView(ctx, case.id)
    qtbot.addWidget(v)
    v.resize(1400, 900)
    v.show()
    qtbot.waitUntil(lambda: v.detail is not None, timeout=10000)
    return v


def wait_saved(qtbot, v: InvestigationView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not v._saving, timeout=15000)


def complete_item(qtbot, v: InvestigationView, item_id: int, status: str, reason: str = "") -> None:  # type: ignore[no-untyped-def]
    v.select_item(item_id)
    assert v.current_item_id() == item_id
    for cb in v.attest_checks.values():
        cb.setChecked(True)
    if status in ("no_findings", "findings_recorded"):
        mark_plan_in_view(qtbot, v)
    v.status_combo.setCurrentIndex(v.status_combo.findData(status))
    if reason:
        v.reason.setPlainText(reason)
    if status in ("no_findings", "findings_recorded") and not v._form_item.is_review:
        v.searched.setPlainText("Full name and disclosed usernames.")
    qtbot.mouseClick(v.save_button, Qt.MouseButton.LeftButton)
    wait_saved(qtbot, v)
    assert not v.item_error.isVisible(), v.item_error.text()
    qtbot.waitUntil(lambda: v._item_by_id(item_id).status == status, timeout=5000)


def show_findings_tab(qtbot, v: InvestigationView) -> None:  # type: ignore[no-untyped-def]
    """Click the Findings tab (findings and their validation have a tab of their own)."""
    bar = v.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(v.findings_tab).center())
    assert v.tabs.currentIndex() == v.findings_tab


def mark_plan_in_view(qtbot, v: InvestigationView) -> None:  # type: ignore[no-untyped-def]
    """Mark every unmarked planned search of the shown item 'run - nothing found' with its button
    (scrolled into view first, as the investigator would)."""
    while True:
        row = next((r for r in v.plan.rows if r.query.planned and r.query.status is None), None)
        if row is None:
            return
        query = row.query.query
        button = row.mark_buttons["nothing_found"]
        v.item_scroll.ensureWidgetVisible(button)
        button.click()  # like complete_item's Save: the end-to-end window may not be exposed for mouse input
        qtbot.waitUntil(lambda q=query: any(r.query.query == q and r.query.status for r in v.plan.rows)
                        or bool(v.plan.error.text()), timeout=10000)
        assert not v.plan.error.text(), v.plan.error.text()


def menu_action(menu: QMenu, *path: str) -> QAction:
    """Find an action by the start of its text, descending into submenus."""
    for act in menu.actions():
        if act.text().replace("&", "").startswith(path[0]):
            if len(path) == 1:
                return act
            return menu_action(act.menu(), *path[1:])
    raise AssertionError(f"no menu entry {path[0]!r} in {[a.text() for a in menu.actions()]}")


# ---------------------------------------------------------------------- (a) the whole flow


def test_investigator_completes_screens_validates_and_submits_through_the_widgets(
        qtbot, view, db, investigator, case):  # type: ignore[no-untyped-def]
    v = view
    assert v.name_label.text() == "Casey Q. Candidate"
    assert "CQ" in v.identity_label.text() and "caseyq" in v.identity_label.text()
    assert not v.banner.isVisible()
    total = len(case.items)
    assert v.progress.maximum() == total and v.progress.value() == 0

    # An item that cannot be completed needs a reason; the refusal shows inline first.
    web = item(case, "web_search").id
    v.select_item(web)
    for cb in v.attest_checks.values():
        cb.setChecked(True)
    v.status_combo.setCurrentIndex(v.status_combo.findData("unable_to_complete"))
    v.save_button.click()
    assert v.item_error.isVisible() and "reason is required" in v.item_error.text()
    v.reason.setPlainText("The search engine was unavailable all week.")
    v.save_button.click()
    wait_saved(qtbot, v)
    assert not v.item_error.isVisible(), v.item_error.text()
    qtbot.waitUntil(lambda: v._item_by_id(web).status == "unable_to_complete")

    # Facebook: a finding pasted with protected-class terms.
    fb = item(case, "facebook").id
    v.select_item(fb)
    assert v.tabs.isTabVisible(v.findings_tab)
    v.new_finding_button.click()
    dlg: FindingEditor = v.finding_editor
    qtbot.waitUntil(lambda: bool(v.categories), timeout=5000)
    assert isinstance(dlg, FindingEditor) and dlg.isVisible()
    dlg.platform.setText("Facebook")
    dlg.url.setText("https://facebook.example/casey/posts/1")
    dlg.set_categories(["bias_speech", "reckless_behaviour"])
    QApplication.clipboard().setText(POST)
    dlg.text.setFocus()
    with qtbot.waitSignal(dlg.text.sig_screened, timeout=15000):
        dlg.text.paste()
    assert dlg.text.original_text() == POST
    shown = {(POST[h.start:h.end], h.category) for h in dlg.text.highlights()}
    assert ("Catholic", "RELIGION") in shown
    assert ("mom of three", "PARENTHOOD") in shown
    assert ("Haitians", "NATIONAL_ORIGIN") in shown
    # Highlights are drawn (colour + underline) on exactly those spans.
    sels = dlg.text.extraSelections()
    assert len(sels) == len(dlg.text.highlights())
    assert all(s.format.underlineStyle() != s.format.underlineStyle().NoUnderline for s in sels)
    h = next(x for x in dlg.text.highlights() if x.category == "NATIONAL_ORIGIN")
    assert "National origin" in dlg.text.tooltip_for(h)

    # Dismiss "Haitians" through the context menu: the biased speech is the conduct.
    pos = POST.index("Haitians") + 2
    menu = dlg.text.build_context_menu(pos)
    menu_action(menu, "Dismiss highlight", "Target of biased speech").trigger()
    assert next(x for x in dlg.text.highlights() if x.category == "NATIONAL_ORIGIN").state == "dismissed"

    # Mark a span the engine missed.
    start = POST.index("my old unit")
    cur = dlg.text.textCursor()
    cur.setPosition(start)
    cur.setPosition(start + len("my old unit"), cur.MoveMode.KeepAnchor)
    dlg.text.setTextCursor(cur)
    menu = dlg.text.build_context_menu()
    menu_action(menu, "Mark selection as protected", "Military status").trigger()
    assert any(x.state == "manual" and x.category == "MILITARY_STATUS" for x in dlg.text.highlights())
    qtbot.waitUntil(lambda: "my old unit" not in dlg.preview.toPlainText() and "Haitians" in dlg.preview.toPlainText(),
                    timeout=5000)
    preview = dlg.preview.toPlainText()
    assert "Catholic" not in preview and "mom of three" not in preview and "my old unit" not in preview
    assert REDACTION_TOKEN in preview

    with qtbot.waitSignal(dlg.finished, timeout=15000):
        dlg.save_button.click()
    assert dlg.result_view is not None
    qtbot.waitUntil(lambda: any(f.item_result_id == fb for f in v.detail.findings), timeout=10000)

    stored = I.get_investigation(db, investigator, investigation_id=case.id)
    finding = next(f for f in stored.findings if f.item_result_id == fb)
    assert "Catholic" not in finding.text and "mom of three" not in finding.text
    assert "my old unit" not in finding.text
    assert "Haitians" in finding.text  # dismissed as evidence of conduct, kept on purpose
    assert REDACTION_TOKEN in finding.text
    assert finding.redaction.manual == 1
    assert dict(finding.redaction.dismissed).get("biased_speech_evidence") == 1
    assert finding.text in v.findings.topLevelItem(0).toolTip(4)

    # Validate it in the panel.
    qtbot.waitUntil(lambda: v.validation.finding is not None and v.validation.finding.id == finding.id)
    panel = v.validation
    panel.status.setCurrentIndex(panel.status.findData("validated"))
    panel.method_boxes["seen_on_original_platform"].setChecked(True)
    panel.method_boxes["account_ownership_confirmed"].setChecked(True)
    panel.note.setPlainText("Viewed on the platform; the candidate confirmed the account in interview.")
    with qtbot.waitSignal(panel.sig_saved, timeout=15000):
        panel.save_button.click()
    assert not panel.error.isVisible()
    qtbot.waitUntil(lambda: v._finding(finding.id).validation_status == "validated")
    wait_loaded(qtbot, v)
    complete_item(qtbot, v, fb, "findings_recorded")

    # Every other item.
    for it in v.detail.items:
        if not v._item_by_id(it.id).terminal:
            complete_item(qtbot, v, it.id, "no_findings")
    assert v.progress.value() == total

    # Submit.
    v.submit_button.click()
    dlg = v.submit_dialog
    qtbot.waitUntil(lambda: dlg.submit_button.isEnabled(), timeout=10000)
    assert dlg.problems == []
    with qtbot.waitSignal(dlg.sig_submitted, timeout=15000):
        dlg.submit_button.click()
    assert I.get_investigation(db, investigator, investigation_id=case.id).status == "submitted"
    qtbot.waitUntil(lambda: v.banner.isVisible())
    assert "read-only" in v.banner.text()
    # the padlock is drawn (the UI font has no padlock glyph), not a character in the text
    assert "\U0001f512" not in v.banner.text() and not v.banner.icon_label.pixmap().isNull()
    assert not v.status_combo.isEnabled() and not v.new_finding_button.isEnabled()


def wait_loaded(qtbot, v: InvestigationView) -> None:  # type: ignore[no-untyped-def]
    """Wait for a reload the view started to land."""
    with qtbot.waitSignal(v.sig_loaded, timeout=10000, raising=False):
        pass
    ui.jobs.wait_for_all()
    QApplication.processEvents()


# ---------------------------------------------------------------------- (b) submit refused


def test_submit_with_missing_items_lists_them_and_an_entry_jumps_to_the_item(qtbot, view, case):  # type: ignore[no-untyped-def]
    v = view
    first = v.current_item_id()
    v.submit_button.click()
    dlg = v.submit_dialog
    qtbot.waitUntil(lambda: dlg.list.count() > 0, timeout=10000)
    assert dlg.list.count() == len(case.items)
    assert not dlg.submit_button.isEnabled()
    assert "cannot be submitted" in dlg.summary.text()
    target = item(case, "tiktok")
    row = next(r for r in range(dlg.list.count())
               if dlg.list.item(r).data(Qt.ItemDataRole.UserRole) == f"item:{target.id}")
    assert target.title in dlg.list.item(row).text()
    assert first != target.id
    rect = dlg.list.visualItemRect(dlg.list.item(row))
    with qtbot.waitSignal(dlg.finished, timeout=5000):
        qtbot.mouseClick(dlg.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert v.current_item_id() == target.id
    assert v.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == target.id
    assert target.title in v.item_title.text()


def test_submit_problem_for_an_unvalidated_finding_jumps_to_the_finding(qtbot, ctx, db, investigator, case):  # type: ignore[no-untyped-def]
    from tests.factories import add_finding, complete_items

    f = add_finding(db, investigator, case, key="instagram")
    complete_items(db, investigator, case.id)
    v = InvestigationView(ctx, case.id)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.detail is not None, timeout=10000)
    v.submit_button.click()
    dlg = v.submit_dialog
    qtbot.waitUntil(lambda: dlg.list.count() == 1, timeout=10000)
    assert dlg.list.item(0).data(Qt.ItemDataRole.UserRole) == f"finding:{f.id}"
    dlg.list.setCurrentRow(0)
    dlg.list.itemActivated.emit(dlg.list.item(0))
    assert v.current_item_id() == item(case, "instagram").id
    assert v.current_finding_id() == f.id
    assert v.validation.finding.id == f.id


# ---------------------------------------------------------------------- (c) validation refused


def test_validated_without_a_method_is_refused_inline(qtbot, ctx, db, investigator, case):  # type: ignore[no-untyped-def]
    from tests.factories import add_finding

    f = add_finding(db, investigator, case, key="facebook")
    v = InvestigationView(ctx, case.id)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.detail is not None, timeout=10000)
    v.select_item(item(case, "facebook").id)
    show_findings_tab(qtbot, v)
    panel = v.validation
    assert panel.finding.id == f.id
    panel.status.setCurrentIndex(panel.status.findData("validated"))
    panel.note.setPlainText("Seen it.")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.error.isVisible()
    assert "at least one validation method" in panel.error.text()
    assert panel.note.original_text() == "Seen it."  # input kept
    # The service refuses the same way (the widget's check mirrors it).
    from vetting.errors import RuleViolation

    with pytest.raises(RuleViolation, match="validation method"):
        F.set_validation(db, investigator, finding_id=f.id, expected_version=f.version, status="validated",
                         methods=[], note="Seen it.")
    ui.jobs.wait_for_all()
    assert I.get_investigation(db, investigator, investigation_id=case.id).findings[0].validation_status == \
        "unvalidated"
    # With a method it goes through.
    panel.method_boxes["date_confirmed"].setChecked(True)
    assert not panel.error.isVisible()
    with qtbot.waitSignal(panel.sig_saved, timeout=15000):
        panel.save_button.click()
    assert I.get_investigation(db, investigator, investigation_id=case.id).findings[0].validation_status == \
        "validated"


# ---------------------------------------------------------------------- (d) never blocks


def test_screening_a_20000_character_paste_runs_on_a_worker_while_the_event_loop_keeps_turning(
        qtbot, ctx, monkeypatch):  # type: ignore[no-untyped-def]
    import ui.screened_text as st

    ticks = [0]
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    timer.start()
    seen: dict[str, object] = {}
    real = st._analyze

    def observed(options, text):  # type: ignore[no-untyped-def]
        seen["thread"] = threading.current_thread()
        seen["ticks_at_start"] = ticks[0]
        # The worker waits until the GUI thread has demonstrably processed more timer events.
        deadline = time.monotonic() + 10
        while ticks[0] < seen["ticks_at_start"] + 5 and time.monotonic() < deadline:
            time.sleep(0.002)
        result = real(options, text)
        seen["ticks_at_end"] = ticks[0]
        return result

    monkeypatch.setattr(st, "_analyze", observed)
    ed = ScreenedTextEdit(ctx, accessible_name="Notes")
    qtbot.addWidget(ed)
    chunk = "Went to the lake with friends, grilled burgers and watched the game. "
    big = (chunk * (20000 // len(chunk) + 1))[:19960] + " devout Catholic"
    assert len(big) >= 20000 - 40
    QApplication.clipboard().setText(big)
    with qtbot.waitSignal(ed.sig_screened, timeout=30000):
        ed.paste()
        assert ed.state_text() == "Screening…"
        assert not ed.is_screening_done()
    timer.stop()
    assert seen["thread"] is not threading.main_thread()
    assert seen["ticks_at_end"] >= seen["ticks_at_start"] + 5
    assert ed.is_screening_done()
    assert any(h.category == "RELIGION" for h in ed.highlights())
    assert ed.jobs_started == 1


def test_a_newer_text_supersedes_an_older_screening(qtbot, ctx):  # type: ignore[no-untyped-def]
    ed = ScreenedTextEdit(ctx, accessible_name="Notes")
    qtbot.addWidget(ed)
    ed.setPlainText("She is a devout Catholic.")
    ed._timer.stop()
    ed._start_job()  # a job for the old text is in flight
    ed.setPlainText("Nothing here about anyone.")
    with qtbot.waitSignal(ed.sig_screened, timeout=15000):
        pass
    assert ed.is_screening_done()
    assert ed.highlights() == []


def test_engine_not_ready_shows_loading_then_screens(qtbot, db, investigator, warm_engine):  # type: ignore[no-untyped-def]
    ctx = make_ctx(db, investigator, ready=False)
    ed = ScreenedTextEdit(ctx, accessible_name="Notes")
    qtbot.addWidget(ed)
    ed.setPlainText("A proud Marine veteran.")
    assert ed.state_text() == "Screening engine loading…"
    assert not ed.is_screening_done()
    with qtbot.waitSignal(ed.sig_screened, timeout=15000):
        ctx.mark_engine_ready()
    assert ed.highlights()


def test_decisions_follow_edits_and_are_dropped_when_their_words_change(qtbot, ctx):  # type: ignore[no-untyped-def]
    ed = ScreenedTextEdit(ctx, accessible_name="Notes")
    qtbot.addWidget(ed)
    text = "Posted: as a mom of three I am tired."
    with qtbot.waitSignal(ed.sig_screened, timeout=15000):
        ed.setPlainText(text)
    h = next(x for x in ed.highlights() if x.category == "PARENTHOOD")
    ed.dismiss(h.start, h.end, "not_protected")
    start = text.index("tired")
    ed.mark(start, start + 5, "DISABILITY")
    # Typing before both shifts them.
    cur = ed.textCursor()
    cur.setPosition(0)
    cur.insertText("NEW ")
    review = ed.review()
    assert [(d.start, d.end) for d in review.dismissed] == [(h.start + 4, h.end + 4)]
    assert [(m.start, m.end) for m in review.manual] == [(start + 4, start + 9)]
    # Editing inside the marked word drops that decision only.
    cur.setPosition(start + 4 + 2)
    cur.insertText("X")
    review = ed.review()
    assert review.manual == ()
    assert len(review.dismissed) == 1
    with qtbot.waitSignal(ed.sig_screened, timeout=15000):
        pass


# ---------------------------------------------------------------------- (e) unsaved changes


def test_switching_items_with_unsaved_changes_asks_and_honours_the_answer(qtbot, view, case, db, investigator,
                                                                          monkeypatch):  # type: ignore[no-untyped-def]
    v = view
    a, b = item(case, "facebook").id, item(case, "instagram").id
    v.select_item(a)
    v.searched.setPlainText("Searched 'Casey Candidate' and caseyq.")
    assert v.has_unsaved_changes()
    answers: list[QMessageBox.StandardButton] = []
    asked: list[str] = []

    def fake_question(parent, title, text, *args, **kw):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake_question))

    # Cancel: stay on the item, input kept.
    answers.append(QMessageBox.StandardButton.Cancel)
    v.tree.setCurrentItem(v._tree_row(b))
    assert len(asked) == 1 and "Facebook" in asked[0]
    assert v.current_item_id() == a
    assert v.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) == a
    assert v.searched.original_text() == "Searched 'Casey Candidate' and caseyq."

    # Save: stored, then switched.
    answers.append(QMessageBox.StandardButton.Save)
    v.tree.setCurrentItem(v._tree_row(b))
    qtbot.waitUntil(lambda: v.current_item_id() == b, timeout=10000)
    stored = item(I.get_investigation(db, investigator, investigation_id=case.id), "facebook")
    assert stored.searched == "Searched 'Casey Candidate' and caseyq."

    # Discard: not stored, switched.
    v.notes.setPlainText("Something I will throw away.")
    answers.append(QMessageBox.StandardButton.Discard)
    v.select_item(a)
    assert v.current_item_id() == a
    stored = item(I.get_investigation(db, investigator, investigation_id=case.id), "instagram")
    assert stored.notes is None
    assert not v.has_unsaved_changes()

    # maybe_save (used by the shell when closing) answers False on Cancel.
    v.notes.setPlainText("More.")
    answers.append(QMessageBox.StandardButton.Cancel)
    assert v.maybe_save() is False
    answers.append(QMessageBox.StandardButton.Save)
    assert v.maybe_save() is True
    assert item(I.get_investigation(db, investigator, investigation_id=case.id), "facebook").notes == "More."


# ---------------------------------------------------------------------- other refusals


def test_conflict_from_another_workstation_is_shown_and_the_input_kept(qtbot, view, case, db, investigator):  # type: ignore[no-untyped-def]
    v = view
    fb = item(case, "facebook")
    v.select_item(fb.id)
    v.notes.setPlainText("My notes from this workstation.")
    I.update_item(db, investigator, item_result_id=fb.id, expected_version=fb.version, status="pending",
                  notes="Other workstation.")
    v.save_button.click()
    wait_saved(qtbot, v)
    assert v.item_error.isVisible() and "another workstation" in v.item_error.text()
    assert v.reload_item_button.isVisibleTo(v)
    assert v.notes.original_text() == "My notes from this workstation."


def test_read_only_for_another_investigators_case_viewed_by_a_supervisor(qtbot, db, supervisor, case,
                                                                         warm_engine):  # type: ignore[no-untyped-def]
    v = InvestigationView(make_ctx(db, supervisor), case.id)
    qtbot.addWidget(v)
    v.show()
    qtbot.waitUntil(lambda: v.detail is not None, timeout=10000)
    assert v.banner.isVisible() and "assigned to" in v.banner.text()
    assert not v.status_combo.isEnabled()
    assert v.notes.isReadOnly() and v.searched.isReadOnly()
    assert not v.submit_button.isEnabled() and not v.new_finding_button.isEnabled()
    assert not all(cb.isEnabled() for cb in v.attest_checks.values())
    assert not v.has_unsaved_changes()


def test_finding_editor_refuses_a_text_over_the_limit_inline(qtbot, view, case, monkeypatch):  # type: ignore[no-untyped-def]
    import ui.finding_editor as fe

    monkeypatch.setattr(fe, "MAX_TEXT_CHARS", 50)
    v = view
    v.select_item(item(case, "facebook").id)
    dlg = v.new_finding()
    dlg.text._max_chars = 50
    dlg.set_categories(["reckless_behaviour"])
    dlg.text.setPlainText("x" * 51)
    dlg.save_button.click()
    assert dlg.error.isVisible() and "limit is 50" in dlg.error.text()
    assert dlg.isVisible()
    dlg.text.setPlainText("Short enough.")
    dlg.set_categories([])
    dlg.save_button.click()
    assert "concern category" in dlg.error.text()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Discard))
    dlg.reject()


def test_a_new_finding_starts_with_the_post_date_unknown(qtbot, view, case):  # type: ignore[no-untyped-def]
    view.select_item(item(case, "facebook").id)
    dlg = view.new_finding()
    assert not dlg.post_date_known.isChecked() and not dlg.post_date.isEnabled()
    assert dlg.post_date_value() is None
    qtbot.mouseClick(dlg.post_date_known, Qt.MouseButton.LeftButton)
    assert dlg.post_date.isEnabled() and dlg.post_date_value() is not None
    dlg.done(0)


def test_inputs_have_accessible_names_and_shortcuts_exist(qtbot, view):  # type: ignore[no-untyped-def]
    v = view
    for w in (v.status_combo, v.reason, v.searched, v.notes, v.save_button, v.new_finding_button, v.tree,
              v.findings, v.validation.status, v.validation.note, v.submit_button, v.progress):
        assert w.accessibleName(), w
    for cb in v.attest_checks.values():
        assert cb.accessibleName().startswith("Attestation:")
    # Ctrl+S saves the focused item form.
    v.searched.setFocus()
    v.searched.setPlainText("Searched caseyq on every platform.")
    qtbot.keyClick(v.searched, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_saved(qtbot, v)
    qtbot.waitUntil(lambda: not v.has_unsaved_changes(), timeout=10000)
    # Ctrl+N opens the finding editor on an item that takes findings.
    v.select_item(item(v.detail, "facebook").id)
    v.tree.setFocus()
    qtbot.keyClick(v.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(v, "finding_editor", None) is not None and v.finding_editor.isVisible())
    v.finding_editor.done(0)


# ---------------------------------------------------------------------- accounts


def test_accounts_panel_adds_an_account_with_matched_identifiers(qtbot, view, db, investigator, case):  # type: ignore[no-untyped-def]
    from ui.accounts_panel import AccountDialog

    v = view
    panel = v.accounts
    assert panel.add_button.isEnabled()
    panel.add_button.click()
    dlg = next(w for w in panel.findChildren(AccountDialog) if w.isVisible())
    dlg.platform.setText("Instagram")
    dlg.handle.setText("casey.q")
    dlg.url.setText("https://instagram.example/casey.q")
    dlg.add_identifier("full_name", "Casey Q. Candidate")
    dlg.add_identifier("email", "casey@example.org")
    dlg.add_identifier("photo", "profile photo matches")
    with qtbot.waitSignal(panel.sig_changed, timeout=10000):
        dlg.buttons.button(dlg.buttons.StandardButton.Save).click()
    stored = I.get_investigation(db, investigator, investigation_id=case.id).accounts
    assert [(a.platform, a.handle) for a in stored] == [("Instagram", "casey.q")]
    assert ("email", "casey@example.org") in stored[0].matched
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=10000)
    assert "E-mail address: casey@example.org" in panel.table.item(0, 3).text()
    assert stored[0].ownership_label in panel.table.item(0, 2).text()
    assert "(1)" in v.tabs.tabText(v.accounts_tab)


def test_account_without_a_handle_is_refused_inline(qtbot, view):  # type: ignore[no-untyped-def]
    from ui.accounts_panel import AccountDialog

    dlg = AccountDialog(view.ctx, view.investigation_id, None, view)
    dlg.show()
    dlg.platform.setText("Reddit")
    dlg.save()
    assert dlg.error.isVisible() and "platform and a handle" in dlg.error.text()
    dlg.done(0)


def test_an_open_finding_editor_counts_as_unsaved_and_is_saved_on_request(qtbot, view, case, db, investigator,
                                                                         monkeypatch):  # type: ignore[no-untyped-def]
    v = view
    v.select_item(item(case, "reddit").id)
    qtbot.waitUntil(lambda: bool(v.categories), timeout=5000)
    dlg = v.new_finding()
    dlg.set_categories(["threats_harassment"])
    with qtbot.waitSignal(dlg.text.sig_screened, timeout=15000):
        dlg.text.setPlainText("I will find where you live.")
    assert v.has_unsaved_changes()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save))
    assert v.maybe_save() is True
    stored = I.get_investigation(db, investigator, investigation_id=case.id).findings
    assert [f.text for f in stored] == ["I will find where you live."]


# ---------------------------------------------------------------------- layout


def test_checklist_status_column_is_not_clipped_and_titles_have_full_tooltips(qtbot, ctx, case):  # type: ignore[no-untyped-def]
    v = InvestigationView(ctx, case.id)
    qtbot.addWidget(v)
    v.resize(960, 760)  # the investigation pane of a 1366-pixel laptop screen
    v.show()
    qtbot.waitUntil(lambda: v.detail is not None, timeout=10000)
    QApplication.processEvents()
    tree = v.tree
    header = tree.header()
    # the status column gets the width its texts need, and it lies inside the visible area
    assert header.sectionSize(1) >= tree.sizeHintForColumn(1)
    assert header.sectionPosition(1) + header.sectionSize(1) <= tree.viewport().width() + 1
    assert tree.width() >= 250 and v.tabs.width() > tree.width()  # the item form gets the space
    for it in case.items:
        row = v._tree_row(it.id)
        assert f"{it.position}. {it.title}" in row.toolTip(0)  # the elided title in full
        assert "Status:" in row.toolTip(1)


def test_the_finding_editor_refuses_to_save_until_each_possible_mention_is_decided(
        qtbot, view, db, case):  # type: ignore[no-untyped-def]
    from sqlalchemy import select as _select

    from vetting.models import Finding

    text = "Ran the food drive at Holy Trinity this weekend, then drag raced on Egan at 2am."
    view.select_item(item(case, "facebook").id)
    qtbot.mouseClick(view.new_finding_button, Qt.MouseButton.LeftButton)
    dlg: FindingEditor = view.finding_editor
    qtbot.waitUntil(lambda: bool(view.categories), timeout=5000)
    dlg.platform.setText("Facebook")
    dlg.set_categories(["reckless_behaviour"])
    with qtbot.waitSignal(dlg.text.sig_screened, timeout=15000):
        dlg.text.setPlainText(text)
    todo = dlg.text.undecided()
    assert [(text[h.start:h.end], h.category) for h in todo] == [("Holy Trinity", "RELIGION")]
    # shown distinctly, not by colour alone: its own underline style
    styles = {s.format.property(QTextFormat.Property.UserProperty): s.format.underlineStyle()
              for s in dlg.text.extraSelections()}
    assert styles["undecided"] == QTextCharFormat.UnderlineStyle.DashUnderline

    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible() and "still need" in dlg.error.text() and "your decision" in dlg.error.text()
    cur = dlg.text.textCursor()  # the first undecided one is selected for the keyboard
    assert text[cur.selectionStart():cur.selectionEnd()] == "Holy Trinity"

    dlg.text.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(dlg.text, Qt.Key.Key_F8)
    cur = dlg.text.textCursor()
    assert text[cur.selectionStart():cur.selectionEnd()] == "Holy Trinity"
    qtbot.keyClick(dlg.text, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not dlg.text.undecided()
    assert [h.state for h in dlg.text.highlights() if h.category == "RELIGION"] == ["confirmed"]

    with qtbot.waitSignal(dlg.finished, timeout=15000):
        qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    with db.read() as s:
        f = s.scalars(_select(Finding).order_by(Finding.id.desc())).first()
        assert "Holy Trinity" not in f.text and "[REDACTED]" in f.text and "drag raced" in f.text
        assert f.redaction_confirm == {"redacted": 1, "kept": 0}
