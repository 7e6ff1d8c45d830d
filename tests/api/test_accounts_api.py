"""The accounts operations on the wire: shapes, userErrors paths, tokens in use."""

from __future__ import annotations

import asyncio

import pytest

from tests.api_helpers import (
    CREATE_API_KEY,
    PASSWORD,
    SIGN_UP,
    api_key,
    data,
    error_codes,
    gql,
    join_with_role,
    sign_up,
)

pytestmark = [pytest.mark.api, pytest.mark.auth]

VIEWER = "{ viewer { user { id email } organization { id name } role permissions apiKey { id } } }"


async def test_sign_up_returns_a_session_that_answers_viewer(client):
    account = await sign_up(client, "Soap Studio")
    viewer = data(await gql(client, VIEWER, token=account.token))["viewer"]
    assert viewer["user"] == {"id": account.user_id, "email": account.email}
    assert viewer["organization"] == {"id": account.organization_id, "name": "Soap Studio"}
    assert viewer["role"] == "OWNER"
    assert "BILLING_MANAGE" in viewer["permissions"]


async def test_user_errors_name_the_input_field_in_camel_case(client):
    body = await gql(
        client,
        SIGN_UP,
        {"input": {"email": "x@example.com", "password": PASSWORD, "organizationName": " "}},
    )
    result = data(body)["signUp"]
    assert result["token"] is None
    assert result["userErrors"] == [
        {
            "field": ["input", "organizationName"],
            "message": "organization_name must have at least 1 character(s).",
            "code": "BLANK",
        }
    ]


async def test_log_in_and_log_out(client):
    account = await sign_up(client)
    log_in = """mutation($input: LogInInput!) {
      logIn(input: $input) { token organization { id } userErrors { code field } } }"""
    wrong = data(
        await gql(client, log_in, {"input": {"email": account.email, "password": "nope" * 3}})
    )["logIn"]
    assert wrong == {
        "token": None,
        "organization": None,
        "userErrors": [{"code": "INVALID_CREDENTIALS", "field": ["input", "email"]}],
    }
    right = data(
        await gql(client, log_in, {"input": {"email": account.email, "password": PASSWORD}})
    )["logIn"]
    assert right["organization"]["id"] == account.organization_id
    out = data(
        await gql(
            client, "mutation { logOut { loggedOut userErrors { code } } }", token=right["token"]
        )
    )
    assert out["logOut"] == {"loggedOut": True, "userErrors": []}
    after = await gql(client, VIEWER, token=right["token"], expect_status=401)
    assert error_codes(after) == ["UNAUTHENTICATED"]
    # The sign-up session is a different session and still works.
    assert data(await gql(client, VIEWER, token=account.token))["viewer"]["role"] == "OWNER"


async def test_api_key_is_shown_once_and_acts_with_its_scopes(client):
    owner = await sign_up(client)
    created = data(
        await gql(
            client,
            CREATE_API_KEY,
            {"input": {"name": "shop sync", "scopes": ["MEMBERS_READ"]}},
            owner.token,
        )
    )["createApiKey"]
    assert created["token"].startswith("bt_live_")
    assert created["apiKey"]["scopes"] == ["MEMBERS_READ"]
    viewer = data(await gql(client, VIEWER, token=created["token"]))["viewer"]
    assert viewer["user"] is None
    assert viewer["apiKey"] == {"id": created["apiKey"]["id"]}
    assert viewer["permissions"] == ["MEMBERS_READ"]
    listing = data(
        await gql(
            client,
            "{ apiKeys(first: 10) { nodes { id name prefix lastUsedAt } } }",
            token=owner.token,
        )
    )["apiKeys"]["nodes"]
    assert [(k["id"], k["name"]) for k in listing] == [(created["apiKey"]["id"], "shop sync")]
    assert created["token"].startswith(listing[0]["prefix"])
    assert listing[0]["lastUsedAt"] is not None
    assert created["token"] not in str(listing)


async def test_members_connection_pages_with_cursors(client):
    owner = await sign_up(client)
    for role in ("ADMIN", "MAKER", "VIEWER"):
        await join_with_role(client, owner, role)
    query = """query($after: String) { members(first: 2, after: $after) {
        edges { cursor node { role user { email } } } pageInfo { hasNextPage endCursor } } }"""
    first = data(await gql(client, query, token=owner.token))["members"]
    assert [e["node"]["role"] for e in first["edges"]] == ["OWNER", "ADMIN"]
    assert first["pageInfo"]["hasNextPage"] is True
    second = data(await gql(client, query, {"after": first["pageInfo"]["endCursor"]}, owner.token))[
        "members"
    ]
    assert [e["node"]["role"] for e in second["edges"]] == ["MAKER", "VIEWER"]
    assert second["pageInfo"]["hasNextPage"] is False


async def test_node_fetches_by_global_id(client):
    owner = await sign_up(client)
    key_token = await api_key(client, owner.token, ["members.read"])
    assert key_token
    keys = data(await gql(client, "{ apiKeys { nodes { id } } }", token=owner.token))
    key_id = keys["apiKeys"]["nodes"][0]["id"]
    query = """query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }"""
    found = data(
        await gql(client, query, {"ids": [key_id, owner.organization_id, "garbage"]}, owner.token)
    )["nodes"]
    assert found == [
        {"id": key_id, "__typename": "ApiKey"},
        {"id": owner.organization_id, "__typename": "Organization"},
        None,
    ]


async def test_a_burst_of_logins_all_succeed(client, production_password_cost):
    """Each login writes a session; on SQLite the writers queue on the write lock (the
    password is checked off the event loop) instead of failing."""
    account = await sign_up(client)
    log_in = (
        """mutation($input: LogInInput!) { logIn(input: $input) { token userErrors { code } } }"""
    )
    variables = {"input": {"email": account.email, "password": PASSWORD}}
    bodies = await asyncio.gather(*(gql(client, log_in, variables) for _ in range(40)))
    tokens = {data(body)["logIn"]["token"] for body in bodies}
    assert len(tokens) == 40
    assert None not in tokens
