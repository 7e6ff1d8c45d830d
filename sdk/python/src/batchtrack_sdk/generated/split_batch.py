from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BatchUserErrorCode
from .fragments import BatchFields, InventoryItemFields, QuantityFields


class SplitBatch(BaseModel):
    split_batch: "SplitBatchSplitBatch" = Field(alias="splitBatch")


class SplitBatchSplitBatch(BaseModel):
    batch: Optional["SplitBatchSplitBatchBatch"]
    variations: list["SplitBatchSplitBatchVariations"]
    shortages: list["SplitBatchSplitBatchShortages"]
    user_errors: list["SplitBatchSplitBatchUserErrors"] = Field(alias="userErrors")


SplitBatchSplitBatchBatch = BatchFields
SplitBatchSplitBatchVariations = BatchFields


class SplitBatchSplitBatchShortages(BaseModel):
    needed: "SplitBatchSplitBatchShortagesNeeded"
    available: "SplitBatchSplitBatchShortagesAvailable"
    item: "SplitBatchSplitBatchShortagesItem"


SplitBatchSplitBatchShortagesNeeded = QuantityFields
SplitBatchSplitBatchShortagesAvailable = QuantityFields
SplitBatchSplitBatchShortagesItem = InventoryItemFields


class SplitBatchSplitBatchUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BatchUserErrorCode


SplitBatch.model_rebuild()
SplitBatchSplitBatch.model_rebuild()
SplitBatchSplitBatchShortages.model_rebuild()
