"""A PostgreSQL TCP proxy that counts the SQL statements its clients run.

    .venv/bin/python bench/load/pgproxy.py 5690      # 127.0.0.1:5690 -> 127.0.0.1:5432

Point a server's DATABASE_URL at the proxy's port; `statements` counts the frontend
messages that run SQL: `Q` (simple query) and `E` (execute, extended protocol). Each is
classified by its text (a `Q` by its own, an `E` through the `B`ind of its portal to a
`P`arsed statement) as transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE)
or not. A `Q` holding several statements separated by ";" counts once. Encryption is
refused (an SSLRequest or GSSENCRequest is answered "N" here), so clients speak plain
text; the run is on loopback only. Used by run.py in a thread (`CountingProxy.start`);
as a script it runs until interrupted and prints the counts every 5 seconds, with the
statements run most often. An empty statement (";", SQLAlchemy's pre-ping on asyncpg)
is counted apart as a ping, as well as in the statements.
"""

from __future__ import annotations

import asyncio
import contextlib
import struct
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass

SSL_REQUEST = 80877103
GSSENC_REQUEST = 80877104
TRANSACTION_CONTROL = ("BEGIN", "START", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE")


@dataclass
class Counts:
    statements: int = 0
    transaction_control: int = 0
    pings: int = 0

    def __sub__(self, other: Counts) -> Counts:
        return Counts(
            self.statements - other.statements,
            self.transaction_control - other.transaction_control,
            self.pings - other.pings,
        )


def _cstring(payload: bytes, start: int = 0) -> tuple[str, int]:
    """A NUL-terminated string of a message and the offset after it."""
    end = payload.index(b"\0", start)
    return payload[start:end].decode(errors="replace"), end + 1


class _Session:
    """The frontend side of one client connection: what its statements and portals hold."""

    def __init__(self, counts: Counts, texts: Counter[str] | None) -> None:
        self.counts = counts
        self.texts = texts
        self.prepared: dict[str, str] = {}  # statement name -> SQL text
        self.portals: dict[str, str] = {}  # portal name -> SQL text

    def count(self, sql: str) -> None:
        self.counts.statements += 1
        if self.texts is not None:
            self.texts[" ".join(sql.split())[:120]] += 1
        if sql.lstrip().upper().startswith(TRANSACTION_CONTROL):
            self.counts.transaction_control += 1

    def message(self, kind: bytes, payload: bytes) -> None:
        if kind == b"Q":
            self.count(_cstring(payload)[0])
        elif kind == b"P":
            name, at = _cstring(payload)
            self.prepared[name] = _cstring(payload, at)[0]
        elif kind == b"B":
            portal, at = _cstring(payload)
            statement, _ = _cstring(payload, at)
            self.portals[portal] = self.prepared.get(statement, "")
        elif kind == b"E":
            self.count(self.portals.get(_cstring(payload)[0], ""))


class CountingProxy:
    """Listens on 127.0.0.1:`port`, forwards to `upstream`, counts statements."""

    def __init__(
        self, port: int, upstream: tuple[str, int] = ("127.0.0.1", 5432), texts: bool = False
    ) -> None:
        self.port = port
        self.upstream = upstream
        self.counts = Counts()
        # With texts: how often each statement ran (its first 120 characters), to debug.
        self.texts: Counter[str] | None = Counter() if texts else None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stop: asyncio.Event | None = None

    def snapshot(self) -> Counts:
        return Counts(**vars(self.counts))

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            # Startup: an int32 length and an int32 code, without a type byte. Refuse
            # encryption (so the stream stays readable), then pass the real startup on.
            while True:
                length, code = struct.unpack("!ii", await reader.readexactly(8))
                rest = await reader.readexactly(length - 8)
                if code not in (SSL_REQUEST, GSSENC_REQUEST):
                    break
                writer.write(b"N")
                await writer.drain()
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except (asyncio.IncompleteReadError, OSError):
            writer.close()
            return
        up_writer.write(struct.pack("!ii", length, code) + rest)
        session = _Session(self.counts, self.texts)

        async def frontend() -> None:
            while True:
                header = await reader.readexactly(5)
                payload = await reader.readexactly(struct.unpack("!i", header[1:])[0] - 4)
                session.message(header[:1], payload)
                up_writer.write(header + payload)
                await up_writer.drain()

        async def backend() -> None:
            while data := await up_reader.read(65536):
                writer.write(data)
                await writer.drain()

        tasks = [asyncio.ensure_future(frontend()), asyncio.ensure_future(backend())]
        # Either side closing ends the pair.
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
        for task in tasks:
            task.cancel()
        for stream in (writer, up_writer):
            with contextlib.suppress(OSError):
                stream.close()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._client, "127.0.0.1", self.port)
        self._ready.set()
        async with server:
            await self._stop.wait()

    def start(self) -> CountingProxy:
        """Serve in a background thread (its own event loop) until stop()."""

        def serve() -> None:
            self._loop = asyncio.new_event_loop()
            try:
                self._loop.run_until_complete(self._serve())
            finally:
                self._loop.close()

        self._thread = threading.Thread(target=serve, name=f"pgproxy:{self.port}", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError(f"the proxy did not start on port {self.port}")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread is not None:
            self._thread.join(10)


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    proxy = CountingProxy(int(sys.argv[1]), texts=True).start()
    try:
        while True:
            time.sleep(5)
            print(proxy.snapshot(), flush=True)
            assert proxy.texts is not None
            for text, count in proxy.texts.most_common(20):
                print(f"{count:8d}  {text}")
    except KeyboardInterrupt:
        proxy.stop()


if __name__ == "__main__":
    main()
