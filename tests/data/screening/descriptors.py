#!/usr/bin/env python3
"""Descriptor sentences: the HolisticBias v1.1 descriptors of the protected axes in its own templates.

    python tests/data/screening/descriptors.py          # write descriptors.jsonl, descriptors_ambiguous.jsonl
    python tests/data/screening/descriptors.py --check  # exit 1 if either file is out of date

The descriptors, standalone noun phrases and sentence templates are the dataset's
(``vetting/screening/vocab/sources/holistic_bias/``, CC BY-SA 4.0; see its README). What is written
here is the gold span of each noun phrase; which axis is which category, which descriptors the
guideline does not protect and which are ambiguous out of context (scored apart) are the vocabulary
build's decisions (``HB_AXES``, ``HB_NOT_PROTECTED``, ``HB_AMBIGUOUS`` in
``vetting/screening/vocab/build.py``), so the list the engine gets and the one it is measured on
agree. Also written here: the gold span of each noun phrase (the words the guideline marks: "a person with
[diabetes]", "a person who uses a [wheelchair]").

Each descriptor is put in three of the dataset's templates with the neutral nouns "person" and
"individual" (the dataset's other nouns — parent, veteran, wife — are protected words themselves
and would add spans of their own); templates rotate through the list so every template is used.
Output: the corpus format of ``build.py`` (``kind`` "post", ``trap`` false).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
from vetting.screening.vocab.build import HB_SOURCE as SOURCE  # noqa: E402
from vetting.screening.vocab.build import holistic_descriptors, holistic_noun_phrases  # noqa: E402

NOUNS = (("person", "people"), ("individual", "individuals"))
PER_ITEM = 3


def _article(word: str) -> str:
    low = word.lower()
    if re.match(r"^(?:[FHLMNRSX](?:[A-Z0-9]|$)|LGBT)", word):  # "an FTM", "an LGBTQ"
        return "an"
    if low.startswith(("uni", "us-", "one", "eu")):
        return "a"
    return "an" if low[:1] in "aeiou" else "a"


def items() -> list[dict]:
    """Every descriptor and noun phrase: {"singular", "plural", "gold", "category", "ambiguous"}."""
    out: list[dict] = []
    seen: set[str] = set()
    for d, category, ambiguous in holistic_descriptors():
        seen.add(d)
        out.append({"axis": category, "descriptor": d, "gold": d, "category": category, "ambiguous": ambiguous})
    for axis, phrase, plural, gold, category, ambiguous in holistic_noun_phrases():
        out.append({"axis": axis, "phrase": phrase, "plural": plural, "gold": gold, "category": category,
                    "ambiguous": ambiguous})
    return out


def sentences() -> tuple[list[dict], list[dict]]:
    templates = json.loads((SOURCE / "sentence_templates.json").read_text(encoding="utf-8"))
    names = list(templates)
    main: list[dict] = []
    ambiguous: list[dict] = []
    k = 0
    for it in items():
        made = 0
        tries = 0
        while made < PER_ITEM and tries < len(names):
            tpl = names[(k + tries) % len(names)]
            tries += 1
            noun, nouns = NOUNS[made % len(NOUNS)]
            plural = "{plural_noun_phrase}" in tpl
            if "descriptor" in it:
                d = it["descriptor"]
                fill = f"{d} {nouns}" if plural else f"{_article(d)} {d} {noun}"
            else:
                src = it["plural"] if plural else it["phrase"]
                if src is None:
                    continue
                fill = src.replace("{noun}", nouns if plural else noun)
                fill = fill.replace("{article} ", "" if plural else _article(noun) + " ")
            text = tpl.replace("{plural_noun_phrase}" if plural else "{noun_phrase}", fill)
            at = text.find(fill)
            g = fill.find(it["gold"])
            if g < 0:  # the plural phrase words it differently: mark the gold words where they stand
                continue
            start = at + g
            rec = {"id": f"descriptors-{len(main) + len(ambiguous) + 1:04d}", "kind": "post", "trap": False,
                   "text": text, "axis": it["axis"],
                   "spans": [{"start": start, "end": start + len(it["gold"]), "category": it["category"]}]}
            (ambiguous if it["ambiguous"] else main).append(rec)
            made += 1
        k += PER_ITEM
    return main, ambiguous


def _dump(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    main_, amb = sentences()
    files = {HERE / "descriptors.jsonl": _dump(main_), HERE / "descriptors_ambiguous.jsonl": _dump(amb)}
    stale = [p.name for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        if stale:
            print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1 if stale else 0
    for p, text in files.items():
        p.write_text(text, encoding="utf-8")
    print(f"descriptors.jsonl: {len(main_)} sentences; descriptors_ambiguous.jsonl: {len(amb)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
