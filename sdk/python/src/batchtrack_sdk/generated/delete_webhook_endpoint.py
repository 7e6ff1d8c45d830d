from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import WebhookUserErrorCode


class DeleteWebhookEndpoint(BaseModel):
    delete_webhook_endpoint: "DeleteWebhookEndpointDeleteWebhookEndpoint" = Field(
        alias="deleteWebhookEndpoint"
    )


class DeleteWebhookEndpointDeleteWebhookEndpoint(BaseModel):
    deleted_webhook_endpoint_id: Optional[str] = Field(alias="deletedWebhookEndpointId")
    user_errors: list["DeleteWebhookEndpointDeleteWebhookEndpointUserErrors"] = Field(
        alias="userErrors"
    )


class DeleteWebhookEndpointDeleteWebhookEndpointUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: WebhookUserErrorCode


DeleteWebhookEndpoint.model_rebuild()
DeleteWebhookEndpointDeleteWebhookEndpoint.model_rebuild()
