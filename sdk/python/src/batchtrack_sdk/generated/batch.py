from datetime import datetime
from decimal import Decimal
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BatchLineKind, TemperatureUnit
from .fragments import (  # noqa: F401
    BatchFields,
    BatchFieldsActualCost,
    BatchFieldsActualYield,
    BatchFieldsComparison,
    BatchFieldsConsumption,
    BatchFieldsIngredientCost,
    BatchFieldsOutputItem,
    BatchFieldsOutputs,
    BatchFieldsParent,
    BatchFieldsPlannedCost,
    BatchFieldsPlannedYield,
    BatchFieldsRecipe,
    BatchFieldsVariations,
    QuantityFields,
)


class Batch(BaseModel):
    batch: Optional["BatchBatch"]


class BatchBatch(BatchFields):
    instructions: "BatchBatchInstructions"


class BatchBatchInstructions(BaseModel):
    steps: list["BatchBatchInstructionsSteps"]
    checklist: list["BatchBatchInstructionsChecklist"]


class BatchBatchInstructionsSteps(BaseModel):
    position: int
    key: str
    text: str
    duration_minutes: Optional[int] = Field(alias="durationMinutes")
    temperature: Optional["BatchBatchInstructionsStepsTemperature"]


class BatchBatchInstructionsStepsTemperature(BaseModel):
    value: Decimal
    unit: TemperatureUnit


class BatchBatchInstructionsChecklist(BaseModel):
    position: int
    kind: BatchLineKind
    needed: "BatchBatchInstructionsChecklistNeeded"
    drawn: "BatchBatchInstructionsChecklistDrawn"
    note: Optional[str]
    item: "BatchBatchInstructionsChecklistItem"
    draws: list["BatchBatchInstructionsChecklistDraws"]


BatchBatchInstructionsChecklistNeeded = QuantityFields
BatchBatchInstructionsChecklistDrawn = QuantityFields


class BatchBatchInstructionsChecklistItem(BaseModel):
    id: str
    name: str


class BatchBatchInstructionsChecklistDraws(BaseModel):
    quantity: "BatchBatchInstructionsChecklistDrawsQuantity"
    lot: "BatchBatchInstructionsChecklistDrawsLot"


BatchBatchInstructionsChecklistDrawsQuantity = QuantityFields


class BatchBatchInstructionsChecklistDrawsLot(BaseModel):
    id: str
    lot_code: str = Field(alias="lotCode")
    vendor: Optional[str]
    expires_at: Optional[datetime] = Field(alias="expiresAt")


Batch.model_rebuild()
BatchBatch.model_rebuild()
BatchBatchInstructions.model_rebuild()
BatchBatchInstructionsSteps.model_rebuild()
BatchBatchInstructionsChecklist.model_rebuild()
BatchBatchInstructionsChecklistDraws.model_rebuild()
