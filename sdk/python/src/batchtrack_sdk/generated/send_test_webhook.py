from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import WebhookUserErrorCode
from .fragments import WebhookDeliveryFields


class SendTestWebhook(BaseModel):
    send_test_webhook: "SendTestWebhookSendTestWebhook" = Field(alias="sendTestWebhook")


class SendTestWebhookSendTestWebhook(BaseModel):
    delivery: Optional["SendTestWebhookSendTestWebhookDelivery"]
    user_errors: list["SendTestWebhookSendTestWebhookUserErrors"] = Field(
        alias="userErrors"
    )


SendTestWebhookSendTestWebhookDelivery = WebhookDeliveryFields


class SendTestWebhookSendTestWebhookUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: WebhookUserErrorCode


SendTestWebhook.model_rebuild()
SendTestWebhookSendTestWebhook.model_rebuild()
