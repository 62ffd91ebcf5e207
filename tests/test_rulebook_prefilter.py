"""The rule book's automatic prefilter: a rule's regex runs only on texts that contain one of
the strings every match of it contains (``rulebook.required_words``), and its regex starts with
a look-ahead for the characters a match can begin with (``rulebook.first_characters``). A
prefilter that refused a text the regex matches, or a look-ahead that refused a position where
it matches, would silently lose spans, so both are checked against strings generated from each
rule's own regex (Hypothesis), not only against the rule's examples."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vetting.screening import rulebook
from vetting.screening.rulebook import (
    _folder,
    first_characters,
    load,
    prefilter_text,
    required_words,
    split_example,
)

RULES = load()


def _explicit(rule) -> bool:
    source = (_folder() / rule.file).read_text(encoding="utf-8").splitlines()
    end = next((i for i in range(rule.line, len(source)) if source[i].startswith("[[rule]]")), None)
    return any(line.startswith("needs") for line in source[rule.line : end])

def _without_first(rule) -> re.Pattern:
    look = first_characters(re.compile(rule.regex.pattern.replace(_look(rule), "", 1), rule.regex.flags))
    assert look == _look(rule), rule.name  # what the loader put in front is what analysis gives
    return re.compile(rule.regex.pattern.replace(look, "", 1), rule.regex.flags)


def _look(rule) -> str:
    found = re.search(r"\(\?=\(\?i:\[(?:[^\\\]]|\\.)+\]\)\)", rule.regex.pattern)
    return found.group() if found else ""


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


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"\b(?:served|deployed)\s+in\b", re.I, "[ds]"),  # "\b" hides nothing
        (r"(?:my\s+)?wife\b", re.I, "[mw]"),  # an optional group lets the next item count
        (r"(?<=sister\s)\d\d", re.I, r"[\d]"),  # look-arounds match nothing
        (r"(?:ab)*c", 0, "[ac]"),  # a repeat of none too
        (r"[A-F]\d", 0, "[A-F]"),
        (r"(?-i:[A-Z])\w+", re.I, "[A-Z]"),  # written case-insensitive: only ever wider
        (r"\w+\s+wife", re.I, ""),  # nearly any character: not worth a look-ahead
        (r"(?:x)?", re.I, ""),  # a match may be empty
        (r".+?\bwife", re.I, ""),
        (r"[^a]b", re.I, ""),
    ],
)
def test_first_characters_of_a_regex(pattern, flags, expected) -> None:
    look = first_characters(re.compile(pattern, flags))
    assert look == (f"(?=(?i:{expected}))" if expected else "")


def test_the_first_characters_of_list_macros_count_once_read() -> None:
    # two lists side by side, "(?:A)|(?:B)", become one class in re's parser
    lists = ("mom|dad", "moms|dads|papas")
    regex = re.compile(r"\b(?:(?:mom|dad)|(?:moms|dads|papas))\b", re.I)
    assert first_characters(regex, lists) == first_characters(regex) == "(?=(?i:[dmp]))"


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
    plain = _without_first(rule)  # Hypothesis generates poorly from a leading look-ahead
    try:
        text = data.draw(st.from_regex(plain))
    except Exception as exc:  # a construct Hypothesis cannot generate from
        pytest.skip(f"{rule.name}: {exc}")
    match = plain.search(text)
    if match is None:  # Hypothesis only approximates look-arounds
        return
    assert any(n in prefilter_text(text) for n in rule.needs), (rule.name, text, rule.needs)


LOOKING = [r for r in RULES if _look(r)]


def test_most_rules_start_with_a_look_ahead() -> None:
    assert len(LOOKING) >= 0.9 * len(RULES), [r.name for r in RULES if not _look(r)]


@pytest.mark.parametrize("rule", LOOKING, ids=[f"{r.file[:-5]}/{r.name}" for r in LOOKING])
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_look_ahead_changes_no_match(rule, data) -> None:
    plain = _without_first(rule)
    texts = [split_example(x)[0] for x in rule.examples + rule.counter_examples]
    try:
        texts.append(data.draw(st.from_regex(plain)))
    except Exception:  # a construct Hypothesis cannot generate from: the examples still count
        pass
    for text in texts:
        assert [m.span() for m in rule.regex.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], (rule.name, text)


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

    monkeypatch.setattr(rulebook, "analyse", refuse)
    second = _load_fresh(monkeypatch, tmp_path)
    assert [r.needs for r in second] == [r.needs for r in first] == [r.needs for r in RULES]
    assert [r.regex.pattern for r in second] == [r.regex.pattern for r in RULES]


@pytest.mark.parametrize(
    "damage",
    [
        lambda body: body[: len(body) // 2],  # truncated
        lambda body: "not json",
        lambda body: re.sub(r'"[a-z]{3,}"', '"ZZZ"', body),  # upper case: not a prefilter string
        lambda body: re.sub(r'\["([a-z]+)"', r'[7', body),  # a number where strings belong
        lambda body: re.sub(r'"payload":\{', '"payload":[{', body).rstrip("}") + "]}",  # a list
        lambda body: body.replace('"(?=(?i:[', '")(?i:[', 1),  # a look-ahead of the wrong form
        lambda body: re.sub(r'"\(\?=\(\?i:\[[^"]*\]\)\)"', "5", body, count=1),  # a number
    ],
    ids=["truncated", "not-json", "upper-case", "number", "not-a-table", "bad-look", "look-number"],
)
def test_a_damaged_prefilter_file_is_worked_out_again(tmp_path, monkeypatch, damage) -> None:
    _load_fresh(monkeypatch, tmp_path)
    (path,) = _stored(tmp_path)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    again = _load_fresh(monkeypatch, tmp_path)
    assert [r.needs for r in again] == [r.needs for r in RULES]
    assert [r.regex.pattern for r in again] == [r.regex.pattern for r in RULES]
    # and the file is good again
    monkeypatch.setattr(rulebook, "analyse", lambda *a, **k: pytest.fail("not kept"))
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
