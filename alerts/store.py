"""Where alerts live in Elasticsearch: the rules, the alerts fired, and the delivery outbox.

- ``<prefix>-alert-rules``: one document per rule, read by every alerts worker (and the CLI);
- ``<prefix>-alerts``: one document per fired alert, id = alert id. Creating it (``op_type=create``)
  is the claim: a second worker, or a replay after a restart, gets 409 and does not fire again;
- ``<prefix>-alert-outbox``: one document per (alert, channel) with its delivery state: due time,
  attempts, next attempt, lease. Pending retries survive restarts and any worker may finish them.
  A delivery names its channel by reference and label only: the channel's URL, which may hold a
  token, stays in the rule, where the deliverer looks it up (``channels_of``).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from importlib import resources
from typing import Any

from elasticsearch import BadRequestError, ConflictError, Elasticsearch, NotFoundError

from alerts.channels import channel_label, channel_ref
from alerts.rules import Rule, RuleError, rule_id
from alerts.schedule import due_at, throttled_due
from armswatch.schema import Alert
from index.actions import pair, pair_name

log = logging.getLogger(__name__)
INDICES = {"rules": "alert-rules", "alerts": "alerts", "outbox": "alert-outbox"}
MAX_RULES = 10_000
THROTTLE_RETRIES = 20


def index_of(prefix: str, kind: str) -> str:
    """``<prefix>-alert-rules``, ``<prefix>-alerts`` or ``<prefix>-alert-outbox``."""
    return f"{prefix}-{INDICES[kind]}"


def mapping(kind: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((resources.files("alerts") / "mappings" / f"{kind}.json").read_text())
    return loaded


def ensure_indices(es: Elasticsearch, prefix: str, replicas: int = 0) -> list[str]:
    """Create the three indices if missing, add new mapping fields to existing ones; return the names."""
    names = []
    for kind in INDICES:
        name = index_of(prefix, kind)
        names.append(name)
        if es.indices.exists(index=name):
            es.indices.put_mapping(index=name, properties=mapping(kind)["properties"])
            continue
        try:
            es.indices.create(
                index=name,
                mappings=mapping(kind),
                settings={"number_of_shards": 1, "number_of_replicas": replicas},
            )
        except BadRequestError as error:
            if error.error != "resource_already_exists_exception":
                raise  # another process created it meanwhile otherwise
    return names


# Rules.


def _rule_document(rule: Rule) -> dict[str, Any]:
    return rule.model_dump(mode="json")


def _rule(source: dict[str, Any]) -> Rule:
    return Rule.model_validate({key: value for key, value in source.items() if key != "last_message_at"})


def add_rule(es: Elasticsearch, prefix: str, rule: Rule) -> None:
    """Store a new rule. Raises RuleError when a rule with the same id exists."""
    try:
        es.create(
            index=index_of(prefix, "rules"), id=rule.id, document=_rule_document(rule), refresh="wait_for"
        )
    except ConflictError:
        raise RuleError(
            f"a rule with id {rule.id!r} exists already: remove it first (armswatch alerts remove {rule.id}) "
            "or choose another name"
        ) from None


def replace_rule(es: Elasticsearch, prefix: str, rule: Rule) -> None:
    """Store an edited rule over the one with its id (workers see it at their next refresh); a throttled
    rule keeps its schedule (``last_message_at``). An edit leaves ``enabled`` as stored: a disable that
    lands while the edit is in flight must not be undone by the copy the edit read before it."""
    es.update(
        index=index_of(prefix, "rules"),
        id=rule.id,
        doc={key: value for key, value in _rule_document(rule).items() if key != "enabled"},
        refresh="wait_for",
    )


def get_rule(es: Elasticsearch, prefix: str, name_or_id: str) -> Rule:
    """The rule named (or with id) ``name_or_id``. Raises RuleError when there is none."""
    try:
        found = es.get(index=index_of(prefix, "rules"), id=rule_id(name_or_id))
    except NotFoundError:
        raise RuleError(f"no rule {name_or_id!r}; see armswatch alerts list") from None
    return _rule(found["_source"])


def list_rules(es: Elasticsearch, prefix: str) -> list[Rule]:
    """Every rule, by name (enabled or not)."""
    response = es.options(ignore_status=404).search(
        index=index_of(prefix, "rules"), size=MAX_RULES, sort=[{"name": "asc"}], query={"match_all": {}}
    )
    return [_rule(hit["_source"]) for hit in response.get("hits", {}).get("hits", [])]


def channels_of(es: Elasticsearch, prefix: str, rule_ids: Iterable[str]) -> dict[str, str]:
    """The channel specifications of the given rules, by reference (``channel_ref``); a rule that
    was removed meanwhile contributes nothing."""
    ids = sorted(set(rule_ids))
    if not ids:
        return {}
    found = es.options(ignore_status=404).mget(index=index_of(prefix, "rules"), ids=ids)
    return {
        channel_ref(spec): spec
        for doc in found.get("docs", [])
        if doc.get("found")
        for spec in doc["_source"].get("channels", [])
    }


def remove_rule(es: Elasticsearch, prefix: str, name_or_id: str) -> Rule:
    rule = get_rule(es, prefix, name_or_id)
    es.delete(index=index_of(prefix, "rules"), id=rule.id, refresh="wait_for")
    return rule


def set_enabled(es: Elasticsearch, prefix: str, name_or_id: str, enabled: bool, now: datetime) -> Rule:
    rule = get_rule(es, prefix, name_or_id)
    es.update(
        index=index_of(prefix, "rules"),
        id=rule.id,
        doc={"enabled": enabled, "updated_at": now.isoformat()},
        refresh="wait_for",
    )
    return rule.model_copy(update={"enabled": enabled, "updated_at": now})


def schedule_throttled(es: Elasticsearch, prefix: str, rule: Rule, now: datetime) -> datetime:
    """When a new alert of a throttled rule goes; updates the rule's last-message time in place, with
    optimistic concurrency so that workers sharing the rule agree on one schedule."""
    index = index_of(prefix, "rules")
    for _attempt in range(THROTTLE_RETRIES):
        try:
            found = es.get(index=index, id=rule.id)
        except NotFoundError:
            return now  # removed meanwhile: its pending alert goes out now
        last = found["_source"].get("last_message_at")
        due, last_message = throttled_due(
            now, rule.every_minutes or 60, datetime.fromisoformat(last) if last else None
        )
        try:
            es.update(
                index=index,
                id=rule.id,
                doc={"last_message_at": last_message.isoformat()},
                if_seq_no=found["_seq_no"],
                if_primary_term=found["_primary_term"],
            )
            return due
        except ConflictError:
            continue  # another worker scheduled meanwhile: read again
    raise RuntimeError(f"could not schedule the throttled rule {rule.id} after {THROTTLE_RETRIES} tries")


# Alerts and the outbox.


def alert_document(alert: Alert) -> dict[str, Any]:
    """The ``<prefix>-alerts`` document of an alert (the fields Kibana's Alerts dashboard shows)."""
    transfers = alert.transfers
    return {
        "alert_id": alert.alert_id,
        "rule_id": alert.rule_id,
        "rule_name": alert.rule_name,
        "query": alert.query,
        "mode": alert.mode,
        "channels": alert.channels,
        "article_id": alert.article_id,
        "fired_at": alert.fired_at.isoformat(),
        "published_at": alert.published_at.isoformat(),
        "title": alert.title,
        "url": alert.url,
        "source": alert.source,
        "lang": alert.lang,
        "pairs": sorted({pair(t) for t in transfers}),
        "pair_names": sorted({pair_name(t) for t in transfers}),
        "suppliers": sorted({t.supplier or t.supplier_name or "" for t in transfers} - {""}),
        "recipients": sorted({t.recipient or t.recipient_name or "" for t in transfers} - {""}),
        "categories": sorted({t.category for t in transfers}),
        "statuses": sorted({t.status for t in transfers}),
        "weapons": sorted({t.weapon for t in transfers}),
        "max_confidence": max((t.confidence for t in transfers), default=None),
        "evidence": [t.sentence for t in transfers],
        "reason": alert.reason,
    }


def outbox_id(alert_id: str, channel: str) -> str:
    return f"{alert_id}-{hashlib.sha256(channel.encode()).hexdigest()[:12]}"


def outbox_document(alert: Alert, channel: str, due: datetime, now: datetime) -> dict[str, Any]:
    """The delivery of ``alert`` to the channel specified by ``channel``, which it names by reference
    and label, never by URL."""
    return {
        "alert_id": alert.alert_id,
        "rule_id": alert.rule_id,
        "channel_ref": channel_ref(channel),
        "channel_label": channel_label(channel),
        "mode": alert.mode,
        "state": "pending",
        "due_at": due.isoformat(),
        "next_attempt_at": due.isoformat(),
        "attempts": 0,
        "created_at": now.isoformat(),
        "alert": alert.model_dump(mode="json"),
    }


def _bulk(es: Elasticsearch, operations: list[dict[str, Any]]) -> list[tuple[str, int, Any]]:
    """Send one bulk request; return (id, status, error) per item."""
    if not operations:
        return []
    response = es.bulk(operations=operations)
    results = []
    for item in response["items"]:
        _operation, result = next(iter(item.items()))
        results.append((result["_id"], result["status"], result.get("error")))
    return results


def claim(es: Elasticsearch, prefix: str, fired: Sequence[tuple[Alert, Rule]], now: datetime) -> list[str]:
    """Record the alerts and queue their deliveries; return the ids of alerts fired for the first time.

    Both writes are ``create`` with deterministic ids: replaying a batch (a crash before the Kafka
    commit) or two workers racing finds the documents there and fires nothing twice, while an alert
    whose deliveries were not yet queued gets them now. Raises on an Elasticsearch error.
    """
    operations: list[dict[str, Any]] = []
    for alert, _rule in fired:
        operations += [
            {"create": {"_index": index_of(prefix, "alerts"), "_id": alert.alert_id}},
            alert_document(alert),
        ]
    new = set()
    for doc_id, status, error in _bulk(es, operations):
        if status == 201:
            new.add(doc_id)
        elif status != 409:
            raise RuntimeError(f"Elasticsearch refused alert {doc_id}: {status} {error}")
    deliveries: list[dict[str, Any]] = []
    for alert, rule in fired:
        if not rule.channels:
            continue
        if rule.mode == "throttled":
            # A replayed alert goes now: its place in the schedule was lost with the crash.
            due = schedule_throttled(es, prefix, rule, now) if alert.alert_id in new else now
        else:
            due = due_at(rule.mode, rule.every_minutes, now)
        for channel in rule.channels:
            deliveries += [
                {"create": {"_index": index_of(prefix, "outbox"), "_id": outbox_id(alert.alert_id, channel)}},
                outbox_document(alert, channel, due, now),
            ]
    queued = 0
    for doc_id, status, error in _bulk(es, deliveries):
        if status == 201:
            queued += 1
        elif status != 409:
            raise RuntimeError(f"Elasticsearch refused delivery {doc_id}: {status} {error}")
    if queued:
        es.indices.refresh(index=index_of(prefix, "outbox"))  # visible to the deliverers at once
    return [alert.alert_id for alert, _rule in fired if alert.alert_id in new]


def due_deliveries(
    es: Elasticsearch, prefix: str, now: datetime, batch_grace_seconds: float, limit: int = 500
) -> list[dict[str, Any]]:
    """Pending deliveries whose time has come and that no live worker holds, oldest first.

    Batched modes wait ``batch_grace_seconds`` past their due time, so alerts queued just before it
    are searchable and join the batch.
    """
    now_text = now.isoformat()
    grace = f"{now_text}||-{max(1, round(batch_grace_seconds))}s"
    query = {
        "bool": {
            "filter": [
                {"term": {"state": "pending"}},
                {"range": {"next_attempt_at": {"lte": now_text}}},
                {
                    "bool": {
                        "should": [
                            {
                                "bool": {
                                    "filter": [
                                        {"term": {"mode": "immediate"}},
                                        {"range": {"due_at": {"lte": now_text}}},
                                    ]
                                }
                            },
                            {
                                "bool": {
                                    "must_not": [{"term": {"mode": "immediate"}}],
                                    "filter": [{"range": {"due_at": {"lte": grace}}}],
                                }
                            },
                        ]
                    }
                },
            ],
            "must_not": [{"range": {"lease_until": {"gt": now_text}}}],
        }
    }
    response = es.options(ignore_status=404).search(
        index=index_of(prefix, "outbox"),
        query=query,
        size=limit,
        sort=[{"due_at": "asc"}],
        seq_no_primary_term=True,
    )
    hits: list[dict[str, Any]] = response.get("hits", {}).get("hits", [])
    return hits


def lease(
    es: Elasticsearch, prefix: str, hits: Iterable[dict[str, Any]], owner: str, until: datetime
) -> list[dict[str, Any]]:
    """Take the deliveries for this worker until ``until``; return those it got (another worker may win)."""
    hits = list(hits)
    operations: list[dict[str, Any]] = []
    for hit in hits:
        operations += [
            {
                "update": {
                    "_index": index_of(prefix, "outbox"),
                    "_id": hit["_id"],
                    "if_seq_no": hit["_seq_no"],
                    "if_primary_term": hit["_primary_term"],
                }
            },
            {"doc": {"lease_until": until.isoformat(), "lease_owner": owner}},
        ]
    won = {doc_id for doc_id, status, _error in _bulk(es, operations) if status == 200}
    return [hit for hit in hits if hit["_id"] in won]


def mark_sent(es: Elasticsearch, prefix: str, hits: Sequence[dict[str, Any]], now: datetime) -> None:
    operations: list[dict[str, Any]] = []
    for hit in hits:
        operations += [
            {"update": {"_index": index_of(prefix, "outbox"), "_id": hit["_id"]}},
            {
                "doc": {
                    "state": "sent",
                    "sent_at": now.isoformat(),
                    "attempts": hit["_source"]["attempts"] + 1,
                    "lease_until": None,
                    "last_error": None,
                }
            },
        ]
    _bulk(es, operations)


def mark_failed(
    es: Elasticsearch,
    prefix: str,
    hits: Sequence[dict[str, Any]],
    error: str,
    next_attempt_at: datetime | None,
) -> None:
    """Record a failed attempt: retried at ``next_attempt_at``, or given up (state failed) when None."""
    operations: list[dict[str, Any]] = []
    for hit in hits:
        doc: dict[str, Any] = {
            "attempts": hit["_source"]["attempts"] + 1,
            "last_error": error[:2000],
            "lease_until": None,
        }
        if next_attempt_at is None:
            doc["state"] = "failed"
        else:
            doc["next_attempt_at"] = next_attempt_at.isoformat()
        operations += [{"update": {"_index": index_of(prefix, "outbox"), "_id": hit["_id"]}}, {"doc": doc}]
    _bulk(es, operations)


def outbox_counts(es: Elasticsearch, prefix: str) -> dict[str, int]:
    """Deliveries by state (pending, sent, failed)."""
    response = es.options(ignore_status=404).search(
        index=index_of(prefix, "outbox"), size=0, aggs={"states": {"terms": {"field": "state"}}}
    )
    buckets = response.get("aggregations", {}).get("states", {}).get("buckets", [])
    return {bucket["key"]: bucket["doc_count"] for bucket in buckets}
