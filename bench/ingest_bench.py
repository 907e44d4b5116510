"""Feeds per minute for one ingest worker against a local server with 2,000 feeds.

The worker does the whole job for every feed: fetch (with all its checks), parse in its bounded child
processes, publish the new entries to a real Kafka topic, wait for the acknowledgements, save the
feed's state. The baseline, measured in the same run, is bare httpx fetching the same 2,000 feeds
with the same concurrency, and nothing else: the ratio says what parsing, publishing and the
safeguards cost on top of the network.

All feeds are on one local server, standing in for many hosts: the per-host limit is raised to the
worker's concurrency. Needs the stack: ``armswatch stack up && python bench/ingest_bench.py``.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
from kafka import KafkaConsumer, TopicPartition

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from feedserver import FeedServer, Page, items, rss20

from armswatch.config import Settings, load_settings
from ingest import worker
from ingest.registry import Registry, ensure_feed_topics, new_feed


def messages_in(settings: Settings, topic: str) -> int:
    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap_servers)
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return sum(consumer.end_offsets(partitions).values())
    finally:
        consumer.close()


async def bare_fetch(urls: list[str], concurrency: int) -> float:
    """Seconds for plain httpx to GET every URL, ``concurrency`` at a time."""
    limit = asyncio.Semaphore(concurrency)
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=concurrency)) as client:

        async def get(url: str) -> None:
            async with limit:
                (await client.get(url)).raise_for_status()

        began = time.perf_counter()
        await asyncio.gather(*(get(url) for url in urls))
        return time.perf_counter() - began


def measure_worker(settings: Settings, feeds: int, timeout: float) -> tuple[float, float]:
    """(seconds from start until every feed's state is saved, seconds from first to last save)."""
    stop = threading.Event()
    thread = threading.Thread(target=worker.run, kwargs={"settings": settings, "stop": stop, "defaults": []})
    began = time.perf_counter()
    thread.start()
    first = None
    try:
        while True:
            saved = messages_in(settings, settings.topic_feed_state)
            now = time.perf_counter()
            if saved and first is None:
                first = now
            if saved >= feeds:
                return now - began, now - (first or began)
            if now - began > timeout:
                raise SystemExit(f"only {saved} of {feeds} feeds done after {timeout:.0f}s")
            time.sleep(0.25)
    finally:
        stop.set()
        thread.join(120)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--feeds", type=int, default=2000)
    parser.add_argument("--entries", type=int, default=20, help="entries per feed")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()

    run = uuid.uuid4().hex[:8]
    base = load_settings()
    settings = base.model_copy(
        update={
            "topic_feeds": f"bench-feeds-{run}",
            "topic_feed_state": f"bench-feed-state-{run}",
            "topic_raw": f"bench-raw-{run}",
            "ingest_group": f"bench-ingest-{run}",
            "allow_private_addresses": True,
            "fetch_per_host_concurrency": base.ingest_concurrency,
        }
    )
    with FeedServer() as server:
        for n in range(args.feeds):
            server.pages[f"/bench/{n}"] = Page(rss20(items(f"feed{n}", args.entries), title=f"Feed {n}"))
        urls = [server.url(f"/bench/{n}") for n in range(args.feeds)]
        size = sum(len(page.body) for page in server.pages.values()) / args.feeds
        print(
            f"{args.feeds} feeds of {args.entries} entries ({size / 1024:.1f} KiB each) on {server.base_url}"
        )

        baseline = asyncio.run(bare_fetch(urls, settings.ingest_concurrency))
        ensure_feed_topics(settings)
        with Registry(settings) as registry:
            registry.put([new_feed(url, full_text=False) for url in urls])
        total, steady = measure_worker(settings, args.feeds, args.timeout)
        published = messages_in(settings, settings.topic_raw)

    per_minute = args.feeds / total * 60
    steady_per_minute = args.feeds / steady * 60 if steady else float("inf")
    baseline_per_minute = args.feeds / baseline * 60
    print(f"bare httpx fetch (baseline): {baseline_per_minute:,.0f} feeds/min ({baseline:.1f}s)")
    print(
        f"ingest worker: {per_minute:,.0f} feeds/min including start-up ({total:.1f}s), "
        f"{steady_per_minute:,.0f} feeds/min once running ({steady:.1f}s); {published:,} articles published"
    )
    ratio, steady_ratio = per_minute / baseline_per_minute, steady_per_minute / baseline_per_minute
    print(f"ratio worker/baseline: {ratio:.2f} (steady {steady_ratio:.2f})")


if __name__ == "__main__":
    main()
