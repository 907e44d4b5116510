"""Sample records for tests and benchmarks: an article, a transfer, an enriched article, each made in
one call that states only what the caller cares about. Everything else takes a plain default."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from armswatch.schema import (
    Article,
    Category,
    EnrichedArticle,
    Money,
    Quantity,
    StateCount,
    Status,
    TransferMention,
)

SENTENCE = "Iran has supplied Russia with hundreds of Shahed drones."
# English names of the states the samples name, for their StateCount entries.
NAMES = {"IR": "Iran", "RU": "Russia", "KP": "North Korea", "FR": "France", "UA": "Ukraine", "ML": "Mali"}


def article(
    key: str | int = 1,
    *,
    text: str = SENTENCE,
    title: str | None = None,
    when: datetime | None = None,
    source: str = "Example",
    language: str | None = None,
    url: str | None = None,
) -> Article:
    """An article with id ``key`` (``s<key>`` for a number) at https://example.org/<id> (or ``url``),
    published and fetched ``when`` (default now); its title is the start of its text unless given."""
    identifier = f"s{key}" if isinstance(key, int) else key
    moment = when or datetime.now(UTC)
    return Article(
        id=identifier,
        url=url or f"https://example.org/{identifier}",
        title=text[:60] if title is None else title,
        text=text,
        source=source,
        source_domain="example.org",
        language=language,
        published_at=moment,
        fetched_at=moment,
    )


def transfer(
    sentence: str = SENTENCE,
    *,
    supplier: str | None = "IR",
    recipient: str | None = "RU",
    supplier_name: str | None = None,
    weapon: str = "Shahed drones",
    category: Category = "drones",
    status: Status = "delivered",
    confidence: float = 0.9,
    sentence_lemmas: str = "",
    quantity: Quantity | None = None,
    value: Money | None = None,
) -> TransferMention:
    """A transfer whose evidence is the whole of ``sentence`` (offsets 0 to its length)."""
    return TransferMention(
        supplier=supplier,
        recipient=recipient,
        supplier_name=supplier_name,
        weapon=weapon,
        category=category,
        status=status,
        confidence=confidence,
        sentence=sentence,
        sentence_lemmas=sentence_lemmas,
        start=0,
        end=len(sentence),
        quantity=quantity,
        value=value,
    )


def enriched(
    source: Article | None = None,
    transfers: Sequence[TransferMention] | None = None,
    *,
    lang: str = "en",
    states: Sequence[StateCount] | None = None,
    lemmas: str = "",
    extractor: str = "sample.v1",
) -> EnrichedArticle:
    """``source`` (default: ``article()``) as the enrich stage would publish it with ``transfers``
    (default: one, ``transfer()``); the states default to the transfers' supplier and recipient."""
    source = source or article()
    transfers = [transfer()] if transfers is None else list(transfers)
    if states is None:
        codes = dict.fromkeys(code for t in transfers for code in (t.supplier, t.recipient) if code)
        states = [StateCount(code=code, name=NAMES.get(code, code), count=1) for code in codes]
    return EnrichedArticle(
        article=source,
        lang=lang,
        states=list(states),
        transfers=transfers,
        lemmas=lemmas,
        extractor=extractor,
        enriched_at=source.fetched_at,
    )
