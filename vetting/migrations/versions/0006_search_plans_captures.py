"""Search plans in checklist templates, the searches marked per item, capture size and type.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from vetting.models import ScreenedText, UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("template_item") as batch:
        batch.add_column(sa.Column("search_plan", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("candidate") as batch:
        batch.add_column(sa.Column("places", sa.JSON(), nullable=False, server_default="[]"))
    with op.batch_alter_table("finding") as batch:
        batch.add_column(sa.Column("attachment_size", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("attachment_type", sa.String(100), nullable=True))
    op.create_table(
        "search_query_run",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_result_id", sa.Integer(),
                  sa.ForeignKey("item_result.id", name="fk_search_query_run_item_result_id_item_result"),
                  nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("plan_key", sa.String(80), nullable=True),
        sa.Column("query", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("manual_query", ScreenedText(), nullable=True),
        sa.Column("status", sa.String(30), nullable=False),
        sa.Column("reason", ScreenedText(), nullable=True),
        sa.Column("marked_by_id", sa.Integer(),
                  sa.ForeignKey("user_account.id", name="fk_search_query_run_marked_by_id_user_account"),
                  nullable=True),
        sa.Column("marked_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('nothing_found', 'results_recorded', 'not_possible')",
                           name=op.f("ck_search_query_run_status")),
        sa.CheckConstraint("origin IN ('plan', 'manual')", name=op.f("ck_search_query_run_origin")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_query_run")),
    )
    op.create_index("ix_search_query_run_item_result_id", "search_query_run", ["item_result_id"])

    # New non-null columns change the stored state of existing template items and candidates:
    # record the new states in one audited baseline so `audit verify` keeps passing.
    from sqlalchemy.orm import Session

    from vetting.services import audit

    session = Session(bind=op.get_bind())
    try:
        audit.append_baseline(session, "search plans and captures introduced (schema 0006)")
        session.flush()
    finally:
        session.close()


def downgrade() -> None:
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): recreating a table that others reference
    # would break their foreign keys
    op.drop_index("ix_search_query_run_item_result_id", table_name="search_query_run")
    op.drop_table("search_query_run")
    with op.batch_alter_table("finding", recreate="never") as batch:
        batch.drop_column("attachment_type")
        batch.drop_column("attachment_size")
    with op.batch_alter_table("candidate", recreate="never") as batch:
        batch.drop_column("places")
    with op.batch_alter_table("template_item", recreate="never") as batch:
        batch.drop_column("search_plan")
