"""When a delivery is due, by the rule's mode, and when a failed one is retried. Pure functions.

- immediate: now;
- digest: the end of the current period, periods aligned on the epoch (``--every 1d``: midnight UTC),
  so every alert of a period joins one message;
- throttled: at most one message per period. The first alert after a quiet period goes now; the
  next ones join the message scheduled one period after the last one.
"""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta

from armswatch.backoff import Backoff
from armswatch.schema import AlertMode

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def digest_due(now: datetime, every_minutes: int) -> datetime:
    """The end of the digest period holding ``now``."""
    period = every_minutes * 60
    elapsed = (now - EPOCH).total_seconds()
    return EPOCH + timedelta(seconds=math.ceil(elapsed / period) * period)


def throttled_due(
    now: datetime, every_minutes: int, last_message_at: datetime | None
) -> tuple[datetime, datetime]:
    """(when this alert goes, the rule's new last-message time) for a throttled rule."""
    period = timedelta(minutes=every_minutes)
    if last_message_at is None or now >= last_message_at + period:
        return now, now  # quiet period over: a message now
    if last_message_at > now:
        return last_message_at, last_message_at  # a batch is already scheduled: join it
    following = last_message_at + period
    return following, following  # the last message went out recently: schedule the next batch


def due_at(mode: AlertMode, every_minutes: int | None, now: datetime) -> datetime:
    """When an immediate or digest alert goes (throttled rules need their state: ``throttled_due``)."""
    if mode == "digest":
        return digest_due(now, every_minutes or 24 * 60)
    return now


def retry_delay(attempts: int, initial: float, maximum: float, rng: random.Random | None = None) -> float:
    """Seconds before attempt ``attempts + 1``: exponential from ``initial``, capped, with jitter (half to
    full delay) so that workers retrying a receiver that came back do not all hit it at once."""
    return Backoff(initial, maximum).delay(attempts, (rng or random).random)
