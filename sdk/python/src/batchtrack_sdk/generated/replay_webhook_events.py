from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import WebhookUserErrorCode
from .fragments import WebhookDeliveryFields


class ReplayWebhookEvents(BaseModel):
    replay_webhook_events: "ReplayWebhookEventsReplayWebhookEvents" = Field(
        alias="replayWebhookEvents"
    )


class ReplayWebhookEventsReplayWebhookEvents(BaseModel):
    delivery_count: int = Field(alias="deliveryCount")
    deliveries: list["ReplayWebhookEventsReplayWebhookEventsDeliveries"]
    user_errors: list["ReplayWebhookEventsReplayWebhookEventsUserErrors"] = Field(
        alias="userErrors"
    )


ReplayWebhookEventsReplayWebhookEventsDeliveries = WebhookDeliveryFields


class ReplayWebhookEventsReplayWebhookEventsUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: WebhookUserErrorCode


ReplayWebhookEvents.model_rebuild()
ReplayWebhookEventsReplayWebhookEvents.model_rebuild()
