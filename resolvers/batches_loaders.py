"""Per-request DataLoaders of the batch domain: a batch's lines, draws, steps, outputs and
variations, for many batches in one service call each."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from resolvers.common import request_loader
from resolvers.context import Context, Info
from services.batches import queries
from services.batches.models import Batch, BatchDraw, BatchLine, BatchOutput, BatchStep
from services.permissions import Principal

V = TypeVar("V")
Read = Callable[[AsyncSession, Principal | None, Sequence[int]], Awaitable[dict[int, V]]]


def _by_batch(info: Info, name: str, read: Read[V]) -> DataLoader[int, V]:
    async def load(context: Context, keys: Sequence[int]) -> list[V]:
        async with context.reading() as session:
            found = await read(session, context.principal, keys)
        return [found[key] for key in keys]

    return request_loader(info, name, load)


async def _batches(
    session: AsyncSession, principal: Principal | None, keys: Sequence[int]
) -> dict[int, Batch | None]:
    found = await queries.batches_by_id(session, principal, keys)
    return {key: found.get(key) for key in keys}


def batch_by_id(info: Info) -> DataLoader[int, Batch | None]:
    return _by_batch(info, "BatchByIdLoader", _batches)


def lines_by_batch(info: Info) -> DataLoader[int, list[BatchLine]]:
    return _by_batch(info, "BatchLinesByBatchLoader", queries.lines_of)


def draws_by_batch(info: Info) -> DataLoader[int, list[BatchDraw]]:
    return _by_batch(info, "BatchDrawsByBatchLoader", queries.draws_of)


def steps_by_batch(info: Info) -> DataLoader[int, list[BatchStep]]:
    return _by_batch(info, "BatchStepsByBatchLoader", queries.steps_of)


def outputs_by_batch(info: Info) -> DataLoader[int, list[BatchOutput]]:
    return _by_batch(info, "BatchOutputsByBatchLoader", queries.outputs_of)


def variations_by_batch(info: Info) -> DataLoader[int, list[Batch]]:
    return _by_batch(info, "BatchVariationsByBatchLoader", queries.variations_of)
