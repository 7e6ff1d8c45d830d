from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode
from .fragments import MemberFields


class UpdateMemberRole(BaseModel):
    update_member_role: "UpdateMemberRoleUpdateMemberRole" = Field(
        alias="updateMemberRole"
    )


class UpdateMemberRoleUpdateMemberRole(BaseModel):
    member: Optional["UpdateMemberRoleUpdateMemberRoleMember"]
    user_errors: list["UpdateMemberRoleUpdateMemberRoleUserErrors"] = Field(
        alias="userErrors"
    )


UpdateMemberRoleUpdateMemberRoleMember = MemberFields


class UpdateMemberRoleUpdateMemberRoleUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


UpdateMemberRole.model_rebuild()
UpdateMemberRoleUpdateMemberRole.model_rebuild()
