"""The investigator's screen for one investigation.

Candidate header, checklist grouped by section with status icons and overall progress, the
selected item's form (attestations, status, reason, what was searched, notes — every text screened),
the item's findings with their validation, the accounts found, and Submit.

Every service call runs in a :class:`~ui.jobs.Job`; the view keeps a frozen
:class:`~vetting.services.views.InvestigationDetail` and never an ORM object. The item form keeps
the :class:`ItemResultView` it was loaded from (``_form_item``) so that a save carries the version
the investigator saw and a change from another workstation is refused instead of overwritten.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEventLoop, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.accounts_panel import AccountsPanel
from ui.context import AppContext
from ui.finding_editor import FindingEditor
from ui.icons import icon as app_icon
from ui.jobs import Job, error_text
from ui.screened_text import ScreenedTextEdit, status_label, undecided_problem
from ui.search_plan_panel import SearchPlanPanel
from ui.submit_dialog import SubmitDialog
from ui.validation_panel import VALIDATION_LABELS, ValidationPanel, inline_error_label, show_inline
from vetting.errors import ConflictError
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services import templates as T
from vetting.services.search_plans import RUN_STATUSES
from vetting.services.views import CategoryInfo, FindingView, InvestigationDetail, ItemResultView

ITEM_STATUS_LABELS = {
    "pending": "Not done yet",
    "no_findings": "No findings",
    "findings_recorded": "Findings recorded",
    "not_applicable": "Not applicable",
    "unable_to_complete": "Unable to complete",
}
#: Short forms for the checklist's narrow status column (the full label is in the tooltip).
ITEM_STATUS_SHORT = {
    "pending": "Not done",
    "no_findings": "No findings",
    "findings_recorded": "Findings",
    "not_applicable": "N/A",
    "unable_to_complete": "Unable",
}
REASON_REQUIRED = {"not_applicable", "unable_to_complete"}
SEARCHED_REQUIRED = {"no_findings", "findings_recorded"}
#: A review item (the template says it takes no findings) is done, not searched.
REVIEW_STATUS_LABELS = {
    "pending": "Not done yet",
    "no_findings": "Done (reviewed)",
    "not_applicable": "Not applicable",
    "unable_to_complete": "Unable to complete",
}
REVIEW_STATUS_SHORT = {**ITEM_STATUS_SHORT, "no_findings": "Done"}


def item_status_labels(it: ItemResultView) -> tuple[dict[str, str], dict[str, str]]:
    """(full, short) status labels for the item's kind: searched item or review item."""
    return (REVIEW_STATUS_LABELS, REVIEW_STATUS_SHORT) if it.is_review else (ITEM_STATUS_LABELS, ITEM_STATUS_SHORT)
INVESTIGATION_STATUS_LABELS = {
    "open": "Open", "returned": "Returned for changes", "submitted": "Submitted — awaiting review",
    "approved": "Approved (locked)", "closed": "Closed", "purged": "Purged",
}
MSG_NEED_SEARCHED = ("Say what was searched (names, usernames, search terms, sites) before completing the item as "
                     "searched.")
#: The kind of a finding inside a sentence ("Delete the finding of concern from …").
KIND_PHRASES = {"concern": "finding of concern", "mitigating": "mitigating finding"}
KIND_LABELS = {"concern": "Of concern", "mitigating": "Mitigating"}
ROLE_ID = Qt.ItemDataRole.UserRole


# ---------------------------------------------------------------------- icons (shape + colour)

def _icon(colour: str, glyph: str, *, hollow: bool = False) -> QIcon:
    """A round status badge whose *shape* also carries the meaning (not colour alone)."""
    size = 32
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    c = QColor(colour)
    rect = QRectF(2, 2, size - 4, size - 4)
    if hollow:
        p.setPen(QPen(c, 3))
        p.setBrush(Qt.BrushStyle.NoBrush)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QBrush(c))
    p.drawEllipse(rect)
    pen = QPen(QColor("white") if not hollow else c, 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    path = QPainterPath()
    if glyph == "check":
        path.moveTo(9, 17)
        path.lineTo(14, 22)
        path.lineTo(23, 11)
    elif glyph == "dash":
        path.moveTo(10, 16)
        path.lineTo(22, 16)
    elif glyph == "cross":
        path.moveTo(11, 11)
        path.lineTo(21, 21)
        path.moveTo(21, 11)
        path.lineTo(11, 21)
    elif glyph == "bang":
        path.moveTo(16, 8)
        path.lineTo(16, 18)
        path.moveTo(16, 23.5)
        path.lineTo(16, 24)
    elif glyph == "question":
        path.moveTo(12, 12)
        path.cubicTo(12, 6, 21, 6, 21, 12)
        path.cubicTo(21, 16, 16, 15, 16, 19)
        path.moveTo(16, 24)
        path.lineTo(16, 24.5)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(path)
    p.end()
    return QIcon(pm)


_ICONS: dict[str, QIcon] = {}


def status_icon(status: str) -> QIcon:
    if not _ICONS:
        _ICONS.update({
            "pending": _icon("#7a7a7a", "", hollow=True),
            "no_findings": _icon("#2e7d32", "check"),
            "findings_recorded": _icon("#1f5fae", "bang"),
            "not_applicable": _icon("#6d6d6d", "dash"),
            "unable_to_complete": _icon("#b26a00", "cross"),
            "unvalidated": _icon("#b26a00", "question"),
            "validated": _icon("#2e7d32", "check"),
            "unable_to_validate": _icon("#6d6d6d", "dash"),
            "refuted": _icon("#a40000", "cross"),
        })
    return _ICONS.get(status, _ICONS["pending"])


class ReadOnlyBanner(QFrame):
    """A notice with the drawn padlock icon (the UI font has no padlock glyph) and wrapped text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet("QFrame#readOnlyBanner { background: #fff4ce; border: 1px solid #d9b84a; "
                           "border-radius: 3px; } QFrame#readOnlyBanner QLabel { color: #4d3800; "
                           "font-weight: 600; background: transparent; border: none; }")
        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(app_icon("lock").pixmap(18, 18))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text_label = QLabel(self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAccessibleName("Read-only notice")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 5, 8, 5)
        lay.setSpacing(8)
        lay.addWidget(self.icon_label)
        lay.addWidget(self.text_label, 1)

    def text(self) -> str:
        return self.text_label.text()

    def setText(self, text: str) -> None:
        self.text_label.setText(text)


class _ToggleLabel(QLabel):
    """The wrapped text of a check box: a click on it toggles the box, as a check box's own text does."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._box = box
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.button() == Qt.MouseButton.LeftButton and self._box.isEnabled() and self.rect().contains(
                event.position().toPoint()):
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


def wrapping_check_box(text: str, parent: QWidget | None = None) -> tuple[QWidget, QCheckBox]:
    """A check box whose text wraps (a long attestation must not widen the form past a laptop screen).

    Returns the row to put in a layout and the check box (which has the focus and the accessible name).
    """
    row = QWidget(parent)
    lay = QHBoxLayout(row)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(4)
    box = QCheckBox(row)
    label = _ToggleLabel(text, box, row)
    box.setToolTip(text)
    lay.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    lay.addWidget(label, 1)
    box.label = label  # type: ignore[attr-defined]
    return row, box


def _muted(label: QLabel) -> QLabel:
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


class InvestigationView(QWidget):
    """One investigation: header, checklist, item editor, findings, accounts, submit.

    Thread: GUI thread. Service calls run in background jobs; ``sig_changed(investigation_id)``
    is emitted after every successful change.
    """

    sig_changed = Signal(int)  # investigation id, emitted after any successful change
    sig_loaded = Signal()  # a fresh InvestigationDetail was applied

    def __init__(self, ctx: AppContext, investigation_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.investigation_id = investigation_id
        self.detail: InvestigationDetail | None = None
        self.categories: list[CategoryInfo] = []
        self._form_item: ItemResultView | None = None  # what the item form was loaded from
        self._loading_form = False
        self._saving = False
        self._editable = False
        self._pending_jump: str | None = None
        self._rebase_item_id: int | None = None
        self._force_form_reload = False
        self._load_job: Job | None = None
        self.setObjectName("investigationView")
        self._build()
        self.reload()
        Job(T.list_concern_categories, ctx.db, ctx.actor, parent=self) \
            .success(self._set_categories).failure(lambda _e: None).run_in_background()

    # ================================================================== construction

    def _build(self) -> None:
        self.banner = ReadOnlyBanner(self)
        self.banner.hide()
        self.load_error = inline_error_label(self)

        # ---- header
        header = QFrame(self)
        header.setObjectName("candidateHeader")
        header.setFrameShape(QFrame.Shape.StyledPanel)
        self.name_label = QLabel("Loading investigation…", header)
        f = self.name_label.font()
        f.setPointSizeF(f.pointSizeF() * 1.5)
        f.setBold(True)
        self.name_label.setFont(f)
        self.name_label.setAccessibleName("Candidate name")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.identity_label = QLabel(header)
        self.identity_label.setWordWrap(True)
        self.identity_label.setTextFormat(Qt.TextFormat.RichText)
        self.identity_label.setAccessibleName("Candidate aliases and disclosed identifiers")
        self.case_label = _muted(QLabel(header))
        self.case_label.setWordWrap(True)
        self.case_label.setAccessibleName("Investigation number, position, hiring process and checklist")
        self.case_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel(header)
        self.status_label.setObjectName("investigationStatus")
        self.status_label.setAccessibleName("Investigation status")
        self.status_label.setStyleSheet("QLabel#investigationStatus { border: 1px solid palette(mid); "
                                        "border-radius: 3px; padding: 2px 8px; font-weight: 600; }")
        self.progress = QProgressBar(header)
        self.progress.setAccessibleName("Checklist progress")
        self.progress.setFormat("%v of %m items done")
        self.progress.setMinimumWidth(220)
        self.progress.setTextVisible(True)
        self.submit_button = QPushButton("Su&bmit for review…", header)
        self.submit_button.setAccessibleName("Submit for review")
        self.submit_button.setToolTip("Check what is missing and submit the investigation to a supervisor.")
        self.submit_button.clicked.connect(self.open_submit)
        hl = QHBoxLayout(header)
        left = QVBoxLayout()
        left.addWidget(self.name_label)
        left.addWidget(self.identity_label)
        left.addWidget(self.case_label)
        hl.addLayout(left, 1)
        right = QVBoxLayout()
        srow = QHBoxLayout()
        srow.addStretch(1)
        srow.addWidget(self.status_label)
        right.addLayout(srow)
        right.addWidget(self.progress)
        brow = QHBoxLayout()
        brow.addStretch(1)
        brow.addWidget(self.submit_button)
        right.addLayout(brow)
        hl.addLayout(right)

        # ---- checklist
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("checklist")
        self.tree.setAccessibleName("Checklist")
        self.tree.setHeaderLabels(["Checklist item", "Status"])
        self.tree.setRootIsDecorated(False)
        self.tree.setIconSize(QSize(18, 18))
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setIndentation(12)
        self.tree.setMinimumWidth(250)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._tree_current_changed)

        # ---- item form
        self.item_title = QLabel(self)
        tf = self.item_title.font()
        tf.setPointSizeF(tf.pointSizeF() * 1.25)
        tf.setBold(True)
        self.item_title.setFont(tf)
        self.item_title.setWordWrap(True)
        self.item_section = _muted(QLabel(self))
        self.instruction = QLabel(self)
        self.instruction.setObjectName("instruction")
        self.instruction.setWordWrap(True)
        self.instruction.setAccessibleName("Instruction")
        self.instruction.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.instruction.setStyleSheet("QLabel#instruction { background: palette(alternate-base); border-left: 4px "
                                       "solid #1f5fae; padding: 6px 8px; }")
        self.attest_box = QGroupBox("Lawful methods — confirm before completing the item", self)
        self.attest_layout = QVBoxLayout(self.attest_box)
        self.attest_layout.setSpacing(2)
        self.attest_layout.setContentsMargins(8, 4, 8, 4)
        self.attest_checks: dict[str, QCheckBox] = {}
        self._attest_rows: list[QWidget] = []
        self.plan = SearchPlanPanel(self.ctx, self)
        self.plan.sig_item_changed.connect(self._plan_changed)
        self._auto_searched = ""  # the last 'What was searched' text filled from the plan

        self.status_combo = QComboBox(self)
        self.status_combo.setAccessibleName("Item status")
        self._fill_status_combo(ITEM_STATUS_LABELS)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.reason = ScreenedTextEdit(self.ctx, self, accessible_name="Reason",
                                       placeholder="Why the item does not apply or could not be completed.")
        self.reason.setMaximumHeight(80)
        self.reason_label = QLabel("Reaso&n:", self)
        self.reason_label.setBuddy(self.reason)
        self.reason_hint = _muted(QLabel(self))
        self.reason_hint.setWordWrap(True)
        self.searched = ScreenedTextEdit(self.ctx, self, accessible_name="What was searched",
                                         placeholder="Names, usernames, e-mail addresses and search terms used; "
                                                     "sites and dates.")
        self.searched.setMaximumHeight(70)
        self.notes = ScreenedTextEdit(self.ctx, self, accessible_name="Notes",
                                      placeholder="Anything the reviewer should know about this item.")
        self.notes.setMaximumHeight(70)
        for ed in (self.reason, self.searched, self.notes):
            ed.textChanged.connect(self._form_changed)
            ed.sig_review_changed.connect(self._form_changed)
        self.reason.textChanged.connect(self._update_reason_hint)

        form = QFormLayout()
        self.outcome_form = form
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Outcome:", self.status_combo)
        form.addRow(self.reason_label, self.reason)
        form.addRow("", self.reason_hint)
        form.addRow("What was s&earched:", self.searched)
        form.addRow("", status_label(self.searched, self))
        form.addRow("No&tes:", self.notes)
        form.addRow("", status_label(self.notes, self))
        self.outcome_box = QGroupBox("Outcome", self)
        self.outcome_box.setLayout(form)

        self.item_error = inline_error_label(self)
        self.reload_item_button = QPushButton("Reload this item (discard my changes)", self)
        self.reload_item_button.hide()
        self.reload_item_button.clicked.connect(self._reload_discarding)
        self.completed_label = _muted(QLabel(self))
        self.save_button = QPushButton("&Save item", self)
        self.save_button.setAccessibleName("Save item")
        self.save_button.setToolTip("Save this item (Ctrl+S). Texts are screened and stored redacted.")
        self.save_button.clicked.connect(lambda: self.save_item())
        save_row = QHBoxLayout()
        save_row.addWidget(self.completed_label, 1)
        save_row.addWidget(self.reload_item_button)
        save_row.addWidget(self.save_button)

        item_page = QWidget(self)
        il = QVBoxLayout(item_page)
        il.addWidget(self.item_section)
        il.addWidget(self.item_title)
        il.addWidget(self.instruction)
        il.addWidget(self.attest_box)
        il.addWidget(self.plan)
        il.addWidget(self.outcome_box)
        il.addStretch(1)
        self.item_scroll = QScrollArea(self)
        self.item_scroll.setWidgetResizable(True)
        self.item_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.item_scroll.setWidget(item_page)
        # The error and the Save button stay in view below the scrolling form.
        item_pane = QWidget(self)
        ipl = QVBoxLayout(item_pane)
        ipl.setContentsMargins(0, 0, 0, 6)
        ipl.setSpacing(4)
        save_row.setContentsMargins(9, 0, 9, 0)
        ipl.addWidget(self.item_scroll, 1)
        ipl.addWidget(self.item_error)
        ipl.addLayout(save_row)

        # ---- findings of the item
        self.findings_box = QGroupBox("Findings under this item", self)
        self.findings = QTreeWidget(self.findings_box)
        self.findings.setObjectName("findingsList")
        self.findings.setAccessibleName("Findings under this item")
        self.findings.setHeaderLabels(["Validation", "Kind", "Platform", "Posted", "Text as stored (redacted)"])
        self.findings.setRootIsDecorated(False)
        self.findings.setAlternatingRowColors(True)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for c in range(4):
            self.findings.header().setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        # The text takes what is left and is cut short ("…"): the full text is in the tooltip and the editor.
        self.findings.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.findings.header().setStretchLastSection(True)
        self.findings.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.findings.currentItemChanged.connect(self._finding_current_changed)
        self.findings.itemActivated.connect(lambda *_: self.edit_finding())
        self.new_finding_button = QPushButton("Ne&w finding…", self.findings_box)
        self.new_finding_button.setAccessibleName("New finding")
        self.new_finding_button.setToolTip("Record a post found under this item (Ctrl+N).")
        self.edit_finding_button = QPushButton("E&dit…", self.findings_box)
        self.edit_finding_button.setAccessibleName("Edit finding")
        self.delete_finding_button = QPushButton("De&lete", self.findings_box)
        self.delete_finding_button.setAccessibleName("Delete finding")
        self.new_finding_button.clicked.connect(self.new_finding)
        self.edit_finding_button.clicked.connect(self.edit_finding)
        self.delete_finding_button.clicked.connect(self.delete_finding)
        self.findings_hint = _muted(QLabel(self.findings_box))
        self.findings_hint.setWordWrap(True)
        self.validation = ValidationPanel(self.ctx, self.findings_box)
        self.validation.sig_saved.connect(self._validation_saved)
        fl = QVBoxLayout()
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.findings, 1)
        brow = QHBoxLayout()
        brow.addWidget(self.new_finding_button)
        brow.addWidget(self.edit_finding_button)
        brow.addWidget(self.delete_finding_button)
        brow.addStretch(1)
        fl.addLayout(brow)
        fl.addWidget(self.findings_hint)
        list_part = QWidget(self.findings_box)
        list_part.setLayout(fl)
        # Findings and their validation have a tab of their own, list above validation, so that on a
        # laptop screen the validation's note and Save are in view without scrolling. The validation
        # form still scrolls (vertically only) inside its own area when the window is very low.
        self.validation_scroll = QScrollArea(self.findings_box)
        self.validation_scroll.setObjectName("validationScroll")
        self.validation_scroll.setWidgetResizable(True)
        self.validation_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.validation_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.validation_scroll.setWidget(self.validation)
        self.validation_scroll.setMinimumHeight(120)
        finding_split = QSplitter(Qt.Orientation.Vertical, self.findings_box)
        finding_split.setObjectName("findingSplitter")
        finding_split.addWidget(list_part)
        finding_split.addWidget(self.validation_scroll)
        finding_split.setChildrenCollapsible(False)
        finding_split.setStretchFactor(0, 1)
        finding_split.setStretchFactor(1, 0)
        self.finding_split = finding_split
        fbl = QVBoxLayout(self.findings_box)
        fbl.addWidget(finding_split)

        self.accounts = AccountsPanel(self.ctx, self)
        self.accounts.sig_changed.connect(self._changed_elsewhere)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Item, findings and accounts")
        self.tabs.addTab(item_pane, "Chec&klist item")
        self.findings_tab = self.tabs.addTab(self.findings_box, "Findin&gs")
        self.accounts_tab = self.tabs.addTab(self.accounts, "Accounts found")

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("investigationSplitter")
        split.addWidget(self.tree)
        split.addWidget(self.tabs)
        # The checklist keeps its width when the window grows; the item form takes the rest.
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([310, 1000])
        split.setChildrenCollapsible(False)
        self.splitter = split

        lay = QVBoxLayout(self)
        lay.addWidget(self.banner)
        lay.addWidget(self.load_error)
        lay.addWidget(header)
        lay.addWidget(split, 1)

        ctx_shortcut = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._shortcut_save, context=ctx_shortcut)
        QShortcut(QKeySequence.StandardKey.New, self, activated=self.new_finding, context=ctx_shortcut)

        for area in (self.item_scroll, self.validation_scroll):
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # containers: the controls inside take the focus
        self._set_inputs_enabled(False)

    # ================================================================== public interface

    def has_unsaved_changes(self) -> bool:
        return self._item_dirty() or self.validation.is_dirty() or self._editor_dirty()

    def _open_editor_dialog(self) -> FindingEditor | None:
        dlg = getattr(self, "finding_editor", None)
        if dlg is None or not shiboken6.isValid(dlg) or not dlg.isVisible():
            return None
        return dlg

    def _editor_dirty(self) -> bool:
        dlg = self._open_editor_dialog()
        return bool(dlg and dlg.is_dirty())

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel when something is unsaved. Returns False on Cancel or when
        saving failed (the failure is shown; the input is kept)."""
        if not self.has_unsaved_changes():
            return True
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Discard:
            self._discard()
            dlg = self._open_editor_dialog()
            if dlg is not None:
                dlg.done(0)
            return True
        dlg = self._open_editor_dialog()
        if dlg is not None and dlg.is_dirty():
            # An open finding editor saves first; it closes itself when the finding is stored.
            wait = QEventLoop(self)
            dlg.finished.connect(wait.quit)
            dlg.save()
            if dlg.isVisible() and dlg._saving:
                wait.exec()
            if dlg.result_view is None:
                return False
        loop = QEventLoop(self)
        result: list[bool] = []

        def done(ok: bool) -> None:
            result.append(ok)
            loop.quit()

        self._save_all(done)
        if not result:
            loop.exec()
        return bool(result and result[0])

    @Slot()
    def reload(self) -> None:
        """Fetch the investigation again; unsaved input in the forms is kept."""
        self._load_job = Job(I.get_investigation, self.ctx.db, self.ctx.actor,
                             investigation_id=self.investigation_id, parent=self) \
            .success(self._apply_detail).failure(self._load_failed)
        self._load_job.run_in_background()

    def current_item_id(self) -> int | None:
        return self._form_item.id if self._form_item else None

    def current_finding_id(self) -> int | None:
        it = self.findings.currentItem()
        return it.data(0, ROLE_ID) if it else None

    def is_editable(self) -> bool:
        return self._editable

    # ================================================================== loading

    def _set_categories(self, cats: list[CategoryInfo]) -> None:
        self.categories = list(cats)

    def _load_failed(self, exc: BaseException) -> None:
        show_inline(self.load_error, error_text(exc))
        if self.detail is None:
            self.name_label.setText("The investigation could not be opened")

    def _apply_detail(self, d: InvestigationDetail) -> None:
        show_inline(self.load_error, None)
        self.detail = d
        actor = self.ctx.actor
        self._editable = bool(d.editable and actor is not None and actor.role == "investigator"
                              and actor.user_id == d.investigator_id)
        self._update_header(d)
        self._fill_tree(d)
        self.accounts.set_accounts(d.id, d.accounts, self._editable)
        self.tabs.setTabText(self.accounts_tab, f"A&ccounts found ({len(d.accounts)})")
        # Which item to show: the pending jump, the current one, or the first that needs work.
        target_id = self._form_item.id if self._form_item else None
        if target_id is None or not any(i.id == target_id for i in d.items):
            target_id = next((i.id for i in d.items if not i.terminal), d.items[0].id if d.items else None)
        fresh = next((i for i in d.items if i.id == target_id), None)
        if fresh is not None:
            if self._rebase_item_id == fresh.id and self._item_dirty():
                # Our own finding change bumped the item's version; keep the investigator's input.
                self._form_item = fresh
            elif not self._item_dirty() or self._force_form_reload:
                self._load_item(fresh)
        self._rebase_item_id = None
        self._force_form_reload = False
        self._select_tree_item(target_id)
        self._fill_findings()
        self._set_inputs_enabled(True)
        if self._pending_jump:
            target, self._pending_jump = self._pending_jump, None
            self.jump_to(target)
        self.sig_loaded.emit()

    def _update_header(self, d: InvestigationDetail) -> None:
        c = d.candidate
        self.name_label.setText(c.full_name)
        parts = []
        esc = _html_escape
        if c.aliases:
            parts.append("<b>Also known as:</b> " + esc(", ".join(c.aliases)))
        if c.emails:
            parts.append("<b>E-mail:</b> " + esc(", ".join(c.emails)))
        if c.usernames:
            parts.append("<b>Usernames:</b> " + esc(", ".join(c.usernames)))
        if c.places:
            parts.append("<b>Lived in:</b> " + esc(", ".join(c.places)))
        self.identity_label.setText(" &nbsp;·&nbsp; ".join(parts) or "No aliases or identifiers disclosed.")
        # The number is what `vetting report ID` and `vetting export` ask for.
        self.case_label.setText(f"Investigation no. {d.id} · {d.position_title} — {d.process_name} · "
                                f"Checklist: {d.template.label} · "
                                f"Investigator: {d.investigator}")
        self.status_label.setText(INVESTIGATION_STATUS_LABELS.get(d.status, d.status))
        self.progress.setMaximum(max(1, len(d.items)))
        self.progress.setValue(d.items_done)
        self.progress.setToolTip(f"{d.items_done} of {len(d.items)} checklist items have an outcome")
        if not self._editable:
            actor = self.ctx.actor
            if not d.editable:
                why = (f"This investigation is {INVESTIGATION_STATUS_LABELS.get(d.status, d.status).lower()} and "
                       "read-only.")
                why += (" A supervisor can return it to you for changes." if d.status == "submitted" else
                        " A supervisor can reopen it with a reason." if d.status in ("approved", "closed") else "")
            elif actor is None or actor.user_id != d.investigator_id:
                why = f"Read-only: this investigation is assigned to {d.investigator}; only they can change it."
            else:
                why = "Read-only."
            self.banner.setText(why)
            self.banner.show()
        else:
            self.banner.hide()
        self.submit_button.setEnabled(self._editable)

    def _fill_tree(self, d: InvestigationDetail) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        section_item: QTreeWidgetItem | None = None
        section_title = None
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for it in d.items:
            if it.section != section_title or section_item is None:
                section_title = it.section
                section_item = QTreeWidgetItem(self.tree, [it.section, ""])
                section_item.setFont(0, bold)
                section_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                section_item.setFirstColumnSpanned(True)
                section_item.setExpanded(True)
            row = QTreeWidgetItem(section_item, [f"{it.position}. {it.title}", ""])
            row.setData(0, ROLE_ID, it.id)
            self._decorate_row(row, it)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        # Counts per section in the section header.
        for s in range(self.tree.topLevelItemCount()):
            sec = self.tree.topLevelItem(s)
            done = sum(1 for k in range(sec.childCount())
                       if self._item_by_id(sec.child(k).data(0, ROLE_ID)).terminal)
            sec.setText(0, f"{sec.text(0).split('  (')[0]}  ({done}/{sec.childCount()})")

    def _decorate_row(self, row: QTreeWidgetItem, it: ItemResultView) -> None:
        n = sum(1 for f in (self.detail.findings if self.detail else ()) if f.item_result_id == it.id)
        labels, shorts = item_status_labels(it)
        label = labels.get(it.status, it.status)
        short = shorts.get(it.status, label)
        if n:
            label += f" · {n} finding{'s' if n != 1 else ''}"
            short += f" ({n})"
        row.setIcon(1, status_icon(it.status))
        row.setText(1, short)
        # Titles may be elided in the narrow pane: the tooltip always has the full title and status.
        tip = f"{it.position}. {it.title}\nStatus: {label}"
        if it.instruction:
            tip += f"\n\n{it.instruction}"
        row.setToolTip(0, tip)
        row.setToolTip(1, tip)
        row.setData(1, Qt.ItemDataRole.AccessibleTextRole, label)

    def _item_by_id(self, item_id: int | None) -> ItemResultView | None:
        if self.detail is None:
            return None
        return next((i for i in self.detail.items if i.id == item_id), None)

    def _tree_row(self, item_id: int) -> QTreeWidgetItem | None:
        for s in range(self.tree.topLevelItemCount()):
            sec = self.tree.topLevelItem(s)
            for k in range(sec.childCount()):
                if sec.child(k).data(0, ROLE_ID) == item_id:
                    return sec.child(k)
        return None

    def _select_tree_item(self, item_id: int | None) -> None:
        row = self._tree_row(item_id) if item_id is not None else None
        self.tree.blockSignals(True)
        if row is not None:
            self.tree.setCurrentItem(row)
            self.tree.scrollToItem(row)
        self.tree.blockSignals(False)

    # ================================================================== item form

    def _load_item(self, it: ItemResultView) -> None:
        """Show ``it`` in the form (discarding whatever the form held)."""
        assert self.detail is not None
        self._loading_form = True
        self._form_item = it
        self.item_section.setText(it.section.upper())
        self.item_title.setText(f"{it.position}. {it.title}")
        self.instruction.setText(it.instruction or "No instruction.")
        # Attestations: texts come from the template version the process pinned.
        texts = {a.key: a.text for a in self.detail.template.attestations}
        for row in self._attest_rows:
            self.attest_layout.removeWidget(row)
            row.hide()  # hidden: Tab skips it until it is deleted
            row.deleteLater()
        self.attest_checks = {}
        self._attest_rows = []
        for key in it.required_attestations:
            row, cb = wrapping_check_box(texts.get(key, key), self.attest_box)
            cb.setAccessibleName(f"Attestation: {texts.get(key, key)}")
            cb.setChecked(key in it.attestations_confirmed)
            cb.toggled.connect(self._form_changed)
            self.attest_layout.addWidget(row)
            row.show()  # at once (a layout shows a new child only later, and Tab would skip it)
            self.attest_checks[key] = cb
            self._attest_rows.append(row)
        self.attest_box.setVisible(bool(it.required_attestations))
        self._fill_status_combo(item_status_labels(it)[0])
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(it.status)))
        # "What was searched" belongs to searched items only (rows 3 and 4 of the outcome form).
        self.outcome_form.setRowVisible(3, not it.is_review)
        self.outcome_form.setRowVisible(4, not it.is_review)
        self.reason.set_original_text(it.reason)
        self.searched.set_original_text(it.searched)
        self._auto_searched = it.searched or ""
        self.notes.set_original_text(it.notes)
        self.plan.set_item(it, self._editable)
        self.plan.setVisible(bool(it.queries) or bool(it.platform))
        if it.completed_by and it.completed_at:
            self.completed_label.setText(f"Completed by {it.completed_by}, "
                                         f"{it.completed_at.astimezone():%Y-%m-%d %H:%M}")
        else:
            self.completed_label.setText("")
        show_inline(self.item_error, None)
        self.reload_item_button.hide()
        self.tabs.setTabVisible(self.findings_tab, it.findings_possible)
        self._loading_form = False
        self._status_changed()
        self._set_inputs_enabled(True)

    def _fill_status_combo(self, labels: dict[str, str]) -> None:
        if [self.status_combo.itemData(k) for k in range(self.status_combo.count())] == list(labels) and all(
                self.status_combo.itemText(k) == labels[self.status_combo.itemData(k)]
                for k in range(self.status_combo.count())):
            return
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        for key, label in labels.items():
            self.status_combo.addItem(status_icon(key), label, key)
        self.status_combo.blockSignals(False)

    def tab_chain(self) -> list[QWidget]:
        """Tab goes top to bottom as on the screen, this item's attestations and searches included."""
        v = self.validation
        return [self.tree, self.tabs.tabBar(),
                # the checklist item
                *self.attest_checks.values(), *self.plan.tab_chain(), self.status_combo, self.reason,
                self.searched, self.notes, self.reload_item_button, self.save_button,
                # its findings and their validation
                self.findings, self.new_finding_button, self.edit_finding_button, self.delete_finding_button,
                v.status, *v.method_boxes.values(), v.note, v.save_button,
                # the accounts found
                self.accounts.table, self.accounts.add_button, self.accounts.edit_button,
                self.submit_button]

    def focusNextPrevChild(self, next: bool) -> bool:
        # The check boxes are made anew for every item; rather than re-wiring Qt's focus chain each time
        # (which can cut widgets out of it), Tab follows tab_chain() here and leaves the view at its ends.
        order = [w for w in self.tab_chain() if w.isVisible() and w.isEnabled()
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        current = self.focusWidget()
        if current in order:
            k = order.index(current) + (1 if next else -1)
            if 0 <= k < len(order):
                order[k].setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
                return True
        return super().focusNextPrevChild(next)

    def _item_dirty(self) -> bool:
        it = self._form_item
        if it is None or not self._editable:
            return False
        return (self.status_combo.currentData() != it.status
                or set(self._attestations()) != set(it.attestations_confirmed)
                or any(ed.is_modified() for ed in (self.reason, self.searched, self.notes)))

    def _attestations(self) -> list[str]:
        return [k for k, cb in self.attest_checks.items() if cb.isChecked()]

    @Slot()
    def _status_changed(self, *_a: object) -> None:
        status = self.status_combo.currentData()
        needs = status in REASON_REQUIRED
        self.reason.setEnabled(needs and self._editable)
        # The reason appears only for the outcomes that require it (rows 1 and 2 of the form).
        self.outcome_form.setRowVisible(1, needs)
        self.outcome_form.setRowVisible(2, needs)
        self._update_reason_hint()
        self._form_changed()

    @Slot()
    def _update_reason_hint(self) -> None:
        status = self.status_combo.currentData()
        if status in REASON_REQUIRED:
            if self.reason.original_text().strip():
                self.reason_hint.setText("A reason is required for this outcome.")
                self.reason_hint.setStyleSheet("color: palette(placeholder-text);")
            else:
                self.reason_hint.setText("⚠ Required: say why the item is "
                                         f"{ITEM_STATUS_LABELS[status].lower()}.")
                self.reason_hint.setStyleSheet("color: #a40000;")
        else:
            self.reason_hint.setText("Only needed when the outcome is 'Not applicable' or 'Unable to complete'.")
            self.reason_hint.setStyleSheet("color: palette(placeholder-text);")

    @Slot()
    def _form_changed(self, *_a: object) -> None:
        if self._loading_form:
            return
        if self.item_error.isVisible() and self._item_precheck() is None and not self.reload_item_button.isVisible():
            show_inline(self.item_error, None)
        self.save_button.setEnabled(self._editable and not self._saving)

    def _item_precheck(self) -> str | None:
        it = self._form_item
        if it is None:
            return None
        status = self.status_combo.currentData()
        if status in REASON_REQUIRED and not self.reason.original_text().strip():
            return f"A reason is required when the outcome is '{ITEM_STATUS_LABELS[status]}'."
        if status != "pending":
            missing = [k for k, cb in self.attest_checks.items() if not cb.isChecked()]
            if missing:
                return "Confirm every lawful-methods attestation before completing the item."
        if status in ("no_findings", "findings_recorded") and it.unmarked_queries:
            k = it.unmarked_queries  # first: marking the plan also fills "What was searched"
            return (f"{k} planned search{'es are' if k != 1 else ' is'} not marked yet. Mark each search in the "
                    "search plan before completing the item.")
        ran = any(q.status in RUN_STATUSES for q in it.queries)
        if status in SEARCHED_REQUIRED and not it.is_review and not ran and not self.searched.original_text().strip():
            return MSG_NEED_SEARCHED
        n = sum(1 for f in (self.detail.findings if self.detail else ()) if f.item_result_id == it.id)
        if status == "findings_recorded" and n == 0:
            return "Add at least one finding (New finding…) before choosing 'Findings recorded'."
        if status == "no_findings" and n:
            return f"This item has {n} finding(s); choose 'Findings recorded' or delete them."
        return None

    @Slot(object)
    def _plan_changed(self, view: ItemResultView) -> None:
        """A search was marked or added: keep the form's input, take the new searches, and fill
        'What was searched' from the plan unless the investigator wrote their own text."""
        if self.detail is None:
            return
        self.detail = dataclasses.replace(self.detail, items=tuple(
            dataclasses.replace(i, queries=view.queries) if i.id == view.id else i for i in self.detail.items))
        if self._form_item is not None and self._form_item.id == view.id:
            self._form_item = dataclasses.replace(self._form_item, queries=view.queries)
            current = self.searched.original_text()
            if self._editable and (not current.strip() or current == self._auto_searched):
                self._auto_searched = self.plan.summary_text()
                self.searched.setPlainText(self._auto_searched)
            if self.item_error.isVisible() and self._item_precheck() is None:
                show_inline(self.item_error, None)
        self._notify_changed()

    def save_item(self, then: Callable[[bool], None] | None = None) -> None:
        """Save the item form in the background. ``then(ok)`` runs afterwards on the GUI thread."""
        it = self._form_item
        if it is None or not self._editable or self._saving:
            if then:
                then(False)
            return
        problem = self._item_precheck() or undecided_problem(self.searched, self.notes, self.reason)
        if problem:
            show_inline(self.item_error, problem)
            if then:
                then(False)
            return
        show_inline(self.item_error, None)
        self.reload_item_button.hide()
        status = self.status_combo.currentData()

        def text(ed: ScreenedTextEdit) -> str | None:
            t = ed.original_text()
            return t if t.strip() else None

        self._saving = True
        self.save_button.setEnabled(False)
        self.save_button.setText("Saving…")

        def ok(view: ItemResultView) -> None:
            self._saving = False
            self.save_button.setText("&Save item")
            self._replace_item(view)
            if self._form_item and self._form_item.id == view.id:
                self._load_item(view)  # shows the stored (redacted) texts
            self._notify_changed()
            if then:
                then(True)

        def failed(exc: BaseException) -> None:
            self._saving = False
            self.save_button.setText("&Save item")
            self.save_button.setEnabled(self._editable)
            show_inline(self.item_error, error_text(exc))  # the investigator's input stays in the form
            self.reload_item_button.setVisible(isinstance(exc, ConflictError))
            if then:
                then(False)

        Job(I.update_item, self.ctx.db, self.ctx.actor, item_result_id=it.id, expected_version=it.version,
            status=status, reason=text(self.reason) if status in REASON_REQUIRED else None,
            notes=text(self.notes), searched=text(self.searched), attestations=self._attestations(),
            reviews={"reason": self.reason.review(), "notes": self.notes.review(),
                     "searched": self.searched.review()}, parent=self) \
            .success(ok).failure(failed).run_in_background()

    def _replace_item(self, view: ItemResultView) -> None:
        if self.detail is None:
            return
        items = tuple(view if i.id == view.id else i for i in self.detail.items)
        self.detail = dataclasses.replace(self.detail, items=items)
        row = self._tree_row(view.id)
        if row is not None:
            self._decorate_row(row, view)
        self.progress.setValue(self.detail.items_done)
        self._fill_tree(self.detail)
        self._select_tree_item(self._form_item.id if self._form_item else None)

    def _save_all(self, then: Callable[[bool], None]) -> None:
        """Save the item form and then the validation panel, whichever are dirty."""
        def after_item(ok: bool) -> None:
            if not ok:
                then(False)
            elif self.validation.is_dirty():
                self.validation.save(then)
            else:
                then(True)

        if self._item_dirty():
            self.save_item(after_item)
        else:
            after_item(True)

    def _discard(self) -> None:
        if self._form_item is not None:
            fresh = self._item_by_id(self._form_item.id) or self._form_item
            self._load_item(fresh if fresh.version >= self._form_item.version else self._form_item)
        self.validation.set_finding(self.validation.finding, self._editable)

    @Slot()
    def _reload_discarding(self) -> None:
        answer = QMessageBox.question(
            self, "Reload the item?", "Reload the item as it is now stored? Your unsaved changes to it are "
            "discarded.", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self._force_form_reload = True
            self.reload()

    @Slot()
    def _shortcut_save(self) -> None:
        if self.validation.isAncestorOf(self.focusWidget()) and self.validation.is_dirty():
            self.validation.save()
        elif self._item_dirty():
            self.save_item()
        elif self.validation.is_dirty():
            self.validation.save()

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        what = []
        if self._editor_dirty():
            what.append("the finding being edited")
        if self._item_dirty() and self._form_item:
            what.append(f"the checklist item '{self._form_item.title}'")
        if self.validation.is_dirty():
            what.append("the validation of the selected finding")
        return QMessageBox.question(
            self, "Save your changes?",
            "You changed " + " and ".join(what or ["this investigation"]) + " without saving.\n\n"
            "Save the changes, discard them, or cancel and stay here?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)

    # ================================================================== navigation

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _tree_current_changed(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        item_id = current.data(0, ROLE_ID)
        if item_id is None:  # a section header
            return
        if self._form_item is not None and item_id == self._form_item.id:
            return
        self.select_item(item_id)

    def select_item(self, item_id: int, then: Callable[[bool], None] | None = None) -> None:
        """Show another item; asks to save or discard unsaved changes first. ``then(shown)``."""
        target = self._item_by_id(item_id)
        if target is None:
            if then:
                then(False)
            return
        if self._form_item is not None and self._form_item.id == item_id:
            if then:
                then(True)
            return
        current_id = self._form_item.id if self._form_item else None

        def show() -> None:
            fresh = self._item_by_id(item_id)
            if fresh is not None:
                self._load_item(fresh)
                self._select_tree_item(item_id)
                self._fill_findings()
            if then:
                then(True)

        if not self.has_unsaved_changes():
            show()
            return
        self._select_tree_item(current_id)  # stay put until the question is answered
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Cancel:
            if then:
                then(False)
            return
        if answer == QMessageBox.StandardButton.Discard:
            self._discard()
            show()
            return

        def after(ok: bool) -> None:
            if ok:
                show()
            elif then:
                then(False)

        self._save_all(after)

    def jump_to(self, target: str) -> None:
        """Go to ``"item:ID"`` or ``"finding:ID"`` (targets of submission problems)."""
        kind, _, raw = target.partition(":")
        try:
            ident = int(raw)
        except ValueError:
            return
        if self.detail is None:
            self._pending_jump = target
            return
        self.tabs.setCurrentIndex(0)
        if kind == "item":
            self.select_item(ident, lambda ok: ok and self.tree.setFocus())
        elif kind == "finding":
            f = next((x for x in self.detail.findings if x.id == ident), None)
            if f is None:
                return

            def then(ok: bool) -> None:
                if ok:
                    self.tabs.setCurrentIndex(self.findings_tab)
                    self._select_finding_row(ident)
                    self.validation.status.setFocus()

            self.select_item(f.item_result_id, then)

    @Slot()
    def open_submit(self) -> None:
        if not self._editable:
            return
        if self.has_unsaved_changes() and not self.maybe_save():
            return
        dlg = SubmitDialog(self.ctx, self.investigation_id, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.sig_jump.connect(self.jump_to)
        dlg.sig_submitted.connect(self._submitted)
        self.submit_dialog = dlg
        dlg.open()

    def _submitted(self, detail: InvestigationDetail) -> None:
        self._notify_changed()
        self._apply_detail(detail)

    # ================================================================== findings

    def _item_findings(self) -> list[FindingView]:
        if self.detail is None or self._form_item is None:
            return []
        return [f for f in self.detail.findings if f.item_result_id == self._form_item.id]

    def _fill_findings(self) -> None:
        keep = self.current_finding_id()
        rows = self._item_findings()
        self.findings.blockSignals(True)
        self.findings.clear()
        for f in rows:
            text = " ".join(f.text.split())
            row = QTreeWidgetItem(self.findings, [
                VALIDATION_LABELS.get(f.validation_status, f.validation_status), KIND_LABELS.get(f.kind, f.kind),
                f.platform, f.post_date.isoformat() if f.post_date else "unknown",
                text if len(text) <= 120 else text[:117] + "…"])
            row.setIcon(0, status_icon(f.validation_status))
            row.setData(0, ROLE_ID, f.id)
            row.setToolTip(4, f.text[:2000])
        self.findings.blockSignals(False)
        n = len(rows)
        self.findings_box.setTitle(f"Findings under this item ({n})")
        self.tabs.setTabText(self.findings_tab, f"Findin&gs ({n})")
        if n == 0:
            self.findings_hint.setText("No findings yet. Use New finding (Ctrl+N) to record a post; if you found "
                                       "nothing, choose 'No findings' as the outcome.")
        else:
            unval = sum(1 for f in rows if f.validation_status == "unvalidated")
            self.findings_hint.setText(f"{unval} not yet validated. Select a finding to record its validation."
                                       if unval else "Every finding here has a validation status.")
        if rows:
            target = keep if any(f.id == keep for f in rows) else rows[0].id
            self._select_finding_row(target, force=not self.validation.is_dirty())
        else:
            self.validation.set_finding(None, False)
        self._update_finding_buttons()

    def _select_finding_row(self, finding_id: int, force: bool = True) -> None:
        for k in range(self.findings.topLevelItemCount()):
            row = self.findings.topLevelItem(k)
            if row.data(0, ROLE_ID) == finding_id:
                self.findings.blockSignals(True)
                self.findings.setCurrentItem(row)
                self.findings.blockSignals(False)
                break
        f = self._finding(finding_id)
        if f is not None and (force or self.validation.finding is None or self.validation.finding.id != f.id) or f is not None and self.validation.finding and self.validation.finding.id == f.id and \
                not self.validation.is_dirty():
            self.validation.set_finding(f, self._editable)
        self._update_finding_buttons()

    def _finding(self, finding_id: int | None) -> FindingView | None:
        if self.detail is None or finding_id is None:
            return None
        return next((f for f in self.detail.findings if f.id == finding_id), None)

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _finding_current_changed(self, current: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        if current is None:
            self._update_finding_buttons()
            return
        fid = current.data(0, ROLE_ID)
        if self.validation.finding and self.validation.finding.id == fid:
            return
        if self.validation.is_dirty():
            prev_id = self.validation.finding.id if self.validation.finding else None
            if prev_id is not None:
                self._select_finding_row(prev_id, force=False)
            answer = QMessageBox.question(
                self, "Save the validation?",
                "You changed the validation of the selected finding without saving. Save it, discard it, "
                "or cancel and stay here?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self.validation.save(lambda ok: ok and self._select_finding_row(fid))
                return
        self._select_finding_row(fid)

    def _update_finding_buttons(self) -> None:
        it = self._form_item
        can_add = bool(self._editable and it is not None and it.findings_possible)
        has = self.current_finding_id() is not None
        self.new_finding_button.setEnabled(can_add)
        self.edit_finding_button.setEnabled(self._editable and has)
        self.edit_finding_button.setText("E&dit…" if self._editable else "&Details…")
        self.delete_finding_button.setEnabled(self._editable and has)

    @Slot()
    def new_finding(self) -> FindingEditor | None:
        it = self._form_item
        if self.detail is None or it is None or not self._editable or not it.findings_possible:
            return None
        return self._open_editor(FindingEditor(self.ctx, self.detail, it.id, self.categories, None, self))

    @Slot()
    def edit_finding(self) -> FindingEditor | None:
        f = self._finding(self.current_finding_id())
        if self.detail is None or f is None or not self._editable:
            return None
        return self._open_editor(FindingEditor(self.ctx, self.detail, f.item_result_id, self.categories, f, self))

    def _open_editor(self, dlg: FindingEditor) -> FindingEditor:
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.sig_saved.connect(self._finding_saved)
        dlg.finished.connect(lambda _r: self.findings.setFocus(Qt.FocusReason.OtherFocusReason)
                             if self.tabs.currentIndex() == self.findings_tab else None)
        self.finding_editor = dlg
        dlg.open()
        return dlg

    def _finding_saved(self, view: FindingView) -> None:
        self._rebase_item_id = view.item_result_id
        if self.detail is not None:
            others = tuple(f for f in self.detail.findings if f.id != view.id)
            self.detail = dataclasses.replace(self.detail, findings=others + (view,))
            self._fill_findings()
            self._select_finding_row(view.id)
        self._notify_changed()
        self.reload()

    @Slot()
    def delete_finding(self) -> None:
        f = self._finding(self.current_finding_id())
        if f is None or not self._editable:
            return
        answer = QMessageBox.question(
            self, "Delete the finding?",
            f"Delete the {KIND_PHRASES.get(f.kind, 'finding')} from {f.platform}? Use this only for a finding "
            "recorded in error. The deletion is recorded in the audit log.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def ok(_r: object) -> None:
            self._rebase_item_id = f.item_result_id
            self._notify_changed()
            self.reload()

        Job(F.delete_finding, self.ctx.db, self.ctx.actor, finding_id=f.id, expected_version=f.version,
            parent=self).success(ok).failure(lambda e: show_inline(self.item_error, error_text(e))) \
            .run_in_background()

    def _validation_saved(self, view: FindingView) -> None:
        if self.detail is not None:
            self.detail = dataclasses.replace(
                self.detail, findings=tuple(view if f.id == view.id else f for f in self.detail.findings))
            self._fill_findings()
        self._notify_changed()

    # ================================================================== misc

    @Slot()
    def _changed_elsewhere(self) -> None:
        self._notify_changed()
        self.reload()

    def _notify_changed(self) -> None:
        self.sig_changed.emit(self.investigation_id)
        self.ctx.sig_data_changed.emit("investigation", self.investigation_id)

    def _set_inputs_enabled(self, on: bool) -> None:
        editable = on and self._editable and self._form_item is not None
        for cb in self.attest_checks.values():
            cb.setEnabled(editable)
        self.status_combo.setEnabled(editable)
        for ed in (self.searched, self.notes):
            ed.setReadOnly(not editable)
        self.reason.setReadOnly(not editable)
        self.reason.setEnabled(editable and self.status_combo.currentData() in REASON_REQUIRED)
        self.save_button.setEnabled(editable and not self._saving)
        self.save_button.setVisible(self._editable or self.detail is None)
        self._update_finding_buttons()


def _html_escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)

