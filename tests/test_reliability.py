"""Faults: power loss mid-write, a locked database, two workstations, a database server that goes
away. Nothing committed is lost, nothing is half-written, the audit chain holds, and the person
gets a message that says what happened."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSWORD
from tests.factories import SEARCHED, add_finding, item, make_process, mark_plan, open_case
from vetting.db import open_database, raw_connect
from vetting.errors import ConflictError, DatabaseUnavailable
from vetting.models import AuditEvent, Finding, ItemResult
from vetting.services import audit
from vetting.services import investigations as I

ROOT = Path(__file__).resolve().parent.parent


def _start_writer(db_url: str, item_id: int) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "tests.fault_writer", db_url, "ivan", PASSWORD, str(item_id)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)


def kill_loop(db_url: str, item_id: int, kills: int, seed: int = 1) -> dict:
    """Start the writer, kill it at a random point after it began writing; repeat. Returns figures."""
    rnd = random.Random(seed)
    committed: set[int] = set()
    survived = 0
    for _ in range(kills):
        proc = _start_writer(db_url, item_id)
        lines: list[str] = []
        reader = threading.Thread(target=lambda p=proc, out=lines: out.extend(iter(p.stdout.readline, "")))
        reader.start()
        deadline = time.monotonic() + 120
        while not any(x.startswith("committed") for x in lines) and time.monotonic() < deadline:
            if proc.poll() is not None:
                raise AssertionError("writer died: " + proc.stderr.read())
            time.sleep(0.02)
        time.sleep(rnd.uniform(0.0, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        reader.join()
        proc.stderr.close()
        committed |= {int(x.split()[1]) for x in lines if x.startswith("committed")}
        survived += 1
    return {"kills": survived, "committed": committed}


def check_after_crashes(db_url: str, committed: set[int]) -> dict:
    db = open_database(db_url)
    try:
        if db.is_sqlite:
            c = raw_connect(db.sqlite_path, db.key)
            try:
                integrity = c.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                c.close()
        else:
            integrity = "ok"
        with db.read() as s:
            present = set(s.scalars(select(Finding.id)))
            created = {int(x) for x in s.scalars(select(AuditEvent.object_id).where(
                AuditEvent.event_type == "finding.create", AuditEvent.outcome == "success"))}
            screened = {int(x) for x in s.scalars(select(AuditEvent.object_id).where(
                AuditEvent.event_type == "screening.apply", AuditEvent.object_type == "finding"))}
            chain = audit.verify(s)
            texts_ok = all("[REDACTED]" in t and "Army" not in t for t in s.scalars(select(Finding.text)))
    finally:
        db.dispose()
    return {"integrity": integrity, "lost": len(committed - present), "half_written": len(present ^ created),
            "unscreened_events": len(present - screened), "chain_ok": chain.ok, "texts_ok": texts_ok,
            "present": len(present)}


@pytest.fixture
def writer_case(db, supervisor, investigator):
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid)
    return item(case, "facebook").id


@pytest.mark.slow
def test_sigkill_during_writes_loses_nothing_committed(db_url, db, writer_case):
    db.dispose()
    figures = kill_loop(db_url, writer_case, kills=20)
    result = check_after_crashes(db_url, figures["committed"])
    assert figures["kills"] == 20 and len(figures["committed"]) >= 20
    assert result["integrity"] == "ok"
    assert result["lost"] == 0, "a write reported as committed is missing"
    assert result["half_written"] == 0, "a finding exists without its audit event (or the reverse)"
    assert result["unscreened_events"] == 0 and result["texts_ok"] and result["chain_ok"]


@pytest.mark.sqlite_only
def test_a_locked_database_gives_a_busy_message_and_writes_nothing(db, investigator, supervisor):
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid)
    impatient = open_database(db.url, busy_timeout=0.3)
    blocker = sqlite3.connect(db.sqlite_path)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(DatabaseUnavailable, match="busy"):
            add_finding(impatient, investigator, case)
    finally:
        blocker.rollback()
        blocker.close()
        impatient.dispose()
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Finding)) == 0
        assert audit.verify(s).ok


@pytest.mark.sqlite_only
def test_a_database_opened_read_only_refuses_writes_with_a_message(db, investigator, supervisor, tmp_path,
                                                                   monkeypatch):
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid)
    monkeypatch.chdir(tmp_path)  # a URI filename must not be taken for a relative folder "file:"
    ro = open_database(f"sqlite:///file:{db.sqlite_path}?mode=ro&uri=true", migrate=False)
    assert not Path("file:").exists()
    try:
        with pytest.raises(DatabaseUnavailable, match="read-only|cannot be written"):
            add_finding(ro, investigator, case)
    finally:
        ro.dispose()


def test_two_workstations_editing_the_same_item_exactly_one_wins(db_url, db, investigator, supervisor):
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid)
    it = mark_plan(db, investigator, item(case, "youtube"))  # its planned searches are run first
    other = open_database(db_url)
    results: dict[str, object] = {}
    barrier = threading.Barrier(2)

    def edit(name, database, status):
        barrier.wait()
        try:
            results[name] = I.update_item(database, investigator, item_result_id=it.id, expected_version=it.version,
                                          status=status, attestations=it.required_attestations,
                                          searched=SEARCHED, notes=f"edited on {name}")
        except ConflictError as exc:
            results[name] = exc

    threads = [threading.Thread(target=edit, args=("A", db, "no_findings")),
               threading.Thread(target=edit, args=("B", other, "no_findings"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    other.dispose()
    conflicts = [r for r in results.values() if isinstance(r, ConflictError)]
    wins = [r for r in results.values() if not isinstance(r, Exception)]
    assert len(conflicts) == 1 and len(wins) == 1
    with db.read() as s:
        assert s.get(ItemResult, it.id).version == it.version + 1
        outcomes = sorted(s.scalars(select(AuditEvent.outcome).where(AuditEvent.event_type == "item.update")))
    assert outcomes == ["conflict", "success"]


@pytest.mark.postgres_only
def test_postgresql_going_away_gives_a_clear_error_and_recovers(request, db_url, db, investigator, supervisor):
    cluster = request.getfixturevalue("pg_cluster_handle")
    if cluster is None:
        pytest.skip("uses the suite's own PostgreSQL cluster")
    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid)
    add_finding(db, investigator, case)
    cluster.stop()
    try:
        with pytest.raises(DatabaseUnavailable, match="could not be reached|database"):
            add_finding(db, investigator, case, text="Second post about street racing.")
    finally:
        cluster.restart()
    add_finding(db, investigator, case, text="Third post about street racing.")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Finding)) == 2  # none lost, none duplicated
        assert audit.verify(s).ok


@pytest.fixture
def tiny_disk(tmp_path):
    """A 4 MB tmpfs (root only); skipped where mounting is not allowed."""
    mnt = tmp_path / "tiny"
    mnt.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.mark.sqlite_only
def test_a_full_disk_gives_a_clear_message_and_no_partial_write(db, investigator, supervisor, tiny_disk):
    import shutil

    pid = make_process(db, supervisor)
    case = open_case(db, supervisor, investigator, pid)
    db.dispose()
    target = tiny_disk / "vetting.sqlite3"
    shutil.copy(db.sqlite_path, target)
    small = open_database(f"sqlite:///{target}")
    try:
        add_finding(small, investigator, case, text="First post, fits easily.")
        filler = tiny_disk / "filler"
        with filler.open("wb", buffering=0) as fh:  # fill the disk to the last block
            try:
                while True:
                    fh.write(b"\0" * 4096)
            except OSError:
                pass
        with pytest.raises(DatabaseUnavailable, match="full"):
            add_finding(small, investigator, case, text="Second post about speeding. " * 6000)
        filler.unlink()
        with small.read() as s:
            assert s.scalar(select(func.count()).select_from(Finding)) == 1
            assert audit.verify(s).ok
        add_finding(small, investigator, case, text="Third post, after space was freed.")
    finally:
        small.dispose()
    with sqlite3.connect(target) as c:
        assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
