"""Public (global) IDs: base64url("TypeName:key"), unpadded. Services need them too: event
payloads use the same IDs as the GraphQL types."""

from __future__ import annotations

import base64
import binascii

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
