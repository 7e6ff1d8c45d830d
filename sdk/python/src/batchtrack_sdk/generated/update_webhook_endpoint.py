from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import WebhookUserErrorCode
from .fragments import WebhookEndpointFields


class UpdateWebhookEndpoint(BaseModel):
    update_webhook_endpoint: "UpdateWebhookEndpointUpdateWebhookEndpoint" = Field(
        alias="updateWebhookEndpoint"
    )


class UpdateWebhookEndpointUpdateWebhookEndpoint(BaseModel):
    webhook_endpoint: Optional[
        "UpdateWebhookEndpointUpdateWebhookEndpointWebhookEndpoint"
    ] = Field(alias="webhookEndpoint")
    user_errors: list["UpdateWebhookEndpointUpdateWebhookEndpointUserErrors"] = Field(
        alias="userErrors"
    )


UpdateWebhookEndpointUpdateWebhookEndpointWebhookEndpoint = WebhookEndpointFields


class UpdateWebhookEndpointUpdateWebhookEndpointUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: WebhookUserErrorCode


UpdateWebhookEndpoint.model_rebuild()
UpdateWebhookEndpointUpdateWebhookEndpoint.model_rebuild()
