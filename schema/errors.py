"""userErrors: one interface, and per domain a type whose `code` is that domain's enum of
stable codes (as Shopify's `...UserErrorCode` enums), so a generated client can switch
over every code an operation can answer."""

from __future__ import annotations

from enum import Enum, EnumMeta
from typing import Any, cast

import strawberry

from services.error_codes import DESCRIPTIONS, DOMAIN_ERROR_CODES, ErrorCode


@strawberry.interface(
    description=(
        "Something the caller can fix. `field` is the path to the input field at fault. "
        "Each domain's error type adds `code`, an enum of stable codes safe to branch on."
    )
)
class UserError:
    field: list[str] | None
    message: str


def _code_enum(domain: str, type_name: str) -> Any:
    """The schema enum of the codes `domain`'s operations can answer, each described."""
    members = {
        code.name: strawberry.enum_value(code.value, description=DESCRIPTIONS[code])
        for code in sorted(DOMAIN_ERROR_CODES[domain])
    }
    codes = cast(EnumMeta, Enum(f"{type_name}Code", members))
    return strawberry.enum(
        codes,
        description=f"Every code a userError of the {domain} operations can carry.",
    )


AccountUserErrorCode = _code_enum("accounts", "AccountUserError")
UnitUserErrorCode = _code_enum("units", "UnitUserError")
InventoryUserErrorCode = _code_enum("inventory", "InventoryUserError")
RecipeUserErrorCode = _code_enum("recipes", "RecipeUserError")
BatchUserErrorCode = _code_enum("batches", "BatchUserError")
WebhookUserErrorCode = _code_enum("webhooks", "WebhookUserError")
BillingUserErrorCode = _code_enum("billing", "BillingUserError")


@strawberry.type(description="A userError of the account, member and API key operations.")
class AccountUserError(UserError):
    code: AccountUserErrorCode  # type: ignore[valid-type]


@strawberry.type(description="A userError of the unit operations.")
class UnitUserError(UserError):
    code: UnitUserErrorCode  # type: ignore[valid-type]


@strawberry.type(description="A userError of the inventory operations.")
class InventoryUserError(UserError):
    code: InventoryUserErrorCode  # type: ignore[valid-type]


@strawberry.type(description="A userError of the recipe operations.")
class RecipeUserError(UserError):
    code: RecipeUserErrorCode  # type: ignore[valid-type]


@strawberry.type(description="A userError of the batch operations.")
class BatchUserError(UserError):
    code: BatchUserErrorCode  # type: ignore[valid-type]


@strawberry.type(description="A userError of the webhook operations.")
class WebhookUserError(UserError):
    code: WebhookUserErrorCode  # type: ignore[valid-type]


@strawberry.type(description="A userError of the billing operations.")
class BillingUserError(UserError):
    code: BillingUserErrorCode  # type: ignore[valid-type]


# The concrete userError type of each schema type name, for the resolvers that build them.
USER_ERROR_TYPES: dict[str, tuple[type[UserError], frozenset[ErrorCode]]] = {
    "AccountUserError": (AccountUserError, DOMAIN_ERROR_CODES["accounts"]),
    "UnitUserError": (UnitUserError, DOMAIN_ERROR_CODES["units"]),
    "InventoryUserError": (InventoryUserError, DOMAIN_ERROR_CODES["inventory"]),
    "RecipeUserError": (RecipeUserError, DOMAIN_ERROR_CODES["recipes"]),
    "BatchUserError": (BatchUserError, DOMAIN_ERROR_CODES["batches"]),
    "WebhookUserError": (WebhookUserError, DOMAIN_ERROR_CODES["webhooks"]),
    "BillingUserError": (BillingUserError, DOMAIN_ERROR_CODES["billing"]),
}
