from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import UserFields


class SendVerificationEmail(BaseModel):
    send_verification_email: "SendVerificationEmailSendVerificationEmail" = Field(
        alias="sendVerificationEmail"
    )


class SendVerificationEmailSendVerificationEmail(BaseModel):
    user: Optional["SendVerificationEmailSendVerificationEmailUser"]
    user_errors: list["SendVerificationEmailSendVerificationEmailUserErrors"] = Field(
        alias="userErrors"
    )


SendVerificationEmailSendVerificationEmailUser = UserFields


class SendVerificationEmailSendVerificationEmailUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


SendVerificationEmail.model_rebuild()
SendVerificationEmailSendVerificationEmail.model_rebuild()
