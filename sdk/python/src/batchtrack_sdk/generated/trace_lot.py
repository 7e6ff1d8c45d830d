from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BatchStatus, TraceDirection
from .fragments import InventoryLotFields, QuantityFields


class TraceLot(BaseModel):
    trace_lot: Optional["TraceLotTraceLot"] = Field(alias="traceLot")


class TraceLotTraceLot(BaseModel):
    direction: TraceDirection
    lots: list["TraceLotTraceLotLots"]
    batches: list["TraceLotTraceLotBatches"]
    sales: list["TraceLotTraceLotSales"]


class TraceLotTraceLotLots(BaseModel):
    depth: int
    lot: "TraceLotTraceLotLotsLot"
    item: "TraceLotTraceLotLotsItem"
    via_batch: Optional["TraceLotTraceLotLotsViaBatch"] = Field(alias="viaBatch")


TraceLotTraceLotLotsLot = InventoryLotFields


class TraceLotTraceLotLotsItem(BaseModel):
    id: str
    name: str
    sku: Optional[str]


class TraceLotTraceLotLotsViaBatch(BaseModel):
    id: str
    label: str
    status: BatchStatus


class TraceLotTraceLotBatches(BaseModel):
    depth: int
    batch: "TraceLotTraceLotBatchesBatch"


class TraceLotTraceLotBatchesBatch(BaseModel):
    id: str
    label: str
    status: BatchStatus
    started_at: datetime = Field(alias="startedAt")
    finished_at: Optional[datetime] = Field(alias="finishedAt")


class TraceLotTraceLotSales(BaseModel):
    depth: int
    order_reference: Optional[str] = Field(alias="orderReference")
    quantity: "TraceLotTraceLotSalesQuantity"
    at: datetime
    lot: "TraceLotTraceLotSalesLot"


TraceLotTraceLotSalesQuantity = QuantityFields


class TraceLotTraceLotSalesLot(BaseModel):
    id: str
    lot_code: str = Field(alias="lotCode")


TraceLot.model_rebuild()
TraceLotTraceLot.model_rebuild()
TraceLotTraceLotLots.model_rebuild()
TraceLotTraceLotBatches.model_rebuild()
TraceLotTraceLotSales.model_rebuild()
