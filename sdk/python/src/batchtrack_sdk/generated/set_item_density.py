from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import InventoryItemFields


class SetItemDensity(BaseModel):
    set_item_density: "SetItemDensitySetItemDensity" = Field(alias="setItemDensity")


class SetItemDensitySetItemDensity(BaseModel):
    inventory_item: Optional["SetItemDensitySetItemDensityInventoryItem"] = Field(
        alias="inventoryItem"
    )
    user_errors: list["SetItemDensitySetItemDensityUserErrors"] = Field(
        alias="userErrors"
    )


SetItemDensitySetItemDensityInventoryItem = InventoryItemFields


class SetItemDensitySetItemDensityUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


SetItemDensity.model_rebuild()
SetItemDensitySetItemDensity.model_rebuild()
