from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BillingUserErrorCode


class CreateCheckoutSession(BaseModel):
    create_checkout_session: "CreateCheckoutSessionCreateCheckoutSession" = Field(
        alias="createCheckoutSession"
    )


class CreateCheckoutSessionCreateCheckoutSession(BaseModel):
    url: Optional[str]
    user_errors: list["CreateCheckoutSessionCreateCheckoutSessionUserErrors"] = Field(
        alias="userErrors"
    )


class CreateCheckoutSessionCreateCheckoutSessionUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BillingUserErrorCode


CreateCheckoutSession.model_rebuild()
CreateCheckoutSessionCreateCheckoutSession.model_rebuild()
