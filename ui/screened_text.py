"""A plain-text box that screens what the investigator types or pastes for protected-class
information, highlights what it finds, and records the investigator's decisions.

Every free-text box that enters the file uses :class:`ScreenedTextEdit`. The widget never blocks
the GUI: screening runs as a :class:`~ui.jobs.Job` on the ``cpu`` pool, debounced, and at most one
job per box is in flight (a newer text supersedes an older one). Detected spans, their categories
and the decisions live in memory only; what the service stores is the redacted text.

Short fields (platform, handle, URL, an identifier, a file name) use the same widget with
``single_line=True`` and the field's screening ``kind`` (``"words"`` or ``"url"``, see
:mod:`vetting.services.screening`): the investigator reviews exactly the spans the service will
redact, with the same highlights, dismiss-with-reason and mark-missed actions.

Offsets: the engine and the service work in Python string offsets into ``original_text()``;
Qt's document positions are UTF-16 code units. :class:`_Offsets` converts between them so that
texts with emoji highlight the right characters.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QToolButton,
    QToolTip,
    QWidget,
)

from ui.context import AppContext
from ui.jobs import Job, error_text

log = logging.getLogger(__name__)

#: Human-readable names of the protected-class categories (shown in memory only, never stored).
CATEGORY_LABELS: dict[str, str] = {
    "RACE_ETHNICITY": "Race or ethnicity",
    "NATIONAL_ORIGIN": "National origin",
    "RELIGION": "Religion",
    "SEX_GENDER": "Sex or gender identity",
    "SEXUAL_ORIENTATION": "Sexual orientation",
    "AGE": "Age",
    "DISABILITY": "Disability or health",
    "GENETIC_INFO": "Genetic information",
    "PREGNANCY": "Pregnancy",
    "MARITAL_STATUS": "Marital status",
    "PARENTHOOD": "Parenthood",
    "MILITARY_STATUS": "Military status",
    "POLITICAL_AFFILIATION": "Political affiliation",
}

_FALLBACK_DISMISS_LABELS = {
    "not_protected": "Not protected-class information",
    "evidence_of_conduct": "Target of biased speech kept as evidence of conduct",
}

# Highlight styles: colour *and* underline style differ, so they do not rely on colour alone.
_AUTO_BG = QColor("#ffe08a")
_AUTO_LINE = QColor("#8a3f00")
_MANUAL_BG = QColor("#ffc2b3")
_UNDECIDED_BG = QColor("#cfe3ff")
_UNDECIDED_LINE = QColor("#0b3d91")
_MANUAL_LINE = QColor("#b3001b")
_DISMISSED_LINE = QColor("#6b6b6b")


def category_label(code: str) -> str:
    return CATEGORY_LABELS.get(code, code.replace("_", " ").capitalize())


def dismiss_reasons() -> list[tuple[str, str]]:
    """``(key, label)`` pairs for the dismissal menu, from the engine's ``DISMISS_REASONS``."""
    try:
        from vetting.screening import DISMISS_REASONS
    except Exception:
        return list(_FALLBACK_DISMISS_LABELS.items())
    if isinstance(DISMISS_REASONS, dict):
        return [(str(k), str(v)) for k, v in DISMISS_REASONS.items()]
    out = []
    for k in DISMISS_REASONS:
        out.append((str(k), _FALLBACK_DISMISS_LABELS.get(str(k), str(k).replace("_", " ").capitalize())))
    return out


def dismiss_label(key: str) -> str:
    return dict(dismiss_reasons()).get(key, key)


class _Offsets:
    """Python code-point offsets <-> Qt UTF-16 positions for one text."""

    def __init__(self, text: str) -> None:
        self.simple = all(ord(c) < 0x10000 for c in text) if not text.isascii() else True
        if not self.simple:
            acc = [0]
            for c in text:
                acc.append(acc[-1] + (2 if ord(c) >= 0x10000 else 1))
            self._q = acc  # _q[i] = Qt position of Python offset i

    def to_qt(self, i: int) -> int:
        return i if self.simple else self._q[max(0, min(i, len(self._q) - 1))]

    def to_py(self, j: int) -> int:
        if self.simple:
            return j
        return max(0, bisect.bisect_right(self._q, j) - 1)


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # binary search with C-speed slice comparisons
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


@dataclass(frozen=True)
class Highlight:
    """One highlighted span as the investigator sees it (offsets into ``original_text()``)."""

    start: int
    end: int
    category: str
    state: str  # "automatic" | "undecided" | "confirmed" | "dismissed" | "manual"
    reason: str | None = None  # dismissal reason key
    tier: str = "redact"  # the engine's tier for automatic suggestions

    @property
    def label(self) -> str:
        return category_label(self.category)


def _analyze(options: Any, text: str) -> list[Any]:
    """Runs on a ``cpu`` pool thread; the engine is thread-safe."""
    from vetting.services.screening import analyze_field

    return analyze_field(text, "text", options=options)


def _analyze_field(options: Any, text: str, kind: str) -> list[Any]:
    """:func:`_analyze` for a short field of ``kind`` ("words", "url")."""
    from vetting.services.screening import analyze_field

    return analyze_field(text, kind, options=options)


class ScreenedTextEdit(QPlainTextEdit):
    """Free-text input screened in the background for protected-class information.

    Thread: GUI thread only; screening itself runs in a background job.
    """

    sig_screened = Signal()  # the spans now describe the current text
    sig_state_changed = Signal(str)  # a sentence for a status line
    sig_focused = Signal()  # the field got the keyboard focus (a shared status line shows its state)
    sig_review_changed = Signal()  # a decision changed (dismiss / restore / mark)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, accessible_name: str = "",
                 max_chars: int | None = None, placeholder: str = "", debounce_ms: int = 400,
                 kind: str = "text", single_line: bool = False) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._kind = kind
        self._single_line = single_line
        self._max_chars = max_chars
        self._spans: list[Any] = []  # engine Spans for the current text (shifted on edits)
        self._screened_for: str | None = None  # the text the spans were computed for
        self._dismissed: dict[tuple[int, int], tuple[str, str]] = {}  # (start,end) -> (reason, substring)
        self._manual: list[tuple[int, int, str, str]] = []  # (start, end, category, substring)
        self._confirmed: dict[tuple[int, int], str] = {}  # confirm-tier spans to redact -> substring
        self._last_text = ""
        self._loaded_text = ""
        self._job: Job | None = None
        self._job_text: str | None = None
        self._error: str | None = None
        self._decisions_changed = False
        self._state = ""
        self.jobs_started = 0  # for diagnostics and tests
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        if accessible_name:
            self.setAccessibleName(accessible_name)
        if placeholder:
            self.setPlaceholderText(placeholder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._start_job)
        self.textChanged.connect(self._on_text_changed)
        ctx.sig_engine_ready.connect(self._on_engine_ready)
        ctx.sig_engine_failed.connect(self._on_engine_failed)
        self.viewport().setMouseTracking(True)
        if single_line:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            margins = self.contentsMargins()
            self.setFixedHeight(self.fontMetrics().lineSpacing() + 2 * int(self.document().documentMargin())
                                + margins.top() + margins.bottom() + 2)
        self._set_state(self._idle_state())

    # ------------------------------------------------------------------ public API

    def original_text(self) -> str:
        """The text as typed or pasted (in memory only)."""
        return self.toPlainText()

    def text(self) -> str:
        """``original_text()`` (the same call as a QLineEdit's, for short fields)."""
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Replace the text as if typed (it is screened again; decisions on it are dropped)."""
        self.setPlainText(text)

    def set_original_text(self, text: str | None) -> None:
        """Load a text (e.g. the stored, already redacted form) and forget all decisions."""
        self._dismissed.clear()
        self._manual.clear()
        self._confirmed.clear()
        self._spans = []
        self._screened_for = None
        self._decisions_changed = False
        self.setPlainText(text or "")
        self._loaded_text = self.toPlainText()
        self.document().setModified(False)

    def is_modified(self) -> bool:
        """True when the text or a decision changed since :meth:`set_original_text`."""
        return self.toPlainText() != self._loaded_text or self._decisions_changed

    def mark_saved(self) -> None:
        self._loaded_text = self.toPlainText()
        self.document().setModified(False)
        self._decisions_changed = False

    def is_screening_done(self) -> bool:
        """True when the highlights describe exactly the current text."""
        text = self.toPlainText()
        if not text.strip():
            return True
        return self._screened_for == text and self._job is None and not self._timer.isActive()

    def too_long(self) -> bool:
        return self._max_chars is not None and len(self.toPlainText()) > self._max_chars

    def state_text(self) -> str:
        return self._state

    def highlights(self) -> list[Highlight]:
        """Everything highlighted now, in text order."""
        out = []
        for sp in self._spans:
            # As in the engine's redact(): any overlapping dismissal keeps the suggestion.
            d = self._dismissed.get((sp.start, sp.end)) or next(
                (v for (a, b), v in self._dismissed.items() if a < sp.end and sp.start < b), None)
            tier = getattr(sp, "tier", "redact")
            if d:
                state = "dismissed"
            elif tier != "confirm":
                state = "automatic"
            else:
                state = "confirmed" if (sp.start, sp.end) in self._confirmed else "undecided"
            out.append(Highlight(sp.start, sp.end, sp.category, state, d[0] if d else None, tier))
        out += [Highlight(s, e, c, "manual") for s, e, c, _t in self._manual]
        return sorted(out, key=lambda h: (h.start, h.end))

    def review(self):  # type: ignore[no-untyped-def]
        """The investigator's decisions as a ``TextReview`` (offsets into the original text)."""
        from vetting.screening import Dismissal, Span
        from vetting.services.screening import TextReview

        dismissed = tuple(Dismissal(s, e, reason) for (s, e), (reason, _t) in sorted(self._dismissed.items()))
        manual = tuple(Span(s, e, c, 1.0, "", "manual") for s, e, c, _t in sorted(self._manual))
        return TextReview(dismissed=dismissed, manual=manual, confirmed=tuple(sorted(self._confirmed)))

    def undecided(self) -> list[Highlight]:
        """``confirm``-tier suggestions still waiting for the investigator's decision."""
        return [h for h in self.highlights() if h.state == "undecided"]

    def next_undecided(self) -> Highlight | None:
        """Select the next undecided suggestion after the caret (wrapping); None when there is none."""
        todo = self.undecided()
        if not todo:
            return None
        off = _Offsets(self.toPlainText())
        here = off.to_py(self.textCursor().selectionEnd())
        h = next((x for x in todo if x.start >= here), todo[0])
        cur = QTextCursor(self.document())
        cur.setPosition(off.to_qt(h.start))
        cur.setPosition(off.to_qt(h.end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cur)
        self.ensureCursorVisible()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._set_state(self._summary() + f" Selected: {h.label} — decide with the context menu "
                        "(menu key or Shift+F10), or Ctrl+Shift+R to redact it.")
        return h

    def confirm(self, start: int, end: int) -> None:
        """Redact the ``confirm``-tier suggestion ``[start, end)`` (the investigator's decision)."""
        if not any(sp.start == start and sp.end == end for sp in self._spans):
            raise ValueError("no suggestion at that place")
        self._dismissed.pop((start, end), None)
        self._confirmed[(start, end)] = self.toPlainText()[start:end]
        self._decision_changed()

    def redacted_preview(self) -> str:
        """What the file will hold if saved now (computed in memory; nothing is stored)."""
        text = self.toPlainText()
        if not text:
            return ""
        from vetting.screening import Span
        from vetting.services.screening import engine_for, options_from_settings

        review = self.review()
        manual = tuple(Span(m.start, m.end, m.category, 1.0, "marked by investigator", "manual")
                       for m in review.manual)
        engine = engine_for(options_from_settings(self._ctx.settings))
        return engine.redact(text, list(self._spans), dismissed=review.dismissed, manual=manual).text

    def dismiss(self, start: int, end: int, reason: str) -> None:
        """Dismiss the automatic highlight ``[start, end)`` with a reason key of ``DISMISS_REASONS``."""
        if not any(sp.start == start and sp.end == end for sp in self._spans):
            raise ValueError("no automatic highlight at that place")
        self._confirmed.pop((start, end), None)
        self._dismissed[(start, end)] = (reason, self.toPlainText()[start:end])
        self._decision_changed()

    def restore(self, start: int, end: int) -> None:
        """Undo a decision on the suggestion ``[start, end)`` (a confirm-tier one is undecided again)."""
        self._dismissed.pop((start, end), None)
        self._confirmed.pop((start, end), None)
        self._decision_changed()

    def mark(self, start: int, end: int, category: str) -> None:
        """Mark ``[start, end)`` as protected-class information the engine missed."""
        text = self.toPlainText()
        # Trim surrounding whitespace so a sloppy selection still redacts only the words.
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        self._manual = [m for m in self._manual if not (m[0] == start and m[1] == end)]
        self._manual.append((start, end, category, text[start:end]))
        self._decision_changed()

    def unmark(self, start: int, end: int) -> None:
        self._manual = [m for m in self._manual if not (m[0] == start and m[1] == end)]
        self._decision_changed()

    def mark_selection(self, category: str) -> None:
        cur = self.textCursor()
        if not cur.hasSelection():
            return
        off = _Offsets(self.toPlainText())
        self.mark(off.to_py(cur.selectionStart()), off.to_py(cur.selectionEnd()), category)

    def highlight_at(self, pos: int) -> Highlight | None:
        """The highlight covering Python offset ``pos`` (manual marks win)."""
        hits = [h for h in self.highlights() if h.start <= pos < h.end]
        hits.sort(key=lambda h: (h.state != "manual", h.end - h.start))
        return hits[0] if hits else None

    def build_context_menu(self, qt_pos: int | None = None) -> QMenu:
        """The standard edit menu plus the screening actions for the place ``qt_pos``."""
        menu = self.createStandardContextMenu()
        cur = self.textCursor()
        text = self.toPlainText()
        off = _Offsets(text)
        pos = off.to_py(cur.position() if qt_pos is None else qt_pos)
        h = self.highlight_at(pos)
        if h is None and pos > 0:
            h = self.highlight_at(pos - 1)  # caret just after a word
        writable = not self.isReadOnly()
        first = menu.actions()[0] if menu.actions() else None
        added: list[QAction] = []
        if h is not None and h.state == "undecided":
            act = QAction(f"Redact it ({h.label})\tCtrl+Shift+R", menu)
            act.triggered.connect(lambda _=False, s=h.start, e=h.end: self.confirm(s, e))
            act.setEnabled(writable)
            added.append(act)
        if h is not None and h.state in ("automatic", "undecided"):
            title = "Keep it, because…" if h.state == "undecided" else f"Dismiss highlight ({h.label})"
            sub = QMenu(title, menu)
            for key, label in dismiss_reasons():
                act = sub.addAction(label)
                act.setData(("dismiss", h.start, h.end, key))
                act.triggered.connect(lambda _=False, s=h.start, e=h.end, k=key: self.dismiss(s, e, k))
                act.setEnabled(writable)
            added.append(sub.menuAction())
        elif h is not None and h.state in ("dismissed", "confirmed"):
            text = ("undo my decision" if h.tier == "confirm" else "redact it again")
            act = QAction(f"Restore highlight ({h.label}) — {text}", menu)
            act.triggered.connect(lambda _=False, s=h.start, e=h.end: self.restore(s, e))
            act.setEnabled(writable)
            added.append(act)
        elif h is not None and h.state == "manual":
            act = QAction(f"Remove my mark ({h.label})", menu)
            act.triggered.connect(lambda _=False, s=h.start, e=h.end: self.unmark(s, e))
            act.setEnabled(writable)
            added.append(act)
        if cur.hasSelection():
            sub = QMenu("Mark selection as protected", menu)
            for code in self._categories():
                act = sub.addAction(category_label(code))
                act.triggered.connect(lambda _=False, c=code: self.mark_selection(c))
                act.setEnabled(writable)
            added.append(sub.menuAction())
        for act in added:
            menu.insertAction(first, act) if first else menu.addAction(act)
        if added and first:
            menu.insertSeparator(first)
        return menu

    # ------------------------------------------------------------------ Qt overrides

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.sig_focused.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._single_line and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # a one-line field: Enter belongs to the dialog's default button
            return
        if event.key() == Qt.Key.Key_F8:
            self.next_undecided()
            return
        if (event.key() == Qt.Key.Key_R and event.modifiers() ==
                (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)):
            if not self.isReadOnly():
                h = self._highlight_at_caret()
                if h is not None and h.state == "undecided":
                    self.confirm(h.start, h.end)
                    self.next_undecided()
            return
        super().keyPressEvent(event)

    def _highlight_at_caret(self) -> Highlight | None:
        off = _Offsets(self.toPlainText())
        cur = self.textCursor()
        pos = off.to_py(cur.selectionStart() if cur.hasSelection() else cur.position())
        return self.highlight_at(pos) or (self.highlight_at(pos - 1) if pos > 0 else None)

    def insertFromMimeData(self, source: Any) -> None:
        if self._single_line and source.hasText():
            self.insertPlainText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            qt_pos = self.cursorForPosition(event.pos()).position()
            cur = self.textCursor()
            if cur.hasSelection() and cur.selectionStart() <= qt_pos <= cur.selectionEnd():
                qt_pos = cur.selectionStart()
        else:
            qt_pos = None
        menu = self.build_context_menu(qt_pos)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._ctx_show_hover():
            qt_pos = self.cursorForPosition(event.pos()).position()
            text = self.toPlainText()
            pos = _Offsets(text).to_py(qt_pos)
            h = self.highlight_at(pos)
            if h is not None:
                QToolTip.showText(event.globalPos(), self.tooltip_for(h), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def tooltip_for(self, h: Highlight) -> str:
        if h.state == "automatic":
            return (f"Protected class: {h.label}.\nIt will be replaced by the redaction token when saved.\n"
                    "Right-click (or the menu key) to dismiss it.")
        if h.state == "undecided":
            return (f"Possibly protected: {h.label}.\nYour decision is needed before saving: right-click (or the "
                    "menu key) to redact it or keep it with a reason; F8 goes to the next one.")
        if h.state == "confirmed":
            return f"You chose to redact this ({h.label}).\nIt will be replaced by the redaction token when saved."
        if h.state == "dismissed":
            return f"Dismissed ({dismiss_label(h.reason or '')}): {h.label}.\nIt will be kept in the text."
        return f"Marked by you as {h.label}.\nIt will be replaced by the redaction token when saved."

    # ------------------------------------------------------------------ internals

    def _ctx_show_hover(self) -> bool:
        return True

    def _categories(self) -> list[str]:
        political = bool(self._ctx.settings.get("screen_political_affiliation", False))
        return [c for c in CATEGORY_LABELS if political or c != "POLITICAL_AFFILIATION"]

    def _idle_state(self) -> str:
        if self._ctx.engine_error:
            return f"Screening unavailable: {self._ctx.engine_error}"
        if not self._ctx.engine_ready:
            return "Screening engine loading…"
        return ""

    def _set_state(self, text: str) -> None:
        if text != self._state:
            self._state = text
            self.sig_state_changed.emit(text)

    def _decision_changed(self) -> None:
        self._decisions_changed = True
        self._render()
        self._set_state(self._summary())
        self.sig_review_changed.emit()

    @Slot()
    def _on_text_changed(self) -> None:
        new = self.toPlainText()
        old = self._last_text
        if new == old:
            return
        self._last_text = new
        self._remap(old, new)
        self._render()
        if self.too_long():
            self._timer.stop()
            self._set_state(f"The text is {len(new):,} characters long; the limit is {self._max_chars:,}. "
                            "Shorten it to save.")
            return
        if not new.strip():
            self._spans, self._screened_for = [], new
            self._timer.stop()
            self._set_state(self._idle_state())
            self.sig_screened.emit()
            return
        if not self._ctx.engine_ready:
            self._set_state(self._idle_state())
            return
        self._set_state("Screening…")
        self._timer.start()

    def _remap(self, old: str, new: str) -> None:
        """Shift spans and decisions across an edit; drop those the edit touched."""
        p = _common_prefix(old, new)
        s = _common_suffix(old, new, min(len(old), len(new)) - p)
        old_end = len(old) - s  # the edit replaced old[p:old_end] with new[p:len(new)-s]
        delta = len(new) - len(old)

        def move(a: int, b: int) -> tuple[int, int] | None:
            if b <= p:
                return a, b
            if a >= old_end:
                return a + delta, b + delta
            return None

        spans = []
        for sp in self._spans:
            m = move(sp.start, sp.end)
            if m is not None:
                spans.append(_shifted(sp, *m))
        self._spans = spans
        dismissed = {}
        for (a, b), (reason, sub) in self._dismissed.items():
            m = move(a, b)
            if m is not None and new[m[0]:m[1]] == sub:
                dismissed[m] = (reason, sub)
        manual = []
        for a, b, cat, sub in self._manual:
            m = move(a, b)
            if m is not None and new[m[0]:m[1]] == sub:
                manual.append((m[0], m[1], cat, sub))
        confirmed = {}
        for (a, b), sub in self._confirmed.items():
            m = move(a, b)
            if m is not None and new[m[0]:m[1]] == sub:
                confirmed[m] = sub
        if (len(dismissed) != len(self._dismissed) or len(manual) != len(self._manual)
                or len(confirmed) != len(self._confirmed)):
            self._decisions_changed = True
        self._dismissed, self._manual, self._confirmed = dismissed, manual, confirmed

    @Slot()
    def _start_job(self) -> None:
        if self._job is not None:
            return  # the running job's completion starts the next one
        text = self.toPlainText()
        if not text.strip() or self.too_long() or not self._ctx.engine_ready:
            return
        from vetting.services.screening import options_from_settings

        self._job_text = text
        self.jobs_started += 1
        self._set_state("Screening…")
        opts = options_from_settings(self._ctx.settings)
        job = (Job(_analyze, opts, text, parent=self) if self._kind == "text"
               else Job(_analyze_field, opts, text, self._kind, parent=self))
        self._job = (job.on_pool("cpu").success(self._on_result).failure(self._on_failed))
        self._job.run_in_background()

    def _on_result(self, spans: list[Any]) -> None:
        text, self._job, self._job_text = self._job_text, None, None
        if text != self.toPlainText():
            self._timer.start()  # superseded: screen the newer text
            return
        self._error = None
        self._spans = sorted(spans, key=lambda sp: (sp.start, sp.end))
        self._screened_for = text
        keys = {(sp.start, sp.end) for sp in self._spans}
        before = len(self._dismissed) + len(self._confirmed)
        self._dismissed = {k: v for k, v in self._dismissed.items() if k in keys}
        self._confirmed = {k: v for k, v in self._confirmed.items() if k in keys}
        if len(self._dismissed) + len(self._confirmed) != before:
            self._decisions_changed = True
        self._render()
        self._set_state(self._summary())
        self.sig_screened.emit()

    def _on_failed(self, exc: BaseException) -> None:
        self._job, self._job_text = None, None
        self._error = error_text(exc)
        self._set_state(f"Screening failed: {self._error} Saving will screen the text again.")

    @Slot()
    def _on_engine_ready(self) -> None:
        if self.toPlainText().strip() and not self.too_long():
            self._set_state("Screening…")
            self._timer.start()
        else:
            self._set_state(self._idle_state())

    @Slot(str)
    def _on_engine_failed(self, message: str) -> None:
        self._set_state(f"Screening unavailable: {message}")

    def _summary(self) -> str:
        hs = self.highlights()
        if not hs:
            return "Screened: no protected-class information detected."
        auto = sum(1 for h in hs if h.state in ("automatic", "confirmed"))
        dismissed = sum(1 for h in hs if h.state == "dismissed")
        manual = sum(1 for h in hs if h.state == "manual")
        todo = sum(1 for h in hs if h.state == "undecided")
        parts = [f"{auto + manual} to redact"]
        if todo:
            parts.insert(0, f"{todo} waiting for your decision (F8 goes to the next)")
        if manual:
            parts.append(f"{manual} marked by you")
        if dismissed:
            parts.append(f"{dismissed} dismissed (kept)")
        return "Screened: " + ", ".join(parts) + ". Hover a highlight to see why."

    def _render(self) -> None:
        text = self.toPlainText()
        off = _Offsets(text)
        sels = []
        for h in self.highlights():
            sel = QTextEdit.ExtraSelection()
            cur = QTextCursor(self.document())
            cur.setPosition(off.to_qt(h.start))
            cur.setPosition(off.to_qt(h.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cur
            sel.format = highlight_format(h.state)
            sels.append(sel)
        self.setExtraSelections(sels)


def highlight_format(state: str) -> QTextCharFormat:
    """The look of a highlight: background colour *and* underline style differ per state."""
    fmt = QTextCharFormat()
    if state == "undecided":
        fmt.setBackground(_UNDECIDED_BG)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
        fmt.setUnderlineColor(_UNDECIDED_LINE)
        fmt.setFontWeight(700)
    elif state in ("automatic", "confirmed"):
        fmt.setBackground(_AUTO_BG)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(_AUTO_LINE)
    elif state == "manual":
        fmt.setBackground(_MANUAL_BG)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(_MANUAL_LINE)
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(_DISMISSED_LINE)
    fmt.setProperty(QTextFormat.Property.UserProperty, state)
    return fmt


def legend(parent: QWidget | None = None) -> QPlainTextEdit:
    """A one-line key to the highlight styles, drawn with the very same formats."""
    parts = [("to decide", "undecided", " = your decision (F8)   "),
             ("detected", "automatic", " = redacted   "),
             ("marked by you", "manual", " = redacted   "),
             ("dismissed", "dismissed", " = kept")]
    box = QPlainTextEdit(parent)
    box.setObjectName("highlightLegend")
    box.setReadOnly(True)
    box.setFrameShape(QPlainTextEdit.Shape.NoFrame)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    box.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    box.setStyleSheet("QPlainTextEdit#highlightLegend { background: transparent; }")
    box.setAccessibleName("Key to the highlights")
    text, sels, pos = "Key:  ", [], 6
    for sample, state, rest in parts:
        sel = QTextEdit.ExtraSelection()
        sel.format = highlight_format(state)
        sels.append((pos, pos + len(sample), sel))
        text += sample + rest
        pos = len(text)
    box.setPlainText(text)
    out = []
    for a, b, sel in sels:
        cur = QTextCursor(box.document())
        cur.setPosition(a)
        cur.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cur
        out.append(sel)
    box.setExtraSelections(out)
    box.setFixedHeight(box.fontMetrics().height() + 14)
    return box


def _shifted(span: Any, start: int, end: int) -> Any:
    if span.start == start and span.end == end:
        return span
    import dataclasses

    if dataclasses.is_dataclass(span):
        return dataclasses.replace(span, start=start, end=end)
    return span._replace(start=start, end=end)  # NamedTuple


def undecided_problem(*editors: ScreenedTextEdit) -> str | None:
    """A sentence for the first editor with undecided suggestions (whose first one is selected), or
    None when every suggestion is decided. The service refuses such a text too; this says it early."""
    for editor in editors:
        todo = editor.undecided()
        if todo:
            editor.next_undecided()
            n = len(todo)
            name = editor.accessibleName() or "The text"
            return (f"{name}: {n} possible protected-class mention{'s' if n != 1 else ''} still "
                    f"need{'' if n != 1 else 's'} your decision (dashed highlight). Redact or keep each with "
                    "a reason — the first is selected; F8 goes to the next — then save again.")
    return None


def status_label(editor: ScreenedTextEdit, parent: QWidget | None = None) -> QLabel:
    """A small status line that follows ``editor``'s screening state."""
    label = QLabel(editor.state_text(), parent)
    label.setObjectName("screeningStatus")
    label.setWordWrap(True)
    label.setStyleSheet("color: #505050;")
    label.setAccessibleName("Screening status")
    editor.sig_state_changed.connect(label.setText)
    return label


def with_choices(editor: ScreenedTextEdit, choices: list[str], parent: QWidget | None = None) -> QWidget:
    """``editor`` with a drop-down button of common values (e.g. platforms); picking one puts it
    in the field, where it is screened like typed text."""
    box = QWidget(parent)
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    button = QToolButton(box)
    button.setText("▾")
    button.setAccessibleName(f"Choose: {editor.accessibleName()}")
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for choice in choices:
        menu.addAction(choice).triggered.connect(lambda _=False, c=choice: editor.setText(c))
    button.setMenu(menu)
    lay.addWidget(editor, 1)
    lay.addWidget(button)
    box.setFocusProxy(editor)
    return box


def review_status_label(editors: list[ScreenedTextEdit], parent: QWidget | None = None) -> QLabel:
    """One status line for several short fields, named by the field's accessible name: the state of
    the field being edited (keyboard focus), else of the field whose state changed last."""
    label = QLabel("", parent)
    label.setObjectName("screeningStatus")
    label.setWordWrap(True)
    label.setStyleSheet("color: #505050;")
    label.setAccessibleName("Screening status")
    for ed in editors:
        track_status(label, ed)
    return label


def track_status(label: QLabel, editor: ScreenedTextEdit) -> None:
    """Show ``editor``'s screening state on the shared ``label`` (see :func:`review_status_label`):
    a background result for one field does not overwrite the state of the field being edited, and
    moving the focus to a field shows its state."""
    tracked: list[ScreenedTextEdit] = getattr(label, "tracked_editors", [])
    label.tracked_editors = tracked  # type: ignore[attr-defined]
    tracked.append(editor)

    def show(ed: ScreenedTextEdit) -> None:
        text = ed.state_text()
        label.setText(f"{ed.accessibleName()}: {text}" if text else "")

    def changed(_text: str, ed: ScreenedTextEdit = editor) -> None:
        focused = QApplication.focusWidget()
        editing = next((e for e in tracked if shiboken6.isValid(e) and e is focused), None)
        show(editing if editing is not None and editing is not ed else ed)

    editor.sig_state_changed.connect(changed)
    editor.sig_focused.connect(lambda ed=editor: show(ed))


__all__ = ["CATEGORY_LABELS", "Highlight", "ScreenedTextEdit", "category_label", "dismiss_reasons", "highlight_format",
           "legend", "review_status_label", "status_label", "track_status", "undecided_problem", "with_choices"]
