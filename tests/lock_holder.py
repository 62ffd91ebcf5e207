"""Child process for the busy-database tests: another program holding the write lock.

``python -m tests.lock_holder URL`` opens its own connection, takes the lock every workbench write
needs (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: ``LOCK TABLE audit_head IN EXCLUSIVE MODE`` —
every audited change updates that row), prints ``locked`` and keeps the transaction open until
its standard input closes or says ``release``; then it rolls back (it never writes anything)."""

from __future__ import annotations

import sqlite3
import sys

from sqlalchemy.engine import make_url

url = make_url(sys.argv[1])
if url.get_backend_name() == "sqlite":
    conn = sqlite3.connect(url.database, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
else:
    import psycopg

    conn = psycopg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, dbname=url.database
    )
    conn.execute("LOCK TABLE audit_head IN EXCLUSIVE MODE")  # psycopg opened a transaction
print("locked", flush=True)
for line in sys.stdin:
    if line.strip() == "release":
        break
conn.rollback()
conn.close()
print("released", flush=True)
