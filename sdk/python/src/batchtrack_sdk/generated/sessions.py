from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel


class Sessions(BaseModel):
    sessions: "SessionsSessions"


class SessionsSessions(BaseModel):
    nodes: list["SessionsSessionsNodes"]
    page_info: "SessionsSessionsPageInfo" = Field(alias="pageInfo")


class SessionsSessionsNodes(BaseModel):
    id: str
    created_at: datetime = Field(alias="createdAt")
    expires_at: datetime = Field(alias="expiresAt")
    last_used_at: Optional[datetime] = Field(alias="lastUsedAt")
    ip_address: Optional[str] = Field(alias="ipAddress")
    user_agent: Optional[str] = Field(alias="userAgent")
    current: bool


class SessionsSessionsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


Sessions.model_rebuild()
SessionsSessions.model_rebuild()
