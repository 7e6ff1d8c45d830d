from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import AccountUserErrorCode


class RemoveMember(BaseModel):
    remove_member: "RemoveMemberRemoveMember" = Field(alias="removeMember")


class RemoveMemberRemoveMember(BaseModel):
    removed_member_id: Optional[str] = Field(alias="removedMemberId")
    user_errors: list["RemoveMemberRemoveMemberUserErrors"] = Field(alias="userErrors")


class RemoveMemberRemoveMemberUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: AccountUserErrorCode


RemoveMember.model_rebuild()
RemoveMemberRemoveMember.model_rebuild()
