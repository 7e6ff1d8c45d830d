"""Batch events and their payloads (the GraphQL names and IDs).

Every event of a batch is on its own stream: the entity is the `Batch`; a split's
variations are announced on their parent's stream (`batch.split`) and then on their own.
Writers hold the batch's row lock (services/batches/queries.lock_batch), or create it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.batches.models import Batch, BatchDraw, BatchLine
from services.events import Event, NewEvent, append_events
from services.ids import to_global_id
from services.inventory.models import InventoryItem, InventoryLot
from services.inventory.payloads import datetime_string, decimal_string, item_id, lot_id, quantity

ENTITY_TYPE = "Batch"


def batch_id(key: int) -> str:
    return to_global_id(ENTITY_TYPE, key)


def _optional(value: Decimal | None) -> str | None:
    return None if value is None else decimal_string(value)


def batch_payload(batch: Batch, output_unit: str) -> dict[str, Any]:
    return {
        "id": batch_id(batch.id),
        "label": batch.label,
        "status": batch.status,
        "recipeId": to_global_id("Recipe", batch.recipe_id),
        "outputItemId": item_id(batch.output_item_id),
        "costMethod": batch.cost_method,
        "plannedYield": None
        if batch.planned_yield is None
        else quantity(batch.planned_yield, output_unit),
        "plannedCost": decimal_string(batch.planned_cost),
        "ingredientCost": decimal_string(batch.ingredient_cost),
        "actualCost": _optional(batch.actual_cost),
        "forced": batch.forced,
        "startedAt": datetime_string(batch.started_at),
        "parentBatchId": None if batch.parent_batch_id is None else batch_id(batch.parent_batch_id),
    }


def consumed_payload(
    lines: Sequence[BatchLine],
    draws: Sequence[BatchDraw],
    items: dict[int, InventoryItem],
    lots: dict[int, InventoryLot],
) -> list[dict[str, Any]]:
    """Each lot drawn: which, how much and its exact value."""
    by_line: dict[int, list[BatchDraw]] = {}
    for draw in draws:
        by_line.setdefault(draw.line_id, []).append(draw)
    return [
        {
            "itemId": item_id(line.item_id),
            "lotId": lot_id(draw.lot_id),
            "lotCode": lots[draw.lot_id].lot_code,
            "quantity": quantity(draw.quantity, items[line.item_id].base_unit),
            "value": decimal_string(draw.value),
        }
        for line in lines
        for draw in by_line.get(line.id, ())
    ]


def skipped_payload(lines: Sequence[BatchLine], items: dict[int, InventoryItem]) -> list[Any]:
    return [
        {
            "itemId": item_id(line.item_id),
            "quantity": quantity(line.skipped, items[line.item_id].base_unit),
        }
        for line in lines
        if line.skipped
    ]


def batch_event(batch: Batch, output_unit: str, type: str, **data: Any) -> NewEvent:
    return NewEvent(
        type,
        ENTITY_TYPE,
        batch_id(batch.id),
        {"batch": batch_payload(batch, output_unit), **data},
    )


async def append_batch_event(
    session: AsyncSession,
    batch: Batch,
    output_unit: str,
    type: str,
    *,
    announced: Sequence[NewEvent] = (),
    **data: Any,
) -> Event:
    """Append `type` to the batch's stream, after the change's other events
    (`announced`: its items' stock events), all in one statement
    (services.events.append_events)."""
    *_, event = await append_events(
        session,
        organization_id=batch.organization_id,
        events=[*announced, batch_event(batch, output_unit, type, **data)],
    )
    return event
