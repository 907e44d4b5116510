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


def template_body(prefix: str, kind: str, replicas: int, version: int = INDEX_VERSION) -> dict[str, Any]:
    """Index template of one kind and version; its indices join the kind's read alias."""
    return {
        "index_patterns": [index_pattern(prefix, kind, version)],
        "priority": 100 + version,
        "template": {
            "settings": {"number_of_shards": 1, "number_of_replicas": replicas, "refresh_interval": "1s"},
            "mappings": mapping(kind),
            "aliases": {read_alias(prefix, kind): {}},
        },
        "_meta": {"managed_by": "armswatch", "index_version": version},
    }


def ensure_templates(
    es: Elasticsearch, prefix: str, replicas: int = 0, version: int = INDEX_VERSION
) -> list[str]:
    """Create or update the templates; return their names."""
    names = []
    for kind in KINDS:
        name = f"{prefix}-{kind}-v{version}"
        es.indices.put_index_template(name=name, **template_body(prefix, kind, replicas, version))
        names.append(name)
    return names
