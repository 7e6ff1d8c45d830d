from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RecipeUserErrorCode
from .fragments import RecipeFields


class CreateRecipeTest(BaseModel):
    create_recipe_test: "CreateRecipeTestCreateRecipeTest" = Field(
        alias="createRecipeTest"
    )


class CreateRecipeTestCreateRecipeTest(BaseModel):
    recipe: Optional["CreateRecipeTestCreateRecipeTestRecipe"]
    user_errors: list["CreateRecipeTestCreateRecipeTestUserErrors"] = Field(
        alias="userErrors"
    )


CreateRecipeTestCreateRecipeTestRecipe = RecipeFields


class CreateRecipeTestCreateRecipeTestUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: RecipeUserErrorCode


CreateRecipeTest.model_rebuild()
CreateRecipeTestCreateRecipeTest.model_rebuild()
