"""Migration 0016: on PostgreSQL the webhook queue tables are autovacuumed after 1% of
their rows are dead; back down, PostgreSQL's defaults again. SQLite is left as it is."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.ext.asyncio import AsyncEngine

from server.migrate import alembic_config
from server.migrate import upgrade as upgrade_to

pytestmark = pytest.mark.webhooks

QUEUE_TABLES = ["webhook_deliveries", "webhook_entity_heads"]


@pytest.fixture
async def at_head_afterwards(database_url: str) -> AsyncIterator[None]:
    try:
        yield
    finally:
        await asyncio.to_thread(upgrade_to, database_url)


async def _options(engine: AsyncEngine) -> dict[str, list[str]]:
    async with engine.connect() as connection:
        rows = await connection.execute(
            sa.text("SELECT relname, reloptions FROM pg_class WHERE relname = ANY(:names)"),
            {"names": QUEUE_TABLES},
        )
        return {name: sorted(options or []) for name, options in rows}


async def test_the_queue_tables_are_vacuumed_early_and_back_down_by_default(
    database_url: str, backend: str, engine: AsyncEngine, at_head_afterwards: None
) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL's autovacuum settings")
    # at head
    expected = sorted(
        [
            "autovacuum_analyze_scale_factor=0.02",
            "autovacuum_vacuum_scale_factor=0.01",
            "autovacuum_vacuum_threshold=1000",
        ]
    )
    assert await _options(engine) == {table: expected for table in QUEUE_TABLES}
    await engine.dispose()

    # when the database goes back to 0015
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0015")

    # then the defaults again
    assert await _options(engine) == {table: [] for table in QUEUE_TABLES}
