"""Records duties: backup and restore, audit export.

Backups of SQLite use the online backup API, so they are consistent while workstations are using
the database. PostgreSQL installations use ``pg_dump``/``pg_restore`` (see the README).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import delete, select

from vetting.db import (
    Database,
    check_sqlite_file,
    file_key,
    open_database,
    raw_connect,
    resolve_key,
    sqlite_backup,
    sqlite_errors,
    sqlite_path,
)
from vetting.errors import AuthenticationFailed, DatabaseUnavailable, PermissionDenied, VettingError
from vetting.models import (
    Account,
    AuditEvent,
    AuditHead,
    Finding,
    Investigation,
    InvestigationStatus,
    ItemResult,
    ReviewEvent,
    Role,
    SearchQueryRun,
    User,
    utcnow,
)
from vetting.services import audit
from vetting.services.bundles import MANIFEST, manifest_text
from vetting.services.bundles import (
    verify_bundle as verify_bundle,  # the callers' historical import
)
from vetting.services.core import Actor, operation, service, system_write
from vetting.services.investigations import detail_view, load_investigation

PG_BACKUP = "This database is on a PostgreSQL server: back it up with pg_dump and restore it with pg_restore (see the README)."


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks (memory bounded whatever its size)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    sha256: str
    audit_count: int  # the chain head the copy holds
    audit_hash: str


@service
def backup_database(db: Database, actor: Actor, *, output: Path) -> BackupResult:
    """Write a consistent copy of the SQLite database to ``output`` (administrator; never overwrites).

    The copy is taken while this action holds the database's write lock, so it holds exactly the
    audit chain up to the head recorded with it. The backup is then audited in the live database:
    who, when, the file, its SHA-256 and size, and that chain head.

    Raises
    ------
    PermissionDenied
        Not an administrator.
    VettingError
        A PostgreSQL database (use pg_dump), an existing file, or a place that cannot be written.
    """
    with operation(db, actor, "database.backup", object_type="database", roles=[Role.ADMINISTRATOR]) as op:
        path = db.sqlite_path
        if path is None:
            raise VettingError(PG_BACKUP)
        if output.exists():
            raise VettingError(f"{output} exists; choose a new file name so that no backup is overwritten.")
        count, last = audit.head(op.session)
        try:
            sqlite_backup(path, output, db.key)  # an encrypted database gives an encrypted backup
            digest, size = file_sha256(output), output.stat().st_size
        except (OSError, sqlite3.Error) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else str(exc)
            raise VettingError(f"Cannot write the backup to {output}: {reason}. Nothing was changed.") from exc
        op.detail = {"file": str(output), "sha256": digest, "bytes": size,
                     "audit_head": {"count": count, "hash": last}}
        return BackupResult(output, size, digest, count, last)


@dataclass(frozen=True)
class RestoreResult:
    kept: Path | None  # where the replaced database was kept (None: there was none)
    sha256: str  # of the backup file
    schema_revision: str  # the backup's, before any migration
    migrated: bool
    restored_head: tuple[int, str]  # the backup's audit chain head
    event_seq: int  # the restore's own event in the restored chain


def _backup_revision(backup: Path, key: str | None = None) -> str:
    """The schema revision of a backup, checked read-only: SQLite, sound, a workbench database that
    this version knows. Raises VettingError (nothing replaced) otherwise."""
    from vetting.db import alembic_config

    if not backup.is_file():
        raise VettingError(f"The backup {backup} does not exist.")
    key = resolve_key(key)
    check_sqlite_file(backup, key)
    try:
        conn = raw_connect(backup, file_key(backup, key), readonly=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revs = ([r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
                    if "alembic_version" in tables else [])
        finally:
            conn.close()
    except sqlite_errors() as exc:
        raise VettingError(f"The backup {backup} is damaged or unreadable ({exc}); nothing was replaced.") from exc
    if ok != "ok":
        raise VettingError(f"The backup {backup} fails SQLite's integrity check ({ok}); nothing was replaced.")
    needed = {"alembic_version", User.__tablename__, AuditEvent.__tablename__, AuditHead.__tablename__}
    if not needed <= tables or len(revs) != 1:
        raise VettingError(f"The backup {backup} is not a workbench database; nothing was replaced.")
    from alembic.script import ScriptDirectory

    from vetting.db import _known_revision

    if not _known_revision(ScriptDirectory.from_config(alembic_config("sqlite://")), revs[0]):
        raise VettingError(
            f"The backup {backup} has schema revision {revs[0]!r}, which this version of the workbench does not "
            "know (it was written by a newer version, or it is not a workbench database). Nothing was replaced; "
            "restore it with the version that wrote it.")
    return revs[0]


def _current_head(url: str) -> dict[str, object] | None:
    """The audit chain head of the database about to be replaced, if it can be read."""
    try:
        current = open_database(url, migrate=False)
    except VettingError:
        return None
    try:
        with current.read() as s:
            count, last = audit.head(s)
        return {"count": count, "hash": last}
    except Exception:  # a damaged database is exactly when a restore is needed
        return None
    finally:
        current.dispose()


def _note_refused_restore(url: str, username: str, backup: Path, cause: str) -> None:
    """Audit a refused restore in the database that stays (best effort: it may be the damaged one)."""
    try:
        current = open_database(url, migrate=False)
    except VettingError:
        return
    try:
        with system_write(current, "database.restore") as s:
            audit.append(s, event_type="database.restore", outcome="denied", username=username[:80],
                         object_type="database", detail={"file": str(backup), "cause": cause})
    except VettingError:
        pass
    finally:
        current.dispose()


def _discard(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        p.unlink(missing_ok=True)


def restore_database(url: str, backup: Path, *, username: str, password: str,
                     key: str | None = None) -> RestoreResult:
    """Replace the SQLite database with ``backup``, acting as an administrator of that backup.

    Before anything is replaced the backup is checked (SQLite, integrity, a workbench database with a
    schema revision this version knows), copied beside the database, migrated if it is older (after
    the usual pre-migration backup), and the person is authenticated against the accounts it holds:
    they are the accounts that exist after the restore. The first new event of the restored chain
    records who restored which file, its SHA-256, the chain head the backup had and the head of the
    database it replaced. The replaced file is kept beside the database.

    Raises
    ------
    AuthenticationFailed, PermissionDenied
        Wrong credentials, or not an active administrator in the backup; nothing was replaced.
    VettingError
        A PostgreSQL database, or a backup that is missing, damaged, not a workbench database or of an
        unknown (newer) schema; nothing was replaced.
    """
    from vetting.db import check_writable, head_revision
    from vetting.services.users import authenticate_administrator

    target = sqlite_path(url)
    if target is None:
        raise VettingError(PG_BACKUP)
    key = resolve_key(key)
    revision = _backup_revision(backup, key)
    backup_key = file_key(backup, key)  # an encrypted backup stays encrypted with its passphrase
    digest = file_sha256(backup)
    if target.parent.exists():
        check_writable(target)
    replaced_head = _current_head(url) if target.exists() else None
    staged = target.with_name(f"{target.stem}-restoring{target.suffix}")
    _discard(staged)
    try:
        try:
            sqlite_backup(backup, staged, backup_key)
        except (OSError, *sqlite_errors()) as exc:
            raise VettingError(f"Cannot copy the backup beside the database: {exc}. Nothing was replaced.") from exc
        restored = open_database(f"sqlite:///{staged}", key=backup_key)  # migrates an older schema, after a backup
        try:
            with system_write(restored, "database.restore") as s:
                count, last = audit.head(s)
                try:
                    user = authenticate_administrator(s, username=username, password=password)
                except (AuthenticationFailed, PermissionDenied) as exc:
                    _note_refused_restore(url, username, backup, type(exc).__name__)
                    raise
                event = audit.append(
                    s, event_type="database.restore", user_id=user.id, username=user.username,
                    object_type="database",
                    detail={"file": str(backup), "sha256": digest, "schema_revision": revision,
                            "migrated": revision != head_revision(),
                            "restored_head": {"count": count, "hash": last}, "replaced_head": replaced_head})
                seq = event.seq
        finally:
            restored.dispose()  # closing checkpoints the WAL into the staged file
        kept = None
        if target.exists():
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
            kept = target.with_name(f"{target.stem}-replaced-{stamp}{target.suffix}")
            sqlite_backup(target, kept, file_key(target, key))
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.replace(staged, target)
    finally:
        _discard(staged)
    return RestoreResult(kept, digest, revision, revision != head_revision(), (count, last), seq)


@service
def export_audit(db: Database, actor: Actor, *, since: dt.datetime | None, until: dt.datetime | None,
                 output: IO[str] | Path) -> int:
    """Write audit events as JSON Lines (administrator or supervisor). Returns the number written."""
    with operation(db, actor, "audit.export", object_type="audit",
                   roles=[Role.ADMINISTRATOR, Role.SUPERVISOR]) as op:
        n = 0
        try:
            fh = output.open("w", encoding="utf-8") if isinstance(output, Path) else output
        except OSError as exc:
            raise VettingError(f"Cannot write the export to {output}: {exc.strerror}.") from exc
        try:
            for event in audit.iter_events(op.session, since=since, until=until):
                fh.write(json.dumps(event, sort_keys=True, ensure_ascii=False) + "\n")
                n += 1
        except OSError as exc:
            raise DatabaseUnavailable(f"Cannot write the export: {exc.strerror}.") from exc
        finally:
            if isinstance(output, Path):
                fh.close()
        op.detail = {"events": n, "from": since.isoformat() if since else None,
                     "to": until.isoformat() if until else None}
        return n


# ---------------------------------------------------------------- retention and purge



@dataclass(frozen=True)
class PurgeOutcome:
    investigation_id: int
    destruction_date: dt.date | None
    outcome: str | None
    action: str  # "purged" / "due" (dry run) / "held"
    rule: str


def _rule(inv: Investigation) -> str:
    closed = inv.closed_at.date().isoformat() if inv.closed_at else "?"
    return f"retention for outcome '{inv.outcome}', closed {closed}, destruction date {inv.destruction_date}"


@service
def purge_due(db: Database, actor: Actor, *, today: dt.date | None = None, dry_run: bool = False) -> list[PurgeOutcome]:
    """Destroy the content of closed investigations whose destruction date has come (administrator).

    Each investigation is purged in its own transaction (an interruption leaves each one either
    whole or purged). What remains is a tombstone: id, dates, who purged and under which rule; the
    audit chain is untouched. Investigations under legal hold are never purged and are reported.
    """
    today = today or dt.date.today()
    with operation(db, actor, "retention.check", object_type="retention", roles=[Role.ADMINISTRATOR]) as op:
        due = op.session.execute(
            select(Investigation.id, Investigation.legal_hold).where(
                Investigation.status == InvestigationStatus.CLOSED.value,
                Investigation.destruction_date.is_not(None),
                Investigation.destruction_date <= today,
            ).order_by(Investigation.id)
        ).all()
        op.detail = {"due": len(due), "dry_run": dry_run}
        listing = []
        for iid, _ in due:
            inv = op.session.get(Investigation, iid)
            listing.append(PurgeOutcome(iid, inv.destruction_date, inv.outcome,
                                        "held" if inv.legal_hold else "due", _rule(inv)))
    if dry_run:
        return listing
    results = []
    for entry in listing:
        if entry.action == "held":
            results.append(entry)
            continue
        with operation(db, actor, "investigation.purge", object_type="investigation", object_id=entry.investigation_id,
                       roles=[Role.ADMINISTRATOR]) as op:
            inv = op.session.get(Investigation, entry.investigation_id)
            if inv is None or inv.status != InvestigationStatus.CLOSED.value or inv.legal_hold:
                continue
            s = op.session
            s.execute(delete(Finding).where(Finding.investigation_id == inv.id))
            s.execute(delete(Account).where(Account.investigation_id == inv.id))
            s.execute(delete(ReviewEvent).where(ReviewEvent.investigation_id == inv.id))
            s.execute(delete(SearchQueryRun).where(SearchQueryRun.item_result_id.in_(
                select(ItemResult.id).where(ItemResult.investigation_id == inv.id))))
            s.execute(delete(ItemResult).where(ItemResult.investigation_id == inv.id))
            cand = inv.candidate
            cand.full_name, cand.aliases, cand.emails, cand.usernames = "[purged]", [], [], []
            cand.places = []
            cand.search_key = ""
            inv.status = InvestigationStatus.PURGED.value
            inv.purged_at = utcnow()
            inv.purged_by_id = op.user.id
            inv.purge_rule = entry.rule[:200]
            op.detail = {"rule": entry.rule}
            results.append(PurgeOutcome(entry.investigation_id, entry.destruction_date, entry.outcome, "purged",
                                        entry.rule))
    return results


# ---------------------------------------------------------------- e-discovery / public-records export



def _jsonable(value):  # type: ignore[no-untyped-def]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


@service
def export_bundle(db: Database, actor: Actor, *, output: Path, investigation_ids: list[int] | None = None,
                  process_id: int | None = None, renderer=None):  # type: ignore[no-untyped-def]
    """Write a ZIP for a records request: per investigation its JSON (redacted text only), a freshly
    generated PDF report, its audit events, and a MANIFEST of SHA-256 sums with the audit chain head
    (format in :mod:`vetting.services.bundles`; supervisor or administrator). A generator: yields ``(done, total, message)``; returns the output path."""
    from vetting.config import load_config
    from vetting.services.manifest_signature import SIGNATURE_NAME, sign_manifest
    from vetting.services.reports import generate_report
    from vetting.services.signing import signing_key

    if output.exists():
        raise VettingError(f"{output} exists; choose a new file name.")
    key = signing_key(load_config())  # checked before any work: a bundle is signed when a certificate is set
    with operation(db, actor, "export.prepare", object_type="export",
                   roles=[Role.ADMINISTRATOR, Role.SUPERVISOR]) as op:
        if process_id is not None:
            ids = list(op.session.scalars(select(Investigation.id).where(
                Investigation.process_id == process_id,
                Investigation.status != InvestigationStatus.PURGED.value).order_by(Investigation.id)))
        else:
            ids = list(investigation_ids or [])
        for iid in ids:
            load_investigation(op, iid)
        op.detail = {"investigations": ids, "process_id": process_id}
    if not ids:
        raise VettingError("There is nothing to export.")
    tmp = output.with_suffix(output.suffix + ".part")
    manifest: list[tuple[str, str]] = []
    total = len(ids)
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            def put(name: str, data: bytes) -> None:
                zf.writestr(name, data)
                manifest.append((hashlib.sha256(data).hexdigest(), name))

            for n, iid in enumerate(ids):
                yield n, total, f"Exporting investigation {iid} ({n + 1} of {total})…"
                with operation(db, actor, "investigation.export", object_type="investigation", object_id=iid,
                               roles=[Role.ADMINISTRATOR, Role.SUPERVISOR]) as op:
                    inv = load_investigation(op, iid)
                    detail = _jsonable(asdict(detail_view(op.session, inv)))
                rep = generate_report(db, actor, investigation_id=iid, renderer=renderer)
                with db.read() as s:
                    item_ids = {str(r.id) for r in s.scalars(select(ItemResult).where(ItemResult.investigation_id == iid))}
                    finding_ids = {str(f.id) for f in s.scalars(select(Finding).where(Finding.investigation_id == iid))}
                    events = [e for e in audit.iter_events(s) if
                              (e["object_type"] == "investigation" and e["object_id"] == str(iid))
                              or (e["object_type"] == "item_result" and e["object_id"] in item_ids)
                              or (e["object_type"] == "finding" and e["object_id"] in finding_ids)]
                put(f"investigation-{iid}/investigation.json",
                    json.dumps(detail, indent=2, ensure_ascii=False, sort_keys=True).encode("utf-8"))
                put(f"investigation-{iid}/report-{rep.document_id}.pdf", rep.pdf)
                put(f"investigation-{iid}/audit-events.jsonl",
                    "".join(json.dumps(e, sort_keys=True, ensure_ascii=False) + "\n" for e in events).encode("utf-8"))
            with db.read() as s:
                head = audit.head(s)
            raw = manifest_text(manifest, head).encode("utf-8")
            zf.writestr(MANIFEST, raw)
            if key is not None:  # who wrote the MANIFEST: the department's certificate
                zf.writestr(SIGNATURE_NAME, sign_manifest(raw, key))
        os.replace(tmp, output)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise VettingError(f"Cannot write the bundle to {output}: {exc.strerror}. Nothing was written.") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    yield total, total, "Export written."
    return output


def run_export(db: Database, actor: Actor, **kw) -> Path:  # type: ignore[no-untyped-def]
    """Run :func:`export_bundle` to the end (for the CLI)."""
    gen = export_bundle(db, actor, **kw)
    try:
        while True:
            next(gen)
    except StopIteration as stop:
        return stop.value
