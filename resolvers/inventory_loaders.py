"""Per-request DataLoaders of the inventory domain: each batches the lookups a query
makes for many objects (an item's lots, a lot's item...) into one service call."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from strawberry.dataloader import DataLoader

from resolvers.common import request_loader
from resolvers.context import Context, Info
from services.inventory import queries
from services.inventory.models import InventoryItem, InventoryLot, LedgerEntry
from services.pagination import Page, PageRequest


async def _items(context: Context, keys: Sequence[int]) -> list[InventoryItem | None]:
    async with context.reading() as session:
        found = await queries.items_by_id(session, context.principal, keys)
    return [found.get(key) for key in keys]


async def _lots(context: Context, keys: Sequence[int]) -> list[InventoryLot | None]:
    async with context.reading() as session:
        found = await queries.lots_by_id(session, context.principal, keys)
    return [found.get(key) for key in keys]


LotsKey = tuple[int, int, bool]  # item id, page size, include empty lots


async def _first_lots(context: Context, keys: Sequence[LotsKey]) -> list[Page[InventoryLot]]:
    pages: dict[LotsKey, Page[InventoryLot]] = {}
    async with context.reading() as session:
        for first, include_empty in {(key[1], key[2]) for key in keys}:
            item_ids = [key[0] for key in keys if key[1:] == (first, include_empty)]
            found = await queries.first_lots_of_items(
                session, context.principal, item_ids, first=first, include_empty=include_empty
            )
            pages.update({(key, first, include_empty): page for key, page in found.items()})
    return [pages[key] for key in keys]


async def _currency(context: Context, keys: Sequence[int]) -> list[str]:
    async with context.reading() as session:
        return [await queries.currency_code(session, key) for key in keys]


def item_by_id(info: Info) -> DataLoader[int, InventoryItem | None]:
    return request_loader(info, "InventoryItemByIdLoader", _items)


def lot_by_id(info: Info) -> DataLoader[int, InventoryLot | None]:
    return request_loader(info, "InventoryLotByIdLoader", _lots)


def item_columns_by_id(info: Info, columns: tuple[str, ...]) -> DataLoader[int, Any]:
    """Items as rows of the named `columns` (which must include id), read when asked: for
    values that change with time, such as the unexpired stock (InventoryItem's
    unexpired_on_hand, at the database's clock)."""

    async def load(context: Context, keys: Sequence[int]) -> list[Any]:
        async with context.reading() as session:
            found = await queries.items_by_id(session, context.principal, keys, columns)
        return [found.get(key) for key in keys]

    return request_loader(info, f"InventoryItemColumnsByIdLoader{columns}", load)


def first_lots_by_item(info: Info) -> DataLoader[LotsKey, Page[InventoryLot]]:
    return request_loader(info, "FirstLotsByItemLoader", _first_lots)


async def currency_code(info: Info) -> str:
    """The organization's currency, looked up once per request."""
    principal = info.context.principal
    key = principal.organization_id if principal is not None else 0
    loader: DataLoader[int, str] = request_loader(info, "CurrencyByOrganizationLoader", _currency)
    return await loader.load(key)


async def history(
    info: Info, filters: queries.HistoryFilter, page: PageRequest
) -> Page[LedgerEntry]:
    """One page of the ledger (used for one object's nested history, so not batched)."""
    async with info.context.reading() as session:
        return await queries.list_history(
            session, info.context.principal, filters=filters, page=page
        )


async def lots(info: Info, filters: queries.LotFilter, page: PageRequest) -> Page[InventoryLot]:
    async with info.context.reading() as session:
        return await queries.list_lots(session, info.context.principal, filters=filters, page=page)
