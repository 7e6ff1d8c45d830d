from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import (  # noqa: F401
    MoneyFields,
    RecipeFields,
    RecipeFieldsConsumables,
    RecipeFieldsContainers,
    RecipeFieldsIngredients,
    RecipeFieldsOutputItem,
    RecipeFieldsPortioning,
    RecipeFieldsPredictedYield,
    RecipeFieldsSteps,
)


class Recipe(BaseModel):
    recipe: Optional["RecipeRecipe"]


class RecipeRecipe(RecipeFields):
    planned_cost: "RecipeRecipePlannedCost" = Field(alias="plannedCost")


class RecipeRecipePlannedCost(BaseModel):
    total: "RecipeRecipePlannedCostTotal"
    complete: bool
    sufficient: bool
    cost_per_output_unit: Optional["RecipeRecipePlannedCostCostPerOutputUnit"] = Field(
        alias="costPerOutputUnit"
    )
    cost_per_portion: Optional["RecipeRecipePlannedCostCostPerPortion"] = Field(
        alias="costPerPortion"
    )


RecipeRecipePlannedCostTotal = MoneyFields
RecipeRecipePlannedCostCostPerOutputUnit = MoneyFields
RecipeRecipePlannedCostCostPerPortion = MoneyFields
Recipe.model_rebuild()
RecipeRecipe.model_rebuild()
RecipeRecipePlannedCost.model_rebuild()
