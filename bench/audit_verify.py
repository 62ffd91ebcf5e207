"""`audit verify` at scale: 10,000 investigations / 200,000 findings, every row audited.

Fills the database as bench/db_scale.py does, then writes the audit chain such a file would have:
one event per created row (investigation, item result, finding), each carrying the row's state hash
as the workbench writes it, hash-chained - then times the full verification (chain walk, head, and
recomputing every recorded row's state). Target: <= 30 s.

    python bench/audit_verify.py [--investigations 10000] [--findings 200000] [--encrypt] [--runs 3]
    python bench/audit_verify.py --database FILE     # time again on a file an earlier run filled

Prints wall-clock time and the process's CPU time: on a shared machine the CPU time is the figure
that does not depend on what else runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("VETTING_HOME", tempfile.mkdtemp(prefix="vetting-bench-"))

from sqlalchemy import insert

from bench.db_scale import fill
from bench.machine import machine
from vetting.db import open_database
from vetting.models import AuditEvent, AuditHead
from vetting.services import audit, record_state
from vetting.services.templates import install_defaults


def write_chain(db) -> int:  # type: ignore[no-untyped-def]
    """Append one event per row that has none yet (after the real ones), as the services would."""
    with db.write() as s:
        count, prev = audit.head(s)
        last = record_state.LastStates()
        for e in s.query(AuditEvent).order_by(AuditEvent.seq):
            last.add(e.seq, e.detail)
        now = dt.datetime.now(dt.UTC)
        batch: list[dict] = []
        for kind, table in record_state.recorded_tables().items():
            known = last.by_type.get(kind, {})
            for ident, digest in record_state.iter_states(s, kind, table):
                if ident in known:
                    continue
                count += 1
                e = AuditEvent(seq=count, occurred_at=now, user_id=2, username="inv0", workstation="bench",
                               event_type=f"{kind}.create", object_type=kind, object_id=ident, outcome="success",
                               detail={"state": {kind: {ident: digest}}}, prev_hash=prev)
                e.hash = audit.compute_hash(e)
                prev = e.hash
                batch.append({c.name: getattr(e, c.name) for c in AuditEvent.__table__.columns})
                if len(batch) >= 20000:
                    s.execute(insert(AuditEvent), batch)
                    batch = []
        if batch:
            s.execute(insert(AuditEvent), batch)
        head = s.get(AuditHead, 1)
        head.count, head.last_hash = count, prev
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--investigations", type=int, default=10_000)
    ap.add_argument("--findings", type=int, default=200_000)
    ap.add_argument("--encrypt", action="store_true")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--database", help="an SQLite file filled by an earlier run (skips the fill)")
    args = ap.parse_args()
    key = "bench passphrase 2027" if args.encrypt else None
    if args.database:
        path = Path(args.database)
        db = open_database(f"sqlite:///{path}", key=key, migrate=False)
    else:
        path = Path(tempfile.mkdtemp(prefix="vetting-auditbench-")) / "bench.sqlite3"
        db = open_database(f"sqlite:///{path}", encrypt=args.encrypt, key=key)
        install_defaults(db)
        fill(db, args.investigations, args.findings)
        write_chain(db)
    wall, cpu = [], []
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        with db.read() as s:
            report = audit.verify(s)
        wall.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        assert report.ok, report.summary()
    load = os.getloadavg()[0]
    print(f"machine: {machine()}; load average {load:.1f} during the run")
    print(f"database: {path} ({'SQLCipher-encrypted, ' if args.encrypt else ''}{report.events:,} audit events, "
          f"{report.records_checked:,} recorded rows, {path.stat().st_size / 1e6:.0f} MB)")
    print(f"audit verify (chain + head + every row's state): median wall {statistics.median(wall):.1f} s, "
          f"CPU {statistics.median(cpu):.1f} s (wall runs: {', '.join(f'{x:.1f}' for x in wall)}; target <= 30 s)")
    db.dispose()


if __name__ == "__main__":
    main()
