"""The pure and process-level parts of ``armswatch run``: worker plan, restart backoff, supervision,
metrics export and scrape, the live view's rendering."""

from __future__ import annotations

import logging
import sys
import time
from collections import deque
from pathlib import Path

from prometheus_client import generate_latest
from rich.console import Console

from app.health import Health
from app.live import View, line, render, transfer_line
from app.pipeline import _logged_as_events
from app.supervisor import Supervisor, WorkerSpec, plan_workers, restart_delay
from armswatch import samples
from armswatch.metrics import Rate, Scrape, parse_exposition
from armswatch.schema import Quantity
from armswatch.stage import StageStats


def test_plan_gives_each_enrich_copy_its_own_metrics_port() -> None:
    specs = plan_workers([("ingest", 1), ("enrich", 3), ("index", 1)], 19400)
    assert [s.name for s in specs] == ["ingest-1", "enrich-1", "enrich-2", "enrich-3", "index-1"]
    assert [s.metrics_port for s in specs] == [19400, 19401, 19402, 19403, 19404]
    assert specs[-1].argv[-3:] == ["app", "index", "run"]


def test_restart_delay_doubles_up_to_a_minute() -> None:
    assert [restart_delay(n) for n in (1, 2, 3, 4, 7, 20)] == [1, 2, 4, 8, 60, 60]


def _spec(name: str, role: str, code: str) -> WorkerSpec:
    return WorkerSpec(name, role, [sys.executable, "-c", code], 0)


def test_supervisor_restarts_a_crashed_worker_and_stops_the_rest(tmp_path: Path) -> None:
    messages: list[str] = []
    supervisor = Supervisor(
        [
            _spec("enrich-1", "enrich", "import sys; sys.exit(3)"),
            _spec("index-1", "index", "import time; time.sleep(60)"),
        ],
        tmp_path,
        {},
        messages.append,
        scope="test-supervisor",
    )
    supervisor.start()
    deadline = time.monotonic() + 10
    while supervisor.workers["enrich-1"].restarts < 1 and time.monotonic() < deadline:
        supervisor.check()
        time.sleep(0.1)
    assert any("enrich-1 exited with code 3; restarting in 1 s" in m for m in messages)
    assert any("enrich-1 restarted" in m for m in messages)
    assert supervisor.alive("index") == (1, 1)
    began = time.monotonic()
    supervisor.stop(timeout=5)
    assert time.monotonic() - began < 5  # SIGTERM ends the sleeping worker at once
    assert supervisor.alive("index") == (0, 1)
    assert (tmp_path / "enrich-1.log").exists()


def test_stage_counts_are_exported_and_scraped_back() -> None:
    stats = StageStats("unit-test-stage")
    stats.counts["processed"] += 5
    stats.counts["rejected_invalid_json"] += 2
    scraped = Scrape()
    parse_exposition(generate_latest().decode(), scraped)
    assert scraped.event("unit-test-stage", "processed") == 5
    assert scraped.rejected("unit-test-stage") == 2


def test_scrapes_of_several_workers_add_up() -> None:
    exposition = (
        '# TYPE armswatch_events counter\narmswatch_events_total{stage="enrich",event="processed"} 4.0\n'
    )
    scraped = Scrape()
    parse_exposition(exposition, scraped)
    parse_exposition(exposition, scraped)
    assert scraped.event("enrich", "processed") == 8


def test_latency_quantile_is_the_bucket_bound() -> None:
    scraped = Scrape()
    scraped.latency_count["index"] = 10
    scraped.latency_buckets["index"] = {0.5: 5, 1.0: 9, 2.0: 10, float("inf"): 10}
    assert scraped.latency_quantile("index", 0.5) == 0.5
    assert scraped.latency_quantile("index", 0.95) == 2.0


def _view() -> View:
    health = Health(group_lag={"enrich": 12, "index": 0, "alerts": None}, documents={"articles": 40})
    parse_exposition(
        '# TYPE armswatch_events counter\narmswatch_events_total{stage="ingest",event="feeds_polled"} 30.0\n'
        'armswatch_events_total{stage="ingest",event="feeds_failed"} 2.0\n',
        health.metrics,
    )
    return View(
        health=health,
        workers={"ingest": (1, 1), "enrich": (2, 2), "index": (1, 1), "alerts": (0, 1)},
        articles_per_minute=42.0,
        latest_transfers=deque(["KP → RU · ammunition · ongoing · Demo Wire"]),
        transfers_seen=1,
        events=deque(["12:00:00 alerts-1 exited with code 1; restarting in 1 s"]),
        uptime=120,
        dead_letters=1,
        latest_deals=deque(["North Korea → Russia · ammunition (KN-23) · delivered · 3 reports, 2 outlets"]),
    )


def test_live_view_shows_the_facts() -> None:
    console = Console(record=True, width=140)
    console.print(render(_view()))
    text = console.export_text()
    for expected in (
        "feeds polled 30",
        "failing 2",
        "articles/min 42",
        "KP → RU · ammunition",
        "0/1",
        "12",
        "North Korea → Russia · ammunition (KN-23) · delivered",
    ):
        assert expected in text
    assert "restarting in 1 s" in text


def test_plain_line_for_logs() -> None:
    text = line(_view())
    assert (
        "feeds_polled=30" in text
        and "lag[enrich=12 index=0 deals=– alerts=–]" in text
        and "dead_letters=1" in text
    )


def test_rate_per_minute() -> None:
    rate = Rate()
    rate.samples.append((time.monotonic() - 30, 100))
    per_minute = rate.add(160)
    assert per_minute is not None and 119 < per_minute < 121


def test_latest_transfer_line_shows_the_stated_amounts() -> None:
    transfer = samples.transfer(
        "Pyongyang is sending millions of shells to Moscow.",
        supplier="KP",
        weapon="artillery shells",
        category="ammunition",
        status="ongoing",
    )
    assert transfer_line(transfer, "Demo Wire") == "KP → RU · ammunition · ongoing · Demo Wire"
    measured = transfer.model_copy(update={"quantity": Quantity(value=1_000_000, approximate=True)})
    assert transfer_line(measured, "Demo Wire") == "KP → RU · ammunition · ongoing · ~1,000,000 · Demo Wire"


def test_live_view_takes_log_warnings_into_its_events_while_on_screen() -> None:
    events: list[str] = []
    root = logging.getLogger()
    handlers = root.handlers[:]
    with _logged_as_events(events.append):
        logging.getLogger("tests.live.client").warning("node has failed for 4 times in a row")
        logging.getLogger("tests.live.client").info("connected")
    assert events == ["tests.live.client: node has failed for 4 times in a row"]
    assert root.handlers == handlers
