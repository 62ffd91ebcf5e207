"""`python -m vetting.screening` (the `vetting screen` contract in DESIGN.md)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_cli(tmp_path, stdin: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["VETTING_HOME"] = str(tmp_path)
    env.pop("VETTING_LOCAL_TERMS", None)
    env.pop("VETTING_SPACY_MODEL", None)
    return subprocess.run(
        [sys.executable, "-m", "vetting.screening", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )


LINES = [
    json.dumps({"id": "a", "text": "I'm a devout Catholic."}),
    "this is not json",
    json.dumps(["id", "text"]),
    json.dumps({"id": "b", "text": "Navy blue jacket."}),
    json.dumps({"id": "c"}),
    json.dumps({"id": 7, "text": "x"}),
    "",
    json.dumps({"id": "d", "text": "Proud Tlingit woman 🦅, 52 years old"}, ensure_ascii=False),
]


def test_screen_answers_valid_lines_and_reports_malformed_ones(tmp_path):
    proc = run_cli(tmp_path, "\n".join(LINES) + "\n")
    assert proc.returncode == 1
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "d"]
    a, b, d = out
    text_a = json.loads(LINES[0])["text"]
    assert [(text_a[s["start"] : s["end"]], s["category"]) for s in a["spans"]][-1] == (
        "Catholic",
        "RELIGION",
    )
    assert set(a["spans"][0]) == {"start", "end", "category", "score", "tier"}
    assert b == {"id": "b", "spans": []}
    text_d = json.loads(LINES[7])["text"]
    assert [text_d[s["start"] : s["end"]] for s in d["spans"]] == [
        "Tlingit",
        "woman",
        "52 years old",
    ]
    err = proc.stderr
    for n in (2, 3, 5, 6):
        assert f"line {n}:" in err
    assert "line 1:" not in err and "line 4:" not in err and "line 8:" not in err
    assert "not json" not in err  # never echoes input text


def test_screen_gives_every_span_a_tier_confident_redact_possible_confirm(tmp_path):
    texts = {
        "sure": "I'm a devout Catholic and a proud Army veteran.",
        "maybe": "Started Ozempic last month. We go to St. Paul's Lutheran Church.",
    }
    stdin = "\n".join(json.dumps({"id": k, "text": v}) for k, v in texts.items()) + "\n"
    proc = run_cli(tmp_path, stdin)
    assert proc.returncode == 0, proc.stderr
    out = {o["id"]: o["spans"] for o in map(json.loads, proc.stdout.splitlines())}
    for spans in out.values():
        assert spans and all(s["tier"] in ("redact", "confirm") for s in spans)
    assert {s["tier"] for s in out["sure"]} == {"redact"}
    maybe = {texts["maybe"][s["start"] : s["end"]]: s["tier"] for s in out["maybe"]}
    # a medication named without a prescription cue: possible, the investigator decides
    assert maybe["Ozempic"] == "confirm"
    # the religion word is confident; the rest of its noun phrase is offered to confirm
    assert maybe["Lutheran"] == "redact" and maybe["Church"] == "confirm"


def test_screen_redact_prints_redacted_text(tmp_path):
    line = json.dumps({"id": "x", "text": "My wife is Catholic and pregnant."})
    proc = run_cli(tmp_path, line + "\n", "--redact")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == {
        "id": "x",
        "text": "My [REDACTED] is [REDACTED] and [REDACTED].",
    }


def test_add_parser_registers_screen_subcommand():
    from vetting.screening import cli

    parser = argparse.ArgumentParser(prog="vetting")
    sub = parser.add_subparsers(dest="command")
    cli.add_parser(sub)
    args = parser.parse_args(["screen", "--redact"])
    assert args.command == "screen" and args.redact is True and args.func is cli.run


@pytest.mark.parametrize("empty", ["", "\n\n"])
def test_run_with_no_input_exits_zero(empty, tmp_path, monkeypatch):
    import io

    from vetting.screening import cli

    monkeypatch.setenv("VETTING_HOME", str(tmp_path))
    monkeypatch.delenv("VETTING_LOCAL_TERMS", raising=False)
    monkeypatch.delenv("VETTING_SPACY_MODEL", raising=False)
    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(redact=False, category_tokens=False, political=False, batch_size=8)
    assert cli.run(args, stdin=io.StringIO(empty), stdout=out, stderr=err) == 0
    assert out.getvalue() == ""


def test_run_in_process_handles_lone_surrogates(tmp_path, monkeypatch):
    import io

    from vetting.screening import cli

    monkeypatch.setenv("VETTING_HOME", str(tmp_path))
    monkeypatch.delenv("VETTING_LOCAL_TERMS", raising=False)
    monkeypatch.delenv("VETTING_SPACY_MODEL", raising=False)
    line = json.dumps({"id": "s", "text": "I'm Catholic \ud800 and a vet\u00aderan of the Army"})
    out = io.StringIO()
    args = argparse.Namespace(redact=True, category_tokens=False, political=False, batch_size=8)
    assert cli.run(args, stdin=io.StringIO(line + "\n"), stdout=out, stderr=io.StringIO()) == 0
    result = json.loads(out.getvalue())
    # "veteran of the Army" is one service phrase (spans of a category joined by a preposition)
    assert result["text"] == "I'm [REDACTED] \ud800 and a [REDACTED]"
