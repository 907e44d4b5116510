"""The local stack answers like the real servers it is: produce/consume and bulk index/search."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from elasticsearch import Elasticsearch, helpers
from kafka import KafkaConsumer, KafkaProducer

from armswatch import stack
from armswatch.config import Settings
from armswatch.kafka import consumer_config, producer_config

pytestmark = pytest.mark.integration


def test_stack_status_reports_both_services_ready(running_stack: Settings) -> None:
    services = {service.name: service for service in stack.status(running_stack)}
    assert set(services) == {"kafka", "elasticsearch"}
    assert all(service.ready for service in services.values())
    if running_stack.uses_local_kafka:
        assert services["kafka"].pid is not None
        assert (services["kafka"].resident_memory_mb or 0) > 50


def test_kafka_round_trip_keeps_every_message_in_order(
    running_stack: Settings, topic_factory: Callable[..., str]
) -> None:
    topic = topic_factory(partitions=1)
    producer = KafkaProducer(**producer_config(running_stack, "test-producer"))
    sent = [f"message-{number}".encode() for number in range(50)]
    for value in sent:
        producer.send(topic, value=value, key=b"same-key")
    producer.flush(timeout=30)
    producer.close()

    consumer = KafkaConsumer(topic, **consumer_config(running_stack, f"group-{topic}", "test-consumer"))
    received: list[bytes] = []
    deadline = time.monotonic() + 30
    while len(received) < len(sent) and time.monotonic() < deadline:
        for records in consumer.poll(timeout_ms=500).values():
            received.extend(record.value for record in records)
    consumer.commit()
    consumer.close()
    assert received == sent


def test_elasticsearch_bulk_index_then_search(es_client: Elasticsearch, index_name: str) -> None:
    documents = [
        {
            "_index": index_name,
            "_id": f"doc-{number}",
            "title": f"shipment {number}",
            "supplier": "KP" if number % 2 else "IR",
        }
        for number in range(20)
    ]
    ok, errors = helpers.bulk(es_client, documents, raise_on_error=False, refresh="wait_for")
    assert (ok, errors) == (20, [])
    # Indexing the same ids again overwrites: deterministic ids make replays harmless.
    helpers.bulk(es_client, documents, refresh="wait_for")
    assert es_client.count(index=index_name)["count"] == 20
    hits = es_client.search(index=index_name, query={"term": {"supplier.keyword": "KP"}}, size=20)
    assert hits["hits"]["total"]["value"] == 10
