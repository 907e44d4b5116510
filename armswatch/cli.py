"""The ``armswatch`` command: one sub-command per stage, each a thin wrapper over a plain function."""

from __future__ import annotations

import json
import sys
import time
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from armswatch import stack
from armswatch.config import Settings, load_settings
from armswatch.log import configure_logging

app = typer.Typer(
    help="Find reports of arms transfers between states in live news; watch, search and alert on them.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
stack_app = typer.Typer(
    help="Run a real Kafka broker and Elasticsearch node on 127.0.0.1 without Docker "
    "(fetched from Maven Central on first use).",
    no_args_is_help=True,
)
app.add_typer(stack_app, name="stack")

console = Console(stderr=True)
JsonFlag = Annotated[bool, typer.Option("--json", help="Machine-readable JSON output.")]


def _settings() -> Settings:
    try:
        return load_settings()
    except Exception as error:  # a bad file or variable: say which, and stop
        console.print(f"[red]error:[/red] invalid settings: {error}")
        raise typer.Exit(2) from None


def _progress(message: str) -> None:
    console.print(f"[dim]·[/dim] {message}")


def _fail(error: Exception, code: int = 1) -> typer.Exit:
    console.print(f"[red]error:[/red] {error}")
    return typer.Exit(code)


@app.callback()
def _root(
    log_level: Annotated[
        str, typer.Option("--log-level", "-L", help="DEBUG, INFO, WARNING or ERROR.")
    ] = "INFO",
    logger_level: Annotated[
        list[str] | None, typer.Option("--logger-level", help="Per-logger level as logger:LEVEL; repeatable.")
    ] = None,
) -> None:
    configure_logging(log_level, logger_level)


@stack_app.command("up")
def stack_up(json_output: JsonFlag = False) -> None:
    """Start Kafka and Elasticsearch (a no-op for services already running or configured as external)."""
    settings = _settings()
    began = time.monotonic()
    try:
        timings = stack.up(settings, _progress)
    except stack.StackError as error:
        raise _fail(error) from None
    total = time.monotonic() - began
    if json_output:
        print(
            json.dumps(
                {"started": timings, "seconds": round(total, 1), "services": stack.status_dicts(settings)}
            )
        )
        return
    _print_status(stack.status(settings))
    console.print(f"stack up in {total:.1f}s")


@stack_app.command("down")
def stack_down(
    purge: Annotated[bool, typer.Option("--purge", help="Also delete the servers' data and logs.")] = False,
) -> None:
    """Stop the local Kafka and Elasticsearch cleanly (their data is kept unless --purge)."""
    stack.down(_settings(), purge, _progress)


@stack_app.command("status")
def stack_status(json_output: JsonFlag = False) -> None:
    """Show whether each service runs and answers; exits 1 if one is not ready."""
    settings = _settings()
    services = stack.status(settings)
    if json_output:
        print(json.dumps(stack.status_dicts(settings)))
    else:
        _print_status(services)
    if not all(service.ready for service in services):
        raise typer.Exit(1)


@stack_app.command("logs")
def stack_logs(
    service: Annotated[str, typer.Argument(help="kafka or elasticsearch")],
    lines: Annotated[int, typer.Option("--lines", "-n", help="How many lines.")] = 50,
) -> None:
    """Print the last lines of a local server's log."""
    try:
        for line in stack.logs(_settings(), service, lines):
            print(line)
    except stack.StackError as error:
        raise _fail(error, 2) from None


def _print_status(services: list[stack.ServiceStatus]) -> None:
    table = Table("service", "address", "where", "state", "pid", "memory", "detail")
    for service in services:
        state = (
            "[green]ready[/green]"
            if service.ready
            else ("[yellow]starting[/yellow]" if service.running else "[red]stopped[/red]")
        )
        table.add_row(
            service.name,
            service.address,
            "local" if service.managed else "external",
            state,
            str(service.pid or "-"),
            f"{service.resident_memory_mb:.0f} MB" if service.resident_memory_mb else "-",
            service.detail,
        )
    Console(width=max(Console().width, 140)).print(table)


@app.command("setup")
def setup(json_output: JsonFlag = False) -> None:
    """Create the Kafka topics with their configured partitions (idempotent)."""
    from armswatch.kafka import ensure_topics, topic_specs

    settings = _settings()
    created = ensure_topics(settings)
    result: dict[str, Any] = {"topics": topic_specs(settings), "created": created}
    if json_output:
        print(json.dumps(result))
    else:
        for name, partitions in result["topics"].items():
            console.print(
                f"topic {name}: {partitions} partitions" + (" (created)" if name in created else "")
            )


@app.command("config")
def show_config(json_output: JsonFlag = False) -> None:
    """Show the settings in force and the environment variable of each (secrets masked)."""
    values = _settings().as_dict()
    if json_output:
        print(json.dumps(values))
        return
    table = Table("setting", "environment variable", "value")
    for name, value in values.items():
        table.add_row(name, f"ARMSWATCH_{name.upper()}", "" if value is None else value)
    Console(width=max(Console().width, 140)).print(table)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
