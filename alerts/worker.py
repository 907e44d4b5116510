"""The alerts worker: enriched articles in, every enabled rule evaluated, alerts claimed and delivered.

The matching loop consumes the enriched topic (``armswatch.stage.run_worker``). For each batch it
evaluates the compiled rules, records the alerts and queues their deliveries in Elasticsearch, and only
then commits the offsets: a crash replays the batch, and the ``create``-only writes make the replay
fire nothing twice. A second loop, in a thread, evaluates the per-deal rules on the deals topic the
same way. The deliverer (``alerts.delivery``) sends the queued deliveries in a thread
beside it. The rule set is re-read every ``alerts_rules_refresh_seconds``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError

from alerts import store
from alerts.delivery import Deliverer
from alerts.rules import (
    CompiledRule,
    Hit,
    Rule,
    RuleError,
    compile_rule,
    match,
    match_deal,
    to_alert,
    to_deal_alert,
)
from armswatch import es as es_plumbing
from armswatch.config import Settings
from armswatch.metrics import observe_latency
from armswatch.schema import Alert, Deal, EnrichedArticle
from armswatch.stage import Backpressure, Decoded, HandlerResult, StageStats, run_worker
from deals.worker import ensure_deals_topic

log = logging.getLogger(__name__)
STAGE = "alerts"
# The loop of per-deal rules, on the deals topic, beside the articles loop.
DEALS_STAGE = "alerts-deals"
RETRY_AFTER_SECONDS = 5.0


class RuleSet:
    """The enabled rules, compiled; re-read from Elasticsearch when older than the refresh interval.

    A rule is recompiled only when its ``updated_at`` changed, so a refresh of 1,000 unchanged rules
    costs one search.
    """

    def __init__(self, es: Elasticsearch, prefix: str, refresh_seconds: float, stats: StageStats) -> None:
        self.es = es
        self.prefix = prefix
        self.refresh_seconds = refresh_seconds
        self.stats = stats
        self.compiled: dict[str, CompiledRule] = {}
        self.loaded_at: float | None = None

    @property
    def rules(self) -> list[CompiledRule]:
        return list(self.compiled.values())

    def refresh_if_due(self) -> None:
        if self.loaded_at is not None and time.monotonic() - self.loaded_at < self.refresh_seconds:
            return
        current: dict[str, CompiledRule] = {}
        for rule in store.list_rules(self.es, self.prefix):
            if not rule.enabled:
                continue
            known = self.compiled.get(rule.id)
            if known is not None and known.rule.updated_at == rule.updated_at:
                current[rule.id] = known
                continue
            try:
                current[rule.id] = compile_rule(rule)
            except RuleError as error:  # stored by another version, say: skip it, keep the others
                self.stats.counts["rule_invalid"] += 1
                log.error("rule skipped", extra={"rule": rule.id, "error": str(error)})
        if set(current) != set(self.compiled) or any(current[k] is not self.compiled.get(k) for k in current):
            log.info("rules loaded", extra={"enabled": len(current)})
        self.compiled = current
        self.loaded_at = time.monotonic()


def fire(hits: Sequence[Hit], now: datetime) -> list[tuple[Alert, Rule]]:
    """The alert records of a batch's hits (one per rule and article)."""
    return [(to_alert(hit, now), hit.rule) for hit in hits]


def make_handler(
    es: Elasticsearch,
    settings: Settings,
    rules: RuleSet,
    on_claimed: Callable[[], None],
    stats: StageStats,
) -> Any:
    def handle(items: Sequence[Decoded[EnrichedArticle]]) -> HandlerResult:
        articles = [item.record for item in items]
        try:
            rules.refresh_if_due()
            now = datetime.now(UTC)
            hits = [hit for article in articles for hit in match(rules.rules, article)]
            fired = store.claim(es, settings.index_prefix, fire(hits, now), now) if hits else []
        except (ApiError, TransportError, ConnectionError) as error:
            raise Backpressure(f"Elasticsearch unavailable: {error}", RETRY_AFTER_SECONDS) from None
        stats.counts["alerts_fired"] += len(fired)
        stats.counts["rule_evaluations"] += len(articles) * len(rules.compiled)
        for article in articles:
            observe_latency(STAGE, article.article.fetched_at)
        if fired:
            on_claimed()
        return [], []

    return handle


def make_deal_handler(
    es: Elasticsearch,
    settings: Settings,
    rules: RuleSet,
    on_claimed: Callable[[], None],
    stats: StageStats,
) -> Any:
    """Deals rules on the deals topic: every deal record evaluated in order, one alert per rule, deal
    and change claimed like the others (a replayed record finds its alert there)."""

    def handle(items: Sequence[Decoded[Deal]]) -> HandlerResult:
        deals = [item.record for item in items]
        try:
            rules.refresh_if_due()
            now = datetime.now(UTC)
            fired_alerts = [
                (to_deal_alert(hit, now), hit.rule) for deal in deals for hit in match_deal(rules.rules, deal)
            ]
            fired = store.claim(es, settings.index_prefix, fired_alerts, now) if fired_alerts else []
        except (ApiError, TransportError, ConnectionError) as error:
            raise Backpressure(f"Elasticsearch unavailable: {error}", RETRY_AFTER_SECONDS) from None
        stats.counts["deal_alerts_fired"] += len(fired)
        if fired:
            on_claimed()
        return [], []

    return handle


def run(
    settings: Settings,
    *,
    group_id: str | None = None,
    stop: threading.Event | None = None,
    exit_when_idle: float | None = None,
    stats: StageStats | None = None,
    deliverer_factory: Callable[[Elasticsearch, Settings, StageStats], Deliverer] = Deliverer,
) -> StageStats:
    """Match the enriched topic against the rules, and the deals topic against the deals rules, and
    deliver the alerts until stopped (or idle for ``exit_when_idle`` seconds, after which pending
    deliveries get one more round). Blocks; ``stop`` is set when it returns, ending both loops."""
    stats = stats or StageStats(STAGE)
    stop = stop or threading.Event()
    with es_plumbing.ready_client(settings) as es:
        store.ensure_indices(es, settings.index_prefix, settings.index_replicas)
        deliverer = deliverer_factory(es, settings, stats)
        delivery_stop = threading.Event()
        delivery = threading.Thread(target=deliverer.run, args=(delivery_stop,), name="alerts-deliverer")
        delivery.start()
        rules = RuleSet(es, settings.index_prefix, settings.alerts_rules_refresh_seconds, stats)
        ensure_deals_topic(settings)  # compacted: it must not be auto-created as a plain topic
        deal_stats = StageStats(DEALS_STAGE)
        deal_rules = RuleSet(es, settings.index_prefix, settings.alerts_rules_refresh_seconds, deal_stats)
        deal_loop = threading.Thread(
            target=run_worker,
            args=(settings,),
            kwargs={
                "stage": DEALS_STAGE,
                "topic": settings.topic_deals,
                "group_id": settings.alerts_deals_group,
                "reads": Deal,
                "handle": make_deal_handler(es, settings, deal_rules, deliverer.wake, deal_stats),
                "stop": stop,
                "exit_when_idle": exit_when_idle,
                "stats": deal_stats,
            },
            name="alerts-deals",
        )
        deal_loop.start()
        try:
            return run_worker(
                settings,
                stage=STAGE,
                topic=settings.topic_enriched,
                group_id=group_id or settings.alerts_group,
                reads=EnrichedArticle,
                handle=make_handler(es, settings, rules, deliverer.wake, stats),
                stop=stop,
                exit_when_idle=exit_when_idle,
                stats=stats,
            )
        finally:
            stop.set()  # the deals loop ends with the articles loop
            deal_loop.join()
            delivery_stop.set()
            deliverer.wake()
            delivery.join()
