from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import ApiKeyFields


class RotateApiKey(BaseModel):
    rotate_api_key: "RotateApiKeyRotateApiKey" = Field(alias="rotateApiKey")


class RotateApiKeyRotateApiKey(BaseModel):
    api_key: Optional["RotateApiKeyRotateApiKeyApiKey"] = Field(alias="apiKey")
    token: Optional[str]
    user_errors: list["RotateApiKeyRotateApiKeyUserErrors"] = Field(alias="userErrors")


RotateApiKeyRotateApiKeyApiKey = ApiKeyFields


class RotateApiKeyRotateApiKeyUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


RotateApiKey.model_rebuild()
RotateApiKeyRotateApiKey.model_rebuild()
