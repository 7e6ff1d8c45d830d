"""Every userError code the API can answer, what it means, and which domains raise it.

A code is a contract: clients switch over it (the schema exposes each domain's codes as an
enum, `InventoryUserErrorCode` and so on), so a code is added here, never renamed, and a
service can only raise a member of `ErrorCode`. `tests/services/test_error_codes.py` reads
the source to check that every code a domain's operations can raise is listed for that
domain below.
"""

from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    ALREADY_MEMBER = "ALREADY_MEMBER"
    ALREADY_SUBSCRIBED = "ALREADY_SUBSCRIBED"
    API_KEY_REVOKED = "API_KEY_REVOKED"
    BARCODE_TAKEN = "BARCODE_TAKEN"
    BASE_UNIT_LOCKED = "BASE_UNIT_LOCKED"
    BATCH_NOT_IN_PROGRESS = "BATCH_NOT_IN_PROGRESS"
    BILLING_NOT_CONFIGURED = "BILLING_NOT_CONFIGURED"
    BLANK = "BLANK"
    CAPACITY_REQUIRED = "CAPACITY_REQUIRED"
    CONTAINERS_EXCEED_YIELD = "CONTAINERS_EXCEED_YIELD"
    COST_REQUIRED = "COST_REQUIRED"
    CURRENCY_LOCKED = "CURRENCY_LOCKED"
    DUPLICATE_ITEM = "DUPLICATE_ITEM"
    DUPLICATE_STEP = "DUPLICATE_STEP"
    EMAIL_NOT_VERIFIED = "EMAIL_NOT_VERIFIED"
    EMAIL_TAKEN = "EMAIL_TAKEN"
    ENDPOINT_DISABLED = "ENDPOINT_DISABLED"
    EXCEEDS_RESERVATION = "EXCEEDS_RESERVATION"
    EXPIRES_BEFORE_RECEIVED = "EXPIRES_BEFORE_RECEIVED"
    HTTPS_REQUIRED = "HTTPS_REQUIRED"
    INGREDIENTS_REQUIRED = "INGREDIENTS_REQUIRED"
    INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK"
    INVALID = "INVALID"
    INVALID_CHANGE_TYPE = "INVALID_CHANGE_TYPE"
    INVALID_COSTING_METHOD = "INVALID_COSTING_METHOD"
    INVALID_COST_METHOD = "INVALID_COST_METHOD"
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    INVALID_CURRENCY = "INVALID_CURRENCY"
    INVALID_CURSOR = "INVALID_CURSOR"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_EVENT_TYPE = "INVALID_EVENT_TYPE"
    INVALID_ID = "INVALID_ID"
    INVALID_LABEL_PREFIX = "INVALID_LABEL_PREFIX"
    INVALID_PAGINATION = "INVALID_PAGINATION"
    INVALID_PERIOD = "INVALID_PERIOD"
    INVALID_ROLE = "INVALID_ROLE"
    INVALID_SCOPE = "INVALID_SCOPE"
    INVALID_STATUS = "INVALID_STATUS"
    INVALID_TYPE = "INVALID_TYPE"
    INVALID_URL = "INVALID_URL"
    INVITATION_EMAIL_MISMATCH = "INVITATION_EMAIL_MISMATCH"
    INVITATION_EXPIRED = "INVITATION_EXPIRED"
    INVITATION_INVALID = "INVITATION_INVALID"
    IN_THE_FUTURE = "IN_THE_FUTURE"
    IN_THE_PAST = "IN_THE_PAST"
    ITEM_ARCHIVED = "ITEM_ARCHIVED"
    ITEM_TYPE_NOT_ALLOWED = "ITEM_TYPE_NOT_ALLOWED"
    LAST_OWNER = "LAST_OWNER"
    LIMIT_REACHED = "LIMIT_REACHED"
    LOT_CODE_TAKEN = "LOT_CODE_TAKEN"
    LOT_NOT_ALLOWED = "LOT_NOT_ALLOWED"
    NAME_TAKEN = "NAME_TAKEN"
    NEGATIVE = "NEGATIVE"
    NOT_A_SESSION = "NOT_A_SESSION"
    NOT_A_TEST = "NOT_A_TEST"
    NOT_FOUND = "NOT_FOUND"
    NOT_IN_PLAN = "NOT_IN_PLAN"
    NOT_POSITIVE = "NOT_POSITIVE"
    NO_ORGANIZATION = "NO_ORGANIZATION"
    NO_SUBSCRIPTION = "NO_SUBSCRIPTION"
    PLAN_LIMIT_REACHED = "PLAN_LIMIT_REACHED"
    PLAN_NOT_SOLD = "PLAN_NOT_SOLD"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"
    PASSWORD_TOO_WEAK = "PASSWORD_TOO_WEAK"
    PERIOD_TOO_LONG = "PERIOD_TOO_LONG"
    QUANTITY_TOO_PRECISE = "QUANTITY_TOO_PRECISE"
    RECIPE_ARCHIVED = "RECIPE_ARCHIVED"
    RECIPE_CYCLE = "RECIPE_CYCLE"
    RESERVATION_CLOSED = "RESERVATION_CLOSED"
    RESERVATION_EXISTS = "RESERVATION_EXISTS"
    RESERVATION_SHORT = "RESERVATION_SHORT"
    RETURN_EXCEEDS_LOT = "RETURN_EXCEEDS_LOT"
    ROLE_TOO_HIGH = "ROLE_TOO_HIGH"
    SCOPE_NOT_HELD = "SCOPE_NOT_HELD"
    SHADOWS_BUILT_IN = "SHADOWS_BUILT_IN"
    SKU_TAKEN = "SKU_TAKEN"
    SPLIT_OVER_100 = "SPLIT_OVER_100"
    STEP_NOT_INHERITED = "STEP_NOT_INHERITED"
    STEP_NOT_OVERRIDDEN = "STEP_NOT_OVERRIDDEN"
    TOKEN_EXPIRED = "TOKEN_EXPIRED"
    TOKEN_INVALID = "TOKEN_INVALID"
    TOO_LONG = "TOO_LONG"
    TOO_MANY = "TOO_MANY"
    TOO_MANY_EVENTS = "TOO_MANY_EVENTS"
    TOO_PRECISE = "TOO_PRECISE"
    TOO_SHORT = "TOO_SHORT"
    UNIT_CONVERSION_FAILED = "UNIT_CONVERSION_FAILED"
    UNKNOWN_EVENT_TYPE = "UNKNOWN_EVENT_TYPE"
    UNKNOWN_UNIT = "UNKNOWN_UNIT"
    URL_NOT_ALLOWED = "URL_NOT_ALLOWED"


DESCRIPTIONS: dict[ErrorCode, str] = {
    ErrorCode.ALREADY_MEMBER: "The person invited is already a member of the organization.",
    ErrorCode.ALREADY_SUBSCRIBED: (
        "The organization has a subscription; change it in the billing portal."
    ),
    ErrorCode.BARCODE_TAKEN: "Another item of the organization has this barcode.",
    ErrorCode.BASE_UNIT_LOCKED: (
        "The item's base unit cannot change once it has stock history; create a new item."
    ),
    ErrorCode.BATCH_NOT_IN_PROGRESS: (
        "The batch is finished, cancelled or failed: only a batch in progress takes this."
    ),
    ErrorCode.BILLING_NOT_CONFIGURED: (
        "Billing is not configured on this server (no Stripe settings): every organization "
        "runs on the local plan."
    ),
    ErrorCode.BLANK: "A required value is missing or empty.",
    ErrorCode.CAPACITY_REQUIRED: (
        "A container needs a capacity: give one, or set the item's containerCapacity."
    ),
    ErrorCode.CONTAINERS_EXCEED_YIELD: (
        "The containers to fill hold more than the batch made; fill fewer (the rest of a "
        "yield goes to bulk)."
    ),
    ErrorCode.COST_REQUIRED: "A purchase or revaluation needs its cost (unitCost or totalCost).",
    ErrorCode.CURRENCY_LOCKED: "The currency cannot change once stock has been valued in it.",
    ErrorCode.DUPLICATE_ITEM: (
        "The same item appears twice in a recipe's lines; each item may appear once."
    ),
    ErrorCode.DUPLICATE_STEP: "The same step key appears twice in a recipe's steps.",
    ErrorCode.EMAIL_TAKEN: "An account with this email exists; log in instead.",
    ErrorCode.ENDPOINT_DISABLED: "The webhook endpoint is disabled; enable it first.",
    ErrorCode.EXCEEDS_RESERVATION: "More than the reservation holds was asked of it.",
    ErrorCode.EXPIRES_BEFORE_RECEIVED: "A lot's expiry must come after its receipt.",
    ErrorCode.HTTPS_REQUIRED: "The URL must use https.",
    ErrorCode.INGREDIENTS_REQUIRED: (
        "A recipe needs at least one ingredient line before it is published."
    ),
    ErrorCode.INSUFFICIENT_STOCK: (
        "Less stock is available than the change needs; the payload's `shortages` say how "
        "much of each item was asked for and was available."
    ),
    ErrorCode.INVALID: "The value is not acceptable as given (the message says why).",
    ErrorCode.INVALID_CHANGE_TYPE: "The change type is unknown or not allowed here.",
    ErrorCode.INVALID_COSTING_METHOD: "The costing method is not FIFO or FEFO.",
    ErrorCode.INVALID_COST_METHOD: "The organization's cost method is not FIFO or AVERAGE.",
    ErrorCode.INVALID_CREDENTIALS: "The email or password is not correct.",
    ErrorCode.INVALID_CURRENCY: "The currency is not an active ISO 4217 code.",
    ErrorCode.INVALID_CURSOR: "The cursor does not belong to this list.",
    ErrorCode.INVALID_EMAIL: "The email address is not of the form name@example.com.",
    ErrorCode.INVALID_EVENT_TYPE: "The event type filter is malformed.",
    ErrorCode.INVALID_ID: "The ID is malformed or names another type of object.",
    ErrorCode.INVALID_LABEL_PREFIX: "A label prefix is 1 to 12 letters A-Z or digits (SOAP).",
    ErrorCode.INVALID_PAGINATION: "The page arguments contradict each other or are out of range.",
    ErrorCode.INVALID_PERIOD: "The period ends before it begins.",
    ErrorCode.INVALID_ROLE: "The role is not one of the roles.",
    ErrorCode.INVALID_SCOPE: "The scope is not one of the ApiKeyScope values.",
    ErrorCode.INVALID_STATUS: "The status is not one of the allowed statuses.",
    ErrorCode.INVALID_TYPE: "The item type is not one of the item types.",
    ErrorCode.INVALID_URL: "The URL is not an absolute http(s) URL without credentials.",
    ErrorCode.INVITATION_EMAIL_MISMATCH: "The invitation was sent to another email address.",
    ErrorCode.INVITATION_EXPIRED: "The invitation has expired; ask for a new one.",
    ErrorCode.INVITATION_INVALID: "The invitation token is not valid.",
    ErrorCode.IN_THE_FUTURE: "The time may not be in the future.",
    ErrorCode.IN_THE_PAST: "The time must be in the future.",
    ErrorCode.ITEM_ARCHIVED: "The item is archived and takes no new stock.",
    ErrorCode.ITEM_TYPE_NOT_ALLOWED: (
        "The item's type is not allowed in this place of a recipe (the message says which "
        "types are)."
    ),
    ErrorCode.LAST_OWNER: "The organization needs at least one owner.",
    ErrorCode.LIMIT_REACHED: "The organization has as many of these as it may have.",
    ErrorCode.LOT_CODE_TAKEN: "The item already has a lot with this code.",
    ErrorCode.LOT_NOT_ALLOWED: "A lot can be named only for disposals and returns.",
    ErrorCode.NAME_TAKEN: "Another object of the organization has this name.",
    ErrorCode.NEGATIVE: "The value cannot be negative.",
    ErrorCode.NOT_A_SESSION: "The operation needs a user session, not an API key.",
    ErrorCode.NOT_A_TEST: "Only a recipe test (createRecipeTest) can be promoted.",
    ErrorCode.NOT_FOUND: "Nothing with this ID exists in the organization.",
    ErrorCode.NOT_IN_PLAN: (
        "The organization's plan does not include this feature; upgrade the plan or buy "
        "the add-on that does."
    ),
    ErrorCode.NOT_POSITIVE: "The value must be greater than zero.",
    ErrorCode.NO_ORGANIZATION: "The account belongs to no organization.",
    ErrorCode.NO_SUBSCRIPTION: "The organization has no paid subscription to change.",
    ErrorCode.PLAN_LIMIT_REACHED: (
        "The organization's plan allows no more of these (the message gives the limit and "
        "the usage); upgrade the plan or buy an add-on."
    ),
    ErrorCode.PLAN_NOT_SOLD: "The plan, interval or add-on is not one that is sold.",
    ErrorCode.OUT_OF_RANGE: "The number is outside the range the field allows.",
    ErrorCode.PASSWORD_TOO_SHORT: "The password is shorter than the minimum length.",
    ErrorCode.API_KEY_REVOKED: "The API key is revoked; create a new one instead.",
    ErrorCode.TOKEN_EXPIRED: ("The token has expired; ask for a new one."),
    ErrorCode.TOKEN_INVALID: ("The token is not valid or has been used already."),
    ErrorCode.EMAIL_NOT_VERIFIED: (
        "Verify your email address first (verifyEmail, with the token sent at sign-up)."
    ),
    ErrorCode.PASSWORD_TOO_WEAK: (
        "The password is easy to guess; the message gives the estimator's advice."
    ),
    ErrorCode.PERIOD_TOO_LONG: "The period is longer than one report may span.",
    ErrorCode.QUANTITY_TOO_PRECISE: (
        "A quantity in the item's own unit has more decimal places than its precision."
    ),
    ErrorCode.RECIPE_ARCHIVED: (
        "The recipe is archived: it no longer changes, nor takes variations or tests."
    ),
    ErrorCode.RECIPE_CYCLE: (
        "The recipe would use its own output as an ingredient, directly or through the "
        "recipes of its intermediates."
    ),
    ErrorCode.RESERVATION_CLOSED: "The reservation is no longer active.",
    ErrorCode.RESERVATION_EXISTS: (
        "The order already has an open (ACTIVE or SHORT) reservation of this item; fulfil "
        "or release it."
    ),
    ErrorCode.RESERVATION_SHORT: (
        "The reservation is SHORT: the stock it held was lost, so it holds nothing to "
        "fulfil; release it."
    ),
    ErrorCode.RETURN_EXCEEDS_LOT: "A return gives a lot back more than it ever held.",
    ErrorCode.ROLE_TOO_HIGH: "A member cannot grant a role above their own.",
    ErrorCode.SCOPE_NOT_HELD: "An API key cannot get a scope its creator does not hold.",
    ErrorCode.SHADOWS_BUILT_IN: "A custom unit cannot take the name of a built-in unit.",
    ErrorCode.SKU_TAKEN: "Another item of the organization has this SKU.",
    ErrorCode.SPLIT_OVER_100: (
        "A batch's variations would take more than 100 % of it; the rest of a split stays base."
    ),
    ErrorCode.STEP_NOT_INHERITED: (
        "The step is the recipe's own, not inherited from its source: change it with updateRecipe."
    ),
    ErrorCode.STEP_NOT_OVERRIDDEN: "The recipe has no override of this step to revert.",
    ErrorCode.TOO_LONG: "The text is longer than the field allows.",
    ErrorCode.TOO_MANY: "The list has more entries than the field allows.",
    ErrorCode.TOO_MANY_EVENTS: "The replay covers more events than one replay may send.",
    ErrorCode.TOO_PRECISE: "The number has more decimal places than the field allows.",
    ErrorCode.TOO_SHORT: "The text is shorter than the field allows.",
    ErrorCode.UNIT_CONVERSION_FAILED: (
        "The units cannot be converted into each other (a volume and a mass need a density)."
    ),
    ErrorCode.UNKNOWN_EVENT_TYPE: "The webhook event type is not in the event catalog.",
    ErrorCode.UNKNOWN_UNIT: "The unit is neither built in nor one of the organization's.",
    ErrorCode.URL_NOT_ALLOWED: "The URL resolves to a private or reserved address.",
}

# Codes any operation can answer: input rules shared by every domain (services/validation,
# services/pagination, resolvers/ids, and the event-type and currency rules of
# services/events and services/currencies, which several domains use).
_SHARED = frozenset(
    {
        ErrorCode.BLANK,
        ErrorCode.INVALID_CURRENCY,
        ErrorCode.INVALID_EVENT_TYPE,
        ErrorCode.INVALID,
        ErrorCode.INVALID_CURSOR,
        ErrorCode.INVALID_EMAIL,
        ErrorCode.INVALID_ID,
        ErrorCode.INVALID_PAGINATION,
        ErrorCode.NOT_FOUND,
        ErrorCode.TOO_LONG,
        ErrorCode.TOO_MANY,
        ErrorCode.TOO_SHORT,
    }
)

# Numbers and units enter inventory through the units domain's conversions.
_UNITS = _SHARED | {
    ErrorCode.LIMIT_REACHED,
    ErrorCode.NAME_TAKEN,
    ErrorCode.NOT_POSITIVE,
    ErrorCode.OUT_OF_RANGE,
    ErrorCode.SHADOWS_BUILT_IN,
    ErrorCode.TOO_PRECISE,
    ErrorCode.UNIT_CONVERSION_FAILED,
    ErrorCode.UNKNOWN_UNIT,
}

DOMAIN_ERROR_CODES: dict[str, frozenset[ErrorCode]] = {
    "accounts": _SHARED
    | {
        ErrorCode.ALREADY_MEMBER,
        ErrorCode.CURRENCY_LOCKED,
        ErrorCode.EMAIL_TAKEN,
        ErrorCode.INVALID_COST_METHOD,
        ErrorCode.INVALID_CREDENTIALS,
        ErrorCode.INVALID_ROLE,
        ErrorCode.INVALID_SCOPE,
        ErrorCode.INVITATION_EMAIL_MISMATCH,
        ErrorCode.INVITATION_EXPIRED,
        ErrorCode.INVITATION_INVALID,
        ErrorCode.LAST_OWNER,
        ErrorCode.LIMIT_REACHED,
        ErrorCode.NO_ORGANIZATION,
        ErrorCode.PLAN_LIMIT_REACHED,
        ErrorCode.NOT_A_SESSION,
        ErrorCode.PASSWORD_TOO_SHORT,
        ErrorCode.PASSWORD_TOO_WEAK,
        ErrorCode.API_KEY_REVOKED,
        ErrorCode.OUT_OF_RANGE,
        ErrorCode.EMAIL_NOT_VERIFIED,
        ErrorCode.TOKEN_INVALID,
        ErrorCode.TOKEN_EXPIRED,
        ErrorCode.ROLE_TOO_HIGH,
        ErrorCode.SCOPE_NOT_HELD,
    },
    "units": _UNITS,
    "inventory": _UNITS
    | {
        ErrorCode.BARCODE_TAKEN,
        ErrorCode.BASE_UNIT_LOCKED,
        ErrorCode.COST_REQUIRED,
        ErrorCode.EXCEEDS_RESERVATION,
        ErrorCode.EXPIRES_BEFORE_RECEIVED,
        ErrorCode.INSUFFICIENT_STOCK,
        ErrorCode.INVALID_CHANGE_TYPE,
        ErrorCode.INVALID_COSTING_METHOD,
        ErrorCode.INVALID_PERIOD,
        ErrorCode.INVALID_STATUS,
        ErrorCode.INVALID_TYPE,
        ErrorCode.IN_THE_FUTURE,
        ErrorCode.IN_THE_PAST,
        ErrorCode.ITEM_ARCHIVED,
        ErrorCode.LOT_CODE_TAKEN,
        ErrorCode.LOT_NOT_ALLOWED,
        ErrorCode.NEGATIVE,
        ErrorCode.NOT_IN_PLAN,
        ErrorCode.PERIOD_TOO_LONG,
        ErrorCode.PLAN_LIMIT_REACHED,
        ErrorCode.QUANTITY_TOO_PRECISE,
        ErrorCode.RESERVATION_CLOSED,
        ErrorCode.RESERVATION_EXISTS,
        ErrorCode.RESERVATION_SHORT,
        ErrorCode.RETURN_EXCEEDS_LOT,
        ErrorCode.SKU_TAKEN,
    },
    # A recipe's quantities are checked by inventory's quantity rule (the item's own unit
    # keeps its precision, another unit converts), over the units domain's conversions.
    "recipes": _UNITS
    | {
        ErrorCode.CAPACITY_REQUIRED,
        ErrorCode.DUPLICATE_ITEM,
        ErrorCode.DUPLICATE_STEP,
        ErrorCode.INGREDIENTS_REQUIRED,
        ErrorCode.INVALID_LABEL_PREFIX,
        ErrorCode.ITEM_TYPE_NOT_ALLOWED,
        ErrorCode.NOT_A_TEST,
        ErrorCode.PLAN_LIMIT_REACHED,
        ErrorCode.QUANTITY_TOO_PRECISE,
        ErrorCode.RECIPE_ARCHIVED,
        ErrorCode.RECIPE_CYCLE,
        ErrorCode.STEP_NOT_INHERITED,
        ErrorCode.STEP_NOT_OVERRIDDEN,
    },
    # A batch's quantities are checked by inventory's quantity rule; its recipe's scale
    # and yield by the recipes' scaling.
    "batches": _UNITS
    | {
        ErrorCode.BATCH_NOT_IN_PROGRESS,
        ErrorCode.CAPACITY_REQUIRED,
        ErrorCode.CONTAINERS_EXCEED_YIELD,
        ErrorCode.DUPLICATE_ITEM,
        ErrorCode.INSUFFICIENT_STOCK,
        ErrorCode.QUANTITY_TOO_PRECISE,
        ErrorCode.RECIPE_ARCHIVED,
        ErrorCode.SPLIT_OVER_100,
    },
    "webhooks": _SHARED
    | {
        ErrorCode.ENDPOINT_DISABLED,
        ErrorCode.HTTPS_REQUIRED,
        ErrorCode.INVALID_PERIOD,
        ErrorCode.INVALID_URL,
        ErrorCode.LIMIT_REACHED,
        ErrorCode.PLAN_LIMIT_REACHED,
        ErrorCode.TOO_MANY_EVENTS,
        ErrorCode.UNKNOWN_EVENT_TYPE,
        ErrorCode.URL_NOT_ALLOWED,
    },
    "billing": _SHARED
    | {
        ErrorCode.ALREADY_SUBSCRIBED,
        ErrorCode.BILLING_NOT_CONFIGURED,
        ErrorCode.NO_SUBSCRIPTION,
        ErrorCode.NOT_IN_PLAN,
        ErrorCode.OUT_OF_RANGE,
        ErrorCode.PLAN_LIMIT_REACHED,
        ErrorCode.PLAN_NOT_SOLD,
    },
}
