"""Inventory costs and insight: effective cost, spoilage, purchases, vendor prices and
reorder suggestions. Items are named by ID and name, so these types stand on their own."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import strawberry

from schema.money import Money
from schema.relay import Connection
from schema.units import Quantity


@strawberry.type(
    description=(
        "The true cost of what was used of an item over a period: what was spent on it "
        "divided by the quantity bought or made minus the quantity spoiled, trashed or "
        "expired. Waste makes it higher than the price paid. The period is [from, to), by "
        "when movements were recorded; costs are per the item's base unit."
    )
)
class EffectiveCost:
    item_id: strawberry.ID
    item_name: str
    period_start: datetime
    period_end: datetime
    spent: Money = strawberry.field(
        description="Value of the stock bought or made (PURCHASE, RESTOCK, FINISHED_BATCH)."
    )
    purchased_quantity: Quantity = strawberry.field(
        description="Quantity bought or made in the period."
    )
    wasted_quantity: Quantity = strawberry.field(
        description="Quantity spoiled, trashed or expired in the period."
    )
    waste_cost: Money = strawberry.field(description="Value of the wasted quantity.")
    used_quantity: Quantity = strawberry.field(
        description="Purchased minus wasted: what was actually there to use."
    )
    effective_cost_per_unit: Money | None = strawberry.field(
        description="spent / usedQuantity; null when nothing was left to use."
    )
    purchase_cost_per_unit: Money | None = strawberry.field(
        description="spent / purchasedQuantity, the price paid; null when nothing was bought."
    )
    average_cost_per_unit: Money | None = strawberry.field(
        description="Today's value of the remaining lots / the quantity on hand; null if none."
    )


@strawberry.type(description="Waste of one item in one calendar month (UTC).")
class ItemSpoilageMonth:
    item_id: strawberry.ID
    item_name: str
    month: str = strawberry.field(description="ISO 8601 year and month, such as 2026-11.")
    spoiled_quantity: Quantity
    trashed_quantity: Quantity
    expired_quantity: Quantity
    wasted_quantity: Quantity = strawberry.field(description="Spoiled + trashed + expired.")
    purchased_quantity: Quantity = strawberry.field(
        description="Quantity bought or made in the same month."
    )
    share_of_purchased: Decimal | None = strawberry.field(
        description=(
            "wastedQuantity / purchasedQuantity as a fraction (0.25 = 25 %), to four places; "
            "null when nothing was bought that month."
        )
    )
    cost: Money = strawberry.field(description="Value of the wasted quantity.")


@strawberry.type(
    description=(
        "Spoiled, trashed and expired stock per item and month over [from, to). Months "
        "cut by the period's ends count only their part inside it."
    )
)
class SpoilageReport:
    period_start: datetime
    period_end: datetime
    months: list[ItemSpoilageMonth] = strawberry.field(
        description="Item and month pairs with waste, by item name, then month."
    )
    total_cost: Money


@strawberry.type(description="One purchase of an item: the lot it became.")
class InventoryPurchase:
    lot_id: strawberry.ID
    lot_code: str
    received_at: datetime
    vendor: str | None
    quantity: Quantity = strawberry.field(description="Quantity received, in the base unit.")
    unit_cost: Money = strawberry.field(description="Cost per base unit.")
    total_cost: Money


InventoryPurchaseConnection = Connection[InventoryPurchase]


@strawberry.type(description="What one vendor charged for an item, per the item's base unit.")
class VendorPrice:
    vendor: str | None = strawberry.field(description="Null for purchases with no vendor.")
    unit: str = strawberry.field(description="The base unit the costs are per.")
    purchase_count: int
    first_purchased_at: datetime
    last_purchased_at: datetime
    first_unit_cost: Money
    last_unit_cost: Money
    min_unit_cost: Money
    max_unit_cost: Money


@strawberry.type(
    description=(
        "An item whose usable stock will be under its low-stock threshold within its "
        "lead time at the recent usage rate (consumption and batches, not spoilage)."
    )
)
class ReorderSuggestion:
    item_id: strawberry.ID
    item_name: str
    available: Quantity = strawberry.field(description="On hand minus reserved.")
    usable: Quantity = strawberry.field(
        description="Unexpired on hand minus reserved, at least 0: what the suggestion goes by."
    )
    low_stock_threshold: Quantity
    usage: Quantity = strawberry.field(description="Used in the look-back period.")
    average_daily_usage: Quantity
    lookback_days: int
    lead_time_days: int = strawberry.field(
        description="The item's lead time, or 7 days when it has none."
    )
    days_of_cover: Decimal | None = strawberry.field(
        description="Days until the usable stock runs out at that rate; null if unused."
    )
    suggested_quantity: Quantity = strawberry.field(
        description=(
            "Enough for the lead time, back up to the threshold, plus one look-back "
            "period of use; rounded up to the item's precision."
        )
    )
