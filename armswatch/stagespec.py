"""A stage's declaration: everything the application needs to know to wire the stage in.

Each stage folder exports one ``STAGE = StageSpec(...)`` from its ``stage.py``; the application lists
them (``app/stages.py``), and ``armswatch run``, ``status``, ``setup`` and the command line read
nothing else about a stage. The core defines the type and never imports a stage.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import typer

from armswatch.config import Settings

if TYPE_CHECKING:
    from armswatch.stage import StageStats

Progress = Callable[[str], None]


@dataclass(frozen=True)
class WorkerOptions:
    """What ``armswatch <stage> run`` asks of a worker: the same options for every stage."""

    stop: threading.Event
    group_id: str | None = None
    exit_when_idle: float | None = None


@dataclass(frozen=True)
class StageSpec:
    """One stage, as the application sees it.

    ``commands`` is the stage's command group (``armswatch <name> …``); the application adds its
    ``run`` command when the stage has a worker, with the options every worker shares.
    ``root_commands`` are the stage's commands that sit at the top (``armswatch search``).
    ``run`` blocks until ``WorkerOptions.stop`` is set and returns the outcome counts.
    ``input_topic`` and ``group`` name what the stage's consumer group reads (for its lag);
    ``setup`` creates what its workers expect (idempotent; Kafka topics beyond the shared ones,
    indices, templates); ``documents`` are the Elasticsearch aliases it fills (``<prefix>-<kind>``).
    """

    name: str
    commands: typer.Typer
    root_commands: typer.Typer | None = None
    run: Callable[[Settings, WorkerOptions], StageStats] | None = None
    input_topic: Callable[[Settings], str] | None = None
    group: Callable[[Settings], str] | None = None
    setup: Callable[[Settings, Progress], None] | None = None
    documents: tuple[str, ...] = ()
    # `armswatch run` starts one worker per core (--workers NAME=N overrides), else one.
    one_per_core: bool = False
    # A worker that polls on its own schedule (feeds) is never idle: --exit-when-idle is refused.
    stops_when_idle: bool = True
    # `armswatch <name>` with no command starts a worker: the spelling from before `<name> run`.
    bare_name_runs: bool = False
