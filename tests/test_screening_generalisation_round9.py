"""Issue 10, session 11: classes found by measuring which span sources are most often wrong on the
development corpora, and by writing probes from the annotation guideline.

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
    # a first or home language is origin (guideline: languages)
    ("Native Yoruba speaker, fluent Pidgin, passable French.", "Yoruba", "NATIONAL_ORIGIN"),
    ("I speak Spanish with my abuela every weekend.", "Spanish", "NATIONAL_ORIGIN"),
    ("We spoke Polish at home and English at school.", "Polish", "NATIONAL_ORIGIN"),
    # generation labels used of a person, capitalised too
    ("As a Boomer I remember rotary phones.", "Boomer", "AGE"),
    ("I'm a Millennial and proud of it.", "Millennial", "AGE"),
    ("OK Boomer, go back to your golf.", "OK Boomer", "AGE"),
    ("my dad is a total boomer lol", "boomer", "AGE"),
    ("I love Millennial people, they get memes.", "Millennial", "AGE"),
    # a pet owner's words are not parenthood, but a person's still are
    ("Single mum of 2 and a dog mum too.", "mum of 2", "PARENTHOOD"),
    ("I am deaf and 40 years old.", "deaf", "DISABILITY"),
    ("I am deaf and 40 years old.", "40 years old", "AGE"),
    # a people's name that is also a first name, predicated with an article of a person
    ("My grandmother is Shona and my grandfather was Ndebele.", "Shona", "RACE_ETHNICITY"),
    # "veteran" of a war is still service
    ("My dad is a veteran of the Gulf War.", "veteran", "MILITARY_STATUS"),
    # profile ages: an age in words opening a bio, a lower-case sex letter glued to an age, a
    # birth year beside a cake, an age after a pronoun set
    ("twenty-seven, ENFP, coffee addict, will talk about birds", "twenty-seven", "AGE"),
    ("31m looking for gaming buddies in Leeds", "31", "AGE"),
    ("31m looking for gaming buddies in Leeds", "m", "SEX_GENDER"),
    ("My (29f) sister won't speak to me since the wedding.", "29", "AGE"),
    ("she/her | 🎂 1994 | Dundee", "1994", "AGE"),
    ("Hi I'm Ana (she/her, 23), new here!", "23", "AGE"),
    # children in slang, other Englishes and other languages, with a possessive
    ("Took my mijita to the park after school.", "mijita", "PARENTHOOD"),
    ("My lastborn is so stubborn, just like her dad.", "lastborn", "PARENTHOOD"),
    ("My wee one has a cold again.", "wee one", "PARENTHOOD"),
    ("My offspring refuse to eat anything green.", "offspring", "PARENTHOOD"),
    ("Mon fils started school today, je suis émue.", "Mon fils", "PARENTHOOD"),
    ("my bambino is sick so I'm home today", "bambino", "PARENTHOOD"),
    # service: a unit by its nickname, a military lawyer, a job held in a war place (confirm),
    # flying or crewing military aircraft
    ("I was in the Paras for nine years before the fire service.", "the Paras", "MILITARY_STATUS"),
    ("I'm a JAG officer at Fort Bragg.", "JAG officer", "MILITARY_STATUS"),
    ("I was a medic in Afghanistan and now I do ER nights.", "medic in Afghanistan", "MILITARY_STATUS"),
    ("I flew Black Hawks for 12 years, now I teach physics.", "flew Black Hawks", "MILITARY_STATUS"),
    # abbreviations typed in lower case in a text without capitals (confirm)
    ("bfp after 2 years of trying, cant stop crying", "bfp", "PREGNANCY"),
    ("ttc for 18 months now and so tired of it", "ttc", "PREGNANCY"),
    ("sahm life is hard some days ngl", "sahm", "PARENTHOOD"),
    # a term glued to a tag word in a lower-case hashtag; a parent of a number of children
    ("Week 3 of stims #ivfjourney", "#ivfjourney", "PREGNANCY"),
    ("Day 400 #soberlife", "#soberlife", "DISABILITY"),
    ("Sunday brunch with the crew #proudlyfilipino", "#proudlyfilipino", "NATIONAL_ORIGIN"),
    ("School run done #momof3", "#momof3", "PARENTHOOD"),
    # personals codes and a sex with an age opening a bio
    ("F4M looking for someone to hike with on weekends", "F4M", "SEX_GENDER"),
    ("male 41, Denver, dad of two", "male", "SEX_GENDER"),
    # worship and a clergy family's child
    ("I go to mass every Sunday with my gran.", "mass", "RELIGION"),
    ("PK life (pastor's kid), so yes I know every hymn.", "pastor's kid", "RELIGION"),
    # skin colour said of a person in a sentence
    ("People stare because my skin is dark and the town is tiny.", "skin is dark", "RACE_ETHNICITY"),
    # a registered or certified disability
    ("I'm registered disabled and the lift is broken again.", "disabled", "DISABILITY"),
    # classes found on the development corpus reviews (sentences written here)
    ("Any dog walkers near Poole? I'm a 50-something retired nurse.", "50-something", "AGE"),
    ("Need a sitter for my nephew, 11, on Saturday afternoons.", "11", "AGE"),
    ("Three kids (7, 4 and 1) and a dog, send help.", "7, 4 and 1", "AGE"),
    ("They called me miss, which at 81 I will happily accept.", "81", "AGE"),
    ("I can do school runs. I have a son age 10 myself.", "son", "PARENTHOOD"),
    ("As parents we just want a safe playground.", "parents", "PARENTHOOD"),
    ("Selling the cot and pram, all from baby #2.", "baby #2", "PARENTHOOD"),
    ("Retired Master Chief here, looking for a barber who does a proper high and tight.", "Retired Master Chief", "MILITARY_STATUS"),
    ("My grandad was a WW2 pilot and never talked about it.", "WW2 pilot", "MILITARY_STATUS"),
    ("He did his Wehrdienst in Bavaria before university.", "Wehrdienst", "MILITARY_STATUS"),
    ("FREE: commode, shower chair and a rollator, collect only.", "commode", "DISABILITY"),
    ("FREE: commode, shower chair and a rollator, collect only.", "shower chair", "DISABILITY"),
    ("Our little one arrived three weeks early but is doing great.", "arrived three weeks early", "PREGNANCY"),
    ("Recommend a hairdresser who can do 4c hair in Cardiff?", "4c hair", "RACE_ETHNICITY"),
    ("My dad only speaks Vietnamese so we need a clinic with interpreters.", "Vietnamese", "NATIONAL_ORIGIN"),
    ("Tried the kosher deli on Main. We're Reform and my wife loved it.", "Reform", "RELIGION"),
    ("Black woman, Christian but not preachy, looking for a church-free book club.", "Christian", "RELIGION"),
    ("The lifeguard was fine but the instructor is female, which my daughter wanted.", "female", "SEX_GENDER"),
    # age brackets of groups (written from the guideline's "age bracket"; confirm where a notice may
    # name an audience rather than the writer)
    ("Aqua aerobics for the over-50s on Fridays, I love it.", "over-50s", "AGE"),
    ("Toddler music class for ages 1-3 at the library.", "ages 1-3", "AGE"),
    ("Join our 60+ walking group on Sunday mornings.", "60+", "AGE"),
    ("Seniors' coffee morning at the church hall, all welcome.", "Seniors'", "AGE"),
]

STAY = [
    # a language spoken, learned or read with no sign that it is the person's own
    ("Native Yoruba speaker, fluent Pidgin, passable French.", "French"),
    ("Our son is five and already speaks better German than I do.", "German"),
    ("We spoke Polish at home and English at school, and later some Spanish at school too.", "Spanish"),
    ("The new hire is bilingual (Spanish/English) and starts Monday.", "Spanish"),
    ("I grew up speaking more English than Portuguese, honestly.", "Portuguese"),
    ("I speak Korean, Japanese and a little Mandarin for work.", "Japanese"),
    ("Sign language was my first, Italian and English came after.", "Italian"),
    # a generation label that is a name, a nickname, a bar or a colour
    ("Reserve a table for 8? Boomer (the dog, relax) needs a sitter too.", "Boomer"),
    ('First prize went to Ray "the Boomer" Castillo for a 38-pound king.', "Boomer"),
    ("Half-price wings at Boomer's on Thursday night.", "Boomer's"),
    ("Millennial pink phone case, barely scratched, $5.", "Millennial"),
    # an animal or plant owner's "mum"/"dad"; an age or a condition said of an animal
    ("Dog mum life, muddy paws everywhere.", "mum life"),
    ("Plant dad of 40 cuttings and counting.", "dad of 40"),
    ("Horse mom weekend: shows Saturday and Sunday.", "mom"),
    ("Our cat is deaf and 15 years old but still rules the house.", "deaf"),
    ("Our cat is deaf and 15 years old but still rules the house.", "15 years old"),
    ("Rex is a nine-year-old black German Shepherd who loves the beach.", "nine-year-old"),
    ("Meet Pip, a 12 week old tabby kitten looking for a home.", "12 week old"),
    # a people's name that is also a first name, introducing someone: a name
    ("About me: I'm Sam, and I build furniture in an old barn.", "Sam"),
    ("Happy birthday Callum!! Aunt Shona here, come for your tea.", "Shona"),
    # "veteran" of counted things or a hobby, or before a trade: experience, not even offered
    ("Coach Brown is a veteran of 300 games at this club.", "veteran"),
    ("About me: twenty-year veteran of the tabletop hobby.", "veteran"),
    ("Ask for Gene, he's a veteran tech who knows every trick.", "veteran"),
    # distances, money and times that look like profile ages
    ("The trailhead is 31m away from the car park.", "31m"),
    ("Raised $40m in the round (20m from one fund).", "20m"),
    ("The kids woke me at 5 again, send coffee.", "5"),
    ("Bakery est. 1990 🎂 family run since.", "1990"),
    # child words of the everyday sense
    ("The bird's brood of four fledged this morning.", "brood"),
    # a time in a text about service; a civilian job in a war place; a model aircraft
    ("Retired CWO3, still can't sleep past 0500.", "0500"),
    ("She was a journalist in Iraq for the BBC.", "journalist in Iraq"),
    ("My son flew his model Black Hawk into the neighbour's hedge.", "Black Hawk"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=95)


# Span extents: the guideline leaves possessive determiners, articles, "I'm"/"was" and a possessive
# "'s" out of the span ("my [son]", "the [VA]", "I'm [pregnant]", "[wife]'s"); idioms it marks whole
# ("[got hitched]", "[the big 5-0]") keep their first word.
EXTENTS = [
    ("Taking my son to his first game tonight.", "son", "PARENTHOOD"),
    ("Our daughter starts school on Monday.", "daughter", "PARENTHOOD"),
    ("Still waiting on the VA to call me back.", "VA", "MILITARY_STATUS"),
    ("Guess what, I'm pregnant!", "pregnant", "PREGNANCY"),
    ("The whole house is my wife's now, I just live here.", "wife", "MARITAL_STATUS"),
    ("Just got hitched at the registry office!", "got hitched", "MARITAL_STATUS"),
    ("Bday dinner for the big 5-0 tonight.", "the big 5-0", "AGE"),
    ("He has been in a wheelchair since the crash.", "wheelchair", "DISABILITY"),
    ("We got married in June at the registry office.", "married", "MARITAL_STATUS"),
    ("We're supposed to get married in June.", "get married", "MARITAL_STATUS"),
]


@pytest.mark.parametrize(("text", "surface", "category"), EXTENTS, ids=[x[0][:40] for x in EXTENTS])
def test_span_extent_follows_the_guideline(text: str, surface: str, category: str) -> None:
    spans = [s for s in get_engine().analyze(text) if s.category == category]
    assert [text[s.start : s.end] for s in spans] == [surface]
