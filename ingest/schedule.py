"""When to poll a feed next: pure functions of what the last polls brought.

- A feed that publishes often is polled faster, a quiet one slower, within
  ``[poll_interval_min, poll_interval_max]``; a feed with a fixed interval keeps it.
- A failure backs off exponentially from the minimum interval, with jitter so that feeds failing
  together (one host down) do not come back together; a server's ``Retry-After`` (429, 503) is
  honoured, capped at ``poll_retry_after_max``.
- After ``poll_dead_after_failures`` failures in a row a feed is dead: polled once per
  ``poll_dead_interval``, never dropped, so it comes back by itself when its site does.
"""

from __future__ import annotations

from dataclasses import dataclass

from armswatch.backoff import Backoff, Random
from armswatch.config import Settings


@dataclass(frozen=True)
class Policy:
    min_interval: float = 300.0
    max_interval: float = 3 * 3600.0
    initial_interval: float = 900.0
    retry_after_max: float = 6 * 3600.0
    dead_after_failures: int = 10
    dead_interval: float = 24 * 3600.0
    # New entries per poll the adaptive interval aims at: fewer, it slows down; more, it speeds up.
    target_new_per_poll: float = 3.0
    # Spread of a success interval (±5%), so feeds added together do not stay in lockstep.
    spread: float = 0.05

    @classmethod
    def from_settings(cls, settings: Settings) -> Policy:
        return cls(
            min_interval=settings.poll_interval_min,
            max_interval=settings.poll_interval_max,
            initial_interval=min(
                max(settings.poll_interval_initial, settings.poll_interval_min), settings.poll_interval_max
            ),
            retry_after_max=settings.poll_retry_after_max,
            dead_after_failures=settings.poll_dead_after_failures,
            dead_interval=settings.poll_dead_interval,
        )


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def interval_after_success(
    policy: Policy, current: float | None, new_entries: int | None, fixed: float | None = None
) -> float:
    """The polling interval after a successful poll that brought ``new_entries`` unseen entries.

    ``new_entries`` is None for a poll that says nothing about the rate (the first poll of a feed,
    whose whole backlog is new). ``fixed`` (the feed's own interval) wins over adaptation.
    """
    if fixed is not None:
        return fixed
    interval = current if current is not None else policy.initial_interval
    if new_entries is not None:
        factor = 1.5 if new_entries == 0 else _clamp(policy.target_new_per_poll / new_entries, 0.5, 1.5)
        interval *= factor
    return _clamp(interval, policy.min_interval, policy.max_interval)


def is_dead(policy: Policy, failures: int) -> bool:
    return failures >= policy.dead_after_failures


def delay_after_failure(policy: Policy, failures: int, retry_after: float | None, random: Random) -> float:
    """Seconds until the next poll after ``failures`` consecutive failures (this one included).

    Exponential from the minimum interval, capped at the maximum, jittered into its upper half;
    a dead feed waits the dead interval (±10%). A ``retry_after`` from the server is a floor,
    capped at ``retry_after_max``.
    """
    if is_dead(policy, failures):
        delay = policy.dead_interval * (0.9 + 0.2 * random())
    else:
        delay = Backoff(policy.min_interval, policy.max_interval).delay(failures, random)
    if retry_after is not None:
        delay = max(delay, min(retry_after, policy.retry_after_max))
    return delay


def spread(policy: Policy, interval: float, random: Random) -> float:
    """``interval`` moved by up to ±``policy.spread`` of itself."""
    return interval * (1.0 + policy.spread * (2.0 * random() - 1.0))
