"""Records duties: backup and restore, audit export.

Backups of SQLite use the online backup API, so they are consistent while workstations are using
the database. PostgreSQL installations use ``pg_dump``/``pg_restore`` (see the README).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import delete, select

from vetting.db import Database, check_sqlite_file, sqlite_backup, sqlite_path
from vetting.errors import DatabaseUnavailable, VettingError
from vetting.models import (
    Account,
    Finding,
    Investigation,
    InvestigationStatus,
    ItemResult,
    ReviewEvent,
    Role,
    SearchQueryRun,
    utcnow,
)
from vetting.services import audit
from vetting.services.core import Actor, operation, service
from vetting.services.investigations import detail_view, load_investigation


def backup_database(db: Database, output: Path) -> Path:
    """Write a consistent copy of the SQLite database to ``output`` (never overwrites a file)."""
    path = db.sqlite_path
    if path is None:
        raise VettingError("This database is on a PostgreSQL server: back it up with pg_dump (see the README).")
    if output.exists():
        raise VettingError(f"{output} exists; choose a new file name so that no backup is overwritten.")
    try:
        return sqlite_backup(path, output)
    except OSError as exc:
        raise VettingError(f"Cannot write the backup to {output}: {exc.strerror}. Nothing was changed.") from exc


def restore_database(url: str, backup: Path) -> Path:
    """Replace the SQLite database with ``backup``; the replaced file is kept beside it.

    The backup is checked (SQLite, integrity, a workbench schema) before anything is replaced.
    Returns the path where the previous database was kept.
    """
    import sqlite3

    target = sqlite_path(url)
    if target is None:
        raise VettingError("This database is on a PostgreSQL server: restore it with pg_restore (see the README).")
    if not backup.exists():
        raise VettingError(f"The backup {backup} does not exist.")
    check_sqlite_file(backup)
    try:
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            has = conn.execute("SELECT count(*) FROM sqlite_master WHERE name='alembic_version'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise VettingError(f"The backup {backup} is damaged ({exc}); nothing was changed.") from exc
    if ok != "ok" or not has:
        raise VettingError(f"The backup {backup} is not a sound workbench database; nothing was changed.")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    kept = target.with_name(f"{target.stem}-replaced-{stamp}{target.suffix}")
    staged = target.with_name(target.name + ".restoring")
    sqlite_backup(backup, staged)
    if target.exists():
        sqlite_backup(target, kept)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    os.replace(staged, target)
    return kept


@service
def export_audit(db: Database, actor: Actor, *, since: dt.datetime | None, until: dt.datetime | None,
                 output: IO[str] | Path) -> int:
    """Write audit events as JSON Lines (administrator or supervisor). Returns the number written."""
    with operation(db, actor, "audit.export", object_type="audit",
                   roles=[Role.ADMINISTRATOR, Role.SUPERVISOR]) as op:
        n = 0
        fh = output.open("w", encoding="utf-8") if isinstance(output, Path) else output
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
    generated PDF report, its audit events, and a MANIFEST of SHA-256 sums (supervisor or
    administrator). A generator: yields ``(done, total, message)``; returns the output path."""
    from vetting.services.reports import generate_report

    if output.exists():
        raise VettingError(f"{output} exists; choose a new file name.")
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
            body = "".join(f"{digest}  {name}\n" for digest, name in manifest)
            zf.writestr("MANIFEST", body.encode("utf-8"))
        os.replace(tmp, output)
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


def verify_bundle(path: Path) -> tuple[bool, list[str]]:
    """Check every file of an export against its MANIFEST; returns (ok, problems)."""
    problems: list[str] = []
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "MANIFEST" not in names:
                return False, ["the bundle has no MANIFEST"]
            listed = {}
            for line in zf.read("MANIFEST").decode("utf-8").splitlines():
                digest, _, name = line.partition("  ")
                listed[name] = digest
            for name, digest in listed.items():
                if name not in names:
                    problems.append(f"{name} is listed but missing")
                elif hashlib.sha256(zf.read(name)).hexdigest() != digest:
                    problems.append(f"{name} was changed")
            for name in sorted(names - set(listed) - {"MANIFEST"}):
                problems.append(f"{name} is not listed in the MANIFEST")
    except (zipfile.BadZipFile, OSError) as exc:
        return False, [f"not a readable ZIP file ({exc})"]
    return not problems, problems
