from datetime import datetime
from decimal import Decimal
from typing import Any, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import (
    ApiKeyScope,
    BatchLineKind,
    BatchStatus,
    CostingMethod,
    CostMethod,
    CurrencyCode,
    InventoryChangeType,
    InventoryItemType,
    RecipeKind,
    RecipeStatus,
    ReservationStatus,
    Role,
    TemperatureUnit,
    WebhookAttemptOutcome,
    WebhookDeliveryStatus,
    WebhookEndpointDisabledReason,
)


class ApiKeyFields(BaseModel):
    id: str
    name: str
    prefix: str
    scopes: list[ApiKeyScope]
    created_at: datetime = Field(alias="createdAt")
    last_used_at: Optional[datetime] = Field(alias="lastUsedAt")
    revoked_at: Optional[datetime] = Field(alias="revokedAt")


class MoneyFields(BaseModel):
    amount: Decimal
    currency_code: CurrencyCode = Field(alias="currencyCode")


class QuantityFields(BaseModel):
    amount: Decimal
    unit: str


class BatchFields(BaseModel):
    id: str
    label: str
    status: BatchStatus
    cost_method: CostMethod = Field(alias="costMethod")
    factor: Decimal
    planned_yield: Optional["BatchFieldsPlannedYield"] = Field(alias="plannedYield")
    planned_portions: Optional[Decimal] = Field(alias="plannedPortions")
    planned_cost: "BatchFieldsPlannedCost" = Field(alias="plannedCost")
    ingredient_cost: "BatchFieldsIngredientCost" = Field(alias="ingredientCost")
    actual_cost: Optional["BatchFieldsActualCost"] = Field(alias="actualCost")
    forced: bool
    shortage_summary: Optional[str] = Field(alias="shortageSummary")
    started_at: datetime = Field(alias="startedAt")
    finished_at: Optional[datetime] = Field(alias="finishedAt")
    cancelled_at: Optional[datetime] = Field(alias="cancelledAt")
    failed_at: Optional[datetime] = Field(alias="failedAt")
    failure_reason: Optional[str] = Field(alias="failureReason")
    actual_yield: Optional["BatchFieldsActualYield"] = Field(alias="actualYield")
    portions: Optional[int]
    variation_name: Optional[str] = Field(alias="variationName")
    percentage: Optional[Decimal]
    recipe: "BatchFieldsRecipe"
    output_item: "BatchFieldsOutputItem" = Field(alias="outputItem")
    consumption: list["BatchFieldsConsumption"]
    outputs: list["BatchFieldsOutputs"]
    comparison: "BatchFieldsComparison"
    parent: Optional["BatchFieldsParent"]
    variations: list["BatchFieldsVariations"]


class BatchFieldsPlannedYield(QuantityFields):
    pass


class BatchFieldsPlannedCost(MoneyFields):
    pass


class BatchFieldsIngredientCost(MoneyFields):
    pass


class BatchFieldsActualCost(MoneyFields):
    pass


class BatchFieldsActualYield(QuantityFields):
    pass


class BatchFieldsRecipe(BaseModel):
    id: str


class BatchFieldsOutputItem(BaseModel):
    id: str


class BatchFieldsConsumption(BaseModel):
    position: int
    kind: BatchLineKind
    needed: "BatchFieldsConsumptionNeeded"
    drawn: "BatchFieldsConsumptionDrawn"
    skipped: "BatchFieldsConsumptionSkipped"
    cost: "BatchFieldsConsumptionCost"
    tracked: bool
    note: Optional[str]
    draws: list["BatchFieldsConsumptionDraws"]
    item: "BatchFieldsConsumptionItem"


class BatchFieldsConsumptionNeeded(QuantityFields):
    pass


class BatchFieldsConsumptionDrawn(QuantityFields):
    pass


class BatchFieldsConsumptionSkipped(QuantityFields):
    pass


class BatchFieldsConsumptionCost(MoneyFields):
    pass


class BatchFieldsConsumptionDraws(BaseModel):
    quantity: "BatchFieldsConsumptionDrawsQuantity"
    value: "BatchFieldsConsumptionDrawsValue"
    lot: "BatchFieldsConsumptionDrawsLot"


class BatchFieldsConsumptionDrawsQuantity(QuantityFields):
    pass


class BatchFieldsConsumptionDrawsValue(MoneyFields):
    pass


class BatchFieldsConsumptionDrawsLot(BaseModel):
    id: str


class BatchFieldsConsumptionItem(BaseModel):
    id: str


class BatchFieldsOutputs(BaseModel):
    quantity: "BatchFieldsOutputsQuantity"
    cost: "BatchFieldsOutputsCost"
    container_count: Optional[int] = Field(alias="containerCount")
    container_cost: "BatchFieldsOutputsContainerCost" = Field(alias="containerCost")
    lot: "BatchFieldsOutputsLot"
    container: Optional["BatchFieldsOutputsContainer"]


class BatchFieldsOutputsQuantity(QuantityFields):
    pass


class BatchFieldsOutputsCost(MoneyFields):
    pass


class BatchFieldsOutputsContainerCost(MoneyFields):
    pass


class BatchFieldsOutputsLot(BaseModel):
    id: str


class BatchFieldsOutputsContainer(BaseModel):
    id: str


class BatchFieldsComparison(BaseModel):
    planned_cost: "BatchFieldsComparisonPlannedCost" = Field(alias="plannedCost")
    actual_cost: Optional["BatchFieldsComparisonActualCost"] = Field(alias="actualCost")
    planned_yield: Optional["BatchFieldsComparisonPlannedYield"] = Field(
        alias="plannedYield"
    )
    actual_yield: Optional["BatchFieldsComparisonActualYield"] = Field(
        alias="actualYield"
    )
    yield_variance_percent: Optional[Decimal] = Field(alias="yieldVariancePercent")
    cost_per_output_unit: Optional["BatchFieldsComparisonCostPerOutputUnit"] = Field(
        alias="costPerOutputUnit"
    )
    cost_per_portion: Optional["BatchFieldsComparisonCostPerPortion"] = Field(
        alias="costPerPortion"
    )
    sale_value: Optional["BatchFieldsComparisonSaleValue"] = Field(alias="saleValue")
    margin: Optional["BatchFieldsComparisonMargin"]
    margin_percent: Optional[Decimal] = Field(alias="marginPercent")


class BatchFieldsComparisonPlannedCost(MoneyFields):
    pass


class BatchFieldsComparisonActualCost(MoneyFields):
    pass


class BatchFieldsComparisonPlannedYield(QuantityFields):
    pass


class BatchFieldsComparisonActualYield(QuantityFields):
    pass


class BatchFieldsComparisonCostPerOutputUnit(MoneyFields):
    pass


class BatchFieldsComparisonCostPerPortion(MoneyFields):
    pass


class BatchFieldsComparisonSaleValue(MoneyFields):
    pass


class BatchFieldsComparisonMargin(MoneyFields):
    pass


class BatchFieldsParent(BaseModel):
    id: str


class BatchFieldsVariations(BaseModel):
    id: str


class EventFields(BaseModel):
    id: str
    event_id: str = Field(alias="eventId")
    type_: str = Field(alias="type")
    entity_type: str = Field(alias="entityType")
    entity_id: str = Field(alias="entityId")
    sequence: int
    api_version: str = Field(alias="apiVersion")
    created_at: datetime = Field(alias="createdAt")
    position: int
    data: Any
    organization_id: str = Field(alias="organizationId")


class InventoryItemFields(BaseModel):
    id: str
    name: str
    type_: InventoryItemType = Field(alias="type")
    base_unit: str = Field(alias="baseUnit")
    quantity_precision: int = Field(alias="quantityPrecision")
    density: Optional[Decimal]
    low_stock_threshold: Optional["InventoryItemFieldsLowStockThreshold"] = Field(
        alias="lowStockThreshold"
    )
    shelf_life_days: Optional[int] = Field(alias="shelfLifeDays")
    perishable: bool
    default_vendor: Optional[str] = Field(alias="defaultVendor")
    sku: Optional[str]
    barcode: Optional[str]
    container_capacity: Optional["InventoryItemFieldsContainerCapacity"] = Field(
        alias="containerCapacity"
    )
    costing_method: CostingMethod = Field(alias="costingMethod")
    lead_time_days: Optional[int] = Field(alias="leadTimeDays")
    archived: bool
    archived_at: Optional[datetime] = Field(alias="archivedAt")
    created_at: datetime = Field(alias="createdAt")
    updated_at: datetime = Field(alias="updatedAt")
    on_hand: "InventoryItemFieldsOnHand" = Field(alias="onHand")
    reserved: "InventoryItemFieldsReserved"
    available: "InventoryItemFieldsAvailable"
    stock_value: "InventoryItemFieldsStockValue" = Field(alias="stockValue")
    average_cost_per_unit: Optional["InventoryItemFieldsAverageCostPerUnit"] = Field(
        alias="averageCostPerUnit"
    )
    low_stock_since: Optional[datetime] = Field(alias="lowStockSince")
    usable: "InventoryItemFieldsUsable"
    is_low_stock: bool = Field(alias="isLowStock")


class InventoryItemFieldsLowStockThreshold(QuantityFields):
    pass


class InventoryItemFieldsContainerCapacity(QuantityFields):
    pass


class InventoryItemFieldsOnHand(QuantityFields):
    pass


class InventoryItemFieldsReserved(QuantityFields):
    pass


class InventoryItemFieldsAvailable(QuantityFields):
    pass


class InventoryItemFieldsStockValue(MoneyFields):
    pass


class InventoryItemFieldsAverageCostPerUnit(MoneyFields):
    pass


class InventoryItemFieldsUsable(QuantityFields):
    pass


class InventoryLedgerEntryFields(BaseModel):
    id: str
    operation_id: str = Field(alias="operationId")
    change_type: InventoryChangeType = Field(alias="changeType")
    quantity: "InventoryLedgerEntryFieldsQuantity"
    unit_cost: "InventoryLedgerEntryFieldsUnitCost" = Field(alias="unitCost")
    value: "InventoryLedgerEntryFieldsValue"
    on_hand_after: "InventoryLedgerEntryFieldsOnHandAfter" = Field(alias="onHandAfter")
    value_after: "InventoryLedgerEntryFieldsValueAfter" = Field(alias="valueAfter")
    note: Optional[str]
    reference: Optional[str]
    actor_user_id: Optional[str] = Field(alias="actorUserId")
    actor_api_key_id: Optional[str] = Field(alias="actorApiKeyId")
    created_at: datetime = Field(alias="createdAt")
    item: "InventoryLedgerEntryFieldsItem"
    lot: Optional["InventoryLedgerEntryFieldsLot"]


class InventoryLedgerEntryFieldsQuantity(QuantityFields):
    pass


class InventoryLedgerEntryFieldsUnitCost(MoneyFields):
    pass


class InventoryLedgerEntryFieldsValue(MoneyFields):
    pass


class InventoryLedgerEntryFieldsOnHandAfter(QuantityFields):
    pass


class InventoryLedgerEntryFieldsValueAfter(MoneyFields):
    pass


class InventoryLedgerEntryFieldsItem(BaseModel):
    id: str


class InventoryLedgerEntryFieldsLot(BaseModel):
    id: str


class InventoryReservationFields(BaseModel):
    id: str
    quantity: "InventoryReservationFieldsQuantity"
    fulfilled: "InventoryReservationFieldsFulfilled"
    short_quantity: "InventoryReservationFieldsShortQuantity" = Field(
        alias="shortQuantity"
    )
    remaining: "InventoryReservationFieldsRemaining"
    order_reference: str = Field(alias="orderReference")
    status: ReservationStatus
    expires_at: Optional[datetime] = Field(alias="expiresAt")
    closed_at: Optional[datetime] = Field(alias="closedAt")
    created_at: datetime = Field(alias="createdAt")
    item: "InventoryReservationFieldsItem"


class InventoryReservationFieldsQuantity(QuantityFields):
    pass


class InventoryReservationFieldsFulfilled(QuantityFields):
    pass


class InventoryReservationFieldsShortQuantity(QuantityFields):
    pass


class InventoryReservationFieldsRemaining(QuantityFields):
    pass


class InventoryReservationFieldsItem(BaseModel):
    id: str


class InventoryAdjustmentFields(BaseModel):
    inventory_item: "InventoryAdjustmentFieldsInventoryItem" = Field(
        alias="inventoryItem"
    )
    change_type: InventoryChangeType = Field(alias="changeType")
    operation_id: str = Field(alias="operationId")
    quantity: "InventoryAdjustmentFieldsQuantity"
    cost: "InventoryAdjustmentFieldsCost"
    ledger_entries: list["InventoryAdjustmentFieldsLedgerEntries"] = Field(
        alias="ledgerEntries"
    )
    shortened_reservations: list["InventoryAdjustmentFieldsShortenedReservations"] = (
        Field(alias="shortenedReservations")
    )


class InventoryAdjustmentFieldsInventoryItem(InventoryItemFields):
    pass


class InventoryAdjustmentFieldsQuantity(QuantityFields):
    pass


class InventoryAdjustmentFieldsCost(MoneyFields):
    pass


class InventoryAdjustmentFieldsLedgerEntries(InventoryLedgerEntryFields):
    pass


class InventoryAdjustmentFieldsShortenedReservations(InventoryReservationFields):
    pass


class InventoryLotFields(BaseModel):
    id: str
    lot_code: str = Field(alias="lotCode")
    source: InventoryChangeType
    vendor: Optional[str]
    received_at: datetime = Field(alias="receivedAt")
    expires_at: Optional[datetime] = Field(alias="expiresAt")
    is_expired: bool = Field(alias="isExpired")
    quantity_received: "InventoryLotFieldsQuantityReceived" = Field(
        alias="quantityReceived"
    )
    remaining: "InventoryLotFieldsRemaining"
    unit_cost: "InventoryLotFieldsUnitCost" = Field(alias="unitCost")
    total_cost: "InventoryLotFieldsTotalCost" = Field(alias="totalCost")
    remaining_value: "InventoryLotFieldsRemainingValue" = Field(alias="remainingValue")
    item: "InventoryLotFieldsItem"


class InventoryLotFieldsQuantityReceived(QuantityFields):
    pass


class InventoryLotFieldsRemaining(QuantityFields):
    pass


class InventoryLotFieldsUnitCost(MoneyFields):
    pass


class InventoryLotFieldsTotalCost(MoneyFields):
    pass


class InventoryLotFieldsRemainingValue(MoneyFields):
    pass


class InventoryLotFieldsItem(BaseModel):
    id: str


class MemberFields(BaseModel):
    id: str
    user: "MemberFieldsUser"
    role: Role
    created_at: datetime = Field(alias="createdAt")


class MemberFieldsUser(BaseModel):
    id: str


class OrganizationFields(BaseModel):
    id: str
    name: str
    currency_code: CurrencyCode = Field(alias="currencyCode")
    created_at: datetime = Field(alias="createdAt")


class RecipeLineFields(BaseModel):
    position: int
    quantity: "RecipeLineFieldsQuantity"
    note: Optional[str]
    item: "RecipeLineFieldsItem"


class RecipeLineFieldsQuantity(QuantityFields):
    pass


class RecipeLineFieldsItem(BaseModel):
    id: str


class RecipeFields(BaseModel):
    id: str
    version: int
    is_current: bool = Field(alias="isCurrent")
    kind: RecipeKind
    status: RecipeStatus
    name: str
    category: Optional[str]
    notes: Optional[str]
    label_prefix: Optional[str] = Field(alias="labelPrefix")
    predicted_yield: "RecipeFieldsPredictedYield" = Field(alias="predictedYield")
    portioning: Optional["RecipeFieldsPortioning"]
    created_at: datetime = Field(alias="createdAt")
    updated_at: datetime = Field(alias="updatedAt")
    published_at: Optional[datetime] = Field(alias="publishedAt")
    archived_at: Optional[datetime] = Field(alias="archivedAt")
    output_item: "RecipeFieldsOutputItem" = Field(alias="outputItem")
    ingredients: list["RecipeFieldsIngredients"]
    consumables: list["RecipeFieldsConsumables"]
    containers: list["RecipeFieldsContainers"]
    steps: list["RecipeFieldsSteps"]


class RecipeFieldsPredictedYield(QuantityFields):
    pass


class RecipeFieldsPortioning(BaseModel):
    name: str
    count: int
    size: "RecipeFieldsPortioningSize"


class RecipeFieldsPortioningSize(QuantityFields):
    pass


class RecipeFieldsOutputItem(BaseModel):
    id: str


class RecipeFieldsIngredients(RecipeLineFields):
    pass


class RecipeFieldsConsumables(RecipeLineFields):
    pass


class RecipeFieldsContainers(BaseModel):
    capacity: "RecipeFieldsContainersCapacity"
    item: "RecipeFieldsContainersItem"


class RecipeFieldsContainersCapacity(QuantityFields):
    pass


class RecipeFieldsContainersItem(BaseModel):
    id: str


class RecipeFieldsSteps(BaseModel):
    key: str
    position: int
    text: str
    duration_minutes: Optional[int] = Field(alias="durationMinutes")
    temperature: Optional["RecipeFieldsStepsTemperature"]
    overridden: bool


class RecipeFieldsStepsTemperature(BaseModel):
    value: Decimal
    unit: TemperatureUnit


class UserFields(BaseModel):
    id: str
    email: str
    name: str
    created_at: datetime = Field(alias="createdAt")


class WebhookDeliveryFields(BaseModel):
    id: str
    event_id: str = Field(alias="eventId")
    event_type: str = Field(alias="eventType")
    status: WebhookDeliveryStatus
    attempt_count: int = Field(alias="attemptCount")
    next_attempt_at: Optional[datetime] = Field(alias="nextAttemptAt")
    last_status_code: Optional[int] = Field(alias="lastStatusCode")
    last_error: Optional[str] = Field(alias="lastError")
    created_at: datetime = Field(alias="createdAt")
    completed_at: Optional[datetime] = Field(alias="completedAt")
    endpoint: "WebhookDeliveryFieldsEndpoint"
    attempts: list["WebhookDeliveryFieldsAttempts"]
    event: Optional["WebhookDeliveryFieldsEvent"]


class WebhookDeliveryFieldsEndpoint(BaseModel):
    id: str


class WebhookDeliveryFieldsAttempts(BaseModel):
    attempted_at: datetime = Field(alias="attemptedAt")
    duration_ms: int = Field(alias="durationMs")
    status_code: Optional[int] = Field(alias="statusCode")
    response_body: Optional[str] = Field(alias="responseBody")
    error: Optional[str]
    outcome: WebhookAttemptOutcome


class WebhookDeliveryFieldsEvent(BaseModel):
    id: str


class WebhookEndpointFields(BaseModel):
    id: str
    url: str
    description: Optional[str]
    event_types: list[str] = Field(alias="eventTypes")
    enabled: bool
    disabled_reason: Optional[WebhookEndpointDisabledReason] = Field(
        alias="disabledReason"
    )
    created_at: datetime = Field(alias="createdAt")
    updated_at: datetime = Field(alias="updatedAt")
    failing_since: Optional[datetime] = Field(alias="failingSince")
    secret_rotated_until: Optional[datetime] = Field(alias="secretRotatedUntil")


ApiKeyFields.model_rebuild()
MoneyFields.model_rebuild()
QuantityFields.model_rebuild()
BatchFields.model_rebuild()
EventFields.model_rebuild()
InventoryItemFields.model_rebuild()
InventoryLedgerEntryFields.model_rebuild()
InventoryReservationFields.model_rebuild()
InventoryAdjustmentFields.model_rebuild()
InventoryLotFields.model_rebuild()
MemberFields.model_rebuild()
OrganizationFields.model_rebuild()
RecipeLineFields.model_rebuild()
RecipeFields.model_rebuild()
UserFields.model_rebuild()
WebhookDeliveryFields.model_rebuild()
WebhookEndpointFields.model_rebuild()
