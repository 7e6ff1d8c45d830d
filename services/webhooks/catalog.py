"""The event types an endpoint can subscribe to: the catalog the docs, the OpenAPI
document and subscription checks are generated from. A domain adds its types here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.permissions import Principal, require_principal
from services.webhooks.payload_schemas import EXAMPLES, SCHEMAS


@dataclass(frozen=True)
class EventType:
    name: str
    description: str
    # JSON Schema of the event's `data`, and an example of it.
    data_schema: dict[str, Any] = field(default_factory=dict)
    example: dict[str, Any] = field(default_factory=dict)


TEST_EVENT = "webhook.test"

_TYPES = [
    EventType("inventory.item.created", "An inventory item was created."),
    EventType("inventory.item.updated", "An item's settings changed, or it was archived."),
    EventType("inventory.lot.received", "A purchase was received: a new lot."),
    EventType(
        "inventory.adjusted",
        "Stock changed (consumption, disposal, restock, return, recount, revaluation, sale "
        "of a reservation), with the lots touched and the exact cost.",
    ),
    EventType(
        "inventory.low_stock",
        "An item's usable stock (unexpired, unreserved) fell under its threshold: through a "
        "change, or through lots expiring (sent by the minutely job).",
    ),
    EventType("inventory.lot.expired", "An expired lot's remainder was written off."),
    EventType("inventory.reservation.created", "Stock was reserved for an order."),
    EventType("organization.updated", "The organization was renamed or its currency changed."),
    EventType(
        "inventory.reservation.released",
        "A reservation was released: what it still held is available again.",
    ),
    EventType(
        "inventory.reservation.expired",
        "A reservation passed its expiry: what it still held is available again.",
    ),
    EventType(
        "inventory.reservation.fulfilled",
        "Stock held for an order was sold, whole or in part (after the SALE's "
        "inventory.adjusted); the rest, if any, stays reserved.",
    ),
    EventType(
        "inventory.reservation.shortened",
        "A loss of stock (a disposal, a recount that found less) left a reservation more "
        "than the item's unexpired stock on hand: it gave up what no longer fits (after "
        "the loss's inventory.adjusted), and is SHORT if it holds nothing now.",
    ),
    EventType(
        "recipe.created",
        "A recipe was created: an original, a variation or a test (version 1, a draft).",
    ),
    EventType(
        "recipe.updated",
        "A recipe changed: its draft in place, or a new draft version after a published one "
        "(newVersion), by an edit, a step override or revert, or a promoted test.",
    ),
    EventType(
        "recipe.published",
        "A recipe's draft was published: immutable from now on, and the current version.",
    ),
    EventType("recipe.archived", "A recipe was archived, every version of it."),
    EventType(
        "batch.started",
        "A batch started: every line drawn through the ledger (each item also gets its "
        "inventory.adjusted), with the lots consumed and any line a forced start skipped.",
    ),
    EventType(
        "batch.split",
        "A batch in progress was split into variations, each taking its percentage of the "
        "base (yield and cost) and drawing its added ingredients (the lots consumed).",
    ),
    EventType(
        "batch.finished",
        "A batch finished: its output lots made through the ledger (one per container size "
        "filled, and the bulk), each with its share of the cost.",
    ),
    EventType(
        "batch.cancelled",
        "A batch in progress was cancelled: every draw given back to the lot it came from "
        "(REFUNDED), so each lot's remainder and value are as before the start.",
    ),
    EventType(
        "batch.failed",
        "A batch in progress failed: its draws are kept as the loss, with the reason.",
    ),
    EventType(
        "subscription.updated",
        "The organization's subscription changed (plan, status, interval, cancellation), as "
        "Stripe reports it now.",
    ),
    EventType(
        "subscription.payment_failed",
        "A payment failed: the organization is PAST_DUE and works until graceEndsAt; the "
        "owners were emailed a link to pay.",
    ),
    EventType(TEST_EVENT, "Sent by sendTestWebhook to one endpoint only."),
]
EVENT_TYPES: dict[str, EventType] = {
    event_type.name: EventType(
        event_type.name,
        event_type.description,
        data_schema=SCHEMAS[event_type.name],
        example=EXAMPLES[event_type.name],
    )
    for event_type in _TYPES
}


def list_event_types(principal: Principal | None) -> list[EventType]:
    """The catalog, for any signed-in caller (it describes the API, not their data)."""
    require_principal(principal)
    return list(EVENT_TYPES.values())


def subscribes(patterns: list[str], event_type: str) -> bool:
    """Whether an endpoint with these patterns receives the type. The test event goes
    only to the endpoint it is sent to, never through a subscription."""
    if event_type == TEST_EVENT:
        return False
    for pattern in patterns:
        if pattern == "*" or pattern == event_type:
            return True
        if pattern.endswith(".*") and event_type.startswith(pattern[:-1]):
            return True
    return False


def clean_patterns(patterns: list[str], field_name: str = "event_types") -> list[str]:
    """Known types and wildcards that match at least one type; sorted, no duplicates."""
    if not patterns:
        raise UserInputError(
            ErrorCode.BLANK,
            "Subscribe to at least one event type, such as inventory.*.",
            (field_name,),
        )
    if len(patterns) > 100:
        raise UserInputError(ErrorCode.TOO_MANY, "At most 100 event types.", (field_name,))
    cleaned = set()
    for pattern in patterns:
        name = pattern.strip()
        known = [t for t in EVENT_TYPES if t != TEST_EVENT and subscribes([name], t)]
        if not known:
            raise UserInputError(
                ErrorCode.UNKNOWN_EVENT_TYPE,
                f"{name!r} matches no event type; see webhookEventTypes (wildcards such as "
                "inventory.* are allowed).",
                (field_name,),
            )
        cleaned.add(name)
    return sorted(cleaned)
