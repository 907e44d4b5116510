"""``armswatch run --demo``: the real pipeline on bundled sample feeds, offline.

Everything runs in its own namespace (``armswatch-demo`` topics, consumer groups and indices),
wiped at each start so the demo always shows articles flowing from the beginning; the user's own
feeds, topics and indices are never touched.
"""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime

from elasticsearch import ApiError, Elasticsearch, TransportError
from rich.console import Console

from app.demo import DEMO_ALERT_QUERY, demo_feeds
from app.demo.server import FeedServer
from app.live import View
from app.pipeline import (
    Pipeline,
    RunOptions,
    delete_namespace,
)
from armswatch import es as es_plumbing
from armswatch import stack
from armswatch.config import DEMO_NAMESPACE, Settings, load_settings, namespace_overrides, settings_env
from armswatch.stagespec import Progress

DEMO_RULE_NAME = "demo: Iranian drones to Russia"


def register_demo_feeds(settings: Settings, server: FeedServer, now: datetime) -> int:
    """Serve the demo feeds, dated up to ``now``, and register them (no full-text fetch: the
    summaries are the articles)."""
    from ingest.registry import Registry, new_feed

    feeds = []
    for feed, document in demo_feeds(now, server.base_url).items():
        server.publish(feed.path, document)
        feeds.append(new_feed(server.url(feed.path), name=feed.title, language=feed.lang, full_text=False))
    with Registry(settings) as registry:
        return registry.put(feeds)


def add_demo_rule(settings: Settings) -> None:
    """A rule whose alerts go to the worker's log (and, like every alert, to the alerts index)."""
    from alerts.rules import new_rule
    from alerts.store import add_rule

    es = es_plumbing.client(settings)
    try:
        rule = new_rule(DEMO_RULE_NAME, DEMO_ALERT_QUERY, now=datetime.now(UTC), channels=["log"])
        add_rule(es, settings.index_prefix, rule)
    finally:
        es.close()


class DemoNotes:
    """What the demo adds under the live view: the search it ran and how to run others."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.es: Elasticsearch = es_plumbing.client(settings, request_timeout=5)
        self.found: list[str] = []

    def __call__(self, view: View) -> list[str]:
        if not self.found and (view.health.documents.get("mentions") or 0) > 0:
            self.found = self._search()
        notes = [
            f"demo: search «{DEMO_ALERT_QUERY}» → "
            + ("; ".join(self.found) if self.found else "waiting for the first indexed transfers")
        ]
        notes.append(
            "demo: try  armswatch search --demo drones   or  armswatch status --demo   "
            "(in another terminal; Ctrl-C here stops the demo)"
        )
        return notes

    def _search(self) -> list[str]:
        from index.search import QueryError, search

        try:
            page = search(self.es, self.settings.index_prefix, DEMO_ALERT_QUERY, size=3)
        except (QueryError, ApiError, TransportError):  # shards starting, node busy: next tick
            return []
        return [
            f"{hit['pair'].replace('>', ' → ')} {hit['category']} ({hit.get('source')}, "
            f"{str(hit.get('published_at'))[:10]})"
            for hit in page.hits
        ]

    def close(self) -> None:
        self.es.close()


def run_demo(options: RunOptions, stop: threading.Event, console: Console, progress: Progress) -> View:
    overrides = namespace_overrides(DEMO_NAMESPACE)
    env = settings_env(overrides)
    os.environ.update(env)  # this process and every worker it starts use the demo namespace
    settings = load_settings()
    stack.up(settings, progress)
    delete_namespace(settings, DEMO_NAMESPACE, progress)
    with FeedServer() as server:
        count = register_demo_feeds(settings, server, datetime.now(UTC))
        progress(f"demo feeds served on {server.base_url}: {count} feeds registered")
        notes = DemoNotes(settings)
        try:
            pipeline = Pipeline(
                settings,
                options,
                console,
                progress,
                env=env,
                on_tick=notes,
                before_workers=lambda: add_demo_rule(settings),
            )
            return pipeline.run(stop)
        finally:
            notes.close()
