"""Rebuild: replay the raw topic into a new index version and switch the read aliases to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from elasticsearch import Elasticsearch, helpers
from kafka import KafkaProducer

from armswatch.config import Settings
from armswatch.kafka import ensure_topics, producer_config
from armswatch.schema import Article, EnrichedArticle
from enrich.tagger import Tagger
from index.actions import bulk_actions
from index.rebuild import rebuild
from index.templates import active_version, ensure_templates

pytestmark = pytest.mark.integration


def test_index_rebuild_replays_history_into_a_new_version(
    running_stack: Settings, es_client: Elasticsearch, unique: Callable[[str], str]
) -> None:
    settings = running_stack.model_copy(update={"topic_raw": unique("raw"), "index_prefix": unique("rb")})
    prefix = settings.index_prefix
    ensure_topics(settings, {settings.topic_raw: 2})
    when = datetime(2025, 6, 1, tzinfo=UTC)
    texts = [
        "Iran has supplied Russia with hundreds of Shahed drones.",
        "Markets closed higher on Friday as bank shares rallied.",
        "La Bourse de Paris a terminé en hausse vendredi.",
    ]
    articles = [
        Article(
            id=f"r{n}",
            url=f"https://example.org/r{n}",
            title="",
            text=text,
            source="Example",
            published_at=when,
            fetched_at=when,
        )
        for n, text in enumerate(texts)
    ]
    # Version 1 holds what an older extractor produced: the arms article without its transfer.
    ensure_templates(es_client, prefix)
    old = EnrichedArticle(
        article=articles[0], lang="en", states=[], transfers=[], extractor="old.v0", enriched_at=when
    )
    helpers.bulk(es_client, bulk_actions(old, prefix, 1), refresh="wait_for")
    producer = KafkaProducer(**producer_config(settings, "test"))
    for article in articles:
        producer.send(settings.topic_raw, key=article.id.encode(), value=article.to_json())
    producer.send(settings.topic_raw, key=b"bad", value=b"{not an article")
    producer.flush()
    producer.close()
    try:
        report = rebuild(settings, es_client, Tagger())
        assert (report.version, report.previous_version, report.articles, report.skipped) == (2, 1, 3, 1)
        assert active_version(es_client, prefix) == 2
        assert set(es_client.indices.get_alias(name=f"{prefix}-articles")) == {
            f"{prefix}-articles-v2-2025.06"
        }
        assert es_client.count(index=f"{prefix}-articles")["count"] == 3
        mentions = es_client.search(index=f"{prefix}-mentions")["hits"]["hits"]
        assert [hit["_source"]["pair"] for hit in mentions] == ["IR>RU"]
        assert es_client.indices.exists(index=f"{prefix}-articles-v1-2025.06")  # kept for a roll-back
    finally:
        names = list(es_client.indices.get(index=f"{prefix}-*"))
        es_client.indices.delete(index=",".join(names))
        for name in es_client.indices.get_index_template(name=f"{prefix}-*")["index_templates"]:
            es_client.indices.delete_index_template(name=name["name"])
