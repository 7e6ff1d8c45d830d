from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import OrganizationFields, UserFields


class LogIn(BaseModel):
    log_in: "LogInLogIn" = Field(alias="logIn")


class LogInLogIn(BaseModel):
    user: Optional["LogInLogInUser"]
    organization: Optional["LogInLogInOrganization"]
    token: Optional[str]
    expires_at: Optional[datetime] = Field(alias="expiresAt")
    user_errors: list["LogInLogInUserErrors"] = Field(alias="userErrors")


LogInLogInUser = UserFields
LogInLogInOrganization = OrganizationFields


class LogInLogInUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


LogIn.model_rebuild()
LogInLogIn.model_rebuild()
