"""Score a screening engine on a gold corpus through its command line, tier by tier.

    python tests/data/screening/score.py GOLD.jsonl [--tree DIR] [--json]

Runs ``python -m vetting.cli screen`` of the source tree ``DIR`` (default: this checkout) on the
corpus texts, so any engine version — the one as it was before a change, for a first-contact
figure, or the current one — is scored by the same rule without importing it here. Reported:

- leak recall (categories enabled by default), both tiers and the ``redact`` tier alone, overall and per category: a gold span
  counts as caught when ≥ 80 % of its characters are covered by predicted spans of any category;
- over-redaction of each: the share of non-gold characters that predicted spans cover;
- clean texts flagged: texts with no gold span that got any span;
- confirm prompts per 100 texts.

An engine whose output has no ``tier`` counts every span as ``redact``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

COVER = 0.8
OPTIONAL = {"POLITICAL_AFFILIATION"}  # off by default: its gold spans count neither way
ROOT = Path(__file__).resolve().parents[3]


def run_engine(records: list[dict], tree: Path) -> dict[str, list[dict]]:
    lines = "".join(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False) + "\n" for r in records)
    env = dict(os.environ, PYTHONPATH=str(tree))
    out = subprocess.run([sys.executable, "-m", "vetting.cli", "screen"], input=lines, capture_output=True,
                         text=True, cwd=tree, env=env, timeout=3600)
    if out.returncode != 0:
        raise SystemExit(f"the engine in {tree} failed: {out.stderr.strip()[-500:]}")
    return {d["id"]: d["spans"] for d in map(json.loads, out.stdout.splitlines())}


def _covered(spans: list[dict], n: int) -> list[bool]:
    mask = [False] * n
    for s in spans:
        for i in range(max(0, s["start"]), min(n, s["end"])):
            mask[i] = True
    return mask


def score(records: list[dict], predicted: dict[str, list[dict]]) -> dict:
    tiers = {"both": lambda s: True, "redact": lambda s: s.get("tier", "redact") == "redact"}
    out: dict = {"texts": len(records), "gold_spans": sum(len(r["spans"]) for r in records)}
    clean = [r for r in records if not r["spans"]]
    out["clean_texts"] = len(clean)
    prompts = sum(1 for r in records for s in predicted.get(r["id"], []) if s.get("tier") == "confirm")
    out["confirm_per_100_texts"] = round(100 * prompts / max(1, len(records)), 1)
    for name, keep in tiers.items():
        hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        over = non_gold = 0
        flagged = 0
        for r in records:
            spans = [s for s in predicted.get(r["id"], []) if keep(s)]
            n = len(r["text"])
            mask = _covered(spans, n)
            gold = _covered(r["spans"], n)
            for g in r["spans"]:
                if g["category"] in OPTIONAL:
                    continue
                length = g["end"] - g["start"]
                got = sum(mask[g["start"]:g["end"]])
                hits[g["category"]][1] += 1
                hits[g["category"]][0] += got >= COVER * length
            over += sum(1 for i in range(n) if mask[i] and not gold[i])
            non_gold += sum(1 for i in range(n) if not gold[i])
            flagged += (not r["spans"]) and bool(spans)
        caught = sum(h for h, _ in hits.values())
        total = sum(t for _, t in hits.values())
        out[name] = {
            "leak_recall": round(caught / total, 3) if total else 1.0,
            "per_category": {c: round(h / t, 3) for c, (h, t) in sorted(hits.items())},
            "over_redaction": round(over / non_gold, 4) if non_gold else 0.0,
            "clean_texts_flagged": flagged,
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--tree", type=Path, default=ROOT, help="source tree whose engine is scored")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    records = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    result = score(records, run_engine(records, args.tree.resolve()))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{Path(args.gold).name}: {result['texts']} texts, {result['gold_spans']} gold spans, "
          f"{result['clean_texts']} without protected information")
    for name in ("both", "redact"):
        m = result[name]
        print(f"  {name:6} leak recall {m['leak_recall']:.3f}  over-redaction {m['over_redaction']:.2%}  "
              f"clean texts flagged {m['clean_texts_flagged']}/{result['clean_texts']}")
        print("         " + ", ".join(f"{c} {v:.2f}" for c, v in m["per_category"].items()))
    print(f"  confirm prompts per 100 texts: {result['confirm_per_100_texts']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
