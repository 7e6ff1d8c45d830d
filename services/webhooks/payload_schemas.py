"""JSON Schemas (2020-12) of each event type's `data`, and an example of each, for the
catalog (services/webhooks/catalog.py), webhookEventTypes and /openapi.json.

Each schema is self-contained (no `$ref`), so it can be embedded anywhere as is. The
schemas do not forbid extra properties: adding a field to a payload is not a breaking
change. The tests validate real payloads against them and also refuse undeclared
properties, so a field written but not documented fails there.

The shapes follow services/inventory/payloads.py, services/recipes/stream.py,
organization_payload in services/accounts/organizations.py and send_test in
deliveries.py; field names, IDs and value forms are those of the GraphQL types: every
quantity is `{"amount", "unit"}` (`quantity` below, never a bare decimal), every amount of
money a decimal string in the organization's currency (`money`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from services.currencies import CURRENCY_CODES
from services.ids import to_global_id

Schema = dict[str, Any]

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Kept literal (rather than imported from the inventory models) so this module imports
# no domain code; a test checks they match the models' enums.
ITEM_TYPES = ["INGREDIENT", "CONTAINER", "PACKAGING", "CONSUMABLE", "PRODUCT", "INTERMEDIATE"]
CHANGE_TYPES = [
    "RESTOCK",
    "USE",
    "SALE",
    "SAMPLE",
    "TESTER",
    "GIFT",
    "SPOIL",
    "TRASH",
    "EXPIRED",
    "DAMAGED",
    "QUALITY_FAIL",
    "RETURNED",
    "RECOUNT",
    "COST_OVERRIDE",
    "PURCHASE",
    "BATCH",
    "FINISHED_BATCH",
    "REFUNDED",
    "RESERVED",
]
RESERVATION_STATUSES = ["ACTIVE", "SHORT", "RELEASED", "FULFILLED", "EXPIRED"]
RECIPE_KINDS = ["ORIGINAL", "VARIATION", "TEST"]
RECIPE_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"]
BATCH_STATUSES = ["IN_PROGRESS", "FINISHED", "CANCELLED", "FAILED"]
COST_METHODS = ["FIFO", "AVERAGE"]
SUBSCRIPTION_STATUSES = [
    "ACTIVE",
    "TRIALING",
    "PAST_DUE",
    "UNPAID",
    "INCOMPLETE",
    "CANCELED",
    "SUSPENDED",
]
PLAN_KEYS = ["FREE", "SOLO", "TEAM", "ENTERPRISE"]

DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"


def decimal(description: str, *, nullable: bool = False) -> Schema:
    return {
        "type": ["string", "null"] if nullable else "string",
        "pattern": DECIMAL_PATTERN,
        "description": description + " An exact decimal number as a string.",
    }


def text(description: str, *, nullable: bool = False) -> Schema:
    return {"type": ["string", "null"] if nullable else "string", "description": description}


def date_time(description: str, *, nullable: bool = False) -> Schema:
    return {
        "type": ["string", "null"] if nullable else "string",
        "format": "date-time",
        "description": description + " ISO 8601, UTC.",
    }


def global_id(type_name: str, description: str = "", *, nullable: bool = False) -> Schema:
    return {
        "type": ["string", "null"] if nullable else "string",
        "minLength": 1,
        "description": (description or f"The {type_name}'s ID")
        + f" (an opaque global ID, as `{type_name}.id` in the GraphQL API).",
    }


def enum(values: list[str], description: str) -> Schema:
    return {"type": "string", "enum": list(values), "description": description}


def obj(description: str, properties: dict[str, Schema]) -> Schema:
    """An object whose properties are all present (nullable ones may be null)."""
    found: Schema = {"type": "object"}
    if description:
        found["description"] = description
    return {**found, "properties": properties, "required": list(properties)}


def money(description: str) -> Schema:
    return decimal(description + " In the organization's currency (currencyCode).")


def optional_money(description: str) -> Schema:
    return decimal(description + " In the organization's currency (currencyCode).", nullable=True)


def quantity(description: str, *, nullable: bool = False) -> Schema:
    """As the GraphQL Quantity type: always in the item's base unit."""
    found = obj(
        description,
        {
            "amount": decimal(
                "The amount, in `unit`, as the GraphQL API answers it: no trailing zeros, "
                "never more places than the item's quantityPrecision."
            ),
            "unit": text("The item's base unit, such as g, ml or each."),
        },
    )
    if nullable:
        found["type"] = ["object", "null"]
    return found


ITEM = obj(
    "The inventory item after the change, as `InventoryItem` in the GraphQL API.",
    {
        "id": global_id("InventoryItem"),
        "name": text("Unique in the organization, ignoring case."),
        "type": enum(ITEM_TYPES, "What the item is to the maker."),
        "baseUnit": text("The unit every quantity of the item is in."),
        "onHand": quantity("What is physically there."),
        "reserved": quantity("Held for orders."),
        "available": quantity("On hand minus reserved; never negative."),
        "usable": quantity(
            "Unexpired on hand minus reserved, at least 0: what can be sold or used now."
        ),
        "lowStockThreshold": quantity(
            "Under this, usable stock is low (inventory.low_stock); null when none.",
            nullable=True,
        ),
        "sku": text(
            "Stock keeping unit: unique in the organization, case-sensitive.", nullable=True
        ),
        "barcode": text("GTIN, UPC, EAN or other code: unique in the organization.", nullable=True),
        "archived": {"type": "boolean", "description": "Archived items keep their stock."},
    },
)

LOT = obj(
    "The lot, as `InventoryLot` in the GraphQL API (quantities in the item's base unit).",
    {
        "id": global_id("InventoryLot"),
        "itemId": global_id("InventoryItem", "The lot's item"),
        "lotCode": text("Unique in the organization."),
        "receivedAt": date_time("When it was received."),
        "expiresAt": date_time("When it expires; null if it does not.", nullable=True),
        "quantityReceived": quantity("What was received."),
        "remaining": quantity("What is left."),
        "unitCost": money("Cost per base unit."),
        "totalCost": money("Cost of the whole lot."),
        "vendor": text("Who sold it.", nullable=True),
    },
)

RESERVATION = obj(
    "The reservation, as `InventoryReservation` in the GraphQL API.",
    {
        "id": global_id("InventoryReservation"),
        "itemId": global_id("InventoryItem", "The reserved item"),
        "quantity": quantity("Reserved (requested)."),
        "fulfilled": quantity("Sold from it so far (fulfilReservation, whole or in part)."),
        "shortQuantity": quantity(
            "Taken from it by losses of the stock it held (inventory.reservation.shortened)."
        ),
        "remaining": quantity(
            "quantity - fulfilled - shortQuantity: held while ACTIVE, given back once "
            "RELEASED or EXPIRED, 0 once FULFILLED or SHORT."
        ),
        "orderReference": text("The order it is held for."),
        "status": enum(
            RESERVATION_STATUSES,
            "ACTIVE until released, wholly fulfilled or expired; SHORT when a loss left it "
            "holding nothing (it can then only be released or expire).",
        ),
        "expiresAt": date_time("When it is released by itself; null: never.", nullable=True),
    },
)

ADJUSTMENT = obj(
    "One change of an item's stock: the ledger rows it wrote, one per lot touched.",
    {
        "item": ITEM,
        "changeType": enum(CHANGE_TYPES, "Why stock changed."),
        "operationId": text("Shared by the ledger rows of this change (op_...)."),
        "quantity": quantity("Signed: negative when stock left."),
        "cost": money("The exact value of what moved (positive)."),
        "lots": {
            "type": "array",
            "description": "The lots touched, with the signed quantity and value of each.",
            "items": obj(
                "One ledger row.",
                {
                    "lotId": global_id("InventoryLot", nullable=True),
                    "quantity": quantity("Signed."),
                    "unitCost": money("Per base unit, of the lot."),
                    "value": money("Signed value of the movement."),
                },
            ),
        },
    },
)


def amount(description: str) -> Schema:
    return obj(
        description,
        {
            "amount": decimal("The amount, as entered."),
            "unit": text("The unit it was entered in (a built-in or custom unit's name)."),
        },
    )


def recipe_line(description: str, quantity_name: str, quantity: Schema) -> Schema:
    properties = {"itemId": global_id("InventoryItem", "The line's item"), quantity_name: quantity}
    if quantity_name == "quantity":
        properties["note"] = text("The maker's note on the line.", nullable=True)
    return {"type": "array", "description": description, "items": obj("", properties)}


RECIPE = obj(
    "The recipe version the change made or is about, as `Recipe` in the GraphQL API "
    "(quantities as entered).",
    {
        "id": global_id("Recipe", "This version's ID"),
        "firstVersionId": global_id(
            "Recipe", "The ID of the recipe's version 1, which names the recipe across versions"
        ),
        "version": {"type": "integer", "minimum": 1, "description": "1, 2, 3 ... per recipe."},
        "kind": enum(RECIPE_KINDS, "An original recipe, a variation or a test."),
        "status": enum(RECIPE_STATUSES, "DRAFT (edited in place), PUBLISHED or ARCHIVED."),
        "isCurrent": {"type": "boolean", "description": "The version batches use."},
        "name": text("The recipe's name."),
        "category": text("Free text, shared by the organization's recipes.", nullable=True),
        "labelPrefix": text("Starts the lot codes of its batches.", nullable=True),
        "outputItemId": global_id("InventoryItem", "What the recipe makes"),
        "predictedYield": amount("How much of the output one batch makes."),
        "portioning": {
            **obj(
                "The batch cut into portions; null when not portioned.",
                {
                    "name": text("A portion's name, such as bar."),
                    "count": {"type": "integer", "minimum": 1, "description": "Portions."},
                    "size": amount("One portion."),
                },
            ),
            "type": ["object", "null"],
        },
        "ingredients": recipe_line("The ingredients, in order.", "quantity", amount("Used.")),
        "consumables": recipe_line(
            "Consumables and packaging, in order.", "quantity", amount("Used.")
        ),
        "containers": recipe_line(
            "The containers the output may be filled into.",
            "capacity",
            amount("What one holds, of the output."),
        ),
        "sourceRecipeId": global_id(
            "Recipe", "A variation's or test's exact source version", nullable=True
        ),
    },
)

ORGANIZATION = obj(
    "The organization after the change, as `Organization` in the GraphQL API.",
    {
        "id": global_id("Organization"),
        "name": text("The organization's name."),
        "currencyCode": enum(
            list(CURRENCY_CODES),
            "The ISO 4217 currency of every amount of money in the organization's data.",
        ),
        "costMethod": enum(
            ["FIFO", "AVERAGE"], "How batches cost their lines (each keeps the one at its start)."
        ),
    },
)

BATCH = obj(
    "The batch as the change left it, as `Batch` in the GraphQL API (quantities in the "
    "output item's base unit).",
    {
        "id": global_id("Batch"),
        "label": text(
            "<PREFIX>-<year>-<seq>, unique in the organization (a variation's "
            "sub-label appends its letter and name)."
        ),
        "status": enum(BATCH_STATUSES, "Where the batch is in its life."),
        "recipeId": global_id("Recipe", "The exact recipe version made"),
        "outputItemId": global_id("InventoryItem", "What the batch makes"),
        "costMethod": enum(COST_METHODS, "How its lines are costed, locked at start."),
        "plannedYield": quantity("The predicted yield at its scale.", nullable=True),
        "plannedCost": money("What the recipe at its scale cost to draw at start."),
        "ingredientCost": money("What was drawn, by the cost method."),
        "actualCost": optional_money("Of the finished batch; null before."),
        "forced": {"type": "boolean", "description": "Started with lines skipped, short."},
        "startedAt": date_time("When it started."),
        "parentBatchId": global_id("Batch", "A variation's parent", nullable=True),
    },
)


def batch_lots(description: str, value_description: str) -> Schema:
    return {
        "type": "array",
        "description": description,
        "items": obj(
            "",
            {
                "itemId": global_id("InventoryItem", "The lot's item"),
                "lotId": global_id("InventoryLot"),
                "lotCode": text("The lot's code."),
                "quantity": quantity("In the item's base unit."),
                "value": money(value_description),
            },
        ),
    }


CONSUMED = batch_lots("Every lot drawn, in the order drawn.", "The lot's value taken.")
SKIPPED = {
    "type": "array",
    "description": "Lines a forced start skipped, short of stock.",
    "items": obj(
        "",
        {
            "itemId": global_id("InventoryItem", "The short item"),
            "quantity": quantity("Needed and not drawn."),
        },
    ),
}

PRODUCED = {
    "type": "array",
    "description": "The output lots made: one per container size filled, then the bulk.",
    "items": obj(
        "",
        {
            "lotId": global_id("InventoryLot"),
            "lotCode": text("The (sub-)label for the bulk, <label>-1, -2 ... per container size."),
            "quantity": quantity("Of the output, in its base unit."),
            "cost": money("The lot's share of the batch cost plus its containers' cost."),
            "containerItemId": global_id(
                "InventoryItem", "The container filled; null for the bulk", nullable=True
            ),
            "containerCount": {
                "type": ["integer", "null"],
                "description": "How many containers; null for the bulk.",
            },
            "expiresAt": date_time("When the lot expires; null if it does not.", nullable=True),
        },
    ),
}

CHANGED_FIELDS: Schema = {
    "type": "array",
    "items": {"type": "string"},
    "description": "The GraphQL names of the fields that changed.",
}


SUBSCRIPTION: Schema = obj(
    "As `Subscription` in the GraphQL API (its plan and status), as Stripe reports it now.",
    {
        "organizationId": global_id("Organization"),
        "plan": enum(PLAN_KEYS, "The plan."),
        "status": enum(SUBSCRIPTION_STATUSES, "The subscription's status."),
        "interval": {
            "type": ["string", "null"],
            "enum": ["MONTH", "YEAR", None],
            "description": "The billing interval.",
        },
        "cancelAtPeriodEnd": {"type": "boolean", "description": "Ends at currentPeriodEnd."},
        "currentPeriodEnd": date_time("End of the paid period.", nullable=True),
        "graceEndsAt": date_time("A past-due organization works until then.", nullable=True),
        "restricted": {"type": "boolean", "description": "Changes are on hold until it pays."},
    },
)


def data_schema(title: str, root: Schema) -> Schema:
    return {"$schema": DIALECT, "title": title, **root}


# --- The examples: what a delivery's `data` looks like -------------------------------

_ITEM_ID = to_global_id("InventoryItem", 42)
_LOT_ID = to_global_id("InventoryLot", 7)


def _grams(amount: str) -> dict[str, str]:
    return {"amount": amount, "unit": "g"}


def _item_example(
    on_hand: str, reserved: str = "0", expired: str = "0", **changes: Any
) -> dict[str, Any]:
    available = format(Decimal(on_hand) - Decimal(reserved), "f")
    usable = format(max(Decimal(on_hand) - Decimal(expired) - Decimal(reserved), Decimal(0)), "f")
    return {
        "id": _ITEM_ID,
        "name": "Olive oil",
        "type": "INGREDIENT",
        "baseUnit": "g",
        "onHand": _grams(on_hand),
        "reserved": _grams(reserved),
        "available": _grams(available),
        "usable": _grams(usable),
        "lowStockThreshold": _grams("500"),
        "sku": "OIL-OLIVE-1",
        "barcode": None,
        "archived": False,
        **changes,
    }


_LOT_EXAMPLE = {
    "id": _LOT_ID,
    "itemId": _ITEM_ID,
    "lotCode": "LOT-20261124-8F3K2Q",
    "receivedAt": "2026-11-24T10:00:00+00:00",
    "expiresAt": "2027-11-24T10:00:00+00:00",
    "quantityReceived": _grams("1000"),
    "remaining": _grams("1000"),
    "unitCost": "0.0125",
    "totalCost": "12.5",
    "vendor": "Mediterranean Oils",
}


def _subscription_example(**changes: Any) -> dict[str, Any]:
    example: dict[str, Any] = {
        "organizationId": to_global_id("Organization", 1),
        "plan": "TEAM",
        "status": "ACTIVE",
        "interval": "MONTH",
        "cancelAtPeriodEnd": False,
        "currentPeriodEnd": "2027-01-07T09:30:00+00:00",
        "graceEndsAt": None,
        "restricted": False,
    }
    example.update(changes)
    return example


def _reservation_example(
    status: str = "ACTIVE", fulfilled: str = "0", reserved: str = "200", short: str = "0"
) -> dict[str, Any]:
    return {
        "id": to_global_id("InventoryReservation", 3),
        "itemId": _ITEM_ID,
        "quantity": _grams(reserved),
        "fulfilled": _grams(fulfilled),
        "shortQuantity": _grams(short),
        "remaining": _grams(format(Decimal(reserved) - Decimal(fulfilled) - Decimal(short), "f")),
        "orderReference": "#1001",
        "status": status,
        "expiresAt": "2026-11-25T10:00:00+00:00",
    }


_RECIPE_EXAMPLE: dict[str, Any] = {
    "id": to_global_id("Recipe", 12),
    "firstVersionId": to_global_id("Recipe", 9),
    "version": 2,
    "kind": "ORIGINAL",
    "status": "DRAFT",
    "isCurrent": False,
    "name": "Castile bar",
    "category": "Soap",
    "labelPrefix": "SOAP",
    "outputItemId": to_global_id("InventoryItem", 51),
    "predictedYield": {"amount": "1", "unit": "kg"},
    "portioning": {"name": "bar", "count": 8, "size": {"amount": "125", "unit": "g"}},
    "ingredients": [
        {"itemId": _ITEM_ID, "quantity": {"amount": "3.25", "unit": "cup"}, "note": None},
        {
            "itemId": to_global_id("InventoryItem", 43),
            "quantity": {"amount": "90", "unit": "g"},
            "note": "In 230 g of water",
        },
    ],
    "consumables": [
        {
            "itemId": to_global_id("InventoryItem", 60),
            "quantity": {"amount": "8", "unit": "each"},
            "note": None,
        }
    ],
    "containers": [
        {"itemId": to_global_id("InventoryItem", 61), "capacity": {"amount": "1.2", "unit": "kg"}}
    ],
    "sourceRecipeId": None,
}


def _recipe_example(**changes: Any) -> dict[str, Any]:
    return {**_RECIPE_EXAMPLE, **changes}


_BATCH_EXAMPLE: dict[str, Any] = {
    "id": to_global_id("Batch", 31),
    "label": "SOAP-2026-0101",
    "status": "IN_PROGRESS",
    "recipeId": to_global_id("Recipe", 12),
    "outputItemId": to_global_id("InventoryItem", 51),
    "costMethod": "FIFO",
    "plannedYield": _grams("1000"),
    "plannedCost": "12.5",
    "ingredientCost": "12.5",
    "actualCost": None,
    "forced": False,
    "startedAt": "2026-12-07T09:00:00Z",
    "parentBatchId": None,
}


def _batch_example(**changes: Any) -> dict[str, Any]:
    return {**_BATCH_EXAMPLE, **changes}


_CONSUMED_EXAMPLE = [
    {
        "itemId": _ITEM_ID,
        "lotId": _LOT_ID,
        "lotCode": "LOT-20261124-8F3K2Q",
        "quantity": _grams("700"),
        "value": "8.75",
    },
    {
        "itemId": to_global_id("InventoryItem", 43),
        "lotId": to_global_id("InventoryLot", 8),
        "lotCode": "LYE-0042",
        "quantity": _grams("90"),
        "value": "3.75",
    },
]

EXAMPLES: dict[str, dict[str, Any]] = {
    "inventory.item.created": {"item": _item_example("0")},
    "inventory.item.updated": {
        "item": _item_example("1000", name="Extra virgin olive oil"),
        "changedFields": ["name"],
    },
    "inventory.lot.received": {"lot": _LOT_EXAMPLE, "item": _item_example("1000")},
    "inventory.adjusted": {
        "item": _item_example("750"),
        "changeType": "USE",
        "operationId": "op_5c1b0f3e9a8d4e2f8b7a6c5d4e3f2a1b",
        "quantity": _grams("-250"),
        "cost": "3.125",
        "lots": [
            {"lotId": _LOT_ID, "quantity": _grams("-250"), "unitCost": "0.0125", "value": "-3.125"}
        ],
    },
    "inventory.low_stock": {"item": _item_example("700", expired="300")},
    "inventory.lot.expired": {
        "lot": {**_LOT_EXAMPLE, "remaining": _grams("0")},
        "item": _item_example("0"),
    },
    "inventory.reservation.created": {
        "reservation": _reservation_example(),
        "item": _item_example("1000", reserved="200"),
    },
    "subscription.updated": {
        "subscription": _subscription_example(),
        "changedFields": ["plan", "status"],
    },
    "subscription.payment_failed": {
        "subscription": _subscription_example(
            status="PAST_DUE", graceEndsAt="2026-12-14T09:30:00+00:00"
        ),
        "invoiceId": "in_1QxT4b2eZvKYlo2C0a1b2c3d",
    },
    "organization.updated": {
        "organization": {
            "id": to_global_id("Organization", 1),
            "name": "Lye & Lavender",
            "currencyCode": "EUR",
            "costMethod": "FIFO",
        },
        "changedFields": ["currencyCode"],
    },
    "inventory.reservation.released": {
        "reservation": _reservation_example(status="RELEASED"),
        "item": _item_example("1000"),
    },
    "inventory.reservation.expired": {
        "reservation": _reservation_example(status="EXPIRED"),
        "item": _item_example("1000"),
    },
    "inventory.reservation.fulfilled": {
        "reservation": _reservation_example(fulfilled="150"),
        "quantity": _grams("150"),
        "operationId": "op_7d2e4a1c9b8f4e3d8c7b6a5f4e3d2c1b",
        "item": _item_example("850", reserved="50"),
    },
    "inventory.reservation.shortened": {
        "reservation": _reservation_example(short="80"),
        "quantity": _grams("80"),
        "changeType": "SPOIL",
        "operationId": "op_3a9c1e5b7d2f4a6c8e0b1d3f5a7c9e2b",
        "item": _item_example("120", reserved="120"),
    },
    "recipe.created": {
        "recipe": _recipe_example(
            id=to_global_id("Recipe", 9), version=1, isCurrent=True, portioning=None
        )
    },
    "recipe.updated": {
        "recipe": _recipe_example(),
        "changedFields": ["ingredients"],
        "newVersion": True,
        "promotedFromTestId": None,
    },
    "recipe.published": {
        "recipe": _recipe_example(status="PUBLISHED", isCurrent=True),
        "supersededRecipeId": to_global_id("Recipe", 9),
    },
    "recipe.archived": {"recipe": _recipe_example(status="ARCHIVED")},
    "batch.started": {"batch": _batch_example(), "consumed": _CONSUMED_EXAMPLE, "skipped": []},
    "batch.split": {
        "batch": _batch_example(
            ingredientCost="7.5", plannedCost="7.5", plannedYield=_grams("600")
        ),
        "variations": [
            {
                "batch": _batch_example(
                    id=to_global_id("Batch", 32),
                    label="SOAP-2026-0101A-Lavender",
                    plannedYield=_grams("400"),
                    plannedCost="7",
                    ingredientCost="7",
                    parentBatchId=to_global_id("Batch", 31),
                ),
                "name": "Lavender",
                "percentage": 40,
                "consumed": [
                    {
                        "itemId": to_global_id("InventoryItem", 44),
                        "lotId": to_global_id("InventoryLot", 9),
                        "lotCode": "LAV-7",
                        "quantity": {"amount": "10", "unit": "ml"},
                        "value": "2",
                    }
                ],
            }
        ],
    },
    "batch.finished": {
        "batch": _batch_example(status="FINISHED", actualCost="15.5"),
        "produced": [
            {
                "lotId": to_global_id("InventoryLot", 90),
                "lotCode": "SOAP-2026-0101-1",
                "quantity": _grams("600"),
                "cost": "10.5",
                "containerItemId": to_global_id("InventoryItem", 61),
                "containerCount": 6,
                "expiresAt": "2027-12-07T09:00:00Z",
            },
            {
                "lotId": to_global_id("InventoryLot", 91),
                "lotCode": "SOAP-2026-0101",
                "quantity": _grams("350"),
                "cost": "5",
                "containerItemId": None,
                "containerCount": None,
                "expiresAt": "2027-12-07T09:00:00Z",
            },
        ],
    },
    "batch.cancelled": {
        "batch": _batch_example(status="CANCELLED"),
        "returned": _CONSUMED_EXAMPLE,
    },
    "batch.failed": {
        "batch": _batch_example(status="FAILED", actualCost="12.5"),
        "reason": "Seized in the pot",
        "consumed": _CONSUMED_EXAMPLE,
    },
    "webhook.test": {
        "endpointId": to_global_id("WebhookEndpoint", 5),
        "message": "A test delivery from BatchTrack.",
    },
}

SCHEMAS: dict[str, Schema] = {
    "inventory.item.created": data_schema("inventory.item.created", obj("", {"item": ITEM})),
    "inventory.item.updated": data_schema(
        "inventory.item.updated",
        obj(
            "",
            {"item": ITEM, "changedFields": CHANGED_FIELDS},
        ),
    ),
    "inventory.lot.received": data_schema(
        "inventory.lot.received", obj("", {"lot": LOT, "item": ITEM})
    ),
    "inventory.adjusted": data_schema("inventory.adjusted", ADJUSTMENT),
    "inventory.low_stock": data_schema(
        "inventory.low_stock",
        obj(
            "The item as it fell under its threshold (item.lowStockThreshold).",
            {"item": ITEM},
        ),
    ),
    "inventory.lot.expired": data_schema(
        "inventory.lot.expired", obj("", {"lot": LOT, "item": ITEM})
    ),
    "inventory.reservation.created": data_schema(
        "inventory.reservation.created", obj("", {"reservation": RESERVATION, "item": ITEM})
    ),
    "subscription.updated": data_schema(
        "subscription.updated",
        obj("", {"subscription": SUBSCRIPTION, "changedFields": CHANGED_FIELDS}),
    ),
    "subscription.payment_failed": data_schema(
        "subscription.payment_failed",
        obj(
            "",
            {
                "subscription": SUBSCRIPTION,
                "invoiceId": text("The Stripe invoice whose payment failed."),
            },
        ),
    ),
    "organization.updated": data_schema(
        "organization.updated",
        obj("", {"organization": ORGANIZATION, "changedFields": CHANGED_FIELDS}),
    ),
    "inventory.reservation.released": data_schema(
        "inventory.reservation.released", obj("", {"reservation": RESERVATION, "item": ITEM})
    ),
    "inventory.reservation.expired": data_schema(
        "inventory.reservation.expired", obj("", {"reservation": RESERVATION, "item": ITEM})
    ),
    "inventory.reservation.fulfilled": data_schema(
        "inventory.reservation.fulfilled",
        obj(
            "",
            {
                "reservation": RESERVATION,
                "quantity": quantity("Fulfilled by this call."),
                "operationId": text(
                    "The SALE's operation: the inventory.adjusted event just before this one "
                    "on the item's stream has the lots drawn and the cost."
                ),
                "item": ITEM,
            },
        ),
    ),
    "inventory.reservation.shortened": data_schema(
        "inventory.reservation.shortened",
        obj(
            "",
            {
                "reservation": RESERVATION,
                "quantity": quantity("Taken from it by this loss."),
                "changeType": enum(CHANGE_TYPES, "The loss: a disposal type or RECOUNT."),
                "operationId": text(
                    "The loss's operation: the inventory.adjusted event before this one on "
                    "the item's stream has the lots it took."
                ),
                "item": ITEM,
            },
        ),
    ),
    "recipe.created": data_schema("recipe.created", obj("", {"recipe": RECIPE})),
    "recipe.updated": data_schema(
        "recipe.updated",
        obj(
            "",
            {
                "recipe": RECIPE,
                "changedFields": CHANGED_FIELDS,
                "newVersion": {
                    "type": "boolean",
                    "description": "The change made this version (the recipe was published: "
                    "its versions never change, so an edit makes the next one).",
                },
                "promotedFromTestId": global_id(
                    "Recipe", "The test whose content this is (promoteRecipeTest)", nullable=True
                ),
            },
        ),
    ),
    "recipe.published": data_schema(
        "recipe.published",
        obj(
            "",
            {
                "recipe": RECIPE,
                "supersededRecipeId": global_id(
                    "Recipe", "The version that was current until now", nullable=True
                ),
            },
        ),
    ),
    "recipe.archived": data_schema("recipe.archived", obj("", {"recipe": RECIPE})),
    "batch.started": data_schema(
        "batch.started",
        obj("", {"batch": BATCH, "consumed": CONSUMED, "skipped": SKIPPED}),
    ),
    "batch.split": data_schema(
        "batch.split",
        obj(
            "",
            {
                "batch": BATCH,
                "variations": {
                    "type": "array",
                    "description": "The variations this split made, each a batch of its own.",
                    "items": obj(
                        "",
                        {
                            "batch": BATCH,
                            "name": text("The variation's name, unique in the batch."),
                            "percentage": {
                                "type": "number",
                                "description": "Its share of the batch, in percent.",
                            },
                            "consumed": batch_lots(
                                "Its added ingredients' lots drawn.", "The lot's value taken."
                            ),
                        },
                    ),
                },
            },
        ),
    ),
    "batch.finished": data_schema(
        "batch.finished", obj("", {"batch": BATCH, "produced": PRODUCED})
    ),
    "batch.cancelled": data_schema(
        "batch.cancelled",
        obj(
            "",
            {
                "batch": BATCH,
                "returned": batch_lots(
                    "Every draw given back to the lot it came from (REFUNDED).",
                    "The value returned to the lot: exactly what the draw took.",
                ),
            },
        ),
    ),
    "batch.failed": data_schema(
        "batch.failed",
        obj(
            "",
            {
                "batch": BATCH,
                "reason": text("Why the batch failed, as the maker gave it."),
                "consumed": batch_lots(
                    "The lots drawn, kept: the loss.", "The lot's value taken and lost."
                ),
            },
        ),
    ),
    "webhook.test": data_schema(
        "webhook.test",
        obj(
            "",
            {
                "endpointId": global_id("WebhookEndpoint", "The endpoint the test went to"),
                "message": text("A fixed message."),
            },
        ),
    ),
}
