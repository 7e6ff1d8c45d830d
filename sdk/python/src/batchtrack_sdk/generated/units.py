from decimal import Decimal
from typing import Literal, Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import UnitDimension
from .fragments import QuantityFields


class Units(BaseModel):
    units: list["UnitsUnits"]


class UnitsUnits(BaseModel):
    typename__: Literal["BuiltInUnit", "CustomUnit", "Unit"] = Field(alias="__typename")
    name: str
    dimension: UnitDimension
    is_custom: bool = Field(alias="isCustom")
    factor_to_base: Decimal = Field(alias="factorToBase")
    base_unit: str = Field(alias="baseUnit")
    defined_as: Optional["UnitsUnitsDefinedAs"] = Field(alias="definedAs")


UnitsUnitsDefinedAs = QuantityFields
Units.model_rebuild()
UnitsUnits.model_rebuild()
