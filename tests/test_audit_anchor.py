"""Anchors outside the database: a chain rewritten consistently (events and head) passes an
ordinary verify but not a verify against an anchor file or a head printed in a report."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import select, text

from tests.factories import add_finding, make_process, open_case
from tests.test_audit_chain import _drop_guards
from vetting.errors import VettingError
from vetting.models import AuditEvent, AuditHead, Finding
from vetting.services import audit, integrity, record_state
from vetting.services import investigations as I
from vetting.services import records as R
from vetting.services import reports as Rep

ROOT = Path(__file__).resolve().parent.parent
HEAD = re.compile(r"(\d+):([0-9a-f]{64})")


def _verify(db, *anchors):
    with db.read() as s:
        return audit.verify(s, anchors=tuple(anchors))


def _forge_finding_text(db, finding_id: int) -> None:
    """What someone with the database and the source code could do: change a finding, then rewrite
    the event that recorded its state and every later event and the head, consistently."""
    _drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text("UPDATE finding SET text = 'Nothing of concern.' WHERE id = :id"), {"id": finding_id})
    with db.write() as s:
        forged = dict(record_state.iter_states(s, "finding", Finding.__table__, [finding_id]))[str(finding_id)]
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        first = max(e.seq for e in events if str(finding_id) in e.detail.get("state", {}).get("finding", {}))
        prev = next(e.hash for e in events if e.seq == first - 1)
        for e in events[first - 1:]:
            if e.seq == first:
                state = {**e.detail["state"], "finding": {**e.detail["state"]["finding"], str(finding_id): forged}}
                e.detail = {**e.detail, "state": state}
            e.prev_hash = prev
            e.hash = audit.compute_hash(e)
            prev = e.hash
        s.get(AuditHead, 1).last_hash = prev


@pytest.fixture
def case(db, supervisor, investigator):
    d = open_case(db, supervisor, investigator, make_process(db, supervisor))
    add_finding(db, investigator, d)
    return I.get_investigation(db, investigator, investigation_id=d.id)


def test_a_consistently_rewritten_chain_passes_without_an_anchor_and_fails_with_one(db, investigator, case, tmp_path):
    anchor_file = tmp_path / "anchor-2026-12-04.txt"
    anchored = integrity.write_anchor(db, anchor_file)
    I.get_investigation(db, investigator, investigation_id=case.id)  # the chain grows after the anchor
    assert _verify(db, integrity.read_anchor(anchor_file)).ok

    _forge_finding_text(db, case.findings[0].id)
    assert _verify(db).ok  # nothing inside the database can tell
    report = _verify(db, integrity.read_anchor(anchor_file))
    assert not report.ok
    assert any(f"event {anchored.count} should have hash {anchored.hash[:16]}" in p and "rewritten" in p
               for p in report.problems)


def test_an_anchor_beyond_a_truncated_chain_fails(db, case, tmp_path):
    head = integrity.current_head(db)
    beyond = audit.Anchor(head.count + 5, head.hash, "test")
    report = _verify(db, beyond)
    assert not report.ok and "beyond the chain" in report.problems[0]


def test_the_head_printed_in_a_report_matches_the_chain_and_anchors_it(db, supervisor, investigator, case):
    before = integrity.current_head(db)
    rep = Rep.generate_report(db, supervisor, investigation_id=case.id)
    pages = pypdf.PdfReader(io.BytesIO(rep.pdf)).pages
    printed = HEAD.findall(re.sub(r"\s+", "", pages[-1].extract_text()))
    assert printed == [(str(before.count), before.hash)]
    anchor = audit.parse_head_token(":".join(printed[0]))
    assert _verify(db, anchor).ok
    _forge_finding_text(db, case.findings[0].id)
    assert _verify(db).ok and not _verify(db, anchor).ok


def test_an_export_manifest_carries_the_head_and_still_verifies(db, supervisor, case, tmp_path):
    out = R.run_export(db, supervisor, output=tmp_path / "bundle.zip", investigation_ids=[case.id])
    with zipfile.ZipFile(out) as zf:
        meta = dict(line[2:].split(": ", 1) for line in zf.read("MANIFEST").decode("utf-8").splitlines()
                    if line.startswith("# ") and ": " in line)
    head = audit.parse_head_token(f"{meta['audit-head-count']}:{meta['audit-head-hash']}")
    with db.read() as s:
        assert s.get(AuditEvent, head.count).hash == head.hash
    assert R.verify_bundle(out).ok


def test_an_anchor_file_is_never_overwritten_and_a_foreign_file_is_refused(db, case, tmp_path):
    f = tmp_path / "anchor.txt"
    integrity.write_anchor(db, f)
    with pytest.raises(VettingError, match="exists"):
        integrity.write_anchor(db, f)
    junk = tmp_path / "junk.txt"
    junk.write_text("hello\n")
    with pytest.raises(VettingError, match="not an audit anchor"):
        integrity.read_anchor(junk)


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "vetting.cli", *args], capture_output=True, text=True, env=env,
                          timeout=120)


@pytest.mark.sqlite_only
def test_cli_anchor_then_verify_with_the_anchor_file_and_a_printed_head(db, case, tmp_path):
    f = tmp_path / "anchor.txt"
    r = _cli("audit", "anchor", "-o", str(f), "--database-url", db.url)
    assert r.returncode == 0, r.stderr
    head = integrity.read_anchor(f)
    assert f.read_text().splitlines()[1].startswith("Written: 20")
    r = _cli("audit", "verify", "--anchor", str(f), "--anchor-head", head.token, "--database-url", db.url)
    assert r.returncode == 0 and "extends 2 anchored head(s)" in r.stdout, r.stdout + r.stderr
    _forge_finding_text(db, case.findings[0].id)
    assert _cli("audit", "verify", "--database-url", db.url).returncode == 0
    r = _cli("audit", "verify", "--anchor", str(f), "--database-url", db.url)
    assert r.returncode == 1 and "the chain was rewritten" in r.stdout
    r = _cli("audit", "verify", "--anchor-head", "12:nothex", "--database-url", db.url)
    assert r.returncode == 1 and "not an audit head" in r.stderr and "Traceback" not in r.stderr
