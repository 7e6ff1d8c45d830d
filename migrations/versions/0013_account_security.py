"""account security: failed-login guards (lockout)

Revision ID: 0013
Revises: 0010
Create Date: 2026-12-07 05:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.db

revision: str = "0013"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_guards",
        sa.Column("email_digest", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_started_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("locked_until", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("locks", sa.Integer(), nullable=False),
        sa.Column("last_attempt_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("email_digest", name=op.f("pk_login_guards")),
    )


def downgrade() -> None:
    op.drop_table("login_guards")
