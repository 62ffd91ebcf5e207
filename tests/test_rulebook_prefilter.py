"""The rule book's automatic prefilter: a rule's regex runs only on texts that contain one of
the strings every match of it contains (``rulebook.required_words``). A prefilter that refused a
text the regex matches would silently lose spans, so it is checked against strings generated
from each rule's own regex (Hypothesis), not only against the rule's examples."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vetting.screening import rulebook
from vetting.screening.rulebook import _folder, load, prefilter_text, required_words

RULES = load()


def _explicit(rule) -> bool:
    source = (_folder() / rule.file).read_text(encoding="utf-8").splitlines()
    end = next((i for i in range(rule.line, len(source)) if source[i].startswith("[[rule]]")), None)
    return any(line.startswith("needs") for line in source[rule.line : end])

#: rules without a hand-written ``needs`` (those are the author's prefilter, not derived)
AUTOMATIC = [r for r in RULES if r.needs and not _explicit(r)]


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\bserved\s+two\s+tours\b", re.I, ("served",)),  # the longest literal run wins
        (r"\b(?:expecting|pregnant\s+with)\b", re.I, ("expecting", "pregnant")),  # every branch
        (r"\b(?:expecting|\d+\s+weeks)\b", re.I, ("expecting", "weeks")),
        (r"\b(?:expecting|\d+)\b", re.I, ()),  # a branch without a literal requires nothing
        (r"(?:my\s+)?wife\b", re.I, ("wife",)),  # an optional group requires nothing
        (r"(?:ab)+c?", 0, ("ab",)),  # a repeat of at least one requires its body
        (r"(?<=sister\s)\d\d", re.I, ()),  # look-arounds are not part of the match
        (r"Navy", 0, ("navy",)),  # lower case, whatever the rule's case
        (r"caf\u00e9\s+owner", re.I, ("owner",)),  # non-ASCII ends a literal run ("caf" is shorter)
    ],
)
def test_required_words_of_a_regex(pattern, flags, expected) -> None:
    assert required_words(re.compile(pattern, flags)) == expected


def test_letters_that_case_folding_maps_to_ascii_still_pass_the_prefilter() -> None:
    # re.IGNORECASE matches "i" with "İ" and "ı", "s" with "ſ", "k" with the Kelvin sign
    for text in ("D\u0130VORCED", "d\u0131vorced", "di\u017fabled", "\u212aids"):
        for word in ("divorced", "disabled", "kids"):
            if re.search(word, text, re.I):
                assert word in prefilter_text(text), text
    assert re.search("divorced", "D\u0130VORCED", re.I)  # the case the folding exists for


def test_reading_list_macros_once_gives_the_same_prefilter() -> None:
    # the loader reads each list macro (hundreds of place names) once and stands it in for its
    # group in every rule; the result must be what parsing the whole expression gives
    assert len(AUTOMATIC) >= 200
    for rule in AUTOMATIC:
        assert rule.needs == required_words(rule.regex), rule.name


def test_most_rules_have_a_prefilter() -> None:
    # the prefilter is what keeps a long text within Presidio's time (bench/screening.py)
    with_needs = [r for r in RULES if r.needs]
    assert len(with_needs) >= 0.9 * len(RULES), [r.name for r in RULES if not r.needs]


@pytest.mark.parametrize("rule", AUTOMATIC, ids=[f"{r.file[:-5]}/{r.name}" for r in AUTOMATIC])
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_every_text_a_rule_matches_passes_its_prefilter(rule, data) -> None:
    try:
        text = data.draw(st.from_regex(rule.regex))
    except Exception as exc:  # a construct Hypothesis cannot generate from
        pytest.skip(f"{rule.name}: {exc}")
    match = rule.regex.search(text)
    if match is None:  # Hypothesis only approximates look-arounds
        return
    assert any(n in prefilter_text(text) for n in rule.needs), (rule.name, text, rule.needs)


# ------------------------------------------------------------- kept between processes (cache)
def _load_fresh(monkeypatch, home: Path):
    """The rule book loaded as a new process would, with ``home`` as ``VETTING_HOME``."""
    monkeypatch.setenv("VETTING_HOME", str(home))
    return rulebook._load.__wrapped__(str(_folder()))


def _stored(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("prefilters-*.json"))


def test_a_later_load_reads_the_prefilters_instead_of_working_them_out(tmp_path, monkeypatch):
    first = _load_fresh(monkeypatch, tmp_path)
    assert len(_stored(tmp_path)) == 1

    def refuse(*_args, **_kwargs):
        raise AssertionError("worked out again although the cache holds it")

    monkeypatch.setattr(rulebook, "required_words", refuse)
    second = _load_fresh(monkeypatch, tmp_path)
    assert [r.needs for r in second] == [r.needs for r in first] == [r.needs for r in RULES]


@pytest.mark.parametrize(
    "damage",
    [
        lambda body: body[: len(body) // 2],  # truncated
        lambda body: "not json",
        lambda body: re.sub(r'"[a-z]{3,}"', '"ZZZ"', body),  # upper case: not a prefilter string
        lambda body: re.sub(r'\["([a-z]+)"', r'[7', body),  # a number where strings belong
        lambda body: re.sub(r'"payload":\{', '"payload":[{', body).rstrip("}") + "]}",  # a list
    ],
    ids=["truncated", "not-json", "upper-case", "number", "not-a-table"],
)
def test_a_damaged_prefilter_file_is_worked_out_again(tmp_path, monkeypatch, damage) -> None:
    _load_fresh(monkeypatch, tmp_path)
    (path,) = _stored(tmp_path)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    again = _load_fresh(monkeypatch, tmp_path)
    assert [r.needs for r in again] == [r.needs for r in RULES]
    # and the file is good again
    monkeypatch.setattr(rulebook, "required_words", lambda *a, **k: pytest.fail("not kept"))
    assert [r.needs for r in _load_fresh(monkeypatch, tmp_path)] == [r.needs for r in RULES]


def test_a_changed_rule_gets_its_own_prefilter(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("VETTING_HOME", str(tmp_path))
    rulebook._load.__wrapped__(str(_folder()))
    book = tmp_path / "rulebook"
    shutil.copytree(_folder(), book)
    path = book / "pregnancy.toml"
    source = path.read_text(encoding="utf-8")
    rule = next(r for r in RULES if r.file == "pregnancy.toml" and r.needs)
    # a new rule whose regex no other rule has: its prefilter cannot come from the file
    path.write_text(
        source
        + '\n[[rule]]\nname = "test-only-rule"\nreason = "A test."\n'
        + "pattern = '''\\bquokka\\s+(?:bump|belly)\\b'''\n"
        + 'examples = ["a «quokka bump» here"]\n',
        encoding="utf-8",
    )
    changed = rulebook._load.__wrapped__(str(book))
    new = next(r for r in changed if r.name == "test-only-rule")
    assert new.needs == ("quokka",)
    assert next(r for r in changed if r.name == rule.name).needs == rule.needs


def test_an_unwritable_cache_folder_only_means_working_them_out(tmp_path, monkeypatch) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be", encoding="utf-8")
    rules = _load_fresh(monkeypatch, tmp_path)
    assert [r.needs for r in rules] == [r.needs for r in RULES]
