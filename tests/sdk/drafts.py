"""A draft operation for a root field of the schema, as the operations-coverage test
proposes it for sdk/operations.graphql: every argument as a variable, every leaf field,
connections as `nodes` and `pageInfo`, other entities (Node types below the first) by
`id` only, so the draft stays cheap (docs/api.md: query cost) and free of cycles. Trim it
to what clients need before adding it."""

from __future__ import annotations

from graphql import (
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    ast_from_value,
    get_named_type,
    is_leaf_type,
    print_ast,
)

INDENT = "  "


def operation_name(field_name: str) -> str:
    return field_name[0].upper() + field_name[1:]


def _implements_node(named: object) -> bool:
    if isinstance(named, GraphQLInterfaceType) and named.name == "Node":
        return True
    interfaces = getattr(named, "interfaces", ())
    return any(interface.name == "Node" for interface in interfaces)


def _has_required_args(field: GraphQLField) -> bool:
    return any(
        isinstance(arg.type, GraphQLNonNull) and arg.default_value is None
        for arg in field.args.values()
    )


MAX_DEPTH = 6


def fragment_name(type_name: str) -> str:
    return f"{type_name}Fields"


def _selection(
    named: object,
    depth: int,
    entity_seen: bool,
    fragments: frozenset[str],
    path: frozenset[str] = frozenset(),
) -> list[str]:
    """The lines selecting `named`'s fields, indented to `depth`: a type with a fragment
    in the operations file by its fragment; a type already on the path (a tree of steps,
    a recipe's source) is not entered again."""
    pad = INDENT * depth
    if getattr(named, "name", None) in fragments:
        return [f"{pad}...{fragment_name(named.name)}"]  # type: ignore[attr-defined]
    if isinstance(named, GraphQLUnionType):
        return [f"{pad}__typename"]
    assert isinstance(named, GraphQLObjectType | GraphQLInterfaceType)
    if named.name.endswith("Connection") and "nodes" in named.fields:
        node = get_named_type(named.fields["nodes"].type)
        return [
            f"{pad}nodes {{",
            *_selection(node, depth + 1, False, fragments, path | {named.name}),
            f"{pad}}}",
            f"{pad}pageInfo {{",
            f"{pad}{INDENT}hasNextPage",
            f"{pad}{INDENT}endCursor",
            f"{pad}}}",
        ]
    lines = [f"{pad}__typename"] if isinstance(named, GraphQLInterfaceType) else []
    for name, field in named.fields.items():
        if field.deprecation_reason is not None:
            continue
        inner = get_named_type(field.type)
        if is_leaf_type(inner):
            lines.append(f"{pad}{name}")
            continue
        if _has_required_args(field) or inner.name.endswith("Connection"):
            continue  # nested pages are read with their own operation
        if inner.name in path or depth >= MAX_DEPTH:
            continue
        nested_seen = entity_seen or _implements_node(named)
        if nested_seen and _implements_node(inner):
            lines += [f"{pad}{name} {{", f"{pad}{INDENT}id", f"{pad}}}"]
            continue
        inner_lines = _selection(inner, depth + 1, nested_seen, fragments, path | {named.name})
        if inner_lines:
            lines += [f"{pad}{name} {{", *inner_lines, f"{pad}}}"]
    return lines


def _variable(name: str, field: GraphQLField) -> str:
    arg = field.args[name]
    text = f"${name}: {arg.type}"
    if isinstance(arg.type, GraphQLNonNull) and arg.default_value is not None:
        default = ast_from_value(arg.default_value, arg.type)
        if default is not None:
            text += f" = {print_ast(default)}"
    return text


def draft_fragment(schema: GraphQLSchema, type_name: str, fragments: frozenset[str]) -> str:
    named = schema.get_type(type_name)
    body = _selection(named, 1, False, fragments - {type_name}, frozenset({type_name}))
    return "\n".join([f"fragment {fragment_name(type_name)} on {type_name} {{", *body, "}"]) + "\n"


def draft_operation(
    schema: GraphQLSchema, kind: str, field_name: str, fragments: frozenset[str] = frozenset()
) -> str:
    root = schema.mutation_type if kind == "mutation" else schema.query_type
    assert root is not None
    field = root.fields[field_name]
    variables = ", ".join(_variable(name, field) for name in field.args)
    arguments = ", ".join(f"{name}: ${name}" for name in field.args)
    head = f"{kind} {operation_name(field_name)}" + (f"({variables})" if variables else "")
    call = field_name + (f"({arguments})" if arguments else "")
    named = get_named_type(field.type)
    if is_leaf_type(named):
        return f"{head} {{\n{INDENT}{call}\n}}\n"
    body = _selection(named, 2, False, fragments)
    return "\n".join([f"{head} {{", f"{INDENT}{call} {{", *body, f"{INDENT}}}", "}"]) + "\n"


def unwrap_list(type_: object) -> object:
    while isinstance(type_, GraphQLNonNull | GraphQLList):
        type_ = type_.of_type
    return type_
