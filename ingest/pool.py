"""The parser pool: ``parse_feed`` in child processes, each feed bounded in CPU time and memory.

What remains unbounded in feedparser itself (a pathological but legal document) costs a child
process, replaced when one is killed, never the worker.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import math
import multiprocessing
import multiprocessing.process
import queue
import resource
import signal
from datetime import datetime
from multiprocessing.connection import Connection
from typing import Any

from armswatch.schema import Feed
from ingest.parse import FeedError, ParsedFeed, bounded, parse_feed

_Request = tuple[bytes, Feed, datetime, str | None]


class ParserPool:
    """Child processes running ``parse_feed``, each feed bounded in CPU time and memory.

    A child gets ``cpu_seconds`` of CPU per feed (``RLIMIT_CPU``: the kernel stops it beyond) and
    ``memory_mb`` of address space above its own start-up size (``RLIMIT_AS``); a child that overruns,
    crashes or does not answer within ``wall_seconds`` is killed and replaced, and the feed fails with a
    ``FeedError`` whose reason is ``parse_timeout``, ``parse_memory`` or ``parse_crashed``. Use it as a
    context manager (``with ParserPool(2) as pool: ...``); children come from a fork server that imported
    this module once, so starting or replacing one costs milliseconds and never forks a threaded parent.
    As with any multiprocessing start method but fork, the main module must not start a pool on import
    (guard it with ``if __name__ == "__main__":``).
    """

    def __init__(
        self,
        workers: int = 1,
        *,
        cpu_seconds: int = 2,
        memory_mb: int = 512,
        wall_seconds: float | None = None,
    ) -> None:
        if workers < 1 or cpu_seconds < 1 or memory_mb < 1:
            raise ValueError("workers, cpu_seconds and memory_mb must be at least 1")
        self.cpu_seconds = cpu_seconds
        self.memory_bytes = memory_mb * 1024 * 1024
        # Wall time only catches a child that stopped answering without using CPU: leave room for a
        # loaded machine, on which CPU seconds take longer.
        self.wall_seconds = wall_seconds if wall_seconds is not None else max(10.0, 5.0 * cpu_seconds)
        self._context = multiprocessing.get_context("forkserver")
        # The fork server imports the main module once, so a new child does not import it again (the
        # `armswatch` script imports every stage's CLI): children start in milliseconds.
        self._context.set_forkserver_preload(["__main__", __name__])
        self._idle: queue.SimpleQueue[_Child] = queue.SimpleQueue()
        self._threads = concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="feed-parser")
        self._workers = workers
        self._closed = False
        for _ in range(workers):
            self._idle.put(self._spawn())

    def __enter__(self) -> ParserPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def parse(
        self, body: bytes, feed: Feed, *, fetched_at: datetime, content_type: str | None = None
    ) -> ParsedFeed:
        """``parse_feed`` in a child process, awaited without blocking the event loop.

        Raises:
            FeedError: what ``parse_feed`` raises, or ``parse_timeout``, ``parse_memory``,
                ``parse_crashed``, ``parse_failed`` (an unexpected error in the parser, with its type).
        """
        loop = asyncio.get_running_loop()
        request: _Request = (body, feed, fetched_at, content_type)
        return await loop.run_in_executor(self._threads, self._exchange, request)

    def parse_bounded(
        self, body: bytes, feed: Feed, *, fetched_at: datetime, content_type: str | None = None
    ) -> ParsedFeed:
        """Like ``parse`` but blocking: for command-line tools. Raises the same ``FeedError``s."""
        return self._threads.submit(self._exchange, (body, feed, fetched_at, content_type)).result()

    def close(self) -> None:
        """Stop the children (killed if they do not stop within a second). Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._threads.shutdown(wait=True)
        for _ in range(self._workers):
            self._idle.get().stop()

    def _spawn(self) -> _Child:
        parent_end, child_end = self._context.Pipe()
        process = self._context.Process(
            target=_serve_parses,
            args=(child_end, self.cpu_seconds, self.memory_bytes),
            name="armswatch-feed-parser",
            daemon=True,
        )
        process.start()
        child_end.close()
        return _Child(process, parent_end)

    def _exchange(self, request: _Request) -> ParsedFeed:
        child = self._idle.get()
        try:
            return child.run(request, self.wall_seconds)
        finally:
            self._idle.put(child if child.healthy else self._replace(child))

    def _replace(self, child: _Child) -> _Child:
        child.stop()
        return self._spawn()


class _Child:
    """One parser process and the parent's end of its pipe."""

    def __init__(self, process: multiprocessing.process.BaseProcess, connection: Connection) -> None:
        self.process = process
        self.connection = connection
        self.healthy = True

    def run(self, request: _Request, wall_seconds: float) -> ParsedFeed:
        try:
            self.connection.send(request)
            if not self.connection.poll(wall_seconds):
                self.healthy = False
                raise FeedError(
                    "parse_timeout", f"the parser did not answer within {wall_seconds:g} s and was stopped"
                )
            outcome = self.connection.recv()
        except (EOFError, OSError):
            self.healthy = False
            raise self._death() from None
        if outcome[0] == "ok":
            parsed: ParsedFeed = outcome[1]
            return parsed
        _, reason, message, healthy = outcome
        self.healthy = healthy
        raise FeedError(reason, message)

    def _death(self) -> FeedError:
        self.process.join(timeout=2)
        code = self.process.exitcode
        if code is not None and -code in (signal.SIGXCPU, signal.SIGKILL):
            return FeedError("parse_timeout", "the feed took more CPU time than a feed may: parser stopped")
        return FeedError("parse_crashed", f"the parser process died (exit code {code})")

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(timeout=1)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.connection.close()


def _serve_parses(connection: Connection, cpu_seconds: int, memory_bytes: int) -> None:
    """The child's loop: one request at a time until ``None`` or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # a CPU-limit kill must not write a core file
    _limit(resource.RLIMIT_AS, _address_space() + memory_bytes)
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        except MemoryError:
            connection.send(("error", "parse_memory", "the feed is too large to receive", False))
            return
        if request is None:
            return
        body, feed, fetched_at, content_type = request
        usage = resource.getrusage(resource.RUSAGE_SELF)
        _limit(resource.RLIMIT_CPU, math.ceil(usage.ru_utime + usage.ru_stime + cpu_seconds))
        try:
            parsed = parse_feed(body, feed, fetched_at=fetched_at, content_type=content_type)
            outcome: tuple[Any, ...] = ("ok", parsed)
        except FeedError as error:
            outcome = ("error", error.reason, str(error), True)
        except MemoryError:
            outcome = ("error", "parse_memory", "the feed needs more memory than a feed may", False)
        except Exception as error:  # a bug in the parser: reported for this feed, the worker goes on
            outcome = ("error", "parse_failed", f"{type(error).__name__}: {bounded(str(error), 300)}", True)
        del request, body
        connection.send(outcome)
        if outcome[0] == "error" and not outcome[-1]:
            return  # after a memory overrun the heap is not worth keeping: the parent starts a new child


def _limit(which: int, soft: int) -> None:
    _, hard = resource.getrlimit(which)
    resource.setrlimit(which, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _address_space() -> int:
    """This process's virtual memory size (Linux ``/proc``; 0 elsewhere: the bound is then absolute)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * resource.getpagesize()
    except OSError:
        return 0
