"""Real local receivers for the alert channels: an HTTP endpoint and an SMTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller

from armswatch import samples
from armswatch.schema import Category, EnrichedArticle, Status


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class HttpReceiver:
    """Records every POST; answers each with the next of ``statuses`` (then 200)."""

    url: str
    requests: list[Received] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # time.time() of each accepted request

    def wait_for(self, count: int, timeout: float = 20.0) -> list[Received]:
        deadline = time.monotonic() + timeout
        while len(self.requests) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return list(self.requests)


@contextmanager
def http_receiver(statuses: list[int] | None = None, delay: float = 0.0) -> Iterator[HttpReceiver]:
    receiver = HttpReceiver(url="", statuses=list(statuses or []))
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            time.sleep(delay)
            with lock:
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                if status == 200:
                    receiver.times.append(time.time())
                    receiver.requests.append(Received(self.path, dict(self.headers.items()), body))
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Mailbox:
    port: int
    messages: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@contextmanager
def smtp_server() -> Iterator[Mailbox]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mailbox = Mailbox(port)
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    try:
        yield mailbox
    finally:
        controller.stop()


def closed_port_url() -> str:
    """An http URL on 127.0.0.1 where nothing listens: connections are refused at once."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/down"


def enriched(
    number: int,
    supplier: str = "IR",
    recipient: str = "RU",
    category: Category = "drones",
    status: Status = "delivered",
    title: str | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> EnrichedArticle:
    """An enriched article reporting one transfer, fetched now."""
    sentence = f"Iran has supplied Russia with {number} Shahed drones, officials said."
    article = samples.article(
        f"alert-article-{number}",
        url=f"https://example.org/news/{number}",
        title=title or f"Iran ships drones to Russia ({number})",
        text=sentence,
        source="Example News",
        when=now(),
    )
    lemmas = f"iran have supply russia with {number} shahed drone , official say ."
    mention = samples.transfer(
        sentence,
        supplier=supplier,
        recipient=recipient,
        category=category,
        status=status,
        sentence_lemmas=lemmas,
    )
    return samples.enriched(article, [mention], lemmas=sentence.lower(), extractor="test.v1")
