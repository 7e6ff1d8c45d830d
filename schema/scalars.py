"""Scalars of the public contract: Decimal as an exact string, DateTime in UTC, JSON for
event payloads and their schemas, UnsignedInt64 for log positions.

Every value a caller sends is bounded here, before any arithmetic: a Decimal by its
length, digits and exponent, a DateTime by its length and year. A value outside the
bounds is a request error (`BAD_REQUEST`) naming the expected form; it never reaches a
service. Each domain then checks the narrower range its own storage holds (a quantity,
a cost) and answers with a userError naming the field.

Parsers raise GraphQLError, never a bare exception: graphql-core reports it with the
variable's path or the literal's location, and the error contract (server/graphql.py)
reads an error without an original exception as the caller's mistake."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, NewType, TypeVar

import strawberry
from graphql import GraphQLError, ValueNode, value_from_ast_untyped
from strawberry.scalars import JSON as JSON  # re-exported for the types

MAX_DECIMAL_LENGTH = 40
# Digits a Decimal may carry on each side of the point. No storage holds more than 18
# integer digits, and no conversion is finer than 18 fractional digits.
MAX_DECIMAL_INTEGER_DIGITS = 18
MAX_DECIMAL_FRACTION_DIGITS = 18
# Plain decimal notation with an optional exponent; Python's Decimal alone would also
# take "NaN", "Infinity", "1_000" and digits of other scripts.
_DECIMAL_FORM = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")

MAX_DATETIME_LENGTH = 40
MIN_YEAR, MAX_YEAR = 1900, 9998

MAX_UNSIGNED_INT64 = 2**64 - 1
# Deep enough for any input the schema takes; a parser or a recursive walk over deeper
# input would be the caller's to exhaust (server/request_body.py applies it to bodies).
MAX_JSON_DEPTH = 32
T = TypeVar("T")


def literal_parser(parse: Callable[[object], T]) -> Callable[..., T]:
    """`parse` for a value written in the document, reporting the value's location."""

    def parse_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> T:
        try:
            return parse(value_from_ast_untyped(node, variables))
        except GraphQLError as error:
            raise GraphQLError(error.message, node) from None

    return parse_literal


def _echo(value: object) -> str:
    """The value, as a message may quote it: short, whatever the caller sent (a list or
    object is named, not printed: it may be nested thousands deep)."""
    if isinstance(value, int) and value.bit_length() > 128:
        return "a very large integer"
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return f"a {type(value).__name__}" if value is not None else "null"
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def parse_decimal(value: object) -> Decimal:
    """The exact value, in plain form (no exponent, no trailing zeros), or GraphQLError."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise GraphQLError(
            f'Decimal values are sent as strings, such as "12.50"; got {_echo(value)}.'
        )
    text = str(value) if isinstance(value, int) else value
    if len(text) > MAX_DECIMAL_LENGTH:
        raise GraphQLError(f"Decimal values have at most {MAX_DECIMAL_LENGTH} characters.")
    if not _DECIMAL_FORM.fullmatch(text):
        raise GraphQLError(
            f'{_echo(text)} is not a decimal number: use digits, an optional "-" and "." '
            'and an optional exponent, such as "12.50", "-3" or "1.5e3".'
        )
    sign, digits, exponent = Decimal(text).as_tuple()
    assert isinstance(exponent, int), "the form admits finite numbers only"
    significant = "".join(map(str, digits)).lstrip("0").rstrip("0")
    if not significant:
        return Decimal(0)
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    exponent += trailing_zeros  # the exponent of the last significant digit
    integer_digits = len(significant) + exponent
    if integer_digits > MAX_DECIMAL_INTEGER_DIGITS:
        raise GraphQLError(
            f"{_echo(text)} is out of range: Decimal values must be less than "
            f"10^{MAX_DECIMAL_INTEGER_DIGITS} in absolute value."
        )
    if -exponent > MAX_DECIMAL_FRACTION_DIGITS:
        raise GraphQLError(
            f"{_echo(text)} is too precise: Decimal values have at most "
            f"{MAX_DECIMAL_FRACTION_DIGITS} digits after the point."
        )
    # Built from its digits, so no context precision rounds it.
    plain = tuple(int(d) for d in significant) + (0,) * max(exponent, 0)
    return Decimal((sign, plain, min(exponent, 0)))


def _serialize_decimal(value: Decimal) -> str:
    # Plain notation, never exponent form, no trailing zeros: "0.00001", not "1E-5";
    # "1200", not "1200.000000". Stored scales differ by database; the value does not.
    return format(value.normalize(), "f")


DECIMAL = strawberry.scalar(
    name="Decimal",
    description=(
        'An exact decimal number, sent and received as a string ("12.345"). Inputs: at most '
        f"{MAX_DECIMAL_LENGTH} characters, less than 10^{MAX_DECIMAL_INTEGER_DIGITS} in "
        f"absolute value, at most {MAX_DECIMAL_FRACTION_DIGITS} digits after the point; "
        "each field may allow less (its description says)."
    ),
    serialize=_serialize_decimal,
    parse_value=parse_decimal,
    parse_literal=literal_parser(parse_decimal),
)


def _serialize_datetime(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def parse_datetime(value: object) -> datetime:
    """An aware datetime in UTC, or GraphQLError."""
    expected = "an ISO 8601 date-time with an offset, such as 2026-11-24T10:00:00Z"
    if not isinstance(value, str) or len(value) > MAX_DATETIME_LENGTH:
        raise GraphQLError(f"DateTime values are strings: {expected}.")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise GraphQLError(f"{_echo(value)} is not a valid date-time: {expected}.") from None
    if parsed.tzinfo is None:
        raise GraphQLError(f"{_echo(value)} has no time zone offset: {expected}.")
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise GraphQLError(f"{_echo(value)} is out of range: years {MIN_YEAR} to {MAX_YEAR}.")
    return parsed.astimezone(UTC)


DATETIME = strawberry.scalar(
    name="DateTime",
    description=(
        "An ISO 8601 date-time with a time zone offset, such as 2026-11-24T10:00:00Z "
        f"(years {MIN_YEAR} to {MAX_YEAR}); answered in UTC."
    ),
    serialize=_serialize_datetime,
    parse_value=parse_datetime,
    parse_literal=literal_parser(parse_datetime),
)


def parse_json(value: object) -> object:
    """JSON data as a variable or literal gives it: finite numbers, string keys, nested
    at most MAX_JSON_DEPTH deep; else GraphQLError."""
    pending: list[tuple[object, int]] = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, float) and not math.isfinite(item):
            raise GraphQLError("JSON numbers must be finite.")
        if isinstance(item, dict | list):
            if depth > MAX_JSON_DEPTH:
                raise GraphQLError(f"JSON values are nested at most {MAX_JSON_DEPTH} deep.")
            if isinstance(item, dict) and not all(isinstance(key, str) for key in item):
                raise GraphQLError("JSON object keys are strings.")
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
        elif not isinstance(item, str | int | float | bool | None):
            raise GraphQLError(f"{type(item).__name__} is not JSON data.")
    return value


JSON_SCALAR = strawberry.scalar(
    name="JSON",
    description=(
        "Any JSON value: an event's data, or a JSON Schema. Its shape is documented by "
        "the event type (webhookEventTypes)."
    ),
    parse_value=parse_json,
    parse_literal=literal_parser(parse_json),
)

# A 64-bit count that GraphQL's 32-bit Int cannot carry, such as a position in the log.
UnsignedInt64 = NewType("UnsignedInt64", int)


def parse_unsigned_int64(value: object) -> int:
    expected = f'a string of digits from "0" to "{MAX_UNSIGNED_INT64}"'
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise GraphQLError(f"UnsignedInt64 values are {expected}; got {_echo(value)}.")
    text = str(value) if isinstance(value, int) else value
    if not (text.isascii() and text.isdigit()) or len(text) > 20:
        raise GraphQLError(f"{_echo(text)} is not an unsigned 64-bit integer: use {expected}.")
    number = int(text)
    if number > MAX_UNSIGNED_INT64:
        raise GraphQLError(f"{_echo(text)} is out of range: use {expected}.")
    return number


UNSIGNED_INT64 = strawberry.scalar(
    name="UnsignedInt64",
    description='An unsigned 64-bit integer, sent and received as a string of digits ("42").',
    serialize=str,
    parse_value=parse_unsigned_int64,
    parse_literal=literal_parser(parse_unsigned_int64),
)


# Plain `Decimal` and `datetime` annotations in the types map to these scalars; `JSON`
# (strawberry.scalars.JSON) and `UnsignedInt64` annotations likewise.
SCALAR_MAP = {
    Decimal: DECIMAL,
    datetime: DATETIME,
    JSON: JSON_SCALAR,
    UnsignedInt64: UNSIGNED_INT64,
}
