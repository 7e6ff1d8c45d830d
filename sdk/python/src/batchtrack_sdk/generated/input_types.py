from datetime import datetime
from decimal import Decimal
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import (
    ApiKeyScope,
    BatchStatus,
    BillingInterval,
    CancellationReason,
    CostingMethod,
    CostMethod,
    CurrencyCode,
    InventoryChangeType,
    InventoryItemType,
    PlanKey,
    RecipeStatus,
    Role,
    TemperatureUnit,
)


class AcceptInvitationInput(BaseModel):
    token: str


class AddBatchIngredientsInput(BaseModel):
    batch_id: str = Field(alias="batchId")
    lines: list["BatchIngredientInput"]
    force: bool = False
    "Skip the lines that are short."


class AddOnInput(BaseModel):
    key: str
    quantity: int = 1


class AdjustInventoryInput(BaseModel):
    item_id: str = Field(alias="itemId")
    change_type: InventoryChangeType = Field(alias="changeType")
    "A user change type; the system's ones are refused."
    quantity: Optional["QuantityInput"] = None
    "How much moves (always positive), or for RECOUNT the counted total; not used by COST_OVERRIDE."
    unit_cost: Optional[Decimal] = Field(alias="unitCost", default=None)
    "COST_OVERRIDE: the new cost; RESTOCK, RETURNED: the cost of the stock added (default: the average cost). Per costUnit."
    cost_unit: Optional[str] = Field(alias="costUnit", default=None)
    "The unit unitCost is per; default: the quantity's unit."
    lot_id: Optional[str] = Field(alias="lotId", default=None)
    "Disposal, RETURNED and COST_OVERRIDE may name one lot."
    note: Optional[str] = None
    reference: Optional[str] = None


class ArchiveInventoryItemInput(BaseModel):
    id: str


class BatchFilter(BaseModel):
    status: Optional[BatchStatus] = None
    recipe_id: Optional[str] = Field(alias="recipeId", default=None)
    output_item_id: Optional[str] = Field(alias="outputItemId", default=None)
    include_variations: bool = Field(alias="includeVariations", default=False)
    "A split's variations too (else only under their parent)."


class BatchIngredientInput(BaseModel):
    item_id: str = Field(alias="itemId")
    quantity: "QuantityInput"
    note: Optional[str] = None


class BatchVariationInput(BaseModel):
    name: str
    "Unique in the batch; ends its sub-label."
    percentage: Decimal
    "Its share of the batch (more than 0; the variations of a batch sum to at most 100, the rest stays base)."
    ingredients: list["BatchIngredientInput"] = Field(default_factory=lambda: [])
    "Added to it, drawn FIFO."


class CancelBatchInput(BaseModel):
    id: str


class CancelSubscriptionInput(BaseModel):
    reason: Optional[CancellationReason] = None
    feedback: Optional[str] = None
    "Free text, kept."
    at_period_end: bool = Field(alias="atPeriodEnd", default=True)
    "Keep the plan until the paid period ends (the default)."


class ChangePasswordInput(BaseModel):
    current_password: str = Field(alias="currentPassword")
    new_password: str = Field(alias="newPassword")


class ContainerFillInput(BaseModel):
    """A container size to fill: "20 x 4 oz jars"."""

    item_id: str = Field(alias="itemId")
    "A CONTAINER item with a capacity."
    count: int


class CreateApiKeyInput(BaseModel):
    name: str
    scopes: list[ApiKeyScope]
    "Permissions such as INVENTORY_READ; you can only grant ones you hold."
    expires_at: Optional[datetime] = Field(alias="expiresAt", default=None)
    "When the key stops working (in the future); null: never."


class CreateCheckoutSessionInput(BaseModel):
    plan: PlanKey
    interval: BillingInterval
    add_ons: list["AddOnInput"] = Field(alias="addOns", default_factory=lambda: [])


class CreateCustomUnitInput(BaseModel):
    name: str
    "Unique in the organization ignoring case; not a built-in unit's name."
    defined_as: "QuantityInput" = Field(alias="definedAs")
    "What one of the new unit is, in a built-in or another custom unit."


class CreateInventoryItemInput(BaseModel):
    name: str
    "Unique in the organization, ignoring case."
    type_: InventoryItemType = Field(alias="type")
    base_unit: str = Field(alias="baseUnit")
    "A built-in unit (g, ml, each, mm or a multiple); fixed once stock exists."
    quantity_precision: int = Field(alias="quantityPrecision", default=3)
    "Decimal places of this item's quantities, 0 to 6."
    density: Optional[Decimal] = None
    low_stock_threshold: Optional[Decimal] = Field(
        alias="lowStockThreshold", default=None
    )
    "In the base unit."
    shelf_life_days: Optional[int] = Field(alias="shelfLifeDays", default=None)
    "Sets a received lot's expiry when none is given."
    perishable: bool = False
    default_vendor: Optional[str] = Field(alias="defaultVendor", default=None)
    sku: Optional[str] = None
    "Stock keeping unit, as the shop platforms have it: trimmed, case matters, unique in the organization (SKU_TAKEN); empty or null: none."
    barcode: Optional[str] = None
    "GTIN, UPC, EAN or any code the maker scans: trimmed, unique in the organization (BARCODE_TAKEN); empty or null: none."
    container_capacity: Optional["QuantityInput"] = Field(
        alias="containerCapacity", default=None
    )
    "For containers: what one holds."
    costing_method: CostingMethod = Field(
        alias="costingMethod", default=CostingMethod.FIFO
    )
    lead_time_days: Optional[int] = Field(alias="leadTimeDays", default=None)
    "Days from order to receipt, for reorder suggestions."
    tracked: bool = True
    "False: kept without lots, costed at setUnitCost."
    set_unit_cost: Optional[Decimal] = Field(alias="setUnitCost", default=None)
    "Per base unit, for an untracked item."
    sale_price: Optional[Decimal] = Field(alias="salePrice", default=None)
    "Per base unit."


class CreateRecipeInput(BaseModel):
    name: str
    output_item_id: str = Field(alias="outputItemId")
    "An item of type PRODUCT or INTERMEDIATE."
    predicted_yield: "QuantityInput" = Field(alias="predictedYield")
    "How much of the output one batch makes; converts for the output item."
    category: Optional[str] = None
    notes: Optional[str] = None
    ingredients: list["RecipeLineInput"] = Field(default_factory=lambda: [])
    "Items of type INGREDIENT, INTERMEDIATE or PRODUCT, each once."
    consumables: list["RecipeLineInput"] = Field(default_factory=lambda: [])
    "Items of type CONSUMABLE or PACKAGING, each once."
    containers: list["RecipeContainerInput"] = Field(default_factory=lambda: [])
    "Items of type CONTAINER, each once."
    portioning: Optional["RecipePortioningInput"] = None
    label_prefix: Optional[str] = Field(alias="labelPrefix", default=None)
    "1 to 12 letters A-Z or digits, such as SOAP (upper-cased)."
    steps: list["RecipeStepInput"] = Field(default_factory=lambda: [])
    "The recipe's own steps, in order; a list given replaces them."


class CreateRecipeTestInput(BaseModel):
    source_recipe_id: str = Field(alias="sourceRecipeId")
    "The version to copy the lines of (steps are inherited, not copied)."
    name: Optional[str] = None
    'Default: the source\'s name and " (test)".'
    changes: Optional["RecipeChangesInput"] = None


class CreateRecipeVariationInput(BaseModel):
    source_recipe_id: str = Field(alias="sourceRecipeId")
    "The version to copy the lines of (steps are inherited, not copied)."
    name: str
    changes: Optional["RecipeChangesInput"] = None


class CreateWebhookEndpointInput(BaseModel):
    url: str
    "A public https:// URL."
    event_types: list[str] = Field(alias="eventTypes")
    "Exact types (inventory.adjusted) or prefix wildcards (inventory.*, *)."
    description: Optional[str] = None


class DeleteWebhookEndpointInput(BaseModel):
    id: str


class FailBatchInput(BaseModel):
    id: str
    reason: str
    "Why it failed (up to 2,000 characters)."


class FinishBatchInput(BaseModel):
    id: str
    actual_yield: "QuantityInput" = Field(alias="actualYield")
    "What was made, in any unit that converts to the output item's (more than 0: a batch that made nothing is failed with failBatch)."
    portions: Optional[int] = None
    "At least 1."
    containers: list["ContainerFillInput"] = Field(default_factory=lambda: [])
    "Container sizes to fill, drawn FIFO; the rest of the yield is bulk."


class FulfilReservationInput(BaseModel):
    id: str
    quantity: Optional["QuantityInput"] = None
    "Fulfil this much of it (at most what it holds), leaving the rest reserved; default: all it holds."


class InventoryItemFilter(BaseModel):
    """Which items to list; all conditions must hold."""

    type_: Optional[InventoryItemType] = Field(alias="type", default=None)
    search: Optional[str] = None
    "Part of the name."
    low_stock: Optional[bool] = Field(alias="lowStock", default=None)
    "True: only items under their threshold; false: only not."
    sku: Optional[str] = None
    "The item with exactly this SKU (trimmed; case matters)."
    skus: Optional[list[str]] = None
    "Items with any of these SKUs (at most 250; each trimmed, case matters)."
    barcode: Optional[str] = None
    "The item with exactly this barcode (trimmed)."
    include_archived: bool = Field(alias="includeArchived", default=False)


class InviteMemberInput(BaseModel):
    email: str
    role: Role


class LogInInput(BaseModel):
    email: str
    password: str
    organization_id: Optional[str] = Field(alias="organizationId", default=None)
    "Which organization to act for; the first one if omitted."


class OverrideRecipeStepInput(BaseModel):
    """What replaces an inherited step; fields left out keep the inherited step's."""

    recipe_id: str = Field(alias="recipeId")
    step_key: str = Field(alias="stepKey")
    text: Optional[str] = None
    duration_minutes: Optional[int] = Field(alias="durationMinutes", default=None)
    temperature: Optional["TemperatureInput"] = None
    omitted: bool = False
    "True: leave the step out of this recipe instead."


class PlanBatchInput(BaseModel):
    """A recipe version at a scale: `scale` (2 is twice) or `targetYield` in any unit that converts to the output item's; neither is the recipe as it is."""

    recipe_id: str = Field(alias="recipeId")
    scale: Optional[Decimal] = None
    target_yield: Optional["QuantityInput"] = Field(alias="targetYield", default=None)


class PromoteRecipeTestInput(BaseModel):
    test_id: str = Field(alias="testId")


class QuantityInput(BaseModel):
    """An amount of a unit, such as { amount: "30", unit: "g" }."""

    amount: Decimal
    unit: str
    "A built-in or custom unit name (any case)."


class ReceiveInventoryInput(BaseModel):
    """A purchase: it becomes a lot."""

    item_id: str = Field(alias="itemId")
    quantity: "QuantityInput"
    "In any unit convertible to the item's."
    unit_cost: Optional[Decimal] = Field(alias="unitCost", default=None)
    "Per unit of `quantity`. Give this or totalCost."
    total_cost: Optional[Decimal] = Field(alias="totalCost", default=None)
    "For the whole quantity. Give this or unitCost."
    vendor: Optional[str] = None
    "Default: the item's."
    received_at: Optional[datetime] = Field(alias="receivedAt", default=None)
    "Default: now."
    lot_code: Optional[str] = Field(alias="lotCode", default=None)
    "Unique in the organization; generated (LOT-...) if absent."
    expires_at: Optional[datetime] = Field(alias="expiresAt", default=None)
    "Default: receivedAt + the item's shelf life, if it has one."
    note: Optional[str] = None
    reference: Optional[str] = None
    "A purchase order..."


class RecipeChangesInput(BaseModel):
    """Only the fields given change; a list given replaces the list; null clears an optional field."""

    category: Optional[str] = None
    notes: Optional[str] = None
    output_item_id: Optional[str] = Field(alias="outputItemId", default=None)
    "An item of type PRODUCT or INTERMEDIATE."
    predicted_yield: Optional["QuantityInput"] = Field(
        alias="predictedYield", default=None
    )
    "How much of the output one batch makes; converts for the output item."
    ingredients: Optional[list["RecipeLineInput"]] = None
    "Items of type INGREDIENT, INTERMEDIATE or PRODUCT, each once."
    consumables: Optional[list["RecipeLineInput"]] = None
    "Items of type CONSUMABLE or PACKAGING, each once."
    containers: Optional[list["RecipeContainerInput"]] = None
    "Items of type CONTAINER, each once."
    portioning: Optional["RecipePortioningInput"] = None
    label_prefix: Optional[str] = Field(alias="labelPrefix", default=None)
    "1 to 12 letters A-Z or digits, such as SOAP (upper-cased)."
    steps: Optional[list["RecipeStepInput"]] = None
    "The recipe's own steps, in order; a list given replaces them."


class RecipeContainerInput(BaseModel):
    item_id: str = Field(alias="itemId")
    "An item of type CONTAINER."
    capacity: Optional["QuantityInput"] = None
    "How much of the output one holds, in a unit that converts for the output item; default: the item's containerCapacity."


class RecipeFilter(BaseModel):
    """Which recipes to list (each by its current version)."""

    status: Optional[RecipeStatus] = None
    "Of the current version. Without it, archived ones are left out."
    category: Optional[str] = None
    "Ignoring letter case."
    output_item_id: Optional[str] = Field(alias="outputItemId", default=None)
    search: Optional[str] = None
    "Part of the name."
    include_tests: bool = Field(alias="includeTests", default=False)


class RecipeInput(BaseModel):
    id: str
    "Any version of the recipe."


class RecipeLineInput(BaseModel):
    item_id: str = Field(alias="itemId")
    quantity: "QuantityInput"
    "In any unit that converts for the item: in its own unit at most its quantityPrecision places, 6 places in any."
    note: Optional[str] = None


class RecipePortioningInput(BaseModel):
    name: str
    "One portion's name, such as bar."
    count: int
    size: "QuantityInput"
    "Converts for the output item."


class RecipeStepInput(BaseModel):
    """One of the recipe's own steps."""

    text: str
    key: Optional[str] = None
    "An own step's key, to keep it; none for a new step."
    duration_minutes: Optional[int] = Field(alias="durationMinutes", default=None)
    temperature: Optional["TemperatureInput"] = None
    after: Optional[str] = None
    "A variation's or test's own step: the key of the inherited step it follows; none: at the end."


class RedeliverWebhookInput(BaseModel):
    id: str
    "The ID of the delivery to send again."


class RemoveMemberInput(BaseModel):
    id: str


class ReplayWebhookEventsInput(BaseModel):
    """Every subscribed event created in [since, until), again."""

    endpoint_id: str = Field(alias="endpointId")
    since: datetime
    until: datetime


class RequestPasswordResetInput(BaseModel):
    email: str


class ReservationInput(BaseModel):
    id: str


class ReserveInventoryInput(BaseModel):
    item_id: str = Field(alias="itemId")
    quantity: "QuantityInput"
    order_reference: str = Field(alias="orderReference")
    expires_at: Optional[datetime] = Field(alias="expiresAt", default=None)
    "Released automatically after this time."


class ResetPasswordInput(BaseModel):
    token: str
    "The bt_reset_... token from the email."
    new_password: str = Field(alias="newPassword")


class RevertRecipeStepInput(BaseModel):
    recipe_id: str = Field(alias="recipeId")
    step_key: str = Field(alias="stepKey")


class RevokeApiKeyInput(BaseModel):
    id: str


class RevokeSessionInput(BaseModel):
    id: str


class RotateApiKeyInput(BaseModel):
    id: str
    overlap_seconds: int = Field(alias="overlapSeconds", default=86400)
    "How long the current secret keeps working beside the new one: 0 to 604800 (7 days); a day by default."


class RotateWebhookSecretInput(BaseModel):
    id: str


class SendTestWebhookInput(BaseModel):
    id: str
    "The endpoint's ID."


class SetItemDensityInput(BaseModel):
    item_id: str = Field(alias="itemId")
    density: Optional[Decimal] = None
    "Grams per millilitre, such as 0.91 for olive oil; null clears it."


class SignUpInput(BaseModel):
    email: str
    password: str
    name: str = ""
    organization_name: Optional[str] = Field(alias="organizationName", default=None)
    "Required unless invitationToken is given."
    currency_code: CurrencyCode = Field(alias="currencyCode", default=CurrencyCode.USD)
    "The new organization's currency. With invitationToken it is not used: the organization joined keeps its own."
    invitation_token: Optional[str] = Field(alias="invitationToken", default=None)


class SplitBatchInput(BaseModel):
    id: str
    variations: list["BatchVariationInput"]


class StartBatchInput(BaseModel):
    recipe_id: str = Field(alias="recipeId")
    "The exact version to make."
    scale: Optional[Decimal] = None
    target_yield: Optional["QuantityInput"] = Field(alias="targetYield", default=None)
    force: bool = False
    "Start even if lines are short: those lines are skipped and recorded."


class TemperatureInput(BaseModel):
    value: Decimal
    "Less than 10000, 2 decimal places at most."
    unit: TemperatureUnit


class UpdateInventoryItemInput(BaseModel):
    """Only the fields given change; null clears an optional one."""

    id: str
    name: Optional[str] = None
    type_: Optional[InventoryItemType] = Field(alias="type", default=None)
    base_unit: Optional[str] = Field(alias="baseUnit", default=None)
    quantity_precision: Optional[int] = Field(alias="quantityPrecision", default=None)
    density: Optional[Decimal] = None
    low_stock_threshold: Optional[Decimal] = Field(
        alias="lowStockThreshold", default=None
    )
    shelf_life_days: Optional[int] = Field(alias="shelfLifeDays", default=None)
    perishable: Optional[bool] = None
    default_vendor: Optional[str] = Field(alias="defaultVendor", default=None)
    sku: Optional[str] = None
    "Stock keeping unit, as the shop platforms have it: trimmed, case matters, unique in the organization (SKU_TAKEN); empty or null: none."
    barcode: Optional[str] = None
    "GTIN, UPC, EAN or any code the maker scans: trimmed, unique in the organization (BARCODE_TAKEN); empty or null: none."
    container_capacity: Optional["QuantityInput"] = Field(
        alias="containerCapacity", default=None
    )
    costing_method: Optional[CostingMethod] = Field(alias="costingMethod", default=None)
    lead_time_days: Optional[int] = Field(alias="leadTimeDays", default=None)
    tracked: Optional[bool] = None
    set_unit_cost: Optional[Decimal] = Field(alias="setUnitCost", default=None)
    sale_price: Optional[Decimal] = Field(alias="salePrice", default=None)


class UpdateMemberRoleInput(BaseModel):
    id: str
    role: Role


class UpdateOrganizationInput(BaseModel):
    name: Optional[str] = None
    "Null: unchanged."
    currency_code: Optional[CurrencyCode] = Field(alias="currencyCode", default=None)
    "Null: unchanged. Refused (CURRENCY_LOCKED) once any stock has been received: recorded costs and reports are amounts in the current currency."
    cost_method: Optional[CostMethod] = Field(alias="costMethod", default=None)
    "Null: unchanged. Batches started from now on use it."


class UpdateRecipeInput(BaseModel):
    """Changes the recipe the ID is a version of: its draft, or a new draft version after a published one. Only the fields given change; a list given replaces the list; null clears an optional field."""

    category: Optional[str] = None
    notes: Optional[str] = None
    output_item_id: Optional[str] = Field(alias="outputItemId", default=None)
    "An item of type PRODUCT or INTERMEDIATE."
    predicted_yield: Optional["QuantityInput"] = Field(
        alias="predictedYield", default=None
    )
    "How much of the output one batch makes; converts for the output item."
    ingredients: Optional[list["RecipeLineInput"]] = None
    "Items of type INGREDIENT, INTERMEDIATE or PRODUCT, each once."
    consumables: Optional[list["RecipeLineInput"]] = None
    "Items of type CONSUMABLE or PACKAGING, each once."
    containers: Optional[list["RecipeContainerInput"]] = None
    "Items of type CONTAINER, each once."
    portioning: Optional["RecipePortioningInput"] = None
    label_prefix: Optional[str] = Field(alias="labelPrefix", default=None)
    "1 to 12 letters A-Z or digits, such as SOAP (upper-cased)."
    steps: Optional[list["RecipeStepInput"]] = None
    "The recipe's own steps, in order; a list given replaces them."
    id: str
    name: Optional[str] = None


class UpdateWebhookEndpointInput(BaseModel):
    """Only the fields given change; a null description clears it, other nulls change nothing."""

    id: str
    url: Optional[str] = None
    event_types: Optional[list[str]] = Field(alias="eventTypes", default=None)
    description: Optional[str] = None
    enabled: Optional[bool] = None
    "Enabling clears the disabled reason and the failing state."


class VerifyEmailInput(BaseModel):
    token: str
    "The bt_verify_... token from the email."


class WriteOffExpiredLotsInput(BaseModel):
    item_id: Optional[str] = Field(alias="itemId", default=None)
    "Only this item; default: every item."


AddBatchIngredientsInput.model_rebuild()
AdjustInventoryInput.model_rebuild()
BatchIngredientInput.model_rebuild()
BatchVariationInput.model_rebuild()
CreateCheckoutSessionInput.model_rebuild()
CreateCustomUnitInput.model_rebuild()
CreateInventoryItemInput.model_rebuild()
CreateRecipeInput.model_rebuild()
CreateRecipeTestInput.model_rebuild()
CreateRecipeVariationInput.model_rebuild()
FinishBatchInput.model_rebuild()
FulfilReservationInput.model_rebuild()
OverrideRecipeStepInput.model_rebuild()
PlanBatchInput.model_rebuild()
ReceiveInventoryInput.model_rebuild()
RecipeChangesInput.model_rebuild()
RecipeContainerInput.model_rebuild()
RecipeLineInput.model_rebuild()
RecipePortioningInput.model_rebuild()
RecipeStepInput.model_rebuild()
ReserveInventoryInput.model_rebuild()
SplitBatchInput.model_rebuild()
StartBatchInput.model_rebuild()
UpdateInventoryItemInput.model_rebuild()
UpdateRecipeInput.model_rebuild()
