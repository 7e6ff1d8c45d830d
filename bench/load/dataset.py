"""The load benchmark's seeded database, built once per (scale, seed, seed version) and
reused by every later run.

    .venv/bin/python bench/load/dataset.py [--scale S] [--seed N] [--rebuild] [--server-url URL]

or, from a sibling script (bench/load is on sys.path when one of its scripts runs):

    from dataset import ensure_dataset
    info = ensure_dataset("postgresql+asyncpg://postgres@127.0.0.1:5432", scale=1.0)
    info["database_url"], info["postgres_url"], info["api_key"], ...

The database is `batchtrack_load_<scale, "." as "_">_v<SEED_VERSION>` on the server, e.g.
`batchtrack_load_1_0_v1`. It is reused when its marker row matches the scale, seed and
seed version: table `bench.dataset` (outside the `public` schema PostGraphile serves;
json rather than jsonb, so the keys keep their order). Otherwise it is dropped, created,
migrated and seeded by seed.py, and the marker is written last, so a seed that was
interrupted is never reused. seed.py's JSON is returned (see its keys there) with
`reused`, `database`, `database_url` (asyncpg) and `postgres_url` (libpq) added.
Concurrent callers for the same database wait on an advisory lock rather than seeding it
twice. The first build takes about 35 s (scale 0.05) to 15 minutes (1.0): see seed.py.

Writes (W1's adjustments) change the cached data: a runner that needs it pristine should
pass rebuild=True, or compare against the counts in the returned JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
import zlib
from typing import Any

import seed as seeding
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from server.migrate import upgrade

DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432"
MAINTENANCE_DATABASE = "postgres"


def database_name(scale: float) -> str:
    # str(float): 1 -> "1.0" -> batchtrack_load_1_0_v1, 0.05 -> batchtrack_load_0_05_v1.
    # BENCH_DATABASE_SUFFIX keeps runs from several checkouts on one server apart.
    suffix = os.environ.get("BENCH_DATABASE_SUFFIX", "")
    scaled = str(float(scale)).replace(".", "_")
    return f"batchtrack_load_{scaled}_v{seeding.SEED_VERSION}{suffix}"


def _url(server_url: str, database: str, driver: str) -> str:
    url = make_url(server_url).set(drivername=driver, database=database)
    return url.render_as_string(hide_password=False)


def database_url(server_url: str, database: str) -> str:
    return _url(server_url, database, "postgresql+asyncpg")


def postgres_url(server_url: str, database: str) -> str:
    # libpq, psql and PostGraphile take postgres://; SQLAlchemy renders postgresql://.
    return "postgres://" + _url(server_url, database, "postgresql").split("://", 1)[1]


async def _stored(url: str) -> dict[str, Any] | None:
    """The finished seed's JSON, or None when the marker is missing."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            exists = await connection.scalar(
                text("SELECT to_regclass('bench.dataset') IS NOT NULL")
            )
            if not exists:
                return None
            info = await connection.scalar(text("SELECT CAST(info AS text) FROM bench.dataset"))
            return dict(json.loads(info)) if info else None
    finally:
        await engine.dispose()


def _matches(info: dict[str, Any] | None, scale: float, seed: int) -> bool:
    if info is None:
        return False
    return (info["scale"], info["seed"], info["seed_version"]) == (
        float(scale),
        seed,
        seeding.SEED_VERSION,
    )


async def _exists(maintenance: AsyncConnection, name: str) -> bool:
    found = await maintenance.scalar(
        text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
    )
    return found is not None


async def _write_marker(url: str, info: dict[str, Any]) -> None:
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.exec_driver_sql("CREATE SCHEMA bench")
            await connection.exec_driver_sql("CREATE TABLE bench.dataset (info json NOT NULL)")
            await connection.execute(
                text("INSERT INTO bench.dataset (info) VALUES (CAST(:info AS json))"),
                {"info": json.dumps(info)},
            )
    finally:
        await engine.dispose()


async def _ensure(server_url: str, scale: float, seed: int, rebuild: bool) -> dict[str, Any]:
    name = database_name(scale)
    url = database_url(server_url, name)
    # CREATE and DROP DATABASE refuse to run inside a transaction, hence AUTOCOMMIT; the
    # advisory lock lives on this session, so it is held until the build is done.
    engine = create_async_engine(
        database_url(server_url, MAINTENANCE_DATABASE), isolation_level="AUTOCOMMIT"
    )
    try:
        async with engine.connect() as maintenance:
            lock = {"key": zlib.crc32(name.encode())}
            await maintenance.execute(text("SELECT pg_advisory_lock(:key)"), lock)
            try:
                if not rebuild and await _exists(maintenance, name):
                    info = await _stored(url)
                    if _matches(info, scale, seed):
                        assert info is not None
                        return {**info, "reused": True}
                await maintenance.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                await maintenance.exec_driver_sql(f'CREATE DATABASE "{name}"')
                # upgrade() runs its own event loop, so it gets a thread of its own.
                await asyncio.to_thread(upgrade, url)
                info = await seeding.seed(url, scale=scale, seed=seed)
                await _write_marker(url, info)
                return {**info, "reused": False}
            finally:
                await maintenance.execute(text("SELECT pg_advisory_unlock(:key)"), lock)
    finally:
        await engine.dispose()


def ensure_dataset(
    server_url: str, *, scale: float, seed: int = 5, rebuild: bool = False
) -> dict[str, Any]:
    """The seeded database for (scale, seed), built if it is missing, stale or unfinished.
    `server_url` names the server without a database, e.g. DEFAULT_SERVER. Call it from
    synchronous code (it runs its own event loop)."""
    scale = float(scale)  # the marker compares floats: 1 and 1.0 are the same data set
    info = asyncio.run(_ensure(server_url, scale, seed, rebuild))
    name = database_name(scale)
    return {
        **info,
        "database": name,
        "database_url": database_url(server_url, name),
        "postgres_url": postgres_url(server_url, name),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true", help="seed afresh even if cached")
    parser.add_argument("--server-url", default=DEFAULT_SERVER, help="without a database")
    args = parser.parse_args()
    began = time.perf_counter()
    info = ensure_dataset(args.server_url, scale=args.scale, seed=args.seed, rebuild=args.rebuild)
    info["ensure_seconds"] = round(time.perf_counter() - began, 2)
    print(json.dumps(info, indent=2))


if __name__ == "__main__":
    main()
