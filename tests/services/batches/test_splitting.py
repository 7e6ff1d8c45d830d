"""Splitting a batch into variations: each takes its percentage of the base (yield and
cost), draws its own added ingredients FIFO, has its sub-label and finishes into its own
lots; the base keeps exactly the rest."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.batches.models import BatchStatus
from tests.services.accounts.givens import Actor, Sessions, all_refusals, sign_up
from tests.services.batches.givens import (
    assert_inventory_consistent,
    batch_now,
    cancelling,
    finishing,
    run,
    splitting,
    start_batch,
)
from tests.services.inventory.givens import (
    create_item,
    days_ago,
    events_of,
    lots_of,
    receive,
    snapshot,
)
from tests.services.recipes.givens import Kitchen, create_recipe, kitchen, soap_recipe

pytestmark = pytest.mark.batches


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


@pytest.fixture
async def k(sessions: Sessions, owner: Actor) -> Kitchen:
    """Oil 0.01/g, lye 60 g at 0.05 then 100 g at 0.08, wrappers 0.10, lavender 0.20/ml:
    a batch of the soap costs 7.00 + 5.40 + 0.80 = 13.20."""
    kit = await kitchen(sessions, owner.principal)
    p = owner.principal
    await receive(sessions, p, kit.olive_oil.id, "1000", total_cost="10", received_at=days_ago(30))
    await receive(sessions, p, kit.lye.id, "60", total_cost="3", received_at=days_ago(20))
    await receive(sessions, p, kit.lye.id, "100", total_cost="8", received_at=days_ago(10))
    await receive(sessions, p, kit.wrapper.id, "20", "each", total_cost="2")
    await receive(sessions, p, kit.lavender.id, "100", "ml", total_cost="20")
    return kit


async def test_a_split_into_two_scents_carries_each_its_share_and_its_fragrance(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    p = owner.principal
    rose = await create_item(sessions, p, "Rose oil", base_unit="ml")
    await receive(sessions, p, rose.id, "10", "ml", total_cost="5")
    recipe = await create_recipe(sessions, p, **soap_recipe(k))
    started = await start_batch(sessions, p, recipe.id)
    label = started.batch.label

    split = await run(
        sessions,
        splitting(
            p,
            started.batch.id,
            ("Lavender", "40", [(k.lavender.id, "10", "ml")]),
            ("Rose", "30", [(rose.id, "5", "ml")]),
        ),
    )

    (lavender, _), (rose_batch, _) = split.variations
    assert [lavender.label, rose_batch.label] == [f"{label}A-Lavender", f"{label}B-Rose"]
    # Lavender: 40 % of 13.20 = 5.28, and 10 ml at 0.20 = 2.00: 7.28, 400 g planned
    # Rose: 30 % of 13.20 = 3.96, and 5 ml at 0.50 = 2.50: 6.46, 300 g planned
    # the base keeps 13.20 - 5.28 - 3.96 = 3.96 and 1000 - 400 - 300 = 300 g
    lav, ros, base = (
        await batch_now(sessions, lavender.id),
        await batch_now(sessions, rose_batch.id),
        await batch_now(sessions, started.batch.id),
    )
    assert [(b.ingredient_cost, b.planned_yield) for b in (lav, ros, base)] == [
        (Decimal("7.28"), Decimal(400)),
        (Decimal("6.46"), Decimal(300)),
        (Decimal("3.96"), Decimal(300)),
    ]
    [event] = await events_of(sessions, owner.organization_id, "batch.split")
    assert [(v["name"], v["percentage"]) for v in event.payload["variations"]] == [
        ("Lavender", 40),
        ("Rose", 30),
    ]

    # each finishes into its own lots
    lav_done = await run(sessions, finishing(p, lavender.id, "400"))
    rose_done = await run(sessions, finishing(p, rose_batch.id, "290"))
    base_done = await run(sessions, finishing(p, started.batch.id, "300"))

    assert [
        (lot.lot_code, lot.quantity_received, lot.total_cost)
        for done in (lav_done, rose_done, base_done)
        for lot in done.lots
    ] == [
        (f"{label}A-Lavender", Decimal(400), Decimal("7.28")),
        (f"{label}B-Rose", Decimal(290), Decimal("6.46")),
        (label, Decimal(300), Decimal("3.96")),
    ]
    # every cent drawn is in the soap: 13.20 + 2.00 + 2.50 = 17.70
    soap_lots = await lots_of(sessions, k.soap.id)
    assert sum((lot.total_cost for lot in soap_lots), Decimal(0)) == Decimal("17.7")
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_cancelling_the_base_cancels_its_variations_and_restores_every_lot(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    p = owner.principal
    recipe = await create_recipe(sessions, p, **soap_recipe(k))
    before = [await snapshot(sessions, i.id) for i in (k.olive_oil, k.lye, k.lavender)]
    started = await start_batch(sessions, p, recipe.id)
    split = await run(
        sessions, splitting(p, started.batch.id, ("Lavender", "50", [(k.lavender.id, "5", "ml")]))
    )
    [(variation, _)] = split.variations

    refused = await all_refusals(sessions, cancelling(p, variation.id))
    await run(sessions, cancelling(p, started.batch.id))

    assert [(x.code, x.field) for x in refused] == [("INVALID", ("id",))]
    after = [await snapshot(sessions, i.id) for i in (k.olive_oil, k.lye, k.lavender)]
    assert [(s.on_hand, s.stock_value, s.lots) for s in after] == [
        (s.on_hand, s.stock_value, s.lots) for s in before
    ]
    assert (await batch_now(sessions, variation.id)).status == BatchStatus.CANCELLED
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_bad_splits_change_nothing(sessions: Sessions, owner: Actor, k: Kitchen) -> None:
    p = owner.principal
    recipe = await create_recipe(sessions, p, **soap_recipe(k))
    started = await start_batch(sessions, p, recipe.id)
    b = started.batch.id
    await run(sessions, splitting(p, b, ("Lavender", "60", [])))
    before = await snapshot(sessions, k.lavender.id)

    cases = [
        (
            splitting(p, b, ("Rose", "30", []), ("Mint", "20", [])),
            ("SPLIT_OVER_100", ("variations",)),
        ),
        (splitting(p, b, ("lavender", "10", [])), ("NAME_TAKEN", ("variations", "0", "name"))),
        (
            splitting(p, b, ("Rose", "10", []), ("Rose", "10", [])),
            ("NAME_TAKEN", ("variations", "1", "name")),
        ),
        (splitting(p, b, ("Rose", "0", [])), ("NOT_POSITIVE", ("variations", "0", "percentage"))),
        (splitting(p, b, ("Rose", "101", [])), ("OUT_OF_RANGE", ("variations", "0", "percentage"))),
        (splitting(p, b, (" ", "10", [])), ("BLANK", ("variations", "0", "name"))),
        (splitting(p, b), ("BLANK", ("variations",))),
        (
            splitting(p, b, ("Rose", "10", [(k.lavender.id, "500", "ml")])),
            ("INSUFFICIENT_STOCK", ("variations", "0", "ingredients", "0", "quantity")),
        ),
    ]
    for step, expected in cases:
        problems = await all_refusals(sessions, step)
        assert (str(problems[0].code), problems[0].field) == expected

    assert await snapshot(sessions, k.lavender.id) == before
    assert (await batch_now(sessions, b)).planned_yield == Decimal(400)
