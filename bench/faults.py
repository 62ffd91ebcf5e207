"""Fault figures: SIGKILL during writes (kills survived / attempted, writes lost) and malformed
inputs (tried / handled with a clear error). Prints the figures; `--write` records them in
docs/performance.md.

    python bench/faults.py [--kills 20] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("VETTING_HOME", tempfile.mkdtemp(prefix="vetting-faults-"))

from bench.machine import machine
from tests.test_reliability import check_after_crashes, kill_loop
from vetting.db import open_database
from vetting.errors import VettingError
from vetting.services import findings as F
from vetting.services import investigations as I
from vetting.services import templates as T
from vetting.services import users as U

PASSWORD = "Correct-Horse-Battery-42"


def setup(url: str) -> tuple:
    db = open_database(url)
    T.install_defaults(db)
    admin = U.create_first_administrator(db, username="admin", display_name="Admin", password=PASSWORD)
    for name, role in (("ivan", "investigator"), ("sue", "supervisor")):
        U.add_user(db, admin, username=name, display_name=name, role=role, password=PASSWORD)
    sup = U.sign_in(db, username="sue", password=PASSWORD)
    inv = U.sign_in(db, username="ivan", password=PASSWORD)
    v = T.list_template_versions(db, sup)[0]
    pid = T.create_process(db, sup, name="Faults", position_title="Officer", template_version_id=v.id).id
    case = I.open_investigation(db, sup, process_id=pid, investigator_id=inv.user_id, full_name="Kim Kill")
    return db, inv, case


def malformed_inputs(db, inv, case) -> tuple[int, int, list[str]]:
    """Each bad input must end in a VettingError with a message (or be stored cleanly)."""
    fb = next(i for i in case.items if i.key == "facebook")
    bad_texts = ["", "   ", "x" * 1_000_000, "\x00\x01\x02", "\ud800\udfff lone", "<font color=red>x</font>",
                 "Cath\u200bolic", "\u202eevil\u202c", "' OR 1=1; --", "e\u0301" * 1000]
    tried = handled = 0
    problems: list[str] = []
    for text in bad_texts:
        tried += 1
        try:
            f = F.add_finding(db, inv, item_result_id=fb.id, platform="Facebook", text=text,
                              categories=["threats_harassment"])
            if "\x00" in f.text or "\ud800" in f.text:
                problems.append(f"stored a control character for {text[:20]!r}")
            else:
                handled += 1
        except VettingError as exc:
            handled += bool(str(exc))
        except Exception as exc:
            problems.append(f"{type(exc).__name__} for {text[:20]!r}")
    # vetting screen: malformed JSON Lines
    lines = ['{"id": "1", "text": "I am Catholic"}', "not json", '{"id": "2"}', '["list"]',
             '{"id": "3", "text": 5}', '{"id": "4", "text": "fine"}']
    r = subprocess.run([sys.executable, "-m", "vetting.cli", "screen"], input="\n".join(lines) + "\n",
                       capture_output=True, text=True, cwd=ROOT)
    answered = [json.loads(x)["id"] for x in r.stdout.splitlines()]
    for n in (2, 3, 4, 5):
        tried += 1
        if f"line {n}" in r.stderr and r.returncode != 0:
            handled += 1
        else:
            problems.append(f"screen: line {n} not reported")
    if answered != ["1", "4"]:
        problems.append(f"screen answered {answered}")
    # damaged database files
    for content in (b"", b"garbage" * 100, b"SQLite format 3\x00" + os.urandom(4000)):
        path = Path(tempfile.mkdtemp()) / "bad.sqlite3"
        path.write_bytes(content)
        if not content:
            continue
        tried += 1
        try:
            open_database(f"sqlite:///{path}")
            problems.append("a damaged file was opened")
        except VettingError as exc:
            handled += (str(path) in str(exc)) and path.read_bytes() == content
    return tried, handled, problems


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='vetting-faults-')) / 'faults.sqlite3'}"
    db, inv, case = setup(url)
    item_id = next(i for i in case.items if i.key == "facebook").id
    db.dispose()
    figures = kill_loop(url, item_id, kills=args.kills, seed=int(dt.datetime.now().timestamp()))
    result = check_after_crashes(url, figures["committed"])
    db = open_database(url)
    tried, handled, problems = malformed_inputs(db, inv, case)
    lines = [
        f"machine: {machine()}",
        f"SIGKILL during writes (SQLite): kills survived {figures['kills']} / {args.kills}; "
        f"committed writes {len(figures['committed'])}; writes lost {result['lost']}; "
        f"half-written {result['half_written']}; integrity_check {result['integrity']}; "
        f"audit chain {'verifies' if result['chain_ok'] else 'BROKEN'}",
        f"malformed inputs: tried {tried}, handled with a clear error or stored cleanly {handled}"
        + (f"; problems: {problems}" if problems else ""),
    ]
    print("\n".join(lines))
    if args.write:
        perf = ROOT / "docs" / "performance.md"
        text = perf.read_text(encoding="utf-8") if perf.exists() else "# Performance\n"
        section = (f"## Faults\n\n`bench/faults.py`, measured {dt.date.today()} on {machine()}.\n\n"
                   + "\n".join(f"- {x}" for x in lines[1:]) + "\n")
        import re

        text = re.sub(r"## Faults\n.*?(?=\n## |\Z)", "", text, flags=re.DOTALL).rstrip() + "\n\n" + section
        perf.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
