"""One investigation from a brand-new database to a verified report, through the real widgets:
first run -> administrator -> investigator and supervisor accounts -> a hiring process -> the
investigator signs in, completes every item, pastes a post with protected-class terms, reviews the
highlights, saves (stored redacted), validates and submits -> the supervisor approves from the
queue -> the report is generated and verified."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import ui.jobs
from tests.conftest import PASSWORD
from tests.test_gui_investigation import POST, complete_item, menu_action, wait_loaded
from ui.app import Workbench
from ui.context import qsettings
from vetting.screening import REDACTION_TOKEN
from vetting.services import investigations as I
from vetting.services import templates as T
from vetting.services import users as U
from vetting.services.reports import verify_report_bytes

pytestmark = pytest.mark.sqlite_only

SECOND = "Second-Person-Secret-77"


@pytest.fixture(autouse=True)
def _clean(qapp):  # type: ignore[no-untyped-def]
    qsettings().clear()
    yield
    assert ui.jobs.wait_for_all()
    QApplication.processEvents()
    qsettings().clear()


def start(qtbot, db, monkeypatch):  # type: ignore[no-untyped-def]
    wb = Workbench(QApplication.instance(), db)
    monkeypatch.setattr(wb, "quit", lambda: None)
    wb.start()  # the workbench owns (and deletes) its dialogs
    return wb


def sign_in(qtbot, db, monkeypatch, username):  # type: ignore[no-untyped-def]
    wb = start(qtbot, db, monkeypatch)
    dlg = wb.dialog
    dlg.user_edit.setText(username)
    dlg.password_edit.setText(SECOND if username != "chief" else PASSWORD)
    with qtbot.waitSignal(wb.sig_window_shown, timeout=15000) as shown:
        qtbot.mouseClick(dlg.sign_in_button, Qt.MouseButton.LeftButton)
    window = shown.args[0]
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.navigator.loaded_once, timeout=10000)
    return wb, window


def test_from_first_run_to_a_verified_report(qtbot, db, monkeypatch):  # type: ignore[no-untyped-def]
    # First run: the administrator.
    wb = start(qtbot, db, monkeypatch)
    dlg = wb.dialog
    dlg.user_edit.setText("chief")
    dlg.name_edit.setText("Chris Chief")
    dlg.password_edit.setText(PASSWORD)
    dlg.confirm_edit.setText(PASSWORD)
    with qtbot.waitSignal(wb.sig_window_shown, timeout=15000) as shown:
        qtbot.mouseClick(dlg.create_button, Qt.MouseButton.LeftButton)
    admin_window = shown.args[0]
    qtbot.addWidget(admin_window)

    # The administrator adds an investigator and a supervisor in Administration.
    panel = admin_window.open_admin("users")
    qtbot.waitUntil(lambda: bool(panel.users.users), timeout=5000)
    for username, display, role in (("ivan", "Det. Ivan Ives", "investigator"),
                                    ("sue", "Sgt. Sue Sato", "supervisor")):
        add = panel.users.add_user()
        add.username.setText(username)
        add.display.setText(display)
        add.role.setCurrentIndex(add.role.findData(role))
        add.pw.password.setText(SECOND)
        add.pw.repeat.setText(SECOND)
        qtbot.mouseClick(add.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda u=username: any(x.username == u for x in panel.users.users), timeout=5000)
    admin_window.close()

    # The supervisor sets up the hiring process and the candidate (as the demo does).
    sup = U.sign_in(db, username="sue", password=SECOND)
    ivan = U.sign_in(db, username="ivan", password=SECOND)
    version = T.list_template_versions(db, sup)[0]
    proc = T.create_process(db, sup, name="Police Officer - 2027 spring", position_title="Police Officer I",
                            template_version_id=version.id)
    case = I.open_investigation(db, sup, process_id=proc.id, investigator_id=ivan.user_id,
                                full_name="Casey Q. Candidate", aliases=["CQ"], usernames=["caseyq"])

    # The investigator signs in and works the case in the investigation view.
    wb2, window = sign_in(qtbot, db, monkeypatch, "ivan")
    qtbot.waitUntil(lambda: wb2.ctx.engine_ready, timeout=30000)
    window.navigator.select_row(0)
    v = window.view
    qtbot.waitUntil(lambda: v.detail is not None and v.detail.id == case.id, timeout=10000)

    fb = next(i for i in v.detail.items if i.key == "facebook").id
    v.select_item(fb)
    v.new_finding_button.click()
    ed = v.finding_editor
    qtbot.waitUntil(lambda: bool(v.categories), timeout=5000)
    ed.platform.setText("Facebook")
    ed.url.setText("https://facebook.example/casey/posts/1")
    ed.set_categories(["bias_speech"])
    QApplication.clipboard().setText(POST)
    ed.text.setFocus()
    with qtbot.waitSignal(ed.text.sig_screened, timeout=15000):
        ed.text.paste()
    shown_spans = {(POST[h.start:h.end], h.category) for h in ed.text.highlights()}
    assert ("Catholic", "RELIGION") in shown_spans and ("mom of three", "PARENTHOOD") in shown_spans
    menu_action(ed.text.build_context_menu(POST.index("Haitians") + 1), "Dismiss highlight",
                "Target of biased speech").trigger()
    with qtbot.waitSignal(ed.finished, timeout=15000):
        ed.save_button.click()
    qtbot.waitUntil(lambda: any(f.item_result_id == fb for f in v.detail.findings), timeout=10000)
    finding = next(f for f in I.get_investigation(db, ivan, investigation_id=case.id).findings)
    assert "Catholic" not in finding.text and "mom of three" not in finding.text
    assert REDACTION_TOKEN in finding.text and "Haitians" in finding.text

    qtbot.waitUntil(lambda: v.validation.finding is not None, timeout=5000)
    panel = v.validation
    panel.status.setCurrentIndex(panel.status.findData("validated"))
    panel.method_boxes["seen_on_original_platform"].setChecked(True)
    panel.note.setPlainText("Viewed on the platform on the capture date.")
    with qtbot.waitSignal(panel.sig_saved, timeout=15000):
        panel.save_button.click()
    wait_loaded(qtbot, v)
    complete_item(qtbot, v, fb, "findings_recorded")
    for it in v.detail.items:
        if not v._item_by_id(it.id).terminal:
            complete_item(qtbot, v, it.id, "no_findings")
    v.submit_button.click()
    sub = v.submit_dialog
    qtbot.waitUntil(lambda: sub.submit_button.isEnabled(), timeout=10000)
    with qtbot.waitSignal(sub.sig_submitted, timeout=15000):
        sub.submit_button.click()
    assert I.get_investigation(db, sup, investigation_id=case.id).status == "submitted"
    window.close()

    # The supervisor approves from the review queue; the report is generated and verifies.
    _wb3, sw = sign_in(qtbot, db, monkeypatch, "sue")
    queue = sw.open_review()
    qtbot.waitUntil(lambda: queue.preview.ready, timeout=30000)
    assert queue.current_row.id == case.id
    queue.approve(confirm=False)
    qtbot.waitUntil(lambda: I.get_investigation(db, sup, investigation_id=case.id).status == "approved",
                    timeout=10000)
    queue.queue_combo.setCurrentIndex(queue.queue_combo.findData("approved"))
    qtbot.waitUntil(lambda: queue.preview.ready and queue.current_row is not None and queue.report is not None
                    and not queue.report.draft, timeout=30000)
    check = verify_report_bytes(db, queue.preview.pdf)
    assert check.ok and check.document_id == queue.report.document_id
    sw.close()
