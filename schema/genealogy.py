"""The recall trace's types: `traceLot` answers the lots, batches and sales a lot's
genealogy reaches, each with the number of batch levels between it and the lot traced."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry

from resolvers import batches_loaders
from resolvers.context import Info
from schema.batches import Batch, batch_node
from schema.inventory import InventoryItem, InventoryLot, item_node
from schema.row_fields import Env, ValueField
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


def _depth(row: Any, env: Env) -> int:
    depth: int = row.depth
    return depth


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
        env = Env(currency)
        lots = {
            traced.lot.id: InventoryLot.from_row(traced.lot, traced.item.base_unit, currency)
            for traced in trace.lots
        }
        return cls(
            **_values(LOT_TRACE_FIELDS, trace, env),
            lots=[
                TracedLot(
                    **_values(TRACED_LOT_FIELDS, traced, env),
                    lot=lots[traced.lot.id],
                    via_batch_key=traced.via_batch_id,
                    item_key=traced.item.id,
                )
                for traced in trace.lots
            ],
            batches=[
                TracedBatch(**_values(TRACED_BATCH_FIELDS, traced, env), batch_key=traced.batch.id)
                for traced in trace.batches
            ],
            sales=[
                TracedSale(
                    **_values(TRACED_SALE_FIELDS, sale, in_unit_of(sale.lot, env)),
                    lot=lots[sale.lot.lot.id],
                )
                for sale in trace.sales
            ],
        )


def _values(table: dict[str, ValueField], row: Any, env: Env) -> dict[str, Any]:
    return {name: f.value(row, env) for name, f in table.items()}


def in_unit_of(traced: genealogy.TracedLot, env: Env) -> Env:
    """The Env of a traced lot's amounts (and of a sale's from it): its item's unit."""
    return Env(env.currency, traced.item.base_unit)


# The trace types' fields from the service's Trace (services/batches/genealogy.py):
# `LotTrace.of` and the planned reads (resolvers/planned/genealogy.py) both build from
# these tables. They have no SQL forms: a trace is one recursive statement of its own.
LOT_TRACE_FIELDS: dict[str, ValueField] = {
    "direction": ValueField(("direction",), lambda row, env: TraceDirection(row.direction.value)),
}
TRACED_LOT_FIELDS: dict[str, ValueField] = {"depth": ValueField(("depth",), _depth)}
TRACED_BATCH_FIELDS: dict[str, ValueField] = {"depth": ValueField(("depth",), _depth)}
TRACED_SALE_FIELDS: dict[str, ValueField] = {
    "depth": ValueField(("depth",), _depth),
    "order_reference": ValueField(("entry",), lambda row, env: row.entry.reference),
    # Taken from the lot: the SALE row's quantity is negative.
    "quantity": ValueField(
        ("entry",), lambda row, env: Quantity(amount=-row.entry.quantity, unit=env.unit)
    ),
    "at": ValueField(("entry",), lambda row, env: row.entry.created_at),
}
