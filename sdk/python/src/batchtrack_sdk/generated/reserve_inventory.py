from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import InventoryItemFields, InventoryReservationFields


class ReserveInventory(BaseModel):
    reserve_inventory: "ReserveInventoryReserveInventory" = Field(
        alias="reserveInventory"
    )


class ReserveInventoryReserveInventory(BaseModel):
    reservation: Optional["ReserveInventoryReserveInventoryReservation"]
    inventory_item: Optional["ReserveInventoryReserveInventoryInventoryItem"] = Field(
        alias="inventoryItem"
    )
    user_errors: list["ReserveInventoryReserveInventoryUserErrors"] = Field(
        alias="userErrors"
    )


ReserveInventoryReserveInventoryReservation = InventoryReservationFields
ReserveInventoryReserveInventoryInventoryItem = InventoryItemFields


class ReserveInventoryReserveInventoryUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


ReserveInventory.model_rebuild()
ReserveInventoryReserveInventory.model_rebuild()
