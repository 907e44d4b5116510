"""A small HTTP server for feeds held in memory, on 127.0.0.1: the offline demo's news source, and
the feed server of the end-to-end test and the pipeline benchmark."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    title: str
    link: str
    description: str
    published: datetime | None


def rss_feed(title: str, link: str, items: list[Item]) -> bytes:
    """An RSS 2.0 document of ``items`` (text escaped; the description may hold HTML)."""
    entries = "".join(
        f"<item><title>{escape(item.title)}</title><link>{escape(item.link)}</link>"
        f"<guid>{escape(item.link)}</guid>"
        + (f"<pubDate>{format_datetime(item.published)}</pubDate>" if item.published else "")
        + f"<description>{escape(item.description)}</description></item>"
        for item in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>{entries}</channel></rss>"
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        body = self.server.pages.get(self.path.split("?", 1)[0])
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the pipeline's own logs say what was fetched."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    pages: dict[str, bytes]


class LocalServer:
    """An HTTP server on 127.0.0.1 answering from a daemon thread while inside a ``with`` block."""

    def __init__(self, server: ThreadingHTTPServer, name: str) -> None:
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def url(self, path: str) -> str:
        return self.base_url + path

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class FeedServer(LocalServer):
    """Serves ``pages`` (path → bytes) on http://127.0.0.1:<port>; pages can change while it runs."""

    def __init__(self, pages: dict[str, bytes] | None = None, port: int = 0) -> None:
        server = _Server(("127.0.0.1", port), _Handler)
        server.pages = dict(pages or {})
        super().__init__(server, "feed-server")
        self._pages = server.pages

    def publish(self, path: str, body: bytes) -> None:
        self._pages[path] = body
