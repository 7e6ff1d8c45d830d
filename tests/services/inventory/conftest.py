"""Fixtures of the inventory service tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import create_engine, create_session_factory
from tests.services.accounts.givens import Sessions


@pytest.fixture
async def pooled(
    backend: str, database_url: str, sessions: Sessions
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Sessions for writers that run side by side: an engine of their own with a pool of
    20 connections (the `sessions` fixture's engine still wipes the database afterwards).
    PostgreSQL only: SQLite serialises writers, so there is no concurrency to test."""
    if backend == "sqlite":
        pytest.skip(
            "SQLite serialises writers with BEGIN IMMEDIATE, so there is no concurrency to "
            "test; this runs on PostgreSQL (set DATABASE_URL)"
        )
    engine = create_engine(database_url)
    yield create_session_factory(engine)
    await engine.dispose()
