"""batches: batches with their lines, lot draws, frozen steps and outputs; the label
counter per organization and year; items' tracked flag, set cost and sale price; the
organization's cost method

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 04:39:10.400979
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.db

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "batch_counters",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_batch_counters_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organization_id", "year", name=op.f("pk_batch_counters")),
    )
    op.create_table(
        "batches",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "recipe_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "output_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("label", sa.String(length=60), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("cost_method", sa.String(length=10), nullable=False),
        sa.Column("factor", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("planned_yield", services.db.ExactDecimal(scale=6, precision=38), nullable=True),
        sa.Column(
            "planned_portions", services.db.ExactDecimal(scale=6, precision=38), nullable=True
        ),
        sa.Column("planned_cost", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column(
            "ingredient_cost", services.db.ExactDecimal(scale=6, precision=38), nullable=False
        ),
        sa.Column("forced", sa.Boolean(), nullable=False),
        sa.Column("shortage_summary", sa.Text(), nullable=True),
        sa.Column("started_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancelled_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("failed_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("failure_reason", sa.Text(), nullable=True),
        sa.Column("actual_yield", services.db.ExactDecimal(scale=6, precision=38), nullable=True),
        sa.Column("portions", sa.Integer(), nullable=True),
        sa.Column("actual_cost", services.db.ExactDecimal(scale=6, precision=38), nullable=True),
        sa.Column(
            "started_by_user_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column(
            "parent_batch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("variation_letter", sa.String(length=2), nullable=True),
        sa.Column("variation_name", sa.String(length=40), nullable=True),
        sa.Column("percentage", services.db.ExactDecimal(scale=4, precision=38), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("created_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_batches_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["output_item_id"],
            ["inventory_items.id"],
            name=op.f("fk_batches_output_item_id_inventory_items"),
        ),
        sa.ForeignKeyConstraint(
            ["parent_batch_id"], ["batches.id"], name=op.f("fk_batches_parent_batch_id_batches")
        ),
        sa.ForeignKeyConstraint(
            ["recipe_id"], ["recipes.id"], name=op.f("fk_batches_recipe_id_recipes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batches")),
        sa.UniqueConstraint(
            "organization_id", "label", name=op.f("uq_batches_organization_id_label")
        ),
    )
    op.create_index("ix_batches_org_id", "batches", ["organization_id", "id"], unique=False)
    op.create_index("ix_batches_parent", "batches", ["parent_batch_id"], unique=False)
    op.create_table(
        "batch_lines",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("batch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("needed", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("drawn", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("skipped", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("cost", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("tracked", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["batches.id"],
            name=op.f("fk_batch_lines_batch_id_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["inventory_items.id"], name=op.f("fk_batch_lines_item_id_inventory_items")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_batch_lines_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_lines")),
    )
    op.create_index("ix_batch_lines_batch", "batch_lines", ["batch_id", "position"], unique=False)
    op.create_table(
        "batch_outputs",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("batch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("lot_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column(
            "container_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("container_count", sa.Integer(), nullable=True),
        sa.Column("quantity", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("cost", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column(
            "container_cost", services.db.ExactDecimal(scale=6, precision=38), nullable=False
        ),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["batches.id"],
            name=op.f("fk_batch_outputs_batch_id_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["container_item_id"],
            ["inventory_items.id"],
            name=op.f("fk_batch_outputs_container_item_id_inventory_items"),
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["inventory_lots.id"], name=op.f("fk_batch_outputs_lot_id_inventory_lots")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_batch_outputs_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_outputs")),
    )
    op.create_index("ix_batch_outputs_batch", "batch_outputs", ["batch_id", "id"], unique=False)
    op.create_table(
        "batch_steps",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("batch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("temperature", services.db.ExactDecimal(scale=2, precision=38), nullable=True),
        sa.Column("temperature_unit", sa.String(length=1), nullable=True),
        sa.Column(
            "defined_in_recipe_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["batches.id"],
            name=op.f("fk_batch_steps_batch_id_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_batch_steps_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_steps")),
    )
    op.create_index("ix_batch_steps_batch", "batch_steps", ["batch_id", "position"], unique=False)
    op.create_table(
        "batch_draws",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("batch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("line_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("lot_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("quantity", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("value", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["batches.id"],
            name=op.f("fk_batch_draws_batch_id_batches"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["inventory_items.id"], name=op.f("fk_batch_draws_item_id_inventory_items")
        ),
        sa.ForeignKeyConstraint(
            ["line_id"],
            ["batch_lines.id"],
            name=op.f("fk_batch_draws_line_id_batch_lines"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["inventory_lots.id"], name=op.f("fk_batch_draws_lot_id_inventory_lots")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_batch_draws_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_draws")),
    )
    op.create_index("ix_batch_draws_batch", "batch_draws", ["batch_id", "id"], unique=False)
    op.create_index("ix_batch_draws_lot", "batch_draws", ["lot_id", "batch_id"], unique=False)
    op.add_column(
        "inventory_items",
        sa.Column("tracked", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    op.add_column(
        "inventory_items",
        sa.Column("set_unit_cost", services.db.ExactDecimal(scale=6, precision=38), nullable=True),
    )
    op.add_column(
        "inventory_items",
        sa.Column("sale_price", services.db.ExactDecimal(scale=6, precision=38), nullable=True),
    )
    op.add_column(
        "organizations",
        sa.Column("cost_method", sa.String(length=10), nullable=False, server_default="FIFO"),
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+): a batch copy of inventory_items would drop the
    # table under its lots and reservations.
    op.drop_column("organizations", "cost_method")
    op.drop_column("inventory_items", "sale_price")
    op.drop_column("inventory_items", "set_unit_cost")
    op.drop_column("inventory_items", "tracked")
    op.drop_index("ix_batch_draws_lot", table_name="batch_draws")
    op.drop_index("ix_batch_draws_batch", table_name="batch_draws")
    op.drop_table("batch_draws")
    op.drop_index("ix_batch_steps_batch", table_name="batch_steps")
    op.drop_table("batch_steps")
    op.drop_index("ix_batch_outputs_batch", table_name="batch_outputs")
    op.drop_table("batch_outputs")
    op.drop_index("ix_batch_lines_batch", table_name="batch_lines")
    op.drop_table("batch_lines")
    op.drop_index("ix_batches_parent", table_name="batches")
    op.drop_index("ix_batches_org_id", table_name="batches")
    op.drop_table("batches")
    op.drop_table("batch_counters")
