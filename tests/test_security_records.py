"""Sign-in security, retention and legal hold, e-discovery export, backup and restore."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import subprocess
import zipfile

import pytest
from sqlalchemy import func, select, text

from tests.conftest import PASSWORD
from tests.factories import add_finding, complete_items, make_process, open_case, validate_all
from vetting.errors import AuthenticationFailed, PermissionDenied, RuleViolation, VettingError
from vetting.models import (
    Account,
    AuditEvent,
    Candidate,
    Finding,
    Investigation,
    ItemResult,
    User,
    utcnow,
)
from vetting.services import audit
from vetting.services import investigations as I
from vetting.services import records as R
from vetting.services import users as U
from vetting.services.reports import verify_report_bytes

FAKE_PDF = b"%PDF-1.4\n% test renderer\n"


def fake_renderer(data):
    return FAKE_PDF + data.document_id.encode()


# ---------------------------------------------------------------- passwords and sign-in


def test_passwords_are_stored_as_argon2id_hashes(db, admin):
    with db.read() as s:
        h = s.scalars(select(User.password_hash).where(User.username == "admin")).one()
    assert h.startswith("$argon2id$") and PASSWORD not in h


@pytest.mark.parametrize("pw,problem", [("short-pw", "at least 12"), ("admin-is-my-name-1", "user name"),
                                        ("Password1234", "commonly used")])
def test_password_policy(db, admin, pw, problem):
    with pytest.raises(RuleViolation, match=problem):
        U.add_user(db, admin, username="admin2" if "admin" in pw else "newuser", display_name="N",
                   role="investigator", password=pw.replace("admin", "admin2") if "admin" in pw else pw)


def test_five_failures_lock_the_account_even_for_the_right_password(db, admin, investigator):
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            U.sign_in(db, username="ivan", password="not the password")
    with pytest.raises(AuthenticationFailed):
        U.sign_in(db, username="ivan", password=PASSWORD)
    U.unlock_user(db, admin, user_id=investigator.user_id)
    assert U.sign_in(db, username="ivan", password=PASSWORD).username == "ivan"


def test_lockout_ends_after_the_configured_time(db, admin, investigator):
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            U.sign_in(db, username="ivan", password="nope nope nope")
    with db.write() as s:
        u = s.scalars(select(User).where(User.username == "ivan")).one()
        u.locked_until = utcnow() - dt.timedelta(seconds=1)
    assert U.sign_in(db, username="ivan", password=PASSWORD)


def test_failure_message_never_reveals_whether_the_user_exists(db, admin, investigator):
    messages = set()
    for user in ("ivan", "no-such-user"):
        with pytest.raises(AuthenticationFailed) as exc:
            U.sign_in(db, username=user, password="wrong password!")
        messages.add(str(exc.value))
    assert len(messages) == 1


def test_disabled_users_cannot_sign_in(db, admin, investigator):
    U.set_user_active(db, admin, user_id=investigator.user_id, active=False)
    with pytest.raises(AuthenticationFailed):
        U.sign_in(db, username="ivan", password=PASSWORD)


def test_users_change_their_own_password_giving_the_old_one(db, admin, investigator):
    with pytest.raises(RuleViolation, match="current password"):
        U.change_own_password(db, investigator, old_password="wrong", new_password="A-New-Password-99")
    U.change_own_password(db, investigator, old_password=PASSWORD, new_password="A-New-Password-99")
    assert U.sign_in(db, username="ivan", password="A-New-Password-99")


def test_every_sign_in_success_and_failure_is_audited(db, admin, investigator):
    with pytest.raises(AuthenticationFailed):
        U.sign_in(db, username="ivan", password="bad bad bad bad")
    U.sign_in(db, username="ivan", password=PASSWORD)
    with db.read() as s:
        outcomes = s.scalars(select(AuditEvent.outcome).where(AuditEvent.event_type == "auth.sign_in",
                                                              AuditEvent.username == "ivan")).all()
    assert outcomes[-2:] == ["failed", "success"]


# ---------------------------------------------------------------- retention and legal hold


def _closed_case(db, supervisor, investigator, name, outcome="not_hired"):
    pid = make_process(db, supervisor, name=f"Process for {name}")
    case = open_case(db, supervisor, investigator, pid, name=name)
    add_finding(db, investigator, case)
    from vetting.services import findings as F

    F.add_account(db, investigator, investigation_id=case.id, platform="X", handle="@someone")
    validate_all(db, investigator, complete_items(db, investigator, case.id))
    I.submit_investigation(db, investigator, investigation_id=case.id)
    I.approve_investigation(db, supervisor, investigation_id=case.id)
    return I.close_investigation(db, supervisor, investigation_id=case.id, outcome=outcome)


def test_purge_destroys_content_keeps_a_tombstone_and_the_chain(db, admin, supervisor, investigator):
    due = _closed_case(db, supervisor, investigator, "Dora Due")
    held = _closed_case(db, supervisor, investigator, "Hal Held")
    kept = _closed_case(db, supervisor, investigator, "Kim Kept", outcome="hired")
    I.set_legal_hold(db, supervisor, investigation_id=held.id, hold=True, reason="Lawsuit 2026-CV-17")
    later = due.destruction_date + dt.timedelta(days=1)

    dry = R.purge_due(db, admin, today=later, dry_run=True)
    assert {(r.investigation_id, r.action) for r in dry} == {(due.id, "due"), (held.id, "held")}
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Finding)) == 3

    results = R.purge_due(db, admin, today=later)
    assert {(r.investigation_id, r.action) for r in results} == {(due.id, "purged"), (held.id, "held")}
    with db.read() as s:
        inv = s.get(Investigation, due.id)
        assert inv.status == "purged" and inv.purged_at and inv.purged_by_id == admin.user_id and inv.purge_rule
        assert s.get(Candidate, inv.candidate_id).full_name == "[purged]"
        for model in (Finding, Account, ItemResult):
            assert not s.scalar(select(func.count()).select_from(model).where(model.investigation_id == due.id))
        assert s.scalar(select(func.count()).select_from(Finding).where(Finding.investigation_id == held.id)) == 1
        assert s.scalar(select(func.count()).select_from(Finding).where(Finding.investigation_id == kept.id)) == 1
        assert audit.verify(s).ok
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.event_type == "investigation.purge", AuditEvent.object_id == str(due.id))) == 1
    with pytest.raises(RuleViolation, match="purged"):
        I.get_investigation(db, supervisor, investigation_id=due.id)


def test_purge_is_atomic_per_investigation(db, admin, supervisor, investigator, monkeypatch):
    a = _closed_case(db, supervisor, investigator, "Ann Atomic")
    b = _closed_case(db, supervisor, investigator, "Bob Broken")
    later = b.destruction_date + dt.timedelta(days=1)
    real_utcnow = R.utcnow
    calls = {"n": 0}

    def power_cut_on_second_purge():
        # The purge calls utcnow() once per investigation, after deleting its content.
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real_utcnow()

    monkeypatch.setattr(R, "utcnow", power_cut_on_second_purge)
    with pytest.raises(RuntimeError):
        R.purge_due(db, admin, today=later)

    def state(inv_id):
        with db.read() as s:
            return (s.get(Investigation, inv_id).status,
                    s.scalar(select(func.count()).select_from(Finding).where(Finding.investigation_id == inv_id)),
                    s.scalar(select(func.count()).select_from(ItemResult).where(ItemResult.investigation_id == inv_id)))

    assert state(a.id) == ("purged", 0, 0)
    assert state(b.id) == ("closed", 1, len(b.items))  # interrupted mid-purge: left whole
    with db.read() as s:
        assert audit.verify(s).ok


# ---------------------------------------------------------------- export


def test_export_bundle_holds_json_reports_audit_and_a_verifiable_manifest(db, supervisor, investigator, tmp_path):
    case = _closed_case(db, supervisor, investigator, "Eve Export")
    out = tmp_path / "bundle.zip"
    R.run_export(db, supervisor, output=out, process_id=case.process_id, renderer=fake_renderer)
    check = R.verify_bundle(out)
    assert check.ok, check.problems
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        data = json.loads(zf.read(f"investigation-{case.id}/investigation.json"))
        events = [json.loads(x) for x in zf.read(f"investigation-{case.id}/audit-events.jsonl").splitlines()]
        pdf_name = next(n for n in names if n.endswith(".pdf"))
        assert verify_report_bytes(db, zf.read(pdf_name)).ok
    assert data["candidate"]["full_name"] == "Eve Export" and data["status"] == "closed"
    assert {"investigation.open", "investigation.approve", "investigation.close"} <= {e["event_type"] for e in events}
    assert "MANIFEST" in names
    # A changed byte is detected.
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(tampered, "w") as dst:
        for n in src.namelist():
            body = src.read(n)
            dst.writestr(n, body.replace(b"Eve Export", b"Eve Exporx") if n.endswith(".json") else body)
    check = R.verify_bundle(tampered)
    assert not check.ok and any("changed" in p for p in check.problems)


def test_export_refused_to_investigators(db, supervisor, investigator, tmp_path):
    case = _closed_case(db, supervisor, investigator, "Ian Investig")
    with pytest.raises(PermissionDenied):
        R.run_export(db, investigator, output=tmp_path / "x.zip", investigation_ids=[case.id], renderer=fake_renderer)
    assert not (tmp_path / "x.zip").exists()


def test_audit_export_writes_json_lines_in_the_date_range(db, admin, supervisor):
    buf = io.StringIO()
    n = R.export_audit(db, admin, since=utcnow() - dt.timedelta(hours=1), until=None, output=buf)
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert n == len(lines) > 0 and all({"seq", "hash", "prev_hash", "event_type"} <= set(e) for e in lines)
    buf2 = io.StringIO()
    assert R.export_audit(db, admin, since=utcnow() + dt.timedelta(days=1), until=None, output=buf2) == 0


# ---------------------------------------------------------------- backup and restore


@pytest.mark.sqlite_only
def test_sqlite_backup_and_restore_round_trip(db_url, db, admin, supervisor, investigator, tmp_path):
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid, name="Before Backup")
    backup = R.backup_database(db, admin, output=tmp_path / "backup.sqlite3").path
    open_case(db, supervisor, investigator, pid, name="After Backup")
    db.dispose()
    kept = R.restore_database(db_url, backup, username="admin", password=PASSWORD).kept
    assert kept.exists()
    from vetting.db import open_database

    db2 = open_database(db_url)
    try:
        names = [r.candidate_name for r in I.list_investigations(db2, supervisor)]
        assert names == ["Before Backup"] and case.id
        with db2.read() as s:
            assert audit.verify(s).ok
    finally:
        db2.dispose()


@pytest.mark.sqlite_only
def test_restore_refuses_a_damaged_backup_and_changes_nothing(db_url, db, admin, tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    db.dispose()  # closing checkpoints the WAL into the file
    before = db.sqlite_path.read_bytes()
    with pytest.raises(VettingError):
        R.restore_database(db_url, bad, username="admin", password=PASSWORD)
    assert db.sqlite_path.read_bytes() == before


@pytest.mark.postgres_only
def test_postgresql_dump_and_restore_round_trip(db_url, db, admin, supervisor, investigator, tmp_path):
    from tests import pg

    bindir = pg.find_bin()
    pg_dump = shutil.which("pg_dump") or (str(bindir / "pg_dump") if bindir else None)
    pg_restore = shutil.which("pg_restore") or (str(bindir / "pg_restore") if bindir else None)
    if not pg_dump or not pg_restore:
        pytest.skip("pg_dump/pg_restore not installed")
    pid = make_process(db, supervisor)
    open_case(db, supervisor, investigator, pid, name="Dumped Dana")
    from sqlalchemy.engine import make_url

    u = make_url(db_url)
    conn = ["-h", u.host, "-p", str(u.port), "-U", u.username]
    dump = tmp_path / "vetting.dump"
    subprocess.run([pg_dump, *conn, "-Fc", "-f", str(dump), u.database], check=True)
    with db.engine.begin() as c:  # lose data after the dump
        c.execute(text("UPDATE candidate SET full_name = 'Changed' "))
    db.dispose()
    subprocess.run([pg_restore, *conn, "--clean", "--if-exists", "-d", u.database, str(dump)], check=True,
                   capture_output=True)
    from vetting.db import open_database

    db2 = open_database(db_url)
    try:
        assert [r.candidate_name for r in I.list_investigations(db2, supervisor)] == ["Dumped Dana"]
        with db2.read() as s:
            assert audit.verify(s).ok
    finally:
        db2.dispose()


def test_after_a_reset_the_user_must_choose_a_new_password_before_anything_else(db, admin, investigator):
    U.reset_password(db, admin, user_id=investigator.user_id, new_password="Temporary-Password-77")
    actor = U.sign_in(db, username="ivan", password="Temporary-Password-77")
    assert actor.must_change_password
    with pytest.raises(PermissionDenied, match="choose a new one"):
        I.list_investigations(db, actor)
    U.change_own_password(db, actor, old_password="Temporary-Password-77", new_password="My-Own-Password-88")
    actor = U.sign_in(db, username="ivan", password="My-Own-Password-88")
    assert not actor.must_change_password
    assert I.list_investigations(db, actor) == []
