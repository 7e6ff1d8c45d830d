"""Email verification and password reset: one-time tokens sent by email.

A token is 256 random bits shown only in the email; the database keeps its SHA-256.
It works once, within TOKEN_LIFETIME. A reset ends every session of the user and lifts a
login lock (the email proves the person); asking for a reset answers the same whether
an account has the address or not.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services import mail
from services.accounts import guard
from services.accounts.models import AccountToken, Membership, Organization, User, UserSession
from services.accounts.passwords import check_new_password
from services.accounts.secrets import (
    RESET_TOKEN_PREFIX,
    VERIFY_TOKEN_PREFIX,
    hash_password,
    new_token,
    token_digest,
)
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import PermissionDenied, UserInputError
from services.permissions import Principal, require_principal
from services.validation import clean_email

TOKEN_LIFETIME = timedelta(hours=1)


class Purpose(StrEnum):
    VERIFY_EMAIL = "verify_email"
    RESET_PASSWORD = "reset_password"


_PREFIX = {Purpose.VERIFY_EMAIL: VERIFY_TOKEN_PREFIX, Purpose.RESET_PASSWORD: RESET_TOKEN_PREFIX}


async def _issue(session: AsyncSession, user: User, purpose: Purpose) -> str:
    """A new token; the user's earlier unused ones of the same purpose stop working."""
    now = utcnow()
    await session.execute(
        update(AccountToken)
        .where(
            AccountToken.user_id == user.id,
            AccountToken.purpose == purpose.value,
            AccountToken.used_at.is_(None),
        )
        .values(used_at=now)
    )
    token = new_token(_PREFIX[purpose])
    session.add(
        AccountToken(
            user_id=user.id,
            purpose=purpose.value,
            token_hash=token_digest(token),
            expires_at=now + TOKEN_LIFETIME,
        )
    )
    return token


async def _redeem(session: AsyncSession, token: str, purpose: Purpose) -> User:
    """The token's user, the token used up; TOKEN_INVALID or TOKEN_EXPIRED otherwise."""
    field = ("token",)
    found = None
    if token.startswith(_PREFIX[purpose]) and len(token) <= 200:
        found = await session.scalar(
            select(AccountToken)
            .where(
                AccountToken.token_hash == token_digest(token),
                AccountToken.purpose == purpose.value,
            )
            .with_for_update()
        )
    if found is None or found.used_at is not None:
        raise UserInputError(
            ErrorCode.TOKEN_INVALID, "This token is not valid or has been used already.", field
        )
    if found.expires_at <= utcnow():
        raise UserInputError(
            ErrorCode.TOKEN_EXPIRED, "This token has expired; ask for a new one.", field
        )
    found.used_at = utcnow()
    return await session.get_one(User, found.user_id)


async def send_verification(session: AsyncSession, user: User) -> str:
    """Mail the user a token that verifies their address; returns it (for sign-up's
    callers that already hold proof, such as an accepted invitation, nothing is sent)."""
    token = await _issue(session, user, Purpose.VERIFY_EMAIL)
    mail.queue_template(
        session,
        organization_id=None,
        to=user.email,
        template="email_verification",
        email=user.email,
        token=token,
        verify_url=None,
        valid_minutes=_minutes(TOKEN_LIFETIME),
    )
    await session.flush()
    return token


async def verify_by_operator(session: AsyncSession, email: str) -> User | None:
    """An operator's verification (`batchtrack verify-email`), for an address that cannot
    receive mail, such as a test server's: None when no account has it."""
    user = await session.scalar(select(User).where(User.email == clean_email(email)))
    if user is not None and user.email_verified_at is None:
        user.email_verified_at = utcnow()
    return user


async def resend_verification(session: AsyncSession, principal: Principal | None) -> User:
    """A new verification token for the calling user (an earlier one stops working)."""
    user = await _acting_user(session, principal)
    if user.email_verified_at is None:
        await send_verification(session, user)
    return user


async def verify_email(session: AsyncSession, principal: Principal | None, *, token: str) -> User:
    """Public: the token alone says whose address it verifies."""
    user = await _redeem(session, token, Purpose.VERIFY_EMAIL)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    await session.flush()
    return user


async def request_password_reset(
    session: AsyncSession, principal: Principal | None, *, email: str
) -> None:
    """Mail a reset token when an account has this address; the same answer when none
    has (the caller learns nothing about which addresses have accounts)."""
    email = clean_email(email)
    user = await session.scalar(select(User).where(User.email == email))
    if user is None:
        return
    token = await _issue(session, user, Purpose.RESET_PASSWORD)
    mail.queue_template(
        session,
        organization_id=None,
        to=user.email,
        template="password_reset",
        email=user.email,
        token=token,
        reset_url=None,
        valid_minutes=_minutes(TOKEN_LIFETIME),
    )
    await session.flush()


async def reset_password(
    session: AsyncSession, principal: Principal | None, *, token: str, new_password: str
) -> User:
    """Set a new password with a reset token; every session of the user ends, and a
    login lock on the address is lifted. Proves the address too."""
    user = await _redeem(session, token, Purpose.RESET_PASSWORD)
    organizations = await session.scalars(
        select(Organization.name)
        .join(Membership, Membership.organization_id == Organization.id)
        .where(Membership.user_id == user.id)
    )
    new_password = await check_new_password(
        new_password,
        user_inputs=(user.email, user.name, *organizations),
        field=("new_password",),
    )
    now = utcnow()
    user.password_hash = await hash_password(new_password)
    user.email_verified_at = user.email_verified_at or now
    await session.execute(
        update(UserSession)
        .where(UserSession.user_id == user.id, UserSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    await guard.clear(session, guard.email_digest(user.email))
    await session.flush()
    return user


async def require_verified_email(session: AsyncSession, principal: Principal) -> None:
    """EMAIL_NOT_VERIFIED unless the acting person has verified their address: inviting
    people and minting API keys speak for the organization to the outside."""
    if principal.user_id is None:
        return
    verified = await session.scalar(
        select(User.email_verified_at).where(User.id == principal.user_id)
    )
    if verified is None:
        raise UserInputError(
            ErrorCode.EMAIL_NOT_VERIFIED,
            "Verify your email address first: use the token we emailed you with verifyEmail "
            "(sendVerificationEmail sends a new one).",
        )


async def _acting_user(session: AsyncSession, principal: Principal | None) -> User:
    acting = require_principal(principal)
    if acting.user_id is None:
        raise PermissionDenied("organization.read")  # a person's operation, not a key's
    return await session.get_one(User, acting.user_id)


def _minutes(lifetime: timedelta) -> int:
    return int(lifetime.total_seconds() // 60)
