"""The tier-aware corpus scorer (tests/data/screening/score.py) counts what its docstring says."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location("score", Path(__file__).parent / "data/screening/score.py")
score_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score_mod)  # type: ignore[union-attr]

RECORDS = [
    {"id": "a", "text": "I am a Lutheran pastor", "spans": [{"start": 7, "end": 15, "category": "RELIGION"}]},
    {"id": "b", "text": "She is single now", "spans": [{"start": 7, "end": 13, "category": "MARITAL_STATUS"}]},
    {"id": "c", "text": "black ice on the road", "spans": []},
]


def test_a_span_counts_when_80_percent_of_it_is_covered_and_tiers_are_scored_apart():
    predicted = {
        "a": [{"start": 7, "end": 14, "category": "RELIGION", "tier": "redact"}],  # 7 of 8 chars
        "b": [{"start": 7, "end": 13, "category": "MARITAL_STATUS", "tier": "confirm"}],
        "c": [{"start": 0, "end": 5, "category": "RACE_ETHNICITY", "tier": "confirm"}],
    }
    r = score_mod.score(RECORDS, predicted)
    assert r["both"]["leak_recall"] == 1.0 and r["redact"]["leak_recall"] == 0.5
    assert r["both"]["per_category"] == {"MARITAL_STATUS": 1.0, "RELIGION": 1.0}
    assert r["both"]["clean_texts_flagged"] == 1 and r["redact"]["clean_texts_flagged"] == 0
    non_gold = (22 - 8) + (17 - 6) + 21
    assert r["both"]["over_redaction"] == round(5 / non_gold, 4)
    assert r["confirm_per_100_texts"] == round(100 * 2 / 3, 1)


def test_less_than_80_percent_is_a_miss():
    predicted = {"a": [{"start": 7, "end": 13, "category": "RELIGION"}]}  # 6 of 8 chars, no tier = redact
    r = score_mod.score(RECORDS[:1], predicted)
    assert r["redact"]["leak_recall"] == 0.0


def test_every_held_out_corpus_has_its_first_contact_row_in_the_quality_table():
    import re

    root = Path(__file__).resolve().parents[1]
    table = (root / "docs" / "screening-quality.md").read_text(encoding="utf-8")
    import ast

    build = (root / "tests" / "data" / "screening" / "build.py").read_text(encoding="utf-8")
    splits = ast.literal_eval(re.search(r"^SPLITS = (\(.*?\))$", build, re.M).group(1))
    held_out = [s for s in splits if s not in ("dev", "holdout", "holdout2")]
    assert len(held_out) >= 4
    for name in held_out:
        assert (root / "tests" / "data" / "screening" / f"{name}.jsonl").exists()
        row = next((line for line in table.splitlines() if line.startswith(f"| `{name}` |")), None)
        assert row is not None, f"no first-contact row for {name}"
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert re.fullmatch(r"\*\*0\.\d{3}\*\*", cells[5]), cells[5]  # first-contact leak recall, both tiers
