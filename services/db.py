"""Database plumbing shared by every domain: the declarative base, exact column types,
the engine factory (SQLite and PostgreSQL) and the unit-of-work used by callers.

Services only flush; whoever opened the unit of work (a GraphQL mutation, a worker task,
a CLI command) commits it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import asyncpg
from sqlalchemy import BigInteger, DateTime, Integer, MetaData, Numeric, event
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DisconnectionError, OperationalError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import TypeDecorator

from services.errors import Busy

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
IdType = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ServiceClock:
    """The services' time: the real time, moved ahead by `offset`. Only tests move it, to
    reach an expiry (a token's hour, a lock's minutes) without waiting for it."""

    offset = timedelta(0)

    @classmethod
    def advance(cls, by: timedelta) -> None:
        cls.offset += by

    @classmethod
    def reset(cls) -> None:
        cls.offset = timedelta(0)


def utcnow() -> datetime:
    return datetime.now(UTC) + ServiceClock.offset


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC on the way in and out, on both databases.

    SQLite keeps no offset, so values are normalised to UTC before storing and tagged
    as UTC when read back; naive datetimes are refused rather than guessed at.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass a timezone-aware UTC datetime")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class ExactDecimal(TypeDecorator[Decimal]):
    """An exact decimal with a fixed number of fractional digits.

    PostgreSQL stores NUMERIC(precision, scale). SQLite has no exact decimal type (its
    NUMERIC affinity turns values into floats), so there the value is stored as an
    integer count of 10**-scale units; SUM() over such a column stays exact and the
    result is scaled back by this type. A value with more fractional digits than the
    scale is refused, never rounded: callers validate precision before writing.
    """

    impl = Numeric
    cache_ok = True

    def __init__(self, scale: int, precision: int = 38) -> None:
        super().__init__()
        self.scale = scale
        self.precision = precision
        self._quantum = Decimal(1).scaleb(-scale)

    def __repr__(self) -> str:
        # Alembic autogenerate renders column types with repr(); the default one would
        # inspect Numeric's arguments and drop `scale`, which this type requires.
        return f"{type(self).__name__}(scale={self.scale}, precision={self.precision})"

    def load_dialect_impl(self, dialect: Dialect) -> Any:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(BigInteger())
        return dialect.type_descriptor(Numeric(self.precision, self.scale, asdecimal=True))

    def process_bind_param(self, value: Decimal | int | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        exact = Decimal(value)
        if not exact.is_finite():
            raise ValueError(f"not a finite decimal: {value!r}")
        if exact != exact.quantize(self._quantum):
            raise ValueError(f"{value} has more than {self.scale} fractional digits")
        if dialect.name == "sqlite":
            return int(exact.scaleb(self.scale))
        return exact

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "sqlite":
            return Decimal(int(value)).scaleb(-self.scale).quantize(self._quantum)
        return Decimal(value).quantize(self._quantum)


class DatabaseNow(FunctionElement[datetime]):
    """The database's clock, comparable with `UTCDateTime` columns on both databases.

    For statements that are built (or compiled, as a planned read's) once and run many
    times: a bound `utcnow()` would be frozen at the first run, this is read at each. On
    SQLite it is rendered in the text form SQLite stores UTCDateTime values in, to the
    millisecond, so the two compare as text."""

    type = UTCDateTime()
    inherit_cache = True


@compiles(DatabaseNow)
def _database_now(element: DatabaseNow, compiler: SQLCompiler, **kw: Any) -> str:
    return "statement_timestamp()"


@compiles(DatabaseNow, "sqlite")
def _sqlite_now(element: DatabaseNow, compiler: SQLCompiler, **kw: Any) -> str:
    return "strftime('%Y-%m-%d %H:%M:%f000', 'now')"


class IdMixin:
    id: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# How long a writer waits for SQLite's write lock. The embedded mode serves one process
# whose writers queue on this lock; bursts of hundreds of writes (logins at opening time)
# must wait their turn rather than fail. Past it, the caller gets SERVICE_BUSY.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def is_lock_timeout(error: OperationalError) -> bool:
    return "database is locked" in str(error.orig)


def _configure_sqlite(engine: AsyncEngine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction starts (see "begin").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A write transaction takes SQLite's write lock up front (BEGIN IMMEDIATE), so two
        # writers queue on busy_timeout instead of failing when a read lock is upgraded.
        if connection.get_execution_options().get("write", False):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


# A pooled connection idle for this long is pinged before use: one that was just used is
# taken as alive. (pool_pre_ping would ping every checkout: on asyncpg that is BEGIN, an
# empty query and ROLLBACK, three round trips, as many as a whole planned read.)
PING_AFTER_IDLE_SECONDS = 1.0


def _ping_idle_connections(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record: Any) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        returned = record.info.get("returned_at")
        if returned is None or time.monotonic() - returned < PING_AFTER_IDLE_SECONDS:
            return  # new, or just used
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            # The pool replaces the connection and tries again.
            raise DisconnectionError("the pooled connection is gone") from error


def create_engine(
    url: str,
    *,
    echo: bool = False,
    pool_size: int = 20,
    sqlite_busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS,
    server_settings: dict[str, str] | None = None,
) -> AsyncEngine:
    """`server_settings`: PostgreSQL settings of every connection (ignored on SQLite)."""
    if url.startswith("sqlite"):
        engine = create_async_engine(url, echo=echo)
        _configure_sqlite(engine, sqlite_busy_timeout_ms)
        return engine
    # A fixed pool, no overflow: past the pool, an overflow connection is opened for one
    # checkout and closed at checkin, and under many concurrent requests that churn
    # (a new PostgreSQL backend each time) halved the throughput. Requests beyond the
    # pool wait for a connection instead.
    arguments = {"server_settings": server_settings} if server_settings else {}
    engine = create_async_engine(
        url, echo=echo, pool_size=pool_size, max_overflow=0, connect_args=arguments
    )
    _ping_idle_connections(engine)
    return engine


CHECKOUT_TIMEOUT_SECONDS = 30.0


class DriverPool:
    """At most `size` asyncpg connections of PostgreSQL at `url`, for statements that need
    none of SQLAlchemy's connection layer (planned reads: one prepared statement, no
    transaction). A checkout through AsyncEngine.connect() cost about 0.1 ms of CPU (a
    greenlet switch, the pool's events, the connection wrapper), as much as the rest of
    the server's work for a small planned read; here it is a queue's get and put.
    asyncpg's own pool (`asyncpg.create_pool`, with a no-op reset) was tried in its place
    and cost 0.09 to 0.14 ms more server CPU per R2 request (bench/load/percall.py,
    alternated runs: 0.40 / 0.48 ms against 0.31 / 0.34): a proxy object per checkout
    and more bookkeeping per release, on the path issue 19 is about.

    Connections open when first needed and are not pinged: one found broken fails its
    statement (the caller has a way around a failure) and is replaced at the next
    checkout. A connection whose statement was interrupted (cancelled, a lost socket) is
    closed rather than reused; one whose statement PostgreSQL refused is reused."""

    def __init__(self, url: str, size: int, server_settings: dict[str, str]) -> None:
        parsed = make_url(url)
        dialect = parsed.get_dialect()()
        if dialect.name != "postgresql" or dialect.driver != "asyncpg":
            raise ValueError(f"a DriverPool needs postgresql+asyncpg, not {parsed.drivername}")
        _, options = dialect.create_connect_args(parsed)
        # SQLAlchemy's own options for its asyncpg adapter, not asyncpg.connect's.
        options.pop("prepared_statement_cache_size", None)
        options.pop("prepared_statement_name_func", None)
        self._options = {**options, "server_settings": server_settings}
        self.dialect: Dialect = dialect
        # None: a slot with no connection open yet (or one closed after a failure).
        self._slots: asyncio.LifoQueue[asyncpg.Connection | None] = asyncio.LifoQueue()
        for _ in range(size):
            self._slots.put_nowait(None)
        self._closed = False

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        """A connection for a block; every one busy, the next to come back (TimeoutError
        after `CHECKOUT_TIMEOUT_SECONDS`, as SQLAlchemy's pool gives up after 30 s)."""
        if self._slots.empty():
            slot = await asyncio.wait_for(self._slots.get(), CHECKOUT_TIMEOUT_SECONDS)
        else:
            slot = self._slots.get_nowait()  # no timer when one is free
        try:
            if slot is None or slot.is_closed():
                slot = await asyncpg.connect(**self._options)
            yield slot
        except asyncpg.PostgresError:
            raise  # refused by PostgreSQL: the connection is as good as before
        except BaseException:
            if slot is not None:
                slot.terminate()
            slot = None
            raise
        finally:
            if self._closed and slot is not None:
                await slot.close()
                slot = None
            self._slots.put_nowait(slot)

    async def dispose(self) -> None:
        """Close the idle connections; those checked out close when they come back."""
        self._closed = True
        for _ in range(self._slots.qsize()):
            slot = self._slots.get_nowait()
            if slot is not None:
                await slot.close()
            self._slots.put_nowait(None)


# Run after a unit of work of the factory's sessions commits, with the session's `info`:
# what the transaction noted there for afterwards (services/webhooks/heads.py notes the
# endpoints it gave deliveries, so they are sent at once, without waiting for a sweep).
CommitListener = Callable[[dict[str, Any]], None]
_LISTENERS = "batchtrack.commit_listeners"

log = logging.getLogger("batchtrack.db")


def create_session_factory(
    engine: AsyncEngine, listeners: list[CommitListener] | None = None
) -> async_sessionmaker[AsyncSession]:
    """Sessions on `engine`; `listeners` (a list the caller may still append to) hear of
    every commit made through `unit_of_work`."""
    info: dict[str, Any] = {_LISTENERS: listeners} if listeners is not None else {}
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True, info=info)


def _announce_commit(info: dict[str, Any]) -> None:
    for listener in info.get(_LISTENERS) or ():
        try:
            listener(info)
        except Exception:
            # The commit stands whatever a listener does; what it would have hastened,
            # the next sweep finds.
            log.exception("db.commit_listener.failed")


def single_read_sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions for work that is one read statement: on PostgreSQL outside a transaction
    (a statement sees one snapshot; BEGIN and COMMIT would be two more round trips), on
    SQLite the usual ones. Nothing is committed: do not write through them."""
    if engine.dialect.name != "postgresql":
        return create_session_factory(engine)
    return create_session_factory(engine.execution_options(isolation_level="AUTOCOMMIT"))


@asynccontextmanager
async def unit_of_work(
    sessions: async_sessionmaker[AsyncSession],
    *,
    write: bool = True,
    single_statement: bool = False,
) -> AsyncIterator[AsyncSession]:
    """One transaction: commits when the block ends normally, rolls back on any error.
    `single_statement`: the block runs one statement, which on PostgreSQL is then its own
    transaction (no BEGIN and COMMIT, two round trips fewer); elsewhere a write one."""
    async with sessions() as session:
        try:
            if single_statement and session.get_bind().dialect.name == "postgresql":
                await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            elif write:
                await session.connection(execution_options={"write": True})
            yield session
            await session.commit()
            _announce_commit(session.info)
        except OperationalError as error:
            await session.rollback()
            if is_lock_timeout(error):
                raise Busy from error
            raise
        except BaseException:
            await session.rollback()
            raise
