"""Event payloads, with the same field names and IDs as the GraphQL types, and every
value in the form the GraphQL API answers it: a quantity is `{"amount", "unit"}` (the
item's base unit), a decimal a plain string without trailing zeros, a time ISO 8601 UTC.
A fact is stated once: the item's threshold is `item.lowStockThreshold`, nowhere else."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from services.ids import to_global_id
from services.inventory.ledger import Posting
from services.inventory.models import InventoryItem, InventoryLot, Reservation


def decimal_string(value: Decimal) -> str:
    """As the GraphQL Decimal scalar writes it: plain, without trailing zeros."""
    return format(value.normalize(), "f")


def quantity(amount: Decimal, unit: str) -> dict[str, str]:
    """As the GraphQL Quantity type answers it. Amounts are kept to the item's precision,
    so the plain form never shows more places than the item allows."""
    return {"amount": decimal_string(amount), "unit": unit}


def _optional_quantity(amount: Decimal | None, unit: str) -> dict[str, str] | None:
    return None if amount is None else quantity(amount, unit)


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else decimal_string(value)


def datetime_string(value: datetime | None) -> str | None:
    """As the GraphQL DateTime scalar writes it: ISO 8601 in UTC with a Z."""
    return None if value is None else value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def item_id(item_key: int) -> str:
    return to_global_id("InventoryItem", item_key)


def lot_id(lot_key: int) -> str:
    return to_global_id("InventoryLot", lot_key)


def item_payload(item: InventoryItem, usable: Decimal) -> dict[str, Any]:
    """The item's state; `usable` (quantities.usable_of) depends on the time, so the
    caller gives it."""
    unit = item.base_unit
    return {
        "id": item_id(item.id),
        "name": item.name,
        "type": item.type,
        "baseUnit": unit,
        "onHand": quantity(item.on_hand, unit),
        "reserved": quantity(item.reserved, unit),
        "available": quantity(item.on_hand - item.reserved, unit),
        "usable": quantity(usable, unit),
        "lowStockThreshold": _optional_quantity(item.low_stock_threshold, unit),
        "sku": item.sku,
        "barcode": item.barcode,
        "archived": item.archived_at is not None,
    }


def lot_payload(lot: InventoryLot, unit: str) -> dict[str, Any]:
    """The lot; `unit` is its item's base unit."""
    return {
        "id": lot_id(lot.id),
        "itemId": item_id(lot.item_id),
        "lotCode": lot.lot_code,
        "receivedAt": datetime_string(lot.received_at),
        "expiresAt": datetime_string(lot.expires_at),
        "quantityReceived": quantity(lot.quantity_received, unit),
        "remaining": quantity(lot.remaining, unit),
        "unitCost": _decimal(lot.unit_cost),
        "totalCost": _decimal(lot.total_cost),
        "vendor": lot.vendor,
    }


def posting_payload(change_type: str, posting: Posting, unit: str) -> dict[str, Any]:
    """What one posting moved (the event adds the item); `unit` is the item's base unit."""
    return {
        "changeType": change_type,
        "operationId": posting.operation_id,
        "quantity": quantity(posting.quantity, unit),
        "cost": _decimal(-posting.value if posting.quantity < 0 else posting.value),
        "lots": [
            {
                "lotId": lot_id(entry.lot_id) if entry.lot_id else None,
                "quantity": quantity(entry.quantity, unit),
                "unitCost": _decimal(entry.unit_cost),
                "value": _decimal(entry.value),
            }
            for entry in posting.entries
        ],
    }


def reservation_payload(reservation: Reservation, unit: str) -> dict[str, Any]:
    """The reservation; `unit` is its item's base unit."""
    return {
        "id": to_global_id("InventoryReservation", reservation.id),
        "itemId": item_id(reservation.item_id),
        "quantity": quantity(reservation.quantity, unit),
        "fulfilled": quantity(reservation.fulfilled, unit),
        "shortQuantity": quantity(reservation.short_quantity, unit),
        "remaining": quantity(reservation.remaining, unit),
        "orderReference": reservation.order_reference,
        "status": reservation.status,
        "expiresAt": datetime_string(reservation.expires_at),
    }
