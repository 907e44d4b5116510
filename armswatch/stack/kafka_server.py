"""A single-node Kafka (KRaft, combined broker and controller) on 127.0.0.1, from Maven jars."""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import subprocess
import uuid
from importlib import resources
from pathlib import Path

from armswatch.config import Settings
from armswatch.stack import artifacts
from armswatch.stack.processes import (
    ManagedProcess,
    StackError,
    port_open,
    require_free_ports,
    wait_until,
)

NAME = "kafka"


def home(settings: Settings) -> Path:
    return settings.stack_dir / NAME


def process(settings: Settings) -> ManagedProcess:
    state = home(settings)
    return ManagedProcess(
        NAME, state / "kafka.pid", state / "logs" / "server.log", state / "logs" / "console.log"
    )


def server_properties(settings: Settings, data_dir: Path) -> str:
    """The broker configuration: one combined node, replication factor 1 everywhere."""
    lines = {
        "process.roles": "broker,controller",
        "node.id": "1",
        "controller.quorum.voters": f"1@127.0.0.1:{settings.kafka_controller_port}",
        "listeners": f"PLAINTEXT://127.0.0.1:{settings.kafka_port},"
        f"CONTROLLER://127.0.0.1:{settings.kafka_controller_port}",
        "advertised.listeners": f"PLAINTEXT://127.0.0.1:{settings.kafka_port}",
        "controller.listener.names": "CONTROLLER",
        "inter.broker.listener.name": "PLAINTEXT",
        "listener.security.protocol.map": "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs": str(data_dir),
        "num.partitions": "1",
        "offsets.topic.replication.factor": "1",
        "transaction.state.log.replication.factor": "1",
        "transaction.state.log.min.isr": "1",
        "share.coordinator.state.topic.replication.factor": "1",
        "share.coordinator.state.topic.min.isr": "1",
        "min.insync.replicas": "1",
        "group.initial.rebalance.delay.ms": "0",
        "auto.create.topics.enable": "false",
        "log.retention.hours": "-1",
    }
    return "".join(f"{key}={value}\n" for key, value in lines.items())


def _cluster_id(state: Path) -> str:
    path = state / "cluster-id"
    if not path.exists():
        path.write_text(base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=") + "\n")
    return path.read_text().strip()


def _java(settings: Settings) -> str:
    jdk = artifacts.find_jdk(17, settings.java_home, "Kafka 4")
    return str(jdk / "bin" / "java")


def metadata_ready(bootstrap: str) -> bool:
    """True when the broker answers a metadata request."""
    from kafka import KafkaAdminClient
    from kafka.errors import KafkaError

    host, _, port = bootstrap.split(",")[0].rpartition(":")
    # Probe the socket first: kafka-python logs every refused connection as an error.
    if not port_open(int(port), host or "127.0.0.1"):
        return False
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=bootstrap, request_timeout_ms=3000, bootstrap_timeout_ms=3000
        )
    except (KafkaError, OSError, ValueError):
        return False
    try:
        admin.list_topics()
        return True
    except (KafkaError, OSError):
        return False
    finally:
        with contextlib.suppress(Exception):
            admin.close()


def start(settings: Settings, progress: artifacts.Progress) -> None:
    """Fetch, format (first time) and start the broker, then wait until it answers metadata requests."""
    managed = process(settings)
    if managed.pid() is not None:
        return
    require_free_ports(
        "Kafka", {"kafka_port": settings.kafka_port, "kafka_controller_port": settings.kafka_controller_port}
    )
    lib = artifacts.kafka_libs(settings.cache_dir, settings.kafka_version, progress)
    java = _java(settings)
    state = home(settings)
    data = state / "data"
    logs = state / "logs"
    for folder in (data, logs):
        folder.mkdir(parents=True, exist_ok=True)
    config = state / "server.properties"
    config.write_text(server_properties(settings, data))
    log_config = state / "log4j2.properties"
    shutil.copyfile(
        Path(str(resources.files("armswatch.stack") / "poms" / "kafka" / "log4j2.properties")), log_config
    )
    classpath = f"{lib}/*"
    if not (data / "meta.properties").exists():
        progress("formatting Kafka storage")
        formatted = subprocess.run(
            [
                java,
                "-cp",
                classpath,
                f"-Dlog4j2.configurationFile={log_config}",
                f"-Dkafka.logs.dir={logs}",
                "kafka.tools.StorageTool",
                "format",
                "-t",
                _cluster_id(state),
                "-c",
                str(config),
                "--ignore-formatted",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if formatted.returncode != 0:
            raise StackError("formatting Kafka storage failed:\n" + formatted.stdout + formatted.stderr)
    progress(f"starting Kafka {settings.kafka_version} on 127.0.0.1:{settings.kafka_port}")
    heap = settings.kafka_heap
    managed.start(
        [
            java,
            f"-Xms{heap}",
            f"-Xmx{heap}",
            "-XX:+UseG1GC",
            "-Djava.awt.headless=true",
            f"-Dlog4j2.configurationFile={log_config}",
            f"-Dkafka.logs.dir={logs}",
            "-cp",
            classpath,
            "kafka.Kafka",
            str(config),
        ],
        env=os.environ,
        cwd=state,
    )
    wait_until(
        lambda: metadata_ready(settings.bootstrap_servers),
        process=managed,
        timeout=settings.stack_start_timeout,
        what="Kafka",
    )
