"""event log and inventory ledger

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 12:46:12.918196
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.db

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column(
            "position",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("type", sa.String(length=80), nullable=False),
        sa.Column("entity_type", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("api_version", sa.String(length=20), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_events_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("position", name=op.f("pk_events")),
        sa.UniqueConstraint("id", name=op.f("uq_events_id")),
        sa.UniqueConstraint(
            "organization_id",
            "entity_type",
            "entity_id",
            "sequence",
            name=op.f("uq_events_organization_id_entity_type_entity_id_sequence"),
        ),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(
            "ix_events_org_position", ["organization_id", "position"], unique=False
        )
        batch_op.create_index(
            "ix_events_org_type_position", ["organization_id", "type", "position"], unique=False
        )

    op.create_table(
        "inventory_items",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("base_unit", sa.String(length=40), nullable=False),
        sa.Column("quantity_precision", sa.Integer(), nullable=False),
        sa.Column("density", services.db.ExactDecimal(scale=9, precision=38), nullable=True),
        sa.Column(
            "low_stock_threshold", services.db.ExactDecimal(scale=6, precision=38), nullable=True
        ),
        sa.Column("shelf_life_days", sa.Integer(), nullable=True),
        sa.Column("perishable", sa.Boolean(), nullable=False),
        sa.Column("default_vendor", sa.String(length=200), nullable=True),
        sa.Column("sku", sa.String(length=100), nullable=True),
        sa.Column("barcode", sa.String(length=100), nullable=True),
        sa.Column(
            "container_capacity", services.db.ExactDecimal(scale=6, precision=38), nullable=True
        ),
        sa.Column("container_capacity_unit", sa.String(length=40), nullable=True),
        sa.Column("costing_method", sa.String(length=10), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=True),
        sa.Column("archived_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("on_hand", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("reserved", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("stock_value", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("low_stock_since", services.db.UTCDateTime(timezone=True), nullable=True),
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
            name=op.f("fk_inventory_items_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventory_items")),
        sa.UniqueConstraint(
            "organization_id", "name_key", name=op.f("uq_inventory_items_organization_id_name_key")
        ),
    )
    with op.batch_alter_table("inventory_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_inventory_items_org_barcode", ["organization_id", "barcode"], unique=False
        )
        batch_op.create_index("ix_inventory_items_org_id", ["organization_id", "id"], unique=False)

    op.create_table(
        "inventory_lots",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("lot_code", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("vendor", sa.String(length=200), nullable=True),
        sa.Column("received_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "quantity_received", services.db.ExactDecimal(scale=6, precision=38), nullable=False
        ),
        sa.Column("remaining", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("total_cost", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column(
            "remaining_value", services.db.ExactDecimal(scale=6, precision=38), nullable=False
        ),
        sa.Column("unit_cost", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("batch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("created_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["inventory_items.id"],
            name=op.f("fk_inventory_lots_item_id_inventory_items"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_inventory_lots_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventory_lots")),
        sa.UniqueConstraint(
            "organization_id", "lot_code", name=op.f("uq_inventory_lots_organization_id_lot_code")
        ),
    )
    with op.batch_alter_table("inventory_lots", schema=None) as batch_op:
        batch_op.create_index(
            "ix_inventory_lots_expiring",
            ["organization_id", "expires_at"],
            unique=False,
            postgresql_where=sa.text("remaining > 0"),
            sqlite_where=sa.text("remaining > 0"),
        )
        batch_op.create_index("ix_inventory_lots_item", ["item_id", "id"], unique=False)
        batch_op.create_index(
            "ix_inventory_lots_open",
            ["item_id", "received_at", "id"],
            unique=False,
            postgresql_where=sa.text("remaining > 0"),
            sqlite_where=sa.text("remaining > 0"),
        )

    op.create_table(
        "inventory_reservations",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("quantity", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("order_reference", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("expires_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("created_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["inventory_items.id"],
            name=op.f("fk_inventory_reservations_item_id_inventory_items"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_inventory_reservations_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventory_reservations")),
    )
    with op.batch_alter_table("inventory_reservations", schema=None) as batch_op:
        batch_op.create_index("ix_inventory_reservations_item", ["item_id", "status"], unique=False)
        batch_op.create_index(
            "ix_inventory_reservations_org", ["organization_id", "id"], unique=False
        )

    op.create_table(
        "inventory_ledger",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("lot_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("operation_id", sa.String(length=40), nullable=False),
        sa.Column("change_type", sa.String(length=20), nullable=False),
        sa.Column("quantity", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("unit_cost", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("value", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("on_hand_after", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("value_after", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column(
            "actor_user_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "actor_api_key_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reference", sa.String(length=200), nullable=True),
        sa.Column("batch_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True),
        sa.Column("created_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["inventory_items.id"],
            name=op.f("fk_inventory_ledger_item_id_inventory_items"),
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"],
            ["inventory_lots.id"],
            name=op.f("fk_inventory_ledger_lot_id_inventory_lots"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_inventory_ledger_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inventory_ledger")),
    )
    with op.batch_alter_table("inventory_ledger", schema=None) as batch_op:
        batch_op.create_index("ix_inventory_ledger_item", ["item_id", "id"], unique=False)
        batch_op.create_index("ix_inventory_ledger_lot", ["lot_id", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_inventory_ledger_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index("ix_inventory_ledger_org", ["organization_id", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inventory_ledger", schema=None) as batch_op:
        batch_op.drop_index("ix_inventory_ledger_org")
        batch_op.drop_index(batch_op.f("ix_inventory_ledger_operation_id"))
        batch_op.drop_index("ix_inventory_ledger_lot")
        batch_op.drop_index("ix_inventory_ledger_item")

    op.drop_table("inventory_ledger")
    with op.batch_alter_table("inventory_reservations", schema=None) as batch_op:
        batch_op.drop_index("ix_inventory_reservations_org")
        batch_op.drop_index("ix_inventory_reservations_item")

    op.drop_table("inventory_reservations")
    with op.batch_alter_table("inventory_lots", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_inventory_lots_open",
            postgresql_where=sa.text("remaining > 0"),
            sqlite_where=sa.text("remaining > 0"),
        )
        batch_op.drop_index("ix_inventory_lots_item")
        batch_op.drop_index(
            "ix_inventory_lots_expiring",
            postgresql_where=sa.text("remaining > 0"),
            sqlite_where=sa.text("remaining > 0"),
        )

    op.drop_table("inventory_lots")
    with op.batch_alter_table("inventory_items", schema=None) as batch_op:
        batch_op.drop_index("ix_inventory_items_org_id")
        batch_op.drop_index("ix_inventory_items_org_barcode")

    op.drop_table("inventory_items")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_org_type_position")
        batch_op.drop_index("ix_events_org_position")

    op.drop_table("events")
