from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RecipeUserErrorCode
from .fragments import RecipeFields


class PromoteRecipeTest(BaseModel):
    promote_recipe_test: "PromoteRecipeTestPromoteRecipeTest" = Field(
        alias="promoteRecipeTest"
    )


class PromoteRecipeTestPromoteRecipeTest(BaseModel):
    recipe: Optional["PromoteRecipeTestPromoteRecipeTestRecipe"]
    test: Optional["PromoteRecipeTestPromoteRecipeTestTest"]
    user_errors: list["PromoteRecipeTestPromoteRecipeTestUserErrors"] = Field(
        alias="userErrors"
    )


PromoteRecipeTestPromoteRecipeTestRecipe = RecipeFields
PromoteRecipeTestPromoteRecipeTestTest = RecipeFields


class PromoteRecipeTestPromoteRecipeTestUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: RecipeUserErrorCode


PromoteRecipeTest.model_rebuild()
PromoteRecipeTestPromoteRecipeTest.model_rebuild()
