"""Accounts and tenancy: sign-up, sessions, API keys, members and invitations.

Every function takes the session first, then the acting principal (None for the public
operations), then keyword-only inputs. Functions flush; the caller commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services import mail
from services.accounts import guard, lifecycle, tokens
from services.accounts.models import (
    ApiKey,
    Invitation,
    Membership,
    Organization,
    User,
    UserSession,
)
from services.accounts.organizations import clean_organization_name
from services.accounts.passwords import PASSWORD_MAX_LENGTH, check_new_password
from services.accounts.secrets import (
    API_KEY_PREFIX,
    INVITATION_TOKEN_PREFIX,
    SESSION_TOKEN_PREFIX,
    hash_password,
    needs_rehash,
    new_token,
    token_digest,
    verify_password,
)
from services.billing.entitlements import require_within
from services.billing.models import BillingAccount
from services.billing.plans import Limit
from services.billing.standing import LOCAL_POLICY, BillingPolicy, BillingRow, Standing, standing_of
from services.currencies import DEFAULT_CURRENCY, clean_currency_code
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import (
    ApiAccessNotIncluded,
    NotFound,
    PermissionDenied,
    Unauthenticated,
    UserInputError,
)
from services.pagination import Page, PageRequest, paginate
from services.permissions import (
    PERMISSIONS,
    ROLE_PERMISSIONS,
    ROLE_RANK,
    Principal,
    Role,
    require_permission,
    require_principal,
    require_user,
)
from services.validation import clean_email, clean_text

SESSION_LIFETIME = timedelta(days=14)
INVITATION_LIFETIME = timedelta(days=7)
# Writing last-used time on every request would turn reads into writes; once a minute is
# precise enough for "is this key still in use?".
LAST_USED_RESOLUTION = timedelta(minutes=1)
MAX_ACTIVE_API_KEYS = 100


@dataclass(frozen=True)
class SessionGrant:
    user: User
    organization: Organization
    membership: Membership
    token: str
    expires_at: datetime


@dataclass(frozen=True)
class NewApiKey:
    api_key: ApiKey
    token: str


@dataclass(frozen=True)
class Viewer:
    organization: Organization
    user: User | None
    membership: Membership | None
    api_key: ApiKey | None
    permissions: frozenset[str]


def _parse_role(role: str, field: Sequence[str] = ("role",)) -> Role:
    try:
        return Role(role.lower())
    except ValueError:
        names = ", ".join(r.value.upper() for r in Role)
        raise UserInputError(
            ErrorCode.INVALID_ROLE, f"role must be one of {names}.", field
        ) from None


@dataclass(frozen=True)
class Device:
    """Where a session was opened from, as the `sessions` list shows it."""

    ip_address: str | None = None
    user_agent: str | None = None


async def _open_session(
    session: AsyncSession, user: User, membership: Membership, device: Device | None = None
) -> SessionGrant:
    token = new_token(SESSION_TOKEN_PREFIX)
    now = utcnow()
    expires_at = now + SESSION_LIFETIME
    device = device or Device()
    session.add(
        UserSession(
            organization_id=membership.organization_id,
            user_id=user.id,
            token_hash=token_digest(token),
            expires_at=expires_at,
            ip_address=(device.ip_address or None) and device.ip_address[:45],
            user_agent=(device.user_agent or None) and device.user_agent[:300],
            last_used_at=now,
        )
    )
    organization = await session.get_one(Organization, membership.organization_id)
    await session.flush()
    return SessionGrant(user, organization, membership, token, expires_at)


async def _find_invitation(session: AsyncSession, token: str, email: str) -> Invitation:
    invitation = await session.scalar(
        select(Invitation).where(Invitation.token_hash == token_digest(token))
    )
    field = ("invitation_token",)
    if invitation is None or invitation.accepted_at is not None:
        raise UserInputError(ErrorCode.INVITATION_INVALID, "This invitation is not valid.", field)
    if invitation.expires_at <= utcnow():
        raise UserInputError(
            ErrorCode.INVITATION_EXPIRED, "This invitation has expired; ask for a new one.", field
        )
    if invitation.email != email:
        raise UserInputError(
            ErrorCode.INVITATION_EMAIL_MISMATCH,
            "This invitation was sent to another email address.",
            field,
        )
    return invitation


async def _join(session: AsyncSession, user: User, invitation: Invitation) -> Membership:
    existing = await session.scalar(
        select(Membership).where(
            Membership.organization_id == invitation.organization_id,
            Membership.user_id == user.id,
        )
    )
    invitation.accepted_at = utcnow()
    if existing is not None:
        return existing
    membership = Membership(
        organization_id=invitation.organization_id, user_id=user.id, role=invitation.role
    )
    session.add(membership)
    await session.flush()
    return membership


async def sign_up(
    session: AsyncSession,
    principal: Principal | None,
    *,
    email: str,
    password: str,
    name: str = "",
    organization_name: str | None = None,
    currency_code: str = DEFAULT_CURRENCY,
    invitation_token: str | None = None,
    device: Device | None = None,
) -> SessionGrant:
    """Create a user and either a new organization they own, keeping its books in
    `currency_code` (ISO 4217), or, with an invitation, membership of the inviting
    organization, whose name and currency stay as they are; log them in."""
    email = clean_email(email)
    name = clean_text(name, ("name",), max_length=200, min_length=0)
    currency_code = clean_currency_code(currency_code)
    invitation = (
        await _find_invitation(session, invitation_token, email) if invitation_token else None
    )
    if invitation is None:
        if organization_name is None:
            raise UserInputError(
                ErrorCode.BLANK,
                "organizationName is required unless you accept an invitation.",
                ("organization_name",),
            )
        organization_name = clean_organization_name(organization_name, ("organization_name",))
        known = organization_name
    else:
        known = (await session.get_one(Organization, invitation.organization_id)).name
    password = await check_new_password(password, user_inputs=(email, name, known))
    if await session.scalar(select(User.id).where(User.email == email)) is not None:
        raise UserInputError(
            ErrorCode.EMAIL_TAKEN, "An account with this email exists; log in instead.", ("email",)
        )
    user = User(email=email, name=name, password_hash=await hash_password(password))
    session.add(user)
    await session.flush()
    if invitation is not None:
        user.email_verified_at = utcnow()  # the invitation was mailed to this address
        membership = await _join(session, user, invitation)
    else:
        assert organization_name is not None
        organization = Organization(name=organization_name, currency_code=currency_code)
        session.add(organization)
        await session.flush()
        membership = Membership(
            organization_id=organization.id, user_id=user.id, role=Role.OWNER.value
        )
        session.add(membership)
        await tokens.send_verification(session, user)
        lifecycle.queue_first_week(session, user, organization, at=utcnow())
    return await _open_session(session, user, membership, device)


@dataclass(frozen=True)
class Credentials:
    """A user whose password `check_credentials` has just verified."""

    user_id: int
    password_hash: str
    # The same password hashed with the current argon2 parameters, when the stored hash
    # used older ones; log_in stores it.
    rehashed: str | None = None


def _invalid_credentials() -> UserInputError:
    return UserInputError(ErrorCode.INVALID_CREDENTIALS, _REFUSED_LOGIN, ("email",))


_REFUSED_LOGIN = "The email or password is not correct."


class LoginRefusedError(UserInputError):
    """A login refused for a wrong password, an unknown email or a locked account: one
    answer for the three, so nothing tells which accounts exist or are locked. The
    caller records it (`record_login_failure`) in a transaction of its own."""

    def __init__(self, digest: str, user_id: int | None) -> None:
        super().__init__(ErrorCode.INVALID_CREDENTIALS, _REFUSED_LOGIN, ("email",))
        self.digest = digest
        self.user_id = user_id


async def check_credentials(session: AsyncSession, *, email: str, password: str) -> Credentials:
    """Verify an email and password; a read. Kept out of log_in's write transaction: the
    hash takes tens of milliseconds, and on SQLite every writer waits while one holds the
    write lock, so a burst of logins would queue behind each other's hashing.

    The three refusals do the same work: one user lookup, one lock lookup, one argon2
    verification (of a dummy hash for an unknown email), then one guard row written by
    `record_login_failure`; a locked account is refused even with the right password."""
    if len(email) > 320 or len(password) > PASSWORD_MAX_LENGTH:
        raise _invalid_credentials()
    digest = guard.email_digest(email)
    user = await session.scalar(select(User).where(User.email == email.strip().lower()))
    locked = await guard.locked_until(session, digest)
    verified = await verify_password(user.password_hash if user else None, password)
    if not verified or user is None or locked is not None:
        raise LoginRefusedError(digest, user.id if user else None)
    rehashed = await hash_password(password) if needs_rehash(user.password_hash) else None
    return Credentials(user.id, user.password_hash, rehashed)


async def record_login_failure(session: AsyncSession, refused: LoginRefusedError) -> None:
    """Count the refusal against the address; when it locks an account, tell its owner."""
    until = await guard.record_failure(session, refused.digest)
    if until is None or refused.user_id is None:
        return
    user = await session.get_one(User, refused.user_id)
    minutes = round((until - utcnow()).total_seconds() / 60)
    mail.queue_email(
        session,
        organization_id=None,
        to=user.email,
        subject="Your BatchTrack account is locked after failed log-ins",
        body=(
            f"Someone entered a wrong password for {user.email} {guard.MAX_FAILURES} times, "
            f"so logging in is paused for {minutes} minutes (until {until:%Y-%m-%d %H:%M} UTC).\n"
            "If it was you, wait and try again. If it was not, your password may be known "
            "or guessed: reset it (requestPasswordReset) once the lock ends, and check your "
            "sessions (the `sessions` query) for devices you do not recognise."
        ),
    )
    await session.flush()


async def log_in(
    session: AsyncSession,
    principal: Principal | None,
    *,
    credentials: Credentials,
    organization_id: int | None = None,
    device: Device | None = None,
) -> SessionGrant:
    """Open a session for one of the user's organizations (the oldest one by default)."""
    user = await session.get(User, credentials.user_id)
    if user is None or user.password_hash != credentials.password_hash:
        raise _invalid_credentials()  # the password changed since it was checked
    if credentials.rehashed is not None:
        user.password_hash = credentials.rehashed
    await guard.clear(session, guard.email_digest(user.email))
    memberships = select(Membership).where(Membership.user_id == user.id)
    if organization_id is not None:
        memberships = memberships.where(Membership.organization_id == organization_id)
    membership = await session.scalar(memberships.order_by(Membership.id).limit(1))
    if membership is None:
        if organization_id is not None:
            raise NotFound("organization", ("organization_id",))
        raise UserInputError(
            ErrorCode.NO_ORGANIZATION, "This account belongs to no organization.", ("email",)
        )
    return await _open_session(session, user, membership, device)


async def log_out(session: AsyncSession, principal: Principal | None) -> None:
    acting = require_principal(principal)
    if acting.session_id is None:
        raise UserInputError(
            ErrorCode.NOT_A_SESSION, "logOut ends a user session; revoke API keys instead.", ()
        )
    user_session = await session.get_one(UserSession, acting.session_id)
    user_session.revoked_at = utcnow()
    await session.flush()


def _principal_for_membership(
    membership: Membership, session_id: int, standing: Standing
) -> Principal:
    role = Role(membership.role)
    return Principal(
        organization_id=membership.organization_id,
        permissions=ROLE_PERMISSIONS[role],
        user_id=membership.user_id,
        role=role,
        session_id=session_id,
        standing=standing,
    )


@dataclass(frozen=True)
class Authentication:
    principal: Principal
    # The key's (or session's) last-used time is older than LAST_USED_RESOLUTION:
    # record this use (`record_use`).
    key_use_to_record: bool = False
    session_use_to_record: bool = False


def _stale(last_used_at: datetime | None, now: datetime) -> bool:
    return last_used_at is None or now - last_used_at > LAST_USED_RESOLUTION


# Runs before every API-key request: built once, and plain columns rather than the ORM
# object (the ORM's per-row work costs more than the lookup). The organization's billing
# columns come in the same statement: the principal carries its standing.
_API_KEYS = ApiKey.__table__.c
_BILLING = BillingAccount.__table__.c
_BILLING_COLUMNS = (
    _BILLING.plan,
    _BILLING.status,
    _BILLING.add_ons,
    _BILLING.grace_ends_at,
    _BILLING.exempt,
    _BILLING.suspended_at,
)
_KEY_COLUMNS = (
    _API_KEYS.id,
    _API_KEYS.organization_id,
    _API_KEYS.scopes,
    _API_KEYS.last_used_at,
    _API_KEYS.expires_at,
    *_BILLING_COLUMNS,
)
_KEYS_WITH_BILLING = select(*_KEY_COLUMNS).outerjoin(
    BillingAccount, _BILLING.organization_id == _API_KEYS.organization_id
)
_LIVE_API_KEY = _KEYS_WITH_BILLING.where(
    _API_KEYS.token_hash == bindparam("digest"), _API_KEYS.revoked_at.is_(None)
)
# A rotated key's previous secret, during its overlap (looked up only when the current
# secrets did not match, so a good key costs one indexed lookup as before).
_ROTATED_API_KEY = _KEYS_WITH_BILLING.where(
    _API_KEYS.previous_token_hash == bindparam("digest"),
    _API_KEYS.previous_expires_at > bindparam("now"),
    _API_KEYS.revoked_at.is_(None),
)


def _billing_row(row: Any) -> BillingRow:
    return BillingRow(
        row.plan, row.status, row.add_ons, row.grace_ends_at, row.exempt, row.suspended_at
    )


async def authenticate(
    session: AsyncSession, token: str, policy: BillingPolicy = LOCAL_POLICY
) -> Authentication:
    """Turn a bearer token into a principal, or raise Unauthenticated (or, for an API key
    of a plan without API access, ApiAccessNotIncluded). Reads only."""
    now = utcnow()
    digest = token_digest(token)
    if token.startswith(API_KEY_PREFIX):
        key = (await session.execute(_LIVE_API_KEY, {"digest": digest})).first()
        if key is None:
            key = (await session.execute(_ROTATED_API_KEY, {"digest": digest, "now": now})).first()
        if key is None:
            raise Unauthenticated("This API key is not valid or has been revoked.")
        if key.expires_at is not None and key.expires_at <= now:
            raise Unauthenticated("This API key has expired.")
        standing = standing_of(_billing_row(key), policy)
        if not standing.entitlements.api_access:
            raise ApiAccessNotIncluded(
                f"The {standing.plan} plan has no API access: upgrade the plan "
                "(createCheckoutSession) to use API keys."
            )
        principal = Principal(
            organization_id=key.organization_id,
            permissions=frozenset(key.scopes),
            user_id=None,
            api_key_id=key.id,
            standing=standing,
        )
        return Authentication(principal, key_use_to_record=_stale(key.last_used_at, now))
    if token.startswith(SESSION_TOKEN_PREFIX):
        row = (
            await session.execute(
                select(UserSession, Membership, *_BILLING_COLUMNS)
                .join(
                    Membership,
                    (Membership.user_id == UserSession.user_id)
                    & (Membership.organization_id == UserSession.organization_id),
                )
                .outerjoin(BillingAccount, _BILLING.organization_id == UserSession.organization_id)
                .where(UserSession.token_hash == digest)
            )
        ).first()
        if row is None:
            raise Unauthenticated("This session token is not valid.")
        user_session, membership = row[0], row[1]
        if user_session.revoked_at is not None or user_session.expires_at <= now:
            raise Unauthenticated("This session has ended; log in again.")
        standing = standing_of(_billing_row(row), policy)
        return Authentication(
            _principal_for_membership(membership, user_session.id, standing),
            session_use_to_record=_stale(user_session.last_used_at, now),
        )
    raise Unauthenticated("The bearer token is not a BatchTrack session token or API key.")


async def record_api_key_use(session: AsyncSession, api_key_id: int) -> None:
    key = await session.get_one(ApiKey, api_key_id)
    key.last_used_at = utcnow()
    await session.flush()


async def record_use(session: AsyncSession, authentication: Authentication) -> None:
    """Note that the key or session was used now, when `authenticate` said the last note
    is older than LAST_USED_RESOLUTION (so at most one write a minute per credential)."""
    principal = authentication.principal
    if authentication.key_use_to_record and principal.api_key_id is not None:
        await record_api_key_use(session, principal.api_key_id)
    elif authentication.session_use_to_record and principal.session_id is not None:
        user_session = await session.get_one(UserSession, principal.session_id)
        user_session.last_used_at = utcnow()
        await session.flush()


async def get_viewer(session: AsyncSession, principal: Principal | None) -> Viewer:
    acting = require_principal(principal)
    organization = await session.get_one(Organization, acting.organization_id)
    user = await session.get(User, acting.user_id) if acting.user_id is not None else None
    membership = None
    if user is not None:
        membership = await session.scalar(
            select(Membership).where(
                Membership.organization_id == acting.organization_id,
                Membership.user_id == user.id,
            )
        )
    api_key = (
        await session.get(ApiKey, acting.api_key_id) if acting.api_key_id is not None else None
    )
    return Viewer(organization, user, membership, api_key, acting.permissions)


# --- API keys -------------------------------------------------------------------------


def _check_scopes(acting: Principal, scopes: Sequence[str]) -> list[str]:
    if not scopes:
        raise UserInputError(ErrorCode.BLANK, "Give the key at least one scope.", ("scopes",))
    unknown = sorted(set(scopes) - set(PERMISSIONS))
    if unknown:
        raise UserInputError(
            ErrorCode.INVALID_SCOPE,
            f"Unknown scope(s): {', '.join(unknown)}. See the ApiKeyScope values.",
            ("scopes",),
        )
    beyond = sorted(set(scopes) - acting.permissions)
    if beyond:
        raise UserInputError(
            ErrorCode.SCOPE_NOT_HELD,
            f"You cannot grant scope(s) you do not hold: {', '.join(beyond)}.",
            ("scopes",),
        )
    return sorted(set(scopes))


async def create_api_key(
    session: AsyncSession,
    principal: Principal | None,
    *,
    name: str,
    scopes: Sequence[str],
    expires_at: datetime | None = None,
) -> NewApiKey:
    """Keys are created by a person (never by another key), with scopes they hold; one
    with `expires_at` stops working then."""
    acting = require_user(principal, "api_keys.manage")
    name = clean_text(name, ("name",), max_length=200)
    granted = _check_scopes(acting, scopes)
    if expires_at is not None and expires_at <= utcnow():
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE, "expiresAt must be in the future.", ("expires_at",)
        )
    await tokens.require_verified_email(session, acting)
    active = await session.scalar(
        select(func.count(ApiKey.id)).where(
            ApiKey.organization_id == acting.organization_id, ApiKey.revoked_at.is_(None)
        )
    )
    await require_within(session, acting, Limit.API_KEYS, field=("name",), usage=active or 0)
    if (active or 0) >= MAX_ACTIVE_API_KEYS:
        raise UserInputError(
            ErrorCode.LIMIT_REACHED,
            f"An organization can have {MAX_ACTIVE_API_KEYS} active keys; revoke one first.",
            ("name",),
        )
    token = new_token(API_KEY_PREFIX)
    assert acting.user_id is not None
    key = ApiKey(
        organization_id=acting.organization_id,
        name=name,
        prefix=token[: len(API_KEY_PREFIX) + 4],
        token_hash=token_digest(token),
        scopes=granted,
        created_by_user_id=acting.user_id,
        expires_at=expires_at,
    )
    session.add(key)
    await session.flush()
    return NewApiKey(key, token)


async def get_api_key(
    session: AsyncSession, principal: Principal | None, *, api_key_id: int
) -> ApiKey | None:
    acting = require_permission(principal, "api_keys.manage")
    return await session.scalar(
        select(ApiKey).where(
            ApiKey.id == api_key_id, ApiKey.organization_id == acting.organization_id
        )
    )


async def revoke_api_key(
    session: AsyncSession, principal: Principal | None, *, api_key_id: int
) -> ApiKey:
    require_user(principal, "api_keys.manage")
    key = await get_api_key(session, principal, api_key_id=api_key_id)
    if key is None:
        raise NotFound("API key")
    if key.revoked_at is None:
        key.revoked_at = utcnow()
        await session.flush()
    return key


async def list_api_keys(
    session: AsyncSession, principal: Principal | None, *, page: PageRequest
) -> Page[ApiKey]:
    acting = require_permission(principal, "api_keys.manage")
    statement = select(ApiKey).where(ApiKey.organization_id == acting.organization_id)
    return await paginate(session, statement, ApiKey.id, page)


# --- Members --------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    membership: Membership
    user: User


async def _members(
    session: AsyncSession, organization_id: int, membership_ids: Sequence[int]
) -> list[Member]:
    rows = await session.execute(
        select(Membership, User)
        .join(User, User.id == Membership.user_id)
        .where(Membership.organization_id == organization_id, Membership.id.in_(membership_ids))
    )
    return [Member(membership, user) for membership, user in rows.all()]


async def get_member(
    session: AsyncSession, principal: Principal | None, *, membership_id: int
) -> Member | None:
    acting = require_permission(principal, "members.read")
    found = await _members(session, acting.organization_id, [membership_id])
    return found[0] if found else None


async def list_members(
    session: AsyncSession, principal: Principal | None, *, page: PageRequest
) -> Page[Member]:
    acting = require_permission(principal, "members.read")
    statement = select(Membership).where(Membership.organization_id == acting.organization_id)
    memberships = await paginate(session, statement, Membership.id, page)
    by_id = {
        m.membership.id: m
        for m in await _members(session, acting.organization_id, memberships.keys)
    }
    return Page(
        items=[by_id[key] for key in memberships.keys],
        keys=memberships.keys,
        has_next_page=memberships.has_next_page,
        has_previous_page=memberships.has_previous_page,
    )


def _check_can_grant(acting: Principal, role: Role, field: Sequence[str]) -> None:
    assert acting.role is not None or acting.api_key_id is not None
    if acting.role is None:
        # An API key manages members up to ADMIN; making owners takes an owner in person.
        if role is Role.OWNER:
            raise PermissionDenied("members.manage")
        return
    if ROLE_RANK[role] > ROLE_RANK[acting.role]:
        raise UserInputError(
            ErrorCode.ROLE_TOO_HIGH,
            f"You cannot grant the role {role.value.upper()}, which is above your own.",
            field,
        )


async def invite_member(
    session: AsyncSession, principal: Principal | None, *, email: str, role: str
) -> tuple[Invitation, str]:
    acting = require_user(principal, "members.manage")
    email = clean_email(email)
    wanted = _parse_role(role)
    _check_can_grant(acting, wanted, ("role",))
    await tokens.require_verified_email(session, acting)
    await require_within(session, acting, Limit.USERS, field=("email",))
    already = await session.scalar(
        select(Membership.id)
        .join(User, User.id == Membership.user_id)
        .where(Membership.organization_id == acting.organization_id, User.email == email)
    )
    if already is not None:
        raise UserInputError(
            ErrorCode.ALREADY_MEMBER, "This person is already a member.", ("email",)
        )
    token = new_token(INVITATION_TOKEN_PREFIX)
    assert acting.user_id is not None
    invitation = Invitation(
        organization_id=acting.organization_id,
        email=email,
        role=wanted.value,
        token_hash=token_digest(token),
        invited_by_user_id=acting.user_id,
        expires_at=utcnow() + INVITATION_LIFETIME,
    )
    session.add(invitation)
    organization = await session.get_one(Organization, acting.organization_id)
    mail.queue_template(
        session,
        organization_id=acting.organization_id,
        to=email,
        template="invitation",
        organization=organization.name,
        role=wanted.value,
        token=token,
        accept_url=None,
        valid_days=INVITATION_LIFETIME.days,
    )
    await session.flush()
    return invitation, token


async def accept_invitation(
    session: AsyncSession, principal: Principal | None, *, token: str, device: Device | None = None
) -> SessionGrant:
    acting = require_principal(principal)
    if acting.user_id is None:
        raise PermissionDenied("members.read")
    user = await session.get_one(User, acting.user_id)
    invitation = await _find_invitation(session, token, user.email)
    membership = await _join(session, user, invitation)
    return await _open_session(session, user, membership, device)


async def _owner_count(session: AsyncSession, organization_id: int) -> int:
    # Lock the organization first so changes to its owners run one after the other:
    # otherwise two owners demoting each other at once both count two owners and leave
    # none (PostgreSQL; on SQLite the write transaction already holds the database lock).
    await session.execute(
        select(Organization.id).where(Organization.id == organization_id).with_for_update()
    )
    count = await session.scalar(
        select(func.count(Membership.id)).where(
            Membership.organization_id == organization_id, Membership.role == Role.OWNER.value
        )
    )
    return count or 0


async def _member_to_manage(session: AsyncSession, acting: Principal, membership_id: int) -> Member:
    found = await _members(session, acting.organization_id, [membership_id])
    if not found:
        raise NotFound("member")
    member = found[0]
    _check_can_grant(acting, Role(member.membership.role), ("id",))
    return member


async def update_member_role(
    session: AsyncSession, principal: Principal | None, *, membership_id: int, role: str
) -> Member:
    acting = require_permission(principal, "members.manage")
    wanted = _parse_role(role)
    member = await _member_to_manage(session, acting, membership_id)
    _check_can_grant(acting, wanted, ("role",))
    await require_within(session, acting, Limit.USERS, field=("email",))
    current = Role(member.membership.role)
    if (
        current is Role.OWNER
        and wanted is not Role.OWNER
        and await _owner_count(session, acting.organization_id) == 1
    ):
        raise UserInputError(
            ErrorCode.LAST_OWNER,
            "The organization needs at least one owner; make someone else owner first.",
            ("role",),
        )
    member.membership.role = wanted.value
    await session.flush()
    return member


async def remove_member(
    session: AsyncSession, principal: Principal | None, *, membership_id: int
) -> Member:
    acting = require_permission(principal, "members.manage")
    member = await _member_to_manage(session, acting, membership_id)
    if (
        Role(member.membership.role) is Role.OWNER
        and await _owner_count(session, acting.organization_id) == 1
    ):
        raise UserInputError(
            ErrorCode.LAST_OWNER,
            "The organization needs at least one owner; make someone else owner first.",
            ("id",),
        )
    # Their sessions for this organization end with the membership.
    sessions = await session.scalars(
        select(UserSession).where(
            UserSession.organization_id == acting.organization_id,
            UserSession.user_id == member.user.id,
            UserSession.revoked_at.is_(None),
        )
    )
    now = utcnow()
    for user_session in sessions:
        user_session.revoked_at = now
    await session.delete(member.membership)
    await session.flush()
    return member


async def change_password(
    session: AsyncSession,
    principal: Principal | None,
    *,
    current_password: str,
    new_password: str,
) -> User:
    """Change the password and end every other session of the user."""
    acting = require_principal(principal)
    if acting.user_id is None:
        raise PermissionDenied("organization.read")
    user = await session.get_one(User, acting.user_id)
    too_long = len(current_password) > PASSWORD_MAX_LENGTH  # never a stored password
    if too_long or not await verify_password(user.password_hash, current_password):
        raise UserInputError(
            ErrorCode.INVALID_CREDENTIALS,
            "The current password is not correct.",
            ("current_password",),
        )
    organization = await session.get_one(Organization, acting.organization_id)
    new_password = await check_new_password(
        new_password,
        user_inputs=(user.email, user.name, organization.name),
        field=("new_password",),
    )
    user.password_hash = await hash_password(new_password)
    others = await session.scalars(
        select(UserSession).where(
            UserSession.user_id == user.id,
            UserSession.revoked_at.is_(None),
            UserSession.id != acting.session_id,
        )
    )
    now = utcnow()
    for user_session in others:
        user_session.revoked_at = now
    await session.flush()
    return user
