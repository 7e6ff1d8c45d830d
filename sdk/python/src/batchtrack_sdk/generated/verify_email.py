from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import UserFields


class VerifyEmail(BaseModel):
    verify_email: "VerifyEmailVerifyEmail" = Field(alias="verifyEmail")


class VerifyEmailVerifyEmail(BaseModel):
    user: Optional["VerifyEmailVerifyEmailUser"]
    user_errors: list["VerifyEmailVerifyEmailUserErrors"] = Field(alias="userErrors")


VerifyEmailVerifyEmailUser = UserFields


class VerifyEmailVerifyEmailUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


VerifyEmail.model_rebuild()
VerifyEmailVerifyEmail.model_rebuild()
