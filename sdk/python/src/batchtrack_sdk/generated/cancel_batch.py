from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BatchUserErrorCode
from .fragments import BatchFields, InventoryItemFields, QuantityFields


class CancelBatch(BaseModel):
    cancel_batch: "CancelBatchCancelBatch" = Field(alias="cancelBatch")


class CancelBatchCancelBatch(BaseModel):
    batch: Optional["CancelBatchCancelBatchBatch"]
    shortages: list["CancelBatchCancelBatchShortages"]
    user_errors: list["CancelBatchCancelBatchUserErrors"] = Field(alias="userErrors")


CancelBatchCancelBatchBatch = BatchFields


class CancelBatchCancelBatchShortages(BaseModel):
    needed: "CancelBatchCancelBatchShortagesNeeded"
    available: "CancelBatchCancelBatchShortagesAvailable"
    item: "CancelBatchCancelBatchShortagesItem"


CancelBatchCancelBatchShortagesNeeded = QuantityFields
CancelBatchCancelBatchShortagesAvailable = QuantityFields
CancelBatchCancelBatchShortagesItem = InventoryItemFields


class CancelBatchCancelBatchUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BatchUserErrorCode


CancelBatch.model_rebuild()
CancelBatchCancelBatch.model_rebuild()
CancelBatchCancelBatchShortages.model_rebuild()
