from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode


class RequestPasswordReset(BaseModel):
    request_password_reset: "RequestPasswordResetRequestPasswordReset" = Field(
        alias="requestPasswordReset"
    )


class RequestPasswordResetRequestPasswordReset(BaseModel):
    requested: bool
    user_errors: list["RequestPasswordResetRequestPasswordResetUserErrors"] = Field(
        alias="userErrors"
    )


class RequestPasswordResetRequestPasswordResetUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


RequestPasswordReset.model_rebuild()
RequestPasswordResetRequestPasswordReset.model_rebuild()
