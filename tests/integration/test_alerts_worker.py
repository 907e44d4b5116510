"""The alerts worker against the real broker and node: rules from Elasticsearch, alerts delivered to a
real webhook once per (rule, article), across a crash in the middle of a batch and a restart."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaProducer

from alerts import store, worker
from alerts.rules import new_rule
from armswatch.config import Settings
from armswatch.kafka import producer_config
from armswatch.schema import DeadLetter
from armswatch.stage import StageStats
from tests.alerts_receivers import HttpReceiver, enriched, http_receiver

pytestmark = pytest.mark.integration


class Crash(Exception):
    """Stands for the process dying after its side effects and before the Kafka commit."""


@pytest.fixture
def worker_settings(
    isolated_settings: Callable[..., Settings], es_client: Elasticsearch, unique: Callable[[str], str]
) -> Iterator[Settings]:
    settings = isolated_settings(
        topic_alerts=unique("alerts"),
        alerts_group=unique("group"),
        alerts_rules_refresh_seconds=0.5,
        alerts_delivery_poll_seconds=0.5,
        allow_private_addresses=True,  # the receivers listen on 127.0.0.1
    )
    store.ensure_indices(es_client, settings.index_prefix)
    yield settings
    es_client.indices.delete(
        index=",".join(store.index_of(settings.index_prefix, kind) for kind in store.INDICES)
    )


def _produce(settings: Settings, values: Sequence[bytes]) -> None:
    producer = KafkaProducer(**producer_config(settings, "test"))
    for value in values:
        producer.send(settings.topic_enriched, key=b"k", value=value)
    producer.flush()
    producer.close()


def _add_rule(es: Elasticsearch, settings: Settings, name: str, query: str, channels: list[str]) -> None:
    store.add_rule(es, settings.index_prefix, new_rule(name, query, now=datetime.now(UTC), channels=channels))


def _alert_ids(receiver: HttpReceiver) -> list[str]:
    return [alert["alert_id"] for request in receiver.requests for alert in request.json()["alerts"]]


def test_alerts_worker_restart_mid_batch_sends_no_duplicate_and_misses_nothing(
    es_client: Elasticsearch, worker_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = worker_settings
    with http_receiver() as receiver:
        _add_rule(
            es_client,
            settings,
            "Iranian drones",
            "supplier:IR AND category:drones",
            [f"webhook:{receiver.url}"],
        )
        _add_rule(es_client, settings, "Korean shells", "supplier:KP", [f"webhook:{receiver.url}"])
        articles = [enriched(n) for n in range(10)] + [
            enriched(n, supplier="KP", category="ammunition") for n in range(10, 15)
        ]
        articles.append(enriched(99, supplier="FR", category="aircraft"))  # matches no rule
        _produce(settings, [a.to_json() for a in articles] + [b"{not json"])

        real_handler = worker.make_handler
        calls = {"n": 0}

        def crashing_handler(*args: Any, **kwargs: Any) -> Any:
            handle = real_handler(*args, **kwargs)

            def handle_then_crash(records: Sequence[Any]) -> Any:
                handle(records[:12])  # half the batch claimed, then the process "dies"
                calls["n"] += 1
                raise Crash("after the side effects, before the commit")

            return handle_then_crash

        monkeypatch.setattr(worker, "make_handler", crashing_handler)
        with pytest.raises(Crash):
            worker.run(settings, exit_when_idle=5)
        monkeypatch.setattr(worker, "make_handler", real_handler)
        first_run = set(_alert_ids(receiver))
        assert calls["n"] == 1 and 0 < len(first_run) <= 12

        stats = worker.run(settings, exit_when_idle=3)
        receiver.wait_for(15)
        ids = _alert_ids(receiver)
    assert len(ids) == 15 and len(set(ids)) == 15, "each (rule, article) exactly once"
    assert stats.counts["alerts_fired"] == 15 - len(first_run)
    assert stats.counts["rejected_invalid_json"] == 1
    es_client.indices.refresh(index=store.index_of(settings.index_prefix, "alerts"))
    recorded = es_client.search(index=store.index_of(settings.index_prefix, "alerts"), size=100)["hits"][
        "hits"
    ]
    assert {hit["_id"] for hit in recorded} == set(ids)
    assert {tuple(hit["_source"]["pairs"]) for hit in recorded} == {("IR>RU",), ("KP>RU",)}


def test_alerts_worker_realerts_only_when_transfers_change(
    es_client: Elasticsearch, worker_settings: Settings
) -> None:
    settings = worker_settings
    with http_receiver() as receiver:
        _add_rule(es_client, settings, "Iran", "supplier:IR", [f"webhook:{receiver.url}"])
        original = enriched(1)
        reworded = enriched(1, title="Iran ships drones to Russia, officials confirm")
        new_status = enriched(1, status="agreed")
        _produce(settings, [original.to_json(), reworded.to_json(), new_status.to_json()])
        worker.run(settings, exit_when_idle=3)
        receiver.wait_for(2)
        time.sleep(0.5)
    titles = [alert["title"] for request in receiver.requests for alert in request.json()["alerts"]]
    assert titles == [original.article.title, new_status.article.title]


def test_alerts_worker_applies_rule_changes_without_restart(
    es_client: Elasticsearch, worker_settings: Settings
) -> None:
    settings = worker_settings
    stop = threading.Event()
    stats = StageStats("alerts")
    with http_receiver() as receiver:
        running = threading.Thread(target=worker.run, args=(settings,), kwargs={"stop": stop, "stats": stats})
        running.start()
        try:
            _produce(settings, [enriched(1).to_json()])  # no rule yet: nothing fires
            deadline = time.monotonic() + 30
            while stats.counts["processed"] < 1 and time.monotonic() < deadline:
                time.sleep(0.1)
            _add_rule(es_client, settings, "Iran", "supplier:IR", [f"webhook:{receiver.url}"])
            time.sleep(1.0)  # longer than alerts_rules_refresh_seconds
            _produce(settings, [enriched(2).to_json()])
            [request] = receiver.wait_for(1)
            store.set_enabled(es_client, settings.index_prefix, "Iran", False, datetime.now(UTC))
            time.sleep(1.0)
            _produce(settings, [enriched(3).to_json()])
            deadline = time.monotonic() + 30
            while stats.counts["processed"] < 3 and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1.0)
        finally:
            stop.set()
            running.join(timeout=60)
    assert [a["article_id"] for r in receiver.requests for a in r.json()["alerts"]] == ["alert-article-2"]
    assert request.json()["rule_name"] == "Iran"


def test_alerts_worker_dead_letters_records_it_cannot_read(
    es_client: Elasticsearch, worker_settings: Settings
) -> None:
    from kafka import KafkaConsumer

    from armswatch.kafka import consumer_config

    _produce(worker_settings, [b'{"schema_version": 1}'])
    stats = worker.run(worker_settings, exit_when_idle=3)
    assert stats.counts["rejected_invalid_enriched_article"] == 1
    consumer = KafkaConsumer(
        worker_settings.topic_dead_letter, **consumer_config(worker_settings, "dlq-read", "t")
    )
    records: list[Any] = []
    deadline = time.monotonic() + 20
    while not records and time.monotonic() < deadline:
        records = [r for batch in consumer.poll(timeout_ms=500).values() for r in batch]
    consumer.close()
    assert DeadLetter.model_validate_json(records[0].value).stage == "alerts"
