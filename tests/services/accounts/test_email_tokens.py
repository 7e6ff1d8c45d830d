"""Email verification and password reset: one-time tokens, hashed at rest, an hour long;
a reset ends every session; mail bodies lose their tokens once sent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from server.mailer import MailDispatcher
from services.accounts import service, tokens
from services.accounts.models import AccountToken, User
from services.accounts.secrets import RESET_TOKEN_PREFIX, VERIFY_TOKEN_PREFIX, token_digest
from services.db import ServiceClock, unit_of_work
from services.errors import Unauthenticated
from services.mail import OutboundEmail
from tests.services.accounts.givens import (
    PASSWORD,
    Sessions,
    add_member,
    attempt_log_in,
    authenticate,
    invite,
    log_in,
    mailed_token,
    new_email,
    refused,
    sign_up,
    update_organization,
)

pytestmark = pytest.mark.auth

NEW_PASSWORD = "lavender kettle moonrise"


async def _verified_at(sessions: Sessions, user_id: int) -> object:
    async with unit_of_work(sessions, write=False) as session:
        return await session.scalar(select(User.email_verified_at).where(User.id == user_id))


async def _verify(sessions: Sessions, token: str) -> User:
    async with unit_of_work(sessions) as session:
        return await tokens.verify_email(session, None, token=token)


async def _reset(sessions: Sessions, token: str, password: str = NEW_PASSWORD) -> User:
    async with unit_of_work(sessions) as session:
        return await tokens.reset_password(session, None, token=token, new_password=password)


async def _request_reset(sessions: Sessions, email: str) -> None:
    async with unit_of_work(sessions) as session:
        await tokens.request_password_reset(session, None, email=email)


# --- verification ----------------------------------------------------------------------


async def test_sign_up_mails_a_token_that_verifies_the_address_once(sessions: Sessions) -> None:
    # given
    ada = await sign_up(sessions, verified=False)
    assert await _verified_at(sessions, ada.user_id) is None
    token = await mailed_token(sessions, ada.email, VERIFY_TOKEN_PREFIX)

    # when
    user = await _verify(sessions, token)

    # then
    assert user.id == ada.user_id
    assert await _verified_at(sessions, ada.user_id) is not None
    problem = await refused(sessions, lambda s: tokens.verify_email(s, None, token=token))
    assert (problem.code, problem.field) == ("TOKEN_INVALID", ("token",))


async def test_a_verification_token_expires_after_an_hour(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    ada = await sign_up(sessions, verified=False)
    token = await mailed_token(sessions, ada.email, VERIFY_TOKEN_PREFIX)
    clock.advance(timedelta(hours=1, seconds=1))
    problem = await refused(sessions, lambda s: tokens.verify_email(s, None, token=token))
    assert (problem.code, problem.field) == ("TOKEN_EXPIRED", ("token",))
    assert await _verified_at(sessions, ada.user_id) is None


async def test_a_token_just_under_an_hour_old_still_works(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    ada = await sign_up(sessions, verified=False)
    token = await mailed_token(sessions, ada.email, VERIFY_TOKEN_PREFIX)
    clock.advance(timedelta(minutes=59))
    await _verify(sessions, token)


async def test_tokens_are_kept_only_as_their_sha256(sessions: Sessions) -> None:
    ada = await sign_up(sessions, verified=False)
    token = await mailed_token(sessions, ada.email, VERIFY_TOKEN_PREFIX)
    async with unit_of_work(sessions, write=False) as session:
        rows = (await session.scalars(select(AccountToken))).all()
    assert [row.token_hash for row in rows] == [token_digest(token)]
    assert all(token not in str(vars(row)) for row in rows)


async def test_a_new_verification_token_replaces_the_old_one(sessions: Sessions) -> None:
    ada = await sign_up(sessions, verified=False)
    first = await mailed_token(sessions, ada.email, VERIFY_TOKEN_PREFIX)
    async with unit_of_work(sessions) as session:
        await tokens.resend_verification(session, ada.principal)
    second = await mailed_token(sessions, ada.email, VERIFY_TOKEN_PREFIX)
    assert first != second
    problem = await refused(sessions, lambda s: tokens.verify_email(s, None, token=first))
    assert problem.code == "TOKEN_INVALID"
    await _verify(sessions, second)


@pytest.mark.parametrize(
    "token", ["", "bt_verify_nope", "bt_reset_" + "x" * 43, "x" * 10_000, "bt_sess_abc"]
)
async def test_verify_email_refuses_a_token_that_is_not_one(sessions: Sessions, token: str) -> None:
    problem = await refused(sessions, lambda s: tokens.verify_email(s, None, token=token))
    assert (problem.code, problem.field) == ("TOKEN_INVALID", ("token",))


async def test_an_unverified_person_can_work_but_not_invite_or_create_keys(
    sessions: Sessions,
) -> None:
    # given
    ada = await sign_up(sessions, verified=False)

    # then everyday work goes on
    await update_organization(sessions, ada.principal, name="Renamed")
    # but speaking for the organization to others waits for the verified address
    key = await refused(
        sessions,
        lambda s: service.create_api_key(s, ada.principal, name="k", scopes=["inventory.read"]),
    )
    invitation = await refused(
        sessions,
        lambda s: service.invite_member(s, ada.principal, email=new_email(), role="MAKER"),
    )
    assert key.code == invitation.code == "EMAIL_NOT_VERIFIED"

    # when verified, both work
    await _verify(sessions, await mailed_token(sessions, ada.email, VERIFY_TOKEN_PREFIX))
    await invite(sessions, ada.principal, email=new_email(), role="MAKER")


async def test_joining_by_invitation_proves_the_address(sessions: Sessions) -> None:
    owner = await sign_up(sessions)
    admin = await add_member(sessions, owner.principal, role="ADMIN")
    assert await _verified_at(sessions, admin.user_id) is not None


# --- password reset --------------------------------------------------------------------


async def test_a_reset_sets_the_password_and_ends_every_session(sessions: Sessions) -> None:
    # given Ada is logged in twice
    ada = await sign_up(sessions)
    elsewhere = await log_in(sessions, ada.email)
    await _request_reset(sessions, ada.email)
    token = await mailed_token(sessions, ada.email, RESET_TOKEN_PREFIX)

    # when
    await _reset(sessions, token)

    # then
    for session_token in (ada.token, elsewhere.token):
        with pytest.raises(Unauthenticated):
            await authenticate(sessions, session_token)
    with pytest.raises(service.LoginRefusedError):
        await attempt_log_in(sessions, ada.email, PASSWORD)
    await attempt_log_in(sessions, ada.email, NEW_PASSWORD)
    # and the token was single-use
    problem = await refused(
        sessions,
        lambda s: tokens.reset_password(s, None, token=token, new_password="other quiet words"),
    )
    assert (problem.code, problem.field) == ("TOKEN_INVALID", ("token",))


async def test_a_reset_token_expires_after_an_hour(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    ada = await sign_up(sessions)
    await _request_reset(sessions, ada.email)
    token = await mailed_token(sessions, ada.email, RESET_TOKEN_PREFIX)
    clock.advance(timedelta(minutes=61))
    problem = await refused(
        sessions, lambda s: tokens.reset_password(s, None, token=token, new_password=NEW_PASSWORD)
    )
    assert problem.code == "TOKEN_EXPIRED"
    await authenticate(sessions, ada.token)  # nothing ended


async def test_a_verification_token_does_not_reset_a_password(sessions: Sessions) -> None:
    ada = await sign_up(sessions, verified=False)
    token = await mailed_token(sessions, ada.email, VERIFY_TOKEN_PREFIX)
    problem = await refused(
        sessions, lambda s: tokens.reset_password(s, None, token=token, new_password=NEW_PASSWORD)
    )
    assert problem.code == "TOKEN_INVALID"


async def test_a_weak_new_password_is_refused_and_the_token_kept(sessions: Sessions) -> None:
    ada = await sign_up(sessions)
    await _request_reset(sessions, ada.email)
    token = await mailed_token(sessions, ada.email, RESET_TOKEN_PREFIX)
    problem = await refused(
        sessions,
        lambda s: tokens.reset_password(s, None, token=token, new_password="password123456"),
    )
    assert (problem.code, problem.field) == ("PASSWORD_TOO_WEAK", ("new_password",))
    await authenticate(sessions, ada.token)  # nothing ended
    await _reset(sessions, token)  # the token still works once


async def test_a_reset_lifts_a_login_lock(sessions: Sessions) -> None:
    ada = await sign_up(sessions)
    for _ in range(5):
        with pytest.raises(service.LoginRefusedError):
            await attempt_log_in(sessions, ada.email, "not the right password")
    await _request_reset(sessions, ada.email)
    await _reset(sessions, await mailed_token(sessions, ada.email, RESET_TOKEN_PREFIX))
    await attempt_log_in(sessions, ada.email, NEW_PASSWORD)


async def test_asking_a_reset_for_an_unknown_address_answers_alike_and_mails_nobody(
    sessions: Sessions,
) -> None:
    email = new_email("nobody")
    await _request_reset(sessions, email)  # no error: the same answer as for an account
    async with unit_of_work(sessions, write=False) as session:
        assert (await session.scalars(select(OutboundEmail))).all() == []
        assert (await session.scalars(select(AccountToken))).all() == []


@pytest.mark.parametrize(
    ("email", "code"),
    [("not-an-email", "INVALID_EMAIL"), ("a" * 400 + "@example.com", "TOO_LONG"), ("", "BLANK")],
)
async def test_asking_a_reset_refuses_what_is_not_an_address(
    sessions: Sessions, email: str, code: str
) -> None:
    problem = await refused(sessions, lambda s: tokens.request_password_reset(s, None, email=email))
    assert (problem.code, problem.field) == (code, ("email",))


# --- the outbox keeps no live token ----------------------------------------------------


async def test_sent_mail_keeps_no_token_in_its_body(sessions: Sessions) -> None:
    # given mails carrying a verification, a reset and an invitation token
    ada = await sign_up(sessions, verified=False)
    verify = await mailed_token(sessions, ada.email, VERIFY_TOKEN_PREFIX)
    await _request_reset(sessions, ada.email)
    reset = await mailed_token(sessions, ada.email, RESET_TOKEN_PREFIX)
    await _verify(sessions, verify)
    invitee = new_email()
    invitation = await invite(sessions, ada.principal, email=invitee, role="MAKER")
    received: list[str] = []
    dispatcher = MailDispatcher(sessions, None, "BatchTrack <no-reply@example.com>")
    dispatcher.listeners.append(lambda to, subject, body: received.append(body))

    # when the outbox sends them (and the welcome, due at once too)
    assert await dispatcher.dispatch_once() == 4

    # then the recipients got the tokens, and the stored bodies no longer have them
    sent = "\n".join(received)
    assert all(token in sent for token in (verify, reset, invitation))
    async with unit_of_work(sessions, write=False) as session:
        bodies = (await session.scalars(select(OutboundEmail.body))).all()
    stored = "\n".join(bodies)
    assert not any(token in stored for token in (verify, reset, invitation))
    assert stored.count("[removed once sent]") == 3
