"""The one backoff policy: growth, cap, jitter bounds, waits a stop request cuts short; and one log line
per Kafka outage."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from armswatch.backoff import Backoff, Outage, wait
from armswatch.log import ClientRepeats


@pytest.mark.parametrize(
    ("attempt", "ceiling"), [(0, 1.0), (1, 1.0), (2, 2.0), (3, 4.0), (6, 32.0), (7, 60.0), (40, 60.0)]
)
def test_backoff_doubles_up_to_its_cap_within_its_jitter(attempt: int, ceiling: float) -> None:
    backoff = Backoff(initial=1.0, maximum=60.0, jitter=0.5)
    assert backoff.delay(attempt, lambda: 0.0) == ceiling / 2
    assert backoff.delay(attempt, lambda: 0.999999) == pytest.approx(ceiling, rel=1e-5)


def test_backoff_without_jitter_is_exact() -> None:
    assert Backoff(initial=0.5, maximum=30.0, jitter=0.0).delay(4, lambda: 0.7) == 4.0


def test_wait_returns_at_once_when_stopped() -> None:
    stop = threading.Event()
    threading.Timer(0.05, stop.set).start()
    started = time.monotonic()
    assert wait(stop, 30.0) is False
    assert time.monotonic() - started < 5.0
    assert wait(threading.Event(), 0.01) is True


def test_outage_logs_once_down_and_once_back(caplog: pytest.LogCaptureFixture) -> None:
    outage = Outage("Kafka", Backoff(initial=0.001, maximum=0.001), None, logging.getLogger("test.outage"))
    with caplog.at_level(logging.INFO, logger="test.outage"):
        for _ in range(50):
            assert outage.failed(ConnectionError("refused"), "polling") is True
        assert outage.down
        outage.recovered()
        outage.recovered()
    assert [record.getMessage() for record in caplog.records] == [
        "Kafka unavailable; retrying until it answers",
        "Kafka available again",
    ]
    assert not outage.down


def test_client_repeats_lets_one_line_of_each_kafka_call_site_through() -> None:
    repeats = ClientRepeats(every=60.0)

    def record(name: str, line: int, message: str) -> logging.LogRecord:
        return logging.LogRecord(name, logging.ERROR, "conn.py", line, message, None, None)

    passed = [repeats.filter(record("kafka.conn", 245, f"Connection lost: attempt {n}")) for n in range(100)]
    assert passed == [True] + [False] * 99
    assert repeats.filter(record("kafka.net.manager", 177, "Bootstrap failed"))
    assert all(repeats.filter(record("armswatch.stage", 1, "ours")) for _ in range(3))
