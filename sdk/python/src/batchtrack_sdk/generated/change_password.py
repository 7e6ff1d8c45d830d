from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import UserFields


class ChangePassword(BaseModel):
    change_password: "ChangePasswordChangePassword" = Field(alias="changePassword")


class ChangePasswordChangePassword(BaseModel):
    user: Optional["ChangePasswordChangePasswordUser"]
    user_errors: list["ChangePasswordChangePasswordUserErrors"] = Field(
        alias="userErrors"
    )


ChangePasswordChangePasswordUser = UserFields


class ChangePasswordChangePasswordUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


ChangePassword.model_rebuild()
ChangePasswordChangePassword.model_rebuild()
