"""Prometheus metrics of a worker process, and reading them back from the workers' endpoints.

Every worker exports the same few families, labelled by stage, so one scrape format serves
``armswatch status``, the live view of ``armswatch run`` and any Prometheus server:

- ``armswatch_events_total{stage,event}``: every outcome the stage counts (processed, produced,
  rejected_<reason>, backpressure, feeds_polled, alerts_sent, …);
- ``armswatch_batch_seconds{stage}``: time to process one batch;
- ``armswatch_latency_seconds{stage}``: from an article's fetch to this stage's output;
- ``armswatch_consumer_lag{stage}``: messages waiting in the partitions this worker owns.
"""

from __future__ import annotations

import logging
import time
import urllib.request
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime

from prometheus_client import Counter, Gauge, Histogram, start_http_server
from prometheus_client.parser import text_string_to_metric_families

log = logging.getLogger(__name__)

EVENTS = Counter("armswatch_events", "Outcomes counted by a stage", ["stage", "event"])
BATCH_SECONDS = Histogram(
    "armswatch_batch_seconds",
    "Time to process one batch",
    ["stage"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
LATENCY = Histogram(
    "armswatch_latency_seconds",
    "Time from an article's fetch to this stage's output",
    ["stage"],
    buckets=(0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60, 300, 3600),
)
LAG = Gauge("armswatch_consumer_lag", "Messages waiting in the partitions this worker owns", ["stage"])


def observe_latency(stage: str, fetched_at: datetime) -> None:
    """Record how long ago the article was fetched, now that ``stage`` has produced its output."""
    LATENCY.labels(stage).observe(max(0.0, (datetime.now(UTC) - fetched_at).total_seconds()))


def serve(port: int | None, host: str = "127.0.0.1") -> None:
    """Expose this process's metrics on http://host:port/metrics (nothing when ``port`` is None)."""
    if port is None:
        return
    start_http_server(port, addr=host)
    log.info("metrics exposed", extra={"url": f"http://{host}:{port}/metrics"})


@dataclass
class Scrape:
    """The values read from one or more workers' endpoints, summed per stage."""

    events: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(dict))
    lag: dict[str, float] = field(default_factory=dict)
    latency_sum: dict[str, float] = field(default_factory=dict)
    latency_count: dict[str, float] = field(default_factory=dict)
    latency_buckets: dict[str, dict[float, float]] = field(default_factory=lambda: defaultdict(dict))
    batch_seconds: dict[str, float] = field(default_factory=dict)
    unreachable: list[str] = field(default_factory=list)

    def event(self, stage: str, event: str) -> float:
        return self.events.get(stage, {}).get(event, 0.0)

    def rejected(self, stage: str) -> float:
        return sum(v for k, v in self.events.get(stage, {}).items() if k.startswith("rejected"))

    def latency_quantile(self, stage: str, quantile: float) -> float | None:
        """Upper bound of the bucket holding the quantile (Prometheus' histogram_quantile, simplified)."""
        buckets = sorted(self.latency_buckets.get(stage, {}).items())
        total = self.latency_count.get(stage, 0.0)
        if not total:
            return None
        for bound, cumulative in buckets:
            if cumulative >= quantile * total:
                return bound
        return None


def parse_exposition(text: str, into: Scrape) -> None:
    """Add the armswatch families of one exposition text to ``into`` (sums across workers)."""
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            stage = sample.labels.get("stage")
            if stage is None:
                continue
            name = sample.name
            if name == "armswatch_events_total":
                event = sample.labels["event"]
                into.events[stage][event] = into.events[stage].get(event, 0.0) + sample.value
            elif name == "armswatch_consumer_lag":
                into.lag[stage] = into.lag.get(stage, 0.0) + sample.value
            elif name == "armswatch_batch_seconds_sum":
                into.batch_seconds[stage] = into.batch_seconds.get(stage, 0.0) + sample.value
            elif name == "armswatch_latency_seconds_sum":
                into.latency_sum[stage] = into.latency_sum.get(stage, 0.0) + sample.value
            elif name == "armswatch_latency_seconds_count":
                into.latency_count[stage] = into.latency_count.get(stage, 0.0) + sample.value
            elif name == "armswatch_latency_seconds_bucket":
                bound = float(sample.labels["le"])
                buckets = into.latency_buckets[stage]
                buckets[bound] = buckets.get(bound, 0.0) + sample.value


def scrape(urls: list[str], timeout: float = 1.0) -> Scrape:
    """Read and sum the metrics of every worker; endpoints that do not answer are listed."""
    result = Scrape()
    for url in urls:
        try:
            with urllib.request.urlopen(url, timeout=timeout) as response:
                parse_exposition(response.read().decode("utf-8", "replace"), result)
        except OSError:
            result.unreachable.append(url)
    return result


class Rate:
    """Messages per minute from a growing total, over the last minute of samples."""

    def __init__(self) -> None:
        self.samples: deque[tuple[float, int]] = deque()

    def add(self, total: int | None) -> float | None:
        if total is None:
            return None
        now = time.monotonic()
        self.samples.append((now, total))
        while self.samples and now - self.samples[0][0] > 60:
            self.samples.popleft()
        first_time, first_total = self.samples[0]
        if now - first_time < 1:
            return None
        return (total - first_total) * 60 / (now - first_time)
