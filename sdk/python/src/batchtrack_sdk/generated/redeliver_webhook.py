from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import WebhookUserErrorCode
from .fragments import WebhookDeliveryFields


class RedeliverWebhook(BaseModel):
    redeliver_webhook: "RedeliverWebhookRedeliverWebhook" = Field(
        alias="redeliverWebhook"
    )


class RedeliverWebhookRedeliverWebhook(BaseModel):
    delivery: Optional["RedeliverWebhookRedeliverWebhookDelivery"]
    user_errors: list["RedeliverWebhookRedeliverWebhookUserErrors"] = Field(
        alias="userErrors"
    )


RedeliverWebhookRedeliverWebhookDelivery = WebhookDeliveryFields


class RedeliverWebhookRedeliverWebhookUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: WebhookUserErrorCode


RedeliverWebhook.model_rebuild()
RedeliverWebhookRedeliverWebhook.model_rebuild()
