"""Sign-up, log-in, sessions and passwords at the service boundary."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts import service
from services.accounts.models import Membership, Organization, User, UserSession
from services.accounts.secrets import SESSION_TOKEN_PREFIX
from services.db import unit_of_work, utcnow
from services.errors import Unauthenticated
from services.permissions import PERMISSIONS, Role
from tests.services.accounts.givens import (
    PASSWORD,
    Sessions,
    authenticate,
    invite,
    log_in,
    log_in_step,
    new_email,
    principal_of,
    refused,
    sign_up,
)

pytestmark = pytest.mark.auth


async def _count(sessions: Sessions, model: type[User] | type[Organization]) -> int:
    async with unit_of_work(sessions, write=False) as session:
        return await session.scalar(select(func.count()).select_from(model)) or 0


# --- sign-up ---------------------------------------------------------------------------


async def test_sign_up_creates_an_organization_owned_by_the_new_user_and_logs_them_in(
    sessions: Sessions,
) -> None:
    # when
    async with unit_of_work(sessions) as session:
        grant = await service.sign_up(
            session,
            None,
            email=new_email(),
            password=PASSWORD,
            name="Ada",
            organization_name="  Lye & Lavender ",
        )

    # then
    assert grant.organization.name == "Lye & Lavender"
    assert grant.membership.organization_id == grant.organization.id
    assert grant.membership.user_id == grant.user.id
    assert grant.membership.role == Role.OWNER.value
    assert grant.token.startswith(SESSION_TOKEN_PREFIX)
    assert grant.expires_at > utcnow() + timedelta(days=13)
    async with unit_of_work(sessions, write=False) as session:
        members = (
            await session.scalars(
                select(Membership).where(Membership.organization_id == grant.organization.id)
            )
        ).all()
    assert [(m.user_id, m.role) for m in members] == [(grant.user.id, "owner")]

    principal = await principal_of(sessions, grant.token)
    assert principal.organization_id == grant.organization.id
    assert principal.user_id == grant.user.id
    assert principal.role is Role.OWNER
    assert principal.permissions == frozenset(PERMISSIONS)
    assert principal.session_id is not None
    assert principal.api_key_id is None


async def test_the_password_is_stored_only_as_an_argon2id_hash(sessions: Sessions) -> None:
    # given
    ada = await sign_up(sessions)

    # when
    async with unit_of_work(sessions, write=False) as session:
        stored = await session.scalar(select(User.password_hash).where(User.id == ada.user_id))

    # then
    assert stored is not None
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    assert PasswordHasher().verify(stored, PASSWORD)


async def test_the_email_is_stored_in_lower_case(sessions: Sessions) -> None:
    # when
    ada = await sign_up(sessions, email="  Ada.Lovelace@Example.COM ")

    # then
    assert ada.email == "ada.lovelace@example.com"
    async with unit_of_work(sessions, write=False) as session:
        stored = await session.scalar(select(User.email).where(User.id == ada.user_id))
    assert stored == "ada.lovelace@example.com"
    assert (await log_in(sessions, "ADA.LOVELACE@example.com")).user_id == ada.user_id


async def test_an_email_can_sign_up_only_once_whatever_its_case(sessions: Sessions) -> None:
    # given
    await sign_up(sessions, email="grace@example.com")

    # when
    problem = await refused(
        sessions,
        lambda session: service.sign_up(
            session,
            None,
            email="Grace@Example.com",
            password=PASSWORD,
            organization_name="Second shop",
        ),
    )

    # then
    assert (problem.code, problem.field) == ("EMAIL_TAKEN", ("email",))
    assert await _count(sessions, User) == 1
    assert await _count(sessions, Organization) == 1


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"password": "123456789"}, "PASSWORD_TOO_SHORT", ("password",)),
        ({"organization_name": None}, "BLANK", ("organization_name",)),
        ({"organization_name": "   "}, "BLANK", ("organization_name",)),
        ({"organization_name": "x" * 201}, "TOO_LONG", ("organization_name",)),
        ({"email": "not-an-email"}, "INVALID_EMAIL", ("email",)),
        ({"email": "two@at@example.com"}, "INVALID_EMAIL", ("email",)),
    ],
)
async def test_sign_up_refuses_invalid_input_and_creates_nothing(
    sessions: Sessions, change: dict[str, str | None], code: str, field: tuple[str, ...]
) -> None:
    # given
    values: dict[str, str | None] = {
        "email": new_email(),
        "password": PASSWORD,
        "organization_name": "Lye & Lavender",
    }
    values.update(change)

    # when
    async def step(session: AsyncSession) -> None:
        await service.sign_up(
            session,
            None,
            email=values["email"] or "",
            password=values["password"] or "",
            organization_name=values["organization_name"],
        )

    problem = await refused(sessions, step)

    # then
    assert (problem.code, problem.field) == (code, field)
    assert await _count(sessions, User) == 0
    assert await _count(sessions, Organization) == 0


# --- log-in ----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["wrong password", "unknown email"])
async def test_log_in_gives_the_same_answer_for_a_wrong_password_and_an_unknown_email(
    sessions: Sessions, who: str
) -> None:
    # given
    ada = await sign_up(sessions)
    email, password = (
        (ada.email, PASSWORD + "!") if who == "wrong password" else (new_email(), PASSWORD)
    )

    # when
    problem = await refused(
        sessions, lambda session: log_in_step(session, email=email, password=password)
    )

    # then
    assert problem.code == "INVALID_CREDENTIALS"
    assert problem.message == "The email or password is not correct."


async def test_log_in_opens_a_session_for_the_organization_asked_for(sessions: Sessions) -> None:
    # given Ada owns one organization and was invited as a maker into Grace's
    ada = await sign_up(sessions, organization_name="Ada's soaps")
    grace = await sign_up(sessions, organization_name="Grace's candles")
    token = await invite(sessions, grace.principal, email=ada.email, role="maker")
    async with unit_of_work(sessions) as session:
        await service.accept_invitation(session, ada.principal, token=token)

    # when
    default = await log_in(sessions, ada.email)
    chosen = await log_in(sessions, ada.email, organization_id=grace.organization_id)

    # then the oldest membership by default, the chosen one when asked
    assert default.principal.organization_id == ada.organization_id
    assert default.principal.role is Role.OWNER
    assert chosen.grant.organization.name == "Grace's candles"
    assert chosen.principal.organization_id == grace.organization_id
    assert chosen.principal.role is Role.MAKER


async def test_log_in_to_an_organization_the_user_is_not_in_is_not_found(
    sessions: Sessions,
) -> None:
    # given
    ada = await sign_up(sessions)
    grace = await sign_up(sessions)

    # when
    problem = await refused(
        sessions,
        lambda session: log_in_step(
            session, email=ada.email, password=PASSWORD, organization_id=grace.organization_id
        ),
    )

    # then
    assert (problem.code, problem.field) == ("NOT_FOUND", ("organization_id",))


# --- sessions --------------------------------------------------------------------------


async def test_log_out_ends_the_session(sessions: Sessions) -> None:
    # given
    ada = await sign_up(sessions)
    other = await log_in(sessions, ada.email)

    # when
    async with unit_of_work(sessions) as session:
        await service.log_out(session, ada.principal)

    # then only that session has ended
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, ada.token)
    assert (await principal_of(sessions, other.token)).user_id == ada.user_id


async def test_an_expired_session_is_not_accepted(sessions: Sessions) -> None:
    # given
    ada = await sign_up(sessions)
    async with unit_of_work(sessions) as session:
        user_session = await session.get_one(UserSession, ada.principal.session_id)
        user_session.expires_at = utcnow() - timedelta(seconds=1)

    # when / then
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, ada.token)


async def test_an_unknown_or_foreign_token_is_not_accepted(sessions: Sessions) -> None:
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, SESSION_TOKEN_PREFIX + "x" * 43)
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, "ghp_not-one-of-ours")


# --- passwords -------------------------------------------------------------------------

NEW_PASSWORD = "tr0ub4dor & 3 more"


async def test_change_password_needs_the_current_password(sessions: Sessions) -> None:
    # given
    ada = await sign_up(sessions)

    # when
    problem = await refused(
        sessions,
        lambda session: service.change_password(
            session, ada.principal, current_password="not my password", new_password=NEW_PASSWORD
        ),
    )

    # then
    assert (problem.code, problem.field) == ("INVALID_CREDENTIALS", ("current_password",))
    await log_in(sessions, ada.email, password=PASSWORD)


async def test_change_password_refuses_a_short_new_password(sessions: Sessions) -> None:
    # given
    ada = await sign_up(sessions)

    # when
    problem = await refused(
        sessions,
        lambda session: service.change_password(
            session, ada.principal, current_password=PASSWORD, new_password="short"
        ),
    )

    # then
    assert (problem.code, problem.field) == ("PASSWORD_TOO_SHORT", ("new_password",))


async def test_change_password_ends_every_other_session_of_the_user(sessions: Sessions) -> None:
    # given Ada is logged in on two devices, and Grace on hers
    ada = await sign_up(sessions)
    ada_elsewhere = await log_in(sessions, ada.email)
    grace = await sign_up(sessions)

    # when
    async with unit_of_work(sessions) as session:
        await service.change_password(
            session, ada.principal, current_password=PASSWORD, new_password=NEW_PASSWORD
        )

    # then
    assert (await principal_of(sessions, ada.token)).user_id == ada.user_id
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, ada_elsewhere.token)
    assert (await principal_of(sessions, grace.token)).user_id == grace.user_id
    await log_in(sessions, ada.email, password=NEW_PASSWORD)
    await refused(
        sessions,
        lambda session: log_in_step(session, email=ada.email, password=PASSWORD),
    )


async def test_a_password_changed_between_its_check_and_the_login_is_refused(sessions):
    # given Ada's password was checked
    ada = await sign_up(sessions)
    async with unit_of_work(sessions) as session:
        credentials = await service.check_credentials(session, email=ada.email, password=PASSWORD)
    # when it changes before the session opens
    async with unit_of_work(sessions) as session:
        await service.change_password(
            session, ada.principal, current_password=PASSWORD, new_password=PASSWORD + "!"
        )
    # then the login with the old check is refused
    problem = await refused(
        sessions, lambda session: service.log_in(session, None, credentials=credentials)
    )
    assert problem.code == "INVALID_CREDENTIALS"
