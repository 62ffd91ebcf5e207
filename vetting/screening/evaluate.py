"""Measure the engine against a gold corpus (``tests/data/screening/*.jsonl``).

``python -m vetting.screening.evaluate GOLD.jsonl [--json]``

Metrics, per category and overall (GUIDELINE.md; DESIGN.md "Measured quality"):

Both tiers count (``redact`` and ``confirm``: a confirm span is put to the investigator); the
``redact`` tier alone is reported beside them.

leak recall
    share of gold spans with ≥ 80 % of their characters covered by the union of *any*
    predicted spans (the redaction would hide it whatever its category);
category recall
    the same, counting only predicted spans of the gold span's category;
precision
    share of predicted spans (of that category) that overlap some gold span;
over-redaction (overall)
    share of non-gold characters that a predicted span covers;
clean texts flagged
    texts without any gold span that got at least one predicted span;
confirm prompts
    confirm-tier spans per 100 texts.

Only categories enabled by default count toward the thresholds (:data:`THRESHOLDS`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field

__all__ = ["Evaluation", "evaluate", "load_gold", "THRESHOLDS", "main"]

COVER = 0.8
THRESHOLDS = {
    "overall_leak_recall": 0.97,  # both tiers
    "category_leak_recall": 0.93,  # both tiers
    "over_redaction": 0.03,  # both tiers
    "redact_over_redaction": 0.015,  # redact tier alone
    "clean_texts_flagged": 0.10,  # share of texts without protected information given any span
}


@dataclass
class Evaluation:
    per_category: dict[str, dict[str, float | int]] = field(default_factory=dict)
    overall_leak_recall: float = 1.0
    over_redaction: float = 0.0
    gold_spans: int = 0
    predicted_spans: int = 0
    misses: list[tuple[str, int, int, str]] = field(default_factory=list)  # id, start, end, cat
    clean_texts: int = 0  # texts without any gold span (traps included)
    clean_texts_flagged: int = 0  # ... that got at least one predicted span
    confirm_per_100: float = 0.0  # confirm-tier spans per 100 texts
    redact_only: Evaluation | None = None  # the same figures for the redact tier alone
    false_positives: list[tuple[str, int, int, str]] = field(default_factory=list)

    def failures(self, enabled=None) -> list[str]:
        """Threshold failures. Only categories enabled by default count, also when the optional
        category was evaluated too (``enabled`` is accepted for compatibility and ignored)."""
        from vetting.screening import DEFAULT_ENABLED

        counted = [m for c, m in self.per_category.items() if c in DEFAULT_ENABLED and m["gold"]]
        gold = sum(m["gold"] for m in counted)
        hits = sum(m["leak_hits"] for m in counted)
        overall = hits / gold if gold else 1.0
        out = []
        if overall < THRESHOLDS["overall_leak_recall"]:
            out.append(f"overall leak recall {overall:.3f} < 0.97")
        for cat, m in self.per_category.items():
            if (
                cat in DEFAULT_ENABLED
                and m["gold"]
                and m["leak_recall"] < THRESHOLDS["category_leak_recall"]
            ):
                out.append(f"{cat} leak recall {m['leak_recall']:.3f} < 0.93")
        if self.over_redaction > THRESHOLDS["over_redaction"]:
            out.append(f"over-redaction (both tiers) {self.over_redaction:.4f} > 0.03")
        red = self.redact_only
        if red is not None and red.over_redaction > THRESHOLDS["redact_over_redaction"]:
            out.append(f"over-redaction (redact tier) {red.over_redaction:.4f} > 0.015")
        share = self.clean_texts_flagged / self.clean_texts if self.clean_texts else 0.0
        if share > THRESHOLDS["clean_texts_flagged"]:
            out.append(f"texts without protected information flagged {share:.3f} > 0.10")
        return out

    def as_dict(self) -> dict:
        return {
            "per_category": self.per_category,
            "overall_leak_recall": self.overall_leak_recall,
            "over_redaction": self.over_redaction,
            "gold_spans": self.gold_spans,
            "predicted_spans": self.predicted_spans,
            "clean_texts": self.clean_texts,
            "clean_texts_flagged": self.clean_texts_flagged,
            "confirm_per_100": self.confirm_per_100,
            "redact_only": self.redact_only.as_dict() if self.redact_only else None,
        }


def load_gold(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _covered(mask: list[bool], s: int, e: int) -> float:
    return sum(mask[s:e]) / max(1, e - s)


def _score(records: list[dict], predictions, enabled: frozenset[str]) -> Evaluation:
    from vetting.screening import CATEGORIES

    stats = {c: defaultdict(int) for c in CATEGORIES}
    ev = Evaluation()
    non_gold_chars = redacted_non_gold = 0
    leak_hits = leak_total = 0
    for rec, preds in zip(records, predictions, strict=False):
        n = len(rec["text"])
        gold = [g for g in rec["spans"] if g["category"] in enabled]
        any_mask = [False] * n
        cat_mask: dict[str, list[bool]] = {}
        for p in preds:
            for i in range(p.start, p.end):
                any_mask[i] = True
            m = cat_mask.setdefault(p.category, [False] * n)
            for i in range(p.start, p.end):
                m[i] = True
        gold_mask = [False] * n
        for g in rec["spans"]:
            for i in range(g["start"], g["end"]):
                gold_mask[i] = True
        if not rec["spans"]:
            ev.clean_texts += 1
            if preds:
                ev.clean_texts_flagged += 1
        for g in gold:
            st = stats[g["category"]]
            st["gold"] += 1
            leak_total += 1
            if _covered(any_mask, g["start"], g["end"]) >= COVER:
                st["leak_hit"] += 1
                leak_hits += 1
            else:
                ev.misses.append((rec["id"], g["start"], g["end"], g["category"]))
            if _covered(cat_mask.get(g["category"], [False] * n), g["start"], g["end"]) >= COVER:
                st["cat_hit"] += 1
        for p in preds:
            st = stats[p.category]
            st["pred"] += 1
            if any(gold_mask[p.start : p.end]):
                st["pred_ok"] += 1
            else:
                ev.false_positives.append((rec["id"], p.start, p.end, p.category))
        for i in range(n):
            if not gold_mask[i] and not rec["text"][i].isspace():
                non_gold_chars += 1
                if any_mask[i]:
                    redacted_non_gold += 1
    for cat in CATEGORIES:
        st = stats[cat]
        ev.per_category[cat] = {
            "gold": st["gold"],
            "leak_hits": st["leak_hit"],
            "predicted": st["pred"],
            "leak_recall": st["leak_hit"] / st["gold"] if st["gold"] else 1.0,
            "category_recall": st["cat_hit"] / st["gold"] if st["gold"] else 1.0,
            "precision": st["pred_ok"] / st["pred"] if st["pred"] else 1.0,
            "enabled": cat in enabled,
        }
    ev.gold_spans = leak_total
    ev.predicted_spans = sum(len(p) for p in predictions)
    ev.overall_leak_recall = leak_hits / leak_total if leak_total else 1.0
    ev.over_redaction = redacted_non_gold / non_gold_chars if non_gold_chars else 0.0
    return ev


def evaluate(records: list[dict], engine=None, enabled=None) -> Evaluation:
    """Score ``engine`` (default: :func:`vetting.screening.get_engine`) on gold records.

    The main figures count both tiers (a ``confirm`` span is shown to the investigator, who
    decides); :attr:`Evaluation.redact_only` holds the same figures for the ``redact`` tier.
    """
    from vetting.screening import DEFAULT_ENABLED, get_engine

    enabled = frozenset(enabled or DEFAULT_ENABLED)
    engine = engine or get_engine(enabled=enabled)
    predictions = engine.analyze_many([r["text"] for r in records])
    ev = _score(records, predictions, enabled)
    redact = [[p for p in preds if p.tier == "redact"] for preds in predictions]
    ev.redact_only = _score(records, redact, enabled)
    confirms = sum(1 for preds in predictions for p in preds if p.tier == "confirm")
    ev.confirm_per_100 = 100.0 * confirms / len(records) if records else 0.0
    return ev


def _table(ev: Evaluation) -> list[str]:
    red = ev.redact_only or ev
    lines = [
        f"{'category':24} {'gold':>5} {'pred':>5} {'leak_rec':>9} {'redact':>7} "
        f"{'cat_rec':>8} {'prec':>6}"
    ]
    for cat, m in ev.per_category.items():
        flag = "" if m["enabled"] else "  (not enabled)"
        lines.append(
            f"{cat:24} {m['gold']:5d} {m['predicted']:5d} {m['leak_recall']:9.3f} "
            f"{red.per_category[cat]['leak_recall']:7.3f} "
            f"{m['category_recall']:8.3f} {m['precision']:6.3f}{flag}"
        )
    lines.append(
        f"leak recall both tiers {ev.overall_leak_recall:.3f}, redact tier "
        f"{red.overall_leak_recall:.3f} over {ev.gold_spans} gold spans"
    )
    lines.append(
        f"over-redaction both tiers {ev.over_redaction:.4f}, redact tier {red.over_redaction:.4f}; "
        f"texts without protected information with any span {ev.clean_texts_flagged}/"
        f"{ev.clean_texts} (redact tier {red.clean_texts_flagged}); "
        f"confirm prompts per 100 texts {ev.confirm_per_100:.1f}"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m vetting.screening.evaluate", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("gold", help="gold corpus, JSON Lines")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    parser.add_argument(
        "--political", action="store_true", help="also evaluate POLITICAL_AFFILIATION"
    )
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="print missed and false-positive spans (shows corpus text: dev only)",
    )
    args = parser.parse_args(argv)
    from vetting.screening import DEFAULT_ENABLED

    enabled = set(DEFAULT_ENABLED) | ({"POLITICAL_AFFILIATION"} if args.political else set())
    records = load_gold(args.gold)
    ev = evaluate(records, enabled=enabled)
    if args.json:
        print(json.dumps(ev.as_dict(), indent=2))
    else:
        print("\n".join(_table(ev)))
    if args.show_errors:
        texts = {r["id"]: r["text"] for r in records}
        red_fps = set(ev.redact_only.false_positives) if ev.redact_only else set()
        for rid, s, e, cat in ev.misses:
            print(f"MISS {rid} {cat}: {texts[rid][s:e]!r}", file=sys.stderr)
        for rid, s, e, cat in ev.false_positives:
            tier = "confirm" if (rid, s, e, cat) not in red_fps else "redact"
            print(f"FP   {rid} {cat} {tier}: {texts[rid][s:e]!r}", file=sys.stderr)
    failures = ev.failures(enabled)
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
