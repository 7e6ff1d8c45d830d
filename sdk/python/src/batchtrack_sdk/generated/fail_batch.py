from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BatchUserErrorCode
from .fragments import BatchFields, InventoryItemFields, QuantityFields


class FailBatch(BaseModel):
    fail_batch: "FailBatchFailBatch" = Field(alias="failBatch")


class FailBatchFailBatch(BaseModel):
    batch: Optional["FailBatchFailBatchBatch"]
    shortages: list["FailBatchFailBatchShortages"]
    user_errors: list["FailBatchFailBatchUserErrors"] = Field(alias="userErrors")


FailBatchFailBatchBatch = BatchFields


class FailBatchFailBatchShortages(BaseModel):
    needed: "FailBatchFailBatchShortagesNeeded"
    available: "FailBatchFailBatchShortagesAvailable"
    item: "FailBatchFailBatchShortagesItem"


FailBatchFailBatchShortagesNeeded = QuantityFields
FailBatchFailBatchShortagesAvailable = QuantityFields
FailBatchFailBatchShortagesItem = InventoryItemFields


class FailBatchFailBatchUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BatchUserErrorCode


FailBatch.model_rebuild()
FailBatchFailBatch.model_rebuild()
FailBatchFailBatchShortages.model_rebuild()
