"""Codes a client can switch over: each domain's userErrors are typed with an enum of its
codes, and API key scopes are the ApiKeyScope enum."""

from __future__ import annotations

from typing import Any

import pytest

from services.error_codes import DOMAIN_ERROR_CODES
from services.permissions import PERMISSIONS
from tests.api_helpers import CREATE_API_KEY, create_item, data, error_codes, gql, sign_up

pytestmark = pytest.mark.api

INTROSPECT = """
{
  __schema { mutationType { fields { name type { name ofType { name } } } } }
  userError: __type(name: "UserError") { kind possibleTypes { name } }
}"""

PAYLOAD = """
query($name: String!) {
  __type(name: $name) {
    fields { name type { ofType { ofType { ofType { name } } } } }
  }
}"""

ERROR_TYPE = """
query($name: String!) {
  __type(name: $name) {
    interfaces { name }
    fields { name type { kind name ofType { kind name } } }
  }
}"""

ENUM = "query($name: String!) { __type(name: $name) { enumValues { name description } } }"

ENUM_OF_TYPE = {
    "AccountUserError": "accounts",
    "UnitUserError": "units",
    "InventoryUserError": "inventory",
    "RecipeUserError": "recipes",
    "BatchUserError": "batches",
    "WebhookUserError": "webhooks",
    "BillingUserError": "billing",
}


async def _type(client: Any, query: str, name: str, token: str) -> dict[str, Any]:
    found: dict[str, Any] = data(await gql(client, query, {"name": name}, token))["__type"]
    return found


async def test_every_payload_types_its_user_errors_with_its_domains_code_enum(client):
    owner = await sign_up(client)
    schema = data(await gql(client, INTROSPECT, token=owner.token))
    assert schema["userError"]["kind"] == "INTERFACE"
    implementations = {t["name"] for t in schema["userError"]["possibleTypes"]}
    assert implementations == set(ENUM_OF_TYPE)
    used: set[str] = set()
    for mutation in schema["__schema"]["mutationType"]["fields"]:
        payload = mutation["type"]["name"] or mutation["type"]["ofType"]["name"]
        fields = (await _type(client, PAYLOAD, payload, owner.token))["fields"]
        [user_errors] = [f for f in fields if f["name"] == "userErrors"]
        used.add(user_errors["type"]["ofType"]["ofType"]["ofType"]["name"])
    assert used == set(ENUM_OF_TYPE)
    for type_name, domain in ENUM_OF_TYPE.items():
        error_type = await _type(client, ERROR_TYPE, type_name, owner.token)
        assert error_type["interfaces"] == [{"name": "UserError"}]
        [code] = [f for f in error_type["fields"] if f["name"] == "code"]
        assert code["type"] == {
            "kind": "NON_NULL",
            "name": None,
            "ofType": {"kind": "ENUM", "name": f"{type_name}Code"},
        }
        values = (await _type(client, ENUM, f"{type_name}Code", owner.token))["enumValues"]
        assert {v["name"] for v in values} == set(DOMAIN_ERROR_CODES[domain])
        assert all(v["description"] for v in values)


async def test_a_user_error_answers_its_domain_type_and_enum_code(client):
    owner = await sign_up(client)
    await create_item(client, owner.token, "Lye", sku="LYE-1")
    body = await gql(
        client,
        """mutation($input: CreateInventoryItemInput!) {
          createInventoryItem(input: $input) {
            userErrors { __typename field code ... on UserError { message } }
          }
        }""",
        {"input": {"name": "Lye again", "type": "INGREDIENT", "baseUnit": "g", "sku": "LYE-1"}},
        owner.token,
    )
    [error] = data(body)["createInventoryItem"]["userErrors"]
    assert error["__typename"] == "InventoryUserError"
    assert (error["field"], error["code"]) == (["input", "sku"], "SKU_TAKEN")
    assert error["message"]


async def test_api_key_scopes_are_the_api_key_scope_enum(client):
    owner = await sign_up(client)
    values = (await _type(client, ENUM, "ApiKeyScope", owner.token))["enumValues"]
    assert {v["name"]: v["description"] for v in values} == {
        p.replace(".", "_").upper(): meaning for p, meaning in PERMISSIONS.items()
    }
    created = data(
        await gql(
            client,
            CREATE_API_KEY,
            {"input": {"name": "sync", "scopes": ["INVENTORY_READ", "UNITS_READ"]}},
            owner.token,
        )
    )["createApiKey"]
    assert created["apiKey"]["scopes"] == ["INVENTORY_READ", "UNITS_READ"]
    # The dotted permission name is not a scope value: refused before anything runs.
    dotted = await gql(
        client,
        CREATE_API_KEY,
        {"input": {"name": "sync", "scopes": ["inventory.read"]}},
        owner.token,
        expect_status=400,
    )
    assert error_codes(dotted) == ["BAD_REQUEST"]
    assert "ApiKeyScope" in dotted["errors"][0]["message"]
