"""Passwords (argon2id) and bearer tokens (random, stored as a SHA-256 digest).

Tokens carry 256 bits of randomness, so a fast digest is enough to store them safely and
lets a request find its session or key with one indexed lookup.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import secrets
from concurrent.futures import ThreadPoolExecutor

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


# argon2 takes tens of milliseconds of CPU by design: it runs in threads of its own (the
# library releases the GIL), so the event loop keeps serving while it works. At most half
# the CPUs hash at once: with asyncio's default pool (CPUs + 4 threads) a burst of logins
# kept every core busy hashing, and the event loop's thread got a small share of them
# (/healthz p99 went from 77 ms to 450 ms under 200 concurrent logins on 2 cores);
# logins queue for a hashing thread instead, at the same throughput.
_HASHING = ThreadPoolExecutor(
    max_workers=max(1, (os.cpu_count() or 2) // 2), thread_name_prefix="argon2"
)


async def hash_password(password: str) -> str:
    return await asyncio.get_running_loop().run_in_executor(_HASHING, _hasher.hash, password)


async def verify_password(password_hash: str | None, password: str) -> bool:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_HASHING, _verify, password_hash, password)


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
