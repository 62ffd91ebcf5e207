"""How one finding was validated: status, methods, note (screened), saved with ``set_validation``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.jobs import Job, error_text
from ui.screened_text import ScreenedTextEdit, status_label, undecided_problem
from vetting.services import findings as F
from vetting.services.views import FindingView

VALIDATION_LABELS = {
    "unvalidated": "Not yet validated",
    "validated": "Validated",
    "unable_to_validate": "Unable to validate",
    "refuted": "Refuted",
}
VALIDATION_HELP = {
    "unvalidated": "The investigation cannot be submitted while a finding is not yet validated.",
    "validated": "May be considered in hiring. Needs at least one method and a note.",
    "unable_to_validate": "Will be reported as information that may not be considered. Needs a note.",
    "refuted": "Shown to be false or not the candidate's. Needs a note.",
}

MSG_NEED_METHOD = "To mark the finding validated, choose at least one validation method."
MSG_NEED_NOTE = "Add a note saying how the finding was (or could not be) validated."


def inline_error_label(parent: QWidget | None = None) -> QLabel:
    """A red message line with a warning sign (text + sign, not colour alone); hidden when empty."""
    label = QLabel(parent)
    label.setObjectName("inlineError")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("QLabel#inlineError { color: #a40000; background: #fde8e8; border: 1px solid #e0a0a0;"
                        " border-radius: 3px; padding: 4px 6px; }")
    label.setAccessibleName("Problem")
    label.hide()
    return label


def show_inline(label: QLabel, text: str | None) -> None:
    if text:
        label.setText("⚠ " + text)
        label.show()
    else:
        label.clear()
        label.hide()


class ValidationPanel(QGroupBox):
    """Validation of one finding. Emits ``sig_saved(FindingView)`` after a successful save."""

    sig_saved = Signal(object)
    sig_dirty_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Validation of the selected finding", parent)
        self.ctx = ctx
        self.finding: FindingView | None = None
        self._editable = False
        self._loading = False
        self._saving = False

        self.status = QComboBox(self)
        self.status.setAccessibleName("Validation status")
        for key, label in VALIDATION_LABELS.items():
            self.status.addItem(label, key)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: palette(placeholder-text);")
        self.method_boxes: dict[str, QCheckBox] = {}
        methods = QWidget(self)
        mlay = QVBoxLayout(methods)
        mlay.setContentsMargins(0, 0, 0, 0)
        mlay.setSpacing(2)
        for key, label in F.METHOD_LABELS.items():
            cb = QCheckBox(label, methods)
            cb.setAccessibleName(f"Validation method: {label}")
            self.method_boxes[key] = cb
            mlay.addWidget(cb)
            cb.toggled.connect(self._changed)
        self.note = ScreenedTextEdit(ctx, self, accessible_name="Validation note",
                                     placeholder="How was the finding validated (or why could it not be)?")
        self.note.setMinimumHeight(60)
        self.note.setMaximumHeight(80)
        self.note_status = status_label(self.note, self)
        self.error = inline_error_label(self)
        self.save_button = QPushButton("Save validation", self)
        self.save_button.setAccessibleName("Save validation")
        self.save_button.clicked.connect(lambda: self.save())
        self.saved_label = QLabel(self)
        self.saved_label.setWordWrap(True)
        self.saved_label.setStyleSheet("color: palette(placeholder-text);")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Stat&us:", self.status)
        form.addRow("", self.help)
        form.addRow("Methods:", methods)
        form.addRow("Note:", self.note)
        form.addRow("", self.note_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addLayout(buttons)

        self.status.currentIndexChanged.connect(self._changed)
        self.note.textChanged.connect(self._changed)
        self.note.sig_review_changed.connect(self._changed)
        self.setTabOrder(self.status, next(iter(self.method_boxes.values())))
        prev = next(iter(self.method_boxes.values()))
        for cb in list(self.method_boxes.values())[1:]:
            self.setTabOrder(prev, cb)
            prev = cb
        self.setTabOrder(prev, self.note)
        self.setTabOrder(self.note, self.save_button)
        self.set_finding(None, False)

    # ------------------------------------------------------------------ API

    def set_finding(self, finding: FindingView | None, editable: bool) -> None:
        self._loading = True
        self.finding = finding
        self._editable = editable
        show_inline(self.error, None)
        status = finding.validation_status if finding else "unvalidated"
        self.status.setCurrentIndex(max(0, self.status.findData(status)))
        for key, cb in self.method_boxes.items():
            cb.setChecked(bool(finding) and key in finding.validation_methods)
        self.note.set_original_text(finding.validation_note if finding else "")
        if finding and finding.validated_by:
            when = finding.validated_at.astimezone().strftime("%Y-%m-%d %H:%M") if finding.validated_at else ""
            self.saved_label.setText(f"Recorded by {finding.validated_by} {when}".strip())
        else:
            self.saved_label.setText("" if finding else "Select a finding to record its validation.")
        self._loading = False
        self._update_enabled()
        self._update_help()

    def selected_methods(self) -> list[str]:
        return [k for k, cb in self.method_boxes.items() if cb.isChecked()]

    def is_dirty(self) -> bool:
        f = self.finding
        if f is None or not self._editable:
            return False
        return (self.status.currentData() != f.validation_status
                or set(self.selected_methods()) != set(f.validation_methods)
                or self.note.is_modified())

    def precheck(self) -> str | None:
        """The reason the service would refuse, checked here first so it shows at once."""
        status = self.status.currentData()
        if status == "validated" and not self.selected_methods():
            return MSG_NEED_METHOD
        if status != "unvalidated" and not self.note.original_text().strip():
            return MSG_NEED_NOTE
        return None

    def save(self, on_done: Callable[[bool], None] | None = None) -> None:
        """Store the validation in the background; the result (or the refusal) shows inline."""
        f = self.finding
        if f is None or not self._editable or self._saving:
            if on_done:
                on_done(False)
            return
        problem = self.precheck() or undecided_problem(self.note)
        if problem:
            show_inline(self.error, problem)
            if on_done:
                on_done(False)
            return
        show_inline(self.error, None)
        self._saving = True
        self._update_enabled()

        def ok(view: FindingView) -> None:
            self._saving = False
            self.set_finding(view, self._editable)
            self.sig_saved.emit(view)
            if on_done:
                on_done(True)

        def failed(exc: BaseException) -> None:
            self._saving = False
            self._update_enabled()
            show_inline(self.error, error_text(exc))  # the user's input stays in the widgets
            if on_done:
                on_done(False)

        status = self.status.currentData()
        note = self.note.original_text()
        Job(F.set_validation, self.ctx.db, self.ctx.actor, finding_id=f.id, expected_version=f.version,
            status=status, methods=self.selected_methods() if status != "unvalidated" else [],
            note=note if note.strip() else None, note_review=self.note.review(), parent=self) \
            .success(ok).failure(failed).run_in_background()

    # ------------------------------------------------------------------ internals

    def _update_enabled(self) -> None:
        on = self.finding is not None and self._editable and not self._saving
        for w in (self.status, self.save_button, *self.method_boxes.values()):
            w.setEnabled(on)
        self.note.setReadOnly(not on)
        self.note.setEnabled(self.finding is not None)

    def _update_help(self) -> None:
        self.help.setText(VALIDATION_HELP.get(self.status.currentData(), ""))

    @Slot()
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        self._update_help()
        # A message about the earlier input is stale as soon as the input changes.
        show_inline(self.error, None)
        self.sig_dirty_changed.emit()
