"""A connector that keeps a shop's stock in step with BatchTrack, built on batchtrack-sdk.

    python shop_sync.py --api https://batchtrack.example.com/graphql --api-key bt_live_... \\
        --secret whsec_... --port 8765 --state shop.json

It listens for webhooks (subscribe an endpoint to `inventory.*` at http://<host>:<port>/),
verifies each one, and sets the shop's stock of the item to what the event says the item
now has available. Every inventory event carries its item's state and the item's sequence
number (1, 2, 3...), so the connector applies an item's events in sequence order: an
event it has already applied is dropped (delivery is at least once), and an event past a
gap makes it read the missing ones from the `events` query first.

The shop (here a JSON file, written atomically after each change, so a crash loses
nothing) keeps, besides the stock, each item's last sequence applied and a checkpoint: a
position in the event log up to which every event is reflected. On start the connector
resynchronises from scratch when it has no shop file (the log's position first, then
every item page by page), then catches up from the checkpoint with the `events` query,
and does so again every `--reconcile-seconds`: webhooks that failed while it was down are
retried by BatchTrack only on their schedule (minutes apart), and the log has them now.

The API key needs the INVENTORY_READ and EVENTS_READ scopes."""

from __future__ import annotations

import argparse
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from batchtrack_sdk import Client, InvalidWebhook, WebhookVerifier, iter_nodes, iter_pages
from batchtrack_sdk.transport import DEFAULT_URL

INVENTORY_EVENTS = ["inventory.*"]
PAGE = 50


@dataclass
class Shop:
    """The shop's side: stock per item, and how far the connector has got."""

    stock: dict[str, str] = field(default_factory=dict)
    sequences: dict[str, int] = field(default_factory=dict)
    checkpoint: int = 0
    applied: dict[str, int] = field(default_factory=dict)  # by webhook, gap fill, catch-up

    @classmethod
    def load(cls, path: Path) -> Shop | None:
        if not path.exists():
            return None
        return cls(**json.loads(path.read_text()))

    def save(self, path: Path) -> None:
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(self.__dict__, sort_keys=True))
        os.replace(temporary, path)  # atomic: a crash leaves the old file or the new one


class Connector:
    def __init__(self, client: Client, state: Path) -> None:
        self.client = client
        self.state = state
        self.lock = threading.Lock()  # webhooks arrive on several threads
        self.shop = Shop.load(state) or self.resync()

    def resync(self) -> Shop:
        """From scratch: the log's position first, then the items as they are now, so
        every event up to that position is reflected and the checkpoint may start there."""
        latest = self.client.events(types=INVENTORY_EVENTS, last=1).nodes
        shop = Shop(checkpoint=latest[0].position if latest else 0)
        for item in iter_nodes(self.client.inventory_items, first=PAGE):
            shop.stock[item.id] = str(item.available.amount)
        shop.save(self.state)
        return shop

    def apply(self, item_id: str, sequence: int, data: Mapping[str, Any], how: str) -> bool:
        """Apply one event of an item if it is the next in its sequence (after a resync
        an item's sequence is unknown until its first event, which then counts)."""
        last = self.shop.sequences.get(item_id)
        item = data.get("item")
        if (last is not None and sequence != last + 1) or not isinstance(item, Mapping):
            return False
        self.shop.stock[item_id] = str(item["available"]["amount"])
        self.shop.sequences[item_id] = sequence
        self.shop.applied[how] = self.shop.applied.get(how, 0) + 1
        return True

    def receive(self, item_id: str, sequence: int, data: Mapping[str, Any]) -> None:
        """A webhook's event: a duplicate is dropped, a gap filled from the log first."""
        with self.lock:
            last = self.shop.sequences.get(item_id)
            if last is not None and sequence <= last:
                return
            if last is None or sequence > last + 1:
                self.fill(item_id, before=sequence)
            if not self.apply(item_id, sequence, data, "webhook"):
                self.fill(item_id, before=sequence + 1)  # still behind: the log has it all
            self.shop.save(self.state)

    def fill(self, item_id: str, before: int) -> None:
        """The item's events after the checkpoint with a sequence under `before`."""
        pages = iter_pages(
            self.client.events,
            entity_type="InventoryItem",
            entity_id=item_id,
            after_position=self.shop.checkpoint,
            first=PAGE,
        )
        for page in pages:
            for event in page:
                if event.sequence >= before:
                    return
                last = self.shop.sequences.get(item_id)
                if last is None or event.sequence > last:
                    self.apply(item_id, event.sequence, event.data, "gap fill")

    def catch_up(self) -> None:
        """Every inventory event after the checkpoint, in log order; the checkpoint moves
        page by page."""
        with self.lock:
            pages = iter_pages(
                self.client.events,
                types=INVENTORY_EVENTS,
                after_position=self.shop.checkpoint,
                first=PAGE,
            )
            for page in pages:
                for event in page:
                    last = self.shop.sequences.get(event.entity_id)
                    if last is None or event.sequence > last:
                        self.apply(event.entity_id, event.sequence, event.data, "catch-up")
                    self.shop.checkpoint = max(self.shop.checkpoint, event.position)
                self.shop.save(self.state)


def webhook_handler(
    connector: Connector, verifier: WebhookVerifier
) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            try:
                event = verifier.verify(body, dict(self.headers.items()))
            except InvalidWebhook:
                return self.answer(400)
            if event.entity is not None and event.entity.type == "InventoryItem":
                connector.receive(event.entity.id, event.entity.sequence, event.data)
            self.answer(200)  # only once the shop has it: otherwise BatchTrack retries

        def answer(self, status: int) -> None:
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per delivery is noise here

    return Handler


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--api", default=os.environ.get("BATCHTRACK_URL", DEFAULT_URL))
    parser.add_argument("--api-key", default=os.environ.get("BATCHTRACK_API_KEY"))
    secret = os.environ.get("BATCHTRACK_WEBHOOK_SECRET")
    parser.add_argument(
        "--secret",
        action="append",
        default=[secret] if secret else None,
        required=not secret,
        help="the endpoint's webhook secret (whsec_...); twice during a rotation",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--state", type=Path, default=Path("shop.json"))
    parser.add_argument("--reconcile-seconds", type=float, default=60.0)
    args = parser.parse_args(argv)
    client = Client(args.api, args.api_key)
    connector = Connector(client, args.state)
    connector.catch_up()
    handler = webhook_handler(connector, WebhookVerifier(args.secret))
    server = ThreadingHTTPServer((args.host, args.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"shop_sync: listening on http://{args.host}:{args.port}/", flush=True)
    stop = threading.Event()
    while not stop.wait(args.reconcile_seconds):
        connector.catch_up()


if __name__ == "__main__":
    main()
