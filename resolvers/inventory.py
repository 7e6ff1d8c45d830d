"""Inventory: GraphQL input -> services.inventory -> GraphQL types."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any

import strawberry

from resolvers import inventory_loaders as loaders
from resolvers.common import connection, mutation, page_request
from resolvers.context import Info
from resolvers.ids import decode_id
from schema import inventory as gql
from schema.money import CurrencyCode, Money
from schema.units import Quantity, QuantityInput, SetItemDensityInput
from services.errors import InsufficientStock, UserInputError
from services.inventory import items, queries, reservations, stock
from services.inventory import models as rows
from services.inventory.ledger import Posting
from services.inventory.quantities import QuantityInput as ServiceQuantity


def _item_key(value: strawberry.ID, field: str = "item_id") -> int:
    return decode_id(value, "InventoryItem", (field,))


def _quantity(value: QuantityInput) -> ServiceQuantity:
    return ServiceQuantity(amount=value.amount, unit=value.unit)


def _item_fields(values: dict[str, Any]) -> items.ItemFields:
    """The input's given fields as the service's; an enum becomes its name."""
    given = {name: value for name, value in values.items() if value is not strawberry.UNSET}
    capacity = given.pop("container_capacity", strawberry.UNSET)
    if capacity is not strawberry.UNSET:
        given["container_capacity"] = capacity.amount if capacity else None
        given["container_capacity_unit"] = capacity.unit if capacity else None
    for name in ("type", "costing_method"):
        if given.get(name) is not None:
            given[name] = given[name].value
    return items.ItemFields(**given, provided=frozenset(given))


def item_filter(given: gql.InventoryItemFilter | None) -> items.ItemFilter:
    """The `inventoryItems` filter as the service's (the standard resolver and the planned
    reads both map it here)."""
    given = given or gql.InventoryItemFilter()
    return items.ItemFilter(
        type=given.type.value if given.type else None,
        search=given.search,
        low_stock=given.low_stock,
        sku=given.sku,
        skus=given.skus,
        barcode=given.barcode,
        include_archived=given.include_archived,
    )


async def item_node(info: Info, item: rows.InventoryItem) -> gql.InventoryItem:
    return gql.InventoryItem.from_row(item, await loaders.currency_code(info))


async def _units(info: Info, item_keys: Sequence[int]) -> dict[int, str]:
    found = await loaders.item_by_id(info).load_many(list(item_keys))
    return {item.id: item.base_unit for item in found if item is not None}


async def adjustment_node(
    info: Info, item: rows.InventoryItem, change_type: str, posting: Posting
) -> gql.InventoryAdjustment:
    currency, unit = await loaders.currency_code(info), item.base_unit
    cost = -posting.value if posting.quantity < 0 else posting.value
    return gql.InventoryAdjustment(
        inventory_item=gql.InventoryItem.from_row(item, currency),
        change_type=gql.InventoryChangeType(change_type),
        operation_id=posting.operation_id,
        quantity=Quantity(amount=posting.quantity, unit=unit),
        cost=Money(amount=cost, currency_code=CurrencyCode(currency)),
        ledger_entries=[
            gql.InventoryLedgerEntry.from_row(entry, unit, currency) for entry in posting.entries
        ],
        shortened_reservations=[
            gql.InventoryReservation.from_row(shortened.reservation, unit)
            for shortened in posting.shortened
        ],
    )


def _shortages(error: UserInputError, payload: gql.AdjustInventoryPayload) -> None:
    if isinstance(error, InsufficientStock):
        payload.shortages = [
            gql.Shortage(
                item_key=shortage.item_id,
                requested=Quantity(amount=shortage.requested, unit=shortage.unit),
                available=Quantity(amount=shortage.available, unit=shortage.unit),
            )
            for shortage in error.shortages
        ]


def _as_given_and_recorded(
    given: QuantityInput | None, change: stock.StockChange
) -> tuple[Quantity | None, Quantity | None]:
    """The quantity a change was given, and the same as the ledger recorded it."""
    if given is None or change.recorded is None:
        return None, None
    return (
        Quantity(amount=given.amount, unit=given.unit),
        Quantity(amount=change.recorded, unit=change.item.base_unit),
    )


@strawberry.type
class InventoryQuery:
    @strawberry.field(description="Items by id order; archived ones only when asked.")
    async def inventory_items(
        self,
        info: Info,
        filter: gql.InventoryItemFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.InventoryItemConnection:
        filters, request = item_filter(filter), page_request(first, after, last, before)
        async with info.context.reading() as session:
            page = await items.list_items(
                session, info.context.principal, filters=filters, page=request
            )
        currency = await loaders.currency_code(info)
        return connection(page, lambda item: gql.InventoryItem.from_row(item, currency))

    @strawberry.field(description="One item; null if there is no such item.")
    async def inventory_item(self, info: Info, id: strawberry.ID) -> gql.InventoryItem | None:
        async with info.context.reading() as session:
            found = await items.get_item(
                session, info.context.principal, item_id=_item_key(id, "id")
            )
        return None if found is None else await item_node(info, found)

    @strawberry.field(
        description=(
            "The item with this SKU (trimmed; case matters), archived or not; null if the "
            "organization has none."
        )
    )
    async def inventory_item_by_sku(self, info: Info, sku: str) -> gql.InventoryItem | None:
        async with info.context.reading() as session:
            found = await items.get_item_by_sku(session, info.context.principal, sku=sku)
        return None if found is None else await item_node(info, found)

    @strawberry.field(description="Lots in the order received; open ones unless includeEmpty.")
    async def inventory_lots(
        self,
        info: Info,
        item_id: strawberry.ID | None = None,
        include_empty: bool = False,
        expires_before: datetime | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.InventoryLotConnection:
        filters = queries.LotFilter(
            item_id=_item_key(item_id) if item_id else None,
            include_empty=include_empty,
            expires_before=expires_before,
        )
        page = await loaders.lots(info, filters, page_request(first, after, last, before))
        units = await _units(info, [lot.item_id for lot in page.items])
        currency = await loaders.currency_code(info)
        return connection(
            page, lambda lot: gql.InventoryLot.from_row(lot, units[lot.item_id], currency)
        )

    @strawberry.field(
        description="The ledger, oldest first (`last: n` gives the latest), filtered."
    )
    async def inventory_history(
        self,
        info: Info,
        item_id: strawberry.ID | None = None,
        lot_id: strawberry.ID | None = None,
        change_types: list[gql.InventoryChangeType] | None = None,
        reference: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.InventoryLedgerEntryConnection:
        filters = queries.HistoryFilter(
            item_id=_item_key(item_id) if item_id else None,
            lot_id=decode_id(lot_id, "InventoryLot", ("lot_id",)) if lot_id else None,
            change_types=[kind.value for kind in change_types or []],
            reference=reference,
            since=since,
            until=until,
        )
        page = await loaders.history(info, filters, page_request(first, after, last, before))
        units = await _units(info, [entry.item_id for entry in page.items])
        currency = await loaders.currency_code(info)
        return connection(
            page,
            lambda entry: gql.InventoryLedgerEntry.from_row(entry, units[entry.item_id], currency),
        )

    @strawberry.field(description="Reservations by creation order, optionally filtered.")
    async def inventory_reservations(
        self,
        info: Info,
        item_id: strawberry.ID | None = None,
        status: gql.ReservationStatus | None = None,
        order_reference: Annotated[
            str | None,
            strawberry.argument(description="Only the reservations of this order (exact match)."),
        ] = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.InventoryReservationConnection:
        request = page_request(first, after, last, before)
        async with info.context.reading() as session:
            page = await queries.list_reservations(
                session,
                info.context.principal,
                item_id=_item_key(item_id) if item_id else None,
                status=status.name if status else None,
                order_reference=order_reference,
                page=request,
            )
        units = await _units(info, [reservation.item_id for reservation in page.items])
        return connection(
            page, lambda found: gql.InventoryReservation.from_row(found, units[found.item_id])
        )


@strawberry.type
class InventoryMutation:
    @strawberry.mutation(description="Add an item to stock.")
    @mutation(gql.InventoryItemPayload)
    async def create_inventory_item(
        self, info: Info, input: gql.CreateInventoryItemInput
    ) -> gql.InventoryItemPayload:
        values = _item_fields(vars(input))
        async with info.context.writing() as session:
            item = await items.create_item(session, info.context.principal, values=values)
            node = await item_node(info, item)
        return gql.InventoryItemPayload(inventory_item=node)

    @strawberry.mutation(description="Change an item's settings; only the given fields change.")
    @mutation(gql.InventoryItemPayload)
    async def update_inventory_item(
        self, info: Info, input: gql.UpdateInventoryItemInput
    ) -> gql.InventoryItemPayload:
        given = {name: value for name, value in vars(input).items() if name != "id"}
        key, values = _item_key(input.id, "id"), _item_fields(given)
        async with info.context.writing() as session:
            item = await items.update_item(
                session, info.context.principal, item_id=key, values=values
            )
            node = await item_node(info, item)
        return gql.InventoryItemPayload(inventory_item=node)

    @strawberry.mutation(
        description="Set an item's density (g/ml) so its weight and volume convert."
    )
    @mutation(gql.SetItemDensityPayload)
    async def set_item_density(
        self, info: Info, input: SetItemDensityInput
    ) -> gql.SetItemDensityPayload:
        key = _item_key(input.item_id)
        async with info.context.writing() as session:
            item = await items.set_item_density(
                session, info.context.principal, item_id=key, density=input.density
            )
            node = await item_node(info, item)
        return gql.SetItemDensityPayload(inventory_item=node)

    @strawberry.mutation(description="Archive an item: it keeps its stock and history.")
    @mutation(gql.InventoryItemPayload)
    async def archive_inventory_item(
        self, info: Info, input: gql.ArchiveInventoryItemInput
    ) -> gql.InventoryItemPayload:
        key = _item_key(input.id, "id")
        async with info.context.writing() as session:
            item = await items.archive_item(session, info.context.principal, item_id=key)
            node = await item_node(info, item)
        return gql.InventoryItemPayload(inventory_item=node)

    @strawberry.mutation(description="Record a purchase: it becomes a new lot.")
    @mutation(gql.ReceiveInventoryPayload)
    async def receive_inventory(
        self, info: Info, input: gql.ReceiveInventoryInput
    ) -> gql.ReceiveInventoryPayload:
        key = _item_key(input.item_id)
        async with info.context.writing() as session:
            change = await stock.receive_inventory(
                session,
                info.context.principal,
                item_id=key,
                quantity=_quantity(input.quantity),
                unit_cost=input.unit_cost,
                total_cost=input.total_cost,
                vendor=input.vendor,
                received_at=input.received_at,
                lot_code=input.lot_code,
                expires_at=input.expires_at,
                note=input.note,
                reference=input.reference,
            )
            adjustment = await adjustment_node(info, change.item, "PURCHASE", change.posting)
        assert change.lot is not None
        lot = gql.InventoryLot.from_row(
            change.lot, change.item.base_unit, await loaders.currency_code(info)
        )
        entered, recorded = _as_given_and_recorded(input.quantity, change)
        return gql.ReceiveInventoryPayload(
            lot=lot,
            inventory_item=adjustment.inventory_item,
            ledger_entries=adjustment.ledger_entries,
            entered_quantity=entered,
            recorded_quantity=recorded,
        )

    @strawberry.mutation(
        description=(
            "Change an item's stock for a reason (the change type). Fails whole with "
            "INSUFFICIENT_STOCK rather than going negative."
        )
    )
    @mutation(gql.AdjustInventoryPayload, details=_shortages)
    async def adjust_inventory(
        self, info: Info, input: gql.AdjustInventoryInput
    ) -> gql.AdjustInventoryPayload:
        key = _item_key(input.item_id)
        lot_key = decode_id(input.lot_id, "InventoryLot", ("lot_id",)) if input.lot_id else None
        async with info.context.writing() as session:
            change = await stock.adjust_inventory(
                session,
                info.context.principal,
                item_id=key,
                change_type=input.change_type.value,
                quantity=_quantity(input.quantity) if input.quantity else None,
                unit_cost=input.unit_cost,
                cost_unit=input.cost_unit,
                lot_id=lot_key,
                note=input.note,
                reference=input.reference,
            )
            adjustment = await adjustment_node(
                info, change.item, input.change_type.value, change.posting
            )
        entered, recorded = _as_given_and_recorded(input.quantity, change)
        return gql.AdjustInventoryPayload(
            adjustment=adjustment,
            inventory_item=adjustment.inventory_item,
            entered_quantity=entered,
            recorded_quantity=recorded,
        )

    @strawberry.mutation(description="Dispose of every expired remainder (change type EXPIRED).")
    @mutation(gql.WriteOffExpiredLotsPayload)
    async def write_off_expired_lots(
        self, info: Info, input: gql.WriteOffExpiredLotsInput | None = None
    ) -> gql.WriteOffExpiredLotsPayload:
        given = input or gql.WriteOffExpiredLotsInput()
        key = _item_key(given.item_id) if given.item_id else None
        async with info.context.writing() as session:
            changes = await stock.write_off_expired_lots(
                session, info.context.principal, item_id=key
            )
            adjustments = [
                await adjustment_node(info, change.item, "EXPIRED", change.posting)
                for change in changes
            ]
        return gql.WriteOffExpiredLotsPayload(adjustments=adjustments)

    @strawberry.mutation(description="Hold stock for an order: lowers available, not on hand.")
    @mutation(gql.ReservationPayload)
    async def reserve_inventory(
        self, info: Info, input: gql.ReserveInventoryInput
    ) -> gql.ReservationPayload:
        key = _item_key(input.item_id)
        async with info.context.writing() as session:
            held = await reservations.reserve_inventory(
                session,
                info.context.principal,
                item_id=key,
                quantity=_quantity(input.quantity),
                order_reference=input.order_reference,
                expires_at=input.expires_at,
            )
            return await _reservation_payload(info, held)

    @strawberry.mutation(description="Give a reservation's stock back to available.")
    @mutation(gql.ReservationPayload)
    async def release_reservation(
        self, info: Info, input: gql.ReservationInput
    ) -> gql.ReservationPayload:
        key = decode_id(input.id, "InventoryReservation")
        async with info.context.writing() as session:
            held = await reservations.release_reservation(
                session, info.context.principal, reservation_id=key
            )
            return await _reservation_payload(info, held)

    @strawberry.mutation(
        description="Ship a reservation, whole or in part: a SALE drawn from the oldest lots."
    )
    @mutation(gql.FulfilReservationPayload)
    async def fulfil_reservation(
        self, info: Info, input: gql.FulfilReservationInput
    ) -> gql.FulfilReservationPayload:
        key = decode_id(input.id, "InventoryReservation")
        async with info.context.writing() as session:
            reservation, change = await reservations.fulfil_reservation(
                session,
                info.context.principal,
                reservation_id=key,
                quantity=_quantity(input.quantity) if input.quantity else None,
            )
            adjustment = await adjustment_node(info, change.item, "SALE", change.posting)
        return gql.FulfilReservationPayload(
            reservation=gql.InventoryReservation.from_row(reservation, change.item.base_unit),
            adjustment=adjustment,
        )


async def _reservation_payload(info: Info, held: reservations.Held) -> gql.ReservationPayload:
    return gql.ReservationPayload(
        reservation=gql.InventoryReservation.from_row(held.reservation, held.item.base_unit),
        inventory_item=await item_node(info, held.item),
    )
