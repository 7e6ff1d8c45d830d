"""The cross-tenant matrix: every operation that takes an ID, called by another
organization with an ID of ours, answers exactly as for an ID that does not exist, and
changes nothing. A new domain adds its ID-taking operations to MATRIX."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from resolvers.ids import parse_global_id, to_global_id
from tests.api_helpers import Account, api_key, data, gql, join_with_role, sign_up

pytestmark = [pytest.mark.api, pytest.mark.auth]

MakeTarget = Callable[[httpx.AsyncClient, Account], Awaitable[str]]


async def _api_key_id(client: httpx.AsyncClient, owner: Account) -> str:
    await api_key(client, owner.token, ["members.read"])
    keys = data(await gql(client, "{ apiKeys(last: 1) { nodes { id } } }", token=owner.token))
    key_id: str = keys["apiKeys"]["nodes"][0]["id"]
    return key_id


async def _member_id(client: httpx.AsyncClient, owner: Account) -> str:
    await join_with_role(client, owner, "MAKER")
    members = data(await gql(client, "{ members(last: 1) { nodes { id } } }", token=owner.token))
    member_id: str = members["members"]["nodes"][0]["id"]
    return member_id


async def _organization_id(client: httpx.AsyncClient, owner: Account) -> str:
    return owner.organization_id


@dataclass(frozen=True)
class IdOperation:
    name: str
    make_target: MakeTarget
    query: str
    variables: Callable[[str], dict[str, Any]]


MATRIX = [
    IdOperation(
        "node(ApiKey)", _api_key_id, "query($id: ID!) { node(id: $id) { id } }", lambda i: {"id": i}
    ),
    IdOperation(
        "node(Member)", _member_id, "query($id: ID!) { node(id: $id) { id } }", lambda i: {"id": i}
    ),
    IdOperation(
        "node(Organization)",
        _organization_id,
        "query($id: ID!) { node(id: $id) { id } }",
        lambda i: {"id": i},
    ),
    IdOperation(
        "nodes", _api_key_id, "query($id: ID!) { nodes(ids: [$id]) { id } }", lambda i: {"id": i}
    ),
    IdOperation(
        "revokeApiKey",
        _api_key_id,
        "mutation($id: ID!) { revokeApiKey(input: {id: $id}) "
        "{ apiKey { id revokedAt } userErrors { field message code } } }",
        lambda i: {"id": i},
    ),
    IdOperation(
        "updateMemberRole",
        _member_id,
        "mutation($id: ID!) { updateMemberRole(input: {id: $id, role: VIEWER}) "
        "{ member { id role } userErrors { field message code } } }",
        lambda i: {"id": i},
    ),
    IdOperation(
        "removeMember",
        _member_id,
        "mutation($id: ID!) { removeMember(input: {id: $id}) "
        "{ removedMemberId userErrors { field message code } } }",
        lambda i: {"id": i},
    ),
]


def _missing_like(global_id: str) -> str:
    parsed = parse_global_id(global_id)
    assert parsed is not None
    return to_global_id(parsed[0], 987_654_321)


def _normalised(body: dict[str, Any], global_id: str) -> str:
    """The whole response but the caller's remaining throttle budget, which moves with time."""
    body = json.loads(json.dumps(body))
    body.get("extensions", {}).get("cost", {}).pop("throttleStatus", None)
    return json.dumps(body, sort_keys=True).replace(global_id, "<ID>")


SNAPSHOT = """{ apiKeys { nodes { id revokedAt } } members { nodes { id role } }
  viewer { organization { id name } } }"""


@pytest.mark.parametrize("operation", MATRIX, ids=lambda op: op.name)
async def test_another_organizations_id_behaves_as_if_it_did_not_exist(client, operation):
    theirs = await sign_up(client, "Theirs")
    ours = await sign_up(client, "Ours")
    target = await operation.make_target(client, theirs)
    before = data(await gql(client, SNAPSHOT, token=theirs.token))

    foreign = await gql(client, operation.query, operation.variables(target), ours.token)
    missing_id = _missing_like(target)
    missing = await gql(client, operation.query, operation.variables(missing_id), ours.token)

    assert _normalised(foreign, target) == _normalised(missing, missing_id)
    assert target not in json.dumps(foreign)
    assert data(await gql(client, SNAPSHOT, token=theirs.token)) == before


async def test_logging_in_to_an_organization_you_do_not_belong_to_is_not_found(client):
    theirs = await sign_up(client, "Theirs")
    ours = await sign_up(client, "Ours")
    query = """mutation($input: LogInInput!) { logIn(input: $input) {
        token userErrors { field message code } } }"""
    from tests.api_helpers import PASSWORD

    def attempt(organization_id: str) -> dict[str, Any]:
        return {
            "input": {"email": ours.email, "password": PASSWORD, "organizationId": organization_id}
        }

    foreign = await gql(client, query, attempt(theirs.organization_id))
    missing_id = _missing_like(theirs.organization_id)
    missing = await gql(client, query, attempt(missing_id))
    assert _normalised(foreign, theirs.organization_id) == _normalised(missing, missing_id)
    assert data(foreign)["logIn"]["userErrors"][0]["code"] == "NOT_FOUND"


async def test_lists_show_only_the_callers_organization(client):
    theirs = await sign_up(client, "Theirs")
    ours = await sign_up(client, "Ours")
    await api_key(client, theirs.token, ["members.read"])
    await join_with_role(client, theirs, "ADMIN")
    listing = data(
        await gql(
            client,
            "{ apiKeys { nodes { id } } members { nodes { user { email } } } }",
            token=ours.token,
        )
    )
    assert listing["apiKeys"]["nodes"] == []
    assert [m["user"]["email"] for m in listing["members"]["nodes"]] == [ours.email]
