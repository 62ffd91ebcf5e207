"""Regular-expression patterns with checks: ages, birthdates, service phrases, origin phrases,
pregnancy phrases, conditions after "diagnosed with".

Patterns run on the normalised text, case-insensitively unless stated. Each pattern's span is
the part GUIDELINE.md section 3 says reveals the characteristic (e.g. "[born in 1979]",
"diagnosed with [bipolar disorder]", "[served two tours in Iraq]").
"""

from __future__ import annotations

import re
from importlib import resources

from vetting.screening.recognizers import DocView, PatternSpec

__all__ = ["build_patterns"]

I = re.IGNORECASE  # noqa: E741 - reads like the regex flag it is


def _load_list(name: str) -> list[str]:
    text = (resources.files("vetting.screening") / "data" / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _alt(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


NUMWORD = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ]?(?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|eighteen|nineteen|seventeen|sixteen|fifteen|"
    r"fourteen|thirteen|twelve|eleven|ten|nine|eight|seven|six|five|four|three|two|one"
)
AGE_NUM = rf"(?:1[0-1]\d|\d{{1,2}}|{NUMWORD})"
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?"
    rf"\s+(?:19|20)\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(?:19|20)\d{{2}}|"
    rf"(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})"
)
YEAR = r"(?:(?:19|20)\d{2}|'\d{2})"
DECADE = (
    r"(?:teens|20s|30s|40s|50s|60s|70s|80s|90s|20's|30's|40's|50's|60's|70's|80's|"
    r"twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
)
UNITS_AFTER = (
    r"(?:%|percent|minutes?|mins?|hours?|hrs?|miles?|mi\b|km|feet|foot|ft|inches|"
    r"lbs?|pounds|kg|dollars|bucks|k\b|mph|days?|weeks?|months?|times?|people|points?|"
    r"degrees?|cents?|am\b|pm\b|rounds?|shots?|reps?|seconds?|secs?|percent|mins|"
    r"calls?|cases?|tickets?|cars?|hrs|units?|years?\s+(?:in|on|into|of|with|at|sober|"
    r"clean|as|now|since|ago|later|before|after|straight|married|together))"
)
AGE_OBJECT = {
    "whiskey",
    "whisky",
    "scotch",
    "bourbon",
    "rum",
    "wine",
    "cheese",
    "car",
    "truck",
    "vehicle",
    "suv",
    "boat",
    "house",
    "home",
    "building",
    "roof",
    "furnace",
    "tree",
    "dog",
    "cat",
    "horse",
    "laptop",
    "phone",
    "computer",
    "tires",
    "mattress",
    "couch",
    "case",
    "warrant",
    "debt",
    "record",
    "photo",
    "picture",
    "video",
    "post",
    "tweet",
    "account",
    "leftovers",
    "pickup",
    "jeep",
    "rifle",
    "gun",
    "shotgun",
    "pistol",
    "sled",
    "snowmachine",
    "plane",
    "cabin",
    "furniture",
    "bottle",
    "mystery",
    "tradition",
    "company",
    "business",
    "lab",
    "pup",
}
# pets, animals and things said to be "N years old" (not a person's age)
AGE_THING_SUBJECT = {
    "retriever",
    "shepherd",
    "husky",
    "labrador",
    "lab",
    "pup",
    "puppy",
    "kitten",
    "kitty",
    "beagle",
    "poodle",
    "terrier",
    "pitbull",
    "pittie",
    "doggo",
    "mutt",
    "pony",
    "parrot",
    "horse",
    "mare",
    "gelding",
    "goat",
    "hamster",
    "bird",
    "fish",
    "tortoise",
    "turtle",
    "pet",
    "pets",
    "kitties",
    "cats",
    "dogs",
    "snowmobile",
    "atv",
    "motorcycle",
    "bike",
    "camper",
    "rv",
    "trailer",
    "van",
    "sedan",
    "minivan",
    "outboard",
    "engine",
    "motor",
    "fridge",
    "washer",
    "dryer",
    "tv",
    "printer",
    "radio",
    "cruiser",
    "rig",
    "ride",
    "shed",
    "deck",
    "fence",
    "carpet",
    "policy",
    "system",
    "software",
    "equipment",
    "vest",
    "vests",
    "boots",
    "jacket",
    "uniform",
    "badge",
    "scanner",
    "server",
    "station",
    "jail",
    "school",
    "bridge",
    "road",
    "tent",
    "center",
    "centre",
    "facility",
    "office",
    "precinct",
    "courthouse",
    "department",
    "agency",
    "program",
    "contract",
    "lease",
    "building",
    "kayak",
    "canoe",
    "skiff",
    "rifle's",
}

BRANCH = (
    r"(?:U\.?S\.?\s+)?(?:Army(?:\s+National\s+Guard|\s+Reserves?)?|Navy(?:\s+Reserves?)?|"
    r"Air\s+Force(?:\s+Reserves?)?|Marine\s+Corps(?:\s+Reserves?)?|Marines|Coast\s+Guard|"
    r"(?:Army\s+|Air\s+|Alaska\s+)?National\s+Guard|Space\s+Force|military|armed\s+forces|"
    r"Reserves?|Guard)"
)
MIL_PLACE = (
    r"(?:Iraq|Afghanistan|Kuwait|Syria|Vietnam|Viet\s+Nam|Korea|South\s+Korea|Germany|"
    r"Japan|Okinawa|Guam|Djibouti|Qatar|Bahrain|Kosovo|Bosnia|Somalia|Saudi(?:\s+Arabia)?|"
    r"the\s+(?:Persian\s+)?Gulf|the\s+Middle\s+East|the\s+sandbox|Fallujah|Ramadi|"
    r"Kandahar|Helmand|Baghdad|Mosul|Bagram|Iraq\s+and\s+Afghanistan|Afghanistan\s+and\s+"
    r"Iraq|Panama|Grenada|Lebanon|Libya|Yemen|Africa|Europe|Italy|Spain|Diego\s+Garcia|"
    r"Desert\s+Storm|combat|overseas|theater|the\s+war|a\s+war\s+zone|Vietnam\s+War|"
    r"Gulf\s+War|Korean\s+War|the\s+DMZ)"
)
COUNT = (
    r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|multiple|several|two\s+combat|three\s+combat|four\s+combat|"
    r"back-to-back|back\s+to\s+back)"
)
STOP = (
    r"(?:and|but|so|last|in|at|when|after|this|since|because|about|a|on|by|back|today|"
    r"yesterday|recently|years?|months?|weeks?|days?|as|which|that|who|while|before|the|my|"
    r"his|her|their|our|too|also|now|lol|is|was|were|are|has|had|have|it|its|for|to|from|"
    r"of|with|or|if|then|than|i|he|she|they|we|you|me|him|them|us|last|over|under|during|"
    r"earlier|ago|just|still|again|recently|finally|officially|early|late)"
)
RELATIVE = (
    r"(?:mom|mother|mum|mama|dad|father|papa|parents?|grandma|grandmother|grandpa|"
    r"grandfather|grandparents?|brother|sister|siblings?|aunt|uncle|cousin|son|daughter|"
    r"kids?|child|children|nephew|niece|twin|family|stepdad|stepmom|husband|wife)"
)


def _preceded(view: DocView | None, m: re.Match, words: set[str], k: int = 3) -> bool:
    if view is None:
        return False
    i = view.token_at_char(m.start())
    return any(view.lower[j] in words for j in range(max(0, i - k), i))


def _in_doc(view: DocView | None, words: set[str]) -> bool:
    return view is not None and any(t in words for t in view.lower)


def _in_window(view: DocView | None, m: re.Match, words: set[str], size: int = 12) -> bool:
    if view is None:
        return False
    s = view.token_at_char(m.start())
    e = max(s + 1, view.token_at_char(m.end() - 1) + 1)
    return view.has_cue(s, e, frozenset(words), size)


PREG_CUES = {
    "baby",
    "pregnant",
    "pregnancy",
    "expecting",
    "weeks",
    "trimester",
    "bump",
    "belly",
    "ob",
    "midwife",
    "doula",
    "nursery",
    "shower",
    "ultrasound",
    "first",
    "second",
    "third",
    "twins",
    "boy",
    "girl",
    "kick",
    "kicking",
    "congrats",
    "congratulations",
    "labor",
    "delivery",
    "newborn",
    "maternity",
    "little",
    "one",
    "bundle",
    "gender",
    "heartbeat",
    "crib",
    "names",
}
MIL_CUES = {
    "army",
    "navy",
    "marine",
    "marines",
    "usmc",
    "military",
    "veteran",
    "vet",
    "served",
    "deployed",
    "deployment",
    "combat",
    "unit",
    "battalion",
    "platoon",
    "brigade",
    "squadron",
    "company",
    "regiment",
    "infantry",
    "guard",
    "reserve",
    "reserves",
    "soldier",
    "soldiers",
    "sailor",
    "airman",
    "troops",
    "war",
    "tour",
    "tours",
    "iraq",
    "afghanistan",
    "kuwait",
    "base",
    "stationed",
    "overseas",
    "mos",
    "sergeant",
    "oif",
    "oef",
    "enlisted",
    "navy's",
    "army's",
}


_FROM_PERSON = {
    "is",
    "are",
    "was",
    "were",
    "'s",
    "'re",
    "'m",
    "am",
    "be",
    "been",
    "being",
    "im",
    "i'm",
    "people",
    "ppl",
    "peeps",
    "folks",
    "family",
    "families",
    "fam",
    "immigrant",
    "immigrants",
    "refugee",
    "refugees",
    "guy",
    "guys",
    "girl",
    "girls",
    "woman",
    "women",
    "man",
    "men",
    "kid",
    "kids",
    "dude",
    "dudes",
    "lady",
    "ladies",
    "someone",
    "somebody",
    "anyone",
    "nobody",
    "person",
    "neighbor",
    "neighbors",
    "neighbour",
    "neighbours",
    "coworker",
    "coworkers",
    "co-worker",
    "friend",
    "friends",
    "buddy",
    "buddies",
    "bro",
    "wife",
    "husband",
    "hubby",
    "wifey",
    "spouse",
    "boyfriend",
    "girlfriend",
    "bf",
    "gf",
    "partner",
    "fiance",
    "fiancé",
    "fiancee",
    "fiancée",
    "mom",
    "mum",
    "mother",
    "dad",
    "father",
    "parents",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "grandparents",
    "ancestors",
    "relatives",
    "cousin",
    "cousins",
    "aunt",
    "uncle",
    "roommate",
    "teammate",
    "teammates",
    "classmate",
    "classmates",
    "student",
    "students",
    "worker",
    "workers",
    "nurse",
    "doctor",
    "officer",
    "recruit",
    "applicant",
    "candidate",
    "subject",
    "originally",
    "orig",
    "both",
    "all",
    "descended",
    "descendant",
    "descendants",
    "auntie",
    "aunty",
    "tita",
    "tito",
    "lola",
    "lolo",
    "abuela",
    "abuelo",
    "nana",
    "papa",
    "mama",
    "son",
    "daughter",
    "brother",
    "sister",
    "stepdad",
    "stepmom",
    "stepson",
    "stepdaughter",
    "nephew",
    "niece",
    "in-laws",
    "mother-in-law",
    "father-in-law",
    "sister-in-law",
    "brother-in-law",
    "ex",
    "babe",
    "bae",
    "sweetheart",
    "dispatcher",
    "sergeant",
    "sgt",
    "boss",
    "supervisor",
    "cop",
    "trooper",
    "deputy",
    "landlord",
    "barber",
    "pastor",
    "teacher",
    "coach",
    "crew",
    "guy's",
    "wife's",
    "husband's",
    "family's",
    "mom's",
    "dad's",
    "lieutenant",
    "detective",
    "medic",
    "paramedic",
    "firefighter",
    "mechanic",
    "cook",
    "chef",
    "bartender",
    "server",
    "waitress",
    "driver",
    "employee",
    "employees",
    "colleague",
    "colleagues",
    "emigrant",
    "migrant",
    "migrants",
    "exchange",
    "adopted",
    "hails",
    "hail",
    "hailing",
    "sponsored",
    "side",
    "roots",
    "heritage",
    "lineage",
    "ancestry",
    "line",
    "bloodline",
}
_FROM_THING = {
    "it",
    "this",
    "that",
    "these",
    "those",
    "which",
    "what",
    "package",
    "shipment",
    "order",
    "parts",
    "part",
    "flight",
    "plane",
    "call",
    "email",
    "letter",
    "text",
    "box",
    "car",
    "truck",
    "product",
    "stuff",
    "food",
    "coffee",
    "tea",
    "beer",
    "wine",
    "recipe",
    "photo",
    "pic",
    "picture",
    "video",
    "news",
    "report",
    "article",
    "story",
    "movie",
    "show",
    "song",
    "music",
    "band",
    "team",
    "tour",
    "trip",
    "visit",
    "gift",
    "souvenir",
    "postcard",
    "delivery",
    "mail",
    "item",
    "items",
    "fabric",
    "design",
    "idea",
    "quote",
    "saying",
    "word",
    "phrase",
    "dish",
}
_FROM_SUBJ = {
    "i",
    "he",
    "she",
    "we",
    "they",
    "you",
    "who",
    "everyone",
    "everybody",
    "both",
    "all",
    "most",
    "many",
    "half",
    "y'all",
}
_FROM_MOTION = {
    "back",
    "home",
    "returned",
    "returning",
    "return",
    "flew",
    "fly",
    "flying",
    "flown",
    "drove",
    "drive",
    "driving",
    "shipped",
    "ship",
    "imported",
    "import",
    "ordered",
    "order",
    "arrived",
    "arriving",
    "arrive",
    "landed",
    "landing",
    "traveled",
    "travelled",
    "traveling",
    "visiting",
    "visited",
    "trip",
    "flight",
    "deployed",
    "redeployed",
    "transferred",
    "pcs",
    "pcsed",
    "pcs'd",
    "rotated",
    "bought",
    "brought",
    "got",
    "sent",
    "mailed",
    "called",
    "texted",
    "streaming",
    "live",
    "away",
    "far",
    "miles",
    "km",
    "hours",
    "straight",
    "direct",
    "directly",
    "news",
    "postcard",
    "souvenirs",
    "imports",
    "exported",
    "exports",
    "wine",
    "route",
    "routes",
    "distance",
    "nonstop",
    "ferry",
    "cruise",
    "evacuated",
}


def _person_from(view: DocView | None, m: re.Match) -> bool:
    """``from <country>`` about a person's origin, judged from the words before ``from``."""
    if view is None:
        return False
    i = view.token_at_char(m.start("s"))
    if view.lower[i] == "originally":
        j = i - 1
        orig = True
    else:
        j = i - 1
        orig = False
    while j >= 0 and view.lower[j] in (
        "originally",
        "orig",
        "all",
        "both",
        "actually",
        "really",
        "also",
        "too",
        "just",
        "half",
        "partly",
    ):
        orig = orig or view.lower[j] in ("originally", "orig")
        j -= 1
    if j < 0 or view.sent[j] != view.sent[i]:
        # opens a sentence: "Originally from Peru", "From Samoa, living in Anchorage"
        after = m.string[m.end() : m.end() + 3].lstrip()
        return orig or after[:1] in ("", ",", ".", "|", "!", "•", "/", "&", "\n", "❤")
    prev = view.lower[j]
    if prev in _FROM_MOTION or prev in _FROM_THING:
        return False
    if prev in (",", "-", "|", "(", "•", "/", ":") and orig:
        return True
    if prev not in _FROM_PERSON:
        return False
    if prev in ("is", "are", "was", "were", "'s", "'re", "'m", "am", "be", "been", "being"):
        k = j - 1
        while k >= 0 and view.lower[k] in (
            "originally",
            "all",
            "both",
            "actually",
            "really",
            "also",
            "not",
            "n't",
            "originally",
        ):
            k -= 1
        if k < 0 or view.sent[k] != view.sent[j]:
            return orig
        subj = view.lower[k]
        if subj in _FROM_THING:
            return False
        return (
            subj in _FROM_SUBJ
            or subj in _FROM_PERSON
            or (view.text[k][:1].isupper() and view.pos[k] == "PROPN")
        )
    return True


def build_patterns() -> list[PatternSpec]:
    """Compile the pattern list (once per engine)."""
    foreign = _load_list("foreign_places.txt")
    languages = _load_list("languages.txt")
    FOREIGN = rf"(?:{_alt(foreign)})"
    LANG = rf"(?:{_alt(languages)})"
    specs: list[PatternSpec] = []

    def add(name, category, regex, score=0.85, group=0, check=None, flags=I):
        specs.append(PatternSpec(name, category, re.compile(regex, flags), score, group, check))

    # ---------------------------------------------------------------------------------- AGE
    def not_object(view, m):
        # the thing whose age it is: "my truck is 15 years old", "the retriever turned 9 years old"
        subj = re.search(
            r"([a-z]+)(?:'s|\s+(?:is|was|will\s+be|turned|turns|just\s+turned|now|being))"
            r"(?:\s+(?:almost|nearly|about|over|like|now|only|already|at\s+least))?\s*$",
            m.string[max(0, m.start() - 40) : m.start()].lower(),
        )
        if subj and (
            subj.group(1) in AGE_OBJECT
            or subj.group(1) in _VEHICLE_BRANDS
            or subj.group(1) in AGE_THING_SUBJECT
        ):
            return False
        after = m.string[m.end() : m.end() + 30].lower().split()
        if not after:
            return True
        w = after[0].strip(".,!?;:")
        return w not in AGE_OBJECT and w not in _VEHICLE_BRANDS

    add(
        "age-years-old",
        "AGE",
        rf"\b{AGE_NUM}\s*[- ]?\s*(?:years?|yrs?|yr)\.?\s*[- ]?\s*(?:old|young|of\s+age)\b",
        check=not_object,
    )
    add("age-yo", "AGE", r"\b\d{1,2}\s?(?:yo|y/o|y\.o\.?|yoa|yrs?\.?\s?old)(?![\w])")
    add(
        "age-aged",
        "AGE",
        r"\b(?:aged?|ages)\s*:?\s*\d{1,2}\b(?!\s*(?:-|to)\s*\d)"
        r"(?!\s*(?:and\s+(?:up|under|over)|\+))",
        check=lambda v, m: (
            not re.search(
                r"\b(?:until|till|til|since|from|by|before|after|around|about)\s+$",
                m.string[max(0, m.start() - 8) : m.start()],
                I,
            )
        ),
    )
    add("age-at-age", "AGE", r"\bat\s+(?:the\s+)?age\s+(?:of\s+)?\d{1,2}\b")
    add(
        "age-turned",
        "AGE",
        rf"\b(?:turned|turning|turns|will\s+turn|gonna\s+turn|about\s+to\s+turn)\s+"
        rf"(?:{AGE_NUM}|the\s+big\s+\d-?0)\b(?!\s*{UNITS_AFTER})(?!\s*(?:pages?|laps?|left|right|around))",
        check=lambda v, m: (
            not re.search(
                r"(?:since|when|after|before|until|till|once|the\s+day|the\s+year|as\s+soon\s+as)\s+"
                r"(?:i|he|she|we|they|you)\s+$",
                m.string[max(0, m.start() - 22) : m.start()],
                I,
            )
        ),
    )
    add(
        "age-am",
        "AGE",
        rf"\b(?:i'm|i\s+am|im|she's|he's|she\s+is|he\s+is|i\s+was|i'll\s+be|am)\s+(?:now\s+|only\s+|"
        rf"almost\s+|nearly\s+|just\s+)?(?P<a>1[6-9]|[2-9]\d|(?:twenty|thirty|forty|fifty|sixty|"
        rf"seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)\b(?!\s*{UNITS_AFTER})(?!\s*(?:-|/|:|\.\d|,\d))",
        group="a",
    )
    add(
        "age-and-still",
        "AGE",
        r"(?<![\w$.,/])(?P<a>[2-9]\d)\s+(?:and\s+(?:still|counting|proud|fabulous|thriving|"
        r"loving|feeling|not\s+slowing))\b",
        group="a",
    )
    add(
        "age-decade",
        "AGE",
        rf"\b(?:in|into|during)\s+(?:my|his|her|their|our)\s+(?:early|mid|late)?[- ]?{DECADE}\b",
    )
    add(
        "age-decade-bare",
        "AGE",
        rf"\b(?:early|mid|late)[- ]?{DECADE}\b",
        check=lambda v, m: _in_window(
            v,
            m,
            {
                "i",
                "i'm",
                "im",
                "my",
                "me",
                "he",
                "she",
                "guy",
                "woman",
                "man",
                "am",
                "candidate",
                "applicant",
            },
            6,
        ),
    )
    add(
        "age-born-year",
        "AGE",
        rf"\bborn\s+(?:in|on|back\s+in)\s+(?:(?:{MONTH}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?{YEAR}|{DATE})\b",
    )
    add("age-born-date", "AGE", rf"\bborn\s+(?:on\s+)?{DATE}")
    add(
        "age-dob",
        "AGE",
        rf"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|b-?day|birthday)\s*(?:is|was|:|-|=)?\s*{DATE}",
    )
    add(
        "age-dob-bare",
        "AGE",
        r"\b(?:DOB|D\.O\.B\.?)\b\s*:?\s*(?:\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)?",
    )
    add(
        "age-birthday",
        "AGE",
        r"\b(?:\d{2}(?:st|nd|rd|th)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)?-?"
        r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twentieth|thirtieth|"
        r"fortieth|fiftieth|sixtieth|seventieth|eightieth|sweet\s+sixteen))\s+(?:birthday|bday|b-day|"
        r"b-?day)\b",
    )
    add(
        "age-big",
        "AGE",
        r"\b(?:the\s+)?big\s+[2-9]-?0\b(?!\s*(?:-?inch|in\b|ft|feet|lbs?|mph|%|k\b))",
    )
    add(
        "age-happy-nth",
        "AGE",
        r"\b(?:happy|my|his|her)\s+(?P<a>[2-9]0th)\b(?!\s+anniversary)",
        group="a",
    )
    add(
        "age-bio-mf",
        "AGE",
        r"(?<![\w/.,])(?:[MF])\s*[,/]\s*(?P<a>1[8-9]|[2-9]\d)\b(?!\w|[/.:,]\d)",
        group="a",
        flags=0,
    )
    add(
        "age-bio-nmf",
        "AGE",
        r"(?<![\w/.,$])(?P<a>1[8-9]|[2-9]\d)\s?/?\s?(?:[MF])(?![\w/'])",
        group="a",
        flags=0,
    )
    add(
        "age-name-comma",
        "AGE",
        r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
        r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Suite|Unit|Apt|Box|Route|"
        r"Highway|Hwy|Mile|Page|Chapter|Room|Exit|Gate|Station|Section)\b)[A-Z][a-z]+,\s(?P<a>1[8-9]|"
        r"[2-9]\d),\s(?!\d)",
        group="a",
        flags=0,
    )
    add("age-paren", "AGE", r"\b[A-Z][a-z]+\s\((?P<a>1[8-9]|[2-9]\d)\)", group="a", flags=0)
    add(
        "age-over",
        "AGE",
        r"\b(?:over|under|pushing|nearly|almost)\s+(?:[4-9]0)\b(?!\s*"
        + UNITS_AFTER
        + r")(?!\s*(?:mph|%|\$|k|grand|feet|calls|people|of|in|on|at))",
        check=lambda v, m: _in_window(
            v,
            m,
            {
                "i",
                "i'm",
                "im",
                "me",
                "am",
                "guy",
                "woman",
                "man",
                "people",
                "folks",
                "anyone",
                "candidate",
                "he",
                "she",
                "us",
                "we",
                "workers",
                "employees",
                "applicants",
            },
            4,
        ),
    )

    # ------------------------------------------------------------------------ SEX / GENDER
    add(
        "gender-bio-mf",
        "SEX_GENDER",
        r"(?<![\w/.,])(?P<g>[MF])\s*[,/]\s*(?:1[8-9]|[2-9]\d)\b(?!\w|[/.:,]\d)",
        group="g",
        flags=0,
    )
    add(
        "gender-bio-nmf",
        "SEX_GENDER",
        r"(?<![\w/.,$])(?:1[8-9]|[2-9]\d)\s?/?\s?(?P<g>[MF])(?![\w/'])",
        group="g",
        flags=0,
    )

    # ---------------------------------------------------------------------------- MILITARY
    add(
        "mil-tours",
        "MILITARY_STATUS",
        rf"\b(?:served|serving|did|pulled|completed|spent|finished|survived|had|went\s+on|"
        rf"deployed\s+(?:for|on))\s+(?:{COUNT}\s+)?(?:combat\s+|overseas\s+|year-long\s+|"
        rf"\d+-month\s+)?(?:tours?|deployments?|rotations?)(?:\s+(?:in|to|of\s+duty(?:\s+in)?|"
        rf"overseas)(?:\s+(?:the\s+)?{MIL_PLACE}(?:\s+and\s+{MIL_PLACE})?)?)?",
        check=lambda v, m: (
            "tour" not in m.group(0).lower()
            or _in_window(
                v, m, MIL_CUES | {"iraq", "afghanistan", "combat", "duty", "overseas"}, 12
            )
            or re.search(MIL_PLACE, m.group(0), I) is not None
        ),
    )
    add(
        "mil-served-branch",
        "MILITARY_STATUS",
        rf"\b(?:served|serving|did|spent|gave|put\s+in|completed|retired\s+after|"
        rf"was|were)\s+(?:(?:{COUNT}|\d{{1,2}}\+?)\s+(?:years?|yrs|months?)\s+)?(?:in|with|for|"
        rf"active\s+duty\s+in)\s+the\s+{BRANCH}",
        flags=0 | I,
    )
    add(
        "mil-served-branch-noart",
        "MILITARY_STATUS",
        rf"\b(?:served|serving|did|spent)\s+(?:(?:{COUNT}|\d{{1,2}})\s+(?:years?|yrs)\s+)?(?:in|with)\s+"
        rf"(?:Army|Navy|Marines|USMC|Air\s+Force|Coast\s+Guard|National\s+Guard)\b",
    )
    add(
        "mil-years-branch",
        "MILITARY_STATUS",
        rf"\b(?:\d{{1,2}}|{NUMWORD})\s+(?:years?|yrs)\s+(?:in\s+the\s+|of\s+)?(?:active\s+duty|"
        rf"(?:U\.?S\.?\s+)?(?:Army|Navy|Air\s+Force|Marine\s+Corps|Marines|USMC|Coast\s+Guard|"
        rf"National\s+Guard|military|service)\b)",
        check=lambda v, m: "service" not in m.group(0).lower() or _in_window(v, m, MIL_CUES, 8),
    )
    add(
        "mil-served-place",
        "MILITARY_STATUS",
        rf"\b(?:served|serving|fought|fighting)\s+(?:in\s+|overseas\b)(?:the\s+)?(?:{MIL_PLACE})?",
        check=lambda v, m: (
            re.search(MIL_PLACE, m.group(0)[6:], I) is not None
            or m.group(0).lower().rstrip().endswith("overseas")
        ),
    )
    add("mil-served-country", "MILITARY_STATUS", r"\bserved\s+(?:my|our|his|her)\s+country\b")
    add(
        "mil-deployed",
        "MILITARY_STATUS",
        rf"\b(?:deployed|deploying|deploy|deploys|shipped\s+out|shipping\s+out|stationed|was\s+stationed)"
        rf"(?:\s+(?:\d\s?x|twice|three\s+times|four\s+times|five\s+times|again))?"
        rf"\s+(?:(?:to|in|at|overseas|twice|three\s+times|four\s+times|with\s+the)\s*)(?:the\s+)?"
        rf"(?:{MIL_PLACE}|Fort\s+[A-Z]\w+|Camp\s+[A-Z]\w+|JBER|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?",
        check=lambda v, m: (
            re.search(MIL_PLACE + r"|Fort\s|Camp\s|JBER|overseas|twice|times", m.group(0), I)
            is not None
            or _in_window(v, m, MIL_CUES, 10)
        ),
    )
    add(
        "mil-deployed-bare",
        "MILITARY_STATUS",
        r"\b(?:got|was|were|been|i'm|im|am|is|are|when\s+i)\s+"
        r"(?P<d>deployed)\b(?!\s+(?:the|it|to\s+prod|to\s+production|a\s+fix|an?\s+update))",
        group="d",
        check=lambda v, m: _in_window(
            v, m, MIL_CUES | {"i", "my", "home", "family", "kids", "wife", "husband", "back"}, 10
        ),
    )
    add(
        "mil-nth-deployment",
        "MILITARY_STATUS",
        r"\b(?:first|second|third|fourth|fifth|sixth|last|latest|final|next|1st|2nd|3rd|4th|5th|"
        r"combat)\s+(?:combat\s+)?(?:deployment|tour)\b(?!\s+of\s+(?!duty))",
        check=lambda v, m: (
            "deployment" in m.group(0).lower()
            and _preceded(
                v, m, {"my", "his", "her", "our", "their", "after", "before", "during", "from"}, 3
            )
            or _in_window(v, m, MIL_CUES, 10)
        ),
    )
    add(
        "mil-discharged",
        "MILITARY_STATUS",
        rf"\b(?:(?:honorably|dishonorably|medically|administratively|generally)\s+(?:discharged|"
        rf"retired|separated)|discharged\s+from\s+the\s+{BRANCH}|(?:honorable|dishonorable|medical|"
        rf"general|bad\s+conduct|other[- ]than[- ]honorable|OTH)\s+discharge)\b",
    )
    add(
        "mil-former",
        "MILITARY_STATUS",
        r"\b(?:(?:retired|former|ex|prior|active(?:[- ]duty)?|reserve|reservist|career)\s+|ex-\s?)"
        r"(?:U\.?S\.?\s+)?(?:Army|Navy|Air\s+Force|Marine\s+Corps|Marines?|Coast\s+Guard|"
        r"(?:National\s+)?Guard(?:sman)?|military|soldier|sailor|airman|service\s*member|"
        r"Army\s+Ranger|Green\s+Beret|Navy\s+SEAL|SEAL|infantry(?:man)?|paratrooper|corpsman|"
        r"medic|MP)\b",
        check=lambda v, m: (
            not re.match(r"(?:retired|former|ex-?)\s+(?:medic|MP)\b", m.group(0), I)
            or _in_window(v, m, MIL_CUES, 8)
        ),
    )
    add(
        "mil-ship",
        "MILITARY_STATUS",
        r"\b(?:served|stationed|deployed|was|were|assigned)\s+(?:on|aboard|to)\s+(?:the\s+)?USS\s+"
        r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?",
        flags=0,
    )
    add("mil-mos", "MILITARY_STATUS", r"\bMOS\s+\d{2}[A-Z]\d?\b", flags=0)
    add(
        "mil-joined",
        "MILITARY_STATUS",
        r"\b(?:enlisted|joined|joining|enlisting|join|signed\s+up\s+for|went\s+into|got\s+out\s+of|"
        r"left)\s+(?:in\s+)?the\s+(?:Army|Navy|Air\s+Force|Marines|Marine\s+Corps|Coast\s+Guard|"
        r"National\s+Guard|Guard|military|Reserves?|armed\s+forces)\b",
        check=lambda v, m: (
            not re.match(r"(?:left|got\s+out\s+of)\s+the\s+(?:Guard|Reserves?)\b", m.group(0), I)
            or _in_window(v, m, MIL_CUES, 10)
        ),
    )
    add(
        "mil-enlisted-bare",
        "MILITARY_STATUS",
        r"\b(?:enlisted|re-?enlisted)\b(?!\s+(?:his|her|their|my|our|the\s+help|help|support|"
        r"volunteers|friends|a\s+|an\s+|some|several|everyone|people|members))",
    )
    add(
        "mil-vet-branch",
        "MILITARY_STATUS",
        r"\b(?:Army|Navy|Marine|Marines|USMC|Air\s+Force|Coast\s+Guard|Guard|combat|military|war|"
        r"Vietnam|Gulf\s+War|Iraq|Afghanistan|OIF|OEF|disabled)\s+(?:vet|vets|veteran|veterans)\b",
        check=lambda v, m: not m.group(0).lower().startswith("disabled"),
    )

    # ---------------------------------------------------------------------- NATIONAL ORIGIN
    add(
        "origin-born-in",
        "NATIONAL_ORIGIN",
        rf"\b(?:born|raised|grew\s+up)\s+(?:and\s+(?:raised|bred)\s+)?(?:in|on)\s+(?:the\s+)?"
        rf"(?:{FOREIGN})\b",
        flags=0 | I,
        check=lambda v, m: re.search(rf"(?:{FOREIGN})\b", m.group(0)) is not None,
    )
    add(
        "origin-from",
        "NATIONAL_ORIGIN",
        rf"\b(?:immigrated|emigrated|came\s+over|came\s+here|moved\s+here|moved\s+over|fled|escaped|"
        rf"migrated|relocated|immigrants?|refugees?|came\s+to\s+(?:the\s+)?(?:US|U\.S\.|USA|America|"
        rf"the\s+States|Alaska)|came\s+to\s+this\s+country|deported\s+back\s+to|sent\s+back\s+to)"
        rf"(?:\s+(?:here|over|to\s+(?:the\s+)?(?:US|U\.S\.|USA|America|the\s+States|Alaska)))?"
        rf"(?:\s+in\s+\d{{4}})?\s+(?:from|to)\s+(?:the\s+)?(?:{FOREIGN})\b",
        check=lambda v, m: re.search(rf"(?:{FOREIGN})\b", m.group(0)) is not None,
    )
    add(
        "origin-is-from",
        "NATIONAL_ORIGIN",
        rf"\b(?:i'm|i\s+am|im|we're|we\s+are|family\s+is|family's|family\s+was|families\s+are|"
        rf"parents\s+are|parents\s+were|grandparents\s+(?:are|were)|(?:mom|dad|mother|father)\s+"
        rf"(?:is|was)|she's|he's|she\s+is|he\s+is|originally|comes?|came|hails?|hailing|roots\s+are|"
        rf"ancestors\s+(?:are|were|came)|people\s+are|side\s+is)\s+(?:originally\s+|all\s+)?"
        rf"(?P<s>from\s+(?:the\s+)?(?:{FOREIGN}))\b",
        group="s",
        check=lambda v, m: (
            re.search(rf"(?:{FOREIGN})\b", m.group("s")) is not None
            and not (
                re.match(r"(?:comes?|came)\b", m.group(0), I)
                and _preceded(
                    v,
                    m,
                    _FROM_THING
                    | {"storm", "front", "wind", "smoke", "weather", "system", "money", "funds"},
                    2,
                )
            )
        ),
    )
    foreign_set = {f.lower() for f in foreign}
    lang_set = {x.lower() for x in languages}
    add(
        "origin-fled",
        "NATIONAL_ORIGIN",
        rf"\b(?:fled|escaped|left|emigrated\s+from|defected\s+from)\s+(?:the\s+)?(?:war\s+in\s+)?(?:{FOREIGN})\b",
        check=lambda v, m: (
            not m.group(0).lower().startswith("left")
            or _in_window(
                v,
                m,
                {
                    "family",
                    "parents",
                    "immigrated",
                    "refugee",
                    "refugees",
                    "war",
                    "born",
                    "grandparents",
                    "fled",
                    "escaped",
                    "came",
                    "moved",
                },
                12,
            )
        ),
    )
    add(
        "origin-born-adj",
        "NATIONAL_ORIGIN",
        r"\b(?P<p>[A-Z][\w'.]{0,30}(?:\s+[A-Z][\w'.]{0,30}){0,2})-born\b",
        check=lambda v, m: (
            any(
                m.group("p").lower().endswith(f)
                and (len(m.group("p")) == len(f) or m.group("p")[-len(f) - 1] == " ")
                for f in foreign_set
            )
            or m.group("p").split()[-1].lower() in foreign_set
        ),
    )
    add("origin-native-lang", "NATIONAL_ORIGIN", rf"\bnative\s+(?P<l>{LANG})\s+speaker", group="l")
    add(
        "origin-first-lang",
        "NATIONAL_ORIGIN",
        rf"\b(?:first|native|home|mother|primary)\s+(?:language|tongue)\s+(?:is|was)\s+(?P<l>{LANG})\b",
        group="l",
    )
    add(
        "origin-grew-speaking",
        "NATIONAL_ORIGIN",
        rf"\bgrew\s+up\s+speaking\s+(?P<l>{LANG})\b",
        group="l",
    )
    add(
        "origin-first-gen",
        "NATIONAL_ORIGIN",
        r"\b(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[- ]gen(?:eration)?\b(?:[- ](?:American|immigrant|"
        r"college\s+student|Filipino|Mexican|Korean))?",
        check=lambda v, m: (
            not re.search(r"college", m.group(0), I)
            and (
                re.search(r"American|immigrant|Filipino|Mexican|Korean", m.group(0), I) is not None
                or _in_window(
                    v,
                    m,
                    {
                        "american",
                        "immigrant",
                        "immigrants",
                        "parents",
                        "family",
                        "proud",
                        "kid",
                        "heritage",
                        "roots",
                        "i'm",
                        "im",
                        "born",
                        "filipino",
                        "mexican",
                        "korean",
                        "pinoy",
                        "'m",
                        "issei",
                        "nisei",
                        "sansei",
                        "yonsei",
                        "grandparents",
                    },
                    8,
                )
            )
        ),
    )

    # ---------------------------------------------------------------------------- PREGNANCY
    add(
        "preg-expecting-obj",
        "PREGNANCY",
        r"\bexpecting\s+(?:our|my|a|her|his|their|another|baby|twins|number|triplets|"
        r"a\s+little)(?:\s+(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|#\d|\d|little|"
        r"baby|rainbow|new|sweet|precious|two|one|beautiful|tiny|healthy))*(?:\s+(?:baby|babies|"
        r"child|kid|boy|girl|twins|triplets|one|bundle\s+of\s+joy|addition|little\s+one|"
        r"grandchild|grandbaby|bundle|miracle|blessing))?(?:\s+(?:number|#|no\.?)\s*(?:\d|one|two|three|"
        r"four|five))?",
        check=lambda v, m: (
            re.search(
                r"first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|#\d|"
                r"\bbab|child|\bkid|\bboy|\bgirl|twins|triplets|little|"
                r"bundle|addition|grand|rainbow|miracle|blessing|number",
                m.group(0)[9:],
                I,
            )
            is not None
        ),
    )
    add(
        "preg-expecting",
        "PREGNANCY",
        r"\b(?:we're|we\s+are|were|we|she's|she\s+is|i'm|i\s+am|im|wife\s+is|wife's|they're|"
        r"they\s+are|are|am|is|you're|you\s+are|currently|officially|also)\s+(?:now\s+|finally\s+|"
        r"officially\s+|still\s+|currently\s+|so\s+)?(?P<s>expecting)\b(?!\s+(?:a|an|the|to|some|"
        r"more|it|that|this|him|her|them|you|us|my|your|his|their|our|snow|rain|company|news|"
        r"results|delivery|package|call|visitors|guests|too|much|nothing|something|anything|"
        r"everything|great|big|good|trouble|any|from|on|at|for|back|me|heavy|lots|less|"
        r"better|worse|high|low|calls?|backup|back-up|reinforcements|cover|units?|support|"
        r"traffic|crowds?|weather|storms?|winds?|delays?|overtime|orders|word|confirmation|"
        r"payment|pushback|resistance|charges|problems|issues|officers|deputies|"
        r"(?-i:[a-z]+ing))\b)",
        group="s",
    )
    add(
        "preg-expecting-cap",
        "PREGNANCY",
        r"(?:^|(?<=[.!?\n]\s))(?P<s>Expecting)(?=\s*[!.🤰👶💙💗]|"
        r"\s+(?:in|this|next|a|our|baby|twins)\b)",
        group="s",
        flags=0,
        check=lambda v, m: _in_window(
            v, m, PREG_CUES | {"in", "october", "may", "june", "july"}, 8
        ),
    )
    add(
        "preg-due",
        "PREGNANCY",
        rf"\b(?P<s>due\s+(?:in|on|at\s+the\s+end\s+of|around|early|mid|late|the\s+first\s+week\s+of|"
        rf"any\s+day|next\s+month|this\s+(?:spring|summer|fall|winter)|in\s+the\s+(?:spring|summer|"
        rf"fall|winter))?\s*(?:early\s+|mid-?\s*|late\s+)?(?:{MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|"
        rf"spring|summer|fall|autumn|winter|now|soon)?)",
        group="s",
        check=lambda v, m: (
            _preceded(
                v,
                m,
                {
                    "i'm",
                    "im",
                    "i",
                    "she's",
                    "she",
                    "we're",
                    "baby",
                    "baby's",
                    "you're",
                    "you",
                    "was",
                    "were",
                    "wife",
                    "wife's",
                    "am",
                    "we",
                    "they're",
                    "when",
                    "she'll",
                    "i'll",
                },
                3,
            )
            and not _preceded(
                v,
                m,
                {
                    "rent",
                    "bill",
                    "payment",
                    "report",
                    "paper",
                    "assignment",
                    "taxes",
                    "it",
                    "project",
                    "homework",
                    "invoice",
                    "loan",
                },
                3,
            )
            and (
                re.search(
                    MONTH + r"|spring|summer|fall|autumn|winter|any\s+day|soon", m.group("s"), I
                )
                is not None
                or _in_window(v, m, PREG_CUES, 10)
                or re.match(r"\s*\?", m.string[m.end() :]) is not None
            )
        ),
    )
    add(
        "preg-transitioning",
        "SEX_GENDER",
        r"\b(?:i'm|i\s+am|im|she's|he's|they're|she\s+is|he\s+is|they\s+are|started|began|am|is|are|"
        r"been|was|were)\s+(?:medically\s+|socially\s+|now\s+|finally\s+)?(?P<t>transitioning)\b"
        r"(?!\s+(?:to|from|into|out|back|over|away|between|the|our|my|a)\b)",
        group="t",
    )
    add(
        "preg-weeks-bare",
        "PREGNANCY",
        r"\b(?:[1-3]?\d|40|41|42)\s*(?:weeks?|wks?)(?:\s*(?:\+|and)\s*\d\s*(?:days?|d))?\b"
        r"(?!\s+(?:ago|later|until|till|left|off|of|in|on|at|from|since|before|after|notice|"
        r"vacation|pay|leave|overtime|out))",
        check=lambda v, m: (
            not re.search(
                r"(?:\bat|\btil|\btill|\buntil|\bbefore|\bafter|\bby|"
                r"\bpast)\s+$",
                m.string[max(0, m.start() - 8) : m.start()],
                I,
            )
            and _in_doc(
                v,
                {
                    "pregnant",
                    "pregnancy",
                    "shower",
                    "bump",
                    "due",
                    "trimester",
                    "expecting",
                    "ultrasound",
                    "kicking",
                    "heartbeat",
                    "ob",
                    "midwife",
                    "preggo",
                    "nursery",
                    "baby",
                    "babies",
                },
            )
            and not _in_window(v, m, {"old", "newborn", "ago", "born"}, 4)
        ),
    )
    add(
        "preg-baby-number",
        "PREGNANCY",
        r"\bbaby\s+(?:#\s?\d|no\.?\s*\d|number\s+(?:\d|two|three|four|five))\s+(?:is\s+)?(?:coming|on\s+the\s+way|"
        r"due|arriving|expected)(?:\s+(?:in|this|next|on)\s+\w+)?",
    )
    add(
        "preg-having",
        "PREGNANCY",
        r"\b(?:we're|we\s+are|i'm|i\s+am|im|she's|she\s+is|they're|wife's|wife\s+is)\s+(?:finally\s+|"
        r"officially\s+)?having\s+(?:a\s+baby|twins|triplets|a\s+(?:baby\s+)?(?:boy|girl)|another\s+"
        r"(?:baby|one))\b",
    )
    add(
        "preg-carrying",
        "PREGNANCY",
        r"\b(?:carrying|pregnant\s+with)\s+(?:twins|triplets|a\s+(?:baby|boy|girl)|our\s+(?:first|"
        r"second|third|baby|rainbow|little)|(?:my|his|her|their)\s+(?:baby|child|son|daughter))\b",
    )
    add(
        "preg-weeks",
        "PREGNANCY",
        r"\b(?:\d{1,2}|twenty|thirty|ten|twelve|six|eight|nine|seven)\s+(?:weeks?|wks?|months?)\s+"
        r"(?:along|pregnant|preggo|preggers|postpartum|pp)\b",
    )
    add(
        "preg-weeks-today",
        "PREGNANCY",
        r"\b(?:\d{1,2})\s*(?:weeks?|wks?|w)\s*(?:\+\s*\d\s*(?:days?|d))?\s+(?:today|and\s+counting)\b",
        check=lambda v, m: _in_window(v, m, PREG_CUES, 10),
    )

    # --------------------------------------------------------------------------- DISABILITY
    def _cond_ok(view, m):
        cond = m.group("c").lower()
        return (
            cond
            not in (
                "it",
                "that",
                "this",
                "something",
                "nothing",
                "anything",
                "a",
                "covid",
                "the",
                "flu",
                "cold",
            )
            and not cond.isdigit()
        )

    cond = rf"(?P<c>(?!{STOP}\b)[\w'-]+(?:\s+(?!{STOP}\b)[\w'-]+){{0,2}})"
    add(
        "health-diagnosed",
        "DISABILITY",
        rf"\b(?:diagnosed|dx'?d|dx)\s+(?:me\s+|him\s+|her\s+|them\s+)?(?:with|w/|as)\s+"
        rf"(?:(?:an?|the|some|early|early-onset|stage\s+\w+|severe|mild|moderate|chronic|acute|"
        rf"rare|being)\s+)*{cond}",
        check=_cond_ok,
        group="c",
    )
    add(
        "health-meds-for",
        "DISABILITY",
        rf"\b(?:meds|medication|medications|medicine|pills|treatment|treatments|surgery|therapy|"
        rf"rehab|prescription|infusions?|injections?|shots)\s+for\s+(?:my|his|her|their|a|an|the)?"
        rf"\s*{cond}",
        check=_cond_ok,
        group="c",
    )
    add(
        "health-suffers",
        "DISABILITY",
        rf"\b(?:suffers|suffering|suffered|suffer)\s+from\s+(?:(?:severe|chronic|mild|bad)\s+)?{cond}",
        check=_cond_ok,
        group="c",
    )
    add(
        "health-on-med",
        "DISABILITY",
        r"\b(?:i'm|im|i\s+am|been|was|were|started|start|starting|get|got|put\s+me|she's|he's|they\s+put"
        r"\s+me|stay|stayed|went)\s+(?:back\s+)?on\s+(?P<m>Adderall|Xanax|Klonopin|Ativan|Valium|"
        r"gabapentin|Ozempic|Mounjaro|prednisone|trazodone|Ambien|propranolol|hydroxyzine|"
        r"Chantix|EpiPen|lithium|meds|medication|antidepressants|insulin|oxygen|dialysis|"
        r"disability|chemo)\b",
        group="m",
        check=lambda v, m: m.group("m").lower() not in ("meds", "medication", "disability"),
    )
    add(
        "health-sober",
        "DISABILITY",
        r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
        r"twenty)\s+(?:years?|months?|days?)\s+(?:sober|clean\s+and\s+sober|in\s+recovery)\b",
    )

    # ------------------------------------------------------------------------ GENETIC INFO
    add(
        "gen-family-history",
        "GENETIC_INFO",
        rf"\bfamily\s+(?:medical\s+)?history\s+of\s+(?:early\s+)?(?!{STOP}\b)[\w'-]+"
        rf"(?:\s+(?:disease|cancer|syndrome|disorder|attacks?|failure|illness|problems|issues|"
        rf"conditions?|sclerosis|fibrosis|cell|anemia|dementia|diabetes|tumors?))*",
    )
    add(
        "gen-carrier",
        "GENETIC_INFO",
        r"\bcarriers?\s+(?:for|of)\s+(?:the\s+)?(?:cystic\s+fibrosis|sickle\s+cell(?:\s+(?:trait|"
        r"anemia|disease))?|tay-?\s?sachs|hemophilia|SMA|spinal\s+muscular\s+atrophy|fragile\s+X|"
        r"thalassemia|BRCA\d?(?:\s+mutation)?|Huntington'?s|[\w-]+\s+(?:gene|mutation|trait))",
    )
    add(
        "gen-relative-condition",
        "GENETIC_INFO",
        rf"\b(?:my|our)\s+{RELATIVE}(?:'s)?\s+(?:has|had|have|died\s+of|died\s+from|passed\s+from|"
        rf"battled|fought|suffers\s+from|suffered\s+from|was\s+diagnosed\s+with|is\s+battling|"
        rf"lost\s+(?:her|his|their)\s+(?:battle|fight)\s+(?:with|to))\s+(?:(?:early[- ]onset|stage\s+"
        rf"\w+|severe|terminal|chronic)\s+)?{cond}",
        check=lambda v, m: m.group("c").lower().split()[0] in _GEN_CONDITION_HEADS,
        group="c",
    )

    # -------------------------------------------------------------------------- MARITAL
    add(
        "marital-anniversary",
        "MARITAL_STATUS",
        r"\b(?:our|my)\s+(?P<a>(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fifth|tenth|twentieth|"
        r"\w+teenth)[- ](?:year[- ])?(?:wedding\s+)?anniversary)\b",
        group="a",
    )
    add(
        "marital-years",
        "MARITAL_STATUS",
        r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty)\s+"
        r"years?\s+(?:married|of\s+marriage)\b",
    )
    # ------------------------------------------------------------------- more AGE shapes
    ident_cues = {
        "divorced",
        "married",
        "single",
        "male",
        "female",
        "guy",
        "woman",
        "man",
        "gay",
        "lesbian",
        "bi",
        "straight",
        "queer",
        "trans",
        "pansexual",
        "adhd",
        "m",
        "f",
        "nonbinary",
        "latina",
        "latino",
        "black",
        "white",
        "asian",
        "hispanic",
        "native",
        "caucasian",
        "kids",
        "mom",
        "dad",
        "veteran",
        "out",
        "engaged",
        "widowed",
        "christian",
        "catholic",
        "muslim",
        "jewish",
        "mormon",
        "lds",
        "autistic",
        "deaf",
        "sober",
        "wife",
        "husband",
        "hubby",
        "boomer",
        "millennial",
        "filipino",
        "mexican",
        "korean",
        "samoan",
        "tlingit",
        "yup'ik",
        "alaska",
        "pisces",
        "aries",
        "leo",
        "virgo",
        "libra",
        "taurus",
        "gemini",
        "cancer",
        "scorpio",
        "sagittarius",
        "capricorn",
        "aquarius",
        "bisexual",
        "transgender",
        "she/her",
        "he/him",
        "they/them",
    }
    add(
        "age-list-item",
        "AGE",
        r"(?:^|(?<=[,|•(\n\"“])|(?<=[,|•(]\s))\s*(?P<a>1[6-9]|[2-9]\d)(?=\s*(?:[,|•).;\"”]|$|\n|\s+and\b))",
        group="a",
        check=lambda v, m: _in_window(v, m, ident_cues, 6),
    )
    add(
        "age-like",
        "AGE",
        r"\b(?:you're|you\s+are|ur|he's|she's|they're|i'm|im|she\s+is|he\s+is)\s+(?:like|only|"
        r"almost|barely|nearly|maybe|probably|literally|basically|what,?)\s+(?P<a>1[0-9]|[2-9]\d)\b"
        + r"(?!\s*"
        + UNITS_AFTER
        + r")",
        group="a",
    )
    add(
        "age-what-is",
        "AGE",
        r"\bwhat(?:'s|\s+is|\s+are)\s+(?:he|she|they|you|that\s+guy|that\s+lady),?\s+(?P<a>[1-9]\d)\s*\?",
        group="a",
    )
    add(
        "age-sentence-start",
        "AGE",
        r"(?:^|(?<=[.!?\n]\s)|(?<=\n))(?P<a>[1-9]\d|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)"
        r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\s+(?:and|&)\s+(?:still|i|i'm|im|the|"
        r"just|thriving|"
        r"counting|loving|feeling|not|never|finally|proud|already|ready|starting|back)\b",
        group="a",
    )
    add(
        "age-at-n",
        "AGE",
        r"(?:^|(?<=[.!?\n]\s)|(?<=\n))At\s+(?P<a>[1-9]\d)\b(?=,?\s+(?:i|i'm|im|she|he|you|we)\b)",
        group="a",
    )
    add(
        "age-at-n-end",
        "AGE",
        r"\bat\s+(?P<a>[2-9]\d)(?=\s*[.!?]|\s*$)",
        group="a",
        check=lambda v, m: (
            not _past_event(v, m)
            and _in_window(
                v,
                m,
                {
                    "old",
                    "young",
                    "age",
                    "retire",
                    "retired",
                    "retiring",
                    "still",
                    "too",
                    "hired",
                    "started",
                    "joined",
                    "academy",
                    "became",
                    "diagnosed",
                    "died",
                    "passed",
                    "widowed",
                    "married",
                    "divorced",
                    "turned",
                    "cop",
                    "officer",
                    "recruit",
                },
                10,
            )
        ),
    )
    add("age-now-at-n", "AGE", r"\b(?:now|still|even)\s*,?\s+at\s+(?P<b>[1-9]\d)\b", group="b")
    add(
        "age-kids-are",
        "AGE",
        r"\b(?:kids?|sons?|daughters?|boys?|girls?|children|twins|she|he|they)(?:'s|'re|\s+(?:is|are|"
        r"was|were|just\s+turned|turned))\s+(?P<a>\d{1,2})(?:\s+(?:and|&)\s+\d{1,2})?"
        r"(?=\s*(?:[,.!?;]|$|and\b|&|years|yrs|now|today|this|going|but|so|with))"
        + r"(?!\s*"
        + UNITS_AFTER
        + r")",
        group="a",
        check=lambda v, m: (
            not re.match(r"(?:she|he|they)", m.group(0), I)
            or re.search(
                r"\s+(?:and|&)\s+(?:brav|still|smart|the|already|loves?|can|has|just|in|start|sweet|"
                r"tough|crazy|wild|doing|such|so|growing)|\s*[.!]",
                m.string[m.end("a") : m.end("a") + 14],
                I,
            )
            is not None
        ),
    )
    add(
        "age-kids-are-second",
        "AGE",
        r"\b(?:kids?|sons?|daughters?|boys?|girls?|children|twins)(?:'re|\s+(?:are|were))\s+\d{1,2}"
        r"\s+(?:and|&)\s+(?P<b>\d{1,2})\b",
        group="b",
    )
    add("age-b-year", "AGE", r"(?<![\w.])b\.\s?(?:19|20)\d{2}\b")
    add(
        "age-decade-your",
        "AGE",
        rf"\b(?:in|into|during)\s+(?:your|ur)\s+(?:early|mid|late)?[- ]?{DECADE}\b",
    )
    add(
        "age-over-start",
        "AGE",
        r"(?:^|(?<=[.!?\n]\s))(?:over|under)\s+[3-9]0\b(?=\s+(?:and|&|but)\b|\s*[,!])",
    )

    # --------------------------------------------------------------- more PREGNANCY shapes
    add(
        "preg-due-start",
        "PREGNANCY",
        rf"(?:^|(?<=[.!?\n]\s)|(?<=\n)|(?<=[|•]\s))Due\s+(?:in|on|early|mid|late|this)\s+(?:early\s+|mid-?\s*|"
        rf"late\s+)?(?:{MONTH}|spring|summer|fall|autumn|winter)(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?",
        check=lambda v, m: m.group(0)[:1] == "D",
    )
    add(
        "preg-due-question",
        "PREGNANCY",
        r"\b(?:are\s+you|is\s+she|is\s+the\s+baby|when's\s+the\s+baby|you're|you\s+are|she's)\s+"
        r"(?P<s>due)\s*(?=\?|!|\s+(?:soon|any\s+day|next\s+(?:week|month)))",
        group="s",
    )
    add(
        "preg-baby-name-coming",
        "PREGNANCY",
        r"\b(?P<b>Baby\s+[A-Z][a-z]+)\s+(?:is\s+)?(?:coming|arriving|due|on\s+the\s+way|expected|"
        r"arrives|coming\s+soon)",
        group="b",
        flags=0,
    )
    add(
        "preg-losses",
        "PREGNANCY",
        r"\b(?:two|three|four|\d|multiple|several|many|recurrent)\s+(?:pregnancy\s+)?(?:losses|"
        r"miscarriages)\b",
        check=lambda v, m: (
            "miscarriage" in m.group(0).lower()
            or _in_window(v, m, PREG_CUES | {"rainbow", "pregnant", "ivf"}, 12)
        ),
    )

    # ---------------------------------------------------------------- more MILITARY shapes
    add(
        "mil-tours-place",
        "MILITARY_STATUS",
        rf"\b(?:{COUNT}\s+)?(?:combat\s+)?(?:tours?|deployments?|rotations?)\s+(?:in|to|of\s+duty\s+in)"
        rf"\s+(?:the\s+)?{MIL_PLACE}(?:\s+and\s+{MIL_PLACE})?",
    )
    add(
        "mil-count-deployments",
        "MILITARY_STATUS",
        rf"\b{COUNT}\s+(?:combat\s+|overseas\s+)?(?:deployments|tours)\b",
        check=lambda v, m: (
            not m.group(0).lower().startswith(("a ", "an ")) and _in_window(v, m, MIL_CUES, 12)
        ),
    )
    add(
        "mil-served-unit",
        "MILITARY_STATUS",
        r"\b(?:served|serving)\s+(?:in|with)\s+the\s+\d{1,3}(?:st|nd|rd|th)\b(?:\s+(?:Airborne|"
        r"Infantry|Division|Battalion|Regiment|Brigade|MEU|Marines|Engineers|Cavalry|Fighter\s+Wing|"
        r"Wing|Squadron|Medical|Signal|MP|Military\s+Police))*",
    )
    add(
        "mil-unit",
        "MILITARY_STATUS",
        r"\b(?:\d{1,3}(?:st|nd|rd|th)\s+(?:Airborne|Infantry\s+Division|Infantry|Division|MEU|"
        r"Marines|Fighter\s+Wing|Cavalry|Ranger\s+Battalion|Special\s+Forces\s+Group|Arctic\s+Angels)"
        r"|\d-\d{2,3}(?:st|nd|rd|th)(?:\s+(?:Infantry|Field\s+Artillery|Cavalry|Aviation|Engineers?|"
        r"Battalion|BSB|MP))?)\b",
        check=lambda v, m: (
            not re.match(r"\d-\d", m.group(0))
            or _in_window(v, m, MIL_CUES | {"uniform", "guard", "kuwait"}, 20)
        ),
    )
    add(
        "mil-division",
        "MILITARY_STATUS",
        r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:Marine|Infantry|Armored|Airborne|Cavalry|Mountain|Special\s+"
        r"Forces|Ranger|Signal|Engineer|Military\s+Police|MP|Fighter|Airlift|Air)\s+(?:Division|"
        r"Regiment|Brigade|Battalion|Group|Wing|Squadron|Expeditionary\s+Unit|Logistics\s+Group)\b",
        flags=0,
    )
    add(
        "mil-unit-slash",
        "MILITARY_STATUS",
        r"(?<![\w/])[1-9]/[1-9](?![\w/])",
        check=lambda v, m: _in_window(
            v,
            m,
            {
                "semper",
                "fi",
                "marines",
                "marine",
                "usmc",
                "battalion",
                "brothers",
                "oorah",
                "fallujah",
                "ramadi",
                "deployed",
                "deployment",
                "platoon",
            },
            8,
        ),
    )

    # --------------------------------------------------------------- more ORIGIN shapes
    add(
        "origin-go-back",
        "NATIONAL_ORIGIN",
        rf"\b(?:go|goes|send\s+(?:them|him|her|you)|sent|deport\s+(?:them|him|her|you)|went)\s+back\s+"
        rf"to\s+(?P<p>(?:the\s+)?(?:{FOREIGN}))\b",
        group="p",
        check=lambda v, m: (
            not m.group(0).lower().startswith("went")
            or _in_window(
                v, m, {"immigrant", "visa", "deported", "home", "family", "born", "refugee"}, 10
            )
        ),
    )
    add(
        "origin-lang-native",
        "NATIONAL_ORIGIN",
        r"\b(?P<l>[^\W\d_][\w'ñò]{0,30}(?:\s+[^\W\d_][\w'ñò]{0,30})?)\s*\((?:native|fluent|first\s+language|"
        r"mother\s+tongue|heritage)\)",
        group="l",
        check=lambda v, m: (
            m.group("l").lower() in lang_set or m.group("l").split()[-1].lower() in lang_set
        ),
    )
    add(
        "origin-speak-family",
        "NATIONAL_ORIGIN",
        rf"\b(?:speak|speaks|spoke|speaking|talk|talks)\s+(?P<l>{LANG})\s+(?:(?:with|to)\s+(?:my|our)\s+"
        rf"(?:mom|dad|mother|father|parents|grandma|grandpa|lola|lolo|abuela|abuelo|grandparents|"
        rf"family|kids|aunties|tita|tito)|at\s+home)",
        group="l",
    )

    # "from <country>" said of a person ("my hubby is from Tonga", "ppl from Samoa",
    # "Originally from Peru"), not of things or trips ("back from Mexico", "parts from China")
    add(
        "origin-person-from",
        "NATIONAL_ORIGIN",
        rf"(?P<s>\b(?:originally\s+)?from\s+(?:the\s+)?(?:{FOREIGN}))\b(?!\s*-)",
        group="s",
        check=lambda v, m: (
            re.search(rf"(?:{FOREIGN})\b", m.group("s")) is not None and _person_from(v, m)
        ),
    )
    add(
        "origin-lang-first",
        "NATIONAL_ORIGIN",
        r"\b(?P<l>[^\W\d_][\w'ñòé-]{1,30})\s+(?:is|was|=)\s+(?:my|our|"
        r"his|her|their)\s+(?:first|native|home|mother|1st|primary)\s+(?:language|tongue)\b",
        group="l",
        check=lambda v, m: m.group("l").lower() in lang_set,
    )
    add(
        "origin-raised-speaking",
        "NATIONAL_ORIGIN",
        rf"\b(?:raised|brought\s+up|grew\s+up|growing\s+up)\s+(?:only\s+|mostly\s+)?(?:speaking|on)\s+"
        rf"(?P<l>{LANG})\b",
        group="l",
        check=lambda v, m: m.group("l")[:1].isupper(),
    )
    add(
        "origin-only-spoke",
        "NATIONAL_ORIGIN",
        rf"\b(?:only|mostly)\s+(?:spoke|speak|speaks|knew)\s+(?P<l>{LANG})\s+(?:at\s+home|until|"
        rf"growing\s+up|as\s+a\s+kid|when\s+I)",
        group="l",
    )

    # ------------------------------------------------------------------ more GENETIC shapes
    add(
        "gen-gene",
        "GENETIC_INFO",
        r"\b(?:BRCA[12]?|APOE-?[234]|APOE\s?ε4|Huntington'?s|Tay-?\s?Sachs|sickle[- ]cell|cystic\s+fibrosis|"
        r"hemochromatosis|Lynch|MTHFR|Factor\s+V(?:\s+Leiden)?|fragile\s+X|SMA|thalassemia|"
        r"hemophilia|HNPCC|CF|Gaucher|Marfan|PKU|HLA-B27|TP53|PALB2|CHEK2|ATM)\s+(?:gene|genes|"
        r"variant|variants|mutation|mutations|carrier|carriers|trait|positive|negative|allele|"
        r"copy|result|status)\b",
    )
    add(
        "gen-one-copy",
        "GENETIC_INFO",
        r"\b(?:one|two|a|1|2)\s+cop(?:y|ies)\s+of\s+the\s+[\w-]+\s+(?:gene|variant|allele|mutation)\b",
    )

    # ---------------------------------------------------------------- more GENDER / ORIENTATION
    add(
        "gender-marker",
        "SEX_GENDER",
        r"\bgender\s+marker\s+(?:to|as|is|from\s+\w+\s+to)\s+(?:[MFX]\b|male|female|non-?binary)",
    )
    add(
        "orientation-interested",
        "SEXUAL_ORIENTATION",
        r"\bInterested\s+in\s*:?\s*(?:Men|Women|Men\s+and\s+Women|Women\s+and\s+Men|Both)\b",
    )

    add(
        "orientation-came-out",
        "SEXUAL_ORIENTATION",
        r"\b(?P<c>(?:came|come|comes|coming)\s+out)\s+(?:to\s+(?:(?:my|his|her|their|our)\s+(?:\w+\s+)?"
        r"(?:parents|family|mom|mum|dad|mother|father|folks|friends|wife|husband|kids|sister|"
        r"brother|siblings|grandma|grandpa|coworkers|co-workers|team|crew|squad|unit|department|"
        r"boss|sergeant|church|congregation|class|followers)|everyone|everybody|the\s+world)\b|"
        r"publicly\b|officially\b(?!\s+(?:on|at|in\s+the))|"
        r"at\s+(?:1[2-9]|[2-6]\d)\b(?!\s*(?::|am\b|pm\b|a\.m|p\.m|o'?clock|mph|%|degrees))|"
        r"in\s+(?:high\s+school|college|middle\s+school|my\s+(?:teens|twenties|thirties|forties|"
        r"20s|30s|40s)))",
        group="c",
    )
    add(
        "orientation-my-coming-out",
        "SEXUAL_ORIENTATION",
        r"\b(?:my|his|her|their)\s+(?P<c>coming[- ]out)\b(?!\s+(?:party|of|from|soon|in\s+\d))",
        group="c",
    )
    add(
        "orientation-coming-out-story",
        "SEXUAL_ORIENTATION",
        r"\b(?P<c>coming[- ]out)\s+(?:story|stories|letter|anniversary|journey|experience)\b",
        group="c",
    )
    add(
        "orientation-into",
        "SEXUAL_ORIENTATION",
        r"\b(?:i'm|im|i\s+am|she's|he's|she\s+is|he\s+is|they're|they\s+are|we're|was|were|been|"
        r"i'?ve\s+always\s+been)\s+(?:only\s+|mostly\s+|also\s+|just\s+|really\s+|strictly\s+|"
        r"exclusively\s+|not\s+|100%\s+|definitely\s+|totally\s+)?(?P<x>into\s+(?:(?:other\s+)?"
        r"(?:women|men|guys|girls|dudes|chicks|ladies|boys|females|males)|both(?:\s+genders|"
        r"\s+sexes)?|all\s+genders|the\s+same\s+sex))\b",
        group="x",
    )

    # ------------------------------------------------------------------ POLITICAL AFFILIATION
    add(
        "politics-voted-letter",
        "POLITICAL_AFFILIATION",
        r"\b(?i:voted|vote|votes|voting|registered|lifelong|life-long|straight-ticket|"
        r"straight\s+ticket|card-carrying)\s+(?P<p>[RD])\b(?![\w'-])",
        group="p",
        flags=0,
    )
    add(
        "politics-letter-since",
        "POLITICAL_AFFILIATION",
        r"(?<![\w.'&/-])(?P<p>[RD])\s+(?i:since|for\s+life|4\s+life|all\s+the\s+way|down\s+the\s+"
        r"ballot|till\s+I\s+die|forever|and\s+proud|voter|voters)\b",
        group="p",
        flags=0,
    )
    # --------------------------------------------------------------- more DISABILITY shapes
    add(
        "health-stage",
        "DISABILITY",
        r"\bstage\s+(?:[0-4][ABC]?|I{1,3}V?|IV|one|two|three|four)\s+(?:[\w'-]+\s+){0,2}?"
        r"(?:cancer|lymphoma|melanoma|carcinoma|breast\s+cancer|kidney\s+disease|CKD|sarcoma|"
        r"leukemia|myeloma|tumou?r)\b",
    )
    add(
        "health-sober-for",
        "DISABILITY",
        r"\b(?:sober|clean\s+and\s+sober|in\s+recovery)\s+(?:for\s+)?(?:\d{1,2}|one|two|three|four|"
        r"five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?:years?|yrs?|months?|mos?|"
        r"days?)\b",
    )

    # --------------------------------------------------------------- more PARENTHOOD shapes
    add(
        "parent-adopted",
        "PARENTHOOD",
        r"\b(?P<a>adopted)\s+(?:our|my|a|two|three|an)\s+(?:(?:little|baby|sweet|beautiful|new|"
        r"precious|\d+-year-old|two-year-old)\s+)*(?:guy|girl|boy|son|daughter|baby|kids?|children|"
        r"child|one|ones|siblings|toddler|twins|bundle|man)\b",
        group="a",
    )
    _add_life_patterns(add, specs)
    _add_round2_patterns(add, foreign)
    from vetting.screening.declarations import declaration_patterns

    specs.extend(declaration_patterns())
    return specs


_GEN_CONDITION_HEADS = {
    "cancer",
    "breast",
    "lung",
    "colon",
    "prostate",
    "skin",
    "ovarian",
    "pancreatic",
    "brain",
    "diabetes",
    "type",
    "alzheimer's",
    "alzheimers",
    "dementia",
    "parkinson's",
    "parkinsons",
    "huntington's",
    "heart",
    "a",
    "als",
    "ms",
    "multiple",
    "leukemia",
    "lymphoma",
    "epilepsy",
    "schizophrenia",
    "bipolar",
    "depression",
    "autism",
    "adhd",
    "cystic",
    "sickle",
    "kidney",
    "liver",
    "stroke",
    "strokes",
    "high",
    "copd",
    "emphysema",
    "lupus",
    "melanoma",
    "hemophilia",
    "muscular",
    "down",
    "cerebral",
    "spina",
    "glaucoma",
    "hypertension",
    "arthritis",
    "rheumatoid",
    "crohn's",
    "celiac",
    "addiction",
    "alcoholism",
    "mental",
    "ptsd",
    "tumor",
    "tumors",
    "chronic",
    "early-onset",
    "terminal",
    "severe",
    "aneurysm",
    "asthma",
    "anxiety",
    "ocd",
    "thyroid",
    "hepatitis",
    "hiv",
    "aids",
    "fibromyalgia",
    "migraines",
    "seizures",
}


# ------------------------------------------------------------------------------------------
# Generalisation pass for the "life" categories (AGE, DISABILITY, GENETIC_INFO, PREGNANCY,
# MARITAL_STATUS, PARENTHOOD, MILITARY_STATUS): shapes people use that the first patterns did
# not cover — ages as words, birthday ordinals, bio age items, family-history phrasing,
# pregnancy timelines, unit/rank/record shapes of military service.
# ------------------------------------------------------------------------------------------

ORDWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]?(?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|fortieth|fiftieth|sixtieth|"
    r"seventieth|eightieth|ninetieth|hundredth|thirteenth|fourteenth|fifteenth|sixteenth|"
    r"seventeenth|eighteenth|nineteenth)"
)
TENS_WORD = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
AGE_WORD = rf"(?:{TENS_WORD}(?:[- ]?(?:one|two|three|four|five|six|seven|eight|nine))?)"
_PERSON_CUES = {
    "i",
    "i'm",
    "im",
    "me",
    "my",
    "am",
    "myself",
    "guy",
    "woman",
    "man",
    "lady",
    "gal",
    "dude",
    "he",
    "she",
    "he's",
    "she's",
    "we",
    "us",
    "candidate",
    "applicant",
    "people",
    "folks",
    "anyone",
    "workers",
    "employees",
    "applicants",
    "still",
    "feel",
    "feeling",
    "body",
    "knees",
    "back",
    "birthday",
    "bday",
    "old",
    "age",
    "years",
    "retire",
    "retirement",
    "and",
}
_NOT_AGE_AFTER = re.compile(
    r"\s*(?:%|percent|minutes?|mins?|hours?|hrs?|miles?|mi\b|km|feet|foot|ft\b|yards?|yds?|"
    r"inches|lbs?|pounds|kg|dollars|bucks|grand|k\b|mph|days?|weeks?|months?|times?|people|"
    r"persons|points?|degrees?|cents?|rounds?|shots?|reps?|seconds?|secs?|calls?|cases?|"
    r"tickets?|cars?|units?|below|above|outside|inside|o'clock|am\b|pm\b|a\.m|p\.m|yrs?\s+(?:on|"
    r"in|of|at|with|as)|years?\s+(?:on|in|of|at|with|as|ago|since|into|later|before|after|"
    r"married|together|sober|clean|straight)|[:/.,]\d)",
    I,
)
_VEHICLE_BRANDS = {
    "ford",
    "chevy",
    "chevrolet",
    "toyota",
    "honda",
    "dodge",
    "ram",
    "gmc",
    "subaru",
    "nissan",
    "jeep",
    "bronco",
    "tacoma",
    "f-150",
    "f150",
    "silverado",
    "harley",
    "yamaha",
    "polaris",
    "ski-doo",
    "arctic",
    "cessna",
    "piper",
    "winnebago",
    "airstream",
    "volvo",
    "vw",
    "volkswagen",
    "mazda",
    "hyundai",
    "kia",
    "buick",
    "cadillac",
    "lincoln",
    "mercury",
    "pontiac",
    "oldsmobile",
    "plymouth",
    "chrysler",
    "mercedes",
    "bmw",
    "porsche",
    "land",
    "suzuki",
    "kawasaki",
    "johnson",
    "evinrude",
    "stihl",
    "husqvarna",
    "ruger",
    "remington",
    "winchester",
    "browning",
    "colt",
    "glock",
    "smith",
    "marlin",
    "savage",
    "boiler",
    "furnace",
    "stove",
    "freezer",
    "fridge",
    "refrigerator",
    "washer",
    "dryer",
    "bridge",
    "road",
    "dam",
    "ship",
    "vessel",
    "skiff",
    "trawler",
    "cannery",
    "church",
    "school",
    "station",
    "precinct",
    "policy",
    "law",
    "statute",
    "tradition",
    "song",
    "movie",
    "book",
    "recipe",
    "quilt",
    "painting",
    "motor",
    "engine",
    "transmission",
    "generator",
    "snowmobile",
    "snowmachine",
    "atv",
    "four-wheeler",
    "motorcycle",
    "bike",
    "camper",
    "rv",
    "trailer",
    "van",
    "minivan",
    "sedan",
    "coupe",
    "wagon",
    "hatchback",
    "aircraft",
}
_MIL_WAR_PLACE = (
    r"(?:Iraq|Afghanistan|Vietnam|Viet\s+Nam|Korea|Kuwait|Desert\s+Storm|the\s+Gulf(?:\s+War)?|"
    r"the\s+sandbox|Fallujah|Ramadi|Kandahar|Helmand|Mosul|Bagram|Baghdad|Somalia|Bosnia|Kosovo|"
    r"Grenada|Panama|Beirut|Khe\s+Sanh|the\s+DMZ|OIF|OEF|Nam)"
)
_TOURIST_CUES = {
    "trip",
    "vacation",
    "honeymoon",
    "backpacking",
    "cruise",
    "visit",
    "visited",
    "travel",
    "travelled",
    "traveled",
    "tour",
    "food",
    "beaches",
    "beach",
    "hostel",
    "itinerary",
    "week",
    "weekend",
    "flight",
    "tourist",
    "sightseeing",
    "bucket",
    "list",
    "karaoke",
    "bbq",
    "ramen",
    "pho",
    "noodles",
    "restaurant",
}
_REL_WORDS = (
    r"(?:mom|mother|mum|mama|momma|dad|father|papa|pops|parents?|grandma|grandmother|grandpa|"
    r"grandfather|granddad|grandad|gramps|nana|granny|grandparents?|great[- ]grand(?:ma|pa|mother|"
    r"father)|brothers?|sisters?|siblings?|aunts?|uncles?|cousins?|sons?|daughters?|kids?|child|"
    r"children|nephews?|nieces?|twin|stepdad|stepmom|husband|wife|family|relatives|side)"
)
_COND_END = {
    "cancer",
    "cancers",
    "disease",
    "diseases",
    "disorder",
    "disorders",
    "syndrome",
    "diabetes",
    "alzheimer's",
    "alzheimers",
    "dementia",
    "parkinson's",
    "parkinsons",
    "huntington's",
    "depression",
    "alcoholism",
    "addiction",
    "schizophrenia",
    "bipolar",
    "autism",
    "adhd",
    "epilepsy",
    "lupus",
    "ms",
    "als",
    "sclerosis",
    "fibrosis",
    "anemia",
    "attacks",
    "attack",
    "strokes",
    "stroke",
    "aneurysms",
    "aneurysm",
    "hemophilia",
    "glaucoma",
    "hypertension",
    "pressure",
    "cholesterol",
    "arthritis",
    "leukemia",
    "lymphoma",
    "melanoma",
    "tumors",
    "tumours",
    "tumor",
    "failure",
    "migraines",
    "seizures",
    "asthma",
    "obesity",
    "osteoporosis",
    "thalassemia",
    "dystrophy",
    "palsy",
    "mutation",
    "mutations",
    "gene",
    "genes",
    "leiden",
    "brca",
    "brca1",
    "brca2",
    "lynch",
    "hemochromatosis",
    "issues",
    "problems",
    "conditions",
    "illness",
    "illnesses",
    "psoriasis",
    "celiac",
    "crohn's",
    "gout",
    "kidneys",
    "hearts",
}
_COND_DROP = {
    "the",
    "a",
    "an",
    "my",
    "our",
    "his",
    "her",
    "their",
    "and",
    "so",
    "but",
    "yeah",
    "yep",
    "well",
    "also",
    "because",
    "since",
    "that",
    "this",
    "which",
    "who",
    "lol",
    "ok",
    "okay",
}
_DISORDER_NOT = {
    "imposter",
    "impostor",
    "stockholm",
    "public",
    "civil",
    "social",
    "civic",
    "shiny",
    "object",
    "child",
    "character",
    "man",
    "poppy",
    "elm",
    "cow",
    "wasting",
    "the",
    "a",
    "an",
    "this",
    "that",
    "any",
    "no",
    "some",
    "my",
    "his",
    "her",
    "their",
    "our",
    "your",
    "what",
    "which",
    "whatever",
    "weird",
    "mystery",
    "sunday",
    "monday",
    "mad",
    "tall",
    "small",
    "middle",
    "only",
    "grumpy",
    "foot-and-mouth",
    "hoof-and-mouth",
    "dutch",
    "lyme's",
}


def _cond_group_ok(view: DocView | None, m: re.Match, group: str = "c") -> bool:
    words = m.group(group).lower().split()
    return bool(words) and words[-1].strip(",.") in _COND_END and words[0] not in _COND_DROP


def _age_not_unit(view: DocView | None, m: re.Match) -> bool:
    return _NOT_AGE_AFTER.match(m.string, m.end()) is None


class _Anchored:
    """A pattern run only near occurrences of a cheap anchor word.

    Patterns such as "<up to three words> disorder" are slow when the regex engine tries the
    word prefix at every position of a long text. The anchor (the fixed word the match must
    contain) is found first; the full pattern is then tried only in a window around it. Matches
    are the same as a full scan (the window reaches further back than the longest prefix).
    """

    def __init__(self, regex: re.Pattern, anchor: str, back: int = 90, ahead: int = 90) -> None:
        self.regex = regex
        self.anchor = re.compile(anchor, I)
        self.back = back
        self.ahead = ahead
        self.pattern = regex.pattern
        self.flags = regex.flags

    def finditer(self, text: str):
        seen = set()
        out = []
        for a in self.anchor.finditer(text):
            lo = max(0, a.start() - self.back)
            hi = min(len(text), a.end() + self.ahead)
            for m in self.regex.finditer(text, lo, hi):
                if m.span() not in seen and m.start() <= a.start() < m.end() + 1:
                    seen.add(m.span())
                    out.append(m)
        out.sort(key=lambda m: m.start())
        return iter(out)

    def search(self, text: str, *args):
        return next(self.finditer(text), None)


def _add_life_patterns(add, specs=None) -> None:
    def anchored(anchor: str) -> None:
        """Wrap the pattern just added with :class:`_Anchored`."""
        if specs is None:
            return
        last = specs[-1]
        specs[-1] = PatternSpec(
            last.name,
            last.category,
            _Anchored(last.regex, anchor),
            last.score,
            last.group,
            last.check,
        )

    def add_gen(*args, **kwargs):
        # family-history patterns outrank a DISABILITY term on the same words
        add(*args, score=0.9, **kwargs)

    # ------------------------------------------------------------------------------ AGE
    # word ages after an approach verb: "pushing fifty-five", "knocking on sixty's door"
    add(
        "age-approach-word",
        "AGE",
        rf"\b(?:pushing|pushin'?|nearly|almost|over|under|knocking\s+on|creeping\s+up\s+on|"
        rf"closing\s+in\s+on|staring\s+down|on\s+the\s+wrong\s+side\s+of|the\s+wrong\s+side\s+of|"
        rf"north\s+of|south\s+of|rounding|hitting|hit)\s+(?P<a>{AGE_WORD}(?:'s)?|[2-9]\d)\b",
        group="a",
        check=lambda v, m: (
            _age_not_unit(v, m)
            and _in_window(v, m, _PERSON_CUES, 6)
            and (
                m.group("a")[:1].isalpha()
                or re.match(
                    r"(?:push|knock|creep|clos|star|on|the|north|south|round)", m.group(0), I
                )
                is not None
            )
        ),
    )
    # "the big four-oh", "big 5-0", "the big six-o"
    add(
        "age-big-oh",
        "AGE",
        r"\b(?:the\s+)?big\s+(?:(?:two|three|four|five|six|seven|eight|nine)[- ]?(?:oh|o|0)|"
        r"[2-9][- ]?(?:oh|o|0)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))\b"
        r"(?!\s*(?:-?inch|in\b|ft|feet|lbs?|mph|%|k\b|grand|bucks|dollars|percent))",
    )
    # "turning the big four-oh", "turned thirty-two" (digits are covered by age-turned)
    add(
        "age-turn-word",
        "AGE",
        rf"\b(?:turned|turning|turns|turn|hit|hits|hitting|reached|reaching|reach)\s+(?:{AGE_WORD}|"
        r"(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine)[- ]?oh)\b",
        check=lambda v, m: (
            _age_not_unit(v, m)
            and not re.search(
                r"(?:since|when|after|before|until|till|once|day|year)\s+(?:i|he|she|we|they|you)\s+$",
                m.string[max(0, m.start() - 14) : m.start()],
                I,
            )
        ),
    )
    # "to turn 21", "I'll turn 40", "she turns 6" (digits)
    add(
        "age-to-turn",
        "AGE",
        r"\b(?:to|will|'ll|gonna|wanna|i|she|he|we|they|you|kids?|son|daughter|twins)\s+"
        r"(?P<a>turn\s+(?:[1-9]\d|[1-9]))\b",
        group="a",
        check=_age_not_unit,
    )
    # birthday ordinals without "birthday": "Happy seventy-first", "my surprise 35th"
    add(
        "age-nth",
        "AGE",
        rf"\b(?:happy|my|his|her|their|your|ur|surprise|celebrating|celebrated|celebrate|"
        rf"upcoming|belated)\s+(?:(?:upcoming|belated|own)\s+)?(?P<a>(?:(?:surprise|big)\s+)?(?:1[3-9]|[2-9]\d|1[01]\d)"
        rf"(?:st|nd|rd|th)|{ORDWORD})\b(?!\s*(?:anniversary|wedding|year|time|day|place|floor|"
        rf"grade|street|st\b|avenue|ave\b|of\s+(?:july|the)|precinct|division|amendment|inning|"
        rf"hole|lap|mile|century|round|season|attempt|try|call|shift|overtime|birthday\s+party\s+"
        rf"for))",
        group="a",
        check=lambda v, m: not _in_window(v, m, {"anniversary", "married", "wedding"}, 4),
    )
    add(
        "age-nth-birthday-words",
        "AGE",
        rf"\b(?:(?:1[3-9]|[2-9]\d|1[01]\d)(?:st|nd|rd|th)|{ORDWORD})\s+(?:birthday|bday|b-day|"
        r"birthday\s+party|trip\s+around\s+the\s+sun|lap\s+around\s+the\s+sun|orbit\s+around\s+"
        r"the\s+sun|year\s+around\s+the\s+sun|go-round|spin\s+around\s+the\s+sun)\b",
    )
    anchored(r"\b(?:birthday|bday|b-day|sun|go-round)\b")
    add(
        "age-trip-sun",
        "AGE",
        r"\b(?:\d{1,3}|" + NUMWORD + r")\s+(?:trips|laps|orbits|spins)\s+around\s+the\s+sun\b",
    )
    anchored(r"\baround\s+the\s+sun\b")
    # bio birth-year shapes: "Est. 1976 🎂 |", "Vintage 1984", "Born '92", "Class of '79 baby"
    add(
        "age-est-year",
        "AGE",
        r"(?:^|(?<=\n)|(?<=[|•·]\s)|(?<=[|•·]))\s*(?P<a>(?:Est\.?|EST\.?|Established|Vintage|"
        r"Made\s+in|Born|Model\s+year|Since)\s+(?:in\s+)?(?:19[2-9]\d|20[01]\d|'\d\d))"
        r"(?=\s*(?:$|\n|[|•·,.!]|[\U0001F300-\U0001FAFF\u2600-\u27BF]))",
        group="a",
        flags=0,
        check=lambda v, m: (
            (
                not m.group("a").lower().startswith("since")
                or re.search(
                    r"[\U0001F380-\U0001F382\U0001F389\U0001F973]", m.string[m.end() : m.end() + 4]
                )
                is not None
            )
            and not _in_doc(
                v,
                {
                    "company",
                    "co",
                    "co.",
                    "llc",
                    "inc",
                    "inc.",
                    "business",
                    "shop",
                    "store",
                    "restaurant",
                    "bar",
                    "brewery",
                    "plumbing",
                    "family-owned",
                    "owned",
                    "serving",
                    "services",
                    "roofing",
                    "construction",
                    "church",
                    "club",
                    "lodge",
                    "team",
                    "league",
                    "farm",
                    "ranch",
                    "customers",
                    "contractor",
                    "licensed",
                    "bonded",
                    "insured",
                },
            )
        ),
    )
    add(
        "age-born-bare",
        "AGE",
        r"\b(?P<a>[Bb]orn\s+'\d\d|[Bb]orn\s+(?:19[2-9]\d|20[01]\d))\b(?!\s*(?:-|–|to)\s*\d)",
        group="a",
        flags=0,
    )
    add(
        "age-born-decade",
        "AGE",
        r"\bborn\s+in\s+the\s+(?:early\s+|mid[- ]?|late\s+)?(?:'?[2-9]0s|19[2-9]0s|20[01]0s|"
        r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b",
    )
    # "62, retired after 30 years …" / "41 | Wasilla | …": an age opening a bio or post
    add(
        "age-bio-open",
        "AGE",
        r"(?:^|(?<=\n))\s*(?P<a>(?:1[89]|[2-9]\d))\s*(?:,|\||•|·|/)\s*(?=[A-Za-z])",
        group="a",
        flags=0,
        check=lambda v, m: (
            re.match(
                r"\s*(?:and|or|to|of|[A-Z][a-z]+\s+\d|miles|minutes|hours|days|years|units|calls|"
                r"people|pages|rounds|degrees|percent|mph|lbs|am|pm)\b",
                m.string[m.end() :],
                I,
            )
            is None
        ),
    )
    # "Agender, 29." / "Retired lineman, 67, grandpa": a bare age as an item after a descriptor
    add(
        "age-after-descriptor",
        "AGE",
        r"(?:^|(?<=[\n\"“(|•]))\s*[A-Za-z][\w'/-]*(?:\s+[A-Za-z][\w'/-]*){0,2}\s*,\s*"
        r"(?P<a>1[89]|[2-9]\d)(?=\s*(?:[.,;|•)\"”!]|$|\n))",
        group="a",
        check=lambda v, m: (
            _cue_near(v, m, _BIO_CUES, 6) and not re.match(r"\s*,\s*\d", m.string[m.end() :])
        ),
    )
    # "Questioning at 38 and that's ok", "Starting over at 45, who knew": a current state at an
    # age (a gerund or adjective before "at"); "enlisted at 17" (a past event) is not marked.
    add(
        "age-state-at",
        "AGE",
        r"\b(?P<w>[A-Za-z]+(?:ing|le|ed)?)\s+(?P<o>(?:over|again|alone|out)\s+)?at\s+(?P<a>1[89]|[2-9]\d)"
        r"(?=\s*(?:[,.!?;]|$|\n|and\b|but\b|lol|feels|is\b|—|-\s))",
        group="a",
        check=lambda v, m: (
            m.group("w").lower().endswith("ing")
            and (
                m.group("o")
                or m.group("w").lower()
                not in (
                    "meeting",
                    "starting",
                    "beginning",
                    "opening",
                    "closing",
                    "selling",
                    "pricing",
                    "listing",
                    "clocking",
                    "shooting",
                    "arriving",
                    "leaving",
                    "landing",
                    "boarding",
                    "looking",
                    "aiming",
                    "running",
                    "going",
                    "driving",
                    "parking",
                    "sitting",
                    "standing",
                    "staying",
                    "evening",
                    "morning",
                    "ending",
                    "trading",
                    "bidding",
                    "retiring",
                )
            )
            and not _in_window(
                v,
                m,
                {
                    "$",
                    "price",
                    "prices",
                    "bucks",
                    "cost",
                    "sale",
                    "each",
                    "per",
                    "score",
                    "scored",
                    "mph",
                    "speed",
                    "degrees",
                    "temp",
                },
                8,
            )
        ),
    )
    anchored(r"\bat\b")
    # children's ages in parentheses after a child noun: "my boys (7 and 10)", "kids (4, 9)"
    add(
        "age-kids-paren",
        "AGE",
        r"\b(?:kids?|kiddos|sons?|daughters?|boys|girls|twins|grandkids|children|babies|"
        r"stepkids|littles)\s*\((?P<a>\d{1,2}(?:\s*(?:,|&|and)\s*\d{1,2})*)\)",
        group="a",
    )
    # "you're 41 and …", "we're 30 now"
    add(
        "age-you-are",
        "AGE",
        r"\b(?:you're|you\s+are|youre|we're|we\s+are|they're|they\s+are)\s+(?:now\s+|only\s+|"
        r"almost\s+|nearly\s+|both\s+|all\s+)?(?P<a>1[6-9]|[2-9]\d)(?=\s*(?:[,.!?]|and\b|now\b|"
        r"today\b|this\s+year|years?\s+old))",
        group="a",
    )

    # --------------------------------------------------------------------------- DISABILITY
    # "<condition> disorder/disease/syndrome": the whole name ("schizoaffective disorder",
    # "Polycystic kidney disease"); the engine merges it with a term match of the same category
    add(
        "health-named-disorder",
        "DISABILITY",
        rf"\b(?P<c>(?:(?!{_NAME_STOP}\b)[A-Za-z][\w'-]+\s+){{0,2}}(?!{_NAME_STOP}\b)[A-Za-z][\w'-]+\s+(?:disorder|disease|syndrome|"
        r"dystrophy|palsy|deficiency|insufficiency|neuropathy|myopathy|sclerosis|fibrosis|"
        r"dysplasia|atrophy))\b",
        group="c",
        flags=I,
        check=lambda v, m: (
            not re.match(
                r"\s*(?:cases|rates?|research|deaths|outbreaks?|statistics|foundation|association|"
                r"society|is\s+the\s+leading|kills|spreads?|is\s+spreading|vaccines?)\b",
                m.string[m.end() :],
                I,
            )
            and (
                m.group("c").lower().split()[-2] not in _DISORDER_NOT
                and m.group("c").lower().split()[0]
                not in ("public", "civil", "imposter", "impostor")
                and not re.search(
                    r"\b(?:imposter|impostor|stockholm|shiny\s+object|middle\s+child|"
                    r"only\s+child|main\s+character|small\s+man|tall\s+poppy|dutch\s+elm|"
                    r"mad\s+cow|chronic\s+wasting|foot[- ]and[- ]mouth|"
                    r"hoof[- ]and[- ]mouth|disorderly)\b",
                    m.group("c"),
                    I,
                )
            )
        ),
    )
    anchored(
        r"\b(?:disorder|disease|syndrome|dystrophy|palsy|deficiency|insufficiency|neuropathy|myopathy|sclerosis|fibrosis|dysplasia|atrophy)\b"
    )
    # strip leading function words from the named-disorder span by a narrower twin
    add(
        "health-infection",
        "DISABILITY",
        r"\b(?:tetanus|staph|MRSA|kidney|bone|blood|bloodstream|fungal|lung|brain|heart|spinal|"
        r"joint|wound|post-?op|surgical|flesh-eating|strep|bacterial|C\.?\s?diff)\s+infections?\b",
    )
    add(
        "health-clean-years",
        "DISABILITY",
        r"\b(?:clean|sober|clean\s+and\s+sober|dry|off\s+(?:the\s+)?(?:booze|bottle|drugs|dope|"
        r"pills|heroin|meth|opioids|alcohol))\s+(?:for\s+)?(?:\d{1,2}|one|two|three|four|five|six|"
        r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a)\s*\+?\s*(?:full\s+)?(?:years?|yrs?|"
        r"months?|mos?|days?)\b|\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
        r"eleven|twelve|fifteen|twenty)\s+(?:years?|yrs?|months?|days?)\s+(?:clean|dry|off\s+the\s+"
        r"(?:booze|bottle|pills|needle))\b",
        check=lambda v, m: (
            (
                (
                    not m.group(0).lower().startswith(("clean", "dry"))
                    and not re.search(r"\b(?:clean|dry)\b", m.group(0), I)
                )
                or _in_window(v, m, _RECOVERY_CUES, 15)
                or _in_doc(v, _RECOVERY_DOC)
                or re.search(
                    r"(?i:\bone\s+day\s+at\s+a\s+time\b|\bclean\s+(?:date|time)\b|"
                    r"\bserenity\b|\bhigher\s+power\b)|\b(?:NA|AA)\b",
                    m.string,
                )
                is not None
            )
            and not re.match(
                r"\s*(?:on|of)\s+(?:my|his|her|the|a)\s+(?:driving|record|license)",
                m.string[m.end() :],
                I,
            )
        ),
    )
    add(
        "health-on-med2",
        "DISABILITY",
        r"\b(?:i'm|im|i\s+am|been|was|were|started|start|starting|get|got|put\s+me|she's|he's|"
        r"stay|stayed|went|still|now)\s+(?:back\s+)?on\s+(?P<m>methadone|Suboxone|Sublocade|"
        r"Vivitrol|buprenorphine|lithium|Lexapro|Zoloft|Prozac|Wellbutrin|Seroquel|Abilify|"
        r"Latuda|Lamictal|Keppra|Depakote|antipsychotics|mood\s+stabilizers|blood\s+thinners|"
        r"Eliquis|Xarelto|warfarin|Humira|Ocrevus|Enbrel|immunosuppressants|a\s+ventilator|"
        r"a\s+feeding\s+tube|home\s+oxygen|the\s+transplant\s+list|disability\s+leave|"
        r"medical\s+leave|light\s+duty)\b",
        group="m",
    )
    add(
        "health-post-op",
        "DISABILITY",
        r"\b(?:post-(?:stroke|transplant|concussion|chemo|mastectomy|op\s+from\s+\w+))\b",
    )

    # -------------------------------------------------------------------------- GENETIC INFO
    # "<condition> runs in my family / on my dad's side" → the condition
    add_gen(
        "gen-runs-in-family",
        "GENETIC_INFO",
        r"(?P<c>(?:[\w'-]+\s+){0,2}[\w'-]+)\s+(?:runs?|ran|running|is\s+common|is\s+rampant)\s+"
        r"(?:in|on|through|throughout|down)\s+(?:(?:my|our|the|his|her|their|both)\s+)?"
        rf"(?:{_REL_WORDS}(?:'s)?\s+)?(?:family|families|side|sides|blood|genes|line|bloodline)\b",
        group="c",
        check=_cond_group_ok,
    )
    anchored(r"\b(?:runs?|ran|running|common|rampant)\b")
    # "<condition> took/killed my mother", "lost my dad to pancreatic cancer"
    add_gen(
        "gen-took-relative",
        "GENETIC_INFO",
        rf"(?P<c>(?:[\w'-]+\s+){{0,2}}[\w'-]+)\s+(?:took|killed|claimed|got|stole|robbed\s+me\s+of)\s+"
        rf"(?:my|our|both\s+my|his|her)\s+(?:\w+\s+)?{_REL_WORDS}\b",
        group="c",
        check=_cond_group_ok,
    )
    anchored(r"\b(?:took|killed|claimed|got|stole|robbed)\b")
    add_gen(
        "gen-lost-relative-to",
        "GENETIC_INFO",
        rf"\blost\s+(?:my|our|both\s+my|his|her)\s+(?:\w+\s+)?{_REL_WORDS}\s+(?:and\s+(?:my\s+)?"
        rf"\w+\s+)?to\s+(?P<c>(?:[\w'-]+\s+){{0,2}}[\w'-]+)",
        group="c",
        check=lambda v, m: m.group("c").lower().split()[-1].strip(",.") in _COND_END,
    )
    # several relatives with a condition: "my grandpa and two uncles all had early heart attacks"
    add_gen(
        "gen-relatives-had",
        "GENETIC_INFO",
        rf"\b(?:my|our|both\s+my)\s+{_REL_WORDS}(?:\s*(?:,|and|&)\s*(?:my\s+)?(?:\w+\s+)?"
        rf"{_REL_WORDS}){{0,3}}\s+(?:all\s+|both\s+|each\s+|also\s+)?(?:have|had|has|got|"
        rf"developed|battled|died\s+(?:of|from)|were\s+diagnosed\s+with|was\s+diagnosed\s+with|"
        rf"suffered\s+from|struggled\s+with|live\s+with|lived\s+with)\s+(?P<c>(?:[\w'-]+\s+){{0,3}}?"
        rf"[\w'-]+?)(?=\s*(?:[,.;!?]|$|\s+(?:and|so|but|before|in|at|when|which|too)\b))",
        group="c",
        check=lambda v, m: (
            m.group("c").lower().split()[-1] in _COND_END
            or m.group("c").lower().split()[-1] in _GEN_CONDITION_HEADS
        ),
    )
    add_gen(
        "gen-history-of",
        "GENETIC_INFO",
        rf"\b(?:(?:my|our|his|her)\s+{_REL_WORDS}(?:'s)?\s+(?:side\s+)?(?:has|had)\s+(?:a\s+)?|"
        rf"strong\s+)?(?:family\s+)?history\s+of\s+(?P<c>(?:early[- ]onset\s+|early\s+)?[\w'-]+"
        rf"(?:\s+[\w'-]+){{0,2}})",
        group="c",
        check=lambda v, m: (
            re.search(r"\b(?:family|side|mom|dad|mother|father|grand|history\s+of)", m.group(0), I)
            is not None
            and m.group("c").lower().split()[-1].strip(",.") in (_COND_END | _GEN_CONDITION_HEADS)
            and (
                m.group(0).lower().startswith(("my", "our", "his", "her", "strong", "family"))
                or _in_window(
                    v,
                    m,
                    {
                        "family",
                        "mom",
                        "dad",
                        "mother",
                        "father",
                        "grandma",
                        "grandpa",
                        "side",
                        "genetic",
                        "runs",
                    },
                    8,
                )
            )
        ),
    )

    # ----------------------------------------------------------------------------- PREGNANCY
    # "Baby comes in November", "our little one arrives in March", "#2 coming in Feb"
    add(
        "preg-baby-arrives",
        "PREGNANCY",
        rf"\b(?:baby|babe|bebe|little\s+one|little\s+(?:bean|peanut|nugget|man|lady)|peanut|"
        rf"bean|rainbow\s+baby|twins|baby\s+(?:#\s?\d|no\.?\s*\d|number\s+\w+)|#\s?\d|number\s+"
        rf"(?:two|three|four|2|3|4))\s+(?:is\s+|will\s+be\s+)?(?:comes?|coming|arrives?|arriving|"
        rf"due|expected|lands?|landing|joins\s+us|makes\s+(?:her|his|their)\s+debut|"
        rf"on\s+the\s+way)\s+(?:in\s+|this\s+|next\s+|around\s+|on\s+|by\s+|early\s+|mid-?\s*|"
        rf"late\s+|the\s+end\s+of\s+)*(?:{MONTH}|spring|summer|fall|autumn|winter|christmas|"
        rf"thanksgiving|the\s+new\s+year)\b",
        flags=I,
    )
    # "Bun in the oven, due late June": "due <month>" with a pregnancy cue anywhere in the text
    add(
        "preg-due-doc",
        "PREGNANCY",
        rf"\b(?P<s>due\s+(?:in\s+|on\s+|around\s+|at\s+the\s+end\s+of\s+)?(?:early\s+|mid-?\s*|"
        rf"late\s+|the\s+end\s+of\s+)?(?:{MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|spring|summer|"
        rf"fall|autumn|winter)|due\s+any\s+day(?:\s+now)?)\b",
        group="s",
        check=lambda v, m: (
            _in_doc(v, _PREG_DOC)
            and not _preceded(
                v,
                m,
                {
                    "rent",
                    "bill",
                    "bills",
                    "payment",
                    "report",
                    "reports",
                    "paper",
                    "papers",
                    "assignment",
                    "taxes",
                    "it",
                    "project",
                    "homework",
                    "invoice",
                    "loan",
                    "renewal",
                    "registration",
                    "is",
                    "are",
                    "was",
                    "were",
                    "application",
                    "deadline",
                    "forms",
                    "form",
                    "fee",
                    "fees",
                    "dues",
                    "grant",
                },
                3,
            )
        ),
    )
    add(
        "preg-weeks-with",
        "PREGNANCY",
        r"\b(?:\d{1,2}|twenty|thirty|ten|twelve|six|eight|nine|seven)\s+(?:weeks?|wks?)\s+"
        r"(?:with\s+(?:baby|twins)|and\s+(?:the\s+)?baby|till\s+(?:baby|due\s+date)|"
        r"to\s+go(?=.{0,40}\b(?:baby|due|pregnan)))",
    )

    # ---------------------------------------------------------------------------- PARENTHOOD
    add(
        "parent-kids-under",
        "PARENTHOOD",
        r"\b(?:(?:two|three|four|five|six|seven|\d)\s+(?:kids|kiddos|littles|boys|girls|children)"
        r"\s+(?:under|aged?|ages)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|"
        r"twelve)(?:\s*(?:-|to|and)\s*\d{1,2})?)\b",
        check=lambda v, m: (
            not _in_window(
                v,
                m,
                {
                    "students",
                    "class",
                    "team",
                    "program",
                    "camp",
                    "league",
                    "free",
                    "admission",
                    "tickets",
                },
                8,
            )
        ),
    )
    add(
        "parent-mom-of-count",
        "PARENTHOOD",
        r"\b(?:mom|mum|mama|momma|mommy|dad|daddy|papa|father|mother|parent|grandma|grandpa|"
        r"nana|granny|grandmother|grandfather)\s+(?:of|to)\s+(?:\d{1,2}|two|three|four|five|six|"
        r"seven|eight|nine|ten|twins|triplets)\s+(?:(?:lil|little|wild|crazy|amazing|beautiful|"
        r"sweet|tiny|grown|teenage|young|awesome|wonderful)\s+)*(?:boys|girls|kids|kiddos|littles|"
        r"ones|humans|babes|monsters|teens|teenagers|toddlers|children|sons|daughters|"
        r"grandkids|grandbabies)\b",
    )

    # ------------------------------------------------------------------------------- MILITARY
    # "Grandpa did Korea", "I did two in Iraq", "he did Vietnam"
    add(
        "mil-did-war",
        "MILITARY_STATUS",
        rf"\b(?:did|survived|pulled\s+time\s+in|was\s+in|were\s+in|spent\s+\w+\s+(?:years?|months?)\s+"
        rf"in|came\s+home\s+from|back\s+from)\s+(?:(?:two|three|four|a|one)\s+(?:tours?\s+)?in\s+)?"
        rf"{_MIL_WAR_PLACE}\b",
        flags=I,
        check=lambda v, m: (
            not _in_window(v, m, _TOURIST_CUES, 10)
            and (
                re.search(
                    r"Iraq|Afghanistan|Desert|Gulf|sandbox|Fallujah|Ramadi|Kandahar|Helmand|"
                    r"Mosul|Bagram|OIF|OEF|Khe|DMZ|\bNam\b|Korea|Vietnam",
                    m.group(0),
                    I,
                )
                is not None
            )
            and (
                _in_window(
                    v,
                    m,
                    MIL_CUES
                    | {
                        "grandpa",
                        "grandfather",
                        "dad",
                        "father",
                        "uncle",
                        "pops",
                        "papa",
                        "he",
                        "i",
                        "vet",
                        "veteran",
                        "war",
                        "enlist",
                        "draft",
                        "drafted",
                    },
                    10,
                )
            )
            and not re.match(
                r"(?:was|were|came\s+home\s+from|back\s+from)\s+(?:in\s+)?(?:Korea|"
                r"Kuwait|Panama|Bosnia|Kosovo)",
                m.group(0),
                I,
            )
            and not re.match(
                r"(?:was|were)\s+in\s+(?!Iraq|Afghanistan|Nam\b|Desert|the\s+Gulf|"
                r"the\s+sandbox|Fallujah|Ramadi|Kandahar|Helmand)",
                m.group(0),
                I,
            )
        ),
    )
    # "flew helicopters in Vietnam", "drove trucks in Iraq", "ran convoys in Afghanistan"
    add(
        "mil-flew-in",
        "MILITARY_STATUS",
        rf"\b(?:flew|flying|fly|drove|driving|crewed|piloted|ran|running|led|gunned|manned)\s+"
        rf"(?:medevac\s+|combat\s+|supply\s+|recon\s+)?(?:helicopters?|choppers?|helos?|Hueys?|"
        rf"Black\s?Hawks?|Blackhawks?|Apaches?|Chinooks?|Cobras?|tanks?|Humvees?|convoys?|jets?|"
        rf"fighters?|sorties|missions|patrols|medevac|C-130s?|C-17s?|F-\d{{1,2}}s?|A-10s?|B-52s?|"
        rf"Bradleys?|Strykers?|MRAPs?|trucks|fuel\s+trucks|boats|PBRs|gunships?)\s+(?:in|over|"
        rf"across|through|for)\s+(?:the\s+)?(?:{_MIL_WAR_PLACE}|(?:the\s+)?(?:Army|Navy|Marines|"
        rf"Marine\s+Corps|Air\s+Force|Guard|National\s+Guard|Coast\s+Guard))\b",
        check=lambda v, m: (
            not re.search(r"\b(?:patrols|trucks|boats|missions)\b", m.group(0), I)
            or re.search(
                r"Iraq|Afghanistan|Vietnam|\bNam\b|Army|Navy|Marines|Air\s+Force|Guard",
                m.group(0),
                I,
            )
            is not None
        ),
    )
    # unit designations: "176th Wing", "3rd Airlift Squadron", "1st Cav", "10th Mountain"
    add(
        "mil-unit-more",
        "MILITARY_STATUS",
        r"\b\d{1,3}(?:st|nd|rd|th)\s+(?:(?:Airlift|Fighter|Bomb|Air\s+Refueling|Rescue|Space|"
        r"Mobility|Operations|Air\s+Base|Medical|Mission\s+Support|Security\s+Forces|Civil\s+"
        r"Engineer|Logistics|Maintenance|Special\s+Operations|Tactical\s+Airlift|Air|Combat|"
        r"Stryker|Armored|Aviation|Engineer|Signal|Support|Sustainment|Brigade|Marine|Expeditionary|"
        r"Military\s+Police|MP|Infantry|Field\s+Artillery|Artillery|Cavalry)\s+)?(?:Wing|Squadron|"
        r"Group|Regiment|Battalion|Brigade|Division|Cav|Cavalry|Mountain(?:\s+Division)?|ID|BCT|"
        r"SBCT|CAB|MEU|MEF|MarDiv|MAW|Ranger\s+Regiment|SFG|SFG\(A\)|Airborne(?:\s+Division)?|"
        r"Air\s+Assault|Fighter\s+Wing|Marines|Infantry|Armor|Engineers|Signal|Fleet)\b",
        flags=0,
        check=lambda v, m: (
            not re.search(r"\b(?:Group|Division|Signal|Fleet|Brigade)$", m.group(0))
            or _in_window(
                v, m, MIL_CUES | {"airborne", "wing", "guard", "uniform", "oef", "oif"}, 15
            )
        ),
    )
    # famous unit numbers on their own in a service context: "101st 2003-2007", "the 82nd"
    add(
        "mil-unit-bare",
        "MILITARY_STATUS",
        r"\b(?:101st|82nd|173rd|10th\s+Mountain|1st\s+Cav|25th\s+ID|3rd\s+ID|4th\s+ID|1st\s+ID|"
        r"2nd\s+ID|11th\s+Airborne|75th\s+Ranger|160th\s+SOAR|3rd\s+Herd|1st\s+MarDiv|"
        r"2nd\s+MarDiv|3rd\s+MarDiv|4th\s+Marines|5th\s+Marines|7th\s+Marines|1st\s+Marines|"
        r"2nd\s+Marines|3rd\s+Marines|6th\s+Marines|8th\s+Marines|442nd|Big\s+Red\s+One)\b",
        flags=0,
        check=lambda v, m: _in_window(
            v,
            m,
            MIL_CUES
            | {
                "vet",
                "veteran",
                "airborne",
                "brother",
                "fellow",
                "served",
                "screaming",
                "eagles",
                "jump",
                "air",
                "assault",
                "all",
                "the",
            },
            12,
        ),
    )
    # MOS / AFSC / Navy rating codes: "11B", "68W", "0311", "MOS 25B"
    add(
        "mil-mos-code",
        "MILITARY_STATUS",
        r"(?<![\w#/-])(?P<c>(?:1[1-9]|2[5-9]|3[1-8]|4[2-6]|5[68]|6[1-8]|7[0-9]|8[89]|9[1-4])"
        r"[A-Z](?:[1-5]?[OPVWLX]?)?|0[1-9]\d{2}|[1-9][A-Z]\d[X0]\d)(?![\w/-])",
        group="c",
        flags=0,
        check=lambda v, m: (
            not re.search(
                r"(?:apt|apartment|unit|room|suite|seat|bus|route|"
                r"gate|row|lot|box|hwy|highway|mile|exit|at|#)\.?\s*$",
                m.string[max(0, m.start() - 12) : m.start()],
                I,
            )
            and not re.match(r"\s*(?:hours|hrs|hr|h\b|am\b|pm\b)", m.string[m.end() :], I)
            and (
                m.group("c")[:1] != "0"
                or _in_window(
                    v,
                    m,
                    {
                        "marine",
                        "marines",
                        "usmc",
                        "semper",
                        "grunt",
                        "infantry",
                        "mos",
                        "oorah",
                        "jarhead",
                        "rifleman",
                        "fi",
                    },
                    10,
                )
            )
            and _in_window(
                v,
                m,
                MIL_CUES
                | {
                    "airborne",
                    "mos",
                    "turned",
                    "former",
                    "grunt",
                    "infantry",
                    "medic",
                    "semper",
                    "oorah",
                    "hooah",
                    "afsc",
                    "rate",
                    "rating",
                    "jarhead",
                    "sailor",
                    "airman",
                    "uscg",
                },
                10,
            )
        ),
    )
    # ships: "USS Nimitz", "USCGC Healy"
    add(
        "mil-uss",
        "MILITARY_STATUS",
        r"\b(?:USS|USNS|USCGC)\s+(?!Enterprise\b)[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|\([A-Z]{2,4}-\d+\)))?",
        flags=0,
    )
    # Navy/Coast Guard ratings and class ranks: "Hospital Corpsman 2nd Class", "Airman First Class"
    add(
        "mil-rating-class",
        "MILITARY_STATUS",
        r"\b(?:(?:Hospital|Aviation|Electronics|Fire\s+Control|Information\s+Systems|Damage|"
        r"Machinist's|Boatswain's|Gunner's|Aviation\s+Ordnance|Aviation\s+Structural|Master-at-|"
        r"Culinary|Logistics|Mass\s+Communication|Operations|Cryptologic|Intelligence|Yeoman|"
        r"Personnel|Quartermaster|Storekeeper|Electrician's|Hull|Engineman|Seabee|Construction|"
        r"Builder|Utilities|Maritime\s+Enforcement|Marine\s+Science|Aviation\s+Survival|"
        r"Health\s+Services)\s+)?(?:Corpsman|Technician|Specialist|Mate|Ordnanceman|Electrician|"
        r"Machinist|Operator|Officer|Controlman|Specialist|Yeoman|Storekeeper|Quartermaster|"
        r"Technician|Builder|Airman|Private|Seaman|Fireman|Petty\s+Officer|Arms|Boatswain|"
        r"Gunner|Radioman|Engineman|Mechanic|Structural\s+Mechanic)\s+(?:1st|2nd|3rd|First|"
        r"Second|Third)\s+Class\b",
        flags=0,
        check=lambda v, m: (
            re.search(
                r"Corpsman|Petty|Airman|Private|Seaman|Fireman|Hospital|"
                r"Aviation|Boatswain|Gunner|Yeoman|Machinist|Electrician|"
                r"Ordnance|Mate|Hull|Engineman|Radioman|Quartermaster",
                m.group(0),
            )
            is not None
        ),
    )
    # pay grades: "made E-5", "E-7 retired", "O-3"
    add(
        "mil-paygrade",
        "MILITARY_STATUS",
        r"(?<![\w-])(?:E-[1-9]|O-(?:[1-9]|10)|W-[1-5]|E[1-9](?=\s+(?:mafia|retired|promotion)))(?![\w-])",
        flags=0,
        check=lambda v, m: _in_window(
            v,
            m,
            MIL_CUES
            | {
                "promoted",
                "promotion",
                "made",
                "pinned",
                "rank",
                "paygrade",
                "retired",
                "mafia",
                "board",
                "sailor",
                "airman",
                "uscg",
                "usaf",
                "usn",
            },
            10,
        ),
    )
    # "12 years USCG", "20 yrs Navy", "8 years Guard"
    add(
        "mil-years-abbrev",
        "MILITARY_STATUS",
        rf"\b(?:\d{{1,2}}|{NUMWORD})\+?\s+(?:years?|yrs?)\s+(?:in\s+the\s+|of\s+|with\s+the\s+)?"
        r"(?:USCG|USN|USAF|USMC|USA\b|ARNG|ANG\b|Air\s+Guard|Army\s+Guard|Guard\b|Reserves?\b|"
        r"active\s+duty|Navy\s+Reserve|Army\s+Reserve|Coast\s+Guard)",
        check=lambda v, m: (
            not re.search(r"\bGuard\b|Reserve", m.group(0))
            or re.search(r"Coast|Air|Army|Navy|National", m.group(0)) is not None
            or _in_window(v, m, MIL_CUES, 10)
        ),
    )
    anchored(r"\b(?:years?|yrs?)\b")
    # "We separated in March", "I separated last year": a marital step, not "separated the fight"
    add(
        "marital-separated",
        "MARITAL_STATUS",
        r"\b(?:we|i|we've|i've|they|we're|i'm|recently|legally|officially|finally)\s+(?:just\s+|"
        r"finally\s+|officially\s+|recently\s+|legally\s+)?(?P<s>separated)\b(?=\s*(?:[,.!;]|$|"
        r"(?:in|last|after|when|this|earlier|back|for|about|years|months)\b|and\b))",
        group="s",
    )
    add(
        "mil-airborne-motto",
        "MILITARY_STATUS",
        r"\bAirborne(?=[,!.]?\s+all\s+the\s+way\b)",
        flags=0,
    )
    # "teenager in the 90s", "a kid in the 80s": growing up in a decade dates a person
    add(
        "age-kid-in-decade",
        "AGE",
        r"\b(?:teenager|teen|kid|child|little\s+kid|baby|toddler|grew\s+up|growing\s+up)\s+"
        r"(?:in|during)\s+the\s+(?:early\s+|mid[- ]?|late\s+)?(?:'?[5-9]0s|19[5-9]0s|2000s|"
        r"fifties|sixties|seventies|eighties|nineties)\b",
        check=lambda v, m: _in_window(
            v, m, {"i", "i'm", "me", "my", "being", "was", "we", "remember", "us", "he", "she"}, 8
        ),
    )
    # "Vietnam-era vet", "Korean War era veteran", "post-9/11 vet"
    add(
        "mil-era-vet",
        "MILITARY_STATUS",
        r"\b(?:(?:Vietnam|Korea|Korean\s+War|Gulf\s+War|Cold\s+War|WWII|WW2|World\s+War\s+II|"
        r"post-9/11|post\s+9/11|peacetime|wartime)[- ]era\s+|post-9/11\s+)(?:vet|vets|veteran|"
        r"veterans|service|Marine|soldier|sailor)\b",
    )


_BIO_CUES = {
    "agender",
    "genderfluid",
    "genderqueer",
    "enby",
    "nonbinary",
    "non-binary",
    "two-spirit",
    "intersex",
    "cis",
    "cisgender",
    "transmasc",
    "transfem",
    "demisexual",
    "asexual",
    "ace",
    "he/they",
    "she/they",
    "he/him",
    "she/her",
    "they/them",
    "retired",
    "retiree",
    "widow",
    "widower",
    "divorced",
    "married",
    "single",
    "engaged",
    "grandma",
    "grandpa",
    "grandmother",
    "grandfather",
    "nana",
    "papa",
    "mom",
    "dad",
    "mama",
    "momma",
    "veteran",
    "vet",
    "nurse",
    "teacher",
    "student",
    "officer",
    "cop",
    "firefighter",
    "lineman",
    "fisherman",
    "welder",
    "mechanic",
    "pilot",
    "lists",
    "profile",
    "bio",
    "male",
    "female",
    "man",
    "woman",
    "guy",
    "gal",
    "lady",
    "dude",
    "gay",
    "lesbian",
    "bi",
    "queer",
    "straight",
    "trans",
    "sober",
    "christian",
    "catholic",
    "atheist",
    "deaf",
    "autistic",
    "m",
    "f",
    "rn",
    "emt",
    "medic",
}
_RECOVERY_CUES = {
    "sober",
    "sobriety",
    "recovery",
    "recovering",
    "addiction",
    "addict",
    "alcoholic",
    "relapse",
    "relapsed",
    "aa",
    "na",
    "sponsor",
    "meetings",
    "suboxone",
    "methadone",
    "vivitrol",
    "rehab",
    "detox",
    "ashamed",
    "proud",
    "grateful",
    "life",
    "saved",
    "using",
    "drinking",
    "booze",
    "heroin",
    "meth",
    "pills",
    "opioids",
    "fentanyl",
    "needle",
    "program",
    "chip",
    "coin",
    "one",
    "day",
    "time",
}
_PREG_DOC = {
    "pregnant",
    "pregnancy",
    "baby",
    "bump",
    "trimester",
    "expecting",
    "oven",
    "ultrasound",
    "midwife",
    "ob",
    "obgyn",
    "nursery",
    "shower",
    "twins",
    "weeks",
    "heartbeat",
    "kicking",
    "kicks",
    "preggo",
    "bun",
    "stork",
    "crib",
    "maternity",
    "gender",
    "reveal",
    "newborn",
    "surrogate",
    "ivf",
    "embryo",
    "labor",
    "delivery",
    "c-section",
    "doula",
    "morning",
}


_NAME_STOP = (
    r"(?:" + STOP[3:-1] + r"|" + _REL_WORDS[3:-1] + r"|\w+'s\s+(?!disease|syndrome|disorder)|"
    r"has|had|have|got|get|gets|having|with|diagnosed|dx|suffers?|suffering|living|lives|"
    r"fighting|battling|from|rare|severe|mild|chronic|acute|some|any|no|this|that|these|those|"
    r"said|says|thinks|like|called|named|kind|type|form|sort|stage|early|late|end|what|which|"
    r"whatever|diagnosis)"
)


def _past_event(view: DocView | None, m: re.Match) -> bool:
    """The word before "at" is a past-tense verb ("retired at 37", "enlisted at 17")."""
    if view is None:
        return False
    i = view.token_at_char(m.start())
    return i > 0 and view.tag[i - 1] in ("VBD", "VBN") and view.lower[i - 1] not in ("widowed",)


def _cue_near(view: DocView | None, m: re.Match, words: set[str], size: int = 6) -> bool:
    """A cue word inside the match or within ``size`` tokens of it (same sentence)."""
    if view is None:
        return False
    s = view.token_at_char(m.start())
    e = max(s + 1, view.token_at_char(m.end() - 1) + 1)
    if any(view.lower[i] in words for i in range(s, min(e, view.n))):
        return True
    return view.has_cue(s, e, frozenset(words), size)


_RECOVERY_DOC = {
    "sober",
    "sobriety",
    "recovery",
    "recovering",
    "addiction",
    "addict",
    "alcoholic",
    "relapse",
    "relapsed",
    "aa",
    "na",
    "sponsor",
    "suboxone",
    "methadone",
    "vivitrol",
    "sublocade",
    "rehab",
    "detox",
    "heroin",
    "meth",
    "opioids",
    "fentanyl",
    "pills",
    "booze",
    "drinking",
    "using",
}


# ------------------------------------------------------------------------- round 2 patterns
# Classes found by a third independent corpus: deployment wording, moves and Guard training,
# Navy/Coast Guard ratings with pay grade, rank abbreviations shared with police ranks,
# retiree tags, MOS codes, ship prefixes, "born in <city>, <country>", "came from <place>",
# profile sex fields, gestational-week scans, counted deployments.
_MIL_DOC = MIL_CUES | {
    "uscg",
    "usn",
    "usaf",
    "usa",
    "usmc",
    "usar",
    "arng",
    "coast",
    "cutter",
    "ship",
    "ships",
    "aboard",
    "underway",
    "fleet",
    "shipmate",
    "shipmates",
    "boat",
    "chief",
    "petty",
    "ret",
    "ret.",
    "retired",
    "retires",
    "retiring",
    "fort",
    "ft",
    "camp",
    "jber",
    "eielson",
    "wainwright",
    "lejeune",
    "pendleton",
    "bragg",
    "liberty",
    "hood",
    "cavazos",
    "carson",
    "kodiak",
    "air",
    "wing",
    "duty",
    "basic",
    "ait",
    "nco",
    "pcs",
    "tdy",
    "drill",
    "apaches",
    "apache",
    "blackhawk",
    "chinook",
    "squad",
    "squadron",
    "kandahar",
    "baghdad",
    "honorably",
    "discharged",
    "enlistment",
    "reenlisted",
    "dd-214",
    "dd214",
    "mos",
    "rating",
    "rate",
    "corps",
    "marines",
    "airmen",
    "sailors",
    "deployments",
    "flight",
    "flying",
    "pilot",
    "uss",
    "usns",
    "uscgc",
    "cgc",
    "reenlistment",
    "reenlist",
    "navy",
}
_POLICE_DOC = {
    "police",
    "pd",
    "apd",
    "department",
    "dept",
    "sheriff",
    "sheriff's",
    "trooper",
    "troopers",
    "precinct",
    "fire",
    "afd",
    "firefighter",
    "firefighters",
    "ems",
    "dispatch",
    "patrol",
    "deputy",
    "deputies",
    "ast",
    "academy",
    "ranger",
    "station",
    "shift",
    "beat",
}
_SOFTWARE = {
    "build",
    "code",
    "server",
    "servers",
    "production",
    "prod",
    "app",
    "update",
    "release",
    "patch",
    "version",
    "cluster",
    "site",
    "website",
    "software",
    "staging",
    "pipeline",
    "feature",
    "fix",
    "hotfix",
    "rollout",
    "cloud",
    "api",
    "airbag",
    "airbags",
    "parachute",
}
_RATING = (
    r"(?:ABE|ABF|ABH|AC|AD|AE|AET|AG|AM|AME|AMT|AO|AS|AST|AT|AW|AWF|AWO|AWS|AZ|BM|BU|CE|CM|CS|"
    r"CTI|CTM|CTN|CTR|CTT|DC|EA|EM|EMN|EN|EO|ET|ETN|ETR|ETV|FC|FT|GM|GSE|GSM|HM|HS|HT|IC|IS|IT|"
    r"ITS|LN|LS|LSS|MA|MC|ME|MK|MM|MMN|MMW|MN|MR|MST|MT|ND|OS|PR|PS|QM|RP|SB|SH|SK|SN|SO|STG|STS|"
    r"SW|TM|UT|YN|YNS|FN|AN)"
)
_MOS_JOB = (
    r"(?:IT\s+Specialist|Specialist|Infantryman|Infantry|Medic|Combat\s+Medic|Mechanic|"
    r"Operator|Analyst|Technician|Tech|Repairer|Engineer|Military\s+Police|MP|Rifleman|"
    r"Crewman|Crewmember|Gunner|Driver|Cook|Clerk|Specialist|Sergeant|NCO|Officer|Scout|"
    r"Cannon\s+Crewmember|Signal|Intel|Intelligence|Linguist|Interpreter|Controller|"
    r"Paralegal|Supply|Truck\s+Driver|Motor\s+Transport|Fueler|Maintainer|Helicopter|Pilot)"
)
_COUNTRY_ABBR = r"(?:FSM|RMI|PNG|UK|U\.K\.|NZ|PH|ROK|DR|DRC|UAE|KSA|PRC|ROC|USSR|GDR|FRG)"


def _gender_doc(view) -> bool:
    return (
        view is not None
        and any(
            t
            in (
                "trans",
                "transgender",
                "transmasc",
                "transfem",
                "ftm",
                "mtf",
                "nonbinary",
                "non-binary",
                "enby",
                "genderqueer",
                "genderfluid",
                "agender",
                "dysphoria",
                "transition",
                "transitioning",
                "transitioned",
                "🏳️‍⚧️",
                "⚧️",
                "⚧",
            )
            for t in view.lower
        )
        or (view is not None and "⚧" in view.doc.text)
    )


def _add_round2_patterns(add, foreign: list[str], anchored_specs=None) -> None:
    FOREIGN = rf"(?:{_alt(foreign)})"

    def mil_doc(v, m, size=None):
        if size is None:
            return _in_doc(v, _MIL_DOC)
        return _in_window(v, m, _MIL_DOC, size)

    # -------------------------------------------------------------------- MILITARY_STATUS
    # "back from deployment", "home from his second deployment", "just got back from deployment"
    add(
        "mil-back-from-deployment",
        "MILITARY_STATUS",
        r"\b(?:back|home|returned|returning|returns|came\s+back|got\s+back|redeployed)\s+from\s+"
        r"(?:(?:my|his|her|their|our|a|the|last|latest|first|second|third|fourth|another|"
        r"\w+'s)\s+){0,2}(?:[\w-]+\s+)?(?:deployment|tour|rotation)\b",
        check=lambda v, m: "deployment" in m.group(0).lower() or mil_doc(v, m, 10),
    )
    # "still deployed", "currently deployed", "while deployed", "deployed overseas"
    add(
        "mil-still-deployed",
        "MILITARY_STATUS",
        r"(?:\b(?:still|currently|while|recently|now|already|being|getting|gets|get)|"
        r"(?<=\w)['’]s(?:\s+(?:still|currently|now|just|finally))?)\s+"
        r"(?:(?:he|she|they|i|we)\s+(?:was|were|is|are)\s+)?deployed\b"
        r"(?!\s+(?:the|it|to\s+prod|to\s+production|a\s+fix|an?\s+update|on\s+the\s+server))",
        check=lambda v, m: v is not None and not _in_doc(v, _SOFTWARE),
    )
    # counted / placed deployments: "two Afghanistan deployments", "my Kuwait deployment"
    add(
        "mil-counted-deployments",
        "MILITARY_STATUS",
        rf"\b(?:{COUNT}\s+)?(?:{MIL_PLACE}|combat|overseas|back-to-back)\s+(?:deployments?|tours?)\b"
        rf"|\b{COUNT}\s+(?:combat\s+)?deployments\b",
        check=lambda v, m: (
            re.search(MIL_PLACE + r"|combat|deployments", m.group(0), I) is not None
            and (
                not re.search(r"tours?\b", m.group(0), I)
                or re.search(r"combat|Iraq|Afghanistan|Vietnam|Kuwait", m.group(0), I)
            )
        ),
    )
    # PCS as a verb or move: "we PCS to Germany", "PCSing in June", "PCS'd from Fort Hood"
    add(
        "mil-pcs",
        "MILITARY_STATUS",
        r"(?<![\d.])\bPCS(?:'?d|ing|ed)?\b(?:\s+(?:orders|move|moves|season))?",
        flags=0,
        check=lambda v, m: (
            (
                re.search(r"orders|move|season|'?d$|ing$|ed$", m.group(0)) is not None
                or re.match(r"\s+(?:to|from|in|out|again|this|next|soon)\b", m.string[m.end() :])
                is not None
                or mil_doc(v, m, 12)
            )
            and not re.search(r"\d\s*$", m.string[max(0, m.start() - 3) : m.start()])
        ),
    )
    # "separated from the Air Force", "retired from the Navy", "got out of the Corps"
    add(
        "mil-separated-from",
        "MILITARY_STATUS",
        rf"\b(?:separated|separating|retired|retiring|discharged|released|medically\s+retired|"
        rf"medically\s+separated|ETS'?d|ETSed)\s+from\s+(?:active\s+duty\s+in\s+)?the\s+"
        rf"(?:{BRANCH}|Corps|Marine\s+Corps)\b",
        check=lambda v, m: (
            not re.search(r"\b(?:military|Reserves?|Guard)$", m.group(0)) or mil_doc(v, m, 12)
        ),
    )
    # "served in the Alaska Territorial Guard", "was in the 1st Cavalry Division"
    add(
        "mil-served-in-unit",
        "MILITARY_STATUS",
        r"\b(?:served|serving|serves|did\s+\w+\s+years|spent\s+\w+\s+years|enlisted|was|were)\s+"
        r"(?:(?:\w+|\d+\+?)\s+(?:years?|yrs)\s+)?(?:in|with)\s+the\s+"
        r"(?-i:(?:[A-Z0-9][\w'.-]*\s+){0,4}(?:Guard|Reserves?|Corps|Regiment|Brigade|Battalion|"
        r"Division|Infantry|Airborne|Rangers|Scouts|Cavalry|Fleet|Squadron|Wing|Militia|"
        r"Defense\s+Force|Legion))\b",
        check=lambda v, m: (
            not re.search(
                r"\b(?:Peace|Job|Conservation|Youth|Press|Diplomatic|Civilian|Teaching|Service|"
                r"Student|Honor|Color|Colour|Drum|Bugle|Marching|Cadet\s+Band|Band|Choir|Foreign|"
                r"Old|Life|Neighborhood|Neighbourhood|Crossing|School|Corps\s+of\s+Engineers|"
                r"Americorps|AmeriCorps|Volunteer|Fire|Police|Security|Border\s+Patrol)\b",
                m.group(0),
            )
        ),
    )
    # Navy / Coast Guard rating + pay grade: "BM2", "MK1", "AMT1", "ETC", "BMCS"
    add(
        "mil-rating",
        "MILITARY_STATUS",
        rf"(?<![\w/-]){_RATING}(?:[123]|CS|CM|C(?![a-z]))(?![\w/-])",
        flags=0,
        check=lambda v, m: (
            (m.group(0)[-1] in "123" or mil_doc(v, m, 12))
            and m.group(0)
            not in (
                "ETC",
                "MAC",
                "SOC",
                "ADC",
                "AMC",
                "EMC",
                "ASC",
                "ATC",
                "ISC",
                "ITC",
                "PSC",
                "MSC",
                "MTC",
                "SNC",
                "FNC",
                "ANC",
                "CSC",
                "MCC",
                "SWC",
                "ICC",
                "DCC",
                "PRC",
                "HTC",
                "GMC",
                "AOC",
                "AWC",
            )
            and mil_doc(v, m)
            and not re.match(
                r"\s*(?:pump|unit|model|room|form|cable|port|battery|chip)\b",
                m.string[m.end() :],
                I,
            )
        ),
    )
    # "Retired USAF", "USN (ret.)", "USMC, Ret."
    add(
        "mil-retired-tag",
        "MILITARY_STATUS",
        r"\b(?:(?:[Rr]etired|RETIRED|[Rr]et\.?|[Ff]ormer|[Ee]x-)\s*(?:USAF|USN|USA|USMC|USCG|USAR|"
        r"ARNG|USNR|USMCR|USCGR|ANG|USSF)\b|(?:USAF|USN|USA|USMC|USCG|USAR|ARNG|USSF)\s*[,(]?\s*"
        r"(?:[Rr]et(?:ired)?\.?|RET\.?)\)?)",
        flags=0,
    )
    # rank abbreviations before a name; police share Sgt/Lt/Capt/Maj/Col/Cpl, so those need a
    # military cue nearby and no police cue
    add(
        "mil-rank-name",
        "MILITARY_STATUS",
        r"\b(?P<r>CWO\d?|LTC|LTG|MG|BG|COL|MAJ|CPT|1LT|2LT|CW[2-5]|WO1|SGM|CSM|MSG|SFC|SSG|SGT|CPL|"
        r"SPC|PFC|PVT|Capt|Maj|Cpl|Sgt|Col|Lt|Lt\s?Col|LtCol|MSgt|TSgt|SSgt|SrA|A1C|Amn|GySgt|"
        r"LCpl|SSgt|Cmdr|CDR|LCDR|LT|LTJG|ENS|CAPT|RADM|VADM|ADM|PO[123]|CPO|SCPO|MCPO)\.?"
        r"(?=\s+[A-Z][a-z]+)",
        flags=0,
        group="r",
        check=lambda v, m: (
            m.group("r")
            in (
                "CWO",
                "LTC",
                "MSgt",
                "TSgt",
                "SSgt",
                "SrA",
                "A1C",
                "GySgt",
                "LCpl",
                "LtCol",
                "SFC",
                "SSG",
                "CPT",
                "SPC",
                "PFC",
                "CW2",
                "CW3",
                "CW4",
                "CW5",
                "WO1",
                "LCDR",
                "LTJG",
                "SCPO",
                "MCPO",
                "PO1",
                "PO2",
                "PO3",
                "SGM",
                "CSM",
            )
            and not re.match(
                r"\s+(?:Insurance|Policy|Facility|Care|Partners|Group|Inc|LLC)\b",
                m.string[m.end() :],
            )
            or (mil_doc(v, m, 12) and not _in_window(v, m, _POLICE_DOC, 12))
        ),
    )
    # MOS codes with a job title or in a service frame: "25B IT Specialist", "as a 68W"
    add(
        "mil-mos-code",
        "MILITARY_STATUS",
        rf"(?<![\w/#-])(?:[1-9]\d[A-Z]|0\d{{3}})(?:\d|[A-Z](?![a-z]))?(?![\w/-])"
        rf"(?:\s+{_MOS_JOB}(?=\W|$))?",
        flags=0,
        check=lambda v, m: (
            re.search(r"\s", m.group(0)) is not None
            and (m.group(0)[0] != "0" or mil_doc(v, m))
            or (
                _preceded(v, m, {"a", "an", "as", "mos", "was", "my", "former", "ex", "the"}, 2)
                and mil_doc(v, m, 12)
                and not _preceded(
                    v,
                    m,
                    {
                        "room",
                        "flight",
                        "gate",
                        "seat",
                        "apt",
                        "unit",
                        "suite",
                        "bus",
                        "route",
                        "form",
                        "row",
                        "lot",
                    },
                    2,
                )
            )
        ),
    )
    # ship / cutter prefixes with a name: "USCGC Healy", "CGC Alex Haley", "HMCS Haida"
    add(
        "mil-ship-prefix",
        "MILITARY_STATUS",
        r"\b(?:USS|USCGC|CGC|USNS|HMCS|HMS|HMAS|HMNZS|USNV|USNA)\s+(?:[A-Z][\w.'-]*)(?:\s+[A-Z][\w.'-]*){0,2}",
        flags=0,
        score=0.95,
        check=lambda v, m: not m.group(0).startswith("CGC") or mil_doc(v, m),
    )

    # -------------------------------------------------------------------- NATIONAL_ORIGIN
    # "born in Lagos, Nigeria", "born in Ibadan, Nigeria" (city unknown, country known)
    add(
        "origin-born-city-country",
        "NATIONAL_ORIGIN",
        rf"\b(?:born|raised|grew\s+up)\s+(?:and\s+(?:raised|bred)\s+)?(?:in|on)\s+"
        rf"(?-i:[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){{0,2}}),\s*(?:the\s+)?(?:{FOREIGN}|{_COUNTRY_ABBR})\b",
        check=lambda v, m: re.search(rf"(?:{FOREIGN}|{_COUNTRY_ABBR})\b$", m.group(0)) is not None,
    )
    # "my parents came from Laos", "Grandma came over from Sicily"
    add(
        "origin-came-from",
        "NATIONAL_ORIGIN",
        rf"\b(?:came|come|comes|coming)\s+(?:over\s+|here\s+|originally\s+)?(?:all\s+the\s+way\s+)?"
        rf"from\s+(?:the\s+)?(?:{FOREIGN})(?:,\s*(?:the\s+)?(?:{FOREIGN}|{_COUNTRY_ABBR}))?\b",
        check=lambda v, m: (
            re.search(rf"(?:{FOREIGN})\b", m.group(0)) is not None
            and not _preceded(
                v,
                m,
                _FROM_THING
                | {
                    "storm",
                    "front",
                    "wind",
                    "smoke",
                    "weather",
                    "system",
                    "fish",
                    "salmon",
                    "money",
                    "funds",
                },
                2,
            )
        ),
    )
    # profile field "From Chuuk, FSM" / "From Apia, Samoa" at the start of a line or item
    add(
        "origin-from-field",
        "NATIONAL_ORIGIN",
        rf"(?:^|(?<=[|•\n(]\s)|(?<=[|•\n(]))(?:[Oo]riginally\s+)?[Ff]rom\s+(?:[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){{0,2}}),"
        rf"\s*(?:the\s+)?(?:{FOREIGN}|{_COUNTRY_ABBR})\b",
        flags=re.M,
        check=lambda v, m: (
            re.search(rf"(?:{FOREIGN}|{_COUNTRY_ABBR})\b$", m.group(0), I) is not None
        ),
    )

    # -------------------------------------------------------------------------- SEX_GENDER
    # "on T", "started T", "T shot day", "T-versary" with a gender-identity cue in the text
    add(
        "gender-on-t",
        "SEX_GENDER",
        r"\b(?:on|started|starting|start|began|begin|stopped|dose\s+of|weekly)\s+(?P<t>T)\b(?!-?shirt)"
        r"|\b(?P<t2>T)(?:[- ]?(?:shot|shots|day|dose|gel|versary|anniversary))\b",
        flags=0,
        check=lambda v, m: _gender_doc(v),
    )
    # lone sex field in a profile list: "33 | M | divorced", "Kenai • F • 41"
    add(
        "gender-profile-field",
        "SEX_GENDER",
        r"(?:(?<=^)|(?<=[|•,/]\s)|(?<=[|•,/]))\s*(?P<g>[MF])(?=\s*(?:[|•,/]|$))",
        flags=re.M,
        group="g",
        check=lambda v, m: _profile_field(m),
    )

    # ---------------------------------------------------------------------------- PREGNANCY
    # gestational-week scans and visits: "20 week scan", "12-week ultrasound", "our 28wk appt"
    add(
        "preg-week-scan",
        "PREGNANCY",
        rf"\b(?:\d{{1,2}}|{NUMWORD})[- ]?(?:weeks?|wks?|wk)\s+(?:anatomy\s+|dating\s+|growth\s+|NT\s+)?"
        rf"(?:scan|ultrasound|sono|sonogram|appointment|appt|checkup|check-up|visit|bloodwork|"
        rf"glucose\s+test)\b",
        check=lambda v, m: (
            re.search(r"scan|ultrasound|sono", m.group(0), I) is not None
            or _in_doc(v, _PREG_DOC - {"weeks", "gender", "morning", "labor", "delivery", "first"})
        ),
    )
    # "14 weeks today" / "at 20 weeks" / "16w3d" when the text is about a pregnancy
    add(
        "preg-weeks-doc",
        "PREGNANCY",
        r"\b(?:\d{1,2}\s?(?:weeks?|wks?)(?:\s*(?:\+|and)\s*\d\s*(?:days?|d))?|\d{1,2}w\d?d?)\b"
        r"(?!\s+(?:of|ago|until|till|left|later|before|after|from|in|to\s+go|out|notice|course|"
        r"program|training|vacation|leave|paid|unpaid))",
        check=lambda v, m: (
            _in_doc(
                v,
                {
                    "pregnant",
                    "pregnancy",
                    "bump",
                    "trimester",
                    "preggo",
                    "ultrasound",
                    "midwife",
                    "obgyn",
                    "expecting",
                    "🤰",
                },
            )
            and not _preceded(
                v,
                m,
                {
                    "for",
                    "every",
                    "last",
                    "next",
                    "within",
                    "after",
                    "past",
                    "over",
                    "another",
                    "in",
                    "til",
                    "till",
                    "until",
                    "before",
                    "tell",
                    "telling",
                    "wait",
                    "waiting",
                },
                2,
            )
        ),
    )
    # "Army Reserve annual training", "Air Guard drill weekend": one noun phrase (GUIDELINE 3.2)
    add(
        "mil-branch-training",
        "MILITARY_STATUS",
        rf"\b{BRANCH}\s+(?:annual\s+training|(?-i:AT)|drill(?:\s+weekends?)?|battle\s+assembly|"
        rf"weekend|unit)\b",
        check=lambda v, m: (
            not re.match(r"(?:military|Reserves?|Guard)\b", m.group(0), I) or mil_doc(v, m, 10)
        ),
    )

    # ---- round 3 -------------------------------------------------------------------------
    # form-style fields: "Sex: Female", "Gender - M", "gender: nonbinary"
    add(
        "gender-field",
        "SEX_GENDER",
        r"\b(?:sex|gender)\s*[:=\-]\s*(?P<g>female|male|woman|man|f|m|non-?binary|trans(?:gender)?"
        r"(?:\s+(?:man|woman|male|female))?|genderqueer|agender|intersex)\b(?![-/]\w)",
        group="g",
    )
    # profile lists with the sex first: "F 34 | nurse", "M, 41 | Kenai"
    add(
        "age-after-sex",
        "AGE",
        r"(?:^|(?<=[|•\n])\s*|(?<=\A))(?-i:[MF])\s*[,/ ]\s*(?P<a>[1-9]\d)(?=\s*(?:[|•,\n]|$))",
        group="a",
        flags=re.M,
    )
    # a parent noun with its count, also after a modifier or step-prefix:
    # "Stepmom of 2", "homeschooling mom of 4", "single dad of two"
    add(
        "parent-count",
        "PARENTHOOD",
        rf"\b(?:step-?|grand|foster\s+|bonus\s+|adoptive\s+)?(?:mom|mum|mommy|momma|mama|mother|dad|"
        rf"daddy|father|papa|parent|grandma|grandpa|granny|nana|grandmother|grandfather|"
        rf"grandparent|abuela|abuelo|lola|lolo)s?\s+(?:of|to)\s+(?:\d{{1,2}}|{NUMWORD}|twins|"
        rf"triplets)\b(?!\s*(?:%|percent|dogs?|cats?|pups?|puppies|fur|horses?|chickens|goats|"
        rf"plants|cars|trucks|businesses|companies|restaurants|shops|stores|years?|yrs|decades?|"
        rf"months?|weeks?|days?))",
        check=lambda v, m: not _pet_parent(m) and _modified_parent(m),
    )


_PET_WORDS = re.compile(
    r"\b(?:dogs?|cats?|fur|furbab\w*|pups?|puppies|puppers|doggos?|kitties|kittens?|huskies|"
    r"husky|labs?|retrievers?|shepherds?|horses?|chickens?|hens|goats?|plants?|succulents|"
    r"pets?|critters|fish|birds?|bunnies|rabbits?|cows|pigs|sheep|ducks|mutts?|pitties)\b",
    I,
)


_PARENT_MODS = frozenset(
    [
        "single",
        "working",
        "busy",
        "tired",
        "proud",
        "new",
        "young",
        "solo",
        "stay-at-home",
        "sahm",
        "hockey",
        "soccer",
        "football",
        "baseball",
        "dance",
        "cheer",
        "swim",
        "band",
        "wrestling",
        "volleyball",
        "softball",
        "basketball",
        "boy",
        "girl",
        "twin",
        "teen",
        "first-time",
        "foster",
        "adoptive",
        "bonus",
        "step",
        "homeschool",
        "homeschooling",
        "tired",
        "exhausted",
    ]
)


def _modified_parent(m: re.Match) -> bool:
    """Only the form the term rule leaves short: a modifier before the noun
    ("homeschooling mom of 4", "single dad of two")."""
    if re.match(r"(?:step|grand|foster|bonus|adoptive)", m.group(0), I):
        return False  # the corpora keep "Stepmom", "foster mom" as the span; the term rule decides
    before = m.string[max(0, m.start() - 25) : m.start()].lower().split()
    return bool(before) and (before[-1] in _PARENT_MODS or before[-1].endswith("ing"))


def _pet_parent(m: re.Match) -> bool:
    """'dog mom of two huskies', 'plant dad of 40': not parenthood."""
    before = m.string[max(0, m.start() - 12) : m.start()]
    after = m.string[m.end() : m.end() + 30]
    return bool(
        re.search(r"(?:dog|cat|plant|fur|pet|chicken|goat|horse|bird|fish)\s*-?\s*$", before, I)
        or _PET_WORDS.search(" ".join(after.split()[:3]))
    )


def _profile_field(m: re.Match) -> bool:
    """A lone M/F item in a separator list of personal attributes ("33 | M | divorced")."""
    text = m.string
    ls = text.rfind("\n", 0, m.start()) + 1
    le = text.find("\n", m.end())
    line = text[ls : le if le >= 0 else len(text)]
    items = [x.strip() for x in re.split(r"\s*[|•,/]\s*", line) if x.strip()]
    if len(items) < 3:
        return False
    singles = [x for x in items if len(x) == 1 and x.isalpha()]
    if len(singles) > 1:
        return False  # "S, M, L" sizes, "M/F" connectors, grade lists
    attrs = re.compile(
        r"^\d{2}$|^\d{2}\s?(?:yo|y/o|yrs?)$|single|married|divorced|widow|engaged|mom|dad|"
        r"he/him|she/her|they/them|vet|veteran|retired|straight|gay|bi|christian|catholic|"
        r"[A-Z][a-z]+(?:,?\s+(?:AK|Alaska))?$",
        I,
    )
    return sum(1 for x in items if attrs.search(x)) >= 2 and not re.search(
        r"size|grade|keys?|plug|connector|adapter|course|score|class", line, I
    )
