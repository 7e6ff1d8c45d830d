"""Cancelling a batch gives every draw back to the exact lot it came from, so each lot's
remainder and value are as before the start; failing one keeps the draws as the loss.
Neither applies to a batch no longer in progress."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.batches.models import BatchStatus
from tests.services.accounts.givens import Actor, Sessions, all_refusals, sign_up
from tests.services.batches.givens import (
    adding,
    assert_inventory_consistent,
    batch_now,
    cancelling,
    failing,
    run,
    start_batch,
)
from tests.services.inventory.givens import (
    days_ago,
    events_of,
    item_now,
    ledger_of,
    lots_of,
    receive,
    remainders,
    snapshot,
)
from tests.services.recipes.givens import Kitchen, create_recipe, kitchen, soap_recipe

pytestmark = pytest.mark.batches


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


@pytest.fixture
async def k(sessions: Sessions, owner: Actor) -> Kitchen:
    kit = await kitchen(sessions, owner.principal)
    p = owner.principal
    await receive(sessions, p, kit.olive_oil.id, "1000", total_cost="10", received_at=days_ago(30))
    # lye: 60 g for 1.00 (1/60 per g: its draws round), then 100 g for 8.00
    await receive(sessions, p, kit.lye.id, "60", total_cost="1", received_at=days_ago(20))
    await receive(sessions, p, kit.lye.id, "100", total_cost="8", received_at=days_ago(10))
    await receive(sessions, p, kit.wrapper.id, "20", "each", total_cost="2")
    await receive(sessions, p, kit.lavender.id, "100", "ml", total_cost="7")
    return kit


async def test_cancel_restores_every_lots_exact_remainder_and_value(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    # 0.5 of the recipe takes 45 g of lye from the 60 g lot: 45/60 of 1.00 = 0.75
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    items = (k.olive_oil, k.lye, k.wrapper, k.lavender)
    before = {item.id: remainders(await lots_of(sessions, item.id)) for item in items}
    totals = [await snapshot(sessions, item.id) for item in items]
    started = await start_batch(sessions, owner.principal, recipe.id, factor="0.5")
    await run(sessions, adding(owner.principal, started.batch.id, (k.lavender.id, "7", "ml")))
    assert remainders(await lots_of(sessions, k.lye.id))[0] == (Decimal(15), Decimal("0.25"))
    await assert_inventory_consistent(sessions, owner.organization_id)

    await run(sessions, cancelling(owner.principal, started.batch.id))

    after = {item.id: remainders(await lots_of(sessions, item.id)) for item in items}
    assert after == before
    for item, was in zip(items, totals, strict=True):
        now = await item_now(sessions, item.id)
        assert (now.on_hand, now.stock_value) == (was.on_hand, was.stock_value)
    lye_rows = await ledger_of(sessions, k.lye.id)
    assert [(e.change_type, e.quantity, e.value) for e in lye_rows[-2:]] == [
        ("BATCH", Decimal(-45), Decimal("-0.75")),
        ("REFUNDED", Decimal(45), Decimal("0.75")),
    ]
    batch = await batch_now(sessions, started.batch.id)
    assert (batch.status, batch.cancelled_at is not None) == (BatchStatus.CANCELLED, True)
    [event] = await events_of(sessions, owner.organization_id, "batch.cancelled")
    assert [r["quantity"]["amount"] for r in event.payload["returned"]] == ["350", "45", "4", "7"]
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_a_failed_batch_keeps_its_draws_as_the_loss(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    started = await start_batch(sessions, owner.principal, recipe.id)
    on_hand = (await item_now(sessions, k.olive_oil.id)).on_hand

    await run(sessions, failing(owner.principal, started.batch.id, "  Seized in the pot "))

    batch = await batch_now(sessions, started.batch.id)
    # the loss: 7.00 of oil + 90 g of lye (1.00 + 30 g x 0.08 = 2.40) + 0.80 of wrappers
    assert (batch.status, batch.failure_reason, batch.actual_cost) == (
        BatchStatus.FAILED,
        "Seized in the pot",
        Decimal("11.2"),
    )
    assert (await item_now(sessions, k.olive_oil.id)).on_hand == on_hand == Decimal(300)
    [event] = await events_of(sessions, owner.organization_id, "batch.failed")
    assert event.payload["reason"] == "Seized in the pot"
    assert len(event.payload["consumed"]) == 4
    await assert_inventory_consistent(sessions, owner.organization_id)


async def test_a_closed_batch_cannot_be_cancelled_failed_or_added_to(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    cancelled = await start_batch(sessions, owner.principal, recipe.id, factor="0.1")
    await run(sessions, cancelling(owner.principal, cancelled.batch.id))
    failed = await start_batch(sessions, owner.principal, recipe.id, factor="0.1")
    await run(sessions, failing(owner.principal, failed.batch.id, "Burnt"))
    before = [await snapshot(sessions, item.id) for item in (k.olive_oil, k.lye, k.lavender)]

    for batch_id in (cancelled.batch.id, failed.batch.id):
        for step, field in [
            (cancelling(owner.principal, batch_id), ("id",)),
            (failing(owner.principal, batch_id, "Again"), ("id",)),
            (adding(owner.principal, batch_id, (k.lavender.id, "1", "ml")), ("batch_id",)),
        ]:
            problems = await all_refusals(sessions, step)
            assert [(p.code, p.field) for p in problems] == [("BATCH_NOT_IN_PROGRESS", field)]

    after = [await snapshot(sessions, item.id) for item in (k.olive_oil, k.lye, k.lavender)]
    assert after == before


@pytest.mark.parametrize(
    ("reason", "code"), [("   ", "BLANK"), ("x" * 2001, "TOO_LONG")], ids=["blank", "long"]
)
async def test_a_failure_needs_a_reason(
    sessions: Sessions, owner: Actor, k: Kitchen, reason: str, code: str
) -> None:
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    started = await start_batch(sessions, owner.principal, recipe.id, factor="0.1")

    problems = await all_refusals(sessions, failing(owner.principal, started.batch.id, reason))

    assert [(p.code, p.field) for p in problems] == [(code, ("reason",))]
    assert (await batch_now(sessions, started.batch.id)).status == BatchStatus.IN_PROGRESS


async def test_an_unknown_or_foreign_batch_is_not_found(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    theirs = await sign_up(sessions)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    ours = await start_batch(sessions, owner.principal, recipe.id, factor="0.1")

    for batch_id in (ours.batch.id, 987_654):
        for step in (
            cancelling(theirs.principal, batch_id),
            failing(theirs.principal, batch_id, "x"),
        ):
            problems = await all_refusals(sessions, step)
            assert [(p.code, p.field) for p in problems] == [("NOT_FOUND", ("id",))]
    assert (await batch_now(sessions, ours.batch.id)).status == BatchStatus.IN_PROGRESS
