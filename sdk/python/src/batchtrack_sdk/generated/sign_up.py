from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import OrganizationFields, UserFields


class SignUp(BaseModel):
    sign_up: "SignUpSignUp" = Field(alias="signUp")


class SignUpSignUp(BaseModel):
    user: Optional["SignUpSignUpUser"]
    organization: Optional["SignUpSignUpOrganization"]
    token: Optional[str]
    expires_at: Optional[datetime] = Field(alias="expiresAt")
    user_errors: list["SignUpSignUpUserErrors"] = Field(alias="userErrors")


SignUpSignUpUser = UserFields
SignUpSignUpOrganization = OrganizationFields


class SignUpSignUpUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


SignUp.model_rebuild()
SignUpSignUp.model_rebuild()
