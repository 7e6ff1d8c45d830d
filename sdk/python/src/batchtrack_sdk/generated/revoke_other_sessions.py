from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode


class RevokeOtherSessions(BaseModel):
    revoke_other_sessions: "RevokeOtherSessionsRevokeOtherSessions" = Field(
        alias="revokeOtherSessions"
    )


class RevokeOtherSessionsRevokeOtherSessions(BaseModel):
    revoked_count: int = Field(alias="revokedCount")
    user_errors: list["RevokeOtherSessionsRevokeOtherSessionsUserErrors"] = Field(
        alias="userErrors"
    )


class RevokeOtherSessionsRevokeOtherSessionsUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


RevokeOtherSessions.model_rebuild()
RevokeOtherSessionsRevokeOtherSessions.model_rebuild()
