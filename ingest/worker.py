"""The ingest worker: polls the feeds of the partitions it owns and publishes new articles to Kafka.

Sharing: every worker joins the consumer group ``ingest_group`` on the feeds topic. Kafka gives each
worker some partitions; the worker reads the feeds and their saved state of those partitions from the
start and polls them. A worker that stops leaves the group (or, killed, misses its heartbeats for
``armswatch.kafka.SESSION_TIMEOUT_MS``) and Kafka hands its partitions to the others: takeover within
seconds. A worker of ``armswatch run`` is a static member: restarted, it takes its partitions back at
once; stopped, it keeps them until its session expires.

One poll: conditional fetch → parse (child process, bounded) → the entries this feed has not seen →
full text where the feed gives only a summary → publish to the raw topic (key = article id, acks=all,
idempotent producer) → wait for Kafka's acknowledgement → save the feed's state (validators, seen
entries, next poll). An entry counts as seen only once Kafka has it: when Kafka is down the worker
waits and retries, and a worker stopped meanwhile saved nothing, so its successor polls the same
entries again. An article already published by another feed of this worker, or by an earlier poll,
with the same content hash, is not published again; with a new content hash it is (same id).

Threads: the asyncio loop (this module: the schedule and the polls) does the polling; one thread
(``ingest.registry_consumer``) owns the Kafka consumers and hands feeds and states to the loop; sends
go through ``ingest.sender``, which waits for Kafka's acknowledgements.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import os
import random
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial

from armswatch import metrics
from armswatch.config import Settings
from armswatch.kafka import ensure_topics, max_message_bytes
from armswatch.schema import Article, Feed, FeedState
from armswatch.stage import (
    StageStats,
    cut_to_fit,
    when_kafka_answers,
)
from ingest.fetch import Fetched, Fetcher, FetchError, Validators
from ingest.fulltext import FullText
from ingest.opml import default_feeds
from ingest.parse import FeedError, ParsedFeed
from ingest.pool import ParserPool
from ingest.registry import ensure_feed_topics, seed_defaults
from ingest.registry_consumer import RELEASE_TIMEOUT, consume
from ingest.schedule import Policy, delay_after_failure, interval_after_success, spread
from ingest.sender import Message, Sender, Stopping

log = logging.getLogger(__name__)

STAGE = "ingest"
# Articles whose id and content hash this worker published recently: not published again.
PUBLISHED_MEMORY = 200_000
# A feed without saved state waits this long before its first poll, for a state record that may be
# on its way (a feed that moved to this URL brings its state along).
NEW_FEED_GRACE = 2.0


def entry_key(article: Article) -> str:
    """What a feed remembers of an entry: a change of content makes it a new entry."""
    return f"{article.id}:{article.content_hash}"


def remember(seen: list[str], keys: list[str], limit: int) -> list[str]:
    """The seen list after a poll whose entries are ``keys`` (oldest first): this poll's keys last,
    bounded to ``limit``, but never dropping a key still in the feed."""
    current = set(keys)
    kept = [key for key in seen if key not in current] + list(dict.fromkeys(keys))
    return kept[-max(limit, len(current)) :]


def state_after_success(
    state: FeedState,
    fetched: Fetched,
    keys: list[str],
    new_entries: int,
    interval: float,
    now: datetime,
    seen_limit: int,
) -> FeedState:
    return state.model_copy(
        update={
            "etag": fetched.validators.etag,
            "last_modified": fetched.validators.last_modified,
            "body_hash": fetched.validators.body_hash,
            "last_poll_at": now,
            "last_success_at": now,
            "failures": 0,
            "entries_seen": state.entries_seen + new_entries,
            "interval_seconds": interval,
            "next_poll_at": now + timedelta(seconds=interval),
            "seen": remember(state.seen, keys, seen_limit) if keys else state.seen,
        }
    )


def state_after_failure(state: FeedState, reason: str, delay: float, now: datetime) -> FeedState:
    return state.model_copy(
        update={
            "last_poll_at": now,
            "last_error_at": now,
            "last_error": reason,
            "failures": state.failures + 1,
            "next_poll_at": now + timedelta(seconds=delay),
        }
    )


def fitted_article(article: Article, limit: int) -> Article:
    """``article`` with its text cut so that its record takes at most ``limit`` bytes (Kafka refuses
    larger ones); the same article when it fits."""
    if len(article.to_json()) <= limit:
        return article
    text = article.text
    return cut_to_fit(lambda keep: article.model_copy(update={"text": text[:keep]}), len(text), limit)


@dataclass
class _Polled:
    """A feed whose feed and state this worker holds. ``adopted`` turns True at the first poll or
    when its state was loaded: after that, state records from Kafka are our own echoes."""

    feed: Feed
    partition: int
    state: FeedState
    due: float
    adopted: bool
    task: asyncio.Task[None] | None = None


@dataclass
class _Outcome:
    fetched: Fetched | None = None
    parsed: ParsedFeed | None = None
    error: FetchError | FeedError | None = None


@dataclass
class IngestWorker:
    settings: Settings
    stop: threading.Event
    group_id: str
    stats: StageStats = field(default_factory=lambda: StageStats(STAGE))
    feeds: dict[str, _Polled] = field(default_factory=dict)
    pending_states: dict[str, FeedState] = field(default_factory=dict)
    owned: set[int] = field(default_factory=set)
    due: list[tuple[float, str]] = field(default_factory=list)
    committing: set[asyncio.Task[None]] = field(default_factory=set)
    published: OrderedDict[str, str] = field(default_factory=OrderedDict)
    in_flight: dict[str, asyncio.Future[None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.policy = Policy.from_settings(self.settings)
        self.random = random.Random()
        self.client_id = f"{STAGE}-{os.getpid()}-{id(self) % 10_000}"
        self.wake = asyncio.Event()
        self.running = 0

    # The loop ---------------------------------------------------------------------------------------

    async def run(self) -> StageStats:
        self.loop = asyncio.get_running_loop()
        self.sender = Sender(self.settings, self.stop, self.stats, self.client_id)
        self.limits = await asyncio.to_thread(
            max_message_bytes, self.settings, [self.settings.topic_raw, self.settings.topic_dead_letter]
        )
        self.consumer_done = threading.Event()
        thread = threading.Thread(target=partial(consume, self), name="ingest-feeds-consumer", daemon=True)
        try:
            with ParserPool(self.settings.ingest_parser_processes) as pool:
                async with Fetcher(self.settings) as fetcher:
                    self.pool, self.fetcher = pool, fetcher
                    self.full_text = FullText(self.settings, fetcher, self.stats.counts)
                    thread.start()
                    await self._schedule()
                    await self.release(set(self.owned))
                    self.consumer_done.set()
                    await asyncio.to_thread(thread.join, RELEASE_TIMEOUT)
        finally:
            self.consumer_done.set()
            await self.sender.close()
        return self.stats

    async def _schedule(self) -> None:
        """Start due polls, up to ``ingest_concurrency`` at once, until ``stop`` is set."""
        while not self.stop.is_set():
            now = time.time()
            while self.due and self.due[0][0] <= now and self.running < self.settings.ingest_concurrency:
                due, url = heapq.heappop(self.due)
                polled = self.feeds.get(url)
                if polled is None or polled.task is not None or polled.due != due:
                    continue  # removed, already polling, or rescheduled since
                self.running += 1
                polled.task = asyncio.create_task(self._poll(polled), name=f"poll {url}")
            wait = 0.5 if not self.due else min(0.5, max(0.0, self.due[0][0] - now))
            self.wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), wait)

    def _set_due(self, polled: _Polled, due: float) -> None:
        polled.due = due
        heapq.heappush(self.due, (due, polled.feed.url))
        self.wake.set()

    async def _poll(self, polled: _Polled) -> None:
        started = time.perf_counter()
        try:
            outcome = await self._fetch_and_parse(polled)
            # Publishing and saving the state run to their end even if the feed is released meanwhile:
            # cut in the middle, the next owner would publish the entries a second time.
            commit = asyncio.create_task(self._commit(polled, outcome))
            self.committing.add(commit)
            commit.add_done_callback(self.committing.discard)
            await asyncio.shield(commit)
        except asyncio.CancelledError:
            pass  # released (revoked partition, removed feed, stopping): the next owner polls it
        except Stopping:
            pass
        except Exception:  # a bug must not take the worker down with it: logged, counted, retried later
            log.exception("poll failed unexpectedly", extra={"url": polled.feed.url})
            self.stats.counts["poll_crashed"] += 1
            if self.feeds.get(polled.feed.url) is polled:
                self._set_due(polled, time.time() + self.policy.min_interval)
        finally:
            self.running -= 1
            polled.task = None
            self.wake.set()
            metrics.BATCH_SECONDS.labels(STAGE).observe(time.perf_counter() - started)

    async def _fetch_and_parse(self, polled: _Polled) -> _Outcome:
        state = polled.state
        validators = Validators(state.etag, state.last_modified, state.body_hash)
        try:
            fetched = await self.fetcher.fetch(polled.feed.url, validators)
        except FetchError as error:
            return _Outcome(error=error)
        if fetched.body is None:
            return _Outcome(fetched=fetched)
        try:
            parsed = await self.pool.parse(
                fetched.body, polled.feed, fetched_at=datetime.now(UTC), content_type=fetched.content_type
            )
        except FeedError as error:
            return _Outcome(fetched=fetched, error=error)
        return _Outcome(fetched=fetched, parsed=parsed)

    async def _commit(self, polled: _Polled, outcome: _Outcome) -> None:
        """Publish the poll's new entries, then save the feed's state; both acknowledged by Kafka."""
        url = polled.feed.url
        now = datetime.now(UTC)
        polled.adopted = True
        if outcome.error is not None or outcome.fetched is None:
            assert outcome.error is not None
            await self._fail(polled, outcome.error, now)
            return
        fetched, parsed = outcome.fetched, outcome.parsed
        keys: list[str] = []
        fresh: list[Article] = []
        if parsed is not None:
            for warning in parsed.warnings:
                log.info("feed warning", extra={"url": url, "warning": warning})
            self.stats.counts["feed_warnings"] += len(parsed.warnings)
            seen = set(polled.state.seen)
            keys = [entry_key(article) for article in parsed.articles]
            fresh = [a for a, key in zip(parsed.articles, keys, strict=True) if key not in seen]
        if fresh and polled.feed.full_text:
            completed = await self.full_text.complete(fresh)
        else:
            completed = fresh
        await self._publish(list(zip(fresh, completed, strict=True)))
        # A first poll brings the feed's whole backlog: it says nothing about how often it publishes.
        first_poll = polled.state.last_success_at is None
        interval = interval_after_success(
            self.policy,
            polled.state.interval_seconds,
            None if first_poll else len(fresh),
            polled.feed.interval_seconds,
        )
        state = state_after_success(
            polled.state, fetched, keys, len(fresh), interval, now, self.settings.feed_seen_entries
        )
        self.stats.counts["feeds_polled"] += 1
        self.stats.counts["feeds_not_modified" if not fetched.changed else "feeds_changed"] += 1
        self.stats.counts["entries_new"] += len(fresh)
        if fetched.moved_to and fetched.moved_to != url:
            await self._move(polled, fetched.moved_to, state)
            return
        await self._save(polled, state, spread(self.policy, interval, self.random.random))

    async def _fail(self, polled: _Polled, error: FetchError | FeedError, now: datetime) -> None:
        retry_after = error.retry_after if isinstance(error, FetchError) else None
        delay = delay_after_failure(self.policy, polled.state.failures + 1, retry_after, self.random.random)
        self.stats.counts["feeds_polled"] += 1
        self.stats.counts["feeds_failed"] += 1
        self.stats.counts[f"feed_error_{error.reason}"] += 1
        log.warning(
            "feed poll failed",
            extra={
                "url": polled.feed.url,
                "reason": error.reason,
                "detail": str(error)[:300],
                "retry_in": round(delay),
            },
        )
        await self._save(polled, state_after_failure(polled.state, error.reason, delay, now), delay)

    async def _save(self, polled: _Polled, state: FeedState, delay: float) -> None:
        saved = Message(self.settings.topic_feed_state, state.url, state.to_json())
        await self.sender.send_until_acked([saved])
        polled.state = state
        if self.feeds.get(polled.feed.url) is polled:
            self._set_due(polled, time.time() + delay)

    async def _move(self, polled: _Polled, new_url: str, state: FeedState) -> None:
        """A permanent redirect: the registry and the state follow the feed to its new URL."""
        old_url = polled.feed.url
        moved_feed = polled.feed.model_copy(update={"url": new_url})
        moved_state = state.model_copy(update={"url": new_url, "etag": None, "last_modified": None})
        # A new URL this worker already polls keeps its own state; otherwise the state goes first,
        # so that whoever owns the new URL finds it when the feed record arrives.
        if new_url not in self.feeds:
            await self.sender.send_until_acked(
                [Message(self.settings.topic_feed_state, new_url, moved_state.to_json())]
            )
            moved = Message(self.settings.topic_feeds, new_url, moved_feed.to_json())
            await self.sender.send_until_acked([moved])
        await self.sender.send_until_acked(
            [
                Message(self.settings.topic_feeds, old_url, None),
                Message(self.settings.topic_feed_state, old_url, None),
            ]
        )
        self.stats.counts["feeds_moved"] += 1
        log.info("feed moved permanently", extra={"url": old_url, "moved_to": new_url})
        if self.feeds.get(old_url) is polled:
            del self.feeds[old_url]

    # Publishing --------------------------------------------------------------------------------------

    async def _publish(self, articles: list[tuple[Article, Article]]) -> None:
        """Publish (as parsed, as completed) article pairs not already in Kafka; returns once Kafka
        has every one of them. Deduplication uses the parsed entry's content hash."""
        waits: list[asyncio.Future[None]] = []
        mine: list[tuple[str, Article, asyncio.Future[None]]] = []
        for parsed, complete in articles:
            key = entry_key(parsed)
            if self.published.get(parsed.id) == parsed.content_hash:
                self.stats.counts["duplicates"] += 1
                continue
            if key in self.in_flight:
                self.stats.counts["duplicates"] += 1
                waits.append(self.in_flight[key])
                continue
            future: asyncio.Future[None] = self.loop.create_future()
            self.in_flight[key] = future
            mine.append((key, complete, future))
        limit = self.limits[self.settings.topic_raw]
        fitted = [fitted_article(article, limit) for _, article, _ in mine]
        cut = sum(a is not b for a, (_, b, _) in zip(fitted, mine, strict=True))
        self.stats.counts["articles_cut_to_fit"] += cut
        try:
            await self.sender.send_until_acked(
                [Message(self.settings.topic_raw, article.id, article.to_json()) for article in fitted]
            )
        except BaseException as error:
            for key, _, future in mine:
                self.in_flight.pop(key, None)
                future.set_exception(Stopping(str(error)))
                future.exception()  # retrieved: other waiters may be gone
            raise
        for key, article, future in mine:
            self.in_flight.pop(key, None)
            article_id, _, parsed_hash = key.partition(":")
            self.published[article_id] = parsed_hash
            self.published.move_to_end(article_id)
            future.set_result(None)
            metrics.observe_latency(STAGE, article.fetched_at)
        while len(self.published) > PUBLISHED_MEMORY:
            self.published.popitem(last=False)
        self.stats.counts["published"] += len(mine)
        for wait in waits:
            await wait  # another feed is publishing the same entry: seen once it is in Kafka

    # Ownership (called on the loop by the consumer thread) ------------------------------------------

    def take(self, partitions: set[int], states: dict[str, FeedState]) -> None:
        self.owned |= partitions
        self.pending_states.update(states)
        log.info("feeds partitions assigned", extra={"partitions": sorted(partitions), "states": len(states)})

    async def release(self, partitions: set[int]) -> None:
        """Stop polling the feeds of ``partitions``: cancel their fetches, let their commits finish."""
        self.owned -= partitions
        released = [p for p in self.feeds.values() if p.partition in partitions]
        tasks = [p.task for p in released if p.task is not None]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if self.committing:
            await asyncio.gather(*list(self.committing), return_exceptions=True)
        for polled in released:
            self.feeds.pop(polled.feed.url, None)
        self.pending_states = {u: s for u, s in self.pending_states.items() if u in self.feeds}
        if partitions:
            log.info(
                "feeds partitions released", extra={"partitions": sorted(partitions), "feeds": len(released)}
            )

    def apply_feed(self, partition: int, url: str, feed: Feed | None) -> None:
        if partition not in self.owned:
            return  # arrived after the partition was revoked
        polled = self.feeds.get(url)
        if feed is None:
            if polled is not None:
                del self.feeds[url]
                if polled.task is not None:
                    polled.task.cancel()
            self.pending_states.pop(url, None)
            return
        if polled is not None:
            polled.feed = feed  # settings changed (name, language, interval, full text)
            return
        state = self.pending_states.pop(url, None)
        now = time.time()
        polled = _Polled(feed, partition, state or FeedState(url=url), now, adopted=state is not None)
        self.feeds[url] = polled
        if state is not None and state.next_poll_at is not None:
            self._set_due(polled, state.next_poll_at.timestamp())
        else:
            self._set_due(polled, now + NEW_FEED_GRACE)

    def apply_state(self, partition: int, url: str, state: FeedState | None) -> None:
        if partition not in self.owned:
            return
        polled = self.feeds.get(url)
        if state is None:
            self.pending_states.pop(url, None)
        elif polled is None:
            self.pending_states[url] = state
        elif not polled.adopted and polled.task is None:
            polled.state, polled.adopted = state, True
            if state.next_poll_at is not None:
                self._set_due(polled, state.next_poll_at.timestamp())

    # The consumer thread -----------------------------------------------------------------------------


def run(
    settings: Settings,
    *,
    stop: threading.Event,
    group_id: str | None = None,
    defaults: list[Feed] | None = None,
) -> StageStats:
    """Run one ingest worker until ``stop`` is set. Blocks; returns the outcome counts.

    Creates the topics it needs; when nothing was ever registered, registers ``defaults`` (the
    shipped default feeds unless given).
    """
    feeds = default_feeds() if defaults is None else defaults
    when_kafka_answers("creating topics", partial(ensure_topics, settings), stop)
    when_kafka_answers("creating the feed topics", partial(ensure_feed_topics, settings), stop)
    when_kafka_answers("registering the default feeds", partial(seed_defaults, settings, feeds), stop)
    worker = IngestWorker(settings, stop, group_id or settings.ingest_group)
    stats = asyncio.run(worker.run())
    log.info("ingest worker stopped", extra=stats.as_dict())
    return stats
