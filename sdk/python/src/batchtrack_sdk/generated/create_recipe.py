from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RecipeUserErrorCode
from .fragments import RecipeFields


class CreateRecipe(BaseModel):
    create_recipe: "CreateRecipeCreateRecipe" = Field(alias="createRecipe")


class CreateRecipeCreateRecipe(BaseModel):
    recipe: Optional["CreateRecipeCreateRecipeRecipe"]
    user_errors: list["CreateRecipeCreateRecipeUserErrors"] = Field(alias="userErrors")


CreateRecipeCreateRecipeRecipe = RecipeFields


class CreateRecipeCreateRecipeUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: RecipeUserErrorCode


CreateRecipe.model_rebuild()
CreateRecipeCreateRecipe.model_rebuild()
