"""Submit for supervisor review: first shows exactly what is missing, each entry a jump target."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.jobs import Job, error_text
from ui.validation_panel import inline_error_label, show_inline
from vetting.errors import RuleViolation
from vetting.services import investigations as I
from vetting.services.views import InvestigationDetail, Problem


class SubmitDialog(QDialog):
    """Checks the investigation, lists the problems, and submits when there are none.

    ``sig_jump(target)`` carries ``"item:ID"`` or ``"finding:ID"`` when the investigator activates
    a problem; the dialog then closes. ``sig_submitted(InvestigationDetail)`` after a submission.
    """

    sig_jump = Signal(str)
    sig_submitted = Signal(object)

    def __init__(self, ctx: AppContext, investigation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.investigation_id = investigation_id
        self.problems: list[Problem] = []
        self.setWindowTitle("Submit the investigation for supervisor review")
        self.setObjectName("submitDialog")
        self.resize(620, 420)
        self.summary = QLabel("Checking the investigation…", self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("What is missing before submission")
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.list.hide()
        self.hint = QLabel("Double-click an entry, or select it and press Enter, to go there.", self)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.hint.hide()
        self.error = inline_error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.submit_button = QPushButton("Submit for review", self)
        self.submit_button.setAccessibleName("Submit for review")
        self.submit_button.setEnabled(False)
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.list, 1)
        lay.addWidget(self.hint)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)
        self.check()

    def accept(self) -> None:  # the Submit button does the work; never close on Enter by accident
        pass

    @Slot()
    def check(self) -> None:
        Job(I.check_submission, self.ctx.db, self.ctx.actor, investigation_id=self.investigation_id, parent=self) \
            .success(self._show_problems).failure(lambda e: show_inline(self.error, error_text(e))) \
            .run_in_background()

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        self.list.clear()
        if not problems:
            self.summary.setText("Every checklist item has an outcome and every finding has a validation status. "
                                 "Submitting sends the investigation to a supervisor; you cannot change it "
                                 "afterwards unless it is returned to you.")
            self.list.hide()
            self.hint.hide()
            self.submit_button.setEnabled(True)
            self.submit_button.setDefault(True)
            self.submit_button.setFocus()
            return
        self.summary.setText(f"The investigation cannot be submitted yet. {len(problems)} thing(s) are missing:")
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for p in problems:
            it = QListWidgetItem(icon, p.message, self.list)
            it.setData(Qt.ItemDataRole.UserRole, p.target)
            it.setToolTip("Go there")
        self.list.show()
        self.hint.show()
        self.list.setCurrentRow(0)
        self.list.setFocus()
        self.submit_button.setEnabled(False)

    @Slot()
    def submit(self) -> None:
        self.submit_button.setEnabled(False)
        show_inline(self.error, None)
        Job(I.submit_investigation, self.ctx.db, self.ctx.actor, investigation_id=self.investigation_id,
            parent=self).success(self._submitted).failure(self._failed).run_in_background()

    def _submitted(self, detail: InvestigationDetail) -> None:
        self.sig_submitted.emit(detail)
        self.done(QDialog.DialogCode.Accepted)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, RuleViolation) and getattr(exc, "targets", None):
            self._show_problems([Problem(m, t) for m, t in zip(exc.problems, exc.targets, strict=False)])
            return
        self.submit_button.setEnabled(True)
        show_inline(self.error, error_text(exc))

    @Slot(QListWidgetItem)
    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.sig_jump.emit(target)
            self.done(QDialog.DialogCode.Rejected)
