"""Finishing a batch into product lots.

The output item receives one lot per container size filled ("20 x 4 oz jars") and one for
the rest in bulk, all through the ledger (FINISHED_BATCH, reference = the label). The
batch's cost (its ingredients; a variation's share of its parent's plus its own) is shared
among them by quantity, the last taking what rounding leaves so the shares sum to the
cost exactly; each container lot also carries the cost of its containers, drawn FIFO like
any line. Unit cost = lot cost / lot quantity. Lot code: the (sub-)label for the bulk,
`<label>-1`, `-2` ... for the container sizes in the order given. Expiry: the finish time
plus the output's shelf life; an INTERMEDIATE's never later than the earliest expiry of
the lots it consumed.

Lock order as every batch writer: the batch, then every item touched (containers and the
output) in one id-ordered lock, so a finish cannot deadlock with a start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.batches.drawing import Need, draw_lines
from services.batches.models import Batch, BatchDraw, BatchLineKind, BatchOutput, BatchStatus
from services.batches.start import locked_in_progress, next_position
from services.batches.stream import append_batch_event
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import NotFound, UserInputError
from services.events import NewEvent
from services.inventory import ledger, stock
from services.inventory.ledger import ZERO, shown
from services.inventory.models import ChangeType, InventoryItem, InventoryLot, ItemType
from services.inventory.payloads import (
    datetime_string,
    decimal_string,
    item_id,
    lot_id,
    quantity,
)
from services.inventory.quantities import QuantityInput, to_base, value_of
from services.permissions import Principal, require_permission
from services.recipes.lines import resolve_quantity
from services.units import service as units

MAX_CONTAINER_SIZES = 20


@dataclass(frozen=True)
class ContainerFill:
    item_id: int
    count: int


@dataclass(frozen=True)
class Fill:
    """A container size as it fills: how much of the output each holds (base unit)."""

    item: InventoryItem
    count: int
    capacity: Decimal
    field: tuple[str, ...]

    @property
    def quantity(self) -> Decimal:
        return self.capacity * self.count


@dataclass(frozen=True)
class Finished:
    batch: Batch
    outputs: list[BatchOutput]
    lots: list[InventoryLot]


async def _fills(
    session: AsyncSession,
    acting: Principal,
    output: InventoryItem,
    given: Sequence[ContainerFill],
    items: dict[int, InventoryItem],
) -> list[Fill]:
    if len(given) > MAX_CONTAINER_SIZES:
        raise UserInputError(
            ErrorCode.TOO_MANY, f"Fill at most {MAX_CONTAINER_SIZES} sizes.", ("containers",)
        )
    known = await units.units_of(session, acting.organization_id)
    fills: list[Fill] = []
    seen: set[int] = set()
    for index, fill in enumerate(given):
        at = ("containers", str(index))
        item = items.get(fill.item_id)
        if item is None:
            raise NotFound("inventory item", (*at, "item_id"))
        if item.id in seen:
            raise UserInputError(
                ErrorCode.DUPLICATE_ITEM,
                f'"{item.name}" is given twice; give each container size once.',
                (*at, "item_id"),
            )
        seen.add(item.id)
        if fill.count <= 0:
            raise UserInputError(
                ErrorCode.NOT_POSITIVE, "count must be at least 1.", (*at, "count")
            )
        if item.container_capacity is None or item.type != ItemType.CONTAINER:
            raise UserInputError(
                ErrorCode.CAPACITY_REQUIRED,
                f'"{item.name}" is no container with a capacity: set its containerCapacity.',
                (*at, "item_id"),
            )
        capacity = resolve_quantity(
            output,
            item.container_capacity,
            item.container_capacity_unit or item.base_unit,
            known,
        )
        if capacity.base_amount is None:
            raise UserInputError(
                ErrorCode.UNIT_CONVERSION_FAILED,
                f'"{item.name}" holds {shown(item.container_capacity)} '
                f"{item.container_capacity_unit}, which does not convert to "
                f"{output.base_unit}: {capacity.problem}",
                (*at, "item_id"),
            )
        fills.append(Fill(item, fill.count, capacity.base_amount, (*at, "count")))
    return fills


def _check_yield(actual: QuantityInput) -> None:
    if actual.amount == 0:
        raise UserInputError(
            ErrorCode.NOT_POSITIVE,
            "actualYield must be greater than 0: a batch that made nothing is failed "
            "(failBatch), which keeps what it used as the loss.",
            ("actual_yield", "amount"),
        )


def shares(total: Decimal, parts: Sequence[Decimal]) -> list[Decimal]:
    """`total` split in proportion to `parts`, each rounded half-even to money, the last
    taking the rest so the shares sum to `total` exactly."""
    whole = sum(parts, ZERO)
    found: list[Decimal] = []
    for part in parts[:-1]:
        found.append(value_of(part, Fraction(total) / Fraction(whole)) if whole else ZERO)
    found.append(total - sum(found, ZERO))
    return found


async def earliest_consumed_expiry(
    session: AsyncSession, batch_ids: Sequence[int]
) -> datetime | None:
    return await session.scalar(
        select(func.min(InventoryLot.expires_at))
        .join(BatchDraw, BatchDraw.lot_id == InventoryLot.id)
        .where(BatchDraw.batch_id.in_(batch_ids))
    )


async def finish_batch(
    session: AsyncSession,
    principal: Principal | None,
    *,
    batch_id: int,
    actual_yield: QuantityInput,
    portions: int | None = None,
    containers: Sequence[ContainerFill] = (),
) -> Finished:
    acting = require_permission(principal, "batches.manage")
    _check_yield(actual_yield)
    if portions is not None and portions <= 0:
        raise UserInputError(
            ErrorCode.NOT_POSITIVE, "portions must be at least 1 (or left out).", ("portions",)
        )
    batch = await locked_in_progress(session, acting, batch_id, "finished", ("id",))
    wanted = {batch.output_item_id, *(fill.item_id for fill in containers)}
    items = await ledger.lock_items(session, acting.organization_id, wanted)
    output = items[batch.output_item_id]
    made = await to_base(session, output, actual_yield, ("actual_yield",))
    fills = await _fills(session, acting, output, containers, items)
    filled = sum((fill.quantity for fill in fills), ZERO)
    if filled > made:
        raise UserInputError(
            ErrorCode.CONTAINERS_EXCEED_YIELD,
            f"The containers hold {shown(filled)} {output.base_unit}, more than the "
            f"{shown(made)} {output.base_unit} made: fill fewer.",
            ("containers",),
        )
    now = utcnow()
    container_costs, container_events = await _draw_containers(session, acting, batch, fills, now)
    cost = await batch_cost(session, batch)
    parts = [fill.quantity for fill in fills] + ([made - filled] if made > filled else [])
    lot_costs = shares(cost, parts)
    expiry = await _expiry(session, batch, output, now)
    movements = []
    outputs = []
    for index, part in enumerate(parts):
        fill = fills[index] if index < len(fills) else None
        container_cost = container_costs[index] if fill is not None else ZERO
        code = batch.label if fill is None else f"{batch.label}-{index + 1}"
        movement = ledger.new_lot(
            output,
            lot_code=code,
            source=ChangeType.FINISHED_BATCH,
            received_at=now,
            expires_at=expiry,
            vendor=None,
            quantity=part,
            total_cost=lot_costs[index] + container_cost,
            batch_id=batch.id,
        )
        movements.append(movement)
        outputs.append((fill, part, lot_costs[index] + container_cost, container_cost))
    posting = await ledger.post(
        session,
        acting,
        output,
        ChangeType.FINISHED_BATCH,
        movements,
        operation_id=ledger.new_operation_id(),
        reference=batch.label,
        batch_id=batch.id,
        at=now,
    )
    announced = [
        *container_events,
        *await stock.change_events(session, output, ChangeType.FINISHED_BATCH, posting, now),
    ]
    rows = [
        BatchOutput(
            organization_id=batch.organization_id,
            batch_id=batch.id,
            lot_id=movement.lot.id,
            container_item_id=None if fill is None else fill.item.id,
            container_count=None if fill is None else fill.count,
            quantity=part,
            cost=lot_cost,
            container_cost=container_cost,
        )
        for movement, (fill, part, lot_cost, container_cost) in zip(movements, outputs, strict=True)
        if movement.lot is not None
    ]
    session.add_all(rows)
    batch.status = BatchStatus.FINISHED.value
    batch.finished_at = now
    batch.actual_yield = made
    batch.portions = portions
    batch.actual_cost = cost + sum(container_costs, ZERO)
    await session.flush()
    lots = [movement.lot for movement in movements if movement.lot is not None]
    await append_batch_event(
        session,
        batch,
        output.base_unit,
        "batch.finished",
        announced=announced,
        produced=[
            _produced(row, lot, output.base_unit) for row, lot in zip(rows, lots, strict=True)
        ],
    )
    return Finished(batch, rows, lots)


def _produced(row: BatchOutput, lot: InventoryLot, unit: str) -> dict[str, object]:
    return {
        "lotId": lot_id(lot.id),
        "lotCode": lot.lot_code,
        "quantity": quantity(row.quantity, unit),
        "cost": decimal_string(row.cost),
        "containerItemId": None
        if row.container_item_id is None
        else item_id(row.container_item_id),
        "containerCount": row.container_count,
        "expiresAt": datetime_string(lot.expires_at),
    }


async def _draw_containers(
    session: AsyncSession, acting: Principal, batch: Batch, fills: Sequence[Fill], now: datetime
) -> tuple[list[Decimal], tuple[NewEvent, ...]]:
    """Each fill's containers, drawn like any line (short: refused): their costs, and
    their items' events for the caller to append."""
    if not fills:
        return [], ()
    first = await next_position(session, batch)
    needs = [
        Need(fill.item.id, Decimal(fill.count), BatchLineKind.CONTAINER, fill.field)
        for fill in fills
    ]
    drawn = await draw_lines(
        session, acting, batch, needs, force=False, now=now, first_position=first
    )
    return [line.cost for line in drawn.batch_lines], drawn.events


async def batch_cost(session: AsyncSession, batch: Batch) -> Decimal:
    """What the batch's output carries: its ingredients; a variation also its share of
    its parent's (services/batches/splitting.py)."""
    return batch.ingredient_cost


async def _expiry(
    session: AsyncSession, batch: Batch, output: InventoryItem, now: datetime
) -> datetime | None:
    expiry = None
    if output.shelf_life_days is not None:
        expiry = now + timedelta(days=output.shelf_life_days)
    if output.type == ItemType.INTERMEDIATE:
        sources = [batch.id] + ([batch.parent_batch_id] if batch.parent_batch_id else [])
        earliest = await earliest_consumed_expiry(session, sources)
        if earliest is not None and (expiry is None or earliest < expiry):
            expiry = earliest
    return expiry
