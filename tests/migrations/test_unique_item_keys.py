"""Migration 0006 (SKUs and barcodes unique per organization) over a database that already
holds duplicates: the upgrade completes, one item of each group keeps the value (the
oldest not archived, else the oldest), the others are set apart visibly, and from then on
the indexes refuse a duplicate. Runs on each backend, beside the suite's database."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from server import migrate
from services.db import ExactDecimal, UTCDateTime, create_engine, utcnow

pytestmark = pytest.mark.inventory

ORGANIZATIONS = sa.table(
    "organizations",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("currency_code", sa.String),
    sa.column("created_at", UTCDateTime()),
)
# The columns an item needs at revision 0005.
ITEMS = sa.table(
    "inventory_items",
    sa.column("id", sa.Integer),
    sa.column("organization_id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("name_key", sa.String),
    sa.column("type", sa.String),
    sa.column("base_unit", sa.String),
    sa.column("quantity_precision", sa.Integer),
    sa.column("perishable", sa.Boolean),
    sa.column("costing_method", sa.String),
    sa.column("sku", sa.String),
    sa.column("barcode", sa.String),
    sa.column("archived_at", UTCDateTime()),
    sa.column("updated_at", UTCDateTime()),
    sa.column("created_at", UTCDateTime()),
    sa.column("on_hand", ExactDecimal(6)),
    sa.column("reserved", ExactDecimal(6)),
    sa.column("stock_value", ExactDecimal(6)),
)
LONG = "X" * 100


@pytest.fixture
async def migrating(
    backend: str, database_url: str, tmp_path: Path
) -> AsyncIterator[AsyncConnection]:
    """A connection to an empty database beside the suite's (which stays at the newest
    revision): a new file on SQLite; on PostgreSQL a schema of its own, made in the
    connection's transaction and rolled back with everything else afterwards."""
    sqlite = f"sqlite+aiosqlite:///{tmp_path / 'migrating.db'}"
    engine = create_engine(sqlite if backend == "sqlite" else database_url)
    async with engine.connect() as connection:
        if backend == "postgresql":
            await connection.execute(sa.text("CREATE SCHEMA migrating"))
            await connection.execute(sa.text("SET LOCAL search_path TO migrating"))
            assert await connection.scalar(sa.text("SELECT current_schema()")) == "migrating"
        try:
            yield connection
        finally:
            await connection.rollback()
    await engine.dispose()


async def _migrate(connection: AsyncConnection, revision: str, *, down: bool = False) -> None:
    """Alembic's upgrade (or downgrade) run on this connection, in its transaction."""

    def run(sync: sa.Connection) -> None:
        config = migrate.alembic_config(sync.engine.url.render_as_string(hide_password=False))
        config.attributes["connection"] = sync
        (command.downgrade if down else command.upgrade)(config, revision)

    await connection.run_sync(run)


def _item(item_id: int, organization_id: int, **values: Any) -> dict[str, Any]:
    now = utcnow()
    return {
        "id": item_id,
        "organization_id": organization_id,
        "name": f"Item {item_id}",
        "name_key": f"item {item_id}",
        "type": "PRODUCT",
        "base_unit": "each",
        "quantity_precision": 0,
        "perishable": False,
        "costing_method": "FIFO",
        "sku": None,
        "barcode": None,
        "archived_at": None,
        "updated_at": now,
        "created_at": now,
        "on_hand": Decimal(0),
        "reserved": Decimal(0),
        "stock_value": Decimal(0),
        **values,
    }


async def test_duplicates_already_stored_are_set_apart_and_then_refused(
    migrating: AsyncConnection, caplog: pytest.LogCaptureFixture
) -> None:
    # given a database at 0005 holding duplicate SKUs and barcodes
    await _migrate(migrating, "0005")
    organizations = [
        {"id": key, "name": f"Shop {key}", "currency_code": "USD", "created_at": utcnow()}
        for key in (1, 2)
    ]
    await migrating.execute(sa.insert(ORGANIZATIONS), organizations)
    archived = utcnow()
    items = [
        _item(1, 1, sku="LAV-100", archived_at=archived),  # oldest, but archived
        _item(2, 1, sku="LAV-100"),  # the oldest not archived: keeps it
        _item(3, 1, sku="LAV-100"),
        _item(4, 1, sku="LAV-100 (duplicate 3)"),  # a value the renaming must skip
        _item(5, 1, sku=LONG),
        _item(6, 1, sku=LONG),
        _item(7, 1, barcode="4006"),
        _item(8, 1, barcode="4006", sku="ROSE-1"),
        _item(9, 1),
        _item(10, 1),
        _item(11, 2, sku="LAV-100", barcode="4006"),  # another organization's: untouched
    ]
    await migrating.execute(sa.insert(ITEMS), items)

    # when
    with caplog.at_level(logging.WARNING, logger="alembic.runtime.migration"):
        await _migrate(migrating, "0006")

    # then
    columns = (ITEMS.c.id, ITEMS.c.sku, ITEMS.c.barcode)
    stored = (await migrating.execute(sa.select(*columns).order_by(ITEMS.c.id))).all()
    assert [tuple(row) for row in stored] == [
        (1, "LAV-100 (duplicate 4)", None),
        (2, "LAV-100", None),
        (3, "LAV-100 (duplicate 2)", None),
        (4, "LAV-100 (duplicate 3)", None),
        (5, LONG, None),
        (6, "X" * 86 + " (duplicate 2)", None),
        (7, None, "4006"),
        (8, "ROSE-1", "4006 (duplicate 2)"),
        (9, None, None),
        (10, None, None),
        (11, "LAV-100", "4006"),
    ]
    messages = [record.getMessage() for record in caplog.records]
    changes = [message for message in messages if "was another item's too" in message]
    assert len(changes) == 4
    assert "inventory item 1 of organization 1: sku 'LAV-100'" in changes[1]
    # and from now on the indexes refuse a duplicate
    for key, value in (("sku", "LAV-100"), ("barcode", "4006")):
        with pytest.raises(IntegrityError):
            async with migrating.begin_nested():
                await migrating.execute(sa.insert(ITEMS), [_item(12, 1, **{key: value})])
    # and the revision goes down and up again
    await _migrate(migrating, "0005", down=True)
    await _migrate(migrating, "0006")
