"""Costs and insight: effective cost, spoilage, purchases, vendor prices, reorder suggestions.

Scenarios are built through the real services. Where a figure depends on when movements
happened (months, periods, look-back windows), `record_at` posts them through the ledger's
single write path with an explicit time, as the services would have at that moment.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TypeVar

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import unit_of_work, utcnow
from services.errors import PermissionDenied, UserInputError
from services.inventory import items, ledger, reports
from services.inventory.models import ChangeType, InventoryItem
from services.pagination import PageRequest
from services.permissions import Principal
from tests.services.accounts.givens import (
    Actor,
    Sessions,
    create_api_key,
    principal_of,
    sign_up,
)
from tests.services.inventory.givens import adjust, create_item, receive, reserve

pytestmark = pytest.mark.inventory

D = Decimal
T = TypeVar("T")


def utc(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


async def record_at(
    sessions: Sessions,
    principal: Principal,
    item: InventoryItem,
    change_type: ChangeType,
    amount: str,
    *,
    at: datetime,
    total_cost: str = "0",
) -> None:
    """A movement recorded at `at`: a new lot for stock coming in, else a FIFO draw
    (expired lots included, as disposals may take them)."""
    async with unit_of_work(sessions) as session:
        locked = (await ledger.lock_items(session, principal.organization_id, [item.id]))[item.id]
        quantity = D(amount)
        if change_type in (ChangeType.PURCHASE, ChangeType.RESTOCK):
            movements = [
                ledger.new_lot(
                    locked,
                    lot_code=f"T-{secrets.token_hex(4)}",
                    source=change_type,
                    received_at=at,
                    expires_at=None,
                    vendor=None,
                    quantity=quantity,
                    total_cost=D(total_cost),
                )
            ]
        else:
            lots = await ledger.open_lots(session, locked)
            movements = ledger.plan_draw(lots, quantity, now=at, include_expired=True, item=locked)
        await ledger.post(
            session,
            principal,
            locked,
            change_type,
            movements,
            operation_id=ledger.new_operation_id(),
            at=at,
        )


async def read(sessions: Sessions, step: Callable[[AsyncSession], Awaitable[T]]) -> T:
    async with unit_of_work(sessions, write=False) as session:
        return await step(session)


async def effective_cost(
    sessions: Sessions, principal: Principal, item_id: int, start: datetime, end: datetime
) -> reports.EffectiveCost | None:
    return await read(
        sessions,
        lambda s: reports.effective_cost_per_unit(
            s, principal, item_id=item_id, period_start=start, period_end=end
        ),
    )


def around_now() -> tuple[datetime, datetime]:
    now = utcnow()
    return now - timedelta(days=1), now + timedelta(days=1)


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


# --- effective cost ---------------------------------------------------------------------


async def test_waste_makes_the_true_cost_higher_than_the_average(sessions, owner):
    # given 1000 g bought for 10.00, of which 200 g spoiled and 300 g used
    oil = await create_item(sessions, owner.principal, "Olive oil")
    await receive(sessions, owner.principal, oil.id, "1000", total_cost="10.00")
    await adjust(sessions, owner.principal, oil.id, "SPOIL", "200")
    await adjust(sessions, owner.principal, oil.id, "USE", "300")
    # when
    cost = await effective_cost(sessions, owner.principal, oil.id, *around_now())
    # then 10.00 paid for the 800 g that could be used: 0.0125 a gram, not the 0.01 paid
    assert cost is not None
    assert (cost.spent, cost.purchased, cost.wasted, cost.used) == (
        D("10"),
        D(1000),
        D(200),
        D(800),
    )
    assert cost.waste_cost == D("2.00")
    assert cost.effective_cost_per_unit == D("0.0125")
    assert cost.purchase_cost_per_unit == D("0.01")
    assert cost.average_cost_per_unit == D("0.01")  # 5.00 left for 500 g
    assert (cost.item.name, cost.item.base_unit, cost.currency_code) == ("Olive oil", "g", "USD")


async def test_when_all_was_used_the_average_is_gone_but_the_true_cost_remains(sessions, owner):
    oil = await create_item(sessions, owner.principal, "Olive oil")
    await receive(sessions, owner.principal, oil.id, "1000", total_cost="10.00")
    await adjust(sessions, owner.principal, oil.id, "SPOIL", "200")
    await adjust(sessions, owner.principal, oil.id, "USE", "800")
    cost = await effective_cost(sessions, owner.principal, oil.id, *around_now())
    assert cost is not None
    assert cost.effective_cost_per_unit == D("0.0125")
    assert cost.average_cost_per_unit is None


async def test_effective_cost_counts_only_the_period(sessions, owner):
    # given January: 1000 g for 10.00, 100 g spoiled; February: 500 g for 7.50 and
    # 100 g trashed (drawn FIFO from January's lot)
    oil = await create_item(sessions, owner.principal, "Olive oil")
    p = owner.principal
    await record_at(
        sessions, p, oil, ChangeType.PURCHASE, "1000", at=utc(2025, 1, 5), total_cost="10"
    )
    await record_at(sessions, p, oil, ChangeType.SPOIL, "100", at=utc(2025, 1, 20))
    await record_at(
        sessions, p, oil, ChangeType.PURCHASE, "500", at=utc(2025, 2, 3), total_cost="7.5"
    )
    await record_at(sessions, p, oil, ChangeType.TRASH, "100", at=utc(2025, 2, 10))
    # when / then: February alone
    february = await effective_cost(sessions, p, oil.id, utc(2025, 2, 1, 0), utc(2025, 3, 1, 0))
    assert february is not None
    assert (february.spent, february.purchased, february.wasted, february.waste_cost) == (
        D("7.5"),
        D(500),
        D(100),
        D("1"),
    )
    assert february.effective_cost_per_unit == D("0.01875")  # 7.50 / 400
    # and January alone: 10 / 900, rounded half-even to six places
    january = await effective_cost(sessions, p, oil.id, utc(2025, 1, 1, 0), utc(2025, 2, 1, 0))
    assert january is not None
    assert january.effective_cost_per_unit == D("0.011111")
    # and a period with no movements has no cost per unit at all
    empty = await effective_cost(sessions, p, oil.id, utc(2024, 1, 1), utc(2024, 2, 1))
    assert empty is not None
    assert (empty.spent, empty.used, empty.effective_cost_per_unit) == (D(0), D(0), None)


async def test_restocks_are_spending_but_returns_and_damage_are_not_waste(sessions, owner):
    # given a purchase, a restock at a given cost, a sale returned, and damaged stock
    soap = await create_item(sessions, owner.principal, "Soap bars", base_unit="each")
    await receive(sessions, owner.principal, soap.id, "100", "each", total_cost="100")
    await adjust(sessions, owner.principal, soap.id, "RESTOCK", "50", "each", unit_cost="1.20")
    await adjust(sessions, owner.principal, soap.id, "SALE", "10", "each")
    await adjust(sessions, owner.principal, soap.id, "RETURNED", "10", "each")
    await adjust(sessions, owner.principal, soap.id, "DAMAGED", "5", "each")
    # when
    cost = await effective_cost(sessions, owner.principal, soap.id, *around_now())
    # then the returned bars are not bought twice, and damage is not counted as waste
    assert cost is not None
    assert (cost.spent, cost.purchased, cost.wasted) == (D("160"), D(150), D(0))
    assert cost.effective_cost_per_unit == cost.purchase_cost_per_unit == D("1.066667")


async def test_nothing_left_to_use_has_no_true_cost(sessions, owner):
    milk = await create_item(sessions, owner.principal, "Goat milk", base_unit="ml")
    await receive(sessions, owner.principal, milk.id, "100", "ml", total_cost="1")
    await adjust(sessions, owner.principal, milk.id, "SPOIL", "100", "ml")
    cost = await effective_cost(sessions, owner.principal, milk.id, *around_now())
    assert cost is not None
    assert (cost.used, cost.effective_cost_per_unit, cost.purchase_cost_per_unit) == (
        D(0),
        None,
        D("0.01"),
    )


async def test_a_period_must_run_forwards(sessions, owner):
    oil = await create_item(sessions, owner.principal, "Olive oil")
    start, end = around_now()
    with pytest.raises(UserInputError) as raised:
        await effective_cost(sessions, owner.principal, oil.id, end, start)
    assert raised.value.problems[0].code == "INVALID_PERIOD"
    assert raised.value.problems[0].field == ("from",)


# --- spoilage ---------------------------------------------------------------------------


async def test_spoilage_per_item_and_month_with_share_of_purchases_and_cost(sessions, owner):
    p = owner.principal
    oil = await create_item(sessions, p, "Olive oil")
    butter = await create_item(sessions, p, "Shea butter")
    # given January: 1000 g of oil for 10.00, 100 g spoiled on the 31st just before
    # midnight, 50 g trashed, 200 g used (not waste)
    await record_at(
        sessions, p, oil, ChangeType.PURCHASE, "1000", at=utc(2025, 1, 2), total_cost="10"
    )
    await record_at(sessions, p, oil, ChangeType.USE, "200", at=utc(2025, 1, 10))
    await record_at(sessions, p, oil, ChangeType.TRASH, "50", at=utc(2025, 1, 15))
    await record_at(sessions, p, oil, ChangeType.SPOIL, "100", at=utc(2025, 1, 31, 23, 59))
    # and February: 150 g of oil expired (nothing bought); 400 g of butter bought for
    # 2.00, 40 g of it spoiled at the first minute of the month
    await record_at(
        sessions, p, butter, ChangeType.PURCHASE, "400", at=utc(2025, 2, 1, 0), total_cost="2"
    )
    await record_at(sessions, p, butter, ChangeType.SPOIL, "40", at=utc(2025, 2, 1, 0, 1))
    await record_at(sessions, p, oil, ChangeType.EXPIRED, "150", at=utc(2025, 2, 20))
    # when
    report = await read(
        sessions,
        lambda s: reports.spoilage_report(
            s, p, period_start=utc(2025, 1, 1, 0), period_end=utc(2025, 3, 1, 0)
        ),
    )
    # then
    rows = [
        (r.item.name, r.month, r.spoiled, r.trashed, r.expired, r.wasted, r.purchased,
         r.share_of_purchased, r.cost)
        for r in report.months
    ]  # fmt: skip
    assert rows == [
        ("Olive oil", "2025-01", D(100), D(50), D(0), D(150), D(1000), D("0.15"), D("1.5")),
        ("Olive oil", "2025-02", D(0), D(0), D(150), D(150), D(0), None, D("1.5")),
        ("Shea butter", "2025-02", D(40), D(0), D(0), D(40), D(400), D("0.1"), D("0.2")),
    ]
    assert report.total_cost == D("3.2")
    assert report.currency_code == "USD"


async def test_spoilage_for_one_item_and_part_of_the_period(sessions, owner):
    p = owner.principal
    oil = await create_item(sessions, p, "Olive oil")
    butter = await create_item(sessions, p, "Shea butter")
    for item in (oil, butter):
        await record_at(
            sessions, p, item, ChangeType.PURCHASE, "100", at=utc(2025, 1, 2), total_cost="1"
        )
        await record_at(sessions, p, item, ChangeType.SPOIL, "10", at=utc(2025, 1, 3))
        await record_at(sessions, p, item, ChangeType.SPOIL, "20", at=utc(2025, 1, 20))

    async def report(item_id: int | None, start: datetime) -> list[tuple[str, Decimal]]:
        found = await read(
            sessions,
            lambda s: reports.spoilage_report(
                s, p, period_start=start, period_end=utc(2025, 2, 1, 0), item_id=item_id
            ),
        )
        return [(row.item.name, row.spoiled) for row in found.months]

    assert await report(butter.id, utc(2025, 1, 1)) == [("Shea butter", D(30))]
    # a period starting mid-month counts only that part of the month
    assert await report(None, utc(2025, 1, 10)) == [("Olive oil", D(20)), ("Shea butter", D(20))]


async def test_a_spoilage_report_spans_at_most_three_years(sessions, owner):
    with pytest.raises(UserInputError) as raised:
        await read(
            sessions,
            lambda s: reports.spoilage_report(
                s, owner.principal, period_start=utc(2020, 1, 1), period_end=utc(2024, 1, 1)
            ),
        )
    assert raised.value.problems[0].code == "PERIOD_TOO_LONG"


# --- purchases and vendor prices --------------------------------------------------------


async def test_purchase_history_lists_purchase_lots_page_by_page(sessions, owner):
    p = owner.principal
    oil = await create_item(sessions, p, "Olive oil")
    await receive(sessions, p, oil.id, "2", "kg", unit_cost="8", vendor="Acme", lot_code="A1")
    await adjust(sessions, p, oil.id, "RESTOCK", "100", unit_cost="0.01")  # not a purchase
    await receive(sessions, p, oil.id, "500", total_cost="6", vendor="Bulk Co", lot_code="B1")
    await receive(sessions, p, oil.id, "1", "kg", total_cost="9.5", lot_code="C1")

    async def page(request: PageRequest) -> reports.PurchaseHistory:
        found = await read(
            sessions, lambda s: reports.purchase_history(s, p, item_id=oil.id, page=request)
        )
        assert found is not None
        return found

    first = await page(PageRequest(first=2))
    assert [
        (lot.lot_code, lot.vendor, lot.quantity_received, lot.unit_cost, lot.total_cost)
        for lot in first.page.items
    ] == [("A1", "Acme", D(2000), D("0.008"), D(16)), ("B1", "Bulk Co", D(500), D("0.012"), D(6))]
    assert first.page.has_next_page
    rest = await page(PageRequest(first=2, after=first.page.keys[-1]))
    assert [(lot.lot_code, lot.vendor) for lot in rest.page.items] == [("C1", None)]
    assert not rest.page.has_next_page


async def test_vendor_price_history_per_base_unit_first_last_min_max(sessions, owner):
    p = owner.principal
    oil = await create_item(sessions, p, "Olive oil")
    # given Acme's prices per kg over three receipts entered out of order, one from Bulk
    # Co, and one with no vendor
    for received, price in (
        (utc(2025, 1, 5), "10"),
        (utc(2025, 3, 5), "12"),
        (utc(2025, 2, 5), "9"),
    ):
        await receive(
            sessions, p, oil.id, "1", "kg", unit_cost=price, vendor="Acme", received_at=received
        )
    await receive(
        sessions, p, oil.id, "500", total_cost="7", vendor="Bulk Co", received_at=utc(2025, 2, 1)
    )
    await receive(sessions, p, oil.id, "100", total_cost="2")
    # when
    history = await read(sessions, lambda s: reports.vendor_price_history(s, p, item_id=oil.id))
    # then first and last go by received time; costs are per gram
    assert history is not None
    acme, bulk, unknown = history.vendors
    assert (acme.vendor, acme.purchase_count) == ("Acme", 3)
    assert (acme.first_purchased_at, acme.last_purchased_at) == (utc(2025, 1, 5), utc(2025, 3, 5))
    assert (acme.first_unit_cost, acme.last_unit_cost) == (D("0.01"), D("0.012"))
    assert (acme.min_unit_cost, acme.max_unit_cost) == (D("0.009"), D("0.012"))
    assert (bulk.vendor, bulk.purchase_count, bulk.first_unit_cost, bulk.last_unit_cost) == (
        "Bulk Co",
        1,
        D("0.014"),
        D("0.014"),
    )
    assert (unknown.vendor, unknown.purchase_count, unknown.min_unit_cost) == (None, 1, D("0.02"))


# --- reorder suggestions ----------------------------------------------------------------


async def test_reorder_suggestions(sessions, owner):
    p = owner.principal
    # Lye: 50 g a day for 30 days, 500 g left at a 500 g threshold, 5 days' lead time
    lye = await create_item(sessions, p, "Lye", low_stock_threshold=D(500), lead_time_days=5)
    await receive(sessions, p, lye.id, "2000", total_cost="20")
    await adjust(sessions, p, lye.id, "USE", "1500")
    # Wax: no lead time (7 days assumed); 20 g a day lately; what was used 45 days ago
    # is outside the look-back window
    wax = await create_item(sessions, p, "Wax", low_stock_threshold=D(300))
    long_ago = utcnow() - timedelta(days=45)
    await record_at(sessions, p, wax, ChangeType.PURCHASE, "1500", at=long_ago, total_cost="15")
    await record_at(sessions, p, wax, ChangeType.USE, "500", at=long_ago)
    await adjust(sessions, p, wax.id, "SALE", "600")
    # Jars: already under the threshold, not used lately
    jars = await create_item(sessions, p, "Jars", base_unit="each", low_stock_threshold=D(100))
    await receive(sessions, p, jars.id, "40", "each", total_cost="20")
    # Soap bars: most of the stock is reserved for orders
    soap = await create_item(sessions, p, "Soap bars", base_unit="each", low_stock_threshold=D(100))
    await receive(sessions, p, soap.id, "300", "each", total_cost="300")
    await reserve(sessions, p, soap.id, "250", "each")
    # Milk: spoilage is not usage, so 200 ml left of a 100 ml threshold is enough
    milk = await create_item(sessions, p, "Milk", base_unit="ml", low_stock_threshold=D(100))
    await receive(sessions, p, milk.id, "1000", "ml", total_cost="3")
    await adjust(sessions, p, milk.id, "SPOIL", "800", "ml")
    # Salt has no threshold; Old jars are archived
    await create_item(sessions, p, "Salt")
    old = await create_item(sessions, p, "Old jars", base_unit="each", low_stock_threshold=D(5))
    async with unit_of_work(sessions) as session:
        await items.archive_item(session, p, item_id=old.id)
    # when
    found = await read(sessions, lambda s: reports.reorder_suggestions(s, p))
    # then the most urgent first, then those with no recent usage by name
    rows = [
        (s.item.name, s.available, s.usage, s.average_daily_usage, s.lead_time_days,
         s.days_of_cover, s.suggested_quantity)
        for s in found
    ]  # fmt: skip
    assert rows == [
        # 500 - 5 * 50 = 250 at arrival: + 250 back to 500, + 30 days * 50
        ("Lye", D(500), D(1500), D(50), 5, D(10), D(1750)),
        # 400 - 7 * 20 = 260 at arrival: + 40 back to 300, + 30 days * 20
        ("Wax", D(400), D(600), D(20), 7, D(20), D(640)),
        ("Jars", D(40), D(0), D(0), 7, None, D(60)),
        ("Soap bars", D(50), D(0), D(0), 7, None, D(50)),
    ]
    assert all(s.low_stock_threshold is not None and s.lookback_days == 30 for s in found)


async def test_a_suggested_quantity_is_rounded_up_to_the_items_precision(sessions, owner):
    p = owner.principal
    jars = await create_item(
        sessions, p, "Jars", base_unit="each", quantity_precision=0, low_stock_threshold=D(10)
    )
    await receive(sessions, p, jars.id, "20", "each", total_cost="20")
    await adjust(sessions, p, jars.id, "USE", "7", "each")
    # when looking back 3 days: 7/3 a day, 49/3 used in the 7-day lead time
    [suggestion] = await read(
        sessions, lambda s: reports.reorder_suggestions(s, p, lookback_days=3)
    )
    # then 10 - (13 - 49/3) + 7 = 20 1/3, rounded up; cover 13 / (7/3) = 5.57, rounded down
    assert suggestion.suggested_quantity == D(21)
    assert suggestion.days_of_cover == D("5.5")
    assert suggestion.average_daily_usage == D("2.333333")


@pytest.mark.parametrize("days", [0, 366])
async def test_the_look_back_is_between_one_day_and_a_year(sessions, owner, days):
    with pytest.raises(UserInputError) as raised:
        await read(
            sessions, lambda s: reports.reorder_suggestions(s, owner.principal, lookback_days=days)
        )
    assert (raised.value.problems[0].code, raised.value.problems[0].field) == (
        "OUT_OF_RANGE",
        ("lookback_days",),
    )


# --- tenancy and permissions ------------------------------------------------------------


async def test_another_organizations_item_is_like_no_item(sessions, owner):
    # given an item of ours with purchases and spoilage
    p = owner.principal
    oil = await create_item(sessions, p, "Olive oil", low_stock_threshold=D(5000))
    await receive(sessions, p, oil.id, "1000", total_cost="10", vendor="Acme")
    await adjust(sessions, p, oil.id, "SPOIL", "10")
    other = (await sign_up(sessions, organization_name="Elsewhere")).principal
    start, end = around_now()
    # when another organization asks about it, then it sees nothing
    assert await effective_cost(sessions, other, oil.id, start, end) is None
    prices = await read(sessions, lambda s: reports.vendor_price_history(s, other, item_id=oil.id))
    assert prices is None
    history = await read(
        sessions, lambda s: reports.purchase_history(s, other, item_id=oil.id, page=PageRequest())
    )
    assert history is None
    spoilage = await read(
        sessions,
        lambda s: reports.spoilage_report(
            s, other, period_start=start, period_end=end, item_id=oil.id
        ),
    )
    assert spoilage.months == []
    assert await read(sessions, lambda s: reports.reorder_suggestions(s, other)) == []
    # while we do
    assert len(await read(sessions, lambda s: reports.reorder_suggestions(s, p))) == 1


REPORTS: dict[str, Callable[[AsyncSession, Principal], Awaitable[object]]] = {
    "effective_cost": lambda s, p: reports.effective_cost_per_unit(
        s, p, item_id=1, period_start=utc(2025, 1, 1), period_end=utc(2025, 2, 1)
    ),
    "spoilage": lambda s, p: reports.spoilage_report(
        s, p, period_start=utc(2025, 1, 1), period_end=utc(2025, 2, 1)
    ),
    "purchases": lambda s, p: reports.purchase_history(s, p, item_id=1, page=PageRequest()),
    "vendors": lambda s, p: reports.vendor_price_history(s, p, item_id=1),
    "reorder": lambda s, p: reports.reorder_suggestions(s, p),
}


@pytest.mark.parametrize("name", sorted(REPORTS))
async def test_every_report_needs_inventory_read(sessions, owner, name):
    key = await create_api_key(sessions, owner.principal, "members.read")
    principal = await principal_of(sessions, key)
    with pytest.raises(PermissionDenied) as raised:
        await read(sessions, lambda s: REPORTS[name](s, principal))
    assert raised.value.permission == "inventory.read"
