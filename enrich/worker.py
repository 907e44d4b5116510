"""The enrich worker: raw articles in, enriched articles out, bad messages to the dead-letter topic."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from armswatch.config import Settings
from armswatch.metrics import observe_latency
from armswatch.schema import Article, EnrichedArticle
from armswatch.stage import Decoded, HandlerResult, Output, RejectedInput, Rejections, StageStats, run_worker
from enrich.tagger import EXTRACTOR, Tagger, TagResult

log = logging.getLogger(__name__)
STAGE = "enrich"


def enriched(article: Article, result: TagResult) -> EnrichedArticle:
    return EnrichedArticle(
        article=article,
        lang=result.lang,
        states=result.states,
        transfers=result.transfers,
        lemmas=result.lemmas,
        extractor=EXTRACTOR,
        enriched_at=datetime.now(UTC),
        truncated=result.truncated,
    )


def without_full_text(record: EnrichedArticle) -> EnrichedArticle:
    """The record reduced to fit Kafka: no full text and no lemmas (the summary, the states and every
    transfer with its evidence sentence stay), flagged in ``omitted``."""
    return record.model_copy(
        update={
            "article": record.article.model_copy(update={"text": ""}),
            "lemmas": "",
            "omitted": ["text", "lemmas"],
        }
    )


def output(topic: str, record: EnrichedArticle) -> Output:
    return Output(
        topic, record.article.id, record.to_json(), smaller=lambda: without_full_text(record).to_json()
    )


def make_handler(tagger: Tagger, settings: Settings) -> Any:
    def handle(articles: Sequence[Decoded[Article]]) -> HandlerResult:
        rejected: Rejections = []
        good = [(item.message, item.record) for item in articles]
        results = _tag_each(tagger, good, rejected)
        for (_record, article), _result in results:
            observe_latency(STAGE, article.fetched_at)
        outputs = [
            output(settings.topic_enriched, enriched(article, result))
            for (_record, article), result in results
        ]
        return outputs, rejected

    return handle


def _tag_each(
    tagger: Tagger, good: list[tuple[Any, Article]], rejected: Rejections
) -> list[tuple[tuple[Any, Article], TagResult]]:
    items = [(article.text, article.title, article.language) for _record, article in good]
    try:
        return list(zip(good, tagger.tag_many(items), strict=True))
    except Exception:  # one article broke the batch: tag one by one to isolate it
        log.exception("batch tagging failed; retrying article by article")
    results = []
    for pair in good:
        _record, article = pair
        try:
            results.append((pair, tagger.tag(article.text, article.title, article.language)))
        except Exception as error:
            rejected.append((pair[0], RejectedInput("tagger_error", f"{type(error).__name__}: {error}")))
    return results


def run(
    settings: Settings,
    *,
    group_id: str | None = None,
    stop: threading.Event | None = None,
    exit_when_idle: float | None = None,
    tagger: Tagger | None = None,
) -> StageStats:
    """Consume the raw topic until stopped (or idle for ``exit_when_idle`` seconds)."""
    handler = make_handler(tagger or Tagger(), settings)
    return run_worker(
        settings,
        stage=STAGE,
        topic=settings.topic_raw,
        group_id=group_id or settings.enrich_group,
        reads=Article,
        handle=handler,
        stop=stop,
        exit_when_idle=exit_when_idle,
    )
