"""Property tests: offsets stay exact and inside the text for any Unicode input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vetting.config import DEFAULT_SPACY_MODEL
from vetting.screening import get_engine, screen_text
from vetting.screening.normalize import normalize

# Any code point, including lone surrogates, combining marks, format and control characters.
ANY_CHAR = st.characters(codec=None, categories=None)
WORDS = [
    "Catholic",
    "veteran",
    "Tlingit",
    "woman",
    "52 years old",
    "my kids",
    "pregnant",
    "#ProudVeteran",
    "Black",
    "gay",
    "MS",
    "vet",
    "single",
    "[REDACTED]",
    "Christian",
]
NOISE = [
    "\u200b",
    "\u00ad",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u0301",
    "\u0308",
    "  ",
    "\n\n",
    "\ud800",
    "\udfff",
    "ﬁ",
    "①",
    "Ｃ",
    "’",
    "—",
    "🇵🇭",
    "👍🏽",
    "\x00",
    "\t",
]
MIXED = st.lists(
    st.one_of(
        st.sampled_from(WORDS), st.sampled_from(NOISE), st.text(ANY_CHAR, max_size=6), st.just(" ")
    ),
    max_size=25,
).map("".join)


@pytest.fixture(scope="module")
def engine():
    return get_engine(spacy_model=DEFAULT_SPACY_MODEL, local_terms_file="")


@given(st.text(ANY_CHAR, max_size=200))
@settings(max_examples=300, deadline=None)
def test_normalisation_maps_every_range_inside_the_original(text):
    norm = normalize(text)
    n = len(norm.text)
    assert len(norm.starts) == len(norm.ends) == n
    for i in range(n):
        assert 0 <= norm.starts[i] < norm.ends[i] <= len(text)
    for i in range(n - 1):
        assert norm.starts[i] <= norm.starts[i + 1]
    for a in range(0, n + 1, 3):
        for b in range(a, n + 1, 5):
            s, e = norm.to_original(a, b)
            assert 0 <= s <= e <= len(text)
            if a < b:
                assert s < e
    norm.text.encode("utf-8")  # no lone surrogate survives


@given(MIXED)
@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_spans_always_inside_text_sorted_and_disjoint(engine, text):
    spans = engine.analyze(text)
    last_end = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last_end
        last_end = s.end
        assert "[REDACTED]" not in text[s.start : s.end]


@given(MIXED)
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
def test_redaction_replaces_every_accepted_region_and_tokens_stay_inert(engine, text):
    out = screen_text(text, engine=engine)
    assert out.text.count("[REDACTED]") == text.count("[REDACTED]") + out.record.span_count
    assert out.record.automatic_count == len(engine.analyze(text))
    # re-screening never reports inside a token, so accepted regions cannot re-surface
    for s in engine.analyze(out.text):
        assert (
            "[REDACTED]"
            not in out.text[max(0, s.start - 10) : s.end + 10][
                s.start - max(0, s.start - 10) : s.start - max(0, s.start - 10) + (s.end - s.start)
            ]
        )
    # outside the redacted regions, the text is unchanged
    spans = engine.analyze(text)
    if not spans:
        assert out.text == text


@given(
    st.sampled_from(["Catholic", "veteran", "Tlingit", "Lutheran", "pregnant", "divorced"]),
    st.lists(
        st.sampled_from(["\u200b", "\u00ad", "\u200d", "\u2060", "\u202c", "\ufeff"]),
        min_size=1,
        max_size=3,
    ),
    st.integers(min_value=1, max_value=7),
)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_invisible_characters_inside_a_term_do_not_hide_it(engine, word, junk, pos):
    pos = min(pos, len(word) - 1)
    obfuscated = word[:pos] + "".join(junk) + word[pos:]
    text = f"Honestly, I am {obfuscated} now."
    start = text.index(obfuscated)
    spans = engine.analyze(text)
    assert any(s.start == start and s.end == start + len(obfuscated) for s in spans), spans
