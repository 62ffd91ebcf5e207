"""Presidio recognizers for the protected classes: term lists, patterns and hashtags.

All recognizers run on the *normalised* text (see :mod:`vetting.screening.normalize`) and on the
spaCy ``Doc`` that Presidio's NLP engine produced for it (``nlp_artifacts.tokens``). They are
stateless after construction, so one instance serves every thread.

Explanations name the term file line or pattern that fired, never the matched words, so a
result can be logged or shown without revealing the text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from vetting.screening import rules, tablecache
from vetting.screening.checks import bio_item, is_person_word
from vetting.screening.rulebook import prefilter_text
from vetting.screening.rules import PREDICATE_ONLY_RULES, confirm_ok
from vetting.screening.structure import (
    CONDITION_CATEGORIES,
    PersonDescriptors,
    age_holder,
    condition_modifiers,
    disclosing_phrase,
    lower_abbreviations,
    person_nouns,
    pet_word,
)
from vetting.screening.terms import (
    CATEGORIES,
    CONTEXT_WINDOW,
    SAME_CATEGORY,
    Lexicon,
    TermEntry,
    fold_accents,
    variants,
)

__all__ = [
    "CONFIRM_SCORE",
    "DocView",
    "TermRecognizer",
    "PatternSpec",
    "PatternRecognizer",
    "HashtagRecognizer",
]

#: Score of a ``confirm``-tier result (possible protected information; the investigator decides).
#: The engine reports results scoring at least ``CONFIRM_FLOOR`` and below ``REDACT_FLOOR`` as
#: ``confirm``, from ``REDACT_FLOOR`` up as ``redact``.
CONFIRM_SCORE = 0.4
CONFIRM_FLOOR = 0.3
REDACT_FLOOR = 0.5

_SENT_END = {".", "!", "?", ";", "|", "•", "…"}
_IDENTITY_SUFFIX = frozenset(
    {"american", "americans", "canadian", "canadians", "alaskan", "alaskans", "born",
     "australian", "australians", "british", "brit", "brits", "kiwi", "kiwis", "aussie",
     "aussies", "irish", "scottish", "welsh", "english", "european", "europeans", "african",
     "africans", "caribbean", "hawaiian", "hawaiians", "filipino", "filipina", "latino", "latina",
     "latinx", "mexican", "japanese", "chinese", "korean", "indian", "german", "french"}
)  # fmt: skip
_IDENTITY_TAIL = frozenset(
    {"identified", "identifying", "presenting", "passing", "raised", "descended", "heritage",
     "origin", "descent", "born", "bred", "speaking"}
)  # fmt: skip
_TENS_WORDS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
_IDENTITY_PREFIX = frozenset({"non", "ex", "former", "half", "part", "quarter", "post"})
#: how a faith is held, said before it ("[practising Catholic]", "[lapsed Anglican]")
_FAITH_MODIFIERS = frozenset(
    {"practising", "practicing", "devout", "observant", "lapsed", "nonpractising",
     "nonpracticing", "born-again", "raised", "cultural", "secular", "orthodox", "converted",
     "reverted", "recovering", "fallen-away", "baptised", "baptized", "confirmed"}
)  # fmt: skip
#: a change of faith before "to" ("[converted to Buddhism]", "[reverted to Islam]")
_FAITH_CHANGES = frozenset({"converted", "convert", "conversion", "reverted", "revert", "returned"})
_PREFIXABLE = frozenset(
    {"RACE_ETHNICITY", "NATIONAL_ORIGIN", "RELIGION", "SEX_GENDER", "SEXUAL_ORIENTATION"}
)
_PLACE_NOUNS = frozenset(
    {
        "street",
        "st",
        "st.",
        "avenue",
        "ave",
        "ave.",
        "road",
        "rd",
        "rd.",
        "drive",
        "dr",
        "boulevard",
        "blvd",
        "lane",
        "ln",
        "way",
        "court",
        "ct",
        "place",
        "pl",
        "highway",
        "hwy",
        "loop",
        "trail",
        "park",
        "river",
        "lake",
        "creek",
        "beach",
        "bay",
        "island",
        "islands",
        "pier",
        "point",
        "peak",
        "mountain",
        "glacier",
        "harbor",
        "harbour",
        "canyon",
        "valley",
        "falls",
        "pass",
        "bridge",
        "square",
        "plaza",
        "mall",
        "hall",
        "memorial",
        "cemetery",
        "elementary",
        "middle",
        "high",
        "heights",
        "hills",
        "ridge",
        "road's",
        "bar",
        "pub",
        "grill",
        "cafe",
        "café",
        "restaurant",
        "kitchen",
        "market",
        "store",
        "shop",
        "airlines",
        "airport",
        # street types of British, Irish and Australasian addresses; counties, waters, carriers
        "parade",
        "terrace",
        "crescent",
        "close",
        "esplanade",
        "promenade",
        "grove",
        "gardens",
        "mews",
        "quay",
        "wharf",
        "county",
        "township",
        "borough",
        "ocean",
        "sea",
        "strait",
        "gulf",
        "cape",
        "lines",
        "railway",
    }
)


def _title(word: str) -> bool:
    """Capitalised, not all capitals ("Marine", not "MARINE")."""
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _in_place_name(view, s: int, e: int) -> bool:
    """The capitalised words ``s:e`` begin a place's name: a place noun follows, directly or
    after up to two more capitalised words ("Gay Street", "Navy Pier", "Marine Parade", "Deaf
    Smith County", "Alaska Marine Lines")."""
    if e >= view.n or not _title(view.text[s]):
        return False  # all capitals (shouting, small capitals) say nothing of names
    j = e
    while j < min(view.n, e + 3) and _title(view.text[j]) and view.text[j].isalpha():
        if view.lower[j] in _PLACE_NOUNS:
            return view.sent[j] == view.sent[s]
        j += 1
    return False


def all_lower(text: str) -> bool:
    """The text has letters and none of them is a capital (at least a few words of them)."""
    letters = 0
    for ch in text:
        if ch.isupper():
            return False
        if ch.isalpha():
            letters += 1
    return letters >= 12


class DocView:
    """Plain-list view of a spaCy ``Doc`` with sentence ids (we run without the parser)."""

    __slots__ = (
        "doc",
        "n",
        "text",
        "lower",
        "lemma",
        "pos",
        "tag",
        "idx",
        "ends",
        "sent",
        "_counts",
        "_joined",
        "confirm",
        "possible",
        "_persons",
        "all_lower",
        "other_sense",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        text, lower, lemma, pos, tag, idx, ends = [], [], [], [], [], [], []
        for t in doc:  # one pass: creating Token objects is the expensive part
            w = t.text
            i = t.idx
            text.append(w)
            lower.append(t.lower_)
            lemma.append(t.lemma_.lower())
            pos.append(t.pos_)
            tag.append(t.tag_)
            idx.append(i)
            ends.append(i + len(w))
        self.text, self.lower, self.lemma, self.pos = text, lower, lemma, pos
        self.tag, self.idx, self.ends = tag, idx, ends
        sent, sid = [], 0
        for tok in self.text:
            if tok.isspace() and "\n" in tok:
                sid += 1
            sent.append(sid)
            if tok in _SENT_END or (tok.isspace() and "\n" in tok):
                sid += 1
        self.sent = sent
        self._counts: dict[str, int] | None = None
        self._joined: str | None = None
        self.confirm: list = []
        self.possible: list = []  #: gated matches kept only beside a span of their category
        #: matches a rule read in another sense ("a veteran of 300 games"): never offered
        self.other_sense: set[tuple[int, int]] = set()
        self._persons: dict[int, str] | None = None
        #: a text written without capitals (captions, transcripts, quick chat): letter case says
        #: nothing there, so a term's "cap" flag is not asked for
        self.all_lower = all_lower(doc.text)

    def person_descriptors(self, finder) -> dict[int, str]:
        """Token indices that describe a person (:mod:`vetting.screening.structure`), cached."""
        if self._persons is None:
            self._persons = finder(self.doc)
        return self._persons

    def word_counts(self) -> dict[str, int]:
        """How often each lower-cased word or lemma occurs (lemma counted once per token)."""
        if self._counts is None:
            counts: dict[str, int] = {}
            for low, lem in zip(self.lower, self.lemma, strict=False):
                counts[low] = counts.get(low, 0) + 1
                if lem != low:
                    counts[lem] = counts.get(lem, 0) + 1
            self._counts = counts
        return self._counts

    def joined(self) -> str:
        if self._joined is None:
            self._joined = " " + " ".join(self.lower) + " "
        return self._joined

    def token_at_char(self, char: int) -> int:
        """Index of the token containing (or first starting after) ``char``."""
        lo, hi = 0, self.n
        while lo < hi:
            mid = (lo + hi) // 2
            if self.ends[mid] <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def window(self, start: int, end: int, size: int = CONTEXT_WINDOW) -> range:
        sid_s = self.sent[start] if start < self.n else -1
        sid_e = self.sent[end - 1] if 0 < end <= self.n else -1
        lo = start
        while lo > 0 and start - lo < size and self.sent[lo - 1] == sid_s:
            lo -= 1
        hi = end
        while hi < self.n and hi - end < size and self.sent[hi] == sid_e:
            hi += 1
        return range(lo, hi)

    def has_cue(
        self, start: int, end: int, cues: frozenset[str], size: int = CONTEXT_WINDOW
    ) -> bool:
        win = self.window(start, end, size)
        for i in win:
            if start <= i < end:
                continue
            if self.lower[i] in cues or self.lemma[i] in cues:
                return True
        multi = [c for c in cues if " " in c]
        if multi:
            joined = " " + " ".join(self.lower[i] for i in win if not (start <= i < end)) + " "
            return any(f" {c} " in joined for c in multi)
        return False


def _result(
    category: str, start: int, end: int, score: float, recognizer: str, why: str, rid: str
) -> RecognizerResult:
    explanation = AnalysisExplanation(
        recognizer=recognizer, original_score=score, textual_explanation=why
    )
    return RecognizerResult(
        entity_type=category,
        start=start,
        end=end,
        score=score,
        analysis_explanation=explanation,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: recognizer,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: rid,
        },
    )


def _view(nlp_artifacts: NlpArtifacts | None) -> DocView | None:
    if nlp_artifacts is None or nlp_artifacts.tokens is None:
        return None
    cached = getattr(nlp_artifacts, "_vetting_view", None)
    if cached is None:
        cached = DocView(nlp_artifacts.tokens)
        nlp_artifacts._vetting_view = cached  # shared by our recognizers for this text
    return cached


_ONE_TOKEN = re.compile(r"^[^\W\d_]+$")
#: what a hashtag drops of a term's form ("proud veteran" -> "proudveteran")
_JOIN_STRIP = re.compile(r"[\s'\-.]")
_HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")


def plain_tokens(form: str, special) -> list[str] | None:
    """The tokens spaCy's English tokenizer makes of ``form`` when it is words of letters joined
    by single spaces or hyphens ("Army-Reserve" -> Army, -, Reserve), else ``None``."""
    if form in special or form.lower() in special:
        return None
    out: list[str] = []
    for word in form.split(" "):
        if word.isalpha() or _ONE_TOKEN.match(word):  # isalpha: the common case, without a regex
            parts = [word]
        elif _HYPHENATED.match(word):
            parts = re.split(r"(-)", word)
        else:
            return None
        for part in parts:
            if part != "-" and (part in special or part.lower() in special):
                return None
        out.extend(parts)
    return out


#: Explanation suffix of a term match that counts only beside another span of its category
#: (``doc=category``); :meth:`vetting.screening.engine.ScreeningEngine._finish` decides.
ALONGSIDE_NOTE = "; document context: its category"


#: Explanation suffix of a pattern match that counts only beside a confident span of any
#: category in the same line (``alongside = "nearby"``): a bare number in a list of traits.
NEARBY_NOTE = "; context: a protected span nearby"


#: Score of such a match until the engine finds its support (then it becomes a confident one):
#: below every confirm result, so that where another rule finds the same words, that rule's
#: result is the one Presidio keeps and the match is not lost when no support is found.
NEARBY_SCORE = 0.3


#: Score of a confident match that counts only beside its category: below an unconditional
#: match of the same words, so that one wins when Presidio keeps one of two identical results.
ALONGSIDE_SCORE = 0.8


#: Explanation suffix of a gated term whose cue was not found, kept (``confirm`` tier) only
#: beside a confident span of its category.
POSSIBLE_NOTE = " (possible)"


#: Explanation suffix of a family forum's code used as a person ("DD thinks …"): without a span
#: of its category it is still offered (``confirm``), not dropped.
PERSON_CODE_NOTE = "; a family code used as a person"


#: Score of such a match: below every other confirm result, so that one wins when Presidio keeps
#: one of two identical results.
POSSIBLE_SCORE = CONFIRM_SCORE - 0.05


#: How far a match that counts only beside its category stays below an unconditional one of the
#: same score and words. Presidio keeps one of two results with the same span and score in an
#: order it does not fix (it passes them through a set); without the gap the screening of a text
#: could differ from one run to the next.
ALONGSIDE_GAP = 0.01


def _alongside_score(score: float, why: str) -> float:
    if POSSIBLE_NOTE in why:
        return POSSIBLE_SCORE
    if NEARBY_NOTE in why:
        return NEARBY_SCORE
    if ALONGSIDE_NOTE in why:
        return min(score, ALONGSIDE_SCORE) - ALONGSIDE_GAP
    return score


T = TypeVar("T")


def _phrases_at(
    rests: Iterable[tuple[tuple[str, ...], T]], words: list[str], i: int
) -> Iterator[tuple[int, T]]:
    """``(end, value)`` for each ``(rest, value)`` of a phrase table whose first word is
    ``words[i]`` and whose other words follow it in ``words``: the per-token phrase look-up the
    terms and the exception phrases share."""
    for rest, value in rests:
        e = i + 1 + len(rest)
        if tuple(words[i + 1 : e]) == rest:
            yield e, value


class TermRecognizer(LocalRecognizer):
    """Matches the term lists (shipped data files + local terms) with spaCy ``PhraseMatcher``.

    Case-insensitive terms match on ``LOWER``, case-sensitive ones on ``ORTH``; flags
    (``cap``, ``ctx=``, ``rule=``) and exception phrases decide which matches are reported.
    Overlapping term matches are resolved here (longest, then highest score wins).
    """

    def __init__(
        self, lexicon: Lexicon, vocab_nlp, enabled: Iterable[str], cache_folder: Path | None = None
    ) -> None:
        self.lexicon = lexicon
        self._nlp = vocab_nlp
        self._enabled = frozenset(enabled)
        self._cache_folder = cache_folder
        super().__init__(
            supported_entities=list(CATEGORIES),
            name="VettingTermRecognizer",
            supported_language="en",
            version="1.0",
        )

    def load(self) -> None:
        nlp = self._nlp
        special = nlp.tokenizer.rules or {}
        key = ""
        if self._cache_folder is not None:
            code = tablecache.code_digest(["vetting.screening.terms", __name__])
            tokenizer = hashlib.sha256("\0".join(sorted(special)).encode()).hexdigest()
            inputs = (self.lexicon.digest, ",".join(sorted(self._enabled)), tokenizer, code)
            key = code and hashlib.sha256(" ".join(inputs).encode()).hexdigest()
        tables = tablecache.read(self._cache_folder, "tables", key)
        if not (isinstance(tables, dict) and self._use_tables(tables)):
            tables = self._build_tables(special)
            self._use_tables(tables)
            tablecache.write(self._cache_folder, "tables", key, tables)
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._exc = PhraseMatcher(nlp.vocab, attr="LOWER")
        for matcher, docs in ((self._lower, tables["docs_lower"]), (self._orth, tables["docs_orth"])):
            for eid, forms in docs.items():
                matcher.add(eid, [nlp.make_doc(f) for f in forms])
        for category, forms in tables["exc_docs"].items():
            # an exception holds for the category of its file only: "! American Indian" in the
            # national-origin list keeps "Indian" from being a nationality there, and the
            # race list's "American Indian" is still found
            self._exc.add(category, [nlp.make_doc(f) for f in forms])
        self._strings = nlp.vocab.strings
        self._persons = PersonDescriptors(nlp.vocab)
        self.persons_finder = self._persons
        self._cue_sets: dict[tuple[str, ...], frozenset[str]] = {}

    def _build_tables(self, special) -> dict:
        """The look-up tables of the lexicon's enabled entries, as JSON data (so that
        :mod:`.tablecache` can keep them): entries by index into ``lexicon.entries``."""
        entries: list[int] = []
        docs_lower: dict[str, list[str]] = {}
        docs_orth: dict[str, list[str]] = {}
        single_lower: dict[str, list[int]] = {}  # one-token forms: lower-case form -> entries
        single_orth: dict[str, list[int]] = {}  # case-sensitive one-token forms
        # forms of several such words: first word -> [(the other words, entry)]
        multi_lower: dict[str, list[tuple[list[str], int]]] = {}
        multi_orth: dict[str, list[tuple[list[str], int]]] = {}
        joined: dict[str, int] = {}  # hashtag lookup: "proudveteran" -> entry
        joined_entry: dict[str, TermEntry] = {}
        for index, entry in enumerate(self.lexicon.entries):
            if entry.category not in self._enabled:
                continue
            eid = len(entries)
            entries.append(index)
            forms = variants(entry.term, exact=entry.exact)
            # A form of plain words — letters only, joined by single spaces or hyphens, none a
            # tokenizer special case — is looked up per token in a table instead of tokenized
            # here: one word by itself, several by their first word with the rest compared word
            # by word. That is most of the lexicon; tokenizing it (new lexemes) was most of the
            # load time. tests/test_screening_terms.py checks every shipped form against the
            # tokenizer.
            single_table = single_orth if entry.case else single_lower
            multi_table = multi_orth if entry.case else multi_lower
            docs = []
            for f in sorted(forms):
                words = plain_tokens(f, special)
                if words is None:
                    docs.append(f)
                    continue
                key = words if entry.case else [w.lower() for w in words]
                if len(key) == 1:
                    single_table.setdefault(key[0], []).append(eid)
                else:
                    multi_table.setdefault(key[0], []).append((key[1:], eid))
            if docs:
                (docs_orth if entry.case else docs_lower)[str(eid)] = docs
            for f in forms:
                key = _JOIN_STRIP.sub("", f.lower())
                prev = joined_entry.get(key)
                if prev is None or (prev.rule or prev.ctx) and not (entry.rule or entry.ctx):
                    joined_entry[key] = entry
                    joined[key] = eid
        exc_docs: dict[str, list[str]] = {}
        # exception phrases of plain words are looked up per token like the terms' forms (first
        # word -> the rest and the category); only the others go to the phrase matcher
        exc_plain: dict[str, list[tuple[list[str], str]]] = {}
        for phrase, category in self.lexicon.exceptions:
            for f in sorted(variants(phrase)):
                words = plain_tokens(f, special)
                if words is None:
                    exc_docs.setdefault(category, []).append(f)
                    continue
                low = [w.lower() for w in words]
                exc_plain.setdefault(low[0], []).append((low[1:], category))
        return {
            "entries": entries,
            "docs_lower": docs_lower,
            "docs_orth": docs_orth,
            "single_lower": single_lower,
            "single_orth": single_orth,
            "multi_lower": multi_lower,
            "multi_orth": multi_orth,
            "joined": joined,
            "exc_docs": exc_docs,
            "exc_plain": exc_plain,
        }

    def _use_tables(self, tables: dict) -> bool:
        """Take the tables :meth:`_build_tables` made (here or in an earlier process); ``False``
        if ``tables`` is not such a value (a damaged cache file: the caller builds them)."""

        def index(value, size: int) -> int:
            """An index stored in the file, checked (a damaged file may hold anything)."""
            if type(value) is not int or not 0 <= value < size:
                raise ValueError(value)
            return value

        try:
            lexicon = self.lexicon.entries
            entries = [lexicon[index(i, len(lexicon))] for i in tables["entries"]]
            if any(e.category not in self._enabled for e in entries):
                return False
            n = len(entries)

            def single(table: dict) -> dict[str, list[int]]:
                return {k: [index(e, n) for e in v] for k, v in table.items()}

            def multi(table: dict) -> dict[str, list[tuple[tuple[str, ...], int]]]:
                return {k: [(tuple(rest), index(e, n)) for rest, e in v] for k, v in table.items()}

            single_lower, single_orth = single(tables["single_lower"]), single(tables["single_orth"])
            multi_lower, multi_orth = multi(tables["multi_lower"]), multi(tables["multi_orth"])
            joined = {k: entries[index(e, n)] for k, e in tables["joined"].items()}
            exc_plain = {
                k: [(tuple(rest), str(c)) for rest, c in v] for k, v in tables["exc_plain"].items()
            }
            for key in ("docs_lower", "docs_orth"):
                for k, forms in tables[key].items():
                    index(int(k), n)
                    if not isinstance(forms, list):
                        return False
            if not all(isinstance(v, list) for v in tables["exc_docs"].values()):
                return False
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            return False
        self.entries: list[TermEntry] = entries
        self._single_lower, self._single_orth = single_lower, single_orth
        self._multi_lower, self._multi_orth = multi_lower, multi_orth
        self.joined: dict[str, TermEntry] = joined
        self._exc_plain: dict[str, list[tuple[tuple[str, ...], str]]] = exc_plain
        return True

    # ------------------------------------------------------------------------------------------
    def candidates(self, view: DocView) -> list[tuple[int, int, TermEntry, str]]:
        """Accepted term matches as ``(start_token, end_token, entry, why)``, non-overlapping.

        Matches of gated entries whose cue or rule did not fire are collected apart in
        ``self.confirm_candidates(view)`` (tier ``confirm``: the investigator decides).
        """
        doc = view.doc
        view.confirm = []
        view.possible = []
        blocked: dict[str, list[tuple[int, int]]] = {}
        for mid, s, e in self._exc(doc):
            blocked.setdefault(self._strings[mid], []).append((s, e))
        lowers = view.lower
        for i, word in enumerate(lowers):
            for j, category in _phrases_at(self._exc_plain.get(word, ()), lowers, i):
                blocked.setdefault(category, []).append((i, j))

        def free(s: int, e: int, entry: TermEntry) -> bool:
            return not any(bs <= s and e <= be for bs, be in blocked.get(entry.category, ()))

        raw = []
        for matcher in (self._lower, self._orth):
            for mid, s, e in matcher(doc):
                entry = self.entries[int(self._strings[mid])]
                if free(s, e, entry):
                    raw.append((s, e, entry))
        n = view.n
        lowers, texts = view.lower, view.text  # plain lists: no Token objects in this loop
        abbreviations = lower_abbreviations() if view.all_lower else frozenset()
        # words typed with accents the lists do not have ("māmā", "Pépé"): looked up again
        # without them (the lists' own accented forms are found as typed)
        folded = None if doc.text.isascii() else [fold_accents(w) for w in lowers]
        for i in range(n):
            low, text = lowers[i], texts[i]
            eids = (*self._single_lower.get(low, ()), *self._single_orth.get(text, ()))
            raw.extend((i, i + 1, self.entries[eid]) for eid in eids if free(i, i + 1, self.entries[eid]))
            if folded is not None and folded[i] != low:
                for eid in self._single_lower.get(folded[i], ()):
                    if free(i, i + 1, self.entries[eid]):
                        raw.append((i, i + 1, self.entries[eid]))
                for e, eid in _phrases_at(self._multi_lower.get(folded[i], ()), folded, i):
                    if free(i, e, self.entries[eid]):
                        raw.append((i, e, self.entries[eid]))
            if abbreviations and text.upper() in abbreviations and text.upper() != text:
                # a text without capitals: "ttc", "bfp" as their writer typed them, for a decision
                for eid in self._single_orth.get(text.upper(), ()):
                    entry = self.entries[eid]
                    if free(i, i + 1, entry):
                        raw.append((i, i + 1, replace(entry, score=min(entry.score, CONFIRM_SCORE))))
            for table, key, words in ((self._multi_lower, low, lowers), (self._multi_orth, text, texts)):
                for e, eid in _phrases_at(table.get(key, ()), words, i):
                    if free(i, e, self.entries[eid]):
                        raw.append((i, e, self.entries[eid]))
        # "noun" entries only where the tagger reads a noun ("for [Lent]", not "I lent")
        raw = [m for m in raw if not m[2].noun or doc[m[1] - 1].pos_ in ("NOUN", "PROPN", "X")]
        # Longest first, so that "Church of Jesus Christ of Latter-day Saints" beats "Church".
        raw.sort(key=lambda m: (-(m[1] - m[0]), m[2].rule is not None, -m[2].score, m[0]))
        taken = [False] * (view.n + 1)
        accepted: list[tuple[int, int, TermEntry, str]] = []
        deferred = []
        overlapping = []
        for s, e, entry in raw:
            if any(taken[s:e]):
                overlapping.append((s, e, entry))
                continue
            if entry.rule in rules.SECOND_PASS:
                deferred.append((s, e, entry))
                continue
            self._accept(view, s, e, entry, accepted, taken)
        for s, e, entry in deferred:  # rules that look at what else was found (gender words)
            if not any(taken[s:e]):
                self._accept(view, s, e, entry, accepted, taken)
        # A match that partly overlaps an accepted one of the same category extends it
        # ("Guard drill" + "drill weekend"), so no part of a phrase is left readable.
        for s, e, entry in overlapping:
            hits = [a for a in accepted if a[0] < e and s < a[1]]
            if not hits or any(h[2].category != entry.category for h in hits):
                continue
            if all(h[0] <= s and e <= h[1] for h in hits):
                continue
            span = self._check(view, s, e, entry, accepted)
            if span is None:
                continue
            lo = min([span[0]] + [h[0] for h in hits])
            hi = max([span[1]] + [h[1] for h in hits])
            accepted[:] = [a for a in accepted if a not in hits]
            accepted.append((lo, hi, hits[0][2], hits[0][3]))
            for i in range(lo, hi):
                taken[i] = True
        return accepted

    def _accept(self, view, s, e, entry, accepted, taken) -> None:
        span = self._check(view, s, e, entry, accepted)
        if span is None:
            self._maybe_confirm(view, s, e, entry, accepted)
            return
        s2, e2, why = span
        if any(taken[s2:e2]):
            # the rule widened the span over something already found ("my [Black] son",
            # "two [teenage] sons"): keep the free stretches of the phrase, so it stays
            # covered without swallowing the other span
            if any(taken[s:e]):
                return
            pieces, start = [], None
            for i in range(s2, e2 + 1):
                free = i < e2 and not taken[i]
                if free and start is None:
                    start = i
                elif not free and start is not None:
                    pieces.append((start, i))
                    start = None
            for a, b in pieces:
                for i in range(a, b):
                    taken[i] = True
                accepted.append((a, b, entry, why))
            return
        for i in range(s2, e2):
            taken[i] = True
        accepted.append((s2, e2, entry, why))

    def _maybe_confirm(
        self, view: DocView, s: int, e: int, entry: TermEntry, accepted=()
    ) -> None:
        offered = self._would_confirm(view, s, e, entry, accepted)
        if offered:
            if entry.category in CONDITION_CATEGORIES:
                ns = condition_modifiers(view.doc, s, e)
                if view.doc.text[view.idx[ns] : view.idx[s]].islower():
                    s = ns  # "mum's [bowel cancer]"; not a name ("Marymount Hospice")
            view.confirm.append((s, e, entry, f"term list {entry.source}; cue not found"))
        elif offered is False and (
            (entry.ctx and not entry.rule) or entry.rule in rules.POSSIBLE_RULES
        ):
            # no cue in its sentence (or its rule said no), but perhaps a text already about its
            # category ("the bump got more photos than I did" after "baby shower", "the church
            # ceremony" in a text about a Methodist wedding): offered there (the engine decides),
            # without taking the words from other matches
            rule = f"; rule {entry.rule}" if entry.rule else ""
            view.possible.append(
                (s, e, entry, f"term list {entry.source}{rule}" + ALONGSIDE_NOTE + POSSIBLE_NOTE)
            )

    def _person_after(self, view: DocView, s: int, e: int) -> bool:
        """The word after ``s:e`` names a person or a people's culture: a cue of ``people_cue``
        ("a Luo mum") or, where the capital of ``s`` says something (not at a sentence start, not
        after a possessive: "St. Patrick's Day baby"), any person noun of the generated list,
        singular or plural ("my Shona husband", "our Malay neighbours")."""
        word = view.lower[e]
        if word in self.lexicon.context.get("people_cue", ()):
            return True
        if view.sent[s - 1] != view.sent[s] or view.lower[s - 1] in ("'s", "’s"):
            return False
        return is_person_word(word)

    def _would_confirm(
        self, view: DocView, s: int, e: int, entry: TermEntry, accepted=()
    ) -> bool | None:
        """A gated match the cue/rule did not confirm: keep it as a ``confirm`` candidate when the
        parse says it describes a person ("she's X", "as a X", "X guy", "my friend, a X"),
        unless it is a place name or its entry opts out (``noconfirm``). Matches inside an
        exception phrase never get here. ``None``: never offered (a name, a place, opted out);
        ``False``: not offered on its own words."""
        if entry.cap and not view.all_lower and not view.text[s][:1].isupper():
            return None
        if entry.noconfirm:
            # an ambiguous people's name ("Luo", "Sotho", "Twi") predicated of a person in the
            # parse ("she's Sotho", "Tunde is proudly Yoruba") is still offered for a decision
            if "people_strict" not in entry.ctx or not view.text[s][:1].isupper() or s == 0:
                return None
            if rules.beside_identity(view, s, e, accepted):
                return True  # "queer Malay Muslim", "Chinese and Malay colleagues"
            persons = view.person_descriptors(self._persons)
            kinds = {persons.get(i) for i in range(s, e)}
            if "predicate" not in kinds and not (
                "attribute" in kinds and e < view.n and self._person_after(view, s, e)
            ):
                return None  # "Luo" alone may be a surname; "a Luo mum", "my Shona husband" a people's
            if rules._prev(view, s) in _INTRODUCES_NAME:
                return None  # "I'm Sam, and I build furniture", "I am the Karen now": a name
        if _in_place_name(view, s, e):
            return None
        if (
            entry.rule == "name"
            or (entry.term.islower() and s > 0 and view.sent[s - 1] == view.sent[s])
        ) and rules.in_name_position(view, s, e, self.lexicon.context):
            # "my buddy Christian", "Christian says", "Sgt. Bishop will": a person's name
            return None
        if not confirm_ok(view, s, e, entry, accepted):
            if entry.rule == "relationship":
                return False  # "being the new kid": a child noun said of someone is no parenthood
            if (s, e) in view.other_sense:
                return False  # the rule read it in another sense ("a veteran of 300 games")
            persons = view.person_descriptors(self._persons)
            kinds = {persons.get(i) for i in range(s, e)} - {None}
            if not kinds and entry.ctx and (bio_item(view, s, e) or _here_intro(view, s, e)):
                # a whole item of a bio list describes its writer ("she/her | Aussie"), and so
                # does "<word> here" opening a clause ("can confirm, Kiwi here working in Whistler")
                return True
            if not kinds or (entry.rule in PREDICATE_ONLY_RULES and "predicate" not in kinds):
                return False
        return True

    def _doc_cue(self, view: DocView, groups: tuple[str, ...], s: int, e: int) -> bool:
        """A cue of ``groups`` anywhere in the text outside the match ``[s, e)``."""
        cues = self._cue_sets.get(groups)
        if cues is None:
            cues = frozenset().union(*(self.lexicon.context.get(g, frozenset()) for g in groups))
            self._cue_sets[groups] = cues
        counts = view.word_counts()
        inside = view.lower[s:e] + view.lemma[s:e]
        for cue in cues:
            n = counts.get(cue, 0)
            if n and n > inside.count(cue):
                return True
        joined = view.joined()
        inner = " " + " ".join(view.lower[s:e]) + " "
        return any(" " in c and joined.count(f" {c} ") > inner.count(f" {c} ") for c in cues)

    def _extend(self, view: DocView, s: int, e: int, entry: TermEntry) -> tuple[int, int]:
        if entry.category in _PREFIXABLE and entry.term[:1].isupper():
            # hyphenated identities: "Filipino-American", "Korean American", "Laotian-born"
            j = e + 1 if e < view.n and view.lower[e] == "-" else e
            if (
                j < view.n
                and view.lower[j] in _IDENTITY_SUFFIX
                and (j > e or view.text[j][:1].isupper() or view.lower[j] == "born")
                and view.sent[j] == view.sent[s]
            ):
                e = j + 1
            # "Filipino-identified", "white-passing", "Deaf-presenting"
            if (
                e + 1 < view.n
                and view.lower[e] == "-"
                and view.lower[e + 1] in _IDENTITY_TAIL
                and view.idx[e + 1] == view.ends[e]
            ):
                e += 2
            # "half-Korean", "part Samoan": the fraction belongs to the identity
            k = s - 1 if s > 0 and view.lower[s - 1] == "-" else s
            if (
                k > 0
                and view.lower[k - 1] in ("half", "part", "quarter")
                and view.sent[k - 1] == view.sent[s]
            ):
                s = k - 1
        if entry.category == "RELIGION" and s > 0 and view.sent[s - 1] == view.sent[s]:
            # "[practising Catholic]", "[converted to Buddhism]", "[raised Presbyterian]": the
            # word that says how the faith is held belongs to the disclosure
            if view.lower[s - 1] in _FAITH_MODIFIERS:
                s -= 1
            elif (
                s > 1
                and view.lower[s - 1] == "to"
                and view.lower[s - 2] in _FAITH_CHANGES
                and view.sent[s - 2] == view.sent[s]
            ):
                s -= 2
        if entry.category in _PREFIXABLE:
            # "non-Hispanic", "ex-Mormon", "non-religious": the prefix keeps the disclosure
            k = s - 1 if s > 0 and view.lower[s - 1] == "-" else s
            if (
                k > 0
                and view.lower[k - 1] in _IDENTITY_PREFIX
                and view.sent[k - 1] == view.sent[s]
                and view.ends[k - 1] >= view.idx[k] - 1
            ):
                s = k - 1
        if entry.ext:
            k = 0
            while (
                e < view.n
                and k < 2
                and view.pos[e] in ("NOUN", "PROPN")
                and view.sent[e] == view.sent[s]
            ):
                e += 1
                k += 1
        if entry.category in CONDITION_CATEGORIES:
            # the modifiers that name the condition: "[stage 4 neuroblastoma]"
            s = condition_modifiers(view.doc, s, e)
        elif entry.category == "RELIGION" and entry.term[:1].islower():
            # a capitalised modifier names the branch or the congregation: "[Reform synagogue]",
            # "[Free Church]", "[Senior Pastor]"
            k = s
            while (
                k > 0
                and s - k < 2
                and view.sent[k - 1] == view.sent[s]
                and view.text[k - 1][:1].isupper()
                and view.text[k - 1].isalpha()
                and view.pos[k - 1] in ("PROPN", "ADJ", "NOUN")
                and view.doc.has_annotation("DEP")
                and view.doc[k - 1].dep_ in ("compound", "amod", "nmod")
                and view.doc[k - 1].head.i >= s
                and not view.lower[k - 1].endswith(_DEMONYM_ENDINGS)
                and (k < 2 or view.lower[k - 2] != "-")
            ):
                k -= 1  # not a nationality ("Tongan church choir": its own span)
            if k < s and not (k == 0 or view.text[k - 1] in ".!?\n"):
                s = k
        if view.doc.has_annotation("DEP"):
            # the rest of a still-disclosing noun phrase ("[Lutheran] Church", "[insulin] pump")
            # is offered in the confirm tier: the guideline marks the minimal span
            ps, pe = disclosing_phrase(view.doc, s, e, entry.category)
            why = f"term list {entry.source}; disclosing noun phrase"
            if ps < s:
                view.confirm.append((ps, s, entry, why))
            if pe > e:
                view.confirm.append((e, pe, entry, why))
        return s, e

    def _check(self, view: DocView, s: int, e: int, entry: TermEntry, accepted):
        if entry.cap and not view.all_lower:
            first = view.text[s]
            if not first[:1].isupper():
                return None
        if _in_place_name(view, s, e):
            return None  # a place name: "Gay Street", "Indian River", "Navy Pier"
        if entry.category == "PARENTHOOD" and rules.pet_owner_before(view, s):
            return None  # "dog mum life", "plant dad": an owner, not a parent
        if entry.category in ("DISABILITY", "AGE") and _said_of_animal(view, s, e):
            return None  # "our cat is deaf", "a blind old dog"
        why = f"term list {entry.source}"
        if SAME_CATEGORY in entry.doc and not self._doc_cue(view, entry.doc, s, e):
            # its own cue or rule may accept it; otherwise the engine decides, keeping it only
            # beside a confident span of the same category
            if entry.ctx or entry.rule:
                span = self._check(view, s, e, replace(entry, doc=()), accepted)
                if span is not None:
                    return span
            if "forum_kin" in entry.ctx and _code_as_person(view, s, e):
                # a family forum's code used as a person ("DS's christening", "DD thinks it's a
                # party"): confident beside its category, and offered for a decision without it
                return (*self._extend(view, s, e, entry), why + ALONGSIDE_NOTE + PERSON_CODE_NOTE)
            return (*self._extend(view, s, e, entry), why + ALONGSIDE_NOTE)
        if entry.doc and self._doc_cue(view, entry.doc, s, e):
            return (
                *self._extend(view, s, e, entry),
                why + f"; document context {','.join(entry.doc)}",
            )
        if entry.doc and not entry.ctx and not entry.rule:
            return None
        if entry.ctx:
            cues = frozenset().union(*(self.lexicon.context.get(g, frozenset()) for g in entry.ctx))
            if not view.has_cue(s, e, cues):
                return None
            why += f"; context {','.join(entry.ctx)}"
        if entry.rule:
            span = rules.RULES[entry.rule](view, s, e, entry, self.lexicon.context, accepted)
            if span is None:
                return None
            s, e = span
            why += f"; rule {entry.rule}"
        s, e = self._extend(view, s, e, entry)
        return s, e, why

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts = None, regex_flags=None
    ) -> list[RecognizerResult]:
        view = _view(nlp_artifacts)
        if view is None:
            return []
        wanted = set(entities or CATEGORIES)
        out = []
        found = self.candidates(view)
        for s, e, entry, why in found:
            if entry.category not in wanted:
                continue
            out.append(
                _result(
                    entry.category,
                    view.idx[s],
                    view.ends[e - 1],
                    _alongside_score(entry.score, why),
                    self.name,
                    why,
                    self.id,
                )
            )
        taken = [(a[0], a[1]) for a in found] + [(c[0], c[1]) for c in view.confirm]
        for s, e, entry, why in view.possible:
            if entry.category in wanted and not any(a < e and s < b for a, b in taken):
                out.append(
                    _result(
                        entry.category,
                        view.idx[s],
                        view.ends[e - 1],
                        POSSIBLE_SCORE,
                        self.name,
                        why,
                        self.id,
                    )
                )
        for s, e, entry, why in view.confirm:
            if entry.category not in wanted or any(a[0] < e and s < a[1] for a in found):
                continue
            out.append(
                _result(
                    entry.category,
                    view.idx[s],
                    view.ends[e - 1],
                    CONFIRM_SCORE,
                    self.name,
                    why,
                    self.id,
                )
            )
        return out


@dataclass(frozen=True)
class PatternSpec:
    """A regular expression for one category.

    ``group`` names the regex group that is the span (default: the whole match);
    ``check(view, match)`` may veto a match (``view`` is ``None`` when no Doc is available).
    """

    name: str
    category: str
    regex: re.Pattern
    score: float = 0.85
    group: str | int = 0
    check: Callable[[DocView | None, re.Match], bool] | None = None
    #: cheap prefilter: the regex runs only when :func:`rulebook.prefilter_text` of the text
    #: contains one of these (a rule's ``needs``, or :func:`rulebook.required_words` of its regex)
    needs: tuple[str, ...] = ()
    #: kept only beside a confident span of the same category (``True``) or beside one of any
    #: category in the same line (``"nearby"``); the engine decides
    alongside: bool | str = False


class PatternRecognizer(LocalRecognizer):
    """Regex patterns with optional checks (ages, service phrases, pregnancy phrases …)."""

    def __init__(self, specs: Sequence[PatternSpec], enabled: Iterable[str]) -> None:
        enabled = frozenset(enabled)
        self.specs = [s for s in specs if s.category in enabled]
        super().__init__(
            supported_entities=sorted({s.category for s in self.specs}) or ["AGE"],
            name="VettingPatternRecognizer",
            supported_language="en",
            version="1.0",
        )

    def load(self) -> None:  # patterns are compiled at import
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts = None, regex_flags=None
    ) -> list[RecognizerResult]:
        view = _view(nlp_artifacts)
        wanted = set(entities or CATEGORIES)
        out = []
        low = prefilter_text(text)
        for spec in self.specs:
            if spec.category not in wanted:
                continue
            if spec.needs and not any(n in low for n in spec.needs):
                continue
            for m in spec.regex.finditer(text):
                if spec.check is not None and not spec.check(view, m):
                    continue
                s, e = m.span(spec.group)
                if s < 0 or e <= s:
                    continue
                why = f"pattern {spec.name}" + (
                    NEARBY_NOTE if spec.alongside == "nearby" else ALONGSIDE_NOTE if spec.alongside else ""
                )
                out.append(
                    _result(
                        spec.category, s, e, _alongside_score(spec.score, why), self.name, why, self.id
                    )
                )
        return out


# Bounded length: a hashtag longer than 80 characters is not a hashtag people read.
_HASHTAG = re.compile(r"(?<![\w#])#([^\W_][\w']{0,79})(?![\w'])")
_CAMEL = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z']+|[A-Z]+|\d+")


# "#gaycop", "#transjoy", "#blackwomen": identity prefix + one of these nouns
_TAG_SUFFIX = frozenset(
    [
        "cop",
        "cops",
        "police",
        "officer",
        "officers",
        "trooper",
        "troopers",
        "deputy",
        "firefighter",
        "firefighters",
        "nurse",
        "medic",
        "vet",
        "vets",
        "veteran",
        "veterans",
        "pride",
        "joy",
        "love",
        "life",
        "girl",
        "girls",
        "boy",
        "boys",
        "man",
        "men",
        "woman",
        "women",
        "guy",
        "guys",
        "dad",
        "dads",
        "mom",
        "moms",
        "mama",
        "parents",
        "family",
        "families",
        "couple",
        "couples",
        "wedding",
        "marriage",
        "owned",
        "excellence",
        "history",
        "heritage",
        "magic",
        "and",
        "proud",
        "power",
        "visibility",
        "community",
        "kid",
        "kids",
        "youth",
        "teen",
        "teens",
        "student",
        "students",
        "and",
        "lady",
        "ladies",
        "queen",
        "king",
    ]
)
#: words hashtags put before or after a term ("#proudlyfilipino", "#deafawareness", "#soberlife")
_TAG_WORDS = frozenset(
    "proud proudly happy blessed my the just being team life journey awareness warrior warriors"
    " strong problems struggles things vibes support squad community fighter survivor recovery"
    " diaries diary mom mum dad mama papa life's lyf club gang tribe owned"
    " working fulltime fashion style joy love power rights led business parenting story stories"
    " pride".split()
)
#: words that make a nationality in a camel-case hashtag the writer's label
_LABEL_COMPANIONS = frozenset(
    "american americans canadian canadians british australian aussie kiwi new proud proudly pride"
    " heritage roots born raised diaspora abroad living girl girls boy boys woman women man men"
    " mom mum mama mother dad papa father family fam kid kids gal lad lass".split()
)
#: a short word that joins a term to the rest of a hashtag ("#dadsoftiktok", "#womenintrades")
_TAG_GLUE = ("of", "in", "for", "and", "with", "who", "on", "at")
#: rules whose words are colours, names or everyday nouns ("#teamwhite", "#christianlife" the name)
_TAG_WORD_NOT = frozenset(("identity", "name", "gender", "own", "generation", "relationship", "mine"))
_PARENT_OF_N = re.compile(r"(mom|mum|mama|mommy|dad|daddy|papa|mother|father)of(?:\d{1,2}|one|two|three|four|five|six|seven)")

#: parent words a lower-case label may end in, longest first ("#twinmamas" before "#twinmama")
_PARENT_TAILS = (
    "mommy", "mamas", "daddy", "mama", "moms", "mums", "dads", "papa", "mom", "mum", "dad",
)


def _not_a_parent(head: str) -> bool:
    """The first part of a label that ends in a parent word names a pet or a plant, or is not
    about a child ("#sugardaddy", "#yomama"): the head or a word it ends in."""
    if head in ("yo", "your", "ur"):
        return True
    if head.endswith(("plant", "plants", "sugar", "fur", "doodle", "poo")):
        return True
    return any(pet_word(head[i:]) for i in range(0, len(head) - 2))


_TAG_PREFIX_CATS = frozenset(
    {"SEXUAL_ORIENTATION", "SEX_GENDER", "RACE_ETHNICITY", "NATIONAL_ORIGIN", "RELIGION"}
)


def _code_as_person(view: DocView, s: int, e: int) -> bool:
    """An upper-case code is a possessor or the subject of a verb in the parse ("DS's
    christening", "DD thinks …"): it stands for a person."""
    if not view.text[s].isupper():
        return False
    if e < view.n and view.lower[e] in ("'s", "’s"):
        return True
    return view.doc.has_annotation("DEP") and view.doc[s].dep_ in ("nsubj", "nsubjpass")


class HashtagRecognizer(LocalRecognizer):
    """Marks a whole hashtag (with ``#``) whose words contain a protected term.

    ``#ProudVeteran`` (camel case split), ``#boymom`` (joined multi-word term),
    ``#veteranowned`` (a long unambiguous term inside a lower-case blob).
    """

    MIN_SUBSTRING = 6

    def __init__(self, terms: TermRecognizer, enabled: Iterable[str]) -> None:
        self.terms = terms
        self._enabled = frozenset(enabled)
        super().__init__(
            supported_entities=list(CATEGORIES),
            name="VettingHashtagRecognizer",
            supported_language="en",
            version="1.0",
        )

    def load(self) -> None:
        joined = self.terms.joined
        self.exact = {k: v for k, v in joined.items() if v.category in self._enabled}
        self.safe = {
            k: v
            for k, v in self.exact.items()
            if not v.ctx
            and not v.rule
            and not v.case
            and len(k) >= self.MIN_SUBSTRING
            and k.isalpha()
        }
        self._blocked: dict[str, set[str]] = {}
        for phrase, category in self.terms.lexicon.exceptions:
            self._blocked.setdefault(category, set()).add(re.sub(r"[\s'\-.]", "", phrase.lower()))
        self._lengths = sorted({len(k) for k in self.safe}, reverse=True)

    def lookup(self, body: str) -> TermEntry | None:
        """The entry a hashtag or joined identifier holds, unless an exception phrase of its
        category covers it ("#IndianOcean")."""
        entry = self._lookup(body)
        if entry is None:
            return None
        low = body.lower().replace("'", "")
        blocked = self._blocked.get(entry.category, ())
        if low in blocked or any(b in low for b in blocked if len(b) > 6):
            return None
        return entry

    def _label(self, body: str) -> tuple[TermEntry, bool] | None:
        """A camel-case hashtag is a label its writer gives: a parent word in it is parenthood
        ("#WorkingMom", "#ProudPapa"; not "#DogMom", "#PlantDad"), and a gated word in it is
        offered beside a confident span of its category ("#TTCCommunity" after "FET")."""
        words = [w.lower() for w in _CAMEL.findall(body)]
        if len(words) < 2 or any(pet_word(w) or w in ("plant", "plants") for w in words):
            return None
        low = body.lower().replace("'", "")
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                entry = self.exact.get("".join(words[i : i + size]))
                if entry is None or entry.case:
                    continue
                blocked = self._blocked.get(entry.category, ())
                if low in blocked or any(b in low for b in blocked if len(b) > 6):
                    continue
                if entry.rule == "parent" and not entry.ctx:
                    return entry, False
                if entry.rule == "demonym" and not entry.ctx:
                    # "#SerbianAmerican", "#NewCanadian", "#ProudFilipina", "#GhanaianMum": a
                    # nationality beside another one or a word of pride, arrival or family in
                    # the writer's label; not "#IndianFood", "#FrenchPress"
                    others = words[:i] + words[i + size :]
                    if any(
                        w in _LABEL_COMPANIONS or getattr(self.exact.get(w), "rule", None) == "demonym"
                        for w in others
                    ):
                        return entry, False
                if entry.ctx and not entry.rule and not entry.noconfirm:
                    return entry, True
        return None

    def _lookup(self, body: str) -> TermEntry | None:
        low = body.lower().replace("'", "")
        entry = self.exact.get(low)
        if entry is not None and entry.rule not in (
            "identity",
            "name",
            "gender",
            "predicate",
            "single",
            "engaged",
            "own",
        ):
            return entry
        words = [w.lower() for w in _CAMEL.findall(body)]
        if len(words) > 1:
            for size in (3, 2, 1):
                for i in range(len(words) - size + 1):
                    entry = self.exact.get("".join(words[i : i + size]))
                    if (
                        entry is not None
                        and (not entry.rule or entry.rule == "branch")
                        and not entry.ctx
                    ):
                        return entry
        # a long unambiguous term inside a lower-case blob ("#veteranowned"): longest first
        for size in self._lengths:
            for i in range(0, len(low) - size + 1):
                entry = self.safe.get(low[i : i + size])
                if entry is not None:
                    return entry
        # a short identity word glued to a person/identity noun: "#gaycop", "#queerjoy",
        # "#latinaincharge" is not tried; only a known suffix word completes the tag
        for cut in range(min(len(low) - 2, 14), 1, -1):
            head, tail = low[:cut], low[cut:]
            if tail not in _TAG_SUFFIX:
                continue
            entry = self.exact.get(head)
            if entry is not None and entry.category in _TAG_PREFIX_CATS and not entry.case:
                return entry
        # a term, a joining word and the rest: "#dadsoftiktok", "#womenintrades" (parent and
        # gender words for a decision: a label the writer gives, not always of themselves)
        for cut in range(min(len(low) - 5, 14), 2, -1):
            head, tail = low[:cut], low[cut:]
            glue = next((g for g in _TAG_GLUE if tail.startswith(g) and len(tail) - len(g) >= 3), None)
            if glue is None:
                continue
            entry = self.exact.get(head)
            if entry is None or entry.case or entry.ctx or entry.rule in _TAG_WORD_NOT - {"gender"}:
                continue
            if entry.rule in ("gender", "parent", "relationship"):
                return replace(entry, rule=None, score=min(entry.score, CONFIRM_SCORE))
            if not entry.rule:
                return entry
        # "#momof3", "#dadof2": a parent of a number of children
        m = _PARENT_OF_N.fullmatch(low)
        if m:
            entry = self.exact.get(m.group(1))
            if entry is not None and entry.category == "PARENTHOOD":
                return replace(entry, rule=None, ctx=())
        # a lower-case label ending in a parent word: "#runnermom", "#ukmums", "#hockeydad"; not
        # a pet's or a plant's parent ("#dogmom", "#plantdad") nor a "#sugardaddy"
        # ("#WorkingMom", a camel-case label, is _label's)
        tail = next((t for t in _PARENT_TAILS if low.endswith(t)), None) if len(words) == 1 else None
        if tail is not None:
            head = low[: -len(tail)]
            entry = self.exact.get(tail)
            if len(head) >= 2 and head.isalpha() and not _not_a_parent(head) and entry is not None:
                if entry.category == "PARENTHOOD":
                    return replace(entry, rule=None, ctx=(), score=min(entry.score, CONFIRM_SCORE))
        # a term with a tag word before or after it: "#proudlyfilipino", "#deafawareness",
        # "#ivfjourney", "#soberlife", "#singlemom"; identity words as they are, conditions and the
        # rest for a decision (an awareness week is not always the writer's own)
        plain = body.replace("'", "")
        for cut in range(len(low) - 3, 2, -1):
            for word, rest, written in (
                (low[cut:], low[:cut], plain[:cut]),
                (low[: len(low) - cut], low[len(low) - cut :], plain[len(low) - cut :]),
            ):
                if word not in _TAG_WORDS:
                    continue
                entry = self.exact.get(rest)
                if entry is None or len(rest) < 3 or entry.rule in _TAG_WORD_NOT:
                    continue
                if entry.case and written != entry.term and entry.term not in lower_abbreviations():
                    # a case-sensitive term as it is written ("#PCSlife"), or in lower case when
                    # it is no English word in that case ("#ofwlife", not "#pcslife")
                    continue
                if entry.rule == "parent" and len(words) > 1:
                    continue  # "#WorkingMom": a camel-case label, which _label makes parenthood
                if entry.category in _TAG_PREFIX_CATS and not (entry.rule or entry.ctx):
                    return entry
                return replace(entry, score=min(entry.score, CONFIRM_SCORE))
        return None

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts = None, regex_flags=None
    ) -> list[RecognizerResult]:
        wanted = set(entities or CATEGORIES)
        out = []
        for m in _HASHTAG.finditer(text):
            entry = self.lookup(m.group(1))
            if entry is None:
                extra = self._label(m.group(1))
                if extra is not None and extra[0].category in wanted:
                    label, possible = extra
                    why = f"hashtag containing term {label.source}"
                    if possible:
                        why += ALONGSIDE_NOTE + POSSIBLE_NOTE
                    out.append(
                        _result(
                            label.category,
                            m.start(),
                            m.end(),
                            POSSIBLE_SCORE if possible else label.score,
                            self.name,
                            why,
                            self.id,
                        )
                    )
                continue
            if entry.category not in wanted:
                continue
            out.append(
                _result(
                    entry.category,
                    m.start(),
                    m.end(),
                    entry.score,
                    self.name,
                    f"hashtag containing term {entry.source}",
                    self.id,
                )
            )
        return out


_AGE_NUMBER = re.compile(r"^(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)$")
_NUMBER_WORDS = frozenset(
    (  # noqa: SIM905
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty "
        "seventy eighty ninety"
    ).split()
)


#: the people of a pet's life, who do not make a text about a person
_PET_PEOPLE = frozenset(("vet", "vets", "veterinarian", "owner", "owners", "breeder", "groomer", "trainer", "sitter"))


def _about_a_pet(view: DocView) -> bool:
    """The text is about an animal and names no person by a person noun ("Biscuit's vet says
    she's 9", "Moose is 11 now and needs the senior diet" after "the dog"): a bare number said
    of "she" or a name is the animal's age."""
    if not any(pet_word(w) for w in view.lower):
        return False
    persons = person_nouns() - _PET_PEOPLE
    return not any(
        view.pos[i] == "NOUN" and (view.lower[i] in persons or view.lemma[i] in persons)
        for i in range(view.n)
    )


#: words before a people's name that is also a first name and make it the name ("I'm Sam", "the
#: Karen", "Aunt Shona")
_INTRODUCES_NAME = frozenset(
    "i'm im am 'm i the called named call aunt auntie aunty uncle mr mrs ms miss dr cousin".split()
)


def _said_of_animal(view: DocView, s: int, e: int) -> bool:
    """The words ``s:e`` describe an animal in the parse: "a [deaf] dog", "our cat is [deaf]"."""
    if not view.doc.has_annotation("DEP"):
        return False
    holder = age_holder(view.doc, s, e)
    if holder is None or holder.pos_ != "NOUN":
        return False
    return pet_word(holder.lower_) or pet_word(holder.lemma_.lower())


def _here_intro(view: DocView, s: int, e: int) -> bool:
    """``s:e`` introduces the writer as "<word> here" at the start of a clause ("Kiwi here",
    "fellow Aussie here", "can confirm, Brit here")."""
    if e >= view.n or view.lower[e] != "here":
        return False
    if e + 1 < view.n and view.lower[e + 1] in ("is", "are", "was", "were", "'s"):
        return False  # "the Kiwi here is ripe"
    if s == 0 or view.sent[s - 1] != view.sent[s]:
        return True
    before = view.lower[s - 1]
    return not any(c.isalnum() for c in before) or before in ("fellow", "another", "proud")


def _subject_is_not_a_person_noun(tok) -> bool:
    head = tok.head
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subj or subj[0].pos_ in ("PRON", "PROPN")


#: endings of nationality and people words, which are spans of their own category
_DEMONYM_ENDINGS = ("an", "ese", "ish", "i", "ic", "ch", "ean", "ine", "ino", "ina")


#: when an age is said ("she is 18 today"): not a unit or a count ("3 of us", "1 in 5")
_AGE_TIME_WORDS = frozenset(("today", "tomorrow", "yesterday", "now", "tonight", "soon"))


class AgeNumberRecognizer(LocalRecognizer):
    """A bare number predicated of a person is possibly an age ("my grandma is 92", "she's
    7", "Jo, 34, …"): reported in the ``confirm`` tier (the investigator decides)."""

    def __init__(self, terms: TermRecognizer, enabled: Iterable[str]) -> None:
        self.terms = terms
        self._on = "AGE" in frozenset(enabled)
        super().__init__(
            supported_entities=["AGE"],
            name="VettingAgeNumberRecognizer",
            supported_language="en",
            version="1.0",
        )

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts = None, regex_flags=None
    ) -> list[RecognizerResult]:
        view = _view(nlp_artifacts)
        if view is None or not self._on or "AGE" not in (entities or CATEGORIES):
            return []
        if not any(ch.isdigit() for ch in text) and not any(
            w.split("-")[0] in _NUMBER_WORDS for w in view.lower
        ):
            return []  # no number: do not parse for persons
        out = []
        pets = _about_a_pet(view)
        for i, kind in view.person_descriptors(self.terms.persons_finder).items():
            if kind != "predicate":
                continue
            tok = view.doc[i]
            if pets and _subject_is_not_a_person_noun(tok):
                continue  # "Biscuit's vet says she's 9": a pet's age in a text about a pet
            low = tok.lower_
            if not tok.like_num or not _AGE_NUMBER.match(low):
                continue
            if low.isdigit() and not 1 <= int(low) <= 110:
                continue
            if not low.isdigit() and low.split("-")[0] not in _NUMBER_WORDS:
                continue
            if any(c.dep_ in ("det", "amod", "poss", "predet") for c in tok.children):
                continue  # "the first one", "the only one", "my one": a pronoun, not an age
            if tok.dep_ == "pobj" and tok.head.lower_ == "as":
                continue  # "as 10 of them", "same as 2": an age needs "as a 10-year-old"
            if any(
                c.dep_ in ("pobj", "prep", "npadvmod") and c.lower_ not in _AGE_TIME_WORDS
                for c in tok.children
            ) or (
                i + 1 < view.n and view.lower[i + 1] in ("%", "percent", "of", "out", "in")
            ):
                continue  # "3 of us", "1 in 5", "we are 3 percent"
            start = i
            if i >= 2 and view.lower[i - 1] == "-" and view.lower[i - 2] in _TENS_WORDS:
                start = i - 2  # "ninety-one" is tokenized "ninety", "-", "one"
            elif i >= 1 and view.lower[i - 1] in _TENS_WORDS and low in _NUMBER_WORDS:
                start = i - 1  # "thirty one", spoken or typed without the hyphen
            out.append(
                _result(
                    "AGE",
                    view.idx[start],
                    view.ends[i],
                    CONFIRM_SCORE,
                    self.name,
                    "number predicated of a person (parse)",
                    self.id,
                )
            )
        return out
