"""Shared fixtures: the real local stack (or external servers when configured), fresh names per test.

Integration tests never skip: when Kafka or Elasticsearch cannot be brought up, they fail with the reason.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from armswatch import es as es_plumbing
from armswatch import stack
from armswatch.config import Settings, load_settings
from armswatch.kafka import ensure_topics


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test that starts the stack carries the integration marker, so ``-m "not integration"``
    runs without Kafka, Elasticsearch or Java: a test that forgets it stops the collection."""
    unmarked = [
        item.nodeid
        for item in items
        if "running_stack" in getattr(item, "fixturenames", ())
        and item.get_closest_marker("integration") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "these tests start the stack but lack `pytestmark = pytest.mark.integration`: "
            + ", ".join(unmarked)
        )


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def running_stack(settings: Settings) -> Iterator[Settings]:
    """Kafka and Elasticsearch up for the whole session; stopped afterwards if this session started them."""
    already = {service.name for service in stack.status(settings) if service.ready}
    try:
        started = stack.up(settings, lambda message: print(f"[stack] {message}"))
    except stack.StackError as error:
        pytest.fail(f"the local stack could not start: {error}", pytrace=False)
    yield settings
    if started and not already:
        stack.down(settings, purge=False, progress=lambda message: print(f"[stack] {message}"))


@pytest.fixture
def unique() -> Callable[[str], str]:
    """Names that no other test (or earlier run) uses: ``unique("topic")`` -> ``test-topic-1a2b3c4d``."""
    return lambda kind: f"test-{kind}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def isolated_settings(running_stack: Settings, unique: Callable[[str], str]) -> Callable[..., Settings]:
    """Settings of the running stack with this test's own enriched and dead-letter topics (created) and
    index prefix, then ``overrides``: ``isolated_settings(topic_raw=unique("raw"))``."""

    def make(**overrides: Any) -> Settings:
        settings = running_stack.model_copy(
            update={
                "topic_enriched": unique("enriched"),
                "topic_dead_letter": unique("dlq"),
                "index_prefix": unique("ix"),
                **overrides,
            }
        )
        ensure_topics(settings)
        return settings

    return make


@pytest.fixture
def topic_factory(running_stack: Settings, unique: Callable[[str], str]) -> Callable[..., str]:
    def create(partitions: int = 1) -> str:
        name = unique("topic")
        ensure_topics(running_stack, {name: partitions})
        return name

    return create


@pytest.fixture
def es_client(running_stack: Settings) -> Iterator[Elasticsearch]:
    client = es_plumbing.client(running_stack)
    es_plumbing.wait_until_ready(client)
    yield client
    client.close()


@pytest.fixture
def index_name(es_client: Elasticsearch, unique: Callable[[str], str]) -> Iterator[str]:
    name = unique("index")
    yield name
    es_client.options(ignore_status=404).indices.delete(index=name)
