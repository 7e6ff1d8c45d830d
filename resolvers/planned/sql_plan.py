"""A plan run as one PostgreSQL statement that returns the whole JSON answer.

The row plan (plan.py) reads a level of the tree per statement and builds the answer in
Python; on PostgreSQL, when every field of a selection has an SQL form, the same plan
becomes one statement instead: each object a json_build_object of its fields, each
connection a json_agg over its page (with the row beyond the page telling whether more
follow), each relation a correlated subquery over the statement its service builds, so
tenancy, permissions and filters stay the services' own. Python then only checks the
arguments, sends one statement and relays the text.

Building the statement costs more than running it (R1: ~4 ms of CPU to build and compile,
~1 ms for PostgreSQL to run; SQLAlchemy constructs every subquery's columns), so a plan's
statement is compiled once per plan and *shape* (`statement_key`: the caller's permissions
and kind, and the variables with every truthy scalar replaced by its type) and kept
(`prepare`; the callers keep the PreparedAnswer). It is built for a symbolic caller: the
organization, the caller's ids and every truthy scalar variable are `services.bound.Bound`
values, bound parameters read from the request when the statement runs (`bind`), with the
conversions and checks the row sources gave them (`lift`: decode an ID, check a page size).
So a new item, variable set or caller costs no compile, the text is one per plan and
shape, and asyncpg prepares it once per connection (its statement cache). The plan's
history reach (services/billing/reach.py) is part of the caller's standing, which is in
the key: it changes once a day, so it stays in the statement, never a clock read there.
The statement runs on the driver's connection, outside any transaction: one statement
sees one snapshot.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Hashable
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from graphql.execution.values import VariableValues, get_argument_values
from sqlalchemy import FromClause, Select, Text, cast, false, func, literal_column, select, true
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from resolvers.planned.plan import (
    CONSTANT,
    RELATED,
    Caller,
    ConnectionPlan,
    ObjectPlan,
    Plan,
    RelationPlan,
    Scope,
    SqlRows,
    needed_columns,
    node_plans,
)
from resolvers.planned.sql_values import quoted
from schema.row_fields import Env, SqlObject
from services.bound import Bound
from services.ids import global_id_sql
from services.pagination import page_rows
from services.permissions import Principal

EMPTY_LIST: ColumnElement[Any] = literal_column("'[]'::json")
POSITION = "bt_position"  # the row's place in its page, named apart from model columns


class SqlRow:
    """A row of a FROM clause as the field functions see rows: columns by attribute
    (column names never start with an underscore, so `_from` cannot hide one)."""

    __slots__ = ("_from",)

    def __init__(self, source: FromClause) -> None:
        self._from = source

    def __getattr__(self, name: str) -> Any:
        return self._from.c[name]


@dataclass(frozen=True)
class Request:
    """What bound values are read from when a statement runs: the caller and the coerced
    variables."""

    principal: Principal | None
    variables: dict[str, Any]


Parameter = Callable[[Request], Any]


@dataclass(frozen=True)
class PreparedAnswer:
    """A plan's statement for one shape of caller and variables, compiled for asyncpg,
    with how each parameter is read from a request."""

    sql: str
    parameters: tuple[Parameter, ...]

    def bind(self, request: Request) -> list[Any]:
        """The parameters' values; a value the request gets wrong (a malformed ID, a page
        too large) raises the service's UserInputError here."""
        return [parameter(request) for parameter in self.parameters]


def statement_key(caller: Caller) -> Hashable:
    """What a plan's statement depends on beyond the plan: callers and variables with the
    same key share one statement."""
    principal = caller.principal
    acting = None
    if principal is not None:
        acting = (
            principal.permissions,
            principal.role,
            principal.user_id is None,
            principal.session_id is None,
            principal.api_key_id is None,
            principal.standing,
        )
    return acting, _shape(caller.variables.coerced)


def _shape(value: Any) -> Hashable:
    if isinstance(value, dict):
        return tuple((name, _shape(given)) for name, given in value.items())
    if isinstance(value, list):
        return ("[", *(_shape(given) for given in value))
    if _kept(value):
        return typing.cast(Hashable, value)
    return type(value).__name__


def _kept(value: Any) -> bool:
    """Values that stay in the statement (they choose its shape): null, booleans, enum
    members and falsy values (`if filters.search:`); everything else is bound."""
    return value is None or isinstance(value, bool | Enum) or not value


def _symbolic(value: Any, get: Parameter) -> Any:
    if isinstance(value, dict):
        return {name: _symbolic(given, _item(get, name)) for name, given in value.items()}
    if isinstance(value, list):
        return [_symbolic(given, _item(get, index)) for index, given in enumerate(value)]
    return value if _kept(value) else Bound(get)


def _item(get: Parameter, key: Any) -> Parameter:
    return lambda request: get(request)[key]


def symbolic_caller(caller: Caller) -> Caller:
    """The caller as statements are built for it: the organization, the caller's ids and
    the variables that `statement_key` does not keep are Bound values."""
    principal = caller.principal
    if principal is not None:
        principal = replace(
            principal,
            organization_id=typing.cast(
                int, Bound(lambda request: _acting(request).organization_id)
            ),
            user_id=_bound_id(principal.user_id, lambda request: _acting(request).user_id),
            session_id=_bound_id(principal.session_id, lambda r: _acting(r).session_id),
            api_key_id=_bound_id(principal.api_key_id, lambda r: _acting(r).api_key_id),
        )
    coerced = _symbolic(caller.variables.coerced, lambda request: request.variables)
    return Caller(principal, VariableValues(caller.variables.sources, coerced))


def _acting(request: Request) -> Principal:
    assert request.principal is not None  # the statement was built for a principal
    return request.principal


def _bound_id(given: int | None, get: Parameter) -> int | None:
    return None if given is None else typing.cast(int, Bound(get))


def prepare(plan: Plan, caller: Caller, dialect: Dialect) -> PreparedAnswer:
    """The plan's statement for callers and variables of `caller`'s shape."""
    compiled = plan_statement(plan, symbolic_caller(caller)).compile(
        dialect=dialect, compile_kwargs={"render_postcompile": True}
    )
    values = compiled.construct_params()
    # What SQLAlchemy would apply when executing: the types' bind processing.
    processors = compiled._bind_processors
    parameters = tuple(
        _parameter(processors.get(name), values[name]) for name in compiled.positiontup or ()
    )
    return PreparedAnswer(compiled.string, parameters)


def _parameter(processor: Any, value: Any) -> Parameter:
    if isinstance(value, Bound):
        get = value.get
        if processor is None:
            return get
        return lambda request: processor(get(request))
    fixed = value if processor is None else processor(value)
    return lambda request: fixed


async def fetch_answer(
    connection: AsyncConnection, prepared: PreparedAnswer, request: Request
) -> str:
    """The JSON of `data`, as PostgreSQL built it."""
    raw = await connection.get_raw_connection()
    assert raw.driver_connection is not None
    return await fetch_answer_on(raw.driver_connection, prepared, request)


async def fetch_answer_on(driver: Any, prepared: PreparedAnswer, request: Request) -> str:
    """The JSON of `data` on the driver's (asyncpg's) own connection."""
    text: str = await driver.fetchval(prepared.sql, *prepared.bind(request))
    return text


def plan_statement(plan: Plan, scope: Caller) -> Select[Any]:
    pairs: list[Any] = []
    for key, root, definition, node, child in plan.roots:
        assert root.rows is not None
        assert root.sql_env is not None
        args = get_argument_values(definition, node, scope.variables)
        rows = root.rows(scope, args, needed_columns(child))
        pairs += [quoted(key), _answer(child, scope, rows, root.sql_env(scope), None)]
    # As text: the driver would decode json with the standard library, orjson is faster.
    return select(cast(func.json_build_object(*pairs), Text))


async def run_sql(plan: Plan, scope: Scope) -> str:
    """The plan run as one statement on the scope's session's connection: the JSON text of
    `data`, as PostgreSQL built it."""
    connection = await scope.session.connection()
    prepared = prepare(plan, scope, connection.dialect)
    return await fetch_answer(
        connection, prepared, Request(scope.principal, scope.variables.coerced)
    )


def _answer(
    child: ObjectPlan | ConnectionPlan,
    scope: Caller,
    rows: SqlRows,
    env: Env,
    parent: FromClause | None,
    many: bool = False,
) -> Any:
    statement = rows.statement if parent is None else rows.statement.correlate(parent)
    if isinstance(child, ConnectionPlan):
        return _connection(child, scope, rows, statement, env)
    found = statement.subquery()
    answer = _object(child, scope, found, env)
    if many:
        listed = func.json_agg(aggregate_order_by(answer, found.c[rows.key.key]))
        return _over(found, func.coalesce(listed, EMPTY_LIST))
    return _over(found, answer)


def _object(plan: ObjectPlan, scope: Caller, source: FromClause, env: Env) -> Any:
    row = SqlRow(source)
    if plan.env is not None:
        env = plan.env(row, env)
    pairs: list[Any] = []
    for key, kind, part in plan.entries:
        if kind == RELATED:
            value = _relation(plan.relations[part], scope, row, env)
        elif kind == CONSTANT:
            value = quoted(part)
        else:
            value = plan.sql[key](row, env)
        pairs += [quoted(key), value]
    return func.json_build_object(*pairs)


def _relation(relation: RelationPlan, scope: Caller, row: SqlRow, env: Env) -> Any:
    declared = relation.relation
    assert declared.rows is not None
    args = get_argument_values(relation.definition, relation.node, scope.variables)
    rows = declared.rows(scope, row, args, needed_columns(relation.child))
    env = declared.child_env(row, env)
    return _answer(relation.child, scope, rows, env, row._from, declared.many)


def _connection(
    plan: ConnectionPlan, scope: Caller, rows: SqlRows, statement: Select[Any], env: Env
) -> Any:
    request = rows.page
    assert request is not None
    size = request.size()
    paged = page_rows(statement, rows.key, request).subquery()
    key = paged.c[rows.key.key]
    order = key.desc() if request.backwards else key.asc()
    numbered = select(paged, func.row_number().over(order_by=order).label(POSITION)).subquery()
    numbered_key = numbered.c[rows.key.key]
    in_page = numbered.c[POSITION] <= size

    def aggregate(element: Any) -> Any:
        ordered = func.json_agg(aggregate_order_by(element, numbered_key.asc()))
        return func.coalesce(ordered.filter(in_page), EMPTY_LIST)

    def page_info() -> SqlObject:
        has_more = func.count() > size
        return SqlObject(
            {
                "has_next_page": _bool(request.has_next_page(has_more)),
                "has_previous_page": _bool(request.has_previous_page(has_more)),
                "start_cursor": global_id_sql("cursor", func.min(numbered_key).filter(in_page)),
                "end_cursor": global_id_sql("cursor", func.max(numbered_key).filter(in_page)),
            }
        )

    built = {id(node): _object(node, scope, numbered, env) for node in node_plans(plan)}
    pairs: list[Any] = []
    for key_name, what, part in plan.entries:
        if what == "nodes":
            value = aggregate(built[id(part)])
        elif what == "edges":
            value = aggregate(_edge(part, built, numbered_key))
        elif what == "pageInfo":
            value = plan.sql[key_name](page_info())
        else:
            value = quoted(part)
        pairs += [quoted(key_name), value]
    return _over(numbered, func.json_build_object(*pairs))


def _over(source: FromClause, answer: Any) -> Any:
    # Values may read any enclosing level's row (a lot's unit is its item's): everything
    # but `source` comes from the enclosing statements.
    return select(answer).select_from(source).correlate_except(source).scalar_subquery()


def _edge(entries: list[tuple[str, str, Any]], built: dict[int, Any], key: Any) -> Any:
    pairs: list[Any] = []
    for name, what, part in entries:
        if what == "node":
            value = built[id(part)]
        elif what == "cursor":
            value = global_id_sql("cursor", key)
        else:
            value = quoted(part)
        pairs += [quoted(name), value]
    return func.json_build_object(*pairs)


def _bool(value: Any) -> Any:
    if isinstance(value, bool):
        return true() if value else false()
    return value
