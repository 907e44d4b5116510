"""The pipeline's health, from the sources any operator can read: Kafka's committed offsets,
Elasticsearch's document counts and the workers' Prometheus endpoints.

Used by ``armswatch status`` and by the live view of ``armswatch run``.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from elasticsearch import ApiError, TransportError
from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.errors import KafkaError

from app.stages import STAGES
from armswatch import es as es_plumbing
from armswatch.config import Settings
from armswatch.metrics import Scrape, scrape


@dataclass(frozen=True)
class StageInput:
    """Which consumer group of a stage reads which topic."""

    stage: str
    group: str
    topic: str


def stage_inputs(settings: Settings) -> list[StageInput]:
    """The stages whose consumer group reads a topic, as they declare it."""
    return [
        StageInput(stage.name, stage.group(settings), stage.input_topic(settings))
        for stage in STAGES
        if stage.group is not None and stage.input_topic is not None
    ]


def document_kinds() -> list[str]:
    """The Elasticsearch aliases the stages fill (``<prefix>-<kind>``), as they declare them."""
    return [kind for stage in STAGES for kind in stage.documents]


@dataclass
class Health:
    """A snapshot; ``None`` means "could not be read" (the reason is in ``problems``)."""

    topic_messages: dict[str, int | None] = field(default_factory=dict)
    group_lag: dict[str, int | None] = field(default_factory=dict)
    documents: dict[str, int | None] = field(default_factory=dict)
    metrics: Scrape = field(default_factory=Scrape)
    workers: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    at: float = field(default_factory=time.time)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["metrics"] = {
            "events": {stage: dict(events) for stage, events in self.metrics.events.items()},
            "lag": self.metrics.lag,
            "latency_p50": {s: self.metrics.latency_quantile(s, 0.5) for s in self.metrics.latency_count},
            "latency_p95": {s: self.metrics.latency_quantile(s, 0.95) for s in self.metrics.latency_count},
            "unreachable": self.metrics.unreachable,
        }
        return data


class HealthProbe:
    """Long-lived clients for repeated snapshots (the live view refreshes every second or two)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._admin: KafkaAdminClient | None = None
        self._offsets: KafkaConsumer | None = None
        self._es = es_plumbing.client(settings, request_timeout=5)

    def close(self) -> None:
        self._close_kafka()
        self._es.close()

    def _kafka(self) -> tuple[KafkaAdminClient, KafkaConsumer]:
        if self._admin is None or self._offsets is None:
            servers = self.settings.bootstrap_servers
            self._admin = KafkaAdminClient(bootstrap_servers=servers, client_id="armswatch-health")
            self._offsets = KafkaConsumer(
                bootstrap_servers=servers, client_id="armswatch-health", enable_auto_commit=False
            )
        return self._admin, self._offsets

    def snapshot(self, metrics_urls: list[str], workers: list[dict[str, Any]] | None = None) -> Health:
        health = Health(workers=workers or [])
        self._read_kafka(health)
        self._read_elasticsearch(health)
        health.metrics = scrape(metrics_urls)
        return health

    def _read_kafka(self, health: Health) -> None:
        try:
            admin, offsets = self._kafka()
            ends: dict[str, dict[TopicPartition, int]] = {}
            inputs = stage_inputs(self.settings)
            for topic in {
                self.settings.topic_raw,
                self.settings.topic_dead_letter,
                *(item.topic for item in inputs),
            }:
                partitions = offsets.partitions_for_topic(topic) or set()
                ends[topic] = offsets.end_offsets([TopicPartition(topic, p) for p in partitions])
                health.topic_messages[topic] = sum(ends[topic].values()) if partitions else None
            for item in inputs:
                committed = admin.list_group_offsets(item.group).get(item.group, {})
                end = ends.get(item.topic, {})
                if not committed:
                    health.group_lag[item.stage] = None
                    continue
                health.group_lag[item.stage] = sum(
                    max(0, offset - committed[tp].offset) if tp in committed else offset
                    for tp, offset in end.items()
                )
        except KafkaError as error:
            health.problems.append(f"Kafka at {self.settings.bootstrap_servers}: {error}")
            self._close_kafka()  # reconnect on the next snapshot

    def _close_kafka(self) -> None:
        for client in (self._admin, self._offsets):
            if client is not None:
                client.close()
        self._admin = self._offsets = None

    def _read_elasticsearch(self, health: Health) -> None:
        prefix = self.settings.index_prefix
        for kind in document_kinds():
            try:
                count = self._es.options(ignore_status=404).count(index=f"{prefix}-{kind}")
                health.documents[kind] = int(count["count"]) if "count" in count else None
            except (ApiError, TransportError) as error:
                health.documents[kind] = None
                health.problems.append(f"Elasticsearch at {self.settings.es_url}: {error}")
                break


def runtime_file(settings: Settings) -> Path:
    """Where ``armswatch run`` records its workers, for ``armswatch status``."""
    return settings.stack_dir / "run" / "pipeline.json"


def read_runtime(settings: Settings) -> dict[str, Any] | None:
    path = runtime_file(settings)
    try:
        data: dict[str, Any] = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return data
