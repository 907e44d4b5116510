"""Per-deal alert rules against the real broker and node: deal records on the deals topic fire one alert
per (rule, deal, change), and reading the topic again fires nothing more."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaProducer

from alerts import store, worker
from alerts.rules import new_rule
from armswatch.config import Settings
from armswatch.kafka import producer_config
from deals.fold import DealBook, fold_articles
from deals.worker import ensure_deals_topic
from tests.deals_articles import story

pytestmark = pytest.mark.integration


@pytest.fixture
def deal_alert_settings(
    isolated_settings: Callable[..., Settings], es_client: Elasticsearch, unique: Callable[[str], str]
) -> Iterator[Settings]:
    settings = isolated_settings(
        topic_deals=unique("deals"),
        alerts_group=unique("group"),
        alerts_deals_group=unique("group"),
        alerts_rules_refresh_seconds=0.5,
    )
    ensure_deals_topic(settings)
    store.ensure_indices(es_client, settings.index_prefix)
    yield settings
    es_client.indices.delete(
        index=",".join(store.index_of(settings.index_prefix, kind) for kind in store.INDICES)
    )


def test_deal_rule_fires_once_per_change_and_not_again_on_a_replay(
    es_client: Elasticsearch, deal_alert_settings: Settings
) -> None:
    settings = deal_alert_settings
    rule = new_rule("KP shells", "supplier:KP AND category:ammunition", now=datetime.now(UTC), scope="deals")
    store.add_rule(es_client, settings.index_prefix, rule)
    book = DealBook()
    records = [
        deal
        for article in [
            story("a1", status="alleged", confidence=0.9, source="A"),
            story("a2", day=1, status="alleged", source="B"),  # no change an analyst follows
            story("a3", day=2, status="delivered", source="C"),  # status: one alert
            story("a4", day=3, supplier="IR", weapon="drones", category="drones"),  # not the rule's
        ]
        for deal in fold_articles(book, [article])
    ]
    producer = KafkaProducer(**producer_config(settings, "test-deal-alerts"))
    for deal in records:
        producer.send(settings.topic_deals, key=deal.id.encode(), value=deal.to_json())
    producer.flush()
    producer.close()

    worker.run(settings, exit_when_idle=3.0)
    alerts_index = store.index_of(settings.index_prefix, "alerts")
    es_client.indices.refresh(index=alerts_index)
    fired = es_client.search(index=alerts_index, query={"term": {"rule_id": rule.id}}, size=10)["hits"]
    assert fired["total"]["value"] == 2
    assert {hit["_source"]["statuses"][0] for hit in fired["hits"]} == {"alleged", "delivered"}

    replay = settings.model_copy(update={"alerts_deals_group": settings.alerts_deals_group + "-replay"})
    worker.run(replay, exit_when_idle=3.0)
    es_client.indices.refresh(index=alerts_index)
    assert es_client.count(index=alerts_index)["count"] == 2
