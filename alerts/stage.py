"""The alerts stage's declaration: enriched articles in, alerts delivered to the rules' channels."""

from __future__ import annotations

from alerts.cli import commands
from armswatch.config import Settings
from armswatch.stage import StageStats
from armswatch.stagespec import Progress, StageSpec, WorkerOptions


def _run(settings: Settings, options: WorkerOptions) -> StageStats:
    """Run an alerts worker: evaluate every enabled rule on each enriched article and deliver the alerts.

    Several workers may run: Kafka splits the articles among them, Elasticsearch holds the shared rules,
    the fired alerts (one per rule, article and set of transfers) and the delivery outbox with its
    retries. Rule changes apply within ARMSWATCH_ALERTS_RULES_REFRESH_SECONDS.
    """
    from alerts import worker

    return worker.run(
        settings, group_id=options.group_id, stop=options.stop, exit_when_idle=options.exit_when_idle
    )


def _setup(settings: Settings, progress: Progress) -> None:
    from alerts.store import ensure_indices
    from armswatch import es as es_plumbing

    es = es_plumbing.client(settings)
    try:
        ensure_indices(es, settings.index_prefix, settings.index_replicas)
    finally:
        es.close()
    progress("alert rule, alert and outbox indices ready")


STAGE = StageSpec(
    name="alerts",
    commands=commands,
    run=_run,
    input_topic=lambda settings: settings.topic_enriched,
    group=lambda settings: settings.alerts_group,
    setup=_setup,
    documents=("alerts",),
)
