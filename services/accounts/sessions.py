"""A person's own sessions (where and when they logged in) and API key rotation.

Sessions are listed and ended by the person they belong to, whatever organization each
acts for; another person's session behaves as one that does not exist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import ApiKey, UserSession
from services.accounts.secrets import API_KEY_PREFIX, new_token, token_digest
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import NotFound, PermissionDenied, UserInputError
from services.pagination import Page, PageRequest, paginate
from services.permissions import Principal, require_principal, require_user

DEFAULT_ROTATION_OVERLAP = timedelta(hours=24)
MAX_ROTATION_OVERLAP = timedelta(days=7)


@dataclass(frozen=True)
class RotatedApiKey:
    api_key: ApiKey
    token: str


def _person(principal: Principal | None) -> Principal:
    acting = require_principal(principal)
    if acting.user_id is None:
        raise PermissionDenied("organization.read")  # a person's sessions, not a key's
    return acting


def _live(acting: Principal) -> tuple[ColumnElement[bool], ...]:
    now = utcnow()
    return (
        UserSession.user_id == acting.user_id,
        UserSession.revoked_at.is_(None),
        UserSession.expires_at > now,
    )


async def list_sessions(
    session: AsyncSession, principal: Principal | None, *, page: PageRequest
) -> Page[UserSession]:
    """The calling person's sessions that still work, oldest first."""
    acting = _person(principal)
    return await paginate(session, select(UserSession).where(*_live(acting)), UserSession.id, page)


async def revoke_session(
    session: AsyncSession, principal: Principal | None, *, session_id: int
) -> UserSession:
    """End one of your sessions (the calling one included: that is logOut)."""
    acting = _person(principal)
    found = await session.scalar(
        select(UserSession).where(UserSession.id == session_id, *_live(acting))
    )
    if found is None:
        raise NotFound("session")
    found.revoked_at = utcnow()
    await session.flush()
    return found


async def revoke_other_sessions(session: AsyncSession, principal: Principal | None) -> int:
    """End every session of yours but the calling one; how many ended."""
    acting = _person(principal)
    result = await session.execute(
        update(UserSession)
        .where(*_live(acting), UserSession.id != acting.session_id)
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def rotate_api_key(
    session: AsyncSession,
    principal: Principal | None,
    *,
    api_key_id: int,
    overlap: timedelta = DEFAULT_ROTATION_OVERLAP,
) -> RotatedApiKey:
    """A new secret for the key (same id, name and scopes); the current one keeps working
    for `overlap` (0 to 7 days), so integrations can switch without downtime. A secret
    from before an earlier rotation stops at once."""
    acting = require_user(principal, "api_keys.manage")
    if not timedelta(0) <= overlap <= MAX_ROTATION_OVERLAP:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f"overlapSeconds must be between 0 and {int(MAX_ROTATION_OVERLAP.total_seconds())}.",
            ("overlap_seconds",),
        )
    key = await session.scalar(
        select(ApiKey)
        .where(ApiKey.id == api_key_id, ApiKey.organization_id == acting.organization_id)
        .with_for_update()
    )
    if key is None:
        raise NotFound("API key")
    if key.revoked_at is not None:
        raise UserInputError(
            ErrorCode.API_KEY_REVOKED, "This key is revoked; create a new one instead.", ("id",)
        )
    token = new_token(API_KEY_PREFIX)
    key.previous_token_hash = key.token_hash if overlap > timedelta(0) else None
    key.previous_expires_at = utcnow() + overlap if overlap > timedelta(0) else None
    key.token_hash = token_digest(token)
    key.prefix = token[: len(API_KEY_PREFIX) + 4]
    await session.flush()
    return RotatedApiKey(key, token)
