from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RecipeUserErrorCode
from .fragments import RecipeFields


class ArchiveRecipe(BaseModel):
    archive_recipe: "ArchiveRecipeArchiveRecipe" = Field(alias="archiveRecipe")


class ArchiveRecipeArchiveRecipe(BaseModel):
    recipe: Optional["ArchiveRecipeArchiveRecipeRecipe"]
    user_errors: list["ArchiveRecipeArchiveRecipeUserErrors"] = Field(
        alias="userErrors"
    )


ArchiveRecipeArchiveRecipeRecipe = RecipeFields


class ArchiveRecipeArchiveRecipeUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: RecipeUserErrorCode


ArchiveRecipe.model_rebuild()
ArchiveRecipeArchiveRecipe.model_rebuild()
