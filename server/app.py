"""The ASGI application factory: wires settings, database, schema, routes and middleware."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from functools import partial

from graphql import ASTValidationRule
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions import max_aliases as alias_limit
from strawberry.extensions import query_depth_limiter as depth_limit

from resolvers.planned.catalog import CATALOG
from schema.root import build_schema
from server import graphiql, migrate
from server.client_address import ClientAddress, parse_networks
from server.graphql import INTERNAL_MESSAGE, AuthenticatedGraphQL, GraphQLView
from server.idempotency import Idempotent
from server.mailer import MailDispatcher, transport_for
from server.middleware import BodySizeLimit, RequestContext, SecurityHeaders
from server.observability import configure_logging, init_sentry
from server.openapi import openapi_json
from server.planned_reads import PlanCache, PlannedReads, PlanRecorder
from server.public_limits import PublicLimits
from server.query_limits import QueryCostLimiter
from server.request_body import CheckedBody, TextLiteralRule
from server.settings import Settings, load_settings
from server.stripe_webhook import StripeWebhook
from server.throttle import (
    Clock,
    CostBucket,
    MemoryBucket,
    RedisBucket,
    Throttle,
    release_leases,
)
from server.verified_keys import VerifiedKeys
from services.billing.changes import Billing
from services.billing.standing import BillingPolicy
from services.billing.stripe_gateway import StripeGateway
from services.db import (
    CommitListener,
    DriverPool,
    create_engine,
    create_session_factory,
    utcnow,
)
from services.inventory import jobs as inventory_jobs
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from webhooks.dispatcher import build_dispatcher


def cost_bucket(settings: Settings, redis: Redis | None, clock: Clock | None = None) -> Throttle:
    """The throttle's buckets: shared in Redis when there is one, else in memory; sized
    by the caller's plan, or by the settings. Their clock is Redis's (or time.monotonic in
    memory) unless `clock` is given."""

    def make(maximum: int, rate: float) -> CostBucket:
        return make_bucket(maximum, rate, redis, clock)

    return Throttle(make(settings.throttle_maximum, settings.throttle_restore_rate), make)


def make_bucket(
    maximum: int, rate: float, redis: Redis | None, clock: Clock | None = None
) -> CostBucket:
    if redis is not None:
        return RedisBucket(redis, maximum, rate, clock=clock)
    if clock is not None:
        return MemoryBucket(maximum, rate, clock=clock)
    return MemoryBucket(maximum, rate)


def build_mailer(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> MailDispatcher:
    """Sends in-process without Redis; with it, enqueues for the workers' `send_email`
    (on the broker build_dispatcher has made)."""
    transport = transport_for(settings.smtp_url, settings.mail_from)
    if not settings.redis_url:
        return MailDispatcher(sessions, settings.smtp_url, settings.mail_from, transport=transport)
    import dramatiq

    from server import mail_actor

    mail_actor.configure(dramatiq.get_broker(), sessions, transport)
    return MailDispatcher(
        sessions,
        settings.smtp_url,
        settings.mail_from,
        enqueue=mail_actor.enqueue,
        transport=transport,
    )


def billing_policy(
    settings: Settings, clock: Callable[[], datetime] | None = None
) -> BillingPolicy:
    """Billing is on when a Stripe key is set; `clock` replaces the time now (tests)."""
    return BillingPolicy(
        configured=settings.stripe_api_key is not None,
        grace=timedelta(days=settings.billing_grace_days),
        clock=clock or utcnow,
    )


# Distinct query texts whose parse and validation are kept (integrations send a few).
QUERY_CACHE_SIZE = 256
PLANNED_POOL_SIZE = 10  # connections for planned reads, beside the main pool


def schema_extensions(
    settings: Settings,
    throttle: Throttle,
    plans: PlanCache | None = None,
    public: PublicLimits | None = None,
) -> list[Callable[[], SchemaExtension]]:
    """Factories, so that every request gets fresh extension instances.

    Parsing and validation are cached across requests (validation was two thirds of the
    time of a 50-item list). The cache keys on the validation rules, so the depth and
    alias rules are built once here rather than by a limiter per request."""
    limits: list[type[ASTValidationRule]] = [
        depth_limit.create_validator(settings.max_query_depth, None, None),
        alias_limit.create_validator(settings.max_query_aliases),
        TextLiteralRule,
    ]
    extensions: list[Callable[[], SchemaExtension]] = [
        partial(MaxTokensLimiter, max_token_count=settings.max_query_tokens),
        partial(ParserCache, maxsize=QUERY_CACHE_SIZE),
        partial(AddValidationRules, limits),
        partial(ValidationCache, maxsize=QUERY_CACHE_SIZE),
        partial(
            QueryCostLimiter, throttle=throttle, max_cost=settings.max_query_cost, public=public
        ),
    ]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    if plans is not None:
        extensions.append(partial(PlanRecorder, plans=plans))
    return extensions


async def internal_error(request: Request, error: Exception) -> JSONResponse:
    """Any fault that escaped the routes: the JSON error contract, never a plain-text 500
    (Starlette logs the traceback, and Sentry's integration reports it)."""
    extensions = {"code": "INTERNAL_SERVER_ERROR", "requestId": request.state.request_id}
    return JSONResponse({"errors": [{"message": INTERNAL_MESSAGE, "extensions": extensions}]}, 500)


def webhook_policy(settings: Settings) -> TargetPolicy:
    return TargetPolicy(
        allow_http=settings.webhook_allow_http,
        allowed_hosts=frozenset(host.lower() for host in settings.webhook_allowed_hosts),
    )


def create_app(
    settings: Settings | None = None,
    *,
    throttle_clock: Clock | None = None,
    billing_clock: Callable[[], datetime] | None = None,
) -> Starlette:
    """The application. `throttle_clock` (seconds) replaces the throttle's clock and
    `billing_clock` the time billing's grace period is measured by: tests pass ones they
    move by hand; production leaves them to the bucket and the system clock."""
    settings = settings or load_settings()
    configure_logging(settings.log_level)
    init_sentry(settings.sentry_dsn, settings.sentry_environment)
    settings.prepare_var_dir()
    secret_key = settings.resolved_secret_key  # generated into ./var on a first embedded run
    engine = create_engine(settings.database_url)
    commit_listeners: list[CommitListener] = []
    sessions = create_session_factory(engine, commit_listeners)
    # Planned reads' statements on connections of their own that plan them once: PostgreSQL
    # re-planned each execution (1.1 ms for R1, 1.6 ms for R2, more than running them), as
    # its custom plans do, while their generic plans are as fast or faster (EXPLAIN in
    # bench/RESULTS.md). Other statements keep PostgreSQL's own choice. They are asyncpg's
    # own connections (services/db.py DriverPool): SQLAlchemy's checkout cost about 0.1 ms
    # of CPU, as much as the rest of a small planned read's work in the server.
    planned_pool = (
        DriverPool(
            settings.database_url,
            PLANNED_POOL_SIZE,
            server_settings={"plan_cache_mode": "force_generic_plan"},
        )
        if settings.planned_reads and engine.dialect.name == "postgresql"
        else None
    )
    policy, box = webhook_policy(settings), SecretBox(secret_key)
    # Embedded: sends webhooks and mail in-process; with Redis: enqueues them for the
    # workers.
    hooks = build_dispatcher(sessions, redis_url=settings.redis_url, policy=policy, box=box)
    mailer = build_mailer(settings, sessions)
    commit_listeners.extend([hooks.committed, mailer.committed])

    verified = VerifiedKeys(timedelta(seconds=settings.api_key_cache_seconds))

    async def after_commit() -> None:
        # A committed change may revoke, rotate or re-plan a key: look keys up again.
        # (Mail and webhooks hear of the commits that concern them: commit_listeners.)
        verified.forget_all()

    redis = Redis.from_url(settings.redis_url) if settings.redis_url else None
    throttle = cost_bucket(settings, redis, throttle_clock)
    policy_of_billing = billing_policy(settings, billing_clock)
    billing = Billing(
        StripeGateway(
            settings.stripe_api_key,
            api_base=settings.stripe_api_base,
            webhook_secret=settings.stripe_webhook_secret,
        )
        if settings.stripe_api_key
        else None,
        policy_of_billing,
        settings.billing_return_url,
    )
    public = PublicLimits(
        lambda maximum, rate: make_bucket(maximum, rate, redis, throttle_clock),
        settings.public_throttle_scale,
    )
    plans = PlanCache(CATALOG, QUERY_CACHE_SIZE) if settings.planned_reads else None
    schema = build_schema(schema_extensions(settings, throttle, plans, public))
    view = GraphQLView(
        schema,
        sessions=sessions,
        on_commit=after_commit,
        graphiql_page=graphiql.page() if settings.graphiql else None,
        webhook_policy=policy,
        secret_box=box,
        billing=billing,
    )

    graphql: ASGIApp = view
    if plans is not None:
        graphql = PlannedReads(
            view,
            schema=schema._schema,
            plans=plans,
            sessions=sessions,
            throttle=throttle,
            max_cost=settings.max_query_cost,
            statements=planned_pool,
        )

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> JSONResponse:
        checks: dict[str, str] = {}
        try:
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
            checks["database"] = "ok"
        except Exception as error:
            checks["database"] = f"unreachable: {type(error).__name__}"
        if settings.redis_url:
            try:
                client = Redis.from_url(settings.redis_url, socket_timeout=2)
                await client.ping()
                await client.aclose()
                checks["redis"] = "ok"
            except Exception as error:
                checks["redis"] = f"unreachable: {type(error).__name__}"
        ready = all(value == "ok" for value in checks.values())
        return JSONResponse(
            {"status": "ready" if ready else "unavailable", "checks": checks},
            status_code=200 if ready else 503,
        )

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if settings.should_auto_migrate:
            await run_in_threadpool(migrate.upgrade, settings.database_url)
        dispatcher = asyncio.create_task(mailer.run_forever())
        # Expired reservations are released by every API process (and by workers).
        jobs = asyncio.create_task(inventory_jobs.run_forever(sessions))
        app.state.jobs = jobs
        sweeper = asyncio.create_task(hooks.run_forever())
        try:
            yield
        finally:
            for task in (dispatcher, jobs, sweeper):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await engine.dispose()
            if planned_pool is not None:
                await planned_pool.dispose()
            if redis is not None:
                await release_leases(redis)
                await redis.aclose()

    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/openapi.json", openapi_json),
            Route(
                "/graphql",
                AuthenticatedGraphQL(
                    CheckedBody(Idempotent(graphql, sessions)),
                    sessions,
                    policy_of_billing,
                    verified,
                ),
                methods=["GET", "POST"],
            ),
            Route(
                "/billing/stripe/webhook",
                StripeWebhook(sessions, billing, after_commit).handle,
                methods=["POST"],
            ),
            *(graphiql.asset_routes() if settings.graphiql else []),
        ],
        middleware=[
            Middleware(ClientAddress, trusted_proxies=parse_networks(settings.trusted_proxies)),
            Middleware(RequestContext),
            Middleware(SecurityHeaders, trust_forwarded_proto=settings.trust_forwarded_proto),
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id"],
                expose_headers=["X-Request-Id"],
                max_age=600,
            ),
            Middleware(BodySizeLimit, max_bytes=settings.max_body_bytes),
        ],
        lifespan=lifespan,
        exception_handlers={Exception: internal_error},
    )
    app.state.settings = settings
    app.state.secret_key = secret_key
    app.state.sessions = sessions
    app.state.engine = engine
    app.state.planned_pool = planned_pool
    app.state.mailer = mailer
    app.state.webhooks = hooks
    return app
