"""When deliveries are due: digest windows, throttling, retry backoff."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from alerts.schedule import digest_due, retry_delay, throttled_due

T = datetime(2025, 5, 1, 10, 7, tzinfo=UTC)


def test_schedule_digest_ends_its_aligned_period() -> None:
    assert digest_due(T, 24 * 60) == datetime(2025, 5, 2, tzinfo=UTC)
    assert digest_due(T, 60) == datetime(2025, 5, 1, 11, tzinfo=UTC)


def test_schedule_throttle_keeps_messages_a_period_apart() -> None:
    assert throttled_due(T, 30, None) == (T, T)  # first alert: now
    later = T + timedelta(minutes=5)
    assert throttled_due(later, 30, T) == (T + timedelta(minutes=30),) * 2  # batched after the period
    queued = T + timedelta(minutes=30)
    assert throttled_due(later + timedelta(minutes=1), 30, queued) == (queued, queued)  # joins the batch
    quiet = T + timedelta(hours=2)
    assert throttled_due(quiet, 30, T) == (quiet, quiet)


def test_schedule_retry_delay_doubles_with_jitter_and_cap() -> None:
    rng = random.Random(1)
    delays = [retry_delay(attempt, 5, 60, rng) for attempt in range(1, 8)]
    assert 2.5 <= delays[0] <= 5 and 5 <= delays[1] <= 10 and all(d <= 60 for d in delays)
    assert delays[-1] >= 30
