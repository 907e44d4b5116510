"""The indexer against the real broker and node: exactly-once documents, poison input dead-lettered."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaConsumer, KafkaProducer

from armswatch import samples
from armswatch.config import Settings
from armswatch.kafka import consumer_config, producer_config
from armswatch.schema import DeadLetter, EnrichedArticle
from armswatch.stack import elasticsearch_server
from armswatch.stage import StageStats
from index import worker

pytestmark = pytest.mark.integration


def _enriched(article_id: str, url: str, published: datetime) -> EnrichedArticle:
    title = f"Iran ships drones ({article_id})"
    return samples.enriched(samples.article(article_id, url=url, title=title, when=published))


@pytest.fixture
def index_settings(
    isolated_settings: Callable[..., Settings], es_client: Elasticsearch
) -> Iterator[Settings]:
    settings = isolated_settings()
    yield settings
    created = list(es_client.indices.get(index=f"{settings.index_prefix}-*"))
    if created:
        es_client.indices.delete(index=",".join(created))
    for kind in ("articles", "mentions"):
        es_client.options(ignore_status=404).indices.delete_index_template(
            name=f"{settings.index_prefix}-{kind}-v1"
        )


def _produce(settings: Settings, values: list[bytes], key: bytes | None = None) -> None:
    """Send to the enriched topic; a key keeps one article's versions in order, as the enrich stage does."""
    producer = KafkaProducer(**producer_config(settings, "test"))
    for value in values:
        producer.send(settings.topic_enriched, key=key, value=value)
    producer.flush()
    producer.close()


def test_index_worker_writes_each_document_once_and_dead_letters_poison(
    index_settings: Settings, es_client: Elasticsearch, unique: Callable[[str], str]
) -> None:
    settings = index_settings
    november, october = datetime(2026, 11, 3, tzinfo=UTC), datetime(2026, 10, 20, tzinfo=UTC)
    good = [
        _enriched("a1", "https://example.org/a1", november).to_json(),
        _enriched("a2", "https://example.org/a2", october).to_json(),
    ]
    poison = _enriched("a3", "https://example.org/" + "x" * 40_000, november).to_json()
    _produce(settings, [good[0], b"{broken", poison, good[1]])
    stats = worker.run(settings, group_id=unique("group"), exit_when_idle=4)
    # The same messages again, as a replay would deliver them: nothing is duplicated.
    _produce(settings, good)
    worker.run(settings, group_id=unique("group"), exit_when_idle=4)

    prefix = settings.index_prefix
    es_client.indices.refresh(index=f"{prefix}-*")
    assert es_client.count(index=f"{prefix}-articles")["count"] == 2
    assert es_client.count(index=f"{prefix}-mentions")["count"] == 2
    assert sorted(es_client.indices.get_alias(name=f"{prefix}-mentions")) == [
        f"{prefix}-mentions-v1-2026.10",
        f"{prefix}-mentions-v1-2026.11",
    ]
    hits = es_client.search(index=f"{prefix}-mentions", query={"term": {"pair": "IR>RU"}})["hits"]["hits"]
    assert {hit["_source"]["supplier_name"] for hit in hits} == {"Iran"}
    assert stats.counts["rejected_invalid_json"] == 1
    assert stats.counts["rejected_elasticsearch_rejected"] == 1

    reader = KafkaConsumer(
        settings.topic_dead_letter, **consumer_config(settings, unique("reader"), "reader")
    )
    dead = []
    for _ in range(20):
        for records in reader.poll(timeout_ms=500).values():
            dead.extend(DeadLetter.model_validate_json(record.value) for record in records)
        if len(dead) >= 4:
            break
    reader.close()
    # Both runs read the two bad messages (the replay used a new consumer group).
    assert sorted(letter.reason for letter in dead) == ["elasticsearch_rejected"] * 2 + ["invalid_json"] * 2


def test_index_worker_survives_an_elasticsearch_outage(
    index_settings: Settings, es_client: Elasticsearch, unique: Callable[[str], str]
) -> None:
    """Elasticsearch stops while the indexer works: it pauses, retries, and loses or duplicates nothing."""
    settings = index_settings
    if not settings.uses_local_elasticsearch:
        pytest.skip("needs the local Elasticsearch node, which this test stops and starts")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    first = [_enriched(f"b{n}", f"https://example.org/b{n}", start).to_json() for n in range(200)]
    later = [_enriched(f"c{n}", f"https://example.org/c{n}", start).to_json() for n in range(200)]
    _produce(settings, first)
    stop = threading.Event()
    stats = StageStats()
    thread = threading.Thread(
        target=worker.run,
        args=(settings,),
        kwargs={"group_id": unique("group"), "stop": stop, "stats": stats},
    )
    thread.start()
    try:
        node = elasticsearch_server.process(settings)
        _wait_for(lambda: stats.counts["processed"] >= 200, 60)
        node.stop()
        _produce(settings, later)  # arrives while Elasticsearch is down
        _wait_for(lambda: stats.counts["backpressure"] >= 1, 60)
        elasticsearch_server.start(settings, progress=lambda message: None)
        _wait_for(lambda: stats.counts["processed"] >= 400, 120)
    finally:
        stop.set()
        thread.join(timeout=60)
    es_client.indices.refresh(index=f"{settings.index_prefix}-*")
    assert es_client.count(index=f"{settings.index_prefix}-articles")["count"] == 400
    assert es_client.count(index=f"{settings.index_prefix}-mentions")["count"] == 400


def _wait_for(condition: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_index_worker_update_removes_mentions_the_article_no_longer_has(
    index_settings: Settings, es_client: Elasticsearch, unique: Callable[[str], str]
) -> None:
    settings = index_settings
    when = datetime(2026, 3, 1, tzinfo=UTC)
    first = _enriched("u1", "https://example.org/u1", when)
    corrected = first.model_copy(update={"transfers": []})  # the improved extractor finds no transfer
    _produce(settings, [first.to_json()], key=b"u1")
    worker.run(settings, group_id=unique("group"), exit_when_idle=3)
    _produce(settings, [corrected.to_json()], key=b"u1")
    worker.run(settings, group_id=unique("group"), exit_when_idle=3)
    es_client.indices.refresh(index=f"{settings.index_prefix}-*")
    assert es_client.count(index=f"{settings.index_prefix}-articles")["count"] == 1
    assert es_client.count(index=f"{settings.index_prefix}-mentions")["count"] == 0


def test_index_worker_update_in_the_same_or_next_batch_leaves_only_the_newest_mentions(
    index_settings: Settings, es_client: Elasticsearch, unique: Callable[[str], str]
) -> None:
    """Versions close together: in one batch, or in consecutive batches whose look-up of earlier
    mentions ran while the previous batch was still being written."""
    settings = index_settings.model_copy(update={"bulk_max_documents": 2})  # two articles per batch
    when = datetime(2026, 4, 1, tzinfo=UTC)
    first = _enriched("v1", "https://example.org/v1", when)
    mention = first.transfers[0]
    second = first.model_copy(update={"transfers": [mention.model_copy(update={"recipient": "SY"})]})
    third = first.model_copy(update={"transfers": [mention.model_copy(update={"recipient": "YE"})]})
    filler = [_enriched(f"f{n}", f"https://example.org/f{n}", when) for n in range(3)]
    # Batches of two: [first, second] then [filler, third] then [filler, filler].
    _produce(settings, [item.to_json() for item in (first, second, filler[0], third, *filler[1:])], key=b"v1")
    worker.run(settings, group_id=unique("group"), exit_when_idle=3)
    es_client.indices.refresh(index=f"{settings.index_prefix}-*")
    hits = es_client.search(index=f"{settings.index_prefix}-mentions", query={"term": {"article_id": "v1"}})
    assert [hit["_source"]["pair"] for hit in hits["hits"]["hits"]] == ["IR>YE"]
    assert es_client.count(index=f"{settings.index_prefix}-articles")["count"] == 4
