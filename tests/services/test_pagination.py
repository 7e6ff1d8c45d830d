"""Keyset pagination, forwards (first/after) and backwards (last/before)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from services.accounts.models import ApiKey, Organization, User
from services.db import unit_of_work
from services.errors import UserInputError
from services.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageRequest, paginate
from tests.services.accounts.givens import Sessions


@pytest.fixture
async def keys(sessions: Sessions) -> tuple[int, list[int]]:
    """An organization with five API keys (ids not contiguous: another organization's keys
    were made in between); returns its id and its keys' ids in order."""
    async with unit_of_work(sessions) as session:
        ours, theirs = Organization(name="Ours"), Organization(name="Theirs")
        user = User(email="pager@example.com", password_hash="-")
        session.add_all([ours, theirs, user])
        await session.flush()
        mine = []
        for number in range(5):
            for organization in (ours, theirs) if number % 2 else (ours,):
                key = ApiKey(
                    organization_id=organization.id,
                    name=f"{organization.name} {number}",
                    prefix="bt_live_abcd",
                    token_hash=f"{organization.name}-{number}".ljust(64, "0"),
                    scopes=["inventory.read"],
                    created_by_user_id=user.id,
                )
                session.add(key)
                await session.flush()
                if organization is ours:
                    mine.append(key.id)
    return ours.id, mine


async def _page(
    sessions: Sessions, organization_id: int, request: PageRequest
) -> tuple[list[int], bool, bool]:
    async with unit_of_work(sessions, write=False) as session:
        statement = select(ApiKey).where(ApiKey.organization_id == organization_id)
        page = await paginate(session, statement, ApiKey.id, request)
    assert [item.id for item in page.items] == list(page.keys)
    return list(page.keys), page.has_next_page, page.has_previous_page


async def test_paging_forwards_with_first_and_after(
    sessions: Sessions, keys: tuple[int, list[int]]
) -> None:
    organization_id, k = keys
    assert await _page(sessions, organization_id, PageRequest(first=2)) == (k[0:2], True, False)
    assert await _page(sessions, organization_id, PageRequest(first=2, after=k[1])) == (
        k[2:4],
        True,
        True,
    )
    assert await _page(sessions, organization_id, PageRequest(first=2, after=k[3])) == (
        k[4:5],
        False,
        True,
    )


async def test_a_page_that_exactly_fits_the_rows_has_no_next_page(
    sessions: Sessions, keys: tuple[int, list[int]]
) -> None:
    organization_id, k = keys
    assert await _page(sessions, organization_id, PageRequest(first=5)) == (k, False, False)
    assert await _page(sessions, organization_id, PageRequest(first=2, after=k[2])) == (
        k[3:5],
        False,
        True,
    )
    assert await _page(sessions, organization_id, PageRequest(last=5)) == (k, False, False)


async def test_paging_backwards_with_last_and_before(
    sessions: Sessions, keys: tuple[int, list[int]]
) -> None:
    organization_id, k = keys
    assert await _page(sessions, organization_id, PageRequest(last=2)) == (k[3:5], False, True)
    assert await _page(sessions, organization_id, PageRequest(last=2, before=k[3])) == (
        k[1:3],
        True,
        True,
    )
    assert await _page(sessions, organization_id, PageRequest(last=2, before=k[1])) == (
        k[0:1],
        True,
        False,
    )


async def test_without_a_size_a_page_has_the_default_size(
    sessions: Sessions, keys: tuple[int, list[int]]
) -> None:
    organization_id, k = keys
    assert PageRequest().size() == DEFAULT_PAGE_SIZE
    assert await _page(sessions, organization_id, PageRequest()) == (k, False, False)


async def test_a_page_of_size_zero_is_empty(
    sessions: Sessions, keys: tuple[int, list[int]]
) -> None:
    # Allowed on purpose ("between 0 and 250"), as the Relay connection spec allows first: 0.
    organization_id, _ = keys
    assert await _page(sessions, organization_id, PageRequest(first=0)) == ([], True, False)


@pytest.mark.parametrize(
    ("request_", "field"),
    [
        (PageRequest(first=MAX_PAGE_SIZE + 1), ("first",)),
        (PageRequest(last=MAX_PAGE_SIZE + 1), ("last",)),
        (PageRequest(first=-1), ("first",)),
        (PageRequest(last=-1), ("last",)),
        (PageRequest(first=2, last=2), ("first",)),
    ],
)
def test_page_sizes_out_of_range_or_both_directions_are_refused(
    request_: PageRequest, field: tuple[str, ...]
) -> None:
    with pytest.raises(UserInputError) as raised:
        request_.size()
    assert raised.value.code == "INVALID_PAGINATION"
    assert raised.value.problems[0].field == field


def test_the_largest_page_size_is_allowed() -> None:
    assert PageRequest(first=MAX_PAGE_SIZE).size() == MAX_PAGE_SIZE
    assert PageRequest(last=MAX_PAGE_SIZE).size() == MAX_PAGE_SIZE
