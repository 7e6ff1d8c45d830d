"""Your sessions (where, when last used), ending them; API keys that expire and rotate
with an overlap."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.accounts import service
from services.accounts import sessions as own_sessions
from services.accounts.service import Device
from services.db import ServiceClock, unit_of_work, utcnow
from services.errors import PermissionDenied, Unauthenticated
from services.pagination import PageRequest
from tests.services.accounts.givens import (
    PASSWORD,
    Sessions,
    authenticate,
    create_api_key,
    principal_of,
    refused,
    sign_up,
)

pytestmark = pytest.mark.auth

FIRST_PAGE = PageRequest(first=50)


async def _log_in_from(sessions: Sessions, email: str, device: Device) -> str:
    async with unit_of_work(sessions) as session:
        credentials = await service.check_credentials(session, email=email, password=PASSWORD)
        grant = await service.log_in(session, None, credentials=credentials, device=device)
    return grant.token


async def _listed(sessions: Sessions, token: str) -> list[tuple[str | None, str | None]]:
    principal = await principal_of(sessions, token)
    async with unit_of_work(sessions, write=False) as session:
        page = await own_sessions.list_sessions(session, principal, page=FIRST_PAGE)
    return [(s.ip_address, s.user_agent) for s in page.items]


async def test_sessions_lists_your_live_sessions_with_their_device(sessions: Sessions) -> None:
    # given Ada signed up, then logged in from a phone; Grace logged in elsewhere
    ada = await sign_up(sessions)
    phone = await _log_in_from(sessions, ada.email, Device("203.0.113.9", "Phone/1.0"))
    grace = await sign_up(sessions)
    await _log_in_from(sessions, grace.email, Device("198.51.100.1", "Grace/2.0"))

    # then Ada sees her two, and only hers
    assert await _listed(sessions, phone) == [(None, None), ("203.0.113.9", "Phone/1.0")]

    # when one ends, it is no longer listed
    async with unit_of_work(sessions) as session:
        await service.log_out(session, ada.principal)
    assert await _listed(sessions, phone) == [("203.0.113.9", "Phone/1.0")]


async def test_a_session_use_is_recorded_at_most_once_a_minute(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    ada = await sign_up(sessions)
    assert (await authenticate(sessions, ada.token)).session_use_to_record is False  # opened now
    clock.advance(timedelta(minutes=2))
    used = await authenticate(sessions, ada.token)
    assert used.session_use_to_record is True
    async with unit_of_work(sessions) as session:
        await service.record_use(session, used)
    assert (await authenticate(sessions, ada.token)).session_use_to_record is False


async def test_revoke_session_ends_one_of_yours_and_not_anyone_elses(sessions: Sessions) -> None:
    # given
    ada = await sign_up(sessions)
    laptop = await _log_in_from(sessions, ada.email, Device("203.0.113.9", "Laptop"))
    laptop_id = (await principal_of(sessions, laptop)).session_id
    assert laptop_id is not None
    grace = await sign_up(sessions)

    # when Grace tries Ada's session: it does not exist for her
    problem = await refused(
        sessions,
        lambda s: own_sessions.revoke_session(s, grace.principal, session_id=laptop_id),
    )
    assert (problem.code, problem.field) == ("NOT_FOUND", ("id",))
    await authenticate(sessions, laptop)

    # when Ada ends it
    async with unit_of_work(sessions) as session:
        await own_sessions.revoke_session(session, ada.principal, session_id=laptop_id)

    # then
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, laptop)
    await authenticate(sessions, ada.token)
    again = await refused(
        sessions,
        lambda s: own_sessions.revoke_session(s, ada.principal, session_id=laptop_id),
    )
    assert again.code == "NOT_FOUND"


async def test_revoke_other_sessions_keeps_only_the_calling_one(sessions: Sessions) -> None:
    ada = await sign_up(sessions)
    others = [
        await _log_in_from(sessions, ada.email, Device(f"203.0.113.{n}", "x")) for n in range(3)
    ]
    grace = await sign_up(sessions)

    async with unit_of_work(sessions) as session:
        count = await own_sessions.revoke_other_sessions(session, ada.principal)

    assert count == 3
    for token in others:
        with pytest.raises(Unauthenticated):
            await authenticate(sessions, token)
    await authenticate(sessions, ada.token)
    await authenticate(sessions, grace.token)


async def test_an_api_key_has_no_sessions(sessions: Sessions) -> None:
    owner = await sign_up(sessions)
    key = await principal_of(
        sessions, await create_api_key(sessions, owner.principal, "members.read")
    )
    with pytest.raises(PermissionDenied):
        async with unit_of_work(sessions) as session:
            await own_sessions.revoke_other_sessions(session, key)


# --- API keys: expiry and rotation -----------------------------------------------------


async def _key(sessions: Sessions, owner_token: str, **options: object) -> tuple[int, str]:
    owner = await principal_of(sessions, owner_token)
    async with unit_of_work(sessions) as session:
        created = await service.create_api_key(
            session,
            owner,
            name="sync",
            scopes=["inventory.read"],
            **options,  # type: ignore[arg-type]
        )
    return created.api_key.id, created.token


async def _rotate(sessions: Sessions, owner_token: str, key_id: int, overlap: timedelta) -> str:
    owner = await principal_of(sessions, owner_token)
    async with unit_of_work(sessions) as session:
        rotated = await own_sessions.rotate_api_key(
            session, owner, api_key_id=key_id, overlap=overlap
        )
    return rotated.token


async def test_a_key_with_an_expiry_stops_working_then(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    owner = await sign_up(sessions)
    _, token = await _key(sessions, owner.token, expires_at=utcnow() + timedelta(days=30))
    await authenticate(sessions, token)
    clock.advance(timedelta(days=30, seconds=1))
    with pytest.raises(Unauthenticated, match="expired"):
        await authenticate(sessions, token)


async def test_a_key_cannot_expire_in_the_past(sessions: Sessions) -> None:
    owner = await sign_up(sessions)
    problem = await refused(
        sessions,
        lambda s: service.create_api_key(
            s,
            owner.principal,
            name="k",
            scopes=["inventory.read"],
            expires_at=utcnow() - timedelta(seconds=1),
        ),
    )
    assert (problem.code, problem.field) == ("OUT_OF_RANGE", ("expires_at",))


async def test_rotation_keeps_the_old_secret_working_for_the_overlap_only(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    # given
    owner = await sign_up(sessions)
    key_id, old = await _key(sessions, owner.token)

    # when
    new = await _rotate(sessions, owner.token, key_id, timedelta(hours=24))

    # then both work for a day, as the same key
    assert (await principal_of(sessions, new)).api_key_id == key_id
    assert (await principal_of(sessions, old)).api_key_id == key_id
    clock.advance(timedelta(hours=24, seconds=1))
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, old)
    await authenticate(sessions, new)


async def test_rotating_twice_ends_the_first_secret_at_once(sessions: Sessions) -> None:
    owner = await sign_up(sessions)
    key_id, first = await _key(sessions, owner.token)
    second = await _rotate(sessions, owner.token, key_id, timedelta(hours=1))
    third = await _rotate(sessions, owner.token, key_id, timedelta(hours=1))
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, first)
    await authenticate(sessions, second)
    await authenticate(sessions, third)


async def test_rotation_without_overlap_ends_the_old_secret_now(sessions: Sessions) -> None:
    owner = await sign_up(sessions)
    key_id, old = await _key(sessions, owner.token)
    await _rotate(sessions, owner.token, key_id, timedelta(0))
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, old)


@pytest.mark.parametrize("overlap", [timedelta(days=7, seconds=1), timedelta(seconds=-1)])
async def test_rotation_refuses_an_overlap_outside_0_to_7_days(
    sessions: Sessions, overlap: timedelta
) -> None:
    owner = await sign_up(sessions)
    key_id, old = await _key(sessions, owner.token)
    problem = await refused(
        sessions,
        lambda s: own_sessions.rotate_api_key(
            s, owner.principal, api_key_id=key_id, overlap=overlap
        ),
    )
    assert (problem.code, problem.field) == ("OUT_OF_RANGE", ("overlap_seconds",))
    await authenticate(sessions, old)


async def test_a_revoked_or_foreign_key_is_not_rotated(sessions: Sessions) -> None:
    owner = await sign_up(sessions)
    stranger = await sign_up(sessions)
    key_id, _ = await _key(sessions, owner.token)
    foreign = await refused(
        sessions,
        lambda s: own_sessions.rotate_api_key(s, stranger.principal, api_key_id=key_id),
    )
    assert (foreign.code, foreign.field) == ("NOT_FOUND", ("id",))
    async with unit_of_work(sessions) as session:
        await service.revoke_api_key(session, owner.principal, api_key_id=key_id)
    revoked = await refused(
        sessions, lambda s: own_sessions.rotate_api_key(s, owner.principal, api_key_id=key_id)
    )
    assert (revoked.code, revoked.field) == ("API_KEY_REVOKED", ("id",))
