"""The append-only, hash-chained audit log: what it records and what verify detects."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from tests.factories import make_process, open_case
from vetting.errors import AuthenticationFailed, PermissionDenied
from vetting.models import AuditEvent
from vetting.services import audit
from vetting.services import investigations as I
from vetting.services import users as U


def _events(db):
    with db.read() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def _verify(db):
    with db.read() as s:
        return audit.verify(s)


def _drop_guards(db):
    """Simulate someone with direct database access (bypassing the append-only triggers)."""
    with db.engine.begin() as c:
        if db.is_sqlite:
            c.exec_driver_sql("DROP TRIGGER audit_event_no_update")
            c.exec_driver_sql("DROP TRIGGER audit_event_no_delete")
        else:
            c.exec_driver_sql("DROP TRIGGER audit_event_append_only ON audit_event")


@pytest.fixture
def busy_log(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid)
    I.get_investigation(db, investigator, investigation_id=case.id)
    assert _verify(db).ok
    return case


def test_chain_of_a_normal_day_verifies(db, busy_log):
    r = _verify(db)
    assert r.ok and r.events == r.head_count >= 5


def test_sign_ins_views_changes_and_refusals_are_recorded(db, admin, supervisor, investigator, other_investigator,
                                                         busy_log):
    with pytest.raises(AuthenticationFailed):
        U.sign_in(db, username="ivan", password="wrong password here")
    with pytest.raises(PermissionDenied):
        I.get_investigation(db, other_investigator, investigation_id=busy_log.id)
    ev = _events(db)
    kinds = [(e.event_type, e.outcome) for e in ev]
    assert ("auth.sign_in", "success") in kinds and ("auth.sign_in", "failed") in kinds
    assert ("investigation.open", "success") in kinds and ("investigation.view", "success") in kinds
    denied = [e for e in ev if e.outcome == "denied"]
    assert denied[-1].event_type == "investigation.view" and denied[-1].username == "olga"
    assert denied[-1].object_id == str(busy_log.id)
    for e in ev:
        assert e.occurred_at.tzinfo is not None and e.workstation


def test_events_hold_no_candidate_name(db, busy_log):
    for e in _events(db):
        assert "Casey" not in str(audit.event_dict(e))


def test_the_database_refuses_to_update_or_delete_events(db, busy_log):
    with pytest.raises(Exception, match="append-only"), db.engine.begin() as c:
        c.execute(text("UPDATE audit_event SET outcome='denied' WHERE seq=1"))
    with pytest.raises(Exception, match="append-only"), db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_event WHERE seq=1"))
    assert _verify(db).ok


def test_verify_detects_an_edited_event(db, busy_log):
    _drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_event SET username='someone' WHERE seq=3"))
    r = _verify(db)
    assert not r.ok and any("event 3 was altered" in p for p in r.problems)


def test_verify_detects_a_deleted_event(db, busy_log):
    _drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_event WHERE seq=2"))
    r = _verify(db)
    assert not r.ok and any("event 2 is missing" in p for p in r.problems)


def test_verify_detects_reordered_events(db, busy_log):
    _drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_event SET seq=-1 WHERE seq=2"))
        c.execute(text("UPDATE audit_event SET seq=2 WHERE seq=3"))
        c.execute(text("UPDATE audit_event SET seq=3 WHERE seq=-1"))
    r = _verify(db)
    assert not r.ok and any("does not follow" in p for p in r.problems)


def test_verify_detects_an_inserted_event(db, busy_log):
    _drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_event SET seq=seq+1000"))
        first = c.execute(text("SELECT * FROM audit_event ORDER BY seq LIMIT 1")).mappings().one()
        c.execute(text("INSERT INTO audit_event (seq, occurred_at, user_id, username, workstation, event_type, "
                       "object_type, object_id, outcome, detail, prev_hash, hash) VALUES (1, :t, NULL, 'x', 'w', "
                       "'fake', '', '', 'success', '{}', :p, :h)"),
                  {"t": first["occurred_at"], "p": "0" * 64, "h": first["prev_hash"]})
    assert not _verify(db).ok


def test_verify_detects_truncation_of_the_tail_through_the_head(db, busy_log):
    _drop_guards(db)
    with db.engine.begin() as c:
        last = c.execute(text("SELECT max(seq) FROM audit_event")).scalar()
        c.execute(text("DELETE FROM audit_event WHERE seq >= :n"), {"n": last - 1})
    r = _verify(db)
    assert not r.ok and any("removed from the end" in p for p in r.problems)


def test_cli_audit_verify_exit_status(db_url, db, busy_log, capsys):
    from vetting.cli import main

    assert main(["--database-url", db_url, "audit", "verify"]) == 0
    assert "Audit chain OK" in capsys.readouterr().out
    _drop_guards(db)
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_event SET event_type='edited' WHERE seq=2"))
    assert main(["--database-url", db_url, "audit", "verify"]) == 1
    assert "BROKEN" in capsys.readouterr().out


def test_verify_with_the_audit_tables_dropped_says_the_database_was_altered(db, admin):
    from vetting.errors import DatabaseUnavailable

    with db.engine.begin() as c:
        c.execute(text("DROP TABLE audit_event"))
        c.execute(text("DROP TABLE audit_head"))
    with db.read() as s, pytest.raises(DatabaseUnavailable, match="altered outside the workbench"):
        audit.verify(s)
