"""Administration (administrators only; the services enforce it as well): user accounts,
checklist templates (new versions only — versions in use never change), concern categories,
department settings (form generated from :data:`vetting.services.settings.SPECS`), database
backup, audit export and the workstation's local screening terms.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext, qsettings
from ui.icons import ROLE_LABELS, icon
from ui.jobs import Job, error_text, show_error
from ui.signin import dialog_layout, error_label, ok_cancel, show_inline_error
from vetting.errors import ConfigError
from vetting.services import search_plans as S
from vetting.services import templates as T
from vetting.services import users as U
from vetting.services.views import CategoryInfo, TemplateVersionView


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid);")
    return label


def _button(text: str, icon_name: str, slot, name: str) -> QPushButton:  # type: ignore[no-untyped-def]
    b = QPushButton(icon(icon_name) if icon_name else icon(""), text)
    b.setObjectName(name)
    b.setAccessibleName(text.replace("&", "").replace("…", ""))
    b.clicked.connect(slot)
    return b


def _table(name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside)
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    return t


# ---------------------------------------------------------------- users


class PasswordFields:
    """A password with its repetition, checked for equality before the service checks the policy."""

    def __init__(self, form: QFormLayout, label: str = "&Password:") -> None:
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName("Password")
        self.password.setObjectName("newPassword")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName("Repeat password")
        self.repeat.setObjectName("repeatPassword")
        form.addRow(label, self.password)
        form.addRow("&Repeat:", self.repeat)
        form.addRow("", _muted("At least the department's minimum length, not a common password, and not "
                               "containing the user name."))

    def mismatch(self) -> bool:
        return self.password.text() != self.repeat.text()


class UserDialog(QDialog):
    """Add a user account (administrator)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Add user")
        self.setObjectName("addUserDialog")
        self.setMinimumWidth(460)
        self.username = QLineEdit()
        self.username.setObjectName("newUsername")
        self.username.setAccessibleName("User name")
        self.display = QLineEdit()
        self.display.setObjectName("newDisplayName")
        self.display.setAccessibleName("Full name and rank")
        self.display.setPlaceholderText("e.g. Det. Alex Rivera")
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        self.role.setAccessibleName("Role")
        for code, label in ROLE_LABELS.items():
            self.role.addItem(label, code)
        form = QFormLayout()
        form.addRow("&User name:", self.username)
        form.addRow("&Full name:", self.display)
        form.addRow("R&ole:", self.role)
        self.pw = PasswordFields(form, "&Initial password:")
        self.error = error_label("addUserError")
        buttons, self.ok_button = ok_cancel(self, self._submit, "&Add user")
        dialog_layout(self, form, self.error, buttons)

    @Slot()
    def _submit(self) -> None:
        if self.pw.mismatch():
            show_inline_error(self.error, "The two passwords differ.")
            return
        self.ok_button.setEnabled(False)
        Job(U.add_user, self.ctx.db, self.ctx.actor, parent=self, username=self.username.text(),
            display_name=self.display.text(), role=self.role.currentData(), password=self.pw.password.text()) \
            .success(lambda _u: self.accept()).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        show_inline_error(self.error, error_text(exc))


class ResetPasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, user: U.UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.user = ctx, user
        self.setWindowTitle(f"Reset password of {user.username}")
        self.setObjectName("resetPasswordDialog")
        self.setMinimumWidth(420)
        form = QFormLayout()
        self.pw = PasswordFields(form, "&Temporary password:")
        self.error = error_label("resetPasswordError")
        buttons, self.ok_button = ok_cancel(self, self._submit)
        note = _muted("The account is also unlocked. Give the temporary password to the user in person: at "
                      "their next sign-in they must replace it with a password only they know.")
        dialog_layout(self, note, form, self.error, buttons)

    @Slot()
    def _submit(self) -> None:
        if self.pw.mismatch():
            show_inline_error(self.error, "The two passwords differ.")
            return
        self.ok_button.setEnabled(False)
        Job(U.reset_password, self.ctx.db, self.ctx.actor, parent=self, user_id=self.user.id,
            new_password=self.pw.password.text()) \
            .success(lambda _u: self.accept()).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        show_inline_error(self.error, error_text(exc))


class RoleDialog(QDialog):
    def __init__(self, user: U.UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Role of {user.username}")
        self.combo = QComboBox()
        self.combo.setAccessibleName("Role")
        for code, label in ROLE_LABELS.items():
            self.combo.addItem(label, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(user.role)))
        form = QFormLayout()
        form.addRow("&Role:", self.combo)
        buttons, _ok = ok_cancel(self, self.accept)
        dialog_layout(self, form, _muted("The new role applies from the user's next action."), buttons)

    @property
    def role(self) -> str:
        return str(self.combo.currentData())


class UsersPage(QWidget):
    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[U.UserInfo] = []
        self.table = _table("usersTable", ["User name", "Full name", "Role", "Account"])
        self.table.setAccessibleName("User accounts")
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = _button("Add &new user…", "add", self.add_user, "addUserButton")
        self.role_button = _button("Change r&ole…", "users", self.change_role, "roleButton")
        self.active_button = _button("&Disable", "error", self.toggle_active, "activeButton")
        self.reset_button = _button("Reset &password…", "lock", self.reset_password, "resetPasswordButton")
        self.unlock_button = _button("Un&lock", "ok", self.unlock, "unlockUserButton")
        side = QVBoxLayout()
        for b in (self.add_button, self.role_button, self.active_button, self.reset_button, self.unlock_button):
            side.addWidget(b)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.addWidget(_muted("Accounts are never deleted: disable an account that is no longer needed, so the "
                             "audit trail keeps its name."))
        lay.addLayout(row, 1)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        Job(U.list_users, self.ctx.db, self.ctx.actor, parent=self).success(self._show).run_in_background()

    def _show(self, users: list[U.UserInfo]) -> None:
        keep = self.selected.id if self.selected else 0
        self.users = users
        self.table.setRowCount(len(users))
        for r, u in enumerate(users):
            state = "Active" if u.active else "Disabled"
            state_icon = icon("ok") if u.active else icon("error")
            if u.locked:
                state, state_icon = state + ", locked out", icon("lock")
            if getattr(u, "must_change_password", False):  # shown once the service reports it
                state += ", must choose a new password at next sign-in"
            cells = [QTableWidgetItem(u.username), QTableWidgetItem(u.display_name),
                     QTableWidgetItem(ROLE_LABELS.get(u.role, u.role)), QTableWidgetItem(state_icon, state)]
            for c, cell in enumerate(cells):
                cell.setData(Qt.ItemDataRole.UserRole, u.id)
                self.table.setItem(r, c, cell)
            if u.id == keep:
                self.table.selectRow(r)
        self._update_buttons()
        self.sig_loaded.emit()

    @property
    def selected(self) -> U.UserInfo | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        r = rows[0].row()
        return self.users[r] if r < len(self.users) else None

    def _update_buttons(self) -> None:
        u = self.selected
        for b in (self.role_button, self.active_button, self.reset_button):
            b.setEnabled(u is not None)
        self.unlock_button.setEnabled(u is not None and u.locked)
        self.active_button.setText("&Enable" if u is not None and not u.active else "&Disable")

    def _run(self, fn, **kw) -> None:  # type: ignore[no-untyped-def]
        Job(fn, self.ctx.db, self.ctx.actor, parent=self, **kw).success(lambda _r: self.reload()) \
            .failure(lambda exc: show_error(self, exc)).run_in_background()

    def add_user(self) -> UserDialog:
        dlg = UserDialog(self.ctx, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(self.reload)
        dlg.open()
        self.dialog = dlg
        return dlg

    def change_role(self) -> None:
        u = self.selected
        if u is None:
            return
        dlg = RoleDialog(u, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self._run(U.set_user_role, user_id=u.id, role=dlg.role))
        dlg.open()
        self.dialog = dlg

    def toggle_active(self) -> None:
        u = self.selected
        if u is not None:
            self._run(U.set_user_active, user_id=u.id, active=not u.active)

    def reset_password(self) -> None:
        u = self.selected
        if u is None:
            return
        dlg = ResetPasswordDialog(self.ctx, u, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(self.reload)
        dlg.open()
        self.dialog = dlg

    def unlock(self) -> None:
        u = self.selected
        if u is not None:
            self._run(U.unlock_user, user_id=u.id)


# ---------------------------------------------------------------- templates


def _new_key(doc: dict[str, Any], title: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_") or "item"
    keys = {i["key"] for s in doc["sections"] for i in s["items"]}
    key, n = base, 2
    while key in keys:
        key, n = f"{base}_{n}", n + 1
    return key


class TemplateEditorDialog(QDialog):
    """Edits a copy of a template version; saving creates a NEW version of the same template.

    The version it starts from is never changed (uniformity: a version in use is fixed).
    """

    def __init__(self, ctx: AppContext, view: TemplateVersionView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.source = ctx, view
        self.doc = copy.deepcopy(T.template_to_doc(view))
        self.created: TemplateVersionView | None = None
        self._current: tuple[int, int] | None = None  # (section, item) or (section, -1)
        self.setWindowTitle(f"New version of {view.template_name} (from version {view.number})")
        self.setObjectName("templateEditor")
        self.resize(980, 640)

        self.tree = QTreeWidget()
        self.tree.setObjectName("templateTree")
        self.tree.setAccessibleName("Sections and items")
        self.tree.setHeaderLabels(["Sections and items"])
        self.tree.currentItemChanged.connect(self._selected)
        add_item = _button("Add &item", "add", self._add_item, "addItemButton")
        remove_item = _button("Re&move item", "error", self._remove_item, "removeItemButton")
        tree_box = QVBoxLayout()
        tree_box.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addWidget(add_item)
        row.addWidget(remove_item)
        tree_box.addLayout(row)
        left = QWidget()
        left.setLayout(tree_box)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("itemTitle")
        self.title_edit.setAccessibleName("Title")
        self.platform_edit = QLineEdit()
        self.platform_edit.setAccessibleName("Platform")
        self.instruction_edit = QPlainTextEdit()
        self.instruction_edit.setObjectName("itemInstruction")
        self.instruction_edit.setAccessibleName("Instruction")
        self.instruction_edit.setTabChangesFocus(True)
        self.searches_edit = QPlainTextEdit()
        self.searches_edit.setObjectName("itemSearches")
        self.searches_edit.setAccessibleName("Search plan")
        self.searches_edit.setTabChangesFocus(True)
        self.searches_edit.setPlaceholderText("One search per line: key | label | query | url (optional). "
                                              "Placeholders: {name} {full_name} {alias} {email} {email_user} "
                                              "{username} {place}; {query} in the url.")
        self.searches_edit.setToolTip("Format: vetting/data/README.md")
        self.findings_box = QCheckBox("&Findings are possible for this item")
        self.attestation_boxes: dict[str, QCheckBox] = {}
        att_box = QGroupBox("Attestations the investigator confirms")
        att_lay = QVBoxLayout(att_box)
        for a in self.doc["attestations"]:
            cb = QCheckBox(a["text"])
            cb.setAccessibleName(a["text"])
            self.attestation_boxes[a["key"]] = cb
            att_lay.addWidget(cb)
        self.form = QFormLayout()
        self.form.addRow("&Title:", self.title_edit)
        self.form.addRow("&Platform:", self.platform_edit)
        self.form.addRow("Instr&uction:", self.instruction_edit)
        self.form.addRow("&Search plan:", self.searches_edit)
        self.form.addRow("", self.findings_box)
        self.form.addRow(att_box)
        self.item_widgets = (self.platform_edit, self.instruction_edit, self.searches_edit, self.findings_box, att_box)
        right = QWidget()
        right.setLayout(self.form)

        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([320, 640])
        self.note_edit = QLineEdit()
        self.note_edit.setAccessibleName("Note for the new version")
        self.note_edit.setPlaceholderText("What changed and why (kept with the version)")
        note_form = QFormLayout()
        note_form.addRow("Version &note:", self.note_edit)
        self.error = error_label("templateError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("&Create new version")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.addWidget(_muted(f"You are editing a copy of version {view.number}. Saving creates version "
                             f"{view.number}+ of “{view.template_name}”; hiring processes keep the version they "
                             "pinned. New processes can choose the new version."))
        lay.addWidget(split, 1)
        lay.addLayout(note_form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self._fill_tree()

    def _fill_tree(self, select: tuple[int, int] | None = None) -> None:
        self._current = None
        self.tree.blockSignals(True)
        self.tree.clear()
        target = None
        for si, s in enumerate(self.doc["sections"]):
            sec = QTreeWidgetItem([s["title"]])
            sec.setData(0, Qt.ItemDataRole.UserRole, (si, -1))
            sec.setIcon(0, icon("process"))
            self.tree.addTopLevelItem(sec)
            for ii, it in enumerate(s["items"]):
                node = QTreeWidgetItem([it["title"]])
                node.setData(0, Qt.ItemDataRole.UserRole, (si, ii))
                sec.addChild(node)
                if select == (si, ii):
                    target = node
            if select == (si, -1):
                target = sec
        self.tree.expandAll()
        self.tree.blockSignals(False)
        first = target or (self.tree.topLevelItem(0).child(0) if self.tree.topLevelItemCount() else None)
        if first is not None:
            self.tree.setCurrentItem(first)

    def _commit(self) -> None:
        if self._current is None:
            return
        si, ii = self._current
        if si >= len(self.doc["sections"]):
            return
        if ii < 0:
            self.doc["sections"][si]["title"] = self.title_edit.text().strip()
            return
        if ii >= len(self.doc["sections"][si]["items"]):
            return
        it = self.doc["sections"][si]["items"][ii]
        it["title"] = self.title_edit.text().strip()
        it["platform"] = self.platform_edit.text().strip() or None
        it["instruction"] = self.instruction_edit.toPlainText().strip()
        it["findings_possible"] = self.findings_box.isChecked()
        it["attestations"] = [k for k, cb in self.attestation_boxes.items() if cb.isChecked()]
        it["searches"] = self.searches_edit.toPlainText()  # parsed (and checked) when saving

    def _selected(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        self._commit()
        if previous is not None and self._current is not None:
            si, ii = self._current
            with contextlib.suppress(IndexError, RuntimeError):  # the node was removed meanwhile
                previous.setText(0, self.doc["sections"][si]["items"][ii]["title"] if ii >= 0
                                 else self.doc["sections"][si]["title"])
        if current is None:
            self._current = None
            return
        si, ii = current.data(0, Qt.ItemDataRole.UserRole)
        self._current = (si, ii)
        is_item = ii >= 0
        for w in self.item_widgets:
            w.setEnabled(is_item)
        if not is_item:
            self.title_edit.setText(self.doc["sections"][si]["title"])
            self.platform_edit.clear()
            self.instruction_edit.clear()
            self.searches_edit.clear()
            return
        it = self.doc["sections"][si]["items"][ii]
        self.title_edit.setText(it["title"])
        self.platform_edit.setText(it.get("platform") or "")
        self.instruction_edit.setPlainText(it.get("instruction", ""))
        plan = it.get("searches", [])
        self.searches_edit.setPlainText(plan if isinstance(plan, str) else S.plan_to_lines(plan))
        self.findings_box.setChecked(bool(it.get("findings_possible", True)))
        for k, cb in self.attestation_boxes.items():
            cb.setChecked(k in it.get("attestations", []))

    def _add_item(self) -> None:
        self._commit()
        si = self._current[0] if self._current else len(self.doc["sections"]) - 1
        if si < 0:
            return
        title = "New item"
        self.doc["sections"][si]["items"].append({
            "key": _new_key(self.doc, title), "title": title, "instruction": "Describe what to search and how.",
            "findings_possible": True, "platform": None, "attestations": list(self.attestation_boxes)})
        self._fill_tree((si, len(self.doc["sections"][si]["items"]) - 1))
        self.title_edit.setFocus()
        self.title_edit.selectAll()

    def _remove_item(self) -> None:
        if self._current is None or self._current[1] < 0:
            return
        si, ii = self._current
        del self.doc["sections"][si]["items"][ii]
        self._current = None
        self._fill_tree((si, max(0, ii - 1)) if self.doc["sections"][si]["items"] else (si, -1))

    @Slot()
    def _save(self) -> None:
        self._commit()
        doc = copy.deepcopy(self.doc)
        try:
            for sec in doc["sections"]:
                for it in sec["items"]:
                    if isinstance(it.get("searches"), str):
                        it["searches"] = S.lines_to_plan(it["searches"], f"Search plan of '{it['title']}'")
        except ConfigError as exc:
            show_inline_error(self.error, str(exc))
            return
        doc["note"] = self.note_edit.text().strip() or f"Based on version {self.source.number}"
        self.save_button.setEnabled(False)
        show_inline_error(self.error, "")
        Job(T.create_template_version, self.ctx.db, self.ctx.actor, parent=self,
            template_id=self.source.template_id, document=doc) \
            .success(self._created).failure(self._failed).run_in_background()

    def _created(self, view: TemplateVersionView) -> None:
        self.created = view
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_inline_error(self.error, error_text(exc))


class TemplatesPage(QWidget):
    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.versions: list[TemplateVersionView] = []
        self.list = QListWidget()
        self.list.setObjectName("templateVersions")
        self.list.setAccessibleName("Template versions")
        self.list.currentRowChanged.connect(self._show_version)
        self.list.setWordWrap(True)  # long template names wrap instead of scrolling sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.state = QLabel()
        self.state.setObjectName("templateState")
        self.state.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("templateContent")
        self.tree.setAccessibleName("Checklist of the selected version")
        self.tree.setHeaderLabels(["Item", "Platform", "Findings possible", "Attestations"])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):  # headers and values in full
            self.tree.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._show_instruction)
        self.instruction = QLabel()
        self.instruction.setObjectName("templateInstruction")
        self.instruction.setAccessibleName("Instruction of the selected item")
        self.instruction.setWordWrap(True)
        self.instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.instruction.setMinimumHeight(60)
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.new_button = _button("&New version from this one…", "template", self.new_version, "newVersionButton")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel("Versions"))
        ll.addWidget(self.list, 1)
        ll.addWidget(self.new_button)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.state)
        rl.addWidget(self.tree, 1)
        rl.addWidget(self.instruction)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([280, 760])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.addWidget(split)
        self.reload()

    def reload(self, select_id: int = 0) -> None:
        Job(T.list_template_versions, self.ctx.db, self.ctx.actor, parent=self) \
            .success(lambda vs: self._show(vs, select_id)).run_in_background()

    def _show(self, versions: list[TemplateVersionView], select_id: int) -> None:
        self.versions = versions
        self.list.blockSignals(True)
        self.list.clear()
        current = 0
        for n, v in enumerate(versions):
            item = QListWidgetItem(icon("lock") if v.in_use else icon("template"),
                                   f"{v.label}{' (in use)' if v.in_use else ''}")
            item.setToolTip(f"Created {v.created_at:%Y-%m-%d}" + ("\nUsed by a hiring process: read-only" if v.in_use else ""))
            self.list.addItem(item)
            if v.id == select_id:
                current = n
        self.list.blockSignals(False)
        if versions:
            self.list.setCurrentRow(current)
        self.sig_loaded.emit()

    @property
    def current(self) -> TemplateVersionView | None:
        r = self.list.currentRow()
        return self.versions[r] if 0 <= r < len(self.versions) else None

    def _show_version(self, _row: int) -> None:
        v = self.current
        self.tree.clear()
        self.instruction.clear()
        if v is None:
            return
        self.state.setText(
            f"<b>{v.label}</b> · created {v.created_at:%Y-%m-%d} · "
            + ("<b>in use by a hiring process — read-only.</b> Editing creates a new version."
               if v.in_use else "not used by any hiring process yet.")
        )
        texts = {a.key: a.text for a in v.attestations}
        for s in v.sections:
            sec = QTreeWidgetItem([s.title])
            sec.setIcon(0, icon("process"))
            self.tree.addTopLevelItem(sec)
            for i in s.items:
                node = QTreeWidgetItem([i.title, i.platform or "", "Yes" if i.findings_possible else "No",
                                        f"{len(i.attestations)} of {len(texts)}"])
                node.setToolTip(3, "\n".join(texts.get(k, k) for k in i.attestations))
                node.setData(0, Qt.ItemDataRole.UserRole, i.instruction)
                sec.addChild(node)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)

    def _show_instruction(self, current: QTreeWidgetItem | None, _prev: object) -> None:
        text = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self.instruction.setText(f"Instruction: {text}" if text else "")

    def new_version(self) -> TemplateEditorDialog | None:
        v = self.current
        if v is None:
            return None
        dlg = TemplateEditorDialog(self.ctx, v, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.reload(dlg.created.id if dlg.created else 0))
        dlg.open()
        self.dialog = dlg
        return dlg


# ---------------------------------------------------------------- concern categories


class CategoriesPage(QWidget):
    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = _table("categoriesTable", ["Code", "Label", "Description"])
        self.table.setAccessibleName("Concern categories")
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("categoryCode")
        self.code_edit.setAccessibleName("Category code")
        self.code_edit.setPlaceholderText("e.g. weapons_display")
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("categoryLabel")
        self.label_edit.setAccessibleName("Category label")
        self.desc_edit = QLineEdit()
        self.desc_edit.setAccessibleName("Category description")
        self.error = error_label("categoryError")
        add = _button("A&dd category", "add", self._add, "addCategoryButton")
        box = QGroupBox("Add a concern category")
        form = QFormLayout(box)
        form.addRow("C&ode:", self.code_edit)
        form.addRow("&Label:", self.label_edit)
        form.addRow("Descri&ption:", self.desc_edit)
        form.addRow("", add)
        form.addRow(self.error)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.addWidget(_muted("Concern categories classify findings (procedure V.B.3). Categories are never "
                             "deleted, so older reports keep their meaning."))
        lay.addWidget(self.table, 1)
        lay.addWidget(box)
        self.reload()

    def reload(self) -> None:
        Job(T.list_concern_categories, self.ctx.db, self.ctx.actor, parent=self, include_inactive=True) \
            .success(self._show).run_in_background()

    def _show(self, cats: list[CategoryInfo]) -> None:
        self.table.setRowCount(len(cats))
        for r, c in enumerate(cats):
            for col, text in enumerate((c.code, c.label + ("" if c.active else " (inactive)"), c.description)):
                self.table.setItem(r, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.sig_loaded.emit()

    def _add(self) -> None:
        show_inline_error(self.error, "")
        Job(T.add_concern_category, self.ctx.db, self.ctx.actor, parent=self, code=self.code_edit.text(),
            label=self.label_edit.text(), description=self.desc_edit.text()) \
            .success(self._added).failure(lambda exc: show_inline_error(self.error, error_text(exc))) \
            .run_in_background()

    def _added(self, _c: CategoryInfo) -> None:
        for e in (self.code_edit, self.label_edit, self.desc_edit):
            e.clear()
        self.reload()


# ---------------------------------------------------------------- department settings


class SettingsPage(QWidget):
    """A form generated from ``SPECS``: every department setting with its label and limits."""

    sig_loaded = Signal()
    sig_saved = Signal()

    GROUPS = {
        "logon_banner": "Sign-in and session", "session_lock_minutes": "Sign-in and session",
        "lockout_threshold": "Sign-in and session", "lockout_minutes": "Sign-in and session",
        "password_min_length": "Sign-in and session",
        "identifiers_to_confirm_account": "Accounts and screening",
        "redaction_category_tokens": "Accounts and screening",
        "screen_political_affiliation": "Accounts and screening",
        "retention_years_hired": "Retention of closed investigations",
        "retention_years_not_hired": "Retention of closed investigations",
        "retention_years_withdrawn": "Retention of closed investigations",
        "report_page_size": "Report",
    }

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from vetting.services.settings import SPECS

        self.ctx = ctx
        self.specs = SPECS
        self.values: dict[str, Any] = {}
        self.editors: dict[str, QWidget] = {}
        groups: dict[str, QFormLayout] = {}
        inner = QWidget()
        inner_lay = QVBoxLayout(inner)
        inner_lay.setContentsMargins(0, 0, 0, 0)
        inner_lay.setSpacing(12)
        for title in (*dict.fromkeys(self.GROUPS.values()), "Other"):
            box = QGroupBox(title)
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
            form.setHorizontalSpacing(16)
            groups[title] = form
            inner_lay.addWidget(box)
        inner_lay.addStretch(1)
        for key, spec in SPECS.items():
            form = groups[self.GROUPS.get(key, "Other")]
            w: QWidget
            field: QWidget | None = None
            if spec.type is bool:
                w = QCheckBox(spec.label)
            elif spec.type is int:
                sb = QSpinBox()
                sb.setRange(spec.minimum if spec.minimum is not None else 0,
                            spec.maximum if spec.maximum is not None else 1_000_000)
                sb.setMinimumWidth(90)
                w = sb
                if spec.minimum is not None:
                    field = QWidget()
                    row = QHBoxLayout(field)
                    row.setContentsMargins(0, 0, 0, 0)
                    row.addWidget(sb)
                    hint = _muted(f"{spec.minimum}\u2013{spec.maximum}")
                    hint.setWordWrap(False)
                    row.addWidget(hint)
                    row.addStretch(1)
            elif spec.choices:
                cb = QComboBox()
                for c in spec.choices:
                    cb.addItem(c.upper() if len(c) <= 2 else c.capitalize(), c)
                cb.setMinimumWidth(120)
                w = cb
                field = QWidget()
                row = QHBoxLayout(field)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(cb)
                row.addStretch(1)
            elif key == "logon_banner":
                te = QPlainTextEdit()
                te.setTabChangesFocus(True)
                te.setFixedHeight(te.fontMetrics().lineSpacing() * 4 + 14)
                w = te
            else:
                w = QLineEdit()
            w.setObjectName(f"setting_{key}")
            w.setAccessibleName(spec.label)
            limits = f" ({spec.minimum}\u2013{spec.maximum})" if spec.type is int and spec.minimum is not None else ""
            w.setToolTip(spec.label + limits)
            if isinstance(w, QCheckBox):
                form.addRow(w)
            else:
                label = QLabel(spec.label + ":")
                label.setBuddy(w)
                form.addRow(label, field or w)
            self.editors[key] = w
        for form in groups.values():
            if form.rowCount() == 0:
                form.parentWidget().hide()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.error = error_label("settingsError")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("settingsSaved")
        self.save_button = _button("Sa&ve settings", "save", self.save, "saveSettingsButton")
        revert = _button("Rev&ert", "refresh", self.reload, "revertSettingsButton")
        row = QHBoxLayout()
        row.addWidget(self.saved_label, 1)
        row.addWidget(revert)
        row.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.addWidget(_muted("Department settings apply to every workstation using this database. Retention "
                             "periods apply to investigations closed after the change."))
        lay.addWidget(scroll, 1)
        lay.addWidget(self.error)
        lay.addLayout(row)
        self.reload()

    def reload(self) -> None:
        from vetting.services.settings import get_settings

        Job(get_settings, self.ctx.db, parent=self).success(self._show).run_in_background()

    def _show(self, values: dict[str, Any]) -> None:
        self.values = dict(values)
        for key, w in self.editors.items():
            v = values.get(key, self.specs[key].default)
            if isinstance(w, QCheckBox):
                w.setChecked(bool(v))
            elif isinstance(w, QSpinBox):
                w.setValue(int(v))
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(max(0, w.findData(v)))
            elif isinstance(w, QPlainTextEdit):
                w.setPlainText(str(v))
            elif isinstance(w, QLineEdit):
                w.setText(str(v))
        show_inline_error(self.error, "")
        self.sig_loaded.emit()

    def current_values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, w in self.editors.items():
            if isinstance(w, QCheckBox):
                out[key] = w.isChecked()
            elif isinstance(w, QSpinBox):
                out[key] = w.value()
            elif isinstance(w, QComboBox):
                out[key] = w.currentData()
            elif isinstance(w, QPlainTextEdit):
                out[key] = w.toPlainText().strip()
            elif isinstance(w, QLineEdit):
                out[key] = w.text().strip()
        return out

    def changed(self) -> dict[str, Any]:
        return {k: v for k, v in self.current_values().items() if self.values.get(k) != v}

    def has_unsaved_changes(self) -> bool:
        return bool(self.values) and bool(self.changed())

    def maybe_save(self) -> bool:
        answer = QMessageBox.question(
            self, "Unsaved settings", "The department settings have unsaved changes. Save them?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            from vetting.services.settings import update_settings

            try:  # synchronous on purpose: the window is closing and must not lose the change
                update_settings(self.ctx.db, self.ctx.actor, values=self.changed())
            except Exception as exc:
                show_error(self, exc)
                return False
        self.values = self.current_values()
        return True

    def save(self) -> None:
        from vetting.services.settings import update_settings

        values = self.changed()
        if not values:
            self.saved_label.setText("Nothing changed.")
            return
        self.save_button.setEnabled(False)
        Job(update_settings, self.ctx.db, self.ctx.actor, parent=self, values=values) \
            .success(self._saved).failure(self._failed).run_in_background()

    def _saved(self, values: dict[str, Any]) -> None:
        self.save_button.setEnabled(True)
        self.ctx.settings.update(values)
        self._show(values)
        self.saved_label.setText(f"Saved at {dt.datetime.now():%H:%M}.")
        self.ctx.sig_data_changed.emit("settings", 0)
        self.sig_saved.emit()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        show_inline_error(self.error, error_text(exc))


# ---------------------------------------------------------------- records and local terms


class TermsEditorDialog(QDialog):
    """Edit the department's local screening terms; saving stores a new version (service checks it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from vetting.services.local_terms import current_local_terms

        self.ctx = ctx
        current = current_local_terms(ctx.db)
        self.setWindowTitle("Local screening terms — department list")
        self.setObjectName("termsEditor")
        self.resize(720, 520)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("termsText")
        self.edit.setAccessibleName("Local screening terms")
        self.edit.setPlainText(current.content or
                               "# One entry per line: CATEGORY | term   (e.g. RACE_ETHNICITY | Tlingit)\n")
        self.note = QLineEdit()
        self.note.setObjectName("termsNote")
        self.note.setAccessibleName("Reason for the change")
        self.note.setPlaceholderText("Why: e.g. added the clans of the Juneau area")
        self.note.setMaxLength(500)
        note_label = QLabel("&Reason for the change:")
        note_label.setBuddy(self.note)
        self.error = error_label("termsError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(_muted("One entry per line: CATEGORY | term (optionally | flags). Lines starting with # "
                             "are comments. Saving checks every line and stores a new version; every "
                             "workstation screens with it from the next text it screens."))
        lay.addWidget(self.edit, 1)
        lay.addWidget(note_label)
        lay.addWidget(self.note)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

    def _save(self) -> None:
        from vetting.services.local_terms import save_local_terms

        try:
            save_local_terms(self.ctx.db, self.ctx.actor, content=self.edit.toPlainText(), note=self.note.text())
        except Exception as exc:
            show_inline_error(self.error, error_text(exc))
            return
        self.accept()


class RecordsPage(QWidget):
    """Database backup, audit export, and the workstation's local screening terms."""

    sig_backup_done = Signal(object)
    sig_export_done = Signal(object)
    sig_terms_checked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_backup: Path | None = None

        backup_box = QGroupBox("Database backup")
        bl = QVBoxLayout(backup_box)
        where = ctx.db.sqlite_path
        bl.addWidget(_muted(
            f"Database: {where}" if where else "This database is on a PostgreSQL server: back it up with "
            "pg_dump on the server (see the README)."))
        bl.addWidget(_muted("The copy is consistent even while others work. Keep backups on a protected drive: "
                            "they contain the whole investigation file."))
        self.backup_button = _button("Bac&k up now…", "backup", self.backup, "backupButton")
        self.backup_button.setEnabled(where is not None)
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupResult")
        self.backup_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.backup_label, 1)
        bl.addLayout(row)

        audit_box = QGroupBox("Audit log")
        al = QHBoxLayout(audit_box)
        self.audit_button = _button("E&xport audit log…", "save", self.export_audit, "exportAuditButton")
        self.audit_label = QLabel()
        self.audit_label.setWordWrap(True)
        al.addWidget(self.audit_button)
        al.addWidget(self.audit_label, 1)
        self.verify_button = _button("&Verify audit log and records", "verify", self.verify_audit,
                                     "verifyAuditButton")
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verifyAuditResult")
        self.verify_result.setAccessibleName("Result of the audit log and records check")
        self.verify_result.setWordWrap(True)
        self.verify_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        vrow = QVBoxLayout()
        vrow.addWidget(self.verify_button)
        vrow.addWidget(self.verify_result)
        al.addLayout(vrow, 1)

        export_box = QGroupBox("Public-records / e-discovery export")
        el = QVBoxLayout(export_box)
        el.addWidget(_muted("A ZIP with each investigation's data (redacted text only), a freshly generated PDF "
                            "report, its audit events and a MANIFEST of SHA-256 sums. Verify a bundle with "
                            "`vetting export verify`."))
        erow = QHBoxLayout()
        self.export_process = QComboBox()
        self.export_process.setObjectName("exportProcessCombo")
        self.export_process.setAccessibleName("Hiring process to export")
        self.export_button = _button("Export hiring &process…", "save", self.export_process_bundle,
                                     "exportBundleButton")
        self.export_label = QLabel()
        self.export_label.setObjectName("exportResult")
        self.export_label.setWordWrap(True)
        erow.addWidget(QLabel("Hiring process:"))
        erow.addWidget(self.export_process, 1)
        erow.addWidget(self.export_button)
        el.addLayout(erow)
        el.addWidget(self.export_label)
        self._load_processes()

        terms_box = QGroupBox("Local screening terms (department-wide)")
        tl = QVBoxLayout(terms_box)
        self.terms_label = QLabel()
        self.terms_label.setObjectName("termsVersion")
        self.terms_label.setWordWrap(True)
        self.terms_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.terms_label.setAccessibleName("Department screening terms")
        self.edit_terms_button = _button("&Edit terms…", "template", self.edit_terms, "editTermsButton")
        self.import_terms_button = _button("I&mport a term file…", "open", self.import_terms, "importTermsButton")
        self.terms_result = QLabel()
        self.terms_result.setObjectName("termsResult")
        self.terms_result.setWordWrap(True)
        self.terms_table = _table("termsTable", ["Category", "Term"])
        self.terms_table.setMaximumHeight(200)
        self.terms_table.hide()
        trow = QHBoxLayout()
        trow.addWidget(self.edit_terms_button)
        trow.addWidget(self.import_terms_button)
        trow.addStretch(1)
        tl.addWidget(self.terms_label)
        tl.addLayout(trow)
        tl.addWidget(self.terms_result)
        tl.addWidget(self.terms_table)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.setSpacing(12)
        lay.addWidget(backup_box)
        lay.addWidget(audit_box)
        lay.addWidget(export_box)
        lay.addWidget(terms_box)
        lay.addStretch(1)
        self.show_terms()

    def backup(self, path: str | None = None) -> None:
        from vetting.services.records import backup_database

        if path is None:
            start = qsettings().value("admin/backup_dir", str(Path.home()))
            name = f"vetting-backup-{dt.datetime.now():%Y%m%d-%H%M}.sqlite3"
            path, _f = QFileDialog.getSaveFileName(self, "Back up the database to", str(Path(start) / name),
                                                   "SQLite database (*.sqlite3)")
            if not path:
                return
        target = Path(path)
        self.backup_button.setEnabled(False)
        self.backup_label.setText("Backing up…")
        Job(backup_database, self.ctx.db, self.ctx.actor, output=target, parent=self) \
            .with_progress("Backing up the database…") \
            .success(self._backed_up).failure(self._backup_failed).run_in_background()

    def _backed_up(self, result) -> None:  # type: ignore[no-untyped-def]
        self.last_backup = result.path
        qsettings().setValue("admin/backup_dir", str(result.path.parent))
        self._finished(self.backup_button, self.backup_label, self.sig_backup_done, result.path, "Backup written to")
        self.backup_label.setText(f"{self.backup_label.text()} (SHA-256 {result.sha256[:16]}…, recorded in the "
                                  "audit log)")

    def _backup_failed(self, exc: BaseException) -> None:
        self._finished(self.backup_button, self.backup_label, self.sig_backup_done, exc)

    @staticmethod
    def _finished(button, label: QLabel, signal, outcome: Path | BaseException, done: str = "") -> None:  # type: ignore[no-untyped-def]
        """Re-enable the button, say how a background file job ended, and emit the path (or None)."""
        button.setEnabled(True)
        if isinstance(outcome, BaseException):
            label.setText("\u26a0 " + error_text(outcome))
            signal.emit(None)
        else:
            label.setText(f"\u2714 {done} {outcome}")
            signal.emit(outcome)

    def export_audit(self) -> None:
        from vetting.services.records import export_audit

        name = f"audit-{dt.datetime.now():%Y%m%d-%H%M}.jsonl"
        path, _f = QFileDialog.getSaveFileName(self, "Export the audit log to", str(Path.home() / name),
                                               "JSON Lines (*.jsonl)")
        if not path:
            return
        Job(export_audit, self.ctx.db, self.ctx.actor, parent=self, since=None, until=None, output=Path(path)) \
            .with_progress("Exporting the audit log…") \
            .success(lambda n: self.audit_label.setText(f"\u2714 {n} events written to {path}")) \
            .run_in_background()

    def verify_audit(self) -> None:
        from vetting.services.integrity import verify_audit

        self.verify_button.setEnabled(False)
        self.verify_result.setText("Verifying…")

        def done(outcome) -> None:  # type: ignore[no-untyped-def]
            self.verify_button.setEnabled(True)
            if isinstance(outcome, BaseException):
                self.verify_result.setText("\u26a0 " + error_text(outcome))
            else:
                self.verify_result.setText(("\u2714 " if outcome.ok else "\u26a0 ") + outcome.summary(limit=20))

        Job(verify_audit, self.ctx.db, self.ctx.actor, parent=self) \
            .with_progress("Verifying the audit log and every record…") \
            .success(done).failure(done).run_in_background()

    def _load_processes(self) -> None:
        from vetting.services.templates import list_processes

        def fill(processes) -> None:  # type: ignore[no-untyped-def]
            self.export_process.clear()
            for p in processes:
                self.export_process.addItem(f"{p.name} ({p.investigations})", p.id)
            self.export_button.setEnabled(bool(processes))

        Job(list_processes, self.ctx.db, self.ctx.actor, parent=self).success(fill).run_in_background()

    def export_process_bundle(self, path: str | None = None) -> None:
        """Export every investigation of the chosen process, with progress and Cancel."""
        from vetting.services.records import export_bundle

        process_id = self.export_process.currentData()
        if process_id is None:
            return
        if path is None:
            name = f"records-request-process-{process_id}-{dt.datetime.now():%Y%m%d-%H%M}.zip"
            path, _f = QFileDialog.getSaveFileName(self, "Write the export bundle to", str(Path.home() / name),
                                                   "ZIP archive (*.zip)")
            if not path:
                return
        self.export_button.setEnabled(False)
        self.export_label.setText("Exporting…")
        Job(export_bundle, self.ctx.db, self.ctx.actor, parent=self, output=Path(path), process_id=process_id) \
            .on_pool("cpu").with_progress("Exporting investigations…", cancellable=True) \
            .success(self._exported).failure(self._export_failed).run_in_background()

    def _exported(self, path: Path) -> None:
        self._finished(self.export_button, self.export_label, self.sig_export_done, Path(path), "Export written to")

    def _export_failed(self, exc: BaseException) -> None:
        self._finished(self.export_button, self.export_label, self.sig_export_done, exc)

    def show_terms(self) -> None:
        """Show the department's current list (version, who, when, the terms)."""
        from vetting.screening.terms import parse_local_terms
        from vetting.services.local_terms import current_local_terms

        try:
            v = current_local_terms(self.ctx.db)
            pairs = [(c, t) for c, t, _f in parse_local_terms(v.content, "local terms")] if v.version else []
        except Exception as exc:
            self.terms_label.setText("\u26a0 " + error_text(exc))
            return
        if not v.version:
            self.terms_label.setText("No local terms yet. Add terms the shipped lists lack (local congregations, "
                                     "clans, units); every workstation uses them.")
        else:
            when = v.created_at.astimezone().strftime("%Y-%m-%d %H:%M") if v.created_at else ""
            self.terms_label.setText(f"Version {v.version}: {v.term_count} term(s), saved {when} by "
                                     f"{v.created_by or 'unknown'}" + (f" — {v.note}" if v.note else "") + ".")
        self.terms_table.setRowCount(len(pairs))
        for r, (cat, term) in enumerate(pairs):
            self.terms_table.setItem(r, 0, QTableWidgetItem(cat))
            self.terms_table.setItem(r, 1, QTableWidgetItem(term))
        self.terms_table.setVisible(bool(pairs))
        self.sig_terms_checked.emit()

    def edit_terms(self) -> None:
        dlg = TermsEditorDialog(self.ctx, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(self._terms_saved)
        dlg.open()
        self.dialog = dlg

    def import_terms(self, path: str | None = None) -> None:
        from vetting.services.local_terms import import_local_terms_file

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Import a local term file", "", "Text files (*.txt);;All files (*)")
            if not path:
                return
        try:
            import_local_terms_file(self.ctx.db, self.ctx.actor, path=path)
        except Exception as exc:
            self.terms_result.setText("\u26a0 " + error_text(exc))
            self.sig_terms_checked.emit()
            return
        self._terms_saved()

    def _terms_saved(self) -> None:
        from vetting.services.screening import LOCAL_TERMS_KEY, screening_settings

        with contextlib.suppress(Exception):  # this workstation screens with the new list at once
            self.ctx.settings[LOCAL_TERMS_KEY] = screening_settings(self.ctx.db)[LOCAL_TERMS_KEY]
        self.terms_result.setText("\u2714 Saved as a new version; every workstation screens with it now.")
        self.show_terms()


# ---------------------------------------------------------------- the panel


class AdminPanel(QWidget):
    """All administration pages in tabs; ``show_page(name)`` selects one."""

    PAGES = ("users", "templates", "categories", "settings", "records")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("adminPanel")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.users = UsersPage(ctx)
        self.templates = TemplatesPage(ctx)
        self.categories = CategoriesPage(ctx)
        self.settings = SettingsPage(ctx)
        self.records = RecordsPage(ctx)
        for page, title, icon_name in ((self.users, "&Users", "users"), (self.templates, "Checklist &templates", "template"),
                                       (self.categories, "Concern &categories", "info"),
                                       (self.settings, "Department &settings", "settings"),
                                       (self.records, "&Backup and terms", "backup")):
            self.tabs.addTab(page, icon(icon_name), title)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)

    def show_page(self, name: str) -> None:
        if name in self.PAGES:
            self.tabs.setCurrentIndex(self.PAGES.index(name))

    def has_unsaved_changes(self) -> bool:
        return self.settings.has_unsaved_changes()

    def maybe_save(self) -> bool:
        return self.settings.maybe_save() if self.settings.has_unsaved_changes() else True
