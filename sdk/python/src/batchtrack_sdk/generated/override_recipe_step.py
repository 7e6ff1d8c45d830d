from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RecipeUserErrorCode
from .fragments import RecipeFields


class OverrideRecipeStep(BaseModel):
    override_recipe_step: "OverrideRecipeStepOverrideRecipeStep" = Field(
        alias="overrideRecipeStep"
    )


class OverrideRecipeStepOverrideRecipeStep(BaseModel):
    recipe: Optional["OverrideRecipeStepOverrideRecipeStepRecipe"]
    new_version: Optional[bool] = Field(alias="newVersion")
    changed_fields: Optional[list[str]] = Field(alias="changedFields")
    user_errors: list["OverrideRecipeStepOverrideRecipeStepUserErrors"] = Field(
        alias="userErrors"
    )


OverrideRecipeStepOverrideRecipeStepRecipe = RecipeFields


class OverrideRecipeStepOverrideRecipeStepUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: RecipeUserErrorCode


OverrideRecipeStep.model_rebuild()
OverrideRecipeStepOverrideRecipeStep.model_rebuild()
