"""The finding editor: where a post is captured, screened, reviewed and stored redacted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ui.capture_box import CaptureBox
from ui.context import AppContext
from ui.jobs import Job, error_text
from ui.screened_text import (
    ScreenedTextEdit,
    legend,
    status_label,
    track_status,
    undecided_problem,
    with_choices,
)
from ui.validation_panel import inline_error_label, show_inline
from vetting.services import findings as F
from vetting.services.captures import CaptureRef
from vetting.services.screening import MAX_TEXT_CHARS
from vetting.services.views import CategoryInfo, FindingView, InvestigationDetail

PLATFORMS = ["Facebook", "Instagram", "X (Twitter)", "TikTok", "Snapchat", "YouTube", "Reddit", "LinkedIn",
             "Pinterest", "Web", "News", "Blog or website"]


class FindingEditor(QDialog):
    """Add or edit one finding. ``result_view`` holds the stored FindingView after Save."""

    sig_saved = Signal(object)

    def __init__(self, ctx: AppContext, detail: InvestigationDetail, item_result_id: int,
                 categories: list[CategoryInfo], finding: FindingView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.finding = finding
        self.result_view: FindingView | None = None
        self._saving = False
        self.setWindowTitle("Edit finding" if finding else "New finding")
        self.setObjectName("findingEditor")
        self.resize(1000, 720)

        # ---- where it was found
        self.item = QComboBox(self)
        self.item.setAccessibleName("Checklist item")
        for it in detail.items:
            if it.findings_possible:
                self.item.addItem(f"{it.position}. {it.title}", it.id)
        self.item.setCurrentIndex(max(0, self.item.findData(item_result_id)))
        self.item.setEnabled(finding is None)  # a stored finding stays under its item
        self.platform = ScreenedTextEdit(ctx, self, accessible_name="Platform", kind="words", single_line=True,
                                         max_chars=80)
        self.platform.setText(PLATFORMS[0])
        self.account = QComboBox(self)
        self.account.setAccessibleName("Account")
        self.account.addItem("(no account recorded)", None)
        for a in detail.accounts:
            self.account.addItem(f"{a.platform}: {a.handle} — {a.ownership_label}", a.id)
        self.url = ScreenedTextEdit(ctx, self, accessible_name="URL", kind="url", single_line=True,
                                    max_chars=F.MAX_URL,
                                    placeholder="https://… (never opened by the workbench)")
        self.fields_status = QLabel("", self)
        self.fields_status.setObjectName("fieldsScreeningStatus")
        self.fields_status.setWordWrap(True)
        self.fields_status.setStyleSheet("color: #505050;")
        track_status(self.fields_status, self.platform)
        track_status(self.fields_status, self.url)

        self.post_date_known = QCheckBox("&Known:", self)
        self.post_date_known.setAccessibleName("Post date known")
        self.post_date = QDateEdit(self)
        self.post_date.setAccessibleName("Post date")
        self.post_date.setCalendarPopup(True)
        self.post_date.setDisplayFormat("yyyy-MM-dd")
        self.post_date.setDate(QDate.currentDate())
        self.post_date.setMaximumDate(QDate.currentDate().addDays(1))
        self.post_date_known.toggled.connect(self.post_date.setEnabled)
        # Unknown until entered: a date nobody chose must never be recorded as the post date.
        self.post_date_known.setChecked(False)
        self.post_date.setEnabled(False)
        self.captured = QDateTimeEdit(self)
        self.captured.setAccessibleName("Capture time (local)")
        self.captured.setDisplayFormat("yyyy-MM-dd HH:mm:ss")
        self.captured.setCalendarPopup(True)
        self.captured.setDateTime(QDateTime.currentDateTime())
        self.captured_utc = QLabel(self)
        self.captured_utc.setAccessibleName("Capture time in UTC")
        self.captured.dateTimeChanged.connect(self._update_utc)

        self.kind_concern = QRadioButton("Of &concern", self)
        self.kind_mitigating = QRadioButton("&Mitigating", self)
        self.kind_concern.setAccessibleName("Kind: of concern")
        self.kind_mitigating.setAccessibleName("Kind: mitigating")
        self._kind_group = QButtonGroup(self)
        self._kind_group.addButton(self.kind_concern)
        self._kind_group.addButton(self.kind_mitigating)
        self.kind_concern.setChecked(True)
        self.categories = QListWidget(self)
        self.categories.setAccessibleName("Concern categories")
        for c in categories:
            li = QListWidgetItem(c.label, self.categories)
            li.setData(Qt.ItemDataRole.UserRole, c.code)
            li.setToolTip(c.description)
            li.setFlags(li.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            li.setCheckState(Qt.CheckState.Unchecked)
        self.categories.setMaximumHeight(150)
        # Category labels wrap instead of scrolling sideways in a narrow dialog.
        self.categories.setWordWrap(True)
        self.categories.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.categories.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.categories.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.categories_label = QLabel("Concern categories (at least one for a finding of concern):", self)
        self.categories_label.setBuddy(self.categories)

        # ---- the text
        self.text = ScreenedTextEdit(ctx, self, accessible_name="Text of the post", max_chars=MAX_TEXT_CHARS,
                                     placeholder="Paste or type the text of the post. It is screened for "
                                                 "protected-class information as you type.")
        self.text_status = status_label(self.text, self)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("Redacted preview: what will be saved")
        self.preview.setPlaceholderText("The redacted text appears here once the text is screened.")
        self.preview.setStyleSheet("QPlainTextEdit { background: palette(window); }")
        self.preview.setTabChangesFocus(True)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(120)
        self._preview_timer.timeout.connect(self._update_preview)
        for sig in (self.text.sig_screened, self.text.sig_review_changed, self.text.textChanged):
            sig.connect(self._preview_timer.start)
        ctx.sig_engine_ready.connect(self._preview_timer.start)

        self.capture = CaptureBox(self)
        self.capture.sig_text.connect(self._insert_read_text)

        self.error = inline_error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setToolTip("Save the finding (Ctrl+S). Only the redacted text is stored.")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        # ---- layout
        top = QFormLayout()
        top.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        top.addRow("Checklist &item:", self.item)
        top.addRow("&Platform:", with_choices(self.platform, PLATFORMS, self))
        top.addRow("&Account:", self.account)
        top.addRow("&URL:", self.url)
        top.addRow("", self.fields_status)
        date_row = QHBoxLayout()
        date_row.addWidget(self.post_date_known)
        date_row.addWidget(self.post_date)
        date_row.addStretch(1)
        lbl_date = QLabel("Posted o&n:", self)
        lbl_date.setBuddy(self.post_date_known)
        top.addRow(lbl_date, date_row)
        cap_row = QHBoxLayout()
        cap_row.addWidget(self.captured)
        cap_row.addWidget(self.captured_utc, 1)
        lbl_cap = QLabel("Captured a&t (local):", self)
        lbl_cap.setBuddy(self.captured)
        top.addRow(lbl_cap, cap_row)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_concern)
        kind_row.addWidget(self.kind_mitigating)
        kind_row.addStretch(1)
        top.addRow("Kind:", kind_row)
        left = QWidget(self)
        left.setLayout(top)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.categories_label)
        rl.addWidget(self.categories)
        head = QHBoxLayout()
        head.addWidget(left, 3)
        head.addWidget(right, 2)

        text_box = QGroupBox("Text of the post — screened as you type", self)
        tl = QVBoxLayout(text_box)
        lbl_text = QLabel("&Original (kept in memory only; right-click a highlight to dismiss it, or select "
                          "words and right-click to mark them):", text_box)
        lbl_text.setWordWrap(True)
        lbl_text.setBuddy(self.text)
        lbl_prev = QLabel("What will be saved (&redacted preview):", text_box)
        lbl_prev.setBuddy(self.preview)
        pane_l = QWidget(text_box)
        pl = QVBoxLayout(pane_l)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(lbl_text)
        pl.addWidget(self.text, 1)
        pane_r = QWidget(text_box)
        pr = QVBoxLayout(pane_r)
        pr.setContentsMargins(0, 0, 0, 0)
        pr.addWidget(lbl_prev)
        pr.addWidget(self.preview, 1)
        split = QSplitter(Qt.Orientation.Horizontal, text_box)
        split.addWidget(pane_l)
        split.addWidget(pane_r)
        split.setChildrenCollapsible(False)
        split.setSizes([500, 500])
        tl.addWidget(split, 1)
        tl.addWidget(legend(text_box))
        tl.addWidget(self.text_status)

        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addWidget(self.capture)
        lay.addWidget(text_box, 1)
        lay.addWidget(self.error)
        lay.addWidget(self.buttons)

        for a, b in ((self.item, self.platform), (self.platform, self.account), (self.account, self.url),
                     (self.url, self.post_date_known), (self.post_date_known, self.post_date),
                     (self.post_date, self.captured), (self.captured, self.kind_concern),
                     (self.kind_concern, self.kind_mitigating), (self.kind_mitigating, self.categories),
                     (self.categories, self.text), (self.text, self.preview), (self.preview, self.buttons)):
            self.setTabOrder(a, b)

        self._load(finding, item_result_id)
        self._update_utc()
        self.text.setFocus()

    # ------------------------------------------------------------------ loading

    def _load(self, f: FindingView | None, item_result_id: int) -> None:
        item = next((i for i in self.detail.items if i.id == item_result_id), None)
        if f is None:
            if item is not None and item.title:
                name = item.title
                self.platform.set_original_text(next((p for p in PLATFORMS if p.lower() in name.lower()),
                                                     name if item.platform else self.platform.text()))
            self._initial = None
            self._initial_capture = None
            return
        self.platform.set_original_text(f.platform)
        self.account.setCurrentIndex(max(0, self.account.findData(f.account_id)))
        self.url.set_original_text(f.url)
        self.post_date_known.setChecked(f.post_date is not None)
        if f.post_date:
            self.post_date.setDate(QDate(f.post_date.year, f.post_date.month, f.post_date.day))
        local = f.captured_at.astimezone()
        self.captured.setDateTime(QDateTime.fromSecsSinceEpoch(int(local.timestamp())))
        (self.kind_mitigating if f.kind == "mitigating" else self.kind_concern).setChecked(True)
        for row in range(self.categories.count()):
            li = self.categories.item(row)
            li.setCheckState(Qt.CheckState.Checked if li.data(Qt.ItemDataRole.UserRole) in f.categories
                             else Qt.CheckState.Unchecked)
        self.text.set_original_text(f.text)
        self._initial_capture = (CaptureRef(f.attachment_name, f.attachment_size if f.attachment_size is not None
                                            else -1, f.attachment_type or "", f.attachment_sha256 or "")
                                 if f.attachment_name else None)
        self.capture.set_reference(self._initial_capture)
        self._initial = self._values()

    def _values(self) -> tuple:
        return (self.item.currentData(), self.platform.text().strip(), self.account.currentData(),
                self.url.text().strip(), self.post_date_value(), self.captured_value(), self.kind(),
                tuple(self.selected_categories()))

    # ------------------------------------------------------------------ values

    def kind(self) -> str:
        return "mitigating" if self.kind_mitigating.isChecked() else "concern"

    def selected_categories(self) -> list[str]:
        out = []
        for row in range(self.categories.count()):
            li = self.categories.item(row)
            if li.checkState() == Qt.CheckState.Checked:
                out.append(li.data(Qt.ItemDataRole.UserRole))
        return out

    def set_categories(self, codes: list[str]) -> None:
        for row in range(self.categories.count()):
            li = self.categories.item(row)
            li.setCheckState(Qt.CheckState.Checked if li.data(Qt.ItemDataRole.UserRole) in codes
                             else Qt.CheckState.Unchecked)

    def post_date_value(self) -> dt.date | None:
        return self.post_date.date().toPython() if self.post_date_known.isChecked() else None

    def captured_value(self) -> dt.datetime:
        secs = self.captured.dateTime().toSecsSinceEpoch()
        return dt.datetime.fromtimestamp(secs, tz=dt.UTC)

    def is_dirty(self) -> bool:
        if self.finding is None:
            return (bool(self.text.original_text().strip()) or bool(self.url.text().strip())
                    or self.capture.ref is not None)
        return (self._values() != self._initial or self.text.is_modified() or self.platform.is_modified()
                or self.url.is_modified() or self._capture_changed())

    def _capture_changed(self) -> bool:
        return self.capture.ref != getattr(self, "_initial_capture", None)

    # ------------------------------------------------------------------ actions

    def precheck(self) -> str | None:
        text = self.text.original_text()
        if self.item.currentData() is None:
            return "Choose the checklist item the finding belongs to."
        if not self.platform.text().strip():
            return "Enter the platform where the post was found."
        if not text.strip():
            return "The finding's text is empty; paste or type what was posted."
        if len(text) > MAX_TEXT_CHARS:
            return (f"The finding's text is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,}. "
                    "Split it into several findings or keep only the relevant part.")
        if self.kind() == "concern" and not self.selected_categories():
            return "A finding of concern needs at least one concern category."
        return None

    @Slot()
    def save(self) -> None:
        if self._saving:
            return
        problem = self.precheck() or undecided_problem(self.text)
        if problem:
            show_inline(self.error, problem)
            return
        show_inline(self.error, None)
        # Short fields go as typed (the review's offsets are into them); the service strips them.
        common = {"platform": self.platform.text(), "url": self.url.text(),
                  "reviews": {"platform": self.platform.review(), "url": self.url.review()},
                  "kind": self.kind(), "categories": self.selected_categories(),
                  "post_date": self.post_date_value(), "captured_at": self.captured_value(),
                  "account_id": self.account.currentData()}
        if self.capture.is_busy():
            show_inline(self.error, "The capture file is still being read; save again in a moment.")
            return
        if self.finding is None:
            job = Job(F.add_finding, self.ctx.db, self.ctx.actor, item_result_id=self.item.currentData(),
                      text=self.text.original_text(), review=self.text.review(), capture=self.capture.ref,
                      parent=self, **common)
        else:
            changed_text = self.text.is_modified()
            job = Job(F.update_finding, self.ctx.db, self.ctx.actor, finding_id=self.finding.id,
                      expected_version=self.finding.version,
                      text=self.text.original_text() if changed_text else None,
                      review=self.text.review() if changed_text else None,
                      capture=self.capture.ref if self._capture_changed() else F.KEEP, parent=self, **common)
        self._saving = True
        self.save_button.setEnabled(False)
        self.save_button.setText("Saving…")
        job.success(self._saved).failure(self._failed).run_in_background()

    def _saved(self, view: FindingView) -> None:
        self._saving = False
        self.result_view = view
        self.sig_saved.emit(view)
        self.done(QDialog.DialogCode.Accepted)

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.save_button.setText("Save")
        show_inline(self.error, error_text(exc))  # keep everything the investigator entered

    def reject(self) -> None:
        if self._saving:
            return
        if self.is_dirty():
            answer = QMessageBox.question(
                self, "Discard this finding?",
                "You have entered information that is not saved. Discard it?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # ------------------------------------------------------------------ internals

    @Slot(str)
    def _insert_read_text(self, text: str) -> None:
        """Text read from the capture joins the text box, which screens it like typed text."""
        current = self.text.original_text()
        self.text.setPlainText(f"{current.rstrip()}\n{text}" if current.strip() else text)
        self.text.setFocus()

    @Slot()
    def _update_utc(self) -> None:
        utc = self.captured_value()
        local = utc.astimezone()
        self.captured_utc.setText(f"UTC {utc:%Y-%m-%d %H:%M:%S}  ·  local time zone {local.tzname() or '?'}")

    @Slot()
    def _update_preview(self) -> None:
        text = self.text.original_text()
        if not text.strip():
            self.preview.setPlainText("")
            return
        if self.text.too_long():
            self.preview.setPlainText("")
            self.preview.setPlaceholderText("The text is too long to be saved.")
            return
        if not self.ctx.engine_ready:
            self.preview.setPlainText("")
            self.preview.setPlaceholderText("The preview appears when the screening engine has loaded.")
            return
        if not self.text.is_screening_done():
            # Never show an unredacted "preview" of a text that is still being screened.
            if not self.preview.toPlainText():
                self.preview.setPlaceholderText("Screening… the redacted preview follows.")
            return
        try:
            self.preview.setPlainText(self.text.redacted_preview())
        except Exception as exc:
            self.preview.setPlainText("")
            self.preview.setPlaceholderText(f"No preview: {error_text(exc)}")
