"""``alerts test``: a rule's query run on the indexed history, grouped by article."""

from __future__ import annotations

from typing import Any

from elasticsearch import Elasticsearch, NotFoundError

from alerts.rules import Rule, RuleError, rule_query
from index.actions import read_alias

PAGE = 1000


def history_body(rule: Rule, since: str, size: int) -> dict[str, Any]:
    """The search: the rule's query (the stream matcher's source) plus the period, newest first."""
    return {
        "query": {
            "bool": {"must": [rule_query(rule)], "filter": [{"range": {"published_at": {"gte": since}}}]}
        },
        "sort": [{"published_at": "desc"}, {"id": "asc"}],
        "size": size,
        "track_total_hits": True,
    }


def history_matches(es: Elasticsearch, prefix: str, rule: Rule, since: str, limit: int) -> dict[str, Any]:
    """The matching documents and the newest ``limit`` articles among them. Raises RuleError."""
    if rule.scope == "deals":
        raise RuleError(
            "alerts test lists articles; list the deals a deals rule matches with "
            f"armswatch search --deals {rule.query!r}"
        )
    body = history_body(rule, since, PAGE if rule.scope == "mentions" else limit)
    if rule.scope == "mentions":
        body["aggs"] = {"articles": {"cardinality": {"field": "article_id"}}}
    try:
        response = es.search(index=read_alias(prefix, rule.scope), **body)
    except NotFoundError:
        raise RuleError(
            f"nothing is indexed yet under {read_alias(prefix, rule.scope)!r}: run the pipeline first"
        ) from None
    hits = [hit["_source"] for hit in response["hits"]["hits"]]
    articles: dict[str, dict[str, Any]] = {}
    for hit in hits:
        article_id = hit.get("article_id", hit["id"])
        item = articles.setdefault(
            article_id,
            {
                "article_id": article_id,
                "published_at": hit["published_at"],
                "source": hit.get("source") or "",
                "title": hit.get("title") or "",
                "url": hit.get("url") or "",
                "pairs": [],
                "evidence": [],
            },
        )
        for pair in [hit["pair"]] if "pair" in hit else hit.get("pairs", []):
            if pair not in item["pairs"]:
                item["pairs"].append(pair)
        if "evidence" in hit:
            item["evidence"].append(hit["evidence"])
    matches = list(articles.values())[:limit]
    return {
        "rule": rule.id,
        "since": since,
        "documents": response["hits"]["total"]["value"],
        "articles": (
            response["aggregations"]["articles"]["value"]
            if rule.scope == "mentions"
            else response["hits"]["total"]["value"]
        ),
        "matches": matches,
    }
