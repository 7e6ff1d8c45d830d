"""Planned reads of `traceLot` answer exactly what the standard executor answers: a
blend (an intermediate) made and used in candles, one candle batch split into a scented
variation, candles sold; traced backward from the candles and forward from the lavender,
at every depth, with the lots (in their items' units), their items and the batches
between them, the batches reached, and the sales with their quantities; another
organization's lot is null; and a refused trace (no batches.read, an item without
inventory.read, a bad ID or depth) is refused by the plan too, for the standard executor
to report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from graphql import parse

from resolvers.planned.catalog import CATALOG
from resolvers.planned.compiler import compile_plan
from services.ids import to_global_id
from services.permissions import Principal
from tests.resolvers.planned.differential import (
    SCHEMA,
    answered_alike,
    both,
    refused_alike,
    sdk_operation,
)
from tests.services.accounts.givens import Sessions, create_api_key, principal_of, sign_up
from tests.services.batches.givens import finishing, run, splitting, start_batch
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

MONEY = "{ amount currencyCode }"
QUANTITY = "{ amount unit }"
LOT = (
    f"id lotCode source vendor receivedAt expiresAt isExpired quantityReceived {QUANTITY}"
    f" remaining {QUANTITY} unitCost {MONEY} totalCost {MONEY} remainingValue {MONEY}"
    " __typename"
)
BATCH = (
    f"id label status factor plannedYield {QUANTITY} plannedCost {MONEY} actualCost {MONEY}"
    f" actualYield {QUANTITY} startedAt finishedAt variationName percentage"
)
TRACE = (
    "query($id: ID!, $direction: TraceDirection!, $maxDepth: Int) { traceLot(id: $id,"
    " direction: $direction, maxDepth: $maxDepth) { direction __typename lots { depth"
    f" lot {{ {LOT} item {{ name }} }} item {{ id name sku baseUnit }} viaBatch {{ {BATCH}"
    f" outputItem {{ name }} }} __typename }} batches {{ depth batch {{ {BATCH} consumption {{"
    f" drawn {QUANTITY} draws {{ lot {{ lotCode }} }} }} }} }} sales {{ depth orderReference"
    f" quantity {QUANTITY} at lot {{ id lotCode remaining {QUANTITY} }} }} }} }}"
)
SHORT = (
    "query($id: ID!) { traceLot(id: $id, direction: FORWARD) { sales { quantity { amount } }"
    " lots { depth } } }"
)


@dataclass
class World:
    owner: Principal
    reader: Principal  # an API key with batches.read and inventory.read
    lots: dict[str, int]


async def _world(sessions: Sessions) -> World:
    owner = (await sign_up(sessions)).principal
    lavender = await create_item(sessions, owner, "Lavender oil", base_unit="ml")
    cedar = await create_item(sessions, owner, "Cedar oil", base_unit="ml")
    wax = await create_item(sessions, owner, "Soy wax")
    blend = await create_item(sessions, owner, "Forest blend", type="INTERMEDIATE")
    candle = await create_item(sessions, owner, "Forest candle", type="PRODUCT")
    await receive(
        sessions,
        owner,
        lavender.id,
        "100",
        "ml",
        total_cost="20.30",
        lot_code="LAV-123",
        vendor="Provence Oils",
        received_at=days_ago(5),
        expires_at=days_ago(-60),
    )
    await receive(sessions, owner, cedar.id, "100", "ml", total_cost="10", lot_code="CED-9")
    await receive(sessions, owner, wax.id, "5000", total_cost="25", lot_code="WAX-1")
    blend_recipe = await create_recipe(
        sessions,
        owner,
        name="Forest blend",
        output_item_id=blend.id,
        predicted_yield=qty("100"),
        ingredients=[line(lavender, "60", "ml"), line(cedar, "40", "ml")],
        label_prefix="BLEND",
    )
    candle_recipe = await create_recipe(
        sessions,
        owner,
        name="Forest candle",
        output_item_id=candle.id,
        predicted_yield=qty("1", "kg"),
        ingredients=[line(wax, "900"), line(blend, "50")],
        label_prefix="CANDLE",
    )
    blending = await start_batch(sessions, owner, blend_recipe.id)
    [blend_lot] = (await run(sessions, finishing(owner, blending.batch.id, "100"))).lots
    pouring = await start_batch(sessions, owner, candle_recipe.id)
    [candle_lot] = (await run(sessions, finishing(owner, pouring.batch.id, "1000.5"))).lots
    split = (await start_batch(sessions, owner, candle_recipe.id)).batch.id
    result = await run(
        sessions, splitting(owner, split, ("Scented", "40", [(lavender.id, "5", "ml")]))
    )
    [(variation, _)] = result.variations
    await run(sessions, finishing(owner, variation.id, "380"))
    held = await reserve(sessions, owner, candle.id, "200", order="#1001")
    await fulfil(sessions, owner, held.id)
    held = await reserve(sessions, owner, candle.id, "100.25", order="#1002")
    await fulfil(sessions, owner, held.id)
    [lavender_lot] = await lots_of(sessions, lavender.id)
    [wax_lot] = await lots_of(sessions, wax.id)
    variation_lots = [lot for lot in await lots_of(sessions, candle.id) if lot.id != candle_lot.id]
    other = (await sign_up(sessions)).principal
    foreign = await create_item(sessions, other, "Foreign oil")
    await receive(sessions, other, foreign.id, "10", total_cost="1")
    [foreign_lot] = await lots_of(sessions, foreign.id)
    reader = await principal_of(
        sessions, await create_api_key(sessions, owner, "batches.read", "inventory.read")
    )
    lots = {
        "candle": candle_lot.id,
        "blend": blend_lot.id,
        "lavender": lavender_lot.id,
        "wax": wax_lot.id,
        "foreign": foreign_lot.id,
        **{f"variation{index}": lot.id for index, lot in enumerate(variation_lots)},
    }
    return World(owner, reader, lots)


CORPUS: list[tuple[str, dict[str, Any]]] = [
    (TRACE, {"id": "candle", "direction": "BACKWARD"}),
    (TRACE, {"id": "candle", "direction": "BACKWARD", "maxDepth": 1}),
    (TRACE, {"id": "variation0", "direction": "BACKWARD"}),
    (TRACE, {"id": "lavender", "direction": "FORWARD"}),
    (TRACE, {"id": "lavender", "direction": "FORWARD", "maxDepth": 1}),
    (TRACE, {"id": "lavender", "direction": "BACKWARD"}),
    (TRACE, {"id": "blend", "direction": "FORWARD", "maxDepth": 50}),
    (TRACE, {"id": "wax", "direction": "FORWARD"}),
    (TRACE, {"id": "candle", "direction": "FORWARD"}),
    (TRACE, {"id": "foreign", "direction": "FORWARD"}),  # another organization's: null
    (SHORT, {"id": "lavender"}),
    (sdk_operation("TraceLot"), {"id": "lavender", "direction": "FORWARD", "maxDepth": 10}),
    (sdk_operation("TraceLot"), {"id": "candle", "direction": "BACKWARD", "maxDepth": 3}),
]


def _name(variables: dict[str, Any], world: World) -> dict[str, Any]:
    named = dict(variables)
    if named.get("id") in world.lots:
        named["id"] = to_global_id("InventoryLot", world.lots[named["id"]])
    return named


async def test_every_trace_of_the_corpus_answers_as_the_standard_executor(
    sessions: Sessions,
) -> None:
    world = await _world(sessions)
    principals = [world.owner, world.reader]
    await answered_alike(sessions, principals, CORPUS, lambda v: _name(v, world))


async def test_a_trace_forward_reaches_the_candles_and_their_sales_in_their_units(
    sessions: Sessions,
) -> None:
    # a check that the corpus's answers are the trace's own, not two equal mistakes
    world = await _world(sessions)
    variables = _name({"id": "lavender", "direction": "FORWARD"}, world)
    _, planned = await both(sessions, world.owner, TRACE, variables)
    assert '"lotCode": "LAV-123"' in planned
    assert '"remaining": {"amount": "35", "unit": "ml"}' in planned  # 100 - 60 - 5
    assert '"name": "Forest candle"' in planned
    assert '"variationName": "Scented"' in planned
    assert '"orderReference": "#1002", "quantity": {"amount": "100.25", "unit": "g"}' in planned
    assert '"totalCost": {"amount": "20.3", "currencyCode": "USD"}' in planned
    _, foreign = await both(
        sessions, world.owner, TRACE, _name({"id": "foreign"}, world) | {"direction": "BACKWARD"}
    )
    assert foreign == '{"traceLot": null}'


async def test_a_refused_trace_is_refused_by_the_plan_too(sessions: Sessions) -> None:
    world = await _world(sessions)
    batches_only = await principal_of(
        sessions, await create_api_key(sessions, world.owner, "batches.read")
    )
    inventory_only = await principal_of(
        sessions, await create_api_key(sessions, world.owner, "inventory.read")
    )
    lavender = _name({"id": "lavender", "direction": "FORWARD"}, world)
    # (with TRACE itself, the standard executor's refusal of an item cancels the
    # lookups of the batches beside it, and the cancellation escapes its execute)
    items = "query($id: ID!) { traceLot(id: $id, direction: FORWARD) { lots { item { name } } } }"
    not_a_lot = to_global_id("InventoryItem", world.lots["lavender"])
    cases: list[tuple[Principal, str, dict[str, Any], str]] = [
        (inventory_only, TRACE, lavender, "batches.read"),
        (batches_only, items, {"id": lavender["id"]}, "inventory.read"),  # the items
        (world.owner, TRACE, lavender | {"maxDepth": 0}, "maxDepth"),
        (world.owner, TRACE, lavender | {"maxDepth": 51}, "maxDepth"),
        (world.owner, TRACE, lavender | {"id": "not an id"}, "InventoryLot"),
        (world.owner, TRACE, lavender | {"id": not_a_lot}, "InventoryLot"),
    ]
    for principal, query, variables, why in cases:
        messages = await refused_alike(sessions, principal, query, variables)
        assert any(why in message for message in messages), (variables, messages)


def test_a_trace_plan_runs_by_rows() -> None:
    # the trace is one recursive statement already: its plan calls it, it has no SQL form
    plan = compile_plan(SCHEMA._schema, CATALOG, parse(TRACE), None)
    assert not plan.sql_ready
