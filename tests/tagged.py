"""What the tagger finds in a text, as the tests compare it: (supplier, recipient, category, status)."""

from __future__ import annotations

from enrich.tagger import Tagger

Quad = tuple[str | None, str | None, str, str]


def quads(tagger: Tagger, text: str, lang: str | None = None) -> set[Quad]:
    return {(t.supplier, t.recipient, t.category, t.status) for t in tagger.tag(text, lang=lang).transfers}
