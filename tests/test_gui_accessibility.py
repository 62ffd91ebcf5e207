"""Every screen works for a screen reader and the keyboard: each focusable control has a name (its
own accessible name, its text, or a label that is its buddy), and no window or dialog gives one Alt
mnemonic to two visible controls. Walks the main window of every role with each of its screens,
and the dialogs.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QMenuBar,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QWidget,
)

from tests.gui_fixtures import _wait_for_jobs  # noqa: F401 (fixtures)
from tests.test_gui_layout import open_window, show_case

pytestmark = pytest.mark.sqlite_only



def mnemonic(text: str) -> str | None:
    """The Alt letter of a text ("&Save" -> "s"; "&&" is a literal ampersand)."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def _own(window: QWidget, w: QWidget) -> bool:
    return w.window() is window and w.isVisible()


def duplicate_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Mnemonics used by more than one visible labelled control of ``window``."""
    found: dict[str, list[str]] = defaultdict(list)
    for w in [window, *window.findChildren(QWidget)]:
        if not _own(window, w):
            continue
        texts: list[str] = []
        if isinstance(w, QAbstractButton) or isinstance(w, QLabel) and w.buddy() is not None:
            texts.append(w.text())
        elif isinstance(w, QGroupBox) and w.isCheckable():
            texts.append(w.title())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(k) for k in range(w.count()) if w.isTabVisible(k) and w.isTabEnabled(k)]
        elif isinstance(w, QMenuBar):
            texts += [a.text() for a in w.actions() if a.isVisible()]
        for t in texts:
            m = mnemonic(t)
            if m:
                found[m].append(t.replace("&", ""))
    return {k: v for k, v in found.items() if len(v) > 1}


def _inside_composite(w: QWidget) -> bool:
    """Parts of a composite control (a spin box's or combo box's line edit) carry the parent's name."""
    p = w.parentWidget()
    return isinstance(p, (QAbstractSpinBox, QComboBox)) or w.focusProxy() is not None


def unnamed_focusable(window: QWidget) -> list[str]:
    """Visible, enabled, focusable controls with no name a screen reader could say."""
    buddies = {id(lbl.buddy()) for lbl in window.findChildren(QLabel) if lbl.buddy() is not None}
    out = []
    for w in window.findChildren(QWidget):
        if not _own(window, w) or not w.isEnabled() or w.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if isinstance(w, (QScrollBar, QScrollArea, QTabBar)) or _inside_composite(w):
            continue  # scroll bars and containers; a tab bar is named by its tab texts
        text = w.text() if isinstance(w, QAbstractButton) else ""
        if w.accessibleName().strip() or text.replace("&", "").strip() or id(w) in buddies:
            continue
        out.append(f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}")
    return out


def tab_unreachable(qtbot, area: QWidget, start: QWidget) -> list[str]:  # type: ignore[no-untyped-def]
    """Visible, enabled controls of ``area`` that take Tab focus but that pressing Tab from
    ``start`` (around the whole cycle) never reaches: a keyboard user could not get to them."""
    want = [w for w in area.findChildren(QWidget)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and not isinstance(w, (QScrollBar, QScrollArea)) and not _inside_composite(w)]
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    reached = set()
    for _ in range(4 * len(want) + 20):
        w = QApplication.focusWidget()
        if w is None:
            break
        reached.add(id(w))
        qtbot.keyClick(w, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            break
    return [f"{type(w).__name__} {w.accessibleName() or w.objectName()!r}" for w in want if id(w) not in reached]


def check(window: QWidget, where: str) -> None:
    QApplication.processEvents()
    assert unnamed_focusable(window) == [], (where, unnamed_focusable(window))
    assert duplicate_mnemonics(window) == {}, (where, duplicate_mnemonics(window))


def test_mnemonic_parser():
    assert mnemonic("&Save item") == "s" and mnemonic("What was s&earched:") == "e"
    assert mnemonic("Fish && chips") is None and mnemonic("Save") is None


def test_investigator_screens_are_named_and_mnemonics_unique(qtbot, db, demo):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, db, demo.investigator)
    check(w, "navigator")
    v = show_case(qtbot, w, demo.investigation_ids[0])
    check(w, "checklist item")
    # Tab reaches every control of the investigation: the item form with its search plan, and the
    # findings with the validation panel.
    v.select_item(next(i.id for i in v.detail.items if any(q.planned for q in i.queries)))
    assert v.plan.rows, "this item has planned searches"
    assert tab_unreachable(qtbot, v, v.tree) == []
    for key in ("facebook", "screening_review", "lawful_methods"):
        v.select_item(next(i.id for i in v.detail.items if i.key == key))
        check(w, f"item {key}")
    v.select_item(next(f.item_result_id for f in v.detail.findings))
    for tab in (v.findings_tab, v.accounts_tab):
        v.tabs.setCurrentIndex(tab)
        check(w, v.tabs.tabText(tab))
        assert tab_unreachable(qtbot, v, v.tree) == [], v.tabs.tabText(tab)
    v.tabs.setCurrentIndex(v.findings_tab)
    v.findings.setCurrentItem(v.findings.topLevelItem(0))
    dlg = v.edit_finding()
    qtbot.waitUntil(dlg.isVisible)
    check(dlg, "finding editor")
    dlg.done(0)
    w.act_guide.trigger()
    qtbot.waitUntil(lambda: w.guide_dialog is not None and w.guide_dialog.isVisible())
    check(w.guide_dialog, "user guide")
    w.guide_dialog.close()
    w.act_password.trigger()
    check(w.password_dialog, "change password")
    w.password_dialog.reject()


def test_supervisor_and_administrator_screens_are_named_and_mnemonics_unique(qtbot, db, demo):  # type: ignore[no-untyped-def]
    w = open_window(qtbot, db, demo.supervisor)
    show_case(qtbot, w, demo.investigation_ids[1])
    check(w, "supervisor: read-only investigation")
    queue = w.open_review()
    qtbot.waitUntil(lambda: queue.preview.ready, timeout=30000)
    check(w, "review queue")
    uni = w.open_uniformity(demo.process_id)
    qtbot.waitUntil(lambda: uni.data is not None, timeout=15000)
    check(w, "uniformity")
    w.new_investigation()
    check(w.new_dialog, "new investigation")
    w.new_dialog.reject()
    w.new_process()
    check(w.process_dialog, "new hiring process")
    w.process_dialog.reject()
    w.close()

    a = open_window(qtbot, db, "admin")
    panel = a.open_admin("users")
    qtbot.waitUntil(lambda: bool(panel.users.users), timeout=10000)
    for page in panel.PAGES:
        panel.show_page(page)
        qtbot.wait(200)
        check(a, f"administration: {page}")


def test_start_dialogs_are_named_and_mnemonics_unique(qtbot, db, admin):  # type: ignore[no-untyped-def]
    from ui.signin import FirstRunDialog, SignInDialog

    for dlg in (FirstRunDialog(db), SignInDialog(db, "Authorised use only.")):
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitUntil(dlg.isVisible)
        check(dlg, type(dlg).__name__)
        dlg.close()


def test_every_other_dialog_and_the_lock_screen_are_named_and_mnemonics_unique(qtbot, db, demo):  # type: ignore[no-untyped-def]
    """The dialogs the screens above open on demand: account, submit, the supervisor's reason and
    outcome, the administrator's user, password, role, template and local-terms editors, the lock."""
    from ui.accounts_panel import AccountDialog
    from ui.admin import (
        ResetPasswordDialog,
        RoleDialog,
        TemplateEditorDialog,
        TermsEditorDialog,
        UserDialog,
    )
    from ui.session_lock import LockScreen
    from ui.submit_dialog import SubmitDialog
    from ui.supervisor import OutcomeDialog, ReasonDialog
    from vetting.services import templates as T
    from vetting.services import users as U

    inv = open_window(qtbot, db, demo.investigator)
    case = demo.investigation_ids[0]
    admin = open_window(qtbot, db, "admin")
    some_user = U.list_users(db, admin.ctx.actor)[0]
    version = T.list_template_versions(db, admin.ctx.actor)[0]
    dialogs = [
        ("account", AccountDialog(inv.ctx, case, parent=inv)),
        ("submit", SubmitDialog(inv.ctx, case, parent=inv)),
        ("return for rework", ReasonDialog("Return for rework", "Why is it returned?", parent=inv)),
        ("close investigation", OutcomeDialog(parent=inv)),
        ("add user", UserDialog(admin.ctx, parent=admin)),
        ("reset password", ResetPasswordDialog(admin.ctx, some_user, parent=admin)),
        ("role", RoleDialog(some_user, parent=admin)),
        ("template editor", TemplateEditorDialog(admin.ctx, version, parent=admin)),
        ("local terms", TermsEditorDialog(admin.ctx, parent=admin)),
    ]
    for name, dlg in dialogs:
        dlg.show()
        qtbot.waitUntil(dlg.isVisible)
        qtbot.wait(100)  # a dialog that loads in the background fills its controls
        check(dlg, name)
        dlg.reject()
    lock = LockScreen(inv.ctx)
    qtbot.addWidget(lock)
    lock.show()
    qtbot.waitUntil(lock.isVisible)
    check(lock, "lock screen")
