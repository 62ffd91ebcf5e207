"""Term lists as data: shipped files parse, variants, local term file validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from vetting.config import DEFAULT_SPACY_MODEL
from vetting.errors import ConfigError
from vetting.screening import CATEGORIES, validate_local_terms
from vetting.screening.terms import load_builtin_lexicon, variants


def test_shipped_term_lists_cover_every_category():
    lexicon = load_builtin_lexicon()
    cats = {e.category for e in lexicon.entries}
    assert cats == set(CATEGORIES)
    assert len(lexicon.entries) > 1500
    assert lexicon.digest and len(lexicon.digest) == 12


def test_alaska_native_terms_are_shipped():
    terms = {e.term for e in load_builtin_lexicon().entries if e.category == "RACE_ETHNICITY"}
    for t in (
        "Tlingit",
        "Haida",
        "Tsimshian",
        "Yup'ik",
        "Iñupiaq",
        "Athabascan",
        "Alaska Native",
        "Sealaska",
    ):
        assert t in terms


@pytest.mark.parametrize(
    "term,expected",
    [
        ("Korean-American", {"Korean American", "KoreanAmerican", "Korean-Americans"}),
        ("Jehovah's Witness", {"Jehovahs Witness", "Jehovah Witness", "Jehovah's Witnesses"}),
        ("Iñupiaq", {"Inupiaq"}),
        ("woman", {"women"}),
        ("diabetic", {"diabetics"}),
        ("African American", {"African-American", "African Americans"}),
    ],
)
def test_variants_cover_spelling_and_plural_forms(term, expected):
    assert expected <= variants(term)


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "local_terms.txt"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_valid_local_term_file(tmp_path):
    path = write(
        tmp_path,
        "# Juneau additions\n\nRACE_ETHNICITY\tKaagwaantaan clan\n"
        "RELIGION | St. Nicholas Orthodox\nNATIONAL_ORIGIN | Pinoy pride | exact\n",
    )
    assert validate_local_terms(path) == [
        ("RACE_ETHNICITY", "Kaagwaantaan clan"),
        ("RELIGION", "St. Nicholas Orthodox"),
        ("NATIONAL_ORIGIN", "Pinoy pride"),
    ]


@pytest.mark.parametrize(
    "content,line,problem",
    [
        ("RELIGION\tok\nRELIGON\tTypo\n", 2, "unknown category"),
        ("# c\nRELIGION no separator\n", 2, "separator"),
        ("RELIGION\t   \n", 1, "empty"),
        ("AGE | over fifty | shout\n", 1, "unknown flag"),
        ("AGE | over fifty | ctx=nosuchgroup\n", 1, "unknown context group"),
        ("AGE | over fifty | rule=magic\n", 1, "unknown rule"),
        ("AGE | over fifty | score=2\n", 1, "score"),
        ("AGE | ---\n", 1, "no letter"),
    ],
)
def test_bad_local_term_file_names_file_line_and_problem(tmp_path, content, line, problem):
    path = write(tmp_path, content)
    with pytest.raises(ConfigError) as info:
        validate_local_terms(path)
    message = str(info.value)
    assert f"{path}:{line}:" in message and problem in message


def test_local_term_file_not_utf8_or_missing(tmp_path):
    path = write(tmp_path, b"RELIGION\tok\nAGE\t\xff\xfe\n")
    with pytest.raises(ConfigError, match=r":2: not UTF-8"):
        validate_local_terms(path)
    with pytest.raises(ConfigError, match="cannot be read"):
        validate_local_terms(tmp_path / "missing.txt")


def test_engine_uses_local_terms_and_rejects_bad_file(tmp_path):
    from vetting.screening.engine import ScreeningEngine

    good = write(tmp_path, "RELIGION\tFlying Spaghetti Monster\n")
    eng = ScreeningEngine(spacy_model=DEFAULT_SPACY_MODEL, local_terms_file=str(good))
    text = "I worship the Flying Spaghetti Monster."
    assert [(text[s.start : s.end], s.category) for s in eng.analyze(text)] == [
        ("Flying Spaghetti Monster", "RELIGION")
    ]
    bad = tmp_path / "bad.txt"
    bad.write_text("NOPE\tterm\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.txt:1: unknown category"):
        ScreeningEngine(spacy_model=DEFAULT_SPACY_MODEL, local_terms_file=str(bad))


def test_multi_word_terms_match_whole_and_by_case(tmp_path):
    """Forms of several plain words are looked up by their first word and compared word by word
    (no spaCy Doc per form): the whole phrase must be there, in the entry's case when ``case``."""
    from vetting.screening.engine import ScreeningEngine

    terms = write(
        tmp_path,
        "RELIGION\tQuillon Lantern Fellowship\nRELIGION | Order of the Brass Quillon | case\n",
    )
    eng = ScreeningEngine(spacy_model=DEFAULT_SPACY_MODEL, local_terms_file=str(terms))

    def found(text: str) -> list[str]:
        return [text[s.start : s.end] for s in eng.analyze(text) if s.category == "RELIGION"]

    assert found("We joined the quillon lantern FELLOWSHIP last year.") == [
        "quillon lantern FELLOWSHIP"
    ]
    assert found("We joined the Quillon Lantern group last year.") == []
    assert found("He rose in the Order of the Brass Quillon.") == ["Order of the Brass Quillon"]
    assert found("He rose in the order of the brass quillon.") == []
    assert found("He rose in the Order of the Brass") == []


def test_plain_token_forms_are_what_the_tokenizer_makes():
    """The term recognizer looks forms of plain words (spaces, hyphens) up without tokenizing
    them; for every shipped form that is the tokenizer's own output, word for word."""
    import spacy

    from vetting.screening.recognizers import plain_tokens
    from vetting.screening.terms import load_builtin_lexicon, variants

    nlp = spacy.load(DEFAULT_SPACY_MODEL)
    special = nlp.tokenizer.rules or {}
    checked = 0
    for entry in load_builtin_lexicon().entries:
        for form in variants(entry.term, exact=entry.exact):
            words = plain_tokens(form, special)
            if words is not None and len(words) > 1:
                assert words == [t.text for t in nlp.make_doc(form)], form
                checked += 1
    assert checked > 10_000


def test_medical_words_get_the_other_national_spelling_both_ways() -> None:
    assert "haemochromatosis" in variants("hemochromatosis")
    assert "Leukemia" in variants("Leukaemia")
    assert "coeliac disease" in variants("celiac disease")
    assert "brain tumor" in variants("brain tumour")
    # only the medical morphemes: words that merely contain the letters keep one spelling
    assert variants("chemo") == {"chemo", "chemos"}
    assert not any("aemi" in v for v in variants("academia"))


def test_an_exception_phrase_holds_for_the_category_of_its_file_only():
    # "! American Indian" in the national-origin list keeps "Indian" from being a nationality
    # there; it must not hide the race list's "American Indian" (it did until session 7)
    lexicon = load_builtin_lexicon()
    assert ("American Indian", "NATIONAL_ORIGIN") in lexicon.exceptions
    from vetting.screening import get_engine

    engine = get_engine(spacy_model=DEFAULT_SPACY_MODEL, local_terms_file="")
    text = "my American Indian grandmother"
    spans = [(text[s.start : s.end], s.category) for s in engine.analyze(text)]
    assert ("American Indian", "RACE_ETHNICITY") in spans
    assert not any(c == "NATIONAL_ORIGIN" for _, c in spans)
    for text in ("sailing the Indian Ocean", "#IndianOcean at sunset"):
        assert engine.analyze(text) == [], text


def test_a_doc_category_term_counts_only_beside_a_confident_span_of_its_category(tmp_path):
    """``doc=category``: a local jargon term is reported only in a text that already has a
    confident span of the same category elsewhere (the engine decides after every recognizer)."""
    from vetting.screening.engine import ScreeningEngine

    terms = write(tmp_path, "MILITARY_STATUS | quillon drill | doc=category\n")
    eng = ScreeningEngine(spacy_model=DEFAULT_SPACY_MODEL, local_terms_file=str(terms))

    def found(text: str) -> list[tuple[str, str]]:
        return [(text[s.start : s.end], s.tier) for s in eng.analyze(text)]

    assert found("Quillon drill again this weekend, bring snacks.") == []
    alongside = found("Army veteran here. Quillon drill again this weekend.")
    assert ("Quillon drill", "redact") in alongside
    assert ("Army veteran", "redact") in alongside
    # another category's span is not the cue
    assert ("Quillon drill", "redact") not in found("My husband is great. Quillon drill again today.")
