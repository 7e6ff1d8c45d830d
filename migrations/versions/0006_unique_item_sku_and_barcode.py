"""SKUs and barcodes unique per organization

An item's SKU, and its barcode, now name at most one item of its organization (when set):
partial unique indexes, which also serve the lookups by SKU and barcode.

Duplicates already stored must not stop the upgrade. In each group of items of one
organization sharing a value, one item keeps it: the oldest item that is not archived
(else the oldest); the others get the value with " (duplicate N)" appended (N = 2, 3...,
skipping values in use, cut to fit 100 characters), so nothing is lost and the maker sees
what to fix. Each change is logged. Downgrading drops the indexes; renamed values stay.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 10:00:00.000000
"""

import logging
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")

MAX_LENGTH = 100  # of the sku and barcode columns
ITEMS = sa.table(
    "inventory_items",
    sa.column("id", sa.BigInteger),
    sa.column("organization_id", sa.BigInteger),
    sa.column("archived_at", sa.DateTime),
    sa.column("sku", sa.String),
    sa.column("barcode", sa.String),
)


def _apart(value: str, number: int, taken: set[str]) -> tuple[str, int]:
    """The first `value (duplicate N)`, N from `number` on, that no item of the
    organization holds, and its N."""
    while True:
        suffix = f" (duplicate {number})"
        candidate = value[: MAX_LENGTH - len(suffix)].rstrip() + suffix
        if candidate not in taken:
            return candidate, number
        number += 1


def _set_duplicates_apart(connection: sa.Connection, name: str) -> None:
    column = ITEMS.c[name]
    organization = ITEMS.c.organization_id
    shared = (
        sa.select(organization, column)
        .where(column.is_not(None))
        .group_by(organization, column)
        .having(sa.func.count() > 1)
        .subquery()
    )
    archived_last = sa.case((ITEMS.c.archived_at.is_(None), 0), else_=1)
    rows = connection.execute(
        sa.select(ITEMS.c.id, organization, column)
        .join(shared, sa.and_(organization == shared.c.organization_id, column == shared.c[name]))
        .order_by(organization, column, archived_last, ITEMS.c.id)
    ).all()
    if not rows:
        return
    organizations = {row.organization_id for row in rows}
    taken: dict[int, set[str]] = {key: set() for key in organizations}
    for held in connection.execute(
        sa.select(organization, column).where(organization.in_(organizations), column.is_not(None))
    ):
        taken[held.organization_id].add(held[1])
    keeper: tuple[int, str] | None = None
    number = 2
    for item_id, organization_id, value in rows:
        if keeper != (organization_id, value):
            keeper, number = (organization_id, value), 2  # the first of its group keeps it
            continue
        renamed, number = _apart(value, number, taken[organization_id])
        taken[organization_id].add(renamed)
        number += 1
        connection.execute(sa.update(ITEMS).where(ITEMS.c.id == item_id).values({name: renamed}))
        log.warning(
            "inventory item %s of organization %s: %s %r was another item's too; it is now %r",
            item_id,
            organization_id,
            name,
            value,
            renamed,
        )


def upgrade() -> None:
    connection = op.get_bind()
    _set_duplicates_apart(connection, "sku")
    _set_duplicates_apart(connection, "barcode")
    with op.batch_alter_table("inventory_items", schema=None) as batch_op:
        batch_op.drop_index("ix_inventory_items_org_barcode")
        for name in ("sku", "barcode"):
            batch_op.create_index(
                f"uq_inventory_items_org_{name}",
                ["organization_id", name],
                unique=True,
                postgresql_where=sa.text(f"{name} IS NOT NULL"),
                sqlite_where=sa.text(f"{name} IS NOT NULL"),
            )


def downgrade() -> None:
    with op.batch_alter_table("inventory_items", schema=None) as batch_op:
        batch_op.drop_index("uq_inventory_items_org_barcode")
        batch_op.drop_index("uq_inventory_items_org_sku")
        batch_op.create_index(
            "ix_inventory_items_org_barcode", ["organization_id", "barcode"], unique=False
        )
