"""The main window: navigator of hiring processes and investigations on the left, the selected
investigation on the right; review, uniformity and administration open as tabs, so that the
session lock hides everything at once.

The window holds no ORM objects: the navigator's model is a thin adapter over a Python list of
:class:`~vetting.services.views.InvestigationRow`, filled page by page (100 rows) by background
jobs calling :func:`vetting.services.investigations.list_investigations`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QStatusBar,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext, qsettings
from ui.icons import ROLE_LABELS, icon, investigation_status_icon, investigation_status_label
from ui.jobs import Job, show_error
from ui.screened_text import ScreenedTextEdit, review_status_label
from ui.session_lock import LockScreen, SessionLock, lock_minutes
from ui.signin import (
    APP_TITLE,
    ChangePasswordDialog,
    dialog_layout,
    error_label,
    ok_cancel,
    show_inline_error,
)
from vetting.services import investigations as I
from vetting.services import templates as T
from vetting.services.views import InvestigationRow, ProcessInfo

log = logging.getLogger(__name__)

PAGE_SIZE = 100
NAVIGATOR_SHARE = 0.30  # default share of the window's width for the navigator
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the InvestigationRow
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # investigation id
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # sortable value of the cell
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4  # status code

#: (code, label) of the status filter; a code with commas stands for several statuses.
STATUS_FILTERS = (("", "All statuses"), ("open,returned", "Open or returned (in progress)"), ("open", "Open"),
                  ("returned", "Returned"), ("submitted", "Submitted"), ("approved", "Approved"),
                  ("closed", "Closed"))


# ---------------------------------------------------------------- navigator model


class InvestigationTableModel(QAbstractTableModel):
    """Rows of the navigator. The list is owned here; the navigator fills it from jobs.

    ``sig_fetch_more(offset)`` asks the owner for the next page; the owner answers with
    :meth:`append_page`. While a page is on its way, :meth:`canFetchMore` says no, so the view
    never asks twice.
    """

    sig_fetch_more = Signal(int)

    COLUMNS = ("Candidate", "Hiring process", "Investigator", "Status", "Items\ndone", "To\nvalidate")
    TIPS = ("Candidate's full name (aliases in the tooltip)", "Hiring process", "Assigned investigator",
            "Investigation status", "Checklist items with a final status / all items",
            "Findings still waiting for validation")

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.rows: list[InvestigationRow] = []
        self._has_more = False
        self._loading = False

    # -- data in
    def reset_rows(self, rows: list[InvestigationRow], has_more: bool) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._has_more = has_more
        self._loading = False
        self.endResetModel()

    def append_page(self, rows: list[InvestigationRow], has_more: bool) -> None:
        known = {r.id for r in self.rows}
        fresh = [r for r in rows if r.id not in known]
        self._loading = False
        self._has_more = has_more
        if fresh:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self.rows.extend(fresh)
            self.endInsertRows()

    def page_failed(self) -> None:
        self._loading = False
        self._has_more = False

    def row_of(self, investigation_id: int) -> int:
        return next((n for n, r in enumerate(self.rows) if r.id == investigation_id), -1)

    # -- Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and self._has_more and not self._loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if self.canFetchMore(parent):
            self._loading = True
            self.sig_fetch_more.emit(len(self.rows))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.TIPS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == ROW_ROLE:
            return r
        if role == ID_ROLE:
            return r.id
        if role == STATUS_ROLE:
            return r.status
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.candidate_name, r.process_name, r.investigator, investigation_status_label(r.status),
                    f"{r.items_done} / {r.items_total}", str(r.findings_unvalidated))[col]
        if role == SORT_ROLE:
            ratio = r.items_done / r.items_total if r.items_total else 0.0
            return (r.candidate_name.casefold(), r.process_name.casefold(), r.investigator.casefold(), r.status,
                    ratio, r.findings_unvalidated)[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 3:
            return investigation_status_icon(r.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                return r.candidate_name + (f"\nAlso known as: {', '.join(r.aliases)}" if r.aliases else "")
            if col == 5:
                return f"{r.findings_unvalidated} of {r.findings_total} findings not yet validated"
            if col == 4:
                return f"{r.items_done} of {r.items_total} checklist items have a final status"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        return None


class Navigator(QWidget):
    """Hiring processes, filters and the investigations table.

    Emits ``sig_selected(investigation_id)`` (0 when nothing is selected). The owner may veto a
    change of selection by calling :meth:`select_id` with the previous id.
    """

    sig_selected = Signal(int)
    sig_process_selected = Signal(int)
    sig_rows_shown = Signal()  # a first page was shown (the columns may need more width)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("navigator")
        self._generation = 0
        self._current_id = 0
        self._restoring = False
        self._processes: list[ProcessInfo] = []
        self.loaded_once = False

        self.process_list = QListWidget()
        self.process_list.setObjectName("processList")
        self.process_list.setAccessibleName("Hiring processes")
        self.process_list.currentItemChanged.connect(self._process_changed)
        proc_label = QLabel("Hiring &processes")
        proc_label.setBuddy(self.process_list)
        proc_label.setStyleSheet("font-weight: 600;")

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchBox")
        self.search_edit.setAccessibleName("Search candidates by name or alias")
        self.search_edit.setPlaceholderText("Name or alias (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(300)
        self._search_timer.timeout.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_edit.returnPressed.connect(self.reload)

        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.setAccessibleName("Filter by status")
        for code, label in STATUS_FILTERS:
            if code and "," not in code:
                self.status_combo.addItem(investigation_status_icon(code), label, code)
            else:
                self.status_combo.addItem(label, code)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_combo.setMinimumContentsLength(12)
        self.status_combo.setToolTip("Show only investigations in this status")
        view = self.status_combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)  # the list shows whole labels
        self.status_combo.currentIndexChanged.connect(lambda _i: self.reload())

        self.mine_box = QCheckBox("Assigned to &me")
        self.mine_box.setObjectName("assignedToMe")
        self.mine_box.setAccessibleName("Show only investigations assigned to me")
        if ctx.role == "investigator":
            self.mine_box.setChecked(True)
            self.mine_box.setEnabled(False)
            self.mine_box.setToolTip("Investigators see only the investigations assigned to them.")
        self.mine_box.toggled.connect(lambda _c: self.reload())

        self.model = InvestigationTableModel(self)
        self.model.sig_fetch_more.connect(self._fetch_more)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside)
        self.table.setObjectName("investigationTable")
        self.table.setAccessibleName("Investigations")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # service order (newest first) until asked
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        hh = self.table.horizontalHeader()
        hh.setStretchLastSection(False)
        hh.setMinimumSectionSize(44)
        # Investigators only ever see their own cases: the investigator column says nothing.
        self.table.setColumnHidden(2, ctx.role == "investigator")
        self.update_column_modes()
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setStyleSheet("color: palette(mid);")

        # The search field has a row of its own, so that its placeholder is readable in a narrow pane.
        filters = QVBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(self.search_edit)
        filter_row = QHBoxLayout()
        filter_row.setSpacing(8)
        filter_row.addWidget(self.status_combo, 1)
        filter_row.addWidget(self.mine_box)
        filters.addLayout(filter_row)

        inv_label = QLabel("In&vestigations")
        inv_label.setBuddy(self.table)
        inv_label.setStyleSheet("font-weight: 600;")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.setSpacing(6)
        ll.addWidget(proc_label)
        ll.addWidget(self.process_list)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(6)
        rl.addWidget(inv_label)
        rl.addLayout(filters)
        rl.addWidget(self.table, 1)
        rl.addWidget(self.count_label)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("navigatorSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([110, 640])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 4, 8)
        lay.addWidget(self.splitter)

        self.setTabOrder(self.process_list, self.search_edit)
        self.setTabOrder(self.search_edit, self.status_combo)
        self.setTabOrder(self.status_combo, self.mine_box)
        self.setTabOrder(self.mine_box, self.table)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(100)
        self._reload_timer.timeout.connect(self.reload)

    # -- public
    @property
    def current_id(self) -> int:
        return self._current_id

    @property
    def process_id(self) -> int:
        item = self.process_list.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole) or 0) if item else 0

    #: Columns that may be cut short ("…") when the pane is narrow, least useful first. The
    #: candidate's name and the status are never cut: they are what the navigator is for.
    ELIDABLE_COLUMNS = (2, 1)

    def update_column_modes(self) -> None:
        """Size the columns: name, status and counts to their contents; the first visible elidable
        column (investigator, else hiring process, else the name) takes the remaining width."""
        hh = self.table.horizontalHeader()
        stretch = next((c for c in self.ELIDABLE_COLUMNS if not self.table.isColumnHidden(c)), 0)
        for col in range(self.model.columnCount()):
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch if col == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
        self.updateGeometry()

    def needed_width(self) -> int:
        """Width at which every visible column except the stretching one shows its whole content."""
        hh = self.table.horizontalHeader()
        total = 0
        for col in range(self.model.columnCount()):
            if self.table.isColumnHidden(col):
                continue
            if hh.sectionResizeMode(col) == QHeaderView.ResizeMode.Stretch and col != 0:
                total += 90
            else:
                total += max(self.table.sizeHintForColumn(col), hh.sectionSizeHint(col))
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        margins = self.layout().contentsMargins()
        return total + frame + margins.left() + margins.right()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def schedule_reload(self) -> None:
        """Reload soon (several change notifications in a row cause one reload)."""
        self._reload_timer.start()

    def reload_all(self) -> None:
        self.load_processes()
        self.reload()

    def load_processes(self) -> None:
        Job(T.list_processes, self.ctx.db, self.ctx.actor, parent=self) \
            .success(self._show_processes).run_in_background()

    @Slot()
    def reload(self) -> None:
        """Re-query the first page with the current filters (keeps the selection if still listed)."""
        self._generation += 1
        gen = self._generation
        Job(I.list_investigations, self.ctx.db, self.ctx.actor, parent=self, **self._query(0)) \
            .success(lambda rows: self._show_first_page(gen, rows)) \
            .failure(lambda exc: self._page_failed(gen, exc)).run_in_background()

    def select_id(self, investigation_id: int) -> None:
        """Select a row without announcing it (used to restore or veto a selection)."""
        self._restoring = True
        try:
            self._current_id = investigation_id
            row = self.model.row_of(investigation_id)
            if row < 0:
                self.table.selectionModel().clearSelection()
                self.table.setCurrentIndex(QModelIndex())
                return
            idx = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectionModel().setCurrentIndex(
                idx, self.table.selectionModel().SelectionFlag.ClearAndSelect
                | self.table.selectionModel().SelectionFlag.Rows)
            self.table.scrollTo(idx)
        finally:
            self._restoring = False

    def select_row(self, row: int) -> None:
        """Select a row of the (sorted) view and announce it, as a click would."""
        idx = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, self.table.selectionModel().SelectionFlag.ClearAndSelect | self.table.selectionModel().SelectionFlag.Rows)

    # -- internals
    def _query(self, offset: int) -> dict[str, Any]:
        code = str(self.status_combo.currentData() or "")
        status: str | list[str] | None = code.split(",") if "," in code else (code or None)
        return {
            "status": status,
            "search": self.search_edit.text().strip() or None,
            "process_id": self.process_id or None,
            "assigned_to_me": self.mine_box.isChecked(),
            "limit": PAGE_SIZE,
            "offset": offset,
        }

    def _show_processes(self, processes: list[ProcessInfo]) -> None:
        self._processes = processes
        keep = self.process_id
        self.process_list.blockSignals(True)
        self.process_list.clear()
        total = QListWidgetItem(icon("all"), "All hiring processes")
        total.setData(Qt.ItemDataRole.UserRole, 0)
        self.process_list.addItem(total)
        current = total
        for p in processes:
            item = QListWidgetItem(icon("process"), f"{p.name}  ({p.investigations})")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setToolTip(f"{p.name}\nPosition: {p.position_title}\nChecklist: {p.template_label}\n"
                            f"{p.investigations} investigation(s)")
            self.process_list.addItem(item)
            if p.id == keep:
                current = item
        self.process_list.setCurrentItem(current)
        self.process_list.blockSignals(False)
        self._update_process_column()

    def _update_process_column(self) -> None:
        # With one process selected (or only one in existence) its name in every row is noise, and
        # the candidate column needs the width.
        self.table.setColumnHidden(1, bool(self.process_id) or len(self._processes) < 2)
        self.update_column_modes()

    def _process_changed(self, *_args: object) -> None:
        self._update_process_column()
        self.sig_process_selected.emit(self.process_id)
        self.reload()

    def _show_first_page(self, gen: int, rows: list[InvestigationRow]) -> None:
        if gen != self._generation:
            return  # an older query; a newer one is on its way
        keep = self._current_id
        self.model.reset_rows(rows, has_more=len(rows) == PAGE_SIZE)
        self.loaded_once = True
        self.sig_rows_shown.emit()
        self._update_count()
        if keep:
            if self.model.row_of(keep) >= 0:
                self.select_id(keep)
            else:
                # The open case is filtered out; keep it open but show no selection.
                self.table.selectionModel().clearSelection()

    def _page_failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._generation:
            self.model.page_failed()
            show_error(self, exc, "The investigations could not be listed")

    @Slot(int)
    def _fetch_more(self, offset: int) -> None:
        gen = self._generation
        Job(I.list_investigations, self.ctx.db, self.ctx.actor, parent=self, **self._query(offset)) \
            .success(lambda rows: self._show_more(gen, rows)) \
            .failure(lambda exc: self._page_failed(gen, exc)).run_in_background()

    def _show_more(self, gen: int, rows: list[InvestigationRow]) -> None:
        if gen != self._generation:
            return
        self.model.append_page(rows, has_more=len(rows) == PAGE_SIZE)
        self._update_count()

    def _update_count(self) -> None:
        n = len(self.model.rows)
        more = "+" if self.model.canFetchMore(QModelIndex()) else ""
        self.count_label.setText(f"{n}{more} investigation{'s' if n != 1 else ''} shown")

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._restoring:
            return
        new_id = int(current.data(ID_ROLE) or 0) if current.isValid() else 0
        if new_id == self._current_id or not new_id:
            return
        self._current_id = new_id
        self.sig_selected.emit(new_id)


# ---------------------------------------------------------------- dialogs


def _lines(edit: QPlainTextEdit) -> list[str]:
    """Every line as typed (the service strips and drops blank ones; the review's offsets are
    into the lines joined by line breaks, i.e. the box's text)."""
    return edit.toPlainText().split("\n")


def _small_text(ctx: AppContext, name: str, placeholder: str) -> ScreenedTextEdit:
    """A few lines of identifiers, one per line, screened as identifiers with the usual review."""
    edit = ScreenedTextEdit(ctx, kind="words", accessible_name=name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
    return edit


class NewInvestigationDialog(QDialog):
    """Open a candidate's investigation in a hiring process and assign an investigator
    (supervisors and administrators; the service checks)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, process_id: int = 0) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_id = 0
        self._process_id = process_id
        self.setWindowTitle("New investigation")
        self.setObjectName("newInvestigationDialog")
        self.setMinimumWidth(520)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("candidateName")
        self.name_edit.setAccessibleName("Candidate full name")
        self.aliases_edit = _small_text(ctx, "Aliases", "One per line (maiden name, nickname …)")
        self.aliases_edit.setObjectName("aliases")
        self.emails_edit = _small_text(ctx, "E-mail addresses", "One per line, as disclosed by the candidate")
        self.emails_edit.setObjectName("emails")
        self.usernames_edit = _small_text(ctx, "Usernames", "One per line, as disclosed by the candidate")
        self.usernames_edit.setObjectName("usernames")
        self.places_edit = _small_text(ctx, "Cities or towns lived in", "One per line, as disclosed (used by the "
                                       "search plans, e.g. the name in quotes with the city)")
        self.places_edit.setObjectName("places")
        self.screening_status = review_status_label([self.aliases_edit, self.emails_edit, self.usernames_edit,
                                                     self.places_edit])
        self.process_combo = QComboBox()
        self.process_combo.setObjectName("processCombo")
        self.process_combo.setAccessibleName("Hiring process")
        self.investigator_combo = QComboBox()
        self.investigator_combo.setObjectName("investigatorCombo")
        self.investigator_combo.setAccessibleName("Investigator")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("Candidate's &full name:", self.name_edit)
        form.addRow("&Aliases:", self.aliases_edit)
        form.addRow("&E-mail addresses:", self.emails_edit)
        form.addRow("&Usernames:", self.usernames_edit)
        form.addRow("&Cities lived in:", self.places_edit)
        form.addRow("", self.screening_status)
        form.addRow("Hiring &process:", self.process_combo)
        form.addRow("&Investigator:", self.investigator_combo)
        self.error = error_label("newInvestigationError")
        self.buttons, self.ok_button = ok_cancel(self, self._submit, "&Open investigation")
        self.ok_button.setEnabled(False)
        dialog_layout(self, form, self.error, self.buttons).setSpacing(10)

        from vetting.services import users as U

        Job(T.list_processes, ctx.db, ctx.actor, parent=self).success(self._show_processes).run_in_background()
        Job(U.list_users, ctx.db, ctx.actor, parent=self).success(self._show_users).run_in_background()

    def _show_processes(self, processes: list[ProcessInfo]) -> None:
        for p in processes:
            self.process_combo.addItem(f"{p.name} — {p.position_title}", p.id)
            if p.id == self._process_id:
                self.process_combo.setCurrentIndex(self.process_combo.count() - 1)
        if not processes:
            show_inline_error(self.error, "There is no hiring process yet. Create one first "
                                          "(Investigation ▸ New hiring process…).")
        self._ready()

    def _show_users(self, users) -> None:  # type: ignore[no-untyped-def]
        for u in users:
            if u.role == "investigator" and u.active:
                self.investigator_combo.addItem(f"{u.display_name} ({u.username})", u.id)
        if not self.investigator_combo.count():
            show_inline_error(self.error, "There is no active investigator account. An administrator adds one "
                                          "under Administration ▸ Users.")
        self._ready()

    def _ready(self) -> None:
        self.ok_button.setEnabled(self.process_combo.count() > 0 and self.investigator_combo.count() > 0)

    @Slot()
    def _submit(self) -> None:
        self.ok_button.setEnabled(False)
        show_inline_error(self.error, "")
        Job(I.open_investigation, self.ctx.db, self.ctx.actor, parent=self,
            process_id=self.process_combo.currentData(), investigator_id=self.investigator_combo.currentData(),
            full_name=self.name_edit.text(), aliases=_lines(self.aliases_edit), emails=_lines(self.emails_edit),
            usernames=_lines(self.usernames_edit), places=_lines(self.places_edit),
            reviews={"aliases": self.aliases_edit.review(), "emails": self.emails_edit.review(),
                     "usernames": self.usernames_edit.review(), "places": self.places_edit.review()}) \
            .success(self._created).failure(self._failed).run_in_background()

    def _created(self, detail) -> None:  # type: ignore[no-untyped-def]
        self.created_id = detail.id
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from ui.jobs import error_text

        self._ready()
        show_inline_error(self.error, error_text(exc))


class NewProcessDialog(QDialog):
    """Create a hiring process pinned to one checklist template version."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.created_id = 0
        self.setWindowTitle("New hiring process")
        self.setObjectName("newProcessDialog")
        self.setMinimumWidth(480)
        self.name_edit = QLineEdit()
        self.name_edit.setAccessibleName("Hiring process name")
        self.name_edit.setPlaceholderText("e.g. Police Officer — 2027 spring")
        self.position_edit = QLineEdit()
        self.position_edit.setAccessibleName("Position title")
        self.template_combo = QComboBox()
        self.template_combo.setAccessibleName("Checklist template version")
        note = QLabel("Every investigation in this process uses exactly this checklist version; it cannot "
                      "change later.")
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        form = QFormLayout()
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Position title:", self.position_edit)
        form.addRow("Chec&klist:", self.template_combo)
        form.addRow("", note)
        self.error = error_label("newProcessError")
        buttons, self.ok_button = ok_cancel(self, self._submit, "&Create")
        dialog_layout(self, form, self.error, buttons)
        Job(T.list_template_versions, ctx.db, ctx.actor, parent=self).success(self._show).run_in_background()

    def _show(self, versions) -> None:  # type: ignore[no-untyped-def]
        for v in versions:
            self.template_combo.addItem(v.label + ("  (in use)" if v.in_use else ""), v.id)

    @Slot()
    def _submit(self) -> None:
        self.ok_button.setEnabled(False)
        Job(T.create_process, self.ctx.db, self.ctx.actor, parent=self, name=self.name_edit.text(),
            position_title=self.position_edit.text(), template_version_id=self.template_combo.currentData() or 0) \
            .success(self._created).failure(self._failed).run_in_background()

    def _created(self, info: ProcessInfo) -> None:
        self.created_id = info.id
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        from ui.jobs import error_text

        self.ok_button.setEnabled(True)
        show_inline_error(self.error, error_text(exc))


# ---------------------------------------------------------------- main window


def _placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("placeholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid); font-size: 11pt; padding: 24px;")
    return label


class MainWindow(QMainWindow):
    """The workbench window for one signed-in user.

    Emits ``sig_sign_out`` when the user signs out (after unsaved changes were saved or
    discarded); the application then shows the sign-in dialog again.
    """

    sig_sign_out = Signal()
    sig_closed = Signal()  # closed by the person, not by signing out

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        actor = ctx.actor
        self.setWindowTitle(f"{APP_TITLE} — {actor.display_name if actor else ''}")
        self.view: QWidget | None = None
        self._view_id = 0
        self._signing_out = False
        self._hidden_for_lock: list[QWidget] = []
        self._disabled_for_lock: list[QAction] = []
        self._tab_widgets: dict[str, QWidget] = {}

        # Investigations page: navigator | investigation
        self.navigator = Navigator(ctx)
        self.navigator.sig_selected.connect(self._open_selected)
        self.navigator.sig_rows_shown.connect(self._fit_navigator)
        self.detail_stack = QStackedWidget()
        self.detail_stack.setObjectName("detailStack")
        hint = "Select an investigation on the left."
        if ctx.role in ("supervisor", "administrator"):
            hint += "\n\nTo start a new one: Investigation ▸ New investigation… (Ctrl+Shift+N)."
        self.empty_page = _placeholder(hint)
        self.detail_stack.addWidget(self.empty_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.detail_stack)
        # The investigation gets the width: the navigator keeps its size when the window grows.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self._default_split = False  # set by restore_state when there is no remembered splitter

        self.tabs = QTabWidget()
        self.tabs.setObjectName("workTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.addTab(self.splitter, icon("queue"), "Investigations")
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.LeftSide, None)

        self.lock_screen = LockScreen(ctx)
        self.lock_screen.sig_unlocked.connect(self.unlock)
        self.lock_screen.sig_sign_out.connect(self._sign_out_from_lock)
        self.stack = QStackedWidget()
        self.stack.setObjectName("centralStack")
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self.lock_screen)
        self.setCentralWidget(self.stack)

        self._build_actions()
        self._build_menus()
        self._build_status_bar()

        self.session_lock = SessionLock(lock_minutes(ctx.settings), self)
        self.session_lock.sig_lock.connect(self.lock)

        ctx.sig_engine_ready.connect(self._engine_ready)
        ctx.sig_engine_failed.connect(self._engine_failed)
        ctx.sig_data_changed.connect(self._data_changed)
        if ctx.engine_ready:
            self._engine_ready()
        elif ctx.engine_error:
            self._engine_failed(ctx.engine_error)

        self.resize(1280, 800)
        self.restore_state()
        self.navigator.reload_all()

    # -- construction
    def _action(self, text: str, slot: Callable[[], Any], *, shortcut: QKeySequence | str | None = None,
                icon_name: str = "", tip: str = "", name: str = "") -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon(""), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                              if shortcut else tip)
        action.setObjectName(name or text.replace("&", "").replace("…", "").replace(" ", "_").lower())
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        role = self.ctx.role
        a = self._action
        self.act_lock = a("&Lock", self.lock, shortcut="Ctrl+L", icon_name="lock",
                          tip="Lock the session now", name="action_lock")
        self.act_password = a("Change &password…", self._change_password, tip="Change your own password",
                              name="action_change_password")
        self.act_sign_out = a("Sign &out", self.sign_out, shortcut="Ctrl+Shift+Q", icon_name="sign_out",
                              tip="Sign out and return to the sign-in screen", name="action_sign_out")
        self.act_quit = a("&Quit", self.close, shortcut=QKeySequence.StandardKey.Quit, icon_name="quit",
                          name="action_quit")
        self.act_find = a("&Find candidate…", self.navigator.focus_search, shortcut=QKeySequence.StandardKey.Find,
                          icon_name="search", tip="Search candidates by name or alias", name="action_find")
        self.act_refresh = a("&Refresh", self.refresh, shortcut=QKeySequence.StandardKey.Refresh,
                             icon_name="refresh", tip="Reload the list of investigations", name="action_refresh")
        self.act_new = a("&New investigation…", self.new_investigation, shortcut="Ctrl+Shift+N",
                         icon_name="new", tip="Open a new candidate investigation", name="action_new_investigation")
        self.act_new_process = a("New &hiring process…", self.new_process, icon_name="process",
                                 name="action_new_process")
        self.act_queue = a("Review &queue", self.open_review, shortcut="Ctrl+Shift+R", icon_name="queue",
                           tip="Investigations submitted for review", name="action_review_queue")
        self.act_uniformity = a("&Uniformity…", self.open_uniformity, shortcut="Ctrl+Shift+U",
                                icon_name="uniformity", tip="Compare candidates of a hiring process side by side",
                                name="action_uniformity")
        self.act_admin_users = a("&Users…", lambda: self.open_admin("users"), icon_name="users",
                                 name="action_admin_users")
        self.act_admin_templates = a("Checklist &templates…", lambda: self.open_admin("templates"),
                                     icon_name="template", name="action_admin_templates")
        self.act_admin_categories = a("Concern &categories…", lambda: self.open_admin("categories"),
                                      name="action_admin_categories")
        self.act_admin_settings = a("Department &settings…", lambda: self.open_admin("settings"),
                                    icon_name="settings", name="action_admin_settings")
        self.act_admin_records = a("&Backup and screening terms…", lambda: self.open_admin("records"),
                                   icon_name="backup", name="action_admin_records")
        self.act_about = a("&About", self._about, name="action_about")
        self.act_guide = a("&User guide", self.open_guide, shortcut=QKeySequence.StandardKey.HelpContents,
                           tip="The user guide: the investigator's day, the supervisor's review, screening",
                           name="action_user_guide")
        self.guide_dialog: QDialog | None = None
        supervisor_like = role in ("supervisor", "administrator")
        self.act_new.setVisible(supervisor_like)
        self.act_new_process.setVisible(supervisor_like)
        self.act_queue.setVisible(role == "supervisor")
        self.act_uniformity.setVisible(supervisor_like)

    def _build_menus(self) -> None:
        role = self.ctx.role
        mb = self.menuBar()
        m = mb.addMenu("&File")
        m.addAction(self.act_lock)
        m.addAction(self.act_password)
        m.addSeparator()
        m.addAction(self.act_sign_out)
        m.addAction(self.act_quit)
        m = mb.addMenu("&Investigation")
        m.addAction(self.act_find)
        m.addAction(self.act_refresh)
        if role in ("supervisor", "administrator"):
            m.addSeparator()
            m.addAction(self.act_new)
            m.addAction(self.act_new_process)
            m = mb.addMenu("&Review")
            if role == "supervisor":
                m.addAction(self.act_queue)
            m.addAction(self.act_uniformity)
        if role == "administrator":
            m = mb.addMenu("&Administration")
            for act in (self.act_admin_users, self.act_admin_templates, self.act_admin_categories,
                        self.act_admin_settings, self.act_admin_records):
                m.addAction(act)
        m = mb.addMenu("&Help")
        m.addAction(self.act_guide)
        m.addSeparator()
        m.addAction(self.act_about)

        tb = QToolBar("Main toolbar")
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        tb.addAction(self.act_refresh)
        if role in ("supervisor", "administrator"):
            tb.addAction(self.act_new)
        if role == "supervisor":
            tb.addAction(self.act_queue)
        if role in ("supervisor", "administrator"):
            tb.addAction(self.act_uniformity)
        if role == "administrator":
            tb.addAction(self.act_admin_users)
        tb.addSeparator()
        tb.addAction(self.act_lock)
        self.addToolBar(tb)
        self.toolbar = tb

    def _build_status_bar(self) -> None:
        sb = QStatusBar()
        sb.setObjectName("statusBar")
        self.engine_icon = QLabel()
        self.engine_icon.setPixmap(icon("busy").pixmap(16, 16))
        self.engine_label = QLabel()
        self.engine_label.setObjectName("engineStatus")
        self.engine_label.setAccessibleName("Screening engine status")
        self.engine_label.setText("Screening engine loading…")
        self.engine_label.setToolTip("Protected-class screening starts in the background; you can work meanwhile.")
        sb.addPermanentWidget(self.engine_icon)
        actor = self.ctx.actor
        self.user_label = QLabel(f"{actor.display_name} · {ROLE_LABELS.get(actor.role, actor.role)}" if actor else "")
        self.user_label.setObjectName("userStatus")
        self.user_label.setAccessibleName("Signed-in user")
        sb.addPermanentWidget(self.engine_label)
        sb.addPermanentWidget(self.user_label)
        self.setStatusBar(sb)

    # -- engine status
    @Slot()
    def _engine_ready(self) -> None:
        self.engine_icon.setPixmap(icon("ok").pixmap(16, 16))
        self.engine_label.setText("Screening engine ready")
        self.engine_label.setToolTip("Protected-class screening is available.")

    @Slot(str)
    def _engine_failed(self, message: str) -> None:
        self.engine_icon.setPixmap(icon("warning").pixmap(16, 16))
        self.engine_label.setText("Screening engine unavailable")
        self.engine_label.setToolTip(message)

    # -- navigator / investigation view
    def _data_changed(self, kind: str, _ident: int) -> None:
        if kind in ("investigation", "process", "finding", "item", ""):
            self.navigator.schedule_reload()
        if kind == "process":
            self.navigator.load_processes()
        if kind == "settings":
            self.session_lock.set_minutes(lock_minutes(self.ctx.settings))

    @Slot(int)
    def _open_selected(self, investigation_id: int) -> None:
        if investigation_id == self._view_id:
            return
        if not self._maybe_save_view():
            self.navigator.select_id(self._view_id)  # veto: stay where we are
            return
        self.show_investigation(investigation_id)

    def show_investigation(self, investigation_id: int) -> None:
        """Replace the right pane with the given investigation (unsaved changes already handled)."""
        self._drop_view()
        self._view_id = investigation_id
        try:
            from ui.investigation_view import InvestigationView
        except ImportError:  # the investigation screens are not installed yet
            view: QWidget = _placeholder(f"Investigation {investigation_id}")
        else:
            view = InvestigationView(self.ctx, investigation_id)
            sig = getattr(view, "sig_changed", None)
            if sig is not None:
                sig.connect(lambda _i: self.navigator.schedule_reload())
        view.setObjectName("investigationView")
        self.view = view
        self.detail_stack.addWidget(view)
        self.detail_stack.setCurrentWidget(view)
        if self.navigator.current_id != investigation_id:
            self.navigator.select_id(investigation_id)

    def _drop_view(self) -> None:
        if self.view is not None:
            self.detail_stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
        self._view_id = 0
        self.detail_stack.setCurrentWidget(self.empty_page)

    def _maybe_save_view(self) -> bool:
        """Ask to save/discard unsaved changes in the open investigation; False = cancelled."""
        view = self.view
        if view is None or not shiboken6.isValid(view):
            return True
        has = getattr(view, "has_unsaved_changes", None)
        if has is None or not has():
            return True
        return bool(view.maybe_save())  # type: ignore[attr-defined]

    def _unsaved_anywhere(self) -> bool:
        widgets = [self.view, *self._tab_widgets.values()]
        return any(w is not None and shiboken6.isValid(w) and getattr(w, "has_unsaved_changes", lambda: False)()
                   for w in widgets)

    def _maybe_save_all(self) -> bool:
        if not self._maybe_save_view():
            return False
        for w in self._tab_widgets.values():
            fn = getattr(w, "maybe_save", None)
            if fn is not None and getattr(w, "has_unsaved_changes", lambda: False)() and not fn():
                return False
        return True

    # -- actions
    def refresh(self) -> None:
        self.navigator.reload_all()
        if self.view is not None and hasattr(self.view, "reload") and not self._unsaved_anywhere():
            self.view.reload()  # type: ignore[attr-defined]

    def new_investigation(self) -> None:
        dlg = NewInvestigationDialog(self.ctx, self, process_id=self.navigator.process_id)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def done() -> None:
            new_id = dlg.created_id
            self.navigator.reload_all()
            self.ctx.sig_data_changed.emit("process", 0)
            if new_id and self._maybe_save_view():
                self.show_investigation(new_id)

        dlg.accepted.connect(done)
        dlg.open()
        self.new_dialog = dlg

    def new_process(self) -> None:
        dlg = NewProcessDialog(self.ctx, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(self.navigator.load_processes)
        dlg.open()
        self.process_dialog = dlg

    def _open_tab(self, key: str, title: str, icon_name: str, factory: Callable[[], QWidget]) -> QWidget:
        widget = self._tab_widgets.get(key)
        if widget is None or not shiboken6.isValid(widget):
            widget = factory()
            self._tab_widgets[key] = widget
            self.tabs.addTab(widget, icon(icon_name), title)
        self.tabs.setCurrentWidget(widget)
        return widget

    def open_review(self) -> QWidget:
        from ui.supervisor import SupervisorQueue

        def make() -> QWidget:
            w = SupervisorQueue(self.ctx)
            w.sig_open_investigation.connect(self._open_from_tab)
            return w

        return self._open_tab("review", "Review queue", "queue", make)

    def open_uniformity(self, process_id: int = 0) -> QWidget:
        from ui.uniformity import UniformityView

        widget = self._open_tab("uniformity", "Uniformity", "uniformity",
                                lambda: UniformityView(self.ctx, process_id or self.navigator.process_id))
        if process_id:
            widget.select_process(process_id)  # type: ignore[attr-defined]
        return widget

    def open_admin(self, page: str = "users") -> QWidget:
        from ui.admin import AdminPanel

        widget = self._open_tab("admin", "Administration", "admin", lambda: AdminPanel(self.ctx))
        widget.show_page(page)  # type: ignore[attr-defined]
        return widget

    def _open_from_tab(self, investigation_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        if investigation_id != self._view_id and self._maybe_save_view():
            self.show_investigation(investigation_id)

    @Slot(int)
    def _close_tab(self, index: int) -> None:
        if index == 0:
            return
        widget = self.tabs.widget(index)
        fn = getattr(widget, "maybe_save", None)
        if fn is not None and getattr(widget, "has_unsaved_changes", lambda: False)() and not fn():
            return
        self.tabs.removeTab(index)
        for key, w in list(self._tab_widgets.items()):
            if w is widget:
                del self._tab_widgets[key]
        widget.deleteLater()

    def _change_password(self) -> ChangePasswordDialog:
        dlg = ChangePasswordDialog(self.ctx.db, self.ctx.actor, self)  # type: ignore[arg-type]
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def changed() -> None:
            self.ctx.actor = dlg.actor
            self.statusBar().showMessage("Your password was changed.", 5000)

        dlg.accepted.connect(changed)
        self.password_dialog = dlg
        dlg.open()
        return dlg

    def open_guide(self) -> QDialog:
        """Show the user guide shipped with the program (F1); one window, raised if already open."""
        from ui.help import UserGuideDialog

        if self.guide_dialog is None or not shiboken6.isValid(self.guide_dialog):
            self.guide_dialog = UserGuideDialog(self)
        self.guide_dialog.show()
        self.guide_dialog.raise_()
        self.guide_dialog.activateWindow()
        return self.guide_dialog

    def _about(self) -> None:
        QMessageBox.about(self, f"About {APP_TITLE}",
                          f"<b>{APP_TITLE}</b><p>Social-media part of the pre-employment background "
                          "investigation (Procedure 3.405 IV.D): uniform checklist, lawful methods, "
                          "protected-class screening and validation.</p>")

    # -- session lock
    @property
    def locked(self) -> bool:
        return self.stack.currentWidget() is self.lock_screen

    @Slot()
    def lock(self) -> None:
        """Hide the window's content (and any open dialog) until the same user signs in again."""
        if self.locked or self.ctx.actor is None:
            return
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self._hidden_for_lock = []
        for w in QApplication.topLevelWidgets():
            if w is not self and w.isVisible() and isinstance(w, QDialog) and not isinstance(w, QProgressDialog):
                w.hide()
                self._hidden_for_lock.append(w)
        self._disabled_for_lock = [act for act in self.actions() if act.isEnabled() and act is not self.act_quit]
        for act in self._disabled_for_lock:
            act.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.toolbar.hide()
        self.stack.setCurrentWidget(self.lock_screen)
        self.lock_screen.prepare()
        self.session_lock.lock()
        self.setWindowTitle(f"{APP_TITLE} — locked")

    @Slot()
    def unlock(self) -> None:
        for act in self._disabled_for_lock:
            act.setEnabled(True)
        self._disabled_for_lock = []
        self.menuBar().setEnabled(True)
        self.toolbar.show()
        self.stack.setCurrentWidget(self.tabs)
        actor = self.ctx.actor
        self.setWindowTitle(f"{APP_TITLE} — {actor.display_name if actor else ''}")
        for w in self._hidden_for_lock:
            if shiboken6.isValid(w):
                w.show()
        self._hidden_for_lock = []
        self.session_lock.unlocked()

    def _sign_out_from_lock(self) -> None:
        if self._unsaved_anywhere():
            answer = QMessageBox.question(
                self, "Sign out",
                "The signed-in user has unsaved changes. Signing out now discards them.\n\nSign out anyway?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._finish_sign_out()

    # -- sign out / close
    def sign_out(self) -> None:
        if not self._maybe_save_all():
            return
        self._finish_sign_out()

    def _finish_sign_out(self) -> None:
        self._signing_out = True
        for w in self._hidden_for_lock:
            if shiboken6.isValid(w):
                w.close()
        self._hidden_for_lock = []
        self.close()
        self.sig_sign_out.emit()

    def save_state(self) -> None:
        s = qsettings()
        s.setValue("main/geometry", self.saveGeometry())
        s.setValue("main/state", self.saveState())
        s.setValue("main/splitter", self.splitter.saveState())
        s.setValue("main/navigator_splitter", self.navigator.splitter.saveState())
        s.setValue("main/table_header", self.navigator.table.horizontalHeader().saveState())
        s.sync()

    def restore_state(self) -> None:
        s = qsettings()
        for key, fn in (("main/geometry", self.restoreGeometry), ("main/state", self.restoreState),
                        ("main/splitter", self.splitter.restoreState),
                        ("main/navigator_splitter", self.navigator.splitter.restoreState),
                        ("main/table_header", self.navigator.table.horizontalHeader().restoreState)):
            value = s.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                fn(value)
        self.navigator.update_column_modes()  # an older saved header must not bring back cut names
        self.first_start = s.value("main/geometry") is None
        self._default_split = s.value("main/splitter") is None
        self._fit_navigator_allowed = self._default_split
        if self._default_split:
            self._apply_default_split()

    def show_remembered(self) -> None:
        """Show the window: maximised the first time, afterwards as the person left it."""
        if self.first_start:
            self.showMaximized()
        else:
            self.show()

    @Slot()
    def _fit_navigator(self) -> None:
        """Widen the navigator when its rows need more room than it has (never past half the window)."""
        self.navigator.updateGeometry()
        if not self._fit_navigator_allowed:
            return  # the person's remembered split wins
        nav, rest = self.splitter.sizes()
        need = self.navigator.needed_width()
        if nav < need and nav + rest > 0:
            wide = min(need, (nav + rest) // 2)
            self.splitter.setSizes([wide, nav + rest - wide])

    def _apply_default_split(self) -> None:
        """Navigator about 30 % of the width (never narrower than it can show), investigation the rest."""
        total = max(self.splitter.width(), self.width(), 800)
        nav = max(int(total * NAVIGATOR_SHARE), self.navigator.minimumSizeHint().width())
        self.splitter.setSizes([nav, max(1, total - nav)])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._default_split:
            # The real width is known only now (the window may have been resized after construction).
            self._default_split = False
            self._apply_default_split()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._signing_out:
            if self.locked:
                # Closing would have to ask about unsaved work behind the lock; unlock or sign out first.
                self.statusBar().showMessage("Unlock the session or sign out before closing the window.", 5000)
                event.ignore()
                return
            if not self._maybe_save_all():
                event.ignore()
                return
        self.save_state()
        self.session_lock.stop()
        event.accept()
        if not self._signing_out:
            self.sig_closed.emit()
