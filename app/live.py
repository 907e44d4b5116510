"""What ``armswatch run`` shows: a live panel on a terminal, one plain line per interval otherwise.

Pure rendering of a ``View`` (built by the pipeline loop from the health snapshot): no I/O here.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from app.health import Health
from app.stages import worker_stages
from armswatch.schema import TransferMention

# The stages with workers, in the data's order (ingest first).
STAGES = tuple(stage.name for stage in worker_stages())
# Those that consume a topic, so have a lag (ingest polls feeds instead).
CONSUMERS = tuple(stage.name for stage in worker_stages() if stage.input_topic is not None)
STAGE_COLUMNS = ("stage", "workers", "processed", "rejected", "lag", "p50 latency", "p95 latency")


@dataclass
class View:
    health: Health
    workers: dict[str, tuple[int, int]]
    articles_per_minute: float | None
    latest_transfers: deque[str]
    transfers_seen: int
    events: deque[str]
    uptime: float
    restarts: int = 0
    dead_letters: int | None = None
    notes: list[str] = field(default_factory=list)
    latest_deals: deque[str] = field(default_factory=deque)


def transfer_line(transfer: TransferMention, source: str) -> str:
    """``KP → RU · ammunition · ongoing · ~1,000,000 · Demo Wire``: one of the latest transfers."""
    supplier = transfer.supplier or transfer.supplier_name or "?"
    recipient = transfer.recipient or transfer.recipient_name or "?"
    parts = [f"{supplier} → {recipient}", transfer.category, transfer.status, transfer.amounts(), source]
    return " · ".join(part for part in parts if part)


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}"


def _seconds(bound: float | None) -> str:
    """A histogram bucket's upper bound: the quantile is at most this."""
    return "–" if bound is None else f"≤{bound:g} s"


def stage_rows(health: Health, workers: dict[str, tuple[int, int]]) -> list[dict[str, str]]:
    """One row per stage: workers (running/planned), processed, rejected, lag, latency bucket bounds.
    Shared by the live view, ``armswatch status`` and the web console."""
    metrics = health.metrics
    rows = []
    for stage in STAGES:
        running, planned = workers.get(stage, (0, 0))
        lag = health.group_lag.get(stage)
        rows.append(
            {
                "stage": stage,
                "workers": f"{running}/{planned}" if planned else "–",
                # ingest consumes feeds, not messages: what it published is what it processed
                "processed": _number(metrics.event(stage, "processed") or metrics.event(stage, "published")),
                "rejected": _number(metrics.rejected(stage)),
                "lag": _number(lag) if stage in CONSUMERS else "",
                "p50 latency": _seconds(metrics.latency_quantile(stage, 0.5)),
                "p95 latency": _seconds(metrics.latency_quantile(stage, 0.95)),
            }
        )
    return rows


def stage_table(health: Health, workers: dict[str, tuple[int, int]], **table_options: Any) -> Table:
    """``stage_rows`` as a terminal table."""
    rows = stage_rows(health, workers)
    table = Table(header_style="bold", **table_options)
    for column in STAGE_COLUMNS:
        table.add_column(column, justify="left" if column == "stage" else "right")
    for row in rows:
        table.add_row(*(row[column] for column in STAGE_COLUMNS))
    return table


def render(view: View) -> RenderableType:
    metrics = view.health.metrics
    header = Table.grid(expand=True, padding=(0, 3))
    for _ in range(5):
        header.add_column()
    header.add_row(
        f"[bold]feeds polled[/bold] {_number(metrics.event('ingest', 'feeds_polled'))}"
        f"  [red]failing[/red] {_number(metrics.event('ingest', 'feeds_failed'))}",
        f"[bold]articles/min[/bold] {_number(view.articles_per_minute)}",
        f"[bold]transfers[/bold] {view.transfers_seen:,}",
        f"[bold]alerts sent[/bold] {_number(metrics.event('alerts', 'alerts_sent'))}",
        f"[bold]up[/bold] {view.uptime / 60:.0f} min",
    )
    stages = stage_table(view.health, view.workers, expand=True, box=None)
    documents = view.health.documents
    store = Text(
        f"Elasticsearch: {_number(documents.get('articles'))} articles, "
        f"{_number(documents.get('mentions'))} transfer mentions, {_number(documents.get('deals'))} deals, "
        f"{_number(documents.get('alerts'))} alerts"
        f" · dead letters: {_number(view.dead_letters)}"
    )
    transfers = Text("\n".join(view.latest_transfers) or "none yet", style="cyan")
    deals = Text("\n".join(view.latest_deals) or "none yet", style="green")
    events = Text("\n".join([*view.health.problems, *view.events]) or "none", style="yellow")
    return Group(
        header,
        Panel(stages, title="stages", title_align="left"),
        store,
        Panel(transfers, title="latest transfers", title_align="left"),
        Panel(deals, title="latest deals (new or changed)", title_align="left"),
        Panel(events, title="events and errors", title_align="left"),
        *(Text(note, style="dim") for note in view.notes),
    )


def line(view: View) -> str:
    """The same facts as one log line, for a non-terminal stdout."""
    metrics = view.health.metrics
    lags = " ".join(f"{stage}={_number(view.health.group_lag.get(stage))}" for stage in CONSUMERS)
    return (
        f"feeds_polled={_number(metrics.event('ingest', 'feeds_polled'))} "
        f"feeds_failed={_number(metrics.event('ingest', 'feeds_failed'))} "
        f"articles_per_min={_number(view.articles_per_minute)} transfers={view.transfers_seen} "
        f"alerts_sent={_number(metrics.event('alerts', 'alerts_sent'))} "
        f"articles={_number(view.health.documents.get('articles'))} "
        f"mentions={_number(view.health.documents.get('mentions'))} "
        f"deals={_number(view.health.documents.get('deals'))} lag[{lags}] "
        f"rejected={sum(metrics.rejected(s) for s in STAGES):.0f} dead_letters={_number(view.dead_letters)} "
        f"restarts={view.restarts}"
    )
