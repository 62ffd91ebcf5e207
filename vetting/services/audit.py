"""Append-only, hash-chained audit log.

Each event's hash is SHA-256 over a canonical JSON encoding of its fields and the previous
event's hash. The chain head (count + last hash) is kept in a separate table, so truncating the
tail is detected as well as editing, deleting, inserting or reordering events.
Events hold ids and labels only - never candidate names or finding text. An event written after
records were created, changed or deleted in its unit of work also carries the SHA-256 of each
row's new stored state (:mod:`vetting.services.record_state`), so :func:`verify` finds rows changed
outside the workbench as well as altered events.
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
from sqlalchemy import event as sa_event
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from vetting.errors import DatabaseUnavailable
from vetting.models import AuditEvent, AuditHead, utcnow
from vetting.services import record_state

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
    """Append one event in the caller's transaction (the head row is locked until commit).

    Pending record changes of the session are flushed and their new state hashes added to the
    event's ``detail["state"]``.
    """
    session.flush()
    detail = dict(detail or {})
    states = record_state.take_pending(session)
    if states:
        merged = detail.setdefault("state", {})
        for kind, rows in states.items():
            merged.setdefault(kind, {}).update(rows)
    session.info[_ACTOR] = (user_id, username)
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
        detail=detail,
        prev_hash=head.last_hash,
    )
    event.hash = compute_hash(event)
    session.add(event)
    head.count = event.seq
    head.last_hash = event.hash
    session.flush()
    return event


_ACTOR = "vetting.audit_actor"


def _audit_leftover_changes(session: Session) -> None:
    """Before commit: record changes that no event of the unit of work carried yet."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    if record_state.has_pending(session):
        user_id, username = session.info.get(_ACTOR, (None, ""))
        append(session, event_type="record.state", user_id=user_id, username=username)


record_state.install()
sa_event.listen(Session, "before_commit", _audit_leftover_changes)


def append_baseline(session: Session, reason: str) -> AuditEvent | None:
    """One ``audit.baseline`` event carrying the current state of every recorded row (None when
    there are no rows). Used by the migration that introduced record states, and by any later
    migration that changes the stored form of recorded rows."""
    states = {k: v for k, v in record_state.baseline_states(session).items() if v}
    if not states:
        return None
    return append(session, event_type="audit.baseline", object_type="audit",
                  detail={"reason": reason, "rows": sum(len(v) for v in states.values()), "state": states})


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    head_count: int
    head_hash: str
    problems: tuple[str, ...]
    records_checked: int = 0
    record_problems: tuple[record_state.RecordProblem, ...] = ()
    anchors_checked: int = 0

    @property
    def chain_ok(self) -> bool:
        return not self.problems

    def summary(self, *, limit: int = 200) -> str:
        lines = []
        if self.chain_ok:
            lines.append(f"Audit chain OK: {self.events} events, head {self.head_hash[:16]}…"
                         + (f"; extends {self.anchors_checked} anchored head(s)" if self.anchors_checked else ""))
        else:
            lines.append("Audit chain BROKEN:")
            lines += [f"  - {p}" for p in self.problems]
        if not self.record_problems:
            lines.append(f"Records OK: {self.records_checked} rows match their last audited state.")
        else:
            lines.append(f"Records CHANGED OUTSIDE THE WORKBENCH: {len(self.record_problems)} of "
                         f"{self.records_checked} rows differ from the audit chain:")
            lines += [f"  - {p.message()}" for p in self.record_problems[:limit]]
            if len(self.record_problems) > limit:
                lines.append(f"  … and {len(self.record_problems) - limit} more")
        return "\n".join(lines)


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


@dataclass(frozen=True)
class Anchor:
    """A chain head kept outside the database: event ``count`` had hash ``hash``."""

    count: int
    hash: str
    source: str = ""  # where it came from, for messages

    @property
    def token(self) -> str:
        return head_token(self.count, self.hash)


def head_token(count: int, last_hash: str) -> str:
    """The printed form of a chain head, ``COUNT:HASH`` (what reports, MANIFESTs and anchors show)."""
    return f"{count}:{last_hash}"


def parse_head_token(text: str, source: str = "") -> Anchor:
    """Read ``COUNT:HASH``. Raises ValueError with a message a person can act on."""
    count, sep, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if not sep or not count.strip().isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"{text.strip()[:80]!r} is not an audit head: expected COUNT:HASH, e.g. "
                         "1843:3f9a… (the count, a colon and the 64-character SHA-256)")
    return Anchor(int(count), digest, source)


def _check_anchor(anchor: Anchor, hashes_at: dict[int, str], count: int) -> str | None:
    where = f" ({anchor.source})" if anchor.source else ""
    if anchor.count == 0:
        return None
    if anchor.count > count:
        return (f"the anchored head {anchor.count}:{anchor.hash[:16]}…{where} is beyond the chain, which has only "
                f"{count} events: events were removed or the chain was replaced")
    found = hashes_at.get(anchor.count)
    if found != anchor.hash:
        return (f"the chain does not extend the anchored head{where}: event {anchor.count} should have hash "
                f"{anchor.hash[:16]}… but has {str(found)[:16]}… - the chain was rewritten")
    return None


def verify(session: Session, *, limit_problems: int = 50, records: bool = True,
           anchors: tuple[Anchor, ...] = ()) -> ChainReport:
    """Walk the whole chain and compare with the stored head and with ``anchors`` (heads kept
    outside the database); then (``records``) recompute every recorded row's state and compare it
    with its last audited state.

    Rows are read raw, so a row whose time or detail was made unreadable outside the workbench is
    reported as a problem rather than stopping the walk.

    Raises
    ------
    DatabaseUnavailable
        The audit tables are missing or unreadable (the database was altered outside the workbench).
    """
    try:
        return _verify(session, limit_problems, records, anchors)
    except (OperationalError, ProgrammingError) as exc:
        raise DatabaseUnavailable(
            "The audit log cannot be read: its tables are missing or damaged, so the database was altered "
            f"outside the workbench ({type(exc.orig).__name__}). Keep this file as evidence and restore a backup."
        ) from exc


def _verify(session: Session, limit_problems: int, records: bool, anchors: tuple[Anchor, ...]) -> ChainReport:
    problems: list[str] = []
    wanted = {a.count for a in anchors}
    hashes_at: dict[int, str] = {}
    prev = GENESIS
    expected_seq = 1
    count = 0
    last = record_state.LastStates()
    for row in _raw_rows(session):
        count += 1
        if row.seq in wanted:
            hashes_at[row.seq] = row.hash
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
            last.add(row.seq, fields["detail"])
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
    for anchor in anchors:
        problem = _check_anchor(anchor, hashes_at, count)
        if problem:
            problems.append(problem)
    checked, changed = record_state.compare(session, last) if records else (0, [])
    return ChainReport(not problems and not changed, count, head_count, head_hash, tuple(problems),
                       checked, tuple(changed), len(anchors))


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
