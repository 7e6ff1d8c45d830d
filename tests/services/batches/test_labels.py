"""Batch labels: one counter per organization and year, taken inside the start's
transaction, so numbers follow one another, organizations do not share them, and
writers side by side never get the same one."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.batches import labels
from services.db import unit_of_work
from tests.services.accounts.givens import Sessions, sign_up

pytestmark = pytest.mark.batches


async def _next(sessions: Sessions, organization_id: int, year: int) -> int:
    async with unit_of_work(sessions) as session:
        return await labels.next_sequence(session, organization_id, year)


async def test_numbers_run_per_organization_and_year(sessions: Sessions) -> None:
    ours = await sign_up(sessions)
    theirs = await sign_up(sessions)

    taken = [await _next(sessions, ours.organization_id, 2026) for _ in range(3)]
    assert taken == [1, 2, 3]
    assert await _next(sessions, theirs.organization_id, 2026) == 1
    assert await _next(sessions, ours.organization_id, 2027) == 1
    assert await _next(sessions, ours.organization_id, 2026) == 4


async def test_a_rolled_back_start_gives_its_number_back(sessions: Sessions) -> None:
    owner = await sign_up(sessions)
    async with sessions() as session:
        assert await labels.next_sequence(session, owner.organization_id, 2026) == 1
        await session.rollback()

    assert await _next(sessions, owner.organization_id, 2026) == 1


def test_labels_and_sub_labels_read_as_a_maker_writes_them() -> None:
    assert labels.label("SOAP", 2026, 101) == "SOAP-2026-0101"
    assert labels.label(None, 2026, 7) == "BATCH-2026-0007"
    assert labels.label("SOAP", 2026, 12345) == "SOAP-2026-12345"
    letters = [labels.variation_letter(index) for index in (0, 1, 25, 26, 27)]
    assert letters == ["A", "B", "Z", "AA", "AB"]
    assert labels.sub_label("SOAP-2026-0101", "A", "Lavender") == "SOAP-2026-0101A-Lavender"


async def test_writers_side_by_side_never_share_a_number(
    sessions: Sessions, pooled: async_sessionmaker[AsyncSession]
) -> None:
    owner = await sign_up(sessions)

    async def take() -> int:
        async with unit_of_work(pooled) as session:
            return await labels.next_sequence(session, owner.organization_id, 2026)

    taken = await asyncio.gather(*(take() for _ in range(12)))

    assert sorted(taken) == list(range(1, 13))
