"""The feed registry and the feeds' polling state, both on compacted Kafka topics keyed by feed URL.

- ``armswatch.feeds``: one ``Feed`` per URL; a tombstone (null value) removes the feed. Ingest
  workers share this topic's partitions through their consumer group: the feeds of a partition are
  polled by the one worker that owns it.
- ``armswatch.feeds.state``: one ``FeedState`` per URL, rewritten after every poll. Both topics have
  the same partition count and the same key, hence the same partition for a feed: the worker that
  owns feeds partition p reads state partition p when it takes the partition over.

Compaction keeps the newest record per URL, so reading a topic from the start to its current end
gives the whole registry, however old.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TypeVar

from kafka import KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError
from pydantic import ValidationError

from armswatch.config import Settings
from armswatch.kafka import producer_config
from armswatch.schema import Feed, FeedState

log = logging.getLogger(__name__)

COMPACTED = {"cleanup.policy": "compact", "min.compaction.lag.ms": "60000"}
READ_TIMEOUT = 30.0


class RegistryError(Exception):
    """The registry topics are missing, unreachable or inconsistent; the message says what to do."""


def ensure_feed_topics(settings: Settings) -> None:
    """Create the feeds and feed-state topics (compacted, ``feeds_partitions`` each) if missing, and
    check that both have the same number of partitions; raises RegistryError if they do not."""
    wanted = [settings.topic_feeds, settings.topic_feed_state]
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, client_id="armswatch-feeds-admin")
    try:
        existing = set(admin.list_topics())
        for name in wanted:
            if name in existing:
                continue
            topic = NewTopic(
                name,
                num_partitions=settings.feeds_partitions,
                replication_factor=settings.replication_factor,
                topic_configs=COMPACTED,
            )
            with contextlib.suppress(TopicAlreadyExistsError):  # another worker created it meanwhile
                admin.create_topics([topic])
    finally:
        admin.close()
    counts = partition_counts(settings, wanted)
    if counts[settings.topic_feeds] != counts[settings.topic_feed_state]:
        raise RegistryError(
            f"{settings.topic_feeds} has {counts[settings.topic_feeds]} partitions but "
            f"{settings.topic_feed_state} has {counts[settings.topic_feed_state]}: give them the same "
            "number (kafka-topics.sh --alter --partitions N), or the state of a feed is not found"
        )


def partition_counts(settings: Settings, topics: Iterable[str]) -> dict[str, int]:
    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap_servers, client_id="armswatch-feeds-meta")
    try:
        counts = {}
        deadline = time.monotonic() + READ_TIMEOUT
        for topic in topics:
            partitions = consumer.partitions_for_topic(topic)
            while not partitions and time.monotonic() < deadline:
                time.sleep(0.2)  # a topic just created shows up in metadata a moment later
                consumer.topics()
                partitions = consumer.partitions_for_topic(topic)
            counts[topic] = len(partitions or ())
        return counts
    finally:
        consumer.close()


def read_compacted(
    settings: Settings, topic: str, partitions: Iterable[int] | None = None
) -> dict[str, bytes]:
    """The newest value of every key of ``topic`` (only ``partitions`` if given), tombstoned keys left
    out, read from the start to the end the topic had when reading began. Blocks; raises
    RegistryError when the end cannot be reached within ``READ_TIMEOUT`` seconds."""
    consumer = KafkaConsumer(
        bootstrap_servers=settings.bootstrap_servers,
        client_id="armswatch-feeds-reader",
        enable_auto_commit=False,
        group_id=None,
    )
    try:
        return read_to_end(consumer, topic, partitions)
    finally:
        consumer.close()


def read_to_end(consumer: KafkaConsumer, topic: str, partitions: Iterable[int] | None) -> dict[str, bytes]:
    """``read_compacted`` with a consumer that has no group (it is re-assigned here)."""
    numbers = sorted(partitions if partitions is not None else consumer.partitions_for_topic(topic) or ())
    assigned = [TopicPartition(topic, number) for number in numbers]
    consumer.assign(assigned)
    if not assigned:
        return {}
    consumer.seek_to_beginning(*assigned)
    ends = consumer.end_offsets(assigned)
    table: dict[str, bytes] = {}
    deadline = time.monotonic() + READ_TIMEOUT
    while any(consumer.position(tp) < end for tp, end in ends.items()):
        if time.monotonic() > deadline:
            raise RegistryError(f"could not read {topic} to its end within {READ_TIMEOUT:g}s: is Kafka up?")
        for records in consumer.poll(timeout_ms=500).values():
            for record in records:
                if record.key is None:
                    continue
                key = record.key.decode("utf-8", "replace")
                if record.value is None:
                    table.pop(key, None)
                else:
                    table[key] = record.value
    return table


RecordType = TypeVar("RecordType", Feed, FeedState)


def decode_table(table: dict[str, bytes], model: type[RecordType]) -> dict[str, RecordType]:
    """Valid records by URL; an unreadable one is logged and left out."""
    records = {}
    for url, value in table.items():
        try:
            records[url] = model.model_validate_json(value)
        except ValidationError as error:
            log.warning(f"unreadable {model.__name__} record", extra={"url": url, "error": str(error)[:300]})
    return records


@dataclass(frozen=True)
class FeedHealth:
    """A registered feed with what its poller last recorded (None: not polled yet)."""

    feed: Feed
    state: FeedState | None


class Registry:
    """The registry as the ``feeds`` commands use it: read, add, remove. Writes wait for Kafka's
    acknowledgement. Use as a context manager."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        ensure_feed_topics(settings)
        self.producer = KafkaProducer(**producer_config(settings, "armswatch-feeds"))

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.producer.close()

    def feeds(self) -> dict[str, Feed]:
        return decode_table(read_compacted(self.settings, self.settings.topic_feeds), Feed)

    def health(self) -> list[FeedHealth]:
        """Every feed with its state, sorted by URL."""
        feeds = self.feeds()
        states = decode_table(read_compacted(self.settings, self.settings.topic_feed_state), FeedState)
        return [FeedHealth(feeds[url], states.get(url)) for url in sorted(feeds)]

    def put(self, feeds: Iterable[Feed]) -> int:
        """Add or replace feeds (by URL); returns how many were written."""
        sent = [
            self.producer.send(self.settings.topic_feeds, key=feed.url.encode(), value=feed.to_json())
            for feed in feeds
        ]
        for future in sent:
            future.get(timeout=READ_TIMEOUT)
        return len(sent)

    def remove(self, url: str) -> None:
        """Tombstone the feed and its state: workers stop polling it."""
        for topic in (self.settings.topic_feeds, self.settings.topic_feed_state):
            self.producer.send(topic, key=url.encode(), value=None).get(timeout=READ_TIMEOUT)


def new_feed(
    url: str,
    *,
    name: str | None = None,
    language: str | None = None,
    interval_seconds: float | None = None,
    full_text: bool = True,
) -> Feed:
    return Feed(
        url=url,
        name=name,
        language=language,
        interval_seconds=interval_seconds,
        full_text=full_text,
        added_at=datetime.now(UTC),
    )


def seed_defaults(settings: Settings, defaults: list[Feed]) -> int:
    """Write ``defaults`` to the feeds topic if nothing was ever written to it (a registry whose feeds
    were all removed stays empty: the user chose). Returns how many feeds were written."""
    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap_servers, client_id="armswatch-feeds-seed")
    try:
        partitions = consumer.partitions_for_topic(settings.topic_feeds) or set()
        ends = consumer.end_offsets([TopicPartition(settings.topic_feeds, p) for p in partitions])
    finally:
        consumer.close()
    if any(ends.values()):
        return 0
    producer = KafkaProducer(**producer_config(settings, "armswatch-feeds-seed"))
    try:
        futures = [
            producer.send(settings.topic_feeds, key=feed.url.encode(), value=feed.to_json())
            for feed in defaults
        ]
        for future in futures:
            future.get(timeout=READ_TIMEOUT)
    finally:
        producer.close()
    log.info("no feed configured: default feeds registered", extra={"feeds": len(defaults)})
    return len(defaults)
