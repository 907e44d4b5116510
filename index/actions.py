"""Enriched articles to Elasticsearch documents and bulk actions: pure functions, no I/O.

Two kinds of document, each in monthly indices by publication date
(``<prefix>-articles-v<N>-YYYY.MM``, ``<prefix>-mentions-v<N>-YYYY.MM``) read through the aliases
``<prefix>-articles`` and ``<prefix>-mentions``. Ids are deterministic, so a replay overwrites
instead of duplicating.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from armswatch.schema import EnrichedArticle, TransferMention
from enrich.lexicon import english_names

INDEX_VERSION = 1
# Combining diacritical marks (and their supplements), left alone by NFKD as separate characters.
COMBINING_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
KINDS = ("articles", "mentions")


def read_alias(prefix: str, kind: str) -> str:
    return f"{prefix}-{kind}"


def index_pattern(prefix: str, kind: str, version: int = INDEX_VERSION) -> str:
    return f"{prefix}-{kind}-v{version}-*"


def index_name(prefix: str, kind: str, when: datetime, version: int = INDEX_VERSION) -> str:
    return f"{prefix}-{kind}-v{version}-{when:%Y.%m}"


def pair(mention: TransferMention) -> str:
    """``KP>RU``; a party that is not a state shows as ``~name``."""
    supplier = mention.supplier or f"~{mention.supplier_name or 'unknown'}"
    recipient = mention.recipient or f"~{mention.recipient_name or 'unknown'}"
    return f"{supplier}>{recipient}"


def state_name(code: str) -> str:
    """The English short name of a state code ("KP" -> "North Korea"), from the tagger's own state data;
    the code itself when the data has no name for it."""
    return english_names().get(code) or code


def party_name(code: str | None, name: str | None) -> str | None:
    """What dashboards show for a supplier or recipient: a state's English name, else the party's own
    name (an armed group, a company), else None."""
    return state_name(code) if code else name


def pair_name(mention: TransferMention) -> str:
    """``North Korea → Russia``: the readable counterpart of ``pair``."""
    supplier = party_name(mention.supplier, mention.supplier_name) or "unknown"
    recipient = party_name(mention.recipient, mention.recipient_name) or "unknown"
    return f"{supplier} → {recipient}"


def mention_id(article_id: str, mention: TransferMention) -> str:
    key = "|".join([article_id, pair(mention), mention.category])
    return hashlib.sha1(key.encode()).hexdigest()[:24]


def fold(text: str) -> str:
    """Lower case without accents ("Livrés à Téhéran" -> "livres a teheran"): the node has no
    asciifolding filter, so documents and queries are folded here, the same way."""
    if text.isascii():
        return text.lower()
    return COMBINING_MARKS.sub("", unicodedata.normalize("NFKD", text)).lower()


def _published(enriched: EnrichedArticle) -> datetime:
    return enriched.article.published_at or enriched.article.fetched_at


def article_document(enriched: EnrichedArticle) -> dict[str, Any]:
    article = enriched.article
    transfers = enriched.transfers
    return {
        "id": article.id,
        "url": article.url,
        "canonical_url": article.canonical_url,
        "feed_url": article.feed_url,
        "source": article.source,
        "source_domain": article.source_domain,
        "title": article.title,
        "summary": article.summary,
        "text": article.text,
        "authors": article.authors,
        "categories": article.categories,
        "lang": enriched.lang,
        "published_at": _published(enriched).isoformat(),
        "published_at_estimated": article.published_at is None or article.published_at_estimated,
        "fetched_at": article.fetched_at.isoformat(),
        "enriched_at": enriched.enriched_at.isoformat(),
        "content_hash": article.content_hash,
        "extractor": enriched.extractor,
        "states": [state.code for state in enriched.states],
        "state_names": [state.name for state in enriched.states],
        "suppliers": sorted({t.supplier or t.supplier_name or "" for t in transfers} - {""}),
        "recipients": sorted({t.recipient or t.recipient_name or "" for t in transfers} - {""}),
        "pairs": sorted({pair(t) for t in transfers}),
        "pair_names": sorted({pair_name(t) for t in transfers}),
        "transfer_categories": sorted({t.category for t in transfers}),
        "statuses": sorted({t.status for t in transfers}),
        "transfer_count": len(transfers),
        "mention_ids": [mention_id(article.id, mention) for mention in transfers],
        "lemmas": enriched.lemmas,
        "folded": fold(" ".join((article.title, article.summary, article.text))),
        "has_transfer": bool(transfers),
    }


def mention_documents(enriched: EnrichedArticle) -> list[dict[str, Any]]:
    article = enriched.article
    return [
        {
            "id": mention_id(article.id, mention),
            "article_id": article.id,
            "supplier": mention.supplier,
            "recipient": mention.recipient,
            "pair": pair(mention),
            "pair_name": pair_name(mention),
            "supplier_name": party_name(mention.supplier, mention.supplier_name),
            "recipient_name": party_name(mention.recipient, mention.recipient_name),
            "via": mention.via,
            "category": mention.category,
            "weapon": mention.weapon,
            "status": mention.status,
            "confidence": mention.confidence,
            "quantity": mention.quantity.value if mention.quantity else None,
            "quantity_approximate": mention.quantity.approximate if mention.quantity else None,
            "value": mention.value.amount if mention.value else None,
            "currency": mention.value.currency if mention.value else None,
            "evidence": mention.sentence,
            "evidence_start": mention.start,
            "evidence_end": mention.end,
            "evidence_lemmas": mention.sentence_lemmas,
            "folded": fold(" ".join((mention.sentence, article.title, mention.weapon))),
            "title": article.title,
            "url": article.url,
            "source": article.source,
            "source_domain": article.source_domain,
            "lang": enriched.lang,
            "published_at": _published(enriched).isoformat(),
            "enriched_at": enriched.enriched_at.isoformat(),
            "extractor": enriched.extractor,
        }
        for mention in enriched.transfers
    ]


def article_index(enriched: EnrichedArticle, prefix: str, version: int = INDEX_VERSION) -> str:
    """The index that holds this article's document."""
    return index_name(prefix, "articles", _published(enriched), version)


def bulk_actions(
    enriched: EnrichedArticle, prefix: str, version: int = INDEX_VERSION
) -> list[dict[str, Any]]:
    """The actions of one enriched article: index its article document and one per mention."""
    article = article_document(enriched)
    mentions_index = index_name(prefix, "mentions", _published(enriched), version)
    actions = [
        {
            "_op_type": "index",
            "_index": article_index(enriched, prefix, version),
            "_id": article["id"],
            "_source": article,
        }
    ]
    actions += [
        {"_op_type": "index", "_index": mentions_index, "_id": document["id"], "_source": document}
        for document in mention_documents(enriched)
    ]
    return actions


def stale_mention_deletes(
    enriched: EnrichedArticle, prefix: str, version: int, previous_mention_ids: Iterable[str]
) -> list[dict[str, Any]]:
    """Delete the mentions an earlier version of the article had (``previous_mention_ids``) but this
    one has not: an updated article must not keep a transfer it no longer reports."""
    current = {mention_id(enriched.article.id, mention) for mention in enriched.transfers}
    mentions_index = index_name(prefix, "mentions", _published(enriched), version)
    return [
        {"_op_type": "delete", "_index": mentions_index, "_id": mention}
        for mention in sorted(set(previous_mention_ids) - current)
    ]
