"""Structure: does a word describe a person? Decided from the dependency parse.

A :class:`PersonDescriptors` instance runs one spaCy ``DependencyMatcher`` over a parsed ``Doc``
and returns the indices of tokens that are *predicated of* or *attributed to* a person:

copula
    "he is X", "I'm X", "she's not X", "they became X", "I feel X" (subject a pronoun, a name or
    a person noun; negation is kept: a denial still discloses);
as / being
    "as a X", "identify as X", "being X", "<doing something> while X";
attribute
    X modifies or compounds a person noun: "a X guy", "X mom", "X wife", "X officer";
apposition
    "my friend, a X, …", "Jo, X and proud";
coordination
    an X coordinated with one of the above ("I'm X and Y").

The engine uses the answer to keep possible disclosures it would otherwise drop (a term whose
context cue did not fire becomes a ``confirm`` span when the parse says it describes a person)
and to accept broad candidate vocabulary (``terms/`` entries flagged ``rule=person``) only in
those structures. Person nouns come from ``vocab/person_nouns.txt`` (generated, see
``vocab/SOURCES.md``).
"""

from __future__ import annotations

import functools
from importlib import resources

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

__all__ = [
    "PersonDescriptors",
    "PERSON_PRONOUNS",
    "person_nouns",
    "disclosing_phrase",
    "condition_modifiers",
    "service_phrase",
    "service_object",
]

#: Heads that keep disclosing the category of a matched modifier, so the span grows over them
#: ("Catholic priest", "Lutheran Church", "insulin pump", "infantry battalion"). Heads that
#: annotators leave outside the span and that add nothing the modifier has not said (a
#: "diagnosis", an "appointment", a "clinic", "results", a "scan") are not offered: on the
#: development corpora 1 in 25 of them was marked.
DISCLOSING_HEADS: dict[str, frozenset[str]] = {
    "RELIGION": frozenset(
        [
            "church",
            "churches",
            "temple",
            "temples",
            "mosque",
            "mosques",
            "synagogue",
            "synagogues",
            "parish",
            "congregation",
            "ward",
            "stake",
            "chapel",
            "cathedral",
            "basilica",
            "shrine",
            "gurdwara",
            "mandir",
            "masjid",
            "priest",
            "priests",
            "pastor",
            "pastors",
            "rabbi",
            "rabbis",
            "imam",
            "imams",
            "minister",
            "ministers",
            "deacon",
            "elder",
            "bishop",
            "nun",
            "nuns",
            "monk",
            "monks",
            "school",
            "academy",
            "youth",
            "group",
            "camp",
            "mission",
            "missions",
            "service",
            "services",
            "fellowship",
            "community",
            "center",
            "prayer",
            "prayers",
            "faith",
            "shul",
            "shuls",
            "sangha",
            "meeting",
            "meetinghouse",
            "kirk",
            "lokal",
            "choir",
            "club",
            "sister",
            "sisters",
            "brother",
            "brothers",
        ]
    ),
    "DISABILITY": frozenset(
        [
            "medication",
            "medications",
            "meds",
            "med",
            "pills",
            "pill",
            "treatment",
            "treatments",
            "therapy",
            "therapies",
            "surgery",
            "surgeries",
            "infusion",
            "infusions",
            "shot",
            "shots",
            "pump",
            "monitor",
            "specialist",
            "support",
            "group",
            "flare",
            "flares",
            "attack",
            "attacks",
            "meeting",
            "meetings",
            "program",
            "rehab",
            "prescription",
            # what a condition or an aid names ("[wheelchair] van", "[ADHD] coach",
            # "[wheelchair] basketball", "[service dog] team")
            "van",
            "vans",
            "basketball",
            "rugby",
            "tennis",
            "coach",
            "user",
            "users",
            "ramp",
            "lift",
        ]
    ),
    "GENETIC_INFO": frozenset(
        ["test", "testing", "tests", "screening", "panel"]
    ),
    "PREGNANCY": frozenset(
        [
            "ultrasound",
            "leave",
            "clothes",
            "cycle",
            "cycles",
            "transfer",
            "retrieval",
            "injections",
        ]
    ),
    "MILITARY_STATUS": frozenset(
        [
            "unit",
            "battalion",
            "brigade",
            "regiment",
            "division",
            "squadron",
            "wing",
            "company",
            "platoon",
            "base",
            "deployment",
            "deployments",
            "tour",
            "tours",
            "veteran",
            "veterans",
            "vet",
            "vets",
            "career",
            "service",
            "reserve",
            "reserves",
            "guard",
            "corps",
            "fleet",
            "command",
            # a rank or role after a force or unit ("Scout Ranger [captain]", "Navy [chief]")
            "captain",
            "sergeant",
            "corporal",
            "major",
            "lieutenant",
            "colonel",
            "officer",
            "private",
            "chief",
            "medic",
            "corpsman",
            "pilot",
            "reservist",
            "soldier",
            "sailor",
            "airman",
            "commando",
            "paratrooper",
            "ranger",
            "gunner",
            "mate",
            # what the force gives or makes of a person ("Army [pension]", "Navy [retiree]",
            # "Legion [post]", "VA [caregiver] program")
            "pension",
            "pensions",
            "retiree",
            "retirees",
            "nuke",
            "honors",
            "honours",
            "benefits",
            "caregiver",
            "funeral",
            "brat",
            "brats",
            "recruiter",
            "spouse",
            "wife",
            "husband",
            "widow",
        ]
    ),
}


def disclosing_phrase(doc: Doc, s: int, e: int, category: str) -> tuple[int, int]:
    """Grow the token span ``[s, e)`` to the noun phrase that still discloses ``category``.

    The last matched token modifies (compound/amod/nmod) a head noun to its right, at most
    three tokens away, that is a disclosing head of the category; the span then runs to that
    head, and, for a named place ("St. Paul's Lutheran Church"), leftwards over the proper-noun
    modifiers of the head.
    """
    heads = DISCLOSING_HEADS.get(category)
    if heads is None or not doc.has_annotation("DEP") or e < 1 or e > len(doc):
        return s, e
    tok = doc[e - 1]
    node, head = tok, None
    while node.dep_ in ("compound", "amod", "nmod") and node.head.i > node.i:
        node = node.head
        if node.i - (e - 1) > 3:
            break
        if node.lower_ in heads or node.lemma_.lower() in heads:
            head = node  # the farthest disclosing head ("[infantry] battalion reunion")
    if head is None:
        return s, e
    new_s = s
    if head.text[:1].isupper():
        for child in head.lefts:
            if (
                child.i < new_s
                and child.dep_ in ("compound", "poss", "nmod", "amod")
                and (child.pos_ == "PROPN" or child.text[:1].isupper())
            ):
                new_s = child.left_edge.i
    return new_s, head.i + 1


#: categories whose matched head noun takes its left modifiers along: they name the condition
#: ("[bilateral hearing loss]", "[stage 4 neuroblastoma]", "[high-risk pregnancy]")
CONDITION_CATEGORIES = frozenset({"DISABILITY", "GENETIC_INFO", "PREGNANCY"})
_MODIFIER_DEPS = ("amod", "compound", "npadvmod", "nmod")
#: words that say how the writer sees or times it, not which condition ("a good psychiatrist",
#: "my actual OCD", "current sertraline", "fellow spoonies")
_NOT_CONDITION = frozenset(
    (  # noqa: SIM905
        "good bad great awesome amazing actual real current new old fellow little big other same "
        "whole certain usual favorite favourite best worst own former previous recent latest "
        "first second third last next only main local daily weekly nightly monthly regular "
        "newly exact total complete normal proper official routine annual yearly scheduled"
    ).split()
)


def _names_condition(tok) -> bool:
    if tok.pos_ == "PUNCT":
        return tok.text in ("-", "–", "/")
    if tok.like_num and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("stage", "type", "grade", "class", "level"):
        return True  # "[stage 4 neuroblastoma]", "[grade 3 glioma]"
    # "ruptured", "bone-anchored"; and an adjective the tagger took for a verb ("hypermobile")
    participle = tok.pos_ == "VERB" and (tok.tag_ == "VBN" or tok.dep_ in ("compound", "amod"))
    if tok.pos_ not in ("ADJ", "NOUN", "PROPN") and not participle:
        return False
    if tok.lower_ in _NOT_CONDITION or tok.dep_ in ("poss", "det", "case"):
        return False
    return len(tok.text) > 2 or tok.text.isupper()  # not "w", "wi" (with)


def condition_modifiers(doc: Doc, s: int, e: int, limit: int = 4) -> int:
    """New start of the token span ``[s, e)`` grown leftwards over the modifiers of its head
    noun that directly precede it and name the condition: "ruptured [aneurysm]" ->
    "[ruptured aneurysm]". Stops at a determiner, a possessive, a pronoun, a number or a word
    that only rates or dates it ("my dad's [cancer]", "a good [psychiatrist]" stay), at most
    ``limit`` words."""
    if not doc.has_annotation("DEP") or e < 1 or e > len(doc):
        return s
    head = doc[e - 1]
    if head.tag_ == "POS" and e - 2 >= s:
        head = doc[e - 2]  # "[early-onset Parkinson's]": the name before its "'s"
    if head.pos_ not in ("NOUN", "PROPN"):
        return s
    new_s = s
    for child in sorted((c for c in head.lefts if c.i < s), key=lambda c: -c.i):
        if child.right_edge.i != new_s - 1 or child.dep_ not in _MODIFIER_DEPS:
            break
        sub = doc[child.left_edge.i : child.right_edge.i + 1]
        if not all(_names_condition(t) for t in sub):
            break
        if s - child.left_edge.i > limit or child.left_edge.sent.start != head.sent.start:
            break
        new_s = child.left_edge.i
    while new_s < s and doc[new_s].pos_ == "PUNCT":
        new_s += 1
    return new_s


#: verbs whose prepositional object is a force served in ("served four years in the Ghana Armed
#: Forces", "retired from the Indian Army", "did his national service in the SADF")
SERVICE_VERBS = frozenset(
    [
        "serve",
        "retire",
        "enlist",
        "deploy",
        "discharge",
        "complete",
        "do",
        "spend",
        "finish",
        "join",
        "muster",
        "commission",
        "train",
        "fight",
        "be",
    ]
)
#: verbs of being put out of a force ("kicked out of the Navy")
OUSTING_VERBS = frozenset(["kick", "throw", "boot", "chuck", "drum", "force", "muster", "turf"])
#: jobs held in a force, before "in"/"with" and the force ("an officer in the IDF")
SERVICE_ROLES = frozenset(
    """officer sergeant captain major lieutenant corporal colonel general admiral commander medic
    pilot nurse engineer soldier reservist cadet mechanic cook paratrooper sniper gunner signaller
    sapper rifleman linguist interpreter doctor surgeon private trooper airman sailor marine
    bombardier chief""".split()
)
#: nouns between such a verb and the preposition ("completed mandatory service in …")
SERVICE_NOUNS = frozenset(
    [
        "service",
        "duty",
        "tour",
        "tours",
        "deployment",
        "deployments",
        "career",
        "stint",
        "year",
        "years",
        "month",
        "months",
        "time",
        "enlistment",
        "commission",
    ]
)


def service_phrase(doc: Doc, s: int, e: int) -> int:
    """First token of the service phrase around a force named at tokens ``[s, e)``.

    GUIDELINE section 3 marks the whole phrase that says someone served ("[served two tours in
    Iraq]"); a force matched alone ("Indian Army") covers too little of "retired from the
    Indian Army". When the force's head is the object of a preposition governed by a service
    verb — directly, or through a service noun ("completed mandatory service in …") — the span
    starts at that verb. Otherwise ``s`` is returned unchanged.
    """
    if not doc.has_annotation("DEP") or not 0 <= s < e <= len(doc):
        return s
    root = next((t for t in doc[s:e] if not s <= t.head.i < e or t.head.i == t.i), None)
    if root is None or root.dep_ != "pobj" or root.head.dep_ != "prep":
        return s
    prep = root.head
    if prep.lower_ == "of" and prep.head.lower_ == "out" and prep.head.i < s:
        # "[kicked out of the Navy]", "[thrown out of the Army] in 1993"
        verb = prep.head.head if prep.head.dep_ in ("prt", "advmod", "prep") else prep.head
        if verb.lemma_.lower() in OUSTING_VERBS and s - verb.i <= 6 and verb.sent.start == doc[s].sent.start:
            return verb.i
        return s
    if prep.lower_ not in ("in", "with", "from", "into", "for", "at"):
        return s
    head = prep.head
    if (
        prep.lower_ in ("in", "with")
        and head.pos_ == "NOUN"
        and head.lemma_.lower() in SERVICE_ROLES
        and head.i < s
        and s - head.i <= 4
    ):
        return head.i  # "[officer in the IDF]", "[Sergeant in the Seaforths]", "[medic with 2 Para]"
    for _ in range(4):  # through service nouns: "did two years of national service in …"
        if head.pos_ in ("VERB", "AUX") or head.head.i >= head.i:
            break
        if not (
            (head.pos_ == "NOUN" and head.lemma_.lower() in SERVICE_NOUNS)
            or (head.dep_ == "prep" and head.lower_ == "of")
        ):
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in SERVICE_VERBS:
        # "after [22 years in the Royal Navy]": a duration of service without a verb
        dur = prep.head
        if dur.lemma_.lower() in DURATION_NOUNS and dur.i < s and s - dur.i <= 8:
            nums = [c.i for c in dur.children if c.dep_ == "nummod" and c.i < dur.i]
            return min(nums) if nums else s
        return s
    if head.i >= s or head.sent.start != doc[s].sent.start or s - head.i > 8:
        return s
    return head.i


def service_object(doc: Doc, s: int, e: int) -> int:
    """First token of "[did national service]", "[completed his reserve service]": a service
    term that is the direct object of a service verb starts at the verb (otherwise ``s``)."""
    if not doc.has_annotation("DEP") or not 0 <= s < e <= len(doc):
        return s
    root = next((t for t in doc[s:e] if not s <= t.head.i < e or t.head.i == t.i), None)
    if root is None or root.dep_ != "dobj":
        return s
    verb = root.head
    if verb.lemma_.lower() not in SERVICE_VERBS or verb.i >= s or s - verb.i > 3:
        return s
    return verb.i


#: what may follow a self-introduction's "here" ("Humanist here and …", "X here too")
_HERE_NEXT = frozenset({"and", "too", "also", "btw", "lol", "tho", "though", "so", "but", "with", "from", "in", "since"})
#: words that make "<place> <word> here" a hometown, not an identity
_HERE_PLACE_WORDS = frozenset({"native", "local", "resident", "born", "raised", "based"})
#: what may come just before it ("hi, X here", "fellow X here", "also X here")
_HERE_BEFORE = frozenset({"hi", "hey", "hello", "fellow", "also", "another", "other", "proud", "yo", "kia", "ora"})


def _intro_word(tok) -> bool:
    """A word that can be part of "<words> here": a noun, adjective, name or number."""
    return (
        tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "X")
        and not tok.is_punct
        and tok.lower_ not in ("i", "we", "you", "it", "this", "that", "there", "everyone", "anyone")
    )


#: nouns of a duration of service ("[22 years in the Royal Navy]")
DURATION_NOUNS = frozenset(["year", "yr", "month", "decade", "years", "yrs", "months", "decades"])

PERSON_PRONOUNS = frozenset(
    [
        "i",
        "me",
        "myself",
        "you",
        "yourself",
        "he",
        "him",
        "himself",
        "she",
        "her",
        "herself",
        "we",
        "us",
        "ourselves",
        "they",
        "them",
        "themselves",
        "who",
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "everyone",
        "everybody",
        "nobody",
        "one",
        "i'm",
        "im",
        "u",
        "ya",
    ]
)
_COPULAS = ["be", "become", "identify", "feel", "stay", "remain", "turn", "get", "seem", "look", "sound", "appear", "act"]
_CONTRACTED = ["'s", "'m", "'re", "s", "m", "re", "im", "i'm", "am", "is", "are", "was", "were"]
_DESC_DEPS = ["acomp", "attr", "oprd", "npadvmod"]
_NEG = ["not", "no", "non", "never"]
#: nouns whose modifiers state the person's identity ("I'm a proud [Black] [woman]", "as a
#: [single] mom"); modifiers of other predicate nouns ("an ace pilot") are not followed
_IDENTITY_HEADS = frozenset(
    (  # noqa: SIM905
        "man men woman women guy guys girl girls boy boys lady ladies gal gals dude dudes "
        "person people folks folk human kid kids child children mom mum mama dad papa "
        "parent parents wife husband spouse partner family couple individual"
    ).split()
)


def _vocab_words(name: str) -> frozenset[str]:
    """The lower-cased entries of the generated word list ``vocab/<name>`` (``#`` comments out)."""
    path = resources.files("vetting.screening") / "vocab" / name
    return frozenset(
        line.strip().lower()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


@functools.cache
def object_nouns() -> frozenset[str]:
    """Nouns every sense of which is a thing, food, substance, plant, animal or body part
    (generated from WordNet's lexicographer files; read once)."""
    return _vocab_words("object_nouns.txt")


@functools.cache
def institution_nouns() -> frozenset[str]:
    """Nouns every sense of which is a group, a made thing or a place, none a person ("club",
    "library"; generated from WordNet's lexicographer files; read once)."""
    return _vocab_words("institution_nouns.txt")


@functools.cache
def person_nouns() -> frozenset[str]:
    """Lower-cased person nouns (lemmas) from the generated vocabulary file (read once)."""
    return _vocab_words("person_nouns.txt")


@functools.cache
def thing_nouns() -> frozenset[str]:
    """Nouns whose main sense is a food, drink, plant, animal or object, with no person sense
    (generated ``vocab/thing_nouns.txt``, read once)."""
    return _vocab_words("thing_nouns.txt")


@functools.cache
def lower_abbreviations() -> frozenset[str]:
    """Upper-case abbreviations of the term lists that are safe to look up in lower case in a text
    written without capitals ("ttc", "bfp"; generated ``vocab/lower_abbreviations.txt``)."""
    from vetting.screening.rulebook import list_file

    return frozenset(list_file("vocab/lower_abbreviations.txt"))


@functools.cache
def animal_nouns() -> frozenset[str]:
    """Nouns whose main sense is an animal ("dog", "puppy", "retriever"; generated
    ``vocab/animal_nouns.txt``, read once): an age said of one is a pet's."""
    return _vocab_words("animal_nouns.txt")


def singular_forms(word: str) -> tuple[str, ...]:
    """``word`` (lower case) and the singulars a regular English plural of it may have
    ("volunteers" → "volunteer", "ladies" → "lady", "women" → "woman", "churches" → "church")."""
    out = [word]
    if word.endswith("men"):
        out.append(word[:-3] + "man")
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return tuple(out)


_PET_WORDS = frozenset(("pet", "pets", "pup", "pups", "kitty", "doggo", "pupper", "furbaby", "fur"))


def pet_word(word: str) -> bool:
    """An animal noun (generated list, singular or plural) or a word for a pet ("fur", "doggo")."""
    animals = animal_nouns()
    return word in _PET_WORDS or any(form in animals for form in singular_forms(word))


def age_holder(doc: Doc, s: int, e: int):
    """The noun an age expression ``s:e`` is said of, in the parse, or ``None``: the head noun of
    an attributive age ("an 8-week-old golden [retriever]", "a 6-year-old German shepherd
    [mix]") or the subject of a predicative one ("the [skillet] I found is 60 years old")."""
    top = [t for t in doc[s:e] if not (s <= t.head.i < e) or t.head.i == t.i]
    if len(top) != 1:
        return None
    t = top[0]
    if any(c.dep_ == "case" for c in t.children) or (e < len(doc) and doc[e].tag_ == "POS"):
        return None  # "a 13-year-old's headscarf": the age is the possessor, a person
    if t.dep_ in ("amod", "compound", "nmod", "nummod") and t.head.pos_ in ("NOUN", "PROPN"):
        head = t.head
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        return head
    while t.dep_ == "conj" and t.head.i < t.i and t.head.dep_ in ("acomp", "attr", "conj"):
        t = t.head  # "our cat is deaf and [15 years old]": the first predicate's subject
    if t.dep_ in ("acomp", "attr", "npadvmod", "oprd", "dobj") and t.head.lemma_ in ("be", "turn"):
        subj = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subj[0] if subj else None
    return None


def describes_thing(doc: Doc, s: int, e: int) -> bool:
    """True when the words ``s:e`` modify a thing noun, right after them or as their syntactic
    head a few words on: "[Japanese] milk bread", "a [Danish] recipe", "[Mexican] street corn"."""
    things = thing_nouns()
    if e < len(doc) and (doc[e].lower_ in things or doc[e].lemma_.lower() in things):
        return True
    last = doc[e - 1]
    head = last.head
    return (
        last.dep_ in ("amod", "compound", "nmod")
        and e <= head.i <= e + 3
        and head.pos_ in ("NOUN", "PROPN")
        and (head.lower_ in things or head.lemma_.lower() in things)
    )


#: endings of nouns that name a person by what they do or are ("players", "students",
#: "volunteers", "Christians"): a plural of one is a group of people; other person nouns also
#: name things in the plural ("fries", "dwarfs" (stars), "ones")
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "man", "woman", "person", "ster", "ite")
_PLURAL_PERSONS = frozenset(
    {"kid", "child", "girl", "boy", "guy", "lady", "friend", "parent", "adult", "teen", "youth", "folk",
     "neighbour", "colleague", "classmate", "teammate", "mate", "peer", "spouse", "couple", "sibling",
     "cousin", "resident", "patient", "survivor", "athlete", "candidate", "recruit", "cadet", "veteran"}
)  # fmt: skip


def _plural_heads(persons: frozenset[str]) -> set[str]:
    """Person nouns whose plural is looked up by its lemma in the parse."""
    return {p for p in persons if p.endswith(_AGENT_ENDINGS) or p in _PLURAL_PERSONS}


class PersonDescriptors:
    """Token indices of a parsed ``Doc`` that describe a person (see the module docstring)."""

    def __init__(self, vocab) -> None:
        self.persons = person_nouns()
        person_words = sorted(self.persons | PERSON_PRONOUNS)
        # the list holds lemmas, so a plural head is found by its lemma ("blind [players]")
        person_heads = (
            {"LOWER": {"IN": person_words}},
            {"LEMMA": {"IN": sorted(_plural_heads(self.persons))}, "TAG": {"IN": ["NNS", "NNPS"]}},
        )
        m = DependencyMatcher(vocab)
        m.add(
            "COPULA",
            [
                [
                    {"RIGHT_ID": "verb", "RIGHT_ATTRS": verb},
                    {
                        "LEFT_ID": "verb",
                        "REL_OP": ">",
                        "RIGHT_ID": "subj",
                        "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj", "nsubjpass", "expl"]}},
                    },
                    {
                        "LEFT_ID": "verb",
                        "REL_OP": ">",
                        "RIGHT_ID": "x",
                        "RIGHT_ATTRS": {"DEP": {"IN": _DESC_DEPS}},
                    },
                ]
                for verb in ({"LEMMA": {"IN": _COPULAS}}, {"LOWER": {"IN": _CONTRACTED}})
            ],
        )
        # a negated bio fragment without a verb: "not straight", "Not Christian", "no kids"
        m.add(
            "NEG_FRAGMENT",
            [
                [
                    {
                        "RIGHT_ID": "x",
                        "RIGHT_ATTRS": {
                            "DEP": "ROOT",
                            "POS": {"IN": ["ADJ", "NOUN", "PROPN", "ADV", "X"]},
                        },
                    },
                    {
                        "LEFT_ID": "x",
                        "REL_OP": ">",
                        "RIGHT_ID": "neg",
                        "RIGHT_ATTRS": {"DEP": {"IN": ["neg", "det"]}, "LOWER": {"IN": _NEG}},
                    },
                ]
            ],
        )
        m.add(
            "AS",
            [
                [
                    {"RIGHT_ID": "as", "RIGHT_ATTRS": {"LOWER": {"IN": ["as", "being"]}}},
                    {
                        "LEFT_ID": "as",
                        "REL_OP": ">",
                        "RIGHT_ID": "x",
                        "RIGHT_ATTRS": {"DEP": {"IN": ["pobj", "acomp", "attr"]}},
                    },
                ]
            ],
        )
        m.add(
            "ATTRIBUTE",
            [
                *(
                    [
                        {"RIGHT_ID": "person", "RIGHT_ATTRS": head},
                        {
                            "LEFT_ID": "person",
                            "REL_OP": ">",
                            "RIGHT_ID": "x",
                            "RIGHT_ATTRS": {"DEP": {"IN": ["amod", "compound", "nmod", "appos"]}},
                        },
                    ]
                    for head in person_heads
                ),
                [
                    {"RIGHT_ID": "person", "RIGHT_ATTRS": {"POS": "PROPN"}},
                    {
                        "LEFT_ID": "person",
                        "REL_OP": ">",
                        "RIGHT_ID": "x",
                        "RIGHT_ATTRS": {"DEP": "appos"},
                    },
                ],
            ],
        )
        self._matcher = m
        self._subject_ok = PERSON_PRONOUNS | self.persons

    def __call__(self, doc: Doc) -> dict[int, str]:
        """``{token index: how it describes a person}``; the kind is ``"predicate"`` (copula,
        "as"/"being", negated fragment) or ``"attribute"`` (modifier, apposition)."""
        if not doc.has_annotation("DEP"):
            return {}
        strings = doc.vocab.strings
        out: dict[int, str] = {}
        for match_id, ids in self._matcher(doc):
            label = strings[match_id]
            x = doc[ids[-1]] if label != "NEG_FRAGMENT" else doc[ids[0]]
            if label == "NEG_FRAGMENT" and any(c.dep_ == "nsubj" for c in x.children):
                continue
            if label == "COPULA":
                subj = doc[ids[1]]
                if not self._is_person(subj):
                    continue
            kind = "attribute" if label == "ATTRIBUTE" else "predicate"
            if out.get(x.i) != "predicate":
                out[x.i] = kind
        # the modifiers of a described noun describe the person too ("I'm a [proud X] mom"),
        # and so do conjuncts ("I'm X and Y")
        for i, kind in list(out.items()):
            if (
                doc[i].lower_ not in _IDENTITY_HEADS
                and doc[i].lemma_.lower() not in _IDENTITY_HEADS
            ):
                continue  # "he's an [ace] pilot": a modifier of an occupation is not an identity
            for child in doc[i].children:
                if child.dep_ in ("amod", "compound", "conj", "appos"):
                    out.setdefault(child.i, kind)
                    for c in child.children:
                        if c.dep_ == "conj":
                            out.setdefault(c.i, kind)
        # "<doing something> while <X>" ("Genealogy while trans", "driving while Black", "pulled
        # over while Muslim again"): X said of whoever does it, unless X modifies a noun after it
        # ("while Black Friday ...", "while Catholic schools ...")
        for tok in doc[:-1]:
            if tok.lower_ != "while":
                continue
            x = doc[tok.i + 1]
            after = doc[x.i + 1] if x.i + 1 < len(doc) else None
            if x.is_alpha and (after is None or after.pos_ not in ("NOUN", "PROPN", "NUM")):
                out.setdefault(x.i, "predicate")
        # a self-introduction "<words> here" opening a sentence or clause ("Humanist here",
        # "Mi'kmaw harvester here", "T1D mama here, …"): every word of it describes the writer
        for tok in doc:
            if tok.lower_ != "here" or tok.i == 0:
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and not (nxt.is_punct or nxt.is_space or nxt.lower_ in _HERE_NEXT):
                continue
            start = tok.i
            while start > 0 and tok.i - start < 4 and _intro_word(doc[start - 1]):
                start -= 1
            if start == tok.i:
                continue
            if start > 0 and not (
                doc[start - 1].is_punct or doc[start - 1].is_space or doc[start - 1].lower_ in _HERE_BEFORE
            ):
                continue
            for i in range(start, tok.i):
                if doc[i].lower_ not in _HERE_PLACE_WORDS:  # "Anchorage native here": a hometown
                    out.setdefault(i, "predicate")
        return out

    def _is_person(self, tok) -> bool:
        low = tok.lower_
        if low in self._subject_ok or tok.lemma_.lower() in self.persons:
            return True
        return tok.pos_ == "PROPN" and tok.text[:1].isupper()
