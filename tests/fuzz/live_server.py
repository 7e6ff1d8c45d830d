"""`batchtrack serve` in a child process on 127.0.0.1, for the fuzz runs.

A real server, not the app called in-process: a request that hangs the server (CPU-bound
work on a hostile value) must not hang the test, so every request has a timeout, and a
server that stopped answering is killed and started again on the same database. Its JSON
log goes to a file; the lines a request wrote tell why it failed."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

STARTUP_SECONDS = 30.0
# The server's address space: a hostile value that makes it allocate without end fails
# there (a MemoryError, seen as a 5xx) rather than taking the machine's memory.
MEMORY_LIMIT_BYTES = 3 * 1024**3
# Variables the server reads; the child gets only the ones set here.
_SETTINGS = {
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "SENTRY_DSN",
    "SENTRY_ENVIRONMENT",
    "CORS_ORIGINS",
    "LOG_LEVEL",
    "GRAPHIQL",
    "INTROSPECTION",
    "AUTO_MIGRATE",
    "SMTP_URL",
    "MAIL_FROM",
    "TRUST_FORWARDED_PROTO",
    "HOST",
    "PORT",
    "PLANNED_READS",
    "THROTTLE_MAXIMUM",
    "THROTTLE_RESTORE_RATE",
    "PUBLIC_THROTTLE_SCALE",
    "TRUSTED_PROXIES",
    "MAX_BODY_BYTES",
    "MAX_QUERY_COST",
    "MAX_QUERY_DEPTH",
    "MAX_QUERY_TOKENS",
    "MAX_QUERY_ALIASES",
    "WEBHOOK_ALLOW_HTTP",
    "WEBHOOK_ALLOWED_HOSTS",
    "TEST_DATABASE_URL",
}


def server_settings(database_url: str, redis: str | None, **overrides: str) -> dict[str, str]:
    """The environment of a test server on this backend's database (migrated by the
    session), with the throttle out of the way unless `overrides` set it."""
    settings = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": "live-server-secret",
        "LOG_LEVEL": "WARNING",
        "AUTO_MIGRATE": "false",
        "THROTTLE_MAXIMUM": "1000000000",
        "THROTTLE_RESTORE_RATE": "1000000",
        # Every test client comes from one address: the public operations' per-address
        # buckets are out of the way too.
        "PUBLIC_THROTTLE_SCALE": "1000000",
    }
    if redis:
        settings["REDIS_URL"] = redis
    settings.update(overrides)
    return settings


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))


class LiveServer:
    def __init__(self, settings: dict[str, str], workdir: Path) -> None:
        self.settings = settings
        self.workdir = workdir
        self.log_path = workdir / "server.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.base_url = ""
        self.restarts = 0

    def _environment(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key.upper() not in _SETTINGS}
        env.update(self.settings)
        return env

    def verify_email(self, email: str) -> None:
        """What the verification mail's token would do, through the operator's command on
        this server's database (a test server's mail reaches nobody)."""
        subprocess.run(
            [sys.executable, "-m", "server.cli", "verify-email", email],
            cwd=self.workdir,
            env={**self._environment(), "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        port = free_port()
        env = self._environment()
        env.update({"HOST": "127.0.0.1", "PORT": str(port), "PYTHONUNBUFFERED": "1"})
        env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server.cli", "serve"],
            cwd=self.workdir,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_limit_memory,
        )
        log.close()
        self.base_url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server exited at start:\n{self.log_tail()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.base_url + "/healthz", timeout=1).status_code == 200:
                    return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"the server did not answer within {STARTUP_SECONDS} s")

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        """For a server that stopped answering: SIGTERM would wait for the hung request."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def restart(self) -> None:
        self.kill()
        self.restarts += 1
        self.start()

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_offset(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def log_since(self, offset: int) -> str:
        with self.log_path.open("rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")

    def log_tail(self, size: int = 4000) -> str:
        return self.log_since(max(0, self.log_offset() - size))
