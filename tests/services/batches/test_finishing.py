"""Finishing a batch into product lots: the cost shared by quantity among the lots of each
container size and the bulk, containers drawn and costed, expiry from the shelf life (an
intermediate's no later than what it consumed), portions, and actual against planned."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.event import listen, remove

from services.batches import report
from services.batches.models import BatchStatus
from services.batches.stream import batch_id
from services.db import unit_of_work
from services.inventory.payloads import item_id
from services.webhooks.endpoints import create_endpoint
from services.webhooks.models import WebhookDelivery
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from tests.services.accounts.givens import Actor, Sessions, all_refusals, sign_up
from tests.services.batches.givens import (
    assert_inventory_consistent,
    batch_now,
    cancelling,
    finishing,
    run,
    start_batch,
)
from tests.services.inventory.givens import (
    create_item,
    days_ago,
    events_of,
    item_now,
    lots_of,
    receive,
    snapshot,
    update_item,
)
from tests.services.recipes.givens import create_recipe, line, qty
from tests.services.recipes.givens import portions as portioning

pytestmark = pytest.mark.batches


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


async def _balm(sessions: Sessions, owner: Actor) -> tuple[Any, Any, Any]:
    """A balm: 1 kg of it from 800 g of shea (0.01/g: 8.00) and 200 g of wax (0.02/g:
    4.00), 12.00 a batch; jars of 100 g at 0.50 each."""
    p = owner.principal
    balm = await create_item(
        sessions, p, "Balm", type="PRODUCT", shelf_life_days=365, sale_price=Decimal("0.03")
    )
    shea = await create_item(sessions, p, "Shea")
    wax = await create_item(sessions, p, "Wax")
    jar = await create_item(
        sessions,
        p,
        "Jar 100 g",
        type="CONTAINER",
        base_unit="each",
        quantity_precision=0,
        container_capacity=Decimal(100),
        container_capacity_unit="g",
    )
    await receive(sessions, p, shea.id, "8000", total_cost="80")
    await receive(sessions, p, wax.id, "2000", total_cost="40")
    await receive(sessions, p, jar.id, "30", "each", total_cost="15")
    recipe = await create_recipe(
        sessions,
        p,
        name="Balm",
        output_item_id=balm.id,
        predicted_yield=qty("1", "kg"),
        ingredients=[line(shea, "800"), line(wax, "200")],
        label_prefix="BALM",
    )
    return balm, jar, recipe


async def test_a_container_fill_with_leftover_bulk_shares_the_cost_by_quantity(
    sessions: Sessions, owner: Actor
) -> None:
    balm, jar, recipe = await _balm(sessions, owner)
    started = await start_batch(sessions, owner.principal, recipe.id)

    finished = await run(
        sessions, finishing(owner.principal, started.batch.id, "950", containers=[(jar.id, 6)])
    )

    # 950 g made (planned 1000 g): 6 jars x 100 g = 600 g, 350 g in bulk. The 12.00 is
    # shared 600/950 = 7.578947 and 350/950 = 4.421053 (the rest); the jars add 6 x 0.50
    jars, bulk = finished.lots
    label = started.batch.label
    assert [(lot.lot_code, lot.quantity_received, lot.total_cost) for lot in finished.lots] == [
        (f"{label}-1", Decimal(600), Decimal("10.578947")),
        (label, Decimal(350), Decimal("4.421053")),
    ]
    # unit cost = lot cost / quantity: 10.578947 / 600 = 0.017632 (half-even), 4.421053 / 350
    assert (jars.unit_cost, bulk.unit_cost) == (Decimal("0.017632"), Decimal("0.012632"))
    assert [(o.container_count, o.container_cost) for o in finished.outputs] == [
        (6, Decimal(3)),
        (None, Decimal(0)),
    ]
    assert (await item_now(sessions, jar.id)).on_hand == Decimal(24)
    batch = await batch_now(sessions, started.batch.id)
    assert (batch.status, batch.actual_yield, batch.actual_cost) == (
        BatchStatus.FINISHED,
        Decimal(950),
        Decimal(15),
    )
    # expiry: finish + 365 days
    assert batch.finished_at is not None
    assert jars.expires_at == batch.finished_at + timedelta(days=365)
    comparison = report.compare(batch, await item_now(sessions, balm.id))
    # yield: (950 - 1000) / 1000 = -5.00 %; cost 15.00 / 950 g = 0.015789/g;
    # sold at 0.03/g: 28.50, margin 13.50, 47.37 % of it
    assert (
        comparison.yield_variance_percent,
        comparison.cost_per_output_unit,
        comparison.sale_value,
        comparison.margin,
        comparison.margin_percent,
    ) == (Decimal("-5"), Decimal("0.015789"), Decimal("28.5"), Decimal("13.5"), Decimal("47.37"))
    [event] = await events_of(sessions, owner.organization_id, "batch.finished")
    assert [(p["lotCode"], p["cost"], p["containerCount"]) for p in event.payload["produced"]] == [
        (f"{label}-1", "10.578947", 6),
        (label, "4.421053", None),
    ]
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_a_portioned_finish_gives_the_cost_per_portion(
    sessions: Sessions, owner: Actor
) -> None:
    p = owner.principal
    dough = await create_item(sessions, p, "Dough", type="PRODUCT")
    oil = await create_item(sessions, p, "Oil")
    await receive(sessions, p, oil.id, "4", "kg", total_cost="12")
    recipe = await create_recipe(
        sessions,
        p,
        name="Dough",
        output_item_id=dough.id,
        predicted_yield=qty("4", "kg"),
        ingredients=[line(oil, "4", "kg")],
        portioning=portioning("ball", 4, "1", "kg"),
    )
    started = await start_batch(sessions, p, recipe.id)

    await run(sessions, finishing(p, started.batch.id, "4", "kg", portions=4))

    batch = await batch_now(sessions, started.batch.id)
    # 4 kg of oil at 3.00/kg = 12.00, into 4 portions: 3.00 each
    comparison = report.compare(batch, await item_now(sessions, dough.id))
    assert (comparison.cost_per_portion, comparison.cost_per_output_unit) == (
        Decimal(3),
        Decimal("0.003"),
    )
    assert comparison.margin is None  # no sale price


async def test_an_intermediate_expires_no_later_than_what_it_consumed(
    sessions: Sessions, owner: Actor
) -> None:
    p = owner.principal
    blend = await create_item(sessions, p, "Blend", type="INTERMEDIATE", shelf_life_days=365)
    lavender = await create_item(sessions, p, "Lavender", base_unit="ml")
    soon = days_ago(-30)  # in 30 days
    await receive(sessions, p, lavender.id, "100", "ml", total_cost="10", expires_at=soon)
    recipe = await create_recipe(
        sessions,
        p,
        name="Blend",
        output_item_id=blend.id,
        predicted_yield=qty("100", "g"),
        ingredients=[line(lavender, "100", "ml")],
    )
    started = await start_batch(sessions, p, recipe.id)

    finished = await run(sessions, finishing(p, started.batch.id, "100"))

    [lot] = finished.lots
    assert lot.expires_at == soon


async def test_finishing_changes_nothing_when_the_input_is_bad(
    sessions: Sessions, owner: Actor
) -> None:
    balm, jar, recipe = await _balm(sessions, owner)
    pot = await create_item(sessions, owner.principal, "Pot", type="CONTAINER", base_unit="each")
    started = await start_batch(sessions, owner.principal, recipe.id)
    before = [await snapshot(sessions, item.id) for item in (balm, jar)]
    b = started.batch.id

    cases = [
        (finishing(owner.principal, b, "0"), ("NOT_POSITIVE", ("actual_yield", "amount"))),
        (
            finishing(owner.principal, b, "950", portions=0),
            ("NOT_POSITIVE", ("portions",)),
        ),
        (
            finishing(owner.principal, b, "950", containers=[(jar.id, 10)]),
            ("CONTAINERS_EXCEED_YIELD", ("containers",)),
        ),
        (
            finishing(owner.principal, b, "5000", containers=[(jar.id, 40)]),
            ("INSUFFICIENT_STOCK", ("containers", "0", "count")),
        ),
        (
            finishing(owner.principal, b, "950", containers=[(jar.id, 0)]),
            ("NOT_POSITIVE", ("containers", "0", "count")),
        ),
        (
            finishing(owner.principal, b, "950", containers=[(pot.id, 1)]),
            ("CAPACITY_REQUIRED", ("containers", "0", "item_id")),
        ),
        (
            finishing(owner.principal, b, "950", containers=[(987_654, 1)]),
            ("NOT_FOUND", ("containers", "0", "item_id")),
        ),
    ]
    for step, expected in cases:
        problems = await all_refusals(sessions, step)
        assert (str(problems[0].code), problems[0].field) == expected

    assert [await snapshot(sessions, item.id) for item in (balm, jar)] == before
    assert (await batch_now(sessions, b)).status == BatchStatus.IN_PROGRESS
    assert await lots_of(sessions, balm.id) == []


async def test_a_batch_finishes_once(sessions: Sessions, owner: Actor) -> None:
    balm, _, recipe = await _balm(sessions, owner)
    started = await start_batch(sessions, owner.principal, recipe.id)
    await run(sessions, finishing(owner.principal, started.batch.id, "1000"))
    before = await snapshot(sessions, balm.id)

    problems = await all_refusals(sessions, finishing(owner.principal, started.batch.id, "1000"))

    assert [(p.code, p.field) for p in problems] == [("BATCH_NOT_IN_PROGRESS", ("id",))]
    assert await snapshot(sessions, balm.id) == before
    problems = await all_refusals(sessions, cancelling(owner.principal, started.batch.id))
    assert [(p.code, p.field) for p in problems] == [("BATCH_NOT_IN_PROGRESS", ("id",))]


async def test_a_finish_announces_its_whole_change_in_one_insert_and_one_fan_out(
    sessions: Sessions, owner: Actor, engine: Any
) -> None:
    # given a balm batch, jars that fall under their low-stock threshold when drawn, and
    # an endpoint that hears everything
    balm, jar, recipe = await _balm(sessions, owner)
    await update_item(sessions, owner.principal, jar.id, low_stock_threshold=Decimal(25))
    async with unit_of_work(sessions) as session:
        endpoint = await create_endpoint(
            session,
            owner.principal,
            url="https://8.8.8.8/hooks",
            event_types=["*"],
            description=None,
            policy=TargetPolicy(),
            box=SecretBox("test"),
        )
    started = await start_batch(sessions, owner.principal, recipe.id)
    before = await events_of(sessions, owner.organization_id)
    statements: list[str] = []

    def counted(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    # when it is finished into 6 jars and bulk
    listen(engine.sync_engine, "before_cursor_execute", counted)
    try:
        await run(
            sessions, finishing(owner.principal, started.batch.id, "950", containers=[(jar.id, 6)])
        )
    finally:
        remove(engine.sync_engine, "before_cursor_execute", counted)

    # then the jars' draw and low stock, the balm's new lots and the batch's finish are
    # appended in that order by one INSERT, and fanned out by one statement (two on SQLite)
    new = (await events_of(sessions, owner.organization_id))[len(before) :]
    assert [(e.type, e.entity_id) for e in new] == [
        ("inventory.adjusted", item_id(jar.id)),
        ("inventory.low_stock", item_id(jar.id)),
        ("inventory.adjusted", item_id(balm.id)),
        ("batch.finished", batch_id(started.batch.id)),
    ]
    jar_sequences = [e.sequence for e in new if e.entity_id == item_id(jar.id)]
    assert jar_sequences[1] == jar_sequences[0] + 1
    written = [s.lstrip().upper() for s in statements]
    assert len([s for s in written if s.startswith("INSERT INTO EVENTS")]) == 1
    fan_outs = [s for s in written if "INSERT INTO WEBHOOK_DELIVERIES" in s]
    assert len(fan_outs) == 1
    async with unit_of_work(sessions, write=False) as session:
        delivered = await session.scalars(
            select(WebhookDelivery.event_id).where(
                WebhookDelivery.endpoint_id == endpoint.endpoint.id
            )
        )
        assert {e.id for e in new} <= set(delivered)
