from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RecipeUserErrorCode
from .fragments import RecipeFields


class UpdateRecipe(BaseModel):
    update_recipe: "UpdateRecipeUpdateRecipe" = Field(alias="updateRecipe")


class UpdateRecipeUpdateRecipe(BaseModel):
    recipe: Optional["UpdateRecipeUpdateRecipeRecipe"]
    new_version: Optional[bool] = Field(alias="newVersion")
    changed_fields: Optional[list[str]] = Field(alias="changedFields")
    user_errors: list["UpdateRecipeUpdateRecipeUserErrors"] = Field(alias="userErrors")


UpdateRecipeUpdateRecipeRecipe = RecipeFields


class UpdateRecipeUpdateRecipeUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: RecipeUserErrorCode


UpdateRecipe.model_rebuild()
UpdateRecipeUpdateRecipe.model_rebuild()
