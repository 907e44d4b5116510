"""The indexer: enriched articles from Kafka into Elasticsearch, offsets committed after ES acknowledged.

Permanent per-document failures (a mapping error) send the source message to the dead-letter topic
with Elasticsearch's reason; throttling (429), unavailability and connection errors pause the stage
and retry the whole batch, which deterministic ids make harmless.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from armswatch import es as es_plumbing
from armswatch.config import Settings
from armswatch.metrics import observe_latency
from armswatch.schema import EnrichedArticle
from armswatch.stage import Backpressure, Output, RejectedInput, StageStats, decode, run_worker
from index.actions import article_index, bulk_actions
from index.templates import active_version, ensure_templates

log = logging.getLogger(__name__)
STAGE = "index"
RETRYABLE_STATUS = {429, 502, 503, 504}
RETRY_AFTER_SECONDS = 5.0


def make_handler(es: Elasticsearch, settings: Settings, version: int) -> Any:
    def handle(records: Sequence[Any]) -> tuple[list[Output], list[tuple[Any, RejectedInput]]]:
        rejected: list[tuple[Any, RejectedInput]] = []
        actions: list[dict[str, Any]] = []
        source: dict[tuple[str, str], Any] = {}
        decoded = []
        for record in records:
            try:
                decoded.append((record, decode(EnrichedArticle, record.value, "invalid_enriched_article")))
            except RejectedInput as error:
                rejected.append((record, error))
        previous = _previous_mentions(es, settings.index_prefix, version, [item for _, item in decoded])
        for record, enriched in decoded:
            for action in bulk_actions(
                enriched, settings.index_prefix, version, previous.get(enriched.article.id, ())
            ):
                actions.append(action)
                source[(action["_index"], action["_id"])] = record
        failed = _bulk(es, actions, settings)
        for _record, enriched in decoded:
            observe_latency(STAGE, enriched.article.fetched_at)
        seen = set()
        for (index, doc_id), reason in failed.items():
            record = source[(index, doc_id)]
            if id(record) not in seen:
                seen.add(id(record))
                rejected.append(
                    (record, RejectedInput("elasticsearch_rejected", f"{index}/{doc_id}: {reason}"))
                )
        return [], rejected

    return handle


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
        raise Backpressure(f"Elasticsearch unreachable: {error}", RETRY_AFTER_SECONDS) from None
    return {doc["_id"]: doc["_source"].get("mention_ids", []) for doc in found if doc.get("found")}


def _bulk(es: Elasticsearch, actions: list[dict[str, Any]], settings: Settings) -> dict[tuple[str, str], str]:
    """Index everything; return permanent failures by (index, id). Raises Backpressure if ES cannot."""
    failed: dict[tuple[str, str], str] = {}
    try:
        for ok, item in helpers.streaming_bulk(
            es,
            actions,
            chunk_size=settings.bulk_max_documents,
            max_chunk_bytes=settings.bulk_max_bytes,
            raise_on_error=False,
            max_retries=5,
            initial_backoff=0.5,
            max_backoff=10,
        ):
            if ok:
                continue
            operation, result = next(iter(item.items()))
            if operation == "delete" and result.get("status") == 404:
                continue  # already gone
            if result.get("status") in RETRYABLE_STATUS:
                raise Backpressure(f"Elasticsearch answered {result.get('status')}", RETRY_AFTER_SECONDS)
            failed[(result.get("_index", ""), result.get("_id", ""))] = str(result.get("error"))[:1000]
    except (TransportError, ConnectionError) as error:
        raise Backpressure(f"Elasticsearch unreachable: {error}", RETRY_AFTER_SECONDS) from None
    except ApiError as error:
        if error.meta.status in RETRYABLE_STATUS:
            raise Backpressure(f"Elasticsearch answered {error.meta.status}", RETRY_AFTER_SECONDS) from None
        raise
    return failed


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
    es = es_plumbing.client(settings)
    try:
        es_plumbing.wait_until_ready(es, timeout=120)
        version, _templates = setup(settings, es)
        # A poll's records become one bulk request: as many as a bulk request holds.
        return run_worker(
            settings,
            stage=STAGE,
            topic=settings.topic_enriched,
            group_id=group_id or settings.index_group,
            handle=make_handler(es, settings, version),
            stop=stop,
            exit_when_idle=exit_when_idle,
            stats=stats,
            max_poll_records=settings.bulk_max_documents,
        )
    finally:
        es.close()
