"""The word lists generated from WordNet's lexicographer files (session 10).

``vocab/object_nouns.txt`` (every sense a thing, food, substance, plant, animal or body part) and
``vocab/institution_nouns.txt`` (every sense a group, a made thing or a place) decide that a
nationality word or an age is said of a thing or an organisation, so a word with a person sense
must never be in them: that would silence a real disclosure. Checked against WordNet itself.
"""

from __future__ import annotations

import pytest

from vetting.screening.structure import institution_nouns, object_nouns

build = pytest.importorskip("vetting.screening.vocab.build")

PERSON_LEXFILE = 18


@pytest.fixture(scope="module")
def wordnet():
    if not (build.DEFAULT_WORDNET / "data.noun").exists():
        pytest.skip("WordNet (Debian package wordnet-base) is not installed")
    return build.WordNet(build.DEFAULT_WORDNET)


@pytest.mark.parametrize("words", [object_nouns, institution_nouns], ids=["objects", "institutions"])
def test_no_generated_word_has_a_person_sense(wordnet, words) -> None:
    with_person = sorted(
        w for w in words() if any(wordnet.lexfile.get(o) == PERSON_LEXFILE for o in wordnet.index.get(w, []))
    )
    assert with_person == []


def test_every_sense_of_an_object_noun_is_a_thing(wordnet) -> None:
    wrong = sorted(
        w for w in object_nouns() if not all(wordnet.lexfile.get(o) in build.OBJECT_LEXFILES for o in wordnet.index[w])
    )
    assert wrong == []


def test_lists_hold_the_words_they_exist_for() -> None:
    objects, institutions = object_nouns(), institution_nouns()
    assert {"oil", "braid", "chest"} <= objects
    # a word with any other sense stays out: "bee" is also a gathering, "saw" a saying
    assert not {"bee", "saw", "face", "roots"} & objects
    assert {"club", "library", "lane", "bakery"} <= institutions
    # groups of people are not institutions: an age said of them is the people's
    assert not {"people", "family", "couple", "class", "who", "crowd", "youth"} & institutions
