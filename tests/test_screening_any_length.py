"""Texts of any length: the engine works in overlapping, sentence-aligned windows, so nothing cut
at a window boundary goes unseen and spaCy's length limit (E088) never applies; ``vetting screen``
answers every line, of any length up to its documented maximum, and reports the others by line
number without a traceback."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from tests.styled_text import plain_records
from vetting.config import DEFAULT_SPACY_MODEL
from vetting.screening import cli, get_engine, windows

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def engine():
    return get_engine(spacy_model=DEFAULT_SPACY_MODEL, local_terms_file="")


def test_windows_find_exactly_what_one_pass_finds_on_many_sentences(engine, monkeypatch):
    text = " ".join(r["text"] for r in plain_records()[:150])
    whole = engine.analyze(text)
    monkeypatch.setattr(windows, "WINDOW", 2_000)
    monkeypatch.setattr(windows, "OVERLAP", 600)
    assert len(windows.plan([text])) > 10
    assert engine.analyze(text) == whole


def test_a_term_cut_by_a_window_boundary_is_found(engine, monkeypatch):
    monkeypatch.setattr(windows, "WINDOW", 400)
    monkeypatch.setattr(windows, "OVERLAP", 120)
    # no sentence ends: windows are cut at spaces, right through "Army veteran" somewhere
    unit = "the proud Army veteran and the devout Catholic mom went on "
    text = unit * 60
    pieces = windows.plan([text])
    assert len(pieces) > 10
    cut = [p for p in pieces if "Army veteran" not in p.norm.text and ("Army" in p.norm.text[-6:]
                                                                       or "veteran" in p.norm.text[:9])]
    spans = engine.analyze(text)
    for term in ("Army veteran", "Catholic"):
        starts = [i for i in range(len(text)) if text.startswith(term, i)]
        for i in starts:
            assert any(s.start <= i and i + len(term) <= s.end for s in spans), (term, i)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))  # sorted, disjoint
    del cut


def test_a_text_beyond_spacys_length_limit_is_screened(engine):
    nlp = engine._nlp_engine.nlp["en"]
    unit = "Weekend at the lake with friends, then back to the station for the night shift. "
    text = unit * (nlp.max_length // len(unit) + 200) + "As a devout Catholic I pray daily."
    assert len(text) > nlp.max_length
    spans = engine.analyze(text)
    assert [text[s.start : s.end] for s in spans][-1:] == ["Catholic"]


def _run(lines: list[str], monkeypatch=None, **limits) -> tuple[int, list[dict], str]:
    for name, value in limits.items():
        monkeypatch.setattr(cli, name, value)
    out, err = io.StringIO(), io.StringIO()
    status = cli.run(Namespace(redact=False, category_tokens=False, political=False, batch_size=64),
                     io.StringIO("\n".join(lines) + "\n"), out, err)
    return status, [json.loads(x) for x in out.getvalue().splitlines()], err.getvalue()


def test_a_line_beyond_the_documented_maximum_gets_an_error_naming_it_and_the_next_is_answered(monkeypatch):
    lines = [json.dumps({"id": "long", "text": "Catholic " * 200}), json.dumps({"id": "next", "text": "I am Catholic."})]
    status, answered, err = _run(lines, monkeypatch, MAX_TEXT_CHARS=1_000)
    assert status == 1
    assert [a["id"] for a in answered] == ["next"] and answered[0]["spans"]
    assert err.count("\n") == 1 and err.startswith("error: line 1:") and "at most 1,000" in err
    assert "Catholic" not in err


def test_the_documented_maximum_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"{cli.MAX_TEXT_CHARS:,} characters" in readme


@pytest.mark.slow
def test_vetting_screen_answers_a_3_000_000_character_line_and_the_line_after_it(tmp_path):
    unit = "Weekend at the lake with friends, then back to the station for the night shift. "
    long = (unit * (3_000_000 // len(unit) + 1))[: 3_000_000 - 40] + " As a devout Catholic I pray daily."
    stdin = json.dumps({"id": "long", "text": long}) + "\n" + json.dumps({"id": "next", "text": "Army veteran."}) + "\n"
    env = {**os.environ, "VETTING_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "vetting.cli", "screen"], input=stdin, capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=1800)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr
    first, second = (json.loads(x) for x in proc.stdout.splitlines())
    assert first["id"] == "long" and "Catholic" in [long[s["start"] : s["end"]] for s in first["spans"]]
    assert all(s["start"] >= len(long) - 40 for s in first["spans"])  # nothing in the neutral filler
    assert second["id"] == "next" and second["spans"]


def test_undecodable_bytes_and_a_closed_reader_never_end_in_a_traceback(tmp_path):
    env = {**os.environ, "VETTING_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    raw = b'{"id": "a", "text": "Catholic \xff\xfe"}\n\xff\xfe not json\n{"id": "b", "text": "Army vet"}\n'
    proc = subprocess.run([sys.executable, "-m", "vetting.cli", "screen"], input=raw, capture_output=True,
                          env=env, cwd=ROOT, timeout=300)
    assert b"Traceback" not in proc.stderr
    assert proc.returncode == 1 and b"line 2:" in proc.stderr
    assert [json.loads(x)["id"] for x in proc.stdout.splitlines()] == ["a", "b"]
