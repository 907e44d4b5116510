"""The ``armswatch`` command: one sub-command per stage, each a thin wrapper over a plain function."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from armswatch import stack
from armswatch.clikit import (
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
index_app = typer.Typer(
    help="Write enriched articles to Elasticsearch and manage its indices.", no_args_is_help=True
)
app.add_typer(index_app, name="index")


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
    """Stop the local Kafka and Elasticsearch cleanly (their data is kept unless --purge)."""
    stack.down(settings_or_exit(), purge, progress)


@stack_app.command("status")
def stack_status(json_output: JsonFlag = False) -> None:
    """Show whether each service runs and answers; exits 1 if one is not ready."""
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
    service: Annotated[str, typer.Argument(help="kafka or elasticsearch")],
    lines: Annotated[int, typer.Option("--lines", "-n", help="How many lines.")] = 50,
) -> None:
    """Print the last lines of a local server's log."""
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
    """Create the Kafka topics with their configured partitions (idempotent)."""
    from armswatch.kafka import ensure_topics, topic_specs
    from deals.worker import ensure_deals_topic

    settings = settings_or_exit()
    created = ensure_topics(settings) + ensure_deals_topic(settings)
    topics = {**topic_specs(settings), settings.topic_deals: settings.deals_partitions}
    result: dict[str, Any] = {"topics": topics, "created": created}
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
    values = settings_or_exit().as_dict()
    if json_output:
        print(json.dumps(values))
        return
    table = Table("setting", "environment variable", "value")
    for name, value in values.items():
        table.add_row(name, f"ARMSWATCH_{name.upper()}", "" if value is None else value)
    Console(width=max(Console().width, 140)).print(table)


@app.command("tag")
def tag(
    files: Annotated[
        list[Path] | None, typer.Argument(help="JSON-lines files; standard input when none.")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Tag this one text and print it readably.")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Language hint (the text decides).")] = None,
    json_output: JsonFlag = False,
) -> None:
    """Tag states and arms-transfer mentions in texts.

    Input lines are {"id", "text", optional "title", optional "lang"}; output is one JSON line each:
    {"id", "lang", "states", "transfers"}.
    """
    from enrich.tagger import Tagger

    tagger = Tagger()
    if text is not None:
        result = tagger.tag(text, lang=lang)
        if json_output:
            print(
                json.dumps(
                    {
                        "lang": result.lang,
                        "states": [s.model_dump() for s in result.states],
                        "transfers": [t.model_dump() for t in result.transfers],
                    },
                    ensure_ascii=False,
                )
            )
        else:
            _print_tagged(result)
        return
    rejected = 0
    for number, line in enumerate(_input_lines(files), start=1):
        try:
            item = json.loads(line)
            body = str(item["text"])
        except (ValueError, KeyError, TypeError) as error:
            rejected += 1
            console.print(f"[yellow]line {number} skipped:[/yellow] not a JSON object with a text ({error})")
            continue
        result = tagger.tag(body, str(item.get("title") or ""), item.get("lang"))
        print(
            json.dumps(
                {
                    "id": item.get("id"),
                    "lang": result.lang,
                    "states": [s.model_dump() for s in result.states],
                    "transfers": [t.model_dump() for t in result.transfers],
                },
                ensure_ascii=False,
            )
        )
    if rejected:
        raise typer.Exit(1)


def _input_lines(files: list[Path] | None) -> Iterator[str]:
    if not files:
        yield from (line for line in sys.stdin if line.strip())
        return
    for path in files:
        with open(path, encoding="utf-8") as handle:
            yield from (line for line in handle if line.strip())


def _print_tagged(result: Any) -> None:
    out = Console()
    out.print(f"language: {result.lang}")
    out.print("states: " + (", ".join(f"{s.name} ({s.code}) ×{s.count}" for s in result.states) or "none"))
    if not result.transfers:
        out.print("transfers: none")
    for transfer in result.transfers:
        supplier = transfer.supplier or f"[{transfer.supplier_name}]"
        recipient = transfer.recipient or f"[{transfer.recipient_name}]"
        via = f" via {', '.join(transfer.via)}" if transfer.via else ""
        out.print(
            f"[bold]{supplier} → {recipient}[/bold]{via} · {transfer.category} · {transfer.status} · "
            f"{transfer.weapon} · confidence {transfer.confidence:.2f}"
        )
        out.print(f"  “{transfer.sentence}” [{transfer.start}:{transfer.end}]")


@app.command("eval")
def eval_command(
    path: Annotated[Path, typer.Argument(help="Annotated JSON-lines file, as ../shared/eval/dev.jsonl.")],
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every passage the tagger got wrong.")
    ] = False,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Passage id to leave out; repeatable.")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Score the tagger: pair precision/recall/F1, category and status accuracy, hard negatives."""
    from enrich.evaluate import evaluate, report_rows
    from enrich.tagger import Tagger

    if not path.exists():
        raise fail(FileNotFoundError(f"{path} does not exist"), 2)
    report = evaluate(path, Tagger(), set(exclude or []))
    if json_output:
        print(json.dumps({**report.as_dict(), **({"errors": report.errors} if errors else {})}))
        return
    table = Table(
        "language",
        "items",
        "pair P",
        "pair R",
        "pair F1",
        "category acc",
        "status acc",
        "hard neg. with transfer",
    )
    for row in report_rows(report):
        table.add_row(
            row["language"],
            str(row["items"]),
            f"{row['pair_precision']:.3f}",
            f"{row['pair_recall']:.3f}",
            f"{row['pair_f1']:.3f}",
            f"{row['category_accuracy']:.3f}",
            f"{row['status_accuracy']:.3f}",
            f"{row['hard_negatives_with_transfer']}/{row['hard_negatives']}",
        )
    Console(width=max(Console().width, 140)).print(table)
    if errors:
        for error in report.errors:
            print(json.dumps(error, ensure_ascii=False))


@app.command("enrich")
def enrich_command(
    group: Annotated[
        str | None,
        typer.Option(
            "--group", help="Kafka consumer group (default: settings); workers sharing it split the work."
        ),
    ] = None,
    exit_when_idle: Annotated[
        float | None, typer.Option("--exit-when-idle", help="Stop after this many seconds without a message.")
    ] = None,
) -> None:
    """Run an enrich worker: raw articles in, enriched articles (states, transfers) out.

    Start one per core; Kafka's consumer group shares the raw topic's partitions among them.
    Rejected messages go to the dead-letter topic with the reason.
    """
    from enrich import worker

    settings = worker_settings()
    stop = stop_on_signals()
    stats = worker.run(settings, group_id=group, stop=stop, exit_when_idle=exit_when_idle)
    console.print(f"enrich stopped: {json.dumps(stats.as_dict())}")


@index_app.command("run")
def index_run(
    group: Annotated[
        str | None, typer.Option("--group", help="Kafka consumer group of the indexers (default: settings).")
    ] = None,
    exit_when_idle: Annotated[
        float | None, typer.Option("--exit-when-idle", help="Stop after this many seconds without a message.")
    ] = None,
) -> None:
    """Run an indexer: enriched articles and their transfer mentions into Elasticsearch, exactly once.

    Offsets are committed after Elasticsearch acknowledged every document of a batch; an unreachable
    or overloaded cluster pauses consumption. Documents Elasticsearch refuses go to the dead-letter topic.
    """
    from index import worker

    settings = worker_settings()
    stats = worker.run(settings, group_id=group, stop=stop_on_signals(), exit_when_idle=exit_when_idle)
    console.print(f"index stopped: {json.dumps(stats.as_dict())}")


@index_app.command("rebuild")
def index_rebuild(
    version: Annotated[
        int | None, typer.Option("--version", help="Target index version (default: active + 1).")
    ] = None,
    no_switch: Annotated[
        bool, typer.Option("--no-switch", help="Fill the new version but keep serving the old.")
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Re-extract history: replay the raw topic through the current tagger into a new index version,
    then switch the read aliases to it atomically. Restart the indexers afterwards."""
    from dataclasses import asdict

    from armswatch import es as es_plumbing
    from armswatch.stage import Backpressure
    from enrich.tagger import Tagger
    from index.rebuild import rebuild

    settings = settings_or_exit()
    try:
        report = rebuild(
            settings, es_plumbing.client(settings), Tagger(), version, switch=not no_switch, progress=progress
        )
    except Backpressure as pressure:
        raise fail(
            f"{pressure.reason}. Nothing was switched; check the cluster (armswatch status) and run the "
            f"same rebuild again: documents already written are overwritten, not duplicated."
        ) from None
    if json_output:
        print(json.dumps(asdict(report)))
    else:
        console.print(
            f"version {report.version}: {report.articles} articles, {report.documents} documents, "
            f"{report.skipped} skipped, {report.seconds}s" + (" (switched)" if report.switched else "")
        )


@index_app.command("setup")
def index_setup(json_output: JsonFlag = False) -> None:
    """Create or update the index templates (idempotent); indices appear with their first documents."""
    from index import worker

    version, names = worker.setup(settings_or_exit())
    if json_output:
        print(json.dumps({"active_version": version, "templates": names}))
    else:
        for name in names:
            console.print(f"index template {name}: ok (active version {version})")


@app.command("search")
def search_command(
    query: Annotated[
        str, typer.Argument(help='Lucene-style query: words, "phrases", AND/OR/NOT, field:value.')
    ] = "",
    supplier: Annotated[str | None, typer.Option(help="Supplier state (ISO code, e.g. KP).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient state (ISO code, e.g. RU).")] = None,
    category: Annotated[str | None, typer.Option(help="drones, missiles, aircraft, ...")] = None,
    status: Annotated[str | None, typer.Option(help="agreed, ongoing, delivered, alleged or denied.")] = None,
    lang: Annotated[str | None, typer.Option(help="Language of the article (en, fr, ...).")] = None,
    source: Annotated[str | None, typer.Option(help="Source name or domain.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    articles: Annotated[
        bool, typer.Option("--articles", help="Search articles instead of mentions.")
    ] = False,
    deals: Annotated[
        bool, typer.Option("--deals", help="Search deals (reports folded per supplier, recipient, weapon).")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", help="Results per page.")] = 20,
    pages: Annotated[int, typer.Option("--pages", help="How many pages to fetch (search_after).")] = 1,
    stats: Annotated[bool, typer.Option("--stats", help="Add counts per month and the top pairs.")] = False,
    json_output: JsonFlag = False,
) -> None:
    """Search the indexed history, newest first: transfer mentions by default, --articles or --deals.

    Example: armswatch search 'supplier:KP AND category:ammunition' --deals --since 2024-01-01
    """
    from armswatch import es as es_plumbing
    from index.search import Filters, QueryError, search

    settings = settings_or_exit()
    if articles and deals:
        raise fail("choose one of --articles and --deals", 2)
    filters = Filters(supplier, recipient, category, status, lang, source, since, until)
    kind: Any = "articles" if articles else "deals" if deals else "mentions"
    client = es_plumbing.client(settings)
    after = None
    out = Console(width=max(Console().width, 160))
    for page_number in range(pages):
        try:
            page = search(
                client,
                settings.index_prefix,
                query,
                filters,
                kind,
                limit,
                after,
                stats=stats and page_number == 0,
            )
        except QueryError as error:
            raise fail(error, 2) from None
        if json_output:
            print(
                json.dumps(
                    {
                        "total": page.total,
                        "hits": page.hits,
                        "next_after": page.next_after,
                        "aggregations": page.aggregations,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            if page_number == 0:
                out.print(f"{page.total} {kind} match")
                if stats:
                    _print_stats(out, page.aggregations)
            _print_hits(out, page.hits, kind)
        after = page.next_after
        if after is None:
            break


def _print_hits(out: Console, hits: list[dict[str, Any]], kind: str) -> None:
    """A readable table: one row per hit, the evidence sentence (or title) and the link in full."""
    if kind == "deals":
        from deals.cli import print_deals

        print_deals(out, hits)
        return
    if not hits:
        return
    table = Table(show_lines=True, expand=True)
    table.add_column("date", no_wrap=True)
    if kind == "mentions":
        table.add_column("transfer", no_wrap=True)
        table.add_column("source")
        table.add_column("evidence and link", ratio=1)
        for hit in hits:
            table.add_row(
                str(hit.get("published_at", ""))[:10],
                f"{hit['pair'].replace('>', ' → ')}\n{hit['category']}\n{hit['status']}",
                hit.get("source") or "",
                f"“{hit['evidence']}”\n[link={hit.get('url', '')}]{hit.get('url', '')}[/link]",
            )
    else:
        table.add_column("transfers", no_wrap=True)
        table.add_column("source")
        table.add_column("title and link", ratio=1)
        for hit in hits:
            table.add_row(
                str(hit.get("published_at", ""))[:10],
                "\n".join(pair.replace(">", " → ") for pair in hit.get("pairs") or []) or "none",
                hit.get("source") or "",
                f"{hit.get('title') or '(untitled)'}\n[link={hit.get('url', '')}]{hit.get('url', '')}[/link]",
            )
    out.print(table)


def _print_stats(out: Console, aggregations: dict[str, Any]) -> None:
    months = aggregations.get("per_month", {}).get("buckets", [])
    out.print(
        "per month: "
        + ", ".join(f"{b['key_as_string'][:7]} {b['doc_count']}" for b in months if b["doc_count"])
    )
    pairs = aggregations.get("top_pairs", {}).get("buckets", [])
    out.print("top pairs: " + ", ".join(f"{b['key']} {b['doc_count']}" for b in pairs))


@app.command("run")
def run_command(
    enrich_workers: Annotated[
        int | None,
        typer.Option("--enrich-workers", help="Enrich worker processes (default: one per core)."),
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
    json_output: JsonFlag = False,
) -> None:
    """Run the whole pipeline: stack (unless external), topics, indices, then ingest, enrich, index
    and alerts workers as separate processes, restarted with backoff if they crash.

    Shows a live view on a terminal (a log line every 10 s otherwise). Ctrl-C or SIGTERM stops the
    workers gracefully (batches finished, offsets committed); the stack keeps running unless
    --stop-stack. Worker logs: <stack_dir>/run/logs. `armswatch status` reports on a running pipeline.
    """
    from armswatch.pipeline import Pipeline, RunOptions, default_enrich_workers

    options = RunOptions(
        enrich_workers=enrich_workers or default_enrich_workers(),
        stop_stack=stop_stack,
        exit_after=exit_after,
    )
    stop = stop_on_signals()
    out = Console()
    try:
        if demo:
            from armswatch.demo.run import run_demo

            view = run_demo(options, stop, out, progress)
        else:
            view = Pipeline(settings_or_exit(), options, out, progress).run(stop)
    except stack.StackError as error:
        raise fail(f"{error}\nFix the stack (armswatch stack logs) or configure external servers.") from None
    if json_output:
        print(json.dumps(view.health.as_dict(), default=str))


@app.command("status")
def status_command(json_output: JsonFlag = False) -> None:
    """The pipeline's health: workers, processed and rejected messages, consumer lag per stage,
    latencies, documents in Elasticsearch — from the workers' metrics, Kafka and Elasticsearch."""
    from armswatch.health import HealthProbe, read_runtime
    from armswatch.live import stage_table

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


def _register_stage_commands() -> None:
    from alerts.cli import register as register_alerts
    from dashboards.cli import register as register_dashboards
    from deals.cli import register as register_deals
    from ingest.cli import register as register_ingest

    for register in (register_ingest, register_alerts, register_dashboards, register_deals):
        register(app)


_register_stage_commands()


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
