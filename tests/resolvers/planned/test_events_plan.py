"""Planned reads of the event log answer exactly what the standard executor answers: pages
both ways, resuming after a cursor or a position, exact types, prefix wildcards (a type
with "_" in it, which LIKE would otherwise read as a wildcard) and "*", entity filters,
the plan's history reach (an event older than the Free plan's 90 days is not seen on it,
and is on the local plan), and another organization's events never seen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from graphql import parse
from sqlalchemy import func, select, update

from resolvers.planned.catalog import CATALOG
from resolvers.planned.compiler import compile_plan
from resolvers.planned.plan import Scope
from resolvers.planned.sql_plan import run_sql
from services.db import unit_of_work, utcnow
from services.errors import ServiceError
from services.events import Event
from services.ids import to_global_id
from services.permissions import Principal
from tests.resolvers.planned.differential import (
    SCHEMA,
    answered_alike,
    both,
    on_postgresql,
)
from tests.services.accounts.givens import Sessions, create_api_key, principal_of, sign_up
from tests.services.billing.givens import billed, on_plan, principal_under
from tests.services.inventory.givens import (
    adjust,
    behind_the_ledger,
    create_item,
    receive,
    reserve,
)

pytestmark = pytest.mark.webhooks

EVENT = (
    "id eventId type entityType entityId sequence apiVersion createdAt position data"
    " organizationId __typename"
)
PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
LOG = (
    "query($first: Int, $after: String, $last: Int, $before: String, $position:"
    " UnsignedInt64, $types: [String!], $entityType: String, $entityId: ID) {"
    " events(first: $first, after: $after, last: $last, before: $before, afterPosition:"
    " $position, types: $types, entityType: $entityType, entityId: $entityId) {"
    f" edges {{ cursor node {{ {EVENT} }} }} {PAGE_INFO} __typename }} }}"
)
R4 = (
    "query($after: UnsignedInt64) { events(first: 100, afterPosition: $after) { nodes {"
    " position type entityId data } } }"
)


@dataclass
class World:
    owner: Principal  # the local plan: all history
    reader: Principal  # an API key with events.read only
    on_free: Principal  # the Free plan: 90 days
    positions: list[int]  # the owner's events, in order
    oil: int


async def _world(sessions: Sessions) -> World:
    signed = await sign_up(sessions)
    owner = signed.principal
    oil = await create_item(sessions, owner, "Olive oil")
    await receive(sessions, owner, oil.id, "1000", total_cost="9", lot_code="OLD")
    lye = await create_item(sessions, owner, "Lye")
    await receive(sessions, owner, lye.id, "500", total_cost="5")
    await adjust(sessions, owner, oil.id, "SPOIL", "100", note='spilt {"a"} {')
    await reserve(sessions, owner, oil.id, "850")  # usable drops under nothing: no low stock
    await receive(sessions, owner, oil.id, "200", total_cost="2", lot_code="NEW")
    # the first event of all (the oil's creation) is 200 days old
    async with unit_of_work(sessions, write=False) as session:
        first = await session.scalar(
            select(func.min(Event.position)).where(Event.organization_id == owner.organization_id)
        )
    await behind_the_ledger(
        sessions,
        update(Event)
        .where(Event.position == first)
        .values(created_at=utcnow() - timedelta(days=200)),
    )
    other = (await sign_up(sessions)).principal
    await create_item(sessions, other, "Foreign oil")
    reader = await principal_of(sessions, await create_api_key(sessions, owner, "events.read"))
    await on_plan(sessions, signed.organization_id, "free")
    on_free = await principal_under(sessions, signed.token, billed())
    async with unit_of_work(sessions, write=False) as session:
        positions = list(
            await session.scalars(
                select(Event.position)
                .where(Event.organization_id == owner.organization_id)
                .order_by(Event.position)
            )
        )
    return World(owner, reader, on_free, positions, oil.id)


CORPUS: list[tuple[str, dict[str, Any]]] = [
    (LOG, {}),
    (LOG, {"first": 2}),
    (LOG, {"first": 2, "after": "CURSOR_2"}),
    (LOG, {"first": 3, "position": "POSITION_1"}),
    (LOG, {"first": 3, "position": "0"}),
    (LOG, {"first": 1, "position": "18446744073709551615"}),  # past the last key
    (LOG, {"last": 2}),
    (LOG, {"last": 2, "before": "CURSOR_4"}),
    (LOG, {"first": 0}),
    (LOG, {"types": ["inventory.lot.received"]}),
    (LOG, {"types": [" inventory.lot.* "]}),
    (LOG, {"types": ["inventory.*", "recipe.created"], "first": 4}),
    (LOG, {"types": ["*"]}),
    (LOG, {"types": []}),
    (LOG, {"types": ["inventory_lot.*"]}),  # "_" is no wildcard: nothing
    (LOG, {"types": ["inventory.reservation.created", "inventory.low_stock"]}),
    (LOG, {"entityType": "InventoryItem", "entityId": "OIL"}),
    (LOG, {"entityType": "InventoryItem"}),
    (LOG, {"entityId": ""}),
    (R4, {"after": "POSITION_2"}),
    (R4, {}),
    (
        '{ a: events(types: ["inventory.item.*"], first: 1) { nodes { type } pageInfo {'
        ' hasNextPage endCursor } } b: events(types: ["*"], last: 1) { edges { node {'
        " position } } } }",
        {},
    ),
]


def _bind(variables: dict[str, Any], world: World) -> dict[str, Any]:
    names: dict[str, Any] = {"OIL": to_global_id("InventoryItem", world.oil)}
    for index, position in enumerate(world.positions):
        names[f"CURSOR_{index}"] = to_global_id("cursor", position)
        names[f"POSITION_{index}"] = str(position)
    return {
        key: names.get(value, value) if isinstance(value, str) else value
        for key, value in variables.items()
    }


async def test_every_event_log_query_of_the_corpus_answers_as_the_standard_executor(
    sessions: Sessions,
) -> None:
    world = await _world(sessions)
    principals = [world.owner, world.reader, world.on_free]
    in_sql = await answered_alike(sessions, principals, CORPUS, lambda v: _bind(v, world))
    if on_postgresql(sessions):
        assert in_sql == 3 * len(CORPUS)


async def test_the_log_is_the_organizations_own_as_far_back_as_its_plan_reaches(
    sessions: Sessions,
) -> None:
    # a check that the corpus's answers are the log's own, not two equal mistakes
    world = await _world(sessions)
    query = "{ events { nodes { type position data } } }"
    _, everything = await both(sessions, world.owner, query)
    _, on_free = await both(sessions, world.on_free, query)
    oldest = f'"position": "{world.positions[0]}"'
    assert oldest in everything
    assert oldest not in on_free
    assert everything.count('"type": "inventory.item.created"') == 2
    assert on_free.count('"type": "inventory.item.created"') == 1  # the oil's is too old
    assert "Foreign oil" not in everything
    _, prefixed = await both(
        sessions, world.owner, LOG, {"types": ["inventory.lot.*"], "first": 10}
    )
    assert prefixed.count('"type": "inventory.lot.received"') == 3
    assert '"type": "inventory.adjusted"' not in prefixed


@pytest.mark.parametrize(
    "types", [["inventory.**"], [""], [f"type.{number}" for number in range(51)]]
)
async def test_a_refused_type_pattern_is_raised_for_the_standard_executor_to_report(
    sessions: Sessions, types: list[str]
) -> None:
    owner = (await sign_up(sessions)).principal
    query = "query($types: [String!]) { events(types: $types) { nodes { type } } }"
    plan = compile_plan(SCHEMA._schema, CATALOG, parse(query), None)
    variables = plan.variables({"types": types})
    async with unit_of_work(sessions, write=False) as session:
        with pytest.raises(ServiceError):
            await plan.run(Scope(session, owner, variables))
        if on_postgresql(sessions):
            with pytest.raises(ServiceError):
                await run_sql(plan, Scope(session, owner, variables))
