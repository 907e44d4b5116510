"""The whole pipeline as ``armswatch run`` runs it (worker processes under the supervisor), from a local
feed server to Elasticsearch and an alert webhook, with one bad message dead-lettered on the way.

Prints the time from publication on the feed server to searchable and to alerted.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from elasticsearch import ApiError, Elasticsearch
from kafka import KafkaConsumer, KafkaProducer
from rich.console import Console

from alerts.rules import new_rule
from alerts.store import add_rule as add_rule_to_store
from app.demo.server import FeedServer, Item, rss_feed
from app.pipeline import Pipeline, RunOptions, delete_namespace
from armswatch import es as es_plumbing
from armswatch.config import Settings, namespace_overrides, settings_env
from armswatch.kafka import producer_config
from armswatch.schema import DeadLetter
from index.search import Filters, QueryError, search
from ingest.registry import Registry, new_feed
from tests.alerts_receivers import http_receiver
from tests.ports import free_port_block

pytestmark = pytest.mark.integration

ARMS_TEXT = (
    "Iran has delivered a new batch of Shahed drones to Russia, according to Western officials. "
    "The drones arrived by ship across the Caspian Sea last week."
)
CALM_TEXT = "The central bank left its main interest rate unchanged on Tuesday, citing slowing inflation."


def _wait(condition: Callable[[], bool], timeout: float, what: str) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return time.monotonic()
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


@pytest.fixture
def namespaced(
    running_stack: Settings, unique: Callable[[str], str]
) -> Iterator[tuple[Settings, dict[str, str]]]:
    namespace = unique("e2e")
    overrides = {**namespace_overrides(namespace), "run_metrics_base_port": free_port_block(8)}
    yield running_stack.model_copy(update=overrides), settings_env(overrides)
    delete_namespace(running_stack.model_copy(update=overrides), namespace, lambda _message: None)


def add_rule(settings: Settings, webhook_url: str) -> None:
    """The user's rule: Iranian drones going to Russia, to a webhook."""
    es = es_plumbing.client(settings)
    try:
        rule = new_rule(
            "iranian drones to russia",
            "supplier:IR AND recipient:RU AND category:drones",
            now=datetime.now(UTC),
            channels=[f"webhook:{webhook_url}"],
        )
        add_rule_to_store(es, settings.index_prefix, rule)
    finally:
        es.close()


def _dead_letters(settings: Settings) -> list[DeadLetter]:
    consumer = KafkaConsumer(
        settings.topic_dead_letter,
        bootstrap_servers=settings.bootstrap_servers,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=1000,
    )
    try:
        return [DeadLetter.model_validate_json(record.value) for record in consumer]
    finally:
        consumer.close()


def _articles(es: Elasticsearch, settings: Settings) -> int:
    try:
        return int(es.count(index=f"{settings.index_prefix}-articles")["count"])
    except ApiError:  # 404 before the first document; 503 while the new index's shards start
        return 0


def _mentions(es: Elasticsearch, settings: Settings) -> int:
    try:
        return search(es, settings.index_prefix, "drones", Filters(supplier="IR", recipient="RU")).total
    except (ApiError, QueryError):  # no index yet, or its shards are still starting
        return 0


def test_a_transfer_on_a_feed_becomes_searchable_and_alerted(
    namespaced: tuple[Settings, dict[str, str]], es_client: Elasticsearch
) -> None:
    settings, env = namespaced
    stop = threading.Event()
    messages: list[str] = []
    with FeedServer() as feeds, http_receiver() as webhook:
        pipeline = Pipeline(
            settings,
            RunOptions(scaled_workers=1, exit_after=600),
            Console(file=io.StringIO()),
            messages.append,
            env=env,
            before_workers=lambda: add_rule(settings, webhook.url),
        )
        runner = threading.Thread(target=pipeline.run, args=(stop,), daemon=True)
        runner.start()
        try:
            # Warm-up: a calm article goes all the way first, so worker start-up is not measured.
            now = datetime.now(UTC)
            feeds.publish(
                "/calm.xml",
                rss_feed("Calm", feeds.base_url, [Item("Rates", feeds.url("/a/1"), CALM_TEXT, now)]),
            )
            _wait(lambda: bool(pipeline.specs), 60, "the pipeline to plan its workers")
            with Registry(settings) as registry:
                registry.put([new_feed(feeds.url("/calm.xml"), full_text=False)])
            producer = KafkaProducer(**producer_config(settings, "e2e-test"))
            producer.send(settings.topic_raw, key=b"bad", value=b"{not an article").get(timeout=30)
            producer.close()
            _wait(
                lambda: _articles(es_client, settings) >= 1,
                240,
                "the first article to be indexed",
            )
            # The measured article.
            arms = Item("Iran ships more drones to Russia", feeds.url("/a/2"), ARMS_TEXT, datetime.now(UTC))
            feeds.publish("/arms.xml", rss_feed("Arms", feeds.base_url, [arms]))
            published = time.monotonic()
            with Registry(settings) as registry:
                registry.put([new_feed(feeds.url("/arms.xml"), full_text=False)])
            searchable = _wait(
                lambda: _mentions(es_client, settings) >= 1, 120, "the transfer to be searchable"
            )
            alerted = _wait(lambda: bool(webhook.requests), 120, "the alert webhook")
            _wait(lambda: len(_dead_letters(settings)) >= 1, 60, "the bad message in the dead-letter topic")
        finally:
            stop.set()
            runner.join(timeout=120)
    print(
        f"\npublication → searchable {searchable - published:.1f} s, "
        f"publication → alerted {alerted - published:.1f} s"
    )
    dead = _dead_letters(settings)
    assert [(d.stage, d.reason, d.payload) for d in dead] == [("enrich", "invalid_json", "{not an article")]
    assert len(webhook.requests) == 1
    payload = json.dumps(webhook.requests[0].json())
    assert "Iran ships more drones to Russia" in payload and "IR" in payload
    assert not runner.is_alive()
    assert not any("exited with code" in message for message in messages), messages
