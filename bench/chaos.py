"""The standing fault suite: the whole pipeline under the faults a production run meets, compared
with a clean run of the same input.

Each scenario runs the workers of ``armswatch run`` (one process per stage, under its supervisor) in
a namespace of its own (topics, groups, indices ``chaos-<scenario>-<id>``, deleted afterwards), with
a local feed server publishing N articles (1 in 10 about arms, from the repository's tuning sets) and a
counting webhook receiver behind an alert rule that fires on every transfer. While the load is
flowing it injects its fault, then produces a sentinel article to the raw topic and times how long
after the fault ended it is searchable (recovery: it waits behind the load still in the topics, as
in the clean run at the same point, and may take at most 60 s longer than there). When the pipeline
is quiet again it compares articles, mentions, alerts and deliveries with the clean run, and counts
duplicate deliveries and worker crashes.

Scenarios (``--scenarios`` picks some; default: all but broker-150s, which ``--full`` adds):

- clean: no fault (the reference);
- kill-ingest, kill-enrich, kill-index, kill-alerts: ``kill -9`` of that worker under load (the
  supervisor restarts it);
- sigterm: SIGTERM to every worker under load, then a new start (as ``armswatch run`` stopped and
  started again);
- broker-10s, broker-150s: the Kafka broker killed (``kill -9``) for that long, then restarted;
- es-pause-30s: Elasticsearch frozen (SIGSTOP) for 30 s, then SIGCONT;
- poison: straight to the raw topic, each followed by a sentinel on the same partition: non-JSON,
  empty, invalid UTF-8, JSON nested 100,000 deep, a 990,000-character article, 2 MB of 0x01;
- huge-article: an article of 6,000-8,000 arms sentences, then a sentinel on the same partition.

Broker and Elasticsearch faults run on a second stack of this suite's own (free ports from 31000,
data in ``--stack-dir``), started for them and removed afterwards: the shared stack is never stopped
or paused.

    armswatch stack up && python bench/chaos.py [--articles 300] [--scenarios poison,kill-enrich]
        [--full] [--json]

Exit status 0 when every scenario passed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests' receivers

from elasticsearch import ApiError, Elasticsearch, TransportError
from enrich_bench import build_mix
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.errors import KafkaError
from pipeline_bench import feeds_of
from rich.console import Console
from rich.table import Table

from alerts import store
from alerts.rules import new_rule
from app.demo.server import FeedServer
from app.health import HealthProbe
from app.pipeline import RunOptions, delete_namespace, plan
from app.stages import set_up
from app.supervisor import Supervisor
from armswatch import es as es_plumbing
from armswatch import stack
from armswatch.config import Settings, load_settings, namespace_overrides, settings_env
from armswatch.kafka import producer_config
from armswatch.schema import Article
from armswatch.stack import elasticsearch_server, kafka_server
from armswatch.stack.processes import ManagedProcess
from ingest.registry import Registry, new_feed
from tests.alerts_receivers import HttpReceiver, http_receiver

SENTINEL_TEXT = "The town council approved the budget for the new public library on Tuesday."
ARMS_SENTENCES = (
    "Iran delivered Shahed drones to Russia last month.",
    "France sold Rafale fighter jets to India under the new contract.",
    "The United States supplied Patriot missiles to Ukraine this spring.",
    "Germany shipped Leopard tanks to Poland, officials said.",
)
QUIET_SECONDS = 8.0  # counts unchanged this long (and no delivery pending): the run is over
# The ports of the suite's own stack, in this order from the first of a free block: two runs of the
# suite on one machine get their own stacks.
OWN_STACK_PORTS = (
    "kafka_port",
    "kafka_controller_port",
    "elasticsearch_port",
    "elasticsearch_transport_port",
)

Say = Callable[[str], None]


@dataclass
class Outcome:
    """What a scenario left in its namespace, and how it compares with the clean run."""

    scenario: str
    articles: int = 0
    mentions: int = 0
    alerts: int = 0
    deliveries: int = 0
    duplicates: int = 0
    dead_letters: int = 0
    restarts: dict[str, int] = field(default_factory=dict)  # worker restarts by role, the fault's own too
    recovery_s: float | None = None
    seconds: float = 0.0
    passed: bool | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Scenario:
    name: str
    inject: Callable[[Run], None]
    own_stack: bool = False
    # A sentinel produced when the fault ended waits behind the load still in the topics, as it does in
    # the clean run at the same point: it may take this much longer than the clean run's.
    recovery_limit_s: float = 60.0
    # The fault comes once this share of the load is searchable; 0: as soon as the feeds are registered.
    trigger_share: float = 0.1
    killed: str | None = None  # the role whose worker the fault kills: one restart of it is expected


def free_port_block(size: int, start: int = 21000) -> int:
    """The first port of ``size`` consecutive free ports on 127.0.0.1 from ``start`` (shifted by this
    process's id, so that two suites rarely probe the same ports)."""
    for base in range(start + os.getpid() % 500 * 10, start + 9000, size):
        if all(_port_free(base + n) for n in range(size)):
            return base
    raise RuntimeError(f"no {size} free consecutive ports from {start}")


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (a launcher script's JVM may have left its group)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                stat = (entry / "stat").read_text()
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += children.get(current, [])
    return tree


def signal_tree(pid: int, signum: signal.Signals) -> None:
    for member in process_tree(pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(member, signum)


def sentinel(tag: str) -> Article:
    now = datetime.now(UTC)
    article_id = f"chaos-sentinel-{tag}-{uuid.uuid4().hex[:8]}"
    return Article(
        id=article_id,
        url=f"http://127.0.0.1/sentinels/{article_id}",
        source="Chaos sentinel",
        title=f"Library budget ({tag})",
        text=SENTINEL_TEXT,
        language="en",
        published_at=now,
        fetched_at=now,
    )


class Run:
    """One scenario's pipeline: its namespace, workers, feed server, receiver and Elasticsearch."""

    def __init__(self, settings: Settings, env: dict[str, str], namespace: str, say: Say) -> None:
        self.settings = settings
        self.env = env
        self.namespace = namespace
        self.say = say
        self.es: Elasticsearch = es_plumbing.client(settings)
        self.probe = HealthProbe(settings)
        self.receiver: HttpReceiver | None = None
        self.supervisor = self.new_supervisor()
        self.fault_ended: float | None = None
        self.sentinels: list[str] = []  # recovery sentinels, searched for after the fault
        self.excluded: list[str] = []  # articles the scenario added beside the load
        self.notes: list[str] = []
        self.restarts: Counter[str] = Counter()  # of supervisors replaced during the run
        self._watching = threading.Event()
        self._watcher: threading.Thread | None = None

    def new_supervisor(self) -> Supervisor:
        specs = plan(RunOptions(scaled_workers=1), self.settings.run_metrics_base_port)
        log_dir = Path(os.environ.get("TMPDIR", "/tmp")) / "armswatch-chaos" / self.namespace
        # The scope marks this run's workers as its own (one namespace: one set of consumer groups).
        return Supervisor(specs, log_dir, self.env, lambda message: self.say(f"  {message}"), self.namespace)

    # Workers.

    def start_workers(self) -> None:
        self.supervisor.start()
        self._watching.set()
        self._watcher = threading.Thread(target=self._watch, name="chaos-supervisor", daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        while self._watching.is_set():
            self.supervisor.check()
            time.sleep(0.5)

    def stop_workers(self) -> None:
        self._watching.clear()
        if self._watcher is not None:
            self._watcher.join()
        self.supervisor.stop(timeout=60)

    def restarts_by_role(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for worker in self.supervisor.workers.values():
            counts[worker.spec.role] += worker.restarts
        return counts

    def worker_pid(self, role: str) -> int:
        for worker in self.supervisor.workers.values():
            if worker.spec.role == role and worker.process is not None:
                return worker.process.pid
        raise RuntimeError(f"no running {role} worker")

    # Input.

    def produce(self, values: list[tuple[bytes, bytes]], partition: int = 0) -> list[str]:
        """Send (key, value) records to one partition of the raw topic; return what the broker refused."""
        refused = []
        producer = KafkaProducer(**producer_config(self.settings, "chaos"))
        try:
            for key, value in values:
                try:
                    producer.send(self.settings.topic_raw, key=key, value=value, partition=partition).get(60)
                except KafkaError as error:  # a refused record can leave the producer unusable
                    refused.append(f"{len(value)} bytes: {type(error).__name__}")
                    producer.close(timeout=5)
                    producer = KafkaProducer(**producer_config(self.settings, "chaos"))
        finally:
            producer.close(timeout=10)
        return refused

    def produce_sentinel(self, tag: str, partition: int = 0) -> str:
        article = sentinel(tag)
        self.produce([(article.id.encode(), article.model_dump_json().encode())], partition)
        return article.id

    # Observation.

    def count(self, kind: str, query: dict[str, Any] | None = None) -> int:
        try:
            return int(
                self.es.count(index=f"{self.namespace}-{kind}", query=query or {"match_all": {}})["count"]
            )
        except (ApiError, TransportError):  # missing before the first document; 503 while shards start
            return 0

    def searchable(self, article_id: str) -> bool:
        return self.count("articles", {"ids": {"values": [article_id]}}) > 0

    def wait_searchable(self, article_ids: list[str], timeout: float) -> float | None:
        """Seconds until every article is searchable, or None after ``timeout``."""
        began = time.monotonic()
        waiting = list(article_ids)
        while time.monotonic() - began < timeout:
            waiting = [a for a in waiting if not self.searchable(a)]
            if not waiting:
                return time.monotonic() - began
            time.sleep(0.5)
        return None

    def snapshot(self) -> tuple[int, ...]:
        """Articles, mentions and alerts of the load (not of sentinels or the scenario's own articles),
        requests received, deliveries pending (-1 while Elasticsearch does not answer)."""
        articles = {"bool": {"must_not": [{"ids": {"values": self.sentinels + self.excluded}}]}}
        others = {"bool": {"must_not": [{"terms": {"article_id": self.excluded}}]}}
        try:
            pending = store.outbox_counts(self.es, self.namespace).get("pending", 0)
        except (ApiError, TransportError):  # paused or restarting: nothing to count now
            pending = -1
        return (
            self.count("articles", articles),
            self.count("mentions", others),
            self.count("alerts", others),
            len(self.receiver.requests) if self.receiver else 0,
            pending,
        )

    def wait_quiet(self, target_articles: int, timeout: float) -> float:
        """Until the load is searchable, every stage's consumer group has committed its input, no
        delivery is pending and the counts stayed put QUIET_SECONDS; return the seconds it took
        (``timeout`` if it never was)."""
        began = time.monotonic()
        deadline = began + timeout
        last: tuple[int, ...] | None = None
        since = time.monotonic()
        while time.monotonic() < deadline:
            current = self.snapshot()
            if current != last:
                last, since = current, time.monotonic()
            elif (
                current[0] >= target_articles
                and current[4] == 0
                and time.monotonic() - since > QUIET_SECONDS
                and self.lag() == 0
            ):
                return since - began
            time.sleep(1.0)
        self.notes.append(f"not quiet after {timeout:.0f} s: {last}")
        return timeout

    def outcome(self, scenario: str) -> Outcome:
        articles, mentions, alerts, _requests, _pending = self.snapshot()
        theirs = self.es.search(
            index=f"{self.namespace}-alerts",
            query={"terms": {"article_id": self.excluded}},
            size=1000,
            source_includes=["alert_id"],
        )["hits"]["hits"]
        excluded = {hit["_source"]["alert_id"] for hit in theirs}
        ids = Counter(
            alert_id
            for request in (self.receiver.requests if self.receiver else [])
            for alert_id in request.headers.get("X-Armswatch-Alert-Ids", "").split(",")
            if alert_id and alert_id not in excluded
        )
        return Outcome(
            scenario,
            articles=articles,
            mentions=mentions,
            alerts=alerts,
            deliveries=len(ids),
            duplicates=sum(count - 1 for count in ids.values()),
            dead_letters=self._dead_letters(),
            restarts=dict(+(self.restarts + self.restarts_by_role())),
            notes=self.notes,
        )

    def _dead_letters(self) -> int:
        return sum(self._end_offsets(self.settings.topic_dead_letter).values())

    def _end_offsets(self, topic: str) -> dict[TopicPartition, int]:
        consumer = KafkaConsumer(bootstrap_servers=self.settings.bootstrap_servers, client_id="chaos-count")
        try:
            partitions = consumer.partitions_for_topic(topic) or set()
            assigned = [TopicPartition(topic, p) for p in partitions]
            return dict(consumer.end_offsets(assigned)) if assigned else {}
        finally:
            consumer.close()

    def lag(self) -> int | None:
        """Records the stages' consumer groups have not committed yet (None when unknown), as
        ``armswatch status`` reports them."""
        lags = self.probe.snapshot([]).group_lag
        return None if not lags or None in lags.values() else sum(lag or 0 for lag in lags.values())

    def close(self) -> None:
        self.probe.close()
        self.es.close()


# Faults. Each runs while the load flows, sets run.fault_ended and adds recovery sentinels.


def no_fault(run: Run) -> None:
    run.fault_ended = time.monotonic()


def kill_worker(role: str) -> Callable[[Run], None]:
    def inject(run: Run) -> None:
        pid = run.worker_pid(role)
        run.say(f"  kill -9 {role} worker (pid {pid})")
        os.kill(pid, signal.SIGKILL)
        run.fault_ended = time.monotonic()

    return inject


def sigterm_all(run: Run) -> None:
    run.say("  SIGTERM to every worker under load, then a new start")
    run.stop_workers()
    run.restarts += run.restarts_by_role()
    run.supervisor = run.new_supervisor()
    run.start_workers()
    run.fault_ended = time.monotonic()


def own_pid(managed: ManagedProcess) -> int:
    """The pid of a server of the suite's own stack (the scenario refuses to go on without it)."""
    pid = managed.pid()
    if pid is None:
        raise RuntimeError(f"the suite's own {managed.name} is not running")
    return pid


def broker_down(seconds: float) -> Callable[[Run], None]:
    def inject(run: Run) -> None:
        pid = own_pid(kafka_server.process(run.settings))
        run.say(f"  kill -9 the broker (pid {pid}) for {seconds:.0f} s")
        signal_tree(pid, signal.SIGKILL)
        time.sleep(seconds)
        stack.up(run.settings, lambda message: run.say(f"  {message}"))
        run.fault_ended = time.monotonic()

    return inject


def es_pause(seconds: float) -> Callable[[Run], None]:
    def inject(run: Run) -> None:
        pid = own_pid(elasticsearch_server.process(run.settings))
        run.say(f"  SIGSTOP Elasticsearch (pid {pid}) for {seconds:.0f} s")
        signal_tree(pid, signal.SIGSTOP)
        try:
            time.sleep(seconds)
        finally:
            signal_tree(pid, signal.SIGCONT)
        run.fault_ended = time.monotonic()

    return inject


def poison_values() -> list[tuple[str, bytes]]:
    big = sentinel("huge-text").model_copy(update={"text": "word " * 198_000})  # 990,000 characters
    return [
        ("non-JSON", b"this is not JSON {"),
        ("empty", b""),
        ("invalid UTF-8", b'{"id": "\xff\xfe\xfd", "text": "\xc3\x28"}'),
        ("JSON 100,000 deep", b"[" * 100_000 + b"]" * 100_000),
        ("990,000-character article", big.model_dump_json().encode()),
        ("2 MB of 0x01", b"\x01" * (2 * 2**20)),
    ]


def poison(run: Run) -> None:
    for label, value in poison_values():
        refused = run.produce([(b"poison", value)], partition=0)
        if refused:
            run.notes.append(f"{label}: refused by the broker ({refused[0]})")
        if label.startswith("990,000"):
            run.excluded.append(json.loads(value)["id"])
        run.sentinels.append(run.produce_sentinel(label.split()[0].lower(), partition=0))
    run.say(f"  {len(run.sentinels)} poison messages, each followed by a sentinel on partition 0")
    run.fault_ended = time.monotonic()


def huge_article(run: Run) -> None:
    sentences = [ARMS_SENTENCES[n % len(ARMS_SENTENCES)] for n in range(7_000)]
    article = sentinel("huge-arms").model_copy(
        update={"title": "Arms deliveries, the full list", "text": " ".join(sentences)}
    )
    run.excluded.append(article.id)
    refused = run.produce([(article.id.encode(), article.model_dump_json().encode())], partition=0)
    if refused:
        run.notes.append(f"the 7,000-sentence article was refused by the broker ({refused[0]})")
    run.say(f"  an article of 7,000 arms sentences ({len(article.text):,} characters) on partition 0")
    run.fault_ended = time.monotonic()


SCENARIOS = {
    scenario.name: scenario
    for scenario in (
        Scenario("clean", no_fault),
        Scenario("kill-ingest", kill_worker("ingest"), trigger_share=0.0, killed="ingest"),
        Scenario("kill-enrich", kill_worker("enrich"), killed="enrich"),
        Scenario("kill-index", kill_worker("index"), killed="index"),
        Scenario("kill-alerts", kill_worker("alerts"), killed="alerts"),
        Scenario("sigterm", sigterm_all),
        Scenario("poison", poison),
        Scenario("huge-article", huge_article),
        Scenario("broker-10s", broker_down(10), own_stack=True),
        Scenario("es-pause-30s", es_pause(30), own_stack=True),
        Scenario("broker-150s", broker_down(150), own_stack=True, recovery_limit_s=120.0),
    )
}
STANDARD = [name for name in SCENARIOS if name != "broker-150s"]


# The arms articles of the load: the repository's own labelled passages, so that the suite (and CI's
# subset of it) runs on a plain clone, without the development sets beside it.
ARMS_PASSAGES = sorted((Path(__file__).resolve().parent / "data" / "eval").glob("tune-*.jsonl"))


class Suite:
    """Runs scenarios over one input; the clean run comes first and is the reference."""

    def __init__(self, base: Settings, articles: int, feeds: int, stack_dir: Path, say: Say) -> None:
        self.base = base
        self.mix = build_mix(articles, ARMS_PASSAGES)
        self.feeds = feeds
        self.say = say
        first_port = free_port_block(len(OWN_STACK_PORTS), 31000)
        self.own_stack = base.model_copy(
            update={
                "stack_dir": stack_dir,
                "kafka_heap": "512m",
                "elasticsearch_heap": "512m",
                **dict(zip(OWN_STACK_PORTS, range(first_port, first_port + 4), strict=True)),
            }
        )
        self.own_stack_started = False
        # How long a run may take to finish its load after the fault, and to index the recovery
        # sentinel: twice the clean run's times (generous guesses until the clean run measured them).
        self.drain_timeout = 300 + articles / 2
        self.recovery_timeout = 120 + articles / 2

    def stack_for(self, scenario: Scenario) -> Settings:
        if not scenario.own_stack:
            return self.base
        if not self.own_stack_started:
            if self.base.kafka_bootstrap or self.base.elasticsearch_url:
                raise RuntimeError(
                    "broker and Elasticsearch faults need the local stack, not external servers"
                )
            shared = {self.base.kafka_port, self.base.elasticsearch_port}
            if shared & {self.own_stack.kafka_port, self.own_stack.elasticsearch_port}:
                raise RuntimeError("the suite's own stack must not use the shared stack's ports")
            self.say(f"starting the suite's own stack in {self.own_stack.stack_dir}")
            stack.up(self.own_stack, lambda message: self.say(f"  {message}"))
            self.own_stack_started = True
        return self.own_stack

    def close(self) -> None:
        if self.own_stack_started:
            assert self.own_stack.stack_dir != self.base.stack_dir
            stack.down(self.own_stack, purge=True, progress=lambda message: self.say(f"  {message}"))

    def run(self, scenario: Scenario) -> Outcome:
        began = time.monotonic()
        namespace = f"chaos-{scenario.name}-{uuid.uuid4().hex[:6]}"
        base = self.stack_for(scenario)
        overrides = {
            **namespace_overrides(namespace),
            "run_metrics_base_port": free_port_block(8),
            "alerts_delivery_poll_seconds": 1.0,
        }
        if scenario.own_stack:
            overrides |= {name: getattr(base, name) for name in (*OWN_STACK_PORTS, "stack_dir")}
        settings = base.model_copy(update=overrides)
        env = settings_env(overrides)
        self.say(f"{scenario.name}: namespace {namespace}")
        run = Run(settings, env, namespace, self.say)
        try:
            es_plumbing.wait_until_ready(run.es, timeout=180)  # another user may be restarting a shared node
            set_up(settings, lambda message: None)
            with FeedServer() as server, http_receiver() as receiver:
                run.receiver = receiver
                rule = new_rule(
                    "chaos: every transfer",
                    "confidence:[0 TO 1]",
                    now=datetime.now(UTC),
                    channels=[f"webhook:{receiver.url}"],
                )
                store.add_rule(run.es, namespace, rule)
                run.start_workers()
                warm = run.produce_sentinel("warm-up", partition=0)
                run.excluded.append(warm)
                if run.wait_searchable([warm], timeout=300) is None:
                    raise RuntimeError("the workers did not index a first article within 300 s")
                self._publish(run, server)
                trigger = scenario.trigger_share * len(self.mix)
                time.sleep(2.0)  # the ingest worker sees the new feeds and starts polling them
                deadline = time.monotonic() + 300
                while run.snapshot()[0] < trigger and time.monotonic() < deadline:
                    time.sleep(0.2)
                scenario.inject(run)
                assert run.fault_ended is not None
                run.sentinels.append(run.produce_sentinel("recovery", partition=1))
                took = run.wait_searchable(
                    run.sentinels, timeout=self.recovery_timeout + scenario.recovery_limit_s
                )
                recovery_s = None if took is None else time.monotonic() - run.fault_ended
                drained = run.wait_quiet(
                    len(self.mix), timeout=self.drain_timeout if took is not None else 60
                )
                if scenario.name == "clean":
                    self.drain_timeout = 60 + 2 * drained
                    self.recovery_timeout = 2 * (recovery_s or self.recovery_timeout)
                outcome = run.outcome(scenario.name)
                outcome.recovery_s = None if recovery_s is None else round(recovery_s, 1)
        finally:
            run.stop_workers()
            run.close()
            try:
                delete_namespace(settings, namespace, lambda message: None)
            except Exception as error:  # the outcome matters more; say what is left behind
                self.say(f"  namespace {namespace} not deleted: {type(error).__name__}: {error}")
        outcome.seconds = round(time.monotonic() - began, 1)
        return outcome

    def _publish(self, run: Run, server: FeedServer) -> None:
        pages = feeds_of(self.mix, self.feeds, server.base_url, "load")
        for path, body in pages.items():
            server.publish(path, body)
        with Registry(run.settings) as registry:
            registry.put([new_feed(server.url(path), full_text=False) for path in pages])


def judge(outcome: Outcome, clean: Outcome | None, scenario: Scenario) -> None:
    """Set ``passed`` and the reasons it did not."""
    problems = outcome.problems
    if problems:  # the scenario could not run to its end: its counts mean nothing
        outcome.passed = False
        return
    baseline = clean.recovery_s if clean is not None and clean.recovery_s is not None else 0.0
    limit = scenario.recovery_limit_s + baseline
    unexpected = Counter(outcome.restarts)
    if scenario.killed:
        unexpected[scenario.killed] -= 1
    if +unexpected:
        problems.append("workers crashed: " + ", ".join(f"{role} {n}x" for role, n in (+unexpected).items()))
    if clean is not None and outcome is not clean:
        for name in ("articles", "mentions", "alerts", "deliveries"):
            got, want = getattr(outcome, name), getattr(clean, name)
            if got != want:
                problems.append(f"{name} {got} != clean {want}")
    if outcome.deliveries < outcome.alerts:
        problems.append(f"{outcome.alerts - outcome.deliveries} alerts never delivered")
    if outcome.duplicates:
        problems.append(f"{outcome.duplicates} duplicate deliveries")
    if outcome.recovery_s is None:
        problems.append("a sentinel never became searchable")
    elif outcome is not clean and outcome.recovery_s > limit:
        problems.append(f"recovery {outcome.recovery_s} s > clean + {scenario.recovery_limit_s:.0f} s")
    outcome.passed = not problems


def table(outcomes: list[Outcome], clean: Outcome | None) -> Table:
    def versus(outcome: Outcome, name: str) -> str:
        value = getattr(outcome, name)
        if clean is None or outcome is clean or value == getattr(clean, name):
            return str(value)
        return f"[red]{value}[/red]/{getattr(clean, name)}"

    result = Table(
        "scenario", "articles", "mentions", "alerts", "deliveries", "dup", "DLQ", "restarts", "recovery s",
        "time s", "result",
        title="chaos suite (a red count differs from the clean run's, shown after the slash)",
    )  # fmt: skip
    for outcome in outcomes:
        result.add_row(
            outcome.scenario,
            *(versus(outcome, name) for name in ("articles", "mentions", "alerts", "deliveries")),
            str(outcome.duplicates),
            str(outcome.dead_letters),
            " ".join(f"{role} {n}" for role, n in outcome.restarts.items()) or "0",
            "–" if outcome.recovery_s is None else f"{outcome.recovery_s:.1f}",
            f"{outcome.seconds:.0f}",
            "[green]pass[/green]" if outcome.passed else "[red]FAIL[/red]: " + "; ".join(outcome.problems),
        )
    return result


@contextlib.contextmanager
def terminated_on_signals() -> Iterator[None]:
    """SIGTERM behaves like Ctrl-C, so the workers and the suite's own stack are stopped on the way out."""

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300, help="articles of the load (up to 3,000)")
    parser.add_argument("--feeds", type=int, default=10, help="feeds the load is spread over")
    parser.add_argument("--scenarios", help=f"comma-separated, from: {', '.join(SCENARIOS)}")
    parser.add_argument("--full", action="store_true", help="also the 150 s broker outage")
    parser.add_argument(
        "--stack-dir",
        type=Path,
        default=Path(f"/tmp/armswatch-chaos-stack-{os.getpid()}"),
        help="data of the suite's own Kafka and Elasticsearch (broker and Elasticsearch faults)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object: every outcome")
    args = parser.parse_args()
    names = args.scenarios.split(",") if args.scenarios else STANDARD + (["broker-150s"] if args.full else [])
    unknown = [name for name in names if name not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenarios {unknown}; choose from {', '.join(SCENARIOS)}")
    if not 1 <= args.articles <= 3000:
        parser.error("--articles takes 1 to 3,000")
    names = ["clean", *(name for name in names if name != "clean")]
    console = Console(stderr=True)
    say: Say = lambda message: console.print(f"· {message}", highlight=False)  # noqa: E731
    base = load_settings()
    unready = [service.name for service in stack.status(base) if not service.ready]
    if unready:  # started by its owner, never by this suite: others use it too
        parser.error(f"{' and '.join(unready)} not ready: start the stack (armswatch stack up) first")
    suite = Suite(base, args.articles, args.feeds, args.stack_dir, say)
    outcomes: list[Outcome] = []
    clean: Outcome | None = None
    with terminated_on_signals():
        try:
            for name in names:
                scenario = SCENARIOS[name]
                try:
                    outcome = suite.run(scenario)
                except Exception as error:  # one broken scenario must not hide the others' results
                    outcome = Outcome(
                        name, problems=[f"the scenario itself failed: {type(error).__name__}: {error}"]
                    )
                clean = outcome if name == "clean" else clean
                judge(outcome, clean, scenario)
                outcomes.append(outcome)
                say(f"{name}: {'pass' if outcome.passed else 'FAIL ' + '; '.join(outcome.problems)}")
        finally:
            suite.close()
    if args.json:
        print(json.dumps({"articles": args.articles, "outcomes": [asdict(o) for o in outcomes]}))
    else:
        Console(width=max(Console().width, 160)).print(table(outcomes, clean))
        for outcome in outcomes:
            for note in outcome.notes:
                print(f"{outcome.scenario}: {note}")
    return 0 if all(outcome.passed for outcome in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
