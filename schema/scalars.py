"""Scalars of the public contract: Decimal as an exact string, DateTime in UTC."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

import strawberry

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


# Plain `Decimal` and `datetime` annotations in the types map to these scalars.
SCALAR_MAP = {Decimal: DECIMAL, datetime: DATETIME}
