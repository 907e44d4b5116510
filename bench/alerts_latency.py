"""End-to-end alert latency on the local stack: an article on the raw topic -> the webhook receives it.

Runs an enrich worker and an alerts worker as threads of this process (their real loops, on fresh
topics, consumer groups and indices), a rule `supplier:IR AND category:drones` with a webhook channel
to an HTTP receiver on 127.0.0.1, then publishes articles one by one at a steady rate and measures,
per article, the time from the raw-topic send to the webhook's receipt. The baseline, measured in the
same run, is the raw topic -> enriched topic latency (the enrich stage alone); the report gives p50
and p95 of both against the 5 s target.

    armswatch stack up && python bench/alerts_latency.py [--articles 60] [--rate 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from kafka import KafkaConsumer, KafkaProducer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from alerts import store
from alerts import worker as alerts_worker
from alerts.rules import new_rule
from armswatch import es as es_plumbing
from armswatch import samples
from armswatch.config import load_settings
from armswatch.kafka import consumer_config, ensure_topics, producer_config
from armswatch.log import configure_logging
from enrich import worker as enrich_worker
from tests.alerts_receivers import http_receiver

TARGET_P95_SECONDS = 5.0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rate", type=float, default=5.0, help="articles per second")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    configure_logging("WARNING", None)
    run = uuid.uuid4().hex[:8]
    settings = load_settings().model_copy(
        update={
            "topic_raw": f"bench-raw-{run}",
            "topic_enriched": f"bench-enriched-{run}",
            "topic_dead_letter": f"bench-dlq-{run}",
            "topic_alerts": f"bench-alerts-{run}",
            "raw_partitions": 1,
            "enriched_partitions": 1,
            "index_prefix": f"bench-alerts-{run}",
            "enrich_group": f"bench-enrich-{run}",
            "alerts_group": f"bench-alerts-{run}",
        }
    )
    ensure_topics(settings)
    es = es_plumbing.client(settings)
    store.ensure_indices(es, settings.index_prefix)
    stop = threading.Event()
    sent: dict[str, float] = {}
    enriched_at: dict[str, float] = {}
    with http_receiver() as receiver:
        rule = new_rule(
            "bench",
            "supplier:IR AND category:drones",
            now=datetime.now(UTC),
            channels=[f"webhook:{receiver.url}"],
        )
        store.add_rule(es, settings.index_prefix, rule)
        workers = [
            threading.Thread(target=enrich_worker.run, args=(settings,), kwargs={"stop": stop}),
            threading.Thread(target=alerts_worker.run, args=(settings,), kwargs={"stop": stop}),
        ]
        for thread in workers:
            thread.start()
        tail = KafkaConsumer(
            settings.topic_enriched, **consumer_config(settings, f"bench-tail-{run}", "bench")
        )

        def watch_enriched() -> None:
            while not stop.is_set():
                for records in tail.poll(timeout_ms=200).values():
                    for record in records:
                        enriched_at.setdefault(record.key.decode(), time.time())

        watcher = threading.Thread(target=watch_enriched)
        watcher.start()
        producer = KafkaProducer(**producer_config(settings, "bench"))
        # Warm-up: the first article pays for model loading and group joins; it is not measured.
        _publish(producer, settings.topic_raw, "warmup", sent)
        receiver.wait_for(1, timeout=180)
        for number in range(args.articles):
            _publish(producer, settings.topic_raw, f"{run}-{number}", sent)
            time.sleep(1 / args.rate)
        receiver.wait_for(args.articles + 1, timeout=60)
        received = {
            alert["article_id"]: request_time
            for request, request_time in zip(receiver.requests, receiver.times, strict=True)
            for alert in request.json()["alerts"]
        }
        stop.set()
        for thread in [*workers, watcher]:
            thread.join(timeout=60)
        tail.close()
        producer.close()
    measured = [key for key in sent if key != "warmup"]
    alert_latency = [received[key] - sent[key] for key in measured if key in received]
    enrich_latency = [enriched_at[key] - sent[key] for key in measured if key in enriched_at]
    for kind in store.INDICES:
        es.options(ignore_status=404).indices.delete(index=store.index_of(settings.index_prefix, kind))
    es.close()
    report = {
        "articles": len(measured),
        "alerts_received": len(alert_latency),
        "rate_per_second": args.rate,
        "alert_p50_seconds": round(statistics.median(alert_latency), 3),
        "alert_p95_seconds": round(percentile(alert_latency, 0.95), 3),
        "alert_max_seconds": round(max(alert_latency), 3),
        "baseline_enrich_p50_seconds": round(statistics.median(enrich_latency), 3),
        "baseline_enrich_p95_seconds": round(percentile(enrich_latency, 0.95), 3),
        "target_p95_seconds": TARGET_P95_SECONDS,
        "p95_within_target": percentile(alert_latency, 0.95) < TARGET_P95_SECONDS,
    }
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:>30}: {value}")


def _publish(producer: KafkaProducer, topic: str, key: str, sent: dict[str, float]) -> None:
    text = "Iran has delivered hundreds of Shahed drones to Russia, officials said on Tuesday."
    title = "Iran delivers drones to Russia"
    article = samples.article(key, title=title, text=text, source="Bench", language="en")
    sent[key] = time.time()
    producer.send(topic, key=key.encode(), value=article.to_json())
    producer.flush()


if __name__ == "__main__":
    main()
