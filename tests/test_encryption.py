"""Encryption at rest for the embedded database (SQLCipher), opt-in at creation: no plaintext in
the file, no opening without the key, a wrong key touches nothing, and backup, restore, export,
migrations and the SIGKILL fault test work on encrypted files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text

from tests.conftest import PASSWORD, make_user
from tests.factories import add_finding, item, make_process, open_case
from tests.test_reliability import check_after_crashes, kill_loop
from vetting.db import KEY_ENV, alembic_config, is_encrypted_file, open_database
from vetting.errors import DatabaseUnavailable
from vetting.models import AuditEvent, Finding
from vetting.services import audit
from vetting.services import records as R
from vetting.services import users as U
from vetting.services.templates import install_defaults

pytestmark = pytest.mark.sqlite_only

ROOT = Path(__file__).resolve().parent.parent
KEY = "correct horse battery staple 2027"
KNOWN = "Street racing on Egan Drive at 2am with the headlights off"


@pytest.fixture
def enc(tmp_path, monkeypatch):
    """An encrypted database with a case and a finding whose text is known."""
    monkeypatch.setenv(KEY_ENV, KEY)
    path = tmp_path / "enc.sqlite3"
    db = open_database(f"sqlite:///{path}", encrypt=True)
    install_defaults(db)
    admin = U.create_first_administrator(db, username="admin", display_name="Pat Admin", password=PASSWORD)
    sup, inv = make_user(db, admin, "sue", "supervisor"), make_user(db, admin, "ivan", "investigator")
    case = open_case(db, sup, inv, make_process(db, sup))
    add_finding(db, inv, case, text=KNOWN)
    yield db, path, sup, inv, case
    db.dispose()


def _files(path: Path) -> list[Path]:
    return [p for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()]


def test_the_encrypted_file_holds_no_plaintext_of_a_stored_text(enc, tmp_path):
    db, path, *_ = enc
    with db.read() as s:
        assert KNOWN in s.scalars(select(Finding.text)).one()  # it is stored ...
    for f in _files(path):
        blob = f.read_bytes()
        assert KNOWN.encode() not in blob and b"Street racing" not in blob and b"CREATE TABLE" not in blob
    assert is_encrypted_file(path)
    # ... and the same text in a plain database is there to find, so the search can fail
    plain = open_database(f"sqlite:///{tmp_path / 'plain.sqlite3'}", key="")
    with plain.engine.begin() as c:
        c.execute(text("CREATE TABLE probe (t TEXT)"))
        c.execute(text("INSERT INTO probe VALUES (:t)"), {"t": KNOWN})
    plain.dispose()
    assert any(KNOWN.encode() in f.read_bytes() for f in _files(tmp_path / "plain.sqlite3"))


def test_without_the_key_or_with_a_wrong_one_nothing_opens_and_nothing_is_touched(enc, monkeypatch):
    db, path, *_ = enc
    db.dispose()
    before = {f.name: (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns) for f in _files(path)}
    listing = sorted(p.name for p in path.parent.iterdir())
    monkeypatch.delenv(KEY_ENV)
    with pytest.raises(DatabaseUnavailable, match="encrypted one and no passphrase was given"):
        open_database(f"sqlite:///{path}")
    with pytest.raises(DatabaseUnavailable, match="passphrase is wrong.*not modified"):
        open_database(f"sqlite:///{path}", key="not the passphrase")
    after = {f.name: (hashlib.sha256(f.read_bytes()).hexdigest(), f.stat().st_mtime_ns) for f in _files(path)}
    assert after == before and sorted(p.name for p in path.parent.iterdir()) == listing


def test_backup_and_restore_keep_the_file_encrypted(enc, tmp_path):
    db, path, sup, inv, case = enc
    admin = U.sign_in(db, username="admin", password=PASSWORD)
    out = R.backup_database(db, admin, output=tmp_path / "backup.sqlite3").path
    assert is_encrypted_file(out) and KNOWN.encode() not in out.read_bytes()
    add_finding(db, inv, case, text="A later finding, lost by the restore.")
    db.dispose()
    R.restore_database(db.url, out, username="admin", password=PASSWORD)
    again = open_database(db.url)
    try:
        assert again.encrypted
        with again.read() as s:
            assert [t for t in s.scalars(select(Finding.text))] == [KNOWN]
            assert audit.verify(s).ok
    finally:
        again.dispose()


def test_export_works_on_an_encrypted_database(enc, tmp_path):
    db, _path, sup, _inv, case = enc
    bundle = R.run_export(db, sup, output=tmp_path / "b.zip", investigation_ids=[case.id])
    assert R.verify_bundle(bundle).ok


def test_migrations_run_on_an_encrypted_file_with_an_encrypted_premigration_backup(enc):
    from alembic import command

    db, path, *_ = enc
    with db.engine.begin() as conn:
        cfg = alembic_config(db.url)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    db.dispose()
    again = open_database(db.url)
    try:
        with again.read() as s:
            assert s.scalar(select(AuditEvent).where(AuditEvent.event_type == "audit.baseline").limit(1))
            assert audit.verify(s).ok
    finally:
        again.dispose()
    backups = list((path.parent / "backups").glob("enc-premigration-*.sqlite3"))
    assert len(backups) == 1 and is_encrypted_file(backups[0])


def test_sigkill_during_writes_loses_nothing_on_an_encrypted_file(enc):
    db, path, _sup, _inv, case = enc
    db.dispose()
    figures = kill_loop(db.url, item(case, "facebook").id, kills=8)
    result = check_after_crashes(db.url, figures["committed"])
    assert figures["kills"] == 8 and len(figures["committed"]) >= 8
    assert result["integrity"] == "ok" and result["lost"] == 0 and result["half_written"] == 0
    assert result["chain_ok"] and result["unscreened_events"] == 0
    assert b"Army veteran" not in path.read_bytes()


def test_init_encrypt_from_the_command_line_and_a_clear_message_without_the_key(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = {**os.environ, "PYTHONPATH": str(ROOT), KEY_ENV: KEY}

    def run(*args, env=env):
        return subprocess.run([sys.executable, "-m", "vetting.cli", "--database-url", url, *args],
                              capture_output=True, text=True, env=env, timeout=120, stdin=subprocess.DEVNULL)

    r = run("init", "--encrypt")
    assert r.returncode == 0 and "encrypted with SQLCipher" in r.stdout, r.stderr
    assert run("audit", "verify").returncode == 0
    r = run("audit", "verify", env={k: v for k, v in env.items() if k != KEY_ENV})
    assert r.returncode == 1 and "no passphrase was given" in r.stderr and "Traceback" not in r.stderr
    r = run("init", "--encrypt")
    assert r.returncode == 1 and "already exists" in r.stderr
