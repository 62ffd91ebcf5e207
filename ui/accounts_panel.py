"""Accounts found for the candidate: which identifiers matched, and whether ownership is confirmed.

Every field typed here — platform, handle, URL, each matched identifier, the notes — is a
:class:`~ui.screened_text.ScreenedTextEdit`: screened as it is typed, with the usual review, and
the decisions go to the service with the values."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.jobs import Job, error_text
from ui.screened_text import (
    ScreenedTextEdit,
    status_label,
    track_status,
    undecided_problem,
    with_choices,
)
from ui.validation_panel import inline_error_label, show_inline
from vetting.services import findings as F
from vetting.services.views import AccountView

PLATFORMS = ["Facebook", "Instagram", "X (Twitter)", "TikTok", "Snapchat", "YouTube", "Reddit", "LinkedIn",
             "Pinterest", "Web"]


def identifiers_text(matched: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{F.IDENTIFIER_KINDS.get(k, k)}: {v}" if v else F.IDENTIFIER_KINDS.get(k, k)
                     for k, v in matched) or "—"


class AccountDialog(QDialog):
    """Add or edit one account. Ownership is decided by the service from what is entered here."""

    def __init__(self, ctx: AppContext, investigation_id: int, account: AccountView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.investigation_id = investigation_id
        self.account = account
        self.result_view: AccountView | None = None
        self.setWindowTitle("Edit account" if account else "Add an account found for the candidate")
        self.resize(640, 560)
        self.platform = ScreenedTextEdit(ctx, self, accessible_name="Platform", kind="words", single_line=True,
                                         max_chars=80)
        self.platform.setText(PLATFORMS[0])
        self.handle = ScreenedTextEdit(ctx, self, accessible_name="Handle or user name", kind="words",
                                       single_line=True, max_chars=200)
        self.url = ScreenedTextEdit(ctx, self, accessible_name="Profile URL", kind="url", single_line=True,
                                    placeholder="https://… (never opened by the workbench)", max_chars=F.MAX_URL)
        self.fields_status = QLabel("", self)
        self.fields_status.setObjectName("screeningStatus")
        self.fields_status.setWordWrap(True)
        self.fields_status.setStyleSheet("color: #505050;")
        for ed in (self.platform, self.handle, self.url):
            track_status(self.fields_status, ed)
        self.self_disclosed = QCheckBox("The candidate disclosed this account", self)
        self.self_disclosed.setAccessibleName("Self-disclosed by the candidate")
        self.ids = QTableWidget(0, 2, self)
        self.ids.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside)
        self.ids.setAccessibleName("Identifiers that matched the candidate")
        self.ids.setHorizontalHeaderLabels(["Identifier kind", "What matched"])
        self.ids.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.ids.horizontalHeader().setStretchLastSection(True)
        self.ids.verticalHeader().hide()
        self.ids.setTabKeyNavigation(False)
        self.add_id = QPushButton("Add &identifier", self)
        self.remove_id = QPushButton("&Remove identifier", self)
        self.add_id.clicked.connect(lambda: self.add_identifier("full_name", ""))
        self.remove_id.clicked.connect(self._remove_identifier)
        self.notes = ScreenedTextEdit(ctx, self, accessible_name="Account notes")
        self.notes.setMaximumHeight(100)
        self.error = inline_error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("&Platform:", with_choices(self.platform, PLATFORMS, self))
        form.addRow("&Handle:", self.handle)
        form.addRow("&URL:", self.url)
        form.addRow("", self.self_disclosed)
        form.addRow("", self.fields_status)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lbl = QLabel("Identifiers that &matched the candidate (ownership is confirmed by the candidate's "
                     "disclosure or by enough matching identifiers):", self)
        lbl.setWordWrap(True)
        lbl.setBuddy(self.ids)
        lay.addWidget(lbl)
        lay.addWidget(self.ids, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_id)
        row.addWidget(self.remove_id)
        row.addStretch(1)
        lay.addLayout(row)
        nl = QLabel("&Notes:", self)
        nl.setBuddy(self.notes)
        lay.addWidget(nl)
        lay.addWidget(self.notes)
        lay.addWidget(status_label(self.notes, self))
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        if account:
            self.platform.set_original_text(account.platform)
            self.handle.set_original_text(account.handle)
            self.url.set_original_text(account.url)
            self.self_disclosed.setChecked(account.self_disclosed)
            for k, v in account.matched:
                self.add_identifier(k, v)
            self.notes.set_original_text(account.notes)

    def add_identifier(self, kind: str, value: str) -> None:
        row = self.ids.rowCount()
        self.ids.insertRow(row)
        combo = QComboBox(self.ids)
        combo.setAccessibleName(f"Identifier kind, row {row + 1}")
        for key, label in F.IDENTIFIER_KINDS.items():
            combo.addItem(label, key)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        self.ids.setCellWidget(row, 0, combo)
        edit = ScreenedTextEdit(self.ctx, self.ids, accessible_name=f"What matched, row {row + 1}", kind="words",
                                single_line=True, max_chars=200)
        edit.set_original_text(value)
        track_status(self.fields_status, edit)
        self.ids.setCellWidget(row, 1, edit)
        self.ids.setRowHeight(row, max(self.ids.rowHeight(row), edit.height() + 4))
        combo.setFocus()

    def identifier_editor(self, row: int) -> ScreenedTextEdit:
        return self.ids.cellWidget(row, 1)  # type: ignore[return-value]

    @Slot()
    def _remove_identifier(self) -> None:
        row = self.ids.currentRow()
        if row < 0:
            row = self.ids.rowCount() - 1
        if row >= 0:
            self.ids.removeRow(row)

    def matched(self) -> list[tuple[str, str]]:
        out = []
        for row in range(self.ids.rowCount()):
            combo = self.ids.cellWidget(row, 0)
            edit = self.ids.cellWidget(row, 1)
            out.append((combo.currentData(), edit.text()))
        return out

    def reviews(self) -> dict:
        """The investigator's decisions per field, as the service expects them."""
        out = {"platform": self.platform.review(), "handle": self.handle.review(), "url": self.url.review()}
        for row in range(self.ids.rowCount()):
            out[f"matched.{row}"] = self.identifier_editor(row).review()
        return out

    @Slot()
    def save(self) -> None:
        if not self.platform.text().strip() or not self.handle.text().strip():
            show_inline(self.error, "An account needs a platform and a handle.")
            return
        problem = undecided_problem(self.notes)
        if problem:
            show_inline(self.error, problem)
            return
        show_inline(self.error, None)
        notes = self.notes.original_text()
        # Values go as typed (not stripped): the review's offsets are into them; the service strips.
        kw = {"platform": self.platform.text(), "handle": self.handle.text(), "url": self.url.text(),
              "matched": self.matched(), "self_disclosed": self.self_disclosed.isChecked(),
              "notes": notes if notes.strip() else None, "notes_review": self.notes.review(),
              "reviews": self.reviews()}
        if self.account is None:
            job = Job(F.add_account, self.ctx.db, self.ctx.actor, investigation_id=self.investigation_id,
                      parent=self, **kw)
        else:
            job = Job(F.update_account, self.ctx.db, self.ctx.actor, account_id=self.account.id,
                      expected_version=self.account.version, parent=self, **kw)
        self.buttons.setEnabled(False)
        job.success(self._saved).failure(self._failed).run_in_background()

    def _saved(self, view: AccountView) -> None:
        self.result_view = view
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_inline(self.error, error_text(exc))


class AccountsPanel(QWidget):
    """Table of the investigation's accounts with Add / Edit. Emits ``sig_changed`` after a save."""

    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.investigation_id: int | None = None
        self.accounts: tuple[AccountView, ...] = ()
        self._editable = False
        self.table = QTableWidget(0, 5, self)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside)
        self.table.setAccessibleName("Accounts found for the candidate")
        self.table.setHorizontalHeaderLabels(["Platform", "Handle", "Ownership", "Identifiers that matched", "URL"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        hh = self.table.horizontalHeader()
        for c in range(4):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        hh.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_account())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton("&Add account…", self)
        self.add_button.setAccessibleName("Add account")
        self.edit_button = QPushButton("&Edit account…", self)
        self.edit_button.setAccessibleName("Edit account")
        self.add_button.clicked.connect(self.add_account)
        self.edit_button.clicked.connect(self.edit_account)
        hint = QLabel("Accounts are linked to findings. Ownership is confirmed only when the candidate disclosed "
                      "the account or enough identifiers match.", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.table, 1)
        lay.addLayout(row)
        self._update_buttons()

    def set_accounts(self, investigation_id: int, accounts: tuple[AccountView, ...], editable: bool) -> None:
        self.investigation_id = investigation_id
        self.accounts = accounts
        self._editable = editable
        self.table.setRowCount(len(accounts))
        for r, a in enumerate(accounts):
            owner = ("✔ " if a.ownership != "not_confirmed" else "? ") + a.ownership_label
            for c, text in enumerate((a.platform, a.handle, owner, identifiers_text(a.matched), a.url)):
                it = QTableWidgetItem(text)
                it.setData(Qt.ItemDataRole.UserRole, a.id)
                if c == 3:
                    it.setToolTip(identifiers_text(a.matched).replace("; ", "\n"))
                self.table.setItem(r, c, it)
        self._update_buttons()

    def selected(self) -> AccountView | None:
        row = self.table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    @Slot()
    def add_account(self) -> None:
        if self.investigation_id is None or not self._editable:
            return
        self._open(AccountDialog(self.ctx, self.investigation_id, None, self))

    @Slot()
    def edit_account(self) -> None:
        acc = self.selected()
        if acc is None or self.investigation_id is None or not self._editable:
            return
        self._open(AccountDialog(self.ctx, self.investigation_id, acc, self))

    def _open(self, dlg: AccountDialog) -> None:
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(self.sig_changed.emit)
        dlg.open()

    @Slot()
    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._editable)
        self.edit_button.setEnabled(self._editable and self.selected() is not None)
