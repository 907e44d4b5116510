"""Bulk writes to Elasticsearch: several requests in flight, throttled items sent again, permanent
failures returned to the caller.

Serialising the next chunk overlaps with the node indexing the previous ones.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError, helpers

from armswatch.backoff import Backoff, wait
from armswatch.config import Settings
from armswatch.stage import Backpressure

RETRYABLE_STATUS = {429, 502, 503, 504}
RETRY_AFTER_SECONDS = 5.0
ATTEMPTS = 4
# Pauses between rounds of throttled documents: up to 0.5, 1, 2, 4 s.
THROTTLED_BACKOFF = Backoff(initial=0.5, maximum=4.0)

DocumentKey = tuple[str, str]


def write(
    es: Elasticsearch,
    actions: Sequence[dict[str, Any]],
    settings: Settings,
    stop: threading.Event | None = None,
) -> dict[DocumentKey, str]:
    """Send every action; return Elasticsearch's reason for each document it refused for good.

    Items the node throttled or could not place are sent again after a growing pause, which
    ``stop`` cuts short. Raises ``Backpressure`` when the node cannot be reached, still throttles
    after ``ATTEMPTS`` rounds, or ``stop`` was set meanwhile: the caller retries later (or, stopping,
    commits nothing), and deterministic ids make the repeat harmless.
    """
    by_key = {(action["_index"], action["_id"]): action for action in actions}
    pending: Sequence[dict[str, Any]] = actions
    failed: dict[DocumentKey, str] = {}
    for attempt in range(ATTEMPTS):
        throttled = _send(es, pending, settings, failed)
        if not throttled:
            return failed
        if not wait(stop, THROTTLED_BACKOFF.delay(attempt + 1)):
            raise Backpressure("stopping while Elasticsearch throttles", RETRY_AFTER_SECONDS)
        pending = [by_key[key] for key in throttled]
    raise Backpressure(
        f"Elasticsearch still throttles {len(throttled)} documents after {ATTEMPTS} attempts",
        RETRY_AFTER_SECONDS,
    )


def _send(
    es: Elasticsearch,
    actions: Iterable[dict[str, Any]],
    settings: Settings,
    failed: dict[DocumentKey, str],
) -> list[DocumentKey]:
    """One pass over ``actions``: permanent failures go into ``failed``; returns the throttled ones."""
    throttled: list[DocumentKey] = []
    try:
        for ok, item in helpers.parallel_bulk(
            es,
            actions,
            thread_count=settings.bulk_concurrency,
            queue_size=settings.bulk_concurrency,
            chunk_size=settings.bulk_max_documents,
            max_chunk_bytes=settings.bulk_max_bytes,
            raise_on_error=False,
        ):
            if ok:
                continue
            operation, result = next(iter(item.items()))
            status = result.get("status")
            if operation == "delete" and status == 404:
                continue  # already gone
            key = (result.get("_index", ""), result.get("_id", ""))
            if status in RETRYABLE_STATUS:
                throttled.append(key)
            else:
                failed[key] = str(result.get("error"))[:1000]
    except (TransportError, ConnectionError) as error:
        raise Backpressure(f"Elasticsearch unreachable: {error}", RETRY_AFTER_SECONDS) from None
    except ApiError as error:
        if error.meta.status in RETRYABLE_STATUS:
            raise Backpressure(f"Elasticsearch answered {error.meta.status}", RETRY_AFTER_SECONDS) from None
        raise
    return throttled
