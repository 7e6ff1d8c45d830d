from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import (
    InventoryItemFields,
    InventoryLedgerEntryFields,
    InventoryLotFields,
    QuantityFields,
)


class ReceiveInventory(BaseModel):
    receive_inventory: "ReceiveInventoryReceiveInventory" = Field(
        alias="receiveInventory"
    )


class ReceiveInventoryReceiveInventory(BaseModel):
    lot: Optional["ReceiveInventoryReceiveInventoryLot"]
    inventory_item: Optional["ReceiveInventoryReceiveInventoryInventoryItem"] = Field(
        alias="inventoryItem"
    )
    ledger_entries: list["ReceiveInventoryReceiveInventoryLedgerEntries"] = Field(
        alias="ledgerEntries"
    )
    entered_quantity: Optional["ReceiveInventoryReceiveInventoryEnteredQuantity"] = (
        Field(alias="enteredQuantity")
    )
    recorded_quantity: Optional["ReceiveInventoryReceiveInventoryRecordedQuantity"] = (
        Field(alias="recordedQuantity")
    )
    user_errors: list["ReceiveInventoryReceiveInventoryUserErrors"] = Field(
        alias="userErrors"
    )


ReceiveInventoryReceiveInventoryLot = InventoryLotFields
ReceiveInventoryReceiveInventoryInventoryItem = InventoryItemFields
ReceiveInventoryReceiveInventoryLedgerEntries = InventoryLedgerEntryFields
ReceiveInventoryReceiveInventoryEnteredQuantity = QuantityFields
ReceiveInventoryReceiveInventoryRecordedQuantity = QuantityFields


class ReceiveInventoryReceiveInventoryUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


ReceiveInventory.model_rebuild()
ReceiveInventoryReceiveInventory.model_rebuild()
