"""Public (global) IDs: base64url("TypeName:key"), unpadded. Services need them too: event
payloads use the same IDs as the GraphQL types."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from sqlalchemy import Text, cast, func, literal_column
from sqlalchemy.sql.elements import ColumnElement

MAX_ID_LENGTH = 100


def to_global_id(type_name: str, key: int) -> str:
    raw = f"{type_name}:{key}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def global_id_sql(type_name: str, key: Any) -> ColumnElement[str]:
    """to_global_id as a PostgreSQL expression of an integer key (NULL for NULL), for
    answers built by the database. PostgreSQL's base64 is the standard alphabet with
    padding and a line break every 76 characters; the URL-safe, unpadded form follows."""
    raw: ColumnElement[str] = literal_column(f"'{_checked_name(type_name)}:'") + cast(key, Text)
    encoded = func.replace(func.encode(func.convert_to(raw, "UTF8"), "base64"), "\n", "")
    return func.rtrim(func.translate(encoded, "+/", "-_"), "=")


def _checked_name(type_name: str) -> str:
    if not type_name.isidentifier() or not type_name.isascii():
        raise ValueError(f"not a type name: {type_name!r}")
    return type_name


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
