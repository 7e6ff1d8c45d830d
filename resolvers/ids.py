"""Decoding global IDs and cursors from API input, checking the expected type."""

from __future__ import annotations

from collections.abc import Sequence

from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.ids import parse_global_id, to_global_id

__all__ = ["decode_cursor", "decode_id", "parse_global_id", "to_cursor", "to_global_id"]


def decode_id(value: str, type_name: str, field: Sequence[str] = ("id",)) -> int:
    parsed = parse_global_id(value)
    if parsed is None or parsed[0] != type_name:
        raise UserInputError(
            ErrorCode.INVALID_ID, f"{field[-1]} must be the ID of a {type_name}.", field
        )
    return parsed[1]


def to_cursor(key: int) -> str:
    return to_global_id("cursor", key)


def decode_cursor(value: str | None, field: str) -> int | None:
    if value is None:
        return None
    parsed = parse_global_id(value)
    if parsed is None or parsed[0] != "cursor":
        raise UserInputError(
            ErrorCode.INVALID_CURSOR, f"{field} is not a cursor of this list.", (field,)
        )
    return parsed[1]
