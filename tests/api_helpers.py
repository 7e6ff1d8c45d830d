"""Calling the API as a client would, for the API and end-to-end tests."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import httpx

_counter = itertools.count(1)
PASSWORD = "correct horse battery"


async def gql(
    client: httpx.AsyncClient,
    query: str,
    variables: dict[str, Any] | None = None,
    token: str | None = None,
    expect_status: int | None = 200,
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    if expect_status is not None:
        assert response.status_code == expect_status, response.text
    body: dict[str, Any] = response.json()
    return body


def data(body: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in body, body.get("errors")
    result: dict[str, Any] = body["data"]
    return result


def error_codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


SIGN_UP = """
mutation($input: SignUpInput!) {
  signUp(input: $input) {
    token user { id email } organization { id name }
    userErrors { field message code }
  }
}"""

CREATE_API_KEY = """
mutation($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { token apiKey { id scopes } userErrors { field message code } }
}"""


@dataclass
class Account:
    token: str
    user_id: str
    organization_id: str
    email: str


async def sign_up(client: httpx.AsyncClient, organization: str = "Workshop") -> Account:
    email = f"maker{next(_counter)}@example.com"
    body = await gql(
        client,
        SIGN_UP,
        {"input": {"email": email, "password": PASSWORD, "organizationName": organization}},
    )
    result = data(body)["signUp"]
    assert result["userErrors"] == []
    return Account(result["token"], result["user"]["id"], result["organization"]["id"], email)


async def api_key(client: httpx.AsyncClient, owner_token: str, scopes: list[str]) -> str:
    body = await gql(
        client, CREATE_API_KEY, {"input": {"name": "key", "scopes": scopes}}, owner_token
    )
    result = data(body)["createApiKey"]
    assert result["userErrors"] == []
    token: str = result["token"]
    return token
