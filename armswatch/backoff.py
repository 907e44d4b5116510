"""One retry policy for every loop that waits on something failing: exponential growth from an
initial delay, a cap, jitter, and waits that a stop request cuts short.

Jitter spreads the retries of processes that failed together (one host down, one broker restarted),
so that they do not all come back at the same instant.
"""

from __future__ import annotations

import logging
import random as random_module
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Random = Callable[[], float]  # uniform in [0, 1), like random.random


@dataclass(frozen=True)
class Backoff:
    """Delays of ``initial`` × 2^(attempt-1), capped at ``maximum``, drawn from the upper
    ``jitter`` part of that value (0: exactly the value; 0.5: between half and all of it)."""

    initial: float
    maximum: float
    jitter: float = 0.5

    def delay(self, attempt: int, random: Random = random_module.random) -> float:
        """Seconds to wait before retry number ``attempt`` (1 for the first retry)."""
        ceiling = min(self.maximum, self.initial * 2.0 ** max(0, attempt - 1))
        return ceiling * (1.0 - self.jitter + self.jitter * random())


def wait(stop: threading.Event | None, seconds: float) -> bool:
    """Sleep ``seconds`` unless ``stop`` is set meanwhile; True when the whole wait elapsed."""
    if stop is None:
        time.sleep(seconds)
        return True
    return not stop.wait(seconds)


@dataclass
class Outage:
    """Retries against one server: one log line when it stops answering, one when it is back,
    nothing in between (a broker down for minutes must not flood the log).

    ``failed`` waits the next backoff delay and returns False when ``stop`` was set meanwhile;
    ``recovered`` is called after every success.
    """

    server: str
    backoff: Backoff
    stop: threading.Event | None
    log: logging.Logger
    attempts: int = 0
    since: float = field(default=0.0)

    def failed(self, error: BaseException, doing: str) -> bool:
        self.attempts += 1
        if self.attempts == 1:
            self.since = time.monotonic()
            self.log.warning(
                "%s unavailable; retrying until it answers",
                self.server,
                extra={"while": doing, "error": f"{type(error).__name__}: {str(error)[:300]}"},
            )
        return wait(self.stop, self.backoff.delay(self.attempts))

    def recovered(self) -> None:
        if self.attempts:
            self.log.warning(
                "%s available again",
                self.server,
                extra={"down_seconds": round(time.monotonic() - self.since, 1), "retries": self.attempts},
            )
            self.attempts = 0

    @property
    def down(self) -> bool:
        return self.attempts > 0
