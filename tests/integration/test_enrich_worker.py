"""The enrich worker against the real broker: articles in, enriched articles out, bad input dead-lettered."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from kafka import KafkaConsumer, KafkaProducer

from armswatch.config import Settings
from armswatch.kafka import consumer_config, producer_config
from armswatch.schema import Article, DeadLetter, EnrichedArticle
from enrich import worker
from enrich.tagger import Tagger

pytestmark = pytest.mark.integration


def _read_all(settings: Settings, topic: str, expected: int, timeout: float = 30) -> list[bytes]:
    consumer = KafkaConsumer(topic, **consumer_config(settings, f"reader-{topic}", "test-reader"))
    values: list[bytes] = []
    deadline = time.monotonic() + timeout
    while len(values) < expected and time.monotonic() < deadline:
        for records in consumer.poll(timeout_ms=500).values():
            values.extend(record.value for record in records)
    consumer.close()
    return values


def test_enrich_worker_enriches_articles_and_dead_letters_bad_messages(
    isolated_settings: Callable[..., Settings], unique: Callable[[str], str]
) -> None:
    settings = isolated_settings(topic_raw=unique("raw"))
    now = datetime.now(UTC)
    articles = [
        Article(
            id="a1",
            url="https://example.org/a1",
            title="Iran delivers drones",
            text="Iran has supplied Russia with hundreds of Shahed drones.",
            source="example.org",
            fetched_at=now,
        ),
        Article(
            id="a2",
            url="https://example.org/a2",
            title="Marché",
            text="La Bourse de Paris a terminé en hausse mardi, portée par les valeurs bancaires.",
            source="example.org",
            fetched_at=now,
        ),
        # Beyond the tagger's character budget: tagged on its first part, flagged, not dead-lettered.
        Article(
            id="a3",
            url="https://example.org/a3",
            title="A very long report",
            text="Germany delivered Leopard 2 tanks to Ukraine. " * 6_000,
            source="example.org",
            fetched_at=now,
        ),
    ]
    producer = KafkaProducer(**producer_config(settings, "test"))
    producer.send(settings.topic_raw, key=b"a1", value=articles[0].to_json())
    producer.send(settings.topic_raw, key=b"bad", value=b"{not json")
    producer.send(settings.topic_raw, key=b"a2", value=articles[1].to_json())
    producer.send(settings.topic_raw, key=b"a3", value=articles[2].to_json())
    producer.flush()
    producer.close()

    group, tagger = unique("group"), Tagger()
    stats = worker.run(settings, group_id=group, exit_when_idle=5, tagger=tagger)

    enriched = [
        EnrichedArticle.model_validate_json(v) for v in _read_all(settings, settings.topic_enriched, 3)
    ]
    by_id = {item.article.id: item for item in enriched}
    assert set(by_id) == {"a1", "a2", "a3"}
    (transfer,) = by_id["a1"].transfers
    assert (transfer.supplier, transfer.recipient, transfer.category) == ("IR", "RU", "drones")
    assert by_id["a2"].lang == "fr" and by_id["a2"].transfers == []
    assert not by_id["a1"].truncated and by_id["a3"].truncated
    assert [(t.supplier, t.recipient) for t in by_id["a3"].transfers] == [("DE", "UA")]
    (dead,) = [DeadLetter.model_validate_json(v) for v in _read_all(settings, settings.topic_dead_letter, 1)]
    assert dead.stage == "enrich" and dead.reason == "invalid_json" and dead.payload == "{not json"
    assert stats.counts["processed"] == 3 and stats.counts["rejected_invalid_json"] == 1

    # Offsets were committed: the same group finds nothing left to do.
    again = worker.run(settings, group_id=group, exit_when_idle=2, tagger=tagger)
    assert again.counts["processed"] == 0
