"""How long a stage stalls when one of its workers is killed (kill -9) and restarted a second later.

Two worker processes share a 4-partition topic through their consumer group and echo every record
(the stage loop of ``armswatch.stage`` with a trivial handler); a producer writes 40 records a second.
One worker is killed and restarted after 1 s, as ``armswatch run`` does. Measured, for each mode:

- ``stall``: from the kill until every partition flows again (its records arrive downstream);
- ``peer_gap``: the longest pause of the surviving worker's own partitions (did the peer stop too?).

Modes, in the same run: ``dynamic`` is the former setting (dynamic members, kafka-python's 45 s session);
``static`` is ``armswatch run``'s (static members named after the worker, 10 s session).

    python bench/recovery_bench.py [--json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from functools import partial
from typing import Any

from kafka import KafkaConsumer, KafkaProducer

from armswatch.config import Settings, load_settings
from armswatch.kafka import consumer_config, ensure_topics, producer_config
from armswatch.log import configure_logging
from armswatch.schema import Feed
from armswatch.stage import Output, TopicLimits, run_stage

PARTITIONS = 4
RATE = 40.0
OBSERVE_SECONDS = 70.0
LEGACY_SESSION_MS = 45_000


def worker_main(mode: str, name: str, source: str, target: str, group: str) -> None:
    """One echo worker until SIGTERM: ``static`` members as under ``armswatch run``, else the old way."""
    configure_logging("INFO")
    settings = load_settings(worker_name=name if mode == "static" else None)
    config = consumer_config(settings, group, f"bench-{name}")
    if mode == "dynamic":
        config["session_timeout_ms"] = LEGACY_SESSION_MS
    source_consumer = KafkaConsumer(source, **config)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())

    def echo(items: Any) -> Any:
        return [Output(target, name, f"{i.message.partition} {i.record.url}".encode()) for i in items], []

    try:
        run_stage(
            stage="bench",
            consumer=source_consumer,
            new_producer=partial(KafkaProducer, **producer_config(settings, f"bench-{name}")),
            dead_letter_topic=target,
            reads=Feed,
            handle=echo,
            limits=TopicLimits(settings),
            stop=stop,
        )
    finally:
        source_consumer.close()


def _spawn(mode: str, name: str, topics: tuple[str, str], group: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, __file__, "--worker", mode, name, *topics, group]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure(settings: Settings, mode: str) -> dict[str, float]:
    run = uuid.uuid4().hex[:8]
    source, target, group = f"bench-recovery-in-{run}", f"bench-recovery-out-{run}", f"bench-recovery-{run}"
    ensure_topics(settings, {source: PARTITIONS, target: 1})
    workers = {name: _spawn(mode, name, (source, target), group) for name in ("w1", "w2")}
    arrivals: dict[int, list[float]] = defaultdict(list)
    by_worker: dict[str, set[int]] = defaultdict(set)
    owner: dict[int, str] = {}  # who echoed each partition's latest record
    done = threading.Event()

    def produce() -> None:
        producer = KafkaProducer(**producer_config(settings, "bench-recovery-source"))
        sent = 0
        while not done.is_set():
            value = Feed(url=f"https://example.org/{sent}", added_at=datetime.now(UTC)).to_json()
            producer.send(source, value=value, partition=sent % PARTITIONS)
            sent += 1
            time.sleep(1 / RATE)
        producer.close()

    def read() -> None:
        reader = KafkaConsumer(target, **consumer_config(settings, f"{group}-reader", "bench-reader"))
        while not done.is_set():
            for records in reader.poll(timeout_ms=200).values():
                for record in records:
                    partition = int(record.value.split()[0])
                    arrivals[partition].append(time.monotonic())
                    by_worker[record.key.decode()].add(partition)
                    owner[partition] = record.key.decode()
        reader.close()

    threads = [threading.Thread(target=produce), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    try:
        deadline = time.monotonic() + 60
        while len({p for ps in by_worker.values() for p in ps}) < PARTITIONS or len(by_worker) < 2:
            if time.monotonic() > deadline:
                raise SystemExit("the workers did not share the partitions within 60 s")
            time.sleep(0.5)
        time.sleep(3)
        peer_partitions = {partition for partition, worker in owner.items() if worker == "w2"}
        killed = time.monotonic()
        workers["w1"].kill()
        workers["w1"].wait()
        time.sleep(1.0)
        workers["w1"] = _spawn(mode, "w1", (source, target), group)
        time.sleep(OBSERVE_SECONDS)
    finally:
        done.set()
        for thread in threads:
            thread.join()
        for process in workers.values():
            process.terminate()
        for process in workers.values():
            process.wait(timeout=60)

    def longest_gap(partition: int) -> float:
        times = [killed] + [t for t in arrivals[partition] if t > killed]
        return max(b - a for a, b in itertools.pairwise(times)) if len(times) > 1 else OBSERVE_SECONDS

    return {
        "stall": round(max(longest_gap(p) for p in range(PARTITIONS)), 1),
        "peer_gap": round(max((longest_gap(p) for p in peer_partitions), default=0.0), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--worker", nargs=5, metavar=("MODE", "NAME", "SOURCE", "TARGET", "GROUP"))
    arguments = parser.parse_args()
    if arguments.worker:
        worker_main(*arguments.worker)
        return
    configure_logging("ERROR")
    settings = load_settings()
    results = {mode: measure(settings, mode) for mode in ("dynamic", "static")}
    results["ratio_stall"] = {
        "dynamic/static": round(results["dynamic"]["stall"] / results["static"]["stall"], 1)
    }
    if arguments.json:
        print(json.dumps(results))
        return
    for mode in ("dynamic", "static"):
        stall, gap = results[mode]["stall"], results[mode]["peer_gap"]
        print(f"{mode:8} stall {stall:5.1f} s   surviving peer paused {gap:5.1f} s")
    print(f"stall ratio dynamic/static: {results['ratio_stall']['dynamic/static']}")


if __name__ == "__main__":
    main()
