"""Quoting a draw: what consuming would take and cost now, with nothing changed, agreeing
to the cent with the draw that follows."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from services.db import unit_of_work, utcnow
from services.inventory import ledger
from services.inventory.models import InventoryItem
from services.inventory.planning import DrawQuote, quote_draws
from tests.services.accounts.givens import Actor, Sessions, sign_up
from tests.services.inventory.givens import (
    adjust,
    create_item,
    days_ago,
    draws,
    ledger_of,
    receive,
    reserve,
    snapshot,
    stocked_item,
)

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


async def _quote(sessions: Sessions, owner: Actor, item_id: int, amount: str) -> DrawQuote:
    async with unit_of_work(sessions, write=False) as session:
        quotes = await quote_draws(
            session, owner.organization_id, {item_id: Decimal(amount)}, now=utcnow()
        )
    return quotes[item_id]


async def test_a_quote_spanning_two_lots_costs_each_at_its_own_price_and_changes_nothing(
    sessions: Sessions, owner: Actor
) -> None:
    # 100 g at 0.10/g (20 days old), then 100 g at 0.30/g.
    item = await stocked_item(sessions, owner.principal)
    before = await snapshot(sessions, item.id)

    quote = await _quote(sessions, owner, item.id, "150")

    # 100 g x 0.10 + 50 g x 0.30 = 10 + 15
    assert [(d.quantity, d.cost) for d in quote.draws] == [
        (Decimal("100"), Decimal("10")),
        (Decimal("50"), Decimal("15")),
    ]
    assert (quote.cost, quote.available, quote.short, quote.sufficient) == (
        Decimal("25"),
        Decimal("200"),
        Decimal("0"),
        True,
    )
    assert await snapshot(sessions, item.id) == before
    consumed = await adjust(sessions, owner.principal, item.id, "USE", "150")
    assert sorted(-value for _, _, value in draws(consumed)) == sorted(d.cost for d in quote.draws)


async def test_a_quote_beyond_the_usable_stock_prices_what_there_is_and_says_what_is_short(
    sessions: Sessions, owner: Actor
) -> None:
    item = await create_item(sessions, owner.principal)
    await receive(
        sessions,
        owner.principal,
        item.id,
        "50",
        total_cost="5",
        received_at=days_ago(30),
        expires_at=days_ago(1),
    )
    await receive(sessions, owner.principal, item.id, "100", total_cost="20")
    await reserve(sessions, owner.principal, item.id, "30")

    quote = await _quote(sessions, owner, item.id, "100")

    # The expired 50 g cannot be used and 30 g of the rest is held for an order: 70 g at
    # 0.20/g can be drawn, 30 g are short.
    assert (quote.available, quote.drawn, quote.cost, quote.short, quote.sufficient) == (
        Decimal("70"),
        Decimal("70"),
        Decimal("14"),
        Decimal("30"),
        False,
    )
    assert len(await ledger_of(sessions, item.id)) == 2


async def test_a_fefo_item_is_quoted_soonest_expiring_first(
    sessions: Sessions, owner: Actor
) -> None:
    item = await create_item(sessions, owner.principal, costing_method="FEFO")
    await receive(
        sessions,
        owner.principal,
        item.id,
        "10",
        total_cost="1",
        received_at=days_ago(5),
        expires_at=utcnow() + timedelta(days=90),
    )
    await receive(
        sessions,
        owner.principal,
        item.id,
        "10",
        total_cost="4",
        received_at=days_ago(1),
        expires_at=utcnow() + timedelta(days=10),
    )

    quote = await _quote(sessions, owner, item.id, "12")

    # The later lot expires first: 10 g of it at 0.40/g, then 2 g at 0.10/g.
    assert [(d.quantity, d.cost) for d in quote.draws] == [
        (Decimal("10"), Decimal("4")),
        (Decimal("2"), Decimal("0.2")),
    ]


async def test_another_organizations_item_gets_no_quote(sessions: Sessions, owner: Actor) -> None:
    stranger = await sign_up(sessions)
    item = await stocked_item(sessions, stranger.principal)

    async with unit_of_work(sessions, write=False) as session:
        quotes = await quote_draws(
            session, owner.organization_id, {item.id: Decimal(1)}, now=utcnow()
        )

    assert quotes == {}


async def test_reserved_stock_lowers_what_a_quote_may_take_not_which_lots_it_takes_first(
    sessions: Sessions, owner: Actor
) -> None:
    # three lots of 10 g, oldest first at 0.10, 0.20 and 0.30 per g; 15 g held for an order
    item = await create_item(sessions, owner.principal)
    for age, cost in [(3, "1"), (2, "2"), (1, "3")]:
        await receive(
            sessions, owner.principal, item.id, "10", total_cost=cost, received_at=days_ago(age)
        )
    await reserve(sessions, owner.principal, item.id, "15")

    within = await _quote(sessions, owner, item.id, "10")
    beyond = await _quote(sessions, owner, item.id, "20")

    # 30 - 15 = 15 g may be drawn, from the oldest lots: 10 g x 0.10 = 1
    assert (within.available, within.cost, within.sufficient) == (Decimal(15), Decimal(1), True)
    # 10 g x 0.10 + 5 g x 0.20 = 2, and 5 g short
    assert [(d.quantity, d.cost) for d in beyond.draws] == [
        (Decimal(10), Decimal(1)),
        (Decimal(5), Decimal(1)),
    ]
    assert beyond.short == Decimal(5)


async def test_a_quote_reads_only_the_lots_its_draw_reaches(
    sessions: Sessions, owner: Actor
) -> None:
    # ten lots of 10 g; the first two are enough for 15 g, the total counts every lot
    item = await create_item(sessions, owner.principal)
    for age in range(10, 0, -1):
        await receive(
            sessions, owner.principal, item.id, "10", total_cost="1", received_at=days_ago(age)
        )
    async with unit_of_work(sessions, write=False) as session:
        found = await session.get(InventoryItem, item.id)
        assert found is not None
        some = await ledger.drawable_prefixes(session, {found: Decimal(15)}, now=utcnow())
        none = await ledger.drawable_prefixes(session, {found: Decimal(0)}, now=utcnow())

    assert (some[item.id].unexpired, len(some[item.id].lots)) == (Decimal(100), 2)
    assert (none[item.id].unexpired, len(none[item.id].lots)) == (Decimal(100), 1)
