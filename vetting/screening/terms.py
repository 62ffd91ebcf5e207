"""Term lists: the data files under ``terms/`` and the administrator's local term file.

Term file format (``terms/<category>.txt``)
-------------------------------------------
UTF-8 text, one entry per line; blank lines and lines starting with ``#`` are ignored::

    # a comment
    Catholic                       # plain term: case-insensitive, plurals generated
    Jehovah's Witness              # multi-word; hyphen/space/apostrophe variants generated
    MS        | case ctx=health    # flags after a vertical bar
    ! Black Friday                 # exception: a match inside this phrase is not reported

The first line holding ``@category CODE`` names the category of the file.

Flags (separated by spaces after ``|``):

``case``
    match only with exactly this letter case (default: any case).
``cap``
    the first letter must be upper-case in the text (ALL CAPS counts).
``exact``
    do not generate plural/variant forms.
``ctx=G[,G…]``
    report only when a cue word of context group ``G`` (``terms/context.txt``) occurs in the same
    sentence within :data:`CONTEXT_WINDOW` words of the match.
``rule=R``
    report only when the named rule ``R`` (implemented in :mod:`vetting.screening.rules`) accepts
    the match, e.g. ``identity`` for colour words, ``name`` for words that are also first names.
``doc=G[,G…]``
    document-wide context: a cue of group ``G`` anywhere in the same text is enough to report
    the match (even if ``ctx``/``rule`` would not); without ``ctx``/``rule`` the cue is required.
    The reserved group ``category`` (:data:`SAME_CATEGORY`) is a confident span of the entry's own
    category elsewhere in the text: jargon that says nothing alone says it in a text that is
    already about someone's service ("EOD", "PCS orders", "two rotations").
``ext``
    extend the match over up to two directly following nouns ("prenatal [bloodwork]").
``score=F``
    confidence score, 0 < F ≤ 1 (default 0.85).
``noun``
    only where the tagger reads the (last) word as a noun: "giving it up for [Lent]", not "I
    lent him my truck".
``noconfirm``
    when ``ctx``/``rule``/``doc`` rejects a match, drop it. Without this flag a rejected match
    is still reported, in the ``confirm`` tier (the investigator decides).

Context groups (``terms/context.txt``): ``group: cue, cue, multi word cue`` per line; cues are
compared with lower-cased words and with their lemmas.

Local term file (setting ``local_terms_file``)
----------------------------------------------
One entry per line, ``CATEGORY<TAB>term`` or ``CATEGORY | term``, optionally followed by
``| flags`` as above; ``#`` comments and blank lines are ignored. :func:`validate_local_terms`
checks it and raises :class:`~vetting.errors.ConfigError` naming the file, line and problem.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from vetting.errors import ConfigError

__all__ = [
    "CATEGORIES",
    "CONTEXT_WINDOW",
    "KNOWN_FLAGS",
    "KNOWN_RULES",
    "TermEntry",
    "Lexicon",
    "load_builtin_lexicon",
    "parse_flags",
    "parse_local_terms",
    "validate_local_terms",
    "variants",
]

CATEGORIES: tuple[str, ...] = (
    "RACE_ETHNICITY",
    "NATIONAL_ORIGIN",
    "RELIGION",
    "SEX_GENDER",
    "SEXUAL_ORIENTATION",
    "AGE",
    "DISABILITY",
    "GENETIC_INFO",
    "PREGNANCY",
    "MARITAL_STATUS",
    "PARENTHOOD",
    "MILITARY_STATUS",
    "POLITICAL_AFFILIATION",
)

CONTEXT_WINDOW = 10
KNOWN_FLAGS = frozenset({"case", "cap", "exact", "ext", "noconfirm", "noun"})
# Rules implemented in vetting.screening.rules; kept here so files can be validated without spaCy.
KNOWN_RULES = frozenset(
    {
        "identity",
        "name",
        "origin",
        "demonym",
        "own",
        "single",
        "branch",
        "gender",
        "predicate",
        "engaged",
        "parent",
        "relationship",
        "mine",
        "veteran",
        "closet",
        "deity",
        "vet",
        "orient",
        "spousal",
        "spouse_slang",
        "labour",
        "generation",
    }
)
DEFAULT_SCORE = 0.85


@dataclass(frozen=True)
class TermEntry:
    """One term line, with the flags that govern when a match is reported."""

    category: str
    term: str
    case: bool = False
    cap: bool = False
    exact: bool = False
    ctx: tuple[str, ...] = ()
    doc: tuple[str, ...] = ()
    ext: bool = False
    rule: str | None = None
    noconfirm: bool = False
    noun: bool = False
    score: float = DEFAULT_SCORE
    source: str = ""  # "file:line", for explanations (never the matched text)


@dataclass
class Lexicon:
    """All entries, exception phrases and context groups, plus a content digest."""

    entries: list[TermEntry] = field(default_factory=list)
    #: ``(phrase, category)``: a match of that category inside the phrase is not reported
    exceptions: list[tuple[str, str]] = field(default_factory=list)
    context: dict[str, frozenset[str]] = field(default_factory=dict)
    digest: str = ""


#: The reserved ``doc=`` group: another confident span of the entry's category in the same text
#: (decided by the engine once every recognizer has run).
SAME_CATEGORY = "category"


def parse_flags(text: str, *, where: str, context_groups: set[str] | None = None) -> dict:
    """Parse the flag part of a term line; raise ConfigError naming ``where`` on a bad flag."""
    out: dict = {}
    for flag in text.split():
        if flag in KNOWN_FLAGS:
            out[flag] = True
        elif flag.startswith(("ctx=", "doc=")):
            key = flag[:3]
            groups = tuple(g for g in flag[4:].split(",") if g)
            if not groups:
                raise ConfigError(f"{where}: flag '{key}=' names no context group.")
            if context_groups is not None:
                unknown = [g for g in groups if g not in context_groups and g != SAME_CATEGORY]
                if unknown:
                    raise ConfigError(
                        f"{where}: unknown context group {unknown[0]!r}; "
                        f"known: {', '.join(sorted(context_groups))}."
                    )
            out[key] = groups
        elif flag.startswith("rule="):
            rule = flag[5:]
            if rule not in KNOWN_RULES:
                raise ConfigError(
                    f"{where}: unknown rule {rule!r}; known: {', '.join(sorted(KNOWN_RULES))}."
                )
            out["rule"] = rule
        elif flag.startswith("score="):
            try:
                score = float(flag[6:])
            except ValueError:
                raise ConfigError(f"{where}: score {flag[6:]!r} is not a number.") from None
            if not 0.0 < score <= 1.0:
                raise ConfigError(f"{where}: score must be in (0, 1], not {score}.")
            out["score"] = score
        else:
            raise ConfigError(
                f"{where}: unknown flag {flag!r}; known: case, cap, exact, ext, noconfirm, noun, "
                "ctx=GROUP, "
                "doc=GROUP, rule=NAME, score=NUMBER."
            )
    return out


def _strip_comment(line: str) -> str:
    # "#" starts a comment at line start or after whitespace ("#boymom" terms are written
    # without the "#": hashtags are matched from their words).
    if "#" not in line:
        return line.rstrip()
    if line.lstrip().startswith("#"):
        return ""
    return re.split(r"\s#\s", line, maxsplit=1)[0].rstrip()


def _check_term(term: str, where: str) -> None:
    if not term:
        raise ConfigError(f"{where}: the term is empty.")
    if len(term) > 100:
        raise ConfigError(f"{where}: the term is longer than 100 characters.")
    if not any(ch.isalnum() for ch in term):
        raise ConfigError(f"{where}: the term {term!r} has no letter or digit.")
    if any(ch in term for ch in "|\t"):
        raise ConfigError(f"{where}: the term contains '|' or a tab.")


def _read_text(path: Path, label: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{label}: cannot be read ({exc.strerror or exc}).") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ConfigError(f"{label}:{line}: not UTF-8 text.") from exc


def _parse_context_file(text: str, label: str) -> dict[str, frozenset[str]]:
    groups: dict[str, frozenset[str]] = {}
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        name, sep, cues = line.partition(":")
        if not sep or not name.strip().isidentifier():
            raise ConfigError(f"{label}:{lineno}: expected 'group: cue, cue, …'.")
        words = frozenset(c.strip().lower() for c in cues.split(",") if c.strip())
        groups[name.strip()] = groups.get(name.strip(), frozenset()) | words
    return groups


def _parse_term_file(
    text: str, label: str, context_groups: set[str], lexicon: Lexicon, category: str | None
) -> None:
    for lineno, raw in enumerate(text.splitlines(), 1):
        where = f"{label}:{lineno}"
        line = _strip_comment(raw)
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("@category"):
            category = stripped.split(None, 1)[1].strip() if " " in stripped else ""
            if category not in CATEGORIES:
                raise ConfigError(f"{where}: unknown category {category!r}.")
            continue
        if category is None:
            raise ConfigError(f"{where}: '@category CODE' must come before the first term.")
        if stripped.startswith("!"):
            phrase = stripped[1:].strip()
            _check_term(phrase, where)
            lexicon.exceptions.append((phrase, category))
            continue
        term, _, flags = stripped.partition("|")
        term = term.strip()
        _check_term(term, where)
        parsed = parse_flags(flags, where=where, context_groups=context_groups)
        lexicon.entries.append(TermEntry(category=category, term=term, source=where, **parsed))


def load_builtin_lexicon(
    local_terms_file: str | None = None, local_terms: tuple[str, str] | None = None
) -> Lexicon:
    """Load the shipped term lists and the department's local terms, if any.

    ``local_terms`` is ``(label, text)``: the department's list as stored in the database (label
    e.g. ``"local terms v3"``); ``local_terms_file`` a file in the same format (workstation
    setting, kept for compatibility). Both may be given.

    Raises
    ------
    ConfigError
        A term file (shipped or local) is malformed; the message names file, line and problem.
    """
    base = resources.files("vetting.screening") / "terms"
    digest = hashlib.sha256()
    lexicon = Lexicon()
    ctx_text = (base / "context.txt").read_text(encoding="utf-8")
    digest.update(ctx_text.encode())
    lexicon.context = _parse_context_file(ctx_text, "terms/context.txt")
    names = sorted(
        p.name for p in base.iterdir() if p.name.endswith(".txt") and p.name != "context.txt"
    )
    for name in names:
        text = (base / name).read_text(encoding="utf-8")
        digest.update(name.encode() + b"\0" + text.encode())
        _parse_term_file(text, f"terms/{name}", set(lexicon.context), lexicon, None)
    sources = []
    if local_terms_file:
        path = Path(local_terms_file)
        sources.append((str(path), _read_text(path, str(path))))
    if local_terms is not None:
        sources.append(local_terms)
    for label, text in sources:
        for category, term, flags in parse_local_terms(text, label, set(lexicon.context)):
            lexicon.entries.append(TermEntry(category=category, term=term, source="local", **flags))
        digest.update(b"local\0" + text.encode("utf-8"))
    lexicon.digest = digest.hexdigest()[:12]
    return lexicon


def parse_local_terms(text: str, label: str, context_groups: set[str] | None = None
                      ) -> list[tuple[str, str, dict]]:
    """Parse local terms (file or database text); errors name ``label``, the line and the problem."""
    if context_groups is None:
        base = resources.files("vetting.screening") / "terms"
        context_groups = set(_parse_context_file((base / "context.txt").read_text("utf-8"), "context.txt"))
    out: list[tuple[str, str, dict]] = []
    for lineno, raw in enumerate(text.splitlines(), 1):
        where = f"{label}:{lineno}"
        line = raw.rstrip("\r\n").lstrip()
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" in line:
            category, _, rest = line.partition("\t")
        elif "|" in line:
            category, _, rest = line.partition("|")
        else:
            raise ConfigError(
                f"{where}: expected 'CATEGORY<TAB>term' or 'CATEGORY | term'; found no separator."
            )
        category = category.strip()
        if category not in CATEGORIES:
            raise ConfigError(
                f"{where}: unknown category {category!r}; known: {', '.join(CATEGORIES)}."
            )
        term, _, flags = rest.partition("|")
        term = term.strip()
        _check_term(term, where)
        out.append((category, term, parse_flags(flags, where=where, context_groups=context_groups)))
    return out


def validate_local_terms(path: str | Path) -> list[tuple[str, str]]:
    """Validate an administrator's local term file and return its ``(category, term)`` pairs.

    Pure function; safe from any thread.

    Raises
    ------
    ConfigError
        The file is missing, unreadable, not UTF-8, or a line is malformed; the message names
        the file, the line number and the problem.
    """
    path = Path(path)
    return [(c, t) for c, t, _ in parse_local_terms(_read_text(path, str(path)), str(path))]


# ---------------------------------------------------------------------------------------------
# Surface variants

_IRREGULAR = {
    "woman": "women",
    "man": "men",
    "child": "children",
    "wife": "wives",
    "person": "people",
    "fiancé": "fiancés",
    "fiancée": "fiancées",
    "alumnus": "alumni",
    "kid": "kids",
}
_NO_PLURAL_ENDINGS = ("ish", "ese")


def _plural(word: str) -> str | None:
    low = word.lower()
    if not word.isalpha() or len(word) < 3 or low.endswith(_NO_PLURAL_ENDINGS):
        return None
    if low in _IRREGULAR:
        plural = _IRREGULAR[low]
    elif low.endswith("man") and low not in ("german", "shaman"):
        plural = word[:-3] + "men"
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + "es"
    elif low.endswith("y") and low[-2:-1] not in "aeiou":
        plural = word[:-1] + "ies"
    else:
        plural = word + "s"
    if word.isupper():
        return plural.upper()
    if word[0].isupper():
        return plural[0].upper() + plural[1:]
    return plural


#: American and British spellings of medical words (Oxford and Merriam-Webster spellings), as
#: (American pattern, British form, American form): "hemophilia"/"haemophilia",
#: "leukemia"/"leukaemia", "esophageal"/"oesophageal", "tumor"/"tumour", "apnea"/"apnoea",
#: "birth center"/"birth centre"
_SPELLINGS = [
    (r"(?<![a-z])hem(?=[aoi])", "haem", "hem"),
    (r"(?<=an|uk|yc|ip|ur|ic|ox|al|tr|lc|ch|ss|ir|er|ol)emi(?=as?\b|c\b)", "aemi", "emi"),
    (r"(?<![a-z])esophag", "oesophag", "esophag"),
    (r"(?<![a-z])edema", "oedema", "edema"),
    (r"(?<![a-z])fet(?=al|us)", "foet", "fet"),
    (r"(?<![a-z])ped(?=iatric)", "paed", "ped"),
    (r"orthoped", "orthopaed", "orthoped"),
    (r"(?<![a-z])estrogen", "oestrogen", "estrogen"),
    (r"tumor", "tumour", "tumor"),
    (r"(?<![a-z])labor(?![a-z])", "labour", "labor"),
    (r"(?<![a-z])celiac", "coeliac", "celiac"),
    (r"diarrhea", "diarrhoea", "diarrhea"),
    (r"(?<=p)nea(?![a-z])", "noea", "nea"),
    (r"(?<![a-z])center(?![a-z])", "centre", "center"),
    (r"(?<![a-z])behavior", "behaviour", "behavior"),
    (r"gynecolog", "gynaecolog", "gynecolog"),
    (r"ischemi", "ischaemi", "ischemi"),
    (r"(?<![a-z])anesthe", "anaesthe", "anesthe"),
]
#: both directions, compiled once (every term's forms pass through here at engine load)
_RESPELL = [(re.compile(us, re.I), uk) for us, uk, _ in _SPELLINGS] + [
    (re.compile(re.escape(uk), re.I), us) for _, uk, us in _SPELLINGS
]


#: any of them: most forms have none, and one search says so
_RESPELL_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in _RESPELL), re.I)


def _spelling_variants(form: str) -> set[str]:
    """The other national spelling of a medical word in ``form``, both ways."""
    out: set[str] = set()
    if not _RESPELL_ANY.search(form):
        return out
    for rx, word in _RESPELL:
        if rx.search(form):
            out.add(rx.sub(lambda m, w=word: w if m.group(0)[:1].islower() else w.capitalize(), form))
    out.discard(form)
    return out


#: ranks and titles written with or without a full stop ("Sgt. Maj.", "Lt. Col.", "Fr."); a term
#: made of them matches either way
TITLE_ABBREVIATIONS = (
    "Sgt", "SSgt", "MSgt", "TSgt", "GySgt", "Cpl", "LCpl", "Pvt", "Pfc", "PFC", "Spc", "SPC", "Maj",
    "Capt", "Cpt", "Lt", "Col", "Gen", "Adm", "Cmdr", "Cdr", "Brig", "Ret", "Retd", "Sgm", "Csm",
    "Cwo", "Cpo", "Rev", "Fr", "Sr", "Br", "Flt", "Sqn", "Wg", "Cmdt", "Pte", "Bdr", "Gnr", "Spr",
    "Tpr", "Cfn", "Rfn", "Mne", "Ens", "Hav", "Nk",
)
_TITLE_WORD = re.compile(r"\b(" + "|".join(TITLE_ABBREVIATIONS) + r")\b(?!\.)")


def fold_accents(word: str) -> str:
    """``word`` with the accents and other marks of its Latin letters removed ("mamá" -> "mama",
    "māmā" -> "mama", "Pépère" -> "Pepere"); letters of other scripts and those without a
    decomposition ("ø", "ł") are kept."""
    if word.isascii():
        return word
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", bare)  # Hangul and other composed scripts as they were


def variants(term: str, *, exact: bool = False) -> set[str]:
    """Surface forms of a term: itself, hyphen/space/joined forms, apostrophe forms, plurals,
    the other national spelling of a medical word."""
    forms = {term}
    if exact:
        return forms
    forms |= _spelling_variants(term)
    if " " in term and _TITLE_WORD.search(term):  # the cheap test first: every term passes here at load
        forms.add(_TITLE_WORD.sub(r"\1.", term))  # "Sgt Maj" -> "Sgt. Maj."
    if "-" in term:
        forms.add(term.replace("-", " "))
        forms.add(term.replace("-", ""))
    elif " " in term and len(term.split()) == 2:
        forms.add(term.replace(" ", "-"))
    if "'" in term:
        forms.update(f.replace("'", "") for f in list(forms))
        forms.update(f.replace("'s", "") for f in list(forms) if "'s" in f)
    if "ñ" in term.lower():
        forms.update(f.replace("ñ", "n").replace("Ñ", "N") for f in list(forms))
    if "é" in term.lower():
        forms.update(f.replace("é", "e").replace("É", "E") for f in list(forms))
    out = set(forms)
    for f in forms:
        head, sep, last = f.rpartition(" ")
        if "-" in last and not sep:
            head, sep, last = f.rpartition("-")
        plural = _plural(last)
        if plural:
            out.add(head + sep + plural)
        if last.lower() in _IRREGULAR and last.isalpha():
            out.add(head + sep + last + "s")  # "wifes" (a common misspelling of the possessive)
    return out
