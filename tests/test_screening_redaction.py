"""Redaction semantics: merging, review decisions, counts-only record, leak-proof tokens."""

from __future__ import annotations

import dataclasses
import json

import pytest

from vetting.config import DEFAULT_SPACY_MODEL
from vetting.screening import (
    CATEGORIES,
    DISMISS_REASONS,
    REDACTION_TOKEN,
    Dismissal,
    RedactionRecord,
    Span,
    get_engine,
    screen_text,
)
from vetting.screening.redaction import redact


@pytest.fixture(scope="module")
def engine():
    return get_engine(spacy_model=DEFAULT_SPACY_MODEL, local_terms_file="")


def sp(start, end, category="RELIGION", source="auto"):
    return Span(start, end, category, 0.85, "", source)


def test_public_constants():
    assert len(CATEGORIES) == 13 and CATEGORIES[-1] == "POLITICAL_AFFILIATION"
    assert REDACTION_TOKEN == "[REDACTED]"
    assert DISMISS_REASONS == {
        "not_protected": "Not protected-class information",
        "biased_speech_evidence": "Target of biased speech kept as evidence of conduct",
    }


def test_each_span_becomes_one_neutral_token():
    text = "I am Catholic and 52 years old."
    out = redact(text, [sp(5, 13), sp(18, 30, "AGE")])
    assert out.text == "I am [REDACTED] and [REDACTED]."
    assert out.record.span_count == 2 and out.record.automatic_count == 2


def test_overlapping_touching_and_whitespace_adjacent_spans_merge():
    text = "as a Black woman, ok"
    # overlapping
    assert (
        redact(text, [sp(5, 10, "RACE_ETHNICITY"), sp(7, 16, "SEX_GENDER")]).text
        == "as a [REDACTED], ok"
    )
    # separated only by whitespace: one token, so the token count does not reveal word count
    out = redact(text, [sp(5, 10, "RACE_ETHNICITY"), sp(11, 16, "SEX_GENDER")])
    assert out.text == "as a [REDACTED], ok" and out.record.span_count == 1
    assert out.record.automatic_count == 2
    # separated by punctuation: two tokens
    text2 = "Black, woman"
    assert redact(text2, [sp(0, 5), sp(7, 12)]).text == "[REDACTED], [REDACTED]"


def test_category_tokens_when_enabled():
    text = "as a Black woman"
    out = redact(
        text, [sp(5, 10, "RACE_ETHNICITY"), sp(11, 16, "SEX_GENDER")], category_tokens=True
    )
    assert out.text == "as a [RACE_ETHNICITY] [SEX_GENDER]"


def test_dismissed_suggestions_stay_and_are_counted_per_reason():
    text = "Catholic guy called the mosque a target."
    spans = [sp(0, 8), sp(9, 12, "SEX_GENDER"), sp(24, 30)]
    out = redact(
        text,
        spans,
        dismissed=[
            Dismissal(9, 12, "not_protected"),
            Dismissal(25, 27, "biased_speech_evidence"),  # overlap is enough
            Dismissal(33, 39, "not_protected"),  # matches no suggestion: counts nothing
        ],
    )
    assert out.text == "[REDACTED] guy called the mosque a target."
    r = out.record
    assert (r.automatic_count, r.dismissed_count, r.manual_count, r.span_count) == (1, 2, 0, 1)
    assert r.as_dict()["dismissed_by_reason"] == {"not_protected": 1, "biased_speech_evidence": 1}


def test_unknown_dismissal_reason_is_refused():
    with pytest.raises(ValueError):
        redact("abc", [sp(0, 1)], dismissed=[Dismissal(0, 1, "because")])


def test_manual_spans_are_redacted_and_counted_even_over_a_dismissal():
    text = "Lives in Ketchikan with his partner Sam."
    p = text.index("partner")
    sam = text.index("Sam")
    out = redact(
        text,
        [sp(sam, sam + 3, "SEX_GENDER"), sp(p, p + 7, "SEXUAL_ORIENTATION")],
        dismissed=[Dismissal(sam, sam + 3, "not_protected"), Dismissal(p, p + 7, "not_protected")],
        manual=[sp(p, p + 7, "SEXUAL_ORIENTATION", "manual")],
    )
    assert out.text == "Lives in Ketchikan with his [REDACTED] Sam."
    r = out.record
    assert (r.manual_count, r.automatic_count, r.dismissed_count, r.span_count) == (1, 0, 2, 1)


def test_out_of_range_spans_are_clipped_or_ignored():
    out = redact("abc", [sp(-5, 2), sp(10, 20), sp(2, 2)])
    assert out.text == "[REDACTED]c" and out.record.automatic_count == 1


def test_record_holds_counts_only_no_words_categories_or_hash(engine):
    text = "As a devout Lutheran and Army veteran, I'm 52 years old."
    out = screen_text(text, engine=engine)
    record = out.record
    assert isinstance(record, RedactionRecord)
    fields = {f.name for f in dataclasses.fields(record)}
    assert fields == {
        "span_count",
        "automatic_count",
        "manual_count",
        "dismissed_count",
        "dismissed_by_reason",
        "engine_version",
        "confirm_redacted",
        "confirm_kept",
    }
    blob = json.dumps(record.as_dict())
    for word in ("Lutheran", "Army", "veteran", "52", "devout"):
        assert word.lower() not in blob.lower().replace(engine.version.lower(), "")
    for cat in CATEGORIES:
        assert cat not in blob
    assert hash(record) == hash(dataclasses.replace(record))  # hashable, value semantics
    assert record.engine_version == engine.version


CORPUS = [
    "As a Black woman and a Catholic, I never thought I'd be a cop.",
    "Mom of three | Army veteran | 52 years old | #ProudVeteran",
    "Diagnosed with PTSD after my second deployment; my wife helps.",
    "We're expecting our first! Due in May. My dad's diabetes is worse.",
    "Proud Tlingit and Filipino-American, gay, married, father of two.",
]


@pytest.mark.parametrize("text", CORPUS)
def test_redaction_is_idempotent_and_rescreening_finds_nothing_accepted(engine, text):
    first = screen_text(text, engine=engine)
    assert first.record.span_count >= 1
    again = screen_text(first.text, engine=engine)
    assert again.text == first.text
    assert again.record.automatic_count == 0


@pytest.mark.parametrize("category_tokens", [False, True])
def test_tokens_are_never_detected(category_tokens):
    eng = get_engine(
        spacy_model=DEFAULT_SPACY_MODEL, local_terms_file="", category_tokens=category_tokens
    )
    tokens = [REDACTION_TOKEN] + [f"[{c}]" for c in CATEGORIES]
    text = " ".join(
        f"my {t} and as a [{c}] woman" for t, c in zip(tokens, CATEGORIES * 2, strict=False)
    )
    for span in eng.analyze(text):
        assert "[" not in text[span.start : span.end] and "]" not in text[span.start : span.end]
    for t in tokens:
        assert eng.analyze(t) == []
    out = screen_text(CORPUS[1], engine=eng)
    assert screen_text(out.text, engine=eng).text == out.text


def test_confirm_tier_decisions_are_counted_and_kept_ones_are_not_redacted():
    text = "She is single and expecting."
    single, expecting = text.index("single"), text.index("expecting")
    spans = [Span(single, single + 6, "MARITAL_STATUS", 0.5, tier="confirm"),
             Span(expecting, expecting + 9, "PREGNANCY", 0.5, tier="confirm")]
    out = redact(text, spans, dismissed=[Dismissal(single, single + 6, "not_protected")])
    assert out.text == "She is single and [REDACTED]."
    r = out.record
    assert (r.confirm_redacted, r.confirm_kept, r.dismissed_count, r.automatic_count) == (1, 1, 1, 1)
