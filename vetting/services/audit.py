"""Append-only, hash-chained audit log.

Each event's hash is SHA-256 over a canonical JSON encoding of its fields and the previous
event's hash. The chain head (count + last hash) is kept in a separate table, so truncating the
tail is detected as well as editing, deleting, inserting or reordering events.
Events hold ids and labels only - never candidate names or finding text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, TypeDecorator, select, type_coerce
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from vetting.errors import DatabaseUnavailable
from vetting.models import AuditEvent, AuditHead, utcnow

GENESIS = "0" * 64
_WORKSTATION = socket.gethostname()[:255]


def canonical(event: dict[str, Any]) -> bytes:
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _fields(e: AuditEvent) -> dict[str, Any]:
    return _row_fields(e)


def compute_hash(e: AuditEvent) -> str:
    return hashlib.sha256(canonical(_fields(e))).hexdigest()


def append(
    session: Session,
    *,
    event_type: str,
    outcome: str = "success",
    user_id: int | None = None,
    username: str = "",
    object_type: str = "",
    object_id: object = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (the head row is locked until commit)."""
    head = session.scalars(select(AuditHead).where(AuditHead.id == 1).with_for_update()).one_or_none()
    if head is None:
        head = AuditHead(id=1, count=0, last_hash=GENESIS)
        session.add(head)
        session.flush()
    event = AuditEvent(
        seq=head.count + 1,
        occurred_at=utcnow(),
        user_id=user_id,
        username=username,
        workstation=_WORKSTATION,
        event_type=event_type,
        object_type=object_type,
        object_id="" if object_id is None else str(object_id),
        outcome=outcome,
        detail=detail or {},
        prev_hash=head.last_hash,
    )
    event.hash = compute_hash(event)
    session.add(event)
    head.count = event.seq
    head.last_hash = event.hash
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    head_count: int
    head_hash: str
    problems: tuple[str, ...]

    def summary(self) -> str:
        if self.ok:
            return f"Audit chain OK: {self.events} events, head {self.head_hash[:16]}…"
        return "Audit chain BROKEN:\n" + "\n".join(f"  - {p}" for p in self.problems)


class _Raw(TypeDecorator[Any]):
    """A column read as the driver returns it, so one malformed row cannot stop the walk."""

    impl = String
    cache_ok = True


def _raw_rows(session: Session) -> Iterator[Any]:
    t = AuditEvent.__table__
    cols = [t.c[name] for name in ("seq", "user_id", "username", "workstation", "event_type", "object_type",
                                   "object_id", "outcome", "prev_hash", "hash")]
    q = select(*cols, type_coerce(t.c.occurred_at, _Raw).label("occurred_at"),
               type_coerce(t.c.detail, _Raw).label("detail")).order_by(t.c.seq)
    return iter(session.execute(q.execution_options(yield_per=2000)))


def _row_fields(row: Any) -> dict[str, Any]:
    """The hashed fields of a raw row; ValueError names what cannot be read (altered outside the workbench)."""
    when = row.occurred_at
    try:
        if isinstance(when, str):
            when = dt.datetime.fromisoformat(when)
        if not isinstance(when, dt.datetime):
            raise ValueError
    except ValueError:
        raise ValueError("its time is not a valid date and time") from None
    detail = row.detail
    if isinstance(detail, str | bytes):
        try:
            detail = json.loads(detail)
        except ValueError:
            raise ValueError("its detail is not valid JSON") from None
    if detail is not None and not isinstance(detail, dict):
        raise ValueError("its detail is not a JSON object")
    return {
        "seq": row.seq,
        "occurred_at": (when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)).isoformat(
            timespec="microseconds"),
        "user_id": row.user_id,
        "username": row.username,
        "workstation": row.workstation,
        "event_type": row.event_type,
        "object_type": row.object_type,
        "object_id": row.object_id,
        "outcome": row.outcome,
        "detail": detail or {},
        "prev_hash": row.prev_hash,
    }


def verify(session: Session, *, limit_problems: int = 50) -> ChainReport:
    """Walk the whole chain and compare with the stored head.

    Rows are read raw, so a row whose time or detail was made unreadable outside the workbench is
    reported as a problem rather than stopping the walk.

    Raises
    ------
    DatabaseUnavailable
        The audit tables are missing or unreadable (the database was altered outside the workbench).
    """
    try:
        return _verify(session, limit_problems)
    except (OperationalError, ProgrammingError) as exc:
        raise DatabaseUnavailable(
            "The audit log cannot be read: its tables are missing or damaged, so the database was altered "
            f"outside the workbench ({type(exc.orig).__name__}). Keep this file as evidence and restore a backup."
        ) from exc


def _verify(session: Session, limit_problems: int) -> ChainReport:
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    count = 0
    for row in _raw_rows(session):
        count += 1
        if row.seq != expected_seq:
            problems.append(f"event {expected_seq} is missing (next present is {row.seq}): deleted or reordered")
            expected_seq = row.seq
        if row.prev_hash != prev:
            problems.append(f"event {row.seq} does not follow the event before it: deleted, inserted or reordered")
        try:
            fields = _row_fields(row)
        except ValueError as exc:
            problems.append(f"event {row.seq} was altered after it was written ({exc})")
        else:
            if hashlib.sha256(canonical(fields)).hexdigest() != row.hash:
                problems.append(f"event {row.seq} was altered after it was written (hash mismatch)")
        prev = row.hash
        expected_seq += 1
        if len(problems) >= limit_problems:
            break
    head = session.get(AuditHead, 1)
    head_count = head.count if head else 0
    head_hash = head.last_hash if head else GENESIS
    if not problems:
        if head_count != count:
            problems.append(
                f"the chain head records {head_count} events but {count} are present: "
                + ("events were removed from the end" if head_count > count else "events were added outside the workbench")
            )
        elif head_hash != prev:
            problems.append("the last event does not match the recorded chain head")
    return ChainReport(not problems, count, head_count, head_hash, tuple(problems))


def head(session: Session) -> tuple[int, str]:
    h = session.get(AuditHead, 1)
    return (h.count, h.last_hash) if h else (0, GENESIS)


def event_dict(e: AuditEvent) -> dict[str, Any]:
    d = _fields(e)
    d["hash"] = e.hash
    return d


def iter_events(
    session: Session,
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    object_type: str | None = None,
    object_ids: set[str] | None = None,
) -> Iterator[dict[str, Any]]:
    q = select(AuditEvent).order_by(AuditEvent.seq)
    if since is not None:
        q = q.where(AuditEvent.occurred_at >= since)
    if until is not None:
        q = q.where(AuditEvent.occurred_at < until)
    if object_type is not None:
        q = q.where(AuditEvent.object_type == object_type)
    if object_ids is not None:
        q = q.where(AuditEvent.object_id.in_(object_ids))
    for e in session.scalars(q).yield_per(2000):
        yield event_dict(e)
