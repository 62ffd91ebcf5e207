"""The checks a rule's ``when`` expression may call (see :mod:`vetting.screening.rulebook`).

Each check is a factory: the rule book calls it once at load with the arguments written in the
rule (literals, word sets, regular expressions) and it returns a function ``(view, match) ->
bool`` run on every match. ``view`` is the token view of the parsed text
(:class:`~vetting.screening.recognizers.DocView`), ``None`` when no parse is available; a check
that needs the parse answers ``False`` without it.

Two kinds live here: general checks on the words around a match (``near``, ``preceded``,
``in_doc``, ``before``, ``after``, ``has`` …) and a few named mechanisms that are more than a
word list (``person_from``, ``profile_field`` …). Word lists are not kept here; they are in
``rulebook/_words.toml`` and reach a mechanism through :func:`words`.

All checks are pure functions of their arguments: thread-safe.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from vetting.screening.structure import (
    PERSON_PRONOUNS,
    age_holder,
    animal_nouns,
    institution_nouns,
    person_nouns,
    singular_forms,
    thing_nouns,
)

__all__ = ["CHECKS", "words"]

Check = Callable[[object, re.Match], bool]
CHECKS: dict[str, Callable[..., Check]] = {}


def check(fn: Callable[..., Check]) -> Callable[..., Check]:
    """Register ``fn`` under its own name."""
    CHECKS[fn.__name__.rstrip("_")] = fn
    return fn


def words(name: str) -> frozenset[str]:
    """A word set of ``rulebook/_words.toml`` (for mechanisms)."""
    from vetting.screening.rulebook import word_sets

    return word_sets()[name]


def _flags(case: bool) -> int:
    return 0 if case else re.IGNORECASE


def _text(m: re.Match, group: str | int) -> str:
    return m.group(group) or ""


# ------------------------------------------------------------------------ words around the match
def _match_tokens(view, m: re.Match) -> tuple[int, int]:
    """The token range ``[s, e)`` the match covers (at least one token)."""
    s = view.token_at_char(m.start())
    return s, max(s + 1, view.token_at_char(m.end() - 1) + 1)


def in_window(view, m: re.Match, cues: frozenset[str], size: int = 12) -> bool:
    """A cue word within ``size`` tokens of the match, in the same sentence."""
    if view is None:
        return False
    return view.has_cue(*_match_tokens(view, m), cues, size)


@check
def near(cues: frozenset[str], size: int = 12) -> Check:
    """A cue word within ``size`` tokens before or after the match (same sentence)."""
    return lambda v, m: in_window(v, m, cues, size)


@check
def cue_near(cues: frozenset[str], size: int = 6) -> Check:
    """A cue word inside the match or within ``size`` tokens of it (same sentence)."""

    def run(v, m):
        if v is None:
            return False
        s, e = _match_tokens(v, m)
        if any(v.lower[i] in cues for i in range(s, min(e, v.n))):
            return True
        return v.has_cue(s, e, cues, size)

    return run


@check
def preceded(cues: frozenset[str], tokens: int = 3) -> Check:
    """One of the ``tokens`` tokens just before the match is a cue word."""

    def run(v, m):
        if v is None:
            return False
        i = v.token_at_char(m.start())
        return any(v.lower[j] in cues for j in range(max(0, i - tokens), i))

    return run


@check
def in_doc(cues: frozenset[str]) -> Check:
    """A cue word anywhere in the text."""
    return lambda v, m: v is not None and any(t in cues for t in v.lower)


@check
def parsed() -> Check:
    """The text was parsed (word-context checks can run)."""
    return lambda v, m: v is not None


@check
def past_event() -> Check:
    """The word before the match is a past-tense verb ("retired at 37", "enlisted at 17")."""

    def run(v, m):
        if v is None:
            return False
        i = v.token_at_char(m.start())
        return i > 0 and v.tag[i - 1] in ("VBD", "VBN") and v.lower[i - 1] != "widowed"

    return run


#: words that place an "at N" now or just now ("just diagnosed at 34", "now a 1L at 38")
_RECENT = frozenset("just first now today yesterday finally recently currently still being".split())
#: what a past "at N" is the age of, named just before it ("heart attack at 49", "came out at 15")
_AGE_EVENTS = frozenset(
    "bypass attack stroke diagnosis crash cancer colonoscopy surgery accident injury transplant "
    "cholesterol death miscarriage mammogram screening screened diagnosed out married pregnant "
    "widowed retired enlisted group".split()
)


def _is_thing(word: str) -> bool:
    """A noun of the generated thing or institution lists (looked up in each, not in a union
    built per call)."""
    return word in thing_nouns() or word in institution_nouns()


@check
def present_age() -> Check:
    """The "at N" of the match is the person's age now: a word of now or of just now ("just",
    "now", "first", "being") within eight words before it, or else a present-tense verb in the
    sentence and no past-tense one before the match; never the age at an event named just before
    it without such a word ("heart attack at 49", "came out at 15"), nor in a sentence with a
    thing and no person before it ("the oven preheats at 90"). The guideline marks present ages,
    not ages at past events ("diagnosed at 27")."""

    def run(v, m):
        if v is None:
            return False
        i = v.token_at_char(m.start())
        lo = hi = i
        while lo > 0 and v.sent[lo - 1] == v.sent[i]:
            lo -= 1
        while hi + 1 < v.n and v.sent[hi + 1] == v.sent[i]:
            hi += 1
        recent = any(v.lower[j] in _RECENT for j in range(max(lo, i - 8), i))
        if recent:
            return True
        if i > 0 and v.lower[i - 1] in _AGE_EVENTS:
            return False
        past = any(
            v.tag[j] in ("VBD", "VBN") and v.lower[j] not in ("was", "were", "had", "been")
            for j in range(lo, i)
        )
        present = any(v.tag[j] in ("VBP", "VBZ", "VBG", "MD") for j in range(lo, hi + 1))
        if not present or past:
            return False
        # a thing and no person before it ("the oven only preheats at 90"): a setting, not an age
        before = range(lo, i)
        if any(v.lower[j] in PERSON_PRONOUNS or v.lemma[j] in person_nouns() for j in before):
            return True
        return not any(_is_thing(v.lower[j]) or _is_thing(v.lemma[j]) for j in before)

    return run


# ----------------------------------------------------------------------- characters of the match
@check
def has(regex: str, group: str | int = 0, case: bool = False, skip: int = 0) -> Check:
    """The matched text (or one group of it) contains ``regex`` (``skip``: leaving out its
    first characters, e.g. the verb a pattern begins with)."""
    rx = re.compile(regex, _flags(case))
    if not case:
        return lambda v, m: rx.search(_text(m, group)[skip:]) is not None
    loose = re.compile(regex, _flags(False))

    def run(v, m):
        # a text written without capitals (captions, transcripts): case says nothing there
        pick = loose if v is not None and v.all_lower else rx
        return pick.search(_text(m, group)[skip:]) is not None

    return run


@check
def starts(regex: str, group: str | int = 0, case: bool = False) -> Check:
    """The matched text (or one group) begins with ``regex``."""
    rx = re.compile(regex, _flags(case))
    return lambda v, m: rx.match(_text(m, group)) is not None


@check
def before(regex: str, chars: int = 40, case: bool = False) -> Check:
    """The ``chars`` characters before the match contain ``regex`` (anchor it with ``$`` to
    mean "just before")."""
    rx = re.compile(regex, _flags(case))
    return lambda v, m: rx.search(m.string[max(0, m.start() - chars) : m.start()]) is not None


@check
def after(regex: str, chars: int = 0, case: bool = False) -> Check:
    """The text after the match begins with ``regex`` (``chars``: look only that far; 0: to the
    end of the text)."""
    rx = re.compile(regex, _flags(case))

    def run(v, m):
        rest = m.string[m.end() : m.end() + chars] if chars else m.string[m.end() :]
        return rx.match(rest) is not None

    return run


@check
def word_in(
    cues: frozenset[str], group: str | int = 0, which: str | int = "whole", strip: str = ""
) -> Check:
    """A word of the matched text (or one group), lower-cased, is in ``cues``: the ``"first"``
    word, the ``"last"`` word, the word at an index (``-2``: the one before the last), or the
    ``"whole"`` text; ``strip`` removes these characters from its ends first."""
    index = {"first": 0, "last": -1}.get(which, which)
    if which != "whole" and not isinstance(index, int):
        raise re.error(f'which is "first", "last", "whole" or a word index, not {which!r}')

    def run(v, m):
        text = _text(m, group).lower()
        if which != "whole":
            parts = text.split()
            if not -len(parts) <= index < len(parts):
                return False
            text = parts[index]
        return text.strip(strip) in cues if strip else text in cues

    return run


@check
def capitalized(group: str | int = 0) -> Check:
    """The matched text (or one group) begins with a capital letter, or the text is written
    without capitals at all (captions, transcripts), where case says nothing."""
    return lambda v, m: _text(m, group)[:1].isupper() or (v is not None and v.all_lower)


@check
def text_has(regex: str, case: bool = False) -> Check:
    """The whole text contains ``regex``."""
    rx = re.compile(regex, _flags(case))
    return lambda v, m: rx.search(m.string) is not None


@check
def soon_after(regex: str, chars: int, group: str | int = 0, case: bool = False) -> Check:
    """The ``chars`` characters after the match (or after one of its groups) contain ``regex``."""
    rx = re.compile(regex, _flags(case))

    def run(v, m):
        end = m.end(group)
        return rx.search(m.string[end : end + chars]) is not None

    return run


@check
def matched(group: str) -> Check:
    """An optional group of the pattern took part in the match (and is not empty)."""
    return lambda v, m: bool(m.group(group))


@check
def ends_with_word(cues: frozenset[str], group: str | int = 0) -> Check:
    """The matched text (or one group), lower-cased, ends with one of ``cues`` as whole words
    ("… Puerto Rico" for "puerto rico")."""

    def run(v, m):
        text = _text(m, group)
        low = text.lower()
        return any(
            low.endswith(c) and (len(text) == len(c) or text[-len(c) - 1] == " ") for c in cues
        )

    return run


# -------------------------------------------------------------------------- named mechanisms
# The mechanisms below judge more than a word list can: who a phrase is said of, whether a
# number is an age or an amount, whether an item sits in a bio list. Their word lists are in
# ``rulebook/_words.toml``.


@check
def not_object() -> Check:
    """The age is a person's, not a thing's: "my truck is 15 years old" and "15 years old
    whiskey" are not ages of people (``AGE_OBJECT``, ``VEHICLE_BRANDS``, ``AGE_THING_SUBJECT``,
    and the generated thing nouns: "the dough is nine years old", "the building turned 50"), nor
    an animal's (the generated animal nouns: "an 8-week-old golden retriever"). Where the parse
    names the noun the age is said of, that noun decides ("the skillet I found is 60 years
    old")."""
    subject = re.compile(
        r"([a-z]+)(?:'s|\s+(?:is|was|will\s+be|turned|turns|just\s+turned|now|being))"
        r"(?:\s+(?:almost|nearly|about|over|like|now|only|already|at\s+least))?\s*$"
    )
    things = words("AGE_OBJECT") | words("VEHICLE_BRANDS") | thing_nouns()
    institutions = institution_nouns()
    subjects = things | words("AGE_THING_SUBJECT") | institutions

    verb_first = re.compile(r"(?:turn|turns|turned|turning|will\s+turn)\b", re.I)
    bare_subject = re.compile(r"([a-z]+)\s+(?:is\s+|was\s+|just\s+|has\s+|now\s+)?$")

    animals = animal_nouns()

    def run(v, m):
        if v is not None:
            s, e = _match_tokens(v, m)
            holder = age_holder(v.doc, s, e)
            if holder is not None and holder.pos_ == "NOUN":
                word, lemma = holder.lower_, holder.lemma_.lower()
                if word in things or lemma in things or word in animals or lemma in animals:
                    return False
            if holder is not None and holder.pos_ in ("NOUN", "PROPN"):
                # "our chess club turns 25", "Starlite Lanes turns 60": an anniversary
                low = holder.lower_
                if low in institutions or holder.lemma_.lower() in institutions or (
                    low.endswith("s") and low[:-1] in institutions
                ):
                    return False
        original = m.string[max(0, m.start() - 40) : m.start()]
        before = original.lower()
        subj = subject.search(before)
        if subj and subj.group(1) in subjects and not _a_name(original, subj.start(1)):
            return False
        if verb_first.match(m.group(0)):  # "the shop turns 40": the verb is inside the match
            subj = bare_subject.search(before)
            if subj and subj.group(1) in subjects:
                return False
        after = m.string[m.end() : m.end() + 50].split()
        if not after:
            return True
        if after[0].lower().strip(".,!?;:") in things:
            return False
        # the noun the age describes, past colours and capitalised breed or place words: "a
        # ten-year-old black Belgian Malinois", "an 8 week old Golden Retriever"
        for w in after[:4]:
            low = w.lower().strip(".,!?;:")
            if low in animals or (low.endswith("s") and low[:-1] in animals) or low in _BREED_HEADS:
                return False
            if not (low in _COLOURS or (w[:1].isupper() and w.isalpha())) or w[-1:] in ".,!?;:":
                break
        return True

    return run


_COLOURS = frozenset(
    "black white brown tan red grey gray golden yellow cream chocolate fawn brindle tabby ginger"
    " tortoiseshell calico merle sable blue silver tricolour tricolor".split()
)
#: breed heads whose first WordNet sense is a person ("German Shepherd", "Collie" is an animal)
_BREED_HEADS = frozenset(("shepherd", "shepherds", "pointer", "pointers", "setter", "setters", "boxer", "boxers", "mastiff", "lab", "labs"))


_DETERMINERS = frozenset("the a an my our his her their your this that its".split())


def _a_name(text: str, i: int) -> bool:
    """The word at ``text[i:]`` is capitalised without a determiner before it: a name ("my
    daughter Mei is 18"), not a capitalised thing ("The Library is 100", "our Jeep")."""
    if not text[i : i + 1].isupper():
        return False
    prev = text[:i].split()
    if not prev or prev[-1][-1:] in ".!?:;" or "\n" in text[:i][-3:]:
        return False  # a sentence's first word is capitalised anyway ("Truck is twenty years old")
    return prev[-1].lower() not in _DETERMINERS


def _is_person(tok, persons: frozenset[str]) -> bool:
    """A subject token that is a person in the parse: a pronoun, a person noun, a name, or
    "who"/"that" after one."""
    low = tok.lower_
    if low in ("who", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head
        low = tok.lower_
    if low in PERSON_PRONOUNS or low in persons or tok.lemma_.lower() in persons:
        return True
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.ent_type_ in ("", "PERSON")


@check
def copula_person() -> Check:
    """The match is what a copula says of a person, in the parse: "Keisha is due in March",
    "my sister's due at Christmas" — not "the rent is due in March"."""
    persons = _person_words()

    def run(v, m):
        if v is None:
            return False
        s, e = _match_tokens(v, m)
        for tok in v.doc[s:e]:
            head = tok.head
            if head.lemma_ == "be" and not (s <= head.i < e):
                subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not subj:
                    return False
                return _is_person(subj[0], persons)
        return False

    return run


@check
def relative_travels() -> Check:
    """The match's "from" belongs, in the parse, to a verb whose subject is a relative ("Ammi and
    Abbu flew in from Lahore", "my mother-in-law is visiting from Tehran"): where a family comes
    from, not the writer's own trip ("just got back from Mexico")."""
    kin = frozenset(p.split()[-1].lower() for p in _parent_nouns()) | words("RELATIVE_NOUNS")

    def run(v, m):
        if v is None:
            return False
        i = v.token_at_char(m.start())
        if i >= v.n or v.lower[i] != "from" or (i > 0 and v.lower[i - 1] in ("home", "back")):
            return False  # "came home from Kandahar", "back from Lagos": a return, not an origin
        node = v.doc[i].head
        for _ in range(3):
            if any(c.dep_ in ("dobj", "obj") for c in node.children):
                return False  # "sent a package from Manila": a thing comes from there
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                # the subject phrases, conjoined ones too ("Mum and Dad", "my in-laws")
                said = " ".join(t.lower_ for c in subjects for t in c.subtree).replace(" - ", "-")
                return bool(kin & set(re.findall(r"[\w'-]+", said)))
            if node.head is node:
                return False
            node = node.head
        return False

    return run


@functools.cache
def _parent_nouns() -> tuple[str, ...]:
    from vetting.screening.rulebook import list_file

    return list_file("vocab/parent_nouns.txt")


#: the words of a text written in the first person (the tokenizer splits "I'm" into "I" + "'m")
_FIRST_PERSON_WORDS = frozenset(("i", "im", "me", "my", "we", "our", "us"))


def first_person_text(v) -> bool:
    """Whether the text (a :class:`DocView`) is written in the first person anywhere, in a word
    or in a family forum's code for the writer's own husband, wife or child ("DH", "DD2")."""
    return any(w in _FIRST_PERSON_WORDS for w in v.lower) or any(
        t in _WRITER_KIN_CODES for t in v.text
    )


#: family-forum codes that say "my" ("dear husband", "darling daughter"), upper case only
_WRITER_KIN_CODES = frozenset(
    ("DH", "DW", "DP", "DD", "DS", "DD1", "DD2", "DD3", "DS1", "DS2", "DS3", "DSD", "DSS", "LO")
)


#: verbs whose "at N" is a price, a score, a level or a time, not an age
_MEASURE_VERBS = frozenset(
    (
        "sell", "buy", "price", "list", "close", "open", "finish", "end", "cap", "start", "set",
        "peak", "trade", "bid", "offer", "value", "rate", "max", "top", "level", "score", "shoot",
        "bowl", "clock", "leave", "arrive", "land", "meet", "stand", "sit", "hold", "stop", "hit",
        "boil", "freeze", "run", "drive", "go", "come", "charge", "pay", "cost", "book", "buy",
    )
)


@check
def at_age_of_person() -> Check:
    """The match's "at" belongs, in the parse, to a person noun ("a widower at 44") or to a
    clause whose subject is a person ("I won't change my mind at 38", "she's raising them again
    at 61") — not to a thing ("the kettle boils at 90")."""
    persons = _person_words()

    def run(v, m):
        if v is None:
            return False
        i = v.token_at_char(m.start())
        if i >= v.n or v.lower[i] != "at":
            return False
        node = v.doc[i].head
        if node.pos_ in ("NOUN", "PROPN") and _is_person(node, persons):
            return True
        if node.lemma_.lower() in _MEASURE_VERBS:
            return False  # "sold it at 40", "finished at 72", "capped at 50"
        for _ in range(4):
            if _past(node):
                return False  # an age at a past event ("diagnosed at 19", "married at 21")
            subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects:
                return any(_is_person(c, persons) for c in subjects)
            if node.tag_ == "VBG" and (
                node.lower_ in ("being", "raising", "starting", "living") or node.dep_ == "csubj"
            ):
                # "being single at 42 is …", "how lonely being a widower at 44 is", "learning to
                # drive at 40 has been …": a state or an activity with no subject, in a text
                # written in the first person
                return first_person_text(v)
            if node.head is node:
                return False
            node = node.head
        return False

    return run


def _past(tok) -> bool:
    """A verb in the past: "diagnosed", "was married", "had moved" (not "have been")."""
    if tok.tag_ == "VBD":
        return True
    if tok.tag_ != "VBN":
        return False
    aux = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    # "was married at 21"; a participle heading its own clause ("Diagnosed at 29, …")
    return any(a in ("was", "were", "had", "got") for a in aux) or (not aux and tok.dep_ == "ROOT")


@check
def person_subject() -> Check:
    """The matched verb's subject is a person (a pronoun, a person noun, a name, or "who" after
    one) and it has no direct object, in the parse: "my husband deploys in May", "the last guy
    who deployed" — not "we deployed the update", "they shipped out the order"."""
    persons = _person_words()

    def is_person(tok) -> bool:
        return _is_person(tok, persons)

    def run(v, m):
        if v is None:
            return False
        s, e = _match_tokens(v, m)
        verbs = [t for t in v.doc[s:e] if t.pos_ in ("VERB", "AUX")]
        if not verbs:
            return False
        verb = verbs[0]
        if verb.dep_ in ("aux", "auxpass") and s <= verb.head.i < e:
            verb = verb.head  # "was confirmed": the main verb carries the subject
        if any(c.dep_ in ("dobj", "obj") for c in verb.children):
            return False
        node = verb
        while node.dep_ in ("xcomp", "conj", "advcl", "ccomp") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children
        ):
            node = node.head  # "he wants to deploy", "enlisted and deployed"
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(is_person(c) for c in subjects)

    return run


@check
def object_not_in(cues: frozenset[str]) -> Check:
    """The matched verb has no direct object, or its object is one of ``cues`` (in the parse):
    "we're expecting!", "expecting our second" — not "expecting three trucks", "expecting
    another 6 inches"."""

    def run(v, m):
        if v is None:
            return True
        s, e = _match_tokens(v, m)
        for t in v.doc[s:e]:
            for c in t.children:
                if c.dep_ not in ("dobj", "obj") or c.i < e:
                    continue
                if not all(w.is_alpha or w.like_num for w in v.doc[e : c.i + 1]):
                    continue  # a parse across an emoji or a line: "We're expecting 🍼 Due Nov 3"
                return c.lower_ in cues or c.lemma_.lower() in cues
        return True

    return run


@check
def person_from() -> Check:
    """``from <place>`` (group ``s``) is said of a person's origin, judged from the words
    before ``from``: "she's from Peru", "Originally from Samoa", not "flights from Manila"
    (``FROM_PERSON``, ``FROM_SUBJ``, ``FROM_THING``, ``FROM_MOTION``)."""
    person, subjects = words("FROM_PERSON"), words("FROM_SUBJ")
    thing, motion = words("FROM_THING"), words("FROM_MOTION")
    skip = {"originally", "orig", "all", "both", "actually", "really", "also", "too", "just", "else"}
    skip |= {"half", "partly"}
    skip_be = {"originally", "all", "both", "actually", "really", "also", "not", "n't"}
    be = {"is", "are", "was", "were", "'s", "'re", "'m", "am", "be", "been", "being"}
    opens = ("", ",", ".", "|", "!", "•", "/", "&", "\n", "❤")

    def run(v, m):
        if v is None:
            return False
        i = v.token_at_char(m.start("s"))
        orig = v.lower[i] == "originally"
        j = i - 1
        while j >= 0 and v.lower[j] in skip:
            orig = orig or v.lower[j] in ("originally", "orig")
            j -= 1
        if j < 0 or v.sent[j] != v.sent[i]:
            # opens a sentence: "Originally from Peru", "From Samoa, living in Anchorage"
            return orig or m.string[m.end() : m.end() + 3].lstrip()[:1] in opens
        prev = v.lower[j]
        if prev in motion or prev in thing:
            return False
        if prev in (",", "-", "|", "(", "•", "/", ":") and orig:
            return True
        if prev in ("|", "•", "·"):
            return True  # a field of a bio: "non-binary · from Almaty", "she/her | from Lagos"
        if prev == "," and j >= 1 and v.sent[j - 1] == v.sent[i]:
            item = v.lower[j - 1]
            if (item.isdigit() and 13 <= int(item) <= 110) or _pronoun_set(item):
                return True  # a bio's list of items: "he/him, 30, from Nairobi"
        if _BIO_AGE_SEX.fullmatch(prev) or (j >= 1 and _BIO_AGE_SEX.fullmatch(v.lower[j - 1] + prev)):
            return True  # "19F from Almaty", "m34 from Lagos", "22 m from Accra"
        if prev not in person:
            if v.pos[j] in ("NOUN", "PROPN") and v.text[j].isalpha() and is_person_word(prev):
                return True  # a person noun of the parse's vocabulary: "two lads from Eritrea"
            # "I'm Bahá'í from Shiraz", "she's Deaf and from Accra": a capitalised descriptor the
            # subject is
            k = j
            while k > j - 3 and k > 0 and (v.text[k][:1].isupper() or (k < j and v.lower[k] == "and")):
                k -= 1
            if not (k < j and k >= 1 and v.lower[k] in be - {"be", "been", "being"}):
                return False
            subj = v.lower[k - 1]
            # the subject: a pronoun, a person noun ("my dad is Kurdish from Duhok") or a name
            return (
                subj in subjects
                or subj in person
                or (v.pos[k - 1] == "NOUN" and is_person_word(subj))
                or (v.pos[k - 1] == "PROPN" and v.text[k - 1][:1].isupper())
            )
        if prev in be:
            k = j - 1
            while k >= 0 and v.lower[k] in skip_be:
                k -= 1
            if k < 0 or v.sent[k] != v.sent[j]:
                return orig
            subj = v.lower[k]
            if subj in thing:
                return False
            return (
                subj in subjects
                or subj in person
                or (v.text[k][:1].isupper() and v.pos[k] == "PROPN")
            )
        return True

    return run


#: an age and a sex in one bio word: "19F", "m34", "24m"
_BIO_AGE_SEX = re.compile(r"(?:1[3-9]|[2-9]\d)[mf]|[mf](?:1[3-9]|[2-9]\d)")


@functools.cache
def _pronoun_words() -> frozenset[str]:
    from vetting.screening.rulebook import list_file

    return frozenset(w.lower() for w in list_file("vocab/pronouns.tsv", column="all"))


def _pronoun_set(token: str) -> bool:
    """A pronoun declaration written as one token: "he/him", "she/they", "xe/xem"."""
    parts = token.split("/")
    return len(parts) > 1 and all(p in _pronoun_words() for p in parts)


@check
def profile_field() -> Check:
    """A lone M/F item in a separator list of personal attributes ("33 | M | divorced"), not
    sizes ("S, M, L"), connectors ("M/F") or grade lists."""
    attrs = re.compile(
        r"^\d{2}$|^\d{2}\s?(?:yo|y/o|yrs?)$|\b(?:single|married|divorced|widow(?:ed|er)?|"
        r"engaged|mom|dad|he/him|she/her|they/them|vet|veteran|retired|straight|gay|bi|"
        r"christian|catholic)\b|^(?-i:[A-Z][a-z]+)(?:,?\s+(?:AK|Alaska))?$",
        re.IGNORECASE,
    )
    not_person = re.compile(
        r"\b(?:sizes?|grades?|keys?|plugs?|connectors?|adapters?|courses?|scores?|class(?:es)?)\b",
        re.IGNORECASE,
    )

    def run(v, m):
        line = _line(m)
        items = [x.strip() for x in re.split(r"\s*[|•,/]\s*", line) if x.strip()]
        if len(items) < 3:
            return False
        if len([x for x in items if len(x) == 1 and x.isalpha()]) > 1:
            return False
        return sum(1 for x in items if attrs.search(x)) >= 2 and not not_person.search(line)

    return run


def _line(m: re.Match) -> str:
    text = m.string
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    return text[start : end if end >= 0 else len(text)]


@check
def pet_parent() -> Check:
    """ "dog mom of two huskies", "plant dad of 40": a pet or plant parent, not parenthood."""
    owner = re.compile(r"(?:dog|cat|plant|fur|pet|chicken|goat|horse|bird|fish)\s*-?\s*$", re.I)
    pets = re.compile(
        r"\b(?:dogs?|cats?|fur|furbab\w*|pups?|puppies|puppers|doggos?|kitties|kittens?|huskies|"
        r"husky|labs?|retrievers?|shepherds?|horses?|chickens?|hens|goats?|plants?|succulents|"
        r"pets?|critters|fish|birds?|bunnies|rabbits?|cows|pigs|sheep|ducks|mutts?|pitties)\b",
        re.I,
    )

    def run(v, m):
        before_ = m.string[max(0, m.start() - 12) : m.start()]
        after_ = m.string[m.end() : m.end() + 30]
        return bool(owner.search(before_) or pets.search(" ".join(after_.split()[:3])))

    return run


@check
def modified_parent() -> Check:
    """A modifier before the parent noun ("homeschooling mom of 4", "single dad of two"):
    the form the term rule leaves short (``PARENT_MODS`` or any -ing word). "Stepmom",
    "foster mom" are left to the term rule."""
    mods = words("PARENT_MODS")
    kin = re.compile(r"(?:step|grand|foster|bonus|adoptive)", re.I)

    def run(v, m):
        if kin.match(m.group(0)):
            return False
        prev = m.string[max(0, m.start() - 25) : m.start()].lower().split()
        return bool(prev) and (prev[-1] in mods or prev[-1].endswith("ing"))

    return run


@check
def not_generic() -> Check:
    """ "he/she", "his/her": the generic pair of formal writing, not a pronoun declaration."""
    binary = words("BINARY_PRONOUNS")
    he = {"he", "him", "his", "himself"}

    def run(v, m):
        forms = [f.strip().lower() for f in m.group(0).split("/")]
        if all(f in binary for f in forms):
            return len({"he" if f in he else "she" for f in forms}) == 1
        return True

    return run


@check
def said_of_writer() -> Check:
    """ "Mom to 3" in a bio, not "drove my mother to Anchorage" / "Mother of God"."""
    owner = re.compile(r"(?:\b(?:my|his|her|our|your|their|the|this|that|a|an)\s+)$", re.I)
    pet = re.compile(
        r"(?:\b(?:dog|doggy|doggo|cat|kitty|fur|plant|puppy|pup|horse|chicken|goat|bunny|pet)\s*)$",
        re.I,
    )
    not_child, counts = words("NOT_CHILD"), words("COUNT_WORDS")

    def run(v, m):
        last = m.group(0).split()[-1].lower()
        before_ = m.string[max(0, m.start() - 12) : m.start()]
        if last in not_child or pet.search(before_):
            return False
        if m.group(0)[-1:].isdigit() or last in counts:
            return True
        return not owner.search(before_)

    return run


_ITEM_SPLIT = re.compile(r"[|•·/\n.,;!]")
_WEAK_SEP = re.compile(r"[.,;!](?=\s|$)")
_LINK_OR_DATE = re.compile(
    r"://|^(?:www\.|/)|^[\w-]+(?:\.[\w-]+)+/"  # a URL or a path: https://…, www.…, /p/42, site.com/…
    r"|^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$",  # a date: 12/25/2026, 3/14/19
    re.I,
)


def in_link_or_date(m: re.Match) -> bool:
    """The match lies in one unbroken token that is a URL, a path or a date, whose separators
    are not those of a bio list ("/p/42", "12/25/2026")."""
    text = m.string
    group = next(iter(m.re.groupindex), 0)  # the item itself, without the spaces around it
    start, end = m.span(group)
    a = max(text.rfind(c, 0, start) for c in " \t\n") + 1
    ends = [i for i in (text.find(c, end) for c in " \t\n") if i >= 0]
    token = text[a : min(ends) if ends else len(text)].strip("()[]<>\"',;!?")
    return bool(_LINK_OR_DATE.search(token))


@check
def bio_list() -> Check:
    """The item sits in a list of short items (a bio), not in a sentence ("Dad, stop.") and
    not in a URL, a path or a date."""

    def run(v, m):
        return not in_link_or_date(m) and is_bio_line(_line(m))

    return run


def is_bio_line(line: str) -> bool:
    """``line`` is a list of short items (a bio): split by "|", "•", "·" or "/" with at least
    two short items, or by one of ". ", ", ", "; " throughout with at least three."""
    if any(ch in line for ch in "|•·/"):
        items = [it.split() for it in _ITEM_SPLIT.split(line) if it.strip()]
        need = 2
    else:
        # ". " or ", " lists use one separator throughout: "husband. father. coach."
        seps = set(_WEAK_SEP.findall(line))
        if len(seps) != 1:
            return False
        items = [it.split() for it in line.split(seps.pop()) if it.strip()]
        need = 3
    short = sum(1 for it in items if len(it) <= 4)
    return short >= need and short >= len(items) - 1


def bio_item(view, s: int, e: int) -> bool:
    """Tokens ``s:e`` are a whole item of a bio list: between two separators (or a separator
    and the line's end) there is nothing else but emoji and spaces ("she/her | Aussie | 40s")."""
    text = view.doc.text
    a = view.idx[s]
    b = view.idx[e - 1] + len(view.text[e - 1])
    top = text.rfind("\n", 0, a) + 1
    bottom = text.find("\n", b)
    line = text[top : bottom if bottom >= 0 else len(text)]
    a, b = a - top, b - top
    left = max((m.end() for m in _ITEM_SPLIT.finditer(line, 0, a)), default=0)
    after = _ITEM_SPLIT.search(line, b)
    right = after.start() if after else len(line)
    if left == 0 and right == len(line):
        return False  # the whole line: a sentence, not an item
    rest = line[left:a] + line[b:right]
    return not any(ch.isalnum() for ch in rest) and is_bio_line(line)


@check
def after_person() -> Check:
    """The parenthesised number follows a person: a person noun ("a tween (11)"), or a name
    after a person noun ("daughter Nora (8)")."""
    name = re.compile(r"[A-Z][a-z'’-]+$")

    def run(v, m):
        found = re.findall(r"[\w'’-]+", m.string[: m.start()].rstrip()[-60:])
        if not found:
            return False
        last = found[-1]
        if is_person_word(last) or ("-" in last and is_person_word(last.rsplit("-", 1)[1])):
            return True  # "my step-daughter (15)", "co-worker (60)"
        return bool(name.match(last)) and len(found) >= 2 and is_person_word(found[-2])

    return run


@functools.cache
def _person_words() -> frozenset[str]:
    """Person nouns (the parse's vocabulary) and parent nouns, lower-cased."""
    from vetting.screening.rulebook import list_file

    return person_nouns() | frozenset(p.lower() for p in list_file("vocab/parent_nouns.txt"))


def is_person_word(word: str) -> bool:
    """A person or parent noun, singular or in a regular plural ("volunteers", "ladies")."""
    persons = _person_words()
    return any(form in persons for form in singular_forms(word.lower()))


@check
def age_band(low: str, high: str) -> Check:
    """Groups ``low`` and ``high`` are the ends of an age band as races and surveys write them:
    five or ten years starting on a multiple of five ("70-74", "60-69"), or the first adult
    band ("18-24", "18-29"); not any range of numbers ("40-50", "21-18")."""

    def run(v, m):
        lo, hi = int(m.group(low)), int(m.group(high))
        if lo == 18 and hi in (24, 29):
            return True
        return lo % 5 == 0 and hi - lo in (4, 9)

    return run


@check
def short_year_span(most: int) -> Check:
    """Groups ``b`` and ``d`` are years (the second may be two digits: "2015-17") at most
    ``most`` years apart: a cohort of children, not a generation."""

    def run(v, m):
        born, last = m.group("b"), m.group("d")
        if len(last) == 2:
            last = born[:2] + last
        return 0 < int(last) - int(born) <= most

    return run


@check
def lifespan() -> Check:
    """ "Ernest Tallberg, 1931–2024", "(1931–2024)" after a name: birth and death years (groups
    ``b`` and ``d``), not a season ("2019–2020") or a term of office (under sixteen years)."""
    after_name = re.compile(r"[A-Z][a-z'’-]+[\s\"”]*(?:,|\()\s*$")

    def run(v, m):
        born, died = int(m.group("b")), int(m.group("d"))
        if not 16 <= died - born <= 115:
            return False
        return bool(after_name.search(m.string[max(0, m.start() - 40) : m.start()]))

    return run
