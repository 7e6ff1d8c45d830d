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
statement is compiled once per caller and variables and kept (`prepare`; the callers keep
the PreparedAnswer): the row sources read nothing else. It then runs on the driver's
connection as it is, outside any transaction: one statement sees one snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql.execution.values import get_argument_values
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
    Env,
    ObjectPlan,
    Plan,
    RelationPlan,
    Scope,
    SqlObject,
    SqlRows,
    needed_columns,
    node_plans,
)
from resolvers.planned.sql_values import quoted
from services.ids import global_id_sql
from services.pagination import page_rows

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
class PreparedAnswer:
    """A plan's statement for one caller and variables, compiled for asyncpg."""

    sql: str
    parameters: tuple[Any, ...]


def prepare(plan: Plan, caller: Caller, dialect: Dialect) -> PreparedAnswer:
    # IN lists expanded now (SQLAlchemy would at each execution): the values are fixed.
    compiled = plan_statement(plan, caller).compile(
        dialect=dialect, compile_kwargs={"render_postcompile": True}
    )
    values = compiled.construct_params()
    # What SQLAlchemy would apply when executing: the types' bind processing.
    processors = compiled._bind_processors
    parameters = tuple(
        _processed(processors.get(name), values[name]) for name in compiled.positiontup or ()
    )
    return PreparedAnswer(compiled.string, parameters)


def _processed(processor: Any, value: Any) -> Any:
    return value if processor is None else processor(value)


async def fetch_answer(connection: AsyncConnection, prepared: PreparedAnswer) -> str:
    """The JSON of `data`, as PostgreSQL built it."""
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    assert driver is not None
    text: str = await driver.fetchval(prepared.sql, *prepared.parameters)
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
    return await fetch_answer(connection, prepared=prepare(plan, scope, connection.dialect))


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
