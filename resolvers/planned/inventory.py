"""The inventory types and root fields that planned reads cover: the same services, the
same arguments and the same field rules (schema/inventory.py's field tables) as the
standard resolvers in resolvers/inventory.py, read a level at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from resolvers.common import page_request
from resolvers.ids import decode_id
from resolvers.inventory import item_filter
from resolvers.planned.plan import (
    Caller,
    Catalog,
    RelationField,
    RootField,
    RowType,
    Scope,
    SqlRows,
    by_graphql_name,
    input_argument,
)
from schema.inventory import (
    ENTRY_FIELDS,
    ITEM_FIELDS,
    ITEM_STOCK_FIELDS,
    LOT_FIELDS,
    InventoryItemFilter,
)
from schema.row_fields import Env, Row
from services.inventory import items, queries
from services.inventory.models import InventoryItem, InventoryLot, LedgerEntry
from services.pagination import Page

Columns = tuple[str, ...]


def page_argument(args: dict[str, Any]) -> Any:
    return page_request(args.get("first"), args.get("after"), args.get("last"), args.get("before"))


def _organization(scope: Caller) -> int:
    return scope.principal.organization_id if scope.principal is not None else 0


async def organization_env(scope: Scope) -> Env:
    if "currency" not in scope.memo:
        organization = _organization(scope)
        scope.memo["currency"] = await queries.currency_code(scope.session, organization)
    return Env(scope.memo["currency"])


def organization_sql_env(scope: Caller) -> Env:
    return Env(queries.currency_code_of(_organization(scope)))


def _item_filter(args: dict[str, Any]) -> items.ItemFilter:
    return item_filter(input_argument(args, "filter", InventoryItemFilter))


async def _inventory_items(scope: Scope, args: dict[str, Any], columns: Columns) -> Page[Row]:
    filters = _item_filter(args)
    return await items.list_items(
        scope.session, scope.principal, filters=filters, page=page_argument(args), columns=columns
    )


def _inventory_items_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    statement = items.item_rows(scope.principal, _item_filter(args), columns)
    return SqlRows(statement, InventoryItem.id, page_argument(args))


async def _inventory_item(scope: Scope, args: dict[str, Any], columns: Columns) -> Row | None:
    item_id = decode_id(args["id"], "InventoryItem", ("id",))
    return await items.get_item(scope.session, scope.principal, item_id=item_id, columns=columns)


def _inventory_item_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    item_id = decode_id(args["id"], "InventoryItem", ("id",))
    return SqlRows(queries.row_by_key(scope.principal, InventoryItem, item_id, columns))


async def _inventory_item_by_sku(
    scope: Scope, args: dict[str, Any], columns: Columns
) -> Row | None:
    return await items.get_item_by_sku(
        scope.session, scope.principal, sku=args["sku"], columns=columns
    )


def _inventory_item_by_sku_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    return SqlRows(items.item_by_sku(scope.principal, args["sku"], columns))


async def _lots(
    scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
) -> list[Page[Row]]:
    request = page_argument(args)
    include_empty = bool(args.get("includeEmpty"))
    if request.after is None and request.last is None and request.before is None:
        found = await queries.first_lots_of_items(
            scope.session,
            scope.principal,
            [parent.id for parent in parents],
            first=request.size(),
            include_empty=include_empty,
            columns=columns,
        )
        return [found[parent.id] for parent in parents]
    return [
        await queries.list_lots(
            scope.session,
            scope.principal,
            filters=queries.LotFilter(item_id=parent.id, include_empty=include_empty),
            page=request,
            columns=columns,
        )
        for parent in parents
    ]


def _lots_rows(scope: Caller, parent: Row, args: dict[str, Any], columns: Columns) -> SqlRows:
    filters = queries.LotFilter(item_id=parent.id, include_empty=bool(args.get("includeEmpty")))
    statement = queries.lot_rows(scope.principal, filters, columns)
    return SqlRows(statement, InventoryLot.id, page_argument(args))


async def _history(
    scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
) -> list[Page[Row]]:
    request = page_argument(args)
    kinds = [kind.value for kind in args.get("changeTypes") or []]
    return [
        await queries.list_history(
            scope.session,
            scope.principal,
            filters=queries.HistoryFilter(item_id=parent.id, change_types=kinds),
            page=request,
            columns=columns,
        )
        for parent in parents
    ]


def _history_rows(scope: Caller, parent: Row, args: dict[str, Any], columns: Columns) -> SqlRows:
    kinds = [kind.value for kind in args.get("changeTypes") or []]
    filters = queries.HistoryFilter(item_id=parent.id, change_types=kinds)
    statement = queries.history_rows(scope.principal, filters, columns)
    return SqlRows(statement, LedgerEntry.id, page_argument(args))


def item_of(column: str) -> RelationField:
    """The item a row names in `column` (a lot's or a ledger row's item, a recipe's output)."""

    async def load(
        scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
    ) -> list[Row | None]:
        keys = [getattr(parent, column) for parent in parents]
        found = await queries.items_by_id(scope.session, scope.principal, keys, columns)
        return [found.get(key) for key in keys]

    def rows(scope: Caller, parent: Row, args: dict[str, Any], columns: Columns) -> SqlRows:
        key = getattr(parent, column)
        return SqlRows(queries.row_by_key(scope.principal, InventoryItem, key, columns))

    return RelationField((column,), "InventoryItem", load, same_env, rows=rows)


async def _lot_of(
    scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
) -> list[Row | None]:
    keys = [parent.lot_id for parent in parents if parent.lot_id is not None]
    found = await queries.lots_by_id(scope.session, scope.principal, keys, columns)
    return [None if parent.lot_id is None else found.get(parent.lot_id) for parent in parents]


def _lot_of_rows(scope: Caller, parent: Row, args: dict[str, Any], columns: Columns) -> SqlRows:
    return SqlRows(queries.row_by_key(scope.principal, InventoryLot, parent.lot_id, columns))


def _of_item(row: Row, env: Env) -> Env:
    return Env(env.currency, row.base_unit)


def same_env(row: Row, env: Env) -> Env:
    return env


ITEM_OF = item_of("item_id")
LOT_OF = RelationField(("lot_id",), "InventoryLot", _lot_of, same_env, rows=_lot_of_rows)

CATALOG = Catalog(
    roots={
        "inventoryItems": RootField(
            "InventoryItem",
            _inventory_items,
            organization_env,
            rows=_inventory_items_rows,
            sql_env=organization_sql_env,
        ),
        "inventoryItem": RootField(
            "InventoryItem",
            _inventory_item,
            organization_env,
            rows=_inventory_item_rows,
            sql_env=organization_sql_env,
        ),
        "inventoryItemBySku": RootField(
            "InventoryItem",
            _inventory_item_by_sku,
            organization_env,
            rows=_inventory_item_by_sku_rows,
            sql_env=organization_sql_env,
        ),
    },
    types={
        "InventoryItem": RowType(
            "InventoryItem",
            {
                **by_graphql_name(ITEM_FIELDS),
                **by_graphql_name(ITEM_STOCK_FIELDS),
                "lots": RelationField(
                    ("base_unit",),
                    "InventoryLot",
                    _lots,
                    _of_item,
                    ("id", "item_id"),
                    rows=_lots_rows,
                ),
                "history": RelationField(
                    ("base_unit",),
                    "InventoryLedgerEntry",
                    _history,
                    _of_item,
                    rows=_history_rows,
                ),
            },
        ),
        "InventoryLot": RowType("InventoryLot", {**by_graphql_name(LOT_FIELDS), "item": ITEM_OF}),
        "InventoryLedgerEntry": RowType(
            "InventoryLedgerEntry",
            {
                **by_graphql_name(ENTRY_FIELDS),
                "item": ITEM_OF,
                "lot": LOT_OF,
            },
        ),
    },
)
