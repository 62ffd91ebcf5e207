"""Self-declarations in bios: pronoun sets and parent roles said of the writer without "my".

Built from the generated vocabulary in ``vocab/`` (``pronouns.tsv``, ``parent_nouns.txt``;
sources in ``vocab/SOURCES.md``), so a new pronoun set or parent word is a data change.

Pronoun declarations (SEX_GENDER)
    two to four forms joined by "/" ("she/her", "they/them/theirs", "he/they", "xe/xem",
    "fae/faer"), plus "any pronouns", "any/all", "all pronouns", "no pronouns". The generic
    binary pairs of formal writing ("he/she", "his/her", "him/her") are not declarations.
Named houses of worship (RELIGION)
    the kind word and the name after it ("Temple Beth El", "Masjid Al-Noor").
Bio ages, age idioms, specialty codes (AGE, MILITARY_STATUS)
    a bare number as a bio-list item (confirm), "3 decades young", "I was a 31B".
Parent roles (PARENTHOOD)
    a parent noun followed by "to"/"of" and children ("Mom to 3", "mama of two", "father to
    twins", "Mom to Lily and Jack"); parenting verbs and life words ("momming", "motherhood",
    "parenting a toddler"); "our little one(s)".
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from vetting.screening.recognizers import CONFIRM_SCORE, PatternSpec
from vetting.screening.structure import person_nouns

__all__ = ["declaration_patterns", "pronoun_sets"]

_I = re.IGNORECASE
_BINARY = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


def _vocab(name: str) -> list[str]:
    path = resources.files("vetting.screening") / "vocab" / name
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def pronoun_sets() -> list[tuple[str, ...]]:
    """Pronoun sets (nominative, accusative, possessive determiner, possessive, reflexive)."""
    return [tuple(line.split("\t")) for line in _vocab("pronouns.tsv")]


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _not_generic(view, m: re.Match) -> bool:
    """ "he/she", "his/her": the generic pair of formal writing, not a declaration."""
    forms = [f.strip().lower() for f in re.split(r"/", m.group(0))]
    if all(f in _BINARY for f in forms):
        sets = {"he" if f in ("he", "him", "his", "himself") else "she" for f in forms}
        return len(sets) == 1
    return True


_OWNER_BEFORE = re.compile(r"(?:\b(?:my|his|her|our|your|their|the|this|that|a|an)\s+)$", _I)
_PET_BEFORE = re.compile(
    r"(?:\b(?:dog|doggy|doggo|cat|kitty|fur|plant|puppy|pup|horse|chicken|goat|bunny|pet)\s*)$",
    _I,
)
_NOT_CHILD = frozenset({"god", "jesus", "christ", "dragons", "pearl", "invention", "nations"})


def _said_of_writer(view, m: re.Match) -> bool:
    """ "Mom to 3" in a bio, not "drove my mother to Anchorage" / "Mother of God"."""
    last = m.group(0).split()[-1].lower()
    before = m.string[max(0, m.start() - 12) : m.start()]
    if last in _NOT_CHILD or _PET_BEFORE.search(before):
        return False
    if m.group(0)[-1:].isdigit() or last in _COUNT_WORDS:
        return True
    return not _OWNER_BEFORE.search(before)


_NOT_PETS = (
    r"(?!\s+(?i:fur|furry|four-legged|dogs?|cats?|pups?|puppies|kitties|kittens|horses|chickens|"
    r"goats|plants|pets|doggos|huskies|labs))"
)
_COUNT_WORDS = frozenset(
    (  # noqa: SIM905
        "one two three four five six seven eight nine ten twins triplets boy girl son "
        "daughter boys girls kids kiddos littles sons daughters children babies ones"
    ).split()
)


#: cheap prefilter of the parent-word patterns: a text must contain one of these (lower-cased)
_ITEM_SPLIT = re.compile(r"[|•·/\n.,;!]")
_WEAK_SEP = re.compile(r"[.,;!](?=\s|$)")


_LINK_OR_DATE = re.compile(
    r"://|^(?:www\.|/)|^[\w-]+(?:\.[\w-]+)+/"  # a URL or a path: https://…, www.…, /p/42, site.com/…
    r"|^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$",  # a date: 12/25/2026, 3/14/19
    re.I,
)


def _in_link_or_date(m: re.Match) -> bool:
    """The match lies in one unbroken token that is a URL, a path or a date, whose separators
    are not those of a bio list ("/p/42", "12/25/2026")."""
    text = m.string
    group = next(iter(m.re.groupindex), 0)  # the item itself, without the spaces around it
    start, end = m.span(group)
    a = max(text.rfind(c, 0, start) for c in " \t\n") + 1
    ends = [i for i in (text.find(c, end) for c in " \t\n") if i >= 0]
    token = text[a : min(ends) if ends else len(text)].strip("()[]<>\"',;!?")
    return bool(_LINK_OR_DATE.search(token))


def _bio_list(view, m: re.Match) -> bool:
    """The item sits in a list of short items (a bio), not in a sentence ("Dad, stop.") and
    not in a URL, a path or a date."""
    if _in_link_or_date(m):
        return False
    line_start = m.string.rfind("\n", 0, m.start()) + 1
    line_end = m.string.find("\n", m.end())
    line = m.string[line_start : line_end if line_end >= 0 else len(m.string)]
    strong = any(ch in line for ch in "|•·/")
    if strong:
        items = [it.split() for it in _ITEM_SPLIT.split(line) if it.strip()]
        need = 2
    else:
        # ". " or ", " lists use one separator throughout: "husband. father. coach."
        seps = {ch for ch in _WEAK_SEP.findall(line)}
        if len(seps) != 1:
            return False
        items = [it.split() for it in line.split(seps.pop()) if it.strip()]
        need = 3
    short = sum(1 for it in items if len(it) <= 4)
    return short >= need and short >= len(items) - 1


def declaration_patterns() -> list[PatternSpec]:
    sets = pronoun_sets()
    forms = {f for s in sets for f in s if f}
    form = rf"(?:{_alt(forms)})"
    specs = [
        PatternSpec(
            "pronoun_declaration",
            "SEX_GENDER",
            re.compile(rf"(?<![\w/])(?:{form})(?:\s?/\s?(?:{form})){{1,3}}(?![\w/])", _I),
            0.85,
            0,
            _not_generic,
            needs=("/",),
        ),
        PatternSpec(
            "pronoun_any",
            "SEX_GENDER",
            re.compile(
                r"\b(?:any|all|no|neo|new)[- ]?pronouns\b|\bpronouns\s*:\s*(?:any|all|ask)\b",
                _I,
            ),
            0.85,
        ),
        PatternSpec(
            "pronoun_any_all",
            "SEX_GENDER",
            re.compile(r"(?<![\w/])(?:any|all)\s?/\s?(?:any|all)(?![\w/])", _I),
            CONFIRM_SCORE,
        ),
    ]
    parents = _vocab("parent_nouns.txt")
    parent = rf"(?:{_alt(parents)})"
    # prefilter: the patterns run only when a parent noun's first letters occur (made from the
    # same list, so a noun added to the vocabulary is never filtered out)
    parent_prefixes = tuple(sorted({p.split()[-1][:3].lower() for p in parents}))
    plural = rf"(?:{_alt(p + 's' for p in parents if ' ' not in p)})"
    count = (
        r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twins|triplets|"
        r"a\s+(?:boy|girl|son|daughter)|(?:\d|one|two|three|four|five|six)\s+"
        r"(?:boys?|girls?|kids?|kiddos?|littles?|sons?|daughters?|children|babies|"
        r"wild\s+ones|little\s+ones|beautiful\s+(?:girls|boys|kids|children)))"
    )
    name = r"[A-Z][a-z]+"
    names = rf"{name}(?:\s*,\s*{name})*(?:\s*(?:,\s*)?(?:and|&|\+)\s*{name})?"
    specs.append(
        PatternSpec(
            "parent_to_children",
            "PARENTHOOD",
            re.compile(
                rf"\b(?i:{parent})\s+(?i:to|of)\s+(?:(?i:{count})\b{_NOT_PETS}|{names}\b(?!\s+(?:Street|St|"
                r"Avenue|Ave|Road|Rd|County|City|Park|School|High|Elementary|Church)\b))"
            ),
            0.85,
            0,
            _said_of_writer,
            needs=parent_prefixes,
        )
    )
    specs.append(
        PatternSpec(
            "parenting_words",
            "PARENTHOOD",
            re.compile(
                r"\b(?:momming|mommin|mumming|dadding|daddin|parenting\s+(?:a|an|my|our|two|"
                r"three|\d)\s+\w+|motherhood|fatherhood|parenthood|mama\s+bear|papa\s+bear)\b",
                _I,
            ),
            0.85,
            needs=("momm", "mumm", "dadd", "parenting", "hood", "bear"),
        )
    )
    # "hockey dad life", "NICU mama", "band parents": a child's activity or condition + parent word
    activity = (
        r"soccer|hockey|football|baseball|softball|basketball|volleyball|lacrosse|wrestling|swim|"
        r"dance|cheer|band|gymnastics|theater|theatre|track|rugby|tennis|golf|ski|skate|karate|"
        r"scout|troop|PTA|PTO|homeschool(?:ing)?|rodeo|4-H|FFA|travel\s+ball|t-?ball|tee\s+ball|"
        r"little\s+league|sports|NICU|preemie|autism|special\s+needs|heart|angel|rainbow|"
        r"toddler|baby|teen|twin|boy|girl|boys|girls|football|hockey"
    )
    specs.append(
        PatternSpec(
            "activity_parent",
            "PARENTHOOD",
            re.compile(
                rf"\b(?:{activity})[- ]?(?:mom|mum|mama|momma|mommy|dad|daddy|papa|parent)s?"
                r"(?:\s+life)?\b",
                _I,
            ),
            0.85,
            0,
            lambda view, m: not _PET_BEFORE.search(m.string[max(0, m.start() - 12) : m.start()]),
            needs=("mom", "mum", "mama", "momma", "mommy", "dad", "papa", "parent"),
        )
    )
    # a parent word as an item of a bio list: "wife | mom | nurse", "husband. father. coach."
    specs.append(
        PatternSpec(
            "parent_bio_item",
            "PARENTHOOD",
            re.compile(
                rf"(?:^|(?<=[|•·/\n.,;]))[ \t]*(?P<p>(?:(?:proud|new|tired|busy|full[- ]time|"
                rf"first[- ]time|working)\s+)?(?:{parent}|{plural}))[ \t]*"
                r"(?=[|•·/\n.,;!]|$)",
                _I,
            ),
            0.85,
            "p",
            _bio_list,
            needs=parent_prefixes,
        )
    )
    # AGE said of the writer in bio style: a bare number as a bio item ("34. Mom. Runner.",
    # "34 | she/her"): possibly an age, the investigator decides
    specs.append(
        PatternSpec(
            "age_bio_item",
            "AGE",
            re.compile(
                r"(?:^|(?<=[|•·/\n.,;]))[ \t]*(?P<n>(?:1[3-9]|[2-9]\d))[ \t]*(?=[|•·/\n.,;!]|$)"
            ),
            CONFIRM_SCORE,
            "n",
            _bio_list,
        )
    )
    # age idioms: "3 decades young", "half a century old", "41 trips around the sun",
    # "70 years on this rock", "I'm 70 yrs"
    specs.append(
        PatternSpec(
            "age_idiom",
            "AGE",
            re.compile(
                r"\b(?:(?:\d|two|three|four|five|six|seven|eight|nine)\s+decades|"
                r"half\s+a\s+century)\s+(?:old|young|strong|on\s+this)\b"
                r"|\b\d{1,3}\s+(?:trips|laps)\s+around\s+the\s+sun\b"
                r"|\b\d{1,3}\s+years\s+on\s+this\s+(?:rock|earth|planet)\b",
                _I,
            ),
            0.85,
        )
    )
    specs.append(
        PatternSpec(
            "age_years_short",
            "AGE",
            re.compile(
                r"\b(?:i'm|im|i\s+am|he's|she's)\s+(?P<y>\d{1,3}\s?(?:yrs?|years?))\b"
                r"(?!\s+(?:on|in|of|at|with|as|since|ago|sober|clean|into|now|later|before))",
                _I,
            ),
            0.85,
            "y",
        )
    )
    # an occupational specialty code predicated of a person: "I was a 31B", "as an 0311"
    specs.append(
        PatternSpec(
            "mos_predicate",
            "MILITARY_STATUS",
            re.compile(
                r"\b(?:i'm|im|i\s+am|was|as|he's|she's|is|were)\s+an?\s+"
                r"(?P<c>\d{2}[A-Z]\d?|0\d{3})\b(?!\s*(?:engine|rifle|lens|bus|mm))"
            ),
            0.85,
            "c",
        )
    )
    # a named house of worship: "Temple Beth El", "Masjid Al-Noor", "Congregation Beth Shalom",
    # "Gurdwara Sahib of Anchorage" (the name after the kind word keeps disclosing it)
    specs.append(
        PatternSpec(
            "named_worship",
            "RELIGION",
            re.compile(
                r"\b(?:Temple|Congregation|Masjid|Gurdwara|Mosque|Synagogue|Chabad|Shul|Mandir|"
                r"Islamic\s+Center|Kingdom\s+Hall)"
                r"(?:\s+(?:of\s+|the\s+|[Aa]l-?|[Ee]l-?)?(?!(?:University|Street|St|Run|Mall|"
                r"Square|Bar|Grill|Road|Ave|Avenue|Drive|Park)\b)[A-Z][\w'-]*){1,4}"
            ),
            0.85,
            needs=(
                "temple",
                "congregation",
                "masjid",
                "gurdwara",
                "mosque",
                "synagogue",
                "chabad",
                "shul",
                "mandir",
                "islamic",
                "kingdom hall",
            ),
        )
    )
    # "our little one", "my littles": usually children, sometimes pets: the investigator decides
    specs.append(
        PatternSpec(
            "little_ones",
            "PARENTHOOD",
            re.compile(
                r"\b(?:(?:our|the)\s+little\s+ones?|my\s+littles|(?:our|my)\s+(?:lil|little)\s+"
                r"(?:man|guy|girl|lady|dude|princess|one|ones|monster|monsters))\b",
                _I,
            ),
            CONFIRM_SCORE,
            needs=("little", "lil"),
        )
    )
    specs += military_unit_patterns()
    specs += age_patterns()
    return specs


_CHILDREN_PLURAL = r"(?:kids|children|boys|girls|sons|daughters|grandkids|grandchildren|twins|triplets|stepkids)"
_NAME = re.compile(r"[A-Z][a-z'’-]+$")


def _after_person(view, m: re.Match) -> bool:
    """The parenthesised number follows a person: a person noun ("a tween (11)"), or a name
    after a person noun ("daughter Nora (8)")."""
    before = m.string[: m.start()].rstrip()
    words = re.findall(r"[\w'’-]+", before[-60:])
    if not words:
        return False
    persons = _person_words()
    last = words[-1]
    if last.lower() in persons:
        return True
    return bool(_NAME.match(last)) and len(words) >= 2 and words[-2].lower() in persons


@functools.cache
def _person_words() -> frozenset[str]:
    """Person nouns (the parse's vocabulary) and parent nouns, lower-cased."""
    return person_nouns() | frozenset(p.lower() for p in _vocab("parent_nouns.txt"))


def _lifespan(view, m: re.Match) -> bool:
    """"Ernest Tallberg, 1931–2024", "(1931–2024)" after a name: birth and death years, not a
    season ("2019–2020") or a term of office (under sixteen years)."""
    born, died = int(m.group("b")), int(m.group("d"))
    if not 16 <= died - born <= 115:
        return False
    before = m.string[max(0, m.start() - 40) : m.start()]
    return bool(re.search(r"[A-Z][a-z'’-]+[\s\"”]*(?:,|\()\s*$", before))


def age_patterns() -> list[PatternSpec]:
    """Ages written as bare numbers beside a person (AGE)."""
    return [
        # "three girls, 9, 6 and 2", "the kids: 4 and 7"
        PatternSpec(
            "children_ages_list",
            "AGE",
            re.compile(
                rf"\b{_CHILDREN_PLURAL}\s*[,:(]\s*(?P<n>\d{{1,2}}(?:\s*(?:,|and|&)\s*\d{{1,2}})+)\b", re.I
            ),
            0.85,
            "n",
        ),
        # "a tween (11)", "daughter Nora (8)"
        PatternSpec(
            "person_paren_age",
            "AGE",
            re.compile(r"\((?:age\s+|aged\s+)?(?P<n>\d{1,2})\)"),
            0.85,
            "n",
            _after_person,
        ),
        # a birth year in life dates after a name
        PatternSpec(
            "lifespan_birth_year",
            "AGE",
            re.compile(r"\b(?P<b>(?:18|19|20)\d{2})\s*[–—-]\s*(?P<d>(?:19|20)\d{2})\b"),
            0.85,
            "b",
            _lifespan,
        ),
    ]


# Unit designations: an ordinal or number with a unit noun ("93rd Brigade", "168th Wing",
# "2nd Battalion"), the Commonwealth style of number + regimental abbreviation ("1 RCR", "2 PARA",
# "1RAR", "2 RGR") and the US style ("3-21 IN", "4/25 IBCT", "10th MTN", "1st ID").
_UNIT_NOUN = (
    r"(?:Brigade|Battalion|Regiment|Wing|Squadron|Division|Fleet|Commando|Infantry|Cavalry|Rifles|"
    r"Airborne|Armou?red\s+(?:Division|Brigade|Regiment)|Field\s+Regiment|Signal\s+Regiment|"
    r"Engineer\s+Regiment|Fighter\s+Wing|Air\s+Wing|Airlift\s+Wing|Air\s+Refueling\s+Wing|"
    r"Ranger\s+Battalion|Special\s+Forces\s+Group|Marine\s+Regiment|Marine\s+Division|"
    r"Mechani[sz]ed\s+(?:Brigade|Division)|Aviation\s+Regiment|Expeditionary\s+Unit)"
)
_REGIMENT_ABBR = r"(?:RCR|PPCLI|R22eR|RAR|PARA|RGR|RIFLES|RRF|RHA|SCOTS|YORKS|LANCS|MERCIAN|CDO)"
_US_UNIT_ABBR = r"(?:IN|FA|AR|CAV|ADA|AV|SF|SFG|IBCT|BCT|ABCT|SBCT|ID|AD|MTN|MEU|MEF|CAB|MP|EN|SIG)"
# Bases and ships written with their prefix ("CFB Petawawa", "RAF Halton", "MCAS Miramar",
# "HMAS Stirling"): the prefix says military; the name is any capitalised word or two.
_BASE_PREFIX = r"(?:CFB|RAF|RAAF\s+Base|RNAS|HMNB|MCAS|MCB|NAS|NSA|NAVSTA|RAF\s+Station)"
_SHIP_PREFIX = r"(?:HMS|HMCS|HMAS|HMNZS|USS|USNS|USCGC|INS|BRP|KRI)"


def military_unit_patterns() -> list[PatternSpec]:
    """Units, bases and ships by designation (MILITARY_STATUS): a unit or base named in a text
    about a person says someone served; a ship's name may be a museum visit, so ships are
    offered in the confirm tier."""
    designations = [
        ("military_unit_ordinal", rf"\b\d{{1,3}}(?:st|nd|rd|th)\s+(?:{_UNIT_NOUN}|{_US_UNIT_ABBR})\b", 0.85),
        ("military_unit_regiment", rf"\b[1-9]\s?{_REGIMENT_ABBR}\b", 0.85),
        ("military_unit_us", rf"\b\d{{1,3}}[-/]\d{{1,3}}\s?(?:{_US_UNIT_ABBR})\b", 0.85),
        ("military_base_prefix", rf"\b{_BASE_PREFIX}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b", 0.85),
        ("military_ship_prefix", rf"\b{_SHIP_PREFIX}\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?\b", CONFIRM_SCORE),
    ]
    return [PatternSpec(name, "MILITARY_STATUS", re.compile(rx), score) for name, rx, score in designations]
