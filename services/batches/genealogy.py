"""The recall trace: where a lot came from, or where it went, through batches and
intermediates to any depth, answered by one recursive statement (not a query per level).

BACKWARD from a lot: the batch that made it (and, for a variation, its base batch), the
lots those batches drew, the batches that made those, and so on. FORWARD from a lot: the
batches that drew it (and the variations split from them), the lots they made, the
batches that drew those, and so on, and the sales (SALE ledger rows, with their order
reference) that took any lot reached. `max_depth` bounds the batch levels crossed.

The walk runs over lots (`walk`), one level per step; the statement then answers the
lots, the batches between them and (forward) the sales, each with the level it was
reached at, as rows of one result. The rows are then read in a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from services.batches.models import Batch
from services.error_codes import ErrorCode
from services.errors import NotFound, UserInputError
from services.inventory.models import InventoryItem, InventoryLot, LedgerEntry
from services.permissions import Principal, require_permission

DEFAULT_DEPTH = 10
MAX_DEPTH = 50


class Direction(StrEnum):
    FORWARD = "FORWARD"
    BACKWARD = "BACKWARD"


# A lot's producer, and its producer's base when the producer is a variation, drew lots.
_BACKWARD = """
WITH RECURSIVE walk(lot_id, via_batch_id, depth) AS (
    SELECT id AS lot_id, CAST(NULL AS BIGINT) AS via_batch_id, 0 AS depth
    FROM inventory_lots WHERE id = :lot_id AND organization_id = :organization_id
    UNION
    SELECT d.lot_id, b.id, w.depth + 1
    FROM walk w
    JOIN inventory_lots made ON made.id = w.lot_id
    JOIN batches b ON b.id = made.batch_id
    JOIN batch_draws d ON d.batch_id = b.id OR d.batch_id = b.parent_batch_id
    WHERE w.depth < :max_depth
)
SELECT 'LOT' AS kind, lot_id AS id, via_batch_id AS via, depth FROM walk
UNION ALL
SELECT 'BATCH', b.id, NULL, w.depth + 1
FROM walk w
JOIN inventory_lots made ON made.id = w.lot_id
JOIN batches b ON b.id = made.batch_id
WHERE w.depth < :max_depth
UNION ALL
SELECT 'BATCH', b.parent_batch_id, b.id, w.depth + 1
FROM walk w
JOIN inventory_lots made ON made.id = w.lot_id
JOIN batches b ON b.id = made.batch_id
WHERE w.depth < :max_depth AND b.parent_batch_id IS NOT NULL
"""

# A lot was drawn by batches (and by the variations split from them), which made lots.
_FORWARD = """
WITH RECURSIVE walk(lot_id, via_batch_id, depth) AS (
    SELECT id AS lot_id, CAST(NULL AS BIGINT) AS via_batch_id, 0 AS depth
    FROM inventory_lots WHERE id = :lot_id AND organization_id = :organization_id
    UNION
    SELECT made.id, b.id, w.depth + 1
    FROM walk w
    JOIN batch_draws d ON d.lot_id = w.lot_id
    JOIN batches b ON b.id = d.batch_id OR b.parent_batch_id = d.batch_id
    JOIN inventory_lots made ON made.batch_id = b.id
    WHERE w.depth < :max_depth
)
SELECT 'LOT' AS kind, lot_id AS id, via_batch_id AS via, depth FROM walk
UNION ALL
SELECT 'BATCH', b.id, w.lot_id, w.depth + 1
FROM walk w
JOIN batch_draws d ON d.lot_id = w.lot_id
JOIN batches b ON b.id = d.batch_id OR b.parent_batch_id = d.batch_id
WHERE w.depth < :max_depth
UNION ALL
SELECT 'SALE', e.id, w.lot_id, w.depth
FROM walk w
JOIN inventory_ledger e ON e.lot_id = w.lot_id AND e.change_type = 'SALE'
"""

STATEMENTS = {Direction.BACKWARD: text(_BACKWARD), Direction.FORWARD: text(_FORWARD)}


@dataclass(frozen=True)
class TracedLot:
    lot: InventoryLot
    item: InventoryItem
    depth: int  # batch levels from the lot traced (0: the lot itself)
    # The batch between it and the level before: (backward) the batch that drew it, or
    # (forward) the batch that made it.
    via_batch_id: int | None


@dataclass(frozen=True)
class TracedBatch:
    batch: Batch
    depth: int


@dataclass(frozen=True)
class TracedSale:
    entry: LedgerEntry  # a SALE row: its reference is the order's
    depth: int
    lot: TracedLot  # the lot it took from, with its item (the unit of its quantity)


@dataclass(frozen=True)
class Trace:
    """What a trace reached, in the order it is answered: lots and batches by depth then
    id, sales by ledger row."""

    direction: Direction
    lots: list[TracedLot]
    batches: list[TracedBatch]
    sales: list[TracedSale]


def _check_depth(max_depth: int | None) -> int:
    depth = DEFAULT_DEPTH if max_depth is None else max_depth
    if not 1 <= depth <= MAX_DEPTH:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE, f"maxDepth must be between 1 and {MAX_DEPTH}.", ("max_depth",)
        )
    return depth


async def walk(
    session: AsyncSession, organization_id: int, lot_id: int, direction: Direction, max_depth: int
) -> list[tuple[str, int, int | None, int]]:
    """The one statement: (kind, id, via, depth) rows, LOT rows first."""
    rows = await session.execute(
        STATEMENTS[direction],
        {"lot_id": lot_id, "organization_id": organization_id, "max_depth": max_depth},
    )
    return [(str(kind), int(key), via, int(depth)) for kind, key, via, depth in rows]


def _first(
    rows: Sequence[tuple[str, int, int | None, int]], kind: str
) -> dict[int, tuple[int | None, int]]:
    """Each id of `kind` once, at the smallest depth it was reached at."""
    found: dict[int, tuple[int | None, int]] = {}
    for row_kind, key, via, depth in sorted(rows, key=lambda row: row[3]):
        if row_kind == kind and key not in found:
            found[key] = (via, depth)
    return found


async def trace_lot(
    session: AsyncSession,
    principal: Principal | None,
    *,
    lot_id: int,
    direction: Direction,
    max_depth: int | None = None,
) -> Trace:
    acting = require_permission(principal, "batches.read")
    depth = _check_depth(max_depth)
    rows = await walk(session, acting.organization_id, lot_id, direction, depth)
    if not rows:
        raise NotFound("inventory lot", ("id",))
    lots, batches, sales = _first(rows, "LOT"), _first(rows, "BATCH"), _first(rows, "SALE")
    lot_rows = {
        lot.id: lot
        for lot in await session.scalars(select(InventoryLot).where(InventoryLot.id.in_(lots)))
    }
    items = {
        item.id: item
        for item in await session.scalars(
            select(InventoryItem).where(
                InventoryItem.id.in_({lot.item_id for lot in lot_rows.values()})
            )
        )
    }
    batch_rows = (
        {b.id: b for b in await session.scalars(select(Batch).where(Batch.id.in_(batches)))}
        if batches
        else {}
    )
    sale_rows = (
        {
            e.id: e
            for e in await session.scalars(select(LedgerEntry).where(LedgerEntry.id.in_(sales)))
        }
        if sales
        else {}
    )
    traced_lots = sorted(
        (
            TracedLot(lot_rows[key], items[lot_rows[key].item_id], d, via)
            for key, (via, d) in lots.items()
        ),
        key=lambda traced: (traced.depth, traced.lot.id),
    )
    by_lot = {traced.lot.id: traced for traced in traced_lots}
    return Trace(
        direction=direction,
        lots=traced_lots,
        batches=sorted(
            (TracedBatch(batch_rows[key], d) for key, (_, d) in batches.items()),
            key=lambda traced: (traced.depth, traced.batch.id),
        ),
        sales=[
            TracedSale(sale_rows[key], d, by_lot[sale_rows[key].lot_id or 0])
            for key, (_, d) in sorted(sales.items())
        ],
    )
