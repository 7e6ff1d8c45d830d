"""Planned reads: a query's selection compiled once into a plan that reads only the columns
it needs, one statement per level of the tree, and builds the JSON answer directly.

graphql-core resolves a response field by field (an awaitable, a path and a completion per
value, ~2,300 values for a list of 50 items with 5 lots each), which costs more than the
database work. A plan does the same work once per *selection* instead: each field becomes
a function of a row, each relation one batched service call for all the rows of a level.

The compiler (compiler.py) builds plans; on PostgreSQL, a plan whose every field has an
SQL form runs as one statement that returns the JSON answer instead (sql_plan.py).

Plans cover the row types the catalogs declare (`resolvers/planned/catalog.py`); a query
touching anything else, or any failure while running one (a permission refused, a bad
argument), is answered by the standard executor instead, so errors keep their one shape.
The differential tests (tests/resolvers/planned/test_plan.py) hold both executors to the
same answers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLField,
    GraphQLSchema,
    OperationDefinitionNode,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

from resolvers.common import page_info
from resolvers.ids import to_cursor
from schema.row_fields import Env, Row, ValueField
from services.naming import camel_case, snake_case
from services.pagination import Page, PageRequest
from services.permissions import Principal

Json = Any
T = TypeVar("T")


class NotPlannable(Exception):
    """The selection uses something plans do not cover; the standard executor answers."""


class Caller:
    """Who asks, with which coerced variables: all that a plan's statements depend on."""

    def __init__(self, principal: Principal | None, variables: VariableValues) -> None:
        self.principal = principal
        self.variables = variables


class Scope(Caller):
    """One planned execution by rows: the caller and the read session."""

    def __init__(
        self, session: AsyncSession, principal: Principal | None, variables: VariableValues
    ) -> None:
        super().__init__(principal, variables)
        self.session = session
        self.memo: dict[str, Any] = {}


# A relation's loader: for each parent row, a Page of child rows (connections), a list of
# them (lists), or one row or None (single objects). Arguments come as graphql-core
# coerced them.
RelationLoader = Callable[
    [Scope, Sequence[Row], dict[str, Any], tuple[str, ...]], Awaitable[Sequence[Any]]
]


@dataclass(frozen=True)
class SqlRows:
    """A relation's or root's rows as a statement: for a connection, with its key column
    and page request; for a list, with the column it is ordered by; for a single object,
    the statement finds at most one row."""

    statement: Select[Any]
    key: Any = None
    page: PageRequest | None = None


# The SQL forms of the loaders: the statement of the child rows of one parent row (its
# columns as SQL), or of a root field's rows. Arguments and needed columns as for loaders.
# They read nothing but the caller and the arguments (no clock, no database): a plan's
# statement is reused for the same caller and variables (resolvers/planned/sql_plan.py).
RelationRows = Callable[[Caller, Row, dict[str, Any], tuple[str, ...]], SqlRows]
RootRows = Callable[[Caller, dict[str, Any], tuple[str, ...]], SqlRows]


@dataclass(frozen=True)
class RelationField:
    columns: tuple[str, ...]  # of the parent row
    target: str  # the GraphQL type of the child rows
    load: RelationLoader
    child_env: Callable[[Row, Env], Env]
    child_columns: tuple[str, ...] = ("id",)  # the loader needs these whatever is selected
    rows: RelationRows | None = None
    many: bool = False  # a list of rows (not a connection): `[RecipeLine!]!`


@dataclass(frozen=True)
class RowType:
    name: str
    fields: dict[str, ValueField | RelationField]
    # What a row's own values need from the row beyond its fields (a batch line's amounts
    # are in its item's unit, a column its statement adds): the row's Env from the one it
    # was given, reading `env_columns`. In SQL, the same of the row's SQL columns.
    env: Callable[[Row, Env], Env] | None = None
    env_columns: tuple[str, ...] = ()


def input_argument(args: dict[str, Any], name: str, input_type: type[T]) -> T | None:
    """An input object argument (coerced by graphql-core to a dict) as its strawberry type,
    for the mapping the standard resolver applies to it."""
    given = args.get(name)
    return None if given is None else input_type(**{snake_case(k): v for k, v in given.items()})


def by_graphql_name(table: dict[str, ValueField]) -> dict[str, ValueField | RelationField]:
    """A type's field table (by Python attribute name) by GraphQL field name."""
    return {camel_case(name): value for name, value in table.items()}


# A root field's loader: a Page of rows (connections), or one row or None.
RootLoader = Callable[[Scope, dict[str, Any], tuple[str, ...]], Awaitable[Any]]


@dataclass(frozen=True)
class RootField:
    target: str
    load: RootLoader
    env: Callable[[Scope], Awaitable[Env]]
    columns: tuple[str, ...] = ("id",)
    rows: RootRows | None = None
    sql_env: Callable[[Caller], Env] | None = None


@dataclass(frozen=True)
class Catalog:
    roots: dict[str, RootField]
    types: dict[str, RowType]


Completer = Callable[[Any], Json]
# The SQL counterpart: from a field's SQL value (an expression or SqlObject) to the SQL
# expression of its JSON answer (resolvers/planned/sql.py).
SqlCompleter = Callable[[Any], Any]


@dataclass
class ObjectPlan:
    """The selection on a row type: per response key, a value function, a relation
    result, or a constant (__typename). `sql` holds the values' SQL forms by response key;
    `sql_ready` tells whether the whole subtree has SQL forms."""

    columns: tuple[str, ...]
    entries: list[tuple[str, int, Any]]  # (key, kind, function | relation index | constant)
    relations: list[RelationPlan]
    sql: dict[str, Callable[[Row, Env], Any]] = field(default_factory=dict)
    sql_ready: bool = True
    env: Callable[[Row, Env], Env] | None = None  # the row type's own (RowType.env)


VALUE, RELATED, CONSTANT = 0, 1, 2
MAX_SQL_FIELDS = 50


@dataclass
class ConnectionPlan:
    """The selection on a connection: nodes, edges {cursor node}, pageInfo, __typename."""

    entries: list[tuple[str, str, Any]]  # (key, what, node plan | edge entries | completer)
    sql: dict[str, SqlCompleter] = field(default_factory=dict)  # pageInfo's SQL forms
    sql_ready: bool = True


@dataclass
class RelationPlan:
    relation: RelationField
    definition: GraphQLField
    node: FieldNode
    child: ObjectPlan | ConnectionPlan

    async def run(self, scope: Scope, rows: Sequence[Row], envs: Sequence[Env]) -> list[Json]:
        args = get_argument_values(self.definition, self.node, scope.variables)
        found = await self.relation.load(scope, rows, args, needed_columns(self.child))
        child_envs = [
            self.relation.child_env(row, env) for row, env in zip(rows, envs, strict=True)
        ]
        if isinstance(self.child, ConnectionPlan):
            return await run_pages(self.child, scope, found, child_envs)
        if self.relation.many:
            listed = [
                (row, env) for rows, env in zip(found, child_envs, strict=True) for row in rows
            ]
            each = iter(await run_rows(self.child, scope, *_unzip(listed)))
            return [[next(each) for _ in rows] for rows in found]
        present = [
            (row, env) for row, env in zip(found, child_envs, strict=True) if row is not None
        ]
        built = iter(await run_rows(self.child, scope, *_unzip(present)))
        return [None if row is None else next(built) for row in found]


def _unzip(pairs: Sequence[tuple[Row, Env]]) -> tuple[list[Row], list[Env]]:
    return [row for row, _ in pairs], [env for _, env in pairs]


def node_plans(plan: ConnectionPlan) -> list[ObjectPlan]:
    """The connection's distinct node selections (under nodes, and under edges.node)."""
    found: list[ObjectPlan] = []
    for _, what, part in plan.entries:
        if what == "nodes":
            found.append(part)
        elif what == "edges":
            found.extend(p for _, w, p in part if w == "node")
    return found


def needed_columns(child: ObjectPlan | ConnectionPlan) -> tuple[str, ...]:
    plans = [child] if isinstance(child, ObjectPlan) else node_plans(child)
    columns: list[str] = []
    for plan in plans:
        columns.extend(c for c in plan.columns if c not in columns)
    return tuple(columns) or ("id",)


async def run_rows(
    plan: ObjectPlan, scope: Scope, rows: Sequence[Row], envs: Sequence[Env]
) -> list[Json]:
    if plan.env is not None:
        row_env = plan.env
        envs = [row_env(row, env) for row, env in zip(rows, envs, strict=True)]
    related = [await relation.run(scope, rows, envs) for relation in plan.relations]
    built: list[Json] = []
    for index, (row, env) in enumerate(zip(rows, envs, strict=True)):
        answer: dict[str, Json] = {}
        for key, kind, part in plan.entries:
            if kind == VALUE:
                answer[key] = part(row, env)
            elif kind == RELATED:
                answer[key] = related[part][index]
            else:
                answer[key] = part
        built.append(answer)
    return built


async def run_pages(
    plan: ConnectionPlan, scope: Scope, pages: Sequence[Page[Row]], envs: Sequence[Env]
) -> list[Json]:
    rows = [row for page in pages for row in page.items]
    row_envs = [env for page, env in zip(pages, envs, strict=True) for _ in page.items]
    # Each node selection (nodes, edges.node) is built once for the rows of all pages.
    built = {
        id(node_plan): await run_rows(node_plan, scope, rows, row_envs)
        for node_plan in node_plans(plan)
    }
    answers: list[Json] = []
    start = 0
    for page in pages:
        end = start + len(page.items)
        answer: dict[str, Json] = {}
        for key, what, part in plan.entries:
            if what == "nodes":
                answer[key] = built[id(part)][start:end]
            elif what == "edges":
                answer[key] = [
                    _edge(part, built, position, page.keys[position - start])
                    for position in range(start, end)
                ]
            elif what == "pageInfo":
                answer[key] = part(page_info(page))
            else:
                answer[key] = part
        answers.append(answer)
        start = end
    return answers


def _edge(
    entries: list[tuple[str, str, Any]], built: dict[int, list[Json]], position: int, key: int
) -> Json:
    edge: dict[str, Json] = {}
    for name, what, part in entries:
        if what == "node":
            edge[name] = built[id(part)][position]
        elif what == "cursor":
            edge[name] = to_cursor(key)
        else:
            edge[name] = part
    return edge


@dataclass
class Plan:
    """A compiled query operation: its root fields, in response order."""

    document: DocumentNode
    operation: OperationDefinitionNode
    roots: list[tuple[str, RootField, GraphQLField, FieldNode, ObjectPlan | ConnectionPlan]]
    schema: GraphQLSchema = field(repr=False)

    @property
    def sql_ready(self) -> bool:
        """Whether the plan can run as one SQL statement (resolvers/planned/sql_plan.py)."""
        return all(
            root.rows is not None and root.sql_env is not None and child.sql_ready
            for _, root, _, _, child in self.roots
        )

    def variables(self, raw: dict[str, Any] | None) -> VariableValues:
        definitions = self.operation.variable_definitions or ()
        coerced = get_variable_values(self.schema, definitions, raw or {})
        if not isinstance(coerced, VariableValues):
            raise NotPlannable("variables do not coerce")
        return coerced

    async def run(self, scope: Scope) -> dict[str, Json]:
        data: dict[str, Json] = {}
        for key, root, definition, node, child in self.roots:
            args = get_argument_values(definition, node, scope.variables)
            found = await root.load(scope, args, needed_columns(child))
            env = await root.env(scope)
            if isinstance(child, ConnectionPlan):
                data[key] = (await run_pages(child, scope, [found], [env]))[0]
            elif found is None:
                data[key] = None
            else:
                data[key] = (await run_rows(child, scope, [found], [env]))[0]
        return data
