"""Planning and starting batches: every line drawn FIFO through the ledger, each lot's
exact cost recorded, all or nothing, with the arithmetic written out."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.batches import start
from services.batches.models import BatchStatus
from services.db import unit_of_work
from services.errors import UserInputError
from services.inventory.models import ChangeType
from services.recipes.costing import ScaleRequest
from tests.services.accounts.givens import Actor, Sessions, sign_up, update_organization
from tests.services.batches.givens import (
    adding,
    assert_inventory_consistent,
    batch_now,
    draws_now,
    lines_now,
    run,
    start_batch,
    starting,
)
from tests.services.inventory.givens import (
    create_item,
    days_ago,
    events_of,
    ledger_of,
    lots_of,
    receive,
    remainders,
    snapshot,
)
from tests.services.recipes.givens import (
    Kitchen,
    create_recipe,
    kitchen,
    line,
    qty,
    soap_recipe,
    steps_now,
)

pytestmark = pytest.mark.batches


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


@pytest.fixture
async def k(sessions: Sessions, owner: Actor) -> Kitchen:
    return await kitchen(sessions, owner.principal)


async def _stock(sessions: Sessions, owner: Actor, k: Kitchen) -> None:
    """Olive oil: 1000 g at 0.01/g. Lye: 60 g at 0.05/g (20 days old), then 100 g at
    0.08/g (10 days old). Wrappers: 20 at 0.10."""
    p = owner.principal
    await receive(sessions, p, k.olive_oil.id, "1000", total_cost="10", received_at=days_ago(30))
    await receive(sessions, p, k.lye.id, "60", total_cost="3", received_at=days_ago(20))
    await receive(sessions, p, k.lye.id, "100", total_cost="8", received_at=days_ago(10))
    await receive(sessions, p, k.wrapper.id, "20", "each", total_cost="2")


async def test_a_soap_batch_draws_lye_from_two_lots_at_their_own_prices(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))

    started = await start_batch(sessions, owner.principal, recipe.id)

    batch = await batch_now(sessions, started.batch.id)
    year = batch.started_at.year
    assert (batch.label, batch.status, batch.cost_method) == (
        f"SOAP-{year}-0001",
        BatchStatus.IN_PROGRESS,
        "FIFO",
    )
    oil, lye, wrapper = await lines_now(sessions, owner.principal, batch.id)
    # 700 g of oil at 0.01 = 7.00; 90 g of lye: 60 g at 0.05 = 3.00, then 30 g at 0.08 =
    # 2.40, 5.40 in all; 8 wrappers at 0.10 = 0.80.
    assert [(x.needed, x.drawn, x.cost) for x in (oil, lye, wrapper)] == [
        (Decimal(700), Decimal(700), Decimal("7")),
        (Decimal(90), Decimal(90), Decimal("5.4")),
        (Decimal(8), Decimal(8), Decimal("0.8")),
    ]
    first_lye, second_lye = await lots_of(sessions, k.lye.id)
    assert [d for d in await draws_now(sessions, owner.principal, batch.id) if d[0] != 0][1:3] == [
        (first_lye.id, Decimal(60), Decimal(3)),
        (second_lye.id, Decimal(30), Decimal("2.4")),
    ]
    # 7.00 + 5.40 + 0.80 = 13.20, as planned
    assert (batch.ingredient_cost, batch.planned_cost) == (Decimal("13.2"), Decimal("13.2"))
    assert remainders([first_lye, second_lye]) == [(0, 0), (Decimal(70), Decimal("5.6"))]
    lye_rows = [e for e in await ledger_of(sessions, k.lye.id) if e.change_type == "BATCH"]
    assert [(e.quantity, e.value, e.reference, e.batch_id) for e in lye_rows] == [
        (Decimal(-60), Decimal(-3), batch.label, batch.id),
        (Decimal(-30), Decimal("-2.4"), batch.label, batch.id),
    ]
    [event] = await events_of(sessions, owner.organization_id, "batch.started")
    consumed = event.payload["consumed"]
    assert [(c["lotCode"], c["quantity"]["amount"], c["value"]) for c in consumed] == [
        ((await lots_of(sessions, k.olive_oil.id))[0].lot_code, "700", "7"),
        (first_lye.lot_code, "60", "3"),
        (second_lye.lot_code, "30", "2.4"),
        ((await lots_of(sessions, k.wrapper.id))[0].lot_code, "8", "0.8"),
    ]
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_labels_follow_one_another_and_a_second_organization_starts_at_one(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k, label_prefix=None))
    first = await start_batch(sessions, owner.principal, recipe.id, factor="0.1")
    second = await start_batch(sessions, owner.principal, recipe.id, factor="0.1")
    theirs = await sign_up(sessions)
    their_kitchen = await kitchen(sessions, theirs.principal)
    await _stock(sessions, theirs, their_kitchen)
    their_recipe = await create_recipe(
        sessions, theirs.principal, **soap_recipe(their_kitchen, label_prefix=None)
    )
    their_first = await start_batch(sessions, theirs.principal, their_recipe.id, factor="0.1")

    year = first.batch.started_at.year
    assert [first.batch.label, second.batch.label] == [f"BATCH-{year}-0001", f"BATCH-{year}-0002"]
    assert their_first.batch.label == f"BATCH-{year}-0001"


async def test_average_costs_each_line_at_the_items_average_while_drawing_fifo(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await update_organization(sessions, owner.principal, cost_method="AVERAGE")

    started = await start_batch(sessions, owner.principal, recipe.id)

    oil, lye, wrapper = await lines_now(sessions, owner.principal, started.batch.id)
    # lye's average before the draw: (3.00 + 8.00) / 160 g = 0.06875/g; 90 g = 6.1875
    # (FIFO: 5.40). Oil and wrappers have one price: 7.00 and 0.80 either way.
    assert [x.cost for x in (oil, lye, wrapper)] == [Decimal(7), Decimal("6.1875"), Decimal("0.8")]
    batch = await batch_now(sessions, started.batch.id)
    assert (batch.cost_method, batch.ingredient_cost) == ("AVERAGE", Decimal("13.9875"))
    # the quantities are still drawn FIFO: the old lot first, at its own value
    first_lye, second_lye = await lots_of(sessions, k.lye.id)
    assert remainders([first_lye, second_lye]) == [(0, 0), (Decimal(70), Decimal("5.6"))]
    # the method is locked on the batch: changing it later leaves the batch as it was
    await update_organization(sessions, owner.principal, cost_method="FIFO")
    assert (await batch_now(sessions, started.batch.id)).cost_method == "AVERAGE"
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_the_recipes_planned_cost_follows_the_organizations_method(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))

    async def total() -> tuple[str, Decimal]:
        async with unit_of_work(sessions, write=False) as session:
            plan = await start.plan_batch(session, owner.principal, request=ScaleRequest(recipe.id))
        return plan.planned.method, plan.planned.total

    assert await total() == ("FIFO", Decimal("13.2"))
    await update_organization(sessions, owner.principal, cost_method="AVERAGE")
    assert await total() == ("AVERAGE", Decimal("13.9875"))


async def test_a_shortage_refuses_the_whole_start_naming_every_short_line(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    before = [await snapshot(sessions, item.id) for item in (k.olive_oil, k.lye, k.wrapper)]

    # twice the recipe: 1400 g of oil (1000 there), 180 g of lye (160), 16 wrappers (20)
    with pytest.raises(UserInputError) as raised:
        await run(sessions, starting(owner.principal, recipe.id, factor="2"))

    problems = raised.value.problems
    assert [(p.code, p.field) for p in problems] == [("INSUFFICIENT_STOCK", ("recipe_id",))] * 2
    assert "1400 g needed, 1000 g available" in problems[0].message
    assert "180 g needed, 160 g available" in problems[1].message
    shortages = raised.value.shortages  # type: ignore[attr-defined]
    assert [(s.item_id, s.requested, s.available) for s in shortages] == [
        (k.olive_oil.id, Decimal(1400), Decimal(1000)),
        (k.lye.id, Decimal(180), Decimal(160)),
    ]
    assert [await snapshot(sessions, item.id) for item in (k.olive_oil, k.lye, k.wrapper)] == before
    assert await events_of(sessions, owner.organization_id, "batch.started") == []


async def test_a_forced_start_skips_the_short_line_and_records_it(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    # 200 g of lye asked: only 160 g there
    recipe = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, ingredients=[line(k.olive_oil, "700"), line(k.lye, "200")]),
    )

    started = await start_batch(sessions, owner.principal, recipe.id, force=True)

    batch = await batch_now(sessions, started.batch.id)
    _, lye, _ = await lines_now(sessions, owner.principal, batch.id)
    assert (lye.needed, lye.drawn, lye.skipped, lye.cost) == (
        Decimal(200),
        Decimal(0),
        Decimal(200),
        Decimal(0),
    )
    assert batch.forced
    assert batch.shortage_summary == '"Sodium hydroxide": 200 g skipped'
    # 7.00 + 0.80 drawn; planned also prices the 160 g there: 3.00 + 8.00 = 11.00 more
    assert (batch.ingredient_cost, batch.planned_cost) == (Decimal("7.8"), Decimal("18.8"))
    assert [lot.remaining for lot in await lots_of(sessions, k.lye.id)] == [60, 100]
    [event] = await events_of(sessions, owner.organization_id, "batch.started")
    assert event.payload["skipped"] == [
        {
            "itemId": event.payload["skipped"][0]["itemId"],
            "quantity": {"amount": "200", "unit": "g"},
        }
    ]
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_an_untracked_item_costs_its_set_cost_and_moves_no_stock(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    water = await create_item(
        sessions, owner.principal, "Tap water", tracked=False, set_unit_cost=Decimal("0.0002")
    )
    recipe = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, ingredients=[line(k.olive_oil, "700"), line(water, "250")]),
    )

    started = await start_batch(sessions, owner.principal, recipe.id)

    _, tap, _ = await lines_now(sessions, owner.principal, started.batch.id)
    # 250 g x 0.0002 = 0.05, no lot
    assert (tap.tracked, tap.drawn, tap.cost) == (False, Decimal(250), Decimal("0.05"))
    assert await ledger_of(sessions, water.id) == []
    assert (await batch_now(sessions, started.batch.id)).ingredient_cost == Decimal("7.85")


async def test_added_ingredients_are_drawn_the_same_way(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    await receive(sessions, owner.principal, k.lavender.id, "100", "ml", total_cost="20")
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    started = await start_batch(sessions, owner.principal, recipe.id)

    await run(sessions, adding(owner.principal, started.batch.id, (k.lavender.id, "15", "ml")))

    *_, added = await lines_now(sessions, owner.principal, started.batch.id)
    # 15 ml at 0.20/ml = 3.00; the batch: 13.20 + 3.00
    assert (added.kind, added.position, added.drawn, added.cost) == (
        "ADDED",
        4,
        Decimal(15),
        Decimal(3),
    )
    assert (await batch_now(sessions, started.batch.id)).ingredient_cost == Decimal("16.2")
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_a_target_yield_whose_factor_does_not_end_is_kept_to_six_places(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    # 1 kg of soap from a 3 kg recipe: factor 1/3, 8 bars x 1/3 = 2.666... portions
    recipe = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, predicted_yield=qty("3", "kg"), consumables=[]),
    )

    started = await start_batch(sessions, owner.principal, recipe.id, target=("1", "kg"))

    batch = await batch_now(sessions, started.batch.id)
    assert (batch.factor, batch.planned_portions, batch.planned_yield) == (
        Decimal("0.333333"),
        Decimal("2.666667"),
        Decimal(1000),
    )
    oil, lye = await lines_now(sessions, owner.principal, batch.id)
    # the lines by the exact factor: 700 g / 3 = 233.333 g, 90 g / 3 = 30 g
    assert (oil.needed, lye.needed) == (Decimal("233.333"), Decimal(30))


async def test_a_batch_keeps_the_steps_it_was_started_with(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    started = await start_batch(sessions, owner.principal, recipe.id, factor="0.1")

    from services.batches import queries

    async with unit_of_work(sessions, write=False) as session:
        frozen = (await queries.steps_of(session, owner.principal, [started.batch.id]))[
            started.batch.id
        ]
    resolved = await steps_now(sessions, owner.principal, recipe.id)
    assert [(s.key, s.text, s.duration_minutes) for s in frozen] == [
        (s.key, s.content.text, s.content.duration_minutes) for s in resolved
    ]
    assert [s.text for s in frozen] == ["Melt the oils", "Add the lye"]


async def test_eight_batches_started_side_by_side_on_shared_items_neither_desync_nor_deadlock(
    sessions: Sessions, pooled: async_sessionmaker[AsyncSession], owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    # each takes 70 g of oil, 9 g of lye and 1 wrapper (a tenth); the lines are listed in
    # opposite orders by two recipes, so only the ledger's id order keeps them apart
    ours = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    reversed_lines = [line(k.lye, "90"), line(k.olive_oil, "700")]
    theirs = await create_recipe(
        sessions, owner.principal, **soap_recipe(k, name="Reversed", ingredients=reversed_lines)
    )

    async def one(index: int) -> str:
        recipe_id = ours.id if index % 2 else theirs.id
        async with unit_of_work(pooled) as session:
            started = await starting(owner.principal, recipe_id, factor="0.1")(session)
            return str(started.batch.label)

    labels = await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(8))), timeout=120)

    assert len(set(labels)) == 8
    # 8 x 70 g = 560 g of oil; 8 x 9 g = 72 g of lye: 60 g from the old lot, 12 g new
    assert [lot.remaining for lot in await lots_of(sessions, k.olive_oil.id)] == [Decimal(440)]
    assert [lot.remaining for lot in await lots_of(sessions, k.lye.id)] == [0, Decimal(88)]
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_draws_go_through_the_ledger_as_batch_changes(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await _stock(sessions, owner, k)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await start_batch(sessions, owner.principal, recipe.id)

    adjusted = await events_of(sessions, owner.organization_id, "inventory.adjusted")
    assert {event.payload["changeType"] for event in adjusted} == {ChangeType.BATCH.value}
    assert len(adjusted) == 3  # one per item drawn
