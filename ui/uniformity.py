"""Uniformity view: for one hiring process, every checklist item (rows) for every candidate
(columns), with each item's status (icon + words) and completion date, so a reviewer sees at a
glance that every candidate got the same checks.

Data comes from :func:`vetting.services.investigations.uniformity` (supervisors and
administrators). There is no PDF export yet: the report module has no renderer for this table.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.icons import icon, investigation_status_label, item_status_icon, item_status_label
from ui.jobs import Job, show_error
from vetting.services import investigations as I
from vetting.services import templates as T
from vetting.services.views import ProcessInfo

#: Light backgrounds that separate "done" from "not done" — always with icon and text as well.
_PENDING_BG = QColor("#fff4d6")
_MISSING_BG = QColor("#f6d5d5")


def _date(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


class UniformityView(QWidget):
    """The candidates × checklist items grid of one hiring process."""

    sig_loaded = Signal()

    def __init__(self, ctx: AppContext, process_id: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("uniformityView")
        self._wanted = process_id
        self.data: dict[str, Any] | None = None

        self.process_combo = QComboBox()
        self.process_combo.setObjectName("uniformityProcess")
        self.process_combo.setAccessibleName("Hiring process")
        self.process_combo.setMinimumContentsLength(30)
        self.process_combo.currentIndexChanged.connect(lambda _i: self.reload())
        label = QLabel("Hiring &process:")
        label.setBuddy(self.process_combo)
        refresh = QToolButton()
        refresh.setIcon(icon("refresh"))
        refresh.setToolTip("Reload")
        refresh.setAccessibleName("Reload")
        refresh.clicked.connect(self.reload)
        self.summary = QLabel()
        self.summary.setObjectName("uniformitySummary")
        self.summary.setWordWrap(True)

        self.table = QTableWidget()
        self.table.setObjectName("uniformityGrid")
        self.table.setAccessibleName("Checklist items by candidate")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        legend = QLabel("Each cell shows the item's final status and the date it was completed. "
                        "“Pending” means the item has no final status yet.")
        legend.setWordWrap(True)
        legend.setStyleSheet("color: palette(mid);")

        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.process_combo, 1)
        top.addWidget(refresh)
        top.addStretch(2)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(8)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addWidget(legend)

        Job(T.list_processes, ctx.db, ctx.actor, parent=self).success(self._show_processes).run_in_background()

    def select_process(self, process_id: int) -> None:
        self._wanted = process_id
        i = self.process_combo.findData(process_id)
        if i >= 0:
            self.process_combo.setCurrentIndex(i)

    def _show_processes(self, processes: list[ProcessInfo]) -> None:
        self.process_combo.blockSignals(True)
        self.process_combo.clear()
        for p in processes:
            self.process_combo.addItem(f"{p.name} — {p.position_title}", p.id)
        i = self.process_combo.findData(self._wanted)
        self.process_combo.setCurrentIndex(max(0, i))
        self.process_combo.blockSignals(False)
        if not processes:
            self.summary.setText("There is no hiring process yet.")
            return
        self.reload()

    @Slot()
    def reload(self) -> None:
        pid = self.process_combo.currentData()
        if not pid:
            return
        self._wanted = int(pid)
        Job(I.uniformity, self.ctx.db, self.ctx.actor, parent=self, process_id=int(pid)) \
            .success(lambda data: self._show(int(pid), data)) \
            .failure(lambda exc: show_error(self, exc, "The uniformity view could not be loaded")) \
            .run_in_background()

    def _show(self, process_id: int, data: dict[str, Any]) -> None:
        if process_id != self._wanted:
            return
        self.data = data
        items: list[tuple[int, str]] = data["items"]
        rows: list[dict[str, Any]] = data["rows"]
        t = self.table
        t.clear()
        t.setRowCount(len(items))
        t.setColumnCount(len(rows))
        t.setVerticalHeaderLabels([f"{n}. {title}" for n, title in items])
        complete = 0
        for c, row in enumerate(rows):
            head = QTableWidgetItem(f"{row['candidate']}\n{investigation_status_label(row['status'])}")
            head.setToolTip(f"{row['candidate']} — investigation {investigation_status_label(row['status']).lower()}")
            t.setHorizontalHeaderItem(c, head)
            all_done = True
            for r, (status, when) in enumerate(row["cells"]):
                text = item_status_label(status, short=True)
                if when:
                    text += f"\n{_date(when)}"
                cell = QTableWidgetItem(item_status_icon(status), text)
                cell.setToolTip(f"{row['candidate']} · {items[r][1]}\n{item_status_label(status)}"
                                + (f", {when:%Y-%m-%d %H:%M} UTC" if when else ""))
                cell.setData(Qt.ItemDataRole.AccessibleTextRole,
                             f"{items[r][1]}: {item_status_label(status)} {_date(when)}")
                cell.setData(Qt.ItemDataRole.UserRole, status)
                if status == "pending":
                    cell.setBackground(QBrush(_PENDING_BG))
                    all_done = False
                elif status == "missing":
                    cell.setBackground(QBrush(_MISSING_BG))
                    all_done = False
                t.setItem(r, c, cell)
            complete += all_done
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        t.horizontalHeader().setMinimumSectionSize(120)
        t.resizeColumnsToContents()
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.summary.setText(
            f"<b>{escape(data['process'])}</b> · checklist {escape(data['template'])} · {len(items)} items · "
            f"{len(rows)} candidate{'s' if len(rows) != 1 else ''}, {complete} with every item completed")
        self.sig_loaded.emit()
