"""How far a plan lets reads reach: history back to the plan's history days (from the start
of that UTC day), older rows kept and shown again by a plan that reaches further; the
reports only the advanced-reports add-on includes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.billing.models import SubscriptionStatus
from services.db import unit_of_work, utcnow
from services.events import Event, EventFilter, list_events
from services.inventory import queries, reports
from services.inventory.models import InventoryLot, LedgerEntry
from services.pagination import PageRequest
from services.permissions import Principal
from tests.services.accounts.givens import Sessions, refused, sign_up
from tests.services.billing.givens import MovableClock, billed, on_plan, principal_under
from tests.services.inventory.givens import behind_the_ledger, create_item, receive

pytestmark = pytest.mark.billing

OLD = timedelta(days=200)
Step = Callable[[AsyncSession], Awaitable[Any]]
RECEIVED = "inventory.lot.received"


async def _aged(sessions: Sessions, principal: Principal, item_id: int) -> None:
    """The item's first purchase as if made 200 days ago: its ledger row, its lot (OLD)
    and its event."""
    then = utcnow() - OLD
    first = await _first_entry_id(sessions, item_id)
    await behind_the_ledger(
        sessions, update(LedgerEntry).where(LedgerEntry.id == first).values(created_at=then)
    )
    await behind_the_ledger(
        sessions,
        update(InventoryLot)
        .where(InventoryLot.item_id == item_id, InventoryLot.lot_code == "OLD")
        .values(received_at=then),
    )
    first_event = (
        select(func.min(Event.position))
        .where(Event.organization_id == principal.organization_id, Event.type == RECEIVED)
        .scalar_subquery()
    )
    await behind_the_ledger(
        sessions, update(Event).where(Event.position == first_event).values(created_at=then)
    )


async def _first_entry_id(sessions: Sessions, item_id: int) -> int:
    async with unit_of_work(sessions, write=False) as session:
        found = await session.scalar(
            select(func.min(LedgerEntry.id)).where(LedgerEntry.item_id == item_id)
        )
    assert found is not None
    return int(found)


async def _history(sessions: Sessions, principal: Principal, item_id: int) -> list[str]:
    async with unit_of_work(sessions, write=False) as session:
        page = await queries.list_history(
            session,
            principal,
            filters=queries.HistoryFilter(item_id=item_id),
            page=PageRequest(first=50),
        )
    return [entry.change_type for entry in page.items]


async def _purchases(sessions: Sessions, principal: Principal, item_id: int) -> list[str]:
    async with unit_of_work(sessions, write=False) as session:
        found = await reports.purchase_history(
            session, principal, item_id=item_id, page=PageRequest(first=50)
        )
    assert found is not None
    return [lot.lot_code for lot in found.page.items]


async def _event_types(sessions: Sessions, principal: Principal) -> list[str]:
    async with unit_of_work(sessions, write=False) as session:
        page = await list_events(
            session, principal, filters=EventFilter(), page=PageRequest(first=100)
        )
    return [event.type for event in page.items]


async def test_history_reaches_back_as_far_as_the_plan_and_older_rows_return_with_a_bigger_one(
    sessions,
):
    owner = await sign_up(sessions)
    local = owner.principal  # billing not configured: the local plan reaches all history
    oil = await create_item(sessions, local, "Olive oil")
    await receive(sessions, local, oil.id, "1000", total_cost="9", lot_code="OLD")
    await receive(sessions, local, oil.id, "500", total_cost="5", lot_code="NEW")
    await _aged(sessions, local, oil.id)
    await on_plan(sessions, owner.organization_id, "free")
    on_free = await principal_under(sessions, owner.token, billed())

    assert await _history(sessions, on_free, oil.id) == ["PURCHASE"]
    assert await _purchases(sessions, on_free, oil.id) == ["NEW"]
    assert (await _event_types(sessions, on_free)).count(RECEIVED) == 1
    assert (await _event_types(sessions, local)).count(RECEIVED) == 2
    old_entry = await _first_entry_id(sessions, oil.id)
    async with unit_of_work(sessions, write=False) as session:
        assert await queries.get_ledger_entry(session, on_free, entry_id=old_entry) is None

    await on_plan(sessions, owner.organization_id, "solo")  # a year: the old rows are back
    on_solo = await principal_under(sessions, owner.token, billed())
    assert await _history(sessions, on_solo, oil.id) == ["PURCHASE", "PURCHASE"]
    assert await _purchases(sessions, on_solo, oil.id) == ["OLD", "NEW"]
    assert await _history(sessions, local, oil.id) == ["PURCHASE", "PURCHASE"]


async def test_the_reach_starts_at_the_start_of_the_utc_day_the_plan_allows():
    from services.billing.plans import FREE
    from services.billing.standing import BillingRow, standing_of

    clock = MovableClock()
    standing = standing_of(BillingRow(plan="free"), billed(clock))

    since = standing.history_since
    assert since is not None
    assert since == clock.now.replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(
        days=FREE.entitlements.history_days or 0
    )
    assert standing_of(BillingRow(plan="enterprise"), billed(clock)).history_since is None
    with_addon = standing_of(BillingRow(plan="solo", add_ons={"extended_history": 1}), billed())
    assert with_addon.entitlements.history_days == 365 + 3 * 365


async def test_a_report_that_starts_before_the_plans_history_is_refused_on_from(sessions):
    owner = await sign_up(sessions)
    oil = await create_item(sessions, owner.principal, "Olive oil")
    await on_plan(sessions, owner.organization_id, "free")
    on_free = await principal_under(sessions, owner.token, billed())
    now = utcnow()

    problem = await refused(
        sessions,
        lambda s: reports.effective_cost_per_unit(
            s, on_free, item_id=oil.id, period_start=now - OLD, period_end=now
        ),
    )
    assert problem.code == "PLAN_LIMIT_REACHED"
    assert problem.field == ("from",)
    assert "90 days of history" in problem.message
    assert on_free.standing.history_since is not None
    assert on_free.standing.history_since.isoformat() in problem.message

    async with unit_of_work(sessions, write=False) as session:
        found = await reports.effective_cost_per_unit(
            session, on_free, item_id=oil.id, period_start=now - timedelta(days=60), period_end=now
        )
    assert found is not None

    lookback = await refused(
        sessions, lambda s: reports.reorder_suggestions(s, on_free, lookback_days=180)
    )
    assert (lookback.code, lookback.field) == ("PLAN_LIMIT_REACHED", ("lookback_days",))


async def test_advanced_reports_need_the_add_on_or_enterprise(sessions):
    owner = await sign_up(sessions)
    oil = await create_item(sessions, owner.principal, "Olive oil")
    now = utcnow()

    def spoilage(principal: Principal) -> Step:
        return lambda s: reports.spoilage_report(
            s, principal, period_start=now - timedelta(days=30), period_end=now
        )

    def vendor_prices(principal: Principal) -> Step:
        return lambda s: reports.vendor_price_history(s, principal, item_id=oil.id)

    await on_plan(sessions, owner.organization_id, "team")
    on_team = await principal_under(sessions, owner.token, billed())
    for report in (spoilage, vendor_prices):
        problem = await refused(sessions, report(on_team))
        assert problem.code == "NOT_IN_PLAN"
        assert "advanced_reports add-on" in problem.message

    await on_plan(sessions, owner.organization_id, "team", add_ons={"advanced_reports": 1})
    with_addon = await principal_under(sessions, owner.token, billed())
    await on_plan(sessions, owner.organization_id, "enterprise")
    on_enterprise = await principal_under(sessions, owner.token, billed())
    for principal in (with_addon, on_enterprise, owner.principal):  # the last: local plan
        async with unit_of_work(sessions, write=False) as session:
            assert (await spoilage(principal)(session)).months == []
            assert await vendor_prices(principal)(session) is not None


async def test_a_restricted_organization_still_reads_its_history(sessions):
    owner = await sign_up(sessions)
    oil = await create_item(sessions, owner.principal, "Olive oil")
    await receive(sessions, owner.principal, oil.id, "100", total_cost="1")
    await on_plan(sessions, owner.organization_id, "solo", status=SubscriptionStatus.CANCELED)
    restricted = await principal_under(sessions, owner.token, billed())

    assert restricted.standing.restricted is True
    assert await _history(sessions, restricted, oil.id) == ["PURCHASE"]
