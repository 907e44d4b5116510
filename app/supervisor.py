"""Worker processes of ``armswatch run``: start them, restart a crashed one with backoff, stop them all.

Each worker is an ordinary ``armswatch <role>`` command in its own process (and session, so a
terminal's Ctrl-C reaches only the supervisor, which then stops the workers in order with SIGTERM:
each finishes its batch and commits before leaving).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# A worker that stayed up this long is healthy again: its next crash restarts it quickly.
HEALTHY_AFTER_SECONDS = 60.0
MAX_RESTART_DELAY = 60.0


@dataclass(frozen=True)
class WorkerSpec:
    name: str
    role: str
    argv: list[str]
    metrics_port: int

    @property
    def metrics_url(self) -> str:
        return f"http://127.0.0.1:{self.metrics_port}/metrics"


def plan_workers(roles: list[tuple[str, int]], base_port: int) -> list[WorkerSpec]:
    """One spec per process, each an ``armswatch ROLE run``: ``roles`` are (role, processes), sources
    first (the order ``stop`` follows)."""
    specs: list[WorkerSpec] = []
    for role, copies in roles:
        for number in range(1, copies + 1):
            specs.append(
                WorkerSpec(
                    name=f"{role}-{number}",
                    role=role,
                    argv=[sys.executable, "-m", "app", role, "run"],
                    metrics_port=base_port + len(specs),
                )
            )
    return specs


def restart_delay(failures: int) -> float:
    """Seconds before restarting a worker that crashed ``failures`` times in a row: 1, 2, 4 … 60."""
    return float(min(MAX_RESTART_DELAY, 2 ** max(0, failures - 1)))


@dataclass
class _Worker:
    spec: WorkerSpec
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    failures: int = 0
    restarts: int = 0
    restart_at: float | None = None
    last_exit: int | None = None


@dataclass
class Supervisor:
    """Runs the workers; call ``check()`` periodically, ``stop()`` once."""

    specs: list[WorkerSpec]
    log_dir: Path
    env: dict[str, str]
    announce: Callable[[str], None]
    workers: dict[str, _Worker] = field(default_factory=dict)

    def start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for spec in self.specs:
            worker = self.workers.setdefault(spec.name, _Worker(spec))
            self._launch(worker)

    def _launch(self, worker: _Worker) -> None:
        env = {**os.environ, **self.env, "ARMSWATCH_METRICS_PORT": str(worker.spec.metrics_port)}
        log_file = (self.log_dir / f"{worker.spec.name}.log").open("ab")
        try:
            worker.process = subprocess.Popen(
                worker.spec.argv, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
            )
        finally:
            log_file.close()  # the child holds its own descriptor
        worker.started = time.monotonic()
        worker.restart_at = None

    def check(self) -> None:
        """Notice crashed workers and restart the ones whose backoff has elapsed."""
        now = time.monotonic()
        for worker in self.workers.values():
            if worker.process is not None and worker.process.poll() is not None:
                code = worker.process.returncode
                worker.process = None
                worker.last_exit = code
                worker.failures = 1 if now - worker.started > HEALTHY_AFTER_SECONDS else worker.failures + 1
                delay = restart_delay(worker.failures)
                worker.restart_at = now + delay
                self.announce(
                    f"{worker.spec.name} exited with code {code}; restarting in {delay:.0f} s "
                    f"(log: {self.log_dir / (worker.spec.name + '.log')})"
                )
            if worker.process is None and worker.restart_at is not None and now >= worker.restart_at:
                worker.restarts += 1
                self._launch(worker)
                self.announce(f"{worker.spec.name} restarted (restart #{worker.restarts})")

    def alive(self, role: str) -> tuple[int, int]:
        """(running, planned) workers of a role."""
        workers = [w for w in self.workers.values() if w.spec.role == role]
        return sum(1 for w in workers if w.process is not None), len(workers)

    def restarts(self) -> int:
        return sum(worker.restarts for worker in self.workers.values())

    def stop(self, timeout: float = 60.0) -> None:
        """SIGTERM every worker, role by role in the plan's order (sources first, so downstream workers
        can drain what is already in flight); SIGKILL whatever is still running after ``timeout``."""
        for role in dict.fromkeys(spec.role for spec in self.specs):
            running = [w for w in self.workers.values() if w.spec.role == role and w.process is not None]
            for worker in running:
                assert worker.process is not None
                worker.process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + timeout
            for worker in running:
                assert worker.process is not None
                try:
                    worker.process.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    self.announce(f"{worker.spec.name} did not stop within {timeout:.0f} s; killing it")
                    worker.process.kill()
                    worker.process.wait()
                worker.process = None
            if running:
                self.announce(f"{role} stopped")
        for worker in self.workers.values():
            worker.restart_at = None
