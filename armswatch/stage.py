"""The loop every streaming stage runs: poll a batch, process it, produce the results, then commit.

Acknowledged or nothing: a batch's offsets are committed only after Kafka acknowledged every one of
its outputs and dead letters (each send's result is checked). A send that failed is sent again by a
new producer (an idempotent producer that Kafka refused may stay in a fatal state that drops every
later record), after a backoff that a stop request cuts short; a stopped stage commits nothing, so
the batch comes again. A record larger than its topic takes is reduced by the stage that made it or,
if it cannot be, dead-lettered with its payload cut to fit; nothing is ever too large to go somewhere.

A bad message is rejected into the dead-letter topic with its reason, logged and counted; it never
stops the stage. Kafka errors in polling, producing and committing are retried until Kafka answers,
with one log line when it goes away and one when it is back.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from typing import Any, Generic, TypeVar

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.errors import (
    CommitFailedError,
    FencedInstanceIdError,
    KafkaError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
)
from kafka.producer.future import FutureRecordMetadata
from kafka.structs import OffsetAndMetadata
from pydantic import ValidationError

from armswatch import metrics
from armswatch.backoff import Backoff, Outage
from armswatch.config import Settings
from armswatch.kafka import consumer, ensure_topics, max_message_bytes, producer_config
from armswatch.schema import DeadLetter, Record

log = logging.getLogger(__name__)
# Lag needs the position of every owned partition: measured once a second, not per poll.
LAG_INTERVAL = 1.0
# Retries while Kafka does not answer: 0.5 s, 1 s, 2 s … at most 30 s between two attempts.
KAFKA_BACKOFF = Backoff(initial=0.5, maximum=30.0)
# How long one wait for the producer's acknowledgements lasts before the stop request is checked.
ACK_WAIT_SECONDS = 1.0
SIZE_ERRORS = (MessageSizeTooLargeError, RecordListTooLargeError)


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
ResultType = TypeVar("ResultType")


def invalid_reason(model: type[Record]) -> str:
    """The rejection reason of JSON that is not a valid ``model``: ``invalid_enriched_article``."""
    return "invalid_" + re.sub(r"(?<!^)(?=[A-Z])", "_", model.__name__).lower()


def decode(model: type[RecordType], value: bytes | None, reason: str | None = None) -> RecordType:
    """Parse one message as ``model``; raises RejectedInput ("empty_message", "invalid_json" or
    ``reason``, by default ``invalid_reason(model)``, for JSON that is not a valid record)."""
    if not value:
        raise RejectedInput("empty_message", "the message has no value")
    try:
        return model.model_validate_json(value)
    except ValidationError as error:
        json_broken = any(e["type"] == "json_invalid" for e in error.errors())
        raise RejectedInput(
            "invalid_json" if json_broken else reason or invalid_reason(model), str(error)
        ) from None


@dataclass(frozen=True)
class Decoded(Generic[RecordType]):
    """A message of the stage's input that is a valid record: the Kafka message and its record."""

    message: Any  # topic, partition, offset, key, value
    record: RecordType


Rejections = list[tuple[Any, RejectedInput]]


def decode_batch(
    messages: Sequence[Any], model: type[RecordType]
) -> tuple[list[Decoded[RecordType]], Rejections]:
    """The batch's valid records, and the rejection of every other message; a tombstone (no value: a
    compacted topic's deletion of its key) is neither."""
    decoded: list[Decoded[RecordType]] = []
    rejected: Rejections = []
    for message in messages:
        if message.value is None:
            continue
        try:
            decoded.append(Decoded(message, decode(model, message.value)))
        except RejectedInput as error:
            rejected.append((message, error))
    return decoded, rejected


@dataclass(frozen=True)
class Output:
    """A record to produce. ``smaller`` makes a reduced value that keeps what matters most, used when
    ``value`` is larger than the topic takes; without it, or when that is still too large, the record
    goes to the dead-letter topic instead, its payload cut to fit."""

    topic: str
    key: str | None
    value: bytes | None  # None: a tombstone, deleting ``key`` from a compacted topic
    smaller: Callable[[], bytes] | None = None


@dataclass(frozen=True)
class Message:
    """Bytes ready for the producer."""

    topic: str
    key: bytes | None
    value: bytes | None

    @property
    def size(self) -> int:
        return len(self.value or b"") + len(self.key or b"")


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


def oversized_letter(stage: str, message: Message, limit: int) -> DeadLetter:
    """The dead letter of an output that cannot be made to fit its topic (no offset: it was never
    written; the key names the article)."""
    return DeadLetter(
        stage=stage,
        reason="output_too_large",
        error=f"a {message.size:,}-byte record exceeds what {message.topic} takes ({limit:,} bytes)",
        topic=message.topic,
        partition=-1,
        offset=-1,
        key=message.key.decode("utf-8", "replace") if message.key else None,
        payload=(message.value or b"").decode("utf-8", "replace"),
        at=datetime.now(UTC),
    )


def cut_to_fit(cut: Callable[[int], RecordType], length: int, limit: int) -> RecordType:
    """``cut(keep)``, the record with ``keep`` of the ``length`` characters of one of its fields, for
    the largest ``keep`` tried whose serialised record fits in ``limit`` bytes (escaping makes some
    characters six bytes, so the fit is measured, and the cut shrunk in proportion until it holds)."""
    keep = length
    record = cut(keep)
    size = len(record.to_json())
    while size > limit and keep > 0:
        keep = max(0, keep * limit // size - 64)
        record = cut(keep)
        size = len(record.to_json())
    return record


def fitted_letter(letter: DeadLetter, limit: int) -> bytes:
    """``letter`` serialised in at most ``limit`` bytes: its payload (and a runaway error text) cut,
    and the cut said in ``error``."""
    value = letter.to_json()
    if len(value) <= limit:
        return value
    error, payload = letter.error[:2000], letter.payload

    def cut(keep: int) -> DeadLetter:
        note = f"{error} (payload cut to its first {keep:,} of {len(payload):,} characters)"
        return letter.model_copy(update={"payload": payload[:keep], "error": note})

    return cut_to_fit(cut, len(payload), limit).to_json()


# The outputs of a batch, and the messages rejected with the reason (the message is ``Decoded.message``).
HandlerResult = tuple[list[Output], Rejections]
Handler = Callable[[Sequence[Decoded[Any]]], HandlerResult]


@dataclass(frozen=True)
class OverlappedHandler:
    """A handler in two steps, so that one batch's write overlaps the next batch's preparation.

    ``prepare`` turns decoded records into work without side effects (build documents); ``write``
    performs it (a bulk request) and returns the outputs and rejections, or raises Backpressure.
    The stage prepares batch N+1 while batch N's write runs in a background thread. Writes run one at
    a time, in order, and a batch is committed only after its own write returned.
    """

    prepare: Callable[[Sequence[Decoded[Any]]], Any]
    write: Callable[[Any], HandlerResult]


@dataclass
class _InFlight:
    records: Sequence[Any]
    invalid: Rejections
    prepared: Any
    write: Callable[[Any], HandlerResult]
    result: Future[HandlerResult]
    started: float


ProducerFactory = Callable[[], KafkaProducer]


def run_stage(
    *,
    stage: str,
    consumer: KafkaConsumer,
    new_producer: ProducerFactory,
    dead_letter_topic: str,
    reads: type[Record],
    handle: Handler | OverlappedHandler,
    limits: Callable[[str], int],
    stop: threading.Event | None = None,
    exit_when_idle: float | None = None,
    stats: StageStats | None = None,
    poll_timeout_ms: int = 500,
) -> StageStats:
    """Run until ``stop`` is set, or until no message came for ``exit_when_idle`` seconds.

    Every message is decoded as ``reads`` (one that is not goes to the dead-letter topic with the
    reason). ``handle`` turns a batch of decoded records into outputs and rejections; it must not
    raise for one bad record (it rejects it). ``new_producer`` makes the producer, again whenever one failed;
    ``limits`` gives the largest record a topic takes. Blocks; returns the outcome counts.
    """
    stats = stats or StageStats(stage)
    stop = stop or threading.Event()
    kafka = Outage("Kafka", KAFKA_BACKOFF, stop, log)
    batches = _Batches(stage, consumer, new_producer, dead_letter_topic, limits, stop, stats, kafka)
    last_message = time.monotonic()
    lag_measured = 0.0
    in_flight: _InFlight | None = None
    writer = ThreadPoolExecutor(1, thread_name_prefix=f"{stage}-write")
    try:
        while not stop.is_set():
            try:
                polled = consumer.poll(timeout_ms=poll_timeout_ms)
            except FencedInstanceIdError:
                raise
            except KafkaError as error:
                if not kafka.failed(error, "polling"):
                    break
                continue
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
            decoded, invalid = decode_batch(records, reads)
            if not isinstance(handle, OverlappedHandler):
                handled = batches.until_accepted(partial(handle, decoded))
                if handled is None or not batches.commit(records, handled, invalid, started):
                    return stats  # stopped before the batch was done: replayed on restart
                continue
            prepared = handle.prepare(decoded)
            if in_flight is not None and not batches.settle(in_flight):
                return stats
            in_flight = _InFlight(
                records, invalid, prepared, handle.write, writer.submit(handle.write, prepared), started
            )
        if in_flight is not None:
            batches.settle(in_flight)  # stopping: the batch in flight still finishes
    finally:
        writer.shutdown(wait=True)
        batches.close()
    return stats


@dataclass
class _Batches:
    """What happens to a batch after its handler: wait out back-pressure, produce until Kafka
    acknowledged every record, commit, count."""

    stage: str
    consumer: KafkaConsumer
    new_producer: ProducerFactory
    dead_letter_topic: str
    limits: Callable[[str], int]
    stop: threading.Event
    stats: StageStats
    kafka: Outage
    producer: KafkaProducer | None = None

    def close(self) -> None:
        if self.producer is not None:
            self.producer.close()
            self.producer = None

    def settle(self, batch: _InFlight) -> bool:
        """Wait for an overlapped write and commit its batch; False if stopped before it was done."""
        try:
            handled: HandlerResult | None = batch.result.result()
        except Backpressure as pressure:
            handled = None
            if self._wait_out(pressure):
                handled = self.until_accepted(partial(batch.write, batch.prepared))
        if handled is None:
            return False
        return self.commit(batch.records, handled, batch.invalid, batch.started)

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
            try:
                self.consumer.poll(timeout_ms=200)  # keeps the group membership; paused, returns nothing
            except KafkaError:
                self.stop.wait(0.2)  # Kafka away too: the next poll or commit reports it
        self.consumer.resume(*partitions)
        return not self.stop.is_set()

    def commit(
        self, records: Sequence[Any], handled: HandlerResult, invalid: Rejections, started: float
    ) -> bool:
        """Produce the outputs and dead letters (of the ``invalid`` messages and of those the handler
        rejected), wait until Kafka acknowledged every one, then commit these records' offsets.
        False (nothing committed) when the stage was stopped first."""
        outputs, rejected = handled[0], invalid + handled[1]
        messages = [self._fitted(output) for output in outputs]
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
            messages.append(self._letter(dead_letter(self.stage, record, error)))
        if not self._deliver(messages) or not self._commit_offsets(records):
            return False
        for _record, error in rejected:
            self.stats.counts[f"rejected_{error.reason}"] += 1
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
        return True

    def _fitted(self, output: Output) -> Message:
        """The output as it can be sent: reduced by its maker, or dead-lettered, when too large."""
        message = Message(output.topic, output.key.encode() if output.key else None, output.value)
        limit = self.limits(output.topic)
        if message.size <= limit:
            return message
        if output.smaller is not None:
            reduced = Message(message.topic, message.key, output.smaller())
            if reduced.size <= limit:
                self.stats.counts["output_reduced"] += 1
                log.warning(
                    "output reduced to fit its topic",
                    extra={"stage": self.stage, "key": output.key, "bytes": message.size, "limit": limit},
                )
                return reduced
        return self._too_large(message, limit)

    def _too_large(self, message: Message, limit: int) -> Message:
        self.stats.counts["rejected_output_too_large"] += 1
        log.warning(
            "output too large for its topic, dead-lettered",
            extra={"stage": self.stage, "topic": message.topic, "bytes": message.size, "limit": limit},
        )
        return self._letter(oversized_letter(self.stage, message, limit))

    def _letter(self, letter: DeadLetter) -> Message:
        limit = self.limits(self.dead_letter_topic)
        return Message(self.dead_letter_topic, None, fitted_letter(letter, limit))

    def _deliver(self, messages: list[Message]) -> bool:
        """Send ``messages`` until Kafka acknowledged each one; False if the stage was stopped first.

        A failed send is repeated by a fresh producer. A producer that Kafka refused a record for its
        size fails every record it held with that same error, so such failures are sent again one at
        a time: a record refused alone is too large for the broker (whose limit is lower than the one
        configured) and goes to the dead-letter topic instead.
        """
        pending, one_by_one = messages, False
        while pending:
            results = self._send_each(pending) if one_by_one else self._send_all(pending)
            if results is None:
                return False
            failed: list[Message] = []
            unavailable: BaseException | None = None
            for message, error in zip(pending, results, strict=True):
                if error is None:
                    continue
                if isinstance(error, SIZE_ERRORS) and one_by_one:
                    failed.append(self._refused(message))
                else:
                    failed.append(message)
                    unavailable = None if isinstance(error, SIZE_ERRORS) else error
            if not failed:
                self.kafka.recovered()
                return True
            one_by_one = unavailable is None
            if unavailable is not None and not self.kafka.failed(unavailable, "producing"):
                return False
            pending = failed
        return True

    def _send_all(self, messages: list[Message]) -> list[BaseException | None] | None:
        """Send every message, then wait for all; each one's error (None: acknowledged)."""
        producer = self._producer()
        if producer is None:
            return None
        sent = [self._send(producer, message) for message in messages]
        if not self._flush(producer):
            return None
        errors = [_send_error(result) for result in sent]
        if any(errors):
            self._drop_producer()
        return errors

    def _send_each(self, messages: list[Message]) -> list[BaseException | None] | None:
        """Send the messages one at a time, each by a producer that has not failed before it."""
        errors: list[BaseException | None] = []
        for message in messages:
            result = self._send_all([message])
            if result is None:
                return None
            errors.extend(result)
        return errors

    def _refused(self, message: Message) -> Message:
        """What to send instead of a message the broker refused for its size."""
        if message.topic != self.dead_letter_topic:
            return self._too_large(message, message.size)
        letter = DeadLetter.model_validate_json(message.value or b"")
        return Message(message.topic, None, fitted_letter(letter, message.size // 2))

    def _producer(self) -> KafkaProducer | None:
        while self.producer is None:
            try:
                self.producer = self.new_producer()
            except KafkaError as error:
                if not self.kafka.failed(error, "connecting the producer"):
                    return None
        return self.producer

    def _drop_producer(self) -> None:
        """Close a producer a send failed on: it may be in a fatal state that drops every later record."""
        if self.producer is not None:
            self.stats.counts["producer_replaced"] += 1
            self.producer.close(timeout=0)
            self.producer = None

    def _send(self, producer: KafkaProducer, message: Message) -> FutureRecordMetadata | KafkaError:
        try:
            future: FutureRecordMetadata = producer.send(message.topic, key=message.key, value=message.value)
        except KafkaError as error:  # no metadata within max_block_ms, or over max_request_size
            return error
        return future

    def _flush(self, producer: KafkaProducer) -> bool:
        """Wait until every send is settled (acknowledged or failed); False if stopped first."""
        while True:
            try:
                producer.flush(timeout=ACK_WAIT_SECONDS)
                return True
            except KafkaError:
                if self.stop.is_set():
                    return False

    def _commit_offsets(self, records: Sequence[Any]) -> bool:
        """Commit, retrying while Kafka is away; False if stopped first (the batch comes again)."""
        while True:
            try:
                self.consumer.commit(_next_offsets(records))
            except CommitFailedError as error:
                # The group rebalanced while the batch was written: its partitions' new owner replays
                # it, and deterministic outputs make the repeat harmless.
                self.stats.counts["commit_failed_rebalance"] += 1
                log.warning(
                    "offsets not committed after a rebalance",
                    extra={"stage": self.stage, "error": str(error)},
                )
                return True
            except FencedInstanceIdError:
                raise
            except KafkaError as error:
                self.stats.counts["kafka_retries"] += 1
                if not self.kafka.failed(error, "committing offsets"):
                    return False
                continue
            self.kafka.recovered()
            return True


def _send_error(result: FutureRecordMetadata | KafkaError) -> BaseException | None:
    """Why a send failed, or None once Kafka acknowledged it."""
    if isinstance(result, BaseException):
        return result
    try:
        result.get(timeout=ACK_WAIT_SECONDS)
    except KafkaError as error:
        failure: BaseException = error
        return failure
    return None


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
        try:
            lag += max(0, end - consumer.position(partition))
        except KafkaError:
            continue  # Kafka away: the position is unknown, the poll loop reports the outage
    return lag


class TopicLimits:
    """The largest record each topic takes, asked of the broker once per topic."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.known: dict[str, int] = {}

    def __call__(self, topic: str) -> int:
        if topic not in self.known:
            self.known.update(max_message_bytes(self.settings, [topic]))
        return self.known[topic]


def when_kafka_answers(doing: str, action: Callable[[], ResultType], stop: threading.Event) -> ResultType:
    """``action()``, repeated while it fails on a Kafka error (a client's constructor does while it
    cannot bootstrap). Raises that error when ``stop`` is set first: a worker stopped before it ever
    reached Kafka has failed, and says so."""
    outage = Outage("Kafka", KAFKA_BACKOFF, stop, log)
    while True:
        try:
            result = action()
        except KafkaError as error:
            if not outage.failed(error, doing):
                raise
            continue
        outage.recovered()
        return result


def run_worker(
    settings: Settings,
    *,
    stage: str,
    topic: str,
    group_id: str,
    reads: type[Record],
    handle: Handler | OverlappedHandler,
    stop: threading.Event | None = None,
    exit_when_idle: float | None = None,
    stats: StageStats | None = None,
    max_poll_records: int = 200,
) -> StageStats:
    """Connect a consumer of ``topic`` (retrying until Kafka answers), run the stage on its messages
    decoded as ``reads`` (see ``run_stage``), close it. Blocks."""
    stop = stop or threading.Event()
    stats = stats or StageStats(stage)
    client_id = f"{stage}-{os.getpid()}"
    when_kafka_answers("creating topics", partial(ensure_topics, settings), stop)
    source = when_kafka_answers(
        "connecting the consumer",
        partial(consumer, settings, group_id, client_id, topic, max_poll_records=max_poll_records),
        stop,
    )
    try:
        return run_stage(
            stage=stage,
            consumer=source,
            new_producer=partial(KafkaProducer, **producer_config(settings, client_id)),
            dead_letter_topic=settings.topic_dead_letter,
            reads=reads,
            handle=handle,
            limits=TopicLimits(settings),
            stop=stop,
            exit_when_idle=exit_when_idle,
            stats=stats,
        )
    finally:
        source.close()
