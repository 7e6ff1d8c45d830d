"""Whatever happens to an item's stock, `available` is never negative and every ACTIVE
reservation can be fulfilled, whole, from what is on hand; a reservation that cannot is
SHORT, holding nothing.

Hypothesis generates sequences of receipts (fresh and already expired), reservations for
a few orders, consumption, every kind of disposal (of the oldest lots, or of one named
lot, so that a loss may take fresh stock while expired stock remains), recounts, partial
and whole fulfilments, releases and write-offs of expired lots. Amounts are fractions of
what the item holds at that step, so that losses often eat into held stock. Each step
runs through the services in its own committed transaction; refusals are allowed (they
change nothing). After every step the test checks the invariant, and tries to fulfil
each ACTIVE reservation whole in a transaction it then rolls back.

Time is fixed relative to the example, as in test_fifo_property: lots are expired days
before or expire a month after, so the services' clock never decides a case.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_DOWN, Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import Organization
from services.db import create_engine, create_session_factory, unit_of_work, utcnow
from services.errors import UserInputError
from services.inventory import items, reservations, stock
from services.inventory.ledger import open_lots
from services.inventory.models import DISPOSAL, InventoryItem, Reservation
from services.inventory.quantities import QuantityInput
from services.inventory.verify import verify_inventory
from services.models import metadata
from services.permissions import ROLE_PERMISSIONS, Principal, Role
from tests.services.accounts.givens import Sessions
from tests.services.inventory.givens import item_fields

pytestmark = pytest.mark.inventory

GRAM = Decimal("0.001")  # the item's precision


def _part(total: Decimal, percent: int) -> Decimal:
    return (total * percent / 100).quantize(GRAM, rounding=ROUND_DOWN)


@dataclass(frozen=True)
class State:
    item: InventoryItem
    active: list[Reservation]
    open_lot_ids: list[int]
    unexpired: Decimal


async def _state(session: AsyncSession, item_id: int) -> State:
    item = await session.get_one(InventoryItem, item_id, populate_existing=True)
    held = await session.scalars(
        select(Reservation)
        .where(Reservation.item_id == item_id, Reservation.status == "ACTIVE")
        .order_by(Reservation.id)
        .execution_options(populate_existing=True)
    )
    lots = await open_lots(session, item)
    now = utcnow()
    unexpired = sum(
        (lot.remaining for lot in lots if lot.expires_at is None or lot.expires_at > now),
        Decimal(0),
    )
    return State(item, list(held), [lot.id for lot in lots], unexpired)


@dataclass(frozen=True)
class Step:
    kind: str
    percent: int
    pick: int
    flag: bool

    async def run(self, session: AsyncSession, principal: Principal, item_id: int) -> None:
        state = await _state(session, item_id)
        item = state.item
        on_hand, reserved = item.on_hand, item.reserved
        if self.kind == "receive":
            back = timedelta(days=10) if self.flag else timedelta(0)
            await stock.receive_inventory(
                session,
                principal,
                item_id=item_id,
                quantity=QuantityInput(Decimal(self.percent * 3), "g"),
                total_cost=Decimal(self.percent),
                received_at=utcnow() - back,
                expires_at=utcnow() - timedelta(days=1) if self.flag else None,
            )
        elif self.kind == "reserve":
            await reservations.reserve_inventory(
                session,
                principal,
                item_id=item_id,
                quantity=QuantityInput(_part(state.unexpired - reserved, self.percent), "g"),
                order_reference=f"#{self.pick % 5}",
            )
        elif self.kind in ("USE", "RECOUNT") or self.kind in {t.value for t in DISPOSAL}:
            named = self.flag and self.kind not in ("USE", "RECOUNT") and state.open_lot_ids
            lot_id = state.open_lot_ids[self.pick % len(state.open_lot_ids)] if named else None
            # a recount counts up to half as much again as the books say
            share = self.percent * 3 // 2 if self.kind == "RECOUNT" else self.percent
            await stock.adjust_inventory(
                session,
                principal,
                item_id=item_id,
                change_type=self.kind,
                quantity=QuantityInput(_part(on_hand, share), "g"),
                lot_id=lot_id,
            )
        elif self.kind in ("fulfil", "release") and state.active:
            reservation = state.active[self.pick % len(state.active)]
            if self.kind == "release":
                await reservations.release_reservation(
                    session, principal, reservation_id=reservation.id
                )
                return
            part = None if self.flag else _part(reservation.remaining, self.percent)
            await reservations.fulfil_reservation(
                session,
                principal,
                reservation_id=reservation.id,
                quantity=None if part is None else QuantityInput(part, "g"),
            )
        elif self.kind == "write_off":
            await stock.write_off_expired_lots(session, principal, item_id=item_id)


class _RollBack(Exception):
    """Ends a trial fulfilment: nothing of it is kept."""


async def _check(sessions: Sessions, principal: Principal, item_id: int, step: Step) -> None:
    async with unit_of_work(sessions, write=False) as session:
        state = await _state(session, item_id)
        every = list(
            await session.scalars(select(Reservation).where(Reservation.item_id == item_id))
        )
        problems = await verify_inventory(session, organization_id=principal.organization_id)
    item = state.item
    assert item.on_hand - item.reserved >= 0, step
    assert item.reserved == sum((r.remaining for r in state.active), Decimal(0)), step
    assert item.reserved <= state.unexpired, step
    for reservation in every:
        assert 0 <= reservation.short_quantity <= reservation.quantity - reservation.fulfilled
        if reservation.status == "SHORT":
            assert reservation.remaining == 0, step
    assert problems == [], step
    for reservation in state.active:
        try:
            async with unit_of_work(sessions) as session:
                await reservations.fulfil_reservation(
                    session, principal, reservation_id=reservation.id
                )
                raise _RollBack
        except _RollBack:
            pass
        except UserInputError as error:
            raise AssertionError(
                f"after {step}: reservation {reservation.id} holds {reservation.remaining} g "
                f"but cannot be fulfilled: {error.message}"
            ) from error


async def _example(database_url: str, plan: list[Step]) -> None:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    try:
        await _wipe(sessions)
        async with unit_of_work(sessions) as session:
            organization = Organization(name="Invariant")
            session.add(organization)
            await session.flush()
            principal = Principal(organization.id, ROLE_PERMISSIONS[Role.OWNER])
            item = await items.create_item(
                session,
                principal,
                values=item_fields(name="Soy wax", type="INGREDIENT", base_unit="g"),
            )
        for step in [*OPENING, *plan]:
            try:
                async with unit_of_work(sessions) as session:
                    await step.run(session, principal, item.id)
            except UserInputError:
                pass  # refused whole: the invariant below must still hold
            await _check(sessions, principal, item.id, step)
    finally:
        await _wipe(sessions)
        await engine.dispose()


async def _wipe(sessions: Sessions) -> None:
    async with unit_of_work(sessions) as session:
        for table in reversed(metadata.sorted_tables):
            await session.execute(table.delete())


# Every example starts with stock, some of it expired, and two orders holding most of the
# fresh stock, so that the generated steps soon meet held stock.
OPENING = [
    Step("receive", 100, 0, False),  # 300 g fresh
    Step("receive", 20, 0, True),  # 60 g expired a day ago
    Step("reserve", 40, 0, False),
    Step("reserve", 70, 1, False),
]
KINDS = [
    "receive",
    "reserve",
    "reserve",
    "reserve",
    "USE",
    *sorted(t.value for t in DISPOSAL),
    "RECOUNT",
    "fulfil",
    "release",
    "write_off",
]
steps = st.builds(
    Step,
    kind=st.sampled_from(KINDS),
    percent=st.integers(1, 100),
    pick=st.integers(0, 100),
    flag=st.booleans(),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=st.lists(steps, min_size=1, max_size=25))
def test_available_is_never_negative_and_every_active_reservation_can_ship(
    database_url: str, plan: list[Step]
) -> None:
    with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:
        runner.run(_example(database_url, plan))
