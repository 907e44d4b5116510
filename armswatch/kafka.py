"""Kafka plumbing: client configurations built from the settings, topic creation, JSON values."""

from __future__ import annotations

from typing import Any

from kafka import KafkaAdminClient, KafkaConsumer
from kafka.admin import ConfigResource, ConfigResourceType, NewTopic
from kafka.errors import KafkaError, TopicAlreadyExistsError

from armswatch.config import Settings

# A killed member is noticed after this long without heartbeats, and the group rebalances without it.
SESSION_TIMEOUT_MS = 10_000
HEARTBEAT_INTERVAL_MS = 3_000
# After an outage a client tries the broker again at least this often (kafka-python's default is 30 s,
# which alone delayed a stage's recovery by half a minute after a broker restart).
RECONNECT_BACKOFF_MAX_MS = 5_000
# The broker's default max.message.bytes (1 MiB + 12), used when the topic's own cannot be read.
DEFAULT_MAX_MESSAGE_BYTES = 1_048_588
# Room left under the limit for the record batch's own header and the record's key and framing.
MESSAGE_HEADROOM_BYTES = 8 * 1024


def producer_config(settings: Settings, client_id: str) -> dict[str, Any]:
    """Durable producer: every replica acknowledges, idempotent, compressed batches.

    ``send`` waits at most ``max_block_ms`` for metadata while Kafka is down: the stage's retry loop,
    which a stop request interrupts, does the longer waiting.
    """
    return {
        "bootstrap_servers": settings.bootstrap_servers,
        "bootstrap_timeout_ms": int(settings.kafka_bootstrap_timeout * 1000),
        "client_id": client_id,
        "acks": "all",
        "enable_idempotence": True,
        "linger_ms": 20,
        "compression_type": "gzip",
        "max_request_size": 8 * 2**20,
        "max_block_ms": 10_000,
        "reconnect_backoff_max_ms": RECONNECT_BACKOFF_MAX_MS,
    }


def consumer_config(
    settings: Settings, group_id: str, client_id: str, max_poll_records: int = 200
) -> dict[str, Any]:
    """At-least-once consumer: the worker commits offsets after its side effect, never automatically.

    A worker of ``armswatch run`` (``settings.worker_name`` set) is a static member of its group: when
    it is restarted after a crash it takes its partitions back at once, and its peers go on
    consuming instead of stopping for a rebalance that waits out the dead member's session.
    """
    config: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap_servers,
        "bootstrap_timeout_ms": int(settings.kafka_bootstrap_timeout * 1000),
        "group_id": group_id,
        "client_id": client_id,
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "max_poll_records": max_poll_records,
        "fetch_max_bytes": 16 * 2**20,
        "session_timeout_ms": SESSION_TIMEOUT_MS,
        "heartbeat_interval_ms": HEARTBEAT_INTERVAL_MS,
        "reconnect_backoff_max_ms": RECONNECT_BACKOFF_MAX_MS,
    }
    if settings.worker_name:
        config["group_instance_id"] = f"{group_id}.{settings.worker_name}"
    return config


def max_message_bytes(settings: Settings, topics: list[str]) -> dict[str, int]:
    """The largest record each topic takes, headroom deducted: ``kafka_max_message_bytes`` when set,
    else the topic's ``max.message.bytes`` as the broker reports it (its default when unreadable)."""
    if settings.kafka_max_message_bytes is not None:
        return {topic: settings.kafka_max_message_bytes - MESSAGE_HEADROOM_BYTES for topic in topics}
    found: dict[str, int] = {}
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=settings.bootstrap_servers,
            bootstrap_timeout_ms=int(settings.kafka_bootstrap_timeout * 1000),
            client_id="armswatch-limits",
        )
        try:
            wanted = {"max.message.bytes": None}
            described = admin.describe_configs(
                [ConfigResource(ConfigResourceType.TOPIC, topic, wanted) for topic in topics],
                config_filter="all",
            )
        finally:
            admin.close()
        for topic, configs in described.get("topic", {}).items():
            value = configs.get("max.message.bytes", {}).get("value")
            if value is not None:
                found[topic] = int(value)
    except KafkaError:
        pass  # unreadable now: the broker's default is the safe assumption
    return {topic: found.get(topic, DEFAULT_MAX_MESSAGE_BYTES) - MESSAGE_HEADROOM_BYTES for topic in topics}


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
    admin = KafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers,
        bootstrap_timeout_ms=int(settings.kafka_bootstrap_timeout * 1000),
        client_id="armswatch-admin",
    )
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
