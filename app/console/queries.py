"""The Elasticsearch requests behind the pages: pure builders over ``index.search``'s compiler.

Every page selects documents with ``index.search.build_body`` (the query language of ``armswatch
search``); these functions only add what a page shows on top: facets, highlights, aggregations.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from app.console.views import MATCH_END, MATCH_START
from index.search import Filters, Kind, build_body

FACETS: dict[Kind, dict[str, str]] = {
    "mentions": {
        "category": "category",
        "status": "status",
        "lang": "lang",
        "supplier": "supplier",
        "recipient": "recipient",
        "source": "source",
    },
    "articles": {
        "category": "transfer_categories",
        "status": "statuses",
        "lang": "lang",
        "supplier": "suppliers",
        "recipient": "recipients",
        "source": "source",
    },
}
# Ranges the pages offer, as Elasticsearch date math, and the histogram step that suits each.
RANGES = {
    "24h": ("now-24h", "hour"),
    "7d": ("now-7d", "day"),
    "30d": ("now-30d", "day"),
    "1y": ("now-1y", "week"),
    "all": ("", "month"),
}
EXPLORE_SERIES = {"category": "category", "pair": "pair_name"}
_DAYS = re.compile(r"now-(\d+)([hdwMy])")


def search_body(
    text: str, filters: Filters, kind: Kind, size: int, after: list[Any] | None
) -> dict[str, Any]:
    """The search page's request: ``armswatch search``'s body plus facets and highlights."""
    body = build_body(text, filters, kind, size, after)
    body["aggs"] = {name: {"terms": {"field": field, "size": 12}} for name, field in FACETS[kind].items()}
    body["highlight"] = {
        "pre_tags": [MATCH_START],
        "post_tags": [MATCH_END],
        "require_field_match": False,
        "fields": {"evidence" if kind == "mentions" else "title": {"number_of_fragments": 0}},
    }
    return body


def export_body(
    text: str, filters: Filters, kind: Kind, size: int, after: list[Any] | None
) -> dict[str, Any]:
    body = build_body(text, filters, kind, size, after)
    body["track_total_hits"] = False
    return body


def interval_for(since: str, until: str) -> str:
    """A histogram step giving a readable number of bars (10 to 400) for the range."""
    days: float | None = None
    found = _DAYS.fullmatch(since)
    if found:
        count, unit = int(found.group(1)), found.group(2)
        days = count * {"h": 1 / 24, "d": 1, "w": 7, "M": 30, "y": 365}[unit]
    else:
        try:
            start = date.fromisoformat(since[:10])
            end = date.fromisoformat(until[:10]) if until else date.today()
            days = max(1, (end - start) / timedelta(days=1))
        except ValueError:
            days = None
    if days is None:
        return "month"
    if days <= 3:
        return "hour"
    if days <= 180:
        return "day"
    if days <= 1500:
        return "week"
    return "month"


def explore_body(text: str, filters: Filters, series: str, interval: str) -> dict[str, Any]:
    """One request for every Explore chart: mentions over time split by category or pair, the
    supplier x recipient matrix, the states on the map, the top weapons."""
    body = build_body(text, filters, "mentions", 0, None)
    body.pop("sort")
    series_field = EXPLORE_SERIES[series]
    body["aggs"] = {
        "over_time": {
            "date_histogram": {"field": "published_at", "calendar_interval": interval, "min_doc_count": 0},
            "aggs": {"series": {"terms": {"field": series_field, "size": 8}}},
        },
        "series_total": {"terms": {"field": series_field, "size": 8}},
        "matrix": {
            "terms": {"field": "supplier_name", "size": 12},
            "aggs": {"recipients": {"terms": {"field": "recipient_name", "size": 12}}},
        },
        "recipients_total": {"terms": {"field": "recipient_name", "size": 12}},
        "suppliers_map": {"terms": {"field": "supplier", "size": 250}},
        "recipients_map": {"terms": {"field": "recipient", "size": 250}},
        "weapons": {"terms": {"field": "weapon.raw", "size": 12}},
        "categories": {"terms": {"field": "category", "size": 20}},
    }
    return body


def _buckets(aggregations: dict[str, Any], name: str) -> list[dict[str, Any]]:
    buckets: list[dict[str, Any]] = aggregations.get(name, {}).get("buckets", [])
    return buckets


def explore_result(total: int, aggregations: dict[str, Any], state_names: dict[str, str]) -> dict[str, Any]:
    """The aggregations as the charts draw them (plain lists of keys and counts)."""
    series_keys = [bucket["key"] for bucket in _buckets(aggregations, "series_total")]
    over_time = [
        {
            "t": bucket.get("key_as_string") or bucket["key"],
            "total": bucket["doc_count"],
            "series": {b["key"]: b["doc_count"] for b in bucket.get("series", {}).get("buckets", [])},
        }
        for bucket in _buckets(aggregations, "over_time")
    ]
    recipients = [bucket["key"] for bucket in _buckets(aggregations, "recipients_total")]
    matrix = [
        {
            "supplier": bucket["key"],
            "total": bucket["doc_count"],
            "cells": {b["key"]: b["doc_count"] for b in bucket["recipients"]["buckets"]},
        }
        for bucket in _buckets(aggregations, "matrix")
    ]

    def states(name: str) -> list[dict[str, Any]]:
        return [
            {"code": b["key"], "name": state_names.get(b["key"], b["key"]), "count": b["doc_count"]}
            for b in _buckets(aggregations, name)
        ]

    return {
        "total": total,
        "series_keys": series_keys,
        "over_time": over_time,
        "matrix": {"recipients": recipients, "rows": matrix},
        "suppliers": states("suppliers_map"),
        "recipients": states("recipients_map"),
        "weapons": [{"key": b["key"], "count": b["doc_count"]} for b in _buckets(aggregations, "weapons")],
        "categories": [
            {"key": b["key"], "count": b["doc_count"]} for b in _buckets(aggregations, "categories")
        ],
    }


def facets(aggregations: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {
        name: [{"key": b["key"], "count": b["doc_count"]} for b in value.get("buckets", [])]
        for name, value in aggregations.items()
    }
