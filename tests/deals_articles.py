"""Invented enriched articles for the deals tests: a transfer, a date, an outlet and a text."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from armswatch.schema import Article, EnrichedArticle, Quantity, Status, TransferMention

DAY0 = datetime(2025, 3, 1, tzinfo=UTC)

PATROL_BOATS = (
    "The navy of the island state received four patrol boats from its northern neighbour on Monday, the "
    "defence ministry said in a statement. The boats, built at a shipyard near the capital, will guard the "
    "fishing grounds of the southern coast. Officials said two more boats would follow before the end of "
    "the year under the same agreement. The neighbour has supplied the navy with vessels and training "
    "since the two governments signed a defence pact a decade ago."
)
# The same text with every sentence reworded: another outlet's edit of one wire story.
PATROL_BOATS_REWORDED = (
    "On Monday the island state's navy took delivery of four patrol boats from its northern neighbour, "
    "according to a statement of the defence ministry. Built at a shipyard near the capital, the boats will "
    "guard the fishing grounds off the southern coast. Two more boats will follow before the end of the "
    "year under the same agreement, officials said. Since the two governments signed a defence pact a "
    "decade ago, the neighbour has supplied vessels and training to the navy."
)


def story(
    article_id: str,
    *,
    day: int = 0,
    supplier: str | None = "KP",
    recipient: str | None = "RU",
    weapon: str = "artillery shells",
    category: str = "ammunition",
    status: Status = "ongoing",
    confidence: float = 0.9,
    source: str = "Outlet A",
    text: str | None = None,
    sentence: str | None = None,
    lang: str = "en",
    recipient_name: str | None = None,
    quantity: int | None = None,
) -> EnrichedArticle:
    """An article with one transfer; its text is unique to its id unless ``text`` is given."""
    sentence = sentence or f"{supplier or recipient_name} sent {weapon} to {recipient or recipient_name}."
    body = (
        text
        if text is not None
        else f"{sentence} Report number {article_id} says "
        + " ".join(f"w{article_id}x{i}" for i in range(40))
    )
    when = DAY0 + timedelta(days=day)
    transfer = TransferMention(
        supplier=supplier,
        recipient=recipient,
        recipient_name=recipient_name,
        weapon=weapon,
        category=category,  # type: ignore[arg-type]
        status=status,
        confidence=confidence,
        sentence=sentence,
        sentence_lemmas=sentence.lower().rstrip("."),
        quantity=Quantity(value=quantity) if quantity is not None else None,
        start=0,
        end=len(sentence),
    )
    return EnrichedArticle(
        article=Article(
            id=article_id,
            url=f"https://{source.lower().replace(' ', '')}.example.org/{article_id}",
            source=source,
            title=f"Title {article_id}",
            text=body,
            published_at=when,
            fetched_at=when,
            content_hash=hashlib.sha1(body.encode()).hexdigest(),
        ),
        lang=lang,
        states=[],
        transfers=[transfer],
        extractor="test.v1",
        enriched_at=when,
    )
