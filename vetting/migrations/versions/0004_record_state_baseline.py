"""Record states in the audit chain: one audited baseline of every existing row; report records
for uniformity reports and signed reports.

From this revision on, every audit event that creates, changes or deletes records carries the
SHA-256 of each row's new stored state. Rows written before it get theirs here, in one
``audit.baseline`` event, so `vetting audit verify` can check every row from now on. Nothing is
written on an empty database.

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from vetting.services import audit

    # Report records also record uniformity reports (by hiring process) and whether a file is signed.
    with op.batch_alter_table("report_record") as batch:
        batch.alter_column("investigation_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("process_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("signed", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_foreign_key("fk_report_record_process_id_hiring_process", "hiring_process",
                                 ["process_id"], ["id"])
    session = Session(bind=op.get_bind())
    try:
        audit.append_baseline(session, "record states introduced (schema 0004)")
        session.flush()
    finally:
        session.close()


def downgrade() -> None:
    # The baseline event stays: the audit log is append-only.
    with op.batch_alter_table("report_record") as batch:
        batch.drop_constraint("fk_report_record_process_id_hiring_process", type_="foreignkey")
        batch.drop_column("signed")
        batch.drop_column("process_id")
