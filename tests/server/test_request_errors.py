"""A caller's mistake in a request (its body, a scalar value, a variable) is a 400 with
`BAD_REQUEST`, in the JSON error contract, changes nothing, and is logged at info: never
a 500, a masked internal error, or a hang."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import (
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    build_schema,
    get_named_type,
    is_composite_type,
)

from schema.root import export_schema
from tests.api_helpers import data, error_codes, gql, sign_up

pytestmark = pytest.mark.api

HOSTILE: dict[str, list[Any]] = {
    "Decimal": [
        "1e-999999999",
        "-1e-999999999",
        "1e999999999",
        "-1e999999999",
        "1E+19",
        "NaN",
        "sNaN",
        "Infinity",
        "-Infinity",
        "1" * 41,
        "0.0000000000000000001",
        "123456789012345678901234567890",
        "",
        "abc",
        "5,0",
        "1_000",
        "\u0661\u0662",
        1.5,
        True,
        [],
    ],
    "DateTime": [
        "2026-02-30T10:00:00Z",
        "2026-02-01T10:00:00",
        "yesterday",
        "0001-01-01T00:00:00+14:00",
        "9999-12-31T23:59:59-14:00",
        "2026-02-01T10:00:00Z" + " " * 100,
        12,
    ],
    "UnsignedInt64": ["-1", str(2**64), "1e3", "", " 1", "\u0661", -1, 1.5],
}


def _scalar_paths(
    type_: GraphQLInputType, path: tuple[str, ...], seen: frozenset[str]
) -> Iterator[tuple[tuple[str, ...], str, bool]]:
    """(path inside the argument, scalar name, whether the path passes a list) for every
    custom scalar reachable in an argument's type."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType) and named.name in HOSTILE:
        yield path, named.name, False
    elif isinstance(named, GraphQLInputObjectType) and named.name not in seen:
        for name, field in named.fields.items():
            for inner, scalar, _ in _scalar_paths(field.type, (*path, name), seen | {named.name}):
                yield inner, scalar, False


def _wrap(type_: GraphQLInputType, value: Any) -> Any:
    inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
    return [value] if isinstance(inner, GraphQLList) else value


def _cases() -> Iterator[tuple[str, str, tuple[str, ...], str]]:
    schema = build_schema(export_schema())
    for root in (schema.query_type, schema.mutation_type):
        assert root is not None
        for field_name, field in root.fields.items():
            for arg_name, arg in field.args.items():
                for path, scalar, _ in _scalar_paths(arg.type, (), frozenset()):
                    yield root.name, field_name, (arg_name, *path), scalar


CASES = sorted(set(_cases()))


def test_every_custom_scalar_input_is_covered():
    scalars = {scalar for *_, scalar in CASES}
    assert scalars == set(HOSTILE), scalars
    assert len(CASES) > 20


@pytest.mark.parametrize(("root", "field", "path", "scalar"), CASES)
async def test_hostile_scalar_values_are_bad_requests_naming_the_path(
    client, root, field, path, scalar
):
    schema = build_schema(export_schema())
    root_type = schema.query_type if root == "Query" else schema.mutation_type
    assert root_type is not None
    definition = root_type.fields[field]
    arg = definition.args[path[0]]
    # Every argument as a variable: the others are simply missing, which graphql-core
    # reports beside the hostile value's own error.
    declared = ", ".join(f"${name}: {a.type}" for name, a in definition.args.items())
    passed = ", ".join(f"{name}: ${name}" for name in definition.args)
    selection = "{ __typename }" if is_composite_type(get_named_type(definition.type)) else ""
    operation = "mutation" if root == "Mutation" else "query"
    query = f"{operation}({declared}) {{ {field}({passed}) {selection} }}"
    for value in HOSTILE[scalar]:
        variable: Any = value
        for name in reversed(path[1:]):
            variable = {name: variable}
        variables = {path[0]: _wrap(arg.type, variable)}
        response = await client.post("/graphql", json={"query": query, "variables": variables})
        assert response.status_code == 400, (value, response.text)
        body = response.json()
        assert "data" not in body
        assert set(error_codes(body)) == {"BAD_REQUEST"}, (value, body)
        named = path[-1] if len(path) > 1 else f"${path[0]}"
        assert any(
            named in error["message"] and "invalid value" in error["message"]
            for error in body["errors"]
        ), (value, body)


@pytest.mark.parametrize(
    ("literal", "expected"),
    [
        ('"1e-999999999"', "too precise"),
        ('"1e999999999"', "out of range"),
        ('"abc"', "not a decimal number"),
    ],
)
async def test_a_bad_literal_is_a_bad_request_with_its_location(client, literal, expected):
    owner = await sign_up(client)
    query = (
        'mutation { receiveInventory(input: {itemId: "x", quantity: {amount: "1", unit: "g"}, '
        f"unitCost: {literal}}}) {{ userErrors {{ code }} }} }}"
    )
    response = await client.post(
        "/graphql", json={"query": query}, headers={"Authorization": f"Bearer {owner.token}"}
    )
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert expected in error["message"]
    assert error["locations"]


DEEP = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize(
    "body",
    [
        b"null",
        b'"query"',
        b"42",
        b'{"query": "{ viewer { role } }", "variables": []}',
        b'{"query": "{ viewer { role } }", "operationName": 5}',
        b'{"query": "{ viewer { role } }", "extensions": "x"}',
        b'{"query": "\xff\xfe"}',
        b'{"query": "{ __typename }", "variables": {"a": ' + DEEP + b"}}",
        b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * 2000 + b"]" * 2000 + b"}}",
        b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * 40 + b"]" * 40 + b"}}",
        b'{"query": "{ __typename }", "variables": {"a": "nul\\u0000"}}',
        b'{"query": "{ __typename }", "variables": {"a": "\\ud800"}}',
        b'{"query": "{ __typename }", "variables": {"a": ' + b"9" * 5000 + b"}}",
    ],
    ids=[
        "null",
        "string",
        "number",
        "variables-list",
        "operation-name-number",
        "extensions-string",
        "invalid-utf8",
        "nested-100000",
        "nested-2000",
        "nested-40",
        "nul-in-variable",
        "lone-surrogate",
        "5000-digit-number",
    ],
)
async def test_malformed_bodies_are_json_bad_requests(client, body):
    response = await client.post(
        "/graphql", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert error_codes(response.json()) == ["BAD_REQUEST"]


@pytest.mark.parametrize(
    ("variables", "reason"),
    [
        ({"first": "10"}, "non-integer"),
        ({"first": 1.5}, "non-integer"),
        ({"first": 10**30}, "32-bit"),
        ({"first": 1e30}, "32-bit"),
    ],
)
async def test_int_variables_of_the_wrong_form_are_bad_requests(client, variables, reason):
    owner = await sign_up(client)
    query = "query($first: Int) { inventoryItems(first: $first) { nodes { id } } }"
    response = await client.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {owner.token}"},
    )
    assert response.status_code == 400, response.text
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert reason in error["message"]


async def test_unknown_enum_values_and_missing_fields_are_bad_requests(client):
    owner = await sign_up(client)
    enum = await gql(
        client,
        "query($t: [InventoryChangeType!]) { inventoryHistory(changeTypes: $t) { nodes { id } } }",
        {"t": ["NOPE"]},
        owner.token,
        expect_status=400,
    )
    missing = await gql(
        client,
        "mutation($i: ReceiveInventoryInput!) { receiveInventory(input: $i) { __typename } }",
        {"i": {"itemId": "x", "quantity": {"amount": "1"}}},
        owner.token,
        expect_status=400,
    )
    assert error_codes(enum) == error_codes(missing) == ["BAD_REQUEST"]
    assert "'NOPE'" in enum["errors"][0]["message"]
    assert "'unit'" in missing["errors"][0]["message"]


async def test_text_that_cannot_be_stored_is_refused_in_literals_too(client):
    owner = await sign_up(client)
    for text in ("nul \\u0000", "lone \\ud800"):
        query = 'query { inventoryHistory(reference: "' + text + '") { nodes { id } } }'
        body = await gql(client, query, token=owner.token, expect_status=400)
        assert error_codes(body) == ["BAD_REQUEST"]


async def test_the_largest_log_position_is_an_empty_page_not_a_fault(client):
    owner = await sign_up(client)
    body = await gql(
        client,
        "query($p: UnsignedInt64) { events(afterPosition: $p) { nodes { id } } }",
        {"p": str(2**64 - 1)},
        owner.token,
    )
    assert data(body) == {"events": {"nodes": []}}


async def test_caller_mistakes_are_logged_at_info_and_faults_stay_errors(client, caplog):
    caplog.set_level(logging.INFO, logger="batchtrack.graphql")
    await gql(client, "query($n: Int) { viewer(x: $n) { role } }", {"n": "x"}, expect_status=400)
    refusals = [r for r in caplog.records if r.name == "batchtrack.graphql"]
    assert refusals
    assert all(r.levelno == logging.INFO for r in refusals)
