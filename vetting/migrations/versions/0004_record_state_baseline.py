"""Record states in the audit chain: one audited baseline of every existing row.

From this revision on, every audit event that creates, changes or deletes records carries the
SHA-256 of each row's new stored state. Rows written before it get theirs here, in one
``audit.baseline`` event, so `vetting audit verify` can check every row from now on. Nothing is
written on an empty database.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op
from sqlalchemy.orm import Session

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from vetting.services import audit

    session = Session(bind=op.get_bind())
    try:
        audit.append_baseline(session, "record states introduced (schema 0004)")
        session.flush()
    finally:
        session.close()


def downgrade() -> None:
    pass  # the baseline event stays: the audit log is append-only
