from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import RecipeFields


class Recipes(BaseModel):
    recipes: "RecipesRecipes"


class RecipesRecipes(BaseModel):
    nodes: list["RecipesRecipesNodes"]
    page_info: "RecipesRecipesPageInfo" = Field(alias="pageInfo")


RecipesRecipesNodes = RecipeFields


class RecipesRecipesPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


Recipes.model_rebuild()
RecipesRecipes.model_rebuild()
