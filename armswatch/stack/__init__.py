"""The local stack: a real Kafka broker and a real Elasticsearch node on 127.0.0.1, without Docker.

Services configured as external (``ARMSWATCH_KAFKA_BOOTSTRAP``, ``ARMSWATCH_ELASTICSEARCH_URL``) are
never started here: that is how production and docker-compose run.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from armswatch.config import Settings
from armswatch.stack import elasticsearch_server, kafka_server
from armswatch.stack.artifacts import Progress
from armswatch.stack.processes import ManagedProcess, StackError

__all__ = ["ServiceStatus", "StackError", "down", "logs", "status", "up"]


@dataclass(frozen=True)
class ServiceStatus:
    """What ``armswatch stack status`` reports for one service."""

    name: str
    address: str
    managed: bool
    running: bool
    ready: bool
    pid: int | None
    resident_memory_mb: float | None
    detail: str


def _services(
    settings: Settings,
) -> list[tuple[str, bool, ManagedProcess, Callable[[Settings, Progress], None]]]:
    return [
        ("kafka", settings.uses_local_kafka, kafka_server.process(settings), kafka_server.start),
        (
            "elasticsearch",
            settings.uses_local_elasticsearch,
            elasticsearch_server.process(settings),
            elasticsearch_server.start,
        ),
    ]


def up(settings: Settings, progress: Progress) -> dict[str, float]:
    """Start every local service not already running; return the seconds each start took.

    Blocks until each service is ready. Raises StackError with the reason and the last log lines.
    """
    to_start = []
    for name, local, managed, start in _services(settings):
        if not local:
            progress(f"{name}: external, not started here")
        elif managed.pid() is not None:
            progress(f"{name}: already running (pid {managed.pid()})")
        else:
            to_start.append((name, managed, start))
    timings: dict[str, float] = {}
    try:
        for name, _managed, start in to_start:
            began = time.monotonic()
            start(settings, progress)
            timings[name] = time.monotonic() - began
            progress(f"{name}: ready in {timings[name]:.1f}s")
    except BaseException:
        # Leave nothing half-started behind: stop what this call started, then report.
        for _name, managed, _start in to_start:
            managed.stop()
        raise
    return timings


def down(settings: Settings, purge: bool, progress: Progress) -> None:
    """Stop the local services (data kept unless ``purge``)."""
    for name, _local, managed, _start in reversed(_services(settings)):
        if managed.stop():
            progress(f"{name}: stopped")
        else:
            progress(f"{name}: not running")
    if purge:
        for service_home in (kafka_server.home(settings), elasticsearch_server.home(settings)):
            shutil.rmtree(service_home, ignore_errors=True)
        progress(f"removed data under {settings.stack_dir}")


def status(settings: Settings) -> list[ServiceStatus]:
    """The state of both services, local or external."""
    kafka_ready = kafka_server.metadata_ready(settings.bootstrap_servers)
    health = elasticsearch_server.health_status(settings.es_url)
    checks = {
        "kafka": (
            settings.bootstrap_servers,
            kafka_ready,
            "answers metadata requests" if kafka_ready else "no answer",
        ),
        "elasticsearch": (
            settings.es_url,
            health in ("yellow", "green"),
            f"cluster health {health}" if health else "no answer",
        ),
    }
    result = []
    for name, local, managed, _start in _services(settings):
        address, ready, detail = checks[name]
        pid = managed.pid() if local else None
        memory = managed.resident_memory_bytes() / 2**20 if pid else None
        result.append(
            ServiceStatus(
                name,
                address,
                local,
                pid is not None or not local,
                ready,
                pid,
                round(memory, 1) if memory is not None else None,
                detail,
            )
        )
    return result


def logs(settings: Settings, service: str, lines: int) -> list[str]:
    """The last ``lines`` of a local service's log."""
    for name, _local, managed, _start in _services(settings):
        if name == service:
            return managed.tail(lines)
    raise StackError(f"unknown service {service!r}; choose kafka or elasticsearch")


def status_dicts(settings: Settings) -> list[dict[str, object]]:
    return [asdict(item) for item in status(settings)]
