"""The ingest stage's declaration: feeds in (the registry), raw articles out."""

from __future__ import annotations

from armswatch.config import Settings
from armswatch.stage import StageStats
from armswatch.stagespec import Progress, StageSpec, WorkerOptions
from ingest.cli import commands, root_commands


def _run(settings: Settings, options: WorkerOptions) -> StageStats:
    """Run an ingest worker: poll the feeds of its share of the registry, publish new articles.

    Start several (on one machine or many) with the same group: Kafka splits the feeds among them and
    moves a stopped worker's feeds to the others within seconds. With no feed registered, the shipped
    default list is registered first. Articles go to the raw topic once Kafka acknowledged them; Ctrl-C
    or SIGTERM stops after saving each feed's state.
    """
    from ingest import worker

    return worker.run(settings, stop=options.stop, group_id=options.group_id)


def _setup(settings: Settings, progress: Progress) -> None:
    from ingest.registry import ensure_feed_topics

    ensure_feed_topics(settings)
    progress(f"feed topics ready ({settings.topic_feeds}, {settings.topic_feed_state})")


STAGE = StageSpec(
    name="ingest",
    commands=commands,
    root_commands=root_commands,
    run=_run,
    # The group shares the feeds' partitions among the workers; it commits no offsets (no lag).
    group=lambda settings: settings.ingest_group,
    setup=_setup,
    stops_when_idle=False,
    bare_name_runs=True,
)
