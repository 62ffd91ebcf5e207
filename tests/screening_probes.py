"""Shared checks for the screening probe tests (the evaluation's leak rule, one sentence at a time)."""

from __future__ import annotations

from collections.abc import Sequence

from vetting.screening import Span


def covered(spans: Sequence[Span], text: str, phrase: str, category: str | None = None) -> float:
    """Share of ``phrase``'s characters covered by spans (of ``category``, if given); each counted once."""
    start = text.index(phrase)
    end = start + len(phrase)
    hit: set[int] = set()
    for s in spans:
        if category is None or s.category == category:
            hit.update(range(max(start, s.start), min(end, s.end)))
    return len(hit) / len(phrase)


def found(spans: Sequence[Span], text: str) -> list[tuple[str, str]]:
    return [(text[s.start:s.end], s.category) for s in spans]


def assert_caught(engine, text: str, phrase: str, category: str) -> None:  # type: ignore[no-untyped-def]
    """``phrase`` is at least 80% covered by spans of ``category``."""
    spans = engine.analyze(text)
    assert covered(spans, text, phrase, category) >= 0.8, (phrase, category, found(spans, text))


def assert_stays(engine, text: str, phrase: str) -> None:  # type: ignore[no-untyped-def]
    """No span touches ``phrase``."""
    spans = engine.analyze(text)
    start = text.index(phrase)
    end = start + len(phrase)
    hits = [(text[s.start:s.end], s.category) for s in spans if s.start < end and start < s.end]
    assert not hits, hits
