"""Scalars of the public contract: Decimal as an exact string, DateTime in UTC, JSON for
event payloads and their schemas, UnsignedInt64 for log positions."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import NewType

import strawberry
from strawberry.scalars import JSON as JSON  # re-exported for the types

MAX_DECIMAL_LENGTH = 40


def _parse_decimal(value: object) -> Decimal:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ValueError('Decimal values are sent as strings, such as "12.50".')
    text = str(value).strip()
    if len(text) > MAX_DECIMAL_LENGTH:
        raise ValueError(f"Decimal values have at most {MAX_DECIMAL_LENGTH} characters.")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{text!r} is not a decimal number.") from None
    if not number.is_finite():
        raise ValueError("Decimal values must be finite numbers.")
    return number


def _serialize_decimal(value: Decimal) -> str:
    # Plain notation, never exponent form, no trailing zeros: "0.00001", not "1E-5";
    # "1200", not "1200.000000". Stored scales differ by database; the value does not.
    return format(value.normalize(), "f")


DECIMAL = strawberry.scalar(
    name="Decimal",
    description='An exact decimal number, sent and received as a string ("12.345").',
    serialize=_serialize_decimal,
    parse_value=_parse_decimal,
)


def _serialize_datetime(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _parse_datetime(value: object) -> datetime:
    if not isinstance(value, str):
        raise ValueError("DateTime values are ISO 8601 strings.")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO 8601 date-time.") from None
    if parsed.tzinfo is None:
        raise ValueError("DateTime values need a time zone offset, such as Z.")
    return parsed.astimezone(UTC)


DATETIME = strawberry.scalar(
    name="DateTime",
    description="An ISO 8601 date-time in UTC, such as 2026-11-24T10:00:00Z.",
    serialize=_serialize_datetime,
    parse_value=_parse_datetime,
)


JSON_SCALAR = strawberry.scalar(
    name="JSON",
    description=(
        "Any JSON value: an event's data, or a JSON Schema. Its shape is documented by "
        "the event type (webhookEventTypes)."
    ),
)

# A 64-bit count that GraphQL's 32-bit Int cannot carry, such as a position in the log.
UnsignedInt64 = NewType("UnsignedInt64", int)
MAX_UNSIGNED_INT64 = 2**64 - 1


def _parse_unsigned_int64(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError('UnsignedInt64 values are sent as strings of digits, such as "42".')
    text = str(value).strip()
    if not text.isdigit() or len(text) > 20 or int(text) > MAX_UNSIGNED_INT64:
        raise ValueError(f"{text!r} is not an unsigned 64-bit integer.")
    return int(text)


UNSIGNED_INT64 = strawberry.scalar(
    name="UnsignedInt64",
    description='An unsigned 64-bit integer, sent and received as a string of digits ("42").',
    serialize=str,
    parse_value=_parse_unsigned_int64,
)


# Plain `Decimal` and `datetime` annotations in the types map to these scalars; `JSON`
# (strawberry.scalars.JSON) and `UnsignedInt64` annotations likewise.
SCALAR_MAP = {
    Decimal: DECIMAL,
    datetime: DATETIME,
    JSON: JSON_SCALAR,
    UnsignedInt64: UNSIGNED_INT64,
}
