from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import InventoryAdjustmentFields


class WriteOffExpiredLots(BaseModel):
    write_off_expired_lots: "WriteOffExpiredLotsWriteOffExpiredLots" = Field(
        alias="writeOffExpiredLots"
    )


class WriteOffExpiredLotsWriteOffExpiredLots(BaseModel):
    adjustments: list["WriteOffExpiredLotsWriteOffExpiredLotsAdjustments"]
    user_errors: list["WriteOffExpiredLotsWriteOffExpiredLotsUserErrors"] = Field(
        alias="userErrors"
    )


WriteOffExpiredLotsWriteOffExpiredLotsAdjustments = InventoryAdjustmentFields


class WriteOffExpiredLotsWriteOffExpiredLotsUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


WriteOffExpiredLots.model_rebuild()
WriteOffExpiredLotsWriteOffExpiredLots.model_rebuild()
