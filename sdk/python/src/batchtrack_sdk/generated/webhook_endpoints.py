from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import WebhookEndpointFields


class WebhookEndpoints(BaseModel):
    webhook_endpoints: "WebhookEndpointsWebhookEndpoints" = Field(
        alias="webhookEndpoints"
    )


class WebhookEndpointsWebhookEndpoints(BaseModel):
    nodes: list["WebhookEndpointsWebhookEndpointsNodes"]
    page_info: "WebhookEndpointsWebhookEndpointsPageInfo" = Field(alias="pageInfo")


WebhookEndpointsWebhookEndpointsNodes = WebhookEndpointFields


class WebhookEndpointsWebhookEndpointsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


WebhookEndpoints.model_rebuild()
WebhookEndpointsWebhookEndpoints.model_rebuild()
