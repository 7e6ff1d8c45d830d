"""Opaque global IDs: base64url("TypeName:key"). Decoding checks the expected type."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence

from services.errors import UserInputError

MAX_ID_LENGTH = 100


def to_global_id(type_name: str, key: int) -> str:
    raw = f"{type_name}:{key}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_global_id(value: str) -> tuple[str, int] | None:
    """(type name, key) of a well-formed ID, or None."""
    if not value or len(value) > MAX_ID_LENGTH:
        return None
    try:
        raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    type_name, _, key = raw.partition(":")
    if not type_name or not key.isdigit() or len(key) > 18:
        return None
    return type_name, int(key)


def decode_id(value: str, type_name: str, field: Sequence[str] = ("id",)) -> int:
    parsed = parse_global_id(value)
    if parsed is None or parsed[0] != type_name:
        raise UserInputError("INVALID_ID", f"{field[-1]} must be the ID of a {type_name}.", field)
    return parsed[1]


def to_cursor(key: int) -> str:
    return to_global_id("cursor", key)


def decode_cursor(value: str | None, field: str) -> int | None:
    if value is None:
        return None
    parsed = parse_global_id(value)
    if parsed is None or parsed[0] != "cursor":
        raise UserInputError("INVALID_CURSOR", f"{field} is not a cursor of this list.", (field,))
    return parsed[1]
