"""The Live page's feed: new transfers and the counters, pushed to every open page (server-sent events).

One thread tails the enriched topic without a consumer group (no offsets touched, like the terminal
view), turns each article into the very mention documents the indexer writes
(``index.actions.mention_documents``) and hands each to the pages whose filters match it, evaluated
by the alert rules' predicate compiler on the query ``index.search`` compiles for the history: one
query language, the same verdict as a search. Another thread refreshes the counters every few seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from elasticsearch import ApiError, Elasticsearch, TransportError
from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from alerts.matcher import DocumentView, Node, compile_node
from alerts.rules import scope_fields
from alerts.store import index_of
from app.console.views import StreamFilters, filters_query, mention_card
from armswatch.config import Settings
from armswatch.metrics import Rate
from armswatch.schema import Deal, EnrichedArticle
from deals.documents import deal_document
from index.actions import mention_documents, read_alias
from index.search import compile_query

log = logging.getLogger(__name__)
QUEUE_SIZE = 500
# What the Live page shows of a new or changed deal.
DEAL_CARD = (
    "id",
    "pair_name",
    "category",
    "weapons",
    "status",
    "timeline_text",
    "latest_evidence",
    "latest_url",
    "latest_source",
    "outlets",
    "last_seen",
)
POLL_MS = 200
COUNTERS_SECONDS = 5.0
FEEDS_SECONDS = 60.0


def stream_predicate(filters: StreamFilters, kind: Literal["mentions", "deals"] = "mentions") -> Node:
    """The filters' predicate on mention (or deal) documents. Raises QueryError (bad query, or a field
    the kind has not) or UnsupportedQuery (a construct the stream cannot evaluate exactly)."""
    return compile_node(compile_query(filters_query(filters), kind), scope_fields(kind))


@dataclass(eq=False)
class Subscriber:
    """One open Live page: its filters' predicate and the queue its event stream reads."""

    predicate: Node
    loop: asyncio.AbstractEventLoop
    deal_predicate: Node | None = None  # None: the filters do not apply to deals (e.g. a language)
    queue: asyncio.Queue[tuple[str, Any] | None] = field(default_factory=lambda: asyncio.Queue(QUEUE_SIZE))

    def push(self, item: tuple[str, Any] | None) -> None:
        """Thread-safe; a page too slow to keep up loses events rather than holding up the others."""

        def put() -> None:
            if not self.queue.full():
                self.queue.put_nowait(item)

        with contextlib.suppress(RuntimeError):  # the page's loop is closed: it is gone
            self.loop.call_soon_threadsafe(put)


class LiveStream:
    """The tail and the counters, shared by every open Live page. ``start``/``close`` once."""

    def __init__(
        self, settings: Settings, es: Elasticsearch, feeds_failing: Callable[[], int | None]
    ) -> None:
        self.settings = settings
        self.es = es
        self.feeds_failing = feeds_failing
        self.subscribers: set[Subscriber] = set()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.counters: dict[str, Any] = {}
        self.threads = [
            threading.Thread(
                target=self._tail,
                args=(settings.topic_enriched, self._transfers),
                name="console-tail",
                daemon=True,
            ),
            threading.Thread(
                target=self._tail, args=(settings.topic_deals, self._deal), name="console-deals", daemon=True
            ),
            threading.Thread(target=self._count, name="console-counters", daemon=True),
        ]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def close(self) -> None:
        self.stop.set()
        with self.lock:
            for subscriber in self.subscribers:
                subscriber.push(None)
        for thread in self.threads:
            thread.join(timeout=5)

    def subscribe(
        self, predicate: Node, loop: asyncio.AbstractEventLoop, deal_predicate: Node | None = None
    ) -> Subscriber:
        subscriber = Subscriber(predicate, loop, deal_predicate=deal_predicate)
        with self.lock:
            self.subscribers.add(subscriber)
        if self.counters:
            subscriber.push(("counters", self.counters))
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self.lock:
            self.subscribers.discard(subscriber)

    def publish(self, enriched: EnrichedArticle) -> int:
        """Send the article's transfers to the pages they match; returns how many events went out."""
        sent = 0
        specs = scope_fields("mentions")
        for document in mention_documents(enriched):
            view = DocumentView(document, specs)
            card = mention_card(document)
            with self.lock:
                subscribers = list(self.subscribers)
            for subscriber in subscribers:
                if subscriber.predicate.matches(view):
                    subscriber.push(("transfer", card))
                    sent += 1
        return sent

    def publish_deal(self, deal: Deal) -> int:
        """Send a new or changed deal to the pages whose filters match it."""
        document = deal_document(deal)
        view = DocumentView(document, scope_fields("deals"))
        with self.lock:
            subscribers = list(self.subscribers)
        sent = 0
        for subscriber in subscribers:
            if subscriber.deal_predicate is not None and subscriber.deal_predicate.matches(view):
                subscriber.push(("deal", {key: document.get(key) for key in DEAL_CARD}))
                sent += 1
        return sent

    def _tail(self, topic: str, handle: Callable[[bytes], None]) -> None:
        consumer: KafkaConsumer | None = None
        try:
            while not self.stop.is_set():
                try:
                    if consumer is None:
                        consumer = self._assigned(topic)
                        if consumer is None:
                            self.stop.wait(2)
                            continue
                    for records in consumer.poll(timeout_ms=POLL_MS, max_records=500).values():
                        for record in records:
                            if record.value is not None:
                                handle(record.value)
                except KafkaError as error:
                    log.warning("live tail: Kafka error, reconnecting", extra={"error": str(error)})
                    if consumer is not None:
                        consumer.close()
                    consumer = None
                    self.stop.wait(2)
        finally:
            if consumer is not None:
                consumer.close()

    def _assigned(self, topic: str) -> KafkaConsumer | None:
        consumer = KafkaConsumer(
            bootstrap_servers=self.settings.bootstrap_servers,
            client_id="armswatch-console",
            enable_auto_commit=False,
        )
        partitions = consumer.partitions_for_topic(topic)
        if not partitions:
            consumer.close()
            return None  # not created yet: the pipeline creates it, try again shortly
        assigned = [TopicPartition(topic, number) for number in partitions]
        consumer.assign(assigned)
        consumer.seek_to_end(*assigned)
        for partition in assigned:
            consumer.position(partition)  # fix the start now: what is enriched from here on is new
        return consumer

    def _transfers(self, value: bytes) -> None:
        try:
            enriched = EnrichedArticle.model_validate_json(value)
        except ValueError:
            return  # the enrich stage dead-letters what it cannot read; the page skips it
        self.publish(enriched)

    def _deal(self, value: bytes) -> None:
        try:
            deal = Deal.model_validate_json(value)
        except ValueError:
            return
        self.publish_deal(deal)

    def _count(self) -> None:
        rate = Rate()
        offsets: KafkaConsumer | None = None
        feeds_checked = 0.0
        failing: int | None = None
        try:
            while not self.stop.is_set():
                raw_total: int | None = None
                try:
                    if offsets is None:
                        offsets = KafkaConsumer(
                            bootstrap_servers=self.settings.bootstrap_servers,
                            client_id="armswatch-console-counters",
                            enable_auto_commit=False,
                        )
                    partitions = offsets.partitions_for_topic(self.settings.topic_raw) or set()
                    ends = offsets.end_offsets(
                        [TopicPartition(self.settings.topic_raw, p) for p in partitions]
                    )
                    raw_total = sum(ends.values()) if partitions else None
                except KafkaError:
                    if offsets is not None:
                        offsets.close()
                    offsets = None
                if time.monotonic() - feeds_checked > FEEDS_SECONDS:
                    failing = self.feeds_failing()
                    feeds_checked = time.monotonic()
                self.counters = {
                    "articles_per_minute": rate.add(raw_total),
                    "transfers_today": self._count_today(
                        read_alias(self.settings.index_prefix, "mentions"), "published_at"
                    ),
                    "alerts_today": self._count_today(
                        index_of(self.settings.index_prefix, "alerts"), "fired_at"
                    ),
                    "feeds_failing": failing,
                    "at": time.time(),
                }
                with self.lock:
                    subscribers = list(self.subscribers)
                for subscriber in subscribers:
                    subscriber.push(("counters", self.counters))
                self.stop.wait(COUNTERS_SECONDS)
        finally:
            if offsets is not None:
                offsets.close()

    def _count_today(self, index: str, date_field: str) -> int | None:
        try:
            response = self.es.options(ignore_status=404).count(
                index=index, query={"range": {date_field: {"gte": "now/d"}}}
            )
        except (ApiError, TransportError):
            return None
        return int(response["count"]) if "count" in response else 0
