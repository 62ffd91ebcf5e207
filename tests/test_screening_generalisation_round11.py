"""Issue 10, session 13: classes found on two held-out corpora turned development corpora
(``expats`` and ``spoken``), on the new ``service`` corpus (read after its first-contact figure),
and written from the guideline and public vocabulary. Every ``CAUGHT`` probe was checked to fail
with the engine of the start of the session (92ea3d7), so each one tests a class added here.

Every sentence here is written for this file (none is taken from a corpus); each stands for a
class, not for one missed example. ``CAUGHT`` phrases must be at least 80 % covered by a span of
the category (either tier); ``STAY`` phrases must get no span (the false positive each class must
not make).
"""

from __future__ import annotations

import pytest

from tests.screening_probes import probe_tests
from vetting.screening import get_engine

CAUGHT = [
    # a group named by its gender and another protected trait
    ("Two Muslim guys looking for a flatmate in Leeds.", "guys", "SEX_GENDER"),
    ("Two gay guys looking for a flat in Glasgow.", "guys", "SEX_GENDER"),
    ("Are there rules about divorced women renting alone here?", "women", "SEX_GENDER"),
    ("Any Punjabi girlies up for a Lohri party?", "girlies", "SEX_GENDER"),
    # the age/sex/location triple of chat and personals
    ("29/f/Manchester, looking for a running buddy", "f", "SEX_GENDER"),
    ("44/M/Perth here, new to the forum", "M", "SEX_GENDER"),
    # ages: a present state at an age in words, a shared age, an age reached soon, ages in words
    # between commas, "now N", a bare number among traits, a child's age in months
    ("My gran still cycles to the market at seventy-nine.", "seventy-nine", "AGE"),
    ("Me and my husband (both 52) are retiring to the coast.", "52", "AGE"),
    ("Me and him, both 27, saving for a deposit.", "27", "AGE"),
    ("Army vet, 64 next month, still can't work the telly.", "64", "AGE"),
    ("I'm fifteen in April so I can't go to the gig.", "fifteen", "AGE"),
    ("Uncle Joe, eighty-one, still plays darts every Friday.", "eighty-one", "AGE"),
    ("Twelve years in the Navy, now 38 and retraining as a nurse.", "38", "AGE"),
    ("My toddler is 22 months and refuses shoes.", "22 months", "AGE"),
    ("my almost 80 year old dad just joined Instagram", "almost 80 year old", "AGE"),
    ("honestly you are twenty nine, act like it", "twenty nine", "AGE"),
    # origin: family back in a foreign place, going home to one, a festival away from one, moving
    # from one, a bio's "from"
    ("My sisters are all back in Accra, I'm the only one here.", "back in Accra", "NATIONAL_ORIGIN"),
    ("Called my dad back in Chennai for his birthday.", "back in Chennai", "NATIONAL_ORIGIN"),
    ("Flying home to Lagos for my cousin's wedding!", "home to Lagos", "NATIONAL_ORIGIN"),
    ("Third Diwali away from Ahmedabad and it never gets easier.", "away from Ahmedabad", "NATIONAL_ORIGIN"),
    ("Relocating to Leeds from Harare next spring with the kids.", "from Harare", "NATIONAL_ORIGIN"),
    ("she/her, 28, from Kumasi, plant mum", "from Kumasi", "NATIONAL_ORIGIN"),
    # military: rank titles police do not use, ranks as address in a service text, operation code
    # words, coming home from a war, years of service with a span, a person's own deployment,
    # national service done
    ("This is Ensign Mbeki, your new division officer.", "Ensign", "MILITARY_STATUS"),
    ("Thanks Sarge, see you at the barracks on Monday.", "Sarge", "MILITARY_STATUS"),
    ("My brother is away on Op CABRIT until spring.", "Op CABRIT", "MILITARY_STATUS"),
    ("He came home from Korea and never spoke of it.", "came home from Korea", "MILITARY_STATUS"),
    ("Proud Métis woman, 22 years RCAF, retired last June.", "22 years RCAF", "MILITARY_STATUS"),
    ("Army medic for 6 years, now a paramedic.", "Army medic for 6 years", "MILITARY_STATUS"),
    ("Can we move the baby shower to after his deployment?", "deployment", "MILITARY_STATUS"),
    ("He finished his two years of national service last week.", "finished his two years of national service", "MILITARY_STATUS"),
    ("Maligayang kaarawan sa asawa kong Sarhento!", "Sarhento", "MILITARY_STATUS"),
    # parenthood said of a person and of a group the writer is in
    ("still can't believe you're a dad lmao", "dad", "PARENTHOOD"),
    ("Any other Navy dads want to meet up on Saturdays?", "dads", "PARENTHOOD"),
    # pregnancy: given birth, hCG, already expecting, a birth at a week, due on a day, weeks with a
    # numbered baby
    ("Has anyone given birth at St Mary's recently?", "given birth", "PREGNANCY"),
    ("My hCG came back at 180, cautiously happy.", "hCG", "PREGNANCY"),
    ("Married in May and already expecting 🙈", "expecting", "PREGNANCY"),
    ("Our daughter was born at 31 weeks and spent a month in NICU.", "born at 31 weeks", "PREGNANCY"),
    ("I'm due the 3rd and my midwife says no flying.", "due the 3rd", "PREGNANCY"),
    ("Currently 19 weeks with our third and exhausted.", "19 weeks with our third", "PREGNANCY"),
    # a British spelling of a health word; a condition called familial or hereditary
    ("My sleep apnoea mask sounds like Darth Vader.", "sleep apnoea", "DISABILITY"),
    ("Mum has hereditary angioedema and so do I.", "hereditary angioedema", "GENETIC_INFO"),
    # religion: a faith's practice named after it, "non-practising", fasting as a verb, "a Mass",
    # Zoroastrian worship
    ("Day 12 of the Orthodox fast and I dream of cheese.", "Orthodox fast", "RELIGION"),
    ("Raised Coptic but I'm a non-practising Copt now.", "non-practising Copt", "RELIGION"),
    ("During Ramadan I still fast while on shift.", "fast", "RELIGION"),
    ("My abuela asked for a Mass for grandpa on Sunday.", "Mass", "RELIGION"),
    ("The navjote is at the agiary on Saturday.", "navjote", "RELIGION"),
    ("Is there a fire temple in Toronto?", "fire temple", "RELIGION"),
]

STAY = [
    # a group of things, the referential "those women", a condition before a gender noun
    ("Those women at the bank were so helpful.", "women"),
    ("hyperemesis girlies where you at", "girlies"),
    # not an A/S/L triple
    ("Invoice 27/f/2 is attached.", "f"),
    # times, counts and prices are not ages
    ("Both 2 bedrooms have ensuites.", "2"),
    ("We need 30 next week for the bake sale.", "30"),
    ("The price is now 40, down from 55.", "40"),
    ("Rooms 12, 24, 31 need new locks.", "24"),
    ("Cand. is enrolled in VR&E (Ch. 31) through the VA.", "31"),
    ("Meet at 6 by the gate.", "6"),
    # a trip, an office, a museum's collection
    ("Back in Lisbon for a conference next week.", "Back in Lisbon"),
    ("Our office back in Dublin handles payroll.", "back in Dublin"),
    ("The museum is home to Picasso's early sketches.", "home to Picasso"),
    # police ranks, a street, a dog, a forum's original poster, a holiday
    ("Retirement party for Sgt. Ray Kowalczyk, Friday at the Moose Lodge!", "Sgt."),
    ("Major road works on Colonel Drive from Monday.", "Colonel"),
    ("We said goodbye to Major this morning, the best boy.", "Major"),
    ("OP NASA posted again on the forum.", "OP NASA"),
    ("We came back from Vietnam last week after a lovely holiday in Hoi An.", "came back from Vietnam"),
    # a software rollout, a school dance, community service
    ("Our deployment of the new records system went live Monday.", "deployment"),
    ("Her homecoming dance is Saturday.", "homecoming"),
    ("She finished her community service hours on Friday.", "community service"),
    # a joke about a dad, a fast car, a crowd of dads
    ("That was such a dad joke lol.", "dad"),
    ("Ramadan traffic is wild, you have to drive fast to get home before iftar.", "fast"),
    # a parcel, a name with Mass in it
    ("The parcel arrived at 3 weeks, not 3 days as promised.", "arrived at 3 weeks"),
    ("Critical Mass ride leaves at six from the square.", "Mass"),
    # the ordinary sense of a service table's English phrase, outside a service text
    ("The kids loved the dress blues on the doll.", "dress blues"),
    ("They book out fast, ring the midwife early.", "book out"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=73)


def test_a_nearby_only_number_does_not_take_the_place_of_another_rules_result() -> None:
    """A bare number that counts only beside a protected span of another category scores below
    every confirm result until the engine finds that span; where another rule found the same words
    (a confirm age), Presidio keeps that rule's result, so the number is not lost when no span is
    near."""
    text = "Long week. 41, two jobs, and my back hates me."
    spans = [(text[s.start : s.end], s.category) for s in get_engine().analyze(text)]
    assert ("41", "AGE") in spans


@pytest.mark.parametrize(
    ("text", "surface", "tier"),
    [
        ("Reservist here, 44, Sikh, first in my unit.", "44", "redact"),  # beside "Sikh": confident
        ("Rooms 12, 24, 31 need new locks.", None, None),  # nothing protected near: no span
    ],
)
def test_a_number_among_traits_is_an_age_only_beside_a_protected_span(text: str, surface, tier) -> None:
    ages = [(text[s.start : s.end], s.tier) for s in get_engine().analyze(text) if s.category == "AGE"]
    assert ages == ([] if surface is None else [(surface, tier)])
