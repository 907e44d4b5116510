"""Worker processes of ``armswatch run``: start them, restart a crashed one with backoff, stop them all.

Each worker is an ordinary ``armswatch <role>`` command in its own process (and session, so a
terminal's Ctrl-C reaches only the supervisor, which then stops the workers in order with SIGTERM:
each finishes its batch and commits before leaving).

No worker outlives its supervisor: each asks the kernel for SIGTERM when its parent dies, however it
dies (``kill -9`` included), and a new ``armswatch run`` finds workers of the same pipeline that an
older supervisor left behind (started before this protection, or stuck) and stops them, since they
would share the consumer groups with its own.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from armswatch.backoff import Backoff

# A worker that stayed up this long is healthy again: its next crash restarts it quickly.
HEALTHY_AFTER_SECONDS = 60.0
# Restarts of a worker that keeps crashing: 1, 2, 4 … 60 s apart (no jitter: one supervisor).
RESTART_BACKOFF = Backoff(initial=1.0, maximum=60.0, jitter=0.0)
# What marks a worker process: the supervisor that started it, and the pipeline it serves (Kafka
# servers and consumer groups), so that a later run can recognise it.
SUPERVISOR_ENV = "ARMSWATCH_SUPERVISOR_PID"
SCOPE_ENV = "ARMSWATCH_RUN_SCOPE"
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
STRAY_STOP_SECONDS = 30.0


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
    return RESTART_BACKOFF.delay(failures)


def die_with_supervisor() -> None:
    """In a worker a supervisor started: have SIGTERM sent to it when the supervisor dies, however
    it dies, so that it never stays in its consumer group beside the next run's workers. A no-op in
    a process started otherwise. Linux: the kernel's parent-death signal; elsewhere a thread that
    watches the parent."""
    supervisor = os.environ.get(SUPERVISOR_ENV)
    if not supervisor:
        return
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    else:
        threading.Thread(target=_watch_parent, name="parent-watch", daemon=True).start()
    if os.getppid() != int(supervisor):
        os.kill(os.getpid(), signal.SIGTERM)  # it died before the signal was asked for


def _watch_parent() -> None:
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(1.0)
    os.kill(os.getpid(), signal.SIGTERM)


@dataclass(frozen=True)
class Stray:
    """A worker process of this pipeline that the running supervisor did not start."""

    pid: int
    supervisor: int
    command: str
    orphaned: bool  # its supervisor is gone; else another run is still supervising it


class AlreadyRunning(Exception):
    """Another ``armswatch run`` supervises workers of the same pipeline."""


def find_strays(scope: str, proc: Path = Path("/proc")) -> list[Stray]:
    """Worker processes marked with ``scope`` that this process did not start (Linux ``/proc``;
    nothing elsewhere). A worker's own children carry the marks too and are left to their worker."""
    marked: dict[int, tuple[int, int, str]] = {}
    for entry in proc.glob("[0-9]*"):
        pid = int(entry.name)
        try:
            environ = dict(
                item.split(b"=", 1) for item in (entry / "environ").read_bytes().split(b"\0") if b"=" in item
            )
            if environ.get(SCOPE_ENV.encode()) != scope.encode():
                continue
            stat = (entry / "stat").read_text()
            parent = int(stat[stat.rindex(")") + 2 :].split()[1])
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            supervisor = int(environ.get(SUPERVISOR_ENV.encode(), b"0"))
        except (OSError, ValueError):
            continue  # gone meanwhile, or not ours to read
        marked[pid] = (parent, supervisor, command.strip())
    return [
        Stray(pid, supervisor, command, orphaned=parent != supervisor)
        for pid, (parent, supervisor, command) in sorted(marked.items())
        if supervisor != os.getpid() and parent not in marked
    ]


def stop_strays(strays: list[Stray], timeout: float = STRAY_STOP_SECONDS) -> None:
    """SIGTERM the strays (each finishes its batch and commits), SIGKILL those still there after
    ``timeout``. Raises AlreadyRunning, stopping nothing, when another run still supervises some."""
    supervised = sorted({stray.supervisor for stray in strays if not stray.orphaned})
    if supervised:
        raise AlreadyRunning(
            f"armswatch run (pid {', '.join(map(str, supervised))}) is already running this pipeline; "
            f"stop it first (Ctrl-C in its terminal, or kill {' '.join(map(str, supervised))})"
        )
    for stray in strays:
        _signal(stray.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(_alive(stray.pid) for stray in strays):
        time.sleep(0.2)
    for stray in strays:
        _signal(stray.pid, signal.SIGKILL)


def _signal(pid: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError):  # already gone
        os.kill(pid, number)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


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
    """Runs the workers; call ``check()`` periodically, ``stop()`` once.

    ``scope`` names the pipeline the workers serve (see ``find_strays``); empty, they are not marked.
    """

    specs: list[WorkerSpec]
    log_dir: Path
    env: dict[str, str]
    announce: Callable[[str], None]
    scope: str = ""
    workers: dict[str, _Worker] = field(default_factory=dict)

    def start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for spec in self.specs:
            worker = self.workers.setdefault(spec.name, _Worker(spec))
            self._launch(worker)

    def _launch(self, worker: _Worker) -> None:
        env = {
            **os.environ,
            **self.env,
            "ARMSWATCH_METRICS_PORT": str(worker.spec.metrics_port),
            "ARMSWATCH_WORKER_NAME": worker.spec.name,
            SUPERVISOR_ENV: str(os.getpid()),
            **({SCOPE_ENV: self.scope} if self.scope else {}),
        }
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
