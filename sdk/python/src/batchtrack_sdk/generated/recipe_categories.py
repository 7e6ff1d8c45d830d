from pydantic import Field

from .base_model import BaseModel


class RecipeCategories(BaseModel):
    recipe_categories: list[str] = Field(alias="recipeCategories")
