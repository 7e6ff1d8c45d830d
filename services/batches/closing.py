"""Ending a batch without output: cancelling it (every draw given back to the exact lot
it came from, change type REFUNDED, so each lot's remainder and value are as before the
start) or failing it (the draws are kept: the loss, with the reason).

Both lock the batch first, then (a cancel) its items in id order, as every batch writer
does, so they cannot deadlock with a start, an addition or a finish.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.batches import queries
from services.batches.models import Batch, BatchDraw, BatchLine, BatchStatus
from services.batches.start import locked_in_progress, require_in_progress
from services.batches.stream import append_batch_event, consumed_payload
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.events import NewEvent
from services.inventory import ledger, stock
from services.inventory.ledger import Movement
from services.inventory.models import ChangeType, InventoryItem, InventoryLot
from services.permissions import Principal, require_permission
from services.validation import clean_text

REASON_LENGTH = 2000


@dataclass(frozen=True)
class Closed:
    batch: Batch
    lines: list[BatchLine]
    draws: list[BatchDraw]


async def _lines_and_draws(
    session: AsyncSession, acting: Principal, batch: Batch
) -> tuple[list[BatchLine], list[BatchDraw]]:
    lines = (await queries.lines_of(session, acting, [batch.id]))[batch.id]
    draws = (await queries.draws_of(session, acting, [batch.id]))[batch.id]
    return lines, draws


async def return_draws(
    session: AsyncSession, acting: Principal, batch: Batch, draws: Sequence[BatchDraw]
) -> tuple[dict[int, InventoryItem], dict[int, InventoryLot], list[NewEvent]]:
    """Give every draw back to its lot (REFUNDED), item by item in id order; the items'
    events, for the caller to append with its own."""
    by_item: dict[int, list[BatchDraw]] = defaultdict(list)
    for draw in draws:
        by_item[draw.item_id].append(draw)
    items = await ledger.lock_items(session, acting.organization_id, by_item)
    lots = {
        lot.id: lot
        for lot in await session.scalars(
            select(InventoryLot)
            .where(InventoryLot.id.in_({draw.lot_id for draw in draws}))
            .execution_options(populate_existing=True)
        )
    }
    now = utcnow()
    operation_id = ledger.new_operation_id()
    events: list[NewEvent] = []
    for item_id in sorted(by_item):
        item = items[item_id]
        movements = [
            Movement(lots[draw.lot_id], draw.quantity, draw.value) for draw in by_item[item_id]
        ]
        events += await _post(session, acting, batch, item, movements, operation_id, now)
    return items, lots, events


async def _post(
    session: AsyncSession,
    acting: Principal,
    batch: Batch,
    item: InventoryItem,
    movements: list[Movement],
    operation_id: str,
    now: datetime,
) -> list[NewEvent]:
    posting = await ledger.post(
        session,
        acting,
        item,
        ChangeType.REFUNDED,
        movements,
        operation_id=operation_id,
        reference=batch.label,
        batch_id=batch.id,
        at=now,
    )
    return await stock.change_events(session, item, ChangeType.REFUNDED, posting, now)


async def _variations_to_cancel(
    session: AsyncSession, acting: Principal, batch: Batch
) -> list[Batch]:
    """A split base cancels with its variations, all in progress; a variation alone
    cannot be cancelled (its share of the base was drawn by the base)."""
    if batch.parent_batch_id is not None:
        raise UserInputError(
            ErrorCode.INVALID,
            f"{batch.label} is a variation: its share of the base was drawn by the base "
            "batch. Fail it (failBatch), or cancel the base, which cancels its variations.",
            ("id",),
        )
    found = (await queries.variations_of(session, acting, [batch.id]))[batch.id]
    variations = [await queries.lock_batch(session, acting, v.id) for v in found]
    for variation in variations:
        require_in_progress(variation, f"cancelled with {batch.label}", ("id",))
    return variations


async def cancel_batch(
    session: AsyncSession, principal: Principal | None, *, batch_id: int
) -> Closed:
    acting = require_permission(principal, "batches.manage")
    batch = await locked_in_progress(session, acting, batch_id, "cancelled", ("id",))
    variations = await _variations_to_cancel(session, acting, batch)
    lines, draws = await _lines_and_draws(session, acting, batch)
    for variation in variations:
        their_lines, their_draws = await _lines_and_draws(session, acting, variation)
        lines, draws = lines + their_lines, draws + their_draws
    items, lots, returned = await return_draws(session, acting, batch, draws)
    now = utcnow()
    for cancelled in (batch, *variations):
        cancelled.status = BatchStatus.CANCELLED.value
        cancelled.cancelled_at = now
    await session.flush()
    await append_batch_event(
        session,
        batch,
        await queries.output_unit(session, batch),
        "batch.cancelled",
        announced=returned,
        returned=consumed_payload(lines, draws, items, lots),
    )
    return Closed(batch, lines, draws)


async def fail_batch(
    session: AsyncSession, principal: Principal | None, *, batch_id: int, reason: str
) -> Closed:
    acting = require_permission(principal, "batches.manage")
    cleaned = clean_text(reason, ("reason",), max_length=REASON_LENGTH)
    batch = await locked_in_progress(session, acting, batch_id, "failed", ("id",))
    lines, draws = await _lines_and_draws(session, acting, batch)
    batch.status = BatchStatus.FAILED.value
    batch.failed_at = utcnow()
    batch.failure_reason = cleaned
    # The loss: everything drawn, at its cost.
    batch.actual_cost = batch.ingredient_cost
    await session.flush()
    items = await _rows(session, InventoryItem, {line.item_id for line in lines})
    lots = await _rows(session, InventoryLot, {draw.lot_id for draw in draws})
    await append_batch_event(
        session,
        batch,
        await queries.output_unit(session, batch),
        "batch.failed",
        reason=cleaned,
        consumed=consumed_payload(lines, draws, items, lots),
    )
    return Closed(batch, lines, draws)


Row = TypeVar("Row", InventoryItem, InventoryLot)


async def _rows(session: AsyncSession, model: type[Row], ids: set[int]) -> dict[int, Row]:
    """The batch's own items or lots, for its event (its lines name them)."""
    if not ids:
        return {}
    return {row.id: row for row in await session.scalars(select(model).where(model.id.in_(ids)))}
