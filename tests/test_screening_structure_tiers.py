"""Issue 10: structure (dependency parse), declarations and the confirm tier, one class at a time.

Each probe names the class it stands for; the sentences are written here (not taken from any
corpus). ``caught`` spans count in either tier (the investigator sees both); ``stay`` phrases
must get no span at all; ``TIERED`` pins the tier where the class decides it.
"""

from __future__ import annotations

import pytest

from tests.screening_probes import probe_tests
from vetting.screening import get_engine

CAUGHT = [
    # peoples by name (ISO 639-3 language names) beside a people cue, a given name only with a
    # strict one; holy days of every calendar (package holidays); WordNet religion vocabulary
    ("My grandmother's people are Tigrinya speakers from the highlands.", "Tigrinya", "RACE_ETHNICITY"),
    ("He's a proud Gamilaraay man and coaches the under-12s.", "Gamilaraay", "RACE_ETHNICITY"),
    ("Her family are Karen refugees who settled in Omaha.", "Karen", "RACE_ETHNICITY"),
    ("The family is celebrating Hari Raya Puasa with open house all day.", "Hari Raya Puasa", "RELIGION"),
    ("He took up Theravada meditation after the accident.", "Theravada", "RELIGION"),
    ("Our archimandrite blessed the baskets on Saturday.", "archimandrite", "RELIGION"),
    ("We're expecting! Due in the spring.", "expecting", "PREGNANCY"),
    ("He's a veteran Marine and a great dad.", "veteran", "MILITARY_STATUS"),
    # conditions and procedures from WordNet (confirm tier)
    ("Since the stroke she has aphasia and speaks slowly.", "aphasia", "DISABILITY"),
    ("He goes to hemodialysis three mornings a week.", "hemodialysis", "DISABILITY"),
    # religious greetings and practices of many faiths
    ("Back from a five-day sesshin and still processing.", "sesshin", "RELIGION"),
    ("Sat Sri Akal to everyone at the picnic!", "Sat Sri Akal", "RELIGION"),
    # gender and sexuality words of other cultures and languages
    ("My cousin is fa'afafine and ran the whole program.", "fa'afafine", "SEX_GENDER"),
    ("Proud bakla since forever.", "bakla", "SEXUAL_ORIENTATION"),
    # origin phrases with a city of the world (GeoNames)
    ("I'm Kurdish, born in Duhok, and came here in 2015.", "born in Duhok", "NATIONAL_ORIGIN"),
    ("His grandparents came up from Uruapan in the sixties.", "came up from Uruapan", "NATIONAL_ORIGIN"),
    # marital status in other languages and family-law terms of other jurisdictions
    ("Ten years with my esposo and still laughing.", "esposo", "MARITAL_STATUS"),
    ("The decree absolute arrived this morning.", "decree absolute", "MARITAL_STATUS"),
    ("Lunch with the in-laws before the nikah on Saturday.", "nikah", "MARITAL_STATUS"),
    # military families and veterans' services by their own names
    ("Proud Blue Star mom, my son is with the 82nd.", "Blue Star mom", "MILITARY_STATUS"),
    ("The VA keeps denying my claim for my back.", "VA", "MILITARY_STATUS"),
    ("I'm on the waitlist at the Vet Center.", "Vet Center", "MILITARY_STATUS"),
    # service verbs with a person as subject (the parse), and their fixed phrases
    ("My husband deploys in three weeks.", "deploys", "MILITARY_STATUS"),
    ("Her son ships out to basic next Monday.", "ships out", "MILITARY_STATUS"),
    ("I haven't decided about re-enlisting.", "re-enlisting", "MILITARY_STATUS"),
    ("My brother was killed in action in 2011.", "killed in action", "MILITARY_STATUS"),
    # a condition's head noun takes the modifiers that name the condition
    ("One of our officers has bilateral hearing loss and reads lips.", "bilateral hearing loss", "DISABILITY"),
    ("It turned out to be a ruptured aneurysm.", "ruptured aneurysm", "DISABILITY"),
    ("She opted for a prophylactic double mastectomy in May.", "prophylactic double mastectomy", "DISABILITY"),
    # a "noun" term where the tagger reads a noun
    ("Giving up chocolate for Lent this year.", "Lent", "RELIGION"),
    # a nationality said of a person is still one when things are near it
    ("My Japanese grandmother taught me to fold gyoza.", "Japanese", "NATIONAL_ORIGIN"),
    # a service phrase around a force of any country is the span, not the force alone
    ("Her uncle retired from the Kenya Army last spring.", "retired from the Kenya Army", "MILITARY_STATUS"),
    ("He did two years of national service in the Singapore Armed Forces.",
     "did two years of national service in the Singapore Armed Forces", "MILITARY_STATUS"),
    # immigration documents and disability benefits by their official names
    ("Applicant's I-551 expires in 2031.", "I-551", "NATIONAL_ORIGIN"),
    ("She holds an OCI card and visits Kochi each winter.", "OCI card", "NATIONAL_ORIGIN"),
    ("He has been on Personal Independence Payment since the crash.",
     "Personal Independence Payment", "DISABILITY"),
    ("Her NDIS funding was cut again.", "NDIS", "DISABILITY"),
    # a bare number word predicated of a person is still an age
    ("Our daughter is one today!", "one", "AGE"),
    # pronoun declarations, neopronouns included (generated pronoun sets)
    ("she/her | coffee | Sitka", "she/her", "SEX_GENDER"),
    ("they/them. Welder. Dog person.", "they/them", "SEX_GENDER"),
    ("he/they 🌈 Kenai", "he/they", "SEX_GENDER"),
    ("xe/xem, night shift EMT", "xe/xem", "SEX_GENDER"),
    ("Pronouns: fae/faer", "fae/faer", "SEX_GENDER"),
    ("any pronouns, just be nice", "any pronouns", "SEX_GENDER"),
    # parent roles said of the writer without "my"
    ("Mom to 3 wild boys. Coffee first.", "Mom to 3", "PARENTHOOD"),
    ("Mama of two, Palmer", "Mama of two", "PARENTHOOD"),
    ("Father to twins and a very old cat", "Father to twins", "PARENTHOOD"),
    ("Mom to Ada and Theo | Wasilla", "Mom to Ada and Theo", "PARENTHOOD"),
    ("husband. father. coach.", "father", "PARENTHOOD"),
    ("Mom | dispatcher | Eagle River", "Mom", "PARENTHOOD"),
    ("hockey dad life, 5am rinks", "hockey dad life", "PARENTHOOD"),
    ("momming is hard today", "momming", "PARENTHOOD"),
    # negated disclosures still disclose (parse: negated predicate or bio fragment)
    ("She is not straight, she told me.", "straight", "SEXUAL_ORIENTATION"),
    ("Not Christian. Not sorry.", "Christian", "RELIGION"),
    # predicated of a person without a nearby person noun
    ("Honestly he's bi and it's fine.", "bi", "SEXUAL_ORIENTATION"),
    ("I identify as genderfluid.", "genderfluid", "SEX_GENDER"),
    # generated identity and disability vocabulary
    ("demigirl, artist, Homer", "demigirl", "SEX_GENDER"),
    ("aroace and thriving", "aroace", "SEXUAL_ORIENTATION"),
    ("I'm intersex.", "intersex", "SEX_GENDER"),
    ("neurospicy and proud of it", "neurospicy", "DISABILITY"),
    ("Raven moiety, Kiks.ádi", "Raven moiety", "RACE_ETHNICITY"),
    # morphological families
    ("She's non-Hispanic white on the form.", "non-Hispanic", "RACE_ETHNICITY"),
    ("He is Filipino-identified but born here.", "Filipino-identified", "NATIONAL_ORIGIN"),
    ("raised ex-Mormon in Idaho", "ex-Mormon", "RELIGION"),
    # age groups and generations (generated from WordNet + seeds)
    ("my preteen has opinions", "preteen", "AGE"),
    ("thirtysomething and finally sleeping", "thirtysomething", "AGE"),
    ("a septuagenarian neighbor", "septuagenarian", "AGE"),
    # bio ages and age idioms
    ("34. Mom. Runner.", "34", "AGE"),
    ("Mom / 34 / Seattle", "34", "AGE"),
    ("3 decades young and still skating", "3 decades young", "AGE"),
    ("my grandma is 92 today", "92", "AGE"),
    # military: pay grades (generated, confirm) and specialty codes predicated of a person
    ("the E-5 at the front desk", "E-5", "MILITARY_STATUS"),
    ("I was a 31B before this job", "31B", "MILITARY_STATUS"),
    # pregnancy misspellings (generated)
    ("we're pregnet!!", "pregnet", "PREGNANCY"),
    ("bresfeeding at 3am again", "bresfeeding", "PREGNANCY"),
    # installations (confirm tier)
    ("JBER for 3 years before Anchorage PD", "JBER", "MILITARY_STATUS"),
    # a matched head grows over the noun phrase that still discloses
    ("We go to St. Paul's Lutheran Church on Sundays.", "St. Paul's Lutheran Church", "RELIGION"),
    ("my insulin pump died at work", "insulin pump", "DISABILITY"),
    ("his infantry battalion reunion", "infantry battalion", "MILITARY_STATUS"),
    # named houses of worship
    ("Dinner after services at Temple Beth El", "Temple Beth El", "RELIGION"),
    ("Volunteering at Masjid Al-Noor on Friday", "Masjid Al-Noor", "RELIGION"),
    # a phrase keeps its parts around a word of another category ("two [teenage] sons")
    ("She is a widow and has two teenage sons.", "two teenage sons", None),
    # forces of other countries, Commonwealth units and bases, numbered units (generated tables)
    ("Did six years in the Nigerian Army before moving to Houston.", "Nigerian Army", "MILITARY_STATUS"),
    ("My nan was a Wren in the Royal Navy", "Royal Navy", "MILITARY_STATUS"),
    ("posted to CFB Gagetown after basic", "CFB Gagetown", "MILITARY_STATUS"),
    ("old mates from 3 RAR", "3 RAR", "MILITARY_STATUS"),
    ("he was with the 101st Airborne", "101st Airborne", "MILITARY_STATUS"),
    ("fellow ex-forces lads welcome", "ex-forces", "MILITARY_STATUS"),
    # ages beside persons: a list after children, a parenthesis after a name, a birth year
    ("two boys, 12 and 15, both in hockey", "12 and 15", "AGE"),
    ("My son Eli (4) started daycare.", "4", "AGE"),
    ("In loving memory of Ruth Okafor, 1948–2025.", "1948", "AGE"),
    # children and parents in other Englishes and languages; a third person's children
    ("the bairns loved the beach", "bairns", "PARENTHOOD"),
    ("Itay of three, Cebu", "Itay of three", "PARENTHOOD"),
    ("Her stepson moved in last year.", "stepson", "PARENTHOOD"),
    ("Applicant has a parenting plan with the child's mother.", "parenting plan", "PARENTHOOD"),
    # single-sense gated words without their cue: confirm rather than nothing
    ("Started Ozempic last month.", "Ozempic", "DISABILITY"),
]
STAY = [
    # a nationality or an age said of a thing (generated thing nouns: food, plants, objects)
    ("Tried the Japanese milk bread from the new bakery.", "Japanese"),
    ("Asian pear tart for dessert tonight.", "Asian"),
    ("The library building is turning 50 next spring.", "turning 50"),
    ("Lent my snowblower to the neighbour on Sunday.", "Lent"),
    ("We deployed the update at 2am and nothing broke.", "deployed"),
    ("Took a boda boda to the market in Kampala.", "boda"),
    ("Just got back from Lisbon, sunburnt and happy.", "Lisbon"),
    ("Moving to Richmond, VA next spring for the new job.", "VA"),
    ("The Hijra marks the start of the Islamic calendar year.", "Hijra"),
    ("Alhamdulillah, passed my driving test on the third go!", "Alhamdulillah"),
    ("We were expecting three trucks Monday and got one.", "expecting"),
    ("My buddy Christian had the same thing on his truck.", "Christian"),
    ("My coworker Christian says the update went fine.", "Christian"),
    ("We're looking for a veteran problem-solver to join the team.", "veteran"),
    ("They shipped out the order yesterday.", "shipped out"),
    # words that rate or count, and weather, are not part of a condition
    ("Found a good psychiatrist, finally.", "good"),
    ("Two frozen embryos left after the transfer.", "Two"),
    ("Tropical depression talk on the news again.", "Tropical depression"),
    # names that are also given names, places, words or films
    ("Karen from accounting brought donuts for the team.", "Karen"),
    ("Took the ferry to Bethel for the weekend.", "Bethel"),
    ("Ten years ago I moved to Fairbanks.", "Ten"),
    ("Kansas won the game in overtime.", "Kansas"),
    ("We watched Zulu on TV last night.", "Zulu"),
    ("Manager put him on a PIP for missed deadlines.", "PIP"),
    ("We ate lunch with the Army recruiter.", "ate lunch with"),
    # "one" with a determiner or adjective is a pronoun, not an age
    ("I'm the first one born in Canada.", "one"),
    ("She is the only one who called back.", "one"),
    ("He was the lucky one that night.", "one"),
    ("Each officer must bring his/her badge.", "his/her"),
    ("He/she should report to the desk.", "He/she"),
    ("I drove my mother to Anchorage.", "mother to Anchorage"),
    ("Mother of God, that storm.", "Mother of God"),
    ("dog mom to Max the husky", "mom to Max"),
    ("Dad, stop. Not funny.", "Dad"),
    ("The black truck is mine.", "black"),
    ("Mom jokes and dad jokes all night.", "dad jokes"),
    ("The O2 sensor is broken again.", "O2"),
    ("Temple Street is closed for the parade.", "Temple Street"),
    ("Form W-2 is in the mail.", "W-2"),
    ("We are 3 of the 5 on shift.", "3"),
    ("My truck is 15.", "15"),
    ("Beta testing the new app all week", "Beta"),
    ("12 PCS per box, shipping included", "PCS"),
    ("JB Hi-Fi had a sale on speakers", "JB Hi"),
    ("The Swiss Army knife is in the truck.", "Swiss Army"),
    ("Her kid brother is visiting", "kid"),
    ("Coach of the Year, 2019–2020", "2019"),
    ("Mayor Ruiz (1998–2006) opened it", "1998"),
    ("See section (12) of the lease", "12"),
    # a URL, a path or a date is not a bio list: its numbers are post ids and days, not ages
    ("https://facebook.example/p/42", "42"),
    ("see www.example.org/gallery/31 for the photos", "31"),
    ("Posted on 12/25/2026 at the lake.", "25"),
    ("Shift swap 3/14/19, nights", "14"),
]

test_caught, test_stays, test_probe_count = probe_tests(CAUGHT, STAY, minimum=40)

TIERED = [
    ("Started Ozempic last month.", "Ozempic", "confirm"),
    ("JBER for 3 years", "JBER for 3 years", "confirm"),  # the years of service belong to it
    ("We go to St. Paul's Lutheran Church.", "Lutheran", "redact"),
    ("We go to St. Paul's Lutheran Church.", "Church", "confirm"),
    ("she/her | coffee", "she/her", "redact"),
    ("our little one starts school", "little one", "confirm"),
    ("I'm a devout Catholic.", "Catholic", "redact"),
    # a generated longer name never demotes a hand-listed term ("Baptist Church")
    ("We go to the Baptist Church on 5th.", "Baptist", "redact"),
    ("Her family are Karen refugees who settled in Omaha.", "Karen", "confirm"),
    ("Our archimandrite blessed the baskets on Saturday.", "archimandrite", "confirm"),
]


@pytest.mark.parametrize(("text", "phrase", "tier"), TIERED, ids=[t[1] for t in TIERED])
def test_tier_of_the_class(text: str, phrase: str, tier: str) -> None:
    spans = get_engine().analyze(text)
    start = text.index(phrase)
    hits = [s for s in spans if s.start == start and s.end == start + len(phrase)]
    assert hits and hits[0].tier == tier, [(text[s.start : s.end], s.tier) for s in spans]


def test_structure_marks_predicates_and_attributes_of_persons() -> None:
    from vetting.screening.structure import PersonDescriptors

    nlp = get_engine()._nlp_engine.nlp["en"]
    finder = PersonDescriptors(nlp.vocab)
    doc = nlp("She is not straight. As a single mom I work nights. The black truck is mine.")
    found = finder(doc)
    words = {doc[i].text: kind for i, kind in found.items()}
    assert words.get("straight") == "predicate"
    assert words.get("mom") == "predicate" and "single" in words
    assert "black" not in words  # a truck is not a person


def test_generated_vocabulary_is_what_the_build_script_makes_from_its_sources() -> None:
    from vetting.screening.vocab import build

    if not (build.DEFAULT_WORDNET / "data.noun").exists():
        pytest.skip("WordNet (Debian package wordnet-base) is not installed")
    assert build.main(["--check"]) == 0
