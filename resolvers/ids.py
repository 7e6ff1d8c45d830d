"""Decoding global IDs and cursors from API input, checking the expected type."""

from __future__ import annotations

from collections.abc import Sequence

from services.bound import lift
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.ids import parse_global_id, to_global_id

__all__ = ["decode_cursor", "decode_id", "parse_global_id", "to_cursor", "to_global_id"]


def decode_id(value: str, type_name: str, field: Sequence[str] = ("id",)) -> int:
    """The key a global ID names (decoded when the statement runs, for a bound value)."""

    def decoded(given: str) -> int:
        parsed = parse_global_id(given)
        if parsed is None or parsed[0] != type_name:
            raise UserInputError(
                ErrorCode.INVALID_ID, f"{field[-1]} must be the ID of a {type_name}.", field
            )
        return parsed[1]

    return lift(value, decoded)


def to_cursor(key: int) -> str:
    return to_global_id("cursor", key)


def decode_cursor(value: str | None, field: str) -> int | None:
    if value is None:
        return None

    def decoded(given: str) -> int:
        parsed = parse_global_id(given)
        if parsed is None or parsed[0] != "cursor":
            raise UserInputError(
                ErrorCode.INVALID_CURSOR, f"{field} is not a cursor of this list.", (field,)
            )
        return parsed[1]

    return lift(value, decoded)
