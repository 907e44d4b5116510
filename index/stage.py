"""The index stage's declaration: enriched articles in, article and mention documents in Elasticsearch."""

from __future__ import annotations

from armswatch.config import Settings
from armswatch.stage import StageStats
from armswatch.stagespec import Progress, StageSpec, WorkerOptions
from index.cli import commands, root_commands


def _run(settings: Settings, options: WorkerOptions) -> StageStats:
    """Run an indexer: enriched articles and their transfer mentions into Elasticsearch, exactly once.

    Offsets are committed after Elasticsearch acknowledged every document of a batch; an unreachable
    or overloaded cluster pauses consumption. Documents Elasticsearch refuses go to the dead-letter topic.
    """
    from index import worker

    return worker.run(
        settings, group_id=options.group_id, stop=options.stop, exit_when_idle=options.exit_when_idle
    )


def _setup(settings: Settings, progress: Progress) -> None:
    from index import worker

    version, _templates = worker.setup(settings)
    progress(f"index templates ready (version {version})")


STAGE = StageSpec(
    name="index",
    commands=commands,
    root_commands=root_commands,
    run=_run,
    input_topic=lambda settings: settings.topic_enriched,
    group=lambda settings: settings.index_group,
    setup=_setup,
    documents=("articles", "mentions"),
)
