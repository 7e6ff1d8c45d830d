"""Givens for the service tests: people, organizations and their principals.

Every step runs in its own committed transaction (`unit_of_work`), the way one API
request does, so a test sees only what a later request would see.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.accounts import organizations, service, tokens
from services.accounts.models import Organization
from services.accounts.secrets import VERIFY_TOKEN_PREFIX
from services.db import unit_of_work
from services.errors import FieldProblem, UserInputError
from services.mail import OutboundEmail
from services.permissions import Principal

Sessions = async_sessionmaker[AsyncSession]

PASSWORD = "correct horse battery staple"
_numbers = itertools.count(1)


def new_email(stem: str = "maker") -> str:
    return f"{stem}{next(_numbers)}@example.com"


@dataclass(frozen=True)
class Actor:
    """A signed-in person: the grant sign-up or log-in returned, and the principal a
    request with its token would act as."""

    grant: service.SessionGrant
    principal: Principal

    @property
    def token(self) -> str:
        return self.grant.token

    @property
    def email(self) -> str:
        return self.grant.user.email

    @property
    def user_id(self) -> int:
        return self.grant.user.id

    @property
    def organization_id(self) -> int:
        return self.grant.organization.id

    @property
    def membership_id(self) -> int:
        return self.grant.membership.id


async def authenticate(sessions: Sessions, token: str) -> service.Authentication:
    async with unit_of_work(sessions, write=False) as session:
        return await service.authenticate(session, token)


async def principal_of(sessions: Sessions, token: str) -> Principal:
    return (await authenticate(sessions, token)).principal


async def actor(sessions: Sessions, grant: service.SessionGrant) -> Actor:
    return Actor(grant, await principal_of(sessions, grant.token))


async def sign_up(
    sessions: Sessions,
    *,
    email: str | None = None,
    password: str = PASSWORD,
    organization_name: str | None = "Lye & Lavender",
    currency_code: str = "USD",
    invitation_token: str | None = None,
    verified: bool = True,
) -> Actor:
    """A new person and, without an invitation, their organization; their email address
    verified with the token mailed at sign-up unless `verified` is False."""
    async with unit_of_work(sessions) as session:
        grant = await service.sign_up(
            session,
            None,
            email=email or new_email(),
            password=password,
            organization_name=None if invitation_token else organization_name,
            currency_code=currency_code,
            invitation_token=invitation_token,
        )
    if verified and grant.user.email_verified_at is None:
        await verify_email(sessions, grant.user.email)
    return await actor(sessions, grant)


async def mailed_token(sessions: Sessions, to: str, prefix: str) -> str:
    """The newest token with this prefix mailed to `to`, read from the outbox as the
    person would read it from their email (the outbox keeps it until the mail is sent)."""
    async with unit_of_work(sessions, write=False) as session:
        bodies = (
            await session.scalars(
                select(OutboundEmail.body)
                .where(OutboundEmail.to_address == to)
                .order_by(OutboundEmail.id.desc())
            )
        ).all()
    for body in bodies:
        match = re.search(re.escape(prefix) + r"[A-Za-z0-9_\-]+", body)
        if match:
            return match.group(0)
    raise AssertionError(f"no {prefix} token was mailed to {to}: {bodies}")


async def verify_email(sessions: Sessions, email: str) -> None:
    token = await mailed_token(sessions, email, VERIFY_TOKEN_PREFIX)
    async with unit_of_work(sessions) as session:
        await tokens.verify_email(session, None, token=token)


async def log_in(
    sessions: Sessions, email: str, *, password: str = PASSWORD, organization_id: int | None = None
) -> Actor:
    async with unit_of_work(sessions) as session:
        grant = await log_in_step(
            session, email=email, password=password, organization_id=organization_id
        )
    return await actor(sessions, grant)


async def log_in_step(
    session: AsyncSession, *, email: str, password: str, organization_id: int | None = None
) -> service.SessionGrant:
    """Both steps of a login (checking the password, opening the session) in one session."""
    credentials = await service.check_credentials(session, email=email, password=password)
    return await service.log_in(
        session, None, credentials=credentials, organization_id=organization_id
    )


async def attempt_log_in(sessions: Sessions, email: str, password: str) -> service.SessionGrant:
    """A login as the API runs it: the password checked in a read; a refusal counted in a
    transaction of its own, then raised; else the session opened."""
    try:
        async with unit_of_work(sessions, write=False) as session:
            credentials = await service.check_credentials(session, email=email, password=password)
    except service.LoginRefusedError as refused:
        async with unit_of_work(sessions) as session:
            await service.record_login_failure(session, refused)
        raise
    async with unit_of_work(sessions) as session:
        return await service.log_in(session, None, credentials=credentials)


async def invite(sessions: Sessions, inviter: Principal, *, email: str, role: str) -> str:
    """Invite someone; return the invitation token (which the email carries)."""
    async with unit_of_work(sessions) as session:
        _, token = await service.invite_member(session, inviter, email=email, role=role)
    return token


async def add_member(sessions: Sessions, inviter: Principal, *, role: str) -> Actor:
    """A new person joins the inviter's organization through an invitation."""
    email = new_email(role)
    token = await invite(sessions, inviter, email=email, role=role)
    return await sign_up(sessions, email=email, invitation_token=token)


async def create_api_key(sessions: Sessions, creator: Principal, *scopes: str) -> str:
    """Create a key with these scopes; return its token (shown only this once)."""
    async with unit_of_work(sessions) as session:
        created = await service.create_api_key(session, creator, name="shop sync", scopes=scopes)
    return created.token


async def update_organization(
    sessions: Sessions, principal: Principal, **changes: str
) -> Organization:
    async with unit_of_work(sessions) as session:
        return await organizations.update_organization(session, principal, **changes)


async def organization_now(sessions: Sessions, organization_id: int) -> Organization:
    async with unit_of_work(sessions, write=False) as session:
        return await session.get_one(Organization, organization_id)


async def refused(
    sessions: Sessions, step: Callable[[AsyncSession], Awaitable[object]]
) -> FieldProblem:
    """Run one step that must be refused with a UserInputError; return its first problem."""
    return (await all_refusals(sessions, step))[0]


async def all_refusals(
    sessions: Sessions, step: Callable[[AsyncSession], Awaitable[object]]
) -> tuple[FieldProblem, ...]:
    """Run one step that must be refused with a UserInputError; return all its problems."""
    with pytest.raises(UserInputError) as raised:
        async with unit_of_work(sessions) as session:
            await step(session)
    return raised.value.problems
