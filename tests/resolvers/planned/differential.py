"""Both executors side by side: the standard answer, the planned one and (PostgreSQL) the
plan run as one statement, for the differential tests of each domain's catalog."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any

import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, print_ast

from resolvers.context import Context
from resolvers.planned.catalog import CATALOG
from resolvers.planned.compiler import compile_plan
from resolvers.planned.plan import Scope
from resolvers.planned.sql_plan import (
    PreparedAnswer,
    Request,
    fetch_answer,
    prepare,
    run_sql,
    statement_key,
)
from schema.root import build_schema
from server.cost import actual_cost, objects_in_answer_text
from services.db import unit_of_work
from services.errors import ServiceError
from services.permissions import Principal
from tests.services.accounts.givens import Sessions

SCHEMA = build_schema()
ROOT = Path(__file__).resolve().parents[3]


def on_postgresql(sessions: Sessions) -> bool:
    return bool(sessions.kw["bind"].dialect.name == "postgresql")


IN_SQL: list[str] = []  # the queries also answered as one statement
# Statements by query and shape, shared by every test as the server shares them: a query
# asked again with other variables or by another caller reuses the first one's statement,
# so each answer also holds the bound parameters to the standard executor's.
STATEMENTS: dict[tuple[str, Hashable], PreparedAnswer] = {}


async def both(
    sessions: Sessions, principal: Principal, query: str, variables: dict[str, Any] | None = None
) -> tuple[Any, Any]:
    """The standard answer and the planned one; on PostgreSQL, a plan with SQL forms for
    all its fields is also run as one statement, which must answer the same."""
    standard = await SCHEMA.execute(
        query, variable_values=variables, context_value=Context(sessions, principal)
    )
    assert not standard.errors, standard.errors
    plan = compile_plan(SCHEMA._schema, CATALOG, parse(query), None)
    async with unit_of_work(sessions, write=False) as session:
        planned = await plan.run(Scope(session, principal, plan.variables(variables)))
    if plan.sql_ready and on_postgresql(sessions):
        caller = Scope(session, principal, plan.variables(variables))
        key = (query, statement_key(caller))
        async with sessions.kw["bind"].connect() as connection:
            if key not in STATEMENTS:
                STATEMENTS[key] = prepare(plan, caller, connection.dialect)
            request = Request(principal, caller.variables.coerced)
            text = await fetch_answer(connection, STATEMENTS[key], request)
        assert json.dumps(json.loads(text)) == json.dumps(standard.data), query
        # the cost of an answer relayed as text is counted on the text
        assert objects_in_answer_text(text) == actual_cost(standard.data, is_mutation=False)
        IN_SQL.append(query)
    return json.dumps(standard.data), json.dumps(planned)


async def answered_alike(
    sessions: Sessions,
    principals: list[Principal],
    corpus: list[tuple[str, dict[str, Any]]],
    bind: Callable[[dict[str, Any]], dict[str, Any]],
) -> int:
    """Every query of a domain's corpus, asked by each principal with its variables bound
    to the test's world, answered alike by both executors; returns how many answers also
    ran as one statement (PostgreSQL)."""
    IN_SQL.clear()
    for query, variables in corpus:
        for principal in principals:
            standard, planned = await both(sessions, principal, query, bind(variables))
            assert planned == standard, (query, variables)
    return len(IN_SQL)


async def refused_alike(
    sessions: Sessions, principal: Principal, query: str, variables: dict[str, Any] | None = None
) -> list[str]:
    """A query the standard executor answers with an error (a permission, a bad ID or
    cursor): the plan raises the service's error, by rows and (PostgreSQL) when its
    statement is built or its parameters bound, so the server leaves the request to the
    standard executor, which answers that error as always. Returns its error messages."""
    standard = await SCHEMA.execute(
        query, variable_values=variables, context_value=Context(sessions, principal)
    )
    assert standard.errors, standard.data
    plan = compile_plan(SCHEMA._schema, CATALOG, parse(query), None)
    async with unit_of_work(sessions, write=False) as session:
        with pytest.raises(ServiceError):
            await plan.run(Scope(session, principal, plan.variables(variables)))
        if plan.sql_ready and on_postgresql(sessions):
            with pytest.raises(ServiceError):
                await run_sql(plan, Scope(session, principal, plan.variables(variables)))
    return [error.message for error in standard.errors]


def sdk_operation(name: str) -> str:
    """The SDK's operation `name` with the fragments it spreads, as the SDKs send it."""
    document = parse((ROOT / "sdk" / "operations.graphql").read_text())
    texts = {
        definition.name.value: print_ast(definition)
        for definition in document.definitions
        if isinstance(definition, OperationDefinitionNode | FragmentDefinitionNode)
        and definition.name is not None
    }
    chosen = [texts[name]]
    spread: set[str] = set()
    while True:
        named = set(re.findall(r"\.\.\.(\w+)", "\n".join(chosen))) - spread
        if not named:
            return "\n".join(chosen)
        spread |= named
        chosen += [texts[fragment] for fragment in sorted(named)]
