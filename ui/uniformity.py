"""Uniformity view: for one hiring process, every checklist item (rows) for every candidate
(columns), with each item's status (icon + words) and completion date, so a reviewer sees at a
glance that every candidate got the same checks.

Data comes from :func:`vetting.services.investigations.uniformity` (supervisors and
administrators). "Export PDF…" asks where to save, then renders and records the report with
:func:`vetting.services.reports.generate_uniformity_report` and writes the file, both in one
background job.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext, qsettings
from ui.icons import icon, investigation_status_label, item_status_icon, item_status_label
from ui.jobs import Job, show_error
from vetting.db import Database
from vetting.services import Actor
from vetting.services import investigations as I
from vetting.services import reports as R
from vetting.services import search_plans as S
from vetting.services import templates as T
from vetting.services.views import ProcessInfo

#: A search's mark as one symbol (the word follows it in the tooltip).
MARK_SYMBOLS = {"nothing_found": "✓", "results_recorded": "!", "not_possible": "✗"}
#: Light backgrounds that separate "done" from "not done" — always with icon and text as well.
_PENDING_BG = QColor("#fff4d6")
_MISSING_BG = QColor("#f6d5d5")


def _date(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else ""


def export_uniformity_pdf(db: Database, actor: Actor, *, process_id: int, path: Path) -> tuple[Path, Any]:
    """Render and record the uniformity report, then write it to ``path`` (worker thread).

    The file is written beside its target and renamed into place, so a failure never leaves a
    half-written PDF; it is readable by its owner only. Returns ``(path, GeneratedReport)``.
    """
    report = R.generate_uniformity_report(db, actor, process_id=process_id)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(report.pdf)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path, report


def _suggested_name(process: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", process).strip("-").lower()[:60] or "process"
    return f"uniformity-{slug}-{dt.date.today():%Y-%m-%d}.pdf"


class UniformityView(QWidget):
    """The candidates × checklist items grid of one hiring process."""

    sig_loaded = Signal()
    sig_exported = Signal(object)  # the Path of the saved PDF

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
        self.export_button = QPushButton(icon("save"), "&Export PDF…")
        self.export_button.setObjectName("exportUniformityPdf")
        self.export_button.setAccessibleName("Export the uniformity report as PDF")
        self.export_button.setToolTip("Save this table as a PDF report (landscape); the report is recorded "
                                      "with a document id.")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.export_pdf)
        self.summary = QLabel()
        self.summary.setObjectName("uniformitySummary")
        self.summary.setWordWrap(True)
        self.export_status = QLabel()
        self.export_status.setObjectName("uniformityExportStatus")
        self.export_status.setWordWrap(True)
        self.export_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_status.setTextFormat(Qt.TextFormat.PlainText)
        self.export_status.hide()
        self._exporting = False

        self.table = QTableWidget()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move inside)
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
        top.addWidget(self.export_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(8)
        lay.addLayout(top)
        lay.addWidget(self.summary)
        lay.addWidget(self.export_status)
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
        planned_total = run_total = 0
        for c, row in enumerate(rows):
            head = QTableWidgetItem(f"{row['candidate']}\n{investigation_status_label(row['status'])}")
            head.setToolTip(f"{row['candidate']} — investigation {investigation_status_label(row['status']).lower()}")
            t.setHorizontalHeaderItem(c, head)
            all_done = True
            for r, (status, when) in enumerate(row["cells"]):
                text = item_status_label(status, short=True)
                if when:
                    text += f"\n{_date(when)}"
                counts = row["searches"][r] if r < len(row.get("searches", ())) else None
                queries = row["queries"][r] if r < len(row.get("queries", ())) else ()
                if counts is not None and counts.label:
                    text += f"\nsearches {counts.label}"
                    planned_total += counts.planned
                    run_total += counts.run
                cell = QTableWidgetItem(item_status_icon(status), text)
                cell.setToolTip(f"{row['candidate']} · {items[r][1]}\n{item_status_label(status)}"
                                + (f", {when:%Y-%m-%d %H:%M} UTC" if when else "")
                                + "".join(f"\n{MARK_SYMBOLS.get(q.status, '○')} {q.query} — "
                                          f"{S.query_status_label(q.status).lower()}" for q in queries))
                cell.setData(Qt.ItemDataRole.AccessibleTextRole,
                             f"{items[r][1]}: {item_status_label(status)} {_date(when)}"
                             + (f", searches {counts.label}" if counts is not None and counts.label else ""))
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
            f"{len(rows)} candidate{'s' if len(rows) != 1 else ''}, {complete} with every item completed · "
            f"planned searches run: {run_total} of {planned_total}")
        self.export_button.setEnabled(not self._exporting)
        self.sig_loaded.emit()

    # -- export

    @Slot()
    def export_pdf(self) -> None:
        """Ask where to save, then generate, record and write the PDF in the background."""
        pid = self.process_combo.currentData()
        if not pid or self._exporting:
            return
        settings = qsettings()
        folder = str(settings.value("uniformity/export_dir", "") or "") or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        process = self.data["process"] if self.data else self.process_combo.currentText()
        name, _filter = QFileDialog.getSaveFileName(self, "Export uniformity report",
                                                    str(Path(folder) / _suggested_name(process)),
                                                    "PDF files (*.pdf)")
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        settings.setValue("uniformity/export_dir", str(path.parent))
        self._exporting = True
        self.export_button.setEnabled(False)
        self.export_status.setText("Building the PDF…")
        self.export_status.show()
        Job(export_uniformity_pdf, self.ctx.db, self.ctx.actor, parent=self, process_id=int(pid), path=path) \
            .with_progress("Building the uniformity report…") \
            .success(self._exported).failure(self._export_failed).run_in_background()

    def _exported(self, result: tuple[Path, Any]) -> None:
        path, report = result
        self._exporting = False
        self.export_button.setEnabled(True)
        self.export_status.setText(f"Saved {path} — document {report.document_id}, SHA-256 {report.sha256[:16]}…")
        self.sig_exported.emit(path)

    def _export_failed(self, exc: BaseException) -> None:
        self._exporting = False
        self.export_button.setEnabled(self.data is not None)
        self.export_status.hide()
        show_error(self, exc, "The uniformity report was not exported")
