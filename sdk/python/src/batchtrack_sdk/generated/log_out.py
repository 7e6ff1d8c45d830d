from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode


class LogOut(BaseModel):
    log_out: "LogOutLogOut" = Field(alias="logOut")


class LogOutLogOut(BaseModel):
    logged_out: bool = Field(alias="loggedOut")
    user_errors: list["LogOutLogOutUserErrors"] = Field(alias="userErrors")


class LogOutLogOutUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


LogOut.model_rebuild()
LogOutLogOut.model_rebuild()
