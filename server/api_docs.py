"""The generated part of docs/api.md: every Query and Mutation field (arguments, defaults,
return type, description, and the fields of its input), grouped by the resolvers module
that defines it; every webhook event type from the catalog; and the userError codes each
domain raises, found by reading the source of services/ and resolvers/.

`batchtrack export-schema` (`make schema`) writes it between the marker comments of
docs/api.md, and a test fails when the file differs from what this module renders now, so
the document cannot drift from the schema."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import strawberry
from graphql import (
    GraphQLArgument,
    GraphQLField,
    GraphQLInputField,
    GraphQLInputObjectType,
    GraphQLObjectType,
    Undefined,
    ast_from_value,
    get_named_type,
    print_ast,
)
from strawberry.types.base import StrawberryObjectDefinition

from services.permissions import PERMISSIONS, ROLE_PERMISSIONS, Role
from services.webhooks.catalog import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
API_DOC = ROOT / "docs" / "api.md"
START = "<!-- operations:start -->"
END = "<!-- operations:end -->"
# Packages whose source is read for userError codes.
CODE_SOURCES = ("services", "resolvers")
# Classes whose first argument is a userError code; NotFound always answers NOT_FOUND.
_CODE_CLASSES = frozenset({"UserInputError", "FieldProblem"})
SHARED = "shared"


def _cell(text: str | None) -> str:
    """Text fit for one markdown table cell."""
    return " ".join((text or "").split()).replace("|", "\\|")


def _default(value: object, argument: GraphQLArgument | GraphQLInputField) -> str:
    if value is Undefined or value is None:
        return ""  # no default, or null: the same for a nullable argument
    node = ast_from_value(value, argument.type)
    return f"`{print_ast(node)}`" if node is not None else ""


def _signature(name: str, field: GraphQLField) -> str:
    arguments = []
    for arg_name, argument in field.args.items():
        default = _default(argument.default_value, argument).strip("`")
        arguments.append(f"{arg_name}: {argument.type}" + (f" = {default}" if default else ""))
    joined = ", ".join(arguments)
    return f"{name}({joined}): {field.type}" if arguments else f"{name}: {field.type}"


def _input_table(field: GraphQLField) -> list[str]:
    """The fields of each input-object argument, one level deep (schema.graphql has the
    nested inputs)."""
    lines: list[str] = []
    for arg_name, argument in field.args.items():
        named = get_named_type(argument.type)
        if not isinstance(named, GraphQLInputObjectType):
            continue
        lines += [
            "",
            f"`{arg_name}` ({named.name}):",
            "",
            "| Field | Type | Default | Description |",
            "|---|---|---|---|",
        ]
        for input_name, input_field in named.fields.items():
            lines.append(
                f"| `{input_name}` | `{input_field.type}` | "
                f"{_default(input_field.default_value, input_field)} | "
                f"{_cell(input_field.description)} |"
            )
    return lines


def _domain_of_fields(schema: strawberry.Schema, root: str) -> dict[str, str]:
    """GraphQL field name -> the domain whose resolvers module defines it
    (resolvers/inventory_reports.py -> "inventory reports")."""
    definition = schema.get_type_by_name(root)
    assert isinstance(definition, StrawberryObjectDefinition)
    domains: dict[str, str] = {}
    for field in definition.fields:
        resolver = field.base_resolver
        module = resolver.wrapped_func.__module__ if resolver is not None else root
        name = schema.config.name_converter.get_graphql_name(field)
        domains[name] = module.rsplit(".", 1)[-1].replace("_", " ")
    return domains


def _operations(schema: strawberry.Schema, root: str) -> list[str]:
    graphql_type = schema._schema.get_type(root)
    assert isinstance(graphql_type, GraphQLObjectType)
    domains = _domain_of_fields(schema, root)
    by_domain: dict[str, list[str]] = defaultdict(list)
    for name in sorted(graphql_type.fields):
        by_domain[domains.get(name, root)].append(name)
    lines: list[str] = []
    for domain in sorted(by_domain):
        lines += ["", f"### {root}: {domain}"]
        for name in by_domain[domain]:
            field = graphql_type.fields[name]
            lines += ["", f"#### `{name}`", "", "```graphql", _signature(name, field), "```"]
            if field.description:
                lines += ["", " ".join(field.description.split())]
            if field.deprecation_reason:
                lines += ["", f"Deprecated: {field.deprecation_reason}"]
            lines += _input_table(field)
    return lines


def _events() -> list[str]:
    lines = ["", "### Webhook event types", "", "| Type | Description |", "|---|---|"]
    for event_type in sorted(EVENT_TYPES.values(), key=lambda t: t.name):
        lines.append(f"| `{event_type.name}` | {_cell(event_type.description)} |")
    return lines


def _permissions() -> list[str]:
    roles = list(Role)
    lines = [
        "",
        "### Permissions by role",
        "",
        "| Permission | Allows | " + " | ".join(role.value for role in roles) + " |",
        "|---|---|" + "---|" * len(roles),
    ]
    for permission, description in PERMISSIONS.items():
        marks = ["yes" if permission in ROLE_PERMISSIONS[role] else "" for role in roles]
        lines.append(f"| `{permission}` | {_cell(description)} | " + " | ".join(marks) + " |")
    return lines


def _domain_of_source(path: Path) -> str:
    """services/inventory/stock.py -> "inventory"; resolvers/webhooks.py -> "webhooks";
    services/validation.py and resolvers/ids.py -> "shared"."""
    relative = path.relative_to(ROOT)
    packages = {p.name for p in (ROOT / "services").iterdir() if (p / "__init__.py").exists()}
    if relative.parts[0] == "services":
        return relative.parts[1] if len(relative.parts) > 2 else SHARED
    domain = path.stem.split("_")[0]
    return domain if domain in packages else SHARED


def _fixed_code(cls: ast.ClassDef) -> str | None:
    """The code a class passes to its base's constructor as a literal, as NotFound does."""
    for node in ast.walk(cls):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "__init__"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            return node.args[0].value
    return None


def user_error_codes() -> dict[str, set[str]]:
    """Domain -> the userError codes its source raises as literals: the first argument of
    UserInputError(...) / FieldProblem(...) or a subclass that keeps their constructor
    (TargetRefused), and the code of a subclass that fixes it (NotFound, InsufficientStock)
    wherever one is raised. A code passed through a variable is not seen; the table is a
    guide, the code in `userErrors` is the truth."""
    trees = {
        path: ast.parse(path.read_text(), str(path))
        for package in CODE_SOURCES
        for path in sorted((ROOT / package).rglob("*.py"))
    }
    code_classes = set(_CODE_CLASSES)
    fixed: dict[str, str] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id in _CODE_CLASSES for base in node.bases
            ):
                code = _fixed_code(node)
                if code is not None:
                    fixed[node.name] = code
                else:
                    code_classes.add(node.name)
    codes: dict[str, set[str]] = defaultdict(set)
    for path, tree in trees.items():
        domain = _domain_of_source(path)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in fixed:
                codes[domain].add(fixed[name])
            elif name in code_classes and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    codes[domain].add(first.value)
    return codes


def _codes() -> list[str]:
    lines = [
        "",
        "### userError codes by domain",
        "",
        'Codes found in each domain\'s source ("shared" ones, such as `INVALID_ID` and the '
        "pagination codes, can come from any operation).",
        "",
        "| Domain | Codes |",
        "|---|---|",
    ]
    for domain, codes in sorted(user_error_codes().items()):
        lines.append(f"| {domain} | {', '.join(f'`{c}`' for c in sorted(codes))} |")
    return lines


def render_operations(schema: strawberry.Schema) -> str:
    """The generated section, markers excluded."""
    lines = [
        "",
        "<!-- Generated by `make schema` (server/api_docs.py); edit the schema, not this. -->",
    ]
    lines += _operations(schema, "Query")
    lines += _operations(schema, "Mutation")
    lines += _permissions()
    lines += _events()
    lines += _codes()
    return "\n".join(lines) + "\n"


def with_operations(document: str, schema: strawberry.Schema) -> str:
    """The document with its generated section replaced by the current one."""
    head, start, rest = document.partition(START)
    _, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"{API_DOC} needs the markers {START} and {END}")
    return head + START + "\n" + render_operations(schema) + "\n" + END + tail


def write_api_doc(schema: strawberry.Schema, path: Path = API_DOC) -> None:
    path.write_text(with_operations(path.read_text(), schema))
