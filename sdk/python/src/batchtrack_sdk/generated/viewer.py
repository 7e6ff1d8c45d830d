from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import ApiKeyScope, Role
from .fragments import ApiKeyFields, OrganizationFields, UserFields


class Viewer(BaseModel):
    viewer: "ViewerViewer"


class ViewerViewer(BaseModel):
    organization: "ViewerViewerOrganization"
    user: Optional["ViewerViewerUser"]
    role: Optional[Role]
    api_key: Optional["ViewerViewerApiKey"] = Field(alias="apiKey")
    permissions: list[ApiKeyScope]


ViewerViewerOrganization = OrganizationFields
ViewerViewerUser = UserFields
ViewerViewerApiKey = ApiKeyFields
Viewer.model_rebuild()
ViewerViewer.model_rebuild()
