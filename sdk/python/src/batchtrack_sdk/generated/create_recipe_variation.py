from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RecipeUserErrorCode
from .fragments import RecipeFields


class CreateRecipeVariation(BaseModel):
    create_recipe_variation: "CreateRecipeVariationCreateRecipeVariation" = Field(
        alias="createRecipeVariation"
    )


class CreateRecipeVariationCreateRecipeVariation(BaseModel):
    recipe: Optional["CreateRecipeVariationCreateRecipeVariationRecipe"]
    user_errors: list["CreateRecipeVariationCreateRecipeVariationUserErrors"] = Field(
        alias="userErrors"
    )


CreateRecipeVariationCreateRecipeVariationRecipe = RecipeFields


class CreateRecipeVariationCreateRecipeVariationUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: RecipeUserErrorCode


CreateRecipeVariation.model_rebuild()
CreateRecipeVariationCreateRecipeVariation.model_rebuild()
