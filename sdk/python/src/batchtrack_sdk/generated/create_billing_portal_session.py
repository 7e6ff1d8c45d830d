from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BillingUserErrorCode


class CreateBillingPortalSession(BaseModel):
    create_billing_portal_session: "CreateBillingPortalSessionCreateBillingPortalSession" = Field(
        alias="createBillingPortalSession"
    )


class CreateBillingPortalSessionCreateBillingPortalSession(BaseModel):
    url: Optional[str]
    user_errors: list[
        "CreateBillingPortalSessionCreateBillingPortalSessionUserErrors"
    ] = Field(alias="userErrors")


class CreateBillingPortalSessionCreateBillingPortalSessionUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BillingUserErrorCode


CreateBillingPortalSession.model_rebuild()
CreateBillingPortalSessionCreateBillingPortalSession.model_rebuild()
