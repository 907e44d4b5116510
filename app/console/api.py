"""The console's JSON API: each handler reads or changes Elasticsearch or Kafka through the stages' own
functions (search compiler, alert store and tester, feed registry, OPML, health probe).

Handlers are plain functions (Starlette runs them in its thread pool); a user error answers 400 with
one sentence, an unreachable service 503 with what to do. Nothing sent to the page holds a secret:
channels appear as their labels (``webhook:host``), delivery errors with URLs cut to their host.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from kafka import KafkaConsumer, TopicPartition
from kafka.errors import KafkaError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from alerts import store as alert_store
from alerts.channels import channel_label
from alerts.matcher import UnsupportedQuery
from alerts.rules import Rule, RuleError, new_rule, rule_id
from alerts.testing import history_matches
from app.console.queries import (
    RANGES,
    explore_body,
    explore_result,
    export_body,
    facets,
    interval_for,
    search_body,
)
from app.console.security import redact_urls
from app.console.stream import LiveStream, stream_predicate
from app.console.views import StreamFilters, article_card, filters_query, flat_row, mention_card
from app.health import HealthProbe, read_runtime
from app.live import stage_rows
from armswatch.config import Settings
from armswatch.schema import DeadLetter
from index.actions import read_alias, state_name
from index.search import Filters, Kind, QueryError, build_body
from ingest.opml import OpmlError, read_opml, write_opml
from ingest.registry import Registry, RegistryError, new_feed

PAGE_SIZE = 25
EXPORT_LIMIT = 10_000
DEAD_LETTERS = 50
RECENT_ALERTS = 50


class UserError(ValueError):
    """A request the user can fix: answered 400 with the message."""


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def answers(handler: Callable[..., Any]) -> Callable[..., Any]:
    """Turn the errors a handler may meet into one-sentence JSON answers."""

    def wrapped(request: Request) -> Any:
        state: ConsoleState = request.app.state.console
        try:
            result = handler(state, request)
        except (UserError, QueryError, RuleError, OpmlError, UnsupportedQuery) as error:
            return _error(400, str(error))
        except (TransportError, ApiError) as error:
            return _error(
                503,
                f"Elasticsearch at {state.settings.es_url} did not answer ({error}); "
                "is it running (armswatch stack status)?",
            )
        except (KafkaError, RegistryError) as error:
            return _error(
                503,
                f"Kafka at {state.settings.bootstrap_servers} did not answer ({error}); "
                "is it running (armswatch stack status)?",
            )
        return result if isinstance(result, Response) else JSONResponse(result)

    wrapped.__name__ = handler.__name__
    wrapped.__doc__ = handler.__doc__
    return wrapped


class ConsoleState:
    """What the handlers share: settings, the Elasticsearch client, the live stream, the registry."""

    def __init__(self, settings: Settings, es: Elasticsearch, csrf_token: str) -> None:
        self.settings = settings
        self.es = es
        self.csrf_token = csrf_token
        self.stream = LiveStream(settings, es, self.feeds_failing)
        self._registry: Registry | None = None
        self._probe: HealthProbe | None = None
        self._lock = threading.Lock()
        self._probe_lock = threading.Lock()  # the probe's Kafka clients serve one snapshot at a time

    @property
    def prefix(self) -> str:
        return self.settings.index_prefix

    def registry(self) -> Registry:
        with self._lock:
            if self._registry is None:
                self._registry = Registry(self.settings)
            return self._registry

    def probe(self) -> HealthProbe:
        """The health probe; call with ``_probe_lock`` held."""
        if self._probe is None:
            self._probe = HealthProbe(self.settings)
        return self._probe

    def feeds_failing(self) -> int | None:
        try:
            return sum(1 for item in self.registry().health() if item.state and item.state.failures > 0)
        except (KafkaError, RegistryError):
            return None

    def close(self) -> None:
        self.stream.close()
        if self._registry is not None:
            self._registry.__exit__(None, None, None)
        if self._probe is not None:
            self._probe.close()


# Live.


def _compiled(filters: StreamFilters) -> Any:
    try:
        return stream_predicate(filters)
    except UnsupportedQuery as error:
        raise UserError(f"the live stream cannot use this query: {error}") from None


async def live_events(request: Request) -> Response:
    """Server-sent events: ``transfer`` (a new matching transfer) and ``counters``."""
    state: ConsoleState = request.app.state.console
    try:
        predicate = _compiled(StreamFilters.from_params(request.query_params))
    except (UserError, QueryError) as error:
        return _error(400, str(error))
    try:
        deal_predicate = stream_predicate(StreamFilters.from_params(request.query_params), "deals")
    except (QueryError, UnsupportedQuery):
        deal_predicate = None  # a filter deals have not (a language): the page gets transfers only
    subscriber = state.stream.subscribe(predicate, asyncio.get_running_loop(), deal_predicate)

    async def events() -> Any:
        try:
            yield "retry: 2000\n\n"
            while True:
                try:
                    item = await asyncio.wait_for(subscriber.queue.get(), timeout=15)
                except TimeoutError:
                    yield ": keep-alive\n\n"
                    continue
                if item is None:
                    return
                kind, data = item
                yield f"event: {kind}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
        finally:
            state.stream.unsubscribe(subscriber)

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@answers
def live_recent(state: ConsoleState, request: Request) -> Any:
    """The newest transfers matching the filters (what the page shows before the stream adds more)."""
    filters = StreamFilters.from_params(request.query_params)
    _compiled(filters)
    body = export_body(filters_query(filters), Filters(), "mentions", 50, None)
    body["sort"] = [{"enriched_at": "desc"}, {"id": "asc"}]
    try:
        response = state.es.search(index=read_alias(state.prefix, "mentions"), **body)
    except NotFoundError:
        return {"transfers": []}
    return {"transfers": [mention_card(hit["_source"]) for hit in response["hits"]["hits"]]}


@answers
def counters(state: ConsoleState, request: Request) -> Any:
    return state.stream.counters


# Search and export.


def _filters(request: Request) -> tuple[str, Filters, Kind]:
    params = request.query_params
    kind: Kind = "articles" if params.get("kind") == "articles" else "mentions"
    since = params.get("since") or None
    if since in RANGES:
        since = RANGES[since][0] or None
    values = {
        name: (params.get(name) or None)
        for name in ("supplier", "recipient", "category", "status", "lang", "source", "until")
    }
    return params.get("q") or "", Filters(since=since, **values), kind


def _size(request: Request, default: int, ceiling: int) -> int:
    try:
        return max(1, min(ceiling, int(request.query_params.get("size") or default)))
    except ValueError:
        raise UserError("size must be a number") from None


@answers
def search(state: ConsoleState, request: Request) -> Any:
    """A page of hits (newest first) with facets and highlights; ``after`` pages on."""
    text, filters, kind = _filters(request)
    after_text = request.query_params.get("after")
    try:
        after = json.loads(after_text) if after_text else None
    except ValueError:
        raise UserError("after must be the next_after value of the previous page") from None
    size = _size(request, PAGE_SIZE, 200)
    try:
        response = state.es.search(
            index=read_alias(state.prefix, kind), **search_body(text, filters, kind, size, after)
        )
    except NotFoundError:
        return {"total": 0, "hits": [], "next_after": None, "facets": {}, "kind": kind}
    hits = response["hits"]["hits"]
    card = mention_card if kind == "mentions" else article_card
    return {
        "kind": kind,
        "total": response["hits"]["total"]["value"],
        "hits": [card(hit["_source"], hit.get("highlight")) for hit in hits],
        "next_after": hits[-1]["sort"] if len(hits) == size else None,
        "facets": facets(response.get("aggregations") or {}),
    }


def _all_hits(state: ConsoleState, text: str, filters: Filters, kind: Kind) -> Iterator[dict[str, Any]]:
    after = None
    sent = 0
    while sent < EXPORT_LIMIT:
        size = min(1000, EXPORT_LIMIT - sent)
        try:
            response = state.es.search(
                index=read_alias(state.prefix, kind), **export_body(text, filters, kind, size, after)
            )
        except NotFoundError:
            return
        hits = response["hits"]["hits"]
        for hit in hits:
            yield flat_row(hit["_source"])
        sent += len(hits)
        if len(hits) < size:
            return
        after = hits[-1]["sort"]


@answers
def export(state: ConsoleState, request: Request) -> Any:
    """Every hit (up to 10,000) as CSV or JSON, downloaded."""
    text, filters, kind = _filters(request)
    form = request.query_params.get("format", "csv")
    if form not in ("csv", "json"):
        raise UserError("format is csv or json")
    rows = list(_all_hits(state, text, filters, kind))
    name = f"armswatch-{kind}-{datetime.now(UTC):%Y%m%d-%H%M%S}.{form}"
    if form == "json":
        body = json.dumps(rows, ensure_ascii=False, indent=1).encode()
        media = "application/json"
    else:
        out = io.StringIO()
        columns = sorted({key for row in rows for key in row})
        writer = csv.DictWriter(out, columns)
        writer.writeheader()
        writer.writerows(rows)
        body = out.getvalue().encode()
        media = "text/csv; charset=utf-8"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


# Explore.


@answers
def explore(state: ConsoleState, request: Request) -> Any:
    text, filters, _kind = _filters(request)
    params = request.query_params
    series = params.get("series", "category")
    if series not in ("category", "pair"):
        raise UserError("series is category or pair")
    preset = params.get("since") or "30d"
    interval = RANGES[preset][1] if preset in RANGES else interval_for(preset, params.get("until") or "")
    try:
        response = state.es.search(
            index=read_alias(state.prefix, "mentions"), **explore_body(text, filters, series, interval)
        )
    except NotFoundError:
        return explore_result(0, {}, {})
    aggregations = response.get("aggregations") or {}
    codes = {
        b["key"]
        for name in ("suppliers_map", "recipients_map")
        for b in aggregations.get(name, {}).get("buckets", [])
    }
    result = explore_result(
        response["hits"]["total"]["value"], aggregations, {code: state_name(code) for code in codes}
    )
    result["interval"] = interval
    return result


# Alerts.


def _rule_view(rule: Rule) -> dict[str, Any]:
    data: dict[str, Any] = rule.model_dump(mode="json")
    data["channels"] = [channel_label(spec) for spec in rule.channels]
    return data


@answers
def rules(state: ConsoleState, request: Request) -> Any:
    alert_store.ensure_indices(state.es, state.prefix, state.settings.index_replicas)
    return {"rules": [_rule_view(rule) for rule in alert_store.list_rules(state.es, state.prefix)]}


def _draft(values: dict[str, Any], channels: list[str] | None = None) -> Rule:
    """A validated rule from the form's values. Raises RuleError."""
    name = str(values.get("name") or "").strip() or "draft"
    confidence = values.get("min_confidence")
    return new_rule(
        name,
        str(values.get("query") or ""),
        now=datetime.now(UTC),
        scope="articles" if values.get("scope") == "articles" else "mentions",
        min_confidence=float(confidence) if confidence not in (None, "") else None,
        channels=channels if channels is not None else [str(c) for c in values.get("channels") or []],
        mode=str(values.get("mode") or "immediate"),
        every=str(values["every"]) if values.get("every") not in (None, "") else None,
    )


@answers
def check_rule(state: ConsoleState, request: Request) -> Any:
    """Whether the query can be a rule (checked as the user types)."""
    try:
        _draft({**request.query_params, "channels": []})
    except RuleError as error:
        return {"ok": False, "error": str(error)}
    return {"ok": True}


@answers
def test_rule(state: ConsoleState, request: Request) -> Any:
    """What the rule in the form would have matched in the last 30 days (or ``since``)."""
    rule = _draft({**request.query_params, "channels": []})
    since = request.query_params.get("since") or "30d"
    bound = RANGES[since][0] if since in RANGES else since
    return history_matches(state.es, state.prefix, rule, bound or "now-100y", 50)


async def _json_body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise UserError("the request body must be JSON") from None
    if not isinstance(body, dict):
        raise UserError("the request body must be a JSON object")
    return body


def body_answers(handler: Callable[..., Any]) -> Callable[..., Any]:
    """``answers`` for handlers that take the JSON body: read it on the loop, work in a thread."""
    sync = answers(lambda state, request: handler(state, request, request.state.body))

    async def wrapped(request: Request) -> Any:
        try:
            request.state.body = await _json_body(request)
        except UserError as error:
            return _error(400, str(error))
        return await asyncio.to_thread(sync, request)

    wrapped.__name__ = handler.__name__
    return wrapped


@body_answers
def create_rule(state: ConsoleState, request: Request, body: dict[str, Any]) -> Any:
    alert_store.ensure_indices(state.es, state.prefix, state.settings.index_replicas)
    if not str(body.get("name") or "").strip():
        raise UserError("give the rule a name")
    rule = _draft(body)
    if body.get("enabled") is False:
        rule = rule.model_copy(update={"enabled": False})
    alert_store.add_rule(state.es, state.prefix, rule)
    return _rule_view(rule)


@body_answers
def update_rule(state: ConsoleState, request: Request, body: dict[str, Any]) -> Any:
    """Change a rule's query, scope, mode, period, confidence; its channels only when new ones are given
    (the page never sees the stored ones, which may hold secrets)."""
    current = alert_store.get_rule(state.es, state.prefix, request.path_params["rule"])
    channels = body.get("channels")
    draft = _draft(
        {**body, "name": current.name},
        channels=[str(c) for c in channels] if channels else list(current.channels),
    )
    rule = draft.model_copy(
        update={"id": current.id, "created_at": current.created_at, "enabled": current.enabled}
    )
    alert_store.replace_rule(state.es, state.prefix, rule)
    return _rule_view(rule)


@body_answers
def enable_rule(state: ConsoleState, request: Request, body: dict[str, Any]) -> Any:
    rule = alert_store.set_enabled(
        state.es, state.prefix, request.path_params["rule"], bool(body.get("enabled")), datetime.now(UTC)
    )
    return _rule_view(rule)


@body_answers
def delete_rule(state: ConsoleState, request: Request, body: dict[str, Any]) -> Any:
    return {"removed": alert_store.remove_rule(state.es, state.prefix, request.path_params["rule"]).id}


@answers
def recent_alerts(state: ConsoleState, request: Request) -> Any:
    """The newest alerts, each with its delivery state per channel."""
    rule = request.query_params.get("rule")
    query = {"term": {"rule_id": rule_id(rule)}} if rule else {"match_all": {}}
    response = state.es.options(ignore_status=404).search(
        index=alert_store.index_of(state.prefix, "alerts"),
        query=query,
        size=RECENT_ALERTS,
        sort=[{"fired_at": "desc"}],
    )
    alerts = [hit["_source"] for hit in response.get("hits", {}).get("hits", [])]
    deliveries: dict[str, list[dict[str, Any]]] = {}
    if alerts:
        outbox = state.es.options(ignore_status=404).search(
            index=alert_store.index_of(state.prefix, "outbox"),
            query={"terms": {"alert_id": [alert["alert_id"] for alert in alerts]}},
            size=RECENT_ALERTS * 10,
            source_excludes=["alert"],
        )
        for hit in outbox.get("hits", {}).get("hits", []):
            source = hit["_source"]
            deliveries.setdefault(source["alert_id"], []).append(
                {
                    "channel": source.get("channel_label"),
                    "state": source.get("state"),
                    "attempts": source.get("attempts"),
                    "sent_at": source.get("sent_at"),
                    "next_attempt_at": source.get("next_attempt_at"),
                    "last_error": redact_urls(source["last_error"]) if source.get("last_error") else None,
                }
            )
    keep = (
        "alert_id",
        "rule_id",
        "rule_name",
        "fired_at",
        "published_at",
        "title",
        "url",
        "source",
        "pair_names",
        "categories",
        "statuses",
        "evidence",
        "reason",
        "channels",
    )
    return {
        "alerts": [
            {**{key: alert.get(key) for key in keep}, "deliveries": deliveries.get(alert["alert_id"], [])}
            for alert in alerts
        ]
    }


# Feeds and health.


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


@answers
def feeds(state: ConsoleState, request: Request) -> Any:
    items = []
    for item in state.registry().health():
        feed, feed_state = item.feed, item.state
        items.append(
            {
                "url": feed.url,
                "name": feed.name,
                "language": feed.language,
                "fixed_interval_seconds": feed.interval_seconds,
                "full_text": feed.full_text,
                "added_at": _iso(feed.added_at),
                "last_poll_at": _iso(feed_state.last_poll_at) if feed_state else None,
                "last_success_at": _iso(feed_state.last_success_at) if feed_state else None,
                "last_error_at": _iso(feed_state.last_error_at) if feed_state else None,
                "last_error": feed_state.last_error if feed_state else None,
                "failures": feed_state.failures if feed_state else 0,
                "entries_seen": feed_state.entries_seen if feed_state else 0,
                "interval_seconds": feed_state.interval_seconds if feed_state else None,
                "next_poll_at": _iso(feed_state.next_poll_at) if feed_state else None,
            }
        )
    return {"feeds": items}


@body_answers
def add_feed(state: ConsoleState, request: Request, body: dict[str, Any]) -> Any:
    url = str(body.get("url") or "").strip()
    if not url.startswith(("http://", "https://")):
        raise UserError("a feed URL starts with http:// or https://")
    interval = body.get("interval_seconds")
    try:
        seconds = float(interval) if interval not in (None, "") else None
    except (TypeError, ValueError):
        raise UserError("the interval is a number of seconds") from None
    feed = new_feed(
        url,
        name=str(body.get("name") or "").strip() or None,
        language=str(body.get("language") or "").strip() or None,
        interval_seconds=seconds,
        full_text=body.get("full_text", True) is not False,
    )
    state.registry().put([feed])
    return {"added": feed.url}


@body_answers
def remove_feed(state: ConsoleState, request: Request, body: dict[str, Any]) -> Any:
    url = str(body.get("url") or "")
    if url not in state.registry().feeds():
        raise UserError(f"no feed {url!r} in the registry")
    state.registry().remove(url)
    return {"removed": url}


async def import_opml(request: Request) -> Response:
    """The body is an OPML file; its feeds are added (a URL already registered is replaced)."""
    data = await request.body()

    def work(state: ConsoleState, _request: Request) -> Any:
        feeds = read_opml(data)
        return {"imported": state.registry().put(feeds)}

    response: Response = await asyncio.to_thread(answers(work), request)
    return response


@answers
def export_opml(state: ConsoleState, request: Request) -> Any:
    document = write_opml(sorted(state.registry().feeds().values(), key=lambda f: f.url), "armswatch feeds")
    return Response(
        document,
        media_type="text/x-opml; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="armswatch-feeds.opml"'},
    )


@answers
def health(state: ConsoleState, request: Request) -> Any:
    """The stage table of ``armswatch status``, document and topic counts, problems."""
    runtime = read_runtime(state.settings)
    workers = runtime["workers"] if runtime else []
    with state._probe_lock:
        snapshot = state.probe().snapshot([worker["metrics_url"] for worker in workers], workers)
    up: dict[str, tuple[int, int]] = {}
    for worker in workers:
        running, planned = up.get(worker["role"], (0, 0))
        up[worker["role"]] = (
            running + (worker["metrics_url"] not in snapshot.metrics.unreachable),
            planned + 1,
        )
    return {
        "running": runtime is not None,
        "started_at": runtime.get("started_at") if runtime else None,
        "stages": stage_rows(snapshot, up),
        "documents": snapshot.documents,
        "topics": snapshot.topic_messages,
        "problems": [redact_urls(problem) for problem in snapshot.problems],
    }


@answers
def dead_letters(state: ConsoleState, request: Request) -> Any:
    """The newest messages of the dead-letter topic, with the stage and reason."""
    topic = state.settings.topic_dead_letter
    consumer = KafkaConsumer(
        bootstrap_servers=state.settings.bootstrap_servers,
        client_id="armswatch-console-dlq",
        enable_auto_commit=False,
    )
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        if not partitions:
            return {"dead_letters": [], "total": 0}
        consumer.assign(partitions)
        ends = consumer.end_offsets(partitions)
        starts = consumer.beginning_offsets(partitions)
        for partition in partitions:
            consumer.seek(partition, max(starts[partition], ends[partition] - DEAD_LETTERS))
        letters: list[dict[str, Any]] = []
        while any(consumer.position(p) < ends[p] for p in partitions):
            batches = consumer.poll(timeout_ms=1000)
            if not batches:
                break
            for records in batches.values():
                for record in records:
                    letters.append(_letter(record))
    finally:
        consumer.close()
    letters.sort(key=lambda letter: letter.get("at") or "", reverse=True)
    return {"dead_letters": letters[:DEAD_LETTERS], "total": sum(ends[p] - starts[p] for p in partitions)}


def _letter(record: Any) -> dict[str, Any]:
    try:
        letter = DeadLetter.model_validate_json(record.value)
    except ValueError:
        return {
            "stage": "?",
            "reason": "unreadable_dead_letter",
            "error": "",
            "payload": "",
            "topic": record.topic,
            "offset": record.offset,
            "at": None,
        }
    return {
        "stage": letter.stage,
        "reason": letter.reason,
        "error": redact_urls(letter.error)[:1000],
        "topic": letter.topic,
        "partition": letter.partition,
        "offset": letter.offset,
        "payload": letter.payload[:500],
        "at": letter.at.isoformat(),
    }


# Deals.

DEAL_FIELDS = (
    "id",
    "pair",
    "pair_name",
    "supplier",
    "recipient",
    "supplier_name",
    "recipient_name",
    "category",
    "weapons",
    "designations",
    "status",
    "statuses",
    "first_seen",
    "last_seen",
    "quantity_ordered",
    "quantity_delivered",
    "value",
    "timeline",
    "articles",
    "distinct_reports",
    "outlets",
    "sources",
)


@answers
def deals(state: ConsoleState, request: Request) -> Any:
    """The deals the query and filters select, newest report first (at most 500), for the board."""
    text, filters, _kind = _filters(request)
    body = build_body(text, filters, "deals", 500, None)
    body["_source"] = list(DEAL_FIELDS)
    try:
        response = state.es.search(index=read_alias(state.prefix, "deals"), **body)
    except NotFoundError:
        return {"total": 0, "deals": []}
    return {
        "total": response["hits"]["total"]["value"],
        "deals": [hit["_source"] for hit in response["hits"]["hits"]],
    }
