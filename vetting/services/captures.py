"""Captures by reference, and reading the text of an image capture (OCR).

A capture (screenshot, saved PDF, web archive) is evidence kept outside the workbench. The file
holds no images (they may show protected characteristics): a finding records only the capture's
file name, size, media type and SHA-256, so the evidence kept elsewhere can be matched to the
report. The file is read once, in chunks, to hash it; nothing of its content is stored.

OCR runs Tesseract through ``pytesseract``. Its text goes into the finding's text box, where it is
screened like typed text before anything is stored; this module returns it and stores nothing.
Both functions are slow on large files and are meant to run off the GUI thread.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vetting.errors import RuleViolation, VettingError

#: Capture file types accepted, by extension -> media type.
CAPTURE_TYPES: dict[str, str] = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".pdf": "application/pdf",
    ".mhtml": "multipart/related",
    ".mht": "multipart/related",
    ".warc": "application/warc",
    ".html": "text/html",
    ".htm": "text/html",
}
IMAGE_TYPES = frozenset({"image/png", "image/jpeg"})
CHUNK = 1 << 20
#: Images larger than this are not given to OCR (a screenshot is a few megabytes).
MAX_OCR_BYTES = 60 * 1024 * 1024


@dataclass(frozen=True)
class CaptureRef:
    """What a finding records about a capture file."""

    name: str  # the file name only, never the folder
    size: int  # bytes
    media_type: str
    sha256: str  # 64 lower-case hex digits

    @property
    def is_image(self) -> bool:
        return self.media_type in IMAGE_TYPES


class OcrUnavailable(VettingError):
    """Tesseract (the OCR program) is not installed on this workstation."""


def media_type_of(path: str | Path) -> str:
    ext = Path(path).suffix.lower()
    try:
        return CAPTURE_TYPES[ext]
    except KeyError:
        raise RuleViolation(
            f"'{Path(path).name}' is not a capture file the workbench references. Use a screenshot "
            "(PNG or JPEG), a saved PDF, or a web archive (.mhtml, .warc, .html)."
        ) from None


def capture_reference(path: str | Path, *, cancelled: Callable[[], bool] | None = None) -> CaptureRef:
    """Name, size, media type and SHA-256 of a capture file (streamed, any size).

    Thread: any. Raises RuleViolation for an unsupported type, a folder, or a file that cannot be
    read; returns nothing of the file's content.
    """
    p = Path(path)
    media = media_type_of(p)
    if not p.is_file():
        raise RuleViolation(f"'{p.name}' is not a file that can be read.")
    digest = hashlib.sha256()
    size = 0
    try:
        with p.open("rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                if cancelled is not None and cancelled():
                    raise RuleViolation("Reading the capture file was cancelled.")
    except OSError as exc:
        raise RuleViolation(f"'{p.name}' could not be read ({exc.strerror or type(exc).__name__}).") from exc
    if size == 0:
        raise RuleViolation(f"'{p.name}' is empty; choose the saved capture file.")
    return CaptureRef(p.name[:255], size, media, digest.hexdigest())


def tesseract_available() -> bool:
    import pytesseract

    cmd = pytesseract.pytesseract.tesseract_cmd
    return shutil.which(cmd) is not None


def read_text_from_image(path: str | Path, *, language: str = "eng") -> str:
    """The text Tesseract reads in an image capture (not screened: the caller puts it into a
    screened text box). Thread: any; takes seconds.

    Raises OcrUnavailable when Tesseract is not installed, RuleViolation when the file is not an
    image or cannot be read.
    """
    import pytesseract
    from PIL import Image, UnidentifiedImageError

    p = Path(path)
    if media_type_of(p) not in IMAGE_TYPES:
        raise RuleViolation("Text can be read only from an image capture (PNG or JPEG).")
    if not tesseract_available():
        raise OcrUnavailable(
            "Reading text from images needs Tesseract OCR, which is not installed on this workstation. "
            "Install it (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng; Windows/macOS: see "
            "the README) or type the text of the post instead."
        )
    try:
        if p.stat().st_size > MAX_OCR_BYTES:
            raise RuleViolation(f"'{p.name}' is too large to read text from; crop the screenshot.")
        with Image.open(p) as img:
            img.load()
            text = pytesseract.image_to_string(img.convert("RGB"), lang=language)
    except (OSError, UnidentifiedImageError) as exc:
        raise RuleViolation(f"'{p.name}' could not be read as an image.") from exc
    except pytesseract.TesseractError as exc:
        raise OcrUnavailable(f"Tesseract could not read the image ({exc.message.strip()[:200]}).") from exc
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line).strip()


def capture_label(f: object) -> str | None:
    """How a finding's capture is printed: name, size, type and the full SHA-256."""
    name = getattr(f, "attachment_name", None)
    if not name:
        return None
    parts = [name]
    size = getattr(f, "attachment_size", None)
    if size is not None:
        parts.append(human_size(size))
    mtype = getattr(f, "attachment_type", None)
    if mtype:
        parts.append(mtype)
    return f"{', '.join(parts)} (SHA-256 {getattr(f, 'attachment_sha256', '')})"


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    size = float(n)
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            break
    return f"{size:.1f} {unit}"
