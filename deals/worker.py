"""The deals worker: enriched articles in, deal records out to the compacted deals topic and to
``<prefix>-deals``; offsets committed only after both acknowledged.

State: the open deals, in memory (``deals.fold.DealBook``), rebuilt on start from the compacted deals
topic, which holds every deal's newest record. Each batch's changed deals are written to
Elasticsearch, then returned as outputs, which the stage loop produces and flushes before it commits.
A crash at any point replays the batch onto the restored state: reports already folded in (same
article, same content) change nothing, so no report is counted twice and none is lost. A deal merged
into another (a late report bridged them) is deleted from the index and tombstoned on the topic.

Partitioning: a deal gathers articles from every partition of the enriched topic (keyed by article,
and an article may report several pairs), so one worker owns them all and its consumer group holds
its offsets; ``armswatch run`` starts one and restarts it after a crash. Splitting the work would need
the reports re-keyed by pair into a topic of their own, each worker restoring the deals of its
partitions; the stage does not need it: it folds thousands of reports per second where the tagger
makes tens (bench/deals_bench.py).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from elasticsearch import Elasticsearch
from pydantic import ValidationError

from armswatch import es as es_plumbing
from armswatch.config import Settings
from armswatch.kafka import ensure_topics
from armswatch.metrics import observe_latency
from armswatch.schema import Deal, EnrichedArticle
from armswatch.stage import Decoded, HandlerResult, Output, StageStats, run_worker
from deals.documents import deal_action, deal_deletion, deals_index
from deals.fold import DealBook, FoldSettings, fold_articles
from index import bulk
from index.templates import mapping
from ingest.registry import COMPACTED, read_compacted

log = logging.getLogger(__name__)
STAGE = "deals"
# A deal reported by hundreds of outlets is a record of a few hundred kilobytes.
DEAL_RECORD_MAX_BYTES = str(8 * 2**20)


def fold_settings(settings: Settings) -> FoldSettings:
    return FoldSettings(
        window=timedelta(days=settings.deals_window_days),
        named_window=timedelta(days=settings.deals_named_window_days),
        lateness=timedelta(days=settings.deals_late_days),
        well_sourced_confidence=settings.deals_well_sourced_confidence,
        signatures_kept=settings.deals_signatures_kept,
    )


def ensure_deals_topic(settings: Settings) -> list[str]:
    """Create the compacted deals topic if missing (idempotent); return it if it was created."""
    return ensure_topics(
        settings,
        {settings.topic_deals: settings.deals_partitions},
        {**COMPACTED, "max.message.bytes": DEAL_RECORD_MAX_BYTES},
    )


def setup(settings: Settings, es: Elasticsearch | None = None) -> str:
    """Create the compacted deals topic and the deals index if missing (idempotent); return the index."""
    ensure_deals_topic(settings)
    client = es or es_plumbing.client(settings)
    name = deals_index(settings.index_prefix)
    try:
        if client.indices.exists(index=name):
            client.indices.put_mapping(index=name, properties=mapping("deals")["properties"])
        else:
            client.options(ignore_status=400).indices.create(
                index=name,
                mappings=mapping("deals"),
                settings={"number_of_shards": 1, "number_of_replicas": settings.index_replicas},
            )
    finally:
        if es is None:
            client.close()
    return name


def stored_deals(settings: Settings) -> list[Deal]:
    """Every deal's newest record on the deals topic (unreadable records logged and skipped)."""
    deals = []
    for deal_id, value in read_compacted(settings, settings.topic_deals).items():
        try:
            deals.append(Deal.model_validate_json(value))
        except ValidationError as error:
            log.error("unreadable deal record", extra={"deal": deal_id, "error": str(error)[:300]})
    return deals


def restored_book(settings: Settings) -> DealBook:
    book = DealBook(fold_settings(settings))
    book.restore(stored_deals(settings))
    log.info("deals restored", extra={"open_deals": len(book)})
    return book


def make_handler(es: Elasticsearch, settings: Settings, book: DealBook, stats: StageStats) -> Any:
    # Deals changed by a batch whose write has not succeeded yet: a batch retried after back-pressure
    # folds to nothing new, so what it changed is kept here until written.
    unwritten: dict[str, Deal] = {}
    merged: set[str] = set()  # deals merged into others, whose records must go

    def handle(items: Sequence[Decoded[EnrichedArticle]]) -> HandlerResult:
        articles = [item.record for item in items]
        for deal in fold_articles(book, articles):
            unwritten[deal.id] = deal
        for deal_id in book.take_retired():
            unwritten.pop(deal_id, None)
            merged.add(deal_id)
        book.close_stale()
        actions = [deal_action(deal, settings.index_prefix) for deal in unwritten.values()]
        actions += [deal_deletion(deal_id, settings.index_prefix) for deal_id in merged]
        refused = bulk.write(es, actions, settings)
        for (_index, deal_id), reason in refused.items():
            # The record still goes to Kafka, the source of truth; the index misses it until fixed.
            stats.counts["deal_index_refused"] += 1
            log.error("deal refused by Elasticsearch", extra={"deal": deal_id, "reason": reason[:300]})
        outputs = [Output(settings.topic_deals, deal.id, deal.to_json()) for deal in unwritten.values()]
        outputs += [Output(settings.topic_deals, deal_id, None) for deal_id in merged]
        stats.counts["deals_changed"] += len(unwritten)
        stats.counts["deals_merged"] += len(merged)
        merged.clear()
        stats.counts["reports"] += sum(len(article.transfers) > 0 for article in articles)
        unwritten.clear()
        for article in articles:
            observe_latency(STAGE, article.article.fetched_at)
        return outputs, []

    return handle


def run(
    settings: Settings,
    *,
    group_id: str | None = None,
    stop: threading.Event | None = None,
    exit_when_idle: float | None = None,
    stats: StageStats | None = None,
) -> StageStats:
    """Fold the enriched topic into deals until stopped (or idle for ``exit_when_idle`` seconds). Blocks."""
    stats = stats or StageStats(STAGE)
    with es_plumbing.ready_client(settings) as es:
        setup(settings, es)
        book = restored_book(settings)
        return run_worker(
            settings,
            stage=STAGE,
            topic=settings.topic_enriched,
            group_id=group_id or settings.deals_group,
            reads=EnrichedArticle,
            handle=make_handler(es, settings, book, stats),
            stop=stop,
            exit_when_idle=exit_when_idle,
            stats=stats,
        )
