"""A local HTTP server for the ingest tests and benchmark: the real web's feeds and its misbehaviours.

Binds 127.0.0.1 on a free port; its threads are daemons, every slow or stalled answer ends by itself
within a bounded time, and leaving the ``with`` block shuts it down. ``standard_routes`` serves:

- valid feeds: ``/rss090``, ``/rss091``, ``/rss10``, ``/rss20``, ``/atom``;
- validators: ``/etag`` (ETag + Last-Modified, answers 304), ``/lying-etag`` (a new ETag every time,
  same bytes);
- redirects: ``/redirect/temporary``, ``/redirect/permanent``, ``/redirect/permanent-308``,
  ``/redirect/loop-a`` ↔ ``/redirect/loop-b``, ``/redirect/chain`` (more hops than allowed);
- errors: ``/status/404``, ``/status/500``, ``/status/429`` and ``/status/503`` (with Retry-After);
- time: ``/slow`` (answers after 0.3 s), ``/stall`` (headers, then nothing), ``/trickle`` (a byte
  every 0.2 s);
- size and encodings: ``/gzip``, ``/deflate``, ``/raw-deflate``, ``/huge`` (4 MiB), ``/bomb`` (gzip,
  256 MiB once decompressed);
- hostile or odd documents: ``/malformed``, ``/billion-laughs``, ``/external-entity``,
  ``/latin1-undeclared``, ``/wrong-charset`` (says UTF-8, is Latin-1), ``/no-charset``,
  ``/dup-a`` and ``/dup-b`` (sharing two entries), ``/incomplete`` (entries without date, link or id),
  ``/scripts`` (HTML with scripts in summaries);
- pages: ``/article/<n>`` (an article page), ``/robots.txt`` (``/private/`` disallowed).
"""

from __future__ import annotations

import functools
import gzip
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from xml.sax.saxutils import escape

from app.demo.server import LocalServer

# Longest time any deliberately slow answer keeps a connection open.
STALL_SECONDS = 30.0


@dataclass(frozen=True)
class Item:
    """One feed entry; None leaves the element out."""

    title: str
    link: str | None
    guid: str | None = None
    summary: str = ""
    published: datetime | None = None
    content: str | None = None


def items(prefix: str, count: int, base: str = "https://news.example.org", start: int = 0) -> list[Item]:
    """``count`` plain entries with links ``<base>/<prefix>/<n>`` and distinct dates."""
    return [
        Item(
            title=f"{prefix} story {n}",
            link=f"{base}/{prefix}/{n}",
            guid=f"{base}/{prefix}/{n}",
            summary=f"Summary of {prefix} story {n}.",
            published=datetime(2024, 5, 1, 8, n % 60, tzinfo=UTC),
        )
        for n in range(start, start + count)
    ]


def rss20(
    entries: list[Item], title: str = "Test feed", encoding: str = "utf-8", language: str = "en"
) -> bytes:
    parts = [
        f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example.org/</link>"
        f"<description>test</description><language>{language}</language>"
    ]
    for entry in entries:
        parts.append("<item>")
        parts.append(f"<title>{escape(entry.title)}</title>")
        if entry.link:
            parts.append(f"<link>{escape(entry.link)}</link>")
        if entry.guid:
            parts.append(f'<guid isPermaLink="false">{escape(entry.guid)}</guid>')
        parts.append(f"<description>{escape(entry.summary)}</description>")
        if entry.content is not None:
            parts.append(f"<content:encoded>{escape(entry.content)}</content:encoded>")
        if entry.published:
            parts.append(f"<pubDate>{format_datetime(entry.published)}</pubDate>")
        parts.append("</item>")
    parts.append("</channel></rss>\n")
    return "".join(parts).encode(encoding)


def atom(entries: list[Item], title: str = "Atom test feed") -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">'
        f"<title>{escape(title)}</title><id>urn:test:atom</id><updated>2024-05-01T08:00:00Z</updated>"
        '<link href="https://news.example.org/"/>'
    ]
    for entry in entries:
        parts.append(f"<entry><title>{escape(entry.title)}</title>")
        if entry.link:
            parts.append(f'<link rel="alternate" href="{escape(entry.link)}"/>')
        parts.append(f"<id>{escape(entry.guid or entry.link or 'urn:none')}</id>")
        if entry.published:
            parts.append(f"<updated>{entry.published.isoformat()}</updated>")
        parts.append(f'<summary type="html">{escape(entry.summary)}</summary></entry>')
    parts.append("</feed>\n")
    return "".join(parts).encode()


def rss10(entries: list[Item]) -> bytes:
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    lis = "".join(f'<rdf:li rdf:resource="{escape(e.link or "")}"/>' for e in entries)
    parts = [
        f'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="{rdf}" xmlns="http://purl.org/rss/1.0/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        '<channel rdf:about="https://news.example.org/rss10"><title>RSS 1.0 feed</title>'
        "<link>https://news.example.org/</link><description>test</description>"
        f"<items><rdf:Seq>{lis}</rdf:Seq></items></channel>"
    ]
    for entry in entries:
        parts.append(
            f'<item rdf:about="{escape(entry.link or "")}"><title>{escape(entry.title)}</title>'
            f"<link>{escape(entry.link or '')}</link><description>{escape(entry.summary)}</description>"
        )
        if entry.published:
            parts.append(f"<dc:date>{entry.published.isoformat()}</dc:date>")
        parts.append("</item>")
    parts.append("</rdf:RDF>\n")
    return "".join(parts).encode()


def rss090(entries: list[Item]) -> bytes:
    parts = [
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel><title>RSS 0.90 feed</title>'
        "<link>https://news.example.org/</link><description>test</description></channel>"
    ]
    for entry in entries:
        parts.append(
            f"<item><title>{escape(entry.title)}</title><link>{escape(entry.link or '')}</link></item>"
        )
    parts.append("</rdf:RDF>\n")
    return "".join(parts).encode()


def rss091(entries: list[Item]) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss version="0.91"><channel>'
        "<title>RSS 0.91 feed</title><link>https://news.example.org/</link>"
        "<description>test</description><language>en-us</language>"
    ]
    for entry in entries:
        parts.append(
            f"<item><title>{escape(entry.title)}</title><link>{escape(entry.link or '')}</link>"
            f"<description>{escape(entry.summary)}</description></item>"
        )
    parts.append("</channel></rss>\n")
    return "".join(parts).encode("iso-8859-1")


@functools.cache
def gzip_bomb(decompressed_bytes: int = 2**28) -> bytes:
    """A gzip stream of zeros: about a thousandth of ``decompressed_bytes`` on the wire."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * 2**20
    out = [compressor.compress(block) for _ in range(decompressed_bytes // len(block))]
    out.append(compressor.flush())
    return b"".join(out)


@dataclass
class Page:
    """A static answer. ``etag``/``last_modified`` make the page answer conditional requests with 304."""

    body: bytes
    content_type: str = "application/rss+xml; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    encoding: str | None = None  # "gzip", "deflate" or "raw-deflate": compress on the way out
    delay: float = 0.0


Route = Callable[["_Handler"], None]


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        owner = self.server.owner
        with owner.lock:
            owner.hits[path] += 1
            owner.headers_seen.setdefault(path, []).append(dict(self.headers.items()))
            owner.in_flight[path] += 1
            owner.max_in_flight[path] = max(owner.max_in_flight[path], owner.in_flight[path])
        try:
            route = owner.routes.get(path)
            page = owner.pages.get(path)
            if route is not None:
                route(self)
            elif page is not None:
                self.send_page(page)
            else:
                self.send_plain(404, b"not found")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as the tests of limits want it to
        finally:
            with owner.lock:
                owner.in_flight[path] -= 1

    def send_plain(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_page(self, page: Page) -> None:
        if page.delay:
            time.sleep(page.delay)
        if page.etag and self.headers.get("If-None-Match") == page.etag:
            self.send_response(304)
            self.send_header("ETag", page.etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if page.last_modified and self.headers.get("If-Modified-Since") == page.last_modified:
            self.send_response(304)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = page.body
        if page.encoding == "gzip":
            body = gzip.compress(body)
        elif page.encoding == "deflate":
            body = zlib.compress(body)
        elif page.encoding == "raw-deflate":
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            body = compressor.compress(body) + compressor.flush()
        self.send_response(page.status)
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(body)))
        if page.encoding:
            self.send_header("Content-Encoding", "deflate" if "deflate" in page.encoding else "gzip")
        if page.etag:
            self.send_header("ETag", page.etag)
        if page.last_modified:
            self.send_header("Last-Modified", page.last_modified)
        for name, value in page.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests look at ``hits`` and ``headers_seen`` instead."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: FeedServer

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: clients that hang up early (timeouts, size limits) are what the tests provoke."""


class FeedServer(LocalServer):
    """Serves ``pages`` and ``routes`` (path → handler) on http://127.0.0.1:<port>; both may change
    while it runs. Counts requests per path (``hits``), keeps their headers and the most requests
    each path had in flight at once (``max_in_flight``)."""

    def __init__(self) -> None:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.owner = self
        super().__init__(server, "test-feed-server")
        self.pages: dict[str, Page] = {}
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.headers_seen: dict[str, list[dict[str, str]]] = {}
        self.in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.stopping = threading.Event()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stopping.set()  # stalled and trickling answers end now
        super().__exit__(kind, error, trace)


def redirect(target: str, status: int) -> Route:
    def answer(handler: _Handler) -> None:
        handler.send_plain(status, b"moved", {"Location": target})

    return answer


def status(code: int, headers: dict[str, str] | None = None) -> Route:
    def answer(handler: _Handler) -> None:
        handler.send_plain(code, f"status {code}".encode(), headers)

    return answer


def stall(handler: _Handler) -> None:
    """Headers and the start of a body, then silence until the client leaves or the server stops."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel>')
    handler.wfile.flush()
    handler.close_connection = True
    handler.server.owner.stopping.wait(STALL_SECONDS)


def trickle(handler: _Handler) -> None:
    """A byte every 0.2 s: each read is quick, the whole answer never is."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Connection", "close")
    handler.close_connection = True
    handler.end_headers()
    deadline = time.monotonic() + STALL_SECONDS
    while time.monotonic() < deadline and not handler.server.owner.stopping.is_set():
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(0.2)


def lying_etag(body: bytes) -> Route:
    """A new ETag and date on every request, and never a 304: only the body hash sees nothing changed."""

    def answer(handler: _Handler) -> None:
        handler.send_page(
            Page(
                body,
                etag=f'"{time.monotonic_ns()}"',
                last_modified=format_datetime(
                    datetime(2024, 5, 1, tzinfo=UTC) + timedelta(minutes=time.monotonic_ns() % 10**6),
                    usegmt=True,
                ),
            )
        )

    return answer


def huge(size: int) -> Route:
    def answer(handler: _Handler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("Connection", "close")
        handler.close_connection = True
        handler.end_headers()  # no Content-Length: the size shows only while reading
        handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>')
        block = b"x" * 65536
        for _ in range(size // len(block)):
            handler.wfile.write(block)

    return answer


SCRIPT_SUMMARY = (
    '<p>Shells <b>shipped</b>.</p><script>alert("x")</script><style>p{color:red}</style>'
    '<img src="x" onerror="alert(1)"> End &amp; more.'
)
BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;'
    b'&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'
    b'&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>\n'
    b'<rss version="2.0"><channel><title>&lol4;</title><item><title>t</title>'
    b"<link>https://news.example.org/laughs/1</link></item></channel></rss>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title>'
    b"<link>https://news.example.org/xxe/1</link></item></channel></rss>"
)
ARTICLE_TEXT = (
    "The defence ministry confirmed on Tuesday that the first batch of air-defence systems had been "
    "delivered under the contract signed last year, with training of the crews to follow. "
)


def article_page(number: int) -> bytes:
    paragraphs = "".join(f"<p>{ARTICLE_TEXT}Paragraph {i} of article {number}.</p>" for i in range(6))
    return (
        f"<!doctype html><html><head><title>Article {number}</title><script>var tracking = 1;</script>"
        f"</head><body><nav>Home | World | Defence</nav><article><h1>Article {number}</h1>{paragraphs}"
        "</article><footer>Copyright</footer></body></html>"
    ).encode()


def standard_routes(server: FeedServer) -> FeedServer:
    """Register every route listed in the module docstring on ``server``; returns it."""
    pages, routes = server.pages, server.routes
    pages["/rss090"] = Page(rss090(items("rss090", 3)))
    pages["/rss091"] = Page(rss091(items("rss091", 3)), content_type="text/xml")
    pages["/rss10"] = Page(rss10(items("rss10", 3)))
    pages["/rss20"] = Page(rss20(items("rss20", 5)))
    pages["/atom"] = Page(atom(items("atom", 4)), content_type="application/atom+xml")
    pages["/etag"] = Page(rss20(items("etag", 3)), etag='"v1"', last_modified="Wed, 01 May 2024 08:00:00 GMT")
    routes["/lying-etag"] = lying_etag(rss20(items("lying", 3)))
    routes["/redirect/temporary"] = redirect("/rss20", 302)
    routes["/redirect/permanent"] = redirect(server.url("/rss20"), 301)
    routes["/redirect/permanent-308"] = redirect("/redirect/temporary", 308)
    routes["/redirect/loop-a"] = redirect("/redirect/loop-b", 302)
    routes["/redirect/loop-b"] = redirect("/redirect/loop-a", 302)
    for hop in range(10):
        routes[f"/redirect/chain{hop or ''}"] = redirect(f"/redirect/chain{hop + 1}", 302)
    routes["/status/404"] = status(404)
    routes["/status/500"] = status(500)
    routes["/status/429"] = status(429, {"Retry-After": "120"})
    routes["/status/503"] = status(503, {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"})
    pages["/slow"] = Page(rss20(items("slow", 2)), delay=0.3)
    routes["/stall"] = stall
    routes["/trickle"] = trickle
    pages["/gzip"] = Page(rss20(items("gzip", 3)), encoding="gzip")
    pages["/deflate"] = Page(rss20(items("deflate", 3)), encoding="deflate")
    pages["/raw-deflate"] = Page(rss20(items("rawdeflate", 3)), encoding="raw-deflate")
    routes["/huge"] = huge(4 * 2**20)
    pages["/bomb"] = Page(gzip_bomb(), headers={"Content-Encoding": "gzip"})
    pages["/malformed"] = Page(rss20(items("malformed", 2))[:-30] + b"<item><title>broken & <b></channel>")
    pages["/billion-laughs"] = Page(BILLION_LAUGHS)
    pages["/external-entity"] = Page(EXTERNAL_ENTITY)
    latin = [Item("Défense: livraison à Kyiv", "https://news.example.org/latin/1", summary="Été, côté")]
    pages["/latin1-undeclared"] = Page(
        rss20(latin, encoding="iso-8859-1").replace(b' encoding="iso-8859-1"', b""),
        content_type="application/rss+xml",
    )
    pages["/wrong-charset"] = Page(
        rss20(latin, encoding="iso-8859-1"), content_type="text/xml; charset=utf-8"
    )
    pages["/no-charset"] = Page(rss20(items("nocharset", 2)), content_type="application/rss+xml")
    shared = items("shared", 2)
    pages["/dup-a"] = Page(rss20(shared + items("only-a", 2), title="Feed A"))
    pages["/dup-b"] = Page(rss20(items("only-b", 1) + shared, title="Feed B"))
    pages["/incomplete"] = Page(
        rss20(
            [
                Item("No date", "https://news.example.org/incomplete/1", guid=None),
                Item("No link, URL guid", None, guid="https://news.example.org/incomplete/2"),
                Item("No link, no id", None, guid=None, summary="dropped"),
            ]
        )
    )
    scripts = [Item("Scripts", "https://news.example.org/scripts/1", summary=SCRIPT_SUMMARY)]
    pages["/scripts"] = Page(rss20(scripts))
    pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    for number in range(10):
        pages[f"/article/{number}"] = Page(article_page(number), content_type="text/html; charset=utf-8")
        pages[f"/private/{number}"] = Page(article_page(number), content_type="text/html; charset=utf-8")
    return server
