"""Whatever the internet gives an investigator: hidden characters, markup, huge pastes, odd
Unicode. Screened through the real seam and services; stored cleanly or refused with a reason."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.factories import add_finding, item, make_process, open_case
from vetting.errors import RuleViolation
from vetting.models import Finding
from vetting.services import findings as F
from vetting.services.screening import MAX_TEXT_CHARS, ScreeningOptions, engine_for, screen_for_file

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def case(db, supervisor, investigator):
    return open_case(db, supervisor, investigator, make_process(db, supervisor))


@pytest.mark.parametrize("hidden", ["Cath\u200bolic", "vet\u00aderan", "Mus\u200dlim", "Cath\u2060olic",
                                    "ＣＡＴＨＯＬＩＣ", "devout  \u00a0Catholic"])
def test_terms_hidden_by_invisible_or_wide_characters_are_still_caught(hidden):
    out = screen_for_file(f"Proud {hidden} here and I drive drunk every weekend").text
    for word in ("Cath", "olic", "vet", "eran", "Mus", "lim", "ＣＡＴＨ"):
        assert word not in out
    assert "drive drunk every weekend" in out


def test_control_characters_nul_and_lone_surrogates_never_reach_the_file(db, investigator, case):
    f = add_finding(db, investigator, case, text="bad\x00bytes\x07here \ud800 and \x1b[31mANSI\x1b[0m")
    with db.read() as s:
        stored = s.get(Finding, f.id).text
    assert "\x00" not in stored and "\x07" not in stored and "\x1b" not in stored and "\ud800" not in stored
    assert "bytes" in stored and "ANSI" in stored


def test_bidi_override_cannot_hide_a_term(db, investigator, case):
    f = add_finding(db, investigator, case, text="I am \u202ecilohtaC\u202c and also a devout \u202dCatholic\u202c.")
    assert "Catholic" not in f.text


@pytest.mark.parametrize("text", ["<b>bold</b> <font color=red>x</font> &amp; <script>alert(1)</script>",
                                  "Robert'); DROP TABLE finding;--", "%s %(x)s {0} ${jndi:ldap://x}"])
def test_markup_and_sql_looking_text_is_stored_as_plain_text(db, investigator, case, text):
    f = add_finding(db, investigator, case, text=text)
    with db.read() as s:
        assert s.get(Finding, f.id).text == text
        assert s.scalar(select(Finding.id).limit(1)) is not None


def test_javascript_and_file_urls_are_kept_as_text(db, investigator, case):
    for url in ("javascript:alert(document.cookie)", "file:///etc/passwd", "https://x.example/" + "a" * 3000):
        f = F.add_finding(db, investigator, item_result_id=item(case, "facebook").id, platform="Facebook",
                          text="Posted a threat.", url=url, categories=["threats_harassment"])
        assert f.url == url


def test_an_over_long_url_is_refused_with_the_limit(db, investigator, case):
    with pytest.raises(RuleViolation, match="limit"):
        F.add_finding(db, investigator, item_result_id=item(case, "facebook").id, platform="Facebook",
                      text="x", url="https://x.example/" + "a" * 10_000, categories=["threats_harassment"])


def test_a_one_megabyte_paste_is_refused_up_front_with_the_limit_stated(db, investigator, case):
    huge = "I drove drunk again. " * 50_000  # ~1 MB
    with pytest.raises(RuleViolation) as exc:
        add_finding(db, investigator, case, text=huge)
    assert f"{MAX_TEXT_CHARS:,}" in str(exc.value) and "Nothing was saved" in str(exc.value)
    with db.read() as s:
        assert s.scalar(select(Finding.id).limit(1)) is None


def test_the_largest_allowed_text_is_screened_and_stored(db, investigator, case):
    body = ("Weekend post: speeding again, and I'm a proud Army veteran. " * 4000)[:MAX_TEXT_CHARS]
    f = add_finding(db, investigator, case, text=body)
    assert "Army" not in f.text and f.redaction.spans >= 3000


# ---------------------------------------------------------------- properties of the seam

_texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=300) | st.sampled_from([
    "As a devout Catholic mom of three", "I'm 52 years old", "Marine vet, 2 tours in Iraq", "my wife and kids",
    "Cath\u200bolic", "black pickup, Navy blue jacket, Black Friday sale",
])
_mixed = st.lists(_texts, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mixed)
def test_spans_always_lie_inside_the_text(text):
    for span in engine_for(ScreeningOptions()).analyze(text):
        assert 0 <= span.start < span.end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mixed)
@example("AS 10 EX")  # CI found it: the stored "AS 10 [REDACTED]" parsed "10" as "as <age>"
# the token changed the parse: "as a [REDACTED] carriers" read "carriers" as said of a person
@example("carriers As a devout Catholic mom of three carriers As a devout Catholic mom of three")
def test_screening_the_stored_text_again_changes_nothing(text):
    once = screen_for_file(text).text
    assert screen_for_file(once).text == once
