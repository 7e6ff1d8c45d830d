"""The JSON answers of field values as PostgreSQL expressions, for plans run as one
statement: each function here renders what a GraphQL type's serializer (graphql-core's
for the built-in scalars and enums, schema/scalars.py's for ours) makes of a value.

The differential tests hold each rendering to its serializer: the same query answered
by the row plan and by the SQL plan must give the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graphql import GraphQLEnumType
from sqlalchemy import Text, case, cast, func, literal_column
from sqlalchemy.sql.elements import ColumnElement

SqlCompleter = Callable[[Any], Any]


def quoted(text: str) -> ColumnElement[str]:
    """A GraphQL name (a response key, a type name) inlined as an SQL string: names are
    [_A-Za-z][_0-9A-Za-z]*, so they need no escaping, and inlining spares a bound
    parameter per key."""
    if not text.replace("_", "a").isalnum() or not text.isascii():
        raise ValueError(f"not a GraphQL name: {text!r}")
    return literal_column(f"'{text}'")


def _same(value: Any) -> Any:
    return value


def _decimal(value: Any) -> Any:
    # schema/scalars.py: format(value.normalize(), "f"): no exponent, no trailing zeros.
    return cast(func.trim_scale(value), Text)


def _datetime(value: Any) -> Any:
    # schema/scalars.py: ISO 8601 in UTC ending in Z, microseconds only when not zero. One
    # to_char per value (three cost R4 a fifth of its statement): the fraction is always
    # rendered, then an all-zero one dropped; only the fraction can read ".000000Z". The
    # constants are inlined: as bound parameters they were 7 more values per request.
    rendered = func.to_char(func.timezone(_UTC, value), _ISO_WITH_MICROSECONDS)
    return func.replace(rendered, _ZERO_FRACTION, _Z)


_UTC = literal_column("'UTC'", Text)
_ISO_WITH_MICROSECONDS = literal_column("""'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'""", Text)
_ZERO_FRACTION = literal_column("'.000000Z'", Text)
_Z = literal_column("'Z'", Text)


def _digits(value: Any) -> Any:
    # schema/scalars.py's UnsignedInt64: a string of digits.
    return cast(value, Text)


_SCALARS: dict[str, SqlCompleter] = {
    "String": _same,
    "ID": _same,
    "Int": _same,
    "Boolean": _same,
    "Decimal": _decimal,
    "DateTime": _datetime,
    "UnsignedInt64": _digits,
    # The value as stored: a field's SQL form for JSON is a json column (an event's data).
    "JSON": _same,
}


def sql_scalar(name: str) -> SqlCompleter | None:
    return _SCALARS.get(name)


def sql_list(element: SqlCompleter | None) -> SqlCompleter | None:
    """A list whose elements answer as they are stored (strings, integers, booleans): the
    value as JSON, an array or a json array alike (an endpoint's event types). Other
    elements would need completing one by one, which lists do not do in SQL."""
    if element is not _same:
        return None
    return lambda value: func.to_json(value)


def sql_enum(enum: GraphQLEnumType) -> SqlCompleter:
    """Stored values are the Python enum members' values; the answer is the member's
    GraphQL name (the same text for most enums, which need no CASE then)."""
    names = {_member_value(value.value): name for name, value in enum.values.items()}
    if all(stored == name for stored, name in names.items()):
        return _same
    return lambda value: case(*((value == stored, name) for stored, name in names.items()))


def _member_value(member: Any) -> Any:
    return getattr(member, "value", member)


def sql_object(parts: list[tuple[str, str | None, SqlCompleter | str]]) -> SqlCompleter:
    """A value object's selection: `parts` are (response key, Python attribute or None
    for a constant such as __typename, the attribute's completer or the constant)."""

    def complete(value: Any) -> Any:
        pairs: list[Any] = []
        for key, attribute, part in parts:
            if attribute is None:
                assert isinstance(part, str)
                pairs += [quoted(key), quoted(part)]
            else:
                assert callable(part)
                pairs += [quoted(key), part(value.attributes[attribute])]
        built = func.json_build_object(*pairs)
        return built if value.present is None else case((value.present, built))

    return complete
