"""The tagger's first pass over a whole article: its sentences, the states it names, and its lemmas.

Profiled, this pass cost little in spaCy's tokenizer (compiled, and it caches each piece of text) or its
phrase matchers, and most in the per-token Python work: the lookup lemmatizer over every token and the
join of their lemmas for the index. So the pass tokenises, splits sentences and matches as before, and
takes the lemmas from the raw text instead: spaCy's tokenizer cuts a text at whitespace and tokenises each
piece (a run of whitespace or of other characters) on its own, and the lookup lemmatizer reads one token at a
time, so the lemmas of a piece are the same wherever it stands. Each distinct piece is lemmatised once and
remembered, and an article's lemmas are a dictionary look-up per piece. The tokens get their own lemmas
only in the articles whose sentences are parsed (``Article.lemmatise``), where the rules read them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token

from enrich.matching import Matchers, StateHit

PIECE = re.compile(r"\s+|\S+")
# Distinct pieces remembered per language (some MB); the memory starts afresh when it is full.
REMEMBERED_PIECES = 200_000


def lemma_text(tokens: Iterable[Token]) -> str:
    """Lower-cased lemmas of the words (punctuation and numbers left out)."""
    return " ".join(lemma_words(tokens))


def lemma_words(tokens: Iterable[Token]) -> list[str]:
    return [(token.lemma_ or token.text).lower() for token in tokens if token.is_alpha]


@dataclass
class Article:
    """An article after the first pass: its tokens and sentences, the states named (with the character
    offset where each begins) and the lemmas of the whole text."""

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
        sentences = list(doc.sents)
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
        doc = self.sentencizer(self.nlp.make_doc(text))
        return Article.of(doc, self.matchers, self.lemmas(text), self.lemmatizer)

    def lemmas(self, text: str) -> str:
        """``lemma_text`` of ``text``'s tokens, from the lemmas of its pieces."""
        words: list[str] = []
        for match in PIECE.finditer(text):
            piece = match.group()
            if piece[0].isspace():
                continue  # whitespace tokens are no words
            lemmas = self.pieces.get(piece)
            if lemmas is None:
                if len(self.pieces) >= REMEMBERED_PIECES:
                    self.pieces.clear()
                lemmas = self.pieces[piece] = tuple(lemma_words(self.nlp(piece)))
            words.extend(lemmas)
        return " ".join(words)
