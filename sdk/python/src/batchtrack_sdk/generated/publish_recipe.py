from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import RecipeUserErrorCode
from .fragments import RecipeFields


class PublishRecipe(BaseModel):
    publish_recipe: "PublishRecipePublishRecipe" = Field(alias="publishRecipe")


class PublishRecipePublishRecipe(BaseModel):
    recipe: Optional["PublishRecipePublishRecipeRecipe"]
    user_errors: list["PublishRecipePublishRecipeUserErrors"] = Field(
        alias="userErrors"
    )


PublishRecipePublishRecipeRecipe = RecipeFields


class PublishRecipePublishRecipeUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: RecipeUserErrorCode


PublishRecipe.model_rebuild()
PublishRecipePublishRecipe.model_rebuild()
