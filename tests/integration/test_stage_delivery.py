"""Acknowledged or nothing, against the real broker: records too large for Kafka are reduced or
dead-lettered without losing their neighbours, and a producer Kafka put in a fatal state is replaced."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from functools import partial

import pytest
from kafka import KafkaConsumer, KafkaProducer
from kafka.errors import KafkaError

from armswatch.config import Settings
from armswatch.kafka import (
    DEFAULT_MAX_MESSAGE_BYTES,
    consumer,
    consumer_config,
    producer_config,
)
from armswatch.schema import Article, DeadLetter, EnrichedArticle
from armswatch.stage import (
    Decoded,
    HandlerResult,
    Output,
    RejectedInput,
    StageStats,
    TopicLimits,
    run_stage,
)
from enrich import worker
from enrich.tagger import Tagger

pytestmark = pytest.mark.integration

FILLER = "The council met on Tuesday to discuss the budget for the coming year and the state of the roads. "


def _read(
    settings: Settings, topic: str, expected: int, timeout: float = 30
) -> list[tuple[bytes | None, bytes]]:
    reader = KafkaConsumer(topic, **consumer_config(settings, f"reader-{topic}", "test-reader"))
    found: list[tuple[bytes | None, bytes]] = []
    deadline = time.monotonic() + timeout
    while len(found) < expected and time.monotonic() < deadline:
        for records in reader.poll(timeout_ms=500).values():
            found.extend((record.key, record.value) for record in records)
    reader.close()
    return found


def _article(article_id: str, text: str) -> Article:
    return Article(
        id=article_id,
        url=f"https://example.org/{article_id}",
        title="Drones",
        text=text,
        source="example.org",
        fetched_at=datetime.now(UTC),
    )


@pytest.fixture
def stage_settings(isolated_settings: Callable[..., Settings], unique: Callable[[str], str]) -> Settings:
    return isolated_settings(topic_raw=unique("raw"))


def test_oversized_article_and_dead_letter_lose_nothing_else(stage_settings: Settings) -> None:
    """A 990,000-character article (its enriched record, text plus lemmas, is twice Kafka's limit)
    and 2 MB of control bytes (a 12 MB dead letter once escaped) among normal articles."""
    settings = stage_settings
    transfer = "Iran has supplied Russia with hundreds of Shahed drones. "
    big = _article("big", (transfer + FILLER * 10_500)[:990_000])
    normal = [_article(f"a{n}", transfer + FILLER) for n in range(3)]
    producer = KafkaProducer(**producer_config(settings, "test"))
    producer.send(settings.topic_raw, key=b"a0", value=normal[0].to_json())
    producer.send(settings.topic_raw, key=b"big", value=big.to_json())
    producer.send(settings.topic_raw, key=b"a1", value=normal[1].to_json())
    producer.send(settings.topic_raw, key=b"control", value=b"\x01" * 2_000_000)
    producer.send(settings.topic_raw, key=b"a2", value=normal[2].to_json())
    producer.flush()
    producer.close()

    tagger, group = Tagger(), f"{settings.topic_raw}-group"
    stats = worker.run(settings, group_id=group, exit_when_idle=5, tagger=tagger)

    enriched = {
        key: EnrichedArticle.model_validate_json(value)
        for key, value in _read(settings, settings.topic_enriched, 4)
    }
    assert set(enriched) == {b"a0", b"a1", b"a2", b"big"}
    reduced = enriched[b"big"]
    assert reduced.omitted == ["text", "lemmas"] and reduced.article.text == "" and reduced.lemmas == ""
    assert [(t.supplier, t.recipient, t.category) for t in reduced.transfers] == [("IR", "RU", "drones")]
    assert all(not enriched[key].omitted and enriched[key].lemmas for key in (b"a0", b"a1", b"a2"))

    letters = _read(settings, settings.topic_dead_letter, 1)
    assert len(letters) == 1 and len(letters[0][1]) <= DEFAULT_MAX_MESSAGE_BYTES
    letter = DeadLetter.model_validate_json(letters[0][1])
    assert letter.reason == "invalid_json" and letter.key == "control"
    assert "payload cut" in letter.error and set(letter.payload) == {"\x01"}
    assert stats.counts["processed"] == 4 and stats.counts["output_reduced"] == 1

    # Offsets moved past every record: the same group finds nothing left, nothing crashed.
    again = worker.run(settings, group_id=group, exit_when_idle=2, tagger=tagger)
    assert again.counts["processed"] == 0


def _fatal_producer(settings: Settings, topic: str) -> KafkaProducer:
    """A producer the broker has put in a fatal state: it refused a record over its size limit."""
    producer = KafkaProducer(**producer_config(settings, "test-doomed"))
    refused = producer.send(topic, value=os.urandom(2 * DEFAULT_MAX_MESSAGE_BYTES))
    with pytest.raises(KafkaError):
        refused.get(timeout=30)
    # Everything it sends from now on is dropped.
    with pytest.raises(KafkaError):
        producer.send(topic, value=b"small").get(timeout=30)
    return producer


def _echo(topic: str, articles: Sequence[Decoded[Article]]) -> HandlerResult:
    outputs, rejected = [], []
    for item in articles:
        if item.record.title == "reject me":
            rejected.append((item.message, RejectedInput("test_reject", "asked to")))
        else:
            outputs.append(Output(topic, item.record.id, item.message.value))
    return outputs, rejected


def _run_echo(
    settings: Settings,
    topics: tuple[str, str, str],
    new_producer: Callable[[], KafkaProducer],
    stop: threading.Event | None = None,
) -> StageStats:
    """The stage with the echo handler, its consumer closed afterwards (so that it leaves the group)."""
    source, target, dead = topics
    source_consumer = consumer(settings, f"{source}-group", "test-echo", source)
    try:
        return run_stage(
            stage="echo",
            consumer=source_consumer,
            new_producer=new_producer,
            dead_letter_topic=dead,
            reads=Article,
            handle=partial(_echo, target),
            limits=TopicLimits(settings),
            stop=stop,
            exit_when_idle=None if stop is not None else 3,
        )
    finally:
        source_consumer.close()


@pytest.fixture
def echo_topics(topic_factory: Callable[..., str]) -> Iterator[tuple[str, str, str]]:
    yield topic_factory(), topic_factory(), topic_factory()


def test_fatal_producer_is_replaced_and_oversized_output_dead_lettered(
    stage_settings: Settings, echo_topics: tuple[str, str, str]
) -> None:
    source, target, dead = echo_topics
    settings = stage_settings
    producer = KafkaProducer(**producer_config(settings, "test"))
    # Compressible, so it gets into the source topic; echoed, it is 1.5 MB and cannot go on.
    articles = [_article(f"a{n}", f"record {n}") for n in range(20)] + [_article("big", "x" * 1_500_000)]
    values = [article.to_json() for article in articles]
    values += [_article("no", "").model_copy(update={"title": "reject me"}).to_json(), b"{not json"]
    for value in values:
        producer.send(source, value=value)
    producer.flush()
    producer.close()

    producers = iter([_fatal_producer(settings, target)])
    fresh = partial(KafkaProducer, **producer_config(settings, "test-fresh"))
    stats = _run_echo(settings, echo_topics, lambda: next(producers, None) or fresh())

    echoed = _read(settings, target, 20)
    assert sorted(value for _, value in echoed) == sorted(values[:20])
    letters = [DeadLetter.model_validate_json(value) for _, value in _read(settings, dead, 3)]
    assert sorted(letter.reason for letter in letters) == ["invalid_json", "output_too_large", "test_reject"]
    assert stats.counts["producer_replaced"] >= 1
    assert stats.counts["processed"] == 21 and stats.counts["rejected_output_too_large"] == 1


def test_stopped_while_kafka_is_unreachable_commits_nothing(
    stage_settings: Settings, echo_topics: tuple[str, str, str]
) -> None:
    """No producer can reach Kafka: the stage retries until stopped, and commits nothing."""
    source = echo_topics[0]
    settings = stage_settings
    producer = KafkaProducer(**producer_config(settings, "test"))
    producer.send(source, value=_article("a", "text").to_json())
    producer.flush()
    producer.close()
    stop = threading.Event()
    attempts: list[float] = []

    def unreachable() -> KafkaProducer:
        attempts.append(time.monotonic())
        if len(attempts) == 3:
            stop.set()
        return KafkaProducer(bootstrap_servers="127.0.0.1:9", bootstrap_timeout_ms=500)

    stats = _run_echo(settings, echo_topics, unreachable, stop)
    assert stats.counts["processed"] == 0 and len(attempts) == 3
    # Nothing committed: the next run gets the record again.
    replay = _run_echo(
        settings, echo_topics, partial(KafkaProducer, **producer_config(settings, "test-fresh"))
    )
    assert replay.counts["processed"] == 1
