from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import OrganizationFields


class UpdateOrganization(BaseModel):
    update_organization: "UpdateOrganizationUpdateOrganization" = Field(
        alias="updateOrganization"
    )


class UpdateOrganizationUpdateOrganization(BaseModel):
    organization: Optional["UpdateOrganizationUpdateOrganizationOrganization"]
    user_errors: list["UpdateOrganizationUpdateOrganizationUserErrors"] = Field(
        alias="userErrors"
    )


UpdateOrganizationUpdateOrganizationOrganization = OrganizationFields


class UpdateOrganizationUpdateOrganizationUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


UpdateOrganization.model_rebuild()
UpdateOrganizationUpdateOrganization.model_rebuild()
