"""A generated corpus: the engine's own test sentences posted the way people style or disguise
them — small capitals, full-width letters, bold script, Cyrillic/Greek look-alike letters inside
each protected term, and letter-spaced words — with the gold spans carried to the new offsets.

``python -m tests.styled_text [--write]`` prints leak recall per rendering next to the plain text's
(and records it in docs/performance.md).

The character tables come from Unicode data (character names via :mod:`unicodedata`, and the
TS #39 confusables file the engine reads), never from a hand-written list.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Callable
from functools import cache
from pathlib import Path

DEV = Path(__file__).parent / "data" / "screening" / "dev.jsonl"
RENDERINGS = ("small_capitals", "full_width", "bold_script", "lookalikes", "letter_spaced")


def _lookup(name: str) -> str | None:
    try:
        return unicodedata.lookup(name)
    except KeyError:
        return None


def _small_capital(ch: str) -> str:
    """Fancy-text generators write every letter as a small capital where Unicode has one."""
    if not (ch.isascii() and ch.isalpha()):
        return ch
    return _lookup(f"LATIN LETTER SMALL CAPITAL {ch.upper()}") or ch


def _full_width(ch: str) -> str:
    return chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch


def _bold_script(ch: str) -> str:
    if not (ch.isascii() and ch.isalpha()):
        return ch
    case = "CAPITAL" if ch.isupper() else "SMALL"
    return _lookup(f"MATHEMATICAL BOLD SCRIPT {case} {ch.upper()}") or ch


@cache
def lookalikes() -> dict[str, list[str]]:
    """Latin letter → Cyrillic and Greek letters that TS #39 says look the same."""
    from vetting.screening.normalize import _prototypes

    table: dict[str, list[str]] = {}
    for source, prototype in _prototypes().items():
        latin = len(prototype) == 1 and prototype.isascii() and prototype.isalpha()
        if latin and unicodedata.name(source, "").startswith(("CYRILLIC ", "GREEK ")):
            table.setdefault(prototype, []).append(source)
    for letter in table:
        table[letter].sort()
    return table


def _render(text: str, piece: Callable[[int, str], str]) -> tuple[str, list[int]]:
    """Apply ``piece`` per character; returns the text and, per original index, its new start
    (plus the end as a final entry)."""
    out, pos = [], [0]
    n = 0
    for i, ch in enumerate(text):
        p = piece(i, ch)
        out.append(p)
        n += len(p)
        pos.append(n)
    return "".join(out), pos


def render(record: dict, how: str, rng: random.Random) -> dict:
    """``record`` (a gold corpus line) rendered ``how``; gold spans moved with the text."""
    text = record["text"]
    if how == "small_capitals":
        new, pos = _render(text, lambda i, ch: _small_capital(ch))
    elif how == "full_width":
        new, pos = _render(text, lambda i, ch: _full_width(ch))
    elif how == "bold_script":
        new, pos = _render(text, lambda i, ch: _bold_script(ch))
    elif how == "lookalikes":
        table = lookalikes()
        swap: dict[int, str] = {}
        for g in record["spans"]:
            places = [i for i in range(g["start"], g["end"]) if text[i] in table]
            for i in rng.sample(places, min(len(places), rng.randint(1, 3))):
                swap[i] = rng.choice(table[text[i]])
        new, pos = _render(text, lambda i, ch: swap.get(i, ch))
    elif how == "letter_spaced":

        def spaced(i: int, ch: str) -> str:
            if ch == " ":
                return "   "
            if ch.isspace():
                return ch
            nxt = text[i + 1] if i + 1 < len(text) else " "
            return ch if nxt.isspace() else ch + " "

        new, pos = _render(text, spaced)
    else:
        raise ValueError(how)
    spans = []
    for g in record["spans"]:
        start = pos[g["start"]]
        end = pos[g["end"]]
        while end > start and new[end - 1] == " ":  # the space after a spaced letter
            end -= 1
        spans.append({**g, "start": start, "end": end})
    return {**record, "id": f"{record['id']}-{how}", "text": new, "spans": spans}


def plain_records() -> list[dict]:
    """The development corpus's sentences that hold at least one gold span."""
    with DEV.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    return [r for r in records if r["spans"]]


def corpus(how: str, seed: int = 14) -> list[dict]:
    rng = random.Random(seed)
    return [render(r, how, rng) for r in plain_records()]


def figures(engine=None) -> dict[str, float]:
    """Leak recall of the plain sentences and of each rendering."""
    from vetting.screening.evaluate import evaluate

    out = {"plain": evaluate(plain_records(), engine=engine).overall_leak_recall}
    for how in RENDERINGS:
        out[how] = evaluate(corpus(how), engine=engine).overall_leak_recall
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse
    from datetime import UTC, datetime

    from bench import perfdoc

    parser = argparse.ArgumentParser(description="Leak recall on styled renderings of dev.jsonl.")
    parser.add_argument("--write", action="store_true", help="record the figures in docs/performance.md")
    args = parser.parse_args(argv)
    result = figures()
    rows = "\n".join(
        f"| {name.replace('_', ' ')} | {value:.3f} | {value - result['plain']:+.3f} |" for name, value in result.items()
    )
    body = (
        "Measured by `python -m tests.styled_text` (the test `tests/test_screening_styled_input.py` asserts\n"
        "each rendering within 0.02 of plain): the development corpus's sentences with gold spans\n"
        f"({len(plain_records())}), rendered in small capitals, full-width, bold script, with 1–3 Cyrillic/Greek\n"
        "look-alikes (TS #39) in every protected term, and letter-spaced (words set apart by three spaces).\n"
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.\n\n"
        "| Rendering | Leak recall | Difference from plain |\n|---|---|---|\n" + rows + "\n"
    )
    perfdoc.publish("Screening styled input", body, write=args.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
