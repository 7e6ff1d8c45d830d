"""The batch types and root fields that planned reads cover: a batch's plain fields, its
output item, its consumption (the lines with their items and the lots each drew) and its
outputs (the lots made and the containers filled), read through the same services with
the same arguments as resolvers/batches.py. The instructions, the comparison, the recipe,
the parent and the variations are left to the standard executor.

A batch's amounts are in its output item's unit, a line's and a draw's in their item's:
each row reads that unit as a column its service adds (services/batches/queries.py
`UNIT_OF`), which its RowType's `env` puts in the row's Env."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from resolvers.batches import batch_filter, batch_key
from resolvers.planned.inventory import (
    ITEM_OF,
    LOT_OF,
    item_of,
    organization_env,
    organization_sql_env,
    same_env,
)
from resolvers.planned.inventory import page_argument as _page
from resolvers.planned.plan import (
    Caller,
    Catalog,
    RelationField,
    RootField,
    RowType,
    Scope,
    SqlRows,
    by_graphql_name,
    input_argument,
)
from schema.batches import (
    BATCH_FIELDS,
    DRAW_FIELDS,
    LINE_FIELDS,
    OUTPUT_FIELDS,
    BatchFilter,
)
from schema.row_fields import Env, Row
from services.batches import queries
from services.batches.models import Batch, BatchDraw, BatchLine, BatchOutput
from services.pagination import Page

Columns = tuple[str, ...]


def _filter(args: dict[str, Any]) -> queries.BatchFilter:
    return batch_filter(input_argument(args, "filter", BatchFilter))


async def _batches(scope: Scope, args: dict[str, Any], columns: Columns) -> Page[Row]:
    return await queries.list_batches(
        scope.session, scope.principal, filters=_filter(args), page=_page(args), columns=columns
    )


def _batches_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    statement = queries.batch_rows(scope.principal, _filter(args), columns)
    return SqlRows(statement, Batch.id, _page(args))


async def _batch(scope: Scope, args: dict[str, Any], columns: Columns) -> Row | None:
    key = batch_key(args["id"])
    return await queries.get_batch(scope.session, scope.principal, batch_id=key, columns=columns)


def _batch_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    return SqlRows(queries.batch_by_key(scope.principal, batch_key(args["id"]), columns))


def _of_batch(model: type[BatchLine] | type[BatchOutput], key: Any) -> RelationField:
    """A batch's list of rows of `model` (its consumption, its outputs), in order."""

    async def load(
        scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
    ) -> list[list[Row]]:
        keys = [parent.id for parent in parents]
        found = await queries.rows_of(scope.session, scope.principal, model, keys, columns)
        return [found[parent_key] for parent_key in keys]

    def rows(scope: Caller, parent: Row, args: dict[str, Any], columns: Columns) -> SqlRows:
        return SqlRows(queries.rows_of_batch(scope.principal, model, parent.id, columns), key)

    target = "BatchLine" if model is BatchLine else "BatchOutput"
    needed = ("id", "batch_id", key.key)
    return RelationField((), target, load, same_env, needed, rows=rows, many=True)


async def _draws(
    scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
) -> list[list[Row]]:
    batch_ids = list(dict.fromkeys(parent.batch_id for parent in parents))
    found = await queries.rows_of(scope.session, scope.principal, BatchDraw, batch_ids, columns)
    by_line: dict[int, list[Row]] = {}
    for draws in found.values():
        for draw in draws:
            by_line.setdefault(draw.line_id, []).append(draw)
    return [by_line.get(parent.id, []) for parent in parents]


def _draws_rows(scope: Caller, parent: Row, args: dict[str, Any], columns: Columns) -> SqlRows:
    statement = queries.draws_of_line(scope.principal, parent.batch_id, parent.id, columns)
    return SqlRows(statement, BatchDraw.id)


def _in_unit(column: str) -> Any:
    """A row's Env with its amounts' unit: the base unit `column` holds."""

    def env(row: Row, given: Env) -> Env:
        return Env(given.currency, getattr(row, column))

    return env


CATALOG = Catalog(
    roots={
        "batches": RootField(
            "Batch", _batches, organization_env, rows=_batches_rows, sql_env=organization_sql_env
        ),
        "batch": RootField(
            "Batch", _batch, organization_env, rows=_batch_rows, sql_env=organization_sql_env
        ),
    },
    types={
        "Batch": RowType(
            "Batch",
            {
                **by_graphql_name(BATCH_FIELDS),
                "outputItem": item_of("output_item_id"),
                "consumption": _of_batch(BatchLine, BatchLine.position),
                "outputs": _of_batch(BatchOutput, BatchOutput.id),
            },
            env=_in_unit("output_unit"),
            env_columns=("output_unit",),
        ),
        "BatchLine": RowType(
            "BatchLine",
            {
                **by_graphql_name(LINE_FIELDS),
                "item": ITEM_OF,
                "draws": RelationField(
                    ("batch_id",),
                    "BatchDraw",
                    _draws,
                    same_env,
                    ("id", "batch_id", "line_id"),
                    rows=_draws_rows,
                    many=True,
                ),
            },
            env=_in_unit("item_unit"),
            env_columns=("item_unit",),
        ),
        "BatchDraw": RowType(
            "BatchDraw",
            {**by_graphql_name(DRAW_FIELDS), "lot": LOT_OF},
            env=_in_unit("item_unit"),
            env_columns=("item_unit",),
        ),
        "BatchOutput": RowType(
            "BatchOutput",
            {
                **by_graphql_name(OUTPUT_FIELDS),
                "lot": LOT_OF,
                "container": item_of("container_item_id"),
            },
        ),
    },
)
