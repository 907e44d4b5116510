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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar

from kafka import KafkaConsumer, KafkaProducer
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


Handler = Callable[[Sequence[Any]], tuple[list[Output], list[tuple[Any, RejectedInput]]]]


def run_stage(
    *,
    stage: str,
    consumer: KafkaConsumer,
    producer: KafkaProducer,
    dead_letter_topic: str,
    handle: Handler,
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
    last_message = time.monotonic()
    lag_measured = 0.0
    while not stop.is_set():
        batches = consumer.poll(timeout_ms=poll_timeout_ms)
        records = [record for partition_records in batches.values() for record in partition_records]
        if time.monotonic() - lag_measured > LAG_INTERVAL:
            lag_measured = time.monotonic()
            metrics.LAG.labels(stage).set(consumer_lag(consumer))
        if not records:
            if exit_when_idle is not None and time.monotonic() - last_message > exit_when_idle:
                break
            continue
        last_message = time.monotonic()
        batch_started = time.perf_counter()
        handled = _handle_until_accepted(handle, records, consumer, stop, stats, stage)
        if handled is None:
            break  # stopped while the sink was unavailable: the batch is replayed on restart
        outputs, rejected = handled
        for output in outputs:
            producer.send(output.topic, key=output.key.encode() if output.key else None, value=output.value)
        for record, error in rejected:
            log.warning(
                "rejected message",
                extra={
                    "stage": stage,
                    "reason": error.reason,
                    "detail": error.detail[:300],
                    "topic": record.topic,
                    "partition": record.partition,
                    "offset": record.offset,
                },
            )
            producer.send(dead_letter_topic, key=None, value=dead_letter(stage, record, error).to_json())
            stats.counts[f"rejected_{error.reason}"] += 1
        producer.flush()
        consumer.commit()
        stats.counts["processed"] += len(records) - len(rejected)
        stats.counts["produced"] += len(outputs)
        metrics.BATCH_SECONDS.labels(stage).observe(time.perf_counter() - batch_started)
        log.info(
            "batch done",
            extra={
                "stage": stage,
                "records": len(records),
                "outputs": len(outputs),
                "rejected": len(rejected),
            },
        )
    return stats


def consumer_lag(consumer: KafkaConsumer) -> int:
    """Messages between the consumer's position and the end of the partitions it owns (as last fetched)."""
    lag = 0
    for partition in consumer.assignment():
        end = consumer.highwater(partition)
        if end is None:
            continue  # not fetched yet: unknown, not zero
        lag += max(0, end - consumer.position(partition))
    return lag


def _handle_until_accepted(
    handle: Handler,
    records: Sequence[Any],
    consumer: KafkaConsumer,
    stop: threading.Event,
    stats: StageStats,
    stage: str,
) -> tuple[list[Output], list[tuple[Any, RejectedInput]]] | None:
    while True:
        try:
            return handle(records)
        except Backpressure as pressure:
            stats.counts["backpressure"] += 1
            log.warning(
                "sink unavailable, pausing",
                extra={"stage": stage, "reason": pressure.reason, "retry_after": pressure.retry_after},
            )
            partitions = consumer.assignment()
            consumer.pause(*partitions)
            deadline = time.monotonic() + pressure.retry_after
            while time.monotonic() < deadline and not stop.is_set():
                consumer.poll(timeout_ms=200)  # keeps the group membership; paused, so returns nothing
            consumer.resume(*partitions)
            if stop.is_set():
                return None


def run_worker(
    settings: Settings,
    *,
    stage: str,
    topic: str,
    group_id: str,
    handle: Handler,
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
