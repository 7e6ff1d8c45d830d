from typing import Any

from pydantic import Field

from .base_model import BaseModel


class WebhookEventTypes(BaseModel):
    webhook_event_types: list["WebhookEventTypesWebhookEventTypes"] = Field(
        alias="webhookEventTypes"
    )


class WebhookEventTypesWebhookEventTypes(BaseModel):
    name: str
    description: str
    data_schema: Any = Field(alias="dataSchema")
    example: Any


WebhookEventTypes.model_rebuild()
