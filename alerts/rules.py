"""Alert rules: validation, compilation and matching against an enriched article. Pure, no I/O.

A rule's query is the ``armswatch search`` language. It is compiled once, when the rule is added and
when a worker loads it: first into the Elasticsearch query ``alerts test`` runs on the history, then
into a predicate (``alerts.matcher``) that the worker evaluates on the documents the indexer writes for
each new article. Both come from the same query tree, so the stream and the history agree.

Scope ``mentions`` (the default, like ``armswatch search``) matches each transfer mention on its own:
``supplier:IR AND category:drones`` needs one transfer that is both, and free words look in the
evidence sentence, title and weapon. Scope ``articles`` matches the article as a whole (title and full
text, every state and transfer it names); a minimum confidence needs the mentions scope. Scope
``deals`` matches the deals the deals stage folds reports into (``armswatch search --deals``): such a
rule fires once when a deal appears, then only when what an analyst follows changes: its status, its
parties, a larger quantity or value, or every ``every_outlets`` more outlets reporting it.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from alerts.channels import ChannelError, channel_label, parse_channel
from alerts.matcher import DocumentView, FieldSpec, Node, UnsupportedQuery, compile_node, field_specs
from armswatch.schema import Alert, AlertMode, Deal, EnrichedArticle, TransferMention
from deals.documents import deal_document, pair_name_of
from deals.fold import deal_transfer
from index.actions import article_document, fold, mention_documents, pair
from index.search import QueryError, compile_query
from index.templates import mapping

Scope = Literal["mentions", "articles", "deals"]
MODES: tuple[AlertMode, ...] = ("immediate", "throttled", "digest")
DEFAULT_EVERY_MINUTES = {"throttled": 60, "digest": 24 * 60}
DEFAULT_EVERY_OUTLETS = 10
EVERY_UNITS = {"m": 1, "h": 60, "d": 24 * 60}


class RuleError(ValueError):
    """The rule cannot be used; the message says why and how to fix it."""


class Rule(BaseModel):
    """A stored alert rule (one document of ``<prefix>-alert-rules``, id = ``id``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    query: str
    scope: Scope = "mentions"
    min_confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    channels: list[str] = Field(default_factory=list)
    mode: AlertMode = "immediate"
    every_minutes: int | None = Field(default=None, description="throttle or digest period")
    every_outlets: int | None = Field(
        default=None, ge=1, description="a deals rule fires again each time this many more outlets report"
    )
    enabled: bool = True
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    predicate: Node


@dataclass(frozen=True)
class Hit:
    """A rule that matched an article, with the transfers that matched and why."""

    rule: Rule
    enriched: EnrichedArticle
    transfers: list[TransferMention]
    reason: str


def rule_id(name: str) -> str:
    """The id of a rule named ``name``: lower case, accents dropped, runs of other characters as ``-``."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
    if not slug:
        raise RuleError(f"the rule name {name!r} needs at least one letter or digit")
    return slug[:100]


def parse_every(text: str) -> int:
    """``15m``, ``2h``, ``1d`` (or plain minutes) -> minutes. Raises RuleError."""
    found = re.fullmatch(r"\s*(\d+)\s*([mhd]?)\s*", text.lower())
    if not found or int(found.group(1)) == 0:
        raise RuleError(f"cannot read the period {text!r}: write it like 15m, 2h or 1d")
    return int(found.group(1)) * EVERY_UNITS[found.group(2) or "m"]


def new_rule(
    name: str,
    query: str,
    *,
    now: datetime,
    scope: Scope = "mentions",
    min_confidence: float | None = None,
    channels: Sequence[str] = (),
    mode: str = "immediate",
    every: str | None = None,
    every_outlets: int | None = None,
) -> Rule:
    """A validated rule. Raises RuleError with what to change (bad query, channel, mode or period)."""
    if mode not in MODES:
        raise RuleError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    if every is not None and mode == "immediate":
        raise RuleError(
            "--every sets the period of a throttled or digest rule; add --mode throttled or digest"
        )
    every_minutes = parse_every(every) if every is not None else DEFAULT_EVERY_MINUTES.get(mode)
    if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
        raise RuleError(f"the minimum confidence must be between 0 and 1, not {min_confidence}")
    if min_confidence is not None and scope == "articles":
        raise RuleError(
            "a minimum confidence applies to transfer mentions: drop --articles or --min-confidence"
        )
    if every_outlets is not None and scope != "deals":
        raise RuleError("--every-outlets applies to deals rules: add --deals or drop --every-outlets")
    if every_outlets is not None and every_outlets < 1:
        raise RuleError(f"--every-outlets must be at least 1, not {every_outlets}")
    if min_confidence is not None and scope == "deals":
        raise RuleError("a minimum confidence applies to transfer mentions: drop --deals or --min-confidence")
    for spec in channels:
        try:
            parse_channel(spec)
        except ChannelError as error:
            raise RuleError(str(error)) from None
    if len(set(channels)) != len(channels):
        raise RuleError("a channel is listed twice")
    rule = Rule(
        id=rule_id(name),
        name=name,
        query=query,
        scope=scope,
        min_confidence=min_confidence,
        channels=list(channels),
        mode=mode,
        every_minutes=every_minutes,
        every_outlets=(every_outlets or DEFAULT_EVERY_OUTLETS) if scope == "deals" else None,
        created_at=now,
        updated_at=now,
    )
    compile_rule(rule)
    return rule


def rule_query(rule: Rule) -> dict[str, Any]:
    """The Elasticsearch query of the rule on its scope's documents. Raises RuleError."""
    if not rule.query.strip():
        raise RuleError("a rule needs a query, e.g. category:drones; pair:* matches every transfer")
    try:
        query = compile_query(rule.query, rule.scope)
    except QueryError as error:
        raise RuleError(str(error)) from None
    if rule.min_confidence is None:
        return query
    return {"bool": {"must": [query], "filter": [{"range": {"confidence": {"gte": rule.min_confidence}}}]}}


@cache
def scope_fields(scope: Scope) -> dict[str, FieldSpec]:
    return field_specs(mapping(scope))


def compile_rule(rule: Rule) -> CompiledRule:
    """Compile once; raises RuleError when the query cannot be evaluated on the stream exactly."""
    query = rule_query(rule)
    try:
        return CompiledRule(rule, compile_node(query, scope_fields(rule.scope)))
    except UnsupportedQuery as error:
        raise RuleError(f"the query {rule.query!r} cannot be used in an alert rule: {error}") from None


def documents(enriched: EnrichedArticle) -> tuple[DocumentView, list[tuple[TransferMention, DocumentView]]]:
    """The article document and the mention documents the indexer writes (one per mention id: two
    transfers with the same pair and category are one document, the later one, as in the index)."""
    article = DocumentView(article_document(enriched), scope_fields("articles"))
    by_id: dict[str, tuple[TransferMention, DocumentView]] = {}
    for transfer, document in zip(enriched.transfers, mention_documents(enriched), strict=True):
        by_id[document["id"]] = (transfer, DocumentView(document, scope_fields("mentions")))
    return article, list(by_id.values())


def match(rules: Sequence[CompiledRule], enriched: EnrichedArticle) -> list[Hit]:
    """Every enabled rule that matches the article, with the matched transfers and the reason."""
    article, mentions = documents(enriched)
    hits = []
    for compiled in rules:
        rule = compiled.rule
        if not rule.enabled or rule.scope == "deals":
            continue
        if rule.scope == "articles":
            if compiled.predicate.matches(article):
                explained = compiled.predicate.explain(article)
                hits.append(Hit(rule, enriched, list(enriched.transfers), _reason(rule, explained)))
            continue
        matched = [(transfer, doc) for transfer, doc in mentions if compiled.predicate.matches(doc)]
        if matched:
            reasons: list[str] = []
            for _transfer, doc in matched:
                reasons += [reason for reason in compiled.predicate.explain(doc) if reason not in reasons]
            hits.append(Hit(rule, enriched, [transfer for transfer, _doc in matched], _reason(rule, reasons)))
    return hits


def _reason(rule: Rule, reasons: list[str]) -> str:
    held = "; ".join(reasons) if reasons else "every document matches"
    return f"{rule.query} — {held}"


def transfers_key(transfers: Sequence[TransferMention]) -> str:
    """What makes a re-alert: the matched transfers' pairs, categories and statuses (not their wording)."""
    return ",".join(sorted({f"{pair(t)}|{t.category}|{t.status}" for t in transfers}))


def alert_id(rule_id_: str, article_id: str, transfers: Sequence[TransferMention]) -> str:
    """Deterministic: the same rule on the same article with the same transfers is the same alert."""
    key = "|".join([rule_id_, article_id, transfers_key(transfers)])
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def to_alert(hit: Hit, fired_at: datetime) -> Alert:
    article = hit.enriched.article
    return Alert(
        alert_id=alert_id(hit.rule.id, article.id, hit.transfers),
        rule_id=hit.rule.id,
        rule_name=hit.rule.name,
        query=hit.rule.query,
        mode=hit.rule.mode,
        channels=[channel_label(spec) for spec in hit.rule.channels],
        article_id=article.id,
        title=article.title,
        url=article.url,
        source=article.source,
        lang=hit.enriched.lang,
        published_at=article.published_at or article.fetched_at,
        fired_at=fired_at,
        transfers=hit.transfers,
        reason=hit.reason,
    )


# Per-deal rules.


@dataclass(frozen=True)
class DealHit:
    """A deals rule that matched a deal in a state it has not alerted on (``change``)."""

    rule: Rule
    deal: Deal
    change: str
    reason: str


def deal_change(deal: Deal, every_outlets: int) -> str:
    """What makes a deal alert again: its status, its parties, a larger quantity or value than any
    stated before (by steps of about three times: 1 million, 3 million, 10 million), and each
    ``every_outlets`` more outlets reporting it. The same deal in the same state is the same change,
    so the same alert; outlets quoting 3 and then 1 million shells again are no change."""
    parties = ",".join([deal.key.split("|", 1)[0], *deal.via])
    quantities = [report.quantity.value for report in deal.reports if report.quantity]
    values = [report.value.amount for report in deal.reports if report.value]
    scale = f"{_magnitude(max(quantities, default=0))},{_magnitude(max(values, default=0.0))}"
    return f"{deal.status}|{parties}|{scale}|{deal.outlets // every_outlets}"


def _magnitude(amount: float) -> int:
    """Half orders of magnitude: 1-3 -> 0, 3.2-9 -> 1, 10-31 -> 2 … (0 for nothing stated)."""
    return int(2 * math.log10(amount)) + 1 if amount >= 1 else 0


def match_deal(rules: Sequence[CompiledRule], deal: Deal) -> list[DealHit]:
    """Every enabled deals rule that matches the deal, with the deal's current change key."""
    view = DocumentView(deal_document(deal), scope_fields("deals"))
    hits = []
    for compiled in rules:
        rule = compiled.rule
        if not rule.enabled or rule.scope != "deals" or not compiled.predicate.matches(view):
            continue
        change = deal_change(deal, rule.every_outlets or DEFAULT_EVERY_OUTLETS)
        hits.append(DealHit(rule, deal, change, _reason(rule, compiled.predicate.explain(view))))
    return hits


def deal_alert_id(rule_id_: str, deal_id: str, change: str) -> str:
    """Deterministic: one alert per rule, deal and change, however often the deal record comes by."""
    return hashlib.sha256("|".join([rule_id_, deal_id, change]).encode()).hexdigest()[:32]


def deal_title(deal: Deal) -> str:
    """``North Korea → Russia · ammunition (KN-23) · delivered — and 12 more reports``."""
    systems = f" ({', '.join(deal.designations)})" if deal.designations else ""
    more = deal.distinct_reports - 1
    return f"{pair_name_of(deal)} · {deal.category}{systems} · {deal.status}" + (
        f" — and {more} more report{'s' if more > 1 else ''}" if more else ""
    )


def to_deal_alert(hit: DealHit, fired_at: datetime) -> Alert:
    """The alert of a deal: the deal's newest report stands for the article, its evidence the transfer."""
    deal = hit.deal
    latest = max(deal.reports, key=lambda report: (report.published_at, report.article_id))
    # The deal's current status and its newest stated quantity and value, whatever the report says.
    transfer = deal_transfer(deal, latest).model_copy(
        update={
            "status": deal.status,
            "quantity": deal.quantity_delivered or deal.quantity_ordered,
            "value": deal.value,
        }
    )
    counts = f"{deal.distinct_reports} reports, {deal.outlets} outlets, {deal.articles} articles"
    return Alert(
        alert_id=deal_alert_id(hit.rule.id, deal.id, hit.change),
        rule_id=hit.rule.id,
        rule_name=hit.rule.name,
        query=hit.rule.query,
        mode=hit.rule.mode,
        channels=[parse_channel(spec).label for spec in hit.rule.channels],
        article_id=latest.article_id,
        title=deal_title(deal),
        url=latest.url,
        source=latest.source,
        lang=latest.lang,
        published_at=deal.last_seen,
        fired_at=fired_at,
        transfers=[transfer],
        reason=f"deal {deal.id} ({counts}; since {deal.first_seen:%Y-%m-%d}): {hit.reason}",
    )
