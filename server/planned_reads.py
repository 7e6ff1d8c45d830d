"""Planned reads over HTTP: a POST /graphql whose query has a plan (resolvers/planned/) is
answered without strawberry's field-by-field executor; anything else, and any plan that
fails, goes to the standard view, which answers exactly as it always does.

A query text gets a plan only after the standard view has parsed and validated it once
(PlanRecorder runs when execution starts, so only for valid documents): the depth, alias,
token and introspection rules are strawberry's own, not restated here. The query cost is
charged to the same bucket, and `extensions.cost` reports it in the same shape.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Any, Generic, TypeVar

import orjson
from graphql import DocumentNode, GraphQLSchema
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.types import ASGIApp, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from resolvers.planned.compiler import compile_plan
from resolvers.planned.plan import Caller, Catalog, NotPlannable, Plan
from resolvers.planned.plan import Scope as PlanScope
from resolvers.planned.sql_plan import (
    PreparedAnswer,
    Request,
    fetch_answer_on,
    prepare,
    statement_key,
)
from server.cost import actual_cost, cost_variables, objects_in_answer_text, requested_cost
from server.query_limits import caller_key, settle
from server.request_body import checked_body
from server.throttle import Throttle
from services.db import DriverPool, unit_of_work
from services.errors import ServiceError

log = logging.getLogger("batchtrack.planned_reads")

K = TypeVar("K")
V = TypeVar("V")
PREPARED_ANSWERS = 1000  # statements kept, each a few kilobytes
PLAN_COSTS = 1000  # requested costs kept by plan and values of the variables they read
# A plan's statement depends on the plan (query text, operation name) and the shape of the
# caller and variables (resolvers/planned/sql_plan.py `statement_key`), not their values.
PreparedKey = tuple[tuple[str, str | None], Hashable]
_BODY_KEYS = frozenset({"query", "variables", "operationName", "extensions"})


class Recent(Generic[K, V]):
    """The `maxsize` most recently used values by key."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._values: OrderedDict[K, V] = OrderedDict()

    def __contains__(self, key: K) -> bool:
        return key in self._values

    def get(self, key: K) -> V | None:
        value = self._values.get(key)
        if value is not None:
            self._values.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._values[key] = value
        self._values.move_to_end(key)
        if len(self._values) > self.maxsize:
            self._values.popitem(last=False)


class PlanCache:
    """Plans by (query text, operation name); None marks a query that has no plan."""

    def __init__(self, catalog: Catalog, maxsize: int) -> None:
        self.catalog = catalog
        self._plans: Recent[tuple[str, str | None], Plan | None] = Recent(maxsize)

    def get(self, query: str, operation_name: str | None) -> Plan | None:
        return self._plans.get((query, operation_name))

    def record(
        self,
        schema: GraphQLSchema,
        query: str,
        operation_name: str | None,
        document: DocumentNode,
    ) -> None:
        key = (query, operation_name)
        if key in self._plans:
            return
        try:
            plan: Plan | None = compile_plan(schema, self.catalog, document, operation_name)
        except NotPlannable:
            plan = None
        self._plans.put(key, plan)


class PlanRecorder(SchemaExtension):
    def __init__(self, *, plans: PlanCache) -> None:
        self.plans = plans

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        if context.query is not None and context.graphql_document is not None:
            # Keyed as requests name it: `operation_name` is the document's own name when
            # the request gave none, and such requests must find their plan too.
            given = getattr(context, "_provided_operation_name", context.operation_name)
            schema = context.schema._schema
            self.plans.record(schema, context.query, given, context.graphql_document)
        yield


class PlannedReads:
    def __init__(
        self,
        view: ASGIApp,
        *,
        schema: GraphQLSchema,
        plans: PlanCache,
        sessions: async_sessionmaker[AsyncSession],
        throttle: Throttle,
        max_cost: int,
        statements: DriverPool | None = None,
    ) -> None:
        self.view = view
        self.schema = schema
        self.plans = plans
        self.sessions = sessions
        self.throttle = throttle
        self.max_cost = max_cost
        # PostgreSQL runs a plan whose fields all have SQL forms as one statement,
        # compiled once per plan and shape of caller and variables, on `statements`'
        # connections (server/app.py: generic plans); without them, by rows.
        self.statements = statements
        self.one_statement = statements is not None
        self.prepared: Recent[PreparedKey, PreparedAnswer] = Recent(PREPARED_ANSWERS)
        self.cost_names: Recent[tuple[str, str | None], tuple[str, ...]] = Recent(PLAN_COSTS)
        self.costs: Recent[tuple[tuple[str, str | None], bytes], int] = Recent(PLAN_COSTS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = checked_body(scope) if scope["type"] == "http" else None
        answer = None if body is None else await self.answer(scope, body)
        if answer is None:
            await self.view(scope, receive, send)
            return
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(answer)).encode()),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": answer})

    async def answer(self, scope: Scope, body: dict[str, Any]) -> bytes | None:
        """The response body, or None when the standard view should answer."""
        if not _BODY_KEYS.issuperset(body):
            return None
        query, variables = body["query"], body.get("variables")
        operation_name = body.get("operationName")
        plan = self.plans.get(query, operation_name)
        if plan is None:
            return None
        try:
            coerced = plan.variables(variables)
        except NotPlannable:
            return None
        requested = self.requested_cost(plan, (query, operation_name), variables)
        if requested > self.max_cost:
            return None
        principal = scope.get("state", {}).get("principal")
        client = scope.get("client")
        key = caller_key(principal, client[0] if client else None)
        bucket = self.throttle.bucket_for(principal)
        if not (await bucket.take(key, requested)).allowed:
            return None  # nothing was taken; the standard view refuses it (THROTTLED)
        try:
            if self.one_statement and plan.sql_ready:
                caller = Caller(principal, coerced)
                text = await self.answer_in_sql(plan, (query, operation_name), caller)
                # PostgreSQL's JSON is relayed as it is: parsing it only to count its
                # objects and serialize it again cost more than building it.
                answer, returned = text.encode(), objects_in_answer_text(text)
            else:
                async with unit_of_work(self.sessions, write=False) as session:
                    data = await plan.run(PlanScope(session, principal, coerced))
                answer, returned = orjson.dumps(data), actual_cost(data, is_mutation=False)
        except Exception as error:
            await bucket.refund(key, requested)
            if not isinstance(error, ServiceError | NotPlannable):
                log.warning("planned read failed; the standard executor answers", exc_info=True)
            return None
        cost = await settle(bucket, key, requested, returned)
        return b'{"data":' + answer + b',"extensions":' + orjson.dumps({"cost": cost}) + b"}"

    def requested_cost(
        self, plan: Plan, plan_key: tuple[str, str | None], variables: dict[str, Any] | None
    ) -> int:
        """server/cost.py's requested cost, kept per plan and values of the variables it
        reads: walking the document cost more than the rest of the Python work of a
        small read (R2 asks the same cost for every item)."""
        names = self.cost_names.get(plan_key)
        if names is None:
            names = cost_variables(plan.document)
            self.cost_names.put(plan_key, names)
        given = variables or {}
        key = (plan_key, orjson.dumps([given.get(name) for name in names]))
        cost = self.costs.get(key)
        if cost is None:
            cost = requested_cost(self.schema, plan.document, plan_key[1], variables)
            self.costs.put(key, cost)
        return cost

    async def answer_in_sql(
        self,
        plan: Plan,
        plan_key: tuple[str, str | None],
        caller: Caller,
    ) -> str:
        """The JSON text of `data`, as PostgreSQL built it."""
        key = (plan_key, statement_key(caller))
        prepared = self.prepared.get(key)
        assert self.statements is not None
        if prepared is None:
            prepared = prepare(plan, caller, self.statements.dialect)
            self.prepared.put(key, prepared)
        request = Request(caller.principal, caller.variables.coerced)
        async with self.statements.connection() as connection:
            return await fetch_answer_on(connection, prepared, request)
