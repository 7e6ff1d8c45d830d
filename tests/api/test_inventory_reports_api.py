"""The inventory reports on the wire: shapes, money in the organization's currency,
unknown items as null, bad arguments as BAD_REQUEST, FORBIDDEN without inventory.read.
The figures themselves are tested at the service (tests/services/inventory/test_reports.py)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import httpx
import pytest

from resolvers.ids import parse_global_id, to_global_id
from services.db import utcnow
from services.inventory.models import InventoryItem
from tests.api_helpers import Account, api_key, data, error_codes, gql, sign_up
from tests.services.accounts.givens import principal_of
from tests.services.inventory.givens import adjust, create_item, receive

pytestmark = [pytest.mark.api, pytest.mark.inventory]

MONEY = "{ amount currencyCode }"
QUANTITY = "{ amount unit }"

EFFECTIVE_COST = f"""query($itemId: ID!, $from: DateTime!, $to: DateTime!) {{
  effectiveCost(itemId: $itemId, from: $from, to: $to) {{
    itemId itemName periodStart periodEnd spent {MONEY}
    purchasedQuantity {QUANTITY} wastedQuantity {QUANTITY} usedQuantity {QUANTITY}
    wasteCost {MONEY} effectiveCostPerUnit {MONEY} purchaseCostPerUnit {MONEY}
    averageCostPerUnit {MONEY}
  }}
}}"""

SPOILAGE = f"""query($from: DateTime!, $to: DateTime!, $itemId: ID) {{
  spoilageReport(from: $from, to: $to, itemId: $itemId) {{
    periodStart periodEnd totalCost {MONEY}
    months {{
      itemId itemName month spoiledQuantity {QUANTITY} trashedQuantity {QUANTITY}
      expiredQuantity {QUANTITY} wastedQuantity {QUANTITY} purchasedQuantity {QUANTITY}
      shareOfPurchased cost {MONEY}
    }}
  }}
}}"""

PURCHASES = f"""query($itemId: ID!, $first: Int, $after: String) {{
  purchaseHistory(itemId: $itemId, first: $first, after: $after) {{
    edges {{ cursor node {{ lotCode vendor quantity {QUANTITY} unitCost {MONEY}
      totalCost {MONEY} }} }}
    nodes {{ lotId receivedAt }}
    pageInfo {{ hasNextPage hasPreviousPage endCursor }}
  }}
}}"""

VENDORS = f"""query($itemId: ID!) {{
  vendorPriceHistory(itemId: $itemId) {{
    vendor unit purchaseCount firstPurchasedAt lastPurchasedAt firstUnitCost {MONEY}
    lastUnitCost {MONEY} minUnitCost {MONEY} maxUnitCost {MONEY}
  }}
}}"""

REORDER = f"""query($lookbackDays: Int!) {{
  reorderSuggestions(lookbackDays: $lookbackDays) {{
    itemId itemName available {QUANTITY} lowStockThreshold {QUANTITY} usage {QUANTITY}
    averageDailyUsage {QUANTITY} lookbackDays leadTimeDays daysOfCover
    suggestedQuantity {QUANTITY}
  }}
}}"""


def usd(amount: str) -> dict[str, str]:
    return {"amount": amount, "currencyCode": "USD"}


def grams(amount: str) -> dict[str, str]:
    return {"amount": amount, "unit": "g"}


async def olive_oil(client: httpx.AsyncClient, owner: Account) -> InventoryItem:
    """1000 g bought for 10.00 from Acme, 200 g spoiled, 300 g used; threshold 600 g."""
    sessions = client.app.state.sessions  # type: ignore[attr-defined]
    principal = await principal_of(sessions, owner.token)
    oil = await create_item(sessions, principal, "Olive oil", low_stock_threshold=Decimal(600))
    await receive(sessions, principal, oil.id, "1000", total_cost="10", vendor="Acme")
    await adjust(sessions, principal, oil.id, "SPOIL", "200")
    await adjust(sessions, principal, oil.id, "USE", "300")
    return oil


def period() -> dict[str, str]:
    now = utcnow()
    return {
        "from": (now - timedelta(days=1)).isoformat(),
        "to": (now + timedelta(days=1)).isoformat(),
    }


async def test_effective_cost_on_the_wire(client):
    owner = await sign_up(client)
    oil = await olive_oil(client, owner)
    item_id = to_global_id("InventoryItem", oil.id)
    body = await gql(client, EFFECTIVE_COST, {"itemId": item_id, **period()}, owner.token)
    cost = data(body)["effectiveCost"]
    assert cost.pop("periodStart").endswith("Z")
    assert cost.pop("periodEnd").endswith("Z")
    assert cost == {
        "itemId": item_id,
        "itemName": "Olive oil",
        "spent": usd("10"),
        "purchasedQuantity": grams("1000"),
        "wastedQuantity": grams("200"),
        "usedQuantity": grams("800"),
        "wasteCost": usd("2"),
        "effectiveCostPerUnit": usd("0.0125"),
        "purchaseCostPerUnit": usd("0.01"),
        "averageCostPerUnit": usd("0.01"),
    }


async def test_spoilage_report_on_the_wire(client):
    owner = await sign_up(client)
    oil = await olive_oil(client, owner)
    body = await gql(client, SPOILAGE, period(), owner.token)
    report = data(body)["spoilageReport"]
    assert report["totalCost"] == usd("2")
    assert report["months"] == [
        {
            "itemId": to_global_id("InventoryItem", oil.id),
            "itemName": "Olive oil",
            "month": f"{utcnow():%Y-%m}",
            "spoiledQuantity": grams("200"),
            "trashedQuantity": grams("0"),
            "expiredQuantity": grams("0"),
            "wastedQuantity": grams("200"),
            "purchasedQuantity": grams("1000"),
            "shareOfPurchased": "0.2",
            "cost": usd("2"),
        }
    ]


async def test_purchase_history_and_vendor_prices_on_the_wire(client):
    owner = await sign_up(client)
    oil = await olive_oil(client, owner)
    item_id = to_global_id("InventoryItem", oil.id)
    body = await gql(client, PURCHASES, {"itemId": item_id, "first": 1}, owner.token)
    history = data(body)["purchaseHistory"]
    [edge] = history["edges"]
    assert edge["node"] == {
        "lotCode": edge["node"]["lotCode"],
        "vendor": "Acme",
        "quantity": grams("1000"),
        "unitCost": usd("0.01"),
        "totalCost": usd("10"),
    }
    assert edge["node"]["lotCode"].startswith("LOT-")
    assert parse_global_id(history["nodes"][0]["lotId"])[0] == "InventoryLot"  # type: ignore[index]
    assert history["pageInfo"] == {
        "hasNextPage": False,
        "hasPreviousPage": False,
        "endCursor": edge["cursor"],
    }
    vendors = data(await gql(client, VENDORS, {"itemId": item_id}, owner.token))
    [acme] = vendors["vendorPriceHistory"]
    assert acme["firstPurchasedAt"] == acme["lastPurchasedAt"]
    assert {k: v for k, v in acme.items() if not k.endswith("At")} == {
        "vendor": "Acme",
        "unit": "g",
        "purchaseCount": 1,
        "firstUnitCost": usd("0.01"),
        "lastUnitCost": usd("0.01"),
        "minUnitCost": usd("0.01"),
        "maxUnitCost": usd("0.01"),
    }


async def test_reorder_suggestions_on_the_wire(client):
    owner = await sign_up(client)
    oil = await olive_oil(client, owner)
    body = await gql(client, REORDER, {"lookbackDays": 30}, owner.token)
    # 500 g available, 10 g a day, 7 days' lead time: 430 g at arrival
    assert data(body)["reorderSuggestions"] == [
        {
            "itemId": to_global_id("InventoryItem", oil.id),
            "itemName": "Olive oil",
            "available": grams("500"),
            "lowStockThreshold": grams("600"),
            "usage": grams("300"),
            "averageDailyUsage": grams("10"),
            "lookbackDays": 30,
            "leadTimeDays": 7,
            "daysOfCover": "50",
            "suggestedQuantity": grams("470"),
        }
    ]


async def test_an_unknown_or_foreign_item_is_null(client):
    owner = await sign_up(client)
    oil = await olive_oil(client, owner)
    stranger = await sign_up(client, "Elsewhere")
    variables = {"itemId": to_global_id("InventoryItem", oil.id)}
    token = stranger.token
    assert data(await gql(client, PURCHASES, variables, token))["purchaseHistory"] is None
    assert data(await gql(client, VENDORS, variables, token))["vendorPriceHistory"] is None
    cost = await gql(client, EFFECTIVE_COST, {**variables, **period()}, token)
    assert data(cost)["effectiveCost"] is None
    missing = {"itemId": to_global_id("InventoryItem", 999_999)}
    assert data(await gql(client, VENDORS, missing, owner.token))["vendorPriceHistory"] is None


@pytest.mark.parametrize(
    ("query", "variables", "field", "reason"),
    [
        (SPOILAGE, {"from": "2025-02-01T00:00:00Z", "to": "2025-01-01T00:00:00Z"}, "from",
         "INVALID_PERIOD"),
        (REORDER, {"lookbackDays": 0}, "lookbackDays", "OUT_OF_RANGE"),
        (VENDORS, {"itemId": "nope"}, "itemId", "INVALID_ID"),
    ],
    ids=["backwards-period", "lookback", "bad-id"],
)  # fmt: skip
async def test_bad_arguments_are_bad_request(client, query, variables, field, reason):
    owner = await sign_up(client)
    body = await gql(client, query, variables, owner.token)
    assert error_codes(body) == ["BAD_REQUEST"]
    assert body["errors"][0]["extensions"]["reason"] == reason
    assert body["errors"][0]["extensions"]["field"] == [field]


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (EFFECTIVE_COST, {"itemId": to_global_id("InventoryItem", 1), **period()}),
        (SPOILAGE, period()),
        (PURCHASES, {"itemId": to_global_id("InventoryItem", 1)}),
        (VENDORS, {"itemId": to_global_id("InventoryItem", 1)}),
        (REORDER, {"lookbackDays": 30}),
    ],
    ids=["effectiveCost", "spoilageReport", "purchaseHistory", "vendorPriceHistory", "reorder"],
)
async def test_a_key_without_inventory_read_is_forbidden(client, query, variables):
    owner = await sign_up(client)
    key = await api_key(client, owner.token, ["members.read"])
    body = await gql(client, query, variables, key)
    assert error_codes(body) == ["FORBIDDEN"]
    assert "inventory.read" in body["errors"][0]["message"]
