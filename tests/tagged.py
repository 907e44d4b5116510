"""What the tagger finds in a text, as the tests compare it: (supplier, recipient, category, status)."""

from __future__ import annotations

from collections.abc import Iterable

from armswatch.schema import TransferMention
from enrich import multilingual
from enrich.tagger import Tagger

Quad = tuple[str | None, str | None, str, str]


def _quads(transfers: Iterable[TransferMention]) -> set[Quad]:
    return {(t.supplier, t.recipient, t.category, t.status) for t in transfers}


def quads(tagger: Tagger, text: str, lang: str | None = None) -> set[Quad]:
    return _quads(tagger.tag(text, lang=lang).transfers)


def multilingual_quads(text: str, lang: str) -> set[Quad]:
    """What the multilingual path (no spaCy parser) finds, read with ``lang``'s data file."""
    return _quads(multilingual.tag(text, lang).transfers)
