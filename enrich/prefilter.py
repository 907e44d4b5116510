"""The tagger's first pass over a whole article: its sentences, the states it names, and its lemmas.

Profiled, this pass cost little in spaCy's tokenizer (compiled, and it caches each piece of text) or its
phrase matchers, and most in the per-token Python work: the lookup lemmatizer over every token and the
join of their lemmas for the index. So the pass tokenises, splits sentences and matches as before, and
takes the lemmas from the raw text instead: spaCy's tokenizer cuts a text at whitespace and tokenises each
piece (a run of whitespace or of other characters) on its own, and the lookup lemmatizer reads one token at a
time, so the lemmas of a piece are the same wherever it stands. Each distinct piece is lemmatised once and
remembered, and an article's lemmas are a dictionary look-up per piece. The tokens get their own lemmas
only in the articles whose sentences are parsed (``Article.lemmatise``), where the rules read them.

Of the candidate sentences (a weapon and a party), only those with a word that may be a transfer
predicate go to the parser (``TransferWords``): the full pipeline's tokenizer is cheap, and whether a word
may be one is decided once per word from the lemmatizer's own tables.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from enrich import roles
from enrich.lexicon import Lexicon
from enrich.matching import Matchers, StateHit, reads_sentences

PIECE = re.compile(r"\S+")  # whitespace makes tokens of its own, but no words
# Distinct pieces remembered per language (about 130 bytes each); the memory starts afresh when full.
REMEMBERED_PIECES = 100_000


def lemma_text(tokens: Iterable[Token]) -> str:
    """Lower-cased lemmas of the words (punctuation and numbers left out)."""
    return " ".join(lemma_words(tokens))


def lemma_words(tokens: Iterable[Token]) -> list[str]:
    return [(token.lemma_ or token.text).lower() for token in tokens if token.is_alpha]


@dataclass
class Article:
    """An article after the first pass: its tokens and sentences, the states named (with the character
    offset where each begins) and the lemmas of the whole text. An article that names no weapon may
    come without sentences: none of them could be a candidate."""

    doc: Doc
    sentences: list[Span]
    starts: list[int]  # character offset of each sentence
    state_hits: list[StateHit]
    hit_starts: list[int]
    lemmas: str
    lemmatiser: Callable[[Doc], Doc] | None = None  # still to run before the tokens' lemmas are read

    @classmethod
    def of(
        cls, doc: Doc, matchers: Matchers, lemmas: str, lemmatiser: Callable[[Doc], Doc] | None
    ) -> Article:
        sentences = list(doc.sents) if doc.has_annotation("SENT_START") else []
        hits = matchers.state_hits(doc)
        return cls(
            doc,
            sentences,
            [sentence.start_char for sentence in sentences],
            hits,
            [doc[hit.start].idx for hit in hits],
            lemmas,
            lemmatiser,
        )

    def lemmatise(self) -> None:
        """Give the tokens their lemmas (before the rules read any sentence of the article)."""
        if self.lemmatiser is not None:
            self.doc = self.lemmatiser(self.doc)
            self.lemmatiser = None

    def hits_between(self, start: int, end: int) -> list[StateHit]:
        """The states named from character ``start`` up to ``end``."""
        return self.state_hits[bisect_left(self.hit_starts, start) : bisect_left(self.hit_starts, end)]


class FirstPass:
    """The first pass of one language's blank pipeline (tokenizer, sentencizer, lookup lemmatizer)."""

    def __init__(self, nlp: Language, matchers: Matchers) -> None:
        self.nlp = nlp
        self.matchers = matchers
        # The Chinese tokenizer, for one, does not read whitespace-separated pieces independently.
        self.by_piece = type(nlp.tokenizer) is Tokenizer
        self.sentencizer = nlp.get_pipe("sentencizer")
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self.pieces: dict[str, tuple[str, ...]] = {}

    def whole(self, text: str) -> Article:
        """The reference: every component over the whole text, the lemmas read off its tokens."""
        doc = self.nlp(text)
        return Article.of(doc, self.matchers, lemma_text(doc), None)

    def read(self, text: str) -> Article:
        """The same as ``whole``, with the lemmas of the text from its pieces and the tokens' own
        lemmas left for ``Article.lemmatise``."""
        if not self.by_piece:
            return self.whole(text)
        doc = self.nlp.make_doc(text)
        # Splitting sentences costs a Python object per token, and most news names no weapon.
        if self.matchers.names_a_weapon(doc) or reads_sentences(text):
            doc = self.sentencizer(doc)
        return Article.of(doc, self.matchers, self.lemmas(text), self.lemmatizer)

    def lemmas(self, text: str) -> str:
        """``lemma_text`` of ``text``'s tokens, from the lemmas of its pieces."""
        words: list[str] = []
        for piece in PIECE.findall(text):
            lemmas = self.pieces.get(piece)
            if lemmas is None:
                if len(self.pieces) >= REMEMBERED_PIECES:
                    self.pieces.clear()
                lemmas = self.pieces[piece] = tuple(lemma_words(self.nlp(piece)))
            words.extend(lemmas)
        return " ".join(words)


# Every part of speech a tagger may give a token: the lemmatizer's answer depends on it.
PARTS_OF_SPEECH = (
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT",
    "SCONJ", "SYM", "VERB", "X", "SPACE",
)  # fmt: skip


class TransferWords:
    """Whether a sentence, as the full pipeline will tokenise it, has a word the rules could read as a
    transfer predicate: a cue phrase, or a token whose lower case, lemma (under any part of speech the
    tagger may give it, or as the attribute ruler sets it) or French infinitive is a cue word
    (``roles.find_predicates``). A sentence without one yields no transfer, so it need not be parsed."""

    def __init__(self, full: Language, lexicon: Lexicon, phrases: Matchers) -> None:
        self.nlp = full
        self.phrases = phrases
        # Holder words too: "India's French-built Rafales" has no transfer word (``roles.held_weapons``).
        self.cues = frozenset(lexicon.cues.verbs) | frozenset(lexicon.cues.nouns) | roles.HOLDER_WORDS
        lemmatizer = full.get_pipe("lemmatizer") if "lemmatizer" in full.pipe_names else None
        self.lemmatizer = lemmatizer if isinstance(lemmatizer, Lemmatizer) else None
        self.french = lexicon.lang == "fr"
        # Words the attribute ruler gives a cue lemma; None when a pattern does so without naming words.
        self.ruled = _ruled_words(full, self.cues)
        self.words: dict[str, bool] = {}

    def in_sentence(self, text: str) -> bool:
        if self.lemmatizer is None or self.ruled is None:
            return True
        doc = self.nlp.make_doc(text)
        if any(self._may_be_a_cue(token.text) for token in doc):
            return True
        return any(kind in ("supply", "acquire", "possess") for kind, _, _ in self.phrases.phrase_hits(doc))

    def _may_be_a_cue(self, text: str) -> bool:
        found = self.words.get(text)
        if found is None:
            if len(self.words) >= REMEMBERED_PIECES:
                self.words.clear()
            found = self.words[text] = self._read(text)
        return found

    def _read(self, text: str) -> bool:
        lower = text.lower()
        if lower in self.cues or (self.ruled and lower in self.ruled):
            return True
        if self.french and self.cues.intersection(roles._french_infinitives(lower)):
            return True
        assert self.lemmatizer is not None  # in_sentence reads no word without it
        token = Doc(self.nlp.vocab, words=[text])[0]
        for part in PARTS_OF_SPEECH:
            token.pos_ = part
            if any(lemma.lower() in self.cues for lemma in self.lemmatizer.lemmatize(token)):
                return True
        return False


def _ruled_words(full: Language, cues: frozenset[str]) -> frozenset[str] | None:
    if "attribute_ruler" not in full.pipe_names:
        return frozenset()
    ruler = full.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    words: set[str] = set()
    patterns: list[dict[str, Any]] = ruler.patterns
    for pattern in patterns:
        if str(pattern.get("attrs", {}).get("LEMMA", "")).lower() not in cues:
            continue
        for tokens in pattern["patterns"]:
            named = [_named_words(spec) for spec in tokens]
            if not all(named):
                return None
            words.update(word for accepted in named for word in accepted)
    return frozenset(words)


def _named_words(spec: dict[str, Any]) -> list[str]:
    """The words a token pattern accepts, lower-cased; none when it accepts any word."""
    words: list[str] = []
    for key in ("ORTH", "LOWER", "TEXT", "NORM"):
        value = spec.get(key)
        if isinstance(value, str):
            words.append(value.lower())
        elif isinstance(value, dict):
            words.extend(str(word).lower() for word in value.get("IN", []))
    return words
