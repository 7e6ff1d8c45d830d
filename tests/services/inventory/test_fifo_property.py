"""The FIFO ledger against an independent reference model.

Hypothesis generates sequences of every kind of stock change (receipts with random
quantities, costs, dates and expiries; every consumption and disposal type; recounts,
returns, restocks, cost overrides; reservations held for a few orders (one open per
order), released, fulfilled whole or in part, expired, and shortened newest first by
losses that leave them more than the unexpired stock;
write-offs of expired lots). Each step goes through the real service functions in its own
committed transaction, and through the model below, written from the rules in the issue
rather than from the service code: plain lists of lots, exact Fractions, its own draw
order and its own "proportional value, the last draw takes the rest" rule. After every
step the test compares what each change drew (lot, quantity and value, so the cost of
every consumption), every lot's remainder, the item's totals and the reservations, and
checks the invariant over the whole ledger. Refusals must be predicted by the model and
must change nothing.

How the asynchronous services meet hypothesis: the test is synchronous and runs each
example in its own event loop (`asyncio.Runner`) with its own engine, on the database of
each backend the suite runs on (the `database_url` fixture: a migrated temporary SQLite
file, and PostgreSQL when DATABASE_URL is set). An example wipes every table before and
after it runs, so examples are independent and the tests that follow find an empty
database, as the `engine` fixture leaves it. Time is fixed relative to the example's
start: receipts are back-dated by whole days, expired lots expired at least a day before,
fresh ones expire a month or more later, so the services' own clock never decides a case.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from services.accounts.models import Organization
from services.db import create_engine, create_session_factory, unit_of_work, utcnow
from services.errors import UserInputError
from services.inventory import items, reservations, stock
from services.inventory.models import InventoryItem, InventoryLot, LedgerEntry, Reservation
from services.inventory.quantities import QuantityInput
from services.models import metadata
from services.permissions import ROLE_PERMISSIONS, Principal, Role
from tests.services.accounts.givens import Sessions
from tests.services.inventory.givens import item_fields

pytestmark = pytest.mark.inventory

# --- the reference model ---------------------------------------------------------------

GRAMS_PER = {"g": 1, "kg": 1000}
PRECISION = 3  # the item's quantity precision, in decimal places of a gram
CONSUMPTION = ["USE", "SALE", "SAMPLE", "TESTER", "GIFT"]
DISPOSAL = ["SPOIL", "TRASH", "EXPIRED", "DAMAGED", "QUALITY_FAIL"]
LATER = datetime.max.replace(tzinfo=UTC)  # stands for "received by the service at its own now"


def round_money(value: Fraction) -> Fraction:
    """To a millionth, half to even (Python's round() of a Fraction rounds half to even)."""
    return Fraction(round(value * 10**6), 10**6)


@dataclass
class Lot:
    created: int  # creation order, which is also the database's id order
    received: datetime  # LATER when the service stamps its own time
    expires: datetime | None
    quantity: Fraction
    cost: Fraction
    remaining: Fraction
    value: Fraction
    db_id: int | None = None


@dataclass
class Hold:
    db_id: int
    order: int
    quantity: Fraction
    expiring: bool
    status: str = "ACTIVE"
    fulfilled: Fraction = Fraction(0)
    short: Fraction = Fraction(0)  # taken away by losses

    @property
    def unsettled(self) -> Fraction:
        return self.quantity - self.fulfilled - self.short

    @property
    def held(self) -> Fraction:
        return self.unsettled if self.status == "ACTIVE" else Fraction(0)

    @property
    def open(self) -> bool:
        return self.status in ("ACTIVE", "SHORT")


@dataclass(frozen=True)
class Move:
    lot: Lot | None  # None: a count that found the books right, recorded moving nothing
    quantity: Fraction
    value: Fraction


class Refused(Exception):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass
class Model:
    fefo: bool
    start: datetime
    lots: list[Lot] = field(default_factory=list)
    holds: list[Hold] = field(default_factory=list)

    @property
    def on_hand(self) -> Fraction:
        return sum((lot.remaining for lot in self.lots), Fraction(0))

    @property
    def value(self) -> Fraction:
        return sum((lot.value for lot in self.lots), Fraction(0))

    @property
    def reserved(self) -> Fraction:
        return sum((h.held for h in self.holds), Fraction(0))

    def expired(self, lot: Lot) -> bool:
        return lot.expires is not None and lot.expires < self.start

    def in_order(self, *, expired_too: bool) -> list[Lot]:
        """Lots with stock, in the order they are drawn."""

        def fifo(lot: Lot) -> tuple[datetime, int]:
            return (lot.received, lot.created)

        def fefo(lot: Lot) -> tuple[bool, datetime, datetime, int]:
            return (lot.expires is None, lot.expires or self.start, lot.received, lot.created)

        open_lots = [lot for lot in self.lots if lot.remaining > 0]
        ordered = sorted(open_lots, key=fefo) if self.fefo else sorted(open_lots, key=fifo)
        return [lot for lot in ordered if expired_too or not self.expired(lot)]

    def usable(self) -> Fraction:
        return sum((lot.remaining for lot in self.in_order(expired_too=False)), Fraction(0))

    def after_loss(self, model: Model, result: object) -> None:
        """A loss leaves the orders no more than the unexpired stock can fulfil: the
        newest holds give up what they hold first, and one left with nothing is SHORT."""
        excess = self.reserved - self.usable()
        for hold in sorted(self.holds, key=lambda h: h.db_id, reverse=True):
            if excess <= 0:
                break
            if hold.status != "ACTIVE":
                continue
            cut = min(hold.held, excess)
            hold.short += cut
            excess -= cut
            if hold.unsettled == 0:
                hold.status = "SHORT"

    def take(self, lots: list[Lot], quantity: Fraction, held: Fraction) -> list[Move]:
        """All or nothing, in order; each lot gives its value in proportion, and the
        draw that empties a lot takes exactly the value it has left."""
        if quantity > sum((lot.remaining for lot in lots), Fraction(0)) - held:
            raise Refused("INSUFFICIENT_STOCK")
        moves, left = [], quantity
        for lot in lots:
            if left == 0:
                break
            part = min(left, lot.remaining)
            value = (
                lot.value
                if part == lot.remaining
                else round_money(lot.value * part / lot.remaining)
            )
            moves.append(Move(lot, -part, -value))
            left -= part
        return moves

    def new_lot_value(self, quantity: Fraction, cost_per_gram: Fraction | None) -> Fraction:
        """Found stock: the given cost, else the average, else the last lot's, else 0."""
        if cost_per_gram is not None:
            return round_money(quantity * cost_per_gram)
        if self.on_hand > 0:
            return round_money(quantity * self.value / self.on_hand)
        if self.lots:
            last = self.lots[-1]
            return round_money(quantity * last.cost / last.quantity)
        return Fraction(0)

    def new_lot(
        self,
        quantity: Fraction,
        value: Fraction,
        received: datetime = LATER,
        expires: datetime | None = None,
    ) -> Lot:
        return Lot(len(self.lots), received, expires, quantity, value, Fraction(0), Fraction(0))


# --- operations ------------------------------------------------------------------------

Entry = tuple[int | None, Decimal, Decimal]


@dataclass(frozen=True)
class Amount:
    """A quantity as typed. `kind` picks how: a number of milligrams as is, rounded to a
    whole gram, with a fourth decimal (too fine), zero, negative, or resolved against the
    model when the step runs ("all" that the step could take, or the "first" lot's worth),
    so that draws often end exactly on lot boundaries."""

    kind: str
    milligrams: int
    unit: str

    def grams(self, everything: Fraction, first: Fraction) -> Fraction:
        chosen = {
            "exact": Fraction(self.milligrams, 1000),
            "whole": Fraction(self.milligrams // 1000),
            "too_fine": Fraction(self.milligrams * 10 + 1, 10_000),
            "zero": Fraction(0),
            "negative": -Fraction(self.milligrams + 1, 1000),
            "all": everything,
            "first": first,
        }[self.kind]
        return max(chosen, Fraction(0)) if self.kind in ("all", "first") else chosen

    def typed(self, grams: Fraction) -> Decimal:
        amount = grams / GRAMS_PER[self.unit]
        return Decimal(amount.numerator) / Decimal(amount.denominator)


def checked(grams: Fraction, unit: str, *, zero_allowed: bool = False) -> Fraction:
    """The grams recorded for a quantity typed in `unit`: in grams (the item's unit) it
    must respect the precision; in another unit it is rounded half-even to it."""
    if grams < 0 or (grams == 0 and not zero_allowed):
        raise Refused("NOT_POSITIVE")
    if unit == "g":
        if (grams * 10**PRECISION).denominator != 1:
            raise Refused("QUANTITY_TOO_PRECISE")
        return grams
    recorded = Fraction(round(grams * 10**PRECISION), 10**PRECISION)  # half to even
    if recorded == 0 and grams != 0:
        raise Refused("NOT_POSITIVE")
    return recorded


@dataclass
class Result:
    entries: list[Entry]
    reservation_id: int | None = None
    count: int | None = None


Call = Callable[[AsyncSession, Principal, int], Awaitable[Result]]


@dataclass
class Plan:
    moves: list[Move]
    after: Callable[[Model, Result], None] | None = None


class Step:
    """One generated change: `call` builds the service call from the model's state (the
    lot or reservation a reference picks, the amount an "all" resolves to); `expect`
    says what the model predicts, or raises Refused with the code it predicts."""

    def call(self, model: Model) -> Call:
        raise NotImplementedError

    def expect(self, model: Model) -> Plan:
        raise NotImplementedError


def _entries(change: stock.StockChange) -> Result:
    return Result([(e.lot_id, e.quantity, e.value) for e in change.posting.entries])


def _lot_by_ref(model: Model, ref: int | None) -> Lot | None:
    return None if ref is None or not model.lots else model.lots[ref % len(model.lots)]


def _per_gram(cost: Decimal | None, unit: str) -> Fraction | None:
    return None if cost is None else Fraction(cost) / GRAMS_PER[unit]


def _adjusting(
    change_type: str,
    quantity: Decimal | None,
    unit: str,
    *,
    lot: Lot | None = None,
    unit_cost: Decimal | None = None,
    cost_unit: str | None = None,
) -> Call:
    async def call(session: AsyncSession, principal: Principal, item_id: int) -> Result:
        change = await stock.adjust_inventory(
            session,
            principal,
            item_id=item_id,
            change_type=change_type,
            quantity=None if quantity is None else QuantityInput(quantity, unit),
            unit_cost=unit_cost,
            cost_unit=cost_unit,
            lot_id=None if lot is None else lot.db_id,
        )
        return _entries(change)

    return call


@dataclass(frozen=True)
class Receive(Step):
    amount: Amount
    by_total: bool
    cost: Decimal
    days_ago: int  # 0: received now
    expiry: str  # none, expired, or fresh30/60/90

    def _grams(self) -> Fraction:
        return self.amount.grams(Fraction(1), Fraction(1))

    def _dates(self, model: Model) -> tuple[datetime | None, datetime | None]:
        received = None if self.days_ago == 0 else model.start - timedelta(days=self.days_ago)
        expires = {
            "none": None,
            "expired": None if received is None else received + timedelta(days=1),
            "fresh30": model.start + timedelta(days=30),
            "fresh60": model.start + timedelta(days=60),
            "fresh90": model.start + timedelta(days=90),
        }[self.expiry]
        return received, expires

    def call(self, model: Model) -> Call:
        received, expires = self._dates(model)

        async def call(session: AsyncSession, principal: Principal, item_id: int) -> Result:
            change = await stock.receive_inventory(
                session,
                principal,
                item_id=item_id,
                quantity=QuantityInput(self.amount.typed(self._grams()), self.amount.unit),
                unit_cost=None if self.by_total else self.cost,
                total_cost=self.cost if self.by_total else None,
                received_at=received,
                expires_at=expires,
            )
            return _entries(change)

        return call

    def expect(self, model: Model) -> Plan:
        grams = checked(self._grams(), self.amount.unit)
        if self.by_total:
            value = Fraction(self.cost)
        else:
            value = round_money(grams * Fraction(self.cost) / GRAMS_PER[self.amount.unit])
        received, expires = self._dates(model)
        return Plan([Move(model.new_lot(grams, value, received or LATER, expires), grams, value)])


@dataclass(frozen=True)
class Take(Step):
    """A consumption (in order, over usable stock no order holds) or a disposal
    (anything there, expired or held, optionally from one named lot)."""

    change_type: str
    amount: Amount
    lot_ref: int | None

    def _source(self, model: Model) -> tuple[Lot | None, list[Lot], Fraction, Fraction]:
        disposal = self.change_type in DISPOSAL
        named = _lot_by_ref(model, self.lot_ref)
        if named is not None:
            lots = [named] if named.remaining > 0 else []
        else:
            lots = model.in_order(expired_too=disposal)
        held = Fraction(0) if disposal else model.reserved
        everything = sum((lot.remaining for lot in lots), Fraction(0)) - held
        grams = self.amount.grams(everything, lots[0].remaining if lots else Fraction(0))
        return named, lots, held, grams

    def call(self, model: Model) -> Call:
        named, _, _, grams = self._source(model)
        return _adjusting(self.change_type, self.amount.typed(grams), self.amount.unit, lot=named)

    def expect(self, model: Model) -> Plan:
        named, lots, held, grams = self._source(model)
        grams = checked(grams, self.amount.unit)
        if named is not None and self.change_type not in DISPOSAL:
            raise Refused("LOT_NOT_ALLOWED")
        moves = model.take(lots, grams, held)
        return Plan(moves, model.after_loss if self.change_type in DISPOSAL else None)


@dataclass(frozen=True)
class Recount(Step):
    amount: Amount

    def _counted(self, model: Model) -> Fraction:
        # "all" counts what the books say; "first" counts the stock minus the first lot
        lots = model.in_order(expired_too=True)
        first = lots[0].remaining if lots else Fraction(0)
        return self.amount.grams(model.on_hand, model.on_hand - first)

    def call(self, model: Model) -> Call:
        return _adjusting("RECOUNT", self.amount.typed(self._counted(model)), self.amount.unit)

    def expect(self, model: Model) -> Plan:
        counted = checked(self._counted(model), self.amount.unit, zero_allowed=True)
        difference = counted - model.on_hand
        if difference < 0:  # physical stock: expired and held lots count, oldest first
            moves = model.take(model.in_order(expired_too=True), -difference, Fraction(0))
            return Plan(moves, model.after_loss)
        if difference == 0:
            return Plan([Move(None, Fraction(0), Fraction(0))])
        value = model.new_lot_value(difference, None)
        return Plan([Move(model.new_lot(difference, value), difference, value)])


@dataclass(frozen=True)
class Returned(Step):
    amount: Amount
    lot_ref: int | None
    unit_cost: Decimal | None

    def _grams(self, model: Model) -> tuple[Lot | None, Fraction]:
        named = _lot_by_ref(model, self.lot_ref)
        room = named.quantity - named.remaining if named else Fraction(1)
        return named, self.amount.grams(room, room)

    def call(self, model: Model) -> Call:
        named, grams = self._grams(model)
        return _adjusting(
            "RETURNED",
            self.amount.typed(grams),
            self.amount.unit,
            lot=named,
            unit_cost=self.unit_cost,
        )

    def expect(self, model: Model) -> Plan:
        named, grams = self._grams(model)
        grams = checked(grams, self.amount.unit)
        if named is not None:
            if grams > named.quantity - named.remaining:
                raise Refused("RETURN_EXCEEDS_LOT")
            # a named lot takes its stock back at its own purchase cost
            value = round_money(grams * named.cost / named.quantity)
            return Plan([Move(named, grams, value)])
        value = model.new_lot_value(grams, _per_gram(self.unit_cost, self.amount.unit))
        return Plan([Move(model.new_lot(grams, value), grams, value)])


@dataclass(frozen=True)
class Restock(Step):
    amount: Amount
    unit_cost: Decimal | None

    def call(self, model: Model) -> Call:
        grams = self.amount.grams(Fraction(1), Fraction(1))
        return _adjusting(
            "RESTOCK", self.amount.typed(grams), self.amount.unit, unit_cost=self.unit_cost
        )

    def expect(self, model: Model) -> Plan:
        grams = checked(self.amount.grams(Fraction(1), Fraction(1)), self.amount.unit)
        value = model.new_lot_value(grams, _per_gram(self.unit_cost, self.amount.unit))
        return Plan([Move(model.new_lot(grams, value), grams, value)])


@dataclass(frozen=True)
class CostOverride(Step):
    unit_cost: Decimal
    cost_unit: str
    lot_ref: int | None

    def call(self, model: Model) -> Call:
        return _adjusting(
            "COST_OVERRIDE",
            None,
            "g",
            lot=_lot_by_ref(model, self.lot_ref),
            unit_cost=self.unit_cost,
            cost_unit=self.cost_unit,
        )

    def expect(self, model: Model) -> Plan:
        named = _lot_by_ref(model, self.lot_ref)
        lots = [named] if named is not None else model.in_order(expired_too=True)
        per_gram = Fraction(self.unit_cost) / GRAMS_PER[self.cost_unit]
        # quantity stays; each lot with stock is revalued, written as a zero-quantity row
        return Plan(
            [
                Move(lot, Fraction(0), round_money(lot.remaining * per_gram) - lot.value)
                for lot in lots
                if lot.remaining > 0
            ]
        )


@dataclass(frozen=True)
class Reserve(Step):
    amount: Amount
    expiring: bool
    order: int  # one of a few orders, so that an order may ask for the item twice

    def _grams(self, model: Model) -> tuple[Fraction, Fraction]:
        available = model.usable() - model.reserved
        usable = model.in_order(expired_too=False)
        first = usable[0].remaining if usable else Fraction(0)
        return available, self.amount.grams(available, first)

    def call(self, model: Model) -> Call:
        _, grams = self._grams(model)
        expires = model.start + timedelta(days=1) if self.expiring else None

        async def call(session: AsyncSession, principal: Principal, item_id: int) -> Result:
            held = await reservations.reserve_inventory(
                session,
                principal,
                item_id=item_id,
                quantity=QuantityInput(self.amount.typed(grams), self.amount.unit),
                order_reference=f"#order-{self.order}",
                expires_at=expires,
            )
            return Result([], reservation_id=held.reservation.id)

        return call

    def expect(self, model: Model) -> Plan:
        available, grams = self._grams(model)
        grams = checked(grams, self.amount.unit)
        # an order holds the item once; said before the stock, which its own hold may take
        if any(h.order == self.order and h.open for h in model.holds):
            raise Refused("RESERVATION_EXISTS")
        if grams > available:
            raise Refused("INSUFFICIENT_STOCK")

        def after(model: Model, result: Result) -> None:
            assert result.reservation_id is not None
            model.holds.append(Hold(result.reservation_id, self.order, grams, self.expiring))

        return Plan([], after)


@dataclass(frozen=True)
class Release(Step):
    ref: int

    def call(self, model: Model) -> Call:
        hold = model.holds[self.ref % len(model.holds)]

        async def call(session: AsyncSession, principal: Principal, item_id: int) -> Result:
            await reservations.release_reservation(session, principal, reservation_id=hold.db_id)
            return Result([])

        return call

    def expect(self, model: Model) -> Plan:
        hold = model.holds[self.ref % len(model.holds)]
        if not hold.open:
            raise Refused("RESERVATION_CLOSED")
        return Plan([], lambda model, result: setattr(hold, "status", "RELEASED"))


@dataclass(frozen=True)
class Fulfil(Step):
    """All the reservation holds, or a part (whose "all" is what it holds)."""

    ref: int
    part: Amount | None

    def _hold(self, model: Model) -> tuple[Hold, Fraction]:
        hold = model.holds[self.ref % len(model.holds)]
        held = hold.unsettled
        if self.part is None:
            return hold, held
        lots = model.in_order(expired_too=False)
        return hold, self.part.grams(held, lots[0].remaining if lots else Fraction(0))

    def call(self, model: Model) -> Call:
        hold, grams = self._hold(model)
        part = self.part

        async def call(session: AsyncSession, principal: Principal, item_id: int) -> Result:
            _, change = await reservations.fulfil_reservation(
                session,
                principal,
                reservation_id=hold.db_id,
                quantity=None if part is None else QuantityInput(part.typed(grams), part.unit),
            )
            return _entries(change)

        return call

    def expect(self, model: Model) -> Plan:
        hold, grams = self._hold(model)
        if not hold.open:
            raise Refused("RESERVATION_CLOSED")
        if hold.status == "SHORT":
            raise Refused("RESERVATION_SHORT")
        if self.part is not None:
            grams = checked(grams, self.part.unit)
        if grams > hold.held:
            raise Refused("EXCEEDS_RESERVATION")
        # a SALE that may draw its own hold, while other orders' holds stay untouched
        others = model.reserved - hold.held
        moves = model.take(model.in_order(expired_too=False), grams, others)

        def after(model: Model, result: Result) -> None:
            hold.fulfilled += grams
            if hold.unsettled == 0:
                hold.status = "FULFILLED"

        return Plan(moves, after)


@dataclass(frozen=True)
class ExpireReservations(Step):
    """The periodic job, run two days after the example started."""

    def call(self, model: Model) -> Call:
        moment = model.start + timedelta(days=2)

        async def call(session: AsyncSession, principal: Principal, item_id: int) -> Result:
            return Result([], count=await reservations.expire_reservations(session, now=moment))

        return call

    def expect(self, model: Model) -> Plan:
        due = [h for h in model.holds if h.open and h.expiring]

        def after(model: Model, result: Result) -> None:
            assert result.count == len(due)
            for hold in due:
                hold.status = "EXPIRED"

        return Plan([], after)


@dataclass(frozen=True)
class WriteOff(Step):
    def call(self, model: Model) -> Call:
        async def call(session: AsyncSession, principal: Principal, item_id: int) -> Result:
            changes = await stock.write_off_expired_lots(session, principal, item_id=item_id)
            assert len(changes) <= 1
            return Result([entry for change in changes for entry in _entries(change).entries])

        return call

    def expect(self, model: Model) -> Plan:
        lots = model.in_order(expired_too=True)
        moves = [Move(lot, -lot.remaining, -lot.value) for lot in lots if model.expired(lot)]
        return Plan(moves, model.after_loss)


# --- strategies ------------------------------------------------------------------------

units = st.sampled_from(["g", "g", "kg"])
amounts = st.builds(
    Amount,
    kind=st.sampled_from(["exact"] * 8 + ["whole", "too_fine", "zero", "negative", "all", "first"]),
    milligrams=st.integers(1, 150_000),
    unit=units,
)
new_amounts = st.builds(
    Amount,
    kind=st.sampled_from(["exact"] * 8 + ["whole", "too_fine", "zero"]),
    milligrams=st.integers(1, 200_000),
    unit=units,
)


def _decimals(top: int, places: list[int]) -> st.SearchStrategy[Decimal]:
    return st.builds(
        lambda n, p: Decimal(n).scaleb(-p), st.integers(0, top), st.sampled_from(places)
    )


costs = _decimals(2_000_000, [2, 4, 6])
lot_refs = st.none() | st.integers(0, 1_000)
steps: st.SearchStrategy[Step] = st.one_of(
    st.builds(
        Receive,
        amount=new_amounts,
        by_total=st.booleans(),
        cost=costs,
        days_ago=st.sampled_from([0, 2, 3, 5, 5, 8, 13, 21, 34]),
        expiry=st.sampled_from(["none", "none", "expired", "fresh30", "fresh60", "fresh90"]),
    ),
    st.builds(
        Take,
        change_type=st.sampled_from(CONSUMPTION),
        amount=amounts,
        lot_ref=st.none() | st.none() | st.none() | lot_refs,
    ),
    st.builds(Take, change_type=st.sampled_from(DISPOSAL), amount=amounts, lot_ref=lot_refs),
    st.builds(Recount, amount=amounts),
    st.builds(Returned, amount=amounts, lot_ref=lot_refs, unit_cost=st.none() | costs),
    st.builds(Restock, amount=new_amounts, unit_cost=st.none() | costs),
    st.builds(CostOverride, unit_cost=costs, cost_unit=units, lot_ref=lot_refs),
    st.builds(Reserve, amount=amounts, expiring=st.booleans(), order=st.integers(0, 3)),
    st.builds(Release, ref=st.integers(0, 1_000)),
    st.builds(Fulfil, ref=st.integers(0, 1_000), part=st.none() | amounts),
    st.just(ExpireReservations()),
    st.just(WriteOff()),
)


# --- running an example ----------------------------------------------------------------


async def _run_step(
    sessions: Sessions, principal: Principal, item_id: int, model: Model, step: Step
) -> None:
    call = step.call(model)
    try:
        plan, refusal = step.expect(model), None
    except Refused as refused:
        plan, refusal = None, refused.code
    try:
        async with unit_of_work(sessions) as session:
            result = await call(session, principal, item_id)
    except UserInputError as error:
        if refusal != error.code:
            raise AssertionError(f"{step}: refused with {error.code}: {error.message}") from error
        return
    assert plan is not None, f"{step}: the model expected {refusal}, the service accepted it"
    # what the service drew, lot by lot, is what the model drew
    assert len(result.entries) == len(plan.moves), (step, result.entries, plan.moves)
    known = {lot.db_id for lot in model.lots}
    for (lot_id, quantity, value), move in zip(result.entries, plan.moves, strict=True):
        if move.lot is None:
            assert (lot_id, quantity, value) == (None, Decimal(0), Decimal(0)), step
            continue
        if move.lot.db_id is None:  # a lot the step created
            assert lot_id not in known
            move.lot.db_id = lot_id
            model.lots.append(move.lot)
        assert (lot_id, Fraction(quantity), Fraction(value)) == (
            move.lot.db_id,
            move.quantity,
            move.value,
        ), step
        move.lot.remaining += move.quantity
        move.lot.value += move.value
    if plan.after is not None:
        plan.after(model, result)


async def _check_state(sessions: Sessions, item_id: int, model: Model) -> None:
    async with unit_of_work(sessions, write=False) as session:
        item = await session.get_one(InventoryItem, item_id)
        lots = list(
            await session.scalars(
                select(InventoryLot)
                .where(InventoryLot.item_id == item_id)
                .order_by(InventoryLot.id)
            )
        )
        ledger = list(
            await session.scalars(select(LedgerEntry).where(LedgerEntry.item_id == item_id))
        )
        holds = {
            r.id: (r.status, Fraction(r.fulfilled), Fraction(r.short_quantity))
            for r in await session.scalars(
                select(Reservation).where(Reservation.item_id == item_id)
            )
        }
    # the invariant, over the whole history
    quantities = [
        sum((x.remaining for x in lots), Decimal(0)),
        sum((e.quantity for e in ledger), Decimal(0)),
    ]
    values = [
        sum((x.remaining_value for x in lots), Decimal(0)),
        sum((e.value for e in ledger), Decimal(0)),
    ]
    assert quantities == [item.on_hand] * 2
    assert values == [item.stock_value] * 2
    if ledger:
        last = max(ledger, key=lambda e: e.id)
        assert (last.on_hand_after, last.value_after) == (item.on_hand, item.stock_value)
    # and the model
    assert (Fraction(item.on_hand), Fraction(item.reserved), Fraction(item.stock_value)) == (
        model.on_hand,
        model.reserved,
        model.value,
    )
    expected_lots = sorted(model.lots, key=lambda lot: lot.created)
    assert [
        (
            x.id,
            Fraction(x.quantity_received),
            Fraction(x.total_cost),
            Fraction(x.remaining),
            Fraction(x.remaining_value),
            x.expires_at,
        )
        for x in lots
    ] == [
        (lot.db_id, lot.quantity, lot.cost, lot.remaining, lot.value, lot.expires)
        for lot in expected_lots
    ]
    assert holds == {h.db_id: (h.status, h.fulfilled, h.short) for h in model.holds}


async def _wipe(engine: AsyncEngine) -> None:
    async with engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            await connection.execute(table.delete())


async def _example(database_url: str, fefo: bool, plan: list[Step]) -> None:
    engine = create_engine(database_url)
    sessions = create_session_factory(engine)
    try:
        await _wipe(engine)
        async with unit_of_work(sessions) as session:
            organization = Organization(name="Property")
            session.add(organization)
            await session.flush()
            principal = Principal(organization.id, ROLE_PERMISSIONS[Role.OWNER])
            item = await items.create_item(
                session,
                principal,
                values=item_fields(
                    name="Olive oil",
                    type="INGREDIENT",
                    base_unit="g",
                    quantity_precision=PRECISION,
                    costing_method="FEFO" if fefo else "FIFO",
                    low_stock_threshold=Decimal(50),
                ),
            )
        # the example's "now": receipts are back-dated from it by whole days
        start = utcnow().replace(microsecond=0)
        model = Model(fefo, start)
        for step in plan:
            if isinstance(step, Release | Fulfil) and not model.holds:
                continue
            await _run_step(sessions, principal, item.id, model, step)
            await _check_state(sessions, item.id, model)
    finally:
        await _wipe(engine)
        await engine.dispose()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(fefo=st.booleans(), plan=st.lists(steps, min_size=1, max_size=30))
def test_the_ledger_matches_an_independent_fifo_model(
    database_url: str, fefo: bool, plan: list[Step]
) -> None:
    with asyncio.Runner(loop_factory=asyncio.new_event_loop) as runner:
        runner.run(_example(database_url, fefo, plan))
