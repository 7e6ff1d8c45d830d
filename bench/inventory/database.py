"""The benchmark's database and its givens: a fresh migrated PostgreSQL database, an
organization, items, stock, a fast bulk-built history of exhausted lots, and the ledger
invariant checked over it all at the end."""

from __future__ import annotations

import time
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from server import migrate
from services.accounts import service as accounts
from services.accounts import tokens
from services.db import unit_of_work, utcnow
from services.inventory import items, stock
from services.inventory.items import ItemFields
from services.inventory.models import InventoryItem, InventoryLot, LedgerEntry
from services.inventory.quantities import QuantityInput
from services.inventory.stock import StockChange
from services.inventory.verify import consistent_snapshot, verify_inventory
from services.permissions import ROLE_PERMISSIONS, Principal, Role

Sessions = async_sessionmaker[AsyncSession]

BENCH_DATABASE = "batchtrack_bench"
LOCAL_SERVER = "postgres@127.0.0.1:5432"
# Every lot of the benchmark costs 0.013 per gram, so values stay exact to the cent.
UNIT_COST = Decimal("0.013")


async def _recreate(name: str) -> None:
    # CREATE and DROP DATABASE refuse to run inside a transaction, hence AUTOCOMMIT.
    engine = create_async_engine(
        f"postgresql+asyncpg://{LOCAL_SERVER}/postgres", isolation_level="AUTOCOMMIT"
    )
    try:
        async with engine.connect() as connection:
            await connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    finally:
        await engine.dispose()


def prepare(url: str | None, database: str = BENCH_DATABASE) -> str:
    """The URL to benchmark, migrated. Without one, `database` on the local server is
    dropped and created afresh, so every run starts from empty tables."""
    import asyncio

    if url is None:
        asyncio.run(_recreate(database))
        url = f"postgresql+asyncpg://{LOCAL_SERVER}/{database}"
    if not url.startswith("postgresql"):
        raise SystemExit("the benchmark runs on PostgreSQL (postgresql+asyncpg://...)")
    migrate.upgrade(url)
    return url


async def new_organization(sessions: Sessions) -> Principal:
    async with unit_of_work(sessions) as session:
        grant = await accounts.sign_up(
            session,
            None,
            email=f"bench-{utcnow():%Y%m%d%H%M%S%f}@example.com",
            password="a benchmark password",
            organization_name="Benchmark Soap Co",
        )
        # Creating API keys needs a verified address: the token sign-up mails, used.
        token = await tokens.send_verification(session, grant.user)
        await tokens.verify_email(session, None, token=token)
    return Principal(
        organization_id=grant.organization.id,
        permissions=ROLE_PERMISSIONS[Role.OWNER],
        user_id=grant.user.id,
        role=Role.OWNER,
    )


async def new_item(sessions: Sessions, principal: Principal, name: str) -> int:
    async with unit_of_work(sessions) as session:
        item = await items.create_item(
            session, principal, values=ItemFields(name=name, type="INGREDIENT", base_unit="g")
        )
        return item.id


async def receive(
    sessions: Sessions, principal: Principal, item_id: int, grams: int
) -> StockChange:
    async with unit_of_work(sessions) as session:
        return await stock.receive_inventory(
            session,
            principal,
            item_id=item_id,
            quantity=QuantityInput(Decimal(grams), "g"),
            unit_cost=UNIT_COST,
        )


async def consume(
    sessions: Sessions, principal: Principal, item_id: int, grams: int
) -> StockChange:
    """One consumption (USE, drawn FIFO) in its own transaction, as one API call."""
    async with unit_of_work(sessions) as session:
        return await stock.adjust_inventory(
            session,
            principal,
            item_id=item_id,
            change_type="USE",
            quantity=QuantityInput(Decimal(grams), "g"),
        )


# N lots of 10 g received and then used up, in one transaction: a lot, then its two
# ledger rows (PURCHASE +10 g, USE -10 g) with the running totals the ledger would have
# written (10 then 0). Rows are inserted in (lot, step) order so ids follow that order.
# No events are written: the event sequence lookup is an index probe on the entity.
_BULK_LOTS = text(
    """
    INSERT INTO inventory_lots (organization_id, item_id, lot_code, source, received_at,
        quantity_received, remaining, total_cost, remaining_value, unit_cost, created_at)
    SELECT CAST(:organization_id AS bigint), CAST(:item_id AS bigint),
        'HIST-' || CAST(:item_id AS bigint) || '-' || g, 'PURCHASE',
        CAST(:start AS timestamptz) + g * interval '1 minute',
        10, 0, 0.13, 0, 0.013, CAST(:start AS timestamptz) + g * interval '1 minute'
    FROM generate_series(1, CAST(:lots AS integer)) AS g
    ORDER BY g
    """
)
_BULK_LEDGER = text(
    """
    INSERT INTO inventory_ledger (organization_id, item_id, lot_id, operation_id, change_type,
        quantity, unit_cost, value, on_hand_after, value_after, actor_user_id, created_at)
    SELECT lot.organization_id, lot.item_id, lot.id, 'op_hist_' || lot.id || '_' || s.step,
        s.change_type, s.quantity, 0.013, s.value, s.on_hand_after, s.value_after,
        CAST(:user_id AS bigint), lot.received_at + s.step * interval '1 second'
    FROM inventory_lots AS lot
    CROSS JOIN (VALUES (0, 'PURCHASE', 10, 0.13, 10, 0.13),
                       (1, 'USE', -10, -0.13, 0, 0))
        AS s(step, change_type, quantity, value, on_hand_after, value_after)
    WHERE lot.item_id = CAST(:item_id AS bigint)
    ORDER BY lot.id, s.step
    """
)


async def bulk_exhausted_history(
    sessions: Sessions, principal: Principal, item_id: int, lots: int
) -> None:
    """Give a fresh item (no lots, no ledger rows) `lots` exhausted lots. The item's
    totals stay 0/0, which is what the inserted ledger rows sum to; `verify_inventory`
    checks the result."""
    values = {
        "organization_id": principal.organization_id,
        "item_id": item_id,
        "user_id": principal.user_id,
        "lots": lots,
        "start": utcnow() - timedelta(minutes=lots + 60),
    }
    async with unit_of_work(sessions) as session:
        await session.execute(_BULK_LOTS, values)
        await session.execute(_BULK_LEDGER, values)


async def analyze(sessions: Sessions) -> None:
    """Fresh planner statistics, as autovacuum would have gathered on a real database."""
    async with sessions() as session:
        connection = await session.connection()
        await connection.exec_driver_sql("ANALYZE")
        await session.commit()


async def verify(sessions: Sessions, principal: Principal) -> tuple[str, bool]:
    """`verify_inventory` over the organization, in one snapshot: the verdict line, and
    whether it found nothing."""
    started = time.perf_counter()
    async with consistent_snapshot(sessions) as session:
        broken = await verify_inventory(session, organization_id=principal.organization_id)
        seconds = time.perf_counter() - started
        counts = []
        for model in (InventoryItem, InventoryLot, LedgerEntry):
            counts.append(
                await session.scalar(
                    select(func.count()).where(model.organization_id == principal.organization_id)
                )
            )
    verdict = "consistent" if not broken else f"{len(broken)} BROKEN ITEMS: {broken[:3]}"
    line = (
        f"verify_inventory over the run's organization ({counts[0]:,} items, {counts[1]:,} "
        f"lots, {counts[2]:,} ledger rows): {verdict}, in {seconds:.2f} s"
    )
    return line, not broken
