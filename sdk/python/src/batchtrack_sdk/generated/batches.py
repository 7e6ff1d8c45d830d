from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import BatchFields


class Batches(BaseModel):
    batches: "BatchesBatches"


class BatchesBatches(BaseModel):
    nodes: list["BatchesBatchesNodes"]
    page_info: "BatchesBatchesPageInfo" = Field(alias="pageInfo")


BatchesBatchesNodes = BatchFields


class BatchesBatchesPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


Batches.model_rebuild()
BatchesBatches.model_rebuild()
