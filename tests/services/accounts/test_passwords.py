"""The password policy: length, guessability (with the estimator's feedback), and argon2
parameters brought up to date at login."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts import service
from services.accounts.models import User
from services.db import unit_of_work
from tests.services.accounts.givens import (
    PASSWORD,
    Sessions,
    all_refusals,
    log_in,
    new_email,
    sign_up,
)

pytestmark = pytest.mark.auth


async def _users(sessions: Sessions) -> int:
    async with unit_of_work(sessions, write=False) as session:
        return await session.scalar(select(func.count()).select_from(User)) or 0


@pytest.mark.parametrize(
    ("password", "codes"),
    [
        ("password123456", ["PASSWORD_TOO_WEAK"]),
        ("aaaaaaaaaaaa", ["PASSWORD_TOO_WEAK"]),
        ("passwordpassword", ["PASSWORD_TOO_WEAK"]),
        # shorter than 12 characters, and guessable besides: both are said
        ("1234567890", ["PASSWORD_TOO_SHORT", "PASSWORD_TOO_WEAK"]),
        ("qwertyuiop", ["PASSWORD_TOO_SHORT", "PASSWORD_TOO_WEAK"]),
    ],
)
async def test_sign_up_refuses_a_guessable_password_with_the_estimators_advice(
    sessions: Sessions, password: str, codes: list[str]
) -> None:
    # when
    problems = await all_refusals(
        sessions,
        lambda session: service.sign_up(
            session, None, email=new_email(), password=password, organization_name="Suds"
        ),
    )

    # then
    assert [p.code for p in problems] == codes
    assert all(p.field == ("password",) for p in problems)
    weak = problems[-1]
    assert len(weak.message) > 40  # a warning or suggestion, not only "too weak"
    assert "uncommon words" in weak.message
    assert await _users(sessions) == 0


@pytest.mark.parametrize(
    "password",
    [
        "bramblewicksoaps@example.com",  # the email itself
        "bramblewicksoaps",  # the email's local part (16 characters, unguessable alone)
        "Tallowmere Candleworks",  # the organization's name
    ],
)
async def test_a_password_made_of_the_accounts_own_names_is_weak(
    sessions: Sessions, password: str
) -> None:
    # when
    problems = await all_refusals(
        sessions,
        lambda session: service.sign_up(
            session,
            None,
            email="bramblewicksoaps@example.com",
            password=password,
            name="Ada Quillfeather",
            organization_name="Tallowmere Candleworks",
        ),
    )

    # then
    assert [p.code for p in problems] == ["PASSWORD_TOO_WEAK"]
    assert "your email, name or organization name" in problems[0].message


async def test_the_local_part_alone_is_weak_only_for_its_own_account(sessions: Sessions) -> None:
    # Another person may choose the same words: for them they are not known facts.
    actor = await sign_up(sessions, email=new_email(), password="bramblewicksoaps")
    assert actor.user_id > 0


async def test_change_password_refuses_a_guessable_new_password(sessions: Sessions) -> None:
    # given
    ada = await sign_up(sessions)

    # when
    problems = await all_refusals(
        sessions,
        lambda session: service.change_password(
            session, ada.principal, current_password=PASSWORD, new_password="password123456"
        ),
    )

    # then
    assert [(p.code, p.field) for p in problems] == [("PASSWORD_TOO_WEAK", ("new_password",))]
    await log_in(sessions, ada.email)  # the old password still works


async def test_a_password_over_the_maximum_length_is_refused_before_estimating(
    sessions: Sessions,
) -> None:
    problems = await all_refusals(
        sessions,
        lambda session: service.sign_up(
            session, None, email=new_email(), password="x" * 257, organization_name="Suds"
        ),
    )
    assert [p.code for p in problems] == ["TOO_LONG"]


async def test_login_rehashes_a_password_hashed_with_older_argon2_parameters(
    sessions: Sessions, production_password_cost: None
) -> None:
    # given a hash made with cheaper parameters than today's
    ada = await sign_up(sessions)
    old = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    async with unit_of_work(sessions) as session:
        await session.execute(update(User).where(User.id == ada.user_id).values(password_hash=old))

    # when
    await log_in(sessions, ada.email)

    # then the stored hash has the current parameters, and the password still works
    async with unit_of_work(sessions, write=False) as session:
        stored = await _hash(session, ada.user_id)
    current = PasswordHasher()
    assert stored != old
    assert not current.check_needs_rehash(stored)
    assert current.verify(stored, PASSWORD)
    await log_in(sessions, ada.email)


async def test_login_keeps_a_hash_made_with_the_current_parameters(sessions: Sessions) -> None:
    ada = await sign_up(sessions)
    async with unit_of_work(sessions, write=False) as session:
        before = await _hash(session, ada.user_id)
    await log_in(sessions, ada.email)
    async with unit_of_work(sessions, write=False) as session:
        assert await _hash(session, ada.user_id) == before


async def _hash(session: AsyncSession, user_id: int) -> str:
    stored = await session.scalar(select(User.password_hash).where(User.id == user_id))
    assert stored is not None
    return stored
