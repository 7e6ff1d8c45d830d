"""The benchmark's webhook receiver: a bare asyncio HTTP/1.1 server in its own process.

    python bench/webhooks/receiver.py        (started by run.py, never by hand)

It binds 127.0.0.1 on a free port and prints `port <n>` on stdout. A POST to
`/webhooks/<endpoint>` is answered at once (unless that endpoint's mode says otherwise),
with keep-alive, and recorded as (arrival time, webhook-id, attempt number for that id,
status answered, endpoint). The arrival time is `time.monotonic()` taken when
the whole request has been read: CLOCK_MONOTONIC, the same clock in every process of the
machine, so the benchmark can subtract the producer's commit times from it.

Commands arrive on stdin, one a line, and are answered on stdout:
- `reset <fraction>`: forget what was received; from now on fail (500) the first attempt
  of that fraction of webhook-ids, chosen by a hash of "id:attempt", so the same ids fail
  on every run; retries are always accepted (a second failure would wait the retry
  schedule's 5 minutes). Every endpoint goes back to mode `ok`. Answers `ok`.
- `mode <endpoint> <ok|timeout|429>`: `timeout` never answers (the sender's time limit
  ends the request); `429` answers the first attempt of every id with 429 and
  `Retry-After: 5`, and accepts the retry. Answers `ok`.
- `dump`: answers one JSON line, {"records": [[arrival, id, attempt, status], ...]}.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sys
import time
from collections import Counter

OK = b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"
FAILED = b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 6\r\n\r\nfailed"
THROTTLED = b"HTTP/1.1 429 Too Many Requests\r\nretry-after: 5\r\ncontent-length: 0\r\n\r\n"
BAD = b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
# Only a first attempt can fail; see `reset` above.
FAILING_ATTEMPTS = 1


class Receiver:
    def __init__(self) -> None:
        self.fraction = 0.0
        self.records: list[tuple[float, str, int, int, int]] = []
        self.attempts: Counter[str] = Counter()
        self.modes: dict[int, str] = {}

    def reset(self, fraction: float) -> None:
        self.fraction = fraction
        self.records = []
        self.attempts = Counter()
        self.modes = {}

    def fails(self, webhook_id: str, attempt: int) -> bool:
        if attempt > FAILING_ATTEMPTS or self.fraction <= 0:
            return False
        digest = hashlib.sha256(f"{webhook_id}:{attempt}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < self.fraction

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                headers: dict[str, str] = {}
                lines = head.decode("latin-1").split("\r\n")
                path = lines[0].split(" ")[1] if " " in lines[0] else ""
                endpoint = int(path.rsplit("/", 1)[1]) if path.startswith("/webhooks/") else -1
                for line in lines[1:]:
                    name, _, value = line.partition(":")
                    if name:
                        headers[name.strip().lower()] = value.strip()
                length = int(headers.get("content-length", "0"))
                if length:
                    await reader.readexactly(length)
                arrived = time.monotonic()
                webhook_id = headers.get("webhook-id")
                if webhook_id is None:
                    writer.write(BAD)
                    await writer.drain()
                    return
                self.attempts[webhook_id] += 1
                attempt = self.attempts[webhook_id]
                mode = self.modes.get(endpoint, "ok")
                if mode == "timeout":
                    self.records.append((arrived, webhook_id, attempt, 0, endpoint))
                    await asyncio.sleep(3600)  # the sender gives up and closes
                    return
                if mode == "429" and attempt == 1:
                    status, answer = 429, THROTTLED
                elif self.fails(webhook_id, attempt):
                    status, answer = 500, FAILED
                else:
                    status, answer = 200, OK
                self.records.append((arrived, webhook_id, attempt, status, endpoint))
                writer.write(answer)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            return  # the peer went away, or the receiver is stopping
        finally:
            writer.close()

    async def commands(self) -> None:
        loop = asyncio.get_running_loop()
        stdin = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(stdin), sys.stdin)
        while line := (await stdin.readline()).decode().strip():
            command, _, argument = line.partition(" ")
            if command == "reset":
                self.reset(float(argument))
                print("ok", flush=True)
            elif command == "mode":
                endpoint, _, mode = argument.partition(" ")
                self.modes[int(endpoint)] = mode
                print("ok", flush=True)
            elif command == "dump":
                print(json.dumps({"records": self.records}), flush=True)
            else:
                print(f"unknown command {command!r}", flush=True)


async def main() -> None:
    receiver = Receiver()
    server = await asyncio.start_server(receiver.serve, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    print(f"port {port}", flush=True)
    async with server:
        # Ends when stdin closes: the benchmark went away, so does the receiver.
        await receiver.commands()


if __name__ == "__main__":
    asyncio.run(main())
