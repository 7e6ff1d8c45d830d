from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import InventoryItemFields, InventoryReservationFields


class ReleaseReservation(BaseModel):
    release_reservation: "ReleaseReservationReleaseReservation" = Field(
        alias="releaseReservation"
    )


class ReleaseReservationReleaseReservation(BaseModel):
    reservation: Optional["ReleaseReservationReleaseReservationReservation"]
    inventory_item: Optional["ReleaseReservationReleaseReservationInventoryItem"] = (
        Field(alias="inventoryItem")
    )
    user_errors: list["ReleaseReservationReleaseReservationUserErrors"] = Field(
        alias="userErrors"
    )


ReleaseReservationReleaseReservationReservation = InventoryReservationFields
ReleaseReservationReleaseReservationInventoryItem = InventoryItemFields


class ReleaseReservationReleaseReservationUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


ReleaseReservation.model_rebuild()
ReleaseReservationReleaseReservation.model_rebuild()
