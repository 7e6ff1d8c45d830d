"""The generated part of docs/api.md: every Query and Mutation field (arguments, defaults,
return type, description, and the fields of its input), grouped by the resolvers module
that defines it; every webhook event type from the catalog; and every userError code with
the domain enums that list it (services/error_codes.py).

`batchtrack export-schema` (`make schema`) writes it between the marker comments of
docs/api.md, and a test fails when the file differs from what this module renders now, so
the document cannot drift from the schema."""

from __future__ import annotations

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

from services.error_codes import DESCRIPTIONS, DOMAIN_ERROR_CODES, ErrorCode
from services.permissions import PERMISSIONS, ROLE_PERMISSIONS, Role
from services.webhooks.catalog import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
API_DOC = ROOT / "docs" / "api.md"
START = "<!-- operations:start -->"
END = "<!-- operations:end -->"


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


_ENUM_OF_DOMAIN = {
    "accounts": "AccountUserErrorCode",
    "inventory": "InventoryUserErrorCode",
    "recipes": "RecipeUserErrorCode",
    "units": "UnitUserErrorCode",
    "webhooks": "WebhookUserErrorCode",
}


def _codes() -> list[str]:
    lines = [
        "",
        "### userError codes",
        "",
        "Each domain's payloads carry `userErrors` whose `code` is that domain's enum; the "
        "columns say which enums list the code.",
        "",
        "| Code | Meaning | " + " | ".join(f"`{e}`" for e in _ENUM_OF_DOMAIN.values()) + " |",
        "|---|---|" + "---|" * len(_ENUM_OF_DOMAIN),
    ]
    for code in sorted(ErrorCode):
        marks = " | ".join(
            "x" if code in DOMAIN_ERROR_CODES[domain] else "" for domain in _ENUM_OF_DOMAIN
        )
        lines.append(f"| `{code}` | {_cell(DESCRIPTIONS[code])} | {marks} |")
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
