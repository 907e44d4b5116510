"""The ingest worker's side of Kafka: one idempotent producer, replaced when a send fails on it, and
sends that return only once Kafka acknowledged every message, waiting out an outage until the worker
stops (then ``Stopping``: nothing was saved, so the entries come again)."""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from typing import Any

from kafka import KafkaProducer
from kafka.errors import KafkaError

from armswatch.backoff import Outage
from armswatch.config import Settings
from armswatch.kafka import producer_config
from armswatch.stage import KAFKA_BACKOFF, StageStats

log = logging.getLogger(__name__)


class Stopping(Exception):
    """The worker is stopping while waiting for Kafka: the poll's work is dropped, not saved."""


@dataclass(frozen=True)
class Message:
    """A record to produce; ``value`` None is a tombstone (removes the key from a compacted topic)."""

    topic: str
    key: str | None
    value: bytes | None


class Sender:
    """Sends for one worker's tasks, on its event loop (the producer's blocking calls in threads)."""

    def __init__(self, settings: Settings, stop: threading.Event, stats: StageStats, client_id: str) -> None:
        self.settings = settings
        self.stats = stats
        self.client_id = client_id
        self.kafka = Outage("Kafka", KAFKA_BACKOFF, stop, log)
        self.lock = asyncio.Lock()
        self.producer: KafkaProducer | None = None

    async def close(self) -> None:
        if self.producer is not None:
            await asyncio.to_thread(self.producer.close)

    async def send_until_acked(self, outputs: list[Message]) -> None:
        """Send and wait for every acknowledgement; on a Kafka error, wait and resend what was not
        acknowledged with a new producer, until it is or the worker stops (then raises Stopping)."""
        remaining = outputs
        while remaining:
            producer = await self._producer()
            if isinstance(producer, BaseException):
                error = producer
            else:
                futures = await asyncio.to_thread(self._send, asyncio.get_running_loop(), producer, remaining)
                results = await asyncio.gather(*futures, return_exceptions=True)
                outcomes = zip(remaining, results, strict=True)
                failed = [(o, r) for o, r in outcomes if isinstance(r, BaseException)]
                remaining = [output for output, _ in failed]
                if not remaining:
                    self.kafka.recovered()
                    return
                error = failed[0][1]
                await self._drop(producer)
            self.stats.counts["kafka_retries"] += 1
            if not await asyncio.to_thread(self.kafka.failed, error, "publishing"):
                raise Stopping("stopped while Kafka was unavailable; nothing saved, the entries come again")

    async def _drop(self, producer: KafkaProducer) -> None:
        """Close a producer a send failed on (unless another task did): an idempotent producer that
        Kafka refused may stay in a fatal state that drops every later record."""
        if id(self.producer) != id(producer):
            return  # another task replaced it already
        self.producer = None
        await asyncio.to_thread(producer.close, 0)

    async def _producer(self) -> KafkaProducer | BaseException:
        """The producer, a new one if the last failed; the error while Kafka cannot be reached."""
        async with self.lock:
            producer = self.producer
            if producer is None:
                try:
                    producer = await asyncio.to_thread(
                        KafkaProducer, **producer_config(self.settings, self.client_id)
                    )
                except KafkaError as error:
                    failure: BaseException = error
                    return failure
                self.producer = producer
            return producer

    def _send(
        self, loop: asyncio.AbstractEventLoop, producer: KafkaProducer, outputs: list[Message]
    ) -> list[asyncio.Future[Any]]:
        """Hand ``outputs`` to the producer (in a thread: send blocks while Kafka has no metadata)."""
        futures: list[asyncio.Future[Any]] = []
        for output in outputs:
            waiter: asyncio.Future[Any] = loop.create_future()
            futures.append(waiter)
            try:
                key = output.key.encode() if output.key is not None else None
                sent = producer.send(output.topic, key=key, value=output.value)
            except KafkaError as error:
                loop.call_soon_threadsafe(_settle, waiter, None, error)
                continue
            sent.add_callback(lambda meta, w=waiter: loop.call_soon_threadsafe(_settle, w, meta, None))
            sent.add_errback(lambda error, w=waiter: loop.call_soon_threadsafe(_settle, w, None, error))
        return futures


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
