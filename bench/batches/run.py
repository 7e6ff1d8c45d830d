"""The batch benchmark on PostgreSQL; prints its figures as Markdown.

    .venv/bin/python bench/batches/run.py [--quick] [DATABASE_URL]
    .venv/bin/python bench/load/section.py batches -- .venv/bin/python bench/batches/run.py

The database is the URL given, else `batchtrack_bench_batches` on the local server
(127.0.0.1, user postgres), dropped and created afresh.

Measured at the service boundary, each call in its own committed transaction as one API
request runs it (the GraphQL layer around it is measured by bench/recipes):

- `startBatch` of a recipe of 20 ingredient lines, each drawing 30 g that spans its item's
  3 open lots of 10 g (topped up, untimed, between starts): wall time per start (p50,
  p99) and SQL statements per start;
- `traceLot` over a genealogy 5 batches deep and 1,001 lots (an ingredient's 996 lots of
  1 g drawn by one batch, whose intermediate goes through 4 more batches to a product):
  BACKWARD from the product lot and FORWARD from one of the 996 lots, wall time (p50,
  p99) and statements per trace, of which recursive ones;
- and then `verify_inventory` over everything, which must find nothing.

--quick: 30 starts instead of 200, 10 traces of each direction instead of 50.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# bench/inventory's database helpers and statistics, reused as they are.
sys.path[1:1] = [str(ROOT / "bench" / "inventory")]

from database import new_organization, prepare, verify  # noqa: E402
from sqlalchemy import event, func, select  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncEngine  # noqa: E402
from timing import median, percentile  # noqa: E402

from services.batches import genealogy, start  # noqa: E402
from services.batches.finishing import finish_batch  # noqa: E402
from services.db import create_engine, create_session_factory, unit_of_work  # noqa: E402
from services.inventory import items, stock  # noqa: E402
from services.inventory.items import ItemFields  # noqa: E402
from services.inventory.models import InventoryLot  # noqa: E402
from services.inventory.quantities import QuantityInput  # noqa: E402
from services.permissions import Principal  # noqa: E402
from services.recipes import recipes  # noqa: E402
from services.recipes.content import LineInput, RecipeChanges  # noqa: E402
from services.recipes.costing import ScaleRequest  # noqa: E402

DATABASE = "batchtrack_bench_batches"
LINES = 20
LOTS_PER_LINE = 3
LOT_GRAMS = 10
RAW_LOTS = 996
DEPTH = 5


@contextmanager
def counting(engine: AsyncEngine) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


async def _item(sessions: Any, principal: Principal, name: str, type: str = "INGREDIENT") -> int:
    async with unit_of_work(sessions) as session:
        made = await items.create_item(
            session, principal, values=ItemFields(name=name, type=type, base_unit="g")
        )
        return made.id


async def _receive(
    sessions: Any, principal: Principal, item_id: int, lots: int, grams: int
) -> None:
    """`lots` lots of `grams` each, in one transaction."""
    async with unit_of_work(sessions) as session:
        for _ in range(lots):
            await stock.receive_inventory(
                session,
                principal,
                item_id=item_id,
                quantity=QuantityInput(Decimal(grams), "g"),
                unit_cost=Decimal("0.013"),
            )


async def _recipe(
    sessions: Any, principal: Principal, name: str, output: int, lines: list[tuple[int, int]]
) -> int:
    changes = RecipeChanges(
        name=name,
        output_item_id=output,
        predicted_yield=QuantityInput(Decimal(sum(g for _, g in lines)), "g"),
        ingredients=[LineInput(item, QuantityInput(Decimal(g), "g")) for item, g in lines],
        label_prefix="BENCH",
        provided=frozenset(
            {"name", "output_item_id", "predicted_yield", "ingredients", "label_prefix"}
        ),
    )
    async with unit_of_work(sessions) as session:
        made = await recipes.create_recipe(session, principal, changes=changes)
        return made.id


async def _start(sessions: Any, principal: Principal, recipe_id: int) -> start.Started:
    async with unit_of_work(sessions) as session:
        return await start.start_batch(session, principal, request=ScaleRequest(recipe_id))


async def _top_up(sessions: Any, principal: Principal, ingredients: list[int]) -> None:
    """3 lots of 10 g of every ingredient, in one transaction: what one start draws."""
    async with unit_of_work(sessions) as session:
        for item_id in ingredients:
            for _ in range(LOTS_PER_LINE):
                await stock.receive_inventory(
                    session,
                    principal,
                    item_id=item_id,
                    quantity=QuantityInput(Decimal(LOT_GRAMS), "g"),
                    unit_cost=Decimal("0.013"),
                )


async def bench_starts(
    engine: AsyncEngine, sessions: Any, principal: Principal, runs: int
) -> list[str]:
    """Each start finds exactly the 3 lots per line it draws (topped up, untimed, after
    each), as a kitchen does: a start's work is bounded by the open lots it reads."""
    print(f"starts: {runs} of {LINES} lines", file=sys.stderr)
    output = await _item(sessions, principal, "Bench soap", "PRODUCT")
    ingredients = [await _item(sessions, principal, f"Oil {n}") for n in range(LINES)]
    recipe = await _recipe(
        sessions,
        principal,
        "Bench soap",
        output,
        [(i, LOTS_PER_LINE * LOT_GRAMS) for i in ingredients],
    )
    await _top_up(sessions, principal, ingredients)
    await _start(sessions, principal, recipe)  # warm: statement caches, plans
    times: list[float] = []
    counts: list[int] = []
    for _ in range(runs):
        await _top_up(sessions, principal, ingredients)
        with counting(engine) as statements:
            began = time.perf_counter()
            started = await _start(sessions, principal, recipe)
            times.append((time.perf_counter() - began) * 1000)
        counts.append(len(statements))
        draws = len(started.drawn.batch_draws)
        assert draws == LINES * LOTS_PER_LINE, draws
    return [
        "### startBatch: 20 lines, each drawing 30 g across its item's 3 open lots of 10 g",
        "",
        "| starts | p50 | p99 | statements per start |",
        "|---|---|---|---|",
        f"| {len(times)} | {median(times):.1f} ms | {percentile(times, 99):.1f} ms | "
        f"{median([float(c) for c in counts]):.0f} |",
    ]


async def _genealogy(sessions: Any, principal: Principal) -> tuple[int, int]:
    """5 batches deep: raw (996 lots of 1 g) -> I1 -> I2 -> I3 -> I4 -> product. Returns
    (the product lot, a raw lot)."""
    print(f"trace: {RAW_LOTS} raw lots, {DEPTH} batch levels", file=sys.stderr)
    raw = await _item(sessions, principal, "Raw")
    await _receive(sessions, principal, raw, RAW_LOTS, 1)
    source, grams = raw, RAW_LOTS
    lot_id = 0
    for level in range(1, DEPTH + 1):
        kind = "PRODUCT" if level == DEPTH else "INTERMEDIATE"
        made = await _item(sessions, principal, f"Level {level}", kind)
        recipe = await _recipe(sessions, principal, f"Level {level}", made, [(source, grams)])
        started = await _start(sessions, principal, recipe)
        async with unit_of_work(sessions) as session:
            finished = await finish_batch(
                session,
                principal,
                batch_id=started.batch.id,
                actual_yield=QuantityInput(Decimal(grams), "g"),
            )
        lot_id = finished.lots[0].id
        source = made
    async with unit_of_work(sessions, write=False) as session:
        first_raw = await session.scalar(
            select(func.min(InventoryLot.id)).where(InventoryLot.item_id == raw)
        )
    assert first_raw is not None
    return lot_id, first_raw


async def bench_traces(
    engine: AsyncEngine, sessions: Any, principal: Principal, runs: int
) -> list[str]:
    product_lot, raw_lot = await _genealogy(sessions, principal)
    lines = [
        f"### traceLot: {DEPTH} batch levels, {RAW_LOTS + DEPTH} lots",
        "",
        "| direction | lots | batches | p50 | p99 | statements (recursive) |",
        "|---|---|---|---|---|---|",
    ]
    for direction, lot_id in (
        (genealogy.Direction.BACKWARD, product_lot),
        (genealogy.Direction.FORWARD, raw_lot),
    ):
        times: list[float] = []
        for run in range(runs + 1):
            async with unit_of_work(sessions, write=False) as session:
                with counting(engine) as statements:
                    began = time.perf_counter()
                    trace = await genealogy.trace_lot(
                        session, principal, lot_id=lot_id, direction=direction, max_depth=DEPTH
                    )
                    elapsed = (time.perf_counter() - began) * 1000
            if run:  # the first warms the caches
                times.append(elapsed)
        recursive = sum("WITH RECURSIVE" in s for s in statements)
        lines.append(
            f"| {direction.value} | {len(trace.lots)} | {len(trace.batches)} | "
            f"{median(times):.1f} ms | {percentile(times, 99):.1f} ms | "
            f"{len(statements)} ({recursive}) |"
        )
    return lines


async def main(url: str, quick: bool) -> None:
    engine = create_engine(url)
    sessions = create_session_factory(engine)
    try:
        principal = await new_organization(sessions)
        starts = await bench_starts(engine, sessions, principal, 30 if quick else 200)
        traces = await bench_traces(engine, sessions, principal, 10 if quick else 50)
        verdict, _ = await verify(sessions, principal)
    finally:
        await engine.dispose()
    command = ".venv/bin/python bench/batches/run.py" + (" --quick" if quick else "")
    print(
        "\n".join(
            [
                f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
                f"- command: `{command}` (at the service boundary, PostgreSQL on 127.0.0.1)",
                f"- machine: {os.cpu_count()} CPUs, shared with other work while it ran",
                "",
                *starts,
                "",
                *traces,
                "",
                f"verify_inventory afterwards: {verdict}",
            ]
        )
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("url", nargs="?")
    args = parser.parse_args()
    asyncio.run(main(prepare(args.url, DATABASE), args.quick))
