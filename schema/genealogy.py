"""The recall trace's types: `traceLot` answers the lots, batches and sales a lot's
genealogy reaches, each with the number of batch levels between it and the lot traced."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from resolvers import batches_loaders
from resolvers.context import Info
from schema.batches import Batch, batch_node
from schema.inventory import InventoryItem, InventoryLot, item_node
from schema.units import Quantity
from services.batches import genealogy


@strawberry.enum(description="Which way a trace runs through the genealogy.")
class TraceDirection(Enum):
    FORWARD = strawberry.enum_value(
        "FORWARD",
        description="From an ingredient lot to the batches and lots it went into, and the "
        "sales that took those lots.",
    )
    BACKWARD = strawberry.enum_value(
        "BACKWARD",
        description="From a product lot to the batches and lots it came from, through "
        "intermediates.",
    )


async def _batch(info: Info, key: int | None) -> Batch | None:
    if key is None:
        return None
    found = await batches_loaders.batch_by_id(info).load(key)
    return None if found is None else await batch_node(info, found)


@strawberry.type(description="A lot the trace reached.")
class TracedLot:
    depth: int = strawberry.field(description="Batch levels from the lot traced (0: itself).")
    lot: InventoryLot = strawberry.field(
        description="Its code, vendor, received and expiry dates, what remains."
    )
    via_batch_key: strawberry.Private[int | None]
    item_key: strawberry.Private[int]

    @strawberry.field(description="Needs inventory.read.")
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)

    @strawberry.field(
        description="The batch between it and the level before: backward, the batch that "
        "drew it; forward, the batch that made it."
    )
    async def via_batch(self, info: Info) -> Batch | None:
        return await _batch(info, self.via_batch_key)


@strawberry.type(description="A batch the trace reached.")
class TracedBatch:
    depth: int
    batch_key: strawberry.Private[int]

    @strawberry.field
    async def batch(self, info: Info) -> Batch:
        found = await _batch(info, self.batch_key)
        assert found is not None, "a traced batch is in the organization"
        return found


@strawberry.type(description="A sale (SALE) that took a lot the trace reached.")
class TracedSale:
    depth: int
    order_reference: str | None
    quantity: Quantity = strawberry.field(description="Taken from the lot (positive).")
    at: datetime
    lot: InventoryLot


@strawberry.type(description="A lot's genealogy, answered by one recursive query.")
class LotTrace:
    direction: TraceDirection
    lots: list[TracedLot]
    batches: list[TracedBatch]
    sales: list[TracedSale] = strawberry.field(description="Forward only.")

    @classmethod
    def of(cls, trace: genealogy.Trace, currency: str) -> LotTrace:
        lots = {
            traced.lot.id: InventoryLot.from_row(traced.lot, traced.item.base_unit, currency)
            for traced in trace.lots
        }
        units = {traced.lot.id: traced.item.base_unit for traced in trace.lots}
        return cls(
            direction=TraceDirection(trace.direction.value),
            lots=[
                TracedLot(
                    depth=traced.depth,
                    lot=lots[traced.lot.id],
                    via_batch_key=traced.via_batch_id,
                    item_key=traced.item.id,
                )
                for traced in sorted(trace.lots, key=lambda t: (t.depth, t.lot.id))
            ],
            batches=[
                TracedBatch(depth=traced.depth, batch_key=traced.batch.id)
                for traced in sorted(trace.batches, key=lambda t: (t.depth, t.batch.id))
            ],
            sales=[
                TracedSale(
                    depth=sale.depth,
                    order_reference=sale.entry.reference,
                    quantity=Quantity(
                        amount=-sale.entry.quantity, unit=units[sale.entry.lot_id or 0]
                    ),
                    at=sale.entry.created_at,
                    lot=lots[sale.entry.lot_id or 0],
                )
                for sale in sorted(trace.sales, key=lambda s: s.entry.id)
            ],
        )
