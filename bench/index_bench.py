"""Indexer throughput: Kafka to searchable, against a bare ``helpers.bulk`` of the same documents.

Both runs write the same documents (N articles, each with one transfer mention) into the same local
Elasticsearch node, in one run; the report gives documents per second and their ratio.

    armswatch stack up && python bench/index_bench.py [--articles 10000] [--rounds 4] [--json]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from multiprocessing.synchronize import Event

from elasticsearch import ApiError, Elasticsearch, helpers
from kafka import KafkaProducer

from armswatch import es as es_plumbing
from armswatch import samples
from armswatch.config import Settings, load_settings
from armswatch.kafka import ensure_topics, producer_config
from armswatch.log import configure_logging
from armswatch.schema import EnrichedArticle
from enrich.lexicon import english_names
from index import worker
from index.actions import bulk_actions
from index.templates import ensure_templates

SETTLE_SECONDS = 3.0
WORKER_IMPORT_SECONDS = 5.0


def corpus(articles: int) -> list[EnrichedArticle]:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    items = []
    for number in range(articles):
        sentence = f"Iran has supplied Russia with {number} Shahed drones, officials said."
        article = samples.article(
            f"bench-{number}",
            title=f"Report {number}",
            text=sentence + " " + "Markets were calm. " * 20,
            when=start + timedelta(hours=number),
        )
        mention = samples.transfer(sentence, status="alleged")
        lemmas = "iran have supply russia"
        items.append(samples.enriched(article, [mention], lemmas=lemmas, extractor="bench"))
    return items


def count(es: Elasticsearch, prefix: str) -> int:
    """Searchable documents (no forced refresh: both runs wait for the same 1 s refresh cycle)."""
    try:
        return int(
            es.count(
                index=f"{prefix}-articles,{prefix}-mentions", ignore_unavailable=True, allow_no_indices=True
            )["count"]
        )
    except ApiError:  # 503 while a new monthly index's shards start
        return 0


@dataclass(frozen=True)
class Run:
    seconds: float  # from the start to every document searchable
    steady_rate: float  # documents per second from the first searchable ones to the last


def wait_for_count(
    es: Elasticsearch, prefix: str, expected: int, began: float, timeout: float = 600.0
) -> Run:
    """Wait until ``expected`` documents are searchable. The steady rate leaves out what comes before
    the first searchable documents: a worker's start (connections, group join) or nothing at all."""
    deadline = time.monotonic() + timeout
    first: tuple[float, int] | None = None
    while (found := count(es, prefix)) < expected:
        if found and first is None:
            first = (time.perf_counter(), found)
        if time.monotonic() > deadline:
            raise TimeoutError(f"{prefix}: {found} of {expected} documents searchable after {timeout:.0f}s")
        time.sleep(0.1)
    end = time.perf_counter()
    first_at, first_found = first or (began, 0)
    return Run(end - began, (expected - first_found) / max(end - first_at, 1e-6))


def cleanup(es: Elasticsearch, prefix: str) -> None:
    names = list(es.indices.get(index=f"{prefix}-*", allow_no_indices=True))
    for first in range(0, len(names), 40):  # a request line holds at most 4 KiB of names
        es.indices.delete(index=",".join(names[first : first + 40]))
    for kind in ("articles", "mentions"):
        es.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-{kind}-v1")


def bare_bulk(es: Elasticsearch, items: list[EnrichedArticle], prefix: str) -> Run:
    ensure_templates(es, prefix)
    actions = [action for item in items for action in bulk_actions(item, prefix)]
    began = time.perf_counter()
    helpers.bulk(es, actions, chunk_size=500)
    return wait_for_count(es, prefix, len(actions), began)


def through_indexer(
    settings: Settings, es: Elasticsearch, items: list[EnrichedArticle], workers: int = 1
) -> Run:
    """Publish the documents, then time indexer processes (one consumer group) until all are searchable."""
    ensure_topics(settings)
    producer = KafkaProducer(**producer_config(settings, "bench"))
    for item in items:
        producer.send(settings.topic_enriched, key=item.article.id.encode(), value=item.to_json())
    producer.flush()
    producer.close()
    expected = 2 * len(items)
    # Worker processes, as deployed, started and imported before the clock starts.
    context = multiprocessing.get_context("spawn")
    start, stop = context.Event(), context.Event()
    group = f"bench-{uuid.uuid4().hex[:6]}"
    processes = [
        context.Process(target=index_when_started, args=(settings, group, start, stop))
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    time.sleep(WORKER_IMPORT_SECONDS)
    began = time.perf_counter()
    start.set()
    try:
        return wait_for_count(es, settings.index_prefix, expected, began)
    finally:
        stop.set()
        for process in processes:
            process.join()


def index_when_started(settings: Settings, group: str, start: Event, stop: Event) -> None:
    english_names()  # loaded once per process, as in a long-running worker: not part of throughput
    start.wait()
    worker.run(settings, group_id=group, stop=stop)  # type: ignore[arg-type]


def settled(es: Elasticsearch, prefix: str, timed_run: Callable[[], Run]) -> Run:
    """Time one run, then delete what it wrote and let the node settle: indices left behind keep
    merging in the background and would slow whichever run comes next."""
    try:
        return timed_run()
    finally:
        cleanup(es, prefix)
        time.sleep(SETTLE_SECONDS)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument(
        "--rounds",
        type=int,
        default=4,
        help="rounds, alternating which run goes first; medians are reported",
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="indexer processes in one consumer group (scale-out)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    configure_logging("WARNING")  # rejected documents and back-pressure are logged with their reasons
    base = load_settings()
    es = es_plumbing.client(base)
    items = corpus(args.articles)
    documents = 2 * len(items)
    bare_runs: list[Run] = []
    indexer_runs: list[Run] = []
    for round_number in range(args.rounds):
        run = uuid.uuid4().hex[:6]
        settings = base.model_copy(
            update={
                "topic_enriched": f"bench-enriched-{run}",
                "index_prefix": f"bench-ix-{run}",
                "topic_dead_letter": f"bench-dlq-{run}",
            }
        )
        bare_prefix = f"bench-bare-{run}"
        runs = [
            (bare_runs, bare_prefix, partial(bare_bulk, es, items, bare_prefix)),
            (
                indexer_runs,
                settings.index_prefix,
                partial(through_indexer, settings, es, items, args.workers),
            ),
        ]
        # Alternate which goes first, so that neither always meets the node just after the other.
        for measured, prefix, timed_run in runs if round_number % 2 == 0 else reversed(runs):
            measured.append(settled(es, prefix, timed_run))
    bare = statistics.median(run.seconds for run in bare_runs)
    indexer = statistics.median(run.seconds for run in indexer_runs)
    bare_steady = statistics.median(run.steady_rate for run in bare_runs)
    indexer_steady = statistics.median(run.steady_rate for run in indexer_runs)
    report = {
        "documents": documents,
        "rounds": args.rounds,
        "indexer_workers": args.workers,
        "bare_bulk_docs_per_second": round(documents / bare, 1),
        "indexer_docs_per_second": round(documents / indexer, 1),
        "indexer_to_bare_ratio": round(bare / indexer, 2),
        "ratios_per_round": [
            round(b.seconds / i.seconds, 2) for b, i in zip(bare_runs, indexer_runs, strict=True)
        ],
        # From the first searchable documents on: the worker's start-up left out.
        "bare_steady_docs_per_second": round(bare_steady, 1),
        "indexer_steady_docs_per_second": round(indexer_steady, 1),
        "steady_ratio": round(indexer_steady / bare_steady, 2),
    }
    print(json.dumps(report) if args.json else "\n".join(f"{k:28} {v}" for k, v in report.items()))


if __name__ == "__main__":
    main()
