"""Receiving purchases: quantities in any convertible unit, unit or total cost, expiry,
lot codes, and the quantities that are refused rather than rounded."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest

from services.inventory import stock
from services.inventory.payloads import lot_id as public_lot_id
from services.inventory.quantities import QuantityInput
from tests.services.accounts.givens import Actor, refused, sign_up
from tests.services.inventory.givens import (
    create_item,
    events_of,
    global_item_id,
    item_now,
    ledger_of,
    lots_of,
    receive,
)

pytestmark = pytest.mark.inventory

RECEIVED = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


def _receive(principal, item_id: int, amount: str, unit: str = "g", **options):
    return lambda session: stock.receive_inventory(
        session,
        principal,
        item_id=item_id,
        quantity=QuantityInput(Decimal(amount), unit),
        **options,
    )


async def test_a_purchase_in_another_unit_becomes_a_lot_in_the_base_unit(sessions, owner):
    # given an item kept in grams
    item = await create_item(sessions, owner.principal, base_unit="g", default_vendor="Bulk Co")
    # when 2 kg arrive at 10.00 per kg
    change = await receive(sessions, owner.principal, item.id, "2", "kg", unit_cost="10")
    # then the lot holds 2000 g worth 20.00
    lot = change.lot
    assert lot is not None
    assert (lot.quantity_received, lot.remaining, lot.total_cost, lot.remaining_value) == (
        Decimal(2000),
        Decimal(2000),
        Decimal(20),
        Decimal(20),
    )
    assert (lot.unit_cost, lot.source, lot.vendor) == (Decimal("0.01"), "PURCHASE", "Bulk Co")
    stored = await item_now(sessions, item.id)
    assert (stored.on_hand, stored.stock_value) == (Decimal(2000), Decimal(20))
    [row] = await ledger_of(sessions, item.id)
    assert (row.change_type, row.lot_id, row.quantity, row.value) == (
        "PURCHASE",
        lot.id,
        Decimal(2000),
        Decimal(20),
    )
    assert (row.on_hand_after, row.value_after, row.actor_user_id) == (
        Decimal(2000),
        Decimal(20),
        owner.user_id,
    )
    [event] = await events_of(sessions, owner.organization_id, "inventory.lot.received")
    assert (event.entity_type, event.entity_id) == ("InventoryItem", global_item_id(item))
    assert event.payload["lot"]["id"] == public_lot_id(lot.id)
    assert event.payload["lot"]["quantityReceived"] == {"amount": "2000", "unit": "g"}


async def test_a_unit_cost_per_ounce_is_converted_exactly(sessions, owner):
    # given an item that keeps grams to 6 places
    item = await create_item(sessions, owner.principal, quantity_precision=6)
    # when 16 oz arrive at 0.50 per oz (16 oz = 453.59237 g)
    change = await receive(sessions, owner.principal, item.id, "16", "oz", unit_cost="0.50")
    # then the cost is exactly 8.00, not a rounded product of rounded factors
    assert change.lot is not None
    assert (change.lot.quantity_received, change.lot.total_cost) == (
        Decimal("453.59237"),
        Decimal(8),
    )


async def test_a_total_cost_is_taken_as_given(sessions, owner):
    item = await create_item(sessions, owner.principal)
    change = await receive(sessions, owner.principal, item.id, "1.5", "kg", total_cost="12.34")
    assert change.lot is not None
    assert (change.lot.quantity_received, change.lot.total_cost, change.lot.unit_cost) == (
        Decimal(1500),
        Decimal("12.34"),
        Decimal("0.008227"),  # 12.34 / 1500, shown per gram
    )


@pytest.mark.parametrize(
    ("costs", "code", "field"),
    [
        ({}, "COST_REQUIRED", ("unit_cost",)),
        ({"unit_cost": Decimal(1), "total_cost": Decimal(100)}, "COST_REQUIRED", ("unit_cost",)),
        ({"total_cost": Decimal(-1)}, "NEGATIVE", ("total_cost",)),
        ({"unit_cost": Decimal("0.0000001")}, "TOO_PRECISE", ("unit_cost",)),
        ({"total_cost": Decimal(10) ** 12}, "OUT_OF_RANGE", ("total_cost",)),
    ],
)
async def test_exactly_one_valid_cost_is_required(sessions, owner, costs, code, field):
    item = await create_item(sessions, owner.principal)
    problem = await refused(sessions, _receive(owner.principal, item.id, "100", **costs))
    assert (problem.code, problem.field) == (code, field)
    assert await lots_of(sessions, item.id) == []


async def test_a_free_sample_may_cost_nothing(sessions, owner):
    item = await create_item(sessions, owner.principal)
    change = await receive(sessions, owner.principal, item.id, "100", total_cost="0")
    assert change.lot is not None
    assert (change.lot.total_cost, change.lot.unit_cost) == (Decimal(0), Decimal(0))


# --- expiry ----------------------------------------------------------------------------


async def test_expiry_is_received_plus_shelf_life_unless_given(sessions, owner):
    # given an item that keeps 30 days
    item = await create_item(sessions, owner.principal, shelf_life_days=30)
    # when one lot comes without an expiry and one with its own
    derived = await receive(
        sessions, owner.principal, item.id, "100", total_cost="1", received_at=RECEIVED
    )
    given = RECEIVED + timedelta(days=7)
    explicit = await receive(
        sessions,
        owner.principal,
        item.id,
        "100",
        total_cost="1",
        received_at=RECEIVED,
        expires_at=given,
    )
    # then
    assert derived.lot is not None
    assert explicit.lot is not None
    assert derived.lot.received_at == RECEIVED
    assert derived.lot.expires_at == RECEIVED + timedelta(days=30)
    assert explicit.lot.expires_at == given


async def test_an_item_without_shelf_life_gets_no_expiry(sessions, owner):
    item = await create_item(sessions, owner.principal)
    change = await receive(sessions, owner.principal, item.id, "1", total_cost="1")
    assert change.lot is not None
    assert change.lot.expires_at is None


@pytest.mark.parametrize(
    ("options", "code", "field"),
    [
        ({"expires_at": RECEIVED}, "EXPIRES_BEFORE_RECEIVED", ("expires_at",)),
        (
            {"expires_at": RECEIVED - timedelta(days=1)},
            "EXPIRES_BEFORE_RECEIVED",
            ("expires_at",),
        ),
        ({"received_at": datetime(2999, 1, 1, tzinfo=UTC)}, "IN_THE_FUTURE", ("received_at",)),
    ],
)
async def test_impossible_dates_are_refused(sessions, owner, options, code, field):
    item = await create_item(sessions, owner.principal)
    options = {"received_at": RECEIVED, "total_cost": Decimal(1)} | options
    problem = await refused(sessions, _receive(owner.principal, item.id, "1", **options))
    assert (problem.code, problem.field) == (code, field)


# --- lot codes -------------------------------------------------------------------------


async def test_a_lot_code_is_generated_from_the_receipt_date(sessions, owner):
    item = await create_item(sessions, owner.principal)
    first = await receive(
        sessions, owner.principal, item.id, "1", total_cost="1", received_at=RECEIVED
    )
    second = await receive(
        sessions, owner.principal, item.id, "1", total_cost="1", received_at=RECEIVED
    )
    assert first.lot is not None
    assert second.lot is not None
    assert re.fullmatch(r"LOT-20260301-[0-9A-F]{6}", first.lot.lot_code)
    assert first.lot.lot_code != second.lot.lot_code


async def test_a_generated_lot_code_never_repeats_one_in_use(sessions, owner, monkeypatch):
    # given a random source that repeats itself (as it will, in time, at 16 million codes)
    tokens = iter(["abc123", "abc123", "abc123", "def456"])
    # (only the stock module's view of `secrets` is replaced, nothing else draws from it)
    monkeypatch.setattr(stock, "secrets", SimpleNamespace(token_hex=lambda _size: next(tokens)))
    item = await create_item(sessions, owner.principal)
    # when two lots are received on one day
    first = await receive(
        sessions, owner.principal, item.id, "1", total_cost="1", received_at=RECEIVED
    )
    second = await receive(
        sessions, owner.principal, item.id, "1", total_cost="1", received_at=RECEIVED
    )
    # then the second code is drawn again rather than failing on the unique constraint
    assert first.lot is not None
    assert second.lot is not None
    assert (first.lot.lot_code, second.lot.lot_code) == (
        "LOT-20260301-ABC123",
        "LOT-20260301-DEF456",
    )


async def test_a_given_lot_code_is_kept_and_unique_in_the_organization(sessions, owner):
    # given a lot with its supplier's code
    oil = await create_item(sessions, owner.principal, "Olive oil")
    butter = await create_item(sessions, owner.principal, "Shea butter")
    change = await receive(
        sessions, owner.principal, oil.id, "1", total_cost="1", lot_code=" OO-2026-01 "
    )
    assert change.lot is not None
    assert change.lot.lot_code == "OO-2026-01"
    # when the same code is given again, even for another item
    problem = await refused(
        sessions,
        _receive(owner.principal, butter.id, "1", total_cost=Decimal(1), lot_code="OO-2026-01"),
    )
    # then
    assert (problem.code, problem.field) == ("LOT_CODE_TAKEN", ("lot_code",))
    assert "OO-2026-01" in problem.message
    # and another organization may use it
    other = await sign_up(sessions)
    theirs = await create_item(sessions, other.principal, "Olive oil")
    again = await receive(
        sessions, other.principal, theirs.id, "1", total_cost="1", lot_code="OO-2026-01"
    )
    assert again.lot is not None


# --- quantities that are refused -------------------------------------------------------


async def test_a_quantity_in_another_unit_is_recorded_rounded_to_the_item_precision(
    sessions, owner
):
    # given an item kept to 3 decimal places of a gram
    item = await create_item(sessions, owner.principal, "Cocoa butter", quantity_precision=3)
    # when 1.5 oz (42.5242846875 g) and 1 lb (453.59237 g) arrive
    ounces = await receive(sessions, owner.principal, item.id, "1.5", "oz", total_cost="3")
    pound = await receive(sessions, owner.principal, item.id, "1", "lb", total_cost="3")
    # then each is recorded rounded half-even to the item's 3 places, and says so
    assert ounces.recorded == Decimal("42.524")
    assert pound.recorded == Decimal("453.592")
    assert (await item_now(sessions, item.id)).on_hand == Decimal("496.116")


async def test_a_quantity_that_rounds_to_nothing_is_refused(sessions, owner):
    item = await create_item(sessions, owner.principal, "Wax", quantity_precision=0)
    problem = await refused(
        sessions, _receive(owner.principal, item.id, "400", "mg", total_cost=Decimal(1))
    )
    assert (problem.code, problem.field) == ("NOT_POSITIVE", ("quantity", "amount"))
    assert "rounds to 0" in problem.message
    assert await lots_of(sessions, item.id) == []


async def test_a_quantity_in_the_base_unit_beyond_the_precision_is_refused(sessions, owner):
    item = await create_item(sessions, owner.principal, quantity_precision=3)
    problem = await refused(
        sessions, _receive(owner.principal, item.id, "10.0005", total_cost=Decimal(1))
    )
    assert problem.code == "QUANTITY_TOO_PRECISE"
    # trailing zeros are not precision
    change = await receive(sessions, owner.principal, item.id, "10.500000", total_cost="1")
    assert change.lot is not None
    assert change.lot.quantity_received == Decimal("10.5")


@pytest.mark.parametrize("amount", ["0", "-5"])
async def test_zero_or_negative_quantities_are_refused(sessions, owner, amount):
    item = await create_item(sessions, owner.principal)
    problem = await refused(
        sessions, _receive(owner.principal, item.id, amount, total_cost=Decimal(1))
    )
    assert (problem.code, problem.field) == ("NOT_POSITIVE", ("quantity", "amount"))
