from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import InventoryAdjustmentFields, InventoryReservationFields


class FulfilReservation(BaseModel):
    fulfil_reservation: "FulfilReservationFulfilReservation" = Field(
        alias="fulfilReservation"
    )


class FulfilReservationFulfilReservation(BaseModel):
    reservation: Optional["FulfilReservationFulfilReservationReservation"]
    adjustment: Optional["FulfilReservationFulfilReservationAdjustment"]
    user_errors: list["FulfilReservationFulfilReservationUserErrors"] = Field(
        alias="userErrors"
    )


FulfilReservationFulfilReservationReservation = InventoryReservationFields
FulfilReservationFulfilReservationAdjustment = InventoryAdjustmentFields


class FulfilReservationFulfilReservationUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


FulfilReservation.model_rebuild()
FulfilReservationFulfilReservation.model_rebuild()
