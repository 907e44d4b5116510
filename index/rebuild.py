"""Re-process history when the extractor improves: replay the raw topic into a new index version,
then switch the read aliases to it in one atomic step. No re-crawl, no ``_reindex``.

The replay reads the raw topic from its first offset up to the end offsets it saw when it started
(articles arriving meanwhile are indexed by the running pipeline into the old version, and by the
next replay). Indexers write to the active version, so restart them after a switch.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from elasticsearch import Elasticsearch
from kafka import TopicPartition
from pydantic import ValidationError

from armswatch.config import Settings
from armswatch.kafka import consumer
from armswatch.schema import Article
from enrich.tagger import Tagger
from enrich.worker import enriched
from index import bulk
from index.actions import bulk_actions
from index.templates import active_version, ensure_templates, switch_read_aliases

Progress = Callable[[str], None]


@dataclass(frozen=True)
class RebuildReport:
    version: int
    previous_version: int
    articles: int
    documents: int
    skipped: int
    seconds: float
    switched: bool


def rebuild(
    settings: Settings,
    es: Elasticsearch,
    tagger: Tagger,
    version: int | None = None,
    switch: bool = True,
    progress: Progress = lambda message: None,
) -> RebuildReport:
    """Replay every raw article into index version ``version`` (default: active + 1), then switch.

    Raises Backpressure when Elasticsearch cannot take the documents; running it again is harmless."""
    began = time.monotonic()
    previous = active_version(es, settings.index_prefix)
    target = version if version is not None else previous + 1
    if target == previous:
        raise ValueError(f"version {target} is the active one; rebuild into a new version")
    ensure_templates(es, settings.index_prefix, settings.index_replicas, target, read_alias_on=False)
    source = consumer(
        settings,
        f"armswatch-rebuild-v{target}-{uuid.uuid4().hex[:6]}",
        "armswatch-rebuild",
        max_poll_records=settings.bulk_max_documents,
    )
    partitions = [
        TopicPartition(settings.topic_raw, p)
        for p in sorted(source.partitions_for_topic(settings.topic_raw) or [])
    ]
    source.assign(partitions)
    source.seek_to_beginning(*partitions)
    ends = source.end_offsets(partitions)
    articles = documents = skipped = 0
    try:
        while any(source.position(tp) < ends[tp] for tp in partitions):
            records = [
                r
                for batch in source.poll(timeout_ms=1000).values()
                for r in batch
                if r.offset < ends[TopicPartition(r.topic, r.partition)]
            ]
            good = []
            for record in records:
                try:
                    good.append(Article.model_validate_json(record.value))
                except (ValidationError, ValueError, TypeError):
                    skipped += 1  # already dead-lettered by the enrich stage the first time
            results = tagger.tag_many([(article.text, article.title, article.language) for article in good])
            actions = [
                action
                for article, result in zip(good, results, strict=True)
                for action in bulk_actions(enriched(article, result), settings.index_prefix, target)
            ]
            for (index, doc_id), reason in bulk.write(es, actions, settings).items():
                skipped += 1
                progress(f"document refused: {index}/{doc_id}: {reason[:300]}")
            articles += len(good)
            documents += len(actions)
            if records:
                progress(f"replayed {articles} articles into version {target}")
    finally:
        source.close()
    es.indices.refresh(index=f"{settings.index_prefix}-*-v{target}-*", allow_no_indices=True)
    if switch:
        switch_read_aliases(es, settings.index_prefix, target, settings.index_replicas)
        progress(f"read aliases now serve version {target} (was {previous}); restart the indexers")
    return RebuildReport(
        target, previous, articles, documents, skipped, round(time.monotonic() - began, 1), switch
    )
