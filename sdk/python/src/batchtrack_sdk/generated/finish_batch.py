from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BatchUserErrorCode
from .fragments import BatchFields, InventoryItemFields, QuantityFields


class FinishBatch(BaseModel):
    finish_batch: "FinishBatchFinishBatch" = Field(alias="finishBatch")


class FinishBatchFinishBatch(BaseModel):
    batch: Optional["FinishBatchFinishBatchBatch"]
    shortages: list["FinishBatchFinishBatchShortages"]
    user_errors: list["FinishBatchFinishBatchUserErrors"] = Field(alias="userErrors")


FinishBatchFinishBatchBatch = BatchFields


class FinishBatchFinishBatchShortages(BaseModel):
    needed: "FinishBatchFinishBatchShortagesNeeded"
    available: "FinishBatchFinishBatchShortagesAvailable"
    item: "FinishBatchFinishBatchShortagesItem"


FinishBatchFinishBatchShortagesNeeded = QuantityFields
FinishBatchFinishBatchShortagesAvailable = QuantityFields
FinishBatchFinishBatchShortagesItem = InventoryItemFields


class FinishBatchFinishBatchUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BatchUserErrorCode


FinishBatch.model_rebuild()
FinishBatchFinishBatch.model_rebuild()
FinishBatchFinishBatchShortages.model_rebuild()
