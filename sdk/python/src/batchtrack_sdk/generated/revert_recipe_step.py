from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RecipeUserErrorCode
from .fragments import RecipeFields


class RevertRecipeStep(BaseModel):
    revert_recipe_step: "RevertRecipeStepRevertRecipeStep" = Field(
        alias="revertRecipeStep"
    )


class RevertRecipeStepRevertRecipeStep(BaseModel):
    recipe: Optional["RevertRecipeStepRevertRecipeStepRecipe"]
    new_version: Optional[bool] = Field(alias="newVersion")
    changed_fields: Optional[list[str]] = Field(alias="changedFields")
    user_errors: list["RevertRecipeStepRevertRecipeStepUserErrors"] = Field(
        alias="userErrors"
    )


RevertRecipeStepRevertRecipeStepRecipe = RecipeFields


class RevertRecipeStepRevertRecipeStepUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: RecipeUserErrorCode


RevertRecipeStep.model_rebuild()
RevertRecipeStepRevertRecipeStep.model_rebuild()
