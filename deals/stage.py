"""The deals stage's declaration: enriched articles in, deals on the compacted deals topic and in
``<prefix>-deals``."""

from __future__ import annotations

from armswatch.config import Settings
from armswatch.stage import StageStats
from armswatch.stagespec import Progress, StageSpec, WorkerOptions
from deals.cli import commands


def _run(settings: Settings, options: WorkerOptions) -> StageStats:
    """Run the deals worker: each article's transfers folded into the deals they report (one supplier,
    recipient and weapon), wire copies counted once, a status timeline per deal.

    Run one: it owns every partition of the enriched topic and keeps the open deals in memory,
    restored from the compacted deals topic when it starts. Offsets are committed after the deals topic
    and Elasticsearch acknowledged a batch's deals.
    """
    from deals import worker

    return worker.run(
        settings, group_id=options.group_id, stop=options.stop, exit_when_idle=options.exit_when_idle
    )


def _setup(settings: Settings, progress: Progress) -> None:
    from deals import worker

    index = worker.setup(settings)
    progress(f"deals topic {settings.topic_deals} and index {index} ready")


STAGE = StageSpec(
    name="deals",
    commands=commands,
    run=_run,
    input_topic=lambda settings: settings.topic_enriched,
    group=lambda settings: settings.deals_group,
    setup=_setup,
    documents=("deals",),
)
