"""Record states in the audit chain: every change the workbench makes carries the new state's hash,
and `audit verify` names each row changed, inserted or deleted outside the workbench."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from tests.factories import add_finding, complete_items, make_process, open_case, validate_all
from vetting.db import alembic_config, open_database
from vetting.models import AuditEvent, Finding
from vetting.services import audit, record_state
from vetting.services import findings as F
from vetting.services import investigations as I

ROOT = Path(__file__).resolve().parent.parent


def _verify(db):
    with db.read() as s:
        return audit.verify(s)


def _sql(db, statement: str, **params) -> None:
    """Someone with direct access to the database file or server, bypassing the workbench."""
    with db.engine.begin() as c:
        c.execute(text(statement), params)


@pytest.fixture
def worked_case(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid)
    add_finding(db, investigator, case)
    add_finding(db, investigator, case, key="instagram", text="Racing again at night, no lights.")
    d = I.get_investigation(db, investigator, investigation_id=case.id)
    validate_all(db, investigator, d)
    d = complete_items(db, investigator, case.id)
    report = _verify(db)
    assert report.ok and report.records_checked > 40, report.summary()
    return d


def _problem_lines(db) -> list[str]:
    report = _verify(db)
    assert not report.ok and report.chain_ok  # the events are intact; the records are not
    return [p.message() for p in report.record_problems]


def test_a_change_event_carries_the_hash_of_the_rows_new_stored_state(db, worked_case):
    f = worked_case.findings[0]
    with db.read() as s:
        events = [e for e in s.scalars(select(AuditEvent).order_by(AuditEvent.seq))
                  if e.detail.get("state", {}).get("finding", {}).get(str(f.id))]
        last = events[-1]
        assert last.event_type == "finding.validate"
        current = dict(record_state.iter_states(s, "finding", Finding.__table__, [f.id]))
    assert last.detail["state"]["finding"][str(f.id)] == current[str(f.id)]
    assert worked_case.candidate.full_name not in str(last.detail)


def test_finding_text_changed_in_the_database_is_named(db, worked_case):
    f = worked_case.findings[0]
    _sql(db, "UPDATE finding SET text = 'Nothing of concern.' WHERE id = :id", id=f.id)
    lines = _problem_lines(db)
    assert len(lines) == 1 and lines[0].startswith(f"finding {f.id} was changed outside the workbench")


def test_validation_status_changed_in_the_database_is_named(db, worked_case):
    f = worked_case.findings[1]
    _sql(db, "UPDATE finding SET validation_status = 'refuted' WHERE id = :id", id=f.id)
    lines = _problem_lines(db)
    assert len(lines) == 1 and lines[0].startswith(f"finding {f.id} was changed outside the workbench")


def test_attestation_removed_in_the_database_is_named(db, worked_case):
    it = next(i for i in worked_case.items if i.attestations_confirmed)
    _sql(db, "UPDATE item_result SET attestations_confirmed = '[]' WHERE id = :id", id=it.id)
    lines = _problem_lines(db)
    assert lines == [lines[0]] and lines[0].startswith(f"item_result {it.id} was changed outside the workbench")


def test_finding_deleted_in_the_database_is_named(db, worked_case):
    f = worked_case.findings[0]
    _sql(db, "DELETE FROM finding WHERE id = :id", id=f.id)
    lines = _problem_lines(db)
    assert len(lines) == 1
    assert lines[0].startswith(f"finding {f.id} is gone, but no audit event records its deletion")


def test_finding_inserted_in_the_database_is_named(db, worked_case):
    f = worked_case.findings[0]
    cols = [c.name for c in Finding.__table__.columns if c.name != "id"]
    _sql(db, f"INSERT INTO finding (id, {', '.join(cols)}) SELECT :new, {', '.join(cols)} FROM finding "
             "WHERE id = :id", new=f.id + 1000, id=f.id)
    lines = _problem_lines(db)
    assert lines == [f"finding {f.id + 1000} has no audit event: it was added outside the workbench"]


def test_changes_and_deletions_through_the_workbench_keep_the_records_verified(db, investigator, worked_case):
    f = worked_case.findings[0]
    F.delete_finding(db, investigator, finding_id=f.id, expected_version=f.version)
    I.get_investigation(db, investigator, investigation_id=worked_case.id)
    report = _verify(db)
    assert report.ok, report.summary()
    with db.read() as s:
        deletion = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "finding.delete")).one()
    assert deletion.detail["state"]["finding"] == {str(f.id): None}


@pytest.mark.sqlite_only
def test_audit_verify_command_names_the_changed_row_and_exits_1(db, worked_case):
    f = worked_case.findings[0]
    _sql(db, "UPDATE finding SET text = 'Nothing of concern.' WHERE id = :id", id=f.id)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([sys.executable, "-m", "vetting.cli", "audit", "verify", "--database-url", db.url],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1, r.stderr
    assert "Audit chain OK" in r.stdout and f"finding {f.id} was changed outside the workbench" in r.stdout


def test_migration_records_existing_rows_in_one_baseline_event(db_url):
    """A database at the schema before record states, with rows written by an older workbench."""
    from alembic import command

    db = open_database(db_url)
    db.dispose()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        cfg = alembic_config(db_url)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
        conn.execute(text("INSERT INTO concern_category (code, label, description, position, active) "
                          "VALUES ('older_row', 'Older row', '', 99, true)"))
    engine.dispose()
    db = open_database(db_url)  # migrates to the head
    try:
        with db.read() as s:
            baselines = list(s.scalars(select(AuditEvent).where(AuditEvent.event_type == "audit.baseline")))
        # one baseline where record states were introduced (0004), one where 0006 added columns
        assert [b.detail["reason"][-13:] for b in baselines] == ["(schema 0004)", "(schema 0006)"]
        assert all("older_row" in b.detail["state"]["concern_category"] for b in baselines)
        report = _verify(db)
        assert report.ok, report.summary()
    finally:
        db.dispose()
