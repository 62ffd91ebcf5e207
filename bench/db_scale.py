"""Navigator at scale: 10,000 investigations and 200,000 findings on SQLite.

Times (median of 15 runs each) the first page of the investigation list (100 rows, newest first,
with item and finding counts) and a search by candidate name or alias, through the real service
(`list_investigations`), which is what the GUI calls. Target: <= 100 ms median each.

    python bench/db_scale.py [--investigations 10000] [--findings 200000] [--encrypt]

``--encrypt`` runs the same on an SQLCipher-encrypted file (encryption at rest).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("VETTING_HOME", tempfile.mkdtemp(prefix="vetting-bench-"))

from sqlalchemy import insert, select

from bench.machine import machine
from vetting.db import open_database
from vetting.models import (
    Candidate,
    Finding,
    HiringProcess,
    Investigation,
    ItemResult,
    Screened,
    TemplateItem,
    TemplateSection,
    TemplateVersion,
)
from vetting.services import investigations as I
from vetting.services import users as U
from vetting.services.templates import install_defaults

FIRST = ["Ava", "Liam", "Noah", "Emma", "Mia", "Lucas", "Zoë", "Mateo", "Aiyana", "Kai", "Nora", "Eli", "Hana",
         "Tomás", "Leilani", "Ivan", "Olga", "Sione", "Maya", "Jonah"]
LAST = ["Whitfield", "Castillo", "Nakamura", "Olafsdóttir", "Nguyen", "Petrov", "Brown", "Jackson", "Martinez",
        "Kowalski", "Johansson", "Tuilagi", "Okafor", "Rivera", "Smith", "Lee", "Begay", "Yazzie", "Haugen", "Kim"]


def fill(db, n_inv: int, n_find: int) -> tuple:  # type: ignore[no-untyped-def]
    admin = U.create_first_administrator(db, username="admin", display_name="Admin", password="Bench-Password-123")
    U.add_user(db, admin, username="sup", display_name="Sup", role="supervisor", password="Bench-Password-123")
    sup = U.sign_in(db, username="sup", password="Bench-Password-123")
    inv_ids = []
    for k in range(5):
        U.add_user(db, admin, username=f"inv{k}", display_name=f"Investigator {k}", role="investigator",
                   password="Bench-Password-123")
        inv_ids.append(U.sign_in(db, username=f"inv{k}", password="Bench-Password-123").user_id)
    rnd = random.Random(7)
    with db.write() as s:
        version = s.scalars(select(TemplateVersion)).first()
        proc = HiringProcess(name="Bench process", position_title="Police Officer", template_version_id=version.id)
        s.add(proc)
        s.flush()
        item_ids = list(s.scalars(select(TemplateItem.id).join(TemplateSection)
                                  .where(TemplateSection.version_id == version.id)
                                  .order_by(TemplateSection.position, TemplateItem.position)))
        now = dt.datetime.now(dt.UTC)
        cands = []
        for i in range(n_inv):
            name = f"{rnd.choice(FIRST)} {chr(65 + i % 26)}. {rnd.choice(LAST)}-{i}"
            alias = f"{rnd.choice(FIRST)[:3].lower()}{i}"
            # Bench data stands for text already through the screening seam (Screened).
            cands.append({"id": i + 1, "full_name": name, "aliases": [Screened(alias)], "emails": [], "usernames": [],
                          "search_key": f"{name} | {alias}".casefold(), "created_at": now})
        s.execute(insert(Candidate), cands)
        statuses = ["open", "open", "submitted", "approved", "closed", "returned"]
        s.execute(insert(Investigation), [
            {"id": i + 1, "candidate_id": i + 1, "process_id": proc.id, "investigator_id": rnd.choice(inv_ids),
             "status": rnd.choice(statuses), "opened_at": now - dt.timedelta(minutes=i), "legal_hold": False,
             "version": 1} for i in range(n_inv)])
        rows = []
        rid = 0
        first_item_result = {}
        for i in range(n_inv):
            for pos, item_id in enumerate(item_ids, 1):
                rid += 1
                if pos == 2:
                    first_item_result[i + 1] = rid
                rows.append({"id": rid, "investigation_id": i + 1, "item_id": item_id, "position": pos,
                             "status": rnd.choice(["pending", "no_findings", "findings_recorded"]),
                             "attestations_confirmed": [], "version": 1})
            if len(rows) > 20000:
                s.execute(insert(ItemResult), rows)
                rows = []
        if rows:
            s.execute(insert(ItemResult), rows)
        rows = []
        for k in range(n_find):
            inv = rnd.randint(1, n_inv)
            rows.append({"investigation_id": inv, "item_result_id": first_item_result[inv], "platform": Screened("Facebook"),
                         "url": Screened(f"https://facebook.example/p/{k}"), "captured_at": now, "kind": "concern",
                         "categories": ["reckless_behaviour"],
                         "text": Screened("Posted about driving 120 mph on the highway again [REDACTED]."),
                         "validation_status": rnd.choice(["unvalidated", "validated", "refuted"]),
                         "validation_methods": [], "redaction_dismissed": {}, "created_at": now, "version": 1})
            if len(rows) >= 20000:
                s.execute(insert(Finding), rows)
                rows = []
        if rows:
            s.execute(insert(Finding), rows)
    return sup


def timed(fn, runs: int = 15) -> float:
    fn()  # warm
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--investigations", type=int, default=10_000)
    ap.add_argument("--findings", type=int, default=200_000)
    ap.add_argument("--encrypt", action="store_true", help="an SQLCipher-encrypted database file")
    args = ap.parse_args()
    path = Path(tempfile.mkdtemp(prefix="vetting-dbscale-")) / "bench.sqlite3"
    db = open_database(f"sqlite:///{path}", encrypt=args.encrypt,
                       key="bench passphrase 2027" if args.encrypt else None)
    install_defaults(db)
    t = time.perf_counter()
    sup = fill(db, args.investigations, args.findings)
    fill_s = time.perf_counter() - t
    first_page = timed(lambda: I.list_investigations(db, sup, limit=100))
    search = timed(lambda: I.list_investigations(db, sup, search="olafs", limit=100))
    alias = timed(lambda: I.list_investigations(db, sup, search="zoë a", limit=100))
    rows = I.list_investigations(db, sup, limit=100)
    assert len(rows) == 100 and rows[0].items_total > 0
    print(f"machine: {machine()}")
    print(f"database: {'SQLCipher-encrypted, ' if args.encrypt else ''}{args.investigations:,} investigations, "
          f"{args.findings:,} findings "
          f"({path.stat().st_size / 1e6:.0f} MB, filled in {fill_s:.1f} s)")
    print(f"first page of 100 (sorted, with counts): median {first_page:.1f} ms  (target <= 100 ms)")
    print(f"search by name:                          median {search:.1f} ms  (target <= 100 ms)")
    print(f"search by name/alias prefix:             median {alias:.1f} ms  (target <= 100 ms)")
    db.dispose()


if __name__ == "__main__":
    main()
