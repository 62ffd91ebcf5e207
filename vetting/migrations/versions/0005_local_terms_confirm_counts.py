"""Department-wide local screening terms (versioned) and confirm-tier counts on findings.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from vetting.models import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "local_terms_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("term_count", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("note", sa.String(500), nullable=False, server_default=""),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(),
                  sa.ForeignKey("user_account.id", name="fk_local_terms_version_created_by_id_user_account"),
                  nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_local_terms_version")),
    )
    with op.batch_alter_table("finding") as batch:
        # nullable: rows written before keep NULL, so their recorded state (NULLs left out) is unchanged
        batch.add_column(sa.Column("redaction_confirm", sa.JSON(), nullable=True))


def downgrade() -> None:
    # plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): recreating a table that others reference
    # would break their foreign keys
    with op.batch_alter_table("finding", recreate="never") as batch:
        batch.drop_column("redaction_confirm")
    op.drop_table("local_terms_version")
