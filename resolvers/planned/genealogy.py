"""`traceLot` on planned reads: the service's one recursive statement (services/batches/
genealogy.py), called once, and its Trace rendered by the selection's plan instead of
field by field, with schema/genealogy.py's field tables (as `LotTrace.of`). A traced
lot's item, a lot's producing batch and a traced batch are read as the standard resolvers
read them (items under inventory.read, batches with their output item's unit), one
batched call per level. No SQL form: the trace is already one statement, and the rows
it reaches are few."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from resolvers.ids import decode_id
from resolvers.planned.inventory import organization_env, same_env
from resolvers.planned.plan import (
    Catalog,
    RelationField,
    RootField,
    RowType,
    Scope,
    by_graphql_name,
)
from schema.genealogy import (
    LOT_TRACE_FIELDS,
    TRACED_BATCH_FIELDS,
    TRACED_LOT_FIELDS,
    TRACED_SALE_FIELDS,
    in_unit_of,
)
from schema.row_fields import Env, Row
from services.batches import genealogy
from services.batches import queries as batch_queries
from services.errors import NotFound
from services.inventory import queries as inventory_queries

Columns = tuple[str, ...]


async def _trace(scope: Scope, args: dict[str, Any], columns: Columns) -> Row | None:
    key = decode_id(args["id"], "InventoryLot", ("id",))
    try:
        return await genealogy.trace_lot(
            scope.session,
            scope.principal,
            lot_id=key,
            direction=genealogy.Direction(args["direction"].name),
            max_depth=args["maxDepth"],
        )
    except NotFound:
        return None


def _listed(name: str, target: str) -> RelationField:
    """One of the trace's lists, as the service answered it (in its order)."""

    async def load(
        scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
    ) -> list[list[Row]]:
        return [getattr(parent, name) for parent in parents]

    return RelationField((), target, load, same_env, (), many=True)


def _held(get: Callable[[Row], Row], target: str, env: Callable[[Row, Env], Env]) -> RelationField:
    """A row the traced row holds already (a traced lot's lot, a sale's)."""

    async def load(
        scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
    ) -> list[Row]:
        return [get(parent) for parent in parents]

    return RelationField((), target, load, env, ())


ByKeys = Callable[[Scope, Sequence[int], Columns], Any]


def _looked_up(key: Callable[[Row], int | None], target: str, by_keys: ByKeys) -> RelationField:
    """A row the traced row names, read through its service as the standard resolver's
    loader reads it (None for no key, without a lookup)."""

    async def load(
        scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
    ) -> list[Row | None]:
        keys = [key(parent) for parent in parents]
        present = [found for found in keys if found is not None]
        found = await by_keys(scope, present, columns) if present else {}
        return [None if k is None else found.get(k) for k in keys]

    return RelationField((), target, load, same_env)


async def _items(scope: Scope, keys: Sequence[int], columns: Columns) -> Any:
    return await inventory_queries.items_by_id(scope.session, scope.principal, keys, columns)


async def _batches(scope: Scope, keys: Sequence[int], columns: Columns) -> Any:
    return await batch_queries.batches_by_id(scope.session, scope.principal, keys, columns)


CATALOG = Catalog(
    roots={"traceLot": RootField("LotTrace", _trace, organization_env, columns=())},
    types={
        "LotTrace": RowType(
            "LotTrace",
            {
                **by_graphql_name(LOT_TRACE_FIELDS),
                "lots": _listed("lots", "TracedLot"),
                "batches": _listed("batches", "TracedBatch"),
                "sales": _listed("sales", "TracedSale"),
            },
        ),
        "TracedLot": RowType(
            "TracedLot",
            {
                **by_graphql_name(TRACED_LOT_FIELDS),
                "lot": _held(lambda traced: traced.lot, "InventoryLot", in_unit_of),
                "item": _looked_up(lambda traced: traced.item.id, "InventoryItem", _items),
                "viaBatch": _looked_up(lambda traced: traced.via_batch_id, "Batch", _batches),
            },
        ),
        "TracedBatch": RowType(
            "TracedBatch",
            {
                **by_graphql_name(TRACED_BATCH_FIELDS),
                "batch": _looked_up(lambda traced: traced.batch.id, "Batch", _batches),
            },
        ),
        "TracedSale": RowType(
            "TracedSale",
            {
                **by_graphql_name(TRACED_SALE_FIELDS),
                # in the sale's Env already: its lot's unit
                "lot": _held(lambda sale: sale.lot.lot, "InventoryLot", same_env),
            },
            env=lambda sale, env: in_unit_of(sale.lot, env),
        ),
    },
)
