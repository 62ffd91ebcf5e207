"""Review decisions and leak-proof redaction (no spaCy, no Presidio: cheap to import).

What a :class:`RedactionRecord` holds is exactly what DESIGN.md allows to persist: counts and
the engine version. Never the words, never the categories, never a hash of the original.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from vetting.screening.terms import CATEGORIES

__all__ = [
    "DISMISS_REASONS",
    "REDACTION_TOKEN",
    "Dismissal",
    "RedactedText",
    "RedactionRecord",
    "Span",
    "TIERS",
    "TOKEN_PATTERN",
    "redact",
]

REDACTION_TOKEN = "[REDACTED]"
TIERS = ("redact", "confirm")
DISMISS_REASONS: dict[str, str] = {
    "not_protected": "Not protected-class information",
    "biased_speech_evidence": "Target of biased speech kept as evidence of conduct",
}
#: Matches the neutral token and every category token; the engine never reports inside them.
TOKEN_PATTERN = re.compile(r"\[(?:REDACTED|" + "|".join(CATEGORIES) + r")\]")


@dataclass(frozen=True)
class Span:
    """A stretch ``text[start:end]`` that reveals a protected characteristic.

    ``source`` is ``"auto"`` for engine suggestions and ``"manual"`` for spans the investigator
    added. ``explanation`` says which term list line / pattern fired (never the words).
    ``tier`` is ``"redact"`` (confident: redacted unless dismissed with a reason) or
    ``"confirm"`` (possible: the investigator must decide before the text can be saved).
    """

    start: int
    end: int
    category: str
    score: float
    explanation: str = ""
    source: str = "auto"
    tier: str = "redact"


@dataclass(frozen=True)
class Dismissal:
    """The investigator's decision to keep a suggested span; ``reason`` is a DISMISS_REASONS key."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class RedactionRecord:
    """Counts only. ``dismissed_by_reason`` is a tuple of ``(reason_key, count)`` pairs covering
    every reason in :data:`DISMISS_REASONS` (so the record stays hashable)."""

    span_count: int
    automatic_count: int
    manual_count: int
    dismissed_count: int
    dismissed_by_reason: tuple[tuple[str, int], ...] = field(default=())
    engine_version: str = ""
    #: ``confirm``-tier suggestions redacted / kept (the kept ones are also in ``dismissed_count``).
    confirm_redacted: int = 0
    confirm_kept: int = 0

    def as_dict(self) -> dict:
        """Plain JSON-ready dict (``dismissed_by_reason`` as a mapping)."""
        return {
            "span_count": self.span_count,
            "automatic_count": self.automatic_count,
            "manual_count": self.manual_count,
            "dismissed_count": self.dismissed_count,
            "dismissed_by_reason": dict(self.dismissed_by_reason),
            "engine_version": self.engine_version,
            "confirm_redacted": self.confirm_redacted,
            "confirm_kept": self.confirm_kept,
        }


@dataclass(frozen=True)
class RedactedText:
    """The text to persist and its record."""

    text: str
    record: RedactionRecord


def _clip(text: str, start: int, end: int) -> tuple[int, int] | None:
    n = len(text)
    s, e = max(0, min(int(start), n)), max(0, min(int(end), n))
    return (s, e) if s < e else None


def redact(
    text: str,
    spans: Sequence[Span],
    *,
    dismissed: Sequence[Dismissal] = (),
    manual: Sequence[Span] = (),
    category_tokens: bool = False,
    engine_version: str = "",
) -> RedactedText:
    """Replace accepted spans with the neutral token.

    Semantics
    ---------
    * ``spans`` are the engine's suggestions (automatic). A suggestion that overlaps any
      ``dismissed`` range is not redacted; it counts once under the reason of the first
      dismissal that overlaps it. Dismissals that overlap no suggestion count nothing.
    * ``manual`` spans are always redacted (they win over dismissals).
    * Accepted spans are clipped to the text, then merged when they overlap, touch, or are
      separated only by whitespace, so "as a [Black] [woman]" becomes one token and the token
      count does not reveal the number of words. With ``category_tokens`` only spans of the same
      category merge across whitespace, and a merged region is labelled with the category of
      its longest span.
    * Each merged region becomes :data:`REDACTION_TOKEN` (or ``[CATEGORY]``).
    * Idempotent: the tokens are never detected by the engine, so screening the result again
      finds none of the accepted spans and redacting it again changes nothing.

    Raises
    ------
    ValueError
        A dismissal names an unknown reason, or a span names an unknown category.
    """
    by_reason = {key: 0 for key in DISMISS_REASONS}
    dismissals = []
    for d in dismissed:
        if d.reason not in DISMISS_REASONS:
            raise ValueError(
                f"unknown dismissal reason {d.reason!r}; known: {', '.join(DISMISS_REASONS)}"
            )
        dismissals.append(d)
    accepted: list[tuple[int, int, str]] = []
    automatic = 0
    dismissed_count = 0
    confirm_redacted = confirm_kept = 0
    for span in spans:
        if span.category not in CATEGORIES:
            raise ValueError(f"unknown category {span.category!r}")
        rng = _clip(text, span.start, span.end)
        if rng is None:
            continue
        hit = next((d for d in dismissals if d.start < rng[1] and rng[0] < d.end), None)
        confirm = span.tier == "confirm"
        if hit is not None:
            dismissed_count += 1
            by_reason[hit.reason] += 1
            confirm_kept += confirm
            continue
        automatic += 1
        confirm_redacted += confirm
        accepted.append((rng[0], rng[1], span.category))
    manual_count = 0
    for span in manual:
        if span.category not in CATEGORIES:
            raise ValueError(f"unknown category {span.category!r}")
        rng = _clip(text, span.start, span.end)
        if rng is None:
            continue
        manual_count += 1
        accepted.append((rng[0], rng[1], span.category))

    accepted.sort()
    merged: list[list] = []  # [start, end, {category: length}]
    for s, e, cat in accepted:
        if merged:
            last = merged[-1]
            gap = text[last[1] : s] if s > last[1] else ""
            same = not category_tokens or cat in last[2]
            if s <= last[1] or (gap.isspace() and same):
                last[1] = max(last[1], e)
                last[2][cat] = last[2].get(cat, 0) + (e - s)
                continue
        merged.append([s, e, {cat: e - s}])
    out, pos = [], 0
    for s, e, cats in merged:
        out.append(text[pos:s])
        out.append(f"[{max(cats, key=cats.get)}]" if category_tokens else REDACTION_TOKEN)
        pos = e
    out.append(text[pos:])
    record = RedactionRecord(
        span_count=len(merged),
        automatic_count=automatic,
        manual_count=manual_count,
        dismissed_count=dismissed_count,
        dismissed_by_reason=tuple(sorted(by_reason.items())),
        engine_version=engine_version,
        confirm_redacted=confirm_redacted,
        confirm_kept=confirm_kept,
    )
    return RedactedText("".join(out), record)
