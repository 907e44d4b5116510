"""What every ``armswatch`` command shares: settings loading, the stderr console, errors, signals.

Each stage package defines its own commands (``ingest/cli.py``, ``alerts/cli.py``, …) with these
helpers; ``app.cli`` assembles them into the one ``armswatch`` command.
"""

from __future__ import annotations

import os
import signal
import threading
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from armswatch.config import DEMO_NAMESPACE, Settings, load_settings, namespace_overrides, settings_env

console = Console(stderr=True)
JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def _use_demo_namespace(wanted: bool) -> bool:
    if wanted:  # read before any settings are loaded: the option is eager
        os.environ.update(settings_env(namespace_overrides(DEMO_NAMESPACE)))
    return wanted


DemoFlag = Annotated[
    bool,
    typer.Option(
        "--demo",
        is_eager=True,
        callback=_use_demo_namespace,
        help=f"Look at the offline demo's data (armswatch run --demo: {DEMO_NAMESPACE} topics and indices).",
    ),
]


def settings_or_exit() -> Settings:
    """The settings, or exit 2 with the reason when a file or variable is invalid."""
    try:
        return load_settings()
    except Exception as error:  # a bad file or variable: say which, and stop
        console.print(f"[red]error:[/red] invalid settings: {error}")
        raise typer.Exit(2) from None


def worker_settings() -> Settings:
    """The settings of a worker command, with its Prometheus endpoint started (if one is configured)."""
    from armswatch.metrics import serve

    settings = settings_or_exit()
    serve(settings.metrics_port, settings.metrics_host)
    return settings


def progress(message: str) -> None:
    console.print(f"[dim]·[/dim] {message}")


def fail(error: Exception | str, code: int = 1) -> typer.Exit:
    """Print the error and return the Exit to raise: ``raise fail(error) from None``."""
    console.print(f"[red]error:[/red] {escape(str(error))}")
    return typer.Exit(code)


def stop_on_signals() -> threading.Event:
    """An event set by SIGTERM or Ctrl-C, so a worker finishes its batch and commits before leaving."""
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    return stop
