"""Inventory reports: GraphQL arguments -> services.inventory.reports -> GraphQL types."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

import strawberry

from resolvers.common import connection, page_request
from resolvers.context import Info
from resolvers.ids import decode_id, to_global_id
from schema import inventory_reports as gql
from schema.money import CurrencyCode, Money
from schema.units import Quantity
from services.inventory import reports
from services.inventory.models import InventoryLot

From = Annotated[datetime, strawberry.argument(name="from", description="Start, inclusive.")]
To = Annotated[datetime, strawberry.argument(description="End, exclusive.")]


def _money(amount: Decimal, currency_code: str) -> Money:
    return Money(amount=amount, currency_code=CurrencyCode(currency_code))


def _item_id(item: reports.ItemRef) -> strawberry.ID:
    return strawberry.ID(to_global_id("InventoryItem", item.key))


def _item_key(item_id: strawberry.ID) -> int:
    return decode_id(item_id, "InventoryItem", ("item_id",))


def effective_cost_node(found: reports.EffectiveCost) -> gql.EffectiveCost:
    unit, currency = found.item.base_unit, found.currency_code

    def per_unit(value: Decimal | None) -> Money | None:
        return None if value is None else _money(value, currency)

    return gql.EffectiveCost(
        item_id=_item_id(found.item),
        item_name=found.item.name,
        period_start=found.period_start,
        period_end=found.period_end,
        spent=_money(found.spent, currency),
        purchased_quantity=Quantity(amount=found.purchased, unit=unit),
        wasted_quantity=Quantity(amount=found.wasted, unit=unit),
        waste_cost=_money(found.waste_cost, currency),
        used_quantity=Quantity(amount=found.used, unit=unit),
        effective_cost_per_unit=per_unit(found.effective_cost_per_unit),
        purchase_cost_per_unit=per_unit(found.purchase_cost_per_unit),
        average_cost_per_unit=per_unit(found.average_cost_per_unit),
    )


def spoilage_month_node(row: reports.SpoilageMonth, currency: str) -> gql.ItemSpoilageMonth:
    unit = row.item.base_unit
    return gql.ItemSpoilageMonth(
        item_id=_item_id(row.item),
        item_name=row.item.name,
        month=row.month,
        spoiled_quantity=Quantity(amount=row.spoiled, unit=unit),
        trashed_quantity=Quantity(amount=row.trashed, unit=unit),
        expired_quantity=Quantity(amount=row.expired, unit=unit),
        wasted_quantity=Quantity(amount=row.wasted, unit=unit),
        purchased_quantity=Quantity(amount=row.purchased, unit=unit),
        share_of_purchased=row.share_of_purchased,
        cost=_money(row.cost, currency),
    )


def purchase_node(lot: InventoryLot, unit: str, currency: str) -> gql.InventoryPurchase:
    return gql.InventoryPurchase(
        lot_id=strawberry.ID(to_global_id("InventoryLot", lot.id)),
        lot_code=lot.lot_code,
        received_at=lot.received_at,
        vendor=lot.vendor,
        quantity=Quantity(amount=lot.quantity_received, unit=unit),
        unit_cost=_money(lot.unit_cost, currency),
        total_cost=_money(lot.total_cost, currency),
    )


def vendor_price_node(prices: reports.VendorPrices, unit: str, currency: str) -> gql.VendorPrice:
    return gql.VendorPrice(
        vendor=prices.vendor,
        unit=unit,
        purchase_count=prices.purchase_count,
        first_purchased_at=prices.first_purchased_at,
        last_purchased_at=prices.last_purchased_at,
        first_unit_cost=_money(prices.first_unit_cost, currency),
        last_unit_cost=_money(prices.last_unit_cost, currency),
        min_unit_cost=_money(prices.min_unit_cost, currency),
        max_unit_cost=_money(prices.max_unit_cost, currency),
    )


def reorder_node(found: reports.ReorderSuggestion) -> gql.ReorderSuggestion:
    unit = found.item.base_unit
    return gql.ReorderSuggestion(
        item_id=_item_id(found.item),
        item_name=found.item.name,
        available=Quantity(amount=found.available, unit=unit),
        usable=Quantity(amount=found.usable, unit=unit),
        low_stock_threshold=Quantity(amount=found.low_stock_threshold, unit=unit),
        usage=Quantity(amount=found.usage, unit=unit),
        average_daily_usage=Quantity(amount=found.average_daily_usage, unit=unit),
        lookback_days=found.lookback_days,
        lead_time_days=found.lead_time_days,
        days_of_cover=found.days_of_cover,
        suggested_quantity=Quantity(amount=found.suggested_quantity, unit=unit),
    )


@strawberry.type
class InventoryReportsQuery:
    @strawberry.field(
        description="An item's true cost per base unit over [from, to); null if no such item."
    )
    async def effective_cost(
        self, info: Info, item_id: strawberry.ID, from_: From, to: To
    ) -> gql.EffectiveCost | None:
        key = _item_key(item_id)
        async with info.context.reading() as session:
            found = await reports.effective_cost_per_unit(
                session, info.context.principal, item_id=key, period_start=from_, period_end=to
            )
        return effective_cost_node(found) if found else None

    @strawberry.field(
        description=(
            "Spoiled, trashed and expired stock per item and month over [from, to) (at most "
            "three years), optionally for one item."
        )
    )
    async def spoilage_report(
        self, info: Info, from_: From, to: To, item_id: strawberry.ID | None = None
    ) -> gql.SpoilageReport:
        key = _item_key(item_id) if item_id is not None else None
        async with info.context.reading() as session:
            found = await reports.spoilage_report(
                session, info.context.principal, period_start=from_, period_end=to, item_id=key
            )
        return gql.SpoilageReport(
            period_start=found.period_start,
            period_end=found.period_end,
            months=[spoilage_month_node(row, found.currency_code) for row in found.months],
            total_cost=_money(found.total_cost, found.currency_code),
        )

    @strawberry.field(
        description="An item's purchases, oldest recorded first; null if no such item."
    )
    async def purchase_history(
        self,
        info: Info,
        item_id: strawberry.ID,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.InventoryPurchaseConnection | None:
        key, request = _item_key(item_id), page_request(first, after, last, before)
        async with info.context.reading() as session:
            found = await reports.purchase_history(
                session, info.context.principal, item_id=key, page=request
            )
        if found is None:
            return None
        unit, currency = found.item.base_unit, found.currency_code
        return connection(found.page, lambda lot: purchase_node(lot, unit, currency))

    @strawberry.field(
        description="Per vendor, what an item cost (first, last, min, max); null if no such item."
    )
    async def vendor_price_history(
        self, info: Info, item_id: strawberry.ID
    ) -> list[gql.VendorPrice] | None:
        key = _item_key(item_id)
        async with info.context.reading() as session:
            found = await reports.vendor_price_history(session, info.context.principal, item_id=key)
        if found is None:
            return None
        unit, currency = found.item.base_unit, found.currency_code
        return [vendor_price_node(prices, unit, currency) for prices in found.vendors]

    @strawberry.field(
        description=(
            "Items that will be under their low-stock threshold within their lead time at "
            "the usage rate of the last lookbackDays days (1 to 365), most urgent first."
        )
    )
    async def reorder_suggestions(
        self, info: Info, lookback_days: int = reports.DEFAULT_LOOKBACK_DAYS
    ) -> list[gql.ReorderSuggestion]:
        async with info.context.reading() as session:
            found = await reports.reorder_suggestions(
                session, info.context.principal, lookback_days=lookback_days
            )
        return [reorder_node(suggestion) for suggestion in found]
