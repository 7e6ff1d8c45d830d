from datetime import datetime
from decimal import Decimal
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import UnitDimension, UnitUserErrorCode
from .fragments import QuantityFields


class CreateCustomUnit(BaseModel):
    create_custom_unit: "CreateCustomUnitCreateCustomUnit" = Field(
        alias="createCustomUnit"
    )


class CreateCustomUnitCreateCustomUnit(BaseModel):
    custom_unit: Optional["CreateCustomUnitCreateCustomUnitCustomUnit"] = Field(
        alias="customUnit"
    )
    user_errors: list["CreateCustomUnitCreateCustomUnitUserErrors"] = Field(
        alias="userErrors"
    )


class CreateCustomUnitCreateCustomUnitCustomUnit(BaseModel):
    id: str
    name: str
    dimension: UnitDimension
    is_custom: bool = Field(alias="isCustom")
    factor_to_base: Decimal = Field(alias="factorToBase")
    base_unit: str = Field(alias="baseUnit")
    defined_as: Optional["CreateCustomUnitCreateCustomUnitCustomUnitDefinedAs"] = Field(
        alias="definedAs"
    )
    created_at: datetime = Field(alias="createdAt")


CreateCustomUnitCreateCustomUnitCustomUnitDefinedAs = QuantityFields


class CreateCustomUnitCreateCustomUnitUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: UnitUserErrorCode


CreateCustomUnit.model_rebuild()
CreateCustomUnitCreateCustomUnit.model_rebuild()
CreateCustomUnitCreateCustomUnitCustomUnit.model_rebuild()
