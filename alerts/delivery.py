"""The deliverer: sends the outbox's due deliveries, retries failures with backoff, one channel never
blocking another.

It runs beside the matching loop in every alerts worker. Each round it searches the outbox for due
deliveries, groups them into messages (one per alert for immediate rules, one per rule, channel and
due time for throttled and digest rules), leases them (so that only one worker sends a message) and
hands each message to a thread. A channel has at most one message in flight per worker, so a
receiver that hangs until the timeout holds one thread, not the others' deliveries.

Deliveries name their channel by reference; its specification comes from the rule, so a delivery
whose rule (or channel) was removed meanwhile is given up. Whatever a sender raises is a failed
attempt, counted and retried with backoff, and logged with the channel's label and a redacted
message: never its URL.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError

from alerts import store
from alerts.channels import Channel, ChannelError, DeliveryError, Senders, parse_channel
from alerts.schedule import retry_delay
from armswatch.config import Settings
from armswatch.schema import Alert
from armswatch.stage import StageStats

log = logging.getLogger(__name__)
BATCH_GRACE_SECONDS = 2.0
Clock = Callable[[], datetime]


def group_key(hit: dict[str, Any]) -> tuple[str, ...]:
    """Deliveries sent as one message: an immediate alert alone, a batch per rule, channel and due time."""
    source = hit["_source"]
    if source["mode"] == "immediate":
        return (source["channel_ref"], source["alert_id"])
    return (source["channel_ref"], source["rule_id"], source["due_at"])


def group_messages(hits: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for hit in hits:
        groups[group_key(hit)].append(hit)
    return list(groups.values())


class Deliverer:
    """Delivers the outbox of ``settings.index_prefix``; ``run`` blocks until ``stop`` is set."""

    def __init__(
        self,
        es: Elasticsearch,
        settings: Settings,
        stats: StageStats,
        senders: Senders | None = None,
        clock: Clock = lambda: datetime.now(UTC),
    ) -> None:
        self.es = es
        self.settings = settings
        self.stats = stats
        self.senders = senders or Senders(settings)
        self.clock = clock
        self.owner = f"alerts-{uuid.uuid4().hex[:12]}"
        self.wakeup = threading.Event()
        self._busy: set[str] = set()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(settings.alerts_delivery_threads, thread_name_prefix="alert-delivery")

    def wake(self) -> None:
        """New deliveries were queued: look now instead of at the next poll."""
        self.wakeup.set()

    def run(self, stop: threading.Event) -> None:
        """Deliver until ``stop``; then wait for the messages in flight (each bounded by its timeout)."""
        try:
            while not stop.is_set():
                try:
                    self.deliver_due()
                except (ApiError, TransportError, ConnectionError) as error:
                    self.stats.counts["outbox_unavailable"] += 1
                    log.warning("outbox unavailable", extra={"error": str(error)[:300]})
                self.wakeup.wait(self.settings.alerts_delivery_poll_seconds)
                self.wakeup.clear()
            self.deliver_due()  # what the last batches queued before the stop
        finally:
            self._pool.shutdown(wait=True)
            self.senders.close()

    def deliver_due(self) -> int:
        """One round: lease the due deliveries of idle channels and start sending them; return how
        many messages were started."""
        now = self.clock()
        prefix = self.settings.index_prefix
        hits = store.due_deliveries(self.es, prefix, now, BATCH_GRACE_SECONDS)
        with self._lock:
            idle = [hit for hit in hits if hit["_source"].get("channel_ref") not in self._busy]
        specs = store.channels_of(self.es, prefix, {hit["_source"]["rule_id"] for hit in idle})
        # A delivery queued by a version that stored the channel's URL has no reference: given up too.
        orphans = [hit for hit in idle if hit["_source"].get("channel_ref") not in specs]
        if orphans:
            store.mark_failed(self.es, prefix, orphans, "the rule or this channel was removed", None)
            self.stats.counts["alerts_failed"] += len(orphans)
            log.warning(
                "deliveries of removed rules or channels given up", extra={"deliveries": len(orphans)}
            )
        started = 0
        by_channel: dict[str, list[list[dict[str, Any]]]] = defaultdict(list)
        for group in group_messages([hit for hit in idle if hit["_source"]["channel_ref"] in specs]):
            by_channel[group[0]["_source"]["channel_ref"]].append(group)
        for ref, groups in by_channel.items():
            until = now + timedelta(seconds=self.settings.alerts_lease_seconds)
            leased = store.lease(self.es, prefix, [h for g in groups for h in g], self.owner, until)
            won = {hit["_id"] for hit in leased}
            messages = [[hit for hit in group if hit["_id"] in won] for group in groups]
            messages = [message for message in messages if message]
            if not messages:
                continue
            with self._lock:
                self._busy.add(ref)
            self._pool.submit(self._send_all, ref, specs[ref], messages)
            started += len(messages)
        return started

    def _send_all(self, ref: str, spec: str, messages: list[list[dict[str, Any]]]) -> None:
        label = ref
        try:
            try:
                channel = parse_channel(spec)
            except ChannelError as error:  # stored before its form was checked: it will never work
                hits = [hit for message in messages for hit in message]
                store.mark_failed(
                    self.es, self.settings.index_prefix, hits, f"invalid channel: {error}", None
                )
                self.stats.counts["alerts_failed"] += len(hits)
                log.error("invalid channel, deliveries given up", extra={"channel": ref, "error": str(error)})
                return
            label = channel.label
            for message in messages:
                self._send(channel, message)
        except Exception:  # Elasticsearch failed under us: the lease expires and it is retried
            log.exception("delivery thread failed", extra={"channel": label})
        finally:
            with self._lock:
                self._busy.discard(ref)
            self.wakeup.set()  # more may be waiting for this channel

    def _send(self, channel: Channel, message: list[dict[str, Any]]) -> None:
        alerts = [Alert.model_validate(hit["_source"]["alert"]) for hit in message]
        prefix = self.settings.index_prefix
        started = time.perf_counter()
        try:
            self.senders.send(channel, alerts)
        except Exception as raised:  # any failure of a sender is a failed attempt, never a lost thread
            error = (
                raised
                if isinstance(raised, DeliveryError)
                else DeliveryError(channel.redact(f"{channel.label}: {type(raised).__name__}: {raised}"))
            )
            attempts = max(hit["_source"]["attempts"] for hit in message) + 1
            if error.permanent or attempts >= self.settings.alerts_max_attempts:
                store.mark_failed(self.es, prefix, message, str(error), None)
                self.stats.counts["alerts_failed"] += len(message)
                log.error(
                    "delivery given up",
                    extra={"channel": channel.label, "attempts": attempts, "error": str(error)[:300]},
                )
                return
            delay = retry_delay(
                attempts, self.settings.alerts_retry_initial_seconds, self.settings.alerts_retry_max_seconds
            )
            store.mark_failed(self.es, prefix, message, str(error), self.clock() + timedelta(seconds=delay))
            self.stats.counts["delivery_retries"] += 1
            log.warning(
                "delivery failed, will retry",
                extra={
                    "channel": channel.label,
                    "attempts": attempts,
                    "retry_in": round(delay, 1),
                    "error": str(error)[:300],
                },
            )
            return
        store.mark_sent(self.es, prefix, message, self.clock())
        self.stats.counts["alerts_sent"] += len(alerts)
        self.stats.counts["messages_sent"] += 1
        log.info(
            "alerts delivered",
            extra={
                "channel": channel.label,
                "alerts": len(alerts),
                "seconds": round(time.perf_counter() - started, 3),
            },
        )
