"""What drawing stock would take and cost now, changing nothing: the ledger's own draw
planner (`ledger.plan_draw`) run on today's open lots, as a real draw would run it. Recipes'
planned cost and batch plans quote here, so a plan and the draw that follows agree to the
cent while stock stays as it was."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.inventory import ledger
from services.inventory.ledger import ZERO
from services.inventory.models import InventoryItem, InventoryLot


@dataclass(frozen=True)
class LotDraw:
    """Of one lot: what the draw would take, and its value (negative signs dropped)."""

    lot: InventoryLot
    quantity: Decimal
    cost: Decimal


@dataclass(frozen=True)
class DrawQuote:
    """Drawing `requested` of an item (base unit) now: the lots and cost of as much as is
    available (unexpired, unreserved), and how much would be short."""

    item: InventoryItem
    requested: Decimal
    available: Decimal
    draws: tuple[LotDraw, ...]

    @property
    def drawn(self) -> Decimal:
        return sum((draw.quantity for draw in self.draws), ZERO)

    @property
    def cost(self) -> Decimal:
        return sum((draw.cost for draw in self.draws), ZERO)

    @property
    def short(self) -> Decimal:
        return self.requested - self.drawn

    @property
    def sufficient(self) -> bool:
        return self.short == 0


async def quote_draws(
    session: AsyncSession,
    organization_id: int,
    requested: Mapping[int, Decimal],
    *,
    now: datetime,
) -> dict[int, DrawQuote]:
    """A quote per item ID of the organization in `requested` (item ID -> base quantity);
    an ID of no item of the organization gets none."""
    [quotes] = await quote_each(session, organization_id, [requested], now=now)
    return quotes


async def quote_each(
    session: AsyncSession,
    organization_id: int,
    requests: Sequence[Mapping[int, Decimal]],
    *,
    now: datetime,
) -> list[dict[int, DrawQuote]]:
    """`quote_draws` of each request on its own (each as if it were the only draw), from
    one read of the items and their open lots: two queries whatever the number."""
    wanted = {item_id for requested in requests for item_id in requested}
    found = list(
        await session.scalars(
            select(InventoryItem).where(
                InventoryItem.organization_id == organization_id,
                InventoryItem.id.in_(wanted),
            )
        )
    )
    # Each item's lots as far as its largest request could reach.
    most = {
        item: max(requested[item.id] for requested in requests if item.id in requested)
        for item in found
    }
    lots = await ledger.drawable_prefixes(session, most, now=now)
    return [
        {
            item.id: _quote(item, lots[item.id], requested[item.id], now)
            for item in found
            if item.id in requested
        }
        for requested in requests
    ]


def _quote(
    item: InventoryItem, lots: ledger.DrawableLots, wanted: Decimal, now: datetime
) -> DrawQuote:
    available = max(lots.unexpired - item.reserved, ZERO)
    # Reserved stock is not tied to lots: it only lowers how much may be drawn, and the
    # draw takes that much from the first lots in order.
    movements = ledger.plan_draw(
        lots.lots, min(wanted, available), now=now, include_expired=False, item=item
    )
    return DrawQuote(
        item=item,
        requested=wanted,
        available=available,
        draws=tuple(
            LotDraw(movement.lot, -movement.quantity, -movement.value)
            for movement in movements
            if movement.lot is not None
        ),
    )
