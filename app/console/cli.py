"""``armswatch ui``: serve the web console."""

from __future__ import annotations

from typing import Annotated

import typer

from armswatch.clikit import fail, progress, settings_or_exit


def register(app: typer.Typer) -> None:
    """Add the ``ui`` command to the ``armswatch`` command."""
    app.command("ui")(ui_command)


def ui_command(
    host: Annotated[
        str | None,
        typer.Option(
            help="Address to bind (default ARMSWATCH_UI_HOST, 127.0.0.1). Another address than "
            "loopback needs --token."
        ),
    ] = None,
    port: Annotated[int | None, typer.Option(help="Port (default ARMSWATCH_UI_PORT, 8765).")] = None,
    token: Annotated[
        str | None,
        typer.Option(
            help="Access token every request must carry (default ARMSWATCH_UI_TOKEN); open "
            "http://HOST:PORT/?token=TOKEN once, the browser keeps it in a cookie."
        ),
    ] = None,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo", help="Show the data of `armswatch run --demo` (its armswatch-demo namespace)."
        ),
    ] = False,
) -> None:
    """Serve the web console: Live, Explore, Search, Alerts, Feeds and health, reading Elasticsearch and
    Kafka directly. `armswatch run` starts it too.

    Example: armswatch ui --port 8765   then open http://127.0.0.1:8765/
    """
    from app.console.security import BindRefused
    from app.console.server import address, serve
    from armswatch.config import DEMO_NAMESPACE, namespace_overrides

    settings = settings_or_exit()
    if demo:
        settings = settings.model_copy(update=namespace_overrides(DEMO_NAMESPACE))
    host = host or settings.ui_host
    port = port if port is not None else settings.ui_port
    secret = token or (settings.ui_token.get_secret_value() if settings.ui_token else None)
    progress(f"web console on {address(host, port)} (indices {settings.index_prefix}-*); Ctrl-C stops")
    try:
        serve(settings, host, port, secret)
    except BindRefused as error:
        raise fail(error, 2) from None
