"""Seed a migrated PostgreSQL database with a small, known data set for the R1/R2 load
workloads, through the real services, and print what was made as JSON (ids, the API key).

    .venv/bin/python bench/load/seed.py postgresql+asyncpg://postgres@127.0.0.1:5432/bt_pgl

Organization A ("Benchmark Soap Co", the one the API key belongs to):
- 60 items "Item 00".."Item 59", each received as 6 lots of 100 g, then item i used
  (i % 6) * 100 + 50 g FIFO: its i % 6 oldest lots are exhausted (remaining 0), the next
  one holds 50 g, so it has 6 - i % 6 open lots (R1's "5 oldest open lots" sees the
  remaining > 0 condition and the limit of 5 both at work);
- "Archived item", one lot, then archived (our API leaves it out of inventoryItems);
- "History item": 10 lots of 10 g, then 25 uses of 3 g (R2: its 20 latest ledger rows,
  some uses drawing two lots).
Organization B: 5 items of 2 lots each, which R1 must not return.
"""

from __future__ import annotations

import asyncio
import json
import sys
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.accounts import service as accounts
from services.db import create_engine, create_session_factory, unit_of_work, utcnow
from services.ids import to_global_id
from services.inventory import items, stock
from services.inventory.items import ItemFields
from services.inventory.quantities import QuantityInput
from services.permissions import ROLE_PERMISSIONS, Principal, Role

Sessions = async_sessionmaker[AsyncSession]

ITEMS = 60
LOTS_PER_ITEM = 6
LOT_GRAMS = 100
UNIT_COST = Decimal("0.013")  # per gram, as bench/inventory: values stay exact


async def new_organization(sessions: Sessions, name: str) -> Principal:
    async with unit_of_work(sessions) as session:
        grant = await accounts.sign_up(
            session,
            None,
            email=f"load-{utcnow():%Y%m%d%H%M%S%f}@example.com",
            password="a load test password",
            organization_name=name,
        )
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


async def receive(sessions: Sessions, principal: Principal, item_id: int, grams: int) -> None:
    async with unit_of_work(sessions) as session:
        await stock.receive_inventory(
            session,
            principal,
            item_id=item_id,
            quantity=QuantityInput(Decimal(grams), "g"),
            unit_cost=UNIT_COST,
        )


async def use(sessions: Sessions, principal: Principal, item_id: int, grams: int) -> None:
    """A consumption (USE), drawn FIFO, in its own transaction as one API call."""
    async with unit_of_work(sessions) as session:
        await stock.adjust_inventory(
            session,
            principal,
            item_id=item_id,
            change_type="USE",
            quantity=QuantityInput(Decimal(grams), "g"),
        )


async def seed(url: str) -> dict[str, Any]:
    engine = create_engine(url, pool_size=2)
    sessions = create_session_factory(engine)
    try:
        owner = await new_organization(sessions, "Benchmark Soap Co")
        other = await new_organization(sessions, "Other Workshop")
        item_ids: list[int] = []
        for number in range(ITEMS):
            item_id = await new_item(sessions, owner, f"Item {number:02d}")
            for _ in range(LOTS_PER_ITEM):
                await receive(sessions, owner, item_id, LOT_GRAMS)
            await use(sessions, owner, item_id, (number % 6) * LOT_GRAMS + 50)
            item_ids.append(item_id)
        archived = await new_item(sessions, owner, "Archived item")
        await receive(sessions, owner, archived, 10)
        async with unit_of_work(sessions) as session:
            await items.archive_item(session, owner, item_id=archived)
        history = await new_item(sessions, owner, "History item")
        for _ in range(10):
            await receive(sessions, owner, history, 10)
        for _ in range(25):
            await use(sessions, owner, history, 3)
        for number in range(5):
            foreign = await new_item(sessions, other, f"Other {number}")
            await receive(sessions, other, foreign, 10)
            await receive(sessions, other, foreign, 10)
        async with unit_of_work(sessions) as session:
            key = await accounts.create_api_key(
                session, owner, name="load test", scopes=["inventory.read"]
            )
        async with sessions() as session:
            connection = await session.connection()
            await connection.exec_driver_sql("ANALYZE")
            await session.commit()
        return {
            "organization_id": owner.organization_id,
            "other_organization_id": other.organization_id,
            "item_ids": item_ids,
            "archived_item_id": archived,
            "history_item_id": history,
            "history_item_global_id": to_global_id("InventoryItem", history),
            "api_key": key.token,
            "lot_grams": str(Decimal(LOT_GRAMS)),
        }
    finally:
        await engine.dispose()


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    print(json.dumps(asyncio.run(seed(sys.argv[1])), indent=2))


if __name__ == "__main__":
    main()
