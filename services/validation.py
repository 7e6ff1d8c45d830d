"""Input rules shared by every domain, each raising a coded, field-named UserInputError."""

from __future__ import annotations

import re
from collections.abc import Sequence

from services.error_codes import ErrorCode
from services.errors import UserInputError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def clean_text(value: str, field: Sequence[str], *, max_length: int, min_length: int = 1) -> str:
    """Strip surrounding space, then check the length (in characters)."""
    text = value.strip()
    if len(text) < min_length:
        raise UserInputError(
            ErrorCode.BLANK if min_length == 1 else ErrorCode.TOO_SHORT,
            f"{field[-1]} must have at least {min_length} character(s).",
            field,
        )
    if len(text) > max_length:
        raise UserInputError(
            ErrorCode.TOO_LONG, f"{field[-1]} must have at most {max_length} characters.", field
        )
    if "\x00" in text:
        raise UserInputError(
            ErrorCode.INVALID, f"{field[-1]} must not contain NUL characters.", field
        )
    return text


def clean_email(value: str, field: Sequence[str] = ("email",)) -> str:
    email = clean_text(value, field, max_length=320).lower()
    if not _EMAIL.match(email):
        raise UserInputError(
            ErrorCode.INVALID_EMAIL, "email must look like name@example.com.", field
        )
    return email


def contains_pattern(search: str) -> str:
    """The LIKE pattern of a name search: trimmed, case-folded, at most 200 characters,
    matched anywhere in the name key, LIKE's own characters escaped (with `\\`)."""
    term = search.strip().casefold()[:200]
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
