"""The web console: a Starlette application over Elasticsearch and Kafka, served by uvicorn.

Pages are server-rendered shells (Jinja2 templates, autoescaped) that fetch JSON from ``/api`` and
draw with the console's own JavaScript and SVG (``static/``); the world map's geometry is the SVG
shipped by the installed ``pygal_maps_world`` package. Nothing is loaded from another origin.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, get_args

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from app.console import api
from app.console.security import Guard, check_bind, is_loopback, new_csrf_token
from app.console.views import party_spans
from armswatch import es as es_plumbing
from armswatch.config import Settings
from armswatch.schema import CATEGORIES, Status
from index.search import compile_query

HERE = Path(__file__).parent
PAGES = {
    "live": "Live",
    "explore": "Explore",
    "search": "Search",
    "deals": "Deals",
    "alerts": "Alerts",
    "feeds": "Feeds and health",
}
STATUSES = get_args(Status)
templates = Jinja2Templates(directory=str(HERE / "templates"))


@cache
def world_map() -> bytes:
    """The world map's SVG (countries as ``<g class="<iso code> country">``), from its package."""
    return (resources.files("pygal_maps_world") / "worldmap.svg").read_bytes()


def warm_up() -> None:
    """Load what the first query would (the query lemmatizers, the state names): seconds once, so that
    no user waits for it."""
    compile_query("warm up", "mentions")
    party_spans("", {"supplier": "FR", "lang": "en"})


def _page(name: str) -> Any:
    def page(request: Request) -> Response:
        state: api.ConsoleState = request.app.state.console
        return templates.TemplateResponse(
            request,
            f"{name}.html",
            {
                "page": name,
                "pages": PAGES,
                "csrf_token": state.csrf_token,
                "prefix": state.prefix,
                "categories": CATEGORIES,
                "statuses": STATUSES,
            },
        )

    return page


def _map(request: Request) -> Response:
    return Response(world_map(), media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


def create_app(settings: Settings, *, token: str | None = None, loopback_only: bool = True) -> Any:
    """The console application (wrapped in its security guard). ``token``: the access token every
    request must carry; ``loopback_only``: answer only requests addressed to a loopback name."""
    es = es_plumbing.client(settings, request_timeout=10)
    state = api.ConsoleState(settings, es, new_csrf_token())

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        await asyncio.to_thread(warm_up)
        state.stream.start()
        try:
            yield
        finally:
            state.close()
            es.close()

    routes = [
        Route("/", lambda request: RedirectResponse("/live")),
        *(Route(f"/{name}", _page(name)) for name in PAGES),
        Route("/map/world.svg", _map),
        Route("/api/live/events", api.live_events),
        Route("/api/live/recent", api.live_recent),
        Route("/api/live/counters", api.counters),
        Route("/api/search", api.search),
        Route("/api/search/export", api.export),
        Route("/api/explore", api.explore),
        Route("/api/deals", api.deals),
        Route("/api/rules", api.rules),
        Route("/api/rules", api.create_rule, methods=["POST"]),
        Route("/api/rules/check", api.check_rule),
        Route("/api/rules/test", api.test_rule),
        Route("/api/rules/{rule}", api.update_rule, methods=["PUT"]),
        Route("/api/rules/{rule}", api.delete_rule, methods=["DELETE"]),
        Route("/api/rules/{rule}/enabled", api.enable_rule, methods=["POST"]),
        Route("/api/alerts", api.recent_alerts),
        Route("/api/feeds", api.feeds),
        Route("/api/feeds", api.add_feed, methods=["POST"]),
        Route("/api/feeds/remove", api.remove_feed, methods=["POST"]),
        Route("/api/feeds/opml", api.export_opml),
        Route("/api/feeds/opml", api.import_opml, methods=["POST"]),
        Route("/api/health", api.health),
        Route("/api/deadletters", api.dead_letters),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.console = state
    return Guard(app, loopback_only=loopback_only, token=token, csrf_token=state.csrf_token)


@dataclass
class Served:
    """A console running in a thread of this process (``armswatch run``, tests, the bench)."""

    server: uvicorn.Server
    thread: threading.Thread
    url: str

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


def _server(settings: Settings, host: str, port: int, token: str | None) -> uvicorn.Server:
    check_bind(host, token)
    app = create_app(settings, token=token, loopback_only=is_loopback(host))
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        timeout_graceful_shutdown=2,  # open event streams would hold the shutdown otherwise
        lifespan="on",
    )
    return uvicorn.Server(config)


def address(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    shown = f"[{shown}]" if ":" in shown and not shown.startswith("[") else shown
    return f"http://{shown}:{port}/"


def serve(settings: Settings, host: str, port: int, token: str | None) -> None:
    """Serve until interrupted. Raises BindRefused (no token for a non-loopback address)."""
    _server(settings, host, port, token).run()


def _check_free(host: str, port: int) -> None:
    """Raise OSError (with what to do) when ``host:port`` cannot be bound, e.g. another console has it."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise OSError(
                f"{host}:{port} is taken ({error.strerror}); set ARMSWATCH_UI_PORT or use --no-ui"
            ) from None


def start(settings: Settings, host: str, port: int, token: str | None, wait: bool = True) -> Served:
    """Serve in a background thread; ``port=0`` takes a free port. With ``wait``, return once it
    answers (raises OSError when it cannot listen); without, at once (``armswatch run`` does not hold
    its workers for the console's warm-up). Raises BindRefused."""
    server = _server(settings, host, port, token)
    if not wait and port:
        _check_free(host, port)
    thread = threading.Thread(target=server.run, name="console", daemon=True)
    thread.start()
    if not wait:
        return Served(server, thread, address(host, port))
    while not server.started:
        if not thread.is_alive():
            raise OSError(f"the web console could not listen on {host}:{port}: is the port in use?")
        threading.Event().wait(0.05)
    bound = server.servers[0].sockets[0].getsockname()[1]
    return Served(server, thread, address(host, bound))


@contextlib.contextmanager
def serving(
    settings: Settings, host: str = "127.0.0.1", port: int = 0, token: str | None = None
) -> Iterator[Served]:
    """Serve while the block runs (tests, the bench)."""
    served = start(settings, host, port, token)
    try:
        yield served
    finally:
        served.stop()
