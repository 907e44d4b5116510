"""The messages that travel between the stages: typed, frozen, versioned records serialised as JSON.

Topics and their records:
- raw topic: ``Article`` (ingest → enrich), keyed by article id;
- enriched topic: ``EnrichedArticle`` (enrich → index, alerts), keyed by article id;
- dead-letter topic: ``DeadLetter`` (any stage), the rejected bytes and the reason.
- feeds topic: ``Feed`` and feed-state topic: ``FeedState`` (ingest), keyed by feed URL.
- alerts topic: ``Alert`` (alerts), keyed by alert id.
- deals topic: ``Deal`` (deals), compacted, keyed by deal id: the newest state of every deal.

A change that breaks readers adds a new ``schema_version``; it never edits the meaning of version 1.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

Category = Literal[
    "ammunition",
    "small_arms",
    "missiles",
    "air_defense",
    "drones",
    "armored_vehicles",
    "artillery",
    "aircraft",
    "naval",
    "other",
]
Status = Literal["agreed", "ongoing", "delivered", "alleged", "denied"]
CATEGORIES: tuple[Category, ...] = get_args(Category)
STATUSES: tuple[Status, ...] = get_args(Status)


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def to_json(self) -> bytes:
        return self.model_dump_json().encode()


class Article(Record):
    """A normalised news article, as ingest publishes it."""

    schema_version: Literal[1] = 1
    id: str = Field(description="stable id: hash of the canonical URL")
    url: str
    canonical_url: str | None = Field(default=None, description="URL without tracking parameters or fragment")
    feed_url: str | None = None
    source: str = Field(description="the publisher's name (or domain)")
    source_domain: str | None = None
    title: str = ""
    summary: str = Field(default="", description="the feed's summary, as plain text")
    text: str = Field(
        default="", description="the article as plain text: full text when extracted, else the summary"
    )
    authors: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    language: str | None = Field(default=None, description="language declared by the feed, if any")
    published_at: datetime | None = None
    published_at_estimated: bool = Field(
        default=False, description="date missing or in the future: fetch time used"
    )
    fetched_at: datetime
    content_hash: str | None = Field(
        default=None, description="hash of title and text: a change means an update"
    )


class Feed(Record):
    """A feed in the registry (the feeds topic, compacted, keyed by URL; a null value removes it)."""

    schema_version: Literal[1] = 1
    url: str
    name: str | None = Field(default=None, description="display name; default: the feed's own title")
    language: str | None = Field(default=None, description="language hint for its articles (en, fr, ...)")
    interval_seconds: float | None = Field(
        default=None, description="fixed polling interval; unset = adaptive"
    )
    full_text: bool = Field(default=True, description="fetch article pages when an entry has only a summary")
    added_at: datetime


class FeedState(Record):
    """What one feed's poller remembers between polls (the feed-state topic, compacted, keyed by URL).

    Written after every poll, once Kafka acknowledged the poll's articles: a worker that takes the
    feed over continues from here, without polling early or publishing an entry twice.
    """

    schema_version: Literal[1] = 1
    url: str
    etag: str | None = None
    last_modified: str | None = Field(default=None, description="Last-Modified, as the server wrote it")
    body_hash: str | None = Field(default=None, description="hash of the last body: catches lying validators")
    last_poll_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error_at: datetime | None = None
    last_error: str | None = Field(default=None, description="reason of the last failure, e.g. http_404")
    failures: int = Field(default=0, description="consecutive failed polls")
    entries_seen: int = Field(default=0, description="new entries published from this feed, all time")
    interval_seconds: float | None = Field(default=None, description="current polling interval")
    next_poll_at: datetime | None = None
    seen: list[str] = Field(
        default_factory=list, description="``<article id>:<content hash>`` of recent entries, oldest first"
    )


class StateCount(Record):
    """A state named in an article, with how often it was named."""

    code: str = Field(description="ISO 3166-1 alpha-2 (SU for the Soviet Union, XK for Kosovo)")
    name: str = Field(description="English short name")
    count: int


class Quantity(Record):
    """How many weapons a transfer moves, as the evidence sentence states it."""

    value: int = Field(
        ge=0, description="the number stated; for 'dozens', 'millions of' its unit (12, 1000000)"
    )
    approximate: bool = Field(
        default=False, description="stated loosely: 'about 70', 'more than', 'dozens', « des centaines »"
    )

    def label(self) -> str:
        """``~1,000,000`` or ``12``."""
        return f"{'~' if self.approximate else ''}{self.value:,}"


class Money(Record):
    """The value of a transfer, as the evidence sentence states it."""

    amount: float = Field(ge=0.0, description="in units of the currency: 2.5e9 for '$2.5 billion'")
    currency: str = Field(pattern="^[A-Z]{3}$", description="ISO 4217 code")

    def label(self) -> str:
        """``USD 2.5 billion``, ``EUR 500 million``, ``EUR 40,000``."""
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if self.amount >= size:
                return f"{self.currency} {self.amount / size:,.4g} {word}"
        return f"{self.currency} {self.amount:,.0f}"


class TransferMention(Record):
    """One (supplier, recipient, category) transfer reported in an article."""

    supplier: str | None = Field(description="ISO code, or None when the supplier is not a state")
    recipient: str | None
    supplier_name: str | None = Field(default=None, description="the party's name when it is not a state")
    recipient_name: str | None = None
    via: list[str] = Field(default_factory=list, description="transit states")
    weapon: str
    category: Category
    status: Status
    confidence: float = Field(ge=0.0, le=1.0)
    sentence: str = Field(description="the evidence sentence")
    sentence_lemmas: str = Field(default="", description="lower-cased lemmas of the evidence sentence")
    start: int = Field(description="character offset of the sentence in title + text")
    end: int
    quantity: Quantity | None = Field(default=None, description="how many (schema version 2)")
    value: Money | None = Field(default=None, description="what the transfer is worth (schema version 2)")

    def amounts(self) -> str:
        """``~1,000,000 · USD 1.5 billion``: the stated quantity and value, "" when neither is stated."""
        return " · ".join(stated.label() for stated in (self.quantity, self.value) if stated is not None)


class EnrichedArticle(Record):
    """An article with its language, the states it names and the transfers it reports.

    Version 2 added the transfers' ``quantity`` and ``value``, ``truncated`` and ``omitted``; version 1
    messages are still read (they have none of them).
    """

    schema_version: Literal[1, 2] = 2
    article: Article
    lang: str
    states: list[StateCount]
    transfers: list[TransferMention]
    lemmas: str = Field(default="", description="lower-cased lemmas of title and text, for searches by lemma")
    extractor: str = Field(description="versioned name of the extractor, e.g. armswatch.rules.v1")
    enriched_at: datetime
    truncated: bool = Field(
        default=False,
        description="only the first part of the text was tagged: it exceeded the tagger's budget",
    )
    omitted: list[str] = Field(
        default_factory=list,
        description="fields emptied because the whole record exceeded Kafka's size limit (text, lemmas): "
        "the transfers and their evidence sentences are complete",
    )


class DeadLetter(Record):
    """A message a stage could not process, with the reason; the original bytes are kept."""

    schema_version: Literal[1] = 1
    stage: str
    reason: str = Field(description="short machine-readable reason, e.g. invalid_json")
    error: str = Field(description="human-readable detail")
    topic: str
    partition: int
    offset: int
    key: str | None = None
    payload: str = Field(description="the original message value, decoded as UTF-8 with replacement")
    at: datetime


AlertMode = Literal["immediate", "throttled", "digest"]


class Alert(Record):
    """A rule that fired on an article: what the alerts topic carries and every channel reports.

    ``alert_id`` is deterministic (rule, article, matched transfers), so a consumer that sees the same
    id twice (delivery is at least once) can drop the second.

    Version 2: its transfers may carry a ``quantity`` and a ``value``; version 1 alerts are still read.
    """

    schema_version: Literal[1, 2] = 2
    alert_id: str
    rule_id: str
    rule_name: str
    query: str = Field(description="the rule's query, in the `armswatch search` language")
    mode: AlertMode
    channels: list[str] = Field(description="where the alert goes, as channel labels (no secrets)")
    article_id: str
    title: str
    url: str
    source: str
    lang: str
    published_at: datetime
    fired_at: datetime
    transfers: list[TransferMention] = Field(description="the transfers that matched, with their evidence")
    reason: str = Field(description="why the rule matched, in words")


class DealReport(Record):
    """One article reporting a deal, with what it says about it (a syndicated copy is kept, marked).

    A mention (deal version 2) is an article in which the tagger read no transfer of the deal, but which
    names both its states and one of its systems, or copies one of its reports: it has no status, adds
    no step to the timeline, and its evidence is the sentence naming the system (else the lead).
    """

    article_id: str
    url: str
    source: str = Field(description="the outlet")
    lang: str
    published_at: datetime
    content_hash: str | None = None
    status: Status | None = Field(description="what the article says of the transfer; None for a mention")
    confidence: float = Field(ge=0.0, le=1.0)
    weapon: str = Field(description="the weapon as the article names it")
    evidence: str = Field(description="the evidence sentence")
    said_by: str | None = Field(default=None, description="who the sentence attributes the claim to")
    quantity: Quantity | None = Field(default=None, description="how many, as the sentence states it")
    value: Money | None = Field(default=None, description="what it is worth, as the sentence states it")
    copy_of: str | None = Field(
        default=None, description="article id of the earlier report this one copies (wire, syndication)"
    )
    signature: list[str] = Field(
        default_factory=list, description="near-duplicate band keys of the text (newest reports only)"
    )


class DealStep(Record):
    """A run of reports with one status, in date order: alleged, then delivered, then denied..."""

    status: Status
    first_at: datetime
    last_at: datetime
    reports: int = Field(description="distinct reports (copies not counted) saying it")
    confidence: float = Field(ge=0.0, le=1.0, description="the highest confidence among them")
    evidence: str = Field(description="the first report's evidence sentence")
    source: str
    url: str
    article_id: str
    said_by: str | None = None
    well_sourced: bool = Field(description="confident enough, or said by several reports")


class Deal(Record):
    """A transfer as an analyst thinks of it: one supplier, recipient and weapon, over many reports.

    ``id`` is a hash of the deal key and its first report, so a replay rebuilds the same ids.

    Version 2: a report may be a mention, with no status (see ``DealReport``); version 1 deals are still
    read (every report has a status).
    """

    schema_version: Literal[1, 2] = 2
    id: str
    key: str = Field(
        description="supplier>recipient|category|tag (a tag only for a deal announced beside another)"
    )
    supplier: str | None = Field(description="ISO code, or None when the supplier is not a state")
    recipient: str | None
    supplier_name: str | None = Field(default=None, description="the party's name when it is not a state")
    recipient_name: str | None = None
    via: list[str] = Field(default_factory=list, description="transit states named by any report")
    category: Category
    designations: list[str] = Field(
        default_factory=list, description="system names as first written: Shahed-136, KN-23, Leopard 2"
    )
    weapons: list[str] = Field(default_factory=list, description="the weapons as the reports name them")
    quantity_ordered: Quantity | None = Field(
        default=None, description="the newest quantity stated by a report that is not of a delivery"
    )
    quantity_delivered: Quantity | None = Field(
        default=None, description="the newest quantity stated by a report of a delivery"
    )
    value: Money | None = Field(default=None, description="the newest value stated")
    first_seen: datetime
    last_seen: datetime
    status: Status = Field(description="the latest well-sourced step's status")
    timeline: list[DealStep]
    reports: list[DealReport] = Field(description="every article, oldest first")
    articles: int
    distinct_reports: int = Field(description="articles that are not copies of another")
    outlets: int = Field(description="distinct outlets")
    languages: list[str]
    evidence_lemmas: list[str] = Field(
        default_factory=list, description="lemmas of each distinct evidence sentence, for searches"
    )


TOPIC_RECORDS: dict[str, type[Record]] = {
    "feed": Feed,
    "feed_state": FeedState,
    "article": Article,
    "enriched_article": EnrichedArticle,
    "dead_letter": DeadLetter,
    "alert": Alert,
    "deal": Deal,
}
SCHEMA_DIR = Path(__file__).parent / "schemas"


def write_json_schemas(directory: Path = SCHEMA_DIR) -> list[Path]:
    """Write the JSON schema of every message (``<name>.v<version>.json``) for non-Python consumers."""
    directory.mkdir(exist_ok=True)
    written = []
    for name, model in TOPIC_RECORDS.items():
        version = model.model_fields["schema_version"].default
        path = directory / f"{name}.v{version}.json"
        path.write_text(json.dumps(model.model_json_schema(), indent=2, ensure_ascii=False) + "\n")
        written.append(path)
    return written
