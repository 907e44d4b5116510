"""Elasticsearch plumbing: a client built from the settings, and readiness by cluster health.

Readiness uses cluster health, never ``info()``: the core-only node armswatch runs locally has no
``GET /``, and a production cluster answers health the same way.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.serializer import OrjsonSerializer

from armswatch.config import Settings


def client(settings: Settings, request_timeout: float = 30.0) -> Elasticsearch:
    """A client for the configured cluster, with retries on timeouts.

    JSON goes through orjson: serialising bulk bodies with the standard library took more of the
    indexer's CPU than building the documents did."""
    api_key = settings.elasticsearch_api_key
    password = settings.elasticsearch_password
    basic_auth = (
        (settings.elasticsearch_username, password.get_secret_value())
        if settings.elasticsearch_username and password is not None
        else None
    )
    return Elasticsearch(
        settings.es_url,
        request_timeout=request_timeout,
        retry_on_timeout=True,
        max_retries=3,
        api_key=api_key.get_secret_value() if api_key is not None else None,
        basic_auth=None if api_key is not None else basic_auth,
        serializer=OrjsonSerializer(),
    )


def wait_until_ready(es: Elasticsearch, timeout: float = 60.0) -> str:
    """Block until cluster health is yellow or green; return it. Raises TimeoutError with the last error."""
    deadline = time.monotonic() + timeout
    last_error = "no answer"
    while time.monotonic() < deadline:
        try:
            health = es.cluster.health(wait_for_status="yellow", timeout="5s")
            if not health.get("timed_out") and health["status"] in ("yellow", "green"):
                return str(health["status"])
            last_error = f"cluster health {health['status']}"
        except (ApiError, TransportError) as error:
            last_error = str(error)
        time.sleep(1)
    raise TimeoutError(
        f"Elasticsearch at {es.transport.node_pool.all()[0].base_url} was not ready "
        f"after {timeout:.0f}s: {last_error}"
    )


@contextmanager
def ready_client(settings: Settings, timeout: float = 120.0) -> Iterator[Elasticsearch]:
    """A client of the configured cluster once it is ready (see ``wait_until_ready``), closed when the
    block ends, whether it returns or raises. Raises TimeoutError when the cluster stays unready."""
    es = client(settings)
    try:
        wait_until_ready(es, timeout)
        yield es
    finally:
        es.close()
