from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BatchUserErrorCode
from .fragments import BatchFields, InventoryItemFields, QuantityFields


class StartBatch(BaseModel):
    start_batch: "StartBatchStartBatch" = Field(alias="startBatch")


class StartBatchStartBatch(BaseModel):
    batch: Optional["StartBatchStartBatchBatch"]
    shortages: list["StartBatchStartBatchShortages"]
    user_errors: list["StartBatchStartBatchUserErrors"] = Field(alias="userErrors")


StartBatchStartBatchBatch = BatchFields


class StartBatchStartBatchShortages(BaseModel):
    needed: "StartBatchStartBatchShortagesNeeded"
    available: "StartBatchStartBatchShortagesAvailable"
    item: "StartBatchStartBatchShortagesItem"


StartBatchStartBatchShortagesNeeded = QuantityFields
StartBatchStartBatchShortagesAvailable = QuantityFields
StartBatchStartBatchShortagesItem = InventoryItemFields


class StartBatchStartBatchUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BatchUserErrorCode


StartBatch.model_rebuild()
StartBatchStartBatch.model_rebuild()
StartBatchStartBatchShortages.model_rebuild()
