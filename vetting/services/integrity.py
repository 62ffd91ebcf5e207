"""Proving the file: the audit chain, the records' states, and anchors kept outside the database.

:func:`verify_audit` is what Administration's *Verify* button calls (administrator; audited).
An anchor is a small dated text file holding the chain head (``COUNT:HASH``) at one moment
(:func:`write_anchor`); kept away from the database, it proves later that the chain still extends
that head, so rewriting the events and the head consistently is detected. Reports and export
MANIFESTs print the same ``COUNT:HASH`` token.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy.engine import make_url

from vetting.db import Database
from vetting.errors import VettingError
from vetting.models import Role
from vetting.services import audit
from vetting.services.core import Actor, operation, service


@service
def verify_audit(db: Database, actor: Actor) -> audit.ChainReport:
    """Verify the audit chain, its head and every record's state (administrator). The check is
    read in one transaction; its outcome is audited."""
    with operation(db, actor, "audit.verify", object_type="audit", roles=[Role.ADMINISTRATOR]) as op:
        report = audit.verify(op.session)
        op.detail = {"ok": report.ok, "events": report.events, "records": report.records_checked,
                     "chain_problems": len(report.problems), "record_problems": len(report.record_problems)}
        return report


# ---------------------------------------------------------------- anchors kept outside the database

ANCHOR_TITLE = "Vetting Workbench audit anchor"


def current_head(db: Database) -> audit.Anchor:
    """The chain head now (read-only; no sign-in needed: it reveals a count and a hash)."""
    with db.read() as s:
        count, last_hash = audit.head(s)
    return audit.Anchor(count, last_hash)


def write_anchor(db: Database, output: Path, *, now: dt.datetime | None = None) -> audit.Anchor:
    """Write a dated anchor file holding the current chain head. Never overwrites a file.

    Raises
    ------
    VettingError
        The file exists or cannot be written.
    """
    if output.exists():
        raise VettingError(f"{output} exists; choose a new file name so that no earlier anchor is lost.")
    head = current_head(db)
    now = now or dt.datetime.now(dt.UTC)
    where = str(db.sqlite_path) if db.sqlite_path else make_url(db.url).render_as_string(hide_password=True)
    body = (f"{ANCHOR_TITLE}\n"
            f"Written: {now.isoformat(timespec='seconds')}\n"
            f"Database: {where}\n"
            f"Events: {head.count}\n"
            f"Head: {head.token}\n"
            "Keep this file away from the database (another machine, write-once media, or printed).\n"
            f"Check the chain against it with: vetting audit verify --anchor {output.name}\n")
    tmp = output.with_name(output.name + ".part")
    try:
        tmp.write_text(body, encoding="utf-8")
        os.replace(tmp, output)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise VettingError(f"Cannot write the anchor to {output}: {exc.strerror}.") from exc
    return head


def read_anchor(path: Path) -> audit.Anchor:
    """The head recorded in an anchor file. Raises VettingError naming the file when unreadable."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise VettingError(f"Cannot read the anchor file {path}: {getattr(exc, 'strerror', None) or exc}.") from exc
    heads = [ln.split(":", 1)[1] for ln in lines if ln.startswith("Head:")]
    written = next((ln.split(":", 1)[1].strip() for ln in lines if ln.startswith("Written:")), "")
    if not lines or lines[0] != ANCHOR_TITLE or len(heads) != 1:
        raise VettingError(f"{path} is not an audit anchor written by `vetting audit anchor`.")
    try:
        return audit.parse_head_token(heads[0], f"anchor {path.name}" + (f" of {written}" if written else ""))
    except ValueError as exc:
        raise VettingError(f"{path}: {exc}.") from exc
