"""Adjustments: FIFO and FEFO draws and their exact cost, expired lots, refusals that
change nothing, recounts, returns, cost overrides and writing off expired lots."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest

from services.db import unit_of_work, utcnow
from services.errors import PermissionDenied
from services.inventory import stock
from services.inventory.models import CONSUMPTION, DISPOSAL, InventoryItem, InventoryLot
from services.inventory.quantities import QuantityInput
from services.inventory.verify import consistent_snapshot, verify_inventory
from tests.services.accounts.givens import Actor, Sessions, add_member, refused, sign_up
from tests.services.inventory.givens import (
    adjust,
    create_item,
    days_ago,
    draws,
    event_count,
    events_of,
    item_now,
    ledger_of,
    lots_of,
    receive,
    remainders,
    snapshot,
)

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


def _adjust(principal, item_id: int, change_type: str, amount: str | None = None, **options):
    quantity = None if amount is None else QuantityInput(Decimal(amount), "g")
    return lambda session: stock.adjust_inventory(
        session, principal, item_id=item_id, change_type=change_type, quantity=quantity, **options
    )


async def _two_lots(
    sessions: Sessions, actor: Actor, **item_settings
) -> tuple[InventoryItem, InventoryLot, InventoryLot]:
    """An item with an older lot of 100 g worth 10.00 and a newer one of 100 g worth 30.00,
    received newest first so that FIFO must follow the receipt dates, not insertion."""
    item = await create_item(sessions, actor.principal, **item_settings)
    newer = await receive(
        sessions, actor.principal, item.id, "100", total_cost="30", received_at=days_ago(10)
    )
    older = await receive(
        sessions, actor.principal, item.id, "100", total_cost="10", received_at=days_ago(20)
    )
    assert older.lot is not None
    assert newer.lot is not None
    return item, older.lot, newer.lot


async def _expired_and_fresh(
    sessions: Sessions, actor: Actor
) -> tuple[InventoryItem, InventoryLot, InventoryLot]:
    """An expired lot of 100 g worth 10.00 and a fresh one of 100 g worth 30.00."""
    item = await create_item(sessions, actor.principal)
    expired = await receive(
        sessions,
        actor.principal,
        item.id,
        "100",
        total_cost="10",
        received_at=days_ago(30),
        expires_at=days_ago(1),
    )
    fresh = await receive(
        sessions, actor.principal, item.id, "100", total_cost="30", received_at=days_ago(10)
    )
    assert expired.lot is not None
    assert fresh.lot is not None
    return item, expired.lot, fresh.lot


# --- FIFO, FEFO and the cost of a consumption ------------------------------------------


async def test_consumption_draws_the_oldest_lot_first_at_the_exact_cost(sessions, owner):
    # given 100 g worth 10.00 received before 100 g worth 30.00
    item, older, newer = await _two_lots(sessions, owner)
    # when 150 g are used
    change = await adjust(sessions, owner.principal, item.id, "USE", "150", note="batch 7")
    # then the older lot is emptied first and the cost is what the lots drawn held
    assert draws(change) == [
        (older.id, Decimal(-100), Decimal(-10)),
        (newer.id, Decimal(-50), Decimal(-15)),
    ]
    assert change.posting.value == Decimal(-25)
    assert (change.item.on_hand, change.item.stock_value) == (Decimal(50), Decimal(15))
    assert remainders(await lots_of(sessions, item.id)) == [
        (Decimal(50), Decimal(15)),  # the newer lot was inserted first
        (Decimal(0), Decimal(0)),
    ]
    # one ledger row per lot touched, each carrying the running totals
    rows = (await ledger_of(sessions, item.id))[2:]
    assert [(r.change_type, r.lot_id, r.unit_cost, r.note) for r in rows] == [
        ("USE", older.id, Decimal("0.1"), "batch 7"),
        ("USE", newer.id, Decimal("0.3"), "batch 7"),
    ]
    assert [(r.on_hand_after, r.value_after) for r in rows] == [
        (Decimal(100), Decimal(30)),
        (Decimal(50), Decimal(15)),
    ]
    assert rows[0].operation_id == rows[1].operation_id == change.posting.operation_id
    [event] = await events_of(sessions, owner.organization_id, "inventory.adjusted")
    assert (event.payload["changeType"], Decimal(event.payload["cost"])) == ("USE", Decimal(25))
    assert len(event.payload["lots"]) == 2


async def test_fefo_draws_the_earliest_expiry_first_and_undated_lots_last(sessions, owner):
    # given an FEFO item: undated oldest, a lot expiring in 60 days, a newer one in 30 days
    item = await create_item(sessions, owner.principal, costing_method="fefo")
    lots = {}
    for name, received, expires in [
        ("undated", days_ago(30), None),
        ("later", days_ago(20), days_ago(-60)),
        ("sooner", days_ago(10), days_ago(-30)),
    ]:
        change = await receive(
            sessions,
            owner.principal,
            item.id,
            "100",
            total_cost="10",
            received_at=received,
            expires_at=expires,
        )
        assert change.lot is not None
        lots[name] = change.lot.id
    # when
    first = await adjust(sessions, owner.principal, item.id, "SALE", "150")
    second = await adjust(sessions, owner.principal, item.id, "SALE", "100")
    # then
    assert [lot for lot, _, _ in draws(first)] == [lots["sooner"], lots["later"]]
    assert [lot for lot, _, _ in draws(second)] == [lots["later"], lots["undated"]]


async def test_a_lots_draws_sum_to_its_cost_however_it_is_split(sessions, owner):
    # given 3 jars that cost 10.00 together
    item = await create_item(sessions, owner.principal, "Jars", base_unit="each")
    await receive(sessions, owner.principal, item.id, "3", "each", total_cost="10")
    # when they are used one at a time
    values = []
    for _ in range(3):
        change = await adjust(sessions, owner.principal, item.id, "USE", "1", "each")
        values.append(change.posting.value)
    # then each takes its share rounded half-even, and the last takes exactly what is left
    assert values == [Decimal("-3.333333"), Decimal("-3.333334"), Decimal("-3.333333")]
    assert sum(values) == Decimal(-10)
    assert (await item_now(sessions, item.id)).stock_value == 0


async def test_uneven_draws_of_sevenths_sum_to_the_lot_cost(sessions, owner):
    item = await create_item(sessions, owner.principal, "Wicks", base_unit="each")
    await receive(sessions, owner.principal, item.id, "7", "each", total_cost="1")
    values = [
        (await adjust(sessions, owner.principal, item.id, "USE", amount, "each")).posting.value
        for amount in ["2", "2", "3"]
    ]
    assert values == [Decimal("-0.285714"), Decimal("-0.285714"), Decimal("-0.428572")]


async def test_a_draw_is_computed_exactly_even_for_huge_lots(sessions, owner):
    # given a lot whose value times a drawn quantity has more than 28 significant digits
    item = await create_item(sessions, owner.principal, quantity_precision=6)
    await receive(
        sessions, owner.principal, item.id, "246912.246914", total_cost="999999999999.999999"
    )
    # when exactly half of it is used
    change = await adjust(sessions, owner.principal, item.id, "USE", "123456.123457")
    # then the cost is half the value (499999999999.9999995) rounded half-even, computed
    # without a rounded intermediate product
    assert change.posting.value == Decimal("-500000000000.000000")
    rest = await adjust(sessions, owner.principal, item.id, "USE", "123456.123457")
    assert rest.posting.value == Decimal("-499999999999.999999")


# --- expired lots ----------------------------------------------------------------------


@pytest.mark.parametrize("change_type", sorted(CONSUMPTION))
async def test_consumption_skips_expired_lots(sessions, owner, change_type):
    # given an expired lot and a fresh one
    item, _expired, fresh = await _expired_and_fresh(sessions, owner)
    # when more is used than the fresh lot holds
    problem = await refused(sessions, _adjust(owner.principal, item.id, change_type, "150"))
    # then it is refused, and a smaller amount comes from the fresh lot only
    assert problem.code == "INSUFFICIENT_STOCK"
    assert problem.message == ("Only 100 g available (expired lots excluded); 150 g requested.")
    change = await adjust(sessions, owner.principal, item.id, change_type, "40")
    assert draws(change) == [(fresh.id, Decimal(-40), Decimal(-12))]


@pytest.mark.parametrize("change_type", sorted(DISPOSAL))
async def test_disposals_may_take_expired_lots(sessions, owner, change_type):
    item, expired, fresh = await _expired_and_fresh(sessions, owner)
    change = await adjust(sessions, owner.principal, item.id, change_type, "120")
    assert draws(change) == [
        (expired.id, Decimal(-100), Decimal(-10)),
        (fresh.id, Decimal(-20), Decimal(-6)),
    ]
    assert [r.change_type for r in (await ledger_of(sessions, item.id))[2:]] == [change_type] * 2


async def test_a_disposal_may_name_its_lot_and_a_consumption_may_not(sessions, owner):
    item, older, newer = await _two_lots(sessions, owner)
    # a disposal of the newer lot takes from that lot only
    change = await adjust(sessions, owner.principal, item.id, "DAMAGED", "30", lot_id=newer.id)
    assert draws(change) == [(newer.id, Decimal(-30), Decimal(-9))]
    # and no more than that lot holds
    problem = await refused(
        sessions, _adjust(owner.principal, item.id, "SPOIL", "71", lot_id=newer.id)
    )
    assert (problem.code, problem.message) == (
        "INSUFFICIENT_STOCK",
        "Only 70 g available; 71 g requested.",
    )
    # consumption always draws in order
    problem = await refused(
        sessions, _adjust(owner.principal, item.id, "USE", "1", lot_id=older.id)
    )
    assert (problem.code, problem.field) == ("LOT_NOT_ALLOWED", ("lot_id",))


# --- refusals --------------------------------------------------------------------------


async def test_a_change_beyond_the_stock_fails_whole_and_changes_nothing(sessions, owner):
    # given 200 g over two lots
    item, _, _ = await _two_lots(sessions, owner)
    before = await snapshot(sessions, item.id)
    # when 250 g are used
    problem = await refused(sessions, _adjust(owner.principal, item.id, "USE", "250"))
    # then it is refused naming what there is, and nothing moved: no lot, no total,
    # no ledger row, no event
    assert problem.code == "INSUFFICIENT_STOCK"
    assert problem.message.startswith("Only 200 g available")
    assert problem.message.endswith("; 250 g requested.")
    assert await snapshot(sessions, item.id) == before


@pytest.mark.parametrize(
    ("change_type", "amount", "code", "field"),
    [
        ("USE", "0", "NOT_POSITIVE", ("quantity", "amount")),
        ("SPOIL", "-1", "NOT_POSITIVE", ("quantity", "amount")),
        ("RESTOCK", "0", "NOT_POSITIVE", ("quantity", "amount")),
        ("RECOUNT", "-1", "NOT_POSITIVE", ("quantity", "amount")),
        ("USE", "0.0001", "QUANTITY_TOO_PRECISE", ("quantity", "amount")),
        ("USE", None, "BLANK", ("quantity",)),
        ("PURCHASE", "1", "INVALID_CHANGE_TYPE", ("change_type",)),
        ("RESERVED", "1", "INVALID_CHANGE_TYPE", ("change_type",)),
        ("BORROW", "1", "INVALID_CHANGE_TYPE", ("change_type",)),
        ("COST_OVERRIDE", None, "COST_REQUIRED", ("unit_cost",)),
    ],
)
async def test_invalid_adjustments_are_refused(sessions, owner, change_type, amount, code, field):
    item, _, _ = await _two_lots(sessions, owner)
    before = await snapshot(sessions, item.id)
    problem = await refused(sessions, _adjust(owner.principal, item.id, change_type, amount))
    assert (problem.code, problem.field) == (code, field)
    assert await snapshot(sessions, item.id) == before


# --- recounts --------------------------------------------------------------------------


async def test_a_lower_recount_drains_the_oldest_lots_first(sessions, owner):
    item, older, _newer = await _two_lots(sessions, owner)
    change = await adjust(sessions, owner.principal, item.id, "RECOUNT", "120")
    assert draws(change) == [(older.id, Decimal(-80), Decimal(-8))]
    assert (change.item.on_hand, change.item.stock_value) == (Decimal(120), Decimal(32))


async def test_a_recount_of_zero_drains_everything_expired_or_not(sessions, owner):
    item, expired, fresh = await _expired_and_fresh(sessions, owner)
    change = await adjust(sessions, owner.principal, item.id, "RECOUNT", "0")
    assert draws(change) == [
        (expired.id, Decimal(-100), Decimal(-10)),
        (fresh.id, Decimal(-100), Decimal(-30)),
    ]
    assert (change.item.on_hand, change.item.stock_value) == (Decimal(0), Decimal(0))


async def test_a_higher_recount_adds_a_lot_at_the_current_average_cost(sessions, owner):
    # given 200 g worth 40.00 (0.20 per g on average)
    item, _, _ = await _two_lots(sessions, owner)
    # when 250 g are counted
    change = await adjust(sessions, owner.principal, item.id, "RECOUNT", "250")
    # then the 50 g found become a lot worth 10.00
    [(lot_id, quantity, value)] = draws(change)
    assert (quantity, value) == (Decimal(50), Decimal(10))
    lot = (await lots_of(sessions, item.id))[-1]
    assert (lot.id, lot.source, lot.quantity_received, lot.total_cost) == (
        lot_id,
        "RECOUNT",
        Decimal(50),
        Decimal(10),
    )
    assert re.fullmatch(r"LOT-\d{8}-[0-9A-F]{6}", lot.lot_code)
    assert (change.item.on_hand, change.item.stock_value) == (Decimal(250), Decimal(50))


async def test_a_recount_that_matches_moves_nothing_but_is_recorded(sessions, owner):
    # given 200 g on the books
    item, _, _ = await _two_lots(sessions, owner)
    before = await snapshot(sessions, item.id)
    # when a count finds 0.2 kg
    change = await adjust(sessions, owner.principal, item.id, "RECOUNT", "0.2", "kg")
    # then the count is on the ledger (who, when, the total counted, no variance), under
    # the operation the caller was told, and no lot or total moved
    [row] = change.posting.entries
    assert (row.change_type, row.lot_id, row.quantity, row.value) == (
        "RECOUNT",
        None,
        Decimal(0),
        Decimal(0),
    )
    assert (row.on_hand_after, row.actor_user_id) == (Decimal(200), owner.user_id)
    assert row.operation_id == change.posting.operation_id
    after = await snapshot(sessions, item.id)
    assert (after.on_hand, after.stock_value, after.lots) == (
        before.on_hand,
        before.stock_value,
        before.lots,
    )
    assert after.ledger_rows == before.ledger_rows + 1
    async with consistent_snapshot(sessions) as session:
        assert await verify_inventory(session, organization_id=owner.organization_id) == []


# --- stock that comes back or appears --------------------------------------------------


async def test_a_return_credits_a_named_lot_up_to_what_it_lost(sessions, owner):
    # given 40 g used from the older lot
    item, older, _ = await _two_lots(sessions, owner)
    await adjust(sessions, owner.principal, item.id, "USE", "40")
    # when 30 g come back to it
    change = await adjust(sessions, owner.principal, item.id, "RETURNED", "30", lot_id=older.id)
    # then the lot takes them back at its own cost
    assert draws(change) == [(older.id, Decimal(30), Decimal(3))]
    lot = next(lot for lot in await lots_of(sessions, item.id) if lot.id == older.id)
    assert (lot.remaining, lot.remaining_value) == (Decimal(90), Decimal(9))
    # and no more than it lost
    problem = await refused(
        sessions, _adjust(owner.principal, item.id, "RETURNED", "11", lot_id=older.id)
    )
    assert (problem.code, problem.field) == ("RETURN_EXCEEDS_LOT", ("quantity", "amount"))
    assert problem.message == f"Lot {older.lot_code} can take back at most 10 g."


async def test_a_return_without_a_lot_becomes_a_lot_at_the_average_cost(sessions, owner):
    item, _, _ = await _two_lots(sessions, owner)
    change = await adjust(sessions, owner.principal, item.id, "RETURNED", "10")
    [(_, quantity, value)] = draws(change)
    assert (quantity, value) == (Decimal(10), Decimal(2))
    assert (await lots_of(sessions, item.id))[-1].source == "RETURNED"


async def test_a_restock_takes_its_given_cost_or_the_average(sessions, owner):
    item, _, _ = await _two_lots(sessions, owner)
    priced = await adjust(
        sessions, owner.principal, item.id, "RESTOCK", "1", "kg", unit_cost="0.5", cost_unit="g"
    )
    assert draws(priced)[0][1:] == (Decimal(1000), Decimal(500))
    # average now (40 + 500) / 1200 = 0.45 per g
    averaged = await adjust(sessions, owner.principal, item.id, "RESTOCK", "100")
    assert draws(averaged)[0][1:] == (Decimal(100), Decimal(45))


async def test_stock_appearing_with_nothing_on_hand_is_valued_at_the_last_purchase(sessions, owner):
    # given an item whose last purchase cost 0.30 per g and that is now empty
    item, _, _ = await _two_lots(sessions, owner)
    await adjust(sessions, owner.principal, item.id, "USE", "200")
    # when 10 g are found
    change = await adjust(sessions, owner.principal, item.id, "RECOUNT", "10")
    # then they are valued at the last lot received (the older one, inserted last: 0.10)
    assert draws(change)[0][1:] == (Decimal(10), Decimal(1))
    # and an item with no history at all values found stock at zero
    empty = await create_item(sessions, owner.principal, "Beeswax")
    found = await adjust(sessions, owner.principal, empty.id, "RESTOCK", "10")
    assert draws(found)[0][1:] == (Decimal(10), Decimal(0))


# --- cost overrides --------------------------------------------------------------------


async def test_a_cost_override_revalues_remaining_lots_without_moving_quantity(sessions, owner):
    # given 50 g left of the older lot (worth 5.00) and 100 g of the newer (worth 30.00)
    item, older, newer = await _two_lots(sessions, owner)
    await adjust(sessions, owner.principal, item.id, "USE", "50")
    # when the cost is set to 250.00 per kg
    change = await adjust(
        sessions, owner.principal, item.id, "COST_OVERRIDE", unit_cost="250", cost_unit="kg"
    )
    # then each lot gets a row with no quantity and its value delta
    assert draws(change) == [
        (older.id, Decimal(0), Decimal("7.5")),
        (newer.id, Decimal(0), Decimal(-5)),
    ]
    assert (change.item.on_hand, change.item.stock_value) == (Decimal(150), Decimal("37.5"))
    assert remainders(await lots_of(sessions, item.id)) == [
        (Decimal(100), Decimal(25)),
        (Decimal(50), Decimal("12.5")),
    ]
    # and every lot and its row carry the new unit cost (0.25 per g), so they agree
    assert [lot.unit_cost for lot in await lots_of(sessions, item.id)] == [Decimal("0.25")] * 2
    assert [entry.unit_cost for entry in change.posting.entries] == [Decimal("0.25")] * 2
    # and later draws take the new value
    used = await adjust(sessions, owner.principal, item.id, "USE", "60")
    assert used.posting.value == Decimal("-15")


async def test_a_cost_override_may_name_one_lot(sessions, owner):
    item, _older, newer = await _two_lots(sessions, owner)
    change = await adjust(
        sessions, owner.principal, item.id, "COST_OVERRIDE", unit_cost="0.2", lot_id=newer.id
    )
    assert draws(change) == [(newer.id, Decimal(0), Decimal(-10))]


# --- writing off expired lots ----------------------------------------------------------


async def test_writing_off_disposes_every_expired_remainder_and_announces_each_lot(sessions, owner):
    # given two items with expired lots, one of them also with fresh stock
    oil, expired, _fresh = await _expired_and_fresh(sessions, owner)
    await adjust(sessions, owner.principal, oil.id, "SPOIL", "30", lot_id=expired.id)
    butter = await create_item(sessions, owner.principal, "Shea butter")
    old_butter = await receive(
        sessions,
        owner.principal,
        butter.id,
        "5",
        "kg",
        total_cost="50",
        received_at=days_ago(400),
        expires_at=days_ago(35),
    )
    assert old_butter.lot is not None
    # when
    async with unit_of_work(sessions) as session:
        changes = await stock.write_off_expired_lots(session, owner.principal)
    # then each item loses exactly its expired remainders, as EXPIRED
    assert [(change.item.id, draws(change)) for change in changes] == [
        (oil.id, [(expired.id, Decimal(-70), Decimal(-7))]),
        (butter.id, [(old_butter.lot.id, Decimal(-5000), Decimal(-50))]),
    ]
    assert (await item_now(sessions, oil.id)).on_hand == 100
    assert (await ledger_of(sessions, butter.id))[-1].change_type == "EXPIRED"
    announced = await events_of(sessions, owner.organization_id, "inventory.lot.expired")
    assert [e.payload["lot"]["lotCode"] for e in announced] == [
        expired.lot_code,
        old_butter.lot.lot_code,
    ]
    # and a second run finds nothing
    events = await event_count(sessions)
    async with unit_of_work(sessions) as session:
        assert await stock.write_off_expired_lots(session, owner.principal) == []
    assert await event_count(sessions) == events


async def test_writing_off_may_be_limited_to_one_item(sessions, owner):
    oil, _expired, _ = await _expired_and_fresh(sessions, owner)
    other = await create_item(sessions, owner.principal, "Shea butter")
    await receive(
        sessions,
        owner.principal,
        other.id,
        "1",
        total_cost="1",
        received_at=days_ago(3),
        expires_at=days_ago(2),
    )
    async with unit_of_work(sessions) as session:
        changes = await stock.write_off_expired_lots(session, owner.principal, item_id=oil.id)
    assert [change.item.id for change in changes] == [oil.id]
    assert (await item_now(sessions, other.id)).on_hand == 1


# --- permissions and tenancy -----------------------------------------------------------


async def test_a_viewer_cannot_change_stock_and_a_maker_can(sessions, owner):
    item, _, _ = await _two_lots(sessions, owner)
    viewer = await add_member(sessions, owner.principal, role="viewer")
    maker = await add_member(sessions, owner.principal, role="maker")
    steps = [
        lambda session: stock.receive_inventory(
            session,
            viewer.principal,
            item_id=item.id,
            quantity=QuantityInput(Decimal(1), "g"),
            total_cost=Decimal(1),
        ),
        _adjust(viewer.principal, item.id, "USE", "1"),
        lambda session: stock.write_off_expired_lots(session, viewer.principal),
    ]
    for step in steps:
        with pytest.raises(PermissionDenied) as raised:
            async with unit_of_work(sessions) as session:
                await step(session)
        assert raised.value.permission == "inventory.adjust"
    change = await adjust(sessions, maker.principal, item.id, "USE", "1")
    assert change.posting.entries[0].actor_user_id == maker.user_id


async def test_another_organizations_item_and_lots_behave_as_if_they_did_not_exist(sessions, owner):
    item, older, _ = await _two_lots(sessions, owner)
    stranger = await sign_up(sessions)
    theirs = await create_item(sessions, stranger.principal)
    receiving = await refused(
        sessions,
        lambda session: stock.receive_inventory(
            session,
            stranger.principal,
            item_id=item.id,
            quantity=QuantityInput(Decimal(1), "g"),
            total_cost=Decimal(1),
        ),
    )
    adjusting = await refused(sessions, _adjust(stranger.principal, item.id, "USE", "1"))
    naming_a_lot = await refused(
        sessions, _adjust(stranger.principal, theirs.id, "SPOIL", "1", lot_id=older.id)
    )
    assert (receiving.code, receiving.field) == ("NOT_FOUND", ("item_id",))
    assert (adjusting.code, adjusting.field) == ("NOT_FOUND", ("item_id",))
    assert (naming_a_lot.code, naming_a_lot.field) == ("NOT_FOUND", ("lot_id",))
    async with unit_of_work(sessions) as session:
        assert (
            await stock.write_off_expired_lots(session, stranger.principal, item_id=item.id) == []
        )
    assert (await item_now(sessions, item.id)).on_hand == 200


async def test_the_ledger_records_the_actor_reference_and_time(sessions, owner):
    item, _, _ = await _two_lots(sessions, owner)
    before = utcnow()
    async with unit_of_work(sessions) as session:
        change = await stock.adjust_inventory(
            session,
            owner.principal,
            item_id=item.id,
            change_type="gift",
            quantity=QuantityInput(Decimal(5), "g"),
            note="  for the market  ",
            reference=" stall-12 ",
        )
    [row] = change.posting.entries
    assert (row.change_type, row.note, row.reference, row.actor_user_id) == (
        "GIFT",
        "for the market",
        "stall-12",
        owner.user_id,
    )
    assert before <= row.created_at <= before + timedelta(minutes=1)
