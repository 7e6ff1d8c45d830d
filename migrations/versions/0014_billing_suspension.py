"""billing: an operator's suspension of an organization, apart from Stripe's status

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 12:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.db

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("billing_accounts") as batch:
        batch.add_column(
            sa.Column("suspended_at", services.db.UTCDateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("suspension_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("billing_accounts") as batch:
        batch.drop_column("suspension_reason")
        batch.drop_column("suspended_at")
