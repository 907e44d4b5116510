"""``armswatch run``: the whole pipeline from one command.

Brings the stack up when it is local, creates topics, templates and aliases, starts the workers as
separate processes under a supervisor, and shows their progress until Ctrl-C or SIGTERM; then stops
the workers in order (each finishes its batch and commits) and, if asked, the stack.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.errors import KafkaError, UnknownTopicOrPartitionError
from rich.console import Console
from rich.live import Live

from app.health import HealthProbe, runtime_file
from app.live import View, line, render, transfer_line
from app.stages import set_up, worker_stages
from app.supervisor import Supervisor, WorkerSpec, find_strays, plan_workers, stop_strays
from armswatch import es as es_plumbing
from armswatch import stack
from armswatch.config import Settings
from armswatch.metrics import Rate
from armswatch.schema import Deal, EnrichedArticle
from armswatch.stagespec import Progress

if TYPE_CHECKING:
    from app.console.server import Served


@dataclass(frozen=True)
class RunOptions:
    # Processes of each stage declared one per core (enrich); the others run one.
    scaled_workers: int
    stop_stack: bool = False
    refresh_seconds: float = 1.0
    plain_interval_seconds: float = 10.0
    exit_after: float | None = None
    # Serve the web console (app/console/) beside the workers, at the settings' ui_host and ui_port.
    web_console: bool = False


def default_scaled_workers() -> int:
    return max(1, os.cpu_count() or 1)


def prepare(settings: Settings, progress: Progress) -> None:
    """Stack (if local), then every stage's setup: everything the workers expect."""
    stack.up(settings, progress)
    set_up(settings, progress)


def plan(options: RunOptions, base_port: int) -> list[WorkerSpec]:
    """The worker processes of every stage that has a worker."""
    roles = [(stage.name, options.scaled_workers if stage.one_per_core else 1) for stage in worker_stages()]
    return plan_workers(roles, base_port)


class TopicTail:
    """The newest records of a topic as view lines, read without a consumer group (no offsets touched)."""

    def __init__(
        self, settings: Settings, topic: str, describe: Callable[[bytes], list[str]], keep: int = 6
    ) -> None:
        self.consumer = KafkaConsumer(
            bootstrap_servers=settings.bootstrap_servers,
            client_id="armswatch-run-view",
            enable_auto_commit=False,
        )
        partitions = self.consumer.partitions_for_topic(topic) or set()
        assigned = [TopicPartition(topic, p) for p in partitions]
        self.consumer.assign(assigned)
        self.consumer.seek_to_end(*assigned)
        self.describe = describe
        self.latest: deque[str] = deque(maxlen=keep)
        self.seen = 0

    def poll(self) -> None:
        try:
            batches = self.consumer.poll(timeout_ms=0, max_records=500)
        except KafkaError:
            return
        for records in batches.values():
            for record in records:
                if record.value is None:
                    continue  # a compacted topic's deletion (a deal merged into another)
                try:
                    lines = self.describe(record.value)
                except ValueError:
                    continue  # the stages dead-letter bad input; the view just skips it
                self.seen += len(lines)
                self.latest.extendleft(lines)

    def close(self) -> None:
        self.consumer.close()


def transfer_lines(value: bytes) -> list[str]:
    """``KP → RU · ammunition · ongoing · source`` per transfer of an enriched article."""
    enriched = EnrichedArticle.model_validate_json(value)
    return [transfer_line(transfer, enriched.article.source) for transfer in enriched.transfers]


def deal_lines(value: bytes) -> list[str]:
    """``North Korea → Russia · ammunition (KN-23) · delivered · 12 reports, 9 outlets`` for a deal."""
    from deals.documents import pair_name_of

    deal = Deal.model_validate_json(value)
    systems = f" ({', '.join(deal.designations)})" if deal.designations else ""
    return [
        f"{pair_name_of(deal)} · {deal.category}{systems} · {deal.status} · "
        f"{deal.distinct_reports} reports, {deal.outlets} outlets"
    ]


@contextmanager
def _runtime_record(settings: Settings, specs: list[WorkerSpec], env: dict[str, str]) -> Iterator[None]:
    path = runtime_file(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "pid": os.getpid(),
        "started_at": datetime.now(UTC).isoformat(),
        "env": env,
        "workers": [{"name": s.name, "role": s.role, "metrics_url": s.metrics_url} for s in specs],
    }
    path.write_text(json.dumps(record, indent=2))
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


class _EventsHandler(logging.Handler):
    """Log records as lines of the live view's events panel."""

    def __init__(self, announce: Callable[[str], None]) -> None:
        super().__init__(logging.WARNING)
        self.announce = announce

    def emit(self, record: logging.LogRecord) -> None:
        self.announce(f"{record.name}: {record.getMessage()}"[:200])


@contextmanager
def _logged_as_events(announce: Callable[[str], None] | None) -> Iterator[None]:
    """While the live view is on screen, warnings of this process (the clients' retries while an
    index starts, say) become lines of its events panel instead of JSON lines pushing it up."""
    if announce is None:
        yield
        return
    root = logging.getLogger()
    saved = root.handlers[:]
    root.handlers[:] = [_EventsHandler(announce)]
    try:
        yield
    finally:
        root.handlers[:] = saved


class Pipeline:
    """One ``armswatch run``: the supervisor, the probes the view reads, and the view loop."""

    def __init__(
        self,
        settings: Settings,
        options: RunOptions,
        console: Console,
        progress: Progress,
        env: dict[str, str] | None = None,
        on_tick: Callable[[View], list[str]] | None = None,
        before_workers: Callable[[], None] | None = None,
    ) -> None:
        """``env`` holds settings overrides (``ARMSWATCH_*``) for every worker; ``on_tick`` may add
        notes to the view (the demo reports its search there); ``before_workers`` runs once the
        topics and indices exist (the demo adds its alert rule there)."""
        self.settings = settings
        self.options = options
        self.console = console
        self.progress = progress
        self.env = env or {}
        self.on_tick = on_tick
        self.before_workers = before_workers
        self.specs = plan(options, settings.run_metrics_base_port)
        self.events: deque[str] = deque(maxlen=8)
        self.rate = Rate()
        self.started = time.monotonic()
        self.console_url: str | None = None

    def announce(self, message: str) -> None:
        self.events.appendleft(f"{datetime.now().strftime('%H:%M:%S')} {message}")
        if not self.console.is_terminal:
            self.progress(message)

    @property
    def scope(self) -> str:
        """What the workers share with any other run's: the Kafka servers and the consumer groups."""
        groups = sorted(stage.group(self.settings) for stage in worker_stages() if stage.group is not None)
        return " ".join([self.settings.bootstrap_servers, *groups])

    def stop_strays(self) -> None:
        """Stop the workers an earlier run of this pipeline left running (they would share the
        consumer groups with ours); raises AlreadyRunning if another run still supervises them."""
        strays = find_strays(self.scope)
        if not strays:
            return
        self.progress(
            f"{len(strays)} workers of an earlier armswatch run are still running "
            f"(pids {', '.join(str(stray.pid) for stray in strays)}); stopping them"
        )
        stop_strays(strays)
        self.progress("earlier workers stopped")

    def run(self, stop: threading.Event) -> View:
        """Run until ``stop`` is set (or ``options.exit_after`` seconds); return the last view."""
        self.stop_strays()
        prepare(self.settings, self.progress)
        if self.before_workers is not None:
            self.before_workers()
        supervisor = Supervisor(
            self.specs, self.settings.stack_dir / "run" / "logs", self.env, self.announce, self.scope
        )
        probe = HealthProbe(self.settings)
        tail = TopicTail(self.settings, self.settings.topic_enriched, transfer_lines)
        deal_tail = TopicTail(self.settings, self.settings.topic_deals, deal_lines)
        web_console = self._start_console() if self.options.web_console else None
        try:
            with _runtime_record(self.settings, self.specs, self.env):
                supervisor.start()
                self.progress(
                    f"started {len(self.specs)} workers ({', '.join(s.name for s in self.specs)}); "
                    f"logs in {supervisor.log_dir}; Ctrl-C stops"
                )
                try:
                    return self._watch(stop, supervisor, probe, (tail, deal_tail))
                finally:
                    self.progress("stopping workers (each finishes its batch and commits)")
                    supervisor.stop()
        finally:
            if web_console is not None:
                web_console.stop()
            tail.close()
            deal_tail.close()
            probe.close()
            if self.options.stop_stack:
                stack.down(self.settings, purge=False, progress=self.progress)

    def _start_console(self) -> Served | None:
        """The web console in this process, or None (said why) when it cannot be served."""
        from app.console.security import BindRefused
        from app.console.server import start

        settings = self.settings
        token = settings.ui_token.get_secret_value() if settings.ui_token else None
        try:
            served = start(settings, settings.ui_host, settings.ui_port, token, wait=False)
        except (BindRefused, OSError) as error:
            self.progress(f"web console not started: {error}")
            return None
        self.console_url = served.url
        self.progress(f"web console: {served.url}")
        return served

    def snapshot(
        self, supervisor: Supervisor, probe: HealthProbe, tails: tuple[TopicTail, TopicTail]
    ) -> View:
        """``tails``: the transfers on the enriched topic and the deals on the deals topic."""
        supervisor.check()
        tail, deal_tail = tails
        tail.poll()
        deal_tail.poll()
        health = probe.snapshot([spec.metrics_url for spec in self.specs])
        view = View(
            health=health,
            workers={spec.role: supervisor.alive(spec.role) for spec in self.specs},
            articles_per_minute=self.rate.add(health.topic_messages.get(self.settings.topic_raw)),
            latest_transfers=tail.latest,
            transfers_seen=tail.seen,
            latest_deals=deal_tail.latest,
            events=self.events,
            uptime=time.monotonic() - self.started,
            restarts=supervisor.restarts(),
            dead_letters=health.topic_messages.get(self.settings.topic_dead_letter),
        )
        view.notes = [f"web console: {self.console_url}"] if self.console_url else []
        if self.on_tick is not None:
            view.notes += self.on_tick(view)
        return view

    def _watch(
        self,
        stop: threading.Event,
        supervisor: Supervisor,
        probe: HealthProbe,
        tails: tuple[TopicTail, TopicTail],
    ) -> View:
        view = self.snapshot(supervisor, probe, tails)
        live = (
            Live(render(view), console=self.console, refresh_per_second=4)
            if self.console.is_terminal
            else None
        )
        last_line = 0.0
        notes_printed: set[str] = set()
        if live is not None:
            live.start()
        try:
            with _logged_as_events(self.announce if live is not None else None):
                while not stop.is_set():
                    if (
                        self.options.exit_after is not None
                        and time.monotonic() - self.started > self.options.exit_after
                    ):
                        break
                    stop.wait(self.options.refresh_seconds)
                    view = self.snapshot(supervisor, probe, tails)
                    if live is not None:
                        live.update(render(view))
                    else:
                        for note in view.notes:
                            if note not in notes_printed:
                                notes_printed.add(note)
                                print(note, file=sys.stdout, flush=True)
                        if time.monotonic() - last_line >= self.options.plain_interval_seconds:
                            last_line = time.monotonic()
                            print(line(view), file=sys.stdout, flush=True)
        finally:
            if live is not None:
                live.stop()
        return view


def delete_namespace(settings: Settings, namespace: str, progress: Progress) -> None:
    """Delete the topics and indices of a namespace (see ``namespace_overrides``), and only those."""
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, client_id="armswatch-namespace")
    try:
        doomed = [topic for topic in admin.list_topics() if topic.startswith(namespace + ".")]
        if doomed:
            with contextlib.suppress(UnknownTopicOrPartitionError):  # deleted meanwhile
                admin.delete_topics(doomed)
            deadline = time.monotonic() + 30
            while set(doomed) & set(admin.list_topics()) and time.monotonic() < deadline:
                time.sleep(0.5)  # deletion is asynchronous; re-creating too early fails
    finally:
        admin.close()
    es = es_plumbing.client(settings)
    try:
        es_plumbing.wait_until_ready(es, timeout=120)
        names = list(es.indices.get(index=f"{namespace}-*", expand_wildcards="all"))
        for name in names:  # ES 9 refuses wildcard deletes: delete by name
            es.options(ignore_status=404).indices.delete(index=name)
    finally:
        es.close()
    progress(f"namespace {namespace} reset ({len(doomed)} topics, {len(names)} indices removed)")
