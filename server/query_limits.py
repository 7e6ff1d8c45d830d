"""The query-cost extension: refuses queries over the cost limit (QUERY_TOO_COMPLEX) or
over the caller's remaining budget (THROTTLED), and reports `extensions.cost` on every
response."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from typing import Any

from graphql import DocumentNode, ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from resolvers.context import Context
from server.cost import QueryTooComplex, actual_cost, requested_cost
from server.public_limits import PublicLimits
from server.throttle import CostBucket, Throttle
from services.errors import Throttled
from services.permissions import Principal


def caller_key(principal: Principal | None, client_host: str | None) -> str:
    if principal is None:
        return f"anonymous:{client_host or 'unknown'}"
    who = f"key{principal.api_key_id}" if principal.api_key_id else f"user{principal.user_id}"
    return f"org{principal.organization_id}:{who}"


def _client_host(context: Context) -> str | None:
    client = getattr(context.request, "client", None)
    return client.host if client else None


def _context_caller(context: Context) -> str:
    return caller_key(context.principal, _client_host(context))


def cost_report(
    bucket: CostBucket, requested: int, actual: int, available: float
) -> dict[str, Any]:
    """`extensions.cost` of a response (docs/api.md)."""
    return {
        "requestedQueryCost": requested,
        "actualQueryCost": actual,
        "throttleStatus": {
            "maximumAvailable": bucket.maximum,
            "currentlyAvailable": int(available),
            "restoreRate": bucket.restore_rate,
        },
    }


async def settle(bucket: CostBucket, key: str, requested: int, returned: int) -> dict[str, Any]:
    """After a query ran: give back what it was charged beyond the `returned` cost
    (server/cost.actual_cost)."""
    actual = min(returned, requested)
    available = await bucket.refund(key, requested - actual)
    return cost_report(bucket, requested, actual, available)


class QueryCostLimiter(SchemaExtension):
    def __init__(
        self, *, throttle: Throttle, max_cost: int, public: PublicLimits | None = None
    ) -> None:
        self.throttle = throttle
        self.max_cost = max_cost
        self.public = public
        self.cost: dict[str, Any] | None = None

    def _refuse(self, error: Exception) -> None:
        self.execution_context.result = ExecutionResult(
            data=None, errors=[GraphQLError(str(error), original_error=error)]
        )

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        document = context.graphql_document
        assert document is not None
        requested = requested_cost(
            context.schema._schema, document, context.operation_name, context.variables
        )
        key = _context_caller(context.context)
        bucket = self.throttle.bucket_for(context.context.principal)
        ran = False
        available: float
        public_refusal = await self._public_refusal(document)
        if public_refusal is not None:
            self._refuse(public_refusal)
            available = (await bucket.take(key, 0)).available
        elif requested > self.max_cost:
            self._refuse(
                QueryTooComplex(
                    f"This query would cost {requested} points; the most is {self.max_cost}. "
                    "Ask for smaller pages or fewer fields."
                )
            )
            available = (await bucket.take(key, 0)).available
        else:
            state = await bucket.take(key, requested)
            available = state.available
            if state.allowed:
                ran = True
            else:
                wait = math.ceil((requested - available) / bucket.restore_rate)
                self._refuse(
                    Throttled(
                        f"This query costs {requested} points and {int(available)} are "
                        f"available; retry in about {wait} s.",
                        retry_after_seconds=wait,
                    )
                )
        yield
        if ran:
            result = context.result
            data = result.data if isinstance(result, ExecutionResult) else None
            is_mutation = context.operation_type is OperationType.MUTATION
            returned = actual_cost(data, is_mutation=is_mutation)
            self.cost = await settle(bucket, key, requested, returned)
        else:
            self.cost = cost_report(bucket, requested, 0, available)

    async def _public_refusal(self, document: DocumentNode) -> Throttled | None:
        context = self.execution_context
        if self.public is None or context.context.principal is not None:
            return None
        address = _client_host(context.context) or "unknown"
        try:
            await self.public.check(address, document, context.operation_name)
        except Throttled as refused:
            return refused
        return None

    def get_results(self) -> dict[str, Any]:
        return {"cost": self.cost} if self.cost is not None else {}
