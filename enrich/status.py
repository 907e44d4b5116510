"""The status of a reported transfer: agreed, ongoing, delivered, alleged or denied.

Denial beats accusation, accusation beats the tense of the report; among facts the newest step
wins (delivered over ongoing over agreed). A delivery cue in the future ("will be delivered",
"expects to take delivery") is an agreement.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from enrich import grammar
from enrich.lexicon import CueLexicon, Status
from enrich.roles import Predicate

FUTURE_MARKERS = grammar.words("future_markers")
NEGATIONS = grammar.words("negations")
FACT_ORDER: tuple[Status, ...] = ("delivered", "ongoing", "agreed")
# Precedence when one passage reports the same transfer more than once.
MERGE_ORDER: tuple[Status, ...] = ("denied", "delivered", "ongoing", "agreed", "alleged")


def _words(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()} - {""}


def _future(token: Token) -> bool:
    doc = token.doc
    window = doc[max(token.i - 3, token.sent.start if doc.has_annotation("SENT_START") else 0) : token.i]
    return any(word.lower_ in FUTURE_MARKERS for word in window)


def cue_statuses(sentence: Span, cues: CueLexicon, phrases: Iterable[tuple[str, int, int]]) -> set[Status]:
    """Every status a sentence's words point to (before precedence)."""
    found: set[Status] = set()
    in_phrases: set[int] = set()  # "given the green light": "given" alone would say delivered
    for kind, start, end in phrases:
        if kind.startswith("status:"):
            in_phrases.update(range(start, end))
            status: Status = kind.split(":", 1)[1]  # type: ignore[assignment]
            if status == "delivered" and _future(sentence.doc[start]):
                status = "agreed"
            found.add(status)
    for token in sentence:
        if token.i in in_phrases:
            continue
        words = _words(token)
        for status, vocabulary in cues.status.items():
            if words & vocabulary:
                if status == "delivered" and _future(token):
                    found.add("agreed")
                elif status == "delivered" and token.pos_ in ("NOUN",):
                    continue  # "the delivery of": a noun says nothing about the tense
                else:
                    found.add(status)
    return found


def negated(sentence: Span, predicate: Predicate) -> bool:
    """ "Russia is not sending", "ne fournit pas": the predicate is denied in so many words."""
    doc = sentence.doc
    token = doc[predicate.index]
    if any(child.dep_ == "neg" or child.lower_ in NEGATIONS for child in token.children):
        return True
    window = doc[max(token.i - 3, sentence.start) : min(token.i + 3, sentence.end)]
    return any(word.lower_ in NEGATIONS for word in window)


def sentence_status(
    sentence: Span,
    cues: CueLexicon,
    phrases: list[tuple[str, int, int]],
    predicate: Predicate,
    context_denial: bool,
) -> Status:
    """The status of a transfer reported by ``predicate`` in ``sentence``."""
    found = cue_statuses(sentence, cues, phrases)
    if "denied" in found or context_denial or negated(sentence, predicate):
        return "denied"
    if "alleged" in found:
        return "alleged"
    token = sentence.doc[predicate.index]
    # The tense of the verb decides only when no word says it: small models mistag tenses.
    if (
        not found & set(FACT_ORDER)
        and predicate.kind == "supply"
        and predicate.is_verb
        and not _future(token)
    ):
        if token.tag_ == "VBG" and any(t.lower_ in ("is", "are", "was", "were") for t in token.lefts):
            found.add("ongoing")
        elif token.tag_ in ("VBD", "VBN") or "Tense=Past" in str(token.morph):
            found.add("delivered")
        elif token.tag_ in ("VBZ", "VBP") or "Tense=Pres" in str(token.morph):
            found.add("ongoing")
    for status in FACT_ORDER:
        if status in found:
            return status
    return "agreed"


def merge(statuses: Iterable[Status]) -> Status:
    """One status for a transfer reported several times in a passage."""
    present = set(statuses)
    return next(status for status in MERGE_ORDER if status in present)
