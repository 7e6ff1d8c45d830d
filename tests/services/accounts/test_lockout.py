"""Password guessing: five failures within 15 minutes lock the account for 15 minutes,
each further lock twice as long (at most 24 h); the lock is a database row every API
process reads; the owner is told by email; a locked account answers as a wrong password
does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from services.accounts import guard, service
from services.accounts.models import LoginGuard
from services.db import ServiceClock, create_engine, create_session_factory, unit_of_work
from services.mail import OutboundEmail
from tests.services.accounts.givens import PASSWORD, Sessions, attempt_log_in, new_email, sign_up

pytestmark = pytest.mark.auth

WRONG = "not the right password at all"


async def _fail(sessions: Sessions, email: str, times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(service.LoginRefusedError) as raised:
            await attempt_log_in(sessions, email, WRONG)
        assert raised.value.problems[0].message == "The email or password is not correct."


async def _refused_with_the_right_password(sessions: Sessions, email: str) -> bool:
    try:
        await attempt_log_in(sessions, email, PASSWORD)
    except service.LoginRefusedError:
        return True
    return False


async def _lock_emails(sessions: Sessions, to: str) -> list[OutboundEmail]:
    async with unit_of_work(sessions, write=False) as session:
        rows = await session.scalars(
            select(OutboundEmail).where(
                OutboundEmail.to_address == to, OutboundEmail.subject.contains("locked")
            )
        )
        return list(rows)


def test_each_lock_lasts_twice_the_one_before_up_to_a_day() -> None:
    minutes = [guard.lock_duration(n) / timedelta(minutes=1) for n in range(9)]
    assert minutes == [15, 30, 60, 120, 240, 480, 960, 1440, 1440]
    assert guard.lock_duration(10_000) == timedelta(hours=24)


async def test_five_failures_lock_the_account_even_against_the_right_password(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    # given
    ada = await sign_up(sessions)

    # when four wrong passwords: not locked yet
    await _fail(sessions, ada.email, 4)
    assert not await _refused_with_the_right_password(sessions, ada.email)

    # when five in a row (the success above cleared the count)
    await _fail(sessions, ada.email, 5)

    # then locked for 15 minutes, whatever the password
    assert await _refused_with_the_right_password(sessions, ada.email)
    clock.advance(timedelta(minutes=14, seconds=50))
    assert await _refused_with_the_right_password(sessions, ada.email)
    clock.advance(timedelta(seconds=20))
    assert not await _refused_with_the_right_password(sessions, ada.email)


async def test_failures_spread_over_more_than_15_minutes_do_not_lock(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    ada = await sign_up(sessions)
    await _fail(sessions, ada.email, 4)
    clock.advance(timedelta(minutes=16))
    await _fail(sessions, ada.email, 4)  # a new window: 4, not 8
    assert not await _refused_with_the_right_password(sessions, ada.email)


async def test_repeated_locks_double_and_the_owner_is_emailed_each_time(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    # given
    ada = await sign_up(sessions)

    for expected in (15, 30, 60):
        # when five more failures once the previous lock is over
        await _fail(sessions, ada.email, 5)
        # then locked for `expected` minutes
        clock.advance(timedelta(minutes=expected) - timedelta(seconds=10))
        assert await _refused_with_the_right_password(sessions, ada.email)
        # (the refusal above, during the lock, did not extend it)
        clock.advance(timedelta(seconds=20))
        async with unit_of_work(sessions, write=False) as session:
            assert await guard.locked_until(session, guard.email_digest(ada.email)) is None

    emails = await _lock_emails(sessions, ada.email)
    assert len(emails) == 3
    assert "15 minutes" in emails[0].body
    assert "30 minutes" in emails[1].body
    assert PASSWORD not in emails[0].body
    assert WRONG not in emails[0].body


async def test_a_successful_login_resets_the_doubling(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    ada = await sign_up(sessions)
    await _fail(sessions, ada.email, 5)
    clock.advance(timedelta(minutes=16))
    await attempt_log_in(sessions, ada.email, PASSWORD)

    await _fail(sessions, ada.email, 5)
    clock.advance(timedelta(minutes=16))  # 15 minutes again, not 30
    assert not await _refused_with_the_right_password(sessions, ada.email)


async def test_an_unknown_email_is_refused_the_same_way_and_emails_nobody(
    sessions: Sessions,
) -> None:
    email = new_email("nobody")
    await _fail(sessions, email, 6)
    async with unit_of_work(sessions, write=False) as session:
        row = await session.get_one(LoginGuard, guard.email_digest(email))
        stored = (await session.scalars(select(OutboundEmail))).all()
    assert row.locked_until is not None  # counted like any address: nothing tells them apart
    assert email not in row.email_digest
    assert stored == []


async def test_the_lock_is_shared_by_two_api_processes_on_one_database(
    database_url: str, sessions: Sessions
) -> None:
    # given a second process's engine on the same database
    ada = await sign_up(sessions)
    other_engine = create_engine(database_url)
    other = create_session_factory(other_engine)
    try:
        # when failures alternate between the two
        for attempt in range(5):
            await _fail(other if attempt % 2 else sessions, ada.email)

        # then both refuse the right password
        assert await _refused_with_the_right_password(other, ada.email)
        assert await _refused_with_the_right_password(sessions, ada.email)
    finally:
        await other_engine.dispose()


async def test_a_failure_forgets_addresses_quiet_for_two_days_and_only_those(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    # given one address that failed three days ago, one locked a day and a half ago (quiet
    # for less than two days: remembered), and one that failed an hour ago
    quiet, locked, recent = new_email(), new_email(), new_email()
    await _fail(sessions, quiet)
    clock.advance(timedelta(hours=36))
    await _fail(sessions, locked, guard.MAX_FAILURES)
    clock.advance(timedelta(hours=35))
    await _fail(sessions, recent)
    clock.advance(timedelta(hours=1))
    # when another address fails
    await _fail(sessions, new_email())
    # then only the quiet one is forgotten
    async with unit_of_work(sessions, write=False) as session:
        kept = set(await session.scalars(select(LoginGuard.email_digest)))
    assert guard.email_digest(quiet) not in kept
    assert {guard.email_digest(locked), guard.email_digest(recent)} <= kept
