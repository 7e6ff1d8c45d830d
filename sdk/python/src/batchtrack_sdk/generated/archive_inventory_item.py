from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import InventoryItemFields


class ArchiveInventoryItem(BaseModel):
    archive_inventory_item: "ArchiveInventoryItemArchiveInventoryItem" = Field(
        alias="archiveInventoryItem"
    )


class ArchiveInventoryItemArchiveInventoryItem(BaseModel):
    inventory_item: Optional[
        "ArchiveInventoryItemArchiveInventoryItemInventoryItem"
    ] = Field(alias="inventoryItem")
    user_errors: list["ArchiveInventoryItemArchiveInventoryItemUserErrors"] = Field(
        alias="userErrors"
    )


ArchiveInventoryItemArchiveInventoryItemInventoryItem = InventoryItemFields


class ArchiveInventoryItemArchiveInventoryItemUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


ArchiveInventoryItem.model_rebuild()
ArchiveInventoryItemArchiveInventoryItem.model_rebuild()
