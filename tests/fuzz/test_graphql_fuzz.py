"""Schemathesis over /graphql on a live server: every query and mutation, generated from
schema/schema.graphql with hostile values for our scalars, sent as the owner and as a
read-only API key, as literals, as variables and with one variable made hostile.

A fixed seed keeps each run comparable; a random one (printed with the failures, replayed
with FUZZ_SEED=<n>) widens it. FUZZ_EXAMPLES=<n> (default 2 per operation and seed) runs
deeper."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import graphql
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.core.result import Ok

from tests.fuzz.conftest import FIXED_SEED, Workshop, random_seed
from tests.fuzz.harness import (
    Fuzzer,
    Principal,
    as_variables,
    expect_no_findings,
    graphql_body,
    positions,
    replaced,
)
from tests.fuzz.hostile import (
    HANGING_DECIMALS,
    HOSTILE_DATETIMES,
    HOSTILE_DECIMALS,
    HOSTILE_UNSIGNED_INTS,
    HOSTILE_UNSIGNED_STRINGS,
    HOSTILE_VARIABLE_VALUES,
    SHARP_DATETIMES,
    SHARP_DECIMALS,
    datetime_nodes,
    decimal_nodes,
    json_nodes,
    unsigned_int64_nodes,
)
from tests.fuzz.live_server import LiveServer

pytestmark = pytest.mark.fuzz

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema" / "schema.graphql"
EXAMPLES_PER_OPERATION = int(os.environ.get("FUZZ_EXAMPLES", "2"))
# logOut would end the owner's session for the rest of the run.
SKIPPED = {"owner": {"Mutation.logOut"}, "read-only key": set()}

# How a generated document is sent: as written (literals), with the root field's arguments
# as variables, or as variables with one value (at any depth) replaced by a hostile one.
LITERALS = "literals"
VARIABLES = "variables"
Plan = str | tuple[int, Any]  # the tuple: which place to replace, and by what
PLANS: st.SearchStrategy[Plan] = st.one_of(
    st.just(LITERALS),
    st.just(VARIABLES),
    st.tuples(st.integers(0, 10_000), st.sampled_from(HOSTILE_VARIABLE_VALUES)),
)


def register_scalars() -> None:
    schemathesis.graphql.scalar("Decimal", decimal_nodes(include_hanging=True))
    schemathesis.graphql.scalar("DateTime", datetime_nodes())
    schemathesis.graphql.scalar("UnsignedInt64", unsigned_int64_nodes())
    schemathesis.graphql.scalar("JSON", json_nodes())


def request_body(document: str, plan: Plan, schema: graphql.GraphQLSchema) -> bytes:
    if plan == LITERALS:
        return graphql_body(document)
    query, variables = as_variables(document, schema)
    if isinstance(plan, str) or not variables:
        return graphql_body(query, variables)
    choice, hostile = plan
    places = [(name, *path) for name, value in variables.items() for path in positions(value, ())]
    return graphql_body(query, replaced(variables, places[choice % len(places)], hostile))


def fuzz_operations(
    fuzzer: Fuzzer, principals: tuple[Principal, ...], seed: int, examples: int
) -> None:
    api = schemathesis.graphql.from_path(SCHEMA_FILE)
    client_schema = graphql.build_schema(SCHEMA_FILE.read_text())
    for result in api.get_all_operations():
        assert isinstance(result, Ok), result
        operation = result.ok()
        positive = operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
        negative = operation.as_strategy(generation_mode=GenerationMode.NEGATIVE)

        cases = st.one_of(positive, positive, negative)
        run = fuzz_one(fuzzer, principals, operation.label, cases, client_schema)
        hypothesis_seed(seed)(settings(max_examples=examples, **HYPOTHESIS)(run))()


HYPOTHESIS: dict[str, Any] = {
    "database": None,
    "deadline": None,
    "phases": [Phase.generate],
    "suppress_health_check": list(HealthCheck),
}


def fuzz_one(
    fuzzer: Fuzzer,
    principals: tuple[Principal, ...],
    label: str,
    cases: st.SearchStrategy[schemathesis.Case[Any]],
    client_schema: graphql.GraphQLSchema,
) -> Any:
    @given(case=cases, plan=PLANS)
    def run(case: schemathesis.Case[Any], plan: Plan) -> None:
        assert isinstance(case.body, str)
        body = request_body(case.body, plan, client_schema)
        for principal in principals:
            if label not in SKIPPED[principal.name]:
                fuzzer.send(label, principal, body)

    return run


# Operations that take each scalar, written with a real item so that a hostile value gets
# past the lookups into the services' arithmetic and queries, where generated documents
# (random IDs) rarely go. $v is the hostile value, $item the workshop's item; QUANTITY and
# ERRORS stand for the parts the documents share.
_SHARED = {"QUANTITY": '{amount: $v, unit: "g"}', "ERRORS": "userErrors { code }"}
_DOCUMENTS = {
    "Decimal": [
        'query($v: Decimal!, $item: ID) { convertQuantity(quantity: QUANTITY, toUnit: "kg", '
        "itemId: $item) { exact quantity { amount } ERRORS } }",
        "mutation($v: Decimal!, $item: ID!) { receiveInventory(input: {itemId: $item, "
        'quantity: QUANTITY, unitCost: "0.01"}) { lot { id } ERRORS } }',
        "mutation($v: Decimal, $item: ID!) { receiveInventory(input: {itemId: $item, "
        'quantity: {amount: "1", unit: "g"}, totalCost: $v}) { lot { id } ERRORS } }',
        "mutation($v: Decimal!, $item: ID!) { adjustInventory(input: {itemId: $item, "
        "changeType: USE, quantity: QUANTITY}) { inventoryItem { id } ERRORS } }",
        "mutation($v: Decimal!, $item: ID!) { adjustInventory(input: {itemId: $item, "
        "changeType: COST_OVERRIDE, unitCost: $v}) { inventoryItem { id } ERRORS } }",
        "mutation($v: Decimal!, $item: ID!) { adjustInventory(input: {itemId: $item, "
        'changeType: RESTOCK, quantity: {amount: "1", unit: "g"}, unitCost: $v}) '
        "{ inventoryItem { id } ERRORS } }",
        "mutation($v: Decimal, $item: ID!) { setItemDensity(input: {itemId: $item, "
        "density: $v}) { inventoryItem { id } ERRORS } }",
        "mutation($v: Decimal, $item: ID!) { updateInventoryItem(input: {id: $item, "
        "lowStockThreshold: $v}) { inventoryItem { lowStockThreshold { amount } } ERRORS } }",
        "mutation($v: Decimal!, $item: ID!) { reserveInventory(input: {itemId: $item, "
        'quantity: QUANTITY, orderReference: "fuzz"}) { reservation { id } ERRORS } }',
        'mutation($v: Decimal!) { createCustomUnit(input: {name: "fuzz", '
        "definedAs: QUANTITY}) { customUnit { id } ERRORS } }",
    ],
    "DateTime": [
        "query($v: DateTime, $item: ID) { inventoryLots(itemId: $item, expiresBefore: $v) "
        "{ nodes { id } } }",
        "query($v: DateTime!, $item: ID!) { effectiveCost(itemId: $item, from: $v, "
        'to: "2030-01-01T00:00:00Z") { spent { amount } } }',
        "mutation($v: DateTime, $item: ID!) { receiveInventory(input: {itemId: $item, "
        'quantity: {amount: "1", unit: "g"}, expiresAt: $v}) { lot { id } ERRORS } }',
    ],
    "UnsignedInt64": [
        "query($v: UnsignedInt64, $item: ID) { events(afterPosition: $v, entityId: $item) "
        "{ nodes { position } } }",
    ],
}
TARGETED: dict[str, list[str]] = {
    scalar: [
        re.sub("QUANTITY|ERRORS", lambda part: _SHARED[part.group(0)], document)
        for document in documents
    ]
    for scalar, documents in _DOCUMENTS.items()
}


def targeted_values() -> dict[str, tuple[list[Any], list[Any]]]:
    """Per scalar: every hostile value (for its first operation), and the ones most likely
    to break arithmetic, storage or formatting (for the others, to keep the run short)."""
    hanging = list(HANGING_DECIMALS)
    return {
        "Decimal": (
            [*HOSTILE_DECIMALS, *hanging, 10**30, -1, 1.5],
            [*SHARP_DECIMALS, *hanging],
        ),
        "DateTime": ([*HOSTILE_DATETIMES, 0], list(SHARP_DATETIMES)),
        "UnsignedInt64": ([*HOSTILE_UNSIGNED_STRINGS, *HOSTILE_UNSIGNED_INTS], []),
    }


def as_literal(document: str, value: Any) -> str | None:
    """The document with $v written in place (strings only: that is how the scalars are
    written), so the literal path is taken too."""
    if not isinstance(value, str):
        return None
    literal = graphql.print_ast(graphql.StringValueNode(value=value))
    return re.sub(r"\$v: \w+!?(, )?", "", document).replace("$v", literal).replace("()", "")


def fuzz_scalars_in_place(fuzzer: Fuzzer, workshop: Workshop) -> None:
    """Every hostile value of each scalar, as a variable of each operation above (and as a
    literal of the first): deterministic, and deep into the services."""
    for scalar, (every, sharp) in targeted_values().items():
        for number, document in enumerate(TARGETED[scalar]):
            operation = re.search(r"\{ (\w+)\(", document)
            label = f"{scalar} in {operation.group(1) if operation else document[:30]}"
            item = {"item": workshop.item_id} if "$item" in document else {}
            for value in every if number == 0 else sharp:
                fuzzer.send(label, workshop.owner, graphql_body(document, {"v": value, **item}))
                literal = as_literal(document, value) if number == 0 else None
                if literal is not None:
                    fuzzer.send(label, workshop.owner, graphql_body(literal, item))


def test_every_operation_survives_hostile_input(
    live_server: LiveServer, workshop: Workshop
) -> None:
    register_scalars()
    fuzzer = Fuzzer(live_server)
    seeds = [FIXED_SEED, random_seed()]
    principals = (workshop.owner, workshop.reader)
    started = time.monotonic()
    try:
        for seed in seeds:
            fuzz_operations(fuzzer, principals, seed, EXAMPLES_PER_OPERATION)
        fuzz_scalars_in_place(fuzzer, workshop)
    finally:
        fuzzer.close()
    title = (
        f"/graphql fuzzed with seeds {seeds} (replay the second with FUZZ_SEED={seeds[1]}) "
        f"and every hostile scalar value in place, {time.monotonic() - started:.0f} s"
    )
    print(fuzzer.report(title))
    expect_no_findings(fuzzer, title)
