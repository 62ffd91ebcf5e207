"""Build the generated screening vocabulary from public sources (run by hand, never at run time).

``python -m vetting.screening.vocab.build [--wordnet DIR]``

Sources (versions and licences in ``SOURCES.md``):

* WordNet 3.0 (Princeton), read from the Debian package ``wordnet-base`` (``/usr/share/wordnet``):
  hyponym closures of chosen synsets give candidate nouns (people, relatives, age groups,
  clergy, places of worship, military ranks …). Only single words and short phrases are kept,
  and every list is filtered by the rules next to its synset below — WordNet is a source of
  candidates, not a list to dump.
* Seed lists written here (``SEEDS`` below): newer vocabulary WordNet 3.0 (2006) lacks.

Outputs (committed; the application reads only these files):

``vocab/person_nouns.txt``
    nouns that denote a person; the parse rule in :mod:`vetting.screening.structure` uses them.
``terms/gen_age.txt``
    age groups and life stages (``AGE``).
``terms/gen_sex_gender.txt``
    pronoun sets are patterns (``patterns.py``); this holds gender-identity words.

The script is deterministic: the same WordNet files give byte-identical output.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TERMS = HERE.parent / "terms"
DEFAULT_WORDNET = Path("/usr/share/wordnet")


class WordNet:
    """Minimal reader of the WordNet 3.0 database files (``data.noun``, ``index.noun``)."""

    def __init__(self, root: Path) -> None:
        self.words: dict[int, list[str]] = {}
        self.hypo: dict[int, list[int]] = {}
        with open(root / "data.noun", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue  # licence header
                parts = line.split(" | ")[0].split()
                offset = int(parts[0])
                n_words = int(parts[3], 16)
                words = [parts[4 + 2 * k] for k in range(n_words)]
                self.words[offset] = [re.sub(r"\(.*\)$", "", w) for w in words]
                k = 4 + 2 * n_words
                n_ptr = int(parts[k])
                hyps = []
                for p in range(n_ptr):
                    sym, off, pos = parts[k + 1 + 4 * p : k + 4 + 4 * p]
                    if sym in ("~", "~i") and pos == "n":
                        hyps.append(int(off))
                self.hypo[offset] = hyps
        self.index: dict[str, list[int]] = {}
        with open(root / "index.noun", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                parts = line.split()
                lemma, n_senses = parts[0], int(parts[2])
                self.index[lemma] = [int(o) for o in parts[-n_senses:]]

    def synset(self, lemma: str, sense: int = 1) -> int:
        return self.index[lemma][sense - 1]

    def closure(self, offset: int, depth: int = 99) -> list[str]:
        out: list[str] = []
        seen = set()
        todo = [(offset, 0)]
        while todo:
            off, d = todo.pop()
            if off in seen:
                continue
            seen.add(off)
            out.extend(w.replace("_", " ") for w in self.words[off])
            if d < depth:
                todo.extend((h, d + 1) for h in self.hypo.get(off, []))
        return out


# (lemma, sense, depth): WordNet synsets whose hyponyms are person nouns we want as heads.
PERSON_SYNSETS = [
    ("person", 1, 3),
    ("relative", 1, 4),
    ("female", 2, 3),
    ("male", 2, 3),
    ("adult", 1, 3),
    ("juvenile", 1, 3),
    ("worker", 1, 2),
    ("professional", 1, 2),
    ("serviceman", 1, 3),
    ("lawman", 1, 3),
    ("friend", 1, 2),
    ("lover", 1, 2),
    ("spouse", 1, 2),
    ("parent", 1, 2),
    ("child", 2, 2),
    ("religious person", 1, 2),
]
# colloquial person nouns of social media that WordNet lacks or ranks low
PERSON_SEEDS = """
guy guys dude dudes gal gals girl girls boy boys lady ladies gent man men woman women folks folk
mom moms mum mums mama mamas momma dad dads daddy papa pops parent parents kid kids son sons
daughter daughters wife wives husband husbands hubby wifey spouse partner partners fiance fiancee
fiancé fiancée bf gf bestie bff friend friends buddy buddies bro bros sis homie neighbor
neighbour coworker co-worker colleague boss officer officers cop cops deputy trooper sergeant
detective recruit cadet candidate applicant nurse medic teacher student students veteran
veterans vet vets soldier soldiers sailor sailors airman marine marines guardsman person people
individual human humans adult adults teen teens teenager teenagers kiddo toddler baby babies
grandma grandpa grandmother grandfather granny nana grandparent grandkids grandkid grandson
granddaughter aunt uncle cousin nephew niece brother sister sibling siblings stepdad stepmom
stepson stepdaughter stepkid stepkids family member members community couple couples
""".split()


def person_nouns(wn: WordNet) -> list[str]:
    words = set(PERSON_SEEDS)
    for lemma, sense, depth in PERSON_SYNSETS:
        for w in wn.closure(wn.synset(lemma.replace(" ", "_"), sense), depth):
            # single lower-case words only: capitalised entries are names of individuals or
            # nationalities (those are screened terms, not heads)
            if w.isalpha() and w.islower() and 3 <= len(w) <= 20:
                words.add(w)
    return sorted(words)


# AGE: life stages and age groups. WordNet closures give the nouns; words that are also
# common non-age uses are removed (see AGE_DROP).
AGE_SYNSETS = [
    ("oldster", 1, 1),  # senior citizen, golden ager, octogenarian …
    ("adolescent", 1, 1),  # teenager, preteen …
    ("septuagenarian", 1, 0),
    ("sexagenarian", 1, 0),
    ("nonagenarian", 1, 0),
    ("centenarian", 1, 0),
    ("octogenarian", 1, 0),
]
AGE_DROP = {
    "juvenile",  # "juvenile detention": a case word, not an age of the writer
    "kid",
    "child",
    "minor",
    "youngster",
    "oldster",
    "old person",
    "senior",  # "senior analyst" (a guideline trap)
    "golden ager",
    "old-timer",
    "old timer",
    "juvenile person",
    "young person",
    "younker",
    "spring chicken",
    "youth",
    "stripling",
    "immature",
    "teen",  # the existing term list owns "teen" with its rules
    # disparaging or dated words in the closures whose everyday sense is not an age
    "crone",
    "hag",
    "beldam",
    "beldame",
    "fogey",
    "fogy",
    "fossil",
    "has-been",
    "back-number",
    "graybeard",
    "greybeard",
    "dodderer",
    "codger",
    "old codger",
    "patriarch",
    "gaffer",
    "granny",
    "old boy",
    "old man",
    "old woman",
    "ancient",
    "antediluvian",
    "chebab",
    "curmudgeon",
    "dodo",
    "dotard",
    "mod",
    "pachuco",
    "punk",
    "punk rocker",
    "rocker",
    "young buck",
    "young man",
}
def age_terms(wn: WordNet) -> list[str]:
    words = set()
    for lemma, sense, depth in AGE_SYNSETS:
        for w in wn.closure(wn.synset(lemma, sense), depth):
            if w.islower() and len(w.split()) <= 2 and w not in AGE_DROP:
                words.add(w)
    seeds = [
        "preteen", "pre-teen", "tween", "tweenager", "teenage", "teenaged", "adolescent",
        "twentysomething", "thirtysomething", "fortysomething", "fiftysomething",
        "sixtysomething", "twenty-something", "thirty-something", "forty-something",
        "fifty-something", "sixty-something", "middle-aged", "midlife crisis",
        "quarter-life crisis", "elderly", "geriatric", "senior citizen", "pensioner",
        "golden years", "sweet sixteen", "quinceañera", "quinceanera", "Gen Alpha",
        "Gen Z", "Gen Y", "Gen X", "Xennial", "zillennial", "boomer", "baby boomer",
        "zoomer", "millennial", "Silent Generation", "Greatest Generation",
    ]  # fmt: skip
    words.update(seeds)
    return sorted(words, key=str.lower)


HEADER = """# GENERATED by vetting/screening/vocab/build.py from {sources} — do not edit by hand;
# edit the build script (or the hand-written term files) and re-run it. See vocab/SOURCES.md.
"""


def write(path: Path, lines: list[str], header: str) -> None:
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.relative_to(HERE.parent)}: {len(lines)} entries")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET)
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.noun").exists():
        print(f"WordNet not found in {args.wordnet} (apt-get install wordnet-base)", file=sys.stderr)
        return 2
    wn = WordNet(args.wordnet)
    src = "WordNet 3.0 (wordnet-base) + seed lists in build.py"
    write(HERE / "person_nouns.txt", person_nouns(wn), HEADER.format(sources=src))
    ages = age_terms(wn)
    write(
        TERMS / "gen_age.txt",
        ["@category AGE"] + ages,
        HEADER.format(sources=src),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
