"""Kafka plumbing: client configurations built from the settings, topic creation, JSON values."""

from __future__ import annotations

from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from armswatch.config import Settings


def producer_config(settings: Settings, client_id: str) -> dict[str, Any]:
    """Durable producer: every replica acknowledges, idempotent, compressed batches."""
    return {
        "bootstrap_servers": settings.bootstrap_servers,
        "client_id": client_id,
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 20,
        "compression_type": "gzip",
        "max_request_size": 8 * 2**20,
    }


def consumer_config(
    settings: Settings, group_id: str, client_id: str, max_poll_records: int = 200
) -> dict[str, Any]:
    """At-least-once consumer: the worker commits offsets after its side effect, never automatically."""
    return {
        "bootstrap_servers": settings.bootstrap_servers,
        "group_id": group_id,
        "client_id": client_id,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "max_poll_records": max_poll_records,
        "fetch_max_bytes": 16 * 2**20,
    }


def topic_specs(settings: Settings) -> dict[str, int]:
    """Every topic of the pipeline with its partition count."""
    return {
        settings.topic_raw: settings.raw_partitions,
        settings.topic_enriched: settings.enriched_partitions,
        settings.topic_dead_letter: settings.dead_letter_partitions,
        settings.topic_alerts: settings.alerts_partitions,
    }


def ensure_topics(
    settings: Settings, specs: dict[str, int] | None = None, configs: dict[str, str] | None = None
) -> list[str]:
    """Create the missing topics (idempotent), with ``configs`` (e.g. compaction) if given; return the
    names created."""
    wanted = specs if specs is not None else topic_specs(settings)
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap_servers, client_id="armswatch-admin")
    try:
        existing = set(admin.list_topics())
        missing = [
            NewTopic(
                name,
                num_partitions=partitions,
                replication_factor=settings.replication_factor,
                topic_configs=configs or {},
            )
            for name, partitions in wanted.items()
            if name not in existing
        ]
        created = []
        for topic in missing:
            try:
                admin.create_topics([topic])
                created.append(topic.name)
            except TopicAlreadyExistsError:
                pass  # another process created it meanwhile
        return created
    finally:
        admin.close()


def consumer(
    settings: Settings, group_id: str, client_id: str, *topics: str, max_poll_records: int = 200
) -> KafkaConsumer:
    """A consumer of raw bytes: decoding belongs to the worker, so a bad message can be dead-lettered."""
    return KafkaConsumer(*topics, **consumer_config(settings, group_id, client_id, max_poll_records))
