from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MemberFields


class Members(BaseModel):
    members: "MembersMembers"


class MembersMembers(BaseModel):
    nodes: list["MembersMembersNodes"]
    page_info: "MembersMembersPageInfo" = Field(alias="pageInfo")


MembersMembersNodes = MemberFields


class MembersMembersPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


Members.model_rebuild()
MembersMembers.model_rebuild()
