from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import UnitUserErrorCode
from .fragments import QuantityFields


class ConvertQuantity(BaseModel):
    convert_quantity: "ConvertQuantityConvertQuantity" = Field(alias="convertQuantity")


class ConvertQuantityConvertQuantity(BaseModel):
    quantity: Optional["ConvertQuantityConvertQuantityQuantity"]
    exact: Optional[bool]
    user_errors: list["ConvertQuantityConvertQuantityUserErrors"] = Field(
        alias="userErrors"
    )


ConvertQuantityConvertQuantityQuantity = QuantityFields


class ConvertQuantityConvertQuantityUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: UnitUserErrorCode


ConvertQuantity.model_rebuild()
ConvertQuantityConvertQuantity.model_rebuild()
