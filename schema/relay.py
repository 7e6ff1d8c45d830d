"""Relay shapes: the Node interface, connections, edges and page info."""

from __future__ import annotations

from typing import Generic, TypeVar

import strawberry

NodeType = TypeVar("NodeType")


@strawberry.interface(description="An object with an opaque, globally unique ID.")
class Node:
    id: strawberry.ID


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeType]):
    cursor: str
    node: NodeType


@strawberry.type(description="A page of results; at most 250 per page.")
class Connection(Generic[NodeType]):
    edges: list[Edge[NodeType]]
    nodes: list[NodeType]
    page_info: PageInfo
