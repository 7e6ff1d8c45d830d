"""Idempotency keys: a mutation retried with the same `Idempotency-Key` and the same body
gets the first response back without running again (for 24 hours); the same key with a
different body is refused. Keys belong to one caller (a user or an API key)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, UniqueConstraint, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from services.db import Base, IdMixin, UTCDateTime, utcnow
from services.errors import ServiceError
from services.permissions import Principal

KEEP_FOR = timedelta(hours=24)
MAX_KEY_LENGTH = 255


class IdempotencyRecord(IdMixin, Base):
    __tablename__ = "idempotency_records"
    __table_args__ = (
        UniqueConstraint("caller", "key"),
        Index("ix_idempotency_records_created", "created_at"),
    )

    # "user:<id>@<organization>" or "api_key:<id>": whose key it is.
    caller: Mapped[str] = mapped_column(String(80))
    key: Mapped[str] = mapped_column(String(MAX_KEY_LENGTH))
    request_hash: Mapped[str] = mapped_column(String(64))
    # Null while the first request is running.
    status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    response: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class IdempotencyConflict(ServiceError):
    """The key was used with another body, or its first request is still running."""

    code = "BAD_REQUEST"

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Stored:
    status_code: int
    response: dict[str, Any]


def caller_of(principal: Principal) -> str:
    if principal.api_key_id is not None:
        return f"api_key:{principal.api_key_id}"
    return f"user:{principal.user_id}@{principal.organization_id}"


def request_hash(body: dict[str, Any]) -> str:
    canonical = json.dumps(
        {name: body.get(name) for name in ("query", "variables", "operationName")},
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def clean_key(key: str) -> str:
    stripped = key.strip()
    if not stripped or len(stripped) > MAX_KEY_LENGTH or not stripped.isprintable():
        raise IdempotencyConflict(
            "IDEMPOTENCY_KEY_INVALID",
            f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} printable characters.",
        )
    return stripped


async def begin(
    session: AsyncSession, *, caller: str, key: str, digest: str, now: datetime | None = None
) -> Stored | None:
    """Claim the key for this request (None: go ahead and run it), or return the stored
    response of the first request. The caller commits."""
    moment = now or utcnow()
    await session.execute(
        delete(IdempotencyRecord).where(
            IdempotencyRecord.caller == caller,
            IdempotencyRecord.key == key,
            IdempotencyRecord.created_at < moment - KEEP_FOR,
        )
    )
    try:
        async with session.begin_nested():
            session.add(
                IdempotencyRecord(caller=caller, key=key, request_hash=digest, created_at=moment)
            )
        return None
    except IntegrityError:
        pass
    found = await session.scalar(
        select(IdempotencyRecord).where(
            IdempotencyRecord.caller == caller, IdempotencyRecord.key == key
        )
    )
    assert found is not None
    if found.request_hash != digest:
        raise IdempotencyConflict(
            "IDEMPOTENCY_KEY_REUSED",
            "This Idempotency-Key was used with a different request; use a new key.",
        )
    if found.status_code is None or found.response is None:
        raise IdempotencyConflict(
            "IDEMPOTENCY_KEY_IN_USE",
            "The first request with this Idempotency-Key is still running; retry shortly.",
        )
    return Stored(found.status_code, found.response)


# A response carrying one of these says nothing was applied and a later retry may
# succeed: it is not kept, so the retry runs.
TRANSIENT_CODES = frozenset({"THROTTLED", "SERVICE_BUSY", "INTERNAL_SERVER_ERROR"})


def _final_response(status_code: int, body: bytes) -> dict[str, Any] | None:
    """The response to keep for replays, or None when a retry should run again."""
    if status_code >= 500:
        return None
    try:
        response = json.loads(body)
    except ValueError:
        return None
    if not isinstance(response, dict):
        return None
    errors = response.get("errors") or []
    codes = {(error.get("extensions") or {}).get("code") for error in errors}
    return None if codes & TRANSIENT_CODES else response


async def settle(
    session: AsyncSession, *, caller: str, key: str, status_code: int, body: bytes
) -> None:
    """After the first request: keep its response for replays, or free the key when the
    response was a transient failure (throttled, internal error) or unreadable."""
    response = _final_response(status_code, body)
    if response is None:
        await session.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.caller == caller, IdempotencyRecord.key == key
            )
        )
        return
    found = await session.scalar(
        select(IdempotencyRecord).where(
            IdempotencyRecord.caller == caller, IdempotencyRecord.key == key
        )
    )
    if found is not None:
        found.status_code, found.response = status_code, response
