from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import WebhookDeliveryFields


class WebhookDeliveries(BaseModel):
    webhook_deliveries: "WebhookDeliveriesWebhookDeliveries" = Field(
        alias="webhookDeliveries"
    )


class WebhookDeliveriesWebhookDeliveries(BaseModel):
    nodes: list["WebhookDeliveriesWebhookDeliveriesNodes"]
    page_info: "WebhookDeliveriesWebhookDeliveriesPageInfo" = Field(alias="pageInfo")


WebhookDeliveriesWebhookDeliveriesNodes = WebhookDeliveryFields


class WebhookDeliveriesWebhookDeliveriesPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


WebhookDeliveries.model_rebuild()
WebhookDeliveriesWebhookDeliveries.model_rebuild()
