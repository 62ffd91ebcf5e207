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
        after = m.string[m.end() : m.end() + 30].lower().split()
        return not after or after[0].strip(".,!?;:") not in AGE_OBJECT

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
    )
    add("age-at-age", "AGE", r"\bat\s+(?:the\s+)?age\s+(?:of\s+)?\d{1,2}\b")
    add(
        "age-turned",
        "AGE",
        rf"\b(?:turned|turning|turns|will\s+turn|gonna\s+turn|about\s+to\s+turn)\s+"
        rf"(?:{AGE_NUM}|the\s+big\s+\d-?0)\b(?!\s*{UNITS_AFTER})(?!\s*(?:pages?|laps?|left|right|around))",
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
    add("age-big", "AGE", r"\b(?:the\s+)?big\s+[2-9]-?0\b")
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
        check=lambda v, m: re.search(rf"(?:{FOREIGN})\b", m.group("s")) is not None,
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
        r"\b(?:first|second|third|1st|2nd|3rd)[- ]gen(?:eration)?\b(?:[- ](?:American|immigrant|"
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
        r"better|worse|high|low|calls?)\b)",
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
        check=lambda v, m: _in_window(
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
