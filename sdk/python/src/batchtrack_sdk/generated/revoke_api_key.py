from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import ApiKeyFields


class RevokeApiKey(BaseModel):
    revoke_api_key: "RevokeApiKeyRevokeApiKey" = Field(alias="revokeApiKey")


class RevokeApiKeyRevokeApiKey(BaseModel):
    api_key: Optional["RevokeApiKeyRevokeApiKeyApiKey"] = Field(alias="apiKey")
    user_errors: list["RevokeApiKeyRevokeApiKeyUserErrors"] = Field(alias="userErrors")


RevokeApiKeyRevokeApiKeyApiKey = ApiKeyFields


class RevokeApiKeyRevokeApiKeyUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


RevokeApiKey.model_rebuild()
RevokeApiKeyRevokeApiKey.model_rebuild()
