"""The shell of the workbench through the real widgets and a real SQLite database: first start,
sign-in, navigator, session lock, supervisor review with the PDF preview, administration and
window state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication

import ui.jobs
import ui.main_window as mw
from tests.conftest import PASSWORD
from tests.factories import complete_items, make_process, open_case
from ui.app import Workbench
from ui.context import AppContext, qsettings
from ui.main_window import MainWindow
from ui.signin import FirstRunDialog, SignInDialog
from vetting.services import investigations as I
from vetting.services import reports as R
from vetting.services import users as U
from vetting.services.settings import get_settings

pytestmark = pytest.mark.sqlite_only

OTHER_PASSWORD = "Second-Person-Secret-77"


@pytest.fixture(autouse=True)
def _clean_state(qapp):  # type: ignore[no-untyped-def]
    qsettings().clear()
    yield
    assert ui.jobs.wait_for_all(), "background jobs still running at teardown"
    QApplication.processEvents()
    qsettings().clear()


def make_window(qtbot, db, actor) -> MainWindow:  # type: ignore[no-untyped-def]
    ctx = AppContext(db, actor, get_settings(db))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.navigator.loaded_once, timeout=10000)
    return w


def names(w: MainWindow) -> set[str]:
    return {r.candidate_name for r in w.navigator.model.rows}


def submitted_case(db, supervisor, investigator, name: str = "Casey Q. Candidate") -> int:  # type: ignore[no-untyped-def]
    d = open_case(db, supervisor, investigator, make_process(db, supervisor, name=f"Process for {name}"), name=name)
    complete_items(db, investigator, d.id)
    I.submit_investigation(db, investigator, investigation_id=d.id)
    return d.id


# ---------------------------------------------------------------- start


def test_first_start_shows_first_run_and_creates_the_administrator(qtbot, db, monkeypatch):  # type: ignore[no-untyped-def]
    wb = Workbench(QApplication.instance(), db)
    monkeypatch.setattr(wb, "warm_engine", lambda: None)
    monkeypatch.setattr(wb, "quit", lambda: None)
    wb.start()
    dlg = wb.dialog
    assert isinstance(dlg, FirstRunDialog)
    qtbot.addWidget(dlg)

    # A password that breaks the policy is refused inline and nothing is created.
    dlg.user_edit.setText("chief")
    dlg.name_edit.setText("Chris Chief")
    dlg.password_edit.setText("short")
    dlg.confirm_edit.setText("short")
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.error.isVisible() and dlg.create_button.isEnabled(), timeout=10000)
    assert "policy" in dlg.error.text()
    assert U.needs_first_administrator(db)

    dlg.password_edit.setText(PASSWORD)
    dlg.confirm_edit.setText(PASSWORD)
    with qtbot.waitSignal(wb.sig_window_shown, timeout=10000) as shown:
        qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    window = shown.args[0]
    qtbot.addWidget(window)
    assert wb.ctx.actor.role == "administrator"
    assert not U.needs_first_administrator(db)
    assert U.sign_in(db, username="chief", password=PASSWORD).role == "administrator"
    assert window.findChild(type(window.menuBar()), None) is not None
    assert any(a.text() == "&Administration" for a in window.menuBar().actions())


def test_enter_in_repeat_password_after_a_refusal_creates_and_never_exits(qtbot, db, monkeypatch):  # type: ignore[no-untyped-def]
    wb = Workbench(QApplication.instance(), db)
    monkeypatch.setattr(wb, "warm_engine", lambda: None)
    quits: list[bool] = []
    monkeypatch.setattr(wb, "quit", lambda: quits.append(True))
    wb.start()
    dlg = wb.dialog
    qtbot.addWidget(dlg)
    qtbot.keyClicks(dlg.name_edit, "Chris Chief")
    qtbot.keyClicks(dlg.password_edit, "short")
    qtbot.keyClicks(dlg.confirm_edit, "short")
    qtbot.keyClick(dlg.confirm_edit, Qt.Key.Key_Return)  # Enter presses "Create administrator"
    qtbot.waitUntil(lambda: dlg.error.isVisible() and dlg.create_button.isEnabled(), timeout=10000)
    assert "policy" in dlg.error.text() and dlg.isVisible()
    assert dlg.create_button.isDefault() and not dlg.exit_button.isDefault() and not dlg.exit_button.autoDefault()
    for edit in (dlg.password_edit, dlg.confirm_edit):
        edit.selectAll()
        qtbot.keyClicks(edit, PASSWORD)
    with qtbot.waitSignal(wb.sig_window_shown, timeout=10000) as shown:
        qtbot.keyClick(dlg.confirm_edit, Qt.Key.Key_Return)
    qtbot.addWidget(shown.args[0])
    assert not quits and not U.needs_first_administrator(db)


def test_first_run_can_load_demo_data_and_shows_its_credentials(qtbot, db):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    dlg = FirstRunDialog(db)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.name_edit.setText("Pat Admin")
    dlg.password_edit.setText(PASSWORD)
    dlg.confirm_edit.setText(PASSWORD)
    dlg.demo_box.setChecked(True)
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.findChild(QMessageBox, "demoCredentials") is not None, timeout=60000)
    box = dlg.findChild(QMessageBox, "demoCredentials")
    assert dlg.demo_password in box.text() and dlg.demo_result.investigator in box.text()
    with qtbot.waitSignal(dlg.accepted, timeout=5000):
        box.accept()
    assert U.sign_in(db, username=dlg.demo_result.supervisor, password=dlg.demo_password).role == "supervisor"
    assert len(I.list_investigations(db, dlg.actor)) == 3


def test_existing_database_shows_banner_and_sign_in(qtbot, db, admin, monkeypatch):  # type: ignore[no-untyped-def]
    from vetting.services.settings import update_settings

    update_settings(db, admin, values={"logon_banner": "Authorised use only. Activity is logged."})
    wb = Workbench(QApplication.instance(), db)
    monkeypatch.setattr(wb, "warm_engine", lambda: None)
    monkeypatch.setattr(wb, "quit", lambda: None)
    wb.start()
    dlg = wb.dialog
    assert isinstance(dlg, SignInDialog)
    qtbot.addWidget(dlg)
    banner = dlg.findChild(type(dlg.error), "bannerText")
    assert banner.text() == "Authorised use only. Activity is logged."
    dlg.user_edit.setText("admin")
    dlg.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(wb.sig_window_shown, timeout=10000) as shown:
        qtbot.mouseClick(dlg.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(shown.args[0])
    assert wb.ctx.actor.username == "admin"


def test_sign_in_failure_message_is_generic_and_counts_toward_lockout(qtbot, db, admin, investigator):  # type: ignore[no-untyped-def]
    dlg = SignInDialog(db, "banner")
    qtbot.addWidget(dlg)
    dlg.show()

    def attempt(username: str, password: str) -> str:
        dlg.user_edit.setText(username)
        dlg.password_edit.setText(password)
        qtbot.mouseClick(dlg.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dlg.sign_in_button.isEnabled(), timeout=10000)
        return dlg.error.text()

    unknown = attempt("nobody-here", "whatever-password-1")
    wrong = attempt("ivan", "wrong-password-123")
    assert unknown == wrong  # never reveals whether the user name exists
    assert U.SIGN_IN_FAILED in wrong
    assert dlg.actor is None and dlg.result() == 0

    threshold = get_settings(db)["lockout_threshold"]
    for _ in range(threshold - 1):
        attempt("ivan", "wrong-password-123")
    locked = next(u for u in U.list_users(db, admin) if u.username == "ivan")
    assert locked.locked
    # Even the right password is refused while locked, with the same message.
    assert attempt("ivan", PASSWORD) == wrong
    assert dlg.actor is None


# ---------------------------------------------------------------- navigator


def test_investigator_sees_only_own_cases_in_the_navigator(qtbot, db, admin, supervisor, investigator,  # type: ignore[no-untyped-def]
                                                           other_investigator):
    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid, name="Ivan's Candidate", aliases=())
    open_case(db, supervisor, other_investigator, pid, name="Olga's Candidate", aliases=())

    w = make_window(qtbot, db, investigator)
    assert names(w) == {"Ivan's Candidate"}
    assert all(r.investigator_id == investigator.user_id for r in w.navigator.model.rows)
    assert not w.act_new.isVisible()
    assert not any(a.text() == "&Administration" for a in w.menuBar().actions())

    sup = make_window(qtbot, db, supervisor)
    assert names(sup) == {"Ivan's Candidate", "Olga's Candidate"}


def test_search_filters_by_name_and_alias(qtbot, db, supervisor, investigator):  # type: ignore[no-untyped-def]
    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid, name="Jordan Whitfield", aliases=("JJ Dub",))
    open_case(db, supervisor, investigator, pid, name="Maria Castillo", aliases=())
    w = make_window(qtbot, db, supervisor)
    assert names(w) == {"Jordan Whitfield", "Maria Castillo"}

    w.act_find.trigger()
    qtbot.keyClicks(w.navigator.search_edit, "castillo")
    qtbot.waitUntil(lambda: names(w) == {"Maria Castillo"}, timeout=5000)
    w.navigator.search_edit.setText("jj dub")  # alias, any case
    qtbot.waitUntil(lambda: names(w) == {"Jordan Whitfield"}, timeout=5000)
    w.navigator.search_edit.clear()
    qtbot.waitUntil(lambda: len(names(w)) == 2, timeout=5000)

    idx = w.navigator.status_combo.findData("submitted")
    w.navigator.status_combo.setCurrentIndex(idx)
    qtbot.waitUntil(lambda: names(w) == set(), timeout=5000)


def test_in_progress_filter_lists_open_and_returned_cases(qtbot, db, supervisor, investigator):  # type: ignore[no-untyped-def]
    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid, name="Open Candidate", aliases=())
    returned = submitted_case(db, supervisor, investigator, name="Returned Candidate")
    I.return_investigation(db, supervisor, investigation_id=returned, reason="Add the TikTok search terms.")
    submitted_case(db, supervisor, investigator, name="Submitted Candidate")
    w = make_window(qtbot, db, supervisor)
    assert len(names(w)) == 3
    combo = w.navigator.status_combo
    idx = next(i for i in range(combo.count()) if combo.itemText(i) == "Open or returned (in progress)")
    combo.setCurrentIndex(idx)
    qtbot.waitUntil(lambda: names(w) == {"Open Candidate", "Returned Candidate"}, timeout=5000)
    combo.setCurrentIndex(combo.findData("returned"))
    qtbot.waitUntil(lambda: names(w) == {"Returned Candidate"}, timeout=5000)


def test_navigator_fetches_further_pages_on_demand(qtbot, db, supervisor, investigator, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(mw, "PAGE_SIZE", 2)
    offsets: list[int] = []
    real = I.list_investigations

    def spy(*args, **kw):  # type: ignore[no-untyped-def]
        offsets.append(kw["offset"])
        assert kw["limit"] == 2
        return real(*args, **kw)

    monkeypatch.setattr(I, "list_investigations", spy)
    pid = make_process(db, supervisor)
    for n in range(3):
        open_case(db, supervisor, investigator, pid, name=f"Candidate {n}", aliases=())
    w = make_window(qtbot, db, supervisor)
    model = w.navigator.model
    # The view asks for the next page itself while its viewport is not full (canFetchMore/fetchMore).
    qtbot.waitUntil(lambda: len(model.rows) == 3, timeout=5000)
    assert offsets[:2] == [0, 2]
    assert names(w) == {"Candidate 0", "Candidate 1", "Candidate 2"}
    assert not model.canFetchMore(QModelIndex())  # the last page was short: nothing more to ask


def test_table_model_asks_once_per_page():
    model = mw.InvestigationTableModel()
    asked: list[int] = []
    model.sig_fetch_more.connect(asked.append)
    model.reset_rows([], has_more=True)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # a second request while the first is on its way is ignored
    assert asked == [0]
    model.page_failed()
    assert not model.canFetchMore(QModelIndex())


def test_selecting_a_row_opens_the_investigation(qtbot, db, supervisor, investigator):  # type: ignore[no-untyped-def]
    pid = make_process(db, supervisor)
    d = open_case(db, supervisor, investigator, pid)
    w = make_window(qtbot, db, investigator)
    w.navigator.select_row(0)
    assert w._view_id == d.id
    assert w.detail_stack.currentWidget() is w.view


def test_unsaved_changes_are_not_lost_when_switching_or_closing(qtbot, db, supervisor, investigator):  # type: ignore[no-untyped-def]
    pid = make_process(db, supervisor)
    a = open_case(db, supervisor, investigator, pid, name="Alpha Candidate", aliases=())
    b = open_case(db, supervisor, investigator, pid, name="Beta Candidate", aliases=())
    w = make_window(qtbot, db, investigator)
    w.show_investigation(a.id)
    asked: list[bool] = []
    answer = {"save": False}

    def maybe_save() -> bool:
        asked.append(True)
        return answer["save"]

    w.view.has_unsaved_changes = lambda: True  # type: ignore[attr-defined]
    w.view.maybe_save = maybe_save  # type: ignore[attr-defined]

    row_b = w.navigator.proxy.mapFromSource(w.navigator.model.index(w.navigator.model.row_of(b.id), 0)).row()
    w.navigator.select_row(row_b)
    assert asked and w._view_id == a.id and w.navigator.current_id == a.id  # cancelled: stays on A

    w.close()
    assert len(asked) == 2 and w.isVisible()  # cancelled: the window stays open

    answer["save"] = True
    w.navigator.select_row(row_b)
    assert w._view_id == b.id


def test_new_investigation_dialog_opens_a_case(qtbot, db, admin, supervisor, investigator):  # type: ignore[no-untyped-def]
    make_process(db, supervisor)
    w = make_window(qtbot, db, supervisor)
    w.act_new.trigger()
    dlg = w.new_dialog
    qtbot.waitUntil(lambda: dlg.ok_button.isEnabled(), timeout=5000)
    dlg.name_edit.setText("Robin Newcase")
    dlg.aliases_edit.setPlainText("Rob N\nRobbie")
    dlg.emails_edit.setPlainText("robin@example.org")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Robin Newcase" in names(w), timeout=5000)
    row = next(r for r in w.navigator.model.rows if r.candidate_name == "Robin Newcase")
    assert row.aliases == ("Rob N", "Robbie") and row.investigator_id == investigator.user_id


# ---------------------------------------------------------------- session lock


def test_session_lock_hides_content_and_only_the_same_users_password_unlocks(qtbot, db, admin, supervisor,  # type: ignore[no-untyped-def]
                                                                            investigator):
    U.add_user(db, admin, username="olga", display_name="Olga Other", role="investigator", password=OTHER_PASSWORD)
    open_case(db, supervisor, investigator, make_process(db, supervisor))
    w = make_window(qtbot, db, investigator)
    assert w.tabs.isVisible()

    w.act_lock.trigger()  # Ctrl+L
    assert w.act_lock.shortcut().toString() == "Ctrl+L"
    assert w.locked
    assert not w.tabs.isVisible() and not w.navigator.isVisible()
    assert w.lock_screen.isVisible()
    assert not w.act_new.isEnabled() and not w.act_refresh.isEnabled()

    screen = w.lock_screen
    # Another person's (valid) password does not unlock this user's session.
    screen.password_edit.setText(OTHER_PASSWORD)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.unlock_button.isEnabled(), timeout=10000)
    assert w.locked and screen.error.isVisible()
    assert U.SIGN_IN_FAILED in screen.error.text()

    screen.password_edit.setText(PASSWORD)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.locked, timeout=10000)
    assert w.tabs.isVisible() and w.act_refresh.isEnabled()


def test_lock_hides_open_dialogs_until_unlocked(qtbot, db, admin, supervisor):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, db, supervisor)
    w.act_new.trigger()
    dlg = w.new_dialog
    assert dlg.isVisible()
    w.lock()
    assert not dlg.isVisible() and w.locked
    w.lock_screen.password_edit.setText(PASSWORD)
    qtbot.mouseClick(w.lock_screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.locked, timeout=10000)
    assert dlg.isVisible()
    dlg.reject()


def test_session_locks_after_inactivity(qtbot, db, admin, investigator):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, db, investigator)
    assert w.session_lock.timeout_ms == 15 * 60_000  # the default setting
    w.session_lock.set_timeout_ms(300)
    qtbot.waitUntil(lambda: w.locked, timeout=5000)
    assert not w.tabs.isVisible()


def test_session_lock_setting_is_clamped_to_thirty_minutes():
    from ui.session_lock import lock_minutes

    assert lock_minutes({}) == 15
    assert lock_minutes({"session_lock_minutes": 90}) == 30
    assert lock_minutes({"session_lock_minutes": 5}) == 5


# ---------------------------------------------------------------- supervisor


def test_supervisor_approves_a_submitted_case_from_the_queue_with_report_preview(qtbot, db, admin, supervisor,  # type: ignore[no-untyped-def]
                                                                                investigator, tmp_path,
                                                                                monkeypatch):
    case_id = submitted_case(db, supervisor, investigator)
    submitted_case(db, supervisor, investigator, name="Other Candidate")  # still waiting after the approval
    w = make_window(qtbot, db, supervisor)
    queue = w.open_review()
    qtbot.waitUntil(lambda: queue.preview.ready, timeout=30000)
    if queue.current_row.id != case_id:
        assert queue.select_investigation(case_id)
        qtbot.waitUntil(lambda: queue.report is not None and queue._report_for == case_id, timeout=30000)
    assert queue.current_row.id == case_id
    assert queue.report.draft
    assert queue.preview.document.pageCount() >= 1
    assert R.verify_report_bytes(db, queue.preview.pdf).ok
    assert queue.approve_button.isEnabled() and not queue.reopen_button.isEnabled()

    assert f"investigation no. <b>{case_id}</b>" in queue.header.text()

    # "Save PDF as…" pressed for real; the file dialog is answered by the test.
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    qtbot.mouseClick(queue.save_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes() == queue.report.pdf

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: I.get_investigation(db, supervisor, investigation_id=case_id).status == "approved",
                    timeout=10000)
    # The queue follows the case to "approved" and keeps it selected, with its approved report.
    qtbot.waitUntil(lambda: queue.queue_combo.currentData() == "approved", timeout=5000)
    qtbot.waitUntil(lambda: queue.preview.ready and queue.report is not None and not queue.report.draft,
                    timeout=30000)
    assert queue.current_row.id == case_id
    assert queue.reopen_button.isEnabled() and not queue.approve_button.isEnabled()


def test_return_requires_a_reason(qtbot, db, admin, supervisor, investigator):  # type: ignore[no-untyped-def]
    case_id = submitted_case(db, supervisor, investigator)
    w = make_window(qtbot, db, supervisor)
    queue = w.open_review()
    qtbot.waitUntil(lambda: queue.current_row is not None and queue.return_button.isEnabled(), timeout=10000)
    qtbot.mouseClick(queue.return_button, Qt.MouseButton.LeftButton)
    dlg = queue.reason_dialog
    qtbot.waitUntil(dlg.isVisible)
    assert not dlg.ok_button.isEnabled()
    qtbot.keyClicks(dlg.edit, "   ")
    assert not dlg.ok_button.isEnabled()
    qtbot.keyClicks(dlg.edit, "Item 3 needs the search terms used.")
    assert dlg.ok_button.isEnabled()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: I.get_investigation(db, supervisor, investigation_id=case_id).status == "returned",
                    timeout=20000)
    detail = I.get_investigation(db, supervisor, investigation_id=case_id)
    assert detail.reviews[-1].reason.strip() == "Item 3 needs the search terms used."


def test_uniformity_grid_shows_every_candidate_and_item(qtbot, db, admin, supervisor, investigator):  # type: ignore[no-untyped-def]
    pid = make_process(db, supervisor)
    a = open_case(db, supervisor, investigator, pid, name="Alpha Candidate", aliases=())
    open_case(db, supervisor, investigator, pid, name="Beta Candidate", aliases=())
    complete_items(db, investigator, a.id)
    w = make_window(qtbot, db, supervisor)
    view = w.open_uniformity(pid)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10000)
    t = view.table
    assert t.columnCount() == 2 and t.rowCount() == len(a.items)
    heads = [t.horizontalHeaderItem(c).text().splitlines()[0] for c in range(2)]
    assert heads == ["Alpha Candidate", "Beta Candidate"]
    assert {t.item(r, 1).data(Qt.ItemDataRole.UserRole) for r in range(t.rowCount())} == {"pending"}
    assert "Pending" in t.item(0, 1).text() and not t.item(0, 1).icon().isNull()
    assert t.item(0, 0).data(Qt.ItemDataRole.UserRole) == "no_findings"


def test_uniformity_exports_a_pdf_in_the_background(qtbot, db, admin, supervisor, investigator, tmp_path,  # type: ignore[no-untyped-def]
                                                    monkeypatch):
    import io

    from pypdf import PdfReader

    import ui.uniformity as uv

    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid, name="Alpha <b>Candidate</b>", aliases=())
    open_case(db, supervisor, investigator, pid, name="Beta Candidate", aliases=())
    w = make_window(qtbot, db, supervisor)
    view = w.open_uniformity(pid)
    qtbot.waitUntil(lambda: view.data is not None and view.export_button.isEnabled(), timeout=10000)

    asked: list[str] = []

    def fake_dialog(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(tmp_path / "uniformity report"), "PDF files (*.pdf)"

    monkeypatch.setattr(uv.QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    with qtbot.waitSignal(view.sig_exported, timeout=30000) as saved:
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        assert not view.export_button.isEnabled()  # no second export while one runs
    path = saved.args[0]
    assert path == tmp_path / "uniformity report.pdf"
    assert asked and asked[0].endswith(".pdf") and "police-officer" in asked[0]
    pdf = path.read_bytes()
    assert pdf.startswith(b"%PDF")
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Alpha<b>Candidate</b>" in text and "BetaCandidate" in text  # names wrap in their column
    assert "Saved" in view.export_status.text() and view.export_button.isEnabled()
    # the export is recorded like any report
    from sqlalchemy import select

    from vetting.models import AuditEvent

    with db.read() as s:
        events = list(s.scalars(select(AuditEvent.event_type)))
    assert events.count("report.uniformity") == 1


def test_uniformity_export_cancelled_in_the_file_dialog_generates_nothing(qtbot, db, admin, supervisor,  # type: ignore[no-untyped-def]
                                                                          investigator, monkeypatch):
    import ui.uniformity as uv

    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid, name="Alpha Candidate", aliases=())
    w = make_window(qtbot, db, supervisor)
    view = w.open_uniformity(pid)
    qtbot.waitUntil(lambda: view.data is not None, timeout=10000)
    called: list[object] = []
    monkeypatch.setattr(uv.QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    monkeypatch.setattr(uv, "export_uniformity_pdf", lambda *a, **k: called.append(k))
    view.export_pdf()
    assert ui.jobs.wait_for_all()
    QApplication.processEvents()
    assert called == [] and view.export_button.isEnabled()


# ---------------------------------------------------------------- passwords

TEMPORARY = "Temporary-Reset-Pass-51"
NEW_PASSWORD = "Brand-New-Own-Secret-93"


def test_reset_password_forces_a_change_before_the_main_window_opens(qtbot, db, admin, investigator,  # type: ignore[no-untyped-def]
                                                                     monkeypatch):
    from ui.signin import ChangePasswordDialog

    U.reset_password(db, admin, user_id=investigator.user_id, new_password=TEMPORARY)
    wb = Workbench(QApplication.instance(), db)
    monkeypatch.setattr(wb, "warm_engine", lambda: None)
    monkeypatch.setattr(wb, "quit", lambda: None)
    wb.start()
    signin = wb.dialog
    qtbot.addWidget(signin)
    signin.user_edit.setText("ivan")
    signin.password_edit.setText(TEMPORARY)
    with qtbot.waitSignal(wb.sig_dialog_shown, timeout=10000) as shown:
        qtbot.mouseClick(signin.sign_in_button, Qt.MouseButton.LeftButton)
    dlg = shown.args[0]
    qtbot.addWidget(dlg)
    assert isinstance(dlg, ChangePasswordDialog) and dlg.forced
    assert wb.window is None and wb.ctx.actor is None  # nothing opened yet
    assert dlg.cancel_button.text().replace("&", "") == "Sign out"

    # A policy refusal shows inline; the dialog stays and still no main window.
    dlg.old_edit.setText(TEMPORARY)
    dlg.new_edit.setText("short")
    dlg.confirm_edit.setText("short")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.error.isVisible() and dlg.ok_button.isEnabled(), timeout=10000)
    assert "policy" in dlg.error.text().lower() or "characters" in dlg.error.text().lower()
    assert wb.window is None and dlg.isVisible()

    dlg.new_edit.setText(NEW_PASSWORD)
    dlg.confirm_edit.setText(NEW_PASSWORD)
    with qtbot.waitSignal(wb.sig_window_shown, timeout=10000) as opened:
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.addWidget(opened.args[0])
    assert wb.ctx.actor.username == "ivan" and not wb.ctx.actor.must_change_password
    assert not U.sign_in(db, username="ivan", password=NEW_PASSWORD).must_change_password
    with pytest.raises(U.AuthenticationFailed):
        U.sign_in(db, username="ivan", password=TEMPORARY)


def test_sign_out_instead_of_the_forced_change_returns_to_sign_in(qtbot, db, admin, investigator, monkeypatch):  # type: ignore[no-untyped-def]
    U.reset_password(db, admin, user_id=investigator.user_id, new_password=TEMPORARY)
    wb = Workbench(QApplication.instance(), db)
    monkeypatch.setattr(wb, "warm_engine", lambda: None)
    monkeypatch.setattr(wb, "quit", lambda: None)
    wb.start_session(U.sign_in(db, username="ivan", password=TEMPORARY))
    dlg = wb.dialog
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(wb.sig_dialog_shown, timeout=5000) as shown:
        qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    signin = shown.args[0]
    qtbot.addWidget(signin)
    assert isinstance(signin, SignInDialog) and signin.user_edit.text() == "ivan"
    assert wb.window is None and wb.ctx.actor is None
    assert U.sign_in(db, username="ivan", password=TEMPORARY).must_change_password  # still to change


def test_file_menu_changes_own_password(qtbot, db, admin, supervisor):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, db, supervisor)
    file_menu = next(a.menu() for a in w.menuBar().actions() if a.text() == "&File")
    assert w.act_password in file_menu.actions()
    assert w.act_password.text().replace("&", "") == "Change password…"
    dlg = w._change_password()
    assert not dlg.forced
    dlg.old_edit.setText("not my password at all")
    dlg.new_edit.setText(NEW_PASSWORD)
    dlg.confirm_edit.setText(NEW_PASSWORD)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.error.isVisible() and dlg.ok_button.isEnabled(), timeout=10000)
    assert "current password is wrong" in dlg.error.text()
    dlg.old_edit.setText(PASSWORD)
    dlg.new_edit.setText(NEW_PASSWORD)
    dlg.confirm_edit.setText(NEW_PASSWORD)
    with qtbot.waitSignal(dlg.accepted, timeout=10000):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert U.sign_in(db, username=supervisor.username, password=NEW_PASSWORD).role == "supervisor"


# ---------------------------------------------------------------- administration


def test_admin_adds_a_user(qtbot, db, admin):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, db, admin)
    panel = w.open_admin("users")
    qtbot.waitUntil(lambda: bool(panel.users.users), timeout=5000)
    dlg = panel.users.add_user()
    dlg.username.setText("newbie")
    dlg.display.setText("Det. New Bie")
    dlg.role.setCurrentIndex(dlg.role.findData("supervisor"))
    dlg.pw.password.setText("tooshort")
    dlg.pw.repeat.setText("tooshort")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dlg.error.isVisible(), timeout=5000)
    assert "policy" in dlg.error.text()

    dlg.pw.password.setText(OTHER_PASSWORD)
    dlg.pw.repeat.setText(OTHER_PASSWORD)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(u.username == "newbie" for u in panel.users.users), timeout=5000)
    assert U.sign_in(db, username="newbie", password=OTHER_PASSWORD).role == "supervisor"


def test_admin_disables_and_unlocks_users(qtbot, db, admin, investigator):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, db, admin)
    panel = w.open_admin("users")
    page = panel.users
    qtbot.waitUntil(lambda: bool(page.users), timeout=5000)
    row = next(n for n, u in enumerate(page.users) if u.username == "ivan")
    page.table.selectRow(row)
    page.toggle_active()
    qtbot.waitUntil(lambda: not next(u for u in page.users if u.username == "ivan").active, timeout=5000)
    with pytest.raises(U.AuthenticationFailed):
        U.sign_in(db, username="ivan", password=PASSWORD)


def test_settings_form_is_built_from_specs_and_saves(qtbot, db, admin):  # type: ignore[no-untyped-def]
    from vetting.services.settings import SPECS

    w = make_window(qtbot, db, admin)
    panel = w.open_admin("settings")
    page = panel.settings
    qtbot.waitUntil(lambda: bool(page.values), timeout=5000)
    assert set(page.editors) == set(SPECS)
    spin = page.editors["session_lock_minutes"]
    assert spin.maximum() == 30
    spin.setValue(7)
    with qtbot.waitSignal(page.sig_saved, timeout=5000):
        page.save()
    assert get_settings(db)["session_lock_minutes"] == 7
    assert w.session_lock.timeout_ms == 7 * 60_000


def test_admin_backs_up_the_database(qtbot, db, admin, tmp_path):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, db, admin)
    page = w.open_admin("records").records
    target = tmp_path / "copy.sqlite3"
    with qtbot.waitSignal(page.sig_backup_done, timeout=10000) as done:
        page.backup(str(target))
    assert done.args[0] == target and target.stat().st_size > 0
    assert "recorded in the audit log" in page.backup_label.text()
    import io
    import json

    from vetting.services.records import export_audit

    buf = io.StringIO()
    export_audit(db, admin, since=None, until=None, output=buf)
    backups = [e for e in map(json.loads, buf.getvalue().splitlines()) if e["event_type"] == "database.backup"]
    assert [(e["username"], e["detail"]["file"]) for e in backups] == [("admin", str(target))]


def test_admin_exports_a_hiring_process_for_a_records_request(qtbot, db, admin, supervisor, investigator,
                                                             tmp_path):  # type: ignore[no-untyped-def]
    import zipfile

    from vetting.services.records import verify_bundle

    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid, name="Rita Records")
    w = make_window(qtbot, db, admin)
    page = w.open_admin("records").records
    qtbot.waitUntil(lambda: page.export_process.count() == 1, timeout=5000)
    target = tmp_path / "bundle.zip"
    with qtbot.waitSignal(page.sig_export_done, timeout=60000) as done:
        page.export_process_bundle(str(target))
    assert done.args[0] == target
    assert verify_bundle(target).ok
    with zipfile.ZipFile(target) as zf:
        assert any(n.endswith(".pdf") for n in zf.namelist())
    assert "Export written" in page.export_label.text()


def test_template_new_version_from_one_in_use(qtbot, db, admin, supervisor):  # type: ignore[no-untyped-def]
    from vetting.services import templates as T

    make_process(db, supervisor)  # the default version is now in use
    w = make_window(qtbot, db, admin)
    page = w.open_admin("templates").templates
    qtbot.waitUntil(lambda: bool(page.versions), timeout=5000)
    assert page.current.in_use and "read-only" in page.state.text()
    dlg = page.new_version()
    dlg.tree.setCurrentItem(dlg.tree.topLevelItem(1).child(0))
    dlg.title_edit.setText("General web search engines (two engines)")
    dlg.note_edit.setText("Clarified title")
    qtbot.mouseClick(dlg.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.versions) == 2, timeout=5000)
    new, old = page.versions
    assert new.number == 2 and not new.in_use
    assert new.sections[1].items[0].title == "General web search engines (two engines)"
    assert T.get_template_version(db, admin, version_id=old.id).sections[1].items[0].title == \
        "General web search engines"


# ---------------------------------------------------------------- window state


def test_geometry_and_splitters_are_restored(qtbot, db, admin, investigator):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, db, investigator)
    w.resize(731, 577)  # within the offscreen screen (800 x 800): restoreGeometry clamps to the screen
    w.splitter.setSizes([300, 431])
    qtbot.wait(50)
    first = w.splitter.sizes()[0]
    w.close()

    w2 = make_window(qtbot, db, investigator)
    assert (w2.width(), w2.height()) == (731, 577)
    assert abs(w2.splitter.sizes()[0] - first) <= 2


def test_investigation_gets_most_of_the_width_by_default(qtbot, db, admin, investigator):  # type: ignore[no-untyped-def]
    w = make_window(qtbot, db, investigator)
    nav, detail = w.splitter.sizes()
    assert detail > nav
    assert nav >= w.navigator.minimumSizeHint().width()
    # Growing the window widens the investigation, not the list.
    w.resize(700, 600)
    qtbot.waitUntil(lambda: sum(w.splitter.sizes()) < 700, timeout=2000)
    before = w.splitter.sizes()
    w.resize(790, 600)
    qtbot.waitUntil(lambda: w.splitter.sizes()[1] > before[1], timeout=2000)
    assert w.splitter.sizes()[0] == before[0]


def test_sign_out_returns_to_sign_in(qtbot, db, admin, investigator, monkeypatch):  # type: ignore[no-untyped-def]
    wb = Workbench(QApplication.instance(), db)
    monkeypatch.setattr(wb, "warm_engine", lambda: None)
    monkeypatch.setattr(wb, "quit", lambda: None)
    wb.start_session(investigator)
    window = wb.window
    qtbot.addWidget(window)
    window.act_sign_out.trigger()
    assert wb.ctx.actor is None
    assert isinstance(wb.dialog, SignInDialog)
    qtbot.addWidget(wb.dialog)
    assert not window.isVisible()


def test_admin_edits_the_department_local_terms_through_the_dialog(qtbot, db, admin):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from vetting.services.local_terms import current_local_terms

    w = make_window(qtbot, db, admin)
    page = w.open_admin("records").records
    assert "No local terms yet" in page.terms_label.text()
    qtbot.mouseClick(page.edit_terms_button, Qt.MouseButton.LeftButton)
    dlg = page.dialog
    qtbot.waitUntil(dlg.isVisible, timeout=5000)
    save = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)

    dlg.edit.setPlainText("RELIGON | Qorvathian Hall\n")  # a typo in the category: refused, line named
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "local terms:1: unknown category 'RELIGON'" in dlg.error.text()
    assert current_local_terms(db).version == 0

    dlg.edit.setPlainText("RELIGION | Qorvathian Hall\n")
    qtbot.keyClicks(dlg.note, "local congregation")
    with qtbot.waitSignal(page.sig_terms_checked, timeout=5000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    stored = current_local_terms(db)
    assert (stored.version, stored.term_count, stored.note) == (1, 1, "local congregation")
    assert page.terms_label.text().startswith("Version 1: 1 term(s)")
    assert page.terms_table.item(0, 1).text() == "Qorvathian Hall"


def test_admin_verifies_the_audit_log_and_sees_a_changed_record_named(qtbot, db, admin, supervisor,
                                                                     investigator):  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    case = open_case(db, supervisor, investigator, make_process(db, supervisor))
    w = make_window(qtbot, db, admin)
    page = w.open_admin("records").records
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled() and "Records OK" in page.verify_result.text(),
                    timeout=10000)
    assert "Audit chain OK" in page.verify_result.text()
    with db.engine.begin() as c:
        c.execute(text("UPDATE investigation SET status = 'approved' WHERE id = :id"), {"id": case.id})
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "CHANGED OUTSIDE" in page.verify_result.text(), timeout=10000)
    assert f"investigation {case.id} was changed outside the workbench" in page.verify_result.text()


def test_first_run_can_encrypt_the_new_database(qtbot, db, monkeypatch):  # type: ignore[no-untyped-def]
    from vetting.db import is_encrypted_file, open_database

    wb = Workbench(QApplication.instance(), db)
    monkeypatch.setattr(wb, "warm_engine", lambda: None)
    monkeypatch.setattr(wb, "quit", lambda: None)
    wb.start()
    dlg = wb.dialog
    qtbot.addWidget(dlg)
    dlg.user_edit.setText("chief")
    dlg.name_edit.setText("Chris Chief")
    dlg.password_edit.setText(PASSWORD)
    dlg.confirm_edit.setText(PASSWORD)
    qtbot.mouseClick(dlg.encrypt_box, Qt.MouseButton.LeftButton, pos=dlg.encrypt_box.rect().topLeft() + QPoint(8, 8))
    assert dlg.key_form.isVisible()
    dlg.key_edit.setText("river otter lantern 42")
    dlg.key_confirm.setText("river otter lantern 42")
    qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wb.window is not None or dlg.error.isVisible(), timeout=15000)
    assert wb.window is not None, dlg.error.text()
    qtbot.addWidget(wb.window)
    assert db.encrypted and is_encrypted_file(db.sqlite_path)
    assert U.sign_in(db, username="chief", password=PASSWORD).role == "administrator"
    again = open_database(db.url, key="river otter lantern 42")
    try:
        assert not U.needs_first_administrator(again)
    finally:
        again.dispose()
