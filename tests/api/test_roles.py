"""Each role against each permission-gated operation: allowed exactly when the role's
permissions (services.permissions.ROLE_PERMISSIONS) include the operation's permission,
refused with a top-level FORBIDDEN otherwise. A new domain adds its operations to GATED."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from services.permissions import ROLE_PERMISSIONS, Role
from tests.api_helpers import (
    Account,
    api_key,
    data,
    error_codes,
    gql,
    join_with_role,
    sign_up,
)

pytestmark = [pytest.mark.api, pytest.mark.auth]

Variables = Callable[[httpx.AsyncClient, Account], Awaitable[dict[str, Any]]]


async def _nothing(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    return {}


async def _fresh_member(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    await join_with_role(client, owner, "VIEWER")
    members = data(await gql(client, "{ members(last: 1) { nodes { id } } }", token=owner.token))
    return {"id": members["members"]["nodes"][0]["id"]}


async def _fresh_key(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    await api_key(client, owner.token, ["members.read"])
    keys = data(await gql(client, "{ apiKeys(last: 1) { nodes { id } } }", token=owner.token))
    return {"id": keys["apiKeys"]["nodes"][0]["id"]}


_counter = iter(range(10_000))


async def _new_email(client: httpx.AsyncClient, owner: Account) -> dict[str, Any]:
    return {"email": f"invitee{next(_counter)}@example.com"}


@dataclass(frozen=True)
class Gated:
    permission: str
    query: str
    variables: Variables = _nothing

    @property
    def field(self) -> str:
        return self.query.split("{", 1)[1].split("(")[0].split("{")[0].strip()


GATED = [
    Gated("members.read", "query { members { nodes { id } } }"),
    Gated("api_keys.manage", "query { apiKeys { nodes { id } } }"),
    Gated(
        "api_keys.manage",
        'mutation { createApiKey(input: {name: "k", scopes: ["members.read"]}) '
        "{ userErrors { code } } }",
    ),
    Gated(
        "api_keys.manage",
        "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { userErrors { code } } }",
        _fresh_key,
    ),
    Gated(
        "members.manage",
        "mutation($email: String!) { inviteMember(input: {email: $email, role: VIEWER}) "
        "{ userErrors { code } } }",
        _new_email,
    ),
    Gated(
        "members.manage",
        "mutation($id: ID!) { updateMemberRole(input: {id: $id, role: MAKER}) "
        "{ userErrors { code } } }",
        _fresh_member,
    ),
    Gated(
        "members.manage",
        "mutation($id: ID!) { removeMember(input: {id: $id}) { userErrors { code } } }",
        _fresh_member,
    ),
]


@pytest.fixture
async def team(client: httpx.AsyncClient) -> dict[Role, Account]:
    owner = await sign_up(client)
    members = {Role.OWNER: owner}
    for role in (Role.ADMIN, Role.MANAGER, Role.MAKER, Role.VIEWER):
        members[role] = await join_with_role(client, owner, role.name)
    return members


@pytest.mark.parametrize("operation", GATED, ids=lambda g: f"{g.field}:{g.permission}")
async def test_each_role_is_allowed_exactly_what_its_permissions_say(client, team, operation):
    outcomes = {}
    for role, member in team.items():
        variables = await operation.variables(client, team[Role.OWNER])
        body = await gql(client, operation.query, variables, member.token)
        allowed = operation.permission in ROLE_PERMISSIONS[role]
        if allowed:
            assert error_codes(body) == [], (role, body)
            assert body["data"][operation.field] is not None
            user_errors = body["data"][operation.field].get("userErrors", [])
            assert user_errors == [], (role, user_errors)
        else:
            assert error_codes(body) == ["FORBIDDEN"], (role, body)
            assert operation.permission in body["errors"][0]["message"]
        outcomes[role] = allowed
    assert outcomes[Role.OWNER]


def test_the_matrix_refuses_something_to_every_role_below_owner():
    for role in (Role.ADMIN, Role.MANAGER, Role.MAKER, Role.VIEWER):
        refused = [g for g in GATED if g.permission not in ROLE_PERMISSIONS[role]]
        assert refused or role is Role.ADMIN, role


async def test_an_api_key_is_limited_to_its_scopes(client):
    owner = await sign_up(client)
    key = await api_key(client, owner.token, ["members.read"])
    assert "errors" not in await gql(client, "{ members { nodes { id } } }", token=key)
    body = await gql(client, "{ apiKeys { nodes { id } } }", token=key)
    assert error_codes(body) == ["FORBIDDEN"]


async def test_api_keys_cannot_mint_api_keys_even_with_the_scope(client):
    owner = await sign_up(client)
    key = await api_key(client, owner.token, ["api_keys.manage"])
    body = await gql(
        client,
        'mutation { createApiKey(input: {name: "k", scopes: ["members.read"]}) { token } }',
        token=key,
    )
    assert error_codes(body) == ["FORBIDDEN"]
    listing = data(await gql(client, "{ apiKeys { nodes { id } } }", token=key))
    assert len(listing["apiKeys"]["nodes"]) == 1
