"""reservations: the quantity fulfilled so far (partial fulfilment), one active reservation
per order and item, and listing by order reference

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 22:53:57.543022
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.db

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_IS_ACTIVE = sa.text("status = 'ACTIVE'")


def _refuse_duplicate_active_orders() -> None:
    """The unique index cannot be built over two active reservations of one item for one
    order (allowed before this revision). Rather than release one behind the ledger's
    and the webhooks' back, stop and say which: release the extra ones through the API
    (releaseReservation), then migrate again."""
    duplicates = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT organization_id, item_id, order_reference, COUNT(*) "
                "FROM inventory_reservations WHERE status = 'ACTIVE' "
                "GROUP BY organization_id, item_id, order_reference HAVING COUNT(*) > 1 "
                "ORDER BY organization_id, item_id, order_reference"
            )
        )
        .all()
    )
    if duplicates:
        listed = "; ".join(
            f"organization {organization}, item {item}, order {reference!r}: {count} active"
            for organization, item, reference, count in duplicates[:20]
        )
        raise RuntimeError(
            "Some orders hold one item through several active reservations, which is no "
            f"longer allowed ({len(duplicates)} cases: {listed}). Release the extra ones "
            "with releaseReservation, then run the migration again."
        )


def upgrade() -> None:
    _refuse_duplicate_active_orders()
    # Existing reservations have fulfilled nothing yet, or all (FULFILLED): the server
    # default gives 0, then FULFILLED ones are set to their quantity. The default is then
    # dropped: the model sets the value.
    with op.batch_alter_table("inventory_reservations", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "fulfilled",
                services.db.ExactDecimal(scale=6, precision=38),
                nullable=False,
                server_default="0",
            )
        )
    op.execute("UPDATE inventory_reservations SET fulfilled = quantity WHERE status = 'FULFILLED'")
    with op.batch_alter_table("inventory_reservations", schema=None) as batch_op:
        batch_op.alter_column("fulfilled", server_default=None)
        batch_op.create_index(
            "ix_inventory_reservations_org_reference",
            ["organization_id", "order_reference", "id"],
            unique=False,
        )
        batch_op.create_index(
            "uq_inventory_reservations_active_order",
            ["organization_id", "item_id", "order_reference"],
            unique=True,
            postgresql_where=_IS_ACTIVE,
            sqlite_where=_IS_ACTIVE,
        )


def downgrade() -> None:
    with op.batch_alter_table("inventory_reservations", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_inventory_reservations_active_order",
            postgresql_where=_IS_ACTIVE,
            sqlite_where=_IS_ACTIVE,
        )
        batch_op.drop_index("ix_inventory_reservations_org_reference")
        batch_op.drop_column("fulfilled")
