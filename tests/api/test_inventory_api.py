"""Inventory on the wire: the shapes a connector sees, userErrors with fields under
`input`, and statement counts that do not grow with the list. The stock and cost rules
themselves are tested once, at the service (tests/services/inventory)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import event

from services.db import utcnow
from tests.api_helpers import RESERVE, api_key, create_item, data, gql, receive, reserve, sign_up

pytestmark = [pytest.mark.api, pytest.mark.inventory]

ADJUST = """
mutation($input: AdjustInventoryInput!) {
  adjustInventory(input: $input) {
    adjustment {
      changeType operationId quantity { amount unit } cost { amount currencyCode }
      ledgerEntries { changeType quantity { amount } unitCost { amount } value { amount }
        onHandAfter { amount } lot { lotCode remaining { amount } } }
    }
    inventoryItem { onHand { amount } available { amount } stockValue { amount }
      averageCostPerUnit { amount } }
    userErrors { field message code }
  }
}"""

ITEM = """
query($id: ID!) {
  inventoryItem(id: $id) {
    id name onHand { amount unit } reserved { amount } available { amount }
    stockValue { amount currencyCode } averageCostPerUnit { amount } isLowStock
    lots(first: 5) { nodes { lotCode remaining { amount unit } item { id } }
      pageInfo { hasNextPage } }
    history(last: 20) { nodes { changeType quantity { amount } lot { lotCode } } }
  }
}"""


def _adjust(item_id: str, change_type: str, amount: str | None, unit: str = "g", **more: Any):
    values: dict[str, Any] = {"itemId": item_id, "changeType": change_type, **more}
    if amount is not None:
        values["quantity"] = {"amount": amount, "unit": unit}
    return {"input": values}


async def test_a_consumption_across_lots_costs_exactly_what_it_drew(client):
    owner = await sign_up(client)
    oil = await create_item(client, owner.token, "Olive oil", "g")
    await receive(client, owner.token, oil, "1", "kg", "8.00", lotCode="OIL-1")
    await receive(client, owner.token, oil, "500", "g", "0.012", lotCode="OIL-2")

    result = data(await gql(client, ADJUST, _adjust(oil, "USE", "1.2", "kg"), owner.token))
    adjustment = result["adjustInventory"]["adjustment"]

    assert result["adjustInventory"]["userErrors"] == []
    assert adjustment["quantity"] == {"amount": "-1200", "unit": "g"}
    # 1000 g of lot 1 at 0.008 + 200 g of lot 2 at 0.012.
    assert adjustment["cost"] == {"amount": "10.4", "currencyCode": "USD"}
    assert [
        (e["lot"]["lotCode"], e["quantity"]["amount"]) for e in adjustment["ledgerEntries"]
    ] == [
        ("OIL-1", "-1000"),
        ("OIL-2", "-200"),
    ]
    assert [e["onHandAfter"]["amount"] for e in adjustment["ledgerEntries"]] == ["500", "300"]
    assert result["adjustInventory"]["inventoryItem"] == {
        "onHand": {"amount": "300"},
        "available": {"amount": "300"},
        "stockValue": {"amount": "3.6"},
        "averageCostPerUnit": {"amount": "0.012"},
    }


async def test_an_item_shows_its_open_lots_and_history(client):
    owner = await sign_up(client)
    wax = await create_item(client, owner.token, "Soy wax", "g", lowStockThreshold="100")
    await receive(client, owner.token, wax, "100", lotCode="WAX-1")
    await receive(client, owner.token, wax, "100", lotCode="WAX-2")
    await gql(client, ADJUST, _adjust(wax, "SPOIL", "120"), owner.token)

    item = data(await gql(client, ITEM, {"id": wax}, owner.token))["inventoryItem"]

    assert item["onHand"] == {"amount": "80", "unit": "g"}
    assert item["isLowStock"] is True
    assert item["lots"]["nodes"] == [
        {"lotCode": "WAX-2", "remaining": {"amount": "80", "unit": "g"}, "item": {"id": wax}}
    ]
    assert [(h["changeType"], h["quantity"]["amount"]) for h in item["history"]["nodes"]] == [
        ("PURCHASE", "100"),
        ("PURCHASE", "100"),
        ("SPOIL", "-100"),
        ("SPOIL", "-20"),
    ]


async def test_taking_more_than_there_is_fails_whole_and_names_what_is_available(client):
    owner = await sign_up(client)
    jars = await create_item(client, owner.token, "Jars", "each", quantityPrecision=0)
    await receive(client, owner.token, jars, "10", "each", "0.5")

    result = data(await gql(client, ADJUST, _adjust(jars, "SALE", "11", "each"), owner.token))

    [problem] = result["adjustInventory"]["userErrors"]
    assert problem["code"] == "INSUFFICIENT_STOCK"
    assert problem["field"] == ["input", "quantity", "amount"]
    assert "10 each" in problem["message"]
    assert result["adjustInventory"]["adjustment"] is None
    item = data(await gql(client, ITEM, {"id": jars}, owner.token))["inventoryItem"]
    assert item["onHand"]["amount"] == "10"
    assert len(item["history"]["nodes"]) == 1


@pytest.mark.parametrize(
    ("amount", "code"),
    [("0.5", "QUANTITY_TOO_PRECISE"), ("0", "NOT_POSITIVE"), ("-1", "NOT_POSITIVE")],
)
async def test_a_quantity_the_item_cannot_hold_is_refused_not_rounded(client, amount, code):
    owner = await sign_up(client)
    jars = await create_item(client, owner.token, "Jars", "each", quantityPrecision=0)
    await receive(client, owner.token, jars, "10", "each", "0.5")

    result = data(await gql(client, ADJUST, _adjust(jars, "USE", amount, "each"), owner.token))

    assert [e["code"] for e in result["adjustInventory"]["userErrors"]] == [code]
    item = data(await gql(client, ITEM, {"id": jars}, owner.token))["inventoryItem"]
    assert item["onHand"]["amount"] == "10"


async def test_system_change_types_cannot_be_posted_by_callers(client):
    owner = await sign_up(client)
    oil = await create_item(client, owner.token, "Oil")
    await receive(client, owner.token, oil, "10")
    result = data(await gql(client, ADJUST, _adjust(oil, "BATCH", "1"), owner.token))
    [problem] = result["adjustInventory"]["userErrors"]
    assert (problem["code"], problem["field"]) == ("INVALID_CHANGE_TYPE", ["input", "changeType"])


UPDATE = """
mutation($input: UpdateInventoryItemInput!) {
  updateInventoryItem(input: $input) {
    inventoryItem { name sku barcode lowStockThreshold { amount unit } costingMethod }
    userErrors { field message code }
  }
}"""


async def test_an_update_changes_only_the_given_fields_and_null_clears(client):
    owner = await sign_up(client)
    oil = await create_item(
        client, owner.token, "Oil", sku="OIL-1", barcode="123", lowStockThreshold="50"
    )

    body = await gql(
        client, UPDATE, {"input": {"id": oil, "sku": None, "costingMethod": "FEFO"}}, owner.token
    )

    assert data(body)["updateInventoryItem"] == {
        "inventoryItem": {
            "name": "Oil",
            "sku": None,
            "barcode": "123",
            "lowStockThreshold": {"amount": "50", "unit": "g"},
            "costingMethod": "FEFO",
        },
        "userErrors": [],
    }


async def test_a_taken_name_is_a_user_error_on_the_name(client):
    owner = await sign_up(client)
    await create_item(client, owner.token, "Olive oil")
    body = await gql(
        client,
        'mutation { createInventoryItem(input: {name: "OLIVE OIL", type: INGREDIENT, '
        'baseUnit: "g"}) { inventoryItem { id } userErrors { field code } } }',
        token=owner.token,
    )
    assert data(body)["createInventoryItem"] == {
        "inventoryItem": None,
        "userErrors": [{"field": ["input", "name"], "code": "NAME_TAKEN"}],
    }


async def test_a_taken_sku_or_barcode_is_a_user_error_on_its_field(client):
    owner = await sign_up(client)
    await create_item(client, owner.token, "Lavender soap", sku="LAV-100", barcode="4006")
    rose = await create_item(client, owner.token, "Rose soap")
    taken = {"sku": " LAV-100 ", "barcode": "4006"}
    create = """mutation($input: CreateInventoryItemInput!) { createInventoryItem(input: $input)
        { inventoryItem { id } userErrors { field code } } }"""

    created = await gql(
        client,
        create,
        {"input": {"name": "Soap", "type": "PRODUCT", "baseUnit": "each", **taken}},
        owner.token,
    )
    updated = await gql(client, UPDATE, {"input": {"id": rose, **taken}}, owner.token)

    errors = [
        {"field": ["input", "sku"], "code": "SKU_TAKEN"},
        {"field": ["input", "barcode"], "code": "BARCODE_TAKEN"},
    ]
    assert data(created)["createInventoryItem"] == {"inventoryItem": None, "userErrors": errors}
    result = data(updated)["updateInventoryItem"]
    assert (result["inventoryItem"], [e["code"] for e in result["userErrors"]]) == (
        None,
        ["SKU_TAKEN", "BARCODE_TAKEN"],
    )


BY_SKU = """query($sku: String!, $skus: [String!]) {
  inventoryItemBySku(sku: $sku) { id name sku barcode }
  inventoryItems(filter: {skus: $skus}) { nodes { sku } }
}"""


async def test_a_connector_finds_items_by_sku(client):
    owner = await sign_up(client)
    soap = await create_item(client, owner.token, "Lavender soap", sku="LAV-100", barcode="4006")
    await create_item(client, owner.token, "Rose soap", sku="ROSE-1")
    reader = await api_key(client, owner.token, ["inventory.read"])

    found = await gql(client, BY_SKU, {"sku": "LAV-100", "skus": ["ROSE-1", "LAV-100"]}, reader)
    unknown = await gql(client, BY_SKU, {"sku": "lav-100", "skus": []}, reader)
    too_many = await gql(client, BY_SKU, {"sku": "LAV-100", "skus": ["A"] * 251}, reader)

    assert data(found) == {
        "inventoryItemBySku": {
            "id": soap,
            "name": "Lavender soap",
            "sku": "LAV-100",
            "barcode": "4006",
        },
        "inventoryItems": {"nodes": [{"sku": "LAV-100"}, {"sku": "ROSE-1"}]},
    }
    assert data(unknown) == {"inventoryItemBySku": None, "inventoryItems": {"nodes": []}}
    [error] = too_many["errors"]
    assert error["path"] == ["inventoryItems"]
    assert error["extensions"] == {
        "code": "BAD_REQUEST",
        "field": ["filter", "skus"],
        "reason": "TOO_MANY",
    }


FULFIL = """
mutation($id: ID!) {
  fulfilReservation(input: {id: $id}) {
    reservation { status closedAt }
    adjustment { changeType quantity { amount } cost { amount }
      inventoryItem { onHand { amount } reserved { amount } } ledgerEntries { reference } }
    userErrors { field message code }
  }
}"""


async def test_a_reservation_holds_stock_until_it_ships_as_a_sale(client):
    owner = await sign_up(client)
    soap = await create_item(client, owner.token, "Lavender soap", "each", quantityPrecision=0)
    await receive(client, owner.token, soap, "10", "each", "2.5")

    held = data(
        await gql(
            client,
            RESERVE,
            {
                "input": {
                    "itemId": soap,
                    "quantity": {"amount": "4", "unit": "each"},
                    "orderReference": "#1001",
                }
            },
            owner.token,
        )
    )["reserveInventory"]
    assert held["userErrors"] == []
    assert held["inventoryItem"] == {
        "onHand": {"amount": "10"},
        "reserved": {"amount": "4"},
        "available": {"amount": "6"},
    }
    over = await gql(client, ADJUST, _adjust(soap, "USE", "7", "each"), owner.token)
    assert data(over)["adjustInventory"]["userErrors"][0]["code"] == "INSUFFICIENT_STOCK"

    shipped = data(await gql(client, FULFIL, {"id": held["reservation"]["id"]}, owner.token))
    result = shipped["fulfilReservation"]

    assert result["reservation"]["status"] == "FULFILLED"
    assert result["adjustment"]["changeType"] == "SALE"
    assert result["adjustment"]["cost"]["amount"] == "10"
    assert result["adjustment"]["inventoryItem"] == {
        "onHand": {"amount": "6"},
        "reserved": {"amount": "0"},
    }
    assert result["adjustment"]["ledgerEntries"] == [{"reference": "#1001"}]
    again = data(await gql(client, FULFIL, {"id": held["reservation"]["id"]}, owner.token))
    assert again["fulfilReservation"]["userErrors"][0]["code"] == "RESERVATION_CLOSED"


FULFIL_PART = """
mutation($input: FulfilReservationInput!) {
  fulfilReservation(input: $input) {
    reservation { status quantity { amount unit } fulfilled { amount unit }
      remaining { amount unit } closedAt }
    adjustment { changeType quantity { amount } cost { amount }
      inventoryItem { onHand { amount } reserved { amount } available { amount } } }
    userErrors { field message code }
  }
}"""


async def test_a_reservation_ships_in_parts(client):
    owner = await sign_up(client)
    soap = await create_item(client, owner.token, "Lavender soap", "each", quantityPrecision=0)
    await receive(client, owner.token, soap, "10", "each", "2.5")
    held = await reserve(client, owner.token, soap, "4", "#1001", "each")

    def part(amount: str | None) -> dict[str, Any]:
        values: dict[str, Any] = {"id": held}
        if amount is not None:
            values["quantity"] = {"amount": amount, "unit": "each"}
        return {"input": values}

    first = data(await gql(client, FULFIL_PART, part("3"), owner.token))["fulfilReservation"]
    assert first == {
        "reservation": {
            "status": "ACTIVE",
            "quantity": {"amount": "4", "unit": "each"},
            "fulfilled": {"amount": "3", "unit": "each"},
            "remaining": {"amount": "1", "unit": "each"},
            "closedAt": None,
        },
        "adjustment": {
            "changeType": "SALE",
            "quantity": {"amount": "-3"},
            "cost": {"amount": "7.5"},
            "inventoryItem": {
                "onHand": {"amount": "7"},
                "reserved": {"amount": "1"},
                "available": {"amount": "6"},
            },
        },
        "userErrors": [],
    }
    over = data(await gql(client, FULFIL_PART, part("2"), owner.token))["fulfilReservation"]
    assert over == {
        "reservation": None,
        "adjustment": None,
        "userErrors": [
            {
                "field": ["input", "quantity", "amount"],
                "message": "This reservation holds 1 each; 2 each cannot be fulfilled from it.",
                "code": "EXCEEDS_RESERVATION",
            }
        ],
    }
    rest = data(await gql(client, FULFIL_PART, part(None), owner.token))["fulfilReservation"]
    assert (rest["reservation"]["status"], rest["reservation"]["remaining"]["amount"]) == (
        "FULFILLED",
        "0",
    )


async def test_an_order_holds_an_item_once_and_is_listed_by_its_reference(client):
    owner = await sign_up(client)
    oil = await create_item(client, owner.token, "Olive oil")
    await receive(client, owner.token, oil, "100")
    first = await reserve(client, owner.token, oil, "10", "#1001")
    again = {
        "input": {
            "itemId": oil,
            "quantity": {"amount": "10", "unit": "g"},
            "orderReference": "#1001",
        }
    }
    refused = data(await gql(client, RESERVE, again, owner.token))["reserveInventory"]
    assert refused["reservation"] is None
    assert [(e["field"], e["code"]) for e in refused["userErrors"]] == [
        (["input", "orderReference"], "RESERVATION_EXISTS")
    ]
    await reserve(client, owner.token, oil, "10", "#1002")

    listing = data(
        await gql(
            client,
            'query { inventoryReservations(orderReference: "#1001") '
            "{ nodes { id orderReference status } } }",
            token=owner.token,
        )
    )
    assert listing["inventoryReservations"]["nodes"] == [
        {"id": first, "orderReference": "#1001", "status": "ACTIVE"}
    ]


async def test_expired_lots_are_written_off_in_one_call(client):
    owner = await sign_up(client)
    milk = await create_item(client, owner.token, "Goat milk", "ml")
    now = utcnow()
    await receive(
        client,
        owner.token,
        milk,
        "500",
        "ml",
        "0.004",
        receivedAt=(now - timedelta(days=10)).isoformat(),
        expiresAt=(now - timedelta(days=1)).isoformat(),
    )
    await receive(client, owner.token, milk, "300", "ml", "0.005")

    body = await gql(
        client,
        "mutation { writeOffExpiredLots { adjustments { changeType quantity { amount } "
        "cost { amount } inventoryItem { onHand { amount } } } userErrors { code } } }",
        token=owner.token,
    )

    assert data(body)["writeOffExpiredLots"] == {
        "adjustments": [
            {
                "changeType": "EXPIRED",
                "quantity": {"amount": "-500"},
                "cost": {"amount": "2"},
                "inventoryItem": {"onHand": {"amount": "300"}},
            }
        ],
        "userErrors": [],
    }


async def test_every_inventory_object_is_a_node(client):
    owner = await sign_up(client)
    oil = await create_item(client, owner.token, "Oil")
    received = await receive(client, owner.token, oil, "10")
    held = data(
        await gql(
            client,
            RESERVE,
            {
                "input": {
                    "itemId": oil,
                    "quantity": {"amount": "1", "unit": "g"},
                    "orderReference": "A",
                }
            },
            owner.token,
        )
    )["reserveInventory"]["reservation"]
    ids = [oil, received["lot"]["id"], received["ledgerEntries"][0]["id"], held["id"]]

    body = await gql(
        client,
        "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }",
        {"ids": ids},
        owner.token,
    )

    assert [(n["__typename"], n["id"]) for n in data(body)["nodes"]] == list(
        zip(
            ["InventoryItem", "InventoryLot", "InventoryLedgerEntry", "InventoryReservation"],
            ids,
            strict=True,
        )
    )


@contextmanager
def counting_statements(client: httpx.AsyncClient) -> Iterator[list[str]]:
    statements: list[str] = []
    engine = client.app.state.engine.sync_engine  # type: ignore[attr-defined]

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


LIST = """
{ inventoryItems(first: 25) { nodes { name onHand { amount } averageCostPerUnit { amount }
    lots(first: 5) { nodes { lotCode remaining { amount } item { name } } } } } }"""


async def test_listing_items_with_their_lots_costs_the_same_statements_for_2_or_20(client):
    owner = await sign_up(client)
    counts = []
    for start, total in ((0, 2), (2, 20)):
        for number in range(start, total):
            item = await create_item(client, owner.token, f"Item {number}")
            await receive(client, owner.token, item, "5")
            await receive(client, owner.token, item, "5")
        with counting_statements(client) as statements:
            body = await gql(client, LIST, token=owner.token)
        assert len(data(body)["inventoryItems"]["nodes"]) == total
        # Authentication may also record when the session was last used; count the
        # statements the inventory read itself made.
        counts.append(sum("inventory_" in statement for statement in statements))
    assert counts[0] == counts[1] <= 4


async def test_a_density_lets_an_items_volume_convert_to_weight_until_cleared(client):
    owner = await sign_up(client)
    oil = await create_item(client, owner.token, "Olive oil", "g")
    convert = """query($id: ID!) { convertQuantity(itemId: $id, toUnit: "g",
        quantity: {amount: "100", unit: "ml"}) { quantity { amount unit } userErrors { code } } }"""
    set_density = """mutation($id: ID!, $density: Decimal) {
        setItemDensity(input: {itemId: $id, density: $density}) {
          inventoryItem { density } userErrors { field code } } }"""

    before = data(await gql(client, convert, {"id": oil}, owner.token))["convertQuantity"]
    result = data(await gql(client, set_density, {"id": oil, "density": "0.91"}, owner.token))
    after = data(await gql(client, convert, {"id": oil}, owner.token))["convertQuantity"]
    bad = data(await gql(client, set_density, {"id": oil, "density": "-1"}, owner.token))

    assert before == {"quantity": None, "userErrors": [{"code": "UNIT_CONVERSION_FAILED"}]}
    assert result["setItemDensity"] == {"inventoryItem": {"density": "0.91"}, "userErrors": []}
    assert after == {"quantity": {"amount": "91", "unit": "g"}, "userErrors": []}
    assert bad["setItemDensity"]["inventoryItem"] is None
    assert bad["setItemDensity"]["userErrors"][0]["field"] == ["input", "density"]
    cleared = await gql(client, set_density, {"id": oil, "density": None}, owner.token)
    assert data(cleared)["setItemDensity"]["inventoryItem"] == {"density": None}


async def test_a_key_scoped_to_adjusting_stock_can_receive_in_any_unit(client):
    """Converting the quantity is part of receiving: it needs no units.read scope."""
    owner = await sign_up(client)
    oil = await create_item(client, owner.token, "Oil")
    key = await api_key(client, owner.token, ["inventory.adjust"])
    result = await receive(client, key, oil, "1.5", "kg", "4")
    assert result["lot"]["remaining"] == {"amount": "1500", "unit": "g"}


RECEIVE = """mutation($input: ReceiveInventoryInput!) {
  receiveInventory(input: $input) { userErrors { field code } } }"""


@pytest.mark.parametrize(
    ("operation", "values", "field"),
    [
        ("receive", {"quantity": {"amount": "1", "unit": "ml"}}, ["input", "quantity", "unit"]),
        ("receive", {"quantity": {"amount": "1", "unit": "scoop"}}, ["input", "quantity", "unit"]),
        ("adjust", {"quantity": {"amount": "1", "unit": "ml"}}, ["input", "quantity", "unit"]),
        ("adjust", {"costUnit": "ml"}, ["input", "costUnit"]),
        ("adjust", {"costUnit": "scoop"}, ["input", "costUnit"]),
    ],
    ids=[
        "receive-other-dimension",
        "receive-unknown",
        "adjust-other-dimension",
        "cost-unit-other-dimension",
        "cost-unit-unknown",
    ],
)
async def test_a_unit_that_cannot_be_used_names_the_input_that_chose_it(
    client, operation, values, field
):
    owner = await sign_up(client)
    oil = await create_item(client, owner.token, "Olive oil", "g")
    base = {"itemId": oil, "quantity": {"amount": "1", "unit": "g"}, "unitCost": "1"}
    if operation == "receive":
        body = await gql(client, RECEIVE, {"input": {**base, **values}}, owner.token)
        errors = data(body)["receiveInventory"]["userErrors"]
    else:
        body = await gql(
            client, ADJUST, {"input": {**base, "changeType": "RESTOCK", **values}}, owner.token
        )
        errors = data(body)["adjustInventory"]["userErrors"]
    assert [e["field"] for e in errors] == [field]
    assert errors[0]["code"] in {"UNIT_CONVERSION_FAILED", "UNKNOWN_UNIT"}


async def test_a_quantity_in_another_unit_shows_what_was_given_and_what_was_recorded(client):
    owner = await sign_up(client)
    butter = await create_item(client, owner.token, "Cocoa butter", "g")
    received = await gql(
        client,
        """mutation($input: ReceiveInventoryInput!) { receiveInventory(input: $input) {
            enteredQuantity { amount unit } recordedQuantity { amount unit }
            lot { quantityReceived { amount unit } } userErrors { code } } }""",
        {"input": {"itemId": butter, "quantity": {"amount": "1", "unit": "lb"}, "totalCost": "9"}},
        owner.token,
    )
    assert data(received)["receiveInventory"] == {
        "enteredQuantity": {"amount": "1", "unit": "lb"},
        "recordedQuantity": {"amount": "453.592", "unit": "g"},
        "lot": {"quantityReceived": {"amount": "453.592", "unit": "g"}},
        "userErrors": [],
    }
    used = await gql(
        client,
        """mutation($input: AdjustInventoryInput!) { adjustInventory(input: $input) {
            enteredQuantity { amount unit } recordedQuantity { amount unit }
            inventoryItem { onHand { amount } } userErrors { code } } }""",
        _adjust(butter, "USE", "16", "oz"),
        owner.token,
    )
    assert data(used)["adjustInventory"] == {
        "enteredQuantity": {"amount": "16", "unit": "oz"},
        "recordedQuantity": {"amount": "453.592", "unit": "g"},
        "inventoryItem": {"onHand": {"amount": "0"}},
        "userErrors": [],
    }


async def test_insufficient_stock_says_what_was_short_as_data(client):
    owner = await sign_up(client)
    oil = await create_item(client, owner.token, "Olive oil", "g")
    await receive(client, owner.token, oil, "100", "g")
    body = await gql(
        client,
        """mutation($input: AdjustInventoryInput!) { adjustInventory(input: $input) {
            shortages { item { id } requested { amount unit } available { amount unit } }
            userErrors { field code } } }""",
        _adjust(oil, "USE", "0.25", "kg"),
        owner.token,
    )
    assert data(body)["adjustInventory"] == {
        "shortages": [
            {
                "item": {"id": oil},
                "requested": {"amount": "250", "unit": "g"},
                "available": {"amount": "100", "unit": "g"},
            }
        ],
        "userErrors": [{"field": ["input", "quantity", "amount"], "code": "INSUFFICIENT_STOCK"}],
    }


LOSS = """
mutation($input: AdjustInventoryInput!) {
  adjustInventory(input: $input) {
    adjustment { quantity { amount }
      shortenedReservations { id status orderReference quantity { amount unit }
        shortQuantity { amount } remaining { amount } } }
    inventoryItem { onHand { amount } reserved { amount } available { amount }
      usable { amount } }
    userErrors { field message code }
  }
}"""

SHORT_ONES = """
query($itemId: ID!) {
  inventoryReservations(itemId: $itemId, status: SHORT) { nodes { id status } }
}"""


async def test_a_loss_of_held_stock_shortens_reservations_on_the_wire(client):
    owner = await sign_up(client)
    wax = await create_item(client, owner.token, "Soy wax", "g")
    await receive(client, owner.token, wax, "100")
    await reserve(client, owner.token, wax, "40", "#1")
    newest = await reserve(client, owner.token, wax, "30", "#2")

    spilled = data(await gql(client, LOSS, _adjust(wax, "SPOIL", "60"), owner.token))
    result = spilled["adjustInventory"]

    assert result["userErrors"] == []
    assert result["adjustment"]["shortenedReservations"] == [
        {
            "id": newest,
            "status": "SHORT",
            "orderReference": "#2",
            "quantity": {"amount": "30", "unit": "g"},
            "shortQuantity": {"amount": "30"},
            "remaining": {"amount": "0"},
        }
    ]
    assert result["inventoryItem"] == {
        "onHand": {"amount": "40"},
        "reserved": {"amount": "40"},
        "available": {"amount": "0"},
        "usable": {"amount": "0"},
    }
    refused = data(await gql(client, FULFIL, {"id": newest}, owner.token))["fulfilReservation"]
    assert [(e["field"], e["code"]) for e in refused["userErrors"]] == [
        (["input", "id"], "RESERVATION_SHORT")
    ]
    listed = data(await gql(client, SHORT_ONES, {"itemId": wax}, owner.token))
    assert listed["inventoryReservations"]["nodes"] == [{"id": newest, "status": "SHORT"}]


STOCK_LEVELS = """
query($id: ID!) {
  inventoryItem(id: $id) { onHand { amount } available { amount } usable { amount unit }
    isLowStock }
  inventoryItems(filter: {lowStock: true}) { nodes { name usable { amount } } }
}"""


async def test_usable_stock_and_low_stock_by_it_on_the_wire(client):
    owner = await sign_up(client)
    oil = await create_item(client, owner.token, "Olive oil", "g", lowStockThreshold="100")
    await receive(client, owner.token, oil, "200")
    expired = (utcnow() - timedelta(days=1)).isoformat()
    long_ago = (utcnow() - timedelta(days=30)).isoformat()
    await receive(client, owner.token, oil, "60", receivedAt=long_ago, expiresAt=expired)
    await reserve(client, owner.token, oil, "30", "#1")

    levels = data(await gql(client, STOCK_LEVELS, {"id": oil}, owner.token))
    assert levels["inventoryItem"] == {
        "onHand": {"amount": "260"},
        "available": {"amount": "230"},
        "usable": {"amount": "170", "unit": "g"},
        "isLowStock": False,
    }
    assert levels["inventoryItems"]["nodes"] == []

    await gql(client, ADJUST, _adjust(oil, "USE", "100"), owner.token)
    levels = data(await gql(client, STOCK_LEVELS, {"id": oil}, owner.token))
    # 130 g available, but only 70 g can be sold: low under 100 g
    assert (levels["inventoryItem"]["available"], levels["inventoryItem"]["isLowStock"]) == (
        {"amount": "130"},
        True,
    )
    assert levels["inventoryItems"]["nodes"] == [{"name": "Olive oil", "usable": {"amount": "70"}}]
