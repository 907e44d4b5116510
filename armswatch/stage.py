"""The loop every streaming stage runs: poll a batch, process it, produce the results, then commit.

Offsets are committed only after the producer has flushed, i.e. after Kafka acknowledged every
output and dead letter of the batch: a crash replays the batch, it never loses it. A bad message is
rejected into the dead-letter topic with its reason, logged and counted; it never stops the stage.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any, TypeVar

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.errors import CommitFailedError
from kafka.structs import OffsetAndMetadata
from pydantic import ValidationError

from armswatch import metrics
from armswatch.config import Settings
from armswatch.kafka import consumer, ensure_topics, producer_config
from armswatch.schema import DeadLetter, Record

log = logging.getLogger(__name__)
# Lag needs the position of every owned partition: measured once a second, not per poll.
LAG_INTERVAL = 1.0


class RejectedInput(Exception):
    """A message this stage can never process: it goes to the dead-letter topic, not back to retry."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class Backpressure(Exception):
    """The stage's sink cannot take more now (Elasticsearch down or overloaded): retry the batch later.

    The stage pauses its partitions (staying in its consumer group), waits ``retry_after`` seconds
    and hands the same batch to the handler again; nothing is committed in between.
    """

    def __init__(self, reason: str, retry_after: float) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


RecordType = TypeVar("RecordType", bound=Record)


def decode(model: type[RecordType], value: bytes | None, reason: str) -> RecordType:
    """Parse one message as ``model``; raises RejectedInput ("empty_message", "invalid_json" or
    ``reason`` for JSON that is not a valid record)."""
    if not value:
        raise RejectedInput("empty_message", "the message has no value")
    try:
        return model.model_validate_json(value)
    except ValidationError as error:
        json_broken = any(e["type"] == "json_invalid" for e in error.errors())
        raise RejectedInput("invalid_json" if json_broken else reason, str(error)) from None


@dataclass(frozen=True)
class Output:
    topic: str
    key: str | None
    value: bytes


class ExportedCounts(Counter[str]):
    """A Counter whose increments are also exported as ``armswatch_events_total{stage,event}``."""

    def __init__(self, stage: str) -> None:
        super().__init__()
        self.stage = stage

    def __setitem__(self, event: str, value: int) -> None:
        increase = value - self.get(event, 0)
        super().__setitem__(event, value)
        if increase > 0:
            metrics.EVENTS.labels(self.stage, event).inc(increase)


@dataclass
class StageStats:
    """Counts of every outcome, by label, since the stage started (exported to Prometheus too)."""

    stage: str = "stage"
    counts: Counter[str] = field(init=False)
    started: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.counts = ExportedCounts(self.stage)

    def as_dict(self) -> dict[str, Any]:
        return {**self.counts, "seconds": round(time.monotonic() - self.started, 1)}


def dead_letter(stage: str, record: Any, error: RejectedInput) -> DeadLetter:
    """The dead-letter record of a rejected Kafka message, with the original bytes kept."""
    value = record.value if isinstance(record.value, bytes) else bytes(record.value or b"")
    key = record.key.decode("utf-8", "replace") if isinstance(record.key, bytes) else record.key
    return DeadLetter(
        stage=stage,
        reason=error.reason,
        error=error.detail,
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        key=key,
        payload=value.decode("utf-8", "replace"),
        at=datetime.now(UTC),
    )


HandlerResult = tuple[list[Output], list[tuple[Any, RejectedInput]]]
Handler = Callable[[Sequence[Any]], HandlerResult]


@dataclass(frozen=True)
class OverlappedHandler:
    """A handler in two steps, so that one batch's write overlaps the next batch's preparation.

    ``prepare`` turns records into work without side effects (decode, build documents); ``write``
    performs it (a bulk request) and returns the outputs and rejections, or raises Backpressure.
    The stage prepares batch N+1 while batch N's write runs in a background thread. Writes run one at
    a time, in order, and a batch is committed only after its own write returned.
    """

    prepare: Callable[[Sequence[Any]], Any]
    write: Callable[[Any], HandlerResult]


@dataclass
class _InFlight:
    records: Sequence[Any]
    prepared: Any
    write: Callable[[Any], HandlerResult]
    result: Future[HandlerResult]
    started: float


def run_stage(
    *,
    stage: str,
    consumer: KafkaConsumer,
    producer: KafkaProducer,
    dead_letter_topic: str,
    handle: Handler | OverlappedHandler,
    stop: threading.Event | None = None,
    exit_when_idle: float | None = None,
    stats: StageStats | None = None,
    poll_timeout_ms: int = 500,
) -> StageStats:
    """Run until ``stop`` is set, or until no message came for ``exit_when_idle`` seconds.

    ``handle`` turns a batch of records into outputs and rejections; it must not raise for one bad
    record (it rejects it). Blocks; returns the outcome counts.
    """
    stats = stats or StageStats(stage)
    stop = stop or threading.Event()
    batches = _Batches(stage, consumer, producer, dead_letter_topic, stop, stats)
    last_message = time.monotonic()
    lag_measured = 0.0
    in_flight: _InFlight | None = None
    writer = ThreadPoolExecutor(1, thread_name_prefix=f"{stage}-write")
    try:
        while not stop.is_set():
            polled = consumer.poll(timeout_ms=poll_timeout_ms)
            records = [record for partition_records in polled.values() for record in partition_records]
            if time.monotonic() - lag_measured > LAG_INTERVAL:
                lag_measured = time.monotonic()
                metrics.LAG.labels(stage).set(consumer_lag(consumer))
            if not records:
                if in_flight is not None:
                    if not batches.settle(in_flight):
                        return stats
                    in_flight = None
                if exit_when_idle is not None and time.monotonic() - last_message > exit_when_idle:
                    break
                continue
            last_message = time.monotonic()
            started = time.perf_counter()
            if not isinstance(handle, OverlappedHandler):
                handled = batches.until_accepted(partial(handle, records))
                if handled is None:
                    return stats  # stopped while the sink was unavailable: replayed on restart
                batches.commit(records, handled, started)
                continue
            prepared = handle.prepare(records)
            if in_flight is not None and not batches.settle(in_flight):
                return stats
            in_flight = _InFlight(
                records, prepared, handle.write, writer.submit(handle.write, prepared), started
            )
        if in_flight is not None:
            batches.settle(in_flight)  # stopping: the batch in flight still finishes
    finally:
        writer.shutdown(wait=True)
    return stats


@dataclass
class _Batches:
    """What happens to a batch after its handler: wait out back-pressure, produce, commit, count."""

    stage: str
    consumer: KafkaConsumer
    producer: KafkaProducer
    dead_letter_topic: str
    stop: threading.Event
    stats: StageStats

    def settle(self, batch: _InFlight) -> bool:
        """Wait for an overlapped write and commit its batch; False if stopped before it was accepted."""
        try:
            handled: HandlerResult | None = batch.result.result()
        except Backpressure as pressure:
            handled = None
            if self._wait_out(pressure):
                handled = self.until_accepted(partial(batch.write, batch.prepared))
        if handled is None:
            return False
        self.commit(batch.records, handled, batch.started)
        return True

    def until_accepted(self, attempt: Callable[[], HandlerResult]) -> HandlerResult | None:
        """Run ``attempt`` until the sink takes it; None if the stage was stopped meanwhile."""
        while True:
            try:
                return attempt()
            except Backpressure as pressure:
                if not self._wait_out(pressure):
                    return None

    def _wait_out(self, pressure: Backpressure) -> bool:
        """Pause the partitions (staying in the group) for ``retry_after``; False if stopped."""
        self.stats.counts["backpressure"] += 1
        log.warning(
            "sink unavailable, pausing",
            extra={"stage": self.stage, "reason": pressure.reason, "retry_after": pressure.retry_after},
        )
        partitions = self.consumer.assignment()
        self.consumer.pause(*partitions)
        deadline = time.monotonic() + pressure.retry_after
        while time.monotonic() < deadline and not self.stop.is_set():
            self.consumer.poll(timeout_ms=200)  # keeps the group membership; paused, so returns nothing
        self.consumer.resume(*partitions)
        return not self.stop.is_set()

    def commit(self, records: Sequence[Any], handled: HandlerResult, started: float) -> None:
        """Produce the outputs and dead letters, wait for Kafka's acks, then commit these records."""
        outputs, rejected = handled
        for output in outputs:
            self.producer.send(
                output.topic, key=output.key.encode() if output.key else None, value=output.value
            )
        for record, error in rejected:
            log.warning(
                "rejected message",
                extra={
                    "stage": self.stage,
                    "reason": error.reason,
                    "detail": error.detail[:300],
                    "topic": record.topic,
                    "partition": record.partition,
                    "offset": record.offset,
                },
            )
            self.producer.send(
                self.dead_letter_topic, key=None, value=dead_letter(self.stage, record, error).to_json()
            )
            self.stats.counts[f"rejected_{error.reason}"] += 1
        self.producer.flush()
        try:
            self.consumer.commit(_next_offsets(records))
        except CommitFailedError as error:
            # The group rebalanced while the batch was written: its partitions' new owner replays it,
            # and deterministic outputs make the repeat harmless.
            self.stats.counts["commit_failed_rebalance"] += 1
            log.warning(
                "offsets not committed after a rebalance", extra={"stage": self.stage, "error": str(error)}
            )
        self.stats.counts["processed"] += len(records) - len(rejected)
        self.stats.counts["produced"] += len(outputs)
        metrics.BATCH_SECONDS.labels(self.stage).observe(time.perf_counter() - started)
        log.info(
            "batch done",
            extra={
                "stage": self.stage,
                "records": len(records),
                "outputs": len(outputs),
                "rejected": len(rejected),
            },
        )


def _next_offsets(records: Sequence[Any]) -> dict[TopicPartition, OffsetAndMetadata]:
    """The offsets to commit once ``records`` are done: one past the last record of each partition."""
    last: dict[TopicPartition, int] = {}
    for record in records:
        partition = TopicPartition(record.topic, record.partition)
        last[partition] = max(last.get(partition, -1), record.offset)
    return {partition: OffsetAndMetadata(offset + 1, "", -1) for partition, offset in last.items()}


def consumer_lag(consumer: KafkaConsumer) -> int:
    """Messages between the consumer's position and the end of the partitions it owns (as last fetched)."""
    lag = 0
    for partition in consumer.assignment():
        end = consumer.highwater(partition)
        if end is None:
            continue  # not fetched yet: unknown, not zero
        lag += max(0, end - consumer.position(partition))
    return lag


def run_worker(
    settings: Settings,
    *,
    stage: str,
    topic: str,
    group_id: str,
    handle: Handler | OverlappedHandler,
    stop: threading.Event | None = None,
    exit_when_idle: float | None = None,
    stats: StageStats | None = None,
    max_poll_records: int = 200,
) -> StageStats:
    """Connect a consumer of ``topic`` and a producer, run the stage, close both. Blocks."""
    ensure_topics(settings)
    client_id = f"{stage}-{os.getpid()}"
    source = consumer(settings, group_id, client_id, topic, max_poll_records=max_poll_records)
    producer = KafkaProducer(**producer_config(settings, client_id))
    try:
        return run_stage(
            stage=stage,
            consumer=source,
            producer=producer,
            dead_letter_topic=settings.topic_dead_letter,
            handle=handle,
            stop=stop,
            exit_when_idle=exit_when_idle,
            stats=stats,
        )
    finally:
        source.close()
        producer.close()
