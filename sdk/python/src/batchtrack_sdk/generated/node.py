from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from .base_model import BaseModel
from .fragments import (  # noqa: F401
    InventoryItemFields,
    InventoryItemFieldsAvailable,
    InventoryItemFieldsAverageCostPerUnit,
    InventoryItemFieldsContainerCapacity,
    InventoryItemFieldsLowStockThreshold,
    InventoryItemFieldsOnHand,
    InventoryItemFieldsReserved,
    InventoryItemFieldsStockValue,
    InventoryItemFieldsUsable,
    RecipeFields,
    RecipeFieldsConsumables,
    RecipeFieldsContainers,
    RecipeFieldsIngredients,
    RecipeFieldsOutputItem,
    RecipeFieldsPortioning,
    RecipeFieldsPredictedYield,
    RecipeFieldsSteps,
)


class Node(BaseModel):
    node: Optional[
        Annotated[
            Union["NodeNodeNode", "NodeNodeInventoryItem", "NodeNodeRecipe"],
            Field(discriminator="typename__"),
        ]
    ]


class NodeNodeNode(BaseModel):
    typename__: Literal[
        "ApiKey",
        "Batch",
        "CustomUnit",
        "Event",
        "InventoryLedgerEntry",
        "InventoryLot",
        "InventoryReservation",
        "Invitation",
        "Member",
        "Node",
        "Organization",
        "Session",
        "User",
        "WebhookDelivery",
        "WebhookEndpoint",
    ] = Field(alias="__typename")
    id: str


class NodeNodeInventoryItem(InventoryItemFields):
    typename__: Literal["InventoryItem"] = Field(alias="__typename")
    id: str


class NodeNodeRecipe(RecipeFields):
    typename__: Literal["Recipe"] = Field(alias="__typename")
    id: str


Node.model_rebuild()
