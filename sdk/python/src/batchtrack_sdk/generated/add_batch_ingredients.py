from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BatchUserErrorCode
from .fragments import BatchFields, InventoryItemFields, QuantityFields


class AddBatchIngredients(BaseModel):
    add_batch_ingredients: "AddBatchIngredientsAddBatchIngredients" = Field(
        alias="addBatchIngredients"
    )


class AddBatchIngredientsAddBatchIngredients(BaseModel):
    batch: Optional["AddBatchIngredientsAddBatchIngredientsBatch"]
    shortages: list["AddBatchIngredientsAddBatchIngredientsShortages"]
    user_errors: list["AddBatchIngredientsAddBatchIngredientsUserErrors"] = Field(
        alias="userErrors"
    )


AddBatchIngredientsAddBatchIngredientsBatch = BatchFields


class AddBatchIngredientsAddBatchIngredientsShortages(BaseModel):
    needed: "AddBatchIngredientsAddBatchIngredientsShortagesNeeded"
    available: "AddBatchIngredientsAddBatchIngredientsShortagesAvailable"
    item: "AddBatchIngredientsAddBatchIngredientsShortagesItem"


AddBatchIngredientsAddBatchIngredientsShortagesNeeded = QuantityFields
AddBatchIngredientsAddBatchIngredientsShortagesAvailable = QuantityFields
AddBatchIngredientsAddBatchIngredientsShortagesItem = InventoryItemFields


class AddBatchIngredientsAddBatchIngredientsUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BatchUserErrorCode


AddBatchIngredients.model_rebuild()
AddBatchIngredientsAddBatchIngredients.model_rebuild()
AddBatchIngredientsAddBatchIngredientsShortages.model_rebuild()
