"""The enrich stage's declaration: raw articles in, articles with their states and transfers out."""

from __future__ import annotations

from armswatch.config import Settings
from armswatch.stage import StageStats
from armswatch.stagespec import StageSpec, WorkerOptions
from enrich.cli import commands, root_commands


def _run(settings: Settings, options: WorkerOptions) -> StageStats:
    """Run an enrich worker: raw articles in, enriched articles (states, transfers) out.

    Start one per core; Kafka's consumer group shares the raw topic's partitions among them.
    Rejected messages go to the dead-letter topic with the reason.
    """
    from enrich import worker

    return worker.run(
        settings, group_id=options.group_id, stop=options.stop, exit_when_idle=options.exit_when_idle
    )


STAGE = StageSpec(
    name="enrich",
    commands=commands,
    root_commands=root_commands,
    run=_run,
    input_topic=lambda settings: settings.topic_raw,
    group=lambda settings: settings.enrich_group,
    one_per_core=True,
    bare_name_runs=True,
)
