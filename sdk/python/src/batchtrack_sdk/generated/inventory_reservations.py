from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import InventoryReservationFields


class InventoryReservations(BaseModel):
    inventory_reservations: "InventoryReservationsInventoryReservations" = Field(
        alias="inventoryReservations"
    )


class InventoryReservationsInventoryReservations(BaseModel):
    nodes: list["InventoryReservationsInventoryReservationsNodes"]
    page_info: "InventoryReservationsInventoryReservationsPageInfo" = Field(
        alias="pageInfo"
    )


InventoryReservationsInventoryReservationsNodes = InventoryReservationFields


class InventoryReservationsInventoryReservationsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


InventoryReservations.model_rebuild()
InventoryReservationsInventoryReservations.model_rebuild()
