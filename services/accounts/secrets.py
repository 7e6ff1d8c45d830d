"""Passwords (argon2id) and bearer tokens (random, stored as a SHA-256 digest).

Tokens carry 256 bits of randomness, so a fast digest is enough to store them safely and
lets a request find its session or key with one indexed lookup.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

SESSION_TOKEN_PREFIX = "bt_sess_"
API_KEY_PREFIX = "bt_live_"
INVITATION_TOKEN_PREFIX = "bt_inv_"
VERIFY_TOKEN_PREFIX = "bt_verify_"
RESET_TOKEN_PREFIX = "bt_reset_"
# The one-time tokens an email carries; the outbox removes them once the mail is sent.
EMAILED_TOKEN = re.compile(r"(bt_(?:inv|verify|reset)_)[A-Za-z0-9_\-]+")

_hasher = PasswordHasher()  # argon2id with the library's current recommended cost
# Verified when the email is unknown, so a wrong email costs as much time as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password")


# argon2 takes tens of milliseconds of CPU by design: it runs in a thread (the library
# releases the GIL), so the event loop keeps serving while it works.
async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    return await asyncio.to_thread(_verify, password_hash, password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with other argon2 parameters (or another variant) than
    the current ones: rehashed at the next login, while the password is at hand."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return True


def new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
