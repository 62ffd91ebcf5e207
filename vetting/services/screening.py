"""The screening seam: the one function every free text passes through before it is stored.

The original text lives only in memory here; what comes out is the redacted text (a
:class:`~vetting.models.Screened` string, the only kind a screened column accepts) and the
redaction record (counts only).

Three kinds of field are screened (``kind``), all with the same review (dismiss with a reason,
mark what was missed) and the same neutral token:

``"text"``
    prose (finding text, notes, reasons, a matched location …): the engine reads it as written.
``"words"``
    short identifiers a person types — handles, platforms, aliases, e-mail addresses, user
    names, capture file names. The engine reads the text as written *and* a word view of it
    in which ``_ . - + / = & ? # ~`` and percent-escapes become spaces and ``camelCase`` and
    letter/digit joins are split, so ``gay_cops88`` or ``ProudVeteran`` are caught; a span found
    in the view redacts exactly the characters it came from (``[REDACTED]_cops88``).
``"url"``
    the scheme and host (``https://www.example.com``) are kept as they are; the path, query and
    fragment are screened as ``"words"``; redaction happens inside them, so the result still
    reads as a URL (``https://example.com/groups/[REDACTED]-officers?ref=x``).

Candidate aliases are identifiers, not protected information, and are screened as ``"words"``
like the other identifiers: a nickname (``Big Mike``, ``JJ``) holds no protected-class word and
is kept whole; a descriptor in it (``Army Mike``, ``Gay Mike``) is redacted
(``[REDACTED] Mike``) because it states a military status, an orientation …; names the engine
recognises as names stay (``Mike Christian``). A name wrongly flagged is dismissed by the
investigator as "not protected-class information" in the review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
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
    if local_terms is None:
        local_terms = values.get(LOCAL_TERMS_KEY)  # see screening_settings()
    return ScreeningOptions(
        category_tokens=bool(values.get("redaction_category_tokens", False)),
        political=bool(values.get("screen_political_affiliation", False)),
        local_terms=tuple(local_terms) if local_terms else None,  # type: ignore[arg-type]
    )


#: the key under which :func:`screening_settings` adds the department's local terms
LOCAL_TERMS_KEY = "local_terms"


def screening_settings(db: Any) -> dict[str, Any]:
    """The department settings plus the local terms, for a workstation's in-memory settings."""
    from vetting.services.local_terms import local_terms_option
    from vetting.services.settings import all_in

    with db.read() as session:
        return {**all_in(session), LOCAL_TERMS_KEY: local_terms_option(session)}


def options_in(session: Any) -> ScreeningOptions:
    """The department's screening options as stored now (inside a caller's transaction)."""
    from vetting.services.local_terms import local_terms_option
    from vetting.services.settings import all_in

    return options_from_settings(all_in(session), local_terms_option(session))


def engine_for(options: ScreeningOptions):  # type: ignore[no-untyped-def]
    from vetting.screening import CATEGORIES, DEFAULT_ENABLED

    enabled = frozenset(CATEGORIES) if options.political else DEFAULT_ENABLED
    return get_engine(enabled=enabled, category_tokens=options.category_tokens,
                      local_terms=options.local_terms)


def _clean(text: str) -> str:
    """Drop NUL/control characters and lone surrogates (they cannot be stored or printed)."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text))


FIELD_KINDS = ("text", "words", "url")
#: how often an unreviewed text is screened again after its redaction (see ``screen_for_file``)
_MAX_RESCREENS = 3
_URL_HEAD = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*://)?[^/?#\s]*")
_SEPARATORS = set("_.-+/=&?#~:;,@|\\")


def _word_view(text: str) -> tuple[str, list[tuple[int, int]]]:
    """A same-meaning view of an identifier with separators as spaces and joined words split.

    Returns the view and, for every character of the view, the ``(start, end)`` range of
    ``text`` it came from (inserted spaces have an empty range)."""
    out: list[str] = []
    src: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "%" and i + 2 < n and all(x in "0123456789abcdefABCDEF" for x in text[i + 1:i + 3]):
            out.append(" ")
            src.append((i, i + 3))
            i += 3
            continue
        if out and c.isalnum() and out[-1].isalnum():
            prev = out[-1]
            if (prev.islower() and c.isupper()) or (prev.isalpha() != c.isalpha()):
                out.append(" ")
                src.append((i, i))
        out.append(" " if c in _SEPARATORS else c)
        src.append((i, i + 1))
        i += 1
    return "".join(out), src


def _analyze_words(engine: Any, text: str, base: int = 0) -> list[Span]:
    import dataclasses

    found = {(sp.start, sp.end): sp for sp in engine.analyze(text)}
    view, src = _word_view(text)
    if view != text:
        for sp in engine.analyze(view):
            start, end = src[sp.start][0], src[sp.end - 1][1]
            while start < end and text[start] in _SEPARATORS:
                start += 1
            if start < end and not any(a <= start and end <= b for a, b in found):
                found[(start, end)] = dataclasses.replace(sp, start=start, end=end)
    return sorted((dataclasses.replace(sp, start=sp.start + base, end=sp.end + base) for sp in found.values()),
                  key=lambda sp: (sp.start, sp.end))


def analyze_field(text: str, kind: str = "text", *, options: ScreeningOptions = ScreeningOptions()) -> list[Span]:
    """The engine's suggestions for one field of ``kind`` (see the module docstring).

    Offsets are into ``text``. Thread: any. The GUI's review widget calls this too, so the
    investigator reviews exactly the spans the service will redact."""
    if kind not in FIELD_KINDS:
        raise ValueError(f"unknown field kind {kind!r}")
    engine = engine_for(options)
    if kind == "text":
        return list(engine.analyze(text))
    if kind == "url":
        head = _URL_HEAD.match(text)
        keep = head.end() if head and ("." in head.group() or "://" in head.group()) else 0
        return _analyze_words(engine, text[keep:], keep) if text[keep:].strip() else []
    return _analyze_words(engine, text)


def screen_for_file(
    text: str,
    review: TextReview | None = None,
    *,
    options: ScreeningOptions = ScreeningOptions(),
    what: str = "Text",
    limit: int = MAX_TEXT_CHARS,
    kind: str = "text",
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
    spans = analyze_field(text, kind, options=options)
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
    out, record = _clean(redacted.text), redacted.record
    if not reviewed and spans:
        # Nobody reviews an import, so what is stored must pass its own screening: a redaction
        # token changes the parse around it ("as a [REDACTED] carriers"), and a second screening
        # of the stored text must not find more. Screen again until nothing new is found (without
        # a review every span is redacted, so a text with no span is stored unchanged).
        for _ in range(_MAX_RESCREENS):
            again = analyze_field(out, kind, options=options)
            if not again:
                break
            more = engine.redact(out, again)
            out = _clean(more.text)
            record = replace(
                record,
                span_count=record.span_count + more.record.span_count,
                automatic_count=record.automatic_count + more.record.automatic_count,
                confirm_redacted=record.confirm_redacted + more.record.confirm_redacted,
            )
    dismissed = {k: v for k, v in record.as_dict().get("dismissed_by_reason", {}).items() if v}
    return ScreenResult(Screened(out), record, dismissed)


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


def screen_short(text: str, review: TextReview | None = None, *, stored: str | None = None, what: str,
                 limit: int, kind: str = "words", **kw: Any) -> ScreenResult:
    """Screen a short field (platform, handle, URL, file name, one identifier).

    ``text`` is stripped; a value longer than ``limit`` is refused with a message. A value equal
    to what is ``stored`` is kept as it is (it was screened and reviewed when it was saved).
    """
    raw = text or ""
    text = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    if review is not None and lead:
        review = _within(review, lead, lead + len(text))
    if len(text) > limit:
        raise RuleViolation(f"{what} is {len(text):,} characters long; the limit is {limit:,}. Nothing was saved.")
    if "\n" in text or "\r" in text:
        raise RuleViolation(f"{what} must be on one line.")
    if stored is not None and text == stored:
        return ScreenResult(Screened(stored), RedactionRecord(0, 0, 0, 0, (), "unchanged"))
    res = screen_for_file(text, review, what=what, limit=limit, kind=kind, **kw)
    if len(res.text) > limit:  # the tokens made it longer: cut at a token or word boundary
        cut = res.text[:limit]
        open_token = cut.rfind("[")
        if open_token > cut.rfind("]"):
            cut = cut[:open_token]
        res = ScreenResult(Screened(cut.rstrip()), res.record, res.dismissed_by_reason)
    return res


def _within(review: TextReview, start: int, end: int) -> TextReview:
    """The decisions of ``review`` that fall in ``[start, end)``, as offsets into that stretch."""
    from vetting.screening import Dismissal

    return TextReview(
        dismissed=tuple(Dismissal(max(d.start, start) - start, min(d.end, end) - start, d.reason)
                        for d in review.dismissed if d.start < end and start < d.end),
        manual=tuple(Span(max(m.start, start) - start, min(m.end, end) - start, m.category, m.score,
                          m.explanation, m.source) for m in review.manual if m.start < end and start < m.end),
        confirmed=tuple((max(a, start) - start, min(b, end) - start) for a, b in review.confirmed
                        if a < end and start < b),
    )


def screen_lines(values: list[str] | tuple[str, ...], review: TextReview | None = None, *,
                 stored: list[str] | tuple[str, ...] = (), what: str, limit: int = 200,
                 kind: str = "words", options: ScreeningOptions = ScreeningOptions()) -> list[ScreenResult]:
    """Screen a list typed one per line (aliases, e-mail addresses, user names).

    ``review`` offsets are into ``"\\n".join(values)`` (what the GUI's box holds, blank lines and
    surrounding spaces included); each entry is stripped and redacted on its own, so a token never
    swallows the line break between two entries; blank entries are dropped. An entry equal to one
    already ``stored`` is kept as it is.
    """
    review = review or TextReview()
    out: list[ScreenResult] = []
    pos = 0
    for raw in values:
        nxt = pos + len(raw) + 1
        v = raw.strip()
        if v:
            start = pos + len(raw) - len(raw.lstrip())
            end = start + len(v)
            out.append(screen_short(v, _within(review, start, end), stored=v if v in stored else None, what=what,
                                    limit=limit, kind=kind, options=options))
        pos = nxt
    return out
