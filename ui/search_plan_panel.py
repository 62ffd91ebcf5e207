"""The search plan of the selected checklist item: the searches the template generates from the
candidate's identifiers, each with Copy, Open in browser and its mark, plus manual extra searches.

The workbench never runs a search: *Copy* puts the query on the clipboard and *Open in browser*
hands the address to the system browser (``QDesktopServices.openUrl``), both only when the
investigator clicks. Marks are saved at once through :mod:`vetting.services.search_plans`; a
*not possible* mark and a manual search take screened text (reason, query).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
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
from ui.validation_panel import inline_error_label, show_inline
from vetting.services import search_plans as S
from vetting.services.views import ItemResultView, QueryView

#: Mark buttons: status -> (button text, accessible name).
MARKS = {
    "nothing_found": ("✓ Run — nothing found", "Run, nothing found"),
    "results_recorded": ("! Run — results recorded", "Run, results recorded"),
    "not_possible": ("✗ Not possible…", "Not possible"),
}


class QueryRow(QFrame):
    """One search: label, query, Copy / Open in browser, and the three marks."""

    sig_mark = Signal(object, str)  # QueryView, status

    def __init__(self, q: QueryView, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = q
        self.setObjectName("queryRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        unmarked = q.planned and q.status is None
        self.setStyleSheet("QFrame#queryRow { border: 1px solid %s; border-radius: 3px; background: %s; } "
                           "QPushButton:checked { border: 2px solid #1f5fae; "
                           "border-radius: 3px; background: #dce8f7; padding: 3px 8px; }"
                           % (("#d4a017", "#fffaf0") if unmarked else ("palette(mid)", "palette(base)")))
        self.label = QLabel(q.label + ("" if q.planned or q.origin == "manual" else " (identifier since changed)"),
                            self)
        self.label.setStyleSheet("color: palette(placeholder-text); border: none; background: transparent;")
        self.text = QLabel(q.query, self)
        self.text.setObjectName("queryText")
        self.text.setAccessibleName("Search query")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        self.text.setStyleSheet("border: none; background: transparent;")
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setAccessibleName("Copy search query")
        self.copy_button.setToolTip("Copy the query to the clipboard.")
        self.copy_button.clicked.connect(self._copy)
        self.open_button = QPushButton("Open in browser", self)
        self.open_button.setAccessibleName("Open search in browser")
        self.open_button.setEnabled(bool(q.url))
        self.open_button.setToolTip(f"Open {q.url} in your web browser." if q.url else
                                    "This search has no address; copy the query into the site's search box.")
        self.open_button.clicked.connect(self._open)
        # Three checkable buttons showing the stored mark; not an exclusive button group, whose
        # unchecked members Tab skips (a keyboard user must reach all three with Tab). The panel
        # sets the checks from the stored marks (_restore_checks, set_item).
        self.mark_buttons: dict[str, QPushButton] = {}
        marks = QHBoxLayout()
        marks.setSpacing(4)
        for status, (text, name) in MARKS.items():
            b = QPushButton(text, self)
            b.setCheckable(True)
            b.setChecked(q.status == status)
            b.setAccessibleName(name)
            b.setEnabled(editable)
            b.clicked.connect(lambda _c=False, st=status: self._clicked(st))
            self.mark_buttons[status] = b
            marks.addWidget(b)
        marks.addStretch(1)
        self.state = QLabel(self)
        self.state.setStyleSheet("border: none; background: transparent;")
        self.state.setWordWrap(True)
        if q.status is None:
            self.state.setText("⚠ Not marked yet")
        else:
            who = f" — {q.marked_by}, {q.marked_at.astimezone():%Y-%m-%d %H:%M}" if q.marked_by and q.marked_at else ""
            self.state.setText(S.query_status_label(q.status) + who + (f". Reason: {q.reason}" if q.reason else ""))
        top = QHBoxLayout()
        top.addWidget(self.text, 1)
        top.addWidget(self.copy_button)
        top.addWidget(self.open_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(2)
        lay.addWidget(self.label)
        lay.addLayout(top)
        lay.addLayout(marks)
        lay.addWidget(self.state)

    def _clicked(self, status: str) -> None:
        for st, b in self.mark_buttons.items():  # one mark shows at a time, as in a radio group
            b.setChecked(st == status)
        self.sig_mark.emit(self.query, status)

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.query.query)

    @Slot()
    def _open(self) -> None:
        if self.query.url:
            QDesktopServices.openUrl(QUrl(self.query.url))


class SearchPlanPanel(QGroupBox):
    """The plan of one item. Emits ``sig_item_changed(ItemResultView)`` after a mark or a manual
    search was stored (the view's queries are current; its status is unchanged)."""

    sig_item_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Search plan — the same searches for every candidate", parent)
        self.setObjectName("searchPlan")
        self.ctx = ctx
        self.item: ItemResultView | None = None
        self.editable = False
        self.rows: list[QueryRow] = []
        self._busy = False
        self._pending_not_possible: QueryView | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Search plan summary")
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(4)

        # "Not possible" needs a reason (screened); shown under the plan when asked for.
        self.reason_box = QGroupBox("Why was the search not possible?", self)
        self.reason_for = QLabel(self.reason_box)
        self.reason_for.setWordWrap(True)
        self.reason_for.setTextFormat(Qt.TextFormat.PlainText)
        self.reason = ScreenedTextEdit(ctx, self.reason_box, accessible_name="Reason the search was not possible",
                                       placeholder="e.g. the site requires signing in to search.")
        self.reason.setMaximumHeight(60)
        self.reason_ok = QPushButton("Record as not possible", self.reason_box)
        self.reason_ok.setAccessibleName("Record as not possible")
        self.reason_ok.clicked.connect(self._save_not_possible)
        self.reason_cancel = QPushButton("Cancel", self.reason_box)
        self.reason_cancel.clicked.connect(self._cancel_not_possible)
        rl = QVBoxLayout(self.reason_box)
        rl.addWidget(self.reason_for)
        rl.addWidget(self.reason)
        rl.addWidget(status_label(self.reason, self.reason_box))
        rb = QHBoxLayout()
        rb.addStretch(1)
        rb.addWidget(self.reason_cancel)
        rb.addWidget(self.reason_ok)
        rl.addLayout(rb)
        self.reason_box.hide()

        # Manual extra search (screened like every text).
        self.manual_box = QGroupBox("Add a search the plan does not have", self)
        self.manual_query = ScreenedTextEdit(ctx, self.manual_box, accessible_name="Manual search",
                                             placeholder="The query or address you searched.")
        self.manual_query.setMaximumHeight(48)
        self.manual_status = QComboBox(self.manual_box)
        self.manual_status.setAccessibleName("Manual search outcome")
        for status in ("nothing_found", "results_recorded", "not_possible"):
            self.manual_status.addItem(S.STATUS_LABELS[status], status)
        self.manual_status.currentIndexChanged.connect(self._manual_status_changed)
        self.manual_reason = ScreenedTextEdit(ctx, self.manual_box, accessible_name="Reason the manual search was "
                                              "not possible", placeholder="Why the search was not possible.")
        self.manual_reason.setMaximumHeight(48)
        self.manual_reason.hide()
        self.manual_add = QPushButton("Add search", self.manual_box)
        self.manual_add.setAccessibleName("Add manual search")
        self.manual_add.clicked.connect(self._add_manual)
        ml = QVBoxLayout(self.manual_box)
        mrow = QHBoxLayout()
        mrow.addWidget(self.manual_query, 1)
        mrow.addWidget(self.manual_status)
        mrow.addWidget(self.manual_add)
        ml.addLayout(mrow)
        ml.addWidget(self.manual_reason)
        ml.addWidget(status_label(self.manual_query, self.manual_box))

        self.error = inline_error_label(self)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(self.rows_box)
        lay.addWidget(self.reason_box)
        lay.addWidget(self.error)
        lay.addWidget(self.manual_box)

    # ------------------------------------------------------------------ public

    def set_item(self, item: ItemResultView | None, editable: bool) -> None:
        """Show ``item``'s searches (keeps typed manual text when the same item is shown again)."""
        same = self.item is not None and item is not None and self.item.id == item.id
        self.item, self.editable = item, editable
        for row in self.rows:
            self.rows_box.removeWidget(row)
            row.deleteLater()
        self.rows = []
        if not same:
            self._cancel_not_possible()
            self.manual_query.set_original_text("")
            show_inline(self.error, None)
        queries = item.queries if item else ()
        for q in queries:
            row = QueryRow(q, editable, self)
            row.sig_mark.connect(self._mark)
            self.rows_box.addWidget(row)
            row.show()  # at once, not on the next event-loop turn: the focus may move to it right away
            self.rows.append(row)
        counts = S.search_counts(queries)
        if counts.planned:
            self.summary.setText(f"{counts.planned - counts.unmarked} of {counts.planned} planned searches marked"
                                 + (f" · {counts.manual} manual" if counts.manual else "")
                                 + (". Mark every planned search before completing the item."
                                    if counts.unmarked and editable else "."))
        else:
            self.summary.setText("The checklist template plans no search for this item with the candidate's "
                                 "identifiers." + (" Add any search you ran below." if editable else ""))
        self.manual_box.setVisible(editable)

    def tab_chain(self) -> list[QWidget]:
        """The panel's controls top to bottom (the item form's Tab order takes them in): each
        search's Copy, Open and marks, the not-possible reason, then the manual search."""
        rows = [w for row in self.rows for w in (row.copy_button, row.open_button, *row.mark_buttons.values())]
        return [*rows, self.reason, self.reason_cancel, self.reason_ok, self.manual_query, self.manual_status,
                self.manual_reason, self.manual_add]

    def summary_text(self) -> str:
        """'What was searched', made from the marked searches."""
        return S.searched_summary(self.item.queries if self.item else ())

    # ------------------------------------------------------------------ marking

    @Slot(object, str)
    def _mark(self, q: QueryView, status: str) -> None:
        if not self.editable or self.item is None:
            return
        if status == "not_possible":
            self._pending_not_possible = q
            self.reason_for.setText(q.query)
            self.reason.set_original_text(q.reason if q.status == "not_possible" else "")
            self.reason_box.show()
            self.reason.setFocus()
            self._restore_checks()
            return
        self._send_mark(q, status)

    def _restore_checks(self) -> None:
        """The buttons show stored marks only (a click is a request until the service agrees)."""
        for row in self.rows:
            for st, b in row.mark_buttons.items():
                b.setChecked(row.query.status == st)

    def _send_mark(self, q: QueryView, status: str, reason: str | None = None, review=None) -> None:  # type: ignore[no-untyped-def]
        assert self.item is not None
        self._busy = True
        Job(S.mark_query, self.ctx.db, self.ctx.actor, item_result_id=self.item.id, plan_key=q.key, query=q.query,
            status=status, reason=reason, review=review, expected_version=q.version, parent=self) \
            .success(self._stored).failure(self._failed).run_in_background()

    @Slot()
    def _save_not_possible(self) -> None:
        q = self._pending_not_possible
        if q is None:
            return
        if not self.reason.original_text().strip():
            show_inline(self.error, "Say why the search was not possible (a reason is required).")
            return
        problem = undecided_problem(self.reason)
        if problem:
            show_inline(self.error, problem)
            return
        self._send_mark(q, "not_possible", self.reason.original_text(), self.reason.review())

    @Slot()
    def _cancel_not_possible(self) -> None:
        self._pending_not_possible = None
        self.reason.set_original_text("")
        self.reason_box.hide()

    @Slot()
    def _manual_status_changed(self) -> None:
        self.manual_reason.setVisible(self.manual_status.currentData() == "not_possible")

    @Slot()
    def _add_manual(self) -> None:
        if not self.editable or self.item is None:
            return
        text = self.manual_query.original_text()
        status = self.manual_status.currentData()
        if not text.strip():
            show_inline(self.error, "Type the search that was run.")
            return
        if status == "not_possible" and not self.manual_reason.original_text().strip():
            show_inline(self.error, "Say why the search was not possible (a reason is required).")
            return
        problem = undecided_problem(self.manual_query, self.manual_reason)
        if problem:
            show_inline(self.error, problem)
            return
        self._busy = True
        reason = self.manual_reason.original_text() if status == "not_possible" else None
        Job(S.add_manual_query, self.ctx.db, self.ctx.actor, item_result_id=self.item.id, query=text, status=status,
            reason=reason, query_review=self.manual_query.review(),
            reason_review=self.manual_reason.review() if reason else None, parent=self) \
            .success(self._manual_stored).failure(self._failed).run_in_background()

    def _manual_stored(self, view: ItemResultView) -> None:
        self.manual_query.set_original_text("")
        self.manual_reason.set_original_text("")
        self._stored(view)

    def _stored(self, view: ItemResultView) -> None:
        self._busy = False
        focused = QApplication.focusWidget()
        had_focus = focused is None or self.isAncestorOf(focused)
        where = next((n for n, row in enumerate(self.rows) if row.isAncestorOf(focused)), None) if focused else None
        self._cancel_not_possible()
        show_inline(self.error, None)
        self.set_item(view, self.editable)
        self.sig_item_changed.emit(view)
        if had_focus:
            self._refocus(where)

    def _refocus(self, where: int | None) -> None:
        """After a mark the rows are rebuilt: keyboard users continue at the next unmarked search
        (its first mark button), or at the row they marked when every search is marked."""
        nxt = next((row for row in self.rows if row.query.planned and row.query.status is None), None)
        if nxt is not None:
            nxt.mark_buttons["nothing_found"].setFocus(Qt.FocusReason.TabFocusReason)
        elif where is not None and where < len(self.rows):
            row = self.rows[where]
            target = next((b for b in row.mark_buttons.values() if b.isChecked()), row.mark_buttons["nothing_found"])
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._restore_checks()
        show_inline(self.error, error_text(exc))

    def is_busy(self) -> bool:
        return self._busy
