"""reservations: the quantity that stock lost under them took away (short_quantity), and
one open (ACTIVE or SHORT) reservation per order and item

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 02:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.db

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_IS_ACTIVE = sa.text("status = 'ACTIVE'")
_IS_OPEN = sa.text("status IN ('ACTIVE', 'SHORT')")
_ACTIVE_ORDER = "uq_inventory_reservations_active_order"
_OPEN_ORDER = "uq_inventory_reservations_open_order"
_COLUMNS = ["organization_id", "item_id", "order_reference"]


def upgrade() -> None:
    # No reservation has been shortened yet: 0 for every existing row, then the default is
    # dropped (the model sets the value). No row is SHORT yet either, so the wider unique
    # index holds wherever the old one did.
    with op.batch_alter_table("inventory_reservations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "short_quantity",
                services.db.ExactDecimal(scale=6, precision=38),
                nullable=False,
                server_default="0",
            )
        )
    with op.batch_alter_table("inventory_reservations", schema=None) as batch_op:
        batch_op.alter_column("short_quantity", server_default=None)
        batch_op.drop_index(_ACTIVE_ORDER, postgresql_where=_IS_ACTIVE, sqlite_where=_IS_ACTIVE)
        batch_op.create_index(
            _OPEN_ORDER,
            _COLUMNS,
            unique=True,
            postgresql_where=_IS_OPEN,
            sqlite_where=_IS_OPEN,
        )


_RESERVATIONS = sa.table(
    "inventory_reservations",
    sa.column("quantity", services.db.ExactDecimal(scale=6)),
    sa.column("short_quantity", services.db.ExactDecimal(scale=6)),
    sa.column("status", sa.String),
    sa.column("closed_at", services.db.UTCDateTime()),
)


def downgrade() -> None:
    # Without the column, what a reservation holds is quantity - fulfilled: the loss is
    # taken off what was reserved, so the items' reserved totals still match. A SHORT
    # reservation holds nothing and cannot be fulfilled: released, as it would have been.
    op.execute(
        sa.update(_RESERVATIONS)
        .where(_RESERVATIONS.c.short_quantity > 0)
        .values(quantity=_RESERVATIONS.c.quantity - _RESERVATIONS.c.short_quantity)
    )
    op.execute(
        sa.update(_RESERVATIONS)
        .where(_RESERVATIONS.c.status == "SHORT")
        .values(status="RELEASED", closed_at=services.db.utcnow())
    )
    with op.batch_alter_table("inventory_reservations", schema=None) as batch_op:
        batch_op.drop_index(_OPEN_ORDER, postgresql_where=_IS_OPEN, sqlite_where=_IS_OPEN)
        batch_op.create_index(
            _ACTIVE_ORDER,
            _COLUMNS,
            unique=True,
            postgresql_where=_IS_ACTIVE,
            sqlite_where=_IS_ACTIVE,
        )
        batch_op.drop_column("short_quantity")
