"""Composable index templates and read aliases, created idempotently (by the indexer and ``index setup``)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from elasticsearch import Elasticsearch

from index.actions import INDEX_VERSION, KINDS, index_pattern, read_alias


def mapping(kind: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((resources.files("index") / "mappings" / f"{kind}.json").read_text())
    return loaded


def template_body(
    prefix: str, kind: str, replicas: int, version: int = INDEX_VERSION, read_alias_on: bool = True
) -> dict[str, Any]:
    """Index template of one kind and version; with ``read_alias_on`` its indices join the read alias."""
    return {
        "index_patterns": [index_pattern(prefix, kind, version)],
        "priority": 100 + version,
        "template": {
            "settings": {"number_of_shards": 1, "number_of_replicas": replicas, "refresh_interval": "1s"},
            "mappings": mapping(kind),
            "aliases": {read_alias(prefix, kind): {}} if read_alias_on else {},
        },
        "_meta": {"managed_by": "armswatch", "index_version": version, "active": read_alias_on},
    }


def ensure_templates(
    es: Elasticsearch,
    prefix: str,
    replicas: int = 0,
    version: int = INDEX_VERSION,
    read_alias_on: bool = True,
) -> list[str]:
    """Create or update the templates of one index version, and add fields new to the mapping to that
    version's existing indices (a template only shapes indices created after it); return the names.

    Raises ``elasticsearch.BadRequestError`` when the mapping changes an existing field's type: that
    needs a new index version and ``index rebuild``.
    """
    names = []
    for kind in KINDS:
        name = template_name(prefix, kind, version)
        es.indices.put_index_template(
            name=name, **template_body(prefix, kind, replicas, version, read_alias_on)
        )
        # Strict mappings: without this, this month's index would reject documents with the new fields.
        es.indices.put_mapping(
            index=index_pattern(prefix, kind, version),
            properties=mapping(kind)["properties"],
            allow_no_indices=True,
        )
        names.append(name)
    return names


def template_name(prefix: str, kind: str, version: int) -> str:
    return f"{prefix}-{kind}-v{version}"


def active_version(es: Elasticsearch, prefix: str) -> int:
    """The index version the read aliases serve (the one the indexer writes); 1 when none is set up."""
    templates = es.options(ignore_status=404).indices.get_index_template(name=f"{prefix}-articles-v*")
    active = [
        item["index_template"]["_meta"]["index_version"]
        for item in templates.get("index_templates", [])
        if item["index_template"].get("_meta", {}).get("active")
    ]
    return max(active, default=INDEX_VERSION)


def switch_read_aliases(es: Elasticsearch, prefix: str, version: int, replicas: int = 0) -> None:
    """Point the read aliases at ``version``'s indices in one atomic step, and make its templates active."""
    actions: list[dict[str, Any]] = []
    for kind in KINDS:
        alias = read_alias(prefix, kind)
        current = es.options(ignore_status=404).indices.get_alias(name=alias)
        actions += [
            {"remove": {"index": index, "alias": alias}} for index in current if "error" not in current
        ]
        if es.indices.exists(index=index_pattern(prefix, kind, version), allow_no_indices=False):
            actions.append({"add": {"index": index_pattern(prefix, kind, version), "alias": alias}})
    old_versions = {
        item["index_template"]["_meta"]["index_version"]
        for item in es.options(ignore_status=404)
        .indices.get_index_template(name=f"{prefix}-articles-v*")
        .get("index_templates", [])
    } - {version}
    for old in sorted(old_versions):
        ensure_templates(es, prefix, replicas, old, read_alias_on=False)
    ensure_templates(es, prefix, replicas, version, read_alias_on=True)
    if actions:
        es.indices.update_aliases(actions=actions)
