from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import WebhookUserErrorCode
from .fragments import WebhookEndpointFields


class CreateWebhookEndpoint(BaseModel):
    create_webhook_endpoint: "CreateWebhookEndpointCreateWebhookEndpoint" = Field(
        alias="createWebhookEndpoint"
    )


class CreateWebhookEndpointCreateWebhookEndpoint(BaseModel):
    webhook_endpoint: Optional[
        "CreateWebhookEndpointCreateWebhookEndpointWebhookEndpoint"
    ] = Field(alias="webhookEndpoint")
    secret: Optional[str]
    user_errors: list["CreateWebhookEndpointCreateWebhookEndpointUserErrors"] = Field(
        alias="userErrors"
    )


CreateWebhookEndpointCreateWebhookEndpointWebhookEndpoint = WebhookEndpointFields


class CreateWebhookEndpointCreateWebhookEndpointUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: WebhookUserErrorCode


CreateWebhookEndpoint.model_rebuild()
CreateWebhookEndpointCreateWebhookEndpoint.model_rebuild()
