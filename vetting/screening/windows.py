"""Texts of any length: overlapping, sentence-aligned windows, and the ``confirm``-tier look at
digit-for-letter substitutions.

The engine analyses a text as a list of *pieces* (:func:`plan`), each a stretch of the
normalised text short enough for spaCy (well under its ``max_length``, error E088) and for the
recognizers' per-text work, and puts the pieces' spans back together (:func:`assemble`).

Windows
-------
A text longer than :data:`WINDOW` normalised characters is cut into windows of at most that
size that end at a sentence end (else at a space; normalisation guarantees one every 65
characters). Consecutive windows overlap by at least :data:`OVERLAP` characters, and each
window *owns* the spans that start between the middle of its overlap with the previous window
and the middle of its overlap with the next (both middles are sentence starts where the text
has them). A term cut by a window's end starts after that middle, so the next window, which
holds it whole, reports it; a term cut by a window's start is reported by the previous one.
Every owned sentence is therefore analysed whole, with at least ``OVERLAP / 2`` characters of
context on each side. A text within one window is analysed exactly as before.

The second reading
------------------
When a text has words such as "C4th0lic" or an I/l look-alike at a word start ("Іesbian")
(:func:`~vetting.screening.normalize.has_alternate_reading`), the windows holding them are
analysed a second time with the digits read as letters and the look-alike as "l"; spans from
that look that cover a changed character and overlap nothing found in the plain look are added
with tier ``confirm`` (possible: the investigator decides).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from vetting.screening.normalize import NormalizedText, has_alternate_reading, normalize
from vetting.screening.redaction import Span

__all__ = ["OVERLAP", "WINDOW", "Piece", "assemble", "plan"]

#: Longest stretch of normalised text analysed at once (characters).
WINDOW = 10_000
#: Least overlap between consecutive windows (characters); half of it is context on each side.
OVERLAP = 600
_SENTENCE_END = re.compile(r"[.!?;:]+[\"')\]]*\s+|\n")


@dataclass(frozen=True)
class Piece:
    """One stretch to analyse: ``norm`` maps to the original text; spans starting in
    ``[own_start, own_end)`` (original offsets) belong to it."""

    index: int  # which input text
    norm: NormalizedText
    own_start: int
    own_end: int
    substitutions: bool = False


def _boundaries(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def _cut(text: str, bounds: list[int], lo: int, hi: int, target: int) -> int:
    """A cut position in ``(lo, hi]`` close to ``target`` (at most it): a sentence start if there
    is one in ``(lo, target]``, else the position after the last space, else ``target``."""
    k = bisect.bisect_right(bounds, min(target, hi)) - 1
    if k >= 0 and lo < bounds[k] <= hi:
        return bounds[k]
    space = text.rfind(" ", lo + 1, target)
    return space + 1 if space > lo else target


def _spans(norm: NormalizedText) -> list[tuple[int, int]]:
    """``(start, end)`` windows over the normalised text (see module docstring)."""
    text = norm.text
    n = len(text)
    if n <= WINDOW:
        return [(0, n)]
    bounds = _boundaries(text)
    out: list[tuple[int, int]] = []
    start = 0
    while True:
        if n - start <= WINDOW:
            out.append((start, n))
            return out
        end = _cut(text, bounds, start + WINDOW // 2, start + WINDOW, start + WINDOW)
        out.append((start, end))
        # the next window starts at a sentence start 1–2 overlaps before this one's end
        start = _cut(text, bounds, end - 2 * OVERLAP, end - OVERLAP, end - OVERLAP)


def _pieces(index: int, norm: NormalizedText, substitutions: bool = False) -> list[Piece]:
    windows = _spans(norm)
    text = norm.text
    bounds = _boundaries(text) if len(windows) > 1 else []
    owners = [0]
    for (_s0, e0), (s1, _e1) in zip(windows, windows[1:], strict=False):
        middle = _cut(text, bounds, s1, e0, (s1 + e0) // 2)
        owners.append(norm.starts[middle] if middle < len(text) else norm.original_length)
    owners.append(norm.original_length + 1)
    return [
        Piece(index, norm.window(s, e), owners[k], owners[k + 1], substitutions)
        for k, (s, e) in enumerate(windows)
    ]


def plan(texts: list[str]) -> list[Piece]:
    """The pieces to analyse for ``texts`` (pure; the caller runs the engine on ``piece.norm``)."""
    pieces: list[Piece] = []
    for index, text in enumerate(texts):
        norm = normalize(text)
        if not norm.text.strip():
            continue
        pieces.extend(_pieces(index, norm))
        if has_alternate_reading(text):
            alt = normalize(text, alternate=True)
            for piece in _pieces(index, alt, substitutions=True):
                lo, hi = piece.norm.to_original(0, len(piece.norm.text))
                if any(s < hi and lo < e for s, e in alt.substituted):
                    pieces.append(piece)
    return pieces


def assemble(count: int, pieces: list[Piece], results: list[list[Span]]) -> list[list[Span]]:
    """Per input text, the owned spans of its pieces: sorted, non-overlapping.

    ``results[k]`` are the spans the engine found in ``pieces[k]``.
    """
    plain: list[list[Span]] = [[] for _ in range(count)]
    extra: list[list[Span]] = [[] for _ in range(count)]
    for piece, spans in zip(pieces, results, strict=True):
        owned = [s for s in spans if piece.own_start <= s.start < piece.own_end]
        if not piece.substitutions:
            plain[piece.index].extend(owned)
            continue
        changed = piece.norm.substituted
        extra[piece.index].extend(
            dataclasses.replace(s, tier="confirm")
            for s in owned
            if any(a < s.end and s.start < b for a, b in changed)
        )
    out = []
    for found, maybe in zip(plain, extra, strict=True):
        found.sort(key=lambda s: (s.start, s.end))
        merged: list[Span] = []
        for span in found:
            if merged and span.start < merged[-1].end:
                if span.end <= merged[-1].end:
                    continue  # the same span seen from two windows
                span = dataclasses.replace(span, start=merged[-1].end)
            merged.append(span)
        for span in maybe:
            if not any(s.start < span.end and span.start < s.end for s in merged):
                merged.append(span)
        merged.sort(key=lambda s: (s.start, s.end))
        out.append(merged)
    return out
