"""Quality gate on the development corpus (tests/data/screening/dev.jsonl).

The held-out corpus is never read here: it is for reporting generalisation only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vetting.config import DEFAULT_SPACY_MODEL
from vetting.screening import DEFAULT_ENABLED, get_engine
from vetting.screening.evaluate import evaluate, load_gold

DEV = Path(__file__).resolve().parent / "data" / "screening" / "dev.jsonl"


@pytest.fixture(scope="module")
def evaluation():
    if not DEV.exists() or DEV.stat().st_size == 0:
        pytest.skip(f"{DEV} does not exist yet (the corpus is written separately)")
    engine = get_engine(spacy_model=DEFAULT_SPACY_MODEL, local_terms_file="")
    return evaluate(load_gold(str(DEV)), engine=engine)


def test_overall_leak_recall_at_least_097(evaluation):
    assert evaluation.overall_leak_recall >= 0.97


@pytest.mark.parametrize("category", sorted(DEFAULT_ENABLED))
def test_category_leak_recall_at_least_093(evaluation, category):
    metrics = evaluation.per_category[category]
    assert metrics["leak_recall"] >= 0.93, metrics


def test_over_redaction_of_the_redact_tier_at_most_one_and_a_half_percent(evaluation):
    assert evaluation.redact_only.over_redaction <= 0.015


def test_over_redaction_of_both_tiers_at_most_three_percent(evaluation):
    assert evaluation.over_redaction <= 0.03


def test_at_most_a_tenth_of_texts_without_protected_information_get_any_span(evaluation):
    assert evaluation.clean_texts >= 50
    assert evaluation.clean_texts_flagged / evaluation.clean_texts <= 0.10


def test_confirm_tier_adds_recall_without_losing_redact_recall(evaluation):
    assert evaluation.overall_leak_recall >= evaluation.redact_only.overall_leak_recall
    assert evaluation.redact_only.overall_leak_recall >= 0.97


def test_trap_texts_are_mostly_left_alone(evaluation):
    # not a threshold from the issue, but a regression guard: precision overall stays high
    predicted = sum(m["predicted"] for m in evaluation.per_category.values())
    wrong = len(evaluation.false_positives)
    assert predicted and wrong / predicted <= 0.10
