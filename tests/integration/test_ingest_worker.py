"""The ingest worker against the real Kafka and the local feed server: exactly once across restarts,
Kafka acknowledgement before an entry counts as seen, takeover of a killed worker's feeds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import pytest
from feedserver import FeedServer, Item, Page, items, rss20, standard_routes
from kafka import KafkaAdminClient
from kafka.admin import ConfigResource, ConfigResourceType, NewTopic

from armswatch.config import Settings
from armswatch.schema import Article, FeedState
from ingest import worker
from ingest.parse import parse_feed
from ingest.registry import Registry, decode_table, new_feed, read_compacted

pytestmark = pytest.mark.integration

WAIT = 60.0


@pytest.fixture(scope="module")
def server() -> Iterator[FeedServer]:
    with standard_routes(FeedServer()) as running:
        yield running


@pytest.fixture
def ingest_settings(running_stack: Settings, unique: Callable[[str], str]) -> Settings:
    return running_stack.model_copy(
        update={
            "topic_feeds": unique("feeds"),
            "topic_feed_state": unique("feed-state"),
            "topic_raw": unique("raw"),
            "ingest_group": unique("ingest"),
            "feeds_partitions": 4,
            "allow_private_addresses": True,
            "fetch_total_timeout": 5.0,
            "fetch_read_timeout": 2.0,
            "poll_interval_min": 1.0,
            "poll_interval_initial": 1.0,
            "poll_interval_max": 2.0,
            "ingest_parser_processes": 1,
        }
    )


def env_of(settings: Settings) -> dict[str, str]:
    names = [
        "topic_feeds",
        "topic_feed_state",
        "topic_raw",
        "ingest_group",
        "feeds_partitions",
        "allow_private_addresses",
        "poll_interval_min",
        "poll_interval_initial",
        "poll_interval_max",
        "ingest_parser_processes",
    ]
    return {f"ARMSWATCH_{name.upper()}": str(getattr(settings, name)) for name in names}


@contextmanager
def running_worker(settings: Settings) -> Iterator[None]:
    stop = threading.Event()
    thread = threading.Thread(target=worker.run, kwargs={"settings": settings, "stop": stop, "defaults": []})
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(WAIT)
        assert not thread.is_alive(), "the worker did not stop within a minute"


def raw_articles(settings: Settings) -> list[tuple[str, Article]]:
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap_servers, enable_auto_commit=False)
    try:
        consumer.topics()  # a new client knows no topic until it has fetched the cluster's metadata
        partitions = [
            TopicPartition(settings.topic_raw, p)
            for p in consumer.partitions_for_topic(settings.topic_raw) or ()
        ]
        if not partitions:
            return []  # the topic is not created yet: callers poll again
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        ends = consumer.end_offsets(partitions)
        out = []
        while any(consumer.position(tp) < end for tp, end in ends.items()):
            for records in consumer.poll(timeout_ms=500).values():
                out += [(r.key.decode(), Article.model_validate_json(r.value)) for r in records]
        return out
    finally:
        consumer.close()


def saved_states(settings: Settings) -> dict[str, FeedState]:
    return decode_table(read_compacted(settings, settings.topic_feed_state), FeedState)


def wait_for(condition: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)


def expected_ids(server: FeedServer, paths: list[str]) -> set[str]:
    ids = set()
    for path in paths:
        feed = new_feed(server.url(path))
        ids |= {
            a.id for a in parse_feed(server.pages[path].body, feed, fetched_at=datetime.now(UTC)).articles
        }
    return ids


def register(settings: Settings, server: FeedServer, paths: list[str]) -> None:
    with Registry(settings) as registry:
        registry.put([new_feed(server.url(path), full_text=False) for path in paths])


def test_ingest_publishes_each_entry_once_across_a_restart(
    ingest_settings: Settings, server: FeedServer
) -> None:
    server.pages["/live"] = Page(rss20(items("live", 3)))
    paths = ["/live", "/dup-a", "/dup-b", "/rss20", "/atom", "/incomplete", "/scripts"]
    register(ingest_settings, server, paths)
    wanted = expected_ids(server, paths)

    with running_worker(ingest_settings):
        wait_for(lambda: {key for key, _ in raw_articles(ingest_settings)} >= wanted, "every entry published")
        polled = Counter(server.hits)
        wait_for(lambda: all(server.hits[p] >= polled[p] + 2 for p in paths), "two more polls of every feed")

    # While no worker runs, one entry changes and one is added.
    changed = items("live", 4)
    changed[0] = Item(**{**changed[0].__dict__, "summary": "Corrected: the shipment was larger."})
    server.pages["/live"] = Page(rss20(changed))
    wanted |= expected_ids(server, ["/live"])

    with running_worker(ingest_settings):
        wait_for(
            lambda: len(raw_articles(ingest_settings)) >= len(wanted) + 1, "the new and the changed entry"
        )
        polled = Counter(server.hits)
        wait_for(lambda: all(server.hits[p] >= polled[p] + 2 for p in paths), "two more polls after restart")

    published = raw_articles(ingest_settings)
    assert all(key == article.id for key, article in published), "key = article id"
    versions = Counter((article.id, article.content_hash) for _, article in published)
    assert max(versions.values()) == 1, f"published twice: {[v for v, n in versions.items() if n > 1]}"
    assert {article.id for _, article in published} == wanted
    by_id = Counter(article.id for _, article in published)
    first_live = next(a for _, a in published if a.url.endswith("/live/0"))
    assert by_id[first_live.id] == 2, "a changed entry comes again, same id, new content hash"
    scripts = next(a for _, a in published if a.url.endswith("/scripts/1"))
    assert "alert" not in scripts.summary and "Shells shipped." in scripts.summary

    live = saved_states(ingest_settings)[server.url("/live")]
    assert live.entries_seen == 5 and live.failures == 0 and live.last_success_at is not None


def test_ingest_marks_entries_seen_only_after_kafka_acknowledged(
    ingest_settings: Settings, server: FeedServer
) -> None:
    # A raw topic whose broker refuses every batch (too large for it): Kafka never acknowledges.
    admin = KafkaAdminClient(bootstrap_servers=ingest_settings.bootstrap_servers)
    try:
        admin.create_topics(
            [NewTopic(ingest_settings.topic_raw, 1, 1, topic_configs={"max.message.bytes": "64"})]
        )
        server.pages["/acks"] = Page(rss20(items("acks", 3)))
        register(ingest_settings, server, ["/acks"])
        url = server.url("/acks")
        with running_worker(ingest_settings):
            wait_for(lambda: server.hits["/acks"] >= 1, "the feed fetched")
            time.sleep(5)  # the worker retries meanwhile
            assert url not in saved_states(ingest_settings), (
                "nothing is saved while Kafka refuses the articles"
            )
            assert raw_articles(ingest_settings) == []
            admin.alter_configs(
                [
                    ConfigResource(
                        ConfigResourceType.TOPIC,
                        ingest_settings.topic_raw,
                        configs={"max.message.bytes": "1048576"},
                    )
                ]
            )
            wait_for(lambda: len(raw_articles(ingest_settings)) >= 3, "the articles once Kafka takes them")
            wait_for(
                lambda: url in saved_states(ingest_settings),
                "the state saved after the acknowledgement",
            )
    finally:
        admin.close()
    published = raw_articles(ingest_settings)
    assert len(published) == 3 and len({a.id for _, a in published}) == 3
    state = saved_states(ingest_settings)[url]
    assert state.entries_seen == 3 and len(state.seen) == 3


def test_ingest_feeds_of_a_killed_worker_are_taken_over_within_a_minute(
    ingest_settings: Settings, server: FeedServer
) -> None:
    paths = [f"/take/{n}" for n in range(8)]
    for n, path in enumerate(paths):
        server.pages[path] = Page(rss20(items(f"take{n}", 2)))
    register(ingest_settings, server, paths)
    env: dict[str, Any] = {**os.environ, **env_of(ingest_settings)}
    first = subprocess.Popen(
        [sys.executable, "-m", "app", "ingest", "run"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for(lambda: all(server.hits[p] >= 1 for p in paths), "the first worker polling every feed")
        with running_worker(ingest_settings):
            time.sleep(8)  # the second worker joins: the partitions are split between both
            os.killpg(first.pid, signal.SIGKILL)  # no goodbye: Kafka notices the missing heartbeats
            first.wait(10)
            killed = time.monotonic()
            before = Counter(server.hits)
            wait_for(lambda: all(server.hits[p] >= before[p] + 2 for p in paths), "every feed polled again")
            assert time.monotonic() - killed < 60
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
            first.wait(10)
    published = raw_articles(ingest_settings)
    versions = Counter((article.id, article.content_hash) for _, article in published)
    assert len(versions) == 16
