"""Drawing a batch's lines through the ledger: one rule for a start, added ingredients,
a split's variations and a container fill.

All or nothing: the items are locked in id order (ledger.lock_items, so batches drawing
on shared items cannot deadlock), their open lots reloaded, and every line checked
before anything moves; a shortage refuses the whole draw naming every short line, unless
`force`, which skips the short lines and records them. Each line then posts one BATCH
change through the ledger (reference = the batch's label), and records the lots it took
and their exact value (`BatchDraw`), which a cancel gives back. An untracked item moves
no stock: its line costs its set unit cost.

A line's cost follows the batch's method: FIFO, the value of the lots drawn; AVERAGE,
the quantity at the item's average cost before the draw.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from services.batches.models import Batch, BatchDraw, BatchLine, BatchLineKind, CostMethod
from services.error_codes import ErrorCode
from services.errors import FieldProblem, Shortage, UserInputError
from services.events import NewEvent
from services.inventory import ledger, stock
from services.inventory.ledger import ZERO, Movement, shown
from services.inventory.models import ChangeType, InventoryItem, InventoryLot
from services.permissions import Principal
from services.recipes.costing import average_value, untracked_cost


@dataclass(frozen=True)
class Need:
    """What a line of the batch needs: `quantity` of `item` in its base unit."""

    item_id: int
    quantity: Decimal
    kind: BatchLineKind
    # Where the caller gave it, for a userError naming the input at fault.
    field: tuple[str, ...]
    note: str | None = None


class BatchShortage(UserInputError):
    """Some lines need more than is available: one problem per short line, and the
    shortages as data (item, needed, available)."""

    def __init__(self, problems: Sequence[FieldProblem], shortages: Sequence[Shortage]) -> None:
        first, *rest = problems
        super().__init__(first.code, first.message, first.field, more=rest)
        self.shortages = tuple(shortages)


@dataclass(frozen=True)
class DrawnLine:
    line: BatchLine
    draws: tuple[BatchDraw, ...]


@dataclass(frozen=True)
class Drawn:
    lines: tuple[DrawnLine, ...]
    items: dict[int, InventoryItem]
    lots: dict[int, InventoryLot]
    # What the lines would cost drawn in full, by the batch's method (skipped ones priced
    # at what was available).
    planned: Decimal
    # The items' stock events, not yet appended: the caller appends them with its own
    # (stream.append_batch_event's `announced`, or append_events), in one statement.
    events: tuple[NewEvent, ...]

    @property
    def cost(self) -> Decimal:
        return sum((drawn.line.cost for drawn in self.lines), ZERO)

    @property
    def batch_lines(self) -> list[BatchLine]:
        return [drawn.line for drawn in self.lines]

    @property
    def batch_draws(self) -> list[BatchDraw]:
        return [draw for drawn in self.lines for draw in drawn.draws]


async def draw_lines(
    session: AsyncSession,
    acting: Principal,
    batch: Batch,
    needs: Sequence[Need],
    *,
    force: bool,
    now: datetime,
    first_position: int = 1,
) -> Drawn:
    """Draw every need for `batch` (flushed, so it has its id), or none of them. The
    caller appends `Drawn.events`."""
    items = await ledger.lock_items(session, acting.organization_id, {n.item_id for n in needs})
    missing = [need for need in needs if need.item_id not in items]
    if missing:
        raise UserInputError(
            ErrorCode.NOT_FOUND, "No inventory item with this ID exists.", missing[0].field
        )
    tracked = [items[need.item_id] for need in needs if items[need.item_id].tracked]
    lots = await ledger.open_lots_of_items(session, tracked, reload=True)
    plans: list[list[Movement] | None] = []
    problems: list[FieldProblem] = []
    shortages: list[Shortage] = []
    for need in needs:
        item = items[need.item_id]
        if not item.tracked:
            plans.append(None)
            continue
        _, available = ledger.drawable(
            lots[item.id], now=now, include_expired=False, reserved=item.reserved
        )
        if need.quantity > available:
            unit = item.base_unit
            problems.append(
                FieldProblem(
                    ErrorCode.INSUFFICIENT_STOCK,
                    f'"{item.name}": {shown(need.quantity)} {unit} needed, {shown(available)} '
                    f"{unit} available (unexpired, unreserved). Receive more, or start with "
                    "force to skip the short lines.",
                    need.field,
                )
            )
            shortages.append(Shortage(item.id, need.quantity, available, unit))
            plans.append(_draw(lots[item.id], min(need.quantity, available), item, now))
            continue
        plans.append(_draw(lots[item.id], need.quantity, item, now))
    if problems and not force:
        raise BatchShortage(problems, shortages)
    short_items = {shortage.item_id for shortage in shortages}
    planned = ZERO
    to_post: list[tuple[BatchLine, InventoryItem, list[Movement]]] = []
    lines: list[BatchLine] = []
    for position, (need, movements) in enumerate(zip(needs, plans, strict=True), first_position):
        item = items[need.item_id]
        skipped = item.id in short_items
        if movements is None:
            cost = untracked_cost(item, need.quantity)
        else:
            cost = _cost(batch.cost_method, item, movements)
        planned += cost
        line = BatchLine(
            organization_id=batch.organization_id,
            batch_id=batch.id,
            item_id=item.id,
            kind=need.kind.value,
            position=position,
            needed=need.quantity,
            drawn=ZERO if skipped else need.quantity,
            skipped=need.quantity if skipped else ZERO,
            cost=ZERO if skipped else cost,
            tracked=item.tracked,
            note=need.note,
        )
        lines.append(line)
        if movements is not None and not skipped:
            to_post.append((line, item, movements))
    session.add_all(lines)
    await session.flush()
    draws, events = await _post(session, acting, batch, to_post, now)
    # Added after every posting, so the draws go in as one INSERT, not one per line.
    session.add_all(draw for found in draws.values() for draw in found)
    await session.flush()
    return Drawn(
        tuple(DrawnLine(line, draws.get(line.id, ())) for line in lines),
        items,
        {lot.id: lot for found in lots.values() for lot in found},
        planned,
        tuple(events),
    )


def _draw(
    lots: Sequence[InventoryLot], quantity: Decimal, item: InventoryItem, now: datetime
) -> list[Movement]:
    return ledger.plan_draw(
        lots, quantity, now=now, include_expired=False, reserved=item.reserved, item=item
    )


def _cost(method: str, item: InventoryItem, movements: Sequence[Movement]) -> Decimal:
    """Before the draw posts: AVERAGE reads the item's average cost as it stands."""
    if method == CostMethod.AVERAGE:
        return average_value(item, -sum((m.quantity for m in movements), ZERO))
    return -sum((m.value for m in movements), ZERO)


async def _post(
    session: AsyncSession,
    acting: Principal,
    batch: Batch,
    to_post: Sequence[tuple[BatchLine, InventoryItem, list[Movement]]],
    now: datetime,
) -> tuple[dict[int, tuple[BatchDraw, ...]], list[NewEvent]]:
    """Every line's draw posted through the ledger at once (one flush and one invariant
    check for all the items); the draws by line id, and the items' events."""
    postings = await ledger.post_each(
        session,
        acting,
        [(item, movements) for _, item, movements in to_post],
        ChangeType.BATCH,
        operation_id=ledger.new_operation_id(),
        reference=batch.label,
        batch_id=batch.id,
        at=now,
    )
    draws: dict[int, tuple[BatchDraw, ...]] = {}
    announced: list[NewEvent] = []
    for (line, item, movements), posting in zip(to_post, postings, strict=True):
        draws[line.id] = tuple(
            BatchDraw(
                organization_id=batch.organization_id,
                batch_id=batch.id,
                line_id=line.id,
                item_id=item.id,
                lot_id=movement.lot.id,
                quantity=-movement.quantity,
                value=-movement.value,
            )
            for movement in movements
            if movement.lot is not None
        )
        announced += await stock.change_events(session, item, ChangeType.BATCH, posting, now)
    return draws, announced
