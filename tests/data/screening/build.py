#!/usr/bin/env python3
"""Build the protected-class screening evaluation corpus.

Converts every ``<name>.src.txt`` in this directory (``dev``, ``holdout``, ``holdout2``, and the
held-out corpora of 2026-12 ``bios``, ``threads``, ``notes``, ``people``, ``community``,
``forums``, ``spoken``, ``updates``, ``replies``, ``workplace``, ``captions``, ``chats``, ``lives``, ``profiles``, ``reviews``, ``notices``, ``advice``) into
``<name>.jsonl``: one JSON object per line::

    {"id": str, "kind": "post"|"comment"|"bio"|"note"|"dm", "trap": bool,
     "text": str, "spans": [{"start": int, "end": int, "category": str}]}

``start``/``end`` are Python ``str`` offsets into ``text`` (markup removed).

Source format (see GUIDELINE.md, section "Source file format")::

    ;; comment lines (anywhere) are ignored
    # id: dev-0001 kind: post trap: no
    As a [[Black|RACE_ETHNICITY]] [[woman|SEX_GENDER]] ...
    second line of the same text
    ---
    # id: dev-0002 kind: comment trap: yes
    Took the dog to the vet, then Black Friday shopping.
    ---

Usage::

    python build.py            # validate, write the .jsonl files, print statistics
    python build.py --check    # validate; exit 1 if a .jsonl is missing/out of date
                               # or a size requirement is not met; writes nothing
    python build.py --quiet    # as the default, without statistics
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

MANDATORY = (
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
)
OPTIONAL = ("POLITICAL_AFFILIATION",)
CATEGORIES = MANDATORY + OPTIONAL
KINDS = ("post", "comment", "bio", "note", "dm")

# Size requirements per split: (min texts, min spans per mandatory category, min trap texts)
REQUIREMENTS = {
    "dev": (420, 35, 110),
    "holdout": (150, 12, 40),
    "holdout2": (200, 15, 60),
    "bios": (200, 25, 40),
    "threads": (200, 25, 40),
    "notes": (200, 25, 40),
    "people": (200, 25, 40),
    "community": (200, 25, 40),
    "forums": (200, 25, 40),
    "spoken": (200, 25, 40),
    "updates": (200, 25, 40),
    "replies": (220, 30, 55),
    "workplace": (220, 30, 55),
    "captions": (220, 30, 55),
    "chats": (220, 20, 50),
    "lives": (150, 25, 40),
    "profiles": (220, 20, 50),
    "reviews": (220, 20, 50),
    "notices": (220, 20, 50),
    "advice": (220, 20, 50),
    "hobbies": (220, 20, 50),
    "careers": (220, 20, 50),
    "campus": (220, 20, 50),
    "expats": (220, 20, 50),
    "casefile": (220, 20, 50),
    "civic": (220, 20, 50),
    "service": (220, 20, 50),
    "health": (220, 20, 50),
    "family": (220, 20, 50),
    "dating": (220, 20, 50),
    "faith": (220, 20, 50),
    "global": (220, 20, 50),
    "parents": (220, 20, 50),
    "identity": (220, 20, 50),
    "tribunal": (220, 20, 50),
    "teens": (220, 20, 50),
    "memorial": (220, 20, 50),
    "sports": (220, 20, 50),
    "carers": (220, 20, 50),
    "migration": (220, 20, 50),
    "veterans": (220, 20, 50),
    "gaming": (220, 20, 50),
    "schools": (220, 20, 50),
    "weddings": (220, 20, 50),
    "housing": (220, 20, 50),
    "localnews": (220, 20, 50),
    "pets": (220, 20, 50),
    "marketplace": (220, 20, 50),
    "music": (220, 20, 50),
    "travel": (220, 20, 50),
    "fundraisers": (220, 20, 50),
    "outdoors": (220, 20, 50),
    "motoring": (220, 20, 50),
    "fitness": (220, 20, 50),
    "genealogy": (220, 20, 50),
    "politics": (220, 20, 50),
    "books": (220, 20, 50),
    "trades": (220, 20, 50),
    "screen": (220, 20, 50),
    "money": (220, 20, 50),
    "tech": (220, 20, 50),
    "beauty": (220, 20, 50),
    "volunteer": (220, 20, 50),
    "food": (220, 20, 50),
    "transit": (220, 20, 50),
    "crafts": (220, 20, 50),
    "retail": (220, 20, 50),
    "nightlife": (220, 20, 50),
    "gardening": (220, 20, 50),
    "reunions": (220, 20, 50),
    "podcasts": (220, 20, 50),
    "languages": (220, 20, 50),
    "recovery": (220, 20, 50),
    "maternity": (220, 20, 50),
    "forces": (220, 20, 50),
    "queer": (220, 20, 50),
}
SPLITS = ("dev", "holdout", "holdout2", "bios", "threads", "notes", "people", "community", "forums", "spoken", "updates", "replies", "workplace", "captions", "chats", "lives", "profiles", "reviews", "notices", "advice", "hobbies", "careers", "campus", "expats", "casefile", "civic", "service", "health", "family", "dating", "faith", "global", "parents", "identity", "tribunal", "teens", "memorial", "sports", "carers", "migration", "veterans", "gaming", "schools", "weddings", "housing", "localnews", "pets", "marketplace", "music", "travel", "fundraisers", "outdoors", "motoring", "fitness", "genealogy", "politics", "books", "trades", "screen", "money", "tech", "beauty", "volunteer", "food", "transit", "crafts", "retail", "nightlife", "gardening", "reunions", "podcasts", "languages", "recovery", "maternity", "forces", "queer")

HEADER_RE = re.compile(
    r"^# id: (?P<id>[A-Za-z0-9][A-Za-z0-9_.-]*) kind: (?P<kind>\S+) trap: (?P<trap>yes|no)\s*$"
)
MARK_RE = re.compile(r"\[\[(?P<surface>[^\[\]|]*)\|(?P<cat>[A-Z_]+)\]\]")
SEPARATOR = "---"
COMMENT_PREFIX = ";;"


class CorpusError(Exception):
    pass


@dataclass
class Record:
    id: str
    kind: str
    trap: bool
    text: str
    spans: list[dict] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(
            {"id": self.id, "kind": self.kind, "trap": self.trap, "text": self.text, "spans": self.spans},
            ensure_ascii=False,
        )


def _parse_body(body: str, where: str) -> tuple[str, list[dict]]:
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK_RE.finditer(body):
        plain = body[pos : m.start()]
        out.append(plain)
        length += len(plain)
        surface, cat = m.group("surface"), m.group("cat")
        if cat not in CATEGORIES:
            raise CorpusError(f"{where}: unknown category {cat!r} in {m.group(0)!r}")
        if not surface or not surface.strip():
            raise CorpusError(f"{where}: empty span {m.group(0)!r}")
        if surface != surface.strip():
            raise CorpusError(f"{where}: span has leading/trailing whitespace {m.group(0)!r}")
        spans.append({"start": length, "end": length + len(surface), "category": cat, "_surface": surface})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    for bad in ("[[", "]]"):
        if bad in text:
            raise CorpusError(f"{where}: malformed markup (stray {bad!r}) in text: {text[:80]!r}")
    # Validation: surface equality, ordering, no overlap, no empty spans.
    prev_end = -1
    for s in spans:
        if text[s["start"] : s["end"]] != s["_surface"]:
            raise CorpusError(f"{where}: offset mismatch for {s['_surface']!r}")
        if s["end"] <= s["start"]:
            raise CorpusError(f"{where}: empty span {s}")
        if s["start"] < prev_end:
            raise CorpusError(f"{where}: overlapping spans at {s['start']}")
        prev_end = s["end"]
        del s["_surface"]
    return text, spans


def parse_source(path: Path) -> list[Record]:
    lines = path.read_text(encoding="utf-8").split("\n")
    chunks: list[tuple[int, list[str]]] = []
    cur: list[str] = []
    start_line = 1
    for i, line in enumerate(lines, 1):
        if line.startswith(COMMENT_PREFIX):
            continue
        if line.rstrip() == SEPARATOR:
            chunks.append((start_line, cur))
            cur, start_line = [], i + 1
            continue
        cur.append(line)
    chunks.append((start_line, cur))

    records: list[Record] = []
    seen: set[str] = set()
    for start, chunk in chunks:
        # drop leading / trailing blank lines
        while chunk and not chunk[0].strip():
            chunk = chunk[1:]
            start += 1
        while chunk and not chunk[-1].strip():
            chunk = chunk[:-1]
        if not chunk:
            continue
        where = f"{path.name}:{start}"
        m = HEADER_RE.match(chunk[0])
        if not m:
            raise CorpusError(f"{where}: expected header '# id: ... kind: ... trap: yes|no', got {chunk[0]!r}")
        rid, kind, trap = m.group("id"), m.group("kind"), m.group("trap") == "yes"
        if kind not in KINDS:
            raise CorpusError(f"{where}: unknown kind {kind!r}")
        if rid in seen:
            raise CorpusError(f"{where}: duplicate id {rid!r}")
        seen.add(rid)
        body = "\n".join(l.rstrip() for l in chunk[1:]).strip()
        if not body:
            raise CorpusError(f"{where}: record {rid} has no text")
        text, spans = _parse_body(body, f"{where} ({rid})")
        if trap and spans:
            raise CorpusError(f"{where}: record {rid} is marked trap: yes but has {len(spans)} gold span(s)")
        records.append(Record(rid, kind, trap, text, spans))
    return records


def render(records: list[Record]) -> str:
    return "".join(r.to_json() + "\n" for r in records)


def stats(name: str, records: list[Record]) -> tuple[str, list[str]]:
    cats = Counter(s["category"] for r in records for s in r.spans)
    kinds = Counter(r.kind for r in records)
    n_traps = sum(r.trap for r in records)
    n_empty = sum(1 for r in records if not r.spans)
    n_multi = sum(1 for r in records if len({s["category"] for s in r.spans}) >= 2)
    min_texts, min_spans, min_traps = REQUIREMENTS.get(name, (0, 0, 0))
    problems: list[str] = []
    rows = [f"== {name}: {len(records)} texts, {n_traps} trap texts, "
            f"{n_empty} texts without spans, {n_multi} texts with >=2 categories, "
            f"{sum(cats.values())} spans"]
    rows.append("   kinds: " + ", ".join(f"{k}={kinds[k]}" for k in KINDS))
    for c in CATEGORIES:
        flag = ""
        if c in MANDATORY and cats[c] < min_spans:
            flag = f"  <-- below {min_spans}"
            problems.append(f"{name}: {c} has {cats[c]} spans (< {min_spans})")
        rows.append(f"   {c:<22} {cats[c]:>4}{flag}")
    if len(records) < min_texts:
        problems.append(f"{name}: {len(records)} texts (< {min_texts})")
    if n_traps < min_traps:
        problems.append(f"{name}: {n_traps} trap texts (< {min_traps})")
    return "\n".join(rows), problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="verify .jsonl files are up to date; write nothing")
    ap.add_argument("--quiet", action="store_true", help="do not print statistics")
    args = ap.parse_args(argv)

    rc = 0
    all_problems: list[str] = []
    for name in SPLITS:
        src = HERE / f"{name}.src.txt"
        dst = HERE / f"{name}.jsonl"
        try:
            records = parse_source(src)
        except (CorpusError, OSError) as exc:
            print(f"ERROR: {exc}", file=sys.stderr)
            return 2
        content = render(records)
        report, problems = stats(name, records)
        all_problems += problems
        if not args.quiet:
            print(report)
        if args.check:
            if not dst.exists() or dst.read_text(encoding="utf-8") != content:
                print(f"OUT OF DATE: {dst.name} does not match {src.name}; run build.py", file=sys.stderr)
                rc = 1
        else:
            if not dst.exists() or dst.read_text(encoding="utf-8") != content:
                dst.write_text(content, encoding="utf-8", newline="\n")
                if not args.quiet:
                    print(f"   wrote {dst.name}")
    for p in all_problems:
        print(f"REQUIREMENT NOT MET: {p}", file=sys.stderr)
    if all_problems and args.check:
        rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main())
