"""The ``armswatch`` command: one sub-command per stage, each a thin wrapper over a plain function."""

from __future__ import annotations

import inspect
import json
import sys
import threading
import time
from importlib.metadata import version as package_version
from typing import Annotated, Any, Literal, get_args

import typer
import typer.main
from rich.console import Console
from rich.table import Table

from app.console import cli as console_commands
from armswatch import stack
from armswatch.clikit import (
    DemoFlag,
    JsonFlag,
    console,
    fail,
    progress,
    settings_or_exit,
    stop_on_signals,
    worker_settings,
)
from armswatch.config import Settings
from armswatch.log import configure_logging
from armswatch.stagespec import StageSpec, WorkerOptions

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


Level = Literal["DEBUG", "INFO", "WARNING", "ERROR"]
LEVELS: tuple[Level, ...] = get_args(Level)


def _logger_levels(pairs: list[str] | None) -> list[str] | None:
    for pair in pairs or []:
        name, _, level = pair.partition(":")
        if not name or level.upper() not in LEVELS:
            raise typer.BadParameter(f"{pair!r} is not LOGGER:LEVEL with LEVEL one of {', '.join(LEVELS)}")
    return pairs


def _show_version(wanted: bool) -> None:
    if wanted:
        print(f"armswatch {package_version('armswatch')}")
        raise typer.Exit()


@app.callback()
def _root(
    context: typer.Context,
    log_level: Annotated[
        Level, typer.Option("--log-level", "-L", case_sensitive=False, help="How much the logs say.")
    ] = "INFO",
    logger_level: Annotated[
        list[str] | None,
        typer.Option(
            "--logger-level",
            metavar="LOGGER:LEVEL",
            callback=_logger_levels,
            help="One logger's level, e.g. kafka:DEBUG; repeatable.",
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", is_eager=True, callback=_show_version, help="Print the version.")
    ] = False,
) -> None:
    """Example: armswatch run --demo, then armswatch search --demo drones in another terminal."""
    # Workers and `run` keep the client libraries' warnings (in their logs, in the view's events).
    configure_logging(log_level, logger_level, quiet_clients=context.invoked_subcommand != "run")


@stack_app.command("up")
def stack_up(json_output: JsonFlag = False) -> None:
    """Start Kafka and Elasticsearch (a no-op for services already running or configured as external).

    Example: armswatch stack up
    """
    settings = settings_or_exit()
    began = time.monotonic()
    try:
        timings = stack.up(settings, progress)
    except stack.StackError as error:
        raise fail(error) from None
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
    """Stop the local Kafka and Elasticsearch cleanly (their data is kept unless --purge).

    Example: armswatch stack down --purge
    """
    stack.down(settings_or_exit(), purge, progress)


@stack_app.command("status")
def stack_status(json_output: JsonFlag = False) -> None:
    """Show whether each service runs and answers; exits 1 if one is not ready.

    Example: armswatch stack status --json
    """
    settings = settings_or_exit()
    services = stack.status(settings)
    if json_output:
        print(json.dumps(stack.status_dicts(settings)))
    else:
        _print_status(services)
    if not all(service.ready for service in services):
        raise typer.Exit(1)


@stack_app.command("logs")
def stack_logs(
    service: Annotated[Literal["kafka", "elasticsearch"], typer.Argument(help="Which server's log.")],
    lines: Annotated[int, typer.Option("--lines", "-n", help="How many lines.")] = 50,
) -> None:
    """Print the last lines of a local server's log.

    Example: armswatch stack logs kafka -n 100
    """
    try:
        for line in stack.logs(settings_or_exit(), service, lines):
            print(line)
    except stack.StackError as error:
        raise fail(error, 2) from None


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
    """Create everything the workers expect (idempotent): the Kafka topics with their configured
    partitions, the feed topics, the index templates and the alert indices.

    Example: armswatch setup --json
    """
    from app.stages import set_up
    from armswatch.kafka import topic_specs

    settings = settings_or_exit()
    created = set_up(settings, progress if not json_output else lambda _message: None)
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
    """Show the settings in force and the environment variable of each (secrets masked).

    Example: armswatch config --json
    """
    values = settings_or_exit().as_dict()
    if json_output:
        print(json.dumps(values))
        return
    table = Table("setting", "environment variable", "value")
    for name, value in values.items():
        table.add_row(name, f"ARMSWATCH_{name.upper()}", "" if value is None else value)
    Console(width=max(Console().width, 140)).print(table)


@app.command("run")
def run_command(
    scaled_workers: Annotated[
        int | None,
        typer.Option(
            "--scaled-workers",
            "--enrich-workers",
            metavar="N",
            help="Processes of each stage that runs one per core (enrich; default: one per core).",
        ),
    ] = None,
    demo: Annotated[
        bool,
        typer.Option(
            "--demo",
            help="Offline demo: serve bundled sample feeds locally, in a separate namespace "
            "(armswatch-demo topics and indices, reset at each start), with an alert rule that logs.",
        ),
    ] = False,
    stop_stack: Annotated[
        bool, typer.Option("--stop-stack", help="Stop the local Kafka and Elasticsearch on exit.")
    ] = False,
    exit_after: Annotated[
        float | None, typer.Option("--exit-after", help="Stop by itself after this many seconds.")
    ] = None,
    web_console: Annotated[
        bool,
        typer.Option(
            "--ui/--no-ui",
            help="Serve the web console (armswatch ui) at ARMSWATCH_UI_HOST:ARMSWATCH_UI_PORT "
            "(127.0.0.1:8765) and print its address.",
        ),
    ] = True,
    json_output: JsonFlag = False,
) -> None:
    """Run the whole pipeline: stack (unless external), topics, indices, then ingest, enrich, index
    and alerts workers as separate processes, restarted with backoff if they crash.

    Shows a live view on a terminal (a log line every 10 s otherwise). Ctrl-C or SIGTERM stops the
    workers gracefully (batches finished, offsets committed); the stack keeps running unless
    --stop-stack. Worker logs: <stack_dir>/run/logs. `armswatch status` reports on a running pipeline.

    Example: armswatch run --demo --exit-after 600
    """
    from app.pipeline import Pipeline, RunOptions, default_scaled_workers
    from app.supervisor import AlreadyRunning

    options = RunOptions(
        scaled_workers=scaled_workers or default_scaled_workers(),
        stop_stack=stop_stack,
        exit_after=exit_after,
        web_console=web_console,
    )
    stop = stop_on_signals()
    out = Console()
    try:
        if demo:
            from app.demo.run import run_demo

            view = run_demo(options, stop, out, progress)
        else:
            view = Pipeline(settings_or_exit(), options, out, progress).run(stop)
    except stack.StackError as error:
        raise fail(f"{error}\nFix the stack (armswatch stack logs) or configure external servers.") from None
    except AlreadyRunning as error:
        raise fail(str(error)) from None
    if json_output:
        print(json.dumps(view.health.as_dict(), default=str))


@app.command("status")
def status_command(json_output: JsonFlag = False, demo: DemoFlag = False) -> None:
    """The pipeline's health: workers, processed and rejected messages, consumer lag per stage,
    latencies, documents in Elasticsearch — from the workers' metrics, Kafka and Elasticsearch.

    Example: armswatch status --json
    """
    from app.health import HealthProbe, read_runtime
    from app.live import stage_table

    runtime = read_runtime(settings_or_exit())
    env = runtime["env"] if runtime else {}
    settings = load_settings_with(env)
    workers = runtime["workers"] if runtime else []
    probe = HealthProbe(settings)
    try:
        health = probe.snapshot([worker["metrics_url"] for worker in workers], workers)
    finally:
        probe.close()
    if json_output:
        print(json.dumps({"running": runtime is not None, **health.as_dict()}, default=str))
        return
    out = Console()
    if runtime is None:
        out.print("armswatch run is not running here (no workers to ask); Kafka and Elasticsearch:")
    else:
        out.print(f"armswatch run (pid {runtime['pid']}) since {runtime['started_at'][:19]}")
    up: dict[str, tuple[int, int]] = {}
    for worker in workers:
        running, planned = up.get(worker["role"], (0, 0))
        reachable = worker["metrics_url"] not in health.metrics.unreachable
        up[worker["role"]] = (running + reachable, planned + 1)
    table = stage_table(health, up)
    out.print(table)
    out.print(
        "Elasticsearch: "
        + ", ".join(f"{kind} {'–' if n is None else f'{n:,}'}" for kind, n in health.documents.items())
    )
    out.print(
        "Kafka: "
        + ", ".join(f"{topic} {'–' if n is None else f'{n:,}'}" for topic, n in health.topic_messages.items())
    )
    for problem in health.problems:
        out.print(f"[red]problem:[/red] {problem}")


def load_settings_with(env: dict[str, str]) -> Settings:
    """The settings a running pipeline uses: ours plus the overrides it gave its workers."""
    import os

    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        return settings_or_exit()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


GroupOption = Annotated[
    str | None,
    typer.Option(
        "--group",
        metavar="GROUP",
        help="Kafka consumer group (default: the stage's, from the settings); workers sharing it split "
        "the work.",
    ),
]
IdleOption = Annotated[
    float | None,
    typer.Option(
        "--exit-when-idle", metavar="SECONDS", help="Stop after this many seconds without a message."
    ),
]
ExitAfterOption = Annotated[
    float | None,
    typer.Option("--exit-after", metavar="SECONDS", help="Stop by itself after this many seconds."),
]


def run_worker(
    context: typer.Context,
    stage: StageSpec,
    group: str | None,
    exit_when_idle: float | None,
    exit_after: float | None,
    json_output: bool,
) -> None:
    """Run one worker of ``stage`` until Ctrl-C, SIGTERM, --exit-after or --exit-when-idle."""
    assert stage.run is not None
    if exit_when_idle is not None and not stage.stops_when_idle:
        raise fail(f"an {stage.name} worker works on its own schedule and is never idle: use --exit-after", 2)
    root = context.find_root().params  # `armswatch -L LEVEL …`: now with the client libraries' logs
    configure_logging(root["log_level"], root["logger_level"])
    settings = worker_settings()
    stop = stop_on_signals()
    timer = threading.Timer(exit_after, stop.set) if exit_after is not None else None
    if timer is not None:
        timer.daemon = True
        timer.start()
    try:
        stats = stage.run(settings, WorkerOptions(stop, group, exit_when_idle))
    finally:
        if timer is not None:
            timer.cancel()
    if json_output:
        print(json.dumps(stats.as_dict()))
    else:
        console.print(f"{stage.name} stopped: {json.dumps(stats.as_dict())}")


def _add_worker_commands(stage: StageSpec) -> None:
    """``armswatch <stage> run`` with the options every worker shares; for the stages whose name alone
    used to start a worker, ``armswatch <stage> [OPTIONS]`` still does."""

    def run_command(
        context: typer.Context,
        group: GroupOption = None,
        exit_when_idle: IdleOption = None,
        exit_after: ExitAfterOption = None,
        json_output: JsonFlag = False,
    ) -> None:
        run_worker(context, stage, group, exit_when_idle, exit_after, json_output)

    run_command.__doc__ = (
        f"{inspect.getdoc(stage.run) or f'Run an {stage.name} worker.'}\n\n"
        f"Example: armswatch {stage.name} run --group my-{stage.name}-workers --exit-after 3600"
    )
    stage.commands.command("run")(run_command)
    if not stage.bare_name_runs:
        return

    def bare_name(
        context: typer.Context,
        group: GroupOption = None,
        exit_when_idle: IdleOption = None,
        exit_after: ExitAfterOption = None,
        json_output: JsonFlag = False,
    ) -> None:
        if context.invoked_subcommand is None:
            run_worker(context, stage, group, exit_when_idle, exit_after, json_output)

    bare_name.__doc__ = (
        f"{stage.commands.info.help}\n\nWith no command, the options run a worker, as "
        f"`armswatch {stage.name} run` does (the spelling from before `run`)."
    )
    stage.commands.callback(invoke_without_command=True)(bare_name)


def _add_stage_commands() -> None:
    from app.stages import STAGES

    for stage in STAGES:
        if stage.run is not None:
            _add_worker_commands(stage)
        app.add_typer(stage.commands, name=stage.name)
        if stage.root_commands is not None:
            app.add_typer(stage.root_commands)


_add_stage_commands()
console_commands.register(app)


def command() -> Any:
    """The ``armswatch`` command as the terminal runs it, every value named readably in ``--help``."""
    root = typer.main.get_command(app)
    _name_values(root)
    return root


def _name_values(command: Any) -> None:
    """Name each option's value by the option (``--since SINCE``) and each argument by itself
    (``QUERY``), where the command gave no better name, instead of by its Python type
    (``<list[Path]>``, ``{path}``). Fixed choices keep their list (``<agreed|ongoing|…>``)."""
    for param in command.params:
        described = getattr(param, "type_descriptor", None)
        choices = described is not None and described.is_choice and param.param_type_name == "option"
        if param.metavar is None and param.name and not getattr(param, "is_flag", False) and not choices:
            param.metavar = param.name.upper()
    for sub in getattr(command, "commands", {}).values():
        _name_values(sub)


def main() -> None:
    """Console-script entry point: the one place where an error becomes a line, not a traceback."""
    from app.errors import report

    try:
        command().main(prog_name="armswatch")  # prints usage errors itself (exit 2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        sys.exit(report(error))
