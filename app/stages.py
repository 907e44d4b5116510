"""Every stage of the pipeline, read from the stages' own declarations (``<stage>/stage.py``).

The order is the data's: sources first. ``armswatch run`` starts the workers in this order and stops
them in it too, so downstream workers drain what is already in flight. Adding a stage is one folder
with its ``stage.py`` and one line here.
"""

from __future__ import annotations

from alerts.stage import STAGE as ALERTS
from armswatch.config import Settings
from armswatch.kafka import ensure_topics
from armswatch.stagespec import Progress, StageSpec
from dashboards.stage import STAGE as DASHBOARDS
from deals.stage import STAGE as DEALS
from enrich.stage import STAGE as ENRICH
from index.stage import STAGE as INDEX
from ingest.stage import STAGE as INGEST

STAGES: tuple[StageSpec, ...] = (INGEST, ENRICH, INDEX, DEALS, ALERTS, DASHBOARDS)


def worker_stages() -> list[StageSpec]:
    """The stages that run workers, in the data's order."""
    return [stage for stage in STAGES if stage.run is not None]


def set_up(settings: Settings, progress: Progress) -> list[str]:
    """The topics the stages share, then each stage's own setup: everything the workers expect.
    Idempotent; returns the topics created."""
    created = ensure_topics(settings)
    progress(f"topics ready ({len(created)} created)")
    for stage in STAGES:
        if stage.setup is not None:
            stage.setup(settings, progress)
    return created
