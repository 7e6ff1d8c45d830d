from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import UserFields


class ResetPassword(BaseModel):
    reset_password: "ResetPasswordResetPassword" = Field(alias="resetPassword")


class ResetPasswordResetPassword(BaseModel):
    user: Optional["ResetPasswordResetPasswordUser"]
    user_errors: list["ResetPasswordResetPasswordUserErrors"] = Field(
        alias="userErrors"
    )


ResetPasswordResetPasswordUser = UserFields


class ResetPasswordResetPasswordUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


ResetPassword.model_rebuild()
ResetPasswordResetPassword.model_rebuild()
