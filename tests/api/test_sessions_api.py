"""sessions, revokeSession, revokeOtherSessions, rotateApiKey and API key expiry on the
wire."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api_helpers import (
    CREATE_API_KEY,
    PASSWORD,
    data,
    error_codes,
    gql,
    sign_up,
)

pytestmark = [pytest.mark.api, pytest.mark.auth]

SESSIONS = "{ sessions { nodes { id ipAddress userAgent createdAt lastUsedAt current } } }"
LOG_IN = "mutation($input: LogInInput!) { logIn(input: $input) { token } }"
ROTATE = """mutation($input: RotateApiKeyInput!) {
  rotateApiKey(input: $input) { token apiKey { id prefix } userErrors { field message code } } }"""
REVOKE_SESSION = """mutation($id: ID!) {
  revokeSession(input: {id: $id}) { session { id } userErrors { field message code } } }"""
REVOKE_OTHERS = "mutation { revokeOtherSessions { revokedCount userErrors { code } } }"


async def _new_key(client: httpx.AsyncClient, owner_token: str) -> dict[str, Any]:
    body = await gql(
        client, CREATE_API_KEY, {"input": {"name": "k", "scopes": ["MEMBERS_READ"]}}, owner_token
    )
    created: dict[str, Any] = data(body)["createApiKey"]
    return created


async def test_sessions_show_device_and_address_and_can_be_ended(client):
    # given a second login from a phone
    owner = await sign_up(client)
    response = await client.post(
        "/graphql",
        json={
            "query": LOG_IN,
            "variables": {"input": {"email": owner.email, "password": PASSWORD}},
        },
        headers={"User-Agent": "SoapPhone/3.1"},
    )
    phone = response.json()["data"]["logIn"]["token"]

    # when
    listed = data(await gql(client, SESSIONS, token=phone))["sessions"]["nodes"]

    # then
    assert [(s["userAgent"], s["current"]) for s in listed] == [
        ("python-httpx/" + __import__("httpx").__version__, False),
        ("SoapPhone/3.1", True),
    ]
    assert all(s["ipAddress"] == "127.0.0.1" and s["lastUsedAt"] for s in listed)

    # when the phone ends the other one
    ended = data(await gql(client, REVOKE_SESSION, {"id": listed[0]["id"]}, phone))
    assert ended["revokeSession"] == {"session": {"id": listed[0]["id"]}, "userErrors": []}
    assert error_codes(await gql(client, SESSIONS, token=owner.token, expect_status=401)) == [
        "UNAUTHENTICATED"
    ]


async def test_revoke_other_sessions_keeps_the_calling_one(client):
    owner = await sign_up(client)
    variables = {"input": {"email": owner.email, "password": PASSWORD}}
    others = [data(await gql(client, LOG_IN, variables))["logIn"]["token"] for _ in range(2)]
    result = data(await gql(client, REVOKE_OTHERS, token=owner.token))["revokeOtherSessions"]
    assert result == {"revokedCount": 2, "userErrors": []}
    for token in others:
        await gql(client, SESSIONS, token=token, expect_status=401)
    assert len(data(await gql(client, SESSIONS, token=owner.token))["sessions"]["nodes"]) == 1


async def test_rotate_api_key_gives_a_new_secret_and_keeps_the_old_for_the_overlap(client):
    owner = await sign_up(client)
    created = await _new_key(client, owner.token)
    rotated = data(
        await gql(
            client,
            ROTATE,
            {"input": {"id": created["apiKey"]["id"], "overlapSeconds": 3600}},
            owner.token,
        )
    )["rotateApiKey"]
    assert rotated["userErrors"] == []
    assert rotated["apiKey"]["id"] == created["apiKey"]["id"]
    assert rotated["token"] != created["token"]
    for token in (created["token"], rotated["token"]):
        assert "errors" not in await gql(client, "{ members { nodes { id } } }", token=token)


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"overlapSeconds": 604_801}, "OUT_OF_RANGE", ["input", "overlapSeconds"]),
        ({"overlapSeconds": -1}, "OUT_OF_RANGE", ["input", "overlapSeconds"]),
        ({"id": "QXBpS2V5Ojk5OTk5"}, "NOT_FOUND", ["input", "id"]),
        ({"id": "not-an-id"}, "INVALID_ID", ["input", "id"]),
    ],
)
async def test_rotate_api_key_refuses_bad_input(client, values, code, field):
    owner = await sign_up(client)
    created = await _new_key(client, owner.token)
    variables = {"input": {"id": created["apiKey"]["id"], **values}}
    result = data(await gql(client, ROTATE, variables, owner.token))["rotateApiKey"]
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [(code, field)]
    assert "errors" not in await gql(client, "{ members { nodes { id } } }", token=created["token"])


async def test_revoke_session_refuses_an_id_that_is_not_a_session(client):
    owner = await sign_up(client)
    for bad, code in (("not-an-id", "INVALID_ID"), (owner.user_id, "INVALID_ID")):
        result = data(await gql(client, REVOKE_SESSION, {"id": bad}, owner.token))
        codes = [e["code"] for e in result["revokeSession"]["userErrors"]]
        assert codes == [code]


async def test_a_key_cannot_be_created_already_expired(client):
    owner = await sign_up(client)
    values = {"name": "k", "scopes": ["MEMBERS_READ"], "expiresAt": "2001-01-01T00:00:00Z"}
    result = data(await gql(client, CREATE_API_KEY, {"input": values}, owner.token))
    errors = result["createApiKey"]["userErrors"]
    assert [(e["code"], e["field"]) for e in errors] == [("OUT_OF_RANGE", ["input", "expiresAt"])]
