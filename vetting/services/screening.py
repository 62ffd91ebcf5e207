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
    ``manual`` adds spans the engine missed; ``confirmed`` lists the ``(start, end)`` of
    ``confirm``-tier suggestions the investigator chose to redact. Offsets are into the original
    text.

    A review is the record of an investigator's look at the text, so every ``confirm``-tier
    suggestion must be decided in it: confirmed or dismissed (see :func:`screen_for_file`).
    """

    dismissed: tuple[Dismissal, ...] = ()
    manual: tuple[Span, ...] = ()
    confirmed: tuple[tuple[int, int], ...] = ()


class UndecidedSpans(RuleViolation):
    """A reviewed text still has ``confirm``-tier suggestions nobody decided on."""


def undecided(spans: list[Span], review: TextReview) -> list[Span]:
    """The ``confirm``-tier ``spans`` that ``review`` neither confirmed nor dismissed."""
    def decided(sp: Span) -> bool:
        return any(a < sp.end and sp.start < b for a, b in review.confirmed) or any(
            d.start < sp.end and sp.start < d.end for d in review.dismissed)

    return [sp for sp in spans if sp.tier == "confirm" and not decided(sp)]


@dataclass(frozen=True)
class ScreeningOptions:
    category_tokens: bool = False
    political: bool = False
    #: the department's local terms ``(label, text)`` (see :mod:`vetting.services.local_terms`)
    local_terms: tuple[str, str] | None = None


@dataclass(frozen=True)
class ScreenResult:
    text: Screened
    record: RedactionRecord
    dismissed_by_reason: dict[str, int] = field(default_factory=dict)


def options_from_settings(values: dict[str, Any], local_terms: tuple[str, str] | None = None
                          ) -> ScreeningOptions:
    return ScreeningOptions(
        category_tokens=bool(values.get("redaction_category_tokens", False)),
        political=bool(values.get("screen_political_affiliation", False)),
        local_terms=local_terms,
    )


def options_in(session: Any) -> ScreeningOptions:
    """The department's screening options as stored now (inside a caller's transaction)."""
    from vetting.services.local_terms import local_terms_option
    from vetting.services.settings import all_in

    return options_from_settings(all_in(session), local_terms_option(session))


def department_options(db: Any) -> ScreeningOptions:
    """:func:`options_in` in its own read transaction (any thread; for the GUI's live screening)."""
    with db.read() as session:
        return options_in(session)


def engine_for(options: ScreeningOptions):  # type: ignore[no-untyped-def]
    from vetting.screening import CATEGORIES, DEFAULT_ENABLED

    enabled = frozenset(CATEGORIES) if options.political else DEFAULT_ENABLED
    return get_engine(enabled=enabled, category_tokens=options.category_tokens,
                      local_terms=options.local_terms)


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

    ``confirm``-tier suggestions: with a ``review`` (an investigator looked at the text) each must
    be decided — confirmed or dismissed with a reason — or :class:`UndecidedSpans` is raised and
    nothing is stored. Without a review (imports, the command line, demonstration data) nobody
    could decide, so every suggestion of both tiers is redacted: recall first.

    Thread: any (the engine is thread-safe). Raises :class:`RuleViolation` when the text is
    longer than ``limit`` or a review decision does not fit the text.
    """
    text = str(text)  # a plain str: spaCy refuses str subclasses such as Screened
    if len(text) > limit:
        raise RuleViolation(
            f"{what} is {len(text):,} characters long; the limit is {limit:,}. Nothing was saved. "
            "Split it into several findings or keep only the relevant part."
        )
    reviewed = review is not None
    review = review or TextReview()
    for d in review.dismissed:
        if d.reason not in DISMISS_REASONS:
            raise RuleViolation(f"Unknown dismissal reason {d.reason!r}.")
    for m in review.manual:
        if not (0 <= m.start < m.end <= len(text)):
            raise RuleViolation("A span marked as protected lies outside the text; select it again.")
    engine = engine_for(options)
    spans = engine.analyze(text)
    if reviewed:
        open_ = undecided(spans, review)
        if open_:
            n = len(open_)
            raise UndecidedSpans(
                f"{what} has {n} possible protected-class mention{'s' if n != 1 else ''} still "
                "waiting for your decision (highlighted with a dashed box). Redact "
                f"{'each' if n != 1 else 'it'} or keep {'each' if n != 1 else 'it'} with a reason "
                "(F8 jumps to the next one), then save again. Nothing was saved."
            )
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
