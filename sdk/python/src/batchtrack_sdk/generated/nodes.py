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


class Nodes(BaseModel):
    nodes: list[
        Optional[
            Annotated[
                Union["NodesNodesNode", "NodesNodesInventoryItem", "NodesNodesRecipe"],
                Field(discriminator="typename__"),
            ]
        ]
    ]


class NodesNodesNode(BaseModel):
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


class NodesNodesInventoryItem(InventoryItemFields):
    typename__: Literal["InventoryItem"] = Field(alias="__typename")
    id: str


class NodesNodesRecipe(RecipeFields):
    typename__: Literal["Recipe"] = Field(alias="__typename")
    id: str


Nodes.model_rebuild()
