from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import ApiKeyFields


class ApiKeys(BaseModel):
    api_keys: "ApiKeysApiKeys" = Field(alias="apiKeys")


class ApiKeysApiKeys(BaseModel):
    nodes: list["ApiKeysApiKeysNodes"]
    page_info: "ApiKeysApiKeysPageInfo" = Field(alias="pageInfo")


ApiKeysApiKeysNodes = ApiKeyFields


class ApiKeysApiKeysPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


ApiKeys.model_rebuild()
ApiKeysApiKeys.model_rebuild()
