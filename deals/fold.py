"""Mentions to deals: group an article's transfers, place them in the open deal they belong to, fold
a deal's reports into its record (counts, timeline, status). Pure: no I/O, no clock.

A deal is one supplier, recipient and weapon category, plus the system when the reports name one
("Shahed-136", "KN-23"): an article's transfers of one pair and category are one report of one deal.
Reports that both name systems, and no system in common, are two deals (Fateh-110 and Fath-360 missiles
of one pair); a report naming none joins the deal its pair and category point to.
A report joins the open deal of its pair and category whose reports lie within the deal's window of
its publication date (``window``; ``named_window`` for a deal that names its system: a programme such as
"S-400" or "Rafale" is reported for years, with silences of years between order, deliveries and
trials), else it opens a new deal; a report within the window of two deals of one key (a
report in between came late) merges them into the earliest, which keeps its id. A different system
or a new quantity for the same pair and category is also a separate deal when the text says so: the
sentence announces another deal ("a new contract for 24 more jets", "a second batch") and names a
system or a quantity the deal has not got, or announces a new contract (an agreed step) beside a deal
already ordered; reports of that contract then join the deal it opened, other reports the programme.
An article in which the tagger read no transfer of a deal's pair and category, but which names both
its states and one of its systems, or nearly duplicates one of its reports, is a mention of the deal:
counted among its articles and outlets, with no status and no step of the timeline.
Deal ids hash the deal key and the period of the window's length (counted from 1970) in which the
deal's first report was published. A later deal of the same key starts more than a window after the
earlier one's first report, hence in a later period, so the id is unique, and it does not depend on
which report was folded first: a replay that reads the enriched topic's partitions in another
interleaving rebuilds the same ids (unless a deal's first reports straddle two periods). A report
already folded in (same article, same content) changes nothing, so a replayed batch counts nothing
twice.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import attrgetter
from typing import TypeVar

from armswatch.schema import (
    Category,
    Deal,
    DealReport,
    DealStep,
    EnrichedArticle,
    Money,
    Quantity,
    Status,
    TransferMention,
)
from deals.attribution import read_claim
from deals.designation import designation, names_in, same_system
from deals.designation import designations as designations_of
from deals.neardup import reworded, shares_band, shares_sentences, signature, text_marks
from index.actions import pair

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
BY_DATE = attrgetter("published_at", "article_id")
# Bounds a deal's dates start from before its first report is folded in.
NEVER_AFTER = datetime.max.replace(tzinfo=UTC)
NEVER_BEFORE = datetime.min.replace(tzinfo=UTC)
# A reworded copy (see deals.neardup.reworded) is published within a day of its original.
REWORDED_WITHIN = timedelta(days=1)


@dataclass(frozen=True)
class Report:
    """One article's transfers of one pair and category: what it adds to a deal."""

    pair: str
    category: Category
    designations: dict[str, str]  # designation key -> label as written
    new_deal: bool  # the sentence announces another deal ("a new contract", "a second batch")
    transfer: TransferMention  # the most confident of the article's transfers for this pair/category
    via: tuple[str, ...]
    weapons: tuple[str, ...]
    lemmas: str
    record: DealReport


@dataclass(frozen=True)
class FoldSettings:
    window: timedelta = timedelta(days=365)
    # A deal naming a system (a programme: "S-400", "Rafale") stays open longer: see OpenDeal.window.
    named_window: timedelta = timedelta(days=1460)
    # How late a report may come (a back-filled feed, another partition's lag) and still find its deal.
    lateness: timedelta = timedelta(days=30)
    well_sourced_confidence: float = 0.7
    signatures_kept: int = 50


def reports_of(enriched: EnrichedArticle) -> list[Report]:
    """The deal reports of an article: one per pair and category among its transfers; transfers with
    an unnamed party are left out (a deal needs both sides)."""
    groups: dict[tuple[str, str], list[TransferMention]] = {}
    for transfer in enriched.transfers:
        if not (transfer.supplier or transfer.supplier_name) or not (
            transfer.recipient or transfer.recipient_name
        ):
            continue
        groups.setdefault((pair(transfer), transfer.category), []).append(transfer)
    if not groups:
        return []
    article = enriched.article
    text_signature = signature(f"{article.title}\n{article.text}")
    reports = []
    for (pair_key, _category), transfers in groups.items():
        best = max(transfers, key=lambda t: (t.confidence, -t.start))
        named = {found.key: found.label for t in transfers for found in designations_of(t.weapon)}
        claim = read_claim(best.sentence, enriched.lang)
        reports.append(
            Report(
                pair=pair_key,
                category=best.category,
                designations=named,
                new_deal=claim.new_deal,
                transfer=best,
                via=tuple(sorted({state for t in transfers for state in t.via})),
                weapons=tuple(dict.fromkeys(t.weapon for t in transfers)),
                lemmas=" ".join(dict.fromkeys(t.sentence_lemmas for t in transfers if t.sentence_lemmas)),
                record=DealReport(
                    article_id=article.id,
                    url=article.url,
                    source=article.source,
                    lang=enriched.lang,
                    published_at=_aware(article.published_at or article.fetched_at),
                    content_hash=article.content_hash,
                    status=best.status,
                    confidence=best.confidence,
                    weapon=best.weapon,
                    evidence=best.sentence,
                    said_by=claim.said_by,
                    quantity=next((t.quantity for t in transfers if t.quantity), None),
                    value=next((t.value for t in transfers if t.value), None),
                    signature=text_signature,
                ),
            )
        )
    return reports


def _aware(when: datetime) -> datetime:
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def deal_key(pair_key: str, category: str, tag: str | None) -> str:
    """``KP>RU|ammunition|``; a deal announced beside another of its pair and category adds a tag."""
    return f"{pair_key}|{category}|{tag or ''}"


def announced_tag(report: Report) -> str:
    """What tells an announced deal from the open one: its system, else its quantity."""
    if report.designations:
        return next(iter(report.designations))
    quantity = report.record.quantity
    return f"q{quantity.value}" if quantity else report.record.article_id


def deal_id(key: str, first_report_at: datetime, window: timedelta) -> str:
    """The id of the deal of ``key`` whose first report was published at ``first_report_at``."""
    period = int((first_report_at - EPOCH) / window)
    return hashlib.sha256(f"{key}|{period}".encode()).hexdigest()[:20]


@dataclass
class OpenDeal:
    """A deal being folded: the mutable working form of a ``Deal`` record."""

    id: str
    key: str
    pair: str
    template: TransferMention  # supplier, recipient and their names, category: the deal's parties
    designations: dict[str, str] = field(default_factory=dict)
    # designation key -> (date, article id) of the first report naming it: a mention is matched against
    # the systems named before it, so that reading the articles again finds the same mentions.
    named_since: dict[str, tuple[datetime, str]] = field(default_factory=dict)
    reports: dict[str, DealReport] = field(default_factory=dict)  # by article id
    via: set[str] = field(default_factory=set)
    weapons: dict[str, None] = field(default_factory=dict)
    lemmas: dict[str, None] = field(default_factory=dict)
    first_seen: datetime = NEVER_AFTER
    last_seen: datetime = NEVER_BEFORE
    # Near-duplicate look-up: band key or content hash -> article id, for the reports that keep a
    # signature (``signed``, with their dates), so a new report is compared in 32 look-ups.
    marks: dict[str, str] = field(default_factory=dict)
    signed: dict[str, datetime] = field(default_factory=dict)

    def reported_before(self, when: datetime, article_id: str) -> bool:
        """A report of the deal comes before the article (published earlier, or the same day with a
        smaller id: the order articles are read in)."""
        return self.first_seen < when or (
            self.first_seen == when
            and any(a < article_id for a, r in self.reports.items() if r.published_at == when)
        )

    def window(self, settings: FoldSettings) -> timedelta:
        """How long the deal stays open after its last report (and how early a report may precede its
        first): a deal that names a system is a programme, reported over years with long silences
        (orders, then deliveries, then trials), so it keeps ``settings.named_window``; a deal of a
        generic weapon ("artillery shells") keeps ``settings.window``."""
        return settings.named_window if self.designations else settings.window

    def covers(self, when: datetime, settings: FoldSettings) -> bool:
        window = self.window(settings)
        return self.first_seen - window <= when <= self.last_seen + window

    def agrees(self, report: Report) -> bool:
        """The report may belong here: it names no other system than the deal's (when both name one:
        Fateh-110 and Fath-360 missiles are two deals; see ``designation.same_system``), and it announces
        no other deal ("a new contract for …") that names a system or a quantity this deal has not got.
        A report naming no system joins whichever deal its pair and category point to."""
        if (
            report.designations
            and self.designations
            and not same_system(report.designations.values(), self.designations.values())
        ):
            return False
        if not report.new_deal:
            return True
        # A new contract (an agreed step: "sign a new contract", "a second batch" ordered) is another
        # deal than the one already ordered, unless this deal is itself one announced beside another;
        # a new batch delivered is a delivery of the deal.
        if report.record.status == "agreed" and not self.announced:
            return False
        quantity = report.record.quantity
        return not (quantity is not None and stated_quantities(self) - {quantity.value})

    @property
    def announced(self) -> bool:
        """Opened by a report announcing another deal beside an open one (its key has a tag)."""
        return not self.key.endswith("|")

    def add(self, report: Report, settings: FoldSettings) -> bool:
        """Fold the report in; False when it changes nothing (the same article with the same content)."""
        incoming = report.record
        known = self.reports.get(incoming.article_id)
        if known is not None and (known.content_hash, known.status) == (
            incoming.content_hash,
            incoming.status,
        ):
            return False
        self.reports[incoming.article_id] = incoming
        self._mark_copies(incoming)
        self._remember_signature(incoming)
        self.first_seen = min(self.first_seen, incoming.published_at)
        self.last_seen = max(self.last_seen, incoming.published_at)
        for key, label in report.designations.items():
            self.designations.setdefault(key, label)
            since = BY_DATE(incoming)
            self.named_since[key] = min(since, self.named_since.get(key, since))
        self.via.update(report.via)
        self.weapons.update(dict.fromkeys(report.weapons))
        if report.lemmas:
            self.lemmas[report.lemmas] = None
        self._forget_old_signatures(settings.signatures_kept)
        return True

    def _mark_copies(self, incoming: DealReport) -> None:
        """Among the incoming report and the reports it nearly duplicates (with their own copies), the
        earliest published is the original and the others its copies, whatever the folding order."""
        group = {incoming.article_id}
        for article in self.copied(incoming):
            group.add(self.reports[article].copy_of or article)
        if len(group) == 1:
            return
        group |= {article for article, report in self.reports.items() if report.copy_of in group}
        original = min(group, key=lambda article: (self.reports[article].published_at, article))
        for article in group:
            copy_of = None if article == original else original
            if self.reports[article].copy_of != copy_of:
                self.reports[article] = self.reports[article].model_copy(update={"copy_of": copy_of})

    def copied(self, incoming: DealReport, *, reworded_too: bool = True) -> list[str]:
        """The reports ``incoming`` nearly duplicates: the same content, a band key in common, enough
        sentences in common, or, published within a day of it, enough words and word runs in common (a
        reworded copy); the last two between two outlets (one outlet's pages share their boilerplate)."""
        marks = _marks_of(incoming)
        when = incoming.published_at
        # A reworded copy shares no mark: the reports of the day before and after are compared too (none
        # when the deal's last report is older: the usual case, reports coming in order).
        neighbours = (
            [
                article
                for article, published in self.signed.items()
                if abs(published - when) <= REWORDED_WITHIN and article != incoming.article_id
            ]
            if reworded_too and self.last_seen >= when - REWORDED_WITHIN
            else []
        )
        if not neighbours and not any(map(self.marks.__contains__, marks)):  # the usual answer, at C speed
            return []
        marked = dict.fromkeys(
            article
            for mark in marks
            if (article := self.marks.get(mark)) is not None
            and article != incoming.article_id
            and article in self.reports
        )
        found = []
        for article in marked:
            report = self.reports[article]
            if (
                (incoming.content_hash is not None and report.content_hash == incoming.content_hash)
                or shares_band(incoming.signature, report.signature)
                or (
                    report.source != incoming.source
                    and shares_sentences(incoming.signature, report.signature)
                )
            ):
                found.append(article)
        for article in neighbours:
            report = self.reports[article]
            if (
                article not in found
                and report.source != incoming.source
                and reworded(incoming.signature, report.signature)
            ):
                found.append(article)
        return found

    def _remember_signature(self, report: DealReport) -> None:
        if report.signature:
            self.signed[report.article_id] = report.published_at
        for mark in _marks_of(report):
            self.marks.setdefault(mark, report.article_id)

    def _forget_old_signatures(self, kept: int) -> None:
        """Only the newest ``kept`` reports keep a signature: copies follow the original within days,
        and the record stays small however many outlets report the deal."""
        while len(self.signed) > kept:
            oldest = min(self.signed, key=lambda article: (self.signed[article], article))
            del self.signed[oldest]
            report = self.reports[oldest]
            for mark in report.signature:
                if self.marks.get(mark) == oldest:
                    del self.marks[mark]
            self.reports[oldest] = report.model_copy(update={"signature": []})

    def absorb(self, other: OpenDeal, settings: FoldSettings) -> None:
        """Take in the reports of ``other``, a deal of the same key that a report has just shown to be
        this one (it falls within the window of both)."""
        for report in sorted(other.reports.values(), key=BY_DATE):
            if report.article_id in self.reports:
                continue
            self.reports[report.article_id] = report
            self._remember_signature(report)
        for key, label in other.designations.items():
            self.designations.setdefault(key, label)
        for key, since in other.named_since.items():
            self.named_since[key] = min(since, self.named_since.get(key, since))
        self.via |= other.via
        self.weapons.update(other.weapons)
        self.lemmas.update(other.lemmas)
        self.first_seen = min(self.first_seen, other.first_seen)
        self.last_seen = max(self.last_seen, other.last_seen)
        self._forget_old_signatures(settings.signatures_kept)

    def record(self, settings: FoldSettings) -> Deal:
        reports = sorted(self.reports.values(), key=BY_DATE)
        timeline = fold_timeline(reports, settings.well_sourced_confidence)
        template = self.template
        return Deal(
            id=self.id,
            key=self.key,
            supplier=template.supplier,
            recipient=template.recipient,
            supplier_name=template.supplier_name,
            recipient_name=template.recipient_name,
            via=sorted(self.via),
            category=template.category,
            designations=sorted(self.designations.values()),
            weapons=sorted(self.weapons),
            quantity_ordered=_newest(reports, lambda r: r.quantity if r.status != "delivered" else None),
            quantity_delivered=_newest(reports, lambda r: r.quantity if r.status == "delivered" else None),
            value=_newest(reports, lambda r: r.value),
            first_seen=reports[0].published_at,
            last_seen=reports[-1].published_at,
            status=current_status(timeline),
            timeline=timeline,
            reports=reports,
            articles=len(reports),
            distinct_reports=sum(1 for report in reports if report.copy_of is None),
            outlets=len({report.source for report in reports}),
            languages=sorted({report.lang for report in reports}),
            evidence_lemmas=sorted(self.lemmas),
        )

    @classmethod
    def from_record(cls, deal: Deal) -> OpenDeal:
        """The working form of a stored deal (a restarted worker continues from it)."""
        stated = [report for report in deal.reports if report.status is not None] or deal.reports
        first = min(stated, key=BY_DATE)
        template = deal_transfer(deal, first)
        designations = {}
        for label in deal.designations:
            found = designation(label)
            designations[found.key if found else label.lower()] = label
        # The record keeps no date per system: the first report whose weapon names it, else the first.
        named_since = dict.fromkeys(designations, BY_DATE(first))
        for report in sorted(deal.reports, key=BY_DATE, reverse=True):
            for found in designations_of(report.weapon):
                if found.key in named_since:
                    named_since[found.key] = BY_DATE(report)
        opened = cls(
            id=deal.id,
            key=deal.key,
            pair=deal.key.split("|", 1)[0],
            template=template,
            designations=designations,
            named_since=named_since,
            reports={report.article_id: report for report in deal.reports},
            via=set(deal.via),
            weapons=dict.fromkeys(deal.weapons),
            lemmas=dict.fromkeys(deal.evidence_lemmas),
            first_seen=deal.first_seen,
            last_seen=deal.last_seen,
        )
        for report in sorted(deal.reports, key=BY_DATE):
            opened._remember_signature(report)
        return opened


Stated = TypeVar("Stated", Quantity, Money)


def _newest(reports: Sequence[DealReport], stated: Callable[[DealReport], Stated | None]) -> Stated | None:
    """What the newest report stating it says (``reports`` sorted by date)."""
    return next((found for report in reversed(reports) if (found := stated(report)) is not None), None)


def stated_quantities(deal: OpenDeal) -> set[int]:
    return {report.quantity.value for report in deal.reports.values() if report.quantity}


def deal_transfer(deal: Deal, report: DealReport) -> TransferMention:
    """One report of a deal as a transfer mention: the deal's parties and category, the report's
    weapon, status (the deal's for a mention, which states none), confidence, evidence, quantity and
    value."""
    return TransferMention(
        supplier=deal.supplier,
        recipient=deal.recipient,
        supplier_name=deal.supplier_name,
        recipient_name=deal.recipient_name,
        via=deal.via,
        weapon=report.weapon,
        category=deal.category,
        status=report.status or deal.status,
        confidence=report.confidence,
        sentence=report.evidence,
        start=0,
        end=len(report.evidence),
        quantity=report.quantity,
        value=report.value,
    )


def _states_and_category(deal: OpenDeal) -> tuple[frozenset[str], str]:
    """What a mention can tell of a deal: its two parties, not which supplies the other, and category."""
    return frozenset(deal.pair.split(">")), deal.template.category


# Sentences shown as evidence keep their final stop and do not end at a decimal point ("1.5 billion"),
# unlike the pieces deals.neardup hashes (cut at every stop, punctuation dropped: keys, not text).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _sentence_naming(text: str, system: str | None) -> str:
    """The first sentence of ``text`` that names ``system`` (the lead when None or not found)."""
    sentences = [sentence.strip() for sentence in SENTENCE_END.split(text) if sentence.strip()]
    named = next((sentence for sentence in sentences if system and system in sentence), None)
    return named or (sentences[0] if sentences else "")


def _marks_of(report: DealReport) -> list[str]:
    """What a copy shares with its original: a band or sentence key of the signature, or the content
    hash."""
    marks = list(text_marks(report.signature))
    if report.content_hash:
        marks.append(f"content:{report.content_hash}")
    return marks


def fold_timeline(reports: Sequence[DealReport], well_sourced_confidence: float) -> list[DealStep]:
    """One step per status, in the order each was first reported; copies add no report to a step.

    A step is well sourced when one of its reports is confident (``well_sourced_confidence``) or two
    distinct reports say it. ``reports`` must be sorted by publication date.
    """
    steps: dict[str, list[DealReport]] = {}
    for report in reports:
        if report.status is not None:  # a mention states no transfer
            steps.setdefault(report.status, []).append(report)
    timeline = []
    for said in steps.values():
        originals = [report for report in said if report.copy_of is None] or said[:1]
        first = originals[0]
        confidence = max(report.confidence for report in said)
        assert first.status is not None
        timeline.append(
            DealStep(
                status=first.status,
                first_at=first.published_at,
                last_at=said[-1].published_at,
                reports=len(originals),
                confidence=confidence,
                evidence=first.evidence,
                source=first.source,
                url=first.url,
                article_id=first.article_id,
                said_by=first.said_by,
                well_sourced=confidence >= well_sourced_confidence or len(originals) >= 2,
            )
        )
    return sorted(timeline, key=lambda step: (step.first_at, step.article_id))


def current_status(timeline: Sequence[DealStep]) -> Status:
    """The status of the latest well-sourced step (the latest step when none is well sourced)."""
    sourced = [step for step in timeline if step.well_sourced] or list(timeline)
    return sourced[-1].status


class DealBook:
    """The open deals of a worker, by pair; deals silent for longer than the window (and the lateness)
    are closed and leave memory but for their ids (they stay in Kafka and Elasticsearch), so the state is
    bounded by the open deals."""

    def __init__(self, settings: FoldSettings | None = None) -> None:
        self.settings = settings or FoldSettings()
        self.by_pair: dict[str, list[OpenDeal]] = {}
        self.newest: datetime | None = None
        self.retired: list[str] = []  # ids of deals merged into another since the last take_retired()
        self.closed: set[str] = set()  # ids of the deals closed (20 characters each: the memory they keep)

    def take_retired(self) -> list[str]:
        """The ids of the deals merged into others since the last call (their records must go)."""
        retired, self.retired = self.retired, []
        return retired

    def __len__(self) -> int:
        return sum(len(deals) for deals in self.by_pair.values())

    def restore(self, deals: Iterable[Deal]) -> None:
        """Take over stored deals (the compacted deals topic), then close those past the window."""
        for deal in deals:
            opened = OpenDeal.from_record(deal)
            self.by_pair.setdefault(opened.pair, []).append(opened)
            self._advance(deal.last_seen)
        for opened_deals in self.by_pair.values():
            opened_deals.sort(key=lambda d: (d.first_seen, d.id))
        self.close_stale()

    def place(self, report: Report) -> OpenDeal | None:
        """Fold one report into its deal (found or opened); the deal, or None if nothing changed."""
        incoming = report.record
        deals = self.by_pair.setdefault(report.pair, [])
        same_category = [deal for deal in deals if deal.template.category == report.category]
        deal = next((d for d in same_category if incoming.article_id in d.reports), None)
        if deal is None:
            deal = self._choose(same_category, report) or self._named_in_another_category(deals, report)
        if deal is None:
            # A deal the text announces beside an open one of the same pair and category is told apart
            # by what it announces; otherwise the pair and category are the key.
            announced = any(d.covers(incoming.published_at, self.settings) for d in same_category)
            key = deal_key(report.pair, report.category, announced_tag(report) if announced else None)
            identity = deal_id(key, incoming.published_at, self.settings.window)
            # Another announcement of the same period, or a report too late for a deal already closed
            # (whose record the new one must not overwrite): an id of its own.
            if identity in self.closed or any(d.id == identity for d in deals):
                identity = hashlib.sha256(f"{identity}|{incoming.article_id}".encode()).hexdigest()[:20]
            deal = OpenDeal(identity, key, report.pair, report.transfer)
            deals.append(deal)
        self._advance(incoming.published_at)
        return deal if deal.add(report, self.settings) else None

    def place_mentions(
        self,
        enriched: EnrichedArticle,
        reported: Set[tuple[frozenset[str], str]],
        text_signature: list[str] | None,
    ) -> list[OpenDeal]:
        """Fold the article in as a mention of the open deals it names without reporting them: a deal
        of two states the article names, of two states and a category (in either direction) it reports
        no transfer of and is not yet a mention of, first reported before it and within the window, of
        which it names a system or nearly duplicates an earlier report (a copy whose sentence the tagger
        missed). Per two states and category, the deal it copies, else the one it names with the most
        reports. Returns the deals that changed."""
        article = enriched.article
        when = _aware(article.published_at or article.fetched_at)
        states = list(dict.fromkeys(state.code for state in enriched.states))
        of_states = [
            deal
            for supplier in states
            for recipient in states
            if supplier != recipient
            for deal in self.by_pair.get(f"{supplier}>{recipient}", ())
        ]
        held = set(reported) | {
            _states_and_category(deal) for deal in of_states if article.id in deal.reports
        }
        candidates = [
            deal
            for deal in of_states
            if _states_and_category(deal) not in held
            # Only deals reported before it, their systems named by then and their reports before it:
            # reading the articles again, with every deal already complete, adds no mention.
            and deal.reported_before(when, article.id)
            and when <= deal.last_seen + deal.window(self.settings)
        ]
        if not candidates:
            return []
        text = f"{article.title}\n{article.text}"
        if text_signature is None:
            text_signature = signature(text)
        mentioned = DealReport(
            article_id=article.id,
            url=article.url,
            source=article.source,
            lang=enriched.lang,
            published_at=when,
            content_hash=article.content_hash,
            status=None,
            confidence=0.0,
            weapon="",
            evidence="",
            signature=text_signature,
        )
        # One deal per two states and category: a mention tells no direction, and the tagger sometimes
        # reads a transfer backwards (a few reports of RU>IR drones beside many of IR>RU).
        chosen: dict[
            tuple[frozenset[str], str],
            tuple[tuple[bool, int, datetime, str], OpenDeal, list[str], list[str]],
        ] = {}
        for deal in candidates:
            before = (when, article.id)  # what the deal had when the article came, read in order
            copied = [
                other
                for other in deal.copied(mentioned, reworded_too=False)
                if (deal.reports[other].published_at, other) < before
            ]
            named = names_in(
                text, [label for key, label in deal.designations.items() if deal.named_since[key] < before]
            )
            if not copied and not named:
                continue
            rank = (bool(copied), len(deal.reports), deal.last_seen, deal.id)
            key = _states_and_category(deal)
            if key not in chosen or rank > chosen[key][0]:
                chosen[key] = (rank, deal, copied, named)
        placed = []
        for _rank, deal, copied, named in chosen.values():
            system = named[0] if named else None
            weapon = system or deal.reports[copied[0]].weapon
            record = mentioned.model_copy(
                update={"weapon": weapon, "evidence": _sentence_naming(text, system)}
            )
            mention = Report(deal.pair, deal.template.category, {}, False, deal.template, (), (), "", record)
            if deal.add(mention, self.settings):
                placed.append(deal)
        self._advance(when)
        return placed

    def _named_in_another_category(self, deals: list[OpenDeal], report: Report) -> OpenDeal | None:
        """The open deal of the pair, of another category, that names the report's system, when no deal
        of its own category takes it: the tagger read the weapon under another category ("KN-23
        munitions")."""
        if not report.designations:
            return None
        when = report.record.published_at
        named = [
            deal
            for deal in deals
            if deal.template.category != report.category
            and deal.designations
            and deal.covers(when, self.settings)
            and same_system(report.designations.values(), deal.designations.values())
        ]
        return max(named, key=lambda d: (len(d.reports), d.last_seen, d.id), default=None)

    def _choose(self, deals: list[OpenDeal], report: Report) -> OpenDeal | None:
        when = report.record.published_at
        fitting = [d for d in deals if d.covers(when, self.settings) and d.agrees(report)]
        if not fitting:
            return None
        fitting = self._bridge(fitting)
        # A named system prefers the deal that names it over one that names none yet; then, among the
        # deals naming it, a report announcing a deal prefers one announced beside another, any other
        # report the one it was announced beside (the programme the pair and system point to).
        named = bool(report.designations)
        return max(
            fitting,
            key=lambda d: (
                named and same_system(report.designations.values(), d.designations.values()),
                named and d.announced == report.new_deal,
                d.last_seen,
                d.id,
            ),
        )

    def _bridge(self, fitting: list[OpenDeal]) -> list[OpenDeal]:
        """A report within the window of two deals of one key (they opened apart because a report in
        between came later: a replay, a back-filled feed) shows them to be one deal: the earliest
        absorbs the others, so the deals do not depend on the order reports come in."""
        by_key: dict[str, list[OpenDeal]] = {}
        for deal in fitting:
            by_key.setdefault(deal.key, []).append(deal)
        kept = []
        for same in by_key.values():
            survivor, *others = sorted(same, key=lambda d: (d.first_seen, d.id))
            for other in others:
                survivor.absorb(other, self.settings)
                self.by_pair[other.pair].remove(other)
                self.retired.append(other.id)
            kept.append(survivor)
        return kept

    def _advance(self, when: datetime) -> None:
        if self.newest is None or when > self.newest:
            self.newest = when

    def close_stale(self) -> int:
        """Drop the deals whose last report is older than the newest report seen minus their window and
        the lateness: a report that far behind the newest could no longer join them."""
        if self.newest is None:
            return 0
        closed = 0
        for pair_key in list(self.by_pair):
            kept = []
            for deal in self.by_pair[pair_key]:
                if deal.last_seen >= self.newest - deal.window(self.settings) - self.settings.lateness:
                    kept.append(deal)
                else:
                    self.closed.add(deal.id)
                    closed += 1
            if kept:
                self.by_pair[pair_key] = kept
            else:
                del self.by_pair[pair_key]
        return closed


def fold_articles(book: DealBook, articles: Iterable[EnrichedArticle]) -> list[Deal]:
    """Fold articles into the book; the records of the deals that changed, each once, in order (deals
    merged into others meanwhile are left out: ``book.take_retired()`` names them)."""
    changed: dict[str, OpenDeal] = {}
    for enriched in articles:
        reports = reports_of(enriched)
        for report in reports:
            deal = book.place(report)
            if deal is not None:
                changed[deal.id] = deal
        reported = {(frozenset(report.pair.split(">")), report.category) for report in reports}
        text_signature = reports[0].record.signature if reports else None
        for deal in book.place_mentions(enriched, reported, text_signature):
            changed[deal.id] = deal
    retired = set(book.retired)
    return [deal.record(book.settings) for deal in changed.values() if deal.id not in retired]
