from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import WebhookUserErrorCode
from .fragments import WebhookEndpointFields


class RotateWebhookSecret(BaseModel):
    rotate_webhook_secret: "RotateWebhookSecretRotateWebhookSecret" = Field(
        alias="rotateWebhookSecret"
    )


class RotateWebhookSecretRotateWebhookSecret(BaseModel):
    webhook_endpoint: Optional[
        "RotateWebhookSecretRotateWebhookSecretWebhookEndpoint"
    ] = Field(alias="webhookEndpoint")
    secret: Optional[str]
    user_errors: list["RotateWebhookSecretRotateWebhookSecretUserErrors"] = Field(
        alias="userErrors"
    )


RotateWebhookSecretRotateWebhookSecretWebhookEndpoint = WebhookEndpointFields


class RotateWebhookSecretRotateWebhookSecretUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: WebhookUserErrorCode


RotateWebhookSecret.model_rebuild()
RotateWebhookSecretRotateWebhookSecret.model_rebuild()
