"""The ingest worker's consumer thread: kafka-python consumers are not thread-safe, so one thread owns
both. It holds the worker's membership in the consumer group of the feeds topic, reads the feeds and
the saved states of the partitions Kafka gives it, and hands them to the worker's event loop; when
partitions are revoked, it waits until the loop has stopped polling their feeds and saved their state.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterable
from concurrent.futures import Future as ThreadFuture
from functools import partial
from typing import Any, Protocol

from kafka import ConsumerRebalanceListener, KafkaConsumer, TopicPartition
from kafka.errors import KafkaError
from pydantic import ValidationError

from armswatch.backoff import Outage
from armswatch.config import Settings
from armswatch.kafka import consumer_config
from armswatch.schema import Feed, FeedState
from armswatch.stage import (
    KAFKA_BACKOFF,
    RejectedInput,
    StageStats,
    dead_letter,
    fitted_letter,
    when_kafka_answers,
)
from ingest.registry import read_to_end
from ingest.sender import Message, Sender, Stopping

log = logging.getLogger(__name__)
# A worker whose consumer thread is wedged leaves the group after this long.
MAX_POLL_INTERVAL_MS = 45_000
# How long a revocation waits for the loop to let go of the partitions' feeds.
RELEASE_TIMEOUT = 60.0


class FeedOwner(Protocol):
    """What the consumer thread needs of the worker: its loop, and what to call on it."""

    settings: Settings
    group_id: str
    client_id: str
    stats: StageStats
    sender: Sender
    loop: asyncio.AbstractEventLoop
    limits: dict[str, int]
    consumer_done: threading.Event

    def apply_feed(self, partition: int, url: str, feed: Feed | None) -> None: ...

    def apply_state(self, partition: int, url: str, state: FeedState | None) -> None: ...

    def take(self, partitions: set[int], states: dict[str, FeedState]) -> None: ...

    async def release(self, partitions: set[int]) -> None: ...


def consume(owner: FeedOwner) -> None:
    """The thread that owns the Kafka consumers: group membership on the feeds topic, and the state
    partitions; it hands feeds and states to the worker's loop. Returns once ``consumer_done`` is set."""
    config = consumer_config(owner.settings, owner.group_id, owner.client_id, max_poll_records=2000)
    try:
        feeds = when_kafka_answers(
            "connecting the feeds consumer",
            partial(KafkaConsumer, **config, max_poll_interval_ms=MAX_POLL_INTERVAL_MS),
            owner.consumer_done,
        )
        states = when_kafka_answers(
            "connecting the feed-state consumer",
            partial(
                KafkaConsumer,
                bootstrap_servers=owner.settings.bootstrap_servers,
                client_id=f"{owner.client_id}-state",
                enable_auto_commit=False,
                group_id=None,
            ),
            owner.consumer_done,
        )
    except KafkaError:
        return  # stopped before Kafka answered: run() reports it
    feeds.subscribe([owner.settings.topic_feeds], listener=_Listener(owner, feeds, states))
    kafka = Outage("Kafka", KAFKA_BACKOFF, owner.consumer_done, log)
    try:
        while not owner.consumer_done.is_set():
            try:
                batches = feeds.poll(timeout_ms=300)
                for records in batches.values():
                    _hand_over_feeds(owner, records)
                if states.assignment():
                    for records in states.poll(timeout_ms=0).values():
                        _hand_over_states(owner, records)
            except KafkaError as error:
                kafka.failed(error, "reading the feed registry")
                continue
            kafka.recovered()
    finally:
        feeds.close()  # leaves the group at once: the others take the partitions over now
        states.close()


def _hand_over_feeds(owner: FeedOwner, records: Iterable[Any]) -> None:
    for record in records:
        url = record.key.decode("utf-8", "replace") if record.key else ""
        feed: Feed | None = None
        if record.value is not None:
            try:
                feed = Feed.model_validate_json(record.value)
                if feed.url != url:
                    raise RejectedInput("feed_key_mismatch", f"key {url!r} but feed URL {feed.url!r}")
            except (ValidationError, RejectedInput) as error:
                rejection = (
                    error if isinstance(error, RejectedInput) else RejectedInput("invalid_feed", str(error))
                )
                _reject(owner, record, rejection)
                continue
        owner.loop.call_soon_threadsafe(owner.apply_feed, record.partition, url, feed)


def _hand_over_states(owner: FeedOwner, records: Iterable[Any]) -> None:
    for record in records:
        url = record.key.decode("utf-8", "replace") if record.key else ""
        try:
            state = FeedState.model_validate_json(record.value) if record.value is not None else None
        except ValidationError as error:
            _reject(owner, record, RejectedInput("invalid_feed_state", str(error)))
            continue
        owner.loop.call_soon_threadsafe(owner.apply_state, record.partition, url, state)


def _reject(owner: FeedOwner, record: Any, error: RejectedInput) -> None:
    log.warning(
        "rejected registry record",
        extra={
            "topic": record.topic,
            "offset": record.offset,
            "reason": error.reason,
            "detail": error.detail[:300],
        },
    )
    topic = owner.settings.topic_dead_letter
    letter = fitted_letter(dead_letter(owner.stats.stage, record, error), owner.limits[topic])
    sending = asyncio.run_coroutine_threadsafe(
        owner.sender.send_until_acked([Message(topic, None, letter)]), owner.loop
    )
    try:
        sending.result()
    except Stopping:
        return  # stopping: the record is read again from the registry's start by the next owner
    owner.stats.counts[f"rejected_{error.reason}"] += 1


class _Listener(ConsumerRebalanceListener):  # type: ignore[misc]
    """Rebalance callbacks, run by the consumer thread inside ``poll``."""

    def __init__(self, owner: FeedOwner, feeds: KafkaConsumer, states: KafkaConsumer) -> None:
        self.owner = owner
        self.feeds = feeds
        self.states = states

    def on_partitions_revoked(self, revoked: set[TopicPartition]) -> None:
        numbers = {tp.partition for tp in revoked}
        done: ThreadFuture[None] = asyncio.run_coroutine_threadsafe(
            self.owner.release(numbers), self.owner.loop
        )
        done.result(timeout=RELEASE_TIMEOUT)
        topic = self.owner.settings.topic_feed_state
        self.states.assign(
            [tp for tp in self.states.assignment() if tp.partition not in numbers and tp.topic == topic]
        )

    def on_partitions_assigned(self, assigned: set[TopicPartition]) -> None:
        numbers = {tp.partition for tp in assigned}
        if not numbers:
            return  # a rebalance that gave this worker nothing (more workers than partitions)
        settings = self.owner.settings
        # The registry is re-read from its start: compaction keeps one record per feed.
        self.feeds.seek_to_beginning(*assigned)
        # The saved states of these partitions, read to their current end before any feed starts.
        table = read_to_end(self.states, settings.topic_feed_state, numbers)
        loaded: dict[str, FeedState] = {}
        for url, value in table.items():
            try:
                loaded[url] = FeedState.model_validate_json(value)
            except ValidationError:
                self.owner.stats.counts["rejected_invalid_feed_state"] += 1
        self.owner.loop.call_soon_threadsafe(self.owner.take, numbers, loaded)
