"""Phrase matching of the lexicons over spaCy docs: states, weapons, cues and non-state parties.

Matchers are built once per (language, vocabulary) and are cheap to run, so the same code serves the
tokenizer-only prefilter pass and the parsed sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from armswatch.schema import Category
from enrich import grammar
from enrich.lexicon import NOT_A_WEAPON, PLAIN, Lexicon, StateKind

STATE = "STATE"
BLOCK = "BLOCK"
WEAPON = "WEAPON"
CUE = "CUE"
NON_STATE = "NON_STATE"
# Prepositions after which a capital is a place, not the state acting ("a parade in Moscow").
LOCATIVE = {
    "en": {"in", "at", "near", "outside", "inside", "around", "across", "central", "downtown"},
    "fr": {"en", "dans", "près"},
    "de": {"in", "bei", "nahe"},
    "es": {"en", "cerca"},
    "it": {"in", "presso"},
    "pt": {"em", "no", "na", "perto"},
}

# "Damascus International Airport": a capital before one of these names a facility, not the state acting.
FACILITY_NOUNS = grammar.words("facility_nouns")
FACILITY_QUALIFIERS = grammar.words("facility_qualifiers")


@dataclass(frozen=True)
class StateHit:
    start: int  # token indices in the doc
    end: int
    code: str
    kind: StateKind
    text: str


@dataclass(frozen=True)
class WeaponHit:
    start: int
    end: int
    category: Category
    text: str


def named_systems_decide(hits: list[WeaponHit]) -> list[WeaponHit]:
    """A generic noun right beside a named system is that system: « missiles Patriot », "S-400 missile
    systems" are air defence, not missiles. The name is the hit with a capital or a digit."""
    decided = list(hits)
    for index in range(len(decided) - 1):
        first, second = decided[index], decided[index + 1]
        if first.end != second.start or first.category == second.category:
            continue
        named = [hit for hit in (first, second) if any(c.isupper() or c.isdigit() for c in hit.text)]
        if len(named) == 1:
            category = named[0].category
            decided[index] = WeaponHit(first.start, first.end, category, first.text)
            decided[index + 1] = WeaponHit(second.start, second.end, category, second.text)
    return decided


# State names that are also names of US states: the sentence around them says which is meant.
SENTENCE_READ_NAMES = frozenset({"Georgia", "Washington"})


def reads_sentences(text: str) -> bool:
    """Whether telling a state from a place in ``text`` may read the sentence around a name (a cheap
    test on the raw text: it may say yes when no token is such a name, never no when one is)."""
    return any(name in text for name in SENTENCE_READ_NAMES)


@dataclass(frozen=True)
class PartyHit:
    """A non-state party such as "Houthi rebels"."""

    start: int
    end: int
    text: str


class Matchers:
    """All phrase matchers of one language, bound to one pipeline's vocabulary."""

    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.kinds: dict[str, StateKind] = {}
        self.states = PhraseMatcher(nlp.vocab, attr="ORTH")
        by_key: dict[str, list[Doc]] = {}
        for form in lexicon.states:
            key = f"{form.code}|{form.kind}"
            by_key.setdefault(key, []).append(nlp.make_doc(form.text))
        for key, docs in by_key.items():
            self.states.add(key, docs)
        self.blocks = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.blocks.add(BLOCK, [nlp.make_doc(text) for text in lexicon.not_state_phrases])
        self.weapons = PhraseMatcher(nlp.vocab, attr="LOWER")
        by_category: dict[str, list[Doc]] = {}
        for term, category in lexicon.weapons.items():
            by_category.setdefault(category, []).append(nlp.make_doc(term))
        for label, docs in by_category.items():
            self.weapons.add(label, docs)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, kind in lexicon.cues.phrases.items():
            self.phrases.add(kind, [nlp.make_doc(phrase)])
        for status, words in lexicon.cues.status.items():
            multi = [nlp.make_doc(word) for word in words if " " in word]
            if multi:
                self.phrases.add(f"status:{status}", multi)
        if lexicon.cues.plain:
            self.phrases.add(PLAIN, [nlp.make_doc(phrase) for phrase in lexicon.cues.plain])
        self.parties = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.parties.add(NON_STATE, [nlp.make_doc(text) for text in lexicon.non_state])
        # The entity recogniser, which a pipeline may leave disabled: it is read only for names that are
        # also given names, and runs then (see ``_entity_type``).
        self.recogniser = nlp.get_pipe("ner") if "ner" in nlp.component_names else None

    def state_hits(self, doc: Doc | Span) -> list[StateHit]:
        """States named in ``doc``, longest match first, without blocked phrases and mere places."""
        blocked = {i for _, start, end in self.blocks(doc) for i in range(start, end)}
        spans = [
            Span(doc.doc if isinstance(doc, Span) else doc, start, end, label=match_id)
            for match_id, start, end in self.states(doc)
        ]
        hits = []
        for span in filter_spans(spans):
            if any(i in blocked for i in range(span.start, span.end)):
                continue
            code, kind = span.label_.split("|")
            if self._not_the_state(span, kind):
                continue
            hits.append(StateHit(span.start, span.end, code, kind, span.text))  # type: ignore[arg-type]
        return hits

    def _not_the_state(self, span: Span, kind: str) -> bool:
        doc = span.doc
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if kind == "metonym":
            # "a parade in Moscow", datelines such as "MOSCOW, April 24": a place, not the state.
            if before is not None and before.lower_ in LOCATIVE.get(self.lexicon.lang, set()):
                return True
            # "Damascus International Airport", "the Tehran airport": the capital names a facility.
            following = [token.lower_ for token in doc[span.end : span.end + 2]]
            if following and following[0] in FACILITY_QUALIFIERS:
                following = following[1:]
            if following and following[0] in FACILITY_NOUNS:
                return True
            if span.text.isupper() and len(span.text) > 3:
                return True
        if span.text in self.lexicon.person_names:
            # "Jordan Peterson", "Chad Smith": a given name followed by a capitalised surname.
            if after is not None and after.is_title and after.text not in self.lexicon.us_state_context:
                return True
            if self._entity_type(span.root) == "PERSON":
                return True
        return span.text in SENTENCE_READ_NAMES and self._us_state_context(span)

    def _entity_type(self, token: Token) -> str:
        """The token's entity type, the recogniser run over its doc first when the pipeline left it out
        (in the pipeline it cost half the parse). It embeds the words itself, listening to no shared
        tok2vec, so run later it finds the entities it would have found there."""
        if self.recogniser is not None and not token.doc.has_annotation("ENT_IOB"):
            self.recogniser(token.doc)
        return token.ent_type_

    def names_a_weapon(self, doc: Doc) -> bool:
        return any(self.weapon_hits(doc))

    def _us_state_context(self, span: Span) -> bool:
        sentence = span.sent if span.doc.has_annotation("SENT_START") else span.doc[:]
        return any(token.text in self.lexicon.us_state_context for token in sentence)

    def weapon_hits(self, doc: Doc | Span) -> list[WeaponHit]:
        base = doc.doc if isinstance(doc, Span) else doc
        spans = [Span(base, start, end, label=match_id) for match_id, start, end in self.weapons(doc)]
        return named_systems_decide(
            [
                WeaponHit(span.start, span.end, span.label_, span.text)  # type: ignore[arg-type]
                for span in filter_spans(spans)
                if span.label_ != NOT_A_WEAPON
            ]
        )

    def party_hits(self, doc: Doc | Span) -> list[PartyHit]:
        base = doc.doc if isinstance(doc, Span) else doc
        spans = [Span(base, start, end) for _, start, end in self.parties(doc)]
        return [PartyHit(span.start, span.end, span.text) for span in filter_spans(spans)]

    def phrase_hits(self, doc: Doc | Span) -> list[tuple[str, int, int]]:
        """(kind, start, end) of multi-word cues, in doc token indices; kinds: supply, acquire, status:X,
        and PLAIN (a phrase that gives no status)."""
        strings: Any = doc.vocab.strings
        return [(strings[match_id], start, end) for match_id, start, end in self.phrases(doc)]
