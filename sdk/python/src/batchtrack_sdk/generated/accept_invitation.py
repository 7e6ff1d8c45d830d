from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import MemberFields, OrganizationFields


class AcceptInvitation(BaseModel):
    accept_invitation: "AcceptInvitationAcceptInvitation" = Field(
        alias="acceptInvitation"
    )


class AcceptInvitationAcceptInvitation(BaseModel):
    member: Optional["AcceptInvitationAcceptInvitationMember"]
    organization: Optional["AcceptInvitationAcceptInvitationOrganization"]
    token: Optional[str]
    user_errors: list["AcceptInvitationAcceptInvitationUserErrors"] = Field(
        alias="userErrors"
    )


AcceptInvitationAcceptInvitationMember = MemberFields
AcceptInvitationAcceptInvitationOrganization = OrganizationFields


class AcceptInvitationAcceptInvitationUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


AcceptInvitation.model_rebuild()
AcceptInvitationAcceptInvitation.model_rebuild()
