"""Backup and restore act as a signed-in administrator, leave a trace, and restore only a workbench
database whose schema this version knows.

Backup/restore of SQLite is SQLite-only; a PostgreSQL database is backed up with pg_dump (the
round trip is in tests/test_security_records.py) and the service says so.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from tests.conftest import PASSWORD
from tests.factories import make_process, open_case
from vetting.db import alembic_config, head_revision, open_database
from vetting.errors import AuthenticationFailed, PermissionDenied, VettingError
from vetting.models import AuditEvent
from vetting.services import audit
from vetting.services import investigations as I
from vetting.services import records as R


def _events(db, event_type):
    with db.read() as s:
        return list(s.scalars(select(AuditEvent).where(AuditEvent.event_type == event_type).order_by(AuditEvent.seq)))


def _head_of(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count, last_hash FROM audit_head").fetchone()
    finally:
        conn.close()


@pytest.mark.sqlite_only
def test_backup_is_refused_to_supervisors_and_investigators_and_the_attempt_is_audited(
        db, admin, supervisor, investigator, tmp_path):
    for who in (supervisor, investigator):
        with pytest.raises(PermissionDenied):
            R.backup_database(db, who, output=tmp_path / f"{who.username}.sqlite3")
        assert not (tmp_path / f"{who.username}.sqlite3").exists()
    assert [(e.username, e.outcome) for e in _events(db, "database.backup")] == [("sue", "denied"),
                                                                               ("ivan", "denied")]


@pytest.mark.sqlite_only
def test_backup_records_who_the_file_its_sha256_and_the_chain_head_it_holds(db, admin, tmp_path):
    result = R.backup_database(db, admin, output=tmp_path / "b.sqlite3")
    assert result.sha256 == R.file_sha256(result.path) and result.size == result.path.stat().st_size
    (event,) = _events(db, "database.backup")
    assert (event.username, event.outcome) == ("admin", "success")
    assert event.detail["file"] == str(result.path) and event.detail["sha256"] == result.sha256
    # The copy holds exactly the chain up to the head recorded with it; the backup event follows it.
    assert _head_of(result.path) == (event.detail["audit_head"]["count"], event.detail["audit_head"]["hash"])
    assert event.seq == event.detail["audit_head"]["count"] + 1
    with db.read() as s:
        assert audit.verify(s).ok


@pytest.mark.postgres_only
def test_on_postgresql_backup_and_restore_point_to_pg_dump_and_the_attempt_is_audited(db_url, db, admin, tmp_path):
    with pytest.raises(VettingError, match="pg_dump"):
        R.backup_database(db, admin, output=tmp_path / "b.sqlite3")
    assert [e.outcome for e in _events(db, "database.backup")] == ["failed"]
    with pytest.raises(VettingError, match="pg_restore"):
        R.restore_database(db_url, tmp_path / "b.sqlite3", username="admin", password=PASSWORD)


@pytest.fixture
def backed_up(db, admin, supervisor, investigator, tmp_path):
    """A backup holding one investigation, then more work in the live database after it."""
    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid, name="Before Backup")
    backup = R.backup_database(db, admin, output=tmp_path / "backup.sqlite3")
    open_case(db, supervisor, investigator, pid, name="After Backup")
    with db.read() as s:
        replaced_head = audit.head(s)
    db.dispose()
    return backup, replaced_head


@pytest.mark.sqlite_only
def test_restore_records_itself_as_the_first_new_event_of_the_restored_chain(db_url, supervisor, backed_up):
    backup, replaced_head = backed_up
    result = R.restore_database(db_url, backup.path, username="admin", password=PASSWORD)
    assert result.sha256 == backup.sha256 and not result.migrated and result.kept.exists()
    restored = open_database(db_url)
    try:
        with restored.read() as s:
            assert audit.verify(s).ok
            first_new = s.scalars(select(AuditEvent).where(AuditEvent.seq == result.restored_head[0] + 1)).one()
        assert first_new.seq == result.event_seq
        assert (first_new.event_type, first_new.username, first_new.outcome) == ("database.restore", "admin",
                                                                                  "success")
        assert first_new.detail["file"] == str(backup.path) and first_new.detail["sha256"] == backup.sha256
        assert first_new.detail["restored_head"] == {"count": backup.audit_count, "hash": backup.audit_hash}
        assert first_new.detail["replaced_head"] == {"count": replaced_head[0], "hash": replaced_head[1]}
        assert [r.candidate_name for r in I.list_investigations(restored, supervisor)] == ["Before Backup"]
    finally:
        restored.dispose()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("username,password,error", [
    ("admin", "not-the-password-at-all", AuthenticationFailed),
    ("nobody", PASSWORD, AuthenticationFailed),
    ("ivan", PASSWORD, PermissionDenied),
])
def test_restore_without_an_administrator_sign_in_replaces_nothing_and_is_audited(
        db_url, db, supervisor, backed_up, username, password, error):
    backup, _ = backed_up
    with pytest.raises(error):
        R.restore_database(db_url, backup.path, username=username, password=password)
    assert not list(db.sqlite_path.parent.glob("*-restoring*"))
    current = open_database(db_url)
    try:
        names = {r.candidate_name for r in I.list_investigations(current, supervisor)}
        assert names == {"Before Backup", "After Backup"}
        (refused,) = _events(current, "database.restore")
        assert (refused.username, refused.outcome, refused.detail["cause"]) == (username, "denied", error.__name__)
    finally:
        current.dispose()


def _downgrade(path, revision):
    from alembic import command

    from vetting.db import make_engine

    url = f"sqlite:///{path}"
    engine = make_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config(url)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()


@pytest.mark.sqlite_only
def test_restore_migrates_an_older_backup_after_the_usual_premigration_backup(db_url, backed_up):
    backup, _ = backed_up
    _downgrade(backup.path, "0001")
    result = R.restore_database(db_url, backup.path, username="admin", password=PASSWORD)
    assert result.schema_revision == "0001" and result.migrated
    premigration = list((backup.path.parent / "backups").glob("*premigration*.sqlite3"))
    assert premigration, "an older backup is copied aside before it is migrated"
    conn = sqlite3.connect(premigration[0])
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    conn.close()
    restored = open_database(db_url, migrate=False)  # already at this version's schema
    try:
        with restored.read() as s:
            assert audit.verify(s).ok
        (event,) = _events(restored, "database.restore")
        assert event.detail["schema_revision"] == "0001" and event.detail["migrated"] is True
    finally:
        restored.dispose()


def _set_revision(path, revision):
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


@pytest.mark.sqlite_only
@pytest.mark.parametrize("revision", ["9999_from_the_future", "deadbeef"])
def test_restore_refuses_a_schema_this_version_does_not_know_before_anything_is_replaced(
        db_url, db, backed_up, revision):
    backup, _ = backed_up
    _set_revision(backup.path, revision)
    before = db.sqlite_path.read_bytes()
    with pytest.raises(VettingError, match=f"schema revision '{revision}'.*does not\\s+know.*Nothing was replaced"):
        R.restore_database(db_url, backup.path, username="admin", password=PASSWORD)
    assert db.sqlite_path.read_bytes() == before
    assert not list(db.sqlite_path.parent.glob("*-restoring*")) and not list(db.sqlite_path.parent.glob("*-replaced-*"))
    open_database(db_url).dispose()  # every command still opens the database afterwards


@pytest.mark.sqlite_only
def test_restore_refuses_an_sqlite_file_that_is_not_a_workbench_database(db_url, db, tmp_path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    conn.execute("INSERT INTO alembic_version VALUES (?)", (head_revision(),))
    conn.commit()
    conn.close()
    db.dispose()
    before = db.sqlite_path.read_bytes()
    with pytest.raises(VettingError, match="not a workbench database; nothing was replaced"):
        R.restore_database(db_url, other, username="admin", password=PASSWORD)
    assert db.sqlite_path.read_bytes() == before
