"""The units operations on the wire: shapes, userErrors as data, FORBIDDEN at the top."""

from __future__ import annotations

import pytest

from tests.api_helpers import api_key, data, error_codes, gql, sign_up

pytestmark = [pytest.mark.api, pytest.mark.inventory]

UNITS = """query($dimension: UnitDimension) {
  units(dimension: $dimension) {
    __typename name dimension isCustom factorToBase baseUnit definedAs { amount unit }
    ... on CustomUnit { id createdAt }
  }
}"""

CONVERT = """query($quantity: QuantityInput!, $toUnit: String!, $itemId: ID) {
  convertQuantity(quantity: $quantity, toUnit: $toUnit, itemId: $itemId) {
    quantity { amount unit } exact userErrors { field message code }
  }
}"""

CREATE = """mutation($input: CreateCustomUnitInput!) {
  createCustomUnit(input: $input) {
    customUnit { id name dimension isCustom factorToBase baseUnit definedAs { amount unit } }
    userErrors { field message code }
  }
}"""


def _define(name: str, amount: str, unit: str) -> dict[str, object]:
    return {"input": {"name": name, "definedAs": {"amount": amount, "unit": unit}}}


async def test_units_lists_built_ins_with_exact_factors(client):
    owner = await sign_up(client)
    body = await gql(client, UNITS, {"dimension": "WEIGHT"}, owner.token)
    units = data(body)["units"]
    assert [unit["name"] for unit in units] == ["mg", "g", "kg", "oz", "lb"]
    assert units[3] == {
        "__typename": "BuiltInUnit",
        "name": "oz",
        "dimension": "WEIGHT",
        "isCustom": False,
        "factorToBase": "28.349523125",
        "baseUnit": "g",
        "definedAs": None,
    }


async def test_convert_quantity_returns_the_amount_and_exactness(client):
    owner = await sign_up(client)
    exact = await gql(
        client, CONVERT, {"quantity": {"amount": "2", "unit": "oz"}, "toUnit": "g"}, owner.token
    )
    assert data(exact)["convertQuantity"] == {
        "quantity": {"amount": "56.69904625", "unit": "g"},
        "exact": True,
        "userErrors": [],
    }
    rounded = await gql(
        client, CONVERT, {"quantity": {"amount": "100", "unit": "g"}, "toUnit": "oz"}, owner.token
    )
    assert data(rounded)["convertQuantity"]["quantity"]["amount"] == "3.527396195"
    assert data(rounded)["convertQuantity"]["exact"] is False


async def test_a_failed_conversion_is_a_user_error(client):
    owner = await sign_up(client)
    body = await gql(
        client, CONVERT, {"quantity": {"amount": "1", "unit": "ml"}, "toUnit": "g"}, owner.token
    )
    result = data(body)["convertQuantity"]
    assert result["quantity"] is None
    assert result["exact"] is None
    [error] = result["userErrors"]
    assert (error["code"], error["field"]) == ("UNIT_CONVERSION_FAILED", ["toUnit"])
    assert error["message"].startswith("Cannot convert ml (volume) to g (weight): ")
    unknown = await gql(
        client, CONVERT, {"quantity": {"amount": "1", "unit": "cubit"}, "toUnit": "g"}, owner.token
    )
    [error] = data(unknown)["convertQuantity"]["userErrors"]
    assert (error["code"], error["field"]) == ("UNKNOWN_UNIT", ["quantity", "unit"])


async def test_an_item_id_names_no_item_yet(client):
    owner = await sign_up(client)
    variables = {"quantity": {"amount": "1", "unit": "ml"}, "toUnit": "g"}
    malformed = await gql(client, CONVERT, {**variables, "itemId": "nope"}, owner.token)
    [error] = data(malformed)["convertQuantity"]["userErrors"]
    assert (error["code"], error["field"]) == ("INVALID_ID", ["itemId"])
    # base64url("InventoryItem:1"): well formed, but no item exists
    unknown = await gql(
        client, CONVERT, {**variables, "itemId": "SW52ZW50b3J5SXRlbTox"}, owner.token
    )
    [error] = data(unknown)["convertQuantity"]["userErrors"]
    assert (error["code"], error["field"]) == ("NOT_FOUND", ["itemId"])


async def test_create_custom_unit_then_list_fetch_and_convert_with_it(client):
    owner = await sign_up(client)
    created = data(await gql(client, CREATE, _define("Scoop", "30.0", "g"), owner.token))
    unit = created["createCustomUnit"]["customUnit"]
    assert created["createCustomUnit"]["userErrors"] == []
    assert {key: value for key, value in unit.items() if key != "id"} == {
        "name": "Scoop",
        "dimension": "WEIGHT",
        "isCustom": True,
        "factorToBase": "30",
        "baseUnit": "g",
        "definedAs": {"amount": "30", "unit": "g"},
    }
    listed = data(await gql(client, UNITS, {"dimension": "WEIGHT"}, owner.token))["units"]
    assert listed[-1]["__typename"] == "CustomUnit"
    assert listed[-1]["id"] == unit["id"]
    node = await gql(
        client,
        "query($id: ID!) { node(id: $id) { ... on CustomUnit { name } } }",
        {"id": unit["id"]},
        owner.token,
    )
    assert data(node)["node"] == {"name": "Scoop"}
    converted = await gql(
        client,
        CONVERT,
        {"quantity": {"amount": "2", "unit": "scoop"}, "toUnit": "kg"},
        owner.token,
    )
    assert data(converted)["convertQuantity"]["quantity"] == {"amount": "0.06", "unit": "kg"}
    # another organization sees nothing behind the ID
    stranger = await sign_up(client)
    hidden = await gql(
        client, "query($id: ID!) { node(id: $id) { id } }", {"id": unit["id"]}, stranger.token
    )
    assert data(hidden)["node"] is None


async def test_create_custom_unit_user_errors_name_the_input_field(client):
    owner = await sign_up(client)
    body = await gql(client, CREATE, _define("scoop", "-1", "g"), owner.token)
    assert data(body)["createCustomUnit"] == {
        "customUnit": None,
        "userErrors": [
            {
                "field": ["input", "definedAs", "amount"],
                "message": "amount must be greater than 0.",
                "code": "NOT_POSITIVE",
            }
        ],
    }
    shadowing = await gql(client, CREATE, _define("KG", "1", "g"), owner.token)
    [error] = data(shadowing)["createCustomUnit"]["userErrors"]
    assert (error["code"], error["field"]) == ("SHADOWS_BUILT_IN", ["input", "name"])


async def test_a_key_without_units_manage_is_forbidden_to_create(client):
    owner = await sign_up(client)
    viewer_key = await api_key(client, owner.token, ["units.read"])
    body = await gql(client, CREATE, _define("scoop", "30", "g"), viewer_key)
    assert error_codes(body) == ["FORBIDDEN"]
    assert body["data"] is None
    # reading still works with that key
    listed = data(await gql(client, UNITS, {"dimension": "COUNT"}, viewer_key))["units"]
    assert [unit["name"] for unit in listed] == ["each", "dozen"]
