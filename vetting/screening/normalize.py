"""Text normalisation with an exact offset map back to the original text.

Matching runs on a normalised copy of the text so that obfuscation and typographic noise do not
hide protected-class words ("Cath\\u200bolic", "vet\\u00aderan", "devout  Catholic",
"Ｃａｔｈｏｌｉｃ"). Every span found in the normalised copy is mapped back to the original with
:meth:`NormalizedText.to_original`, so offsets reported to the caller always index the text the
caller gave.

Normalisation steps
-------------------
1. Each grapheme-ish segment (a base character plus the combining marks that follow it) is
   normalised with Unicode NFKC on its own, so every output character can be traced to exactly
   one original segment.
2. Format characters (Unicode category ``Cf``: zero-width space/joiners, soft hyphen, bidi
   controls, BOM, word joiner …) are removed.
3. Lone surrogates (category ``Cs``) become U+FFFD so that downstream UTF-8 encoding never fails.
4. Typographic apostrophes, quotes and dashes become their ASCII forms.
5. Runs of whitespace collapse to one character (a newline if the run held one, else a space).
6. In a run of more than 64 non-space characters every 64th character becomes a space (1:1, so
   offsets stay exact). Such runs are never words a reader sees (base64, URLs, punctuation
   spam), and spaCy's tokenizer is quadratic on them ("((((…" × 20,000 took 40 s).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["NormalizedText", "normalize"]

_LONG_RUN = re.compile(r"\S{65,}")
_RUN = 64


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


@dataclass(frozen=True)
class NormalizedText:
    """A normalised text and, per normalised character, the original range it came from.

    Attributes
    ----------
    text:
        The normalised text.
    starts, ends:
        ``starts[i]``/``ends[i]`` are the original offsets of the segment that produced
        normalised character ``i`` (``ends`` is exclusive).
    original_length:
        Length of the original text.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

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


def _segments(text: str):
    """Yield ``(start, end)`` of base character + following combining marks."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        yield i, j
        i = j


def normalize(text: str) -> NormalizedText:
    """Normalise ``text`` for matching (see module docstring); pure and thread-safe."""
    if (
        text.isascii()
        and "  " not in text
        and "\t" not in text
        and "\r" not in text
        and "`" not in text
        and "\n\n" not in text
        and "\n " not in text
        and " \n" not in text
    ):
        # Fast path: plain ASCII with no whitespace runs is already normal (NFKC is identity
        # on ASCII; ASCII has no format characters).
        n = len(text)
        return NormalizedText(_break_long_runs(text), tuple(range(n)), tuple(range(1, n + 1)), n)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pending_ws: tuple[int, int, bool] | None = None  # (start, end, saw_newline)

    def flush_ws() -> None:
        nonlocal pending_ws
        if pending_ws is not None:
            s, e, nl = pending_ws
            out.append("\n" if nl else " ")
            starts.append(s)
            ends.append(e)
            pending_ws = None

    for s, e in _segments(text):
        seg = text[s:e]
        base_cat = unicodedata.category(seg[0])
        if base_cat == "Cs":
            norm = "\ufffd"
        elif base_cat == "Cf":
            # Format characters vanish; marks riding on them are kept (normalised alone).
            norm = "".join(c for c in seg[1:] if unicodedata.category(c) not in ("Cf", "Cs"))
            norm = unicodedata.normalize("NFKC", norm) if norm else ""
        else:
            seg = "".join(
                "\ufffd" if unicodedata.category(c) == "Cs" else c
                for c in seg
                if unicodedata.category(c) != "Cf"
            )
            norm = unicodedata.normalize("NFKC", seg)
        for ch in norm:
            ch = _TRANSLATE.get(ch, ch)
            if ch.isspace():
                if pending_ws is None:
                    pending_ws = (s, e, ch in "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
                else:
                    ps, _pe, nl = pending_ws
                    pending_ws = (ps, e, nl or ch in "\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
                continue
            flush_ws()
            out.append(ch)
            starts.append(s)
            ends.append(e)
    flush_ws()
    return NormalizedText(_break_long_runs("".join(out)), tuple(starts), tuple(ends), len(text))
