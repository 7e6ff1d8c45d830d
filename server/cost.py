"""Query cost, as in docs/api.md: computed from the query before it runs (requested) and
from what it returned (actual). Object fields weigh 1, scalars 0, a connection weighs 2
plus its page size times its selection, and each mutation field weighs 10."""

from __future__ import annotations

import re
from typing import Any

from graphql import (
    ArgumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Undefined,
    VariableDefinitionNode,
    VariableNode,
    Visitor,
    get_named_type,
    value_from_ast,
    visit,
)
from graphql.language import DocumentNode

from services.errors import ServiceError
from services.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

MUTATION_COST = 10
CONNECTION_BASE_COST = 2
PAGE_SIZE_ARGUMENTS = ("first", "last")  # the first given is the page size
IDS_ARGUMENT = "ids"  # a field asked for several ids costs once per id
COST_ARGUMENTS = frozenset({*PAGE_SIZE_ARGUMENTS, IDS_ARGUMENT})
CompositeType = GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType


class QueryTooComplex(ServiceError):
    code = "QUERY_TOO_COMPLEX"


class _Walker:
    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: dict[str, FragmentDefinitionNode],
        variables: dict[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables

    def _argument(self, definition: GraphQLField, field: FieldNode, name: str) -> Any:
        """The argument's value, the same whether written inline or passed as a variable."""
        argument_type = definition.args.get(name)
        for argument in field.arguments or ():
            if argument.name.value == name and argument_type is not None:
                value = value_from_ast(argument.value, argument_type.type, self.variables)
                return None if value is Undefined else value
        return None

    def _page_size(self, definition: GraphQLField, field: FieldNode) -> int:
        """Pages larger than the largest are refused when they run, so never cost more."""
        size = None
        for name in PAGE_SIZE_ARGUMENTS:
            if size is None:
                size = self._argument(definition, field, name)
        if not isinstance(size, int) or size <= 0:
            return DEFAULT_PAGE_SIZE
        return min(size, MAX_PAGE_SIZE)

    def selection_cost(
        self, parent: CompositeType, selection_set: SelectionSetNode | None, seen: frozenset[str]
    ) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                total += self.field_cost(parent, selection, seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = parent
                if selection.type_condition is not None:
                    named = self.schema.get_type(selection.type_condition.name.value)
                    condition = named if isinstance(named, CompositeType) else parent
                total += self.selection_cost(condition, selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in seen:
                    continue
                named = self.schema.get_type(fragment.type_condition.name.value)
                condition = named if isinstance(named, CompositeType) else parent
                total += self.selection_cost(condition, fragment.selection_set, seen | {name})
        return total

    def field_cost(self, parent: CompositeType, field: FieldNode, seen: frozenset[str]) -> int:
        name = field.name.value
        if name.startswith("__") or isinstance(parent, GraphQLUnionType):
            return 0
        definition = parent.fields.get(name)
        if definition is None:
            return 0
        named = get_named_type(definition.type)
        if not isinstance(named, CompositeType):
            return 0
        inner = self.selection_cost(named, field.selection_set, seen)
        if named.name.endswith("Connection"):
            return CONNECTION_BASE_COST + self._page_size(definition, field) * inner
        ids = self._argument(definition, field, IDS_ARGUMENT)
        multiplier = len(ids) if isinstance(ids, list) else 1
        return multiplier * (1 + inner)


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    for operation in operations:
        if name is None or (operation.name and operation.name.value == name):
            return operation
    return None


def requested_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
) -> int:
    operation = _operation(document, operation_name)
    if operation is None:
        return 0
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    walker = _Walker(schema, fragments, variables or {})
    is_mutation = operation.operation == OperationType.MUTATION
    root = schema.mutation_type if is_mutation else schema.query_type
    if root is None:
        return 0
    total = 0
    for selection in operation.selection_set.selections:
        if isinstance(selection, FieldNode):
            cost = walker.field_cost(root, selection, frozenset())
            total += MUTATION_COST + cost - 1 if is_mutation else cost
        else:
            total += walker.selection_cost(
                root, SelectionSetNode(selections=(selection,)), frozenset()
            )
    return total


def cost_variables(document: DocumentNode) -> tuple[str, ...]:
    """The variables `requested_cost` reads: those in the arguments it weighs (page sizes,
    ids). A document asked twice with the same values of these costs the same."""
    names: set[str] = set()

    class Collector(Visitor):
        def enter_argument(self, node: ArgumentNode, *_: Any) -> Any:
            if node.name.value not in COST_ARGUMENTS:
                return self.SKIP
            return None

        def enter_variable_definition(self, node: VariableDefinitionNode, *_: Any) -> Any:
            return self.SKIP  # where a variable is declared, not read

        def enter_variable(self, node: VariableNode, *_: Any) -> None:
            names.add(node.name.value)

    visit(document, Collector())
    return tuple(sorted(names))


def actual_cost(data: Any, *, is_mutation: bool) -> int:
    """Objects actually returned (below the root), plus the mutation fields' weight."""
    if not isinstance(data, dict):
        return 0
    # A loop, not a recursion: answers hold thousands of objects.
    total = 0
    pending = list(data.values())
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            total += 1
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    if is_mutation:
        total += (MUTATION_COST - 1) * sum(1 for value in data.values() if value is not None)
    return total


def objects_in_answer_text(text: str) -> int:
    """`actual_cost` of a query's data given as JSON text (a planned read's answer, as
    PostgreSQL built it), without parsing it: every object of the data but the data
    itself. An object starts with `{"` and a key; `{"` also ends a string whose last
    character is `{`, and is then followed by `,`, `}`, `]`, `:` or whitespace, which never
    start a key (keys are GraphQL response names), so those are not counted. Every
    object of an answer has at least one key (a selection is never empty). One pass of a
    regular expression: counting `{"` and each of its false followers took eight passes,
    0.5 ms for R4's 80 kB. (A match takes the character after `{"`; when that is a `{`, it
    starts the key `{` of an object of a JSON value, which `:` follows, never a key.)"""
    return max(len(_OBJECT_START.findall(text)) - 1, 0)


_OBJECT_START = re.compile(r'\{"[^,}\]: \n\t]')
