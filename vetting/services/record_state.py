"""The state of every record, as the audit chain knows it.

Every ORM-persisted insert, update or delete of a recorded model (every mapped table except the
audit log itself) is noted on its session by mapper and bulk-statement hooks installed here. When
the next audit event of that unit of work is written (:func:`vetting.services.audit.append`), it
takes those notes and carries, per changed row, the SHA-256 of the row's new canonical state - or
``null`` for a deleted row - in ``detail["state"]`` as ``{object_type: {id: hash}}``. Changes left
without an event at commit get one of their own (``record.state``). So the chain holds the last
state of every row the workbench wrote, and :func:`compare` finds rows changed outside it.

The canonical state is computed generically from the row exactly as the database driver returns it
(the stored, redacted texts - nothing unscreened ever reaches a column): every mapped column that
exists, in table order, NULLs left out (so adding a nullable column does not change any state),
values the driver returns as objects (dates, PostgreSQL JSON) in their ``str``/JSON form, bound to
the object type and id. Reading raw values (no ORM type conversion) keeps verification of a large
file fast; the form is the same on every read of one database. A migration that adds a non-null column to a recorded table must
record a new baseline (:func:`baseline_states`).

Thread: whatever thread runs the session; no shared state beyond ``session.info``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, column, event, inspect, select
from sqlalchemy.orm import Mapper, Session, object_session

from vetting.models import AuditEvent, AuditHead, Base

_PENDING = "vetting.pending_record_state"
#: Object type names that differ from the table name (the names audit events already use).
_TYPE_NAMES = {"user_account": "user", "checklist_template": "template"}
_NOT_RECORDED = {AuditEvent.__table__.name, AuditHead.__table__.name}
_CHUNK = 500

States = dict[str, dict[str, str | None]]  # object_type -> {id: state hash, or None when deleted}


def object_type(table: Table) -> str:
    return _TYPE_NAMES.get(table.name, table.name)


def recorded_tables() -> dict[str, Table]:
    """Every recorded table by object type: all mapped tables except the audit log's own."""
    tables = {}
    for mapper in Base.registry.mappers:
        table = mapper.local_table
        if isinstance(table, Table) and table.name not in _NOT_RECORDED:
            tables[object_type(table)] = table
    return dict(sorted(tables.items()))


def state_hash(kind: str, ident: object, row: dict[str, Any]) -> str:
    """SHA-256 of one row's canonical state: its raw stored values, NULL columns omitted."""
    state = {k: v for k, v in row.items() if v is not None}
    doc = [kind, str(ident), state]
    return hashlib.sha256(json.dumps(doc, separators=(",", ":"), ensure_ascii=False,
                                     default=str).encode("utf-8")).hexdigest()


def _pk(table: Table):  # type: ignore[no-untyped-def]
    return next(iter(table.primary_key.columns))


def _present_columns(session: Session, table: Table) -> list:  # type: ignore[type-arg]
    """The table's mapped columns that exist in this database (an older schema during a migration)."""
    present = {c["name"] for c in inspect(session.connection()).get_columns(table.name)}
    return [c for c in table.columns if c.name in present]


def iter_states(session: Session, kind: str, table: Table, ids: list[object] | None = None,
                batch: int = 5000, *, columns: list | None = None) -> Iterator[tuple[str, str]]:  # type: ignore[type-arg]
    """``(id, state hash)`` of the rows of ``table`` (all of them, or those with ``ids``)."""
    cols = list(table.columns) if columns is None else columns
    pk = _pk(table)
    names = [c.name for c in cols]
    raw = [column(n) for n in names]  # untyped: the driver's values, no ORM type conversion
    chunks = [None] if ids is None else [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]
    conn = session.connection()
    for chunk in chunks:
        q = select(*raw).select_from(table)
        if chunk is not None:
            q = q.where(pk.in_(chunk))
        result = conn.execute(q, execution_options={"yield_per": batch} if chunk is None else {})
        for row in result:
            values = dict(zip(names, row, strict=True))
            ident = values[pk.name]
            yield str(ident), state_hash(kind, ident, values)


# ---------------------------------------------------------------- noting changes


def _note(session: Session | None, table: Table, ident: object, deleted: bool) -> None:
    if session is None or table.name in _NOT_RECORDED:
        return
    session.info.setdefault(_PENDING, {}).setdefault(object_type(table), {})[ident] = deleted


def _on_write(deleted: bool):  # type: ignore[no-untyped-def]
    def listener(mapper: Mapper, _connection, target) -> None:  # type: ignore[no-untyped-def]
        ident = mapper.primary_key_from_instance(target)[0]
        _note(object_session(target), mapper.local_table, ident, deleted)

    return listener


def _on_bulk(state) -> None:  # type: ignore[no-untyped-def]
    """An ORM ``update()``/``delete()`` statement: note the rows it is about to touch."""
    if not (state.is_update or state.is_delete):
        return
    mapper = state.bind_mapper
    table = mapper.local_table if mapper is not None else None
    if not isinstance(table, Table) or table.name in _NOT_RECORDED:
        return
    q = select(_pk(table))
    where = getattr(state.statement, "whereclause", None)
    if where is not None:
        q = q.where(where)
    for ident in state.session.connection().execute(q).scalars():
        _note(state.session, table, ident, state.is_delete)


def _forget(session: Session, _previous=None) -> None:  # type: ignore[no-untyped-def]
    session.info.pop(_PENDING, None)


def has_pending(session: Session) -> bool:
    return bool(session.info.get(_PENDING))


def take_pending(session: Session) -> States:
    """The new state of every row changed since the last call, and forget them. Call after a flush."""
    pending = session.info.pop(_PENDING, None) or {}
    tables = recorded_tables()
    out: States = {}
    for kind, rows in sorted(pending.items()):
        table = tables[kind]
        states: dict[str, str | None] = {str(i): None for i, deleted in rows.items() if deleted}
        alive = [i for i, deleted in rows.items() if not deleted]
        states.update(iter_states(session, kind, table, alive))
        out[kind] = dict(sorted(states.items()))
    return out


def baseline_states(session: Session) -> States:
    """The current state of every recorded row (for a baseline event; also inside a migration,
    where the schema may lack columns that later migrations add)."""
    insp = inspect(session.connection())
    return {kind: dict(iter_states(session, kind, table, columns=_present_columns(session, table)))
            for kind, table in recorded_tables().items() if insp.has_table(table.name)}


_installed = False


def install() -> None:
    """Install the hooks (idempotent; done when the audit module is imported)."""
    global _installed
    if _installed:
        return
    event.listen(Base, "after_insert", _on_write(False), propagate=True)
    event.listen(Base, "after_update", _on_write(False), propagate=True)
    event.listen(Base, "after_delete", _on_write(True), propagate=True)
    event.listen(Session, "do_orm_execute", _on_bulk)
    event.listen(Session, "after_rollback", _forget)
    _installed = True


# ---------------------------------------------------------------- comparing


@dataclass(frozen=True)
class RecordProblem:
    object_type: str
    object_id: str
    kind: str  # "changed" / "unaudited" / "gone"
    event: int | None  # the event that recorded the last state

    def message(self) -> str:
        what = f"{self.object_type} {self.object_id}"
        if self.kind == "changed":
            return (f"{what} was changed outside the workbench: its stored state differs from the state "
                    f"recorded by audit event {self.event}")
        if self.kind == "reappeared":
            return f"{what} was deleted by audit event {self.event} but is present again (inserted outside the workbench)"
        if self.kind == "unaudited":
            return f"{what} has no audit event: it was added outside the workbench"
        return f"{what} is gone, but no audit event records its deletion (last state: audit event {self.event})"


class LastStates:
    """The last audited state of each row, gathered while walking the chain."""

    def __init__(self) -> None:
        self.by_type: dict[str, dict[str, tuple[str | None, int]]] = {}

    def add(self, seq: int, detail: dict[str, Any] | None) -> None:
        states = (detail or {}).get("state")
        if not isinstance(states, dict):
            return
        for kind, rows in states.items():
            if isinstance(rows, dict):
                target = self.by_type.setdefault(kind, {})
                for ident, digest in rows.items():
                    target[ident] = (digest, seq)


def compare(session: Session, last: LastStates) -> tuple[int, list[RecordProblem]]:
    """Recompute every recorded row's state and compare it with ``last``: (rows checked, problems)."""
    problems: list[RecordProblem] = []
    checked = 0
    for kind, table in recorded_tables().items():
        known = last.by_type.get(kind, {})
        seen: set[str] = set()
        for ident, digest in iter_states(session, kind, table):
            checked += 1
            seen.add(ident)
            recorded = known.get(ident)
            if recorded is None:
                problems.append(RecordProblem(kind, ident, "unaudited", None))
            elif recorded[0] is None:
                problems.append(RecordProblem(kind, ident, "reappeared", recorded[1]))
            elif recorded[0] != digest:
                problems.append(RecordProblem(kind, ident, "changed", recorded[1]))
        for ident, (digest, seq) in known.items():
            if digest is not None and ident not in seen:
                problems.append(RecordProblem(kind, ident, "gone", seq))
    problems.sort(key=lambda p: (p.object_type, _sort_key(p.object_id)))
    return checked, problems


def _sort_key(ident: str) -> tuple[int, str]:
    return (int(ident), "") if ident.isdigit() else (1 << 62, ident)
