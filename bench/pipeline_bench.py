"""End to end under load: a local feed server publishes N articles (1 in 10 about arms) and the whole
pipeline (``armswatch run``'s supervisor: ingest, enrich ×2, index and alerts worker processes) takes
them to searchable in Elasticsearch.

Reports the sustained rate (articles/s from the first to the last searchable article), the time from
publication to searchable for the median and 95th-percentile article, where the time goes (busy
seconds per stage from the workers' metrics), and, as the ratio against a baseline measured in the
same run, the pipeline's rate against the bare tagger's (one process, in memory, no Kafka or ES).

    armswatch stack up && python bench/pipeline_bench.py [--articles 2000] [--feeds 40] [--json]

The run uses its own namespace (topics and indices ``armswatch-bench-<id>``), deleted afterwards.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from elasticsearch import ApiError, Elasticsearch
from enrich_bench import DEFAULT_DEV, build_mix
from rich.console import Console

from app.demo.server import FeedServer, Item, rss_feed
from app.pipeline import Pipeline, RunOptions, delete_namespace
from armswatch import es as es_plumbing
from armswatch import stack
from armswatch.config import load_settings, namespace_overrides, settings_env
from armswatch.metrics import scrape
from enrich.tagger import Tagger
from ingest.registry import Registry, new_feed


def feeds_of(mix: list[tuple[str, str, str]], feeds: int, base_url: str, tag: str) -> dict[str, bytes]:
    """The mix spread over ``feeds`` RSS documents, every article with its own link."""
    now = datetime.now(UTC)
    items: dict[str, list[Item]] = {f"/bench/{tag}/{n}.xml": [] for n in range(feeds)}
    paths = list(items)
    for number, (text, title, _lang) in enumerate(mix):
        items[paths[number % feeds]].append(
            Item(
                title=f"{title} ({number})",
                link=f"{base_url}/articles/{tag}/{number}",
                description=text,
                published=now - timedelta(seconds=number),
            )
        )
    return {path: rss_feed(f"Bench feed {path}", base_url, entries) for path, entries in items.items()}


def tagger_rate(mix: list[tuple[str, str, str]]) -> tuple[float, str]:
    """Baseline: articles/s of the tagger alone, in this process; plus its profile (top functions)."""
    tagger = Tagger()
    tagger.tag_many(mix[:20])
    began = time.perf_counter()
    tagger.tag_many(mix)
    seconds = time.perf_counter() - began
    profile = cProfile.Profile()  # a second pass: profiling slows the code it measures
    profile.enable()
    tagger.tag_many(mix[:500])
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(12)
    return len(mix) / seconds, out.getvalue()


def count(es: Elasticsearch, index: str) -> int:
    try:
        return int(es.count(index=index)["count"])
    except ApiError:  # 404 before the first document; 503 while a new index's shards start
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--enrich-workers", type=int, default=2)
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    namespace = f"armswatch-bench-{uuid.uuid4().hex[:6]}"
    env = settings_env(namespace_overrides(namespace))
    os.environ.update(env)
    settings = load_settings()
    say = (lambda message: None) if args.json else (lambda message: print(f"· {message}", flush=True))
    stack.up(settings, say)
    mix = build_mix(args.articles, args.dev)
    say(f"baseline: the tagger alone over {len(mix)} articles")
    baseline, profile = tagger_rate(mix)

    stop = threading.Event()
    pipeline = Pipeline(
        settings, RunOptions(scaled_workers=args.enrich_workers), Console(stderr=True), say, env=env
    )
    runner = threading.Thread(target=lambda: pipeline.run(stop), name="pipeline")
    es = es_plumbing.client(settings)
    curve: list[tuple[float, int]] = []
    busy: dict[str, float] = {}
    try:
        with FeedServer() as server:
            runner.start()
            # Warm-up: one small feed, so worker start-up (models loading) is not in the measurement.
            warmup = feeds_of(mix[:5], 1, server.base_url, "warmup")
            for path, body in warmup.items():
                server.publish(path, body)
            with Registry(settings) as registry:
                registry.put([new_feed(server.url(path), full_text=False) for path in warmup])
            deadline = time.monotonic() + 300
            while count(es, f"{namespace}-articles") < 5 and time.monotonic() < deadline:
                time.sleep(0.5)
            say("pipeline warm; publishing the load")
            pages = feeds_of(mix, args.feeds, server.base_url, "load")
            for path, body in pages.items():
                server.publish(path, body)
            published = time.monotonic()
            with Registry(settings) as registry:
                registry.put([new_feed(server.url(path), full_text=False) for path in pages])
            target = len(mix) + 5
            deadline = published + args.timeout
            while time.monotonic() < deadline:
                indexed = count(es, f"{namespace}-articles")
                curve.append((time.monotonic() - published, indexed - 5))
                if indexed >= target:
                    break
                time.sleep(0.5)
            metrics = scrape([spec.metrics_url for spec in pipeline.specs])
            busy = {stage: round(seconds, 1) for stage, seconds in metrics.batch_seconds.items()}
    finally:
        stop.set()
        runner.join(timeout=120)
        es.close()
        delete_namespace(settings, namespace, say)

    def reached(share: float) -> float | None:
        wanted = share * len(mix)
        return next((t for t, n in curve if n >= wanted), None)

    # Sustained: the rate between 5% and 95% searchable, leaving out the first poll and the tail.
    first, nearly_all, last = reached(0.05), reached(0.95), reached(1.0)
    sustained = None
    if first is not None and nearly_all is not None and nearly_all > first:
        sustained = 0.9 * len(mix) / (nearly_all - first)
    report = {
        "articles": len(mix),
        "feeds": args.feeds,
        "enrich_workers": args.enrich_workers,
        "searchable": curve[-1][1] if curve else 0,
        "all_searchable_after_s": last,
        "sustained_articles_per_s": round(sustained, 1) if sustained else None,
        "latency_to_searchable_p50_s": reached(0.5),
        "latency_to_searchable_p95_s": reached(0.95),
        "baseline_tagger_articles_per_s": round(baseline, 1),
        "ratio_pipeline_to_tagger": round(sustained / baseline, 2) if sustained else None,
        "busy_seconds_per_stage": busy,  # ingest: summed over concurrent polls
    }
    if args.json:
        print(json.dumps(report))
        return
    for key, value in report.items():
        print(f"{key:34} {value}")
    print("\nprofile of the slowest stage (the tagger, in one process):\n" + profile)


if __name__ == "__main__":
    main()
