"""Event payloads, with the same field names and IDs as the GraphQL types."""

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


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else decimal_string(value)


def _datetime(value: datetime | None) -> str | None:
    """As the GraphQL DateTime scalar writes it: ISO 8601 in UTC with a Z."""
    return None if value is None else value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def item_id(item_key: int) -> str:
    return to_global_id("InventoryItem", item_key)


def lot_id(lot_key: int) -> str:
    return to_global_id("InventoryLot", lot_key)


def item_payload(item: InventoryItem) -> dict[str, Any]:
    return {
        "id": item_id(item.id),
        "name": item.name,
        "type": item.type,
        "baseUnit": item.base_unit,
        "onHand": {"amount": _decimal(item.on_hand), "unit": item.base_unit},
        "reserved": {"amount": _decimal(item.reserved), "unit": item.base_unit},
        "available": {"amount": _decimal(item.on_hand - item.reserved), "unit": item.base_unit},
        "lowStockThreshold": _decimal(item.low_stock_threshold),
        "sku": item.sku,
        "barcode": item.barcode,
        "archived": item.archived_at is not None,
    }


def lot_payload(lot: InventoryLot) -> dict[str, Any]:
    return {
        "id": lot_id(lot.id),
        "itemId": item_id(lot.item_id),
        "lotCode": lot.lot_code,
        "receivedAt": _datetime(lot.received_at),
        "expiresAt": _datetime(lot.expires_at),
        "quantityReceived": _decimal(lot.quantity_received),
        "remaining": _decimal(lot.remaining),
        "unitCost": _decimal(lot.unit_cost),
        "totalCost": _decimal(lot.total_cost),
        "vendor": lot.vendor,
    }


def posting_payload(change_type: str, posting: Posting) -> dict[str, Any]:
    """What one posting moved (the event adds the item)."""
    return {
        "changeType": change_type,
        "operationId": posting.operation_id,
        "quantity": _decimal(posting.quantity),
        "cost": _decimal(-posting.value if posting.quantity < 0 else posting.value),
        "lots": [
            {
                "lotId": lot_id(entry.lot_id) if entry.lot_id else None,
                "quantity": _decimal(entry.quantity),
                "unitCost": _decimal(entry.unit_cost),
                "value": _decimal(entry.value),
            }
            for entry in posting.entries
        ],
    }


def reservation_payload(reservation: Reservation) -> dict[str, Any]:
    return {
        "id": to_global_id("InventoryReservation", reservation.id),
        "itemId": item_id(reservation.item_id),
        "quantity": _decimal(reservation.quantity),
        "fulfilled": _decimal(reservation.fulfilled),
        "remaining": _decimal(reservation.remaining),
        "orderReference": reservation.order_reference,
        "status": reservation.status,
        "expiresAt": _datetime(reservation.expires_at),
    }
