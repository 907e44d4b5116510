"""No worker outlives its supervisor: a worker started the way ``armswatch run`` starts it exits when
the supervisor is killed with SIGKILL, and one that survives anyway is found and stopped."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.supervisor import AlreadyRunning, find_strays, stop_strays

# The supervisor: starts one worker through Supervisor, prints the worker's pid, waits to be killed.
SUPERVISOR = """
import sys, time
from pathlib import Path
from app.supervisor import Supervisor, WorkerSpec
spec = WorkerSpec("sleeper-1", "sleeper", [sys.executable, "-c", sys.argv[3]], 0)
supervisor = Supervisor([spec], Path(sys.argv[1]), {}, print, sys.argv[2])
supervisor.start()
print(supervisor.workers["sleeper-1"].process.pid, flush=True)
time.sleep(120)
"""
# A worker as app/__main__.py starts it: parent death first; ``ignore`` makes it deaf to SIGTERM.
WORKER = """
import signal, sys, time
from app.supervisor import die_with_supervisor
die_with_supervisor()
if {ignore}:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
time.sleep(120)
"""


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state == "Z"  # exited, waiting for whoever adopted it to reap it


def _wait_gone(pid: int, timeout: float) -> float:
    started = time.monotonic()
    while not _gone(pid):
        assert time.monotonic() - started < timeout, f"process {pid} still runs after {timeout} s"
        time.sleep(0.05)
    return time.monotonic() - started


class Launcher:
    """Starts supervisors, each with one worker, under one scope; kills whatever is left at the end."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.scope = f"test-scope-{uuid.uuid4().hex[:8]}"
        self.started: list[tuple[subprocess.Popen[str], int]] = []

    def __call__(self, ignore_term: bool) -> tuple[subprocess.Popen[str], int]:
        """(the supervisor, its worker's pid)."""
        command = [sys.executable, "-c", SUPERVISOR, str(self.directory), self.scope]
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
        supervisor = subprocess.Popen(
            [*command, WORKER.format(ignore=ignore_term)], env=env, stdout=subprocess.PIPE, text=True
        )
        assert supervisor.stdout is not None
        worker = int(supervisor.stdout.readline())
        self.started.append((supervisor, worker))
        return supervisor, worker

    def close(self) -> None:
        for supervisor, worker in self.started:
            supervisor.kill()
            supervisor.wait()
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker, signal.SIGKILL)


@pytest.fixture
def launch(tmp_path: Path) -> Iterator[Launcher]:
    launcher = Launcher(tmp_path)
    yield launcher
    launcher.close()


def test_worker_exits_when_its_supervisor_is_killed(launch: Launcher) -> None:
    supervisor, worker = launch(ignore_term=False)
    time.sleep(1.0)  # the worker has imported and asked for the parent-death signal
    (stray,) = find_strays(launch.scope)
    assert (stray.pid, stray.supervisor, stray.orphaned) == (worker, supervisor.pid, False)
    with pytest.raises(AlreadyRunning, match=f"pid {supervisor.pid}"):
        stop_strays([stray])
    assert not _gone(worker)

    supervisor.send_signal(signal.SIGKILL)
    supervisor.wait()
    assert _wait_gone(worker, timeout=5.0) < 5.0


def test_a_worker_that_survived_its_supervisor_is_found_and_stopped(launch: Launcher) -> None:
    supervisor, worker = launch(ignore_term=True)
    time.sleep(1.0)
    supervisor.send_signal(signal.SIGKILL)
    supervisor.wait()
    time.sleep(0.5)
    (stray,) = find_strays(launch.scope)
    assert (stray.pid, stray.orphaned) == (worker, True) and "die_with_supervisor" in stray.command
    stop_strays([stray], timeout=1.0)  # deaf to SIGTERM: killed after the timeout
    _wait_gone(worker, timeout=5.0)
    assert find_strays(launch.scope) == []
