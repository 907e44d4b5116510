"""What the pages show, from the documents the indexer writes: pure functions, no I/O.

Text from feeds leaves here as plain strings with character spans to emphasise; the page builds its
elements from them with ``textContent``, never as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from enrich.lexicon import lexicon

# Elasticsearch's highlighter wraps matches in these (private-use characters no news text carries),
# so that the text stays text: the spans are cut out here instead of trusting markup.
MATCH_START = "\ue000"
MATCH_END = "\ue001"
Span = tuple[int, int, str]


@dataclass(frozen=True)
class StreamFilters:
    """The Live page's filters; each one narrows the stream (and its backfill) by an exact field."""

    pair: str = ""
    state: str = ""
    category: str = ""
    status: str = ""
    lang: str = ""
    query: str = ""

    @classmethod
    def from_params(cls, params: Any) -> StreamFilters:
        values = {name: (params.get(name) or "").strip() for name in cls.__dataclass_fields__}
        # State codes are upper case ("kp>ru" means KP>RU); a non-state party (~name) keeps its case.
        values["state"] = values["state"].upper()
        values["pair"] = ">".join(p if p.startswith("~") else p.upper() for p in values["pair"].split(">"))
        return cls(**values)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def filters_query(filters: StreamFilters) -> str:
    """The filters as one query of the search language, so the stream and the history are selected by
    one compiled query (``index.search.compile_query``)."""
    parts = [f"({filters.query})"] if filters.query else []
    if filters.pair:
        parts.append(f"pair:{_quoted(filters.pair)}")
    if filters.state:
        parts.append(f"(supplier:{_quoted(filters.state)} OR recipient:{_quoted(filters.state)})")
    for name in ("category", "status", "lang"):
        value = getattr(filters, name)
        if value:
            parts.append(f"{name}:{_quoted(value)}")
    return " AND ".join(parts)


@cache
def _state_forms(lang: str) -> dict[str, tuple[str, ...]]:
    """Code -> the ways a text in ``lang`` names the state (names, demonyms, capitals, leaders)."""
    try:
        states = lexicon(lang).states
    except Exception:  # a language without lexicon data: the English forms are the best guess
        states = lexicon("en").states
    forms: dict[str, list[str]] = {}
    for form in states:
        forms.setdefault(form.code, []).append(form.text)
    return {code: tuple(sorted(texts, key=len, reverse=True)) for code, texts in forms.items()}


def _find_all(text: str, needle: str, case_sensitive: bool) -> list[tuple[int, int]]:
    if not needle:
        return []
    flags = 0 if case_sensitive else re.IGNORECASE
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text, flags)]


def party_spans(sentence: str, mention: dict[str, Any]) -> list[Span]:
    """Where the sentence names the supplier, the recipient and the weapon (longest forms first,
    no overlaps), as (start, end, role)."""
    taken: list[Span] = []

    def add(role: str, needles: list[str], case_sensitive: bool) -> None:
        for needle in needles:
            for start, end in _find_all(sentence, needle, case_sensitive):
                if all(end <= s or start >= e for s, e, _role in taken):
                    taken.append((start, end, role))

    forms = _state_forms(mention.get("lang") or "en")
    for role in ("supplier", "recipient"):
        code = mention.get(role)
        needles = list(forms.get(code, ())) if code else []
        name = mention.get(f"{role}_name")
        add(role, [*needles, *([name] if name else [])], case_sensitive=True)
    # The tagger lists every weapon term of the sentence: "drones; Shahed; drones".
    terms = {term.strip() for term in (mention.get("weapon") or "").split(";") if term.strip()}
    add("weapon", sorted(terms, key=len, reverse=True), case_sensitive=False)
    return sorted(taken)


def marked_spans(marked: str) -> tuple[str, list[Span]]:
    """Text highlighted by Elasticsearch with ``MATCH_START``/``MATCH_END`` -> plain text and spans."""
    plain: list[str] = []
    spans: list[Span] = []
    position = 0
    start: int | None = None
    for piece in re.split(f"([{MATCH_START}{MATCH_END}])", marked):
        if piece == MATCH_START:
            start = position
        elif piece == MATCH_END:
            if start is not None and position > start:
                spans.append((start, position, "match"))
            start = None
        else:
            plain.append(piece)
            position += len(piece)
    return "".join(plain), spans


def mention_card(doc: dict[str, Any], highlight: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """A transfer as the pages show it: parties with codes and names, what, status, source, link, the
    evidence with its parties and weapon marked (and the query's matches, when searched)."""
    evidence = doc.get("evidence") or ""
    spans = party_spans(evidence, doc)
    if highlight and highlight.get("evidence"):
        plain, matches = marked_spans(highlight["evidence"][0])
        if plain == evidence:
            spans = sorted(
                [*spans, *(m for m in matches if all(m[1] <= s or m[0] >= e for s, e, _r in spans))]
            )
    card = {
        key: doc.get(key)
        for key in (
            "id",
            "article_id",
            "supplier",
            "recipient",
            "supplier_name",
            "recipient_name",
            "pair",
            "pair_name",
            "via",
            "weapon",
            "category",
            "status",
            "quantity",
            "quantity_approximate",
            "value",
            "currency",
            "confidence",
            "title",
            "url",
            "source",
            "source_domain",
            "lang",
            "published_at",
            "enriched_at",
        )
    }
    card["evidence"] = evidence
    card["spans"] = [list(span) for span in spans]
    return card


def article_card(doc: dict[str, Any], highlight: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """An article search hit: title (query matches marked), source, date, its transfers, link."""
    title = doc.get("title") or ""
    spans: list[Span] = []
    if highlight and highlight.get("title"):
        plain, spans = marked_spans(highlight["title"][0])
        if plain != title:
            spans = []
    return {
        "id": doc.get("id"),
        "title": title,
        "spans": [list(span) for span in spans],
        "url": doc.get("url"),
        "source": doc.get("source"),
        "lang": doc.get("lang"),
        "published_at": doc.get("published_at"),
        "pairs": doc.get("pairs") or [],
        "pair_names": doc.get("pair_names") or [],
        "categories": doc.get("transfer_categories") or [],
        "states": doc.get("states") or [],
    }


def flat_row(doc: dict[str, Any]) -> dict[str, Any]:
    """One exported row: lists joined, every value a string or a number."""
    return {
        key: "; ".join(str(item) for item in value) if isinstance(value, list) else value
        for key, value in doc.items()
        if key not in ("search_text", "folded", "lemmas", "evidence_lemmas", "text", "mention_ids", "spans")
    }
