"""The indexer: enriched articles from Kafka into Elasticsearch, offsets committed after ES acknowledged.

Permanent per-document failures (a mapping error) send the source message to the dead-letter topic
with Elasticsearch's reason. Throttled documents are sent again (``index.bulk``); an unreachable or
persistently throttling node pauses the stage, which retries the whole batch: deterministic ids
make the repeat harmless.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from elasticsearch import Elasticsearch, TransportError

from armswatch import es as es_plumbing
from armswatch.config import Settings
from armswatch.metrics import observe_latency
from armswatch.schema import EnrichedArticle
from armswatch.stage import (
    Backpressure,
    Decoded,
    HandlerResult,
    OverlappedHandler,
    RejectedInput,
    Rejections,
    StageStats,
    run_worker,
)
from index import bulk
from index.actions import article_index, bulk_actions, stale_mention_deletes
from index.templates import active_version, ensure_templates

log = logging.getLogger(__name__)
STAGE = "index"


@dataclass(frozen=True)
class _Prepared:
    decoded: list[tuple[Any, EnrichedArticle, list[dict[str, Any]]]]
    previous: dict[str, list[str]] | None  # mention ids already indexed; None: ask again when writing


def make_handler(
    es: Elasticsearch, settings: Settings, version: int, stop: threading.Event
) -> OverlappedHandler:
    """Build a batch's documents and look up what its articles had before, all while the previous
    batch's bulk request runs; ``stop`` cuts the pauses between throttled rounds short."""
    # The batch being written while the next one looked its articles up: its mention ids are the
    # newest for any article both batches hold, whatever the look-up saw of it.
    last_written: dict[str, list[str]] = {}

    def prepare(items: Sequence[Decoded[EnrichedArticle]]) -> _Prepared:
        decoded = [
            (item.message, item.record, bulk_actions(item.record, settings.index_prefix, version))
            for item in items
        ]
        try:
            previous = _previous_mentions(
                es, settings.index_prefix, version, [enriched for _, enriched, _ in decoded]
            )
        except Backpressure:
            previous = None  # asked again by write(), where back-pressure pauses the stage
        return _Prepared(decoded, previous)

    def write(prepared: _Prepared) -> HandlerResult:
        articles = [enriched for _, enriched, _ in prepared.decoded]
        previous = prepared.previous
        if previous is None:
            previous = _previous_mentions(es, settings.index_prefix, version, articles)
        previous = {
            **previous,
            **{
                item.article.id: last_written[item.article.id]
                for item in articles
                if item.article.id in last_written
            },
        }
        source: dict[tuple[str, str], Any] = {}
        actions = []
        for record, enriched, documents in prepared.decoded:
            earlier = previous.get(enriched.article.id, [])
            stale = stale_mention_deletes(enriched, settings.index_prefix, version, earlier)
            # A second version of the article later in this batch must also drop this one's mentions.
            previous[enriched.article.id] = [*earlier, *documents[0]["_source"]["mention_ids"]]
            for action in documents + stale:
                source[(action["_index"], action["_id"])] = record
                actions.append(action)
        failed = bulk.write(es, actions, settings, stop)
        last_written.clear()
        last_written.update(
            {
                documents[0]["_id"]: documents[0]["_source"]["mention_ids"]
                for _, _, documents in prepared.decoded
            }
        )
        for enriched in articles:
            observe_latency(STAGE, enriched.article.fetched_at)
        rejected: Rejections = []
        seen = set()
        for (index, doc_id), reason in failed.items():
            record = source[(index, doc_id)]
            if id(record) not in seen:
                seen.add(id(record))
                rejected.append(
                    (record, RejectedInput("elasticsearch_rejected", f"{index}/{doc_id}: {reason}"))
                )
        return [], rejected

    return OverlappedHandler(prepare, write)


def _previous_mentions(
    es: Elasticsearch, prefix: str, version: int, items: list[EnrichedArticle]
) -> dict[str, list[str]]:
    """Mention ids already indexed for these articles, so an update can delete the ones it no longer has."""
    if not items:
        return {}
    docs = [
        {"_index": article_index(item, prefix, version), "_id": item.article.id, "_source": ["mention_ids"]}
        for item in items
    ]
    try:
        found = es.mget(docs=docs)["docs"]
    except (TransportError, ConnectionError) as error:
        raise Backpressure(f"Elasticsearch unreachable: {error}", bulk.RETRY_AFTER_SECONDS) from None
    return {doc["_id"]: doc["_source"].get("mention_ids", []) for doc in found if doc.get("found")}


def setup(settings: Settings, es: Elasticsearch | None = None) -> tuple[int, list[str]]:
    """Create or update the templates of the active index version; return it and the template names."""
    client = es or es_plumbing.client(settings)
    version = active_version(client, settings.index_prefix)
    return version, ensure_templates(client, settings.index_prefix, settings.index_replicas, version)


def run(
    settings: Settings,
    *,
    group_id: str | None = None,
    stop: threading.Event | None = None,
    exit_when_idle: float | None = None,
    stats: StageStats | None = None,
) -> StageStats:
    """Consume the enriched topic into Elasticsearch until stopped (or idle for ``exit_when_idle`` s)."""
    stop = stop or threading.Event()
    with es_plumbing.ready_client(settings) as es:
        version, _templates = setup(settings, es)
        # A poll's records become one bulk request: as many as a bulk request holds.
        return run_worker(
            settings,
            stage=STAGE,
            topic=settings.topic_enriched,
            group_id=group_id or settings.index_group,
            reads=EnrichedArticle,
            handle=make_handler(es, settings, version, stop),
            stop=stop,
            exit_when_idle=exit_when_idle,
            stats=stats,
            max_poll_records=settings.bulk_max_documents,
        )
