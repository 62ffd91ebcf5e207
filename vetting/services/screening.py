"""The screening seam: the one function every free text passes through before it is stored.

The original text lives only in memory here; what comes out is the redacted text (a
:class:`~vetting.models.Screened` string, the only kind a screened column accepts) and the
redaction record (counts only).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from vetting.errors import RuleViolation
from vetting.models import Screened
from vetting.screening import DISMISS_REASONS, Dismissal, RedactionRecord, Span, get_engine

#: Longest text accepted into one field (characters). A longer paste is refused up front.
MAX_TEXT_CHARS = 200_000
MAX_NOTE_CHARS = 20_000

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class TextReview:
    """The investigator's decisions on the engine's suggestions for one text.

    ``dismissed`` drops suggestions (each with a reason key of ``DISMISS_REASONS``);
    ``manual`` adds spans the engine missed. Offsets are into the original text.
    """

    dismissed: tuple[Dismissal, ...] = ()
    manual: tuple[Span, ...] = ()


@dataclass(frozen=True)
class ScreeningOptions:
    category_tokens: bool = False
    political: bool = False


@dataclass(frozen=True)
class ScreenResult:
    text: Screened
    record: RedactionRecord
    dismissed_by_reason: dict[str, int] = field(default_factory=dict)


def options_from_settings(values: dict[str, Any]) -> ScreeningOptions:
    return ScreeningOptions(
        category_tokens=bool(values.get("redaction_category_tokens", False)),
        political=bool(values.get("screen_political_affiliation", False)),
    )


def engine_for(options: ScreeningOptions):  # type: ignore[no-untyped-def]
    from vetting.screening import CATEGORIES, DEFAULT_ENABLED

    enabled = frozenset(CATEGORIES) if options.political else DEFAULT_ENABLED
    return get_engine(enabled=enabled, category_tokens=options.category_tokens)


def _clean(text: str) -> str:
    """Drop NUL/control characters and lone surrogates (they cannot be stored or printed)."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


def screen_for_file(
    text: str,
    review: TextReview | None = None,
    *,
    options: ScreeningOptions = ScreeningOptions(),
    what: str = "Text",
    limit: int = MAX_TEXT_CHARS,
) -> ScreenResult:
    """Screen ``text`` and return only its redacted form and the counts.

    Thread: any (the engine is thread-safe). Raises :class:`RuleViolation` when the text is
    longer than ``limit`` or a review decision does not fit the text.
    """
    text = str(text)  # a plain str: spaCy refuses str subclasses such as Screened
    if len(text) > limit:
        raise RuleViolation(
            f"{what} is {len(text):,} characters long; the limit is {limit:,}. Nothing was saved. "
            "Split it into several findings or keep only the relevant part."
        )
    review = review or TextReview()
    for d in review.dismissed:
        if d.reason not in DISMISS_REASONS:
            raise RuleViolation(f"Unknown dismissal reason {d.reason!r}.")
    for m in review.manual:
        if not (0 <= m.start < m.end <= len(text)):
            raise RuleViolation("A span marked as protected lies outside the text; select it again.")
    engine = engine_for(options)
    spans = engine.analyze(text)
    manual = tuple(Span(m.start, m.end, m.category, 1.0, "marked by investigator", "manual") for m in review.manual)
    redacted = engine.redact(text, spans, dismissed=review.dismissed, manual=manual)
    dismissed = {k: v for k, v in redacted.record.as_dict().get("dismissed_by_reason", {}).items() if v}
    return ScreenResult(Screened(_clean(redacted.text)), redacted.record, dismissed)


def screen_optional(text: str | None, review: TextReview | None = None, *, stored: str | None = None,
                    **kw: Any) -> ScreenResult | None:
    """Screen a text that may be absent or blank (stored as NULL).

    A text identical to what is ``stored`` (already screened, with the investigator's decisions,
    e.g. a biased-speech target kept on purpose) is kept as it is instead of being screened again.
    """
    if text is None or not text.strip():
        return None
    if stored is not None and text == stored:
        return ScreenResult(Screened(stored), RedactionRecord(0, 0, 0, 0, (), "unchanged"))
    kw.setdefault("limit", MAX_NOTE_CHARS)
    return screen_for_file(text, review, **kw)
