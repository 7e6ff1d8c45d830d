"""The recall trace: a fragrance blend (an intermediate) is made, then used in a candle
batch whose candles are sold; the trace runs back from the candles to every lot they came
from, and forward from a lavender lot to the candles and the order that took them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from services.batches import genealogy
from services.batches.genealogy import Direction, Trace
from services.db import unit_of_work
from tests.services.accounts.givens import Actor, Sessions, all_refusals, sign_up
from tests.services.batches.givens import (
    assert_inventory_consistent,
    finishing,
    run,
    start_batch,
)
from tests.services.inventory.givens import (
    create_item,
    days_ago,
    fulfil,
    lots_of,
    receive,
    reserve,
)
from tests.services.recipes.givens import create_recipe, line, qty

pytestmark = pytest.mark.batches


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


@contextmanager
def counted(session: AsyncSession) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(*args: Any) -> None:
        if str(args[2]).strip() != "BEGIN":
            statements.append(str(args[2]))

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


async def _trace(
    sessions: Sessions, owner: Actor, lot_id: int, direction: Direction, depth: int | None = None
) -> tuple[Trace, list[str]]:
    async with unit_of_work(sessions, write=False) as session:
        with counted(session) as statements:
            trace = await genealogy.trace_lot(
                session, owner.principal, lot_id=lot_id, direction=direction, max_depth=depth
            )
    return trace, statements


async def test_a_blend_made_then_used_in_candles_is_traced_both_ways(
    sessions: Sessions, owner: Actor
) -> None:
    p = owner.principal
    lavender = await create_item(sessions, p, "Lavender oil", base_unit="ml")
    cedar = await create_item(sessions, p, "Cedar oil", base_unit="ml")
    wax = await create_item(sessions, p, "Soy wax")
    blend = await create_item(sessions, p, "Forest blend", type="INTERMEDIATE")
    candle = await create_item(sessions, p, "Forest candle", type="PRODUCT")
    await receive(
        sessions,
        p,
        lavender.id,
        "100",
        "ml",
        total_cost="20",
        lot_code="LAV-123",
        vendor="Provence Oils",
        received_at=days_ago(5),
        expires_at=days_ago(-60),
    )
    await receive(sessions, p, cedar.id, "100", "ml", total_cost="10", lot_code="CED-9")
    await receive(sessions, p, wax.id, "5000", total_cost="25", lot_code="WAX-1")
    blend_recipe = await create_recipe(
        sessions,
        p,
        name="Forest blend",
        output_item_id=blend.id,
        predicted_yield=qty("100"),
        ingredients=[line(lavender, "60", "ml"), line(cedar, "40", "ml")],
        label_prefix="BLEND",
    )
    candle_recipe = await create_recipe(
        sessions,
        p,
        name="Forest candle",
        output_item_id=candle.id,
        predicted_yield=qty("1", "kg"),
        ingredients=[line(wax, "900"), line(blend, "100")],
        label_prefix="CANDLE",
    )
    blending = await start_batch(sessions, p, blend_recipe.id)
    [blend_lot] = (await run(sessions, finishing(p, blending.batch.id, "100"))).lots
    pouring = await start_batch(sessions, p, candle_recipe.id)
    [candle_lot] = (await run(sessions, finishing(p, pouring.batch.id, "1000"))).lots
    held = await reserve(sessions, p, candle.id, "200", order="#1001")
    await fulfil(sessions, p, held.id)
    [lavender_lot] = await lots_of(sessions, lavender.id)

    back, back_statements = await _trace(sessions, owner, candle_lot.id, Direction.BACKWARD)
    forward, forward_statements = await _trace(sessions, owner, lavender_lot.id, Direction.FORWARD)

    # backward: the candles (0), the wax and the blend they drew (1), and the blend's
    # lavender and cedar (2), through the candle batch (1) and the blend batch (2)
    assert sorted((t.depth, t.lot.lot_code) for t in back.lots) == [
        (0, candle_lot.lot_code),
        (1, blend_lot.lot_code),
        (1, "WAX-1"),
        (2, "CED-9"),
        (2, "LAV-123"),
    ]
    lav = next(t for t in back.lots if t.lot.lot_code == "LAV-123")
    assert (lav.lot.vendor, lav.item.name, lav.via_batch_id) == (
        "Provence Oils",
        "Lavender oil",
        blending.batch.id,
    )
    assert sorted((t.depth, t.batch.label) for t in back.batches) == [
        (1, pouring.batch.label),
        (2, blending.batch.label),
    ]
    # forward: the lavender went into the blend (1) and the candles (2), and order #1001
    # took 200 g of those candles
    assert sorted((t.depth, t.lot.lot_code) for t in forward.lots) == [
        (0, "LAV-123"),
        (1, blend_lot.lot_code),
        (2, candle_lot.lot_code),
    ]
    assert sorted((t.depth, t.batch.label) for t in forward.batches) == [
        (1, blending.batch.label),
        (2, pouring.batch.label),
    ]
    assert [(s.entry.reference, s.entry.quantity, s.entry.lot_id) for s in forward.sales] == [
        ("#1001", Decimal(-200), candle_lot.id)
    ]
    # one statement walks the whole genealogy; the rest read its rows (3 or 4 queries)
    assert sum("WITH RECURSIVE" in s for s in back_statements + forward_statements) == 2
    assert len(back_statements) <= 4
    assert len(forward_statements) <= 5
    # the blend expires no later than the lavender it consumed
    assert blend_lot.expires_at == lavender_lot.expires_at
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_max_depth_stops_the_walk(sessions: Sessions, owner: Actor) -> None:
    p = owner.principal
    oil = await create_item(sessions, p, "Oil")
    base = await create_item(sessions, p, "Base", type="INTERMEDIATE")
    await receive(sessions, p, oil.id, "100", total_cost="1")
    recipe = await create_recipe(
        sessions,
        p,
        name="Base",
        output_item_id=base.id,
        predicted_yield=qty("100"),
        ingredients=[line(oil, "100")],
    )
    made = await start_batch(sessions, p, recipe.id)
    [base_lot] = (await run(sessions, finishing(p, made.batch.id, "100"))).lots
    [oil_lot] = await lots_of(sessions, oil.id)

    trace, _ = await _trace(sessions, owner, oil_lot.id, Direction.FORWARD, depth=1)

    assert sorted(t.lot.id for t in trace.lots) == sorted([oil_lot.id, base_lot.id])


async def test_a_bad_depth_or_a_foreign_lot_is_refused(sessions: Sessions, owner: Actor) -> None:
    theirs = await sign_up(sessions)
    oil = await create_item(sessions, theirs.principal, "Their oil")
    their_lot = (await receive(sessions, theirs.principal, oil.id, "10", total_cost="1")).lot
    assert their_lot is not None

    def tracing(lot_id: int, depth: int | None) -> Any:
        return lambda session: genealogy.trace_lot(
            session, owner.principal, lot_id=lot_id, direction=Direction.BACKWARD, max_depth=depth
        )

    for lot_id, depth, expected in [
        (their_lot.id, None, ("NOT_FOUND", ("id",))),
        (987_654, 3, ("NOT_FOUND", ("id",))),
        (their_lot.id, 0, ("OUT_OF_RANGE", ("max_depth",))),
        (their_lot.id, 51, ("OUT_OF_RANGE", ("max_depth",))),
    ]:
        [problem] = await all_refusals(sessions, tracing(lot_id, depth))
        assert (problem.code, problem.field) == expected
