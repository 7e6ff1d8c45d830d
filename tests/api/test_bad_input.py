"""Bad input of every kind gets its documented error, changes nothing, and is never a 500."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from resolvers.ids import to_global_id
from server.app import create_app
from services.accounts.models import UserSession
from services.db import utcnow
from tests.api_helpers import (
    PASSWORD,
    SIGN_UP,
    api_key,
    data,
    error_codes,
    gql,
    sign_up,
)
from tests.conftest import make_settings

pytestmark = pytest.mark.api

REVOKE = """mutation($id: ID!) { revokeApiKey(input: {id: $id}) {
    apiKey { id } userErrors { field message code } } }"""
KEYS = "{ apiKeys { nodes { id revokedAt } } }"


@pytest.mark.parametrize(
    "bad_id",
    ["", "not base64!", "QXBpS2V5Og", to_global_id("ApiKey", 1)[:-2] + "%%", "A" * 500],
    ids=["empty", "garbage", "no-key", "mangled", "huge"],
)
async def test_malformed_ids_are_a_user_error_and_change_nothing(client, bad_id):
    owner = await sign_up(client)
    await api_key(client, owner.token, ["members.read"])
    before = data(await gql(client, KEYS, token=owner.token))
    result = data(await gql(client, REVOKE, {"id": bad_id}, owner.token))["revokeApiKey"]
    assert result["apiKey"] is None
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [
        ("INVALID_ID", ["input", "id"])
    ]
    assert data(await gql(client, KEYS, token=owner.token)) == before


async def test_an_id_of_the_wrong_type_is_invalid_not_a_lookup(client):
    owner = await sign_up(client)
    result = data(await gql(client, REVOKE, {"id": owner.organization_id}, owner.token))
    assert result["revokeApiKey"]["userErrors"][0]["code"] == "INVALID_ID"
    assert "ApiKey" in result["revokeApiKey"]["userErrors"][0]["message"]


async def test_malformed_ids_in_node_queries_are_null(client):
    owner = await sign_up(client)
    body = await gql(
        client, 'query { a: node(id: "%%%") { id } b: nodes(ids: ["x"]) { id } }', token=owner.token
    )
    assert data(body) == {"a": None, "b": [None]}


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("organizationName", "x" * 201, "TOO_LONG"),
        ("name", "x" * 201, "TOO_LONG"),
        ("email", "a" * 400 + "@example.com", "TOO_LONG"),
        ("password", "p" * 10_000, "TOO_LONG"),
        ("email", "not-an-email", "INVALID_EMAIL"),
    ],
)
async def test_over_long_and_malformed_strings_are_refused_by_field(client, field, value, code):
    values = {"email": "new@example.com", "password": PASSWORD, "organizationName": "Shop"}
    values[field] = value
    result = data(await gql(client, SIGN_UP, {"input": values}))["signUp"]
    assert result["token"] is None
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [(code, ["input", field])]
    again = data(
        await gql(
            client,
            SIGN_UP,
            {
                "input": {
                    **values,
                    field: "fine@example.com" if field == "email" else "Fine name1234",
                }
            },
        )
    )
    assert again["signUp"]["userErrors"] == []  # the refused sign-up left nothing behind


async def test_missing_auth_is_unauthenticated_and_writes_nothing(client):
    body = await gql(client, "{ viewer { role } }")
    assert error_codes(body) == ["UNAUTHENTICATED"]
    body = await gql(client, 'mutation { createApiKey(input: {name: "k", scopes: []}) { token } }')
    assert error_codes(body) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize(
    "header",
    [
        "Bearer nonsense",
        "Bearer bt_live_unknown",
        "Bearer bt_sess_unknown",
        "Basic dXNlcjpwYXNz",
        "Bearer ",
        "Bearer " + "x" * 300,
    ],
)
async def test_wrong_auth_is_a_401_with_the_error_contract(client, header):
    response = await client.post(
        "/graphql", json={"query": "{ viewer { role } }"}, headers={"Authorization": header}
    )
    assert response.status_code == 401
    assert error_codes(response.json()) == ["UNAUTHENTICATED"]


async def test_a_revoked_key_is_refused(client):
    owner = await sign_up(client)
    key = await api_key(client, owner.token, ["members.read"])
    key_id = data(await gql(client, KEYS, token=owner.token))["apiKeys"]["nodes"][0]["id"]
    assert "errors" not in await gql(client, "{ members { nodes { id } } }", token=key)
    await gql(client, REVOKE, {"id": key_id}, owner.token)
    body = await gql(client, "{ members { nodes { id } } }", token=key, expect_status=401)
    assert error_codes(body) == ["UNAUTHENTICATED"]


async def test_an_expired_session_is_refused(client):
    owner = await sign_up(client)
    async with client.app.state.sessions() as session:
        await session.execute(update(UserSession).values(expires_at=utcnow() - timedelta(1)))
        await session.commit()
    body = await gql(client, "{ viewer { role } }", token=owner.token, expect_status=401)
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert "log in again" in body["errors"][0]["message"]


@pytest.mark.parametrize(
    ("limits", "query", "expected"),
    [
        ({"max_query_depth": 1}, "{ viewer { organization { id } } }", "QUERY_TOO_COMPLEX"),
        (
            {"max_query_aliases": 3},
            "{ a: viewer { role } b: viewer { role } c: viewer { role } d: viewer { role } }",
            "QUERY_TOO_COMPLEX",
        ),
        (
            {"max_query_tokens": 10},
            "{ viewer { role organization { id name createdAt "
            "currencyCode } user { id email name createdAt } } }",
            "QUERY_TOO_COMPLEX",
        ),
        (
            {},
            "{ members(first: 250) { edges { node { user { email } } } } "
            "apiKeys(first: 250) { nodes { id } } }",
            "QUERY_TOO_COMPLEX",
        ),
        ({}, "{ members(first: 251) { nodes { id } } }", "BAD_REQUEST"),
        ({}, "{ viewer { nope } }", "BAD_REQUEST"),
        ({}, "{ viewer { ", "BAD_REQUEST"),
    ],
    ids=["deep", "aliases", "tokens", "costly", "page-cap", "unknown-field", "syntax"],
)
async def test_too_deep_wide_or_costly_queries_are_refused(
    database_url, engine, limits, query, expected
):
    """Limits apply before any resolver runs, so no sign-in is needed to hit them; a
    repeat is refused as well (parse and validation results are cached)."""
    app = create_app(make_settings(database_url, redis_url=None, **limits))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        responses = [await client.post("/graphql", json={"query": query}) for _ in range(2)]
    for response in responses:
        body = response.json()
        assert error_codes(body) == [expected]
        if "first: 251" in query:  # refused by the field as it runs: a field error
            assert response.status_code == 200
            assert body["data"] is None
        else:  # refused before anything ran: the request is bad
            assert response.status_code == 400
            assert "data" not in body
    await app.state.engine.dispose()


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        ("{not json", "application/json"),
        ("[1, 2]", "application/json"),
        ('{"query": 5}', "application/json"),
        ("", "application/json"),
        ("query=1", "text/plain"),
    ],
)
async def test_malformed_requests_are_bad_request_not_500(client, content, content_type):
    response = await client.post(
        "/graphql", content=content, headers={"Content-Type": content_type}
    )
    assert 400 <= response.status_code < 500, response.text
    assert "BAD_REQUEST" in error_codes(response.json()) or response.status_code == 415
