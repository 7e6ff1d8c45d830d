"""A planned read's statement is compiled once per query and shape: other items, other
variable values and other callers (of other organizations) reuse it with their own values
bound as parameters, and still answer what the standard executor answers."""

from __future__ import annotations

from typing import Any

import pytest

from resolvers.planned.sql_plan import Request
from services.errors import UserInputError
from services.ids import to_global_id
from tests.resolvers.planned.differential import STATEMENTS, both, on_postgresql
from tests.resolvers.planned.test_plan import _world
from tests.services.accounts.givens import Sessions, sign_up
from tests.services.inventory.givens import create_item, receive

pytestmark = pytest.mark.inventory

LIST = (
    "query($first: Int, $after: String, $search: String, $lots: Int) {"
    " inventoryItems(first: $first, after: $after, filter: {search: $search}) {"
    " nodes { id name sku stockValue { amount currencyCode }"
    " lots(first: $lots) { nodes { lotCode remaining { amount unit } } } }"
    " pageInfo { hasNextPage hasPreviousPage endCursor } } }"
)
DETAIL = "query($id: ID!) { inventoryItem(id: $id) { id name onHand { amount unit } } }"
BY_SKU = "query($sku: String!) { inventoryItemBySku(sku: $sku) { id name } }"
SKUS = "query($skus: [String!]) { inventoryItems(filter: {skus: $skus}) { nodes { sku } } }"


def _compiled(query: str) -> int:
    return sum(1 for text, _ in STATEMENTS if text == query)


async def test_new_items_variables_and_callers_reuse_the_statement(sessions: Sessions) -> None:
    # given two organizations, in different currencies, with items of their own
    world = await _world(sessions)
    yen = (await sign_up(sessions, currency_code="JPY")).principal
    cedar = await create_item(sessions, yen, "Cedar oil", sku="CED-1")
    await receive(sessions, yen, cedar.id, "40", unit_cost="12")
    callers = [world.owner, world.reader, yen]
    ids = [*world.item_ids, world.foreign_item_id, cedar.id]
    cursor = to_global_id("cursor", world.item_ids[0])
    cases: list[tuple[str, dict[str, Any]]] = [
        (LIST, {"first": first, "after": after, "search": search, "lots": lots})
        for first, after, search, lots in [
            (2, None, "oil", 1),
            (3, None, "OIL ", 2),
            (5, None, "cedar", 3),
            (1, None, "a_b%", 4),
        ]
    ]
    cases += [(LIST, {"first": 2, "after": cursor, "search": "o", "lots": 1})]
    cases += [(LIST, {"first": 4, "after": cursor, "search": "i", "lots": 2})]
    cases += [(DETAIL, {"id": to_global_id("InventoryItem", key)}) for key in ids]
    cases += [(BY_SKU, {"sku": sku}) for sku in ["OIL-1", " LYE-1 ", "CED-1", "NONE"]]
    cases += [(SKUS, {"skus": pair}) for pair in [["OIL-1", "LYE-1"], ["CED-1", "JAR-1"]]]

    # when every caller asks every case
    for principal in callers:
        for query, variables in cases:
            standard, planned = await both(sessions, principal, query, variables)
            # then the answers agree (both() also checks the shared statement's answer)
            assert planned == standard, (query, variables)

    if not on_postgresql(sessions):
        return  # plans run as one statement on PostgreSQL only
    # and each query was compiled once per shape of caller and variables: the owner and
    # the reader differ in permissions, the yen owner shares the owner's statements; the
    # list has two shapes (with and without a cursor)
    roles = len({(p.permissions, p.role) for p in callers})
    assert _compiled(LIST) == 2 * roles
    assert _compiled(DETAIL) == roles
    assert _compiled(BY_SKU) == roles
    assert _compiled(SKUS) == roles


async def test_a_bad_value_is_refused_when_bound(sessions: Sessions) -> None:
    if not on_postgresql(sessions):
        pytest.skip("statements run as one SQL statement on PostgreSQL only")
    world = await _world(sessions)
    good = {"first": 2, "after": None, "search": "oil", "lots": 1}
    await both(sessions, world.owner, LIST, good)
    prepared = next(value for (text, _), value in STATEMENTS.items() if text == LIST)
    for bad in [{"first": 251}, {"lots": 251}]:
        with pytest.raises(UserInputError):
            prepared.bind(Request(world.owner, {**good, **bad}))
