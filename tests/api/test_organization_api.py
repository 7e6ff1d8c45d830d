"""The organization's currency on the wire: signUp and updateOrganization take a
CurrencyCode, Organization.currencyCode is one, and every Money field reports it (planned
reads too: tests/server/test_planned_reads.py)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api_helpers import (
    PASSWORD,
    SIGN_UP,
    Account,
    create_item,
    data,
    error_codes,
    gql,
    receive,
    sign_up,
)

pytestmark = [pytest.mark.api, pytest.mark.auth]

UPDATE = """mutation($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) {
    organization { id name currencyCode } userErrors { field message code } } }"""

MONEY = """query($id: ID!) {
  viewer { organization { currencyCode } }
  inventoryItem(id: $id) {
    stockValue { amount currencyCode } averageCostPerUnit { currencyCode }
    lots { nodes { unitCost { currencyCode } totalCost { currencyCode }
      remainingValue { currencyCode } } }
    history { nodes { unitCost { currencyCode } value { currencyCode }
      valueAfter { currencyCode } } } }
  effectiveCost(itemId: $id, from: "2020-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") {
    spent { currencyCode } wasteCost { currencyCode } }
  purchaseHistory(itemId: $id) { nodes { unitCost { currencyCode } } } }"""


def _currencies(found: Any) -> set[str]:
    """Every currencyCode anywhere in an answer."""
    if isinstance(found, dict):
        codes = {found["currencyCode"]} if "currencyCode" in found else set()
        return codes.union(*(_currencies(value) for value in found.values()))
    if isinstance(found, list):
        return set().union(*(_currencies(value) for value in found))
    return set()


async def _update(client: httpx.AsyncClient, owner: Account, **values: str) -> dict[str, Any]:
    result: dict[str, Any] = data(await gql(client, UPDATE, {"input": values}, owner.token))[
        "updateOrganization"
    ]
    return result


async def test_sign_up_in_a_currency_and_every_amount_reports_it(client):
    owner = await sign_up(client, "Atelier", currency="EUR")
    item = await create_item(client, owner.token, "Beeswax")
    await receive(client, owner.token, item, "500", unit_cost="0.03")

    answer = data(await gql(client, MONEY, {"id": item}, owner.token))

    assert answer["inventoryItem"]["stockValue"] == {"amount": "15", "currencyCode": "EUR"}
    assert _currencies(answer) == {"EUR"}


async def test_without_a_currency_sign_up_makes_a_us_dollar_organization(client):
    body = await gql(
        client,
        SIGN_UP.replace("organization { id name }", "organization { currencyCode }"),
        {"input": {"email": "usd@example.com", "password": PASSWORD, "organizationName": "Shop"}},
    )
    assert data(body)["signUp"]["organization"] == {"currencyCode": "USD"}


async def test_a_code_outside_the_enum_is_a_bad_request_and_creates_nothing(client):
    values = {"email": "euro@example.com", "password": PASSWORD, "organizationName": "Shop"}
    body = await gql(
        client, SIGN_UP, {"input": {**values, "currencyCode": "EURO"}}, expect_status=400
    )
    assert error_codes(body) == ["BAD_REQUEST"]
    assert "EURO" in body["errors"][0]["message"]
    retried = data(await gql(client, SIGN_UP, {"input": values}))["signUp"]
    assert retried["userErrors"] == []


async def test_update_organization_changes_name_and_currency_until_stock_is_received(client):
    owner = await sign_up(client, "Workshop")
    changed = await _update(client, owner, name="Wick & Wax", currencyCode="GBP")
    assert changed == {
        "organization": {"id": owner.organization_id, "name": "Wick & Wax", "currencyCode": "GBP"},
        "userErrors": [],
    }
    item = await create_item(client, owner.token, "Soy wax")
    await receive(client, owner.token, item, "100")

    locked = await _update(client, owner, name="Later name", currencyCode="EUR")

    assert locked["organization"] is None
    [error] = locked["userErrors"]
    assert (error["field"], error["code"]) == (["input", "currencyCode"], "CURRENCY_LOCKED")
    assert "GBP" in error["message"]
    viewer = data(
        await gql(client, "{ viewer { organization { name currencyCode } } }", {}, owner.token)
    )
    assert viewer["viewer"]["organization"] == {"name": "Wick & Wax", "currencyCode": "GBP"}
    events = data(
        await gql(
            client,
            '{ events(types: ["organization.*"]) { nodes { type entityType entityId data } } }',
            token=owner.token,
        )
    )["events"]["nodes"]
    assert events == [
        {
            "type": "organization.updated",
            "entityType": "Organization",
            "entityId": owner.organization_id,
            "data": {
                "organization": {
                    "id": owner.organization_id,
                    "name": "Wick & Wax",
                    "currencyCode": "GBP",
                    "costMethod": "FIFO",
                },
                "changedFields": ["currencyCode", "name"],
            },
        }
    ]


async def test_the_event_type_is_in_the_catalog_endpoints_subscribe_to(client):
    owner = await sign_up(client)
    types = data(await gql(client, "{ webhookEventTypes { name } }", token=owner.token))
    assert {"name": "organization.updated"} in types["webhookEventTypes"]


async def test_a_bad_name_is_a_user_error_naming_the_input_field(client):
    owner = await sign_up(client)
    result = await _update(client, owner, name=" ")
    assert result["organization"] is None
    assert [(e["field"], e["code"]) for e in result["userErrors"]] == [(["input", "name"], "BLANK")]
