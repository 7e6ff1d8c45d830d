"""What every resolver receives: the acting principal and sessions to read and write."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from strawberry.types import Info as StrawberryInfo

from services.billing.changes import UNCONFIGURED, Billing
from services.billing.restriction import refuse_if_restricted
from services.db import unit_of_work
from services.permissions import Principal
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy

AfterCommit = Callable[[], Awaitable[None]]


@dataclass
class Context:
    sessions: async_sessionmaker[AsyncSession]
    principal: Principal | None
    request: Any = None
    response: Any = None
    # Called after each mutation that committed: wakes the outbox dispatchers (mail, ...).
    on_commit: AfterCommit | None = None
    # Where webhooks may go, and the key their signing secrets are sealed with.
    webhook_policy: TargetPolicy = field(default_factory=TargetPolicy)
    secret_box: SecretBox | None = None
    # How billing runs here: Stripe (or not configured), the policy, the return URL.
    billing: Billing = field(default_factory=lambda: UNCONFIGURED)
    # Per-request DataLoaders and memoized lookups (resolvers/*_loaders.py), by name.
    loaders: dict[str, Any] = field(default_factory=dict)
    _write_session: AsyncSession | None = None

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """A short read-only session. Sibling fields resolve concurrently and a session
        cannot be shared between concurrent awaits, so each read opens its own; inside
        a mutation, reads join the mutation's transaction to see its own writes."""
        if self._write_session is not None:
            yield self._write_session
            return
        async with unit_of_work(self.sessions, write=False) as session:
            yield session

    @asynccontextmanager
    async def writing(self, *, while_restricted: bool = False) -> AsyncIterator[AsyncSession]:
        """The transaction of one mutation field: commits at the end, rolls back on error.
        A restricted organization's principal is refused here, before anything runs,
        except for the operations that must stay reachable (`while_restricted`: billing,
        logging out)."""
        if not while_restricted:
            refuse_if_restricted(self.principal)
        async with unit_of_work(self.sessions, write=True) as session:
            self._write_session = session
            try:
                yield session
            finally:
                self._write_session = None

    async def committed(self) -> None:
        if self.on_commit is not None:
            await self.on_commit()


Info = StrawberryInfo[Context, None]
