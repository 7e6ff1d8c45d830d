from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode


class RevokeSession(BaseModel):
    revoke_session: "RevokeSessionRevokeSession" = Field(alias="revokeSession")


class RevokeSessionRevokeSession(BaseModel):
    session: Optional["RevokeSessionRevokeSessionSession"]
    user_errors: list["RevokeSessionRevokeSessionUserErrors"] = Field(
        alias="userErrors"
    )


class RevokeSessionRevokeSessionSession(BaseModel):
    id: str
    created_at: datetime = Field(alias="createdAt")
    expires_at: datetime = Field(alias="expiresAt")
    last_used_at: Optional[datetime] = Field(alias="lastUsedAt")
    ip_address: Optional[str] = Field(alias="ipAddress")
    user_agent: Optional[str] = Field(alias="userAgent")
    current: bool


class RevokeSessionRevokeSessionUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


RevokeSession.model_rebuild()
RevokeSessionRevokeSession.model_rebuild()
