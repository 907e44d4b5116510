"""The deals worker against the real broker and node: deals folded, replayed to the same deals, and a
worker killed with SIGKILL mid-replay ends with the deals, counts and timelines of a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition

from armswatch.config import Settings, settings_env
from armswatch.kafka import ensure_topics, producer_config
from armswatch.schema import Deal, EnrichedArticle
from deals import worker
from deals.documents import deals_index
from tests.deals_articles import story

pytestmark = pytest.mark.integration

WIRE = (
    "Iran has delivered a new batch of Shahed-136 attack drones to Russia by cargo flights over the Caspian "
    "Sea, two officials familiar with the shipments said, adding that the crates were unloaded at night."
)


def corpus(deals: int, reports: int) -> list[EnrichedArticle]:
    """``deals`` deals of different pairs, each with ``reports`` reports over a month (every third a wire
    copy of the deal's first), and a status step midway; articles interleaved across deals."""
    suppliers = ["KP", "IR", "BY", "CN", "TR", "RS", "PK", "EG"]
    recipients = ["RU", "SY", "MM", "VE", "AM", "AZ", "SD", "ML"]
    articles = []
    for number in range(reports):
        for deal in range(deals):
            supplier, recipient = suppliers[deal % 8], recipients[deal // 8 % 8]
            wire = WIRE.replace("Iran", supplier).replace("Russia", f"{recipient} {deal}")
            articles.append(
                story(
                    f"d{deal}-r{number}",
                    day=number % 28,
                    supplier=supplier,
                    recipient=recipient,
                    status="alleged" if number < reports // 2 else "delivered",
                    source=f"Outlet {number % 5}",
                    text=wire if number % 3 == 0 else None,
                )
            )
    return articles


@pytest.fixture
def deal_settings(
    running_stack: Settings, es_client: Elasticsearch, unique: Callable[[str], str]
) -> Iterator[Callable[[], Settings]]:
    """A factory of settings, each with its own deals topic, index prefix and group, on one enriched
    topic of three partitions; everything created is removed afterwards."""
    enriched = unique("enriched")
    made: list[Settings] = []

    def make() -> Settings:
        settings = running_stack.model_copy(
            update={
                "topic_enriched": enriched,
                "topic_dead_letter": unique("dlq"),
                "topic_deals": unique("deals"),
                "deals_group": unique("group"),
                "index_prefix": unique("dx"),
            }
        )
        ensure_topics(settings, {enriched: 3, settings.topic_dead_letter: 1})
        made.append(settings)
        return settings

    yield make
    admin = KafkaAdminClient(bootstrap_servers=running_stack.bootstrap_servers, client_id="test-cleanup")
    try:
        topics = {enriched, *(s.topic_deals for s in made), *(s.topic_dead_letter for s in made)}
        admin.delete_topics([topic for topic in topics if topic in set(admin.list_topics())])
    finally:
        admin.close()
    for settings in made:
        es_client.options(ignore_status=404).indices.delete(index=deals_index(settings.index_prefix))


def _produce(settings: Settings, articles: list[EnrichedArticle]) -> None:
    producer = KafkaProducer(**producer_config(settings, "test-deals"))
    for article in articles:
        producer.send(settings.topic_enriched, key=article.article.id.encode(), value=article.to_json())
    producer.flush()
    producer.close()


def _indexed(es: Elasticsearch, settings: Settings) -> dict[str, dict[str, Any]]:
    index = deals_index(settings.index_prefix)
    es.indices.refresh(index=index)
    hits = es.search(index=index, size=1000, query={"match_all": {}})["hits"]["hits"]
    return {hit["_id"]: hit["_source"] for hit in hits}


def _comparable(deals: dict[str, Deal]) -> dict[str, tuple[Any, ...]]:
    return {
        deal_id: (
            deal.key,
            deal.articles,
            deal.distinct_reports,
            deal.outlets,
            deal.status,
            [(step.status, step.first_at, step.reports) for step in deal.timeline],
            sorted((report.article_id, report.copy_of) for report in deal.reports),
        )
        for deal_id, deal in deals.items()
    }


def _run_until_idle(settings: Settings) -> dict[str, int]:
    stats = worker.run(settings, exit_when_idle=4.0)
    return dict(stats.counts)


def test_deals_worker_folds_indexes_and_replays_to_the_same_deals(
    deal_settings: Callable[[], Settings], es_client: Elasticsearch
) -> None:
    first = deal_settings()
    articles = corpus(deals=4, reports=9)
    _produce(first, articles)
    counts = _run_until_idle(first)
    assert counts["processed"] == len(articles)
    stored = {deal.id: deal for deal in worker.stored_deals(first)}
    assert len(stored) == 4
    for deal in stored.values():
        assert (deal.articles, deal.distinct_reports, deal.outlets) == (
            9,
            7,
            5,
        )  # three wire texts: one original, two copies
        assert [step.status for step in deal.timeline] == ["alleged", "delivered"]
    indexed = _indexed(es_client, first)
    assert set(indexed) == set(stored)
    assert all(doc["timeline_text"].startswith("alleged 2025-03-01 → delivered") for doc in indexed.values())

    # The same topic read again by a fresh deals stage (its own topic, index and group): the same deals.
    replay = deal_settings()
    _run_until_idle(replay)
    assert _comparable({d.id: d for d in worker.stored_deals(replay)}) == _comparable(stored)

    # Read again onto the kept state (a reset group): nothing changes, nothing is counted twice.
    again = first.model_copy(update={"deals_group": first.deals_group + "-again"})
    assert _run_until_idle(again).get("deals_changed", 0) == 0
    assert _comparable({d.id: d for d in worker.stored_deals(first)}) == _comparable(stored)


def test_deals_worker_merges_deals_a_late_report_bridges(
    deal_settings: Callable[[], Settings], es_client: Elasticsearch
) -> None:
    settings = deal_settings().model_copy(update={"deals_window_days": 60.0, "deals_late_days": 30.0})
    _produce(settings, [story("b1"), story("b2", day=80, source="B")])  # 80 days apart: two deals
    _run_until_idle(settings)
    before = {deal.id: deal for deal in worker.stored_deals(settings)}
    assert len(before) == 2 and set(_indexed(es_client, settings)) == set(before)
    earliest = min(before.values(), key=lambda deal: deal.first_seen).id

    _produce(settings, [story("b3", day=40, source="C")])  # within the window of both
    assert _run_until_idle(settings)["deals_merged"] == 1
    [merged] = worker.stored_deals(settings)  # the other deal tombstoned on the compacted topic
    assert (merged.id, merged.articles, merged.outlets) == (earliest, 3, 3)
    assert {doc_id: doc["articles"] for doc_id, doc in _indexed(es_client, settings).items()} == {earliest: 3}


def test_deals_worker_killed_mid_replay_ends_like_a_clean_run(
    deal_settings: Callable[[], Settings], es_client: Elasticsearch
) -> None:
    clean = deal_settings()
    articles = corpus(deals=24, reports=60)
    _produce(clean, articles)
    _run_until_idle(clean)
    expected = _comparable({d.id: d for d in worker.stored_deals(clean)})
    assert len(expected) == 24

    killed = deal_settings()
    environment = {**os.environ, **settings_env(killed.model_dump(include=_overridden()))}
    command = [sys.executable, "-m", "app", "deals", "run", "--exit-when-idle", "4"]
    for settle in (None, 3.0):  # first when its first deals are indexed, then 3 s after a restart
        process = subprocess.Popen(
            command,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        if settle is None:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not _has_deals(es_client, killed):
                time.sleep(0.05)
        else:
            time.sleep(settle)
        assert process.poll() is None, "the worker finished before it could be killed mid-replay"
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    _run_until_caught_up(killed)
    assert _comparable({d.id: d for d in worker.stored_deals(killed)}) == expected
    assert {doc_id: doc["articles"] for doc_id, doc in _indexed(es_client, killed).items()} == {
        doc_id: fields[1] for doc_id, fields in expected.items()
    }


def _run_until_caught_up(settings: Settings, timeout: float = 120.0) -> None:
    """Run a worker until its group's committed offsets reach the end of the enriched topic: after a
    kill, the group first waits for the dead member's session to expire, longer than any idle limit."""
    stop = threading.Event()
    thread = threading.Thread(target=worker.run, args=(settings,), kwargs={"stop": stop})
    thread.start()
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, client_id="test-deals-lag")
    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap_servers, client_id="test-deals-lag")
    try:
        partitions = [TopicPartition(settings.topic_enriched, p) for p in range(3)]
        ends = consumer.end_offsets(partitions)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            committed = admin.list_group_offsets(settings.deals_group).get(settings.deals_group, {})
            if all(tp in committed and committed[tp].offset >= end for tp, end in ends.items()):
                break
            time.sleep(0.5)
    finally:
        stop.set()
        thread.join()
        admin.close()
        consumer.close()


def _overridden() -> set[str]:
    return {"topic_enriched", "topic_dead_letter", "topic_deals", "deals_group", "index_prefix"}


def _has_deals(es: Elasticsearch, settings: Settings) -> bool:
    # 404 before the worker creates the index, 503 while its shard starts.
    response = es.options(ignore_status=(404, 503)).count(index=deals_index(settings.index_prefix))
    return int(response.get("count", 0)) > 0
