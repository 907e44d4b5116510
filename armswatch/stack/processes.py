"""Process bookkeeping for the local servers: pid files, liveness, ports, stopping, memory, logs."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil


class StackError(RuntimeError):
    """A local server could not be set up or started; the message says what to do next."""


@dataclass(frozen=True)
class ManagedProcess:
    """A server started by armswatch, in its own process group whose id is stored in ``pid_file``.

    The server writes its own ``log_file``; what it prints (JVM errors before logging starts) goes
    to ``console_file``.
    """

    name: str
    pid_file: Path
    log_file: Path
    console_file: Path

    def pid(self) -> int | None:
        """The group leader's pid when it is alive, else None (a stale pid file is removed)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        if _alive(pid):
            return pid
        self.pid_file.unlink(missing_ok=True)
        return None

    def start(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        cwd: Path,
        user: str | None = None,
    ) -> int:
        """Start ``argv`` detached in a new session, its output appended to the console file."""
        self.console_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.console_file, "ab") as log:
            proc = subprocess.Popen(
                list(argv),
                cwd=cwd,
                env=dict(env),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                user=user,
                group=user,
                extra_groups=[] if user else None,
            )
        self.pid_file.parent.mkdir(parents=True, exist_ok=True)
        self.pid_file.write_text(f"{proc.pid}\n")
        return proc.pid

    def stop(self, timeout: float = 60.0) -> bool:
        """SIGTERM the process group and every descendant (the JVM a launcher script starts may leave
        the group); SIGKILL what is left after ``timeout``. Returns when all are gone; True if it ran."""
        pid = self.pid()
        if pid is None:
            return False
        members = _family(pid)
        _signal_group(pid, signal.SIGTERM)
        for member in members:
            with contextlib.suppress(psutil.NoSuchProcess):
                member.terminate()
        _gone, alive = psutil.wait_procs(members, timeout=timeout)
        for member in alive:
            with contextlib.suppress(psutil.NoSuchProcess):
                member.kill()
        psutil.wait_procs(alive)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        self.pid_file.unlink(missing_ok=True)
        return True

    def resident_memory_bytes(self) -> int:
        """Resident memory of every process in the group (the launcher and the JVMs it spawned)."""
        pid = self.pid()
        if pid is None:
            return 0
        total = 0
        for member in _family(pid):
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                total += member.memory_info().rss
        return total

    def tail(self, lines: int = 40) -> list[str]:
        """The last lines of the console output and of the log file (empty if there are none yet)."""
        return _tail(self.console_file, lines // 4) + _tail(self.log_file, lines)


def _tail(path: Path, lines: int) -> list[str]:
    try:
        with open(path, errors="replace") as handle:
            return [line.rstrip("\n") for line in deque(handle, maxlen=lines)]
    except FileNotFoundError:
        return []


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie child of ours counts as gone)."""
    try:
        return bool(psutil.Process(pid).status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True


def _family(pid: int) -> list[psutil.Process]:
    """The processes of the group ``pid`` leads and every descendant of ``pid``, zombies left out."""
    family: dict[int, psutil.Process] = {}
    with contextlib.suppress(psutil.NoSuchProcess):
        leader = psutil.Process(pid)
        family = {member.pid: member for member in [leader, *leader.children(recursive=True)]}
    for process in psutil.process_iter():
        with contextlib.suppress(ProcessLookupError, psutil.NoSuchProcess):
            if process.pid not in family and os.getpgid(process.pid) == pid:
                family[process.pid] = process
    return [member for member in family.values() if _alive(member.pid)]


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, sig)


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    """True when something accepts TCP connections on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def require_free_ports(service: str, ports: Mapping[str, int]) -> None:
    """Refuse to start when another program already listens on one of our ports."""
    for setting, port in ports.items():
        if port_open(port):
            raise StackError(
                f"cannot start {service}: port {port} on 127.0.0.1 is already used by another program. "
                f"Stop that program or choose another port with ARMSWATCH_{setting.upper()}."
            )


def wait_until(
    ready: Callable[[], bool],
    *,
    process: ManagedProcess,
    timeout: float,
    what: str,
    interval: float = 0.5,
) -> None:
    """Poll ``ready`` until true; fail with the log's last lines if the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    while True:
        if process.pid() is None:
            raise StackError(f"{what} exited during start-up. Last log lines:\n" + "\n".join(process.tail()))
        if ready():
            return
        if time.monotonic() > deadline:
            raise StackError(
                f"{what} was not ready after {timeout:.0f}s (raise ARMSWATCH_STACK_START_TIMEOUT if the "
                "machine is slow). Last log lines:\n" + "\n".join(process.tail())
            )
        time.sleep(interval)
