"""Quantities and money stay in the range both databases hold (less than 10^12, see
models.MAX_STORED): a value beyond it, given directly or reached by adding up, is refused
with OUT_OF_RANGE naming the field, and nothing is written."""

from __future__ import annotations

from collections.abc import Awaitable
from decimal import Decimal

import pytest

from services.errors import FieldProblem, UserInputError
from services.inventory.models import MAX_STORED
from tests.services.accounts.givens import Actor, sign_up
from tests.services.inventory.givens import adjust, create_item, item_now, ledger_of, receive

pytestmark = pytest.mark.inventory

JUST_UNDER = "999999999999.999"  # the largest quantity a 3-place item can hold


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def _refused(step: Awaitable[object]) -> FieldProblem:
    with pytest.raises(UserInputError) as raised:
        await step
    return raised.value.problems[0]


@pytest.mark.parametrize(
    ("amount", "unit"),
    [
        ("1000000000000", "g"),
        ("9999999999999.999", "g"),
        ("999999999999999999", "g"),
        ("1000000001", "kg"),
    ],
)
async def test_a_quantity_beyond_storage_is_out_of_range(sessions, owner, amount, unit):
    item = await create_item(sessions, owner.principal)
    problem = await _refused(
        receive(sessions, owner.principal, item.id, amount, unit, total_cost="1")
    )
    assert (problem.code, problem.field) == ("OUT_OF_RANGE", ("quantity", "amount"))
    assert "10^12 g" in problem.message
    assert await ledger_of(sessions, item.id) == []


async def test_the_largest_storable_quantity_is_received_and_read_back_exactly(sessions, owner):
    item = await create_item(sessions, owner.principal)
    await receive(sessions, owner.principal, item.id, JUST_UNDER, total_cost="999999999999.999999")
    stored = await item_now(sessions, item.id)
    assert (stored.on_hand, stored.stock_value) == (
        Decimal(JUST_UNDER),
        Decimal("999999999999.999999"),
    )


async def test_an_item_total_beyond_storage_is_refused_and_the_first_receipt_kept(sessions, owner):
    item = await create_item(sessions, owner.principal)
    await receive(sessions, owner.principal, item.id, "600000000000", total_cost="1")
    problem = await _refused(
        receive(sessions, owner.principal, item.id, "400000000000", total_cost="1")
    )
    assert (problem.code, problem.field) == ("OUT_OF_RANGE", ("quantity", "amount"))
    assert (await item_now(sessions, item.id)).on_hand == Decimal("600000000000")
    assert len(await ledger_of(sessions, item.id)) == 1


@pytest.mark.parametrize(
    ("amount", "costs"),
    [
        ("1000", {"unit_cost": "999999999999"}),  # the lot's value overflows
        ("0.001", {"total_cost": "999999999999"}),  # the unit cost overflows
        ("1", {"total_cost": "1000000000000"}),  # the total itself
    ],
)
async def test_money_beyond_storage_is_out_of_range(sessions, owner, amount, costs):
    item = await create_item(sessions, owner.principal)
    problem = await _refused(receive(sessions, owner.principal, item.id, amount, **costs))
    assert problem.code == "OUT_OF_RANGE"
    assert problem.field in {("unit_cost",), ("total_cost",)}
    assert await ledger_of(sessions, item.id) == []


async def test_a_revaluation_beyond_storage_is_refused(sessions, owner):
    item = await create_item(sessions, owner.principal)
    await receive(sessions, owner.principal, item.id, "1000000", total_cost="10")
    problem = await _refused(
        adjust(sessions, owner.principal, item.id, "COST_OVERRIDE", unit_cost="9999999")
    )
    assert (problem.code, problem.field) == ("OUT_OF_RANGE", ("unit_cost",))
    assert (await item_now(sessions, item.id)).stock_value == Decimal(10)


async def test_item_settings_beyond_storage_are_out_of_range(sessions, owner):
    problem = await _refused(create_item(sessions, owner.principal, low_stock_threshold=MAX_STORED))
    assert (problem.code, problem.field) == ("OUT_OF_RANGE", ("low_stock_threshold",))
