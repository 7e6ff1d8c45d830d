"""API keys: created by a person with scopes they hold, stored as a digest, revocable."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import select

from services.accounts import service
from services.accounts.models import ApiKey
from services.accounts.secrets import API_KEY_PREFIX
from services.db import unit_of_work, utcnow
from services.errors import PermissionDenied, Unauthenticated
from services.pagination import PageRequest
from tests.services.accounts.givens import (
    Sessions,
    add_member,
    authenticate,
    create_api_key,
    principal_of,
    refused,
    sign_up,
)

pytestmark = pytest.mark.auth


async def test_a_key_is_shown_once_and_only_its_sha256_digest_is_stored(
    sessions: Sessions,
) -> None:
    # given
    owner = await sign_up(sessions)

    # when
    async with unit_of_work(sessions) as session:
        created = await service.create_api_key(
            session, owner.principal, name="Shopify sync", scopes=["inventory.read"]
        )

    # then
    token = created.token
    assert token.startswith(API_KEY_PREFIX)
    assert len(token) > len(API_KEY_PREFIX) + 40
    async with unit_of_work(sessions, write=False) as session:
        row = (
            (await session.execute(select(ApiKey.__table__).where(ApiKey.id == created.api_key.id)))
            .mappings()
            .one()
        )
    assert row["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert row["organization_id"] == owner.organization_id
    assert row["created_by_user_id"] == owner.user_id
    assert token.startswith(row["prefix"])
    secret = token[len(row["prefix"]) :]
    for column, value in row.items():
        assert token not in str(value), column
        assert secret not in str(value), column


@pytest.mark.parametrize("creator", ["API key", "manager"])
async def test_only_a_person_with_api_keys_manage_creates_keys(
    sessions: Sessions, creator: str
) -> None:
    # given an API key that itself holds api_keys.manage, or a manager (who does not)
    owner = await sign_up(sessions)
    if creator == "API key":
        token = await create_api_key(sessions, owner.principal, "api_keys.manage")
        acting = await principal_of(sessions, token)
    else:
        acting = (await add_member(sessions, owner.principal, role="manager")).principal

    # when / then
    with pytest.raises(PermissionDenied):
        async with unit_of_work(sessions) as session:
            await service.create_api_key(session, acting, name="another", scopes=["inventory.read"])


@pytest.mark.parametrize(
    ("scopes", "code"),
    [
        ([], "BLANK"),
        (["inventory.read", "inventory.teleport"], "INVALID_SCOPE"),
        # an admin holds everything but billing.manage, so cannot hand it to a key
        (["inventory.read", "billing.manage"], "SCOPE_NOT_HELD"),
    ],
)
async def test_scopes_must_be_known_permissions_the_creator_holds(
    sessions: Sessions, scopes: list[str], code: str
) -> None:
    # given
    owner = await sign_up(sessions)
    admin = await add_member(sessions, owner.principal, role="admin")

    # when
    problem = await refused(
        sessions,
        lambda session: service.create_api_key(session, admin.principal, name="ci", scopes=scopes),
    )

    # then
    assert (problem.code, problem.field) == (code, ("scopes",))


async def test_a_key_acts_for_its_organization_with_exactly_its_scopes(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    token = await create_api_key(sessions, owner.principal, "inventory.read", "inventory.adjust")

    # when
    principal = await principal_of(sessions, token)

    # then
    assert principal.organization_id == owner.organization_id
    assert principal.permissions == {"inventory.read", "inventory.adjust"}
    assert principal.user_id is None
    assert principal.role is None
    assert principal.api_key_id is not None
    assert principal.kind == "api_key"


async def test_a_revoked_key_is_no_longer_accepted(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    token = await create_api_key(sessions, owner.principal, "inventory.read")
    key_id = (await principal_of(sessions, token)).api_key_id
    assert key_id is not None

    # when
    async with unit_of_work(sessions) as session:
        revoked = await service.revoke_api_key(session, owner.principal, api_key_id=key_id)

    # then
    assert revoked.revoked_at is not None
    with pytest.raises(Unauthenticated):
        await authenticate(sessions, token)


async def test_a_key_of_another_organization_cannot_be_revoked(sessions: Sessions) -> None:
    # given
    ada = await sign_up(sessions)
    grace = await sign_up(sessions)
    token = await create_api_key(sessions, grace.principal, "inventory.read")
    key_id = (await principal_of(sessions, token)).api_key_id
    assert key_id is not None

    # when
    problem = await refused(
        sessions,
        lambda session: service.revoke_api_key(session, ada.principal, api_key_id=key_id),
    )

    # then it looks like no key at all, and Grace's key still works
    assert (problem.code, problem.field) == ("NOT_FOUND", ("id",))
    assert (await principal_of(sessions, token)).organization_id == grace.organization_id


async def test_a_key_use_is_recorded_at_most_once_a_minute(sessions: Sessions) -> None:
    # given
    owner = await sign_up(sessions)
    token = await create_api_key(sessions, owner.principal, "inventory.read")

    # when first used
    first = await authenticate(sessions, token)
    # then
    assert first.key_use_to_record is True
    key_id = first.principal.api_key_id
    assert key_id is not None

    # when the use has been recorded
    async with unit_of_work(sessions) as session:
        await service.record_api_key_use(session, key_id)
    # then the next use right after need not be
    assert (await authenticate(sessions, token)).key_use_to_record is False

    # when the recorded use is more than a minute old
    async with unit_of_work(sessions) as session:
        key = await session.get_one(ApiKey, key_id)
        assert key.last_used_at is not None
        key.last_used_at = utcnow() - timedelta(minutes=2)
    # then it is recorded again
    assert (await authenticate(sessions, token)).key_use_to_record is True


async def test_list_api_keys_pages_through_the_organization_keys(sessions: Sessions) -> None:
    # given five keys, and a key of another organization made in between
    owner = await sign_up(sessions)
    stranger = await sign_up(sessions)
    names = []
    for number in range(5):
        async with unit_of_work(sessions) as session:
            await service.create_api_key(
                session, owner.principal, name=f"key {number}", scopes=["inventory.read"]
            )
        names.append(f"key {number}")
        if number == 2:
            await create_api_key(sessions, stranger.principal, "inventory.read")

    # when
    pages = []
    after = None
    while True:
        async with unit_of_work(sessions, write=False) as session:
            page = await service.list_api_keys(
                session, owner.principal, page=PageRequest(first=2, after=after)
            )
        pages.append(page)
        if not page.has_next_page:
            break
        after = page.keys[-1]

    # then
    assert [[key.name for key in page.items] for page in pages] == [
        names[0:2],
        names[2:4],
        names[4:5],
    ]
    assert [page.has_previous_page for page in pages] == [False, True, True]
    assert all(key.organization_id == owner.organization_id for p in pages for key in p.items)
