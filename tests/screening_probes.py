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


def probe_tests(caught: Sequence[tuple[str, str, str]], stay: Sequence[tuple[str, str]], minimum: int):  # type: ignore[no-untyped-def]
    """The three tests every probe file runs; assign them to ``test_*`` names in the module.

    ``caught`` holds (text, phrase, category); ``stay`` holds (text, phrase that must stay readable).
    Uses the process-wide default engine.
    """
    import pytest

    from vetting.screening import get_engine

    @pytest.mark.parametrize(("text", "phrase", "category"), caught, ids=[c[0][:40] for c in caught])
    def test_caught(text: str, phrase: str, category: str) -> None:
        assert_caught(get_engine(), text, phrase, category)

    @pytest.mark.parametrize(("text", "phrase"), stay, ids=[c[0][:40] for c in stay])
    def test_stays(text: str, phrase: str) -> None:
        assert_stays(get_engine(), text, phrase)

    def test_probe_count() -> None:
        assert len(caught) + len(stay) >= minimum

    return test_caught, test_stays, test_probe_count
