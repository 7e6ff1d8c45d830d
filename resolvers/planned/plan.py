"""Planned reads: a query's selection compiled once into a plan that reads only the columns
it needs, one statement per level of the tree, and builds the JSON answer directly.

graphql-core resolves a response field by field (an awaitable, a path and a completion per
value, ~2,300 values for a list of 50 items with 5 lots each), which costs more than the
database work. A plan does the same work once per *selection* instead: each field becomes
a function of a row, each relation one batched service call for all the rows of a level.

Plans cover the row types a catalog declares (`resolvers/planned/inventory.py`); a query
touching anything else, or any failure while running one (a permission refused, a bad
argument), is answered by the standard executor instead, so errors keep their one shape.
The differential tests (tests/resolvers/test_planned_reads.py) hold both executors to the
same answers.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)
from graphql.execution.values import VariableValues, get_argument_values, get_variable_values
from sqlalchemy.ext.asyncio import AsyncSession

from resolvers.common import page_info
from resolvers.ids import to_cursor
from services.pagination import Page
from services.permissions import Principal

Row = Any
Json = Any


class NotPlannable(Exception):
    """The selection uses something plans do not cover; the standard executor answers."""


@dataclass(frozen=True)
class Env:
    """What a row's values need beyond the row: the organization's currency and, for lots
    and ledger rows, their item's base unit."""

    currency: str
    unit: str = ""


class Scope:
    """One planned execution: the read session, the caller and the coerced variables."""

    def __init__(
        self, session: AsyncSession, principal: Principal | None, variables: VariableValues
    ) -> None:
        self.session = session
        self.principal = principal
        self.variables = variables
        self.memo: dict[str, Any] = {}


@dataclass(frozen=True)
class ValueField:
    """A field computed from its row: `value` returns the Python value the GraphQL type
    serializes (a scalar, an enum member or a value object such as Quantity)."""

    columns: tuple[str, ...]
    value: Callable[[Row, Env], Any]


# A relation's loader: for each parent row, a Page of child rows (connections) or one row
# or None (single objects). Arguments come as graphql-core coerced them.
RelationLoader = Callable[
    [Scope, Sequence[Row], dict[str, Any], tuple[str, ...]], Awaitable[Sequence[Any]]
]


@dataclass(frozen=True)
class RelationField:
    columns: tuple[str, ...]  # of the parent row
    target: str  # the GraphQL type of the child rows
    load: RelationLoader
    child_env: Callable[[Row, Env], Env]
    child_columns: tuple[str, ...] = ("id",)  # the loader needs these whatever is selected


@dataclass(frozen=True)
class RowType:
    name: str
    fields: dict[str, ValueField | RelationField]


# A root field's loader: a Page of rows (connections), or one row or None.
RootLoader = Callable[[Scope, dict[str, Any], tuple[str, ...]], Awaitable[Any]]


@dataclass(frozen=True)
class RootField:
    target: str
    load: RootLoader
    env: Callable[[Scope], Awaitable[Env]]
    columns: tuple[str, ...] = ("id",)


@dataclass(frozen=True)
class Catalog:
    roots: dict[str, RootField]
    types: dict[str, RowType]


Completer = Callable[[Any], Json]


def _leaf(serialize: Callable[[Any], Any]) -> Completer:
    return lambda value: None if value is None else serialize(value)


def _list(inner: Completer) -> Completer:
    return lambda value: None if value is None else [inner(item) for item in value]


def _named(output: GraphQLOutputType) -> tuple[GraphQLOutputType, bool]:
    """The type without NonNull, and whether it is a list."""
    if isinstance(output, GraphQLNonNull):
        output = output.of_type
    return output, isinstance(output, GraphQLList)


def _element(output: Any) -> Any:
    """The named type inside any NonNull and List wrappers."""
    while isinstance(output, GraphQLNonNull | GraphQLList):
        output = output.of_type
    return output


@dataclass
class ObjectPlan:
    """The selection on a row type: per response key, a value function, a relation
    result, or a constant (__typename)."""

    columns: tuple[str, ...]
    entries: list[tuple[str, int, Any]]  # (key, kind, function | relation index | constant)
    relations: list[RelationPlan]


VALUE, RELATED, CONSTANT = 0, 1, 2


@dataclass
class ConnectionPlan:
    """The selection on a connection: nodes, edges {cursor node}, pageInfo, __typename."""

    entries: list[tuple[str, str, Any]]  # (key, what, node plan | edge entries | completer)


@dataclass
class RelationPlan:
    relation: RelationField
    definition: GraphQLField
    node: FieldNode
    child: ObjectPlan | ConnectionPlan

    async def run(self, scope: Scope, rows: Sequence[Row], envs: Sequence[Env]) -> list[Json]:
        args = get_argument_values(self.definition, self.node, scope.variables)
        found = await self.relation.load(scope, rows, args, _needed(self.child))
        child_envs = [
            self.relation.child_env(row, env) for row, env in zip(rows, envs, strict=True)
        ]
        if isinstance(self.child, ConnectionPlan):
            return await run_pages(self.child, scope, found, child_envs)
        present = [
            (row, env) for row, env in zip(found, child_envs, strict=True) if row is not None
        ]
        built = iter(await run_rows(self.child, scope, *_unzip(present)))
        return [None if row is None else next(built) for row in found]


def _unzip(pairs: Sequence[tuple[Row, Env]]) -> tuple[list[Row], list[Env]]:
    return [row for row, _ in pairs], [env for _, env in pairs]


def _node_plans(plan: ConnectionPlan) -> list[ObjectPlan]:
    """The connection's distinct node selections (under nodes, and under edges.node)."""
    found: list[ObjectPlan] = []
    for _, what, part in plan.entries:
        if what == "nodes":
            found.append(part)
        elif what == "edges":
            found.extend(p for _, w, p in part if w == "node")
    return found


def _needed(child: ObjectPlan | ConnectionPlan) -> tuple[str, ...]:
    plans = [child] if isinstance(child, ObjectPlan) else _node_plans(child)
    columns: list[str] = []
    for plan in plans:
        columns.extend(c for c in plan.columns if c not in columns)
    return tuple(columns) or ("id",)


async def run_rows(
    plan: ObjectPlan, scope: Scope, rows: Sequence[Row], envs: Sequence[Env]
) -> list[Json]:
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
        for node_plan in _node_plans(plan)
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
            found = await root.load(scope, args, _needed(child))
            env = await root.env(scope)
            if isinstance(child, ConnectionPlan):
                data[key] = (await run_pages(child, scope, [found], [env]))[0]
            elif found is None:
                data[key] = None
            else:
                data[key] = (await run_rows(child, scope, [found], [env]))[0]
        return data


class Compiler:
    """Turns a validated operation into a Plan, or raises NotPlannable."""

    def __init__(self, schema: GraphQLSchema, catalog: Catalog, document: DocumentNode) -> None:
        self.schema = schema
        self.catalog = catalog
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }

    def compile(self, document: DocumentNode, operation: OperationDefinitionNode) -> Plan:
        if operation.operation != OperationType.QUERY or operation.directives:
            raise NotPlannable("only queries without directives")
        query = self.schema.query_type
        assert query is not None
        roots = []
        for key, nodes in self.collect(query, operation.selection_set).items():
            node = nodes[0]
            root = self.catalog.roots.get(node.name.value)
            if root is None or len(nodes) > 1:
                raise NotPlannable(f"root field {node.name.value}")
            definition = query.fields[node.name.value]
            child = self.child_plan(definition.type, nodes, root.target, root.columns)
            roots.append((key, root, definition, node, child))
        return Plan(document=document, operation=operation, roots=roots, schema=self.schema)

    def collect(
        self, parent: GraphQLObjectType, selection_set: SelectionSetNode | None
    ) -> dict[str, list[FieldNode]]:
        """Fields by response key in first-seen order, fragments expanded, as graphql-core
        collects them. Directives (@skip/@include) are left to the standard executor."""
        fields: dict[str, list[FieldNode]] = {}
        self._collect(parent, selection_set, fields, set())
        return fields

    def _collect(
        self,
        parent: GraphQLObjectType,
        selection_set: SelectionSetNode | None,
        fields: dict[str, list[FieldNode]],
        seen: set[str],
    ) -> None:
        for selection in selection_set.selections if selection_set else ():
            if selection.directives:
                raise NotPlannable("directives")
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                fields.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                if self._applies(parent, selection.type_condition):
                    self._collect(parent, selection.selection_set, fields, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if name in seen or fragment is None:
                    continue
                seen.add(name)
                if self._applies(parent, fragment.type_condition):
                    self._collect(parent, fragment.selection_set, fields, seen)

    def _applies(self, parent: GraphQLObjectType, condition: Any) -> bool:
        if condition is None or condition.name.value == parent.name:
            return True
        named = self.schema.get_type(condition.name.value)
        return named is not None and self.schema.is_sub_type(named, parent)  # type: ignore[arg-type]

    def child_plan(
        self,
        output: GraphQLOutputType,
        nodes: list[FieldNode],
        target: str,
        required: tuple[str, ...],
    ) -> ObjectPlan | ConnectionPlan:
        named, is_list = _named(output)
        if is_list or not isinstance(named, GraphQLObjectType):
            raise NotPlannable(f"{named} is not an object")
        if named.name == target:
            return self.row_plan(named, nodes, required)
        if named.name.endswith("Connection"):
            return self.connection_plan(named, nodes, target, required)
        raise NotPlannable(f"{named.name} is not {target}")

    def row_plan(
        self, parent: GraphQLObjectType, nodes: list[FieldNode], required: tuple[str, ...]
    ) -> ObjectPlan:
        row_type = self.catalog.types.get(parent.name)
        if row_type is None:
            raise NotPlannable(f"type {parent.name}")
        columns = list(required)
        plan = ObjectPlan(columns=(), entries=[], relations=[])
        for key, selected in self._merged(parent, nodes).items():
            name = selected[0].name.value
            if name == "__typename":
                plan.entries.append((key, CONSTANT, parent.name))
                continue
            declared = row_type.fields.get(name)
            if declared is None:
                raise NotPlannable(f"{parent.name}.{name}")
            columns.extend(c for c in declared.columns if c not in columns)
            definition = parent.fields[name]
            if isinstance(declared, ValueField):
                complete = self.completer(definition.type, selected)
                value = declared.value
                plan.entries.append((key, VALUE, _compose(value, complete)))
                continue
            if len(selected) > 1 and any(n.arguments != selected[0].arguments for n in selected):
                raise NotPlannable("merged fields with different arguments")
            child = self.child_plan(
                definition.type, selected, declared.target, declared.child_columns
            )
            plan.entries.append((key, RELATED, len(plan.relations)))
            plan.relations.append(RelationPlan(declared, definition, selected[0], child))
        plan.columns = tuple(columns)
        return plan

    def connection_plan(
        self,
        parent: GraphQLObjectType,
        nodes: list[FieldNode],
        target: str,
        required: tuple[str, ...],
    ) -> ConnectionPlan:
        plan = ConnectionPlan(entries=[])
        for key, selected in self._merged(parent, nodes).items():
            name = selected[0].name.value
            definition = parent.fields.get(name)
            if name == "__typename":
                plan.entries.append((key, "__typename", parent.name))
            elif name == "nodes" and definition is not None:
                item = _element(definition.type)
                if not isinstance(item, GraphQLObjectType) or item.name != target:
                    raise NotPlannable(f"{parent.name}.nodes")
                plan.entries.append((key, "nodes", self.row_plan(item, selected, required)))
            elif name == "edges" and definition is not None:
                edge = _element(definition.type)
                assert isinstance(edge, GraphQLObjectType)
                plan.entries.append(
                    (key, "edges", self.edge_entries(edge, selected, target, required))
                )
            elif name == "pageInfo" and definition is not None:
                plan.entries.append((key, "pageInfo", self.completer(definition.type, selected)))
            else:
                raise NotPlannable(f"{parent.name}.{name}")
        return plan

    def edge_entries(
        self,
        edge: GraphQLObjectType,
        nodes: list[FieldNode],
        target: str,
        required: tuple[str, ...],
    ) -> list[tuple[str, str, Any]]:
        entries: list[tuple[str, str, Any]] = []
        for key, selected in self._merged(edge, nodes).items():
            name = selected[0].name.value
            if name == "__typename":
                entries.append((key, "__typename", edge.name))
            elif name == "cursor":
                entries.append((key, "cursor", None))
            elif name == "node":
                node_type, _ = _named(edge.fields["node"].type)
                if not isinstance(node_type, GraphQLObjectType) or node_type.name != target:
                    raise NotPlannable(f"{edge.name}.node")
                entries.append((key, "node", self.row_plan(node_type, selected, required)))
            else:
                raise NotPlannable(f"{edge.name}.{name}")
        return entries

    def _merged(
        self, parent: GraphQLObjectType, nodes: list[FieldNode]
    ) -> dict[str, list[FieldNode]]:
        merged: dict[str, list[FieldNode]] = {}
        for node in nodes:
            for key, found in self.collect(parent, node.selection_set).items():
                merged.setdefault(key, []).extend(found)
        return merged

    def completer(self, output: GraphQLOutputType, nodes: list[FieldNode]) -> Completer:
        """JSON for a value of `output`: scalars and enums through the type's own
        serializer; objects (value objects such as Quantity, Money, PageInfo) attribute by
        attribute, as graphql-core's default resolver reads them."""
        nullable = output.of_type if isinstance(output, GraphQLNonNull) else output
        if isinstance(nullable, GraphQLList):
            return _list(self.completer(nullable.of_type, nodes))
        if isinstance(nullable, GraphQLScalarType | GraphQLEnumType):
            return _leaf(nullable.serialize)
        if not isinstance(nullable, GraphQLObjectType) or nullable.name in self.catalog.types:
            raise NotPlannable(f"{nullable}")
        parts: list[tuple[str, str | None, Completer | str]] = []
        for key, selected in self._merged(nullable, nodes).items():
            name = selected[0].name.value
            if name == "__typename":
                parts.append((key, None, nullable.name))
                continue
            definition = nullable.fields[name]
            strawberry_field = definition.extensions.get("strawberry-definition")
            if strawberry_field is None or strawberry_field.base_resolver is not None:
                raise NotPlannable(f"{nullable.name}.{name} has a resolver")
            parts.append(
                (key, strawberry_field.python_name, self.completer(definition.type, selected))
            )
        return _object(parts)


def _object(parts: list[tuple[str, str | None, Completer | str]]) -> Completer:
    def complete(value: Any) -> Json:
        if value is None:
            return None
        return {
            key: part if attribute is None else part(getattr(value, attribute))  # type: ignore[operator]
            for key, attribute, part in parts
        }

    return complete


def _compose(value: Callable[[Row, Env], Any], complete: Completer) -> Callable[[Row, Env], Json]:
    return lambda row, env: complete(value(row, env))


def compile_plan(
    schema: GraphQLSchema, catalog: Catalog, document: DocumentNode, operation_name: str | None
) -> Plan:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    chosen = [
        o
        for o in operations
        if operation_name is None or (o.name is not None and o.name.value == operation_name)
    ]
    if len(chosen) != 1 or (operation_name is None and len(operations) != 1):
        raise NotPlannable("operation not found")
    return Compiler(schema, catalog, document).compile(document, chosen[0])
