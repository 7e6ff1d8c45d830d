"""Planned reads of batches answer exactly what the standard executor answers: a batch's
detail with its consumption (lines in their items' units, the lots each drew) and its
outputs (the lots made, the containers filled), batches finished, in progress, forced
short, cancelled and split, every list filter, pages both ways, another organization's
batch never seen; and a caller who may read batches but not inventory is refused by the
plan as by the standard executor (the units are the items')."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from graphql import parse

from resolvers.planned.catalog import CATALOG
from resolvers.planned.compiler import compile_plan
from resolvers.planned.plan import NotPlannable, Scope
from resolvers.planned.sql_plan import run_sql
from services.db import unit_of_work
from services.errors import ServiceError
from services.ids import to_global_id
from services.permissions import Principal
from tests.resolvers.planned.differential import (
    SCHEMA,
    answered_alike,
    both,
    on_postgresql,
)
from tests.services.accounts.givens import Sessions, create_api_key, principal_of, sign_up
from tests.services.batches.givens import (
    adding,
    cancelling,
    finishing,
    run,
    splitting,
    start_batch,
)
from tests.services.inventory.givens import create_item, receive
from tests.services.recipes.givens import create_recipe, line, qty

pytestmark = pytest.mark.batches

MONEY = "{ amount currencyCode }"
QUANTITY = "{ amount unit }"
BATCH = (
    "id label status costMethod factor plannedYield { amount unit } plannedPortions"
    f" plannedCost {MONEY} ingredientCost {MONEY} actualCost {MONEY} forced shortageSummary"
    " startedAt finishedAt cancelledAt failedAt failureReason actualYield { amount unit }"
    " portions variationName percentage __typename"
)
R3 = (
    f"query($id: ID!) {{ batch(id: $id) {{ {BATCH} outputItem {{ name baseUnit }}"
    f" consumption {{ position kind needed {QUANTITY} drawn {QUANTITY} skipped {QUANTITY}"
    f" cost {MONEY} tracked note item {{ name baseUnit }} draws {{ quantity {QUANTITY}"
    f" value {MONEY} lot {{ id lotCode remaining {QUANTITY} unitCost {MONEY} }} __typename }}"
    f" __typename }} outputs {{ quantity {QUANTITY} cost {MONEY} containerCount"
    f" containerCost {MONEY} lot {{ lotCode quantityReceived {QUANTITY} }} container {{ name }}"
    " __typename } } }"
)
LIST = (
    "query($first: Int, $after: String, $last: Int, $before: String, $filter: BatchFilter) {"
    " batches(first: $first, after: $after, last: $last, before: $before, filter: $filter) {"
    " edges { cursor node { label status actualYield { amount unit } consumption { drawn"
    " { amount unit } } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }"
)


@dataclass
class World:
    owner: Principal
    reader: Principal  # an API key with batches.read and inventory.read
    ids: dict[str, int]


async def _world(sessions: Sessions) -> World:
    owner = (await sign_up(sessions)).principal
    balm = await create_item(sessions, owner, "Balm", type="PRODUCT", shelf_life_days=365)
    shea = await create_item(sessions, owner, "Shea")
    wax = await create_item(sessions, owner, "Wax")
    scent = await create_item(sessions, owner, "Scent", base_unit="ml")
    jar = await create_item(
        sessions,
        owner,
        "Jar 100 g",
        type="CONTAINER",
        base_unit="each",
        quantity_precision=0,
        container_capacity=Decimal(100),
        container_capacity_unit="g",
    )
    # two lots of shea: the first batch draws from both
    await receive(sessions, owner, shea.id, "500", total_cost="5", lot_code="SHEA-A")
    await receive(sessions, owner, shea.id, "2000", total_cost="30", lot_code="SHEA-B")
    await receive(sessions, owner, wax.id, "450", total_cost="9")
    await receive(sessions, owner, scent.id, "100", "ml", total_cost="20")
    await receive(sessions, owner, jar.id, "30", "each", total_cost="15")
    recipe = await create_recipe(
        sessions,
        owner,
        name="Balm",
        output_item_id=balm.id,
        predicted_yield=qty("1", "kg"),
        ingredients=[line(shea, "800"), line(wax, "200")],
        label_prefix="BALM",
    )
    finished = (await start_batch(sessions, owner, recipe.id)).batch.id
    await run(sessions, adding(owner, finished, (scent.id, "10", "ml")))
    await run(sessions, finishing(owner, finished, "950", containers=[(jar.id, 6)]))
    split = (await start_batch(sessions, owner, recipe.id, factor="0.5")).batch.id
    result = await run(
        sessions, splitting(owner, split, ("Scented", "40", [(scent.id, "5", "ml")]))
    )
    [(variation, _)] = result.variations
    # wax left: 450 - 200 - 100 = 150 g, short of 200: a forced start skips the line
    forced = (await start_batch(sessions, owner, recipe.id, force=True)).batch.id
    cancelled = (await start_batch(sessions, owner, recipe.id, factor="0.1")).batch.id
    await run(sessions, cancelling(owner, cancelled))
    other = (await sign_up(sessions)).principal
    foreign_balm = await create_item(sessions, other, "Foreign balm", type="PRODUCT")
    foreign_recipe = await create_recipe(
        sessions, other, name="Balm", output_item_id=foreign_balm.id, predicted_yield=qty("1")
    )
    foreign = (await start_batch(sessions, other, foreign_recipe.id)).batch.id
    reader = await principal_of(
        sessions, await create_api_key(sessions, owner, "batches.read", "inventory.read")
    )
    ids = {
        "finished": finished,
        "split": split,
        "variation": variation.id,
        "forced": forced,
        "cancelled": cancelled,
        "foreign": foreign,
        "RECIPE": recipe.id,
        "BALM": balm.id,
    }
    return World(owner, reader, ids)


CORPUS: list[tuple[str, dict[str, Any]]] = [
    *((R3, {"id": name}) for name in ("finished", "split", "variation", "forced", "cancelled")),
    (R3, {"id": "foreign"}),
    (LIST, {}),
    (LIST, {"first": 2}),
    (LIST, {"first": 2, "after": "CURSOR_finished"}),
    (LIST, {"last": 1, "before": "CURSOR_forced"}),
    (LIST, {"filter": {"includeVariations": True}}),
    (LIST, {"filter": {"status": "CANCELLED"}}),
    (LIST, {"filter": {"status": "IN_PROGRESS", "recipeId": "RECIPE"}}),
    (LIST, {"filter": {"outputItemId": "BALM", "includeVariations": True}, "last": 2}),
    (
        "{ batches(first: 0) { nodes { label } pageInfo { hasNextPage } } b: batches {"
        " nodes { ...B } } } fragment B on Batch { label outputs { containerCount lot {"
        " lotCode } } }",
        {},
    ),
]


def _name(value: Any, world: World) -> Any:
    if isinstance(value, dict):
        return {key: _name(given, world) for key, given in value.items()}
    if not isinstance(value, str):
        return value
    if value.startswith("CURSOR_"):
        return to_global_id("cursor", world.ids[value.removeprefix("CURSOR_")])
    if value == "RECIPE":
        return to_global_id("Recipe", world.ids[value])
    if value == "BALM":
        return to_global_id("InventoryItem", world.ids[value])
    if value in world.ids:
        return to_global_id("Batch", world.ids[value])
    return value


async def test_every_batch_query_of_the_corpus_answers_as_the_standard_executor(
    sessions: Sessions,
) -> None:
    world = await _world(sessions)
    principals = [world.owner, world.reader]
    in_sql = await answered_alike(sessions, principals, CORPUS, lambda v: _name(v, world))
    if on_postgresql(sessions):
        assert in_sql == 2 * len(CORPUS)


async def test_a_batch_detail_shows_its_lines_in_their_units_and_the_lots_they_drew(
    sessions: Sessions,
) -> None:
    # a check that the corpus's answers are the batches' own, not two equal mistakes
    world = await _world(sessions)
    _, planned = await both(sessions, world.owner, R3, _name({"id": "finished"}, world))
    assert '"lotCode": "SHEA-A"' in planned
    assert '"lotCode": "SHEA-B"' in planned
    assert '"needed": {"amount": "10", "unit": "ml"}' in planned  # the scent, in its unit
    assert '"actualYield": {"amount": "950", "unit": "g"}' in planned  # the balm's unit
    assert '"containerCount": 6' in planned
    assert '"container": {"name": "Jar 100 g"}' in planned
    _, foreign = await both(sessions, world.owner, R3, _name({"id": "foreign"}, world))
    assert foreign == '{"batch": null}'
    _, forced = await both(sessions, world.owner, R3, _name({"id": "forced"}, world))
    assert '"forced": true' in forced
    assert '"skipped": {"amount": "200", "unit": "g"}' in forced


async def test_a_caller_who_may_not_read_inventory_is_refused_by_the_plan_too(
    sessions: Sessions,
) -> None:
    world = await _world(sessions)
    batches_only = await principal_of(
        sessions, await create_api_key(sessions, world.owner, "batches.read")
    )
    plan = compile_plan(SCHEMA._schema, CATALOG, parse(R3), None)
    variables = plan.variables(_name({"id": "finished"}, world))
    async with unit_of_work(sessions, write=False) as session:
        with pytest.raises(ServiceError):
            await plan.run(Scope(session, batches_only, variables))
        if on_postgresql(sessions):
            with pytest.raises(ServiceError):
                await run_sql(plan, Scope(session, batches_only, variables))


@pytest.mark.parametrize(
    "query",
    [
        "{ batches { nodes { instructions { steps { text } } } } }",
        "{ batches { nodes { comparison { margin { amount } } } } }",
        "{ batches { nodes { recipe { name } } } }",
        "{ batches { nodes { variations { label } } } }",
    ],
)
def test_what_batch_plans_do_not_cover_is_left_to_the_standard_executor(query: str) -> None:
    with pytest.raises(NotPlannable):
        compile_plan(SCHEMA._schema, CATALOG, parse(query), None)
