from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import ApiKeyFields


class CreateApiKey(BaseModel):
    create_api_key: "CreateApiKeyCreateApiKey" = Field(alias="createApiKey")


class CreateApiKeyCreateApiKey(BaseModel):
    api_key: Optional["CreateApiKeyCreateApiKeyApiKey"] = Field(alias="apiKey")
    token: Optional[str]
    user_errors: list["CreateApiKeyCreateApiKeyUserErrors"] = Field(alias="userErrors")


CreateApiKeyCreateApiKeyApiKey = ApiKeyFields


class CreateApiKeyCreateApiKeyUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


CreateApiKey.model_rebuild()
CreateApiKeyCreateApiKey.model_rebuild()
