"""Polling schedule: adaptive intervals, backoff with jitter, Retry-After, dead feeds."""

from __future__ import annotations

import pytest

from armswatch.config import Settings
from ingest.schedule import (
    Policy,
    delay_after_failure,
    interval_after_success,
    is_dead,
    spread,
)

POLICY = Policy(
    min_interval=300,
    max_interval=10800,
    initial_interval=900,
    retry_after_max=21600,
    dead_after_failures=10,
    dead_interval=86400,
)


def test_schedule_first_poll_keeps_the_initial_interval() -> None:
    assert interval_after_success(POLICY, None, None) == 900
    assert interval_after_success(POLICY, 1200, None) == 1200


def test_schedule_busy_feed_is_polled_faster_down_to_the_minimum() -> None:
    interval = 900.0
    for _ in range(10):
        faster = interval_after_success(POLICY, interval, 12)
        assert faster <= interval
        interval = faster
    assert interval == POLICY.min_interval


def test_schedule_quiet_feed_is_polled_slower_up_to_the_maximum() -> None:
    interval = 900.0
    for _ in range(20):
        slower = interval_after_success(POLICY, interval, 0)
        assert slower >= interval
        interval = slower
    assert interval == POLICY.max_interval


@pytest.mark.parametrize(
    ("new", "expected"), [(3, 900.0), (6, 450.0), (1, 1350.0), (0, 1350.0), (100, 450.0)]
)
def test_schedule_interval_aims_at_a_few_new_entries_per_poll(new: int, expected: float) -> None:
    assert interval_after_success(POLICY, 900, new) == expected


def test_schedule_fixed_interval_wins() -> None:
    assert interval_after_success(POLICY, 900, 50, fixed=60) == 60


@pytest.mark.parametrize("failures", range(1, 10))
def test_schedule_backoff_is_exponential_and_jittered(failures: int) -> None:
    backoff = min(POLICY.max_interval, 300 * 2 ** (failures - 1))
    assert delay_after_failure(POLICY, failures, None, lambda: 0.0) == backoff / 2
    assert delay_after_failure(POLICY, failures, None, lambda: 0.999999) == pytest.approx(backoff, rel=1e-5)
    assert delay_after_failure(POLICY, failures, None, lambda: 0.5) == 0.75 * backoff


def test_schedule_backoff_grows_with_failures() -> None:
    delays = [delay_after_failure(POLICY, n, None, lambda: 0.5) for n in range(1, 7)]
    assert delays == sorted(delays) and delays[-1] == 32 * delays[0]


def test_schedule_dead_feed_is_polled_daily_never_dropped() -> None:
    assert not is_dead(POLICY, 9) and is_dead(POLICY, 10) and is_dead(POLICY, 10_000)
    for failures in (10, 100, 10_000):
        delay = delay_after_failure(POLICY, failures, None, lambda: 0.5)
        assert delay == POLICY.dead_interval


def test_schedule_retry_after_is_a_floor_and_capped() -> None:
    assert delay_after_failure(POLICY, 1, 3600, lambda: 0.0) == 3600
    assert delay_after_failure(POLICY, 1, 10 * 86400, lambda: 0.0) == POLICY.retry_after_max
    assert delay_after_failure(POLICY, 8, 10, lambda: 0.5) > 10, "a short Retry-After keeps the backoff"


def test_schedule_spread_stays_within_five_percent() -> None:
    assert spread(POLICY, 1000, lambda: 0.0) == 950
    assert spread(POLICY, 1000, lambda: 0.5) == 1000
    assert spread(POLICY, 1000, lambda: 1.0) == 1050


def test_schedule_policy_from_settings_bounds_the_initial_interval() -> None:
    policy = Policy.from_settings(Settings(poll_interval_min=600, poll_interval_initial=60))
    assert policy.initial_interval == 600 and policy.min_interval == 600
