"""units: custom units per organization

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 12:41:49.919966
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.db

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "custom_units",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("dimension", sa.String(length=10), nullable=False),
        sa.Column("factor", services.db.ExactDecimal(scale=11, precision=18), nullable=False),
        sa.Column(
            "defined_as_amount", services.db.ExactDecimal(scale=11, precision=18), nullable=False
        ),
        sa.Column("defined_as_unit", sa.String(length=50), nullable=False),
        sa.Column(
            "created_by_user_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column(
            "created_by_api_key_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("created_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "dimension IN ('weight', 'volume', 'count', 'length')",
            name=op.f("ck_custom_units_dimension_known"),
        ),
        sa.CheckConstraint("factor > 0", name=op.f("ck_custom_units_factor_positive")),
        sa.ForeignKeyConstraint(
            ["created_by_api_key_id"],
            ["api_keys.id"],
            name=op.f("fk_custom_units_created_by_api_key_id_api_keys"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["users.id"],
            name=op.f("fk_custom_units_created_by_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_custom_units_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custom_units")),
        sa.UniqueConstraint(
            "organization_id", "name_key", name=op.f("uq_custom_units_organization_id_name_key")
        ),
    )


def downgrade() -> None:
    op.drop_table("custom_units")
