"""Every inventory event is on its item's stream: its entity is the `InventoryItem`, so
one sequence (1, 2, 3 ...) orders every change to the item, its settings, receipts,
adjustments, lots written off and reservations alike, and webhook deliveries to an
endpoint follow that order. A lot or reservation an event is about is in its data.

Every such event's data carries the item as the change left it (`item`: on hand,
reserved, available, usable), so a consumer following one item always has its current
stock.
Writers hold the item's row lock (ledger.lock_item), under which the sequence is taken.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.db import utcnow
from services.events import Event, NewEvent, append_events
from services.inventory.models import InventoryItem
from services.inventory.payloads import item_id, item_payload
from services.inventory.quantities import unexpired_at, usable_of

ENTITY_TYPE = "InventoryItem"


async def item_event(
    session: AsyncSession,
    item: InventoryItem,
    type: str,
    *,
    at: datetime | None = None,
    unexpired: Decimal | None = None,
    **data: Any,
) -> NewEvent:
    """`type` for the item's stream, its data the item and `data`, to append with others
    (services.events.append_events). The item's usable stock is as of `at` (default:
    now), from its `unexpired` stock when the caller has read it at `at` already."""
    if unexpired is None:
        unexpired = await unexpired_at(session, item, at or utcnow())
    usable = usable_of(unexpired, item.reserved)
    return NewEvent(
        type, ENTITY_TYPE, item_id(item.id), {"item": item_payload(item, usable), **data}
    )


async def append_item_event(
    session: AsyncSession,
    item: InventoryItem,
    type: str,
    *,
    at: datetime | None = None,
    unexpired: Decimal | None = None,
    **data: Any,
) -> Event:
    """Append `type` to the item's stream (see `item_event`)."""
    new = await item_event(session, item, type, at=at, unexpired=unexpired, **data)
    [event] = await append_events(session, organization_id=item.organization_id, events=[new])
    return event
