"""Compiling a validated query operation into a Plan (resolvers/planned/plan.py): fields
collected as graphql-core collects them (fragments, aliases, merged selections), each
value field composed with its type's serializer, and where every field has one, its SQL
form (resolvers/planned/sql_values.py). Anything plans do not cover raises NotPlannable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
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

from resolvers.planned.plan import (
    CONSTANT,
    MAX_SQL_FIELDS,
    RELATED,
    VALUE,
    Catalog,
    Completer,
    ConnectionPlan,
    Json,
    NotPlannable,
    ObjectPlan,
    Plan,
    RelationPlan,
    SqlCompleter,
    node_plans,
)
from resolvers.planned.sql_values import sql_enum, sql_list, sql_object, sql_scalar
from schema.row_fields import Env, Row, ValueField

C = TypeVar("C")


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
        many: bool = False,
    ) -> ObjectPlan | ConnectionPlan:
        named, is_list = _named(output)
        if many and is_list:
            named, is_list = _element(output), False
            if named.name != target:
                raise NotPlannable(f"{named.name} is not {target}")
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
        columns.extend(c for c in row_type.env_columns if c not in columns)
        plan = ObjectPlan(columns=(), entries=[], relations=[], env=row_type.env)
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
                sql_complete = self.sql_completer(definition.type, selected)
                if declared.sql is None or sql_complete is None:
                    plan.sql_ready = False
                else:
                    plan.sql[key] = _compose(declared.sql, sql_complete)
                continue
            if len(selected) > 1 and any(n.arguments != selected[0].arguments for n in selected):
                raise NotPlannable("merged fields with different arguments")
            child = self.child_plan(
                definition.type, selected, declared.target, declared.child_columns, declared.many
            )
            plan.entries.append((key, RELATED, len(plan.relations)))
            plan.relations.append(RelationPlan(declared, definition, selected[0], child))
            plan.sql_ready &= declared.rows is not None and child.sql_ready
        plan.columns = tuple(columns)
        # json_build_object takes at most 100 arguments: a key and a value per field.
        plan.sql_ready &= len(plan.entries) <= MAX_SQL_FIELDS
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
                sql_complete = self.sql_completer(definition.type, selected)
                if sql_complete is None:
                    plan.sql_ready = False
                else:
                    plan.sql[key] = sql_complete
            else:
                raise NotPlannable(f"{parent.name}.{name}")
        plan.sql_ready &= all(node.sql_ready for node in node_plans(plan))
        plan.sql_ready &= len(plan.entries) <= MAX_SQL_FIELDS and all(
            len(part) <= MAX_SQL_FIELDS for _, what, part in plan.entries if what == "edges"
        )
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
        parts = self._object_parts(nullable, nodes, self.completer)
        assert parts is not None  # completer never gives None
        return _object(parts)

    def sql_completer(
        self, output: GraphQLOutputType, nodes: list[FieldNode]
    ) -> SqlCompleter | None:
        """The SQL counterpart of `completer`, or None where a type has no SQL form."""
        nullable = output.of_type if isinstance(output, GraphQLNonNull) else output
        if isinstance(nullable, GraphQLList):
            return sql_list(self.sql_completer(nullable.of_type, nodes))
        if isinstance(nullable, GraphQLScalarType):
            return sql_scalar(nullable.name)
        if isinstance(nullable, GraphQLEnumType):
            return sql_enum(nullable)
        if not isinstance(nullable, GraphQLObjectType):
            return None
        parts = self._object_parts(nullable, nodes, self.sql_completer)
        if parts is None or len(parts) > MAX_SQL_FIELDS:
            return None
        return sql_object(parts)

    def _object_parts(
        self,
        parent: GraphQLObjectType,
        nodes: list[FieldNode],
        complete: Callable[[GraphQLOutputType, list[FieldNode]], C | None],
    ) -> list[tuple[str, str | None, C | str]] | None:
        """A value object's selection: (response key, Python attribute, its completion),
        or (response key, None, the type name) for __typename; None if a completion is."""
        parts: list[tuple[str, str | None, C | str]] = []
        for key, selected in self._merged(parent, nodes).items():
            name = selected[0].name.value
            if name == "__typename":
                parts.append((key, None, parent.name))
                continue
            definition = parent.fields[name]
            strawberry_field = definition.extensions.get("strawberry-definition")
            if strawberry_field is None or strawberry_field.base_resolver is not None:
                raise NotPlannable(f"{parent.name}.{name} has a resolver")
            part = complete(definition.type, selected)
            if part is None:
                return None
            parts.append((key, strawberry_field.python_name, part))
        return parts


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
