"""The capture of a finding, by reference: drop or choose the screenshot, saved PDF or web archive
kept as evidence elsewhere; the finding records its name, size, type and SHA-256 (hashed off the
GUI thread, streamed). The file is never copied into the database.

For an image capture, *Read text from image* runs OCR (Tesseract) off the GUI thread and hands the
text to the finding's text box (``sig_text``), where it is screened like typed text before anything
is stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from ui.jobs import Job, error_text
from ui.validation_panel import inline_error_label, show_inline
from vetting.services.captures import (
    CAPTURE_TYPES,
    CaptureRef,
    capture_reference,
    human_size,
    read_text_from_image,
)

FILE_FILTER = ("Captures (" + " ".join(f"*{ext}" for ext in CAPTURE_TYPES) + ");;Screenshots (*.png *.jpg *.jpeg);;"
               "Saved pages (*.pdf *.mhtml *.mht *.warc *.html *.htm)")


def local_file(event: QDragEnterEvent | QDropEvent) -> str | None:
    """The first local file of a drag, or None."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return url.toLocalFile()
    return None


class CaptureBox(QGroupBox):
    """Capture reference of one finding. ``ref`` is the current reference (or None)."""

    sig_changed = Signal()
    sig_text = Signal(str)  # text read from the image (unscreened; goes into a screened box)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Capture (kept elsewhere — only its name, size, type and SHA-256 are recorded)", parent)
        self.setObjectName("captureBox")
        self.setAcceptDrops(True)
        self.ref: CaptureRef | None = None
        self.path: str | None = None  # where the capture was chosen from (this session only)
        self._job: Job | None = None
        self.name_label = QLabel(self)
        self.name_label.setAccessibleName("Capture file name")
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.size_label = QLabel(self)
        self.size_label.setAccessibleName("Capture size and type")
        self.sha_label = QLabel(self)
        self.sha_label.setAccessibleName("Capture SHA-256")
        self.sha_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sha_label.setStyleSheet("font-family: 'DejaVu Sans Mono', monospace;")
        self.choose_button = QPushButton("Choose file…", self)
        self.choose_button.setAccessibleName("Choose capture file")
        self.choose_button.clicked.connect(self.choose)
        self.ocr_button = QPushButton("Read text from image", self)
        self.ocr_button.setAccessibleName("Read text from image")
        self.ocr_button.setToolTip("Read the text in the screenshot (OCR) into the text of the post, where it is "
                                   "screened like typed text.")
        self.ocr_button.clicked.connect(self.read_text)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setAccessibleName("Remove capture reference")
        self.remove_button.clicked.connect(self.clear)
        self.hint = QLabel("Drop a screenshot (PNG, JPEG), a saved PDF or a web archive (.mhtml, .warc, .html) here, "
                           "or choose the file.", self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self.error = inline_error_label(self)
        form = QFormLayout(self)
        form.addRow("File:", self.name_label)
        form.addRow("Size, type:", self.size_label)
        form.addRow("SHA-256:", self.sha_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.ocr_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        form.addRow(self.hint)
        form.addRow(self.error)
        self._show()

    # ------------------------------------------------------------------ public

    def set_reference(self, ref: CaptureRef | None) -> None:
        """Show a stored reference (no file path: text cannot be read again from it here)."""
        self.ref, self.path = ref, None
        self._show()

    def load(self, path: str) -> None:
        """Hash ``path`` in the background and show its reference."""
        show_inline(self.error, None)
        self.name_label.setText(f"Reading {Path(path).name}…")
        self.choose_button.setEnabled(False)
        self._job = Job(capture_reference, path, parent=self).on_pool("cpu") \
            .success(lambda ref: self._loaded(ref, path)).failure(self._failed).run_in_background()

    def is_busy(self) -> bool:
        return self._job is not None

    # ------------------------------------------------------------------ actions

    @Slot()
    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose the capture file", "", FILE_FILTER)
        if path:
            self.load(path)

    @Slot()
    def clear(self) -> None:
        self.ref, self.path = None, None
        show_inline(self.error, None)
        self._show()
        self.sig_changed.emit()

    @Slot()
    def read_text(self) -> None:
        if not self.path or self.ref is None or not self.ref.is_image:
            return
        show_inline(self.error, None)
        self.ocr_button.setEnabled(False)
        self.ocr_button.setText("Reading text…")
        self._job = Job(read_text_from_image, self.path, parent=self).on_pool("cpu") \
            .success(self._text_read).failure(self._failed).run_in_background()

    # ------------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_file(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = local_file(event)
        if path:
            event.acceptProposedAction()
            self.load(path)
        else:
            event.ignore()

    # ------------------------------------------------------------------ internals

    def _loaded(self, ref: CaptureRef, path: str) -> None:
        self._job = None
        self.ref, self.path = ref, path
        self._show()
        self.sig_changed.emit()

    def _text_read(self, text: str) -> None:
        self._job = None
        self._show()
        if not text.strip():
            show_inline(self.error, "No text was found in the image. Type the text of the post instead.")
            return
        self.sig_text.emit(text)

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self._show()
        show_inline(self.error, error_text(exc))

    def _show(self) -> None:
        r = self.ref
        self.name_label.setText(r.name if r else "No capture referenced")
        self.size_label.setText(", ".join(x for x in (human_size(r.size) if r.size >= 0 else "",
                                                       r.media_type) if x) if r else "")
        self.sha_label.setText(r.sha256 if r else "")
        self.choose_button.setEnabled(True)
        self.remove_button.setEnabled(r is not None)
        self.ocr_button.setText("Read text from image")
        self.ocr_button.setEnabled(bool(r and r.is_image and self.path))
        self.ocr_button.setVisible(r is None or r.is_image)
