from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode, Role


class InviteMember(BaseModel):
    invite_member: "InviteMemberInviteMember" = Field(alias="inviteMember")


class InviteMemberInviteMember(BaseModel):
    invitation: Optional["InviteMemberInviteMemberInvitation"]
    user_errors: list["InviteMemberInviteMemberUserErrors"] = Field(alias="userErrors")


class InviteMemberInviteMemberInvitation(BaseModel):
    id: str
    email: str
    role: Role
    created_at: datetime = Field(alias="createdAt")
    expires_at: datetime = Field(alias="expiresAt")


class InviteMemberInviteMemberUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


InviteMember.model_rebuild()
InviteMemberInviteMember.model_rebuild()
