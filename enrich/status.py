"""The status of a reported transfer: agreed, ongoing, delivered, alleged or denied.

Denial beats accusation, accusation beats the tense of the report; among facts the newest step
wins (delivered over ongoing over agreed). A delivery cue in the future ("will be delivered",
"expects to take delivery") is an agreement.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from spacy.tokens import Span, Token

from enrich import grammar
from enrich.lexicon import PLAIN, POSSESSION, CueLexicon, Status
from enrich.roles import (
    ACTOR_NOUNS,
    NEGATIONS,
    Party,
    Predicate,
    guesses_at_the_past,
    halting_verb,
    has_negation,
    negation,
    noun_phrase_climb,
    reflexive_passive,
)

FUTURE_MARKERS = grammar.words("future_markers")
RECENT_PAST_VERBS = grammar.words("recent_past_verbs")
RECENT_PAST_LINKS = grammar.words("recent_past_links")
# « selon … », « d'après … », "according to …": the phrase names the source of the report.
ATTRIBUTION_MARKERS = tuple(tuple(marker.split()) for marker in grammar.words("attribution_markers"))
# « selon les termes du contrat »: what the phrase cites is a document, not a source.
NOT_A_SOURCE = grammar.words("not_a_source")
# « des sources officielles »: a source called official is the state speaking, not hearsay.
SOURCE_NOUNS = grammar.words("source_nouns")
OFFICIAL_QUALIFIERS = grammar.words("official_qualifiers")
RELAYING_WORDS = grammar.words("relaying_words")
ADDITION_WORDS = grammar.words("addition_words")
FREE_RELATIVES = grammar.words("free_relatives")
# Clauses beside the one a denial speaks of.
SIDE_CLAUSES = frozenset({"advcl", "conj", "parataxis", "cc"})
# "with more on the way", « d'autres suivront »: deliveries go on.
CONTINUATION_PHRASES = grammar.words("continuation_phrases")
NEGATIVE_PHRASES = tuple(tuple(phrase.split()) for phrase in grammar.words("negative_phrases"))
# A passive denial names who denies with its agent, not its subject: the parser's agent, or an oblique
# phrase led by the preposition of the agent ("by", « par »).
PASSIVE_MARKS = frozenset({"auxpass", "aux:pass", "nsubjpass", "nsubj:pass", "agent", "obl:agent"})
AGENTS = frozenset({"agent", "obl:agent"})
AGENT_PREPOSITIONS = frozenset(
    word
    for table in grammar.table("prepositions").values()
    for word, position in table.items()
    if position == "by"
)
# The French « ne » that makes a negation only with « pas », « jamais »…, and "only" with « que ».
RESTRICTIVE_NE = frozenset({"ne", "n'", "n’"})
ANNOUNCING_VERBS = grammar.words("announcing_verbs")
ANNOUNCED_CONDITIONALS = grammar.words("announced_conditionals")
COMPLEMENTIZERS = grammar.words("complementizers")
APPROVAL_VERBS = grammar.words("approval_verbs")
NOT_DENIED_OBJECTS = grammar.words("not_denied_objects")
SPOKEN_NOUNS = grammar.words("spoken_nouns")
# Dependencies that start a clause of its own: an approval above one does not govern what is in it.
CLAUSE_LINKS = frozenset({"advcl", "ccomp", "conj", "parataxis", "relcl", "acl:relcl", "csubj"})
CONDITIONAL_ENDINGS = grammar.words("conditional_endings")
SIMPLE_PAST_ENDINGS = tuple(grammar.words("simple_past_endings"))
COMPLETING_VERBS = grammar.words("completing_verbs")
STARTING_VERBS = grammar.words("starting_verbs")
HOLDING_VERBS = grammar.words("holding_verbs")
TRANSFER_NOUNS = frozenset({"supply_noun", "acquire_noun"})
SALE_VERBS = grammar.words("sale_verbs")
FUTURE_STEMS: dict[str, str] = {
    str(verb): str(stem) for entry in grammar.table("future_stems").values() for verb, stem in entry.items()
}
# A bare participle or gerund in these relations to a verb has that verb's tense.
BORROWED_TENSE = frozenset({"advcl", "conj"})
FACT_ORDER: tuple[Status, ...] = ("delivered", "ongoing", "agreed")
# Precedence when one passage reports the same transfer more than once.
MERGE_ORDER: tuple[Status, ...] = ("denied", "delivered", "ongoing", "agreed", "alleged")


def _words(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()} - {""}


def _future(token: Token) -> bool:
    doc = token.doc
    window = doc[max(token.i - 3, token.sent.start if doc.has_annotation("SENT_START") else 0) : token.i]
    # "pledged tanks to Ukraine and delivered 14": "to" there is a preposition, no infinitive
    return any(word.lower_ in FUTURE_MARKERS and word.pos_ != "ADP" for word in window)


def cue_statuses(
    sentence: Span, cues: CueLexicon, phrases: Iterable[tuple[str, int, int]], relaying_cues: bool = True
) -> set[Status]:
    """Every status a sentence's words point to (before precedence); ``relaying_cues=False`` leaves out the
    words with which a news agency relays a statement ("reported", "citing")."""
    found: set[Status] = set()
    in_phrases: set[int] = set()  # "given the green light": "given" alone would say delivered
    for kind, start, end in phrases:
        if kind == PLAIN:
            in_phrases.update(range(start, end))  # « sources d'approvisionnement »: suppliers, not informants
        elif kind.startswith("status:"):
            in_phrases.update(range(start, end))
            status: Status = kind.split(":", 1)[1]  # type: ignore[assignment]
            first, last = sentence.doc[start], sentence.doc[end - 1]
            relayed = not relaying_cues and last.lower_ in RELAYING_WORDS  # "…, Greek officials said"
            if status == "alleged" and _doubts_nothing(first, last, relayed):
                continue
            found.add(_step_told(status, first, cues))
    for token in sentence:
        if token.i in in_phrases:
            continue
        words = _words(token)
        if _announced_future(token):
            continue
        for status, vocabulary in cues.status.items():
            if not words & vocabulary:
                continue
            relayed = not relaying_cues and bool(words & RELAYING_WORDS)
            if status == "alleged" and _doubts_nothing(token, token, relayed):
                continue
            if status == "denied" and _denies_something_else(token):
                continue
            if _delivers_words(token):
                continue
            step = _step_told(status, token, cues)
            if step == "delivered" and token.pos_ == "NOUN" and words & cues.nouns.keys():
                continue  # "the handover of": a transfer noun says nothing about the tense
            # « les canons cédés à l'Ukraine »: a participle the model calls a noun still tells it
            found.add(step)
        if {cues.nouns.get(word) for word in words} & TRANSFER_NOUNS:
            governed = _governed_step(token)
            if governed is not None:
                found.add(governed)
    return found


def _shown_as_held(predicate: Token) -> bool:
    """ "Armenia showed the jets it bought from Russia", « a présenté les avions qu'elle a achetés »: a
    transfer told in a relative clause on weapons that a verb of showing or using (not in the future) says
    are there was delivered."""
    if not predicate.dep_.startswith(("relcl", "acl")):
        return False
    for _, head in noun_phrase_climb(predicate.head):
        if head.pos_ in ("VERB", "AUX"):
            return head.lemma_.lower() in HOLDING_VERBS and tense_step(head) in ("delivered", "ongoing")
    return False


def _delivers_words(token: Token) -> bool:
    """ "in a speech he delivered", "delivered an address": what is delivered is spoken, not a weapon."""
    if token.dep_ in ("relcl", "acl") and token.head.lemma_.lower() in SPOKEN_NOUNS:
        return True
    return any(
        child.dep_ in ("dobj", "obj") and child.lemma_.lower() in SPOKEN_NOUNS for child in token.children
    )


def _governed_step(noun: Token) -> Status | None:
    """The step a transfer noun takes from the verb whose subject or object it is: "the deliveries took
    place", « ces ventes avaient eu lieu », "completed the delivery" (done), "deliveries began" (under way);
    None for any other verb, whose tense says nothing of the transfer ("announced the delivery")."""
    for node, head in noun_phrase_climb(noun):
        if not node.dep_.startswith(("nsubj", "obj", "dobj")):
            continue
        objects = [child.lemma_.lower() for child in head.children if child.dep_ in ("dobj", "obj")]
        reflexive = [child.lower_ for child in head.children if child.lower_ in ("se", "s'", "s’")]
        verb = head.lemma_.lower()
        phrases = {verb, *(f"{verb} {word}" for word in objects), *(f"se {verb}" for _ in reflexive)}
        # the verb's own tense, not the words before it ("from Russia to Iran took place": "to" is no future)
        if tense_step(head) not in ("delivered", "ongoing"):
            return None
        if verb in STARTING_VERBS and node.dep_ == "nsubj" and tense_step(head) == "delivered":
            return "ongoing"  # "deliveries began in May", "the deliveries have started"
        return "delivered" if phrases & COMPLETING_VERBS and tense_step(head) == "delivered" else None
    return None


def _step_told(status: Status, word: Token, cues: CueLexicon) -> Status:
    """The step a status word tells where it stands: a delivery under a verb of approving, or one said in
    the future, is agreed; one in the progressive goes on."""
    if (status in ("delivered", "ongoing") and _approved(word)) or (status == "delivered" and _future(word)):
        return "agreed"
    moving = word.lemma_.lower() in cues.verbs  # a verb of transfer: "flying" (in service) is no step
    if (
        status == "delivered"
        and moving
        and word.tag_ == "VBG"
        and any(child.dep_ == "aux" and child.lemma_.lower() == "be" for child in word.children)
    ):
        return "ongoing"  # "the tanks are arriving in batches"
    return status


def _doubts_nothing(first: Token, last: Token, relayed: bool) -> bool:
    """A word of claim (from ``first`` to ``last``) that casts no doubt on the transfer: it names an
    official source, relays a party's own statement (``relayed``), or hedges a description."""
    return _official_source(last) or relayed or _hedges_a_description(first)


def _official_source(token: Token) -> bool:
    """« des sources officielles », « de source gouvernementale »: a source noun its next word calls
    official."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ in SOURCE_NOUNS and following is not None and following.lower_ in OFFICIAL_QUALIFIERS


def _hedges_a_description(token: Token) -> bool:
    """ "China delivered the systems in what is believed to be its biggest airlift": a hedge in a free
    relative under a preposition guesses at how the event is described, not whether it happened."""
    verb = token if token.pos_ in ("VERB", "AUX") else token.head
    return verb.dep_ == "pcomp" and any(
        child.dep_.startswith("nsubj") and child.lower_ in FREE_RELATIVES for child in verb.children
    )


def _approved(token: Token) -> bool:
    """ "approved the delivery of the first batch of tanks", « a autorisé l'envoi du premier lot »: a word of
    delivery inside what a verb of approving governs tells what was approved, not what happened."""
    node = token
    while node.dep_ not in CLAUSE_LINKS and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in APPROVAL_VERBS:
            return True
    return False


def _denies_something_else(token: Token) -> bool:
    """ "dismissed the concern that …", « a rejeté la demande »: the denial word's object is no report."""
    objects = [child for child in token.children if child.dep_ in ("dobj", "obj")]
    return any(child.lemma_.lower() in NOT_DENIED_OBJECTS for child in objects)


def _announced_future(token: Token) -> bool:
    """« Le ministre a annoncé que les canons seraient remplacés »: a present conditional after a verb of
    announcing and its « que » is the future seen from the announcement, not the hedge of a report."""
    return token.lower_ in ANNOUNCED_CONDITIONALS and _after_announcement(token)


def _after_announcement(token: Token) -> bool:
    """A verb of announcing and then « que » stand before the token in its sentence."""
    before = [word.lower_ for word in token.doc[token.sent.start : token.i]]
    return any(
        word in ANNOUNCING_VERBS and any(later in COMPLEMENTIZERS for later in before[position + 1 :])
        for position, word in enumerate(before)
    )


def negated(sentence: Span, predicate: Predicate) -> bool:
    """ "Russia is not sending", "ne fournit pas": the predicate is denied in so many words."""
    doc = sentence.doc
    token = doc[predicate.index]
    if _restrictive(sentence, token) or _halt_negated(token):
        return False
    if has_negation(token) or negated_governor(token) or _none_moved(token):
        return True
    window = doc[max(token.i - 3, sentence.start) : min(token.i + 3, sentence.end)]
    return _not_yet(token) or any(negation(word) for word in window)


def _none_moved(verb: Token) -> bool:
    """ "No F-16s have been sent to Ukraine", "Kyiv has received no tanks", "none of the tanks have
    arrived": the verb's subject or object is a negation or determined by one."""
    return any(
        child.dep_.startswith(("nsubj", "dobj", "obj"))
        and (
            child.lower_ in NEGATIONS  # "none of the promised tanks have arrived"
            or any(word.dep_ == "det" and word.lower_ in NEGATIONS for word in child.children)
        )
        for child in verb.children
    )


def _halt_negated(token: Token) -> bool:
    """« Le Canada ne suspendra pas la vente », « n'envisage pas de suspendre la vente », "will not cancel
    the deal": the verb that governs the transfer is a halt, and it (or the verb it completes) is negated;
    the negation cancels the halt, not the transfer."""
    verb = halting_verb(token)
    if verb is None:
        return False
    governor = verb.head if verb.dep_ in ("xcomp", "ccomp") else verb
    return has_negation(verb) or _not_yet(verb) or has_negation(governor)


def _not_yet(verb: Token) -> bool:
    """ "has yet to approve": a pair of words before the verb negates it."""
    before = tuple(word.lower_ for word in verb.doc[max(verb.i - 3, verb.sent.start) : verb.i])
    return any(
        before[i : i + len(phrase)] == phrase for phrase in NEGATIVE_PHRASES for i in range(len(before))
    )


def negation_only(
    sentence: Span, cues: CueLexicon, phrases: list[tuple[str, int, int]], predicate: Predicate
) -> bool:
    """The predicate is negated ("has not delivered", "will not buy") and no word of the sentence denies a
    report: a denial only when a side says it, otherwise no transfer at all."""
    doc = sentence.doc
    # "never supplied", "is not sending": a transfer verb with its negation is itself no word of denial.
    words = [
        phrase
        for phrase in phrases
        if not (phrase[0] == "status:denied" and _negated_transfer_verb(doc[phrase[1] : phrase[2]], cues))
    ]
    return "denied" not in cue_statuses(sentence, cues, words) and negated(sentence, predicate)


def _negated_transfer_verb(words: Span, cues: CueLexicon) -> bool:
    last = words[-1]
    return any(word.lower_ in NEGATIONS for word in words) and bool(_words(last) & cues.verbs.keys())


def refused(sentence: Span, predicate: Predicate) -> bool:
    """A negated future ("will not supply", "would not buy") or a transfer noun under a negated verb (« la
    livraison … n'est pas à l'ordre du jour »): a refusal, never a transfer."""
    token = sentence.doc[predicate.index]
    return _future(token) or negated_governor(token)


def negated_governor(token: Token) -> bool:
    """« la livraison de chars à l'Ukraine ne semble pas à l'ordre du jour », « la question de la fourniture
    de missiles n'est plus à l'ordre du jour », "does not consider the delivery of tanks the right decision":
    the transfer noun, or the noun phrase it belongs to, is the subject or the object of a negated verb."""
    for node, head in noun_phrase_climb(token):
        if node.dep_.startswith(("nsubj", "obj", "dobj")):
            return _not_yet(head) or has_negation(head)
    return False


def _restrictive(sentence: Span, token: Token) -> bool:
    """French « ne … que » means "only", not "not": « Washington ne livre des missiles qu'à la Pologne »
    delivers. True when the only negation words near the predicate are « ne » and a later « que »."""
    doc = sentence.doc
    window = doc[max(token.i - 3, sentence.start) : sentence.end]
    words = [word.lower_ for word in window]
    negations = [word for word in words if word in NEGATIONS]
    return (
        bool(negations)
        and set(negations) <= RESTRICTIVE_NE
        and any(word in ("que", "qu'", "qu’") for word in words[words.index(negations[0]) + 1 :])
    )


def sentence_status(
    sentence: Span,
    cues: CueLexicon,
    phrases: list[tuple[str, int, int]],
    predicate: Predicate,
    context_denial: bool,
    denial_cues: bool = True,
    relaying_cues: bool = True,
) -> Status:
    """The status of a transfer reported by ``predicate`` in ``sentence``; ``denial_cues=False`` leaves
    out the sentence's words of denial (for a pair the denial does not name), ``relaying_cues=False`` the
    words that relay a statement (for a report that cites a party's own statement)."""
    found = cue_statuses(sentence, cues, phrases, relaying_cues)
    if not denial_cues:
        found.discard("denied")
    if "denied" in found or context_denial or negated(sentence, predicate):
        return "denied"
    token = sentence.doc[predicate.index]
    if "alleged" in found or guesses_at_the_past(token, sentence):
        return "alleged"
    # The tense of the verb decides only when no word says it: small models mistag tenses.
    if (
        not found & set(FACT_ORDER)
        and (predicate.kind == "supply" or _recent_past(token))
        and predicate.is_verb
        and not _future(token)
    ):
        step = tense_step(token)
        if step == "alleged":
            return step
        if step is not None:
            found.add(step)
    if _shown_as_held(token) or (
        predicate.kind in POSSESSION
        and not found & set(FACT_ORDER)
        and not _future(token)
        and "Fut" not in _feature(_tensed(token), "Tense")
    ):
        found.add("delivered")  # "Azerbaijan is using Israeli drones": held, so delivered
    if predicate.is_verb and _future_tense(token):
        # « La France livrera douze canons de plus, après en avoir livré dix-huit »: the newest step is the
        # one to come
        return "agreed"
    if "delivered" in found and _continues(sentence):
        return "ongoing"  # "has delivered more than half of the howitzers, with more on the way"
    if "agreed" in found and _promises_more(sentence, cues):
        return "agreed"  # "will supply 12 more tanks; it had supplied 18": the newest step is the promise
    for status in FACT_ORDER:
        if status in found:
            return status
    return "agreed"


def _promises_more(sentence: Span, cues: CueLexicon) -> bool:
    """A transfer verb in the future whose object adds to what went before ("will send 12 more", "plans to
    supply additional Patriot batteries"); "more than 30 tanks" counts, it adds nothing."""
    for token in sentence:
        if cues.verbs.get(token.lemma_.lower()) not in ("supply", "acquire") or not _future(token):
            continue
        for child in token.children:
            if not child.dep_.startswith(("dobj", "obj")):
                continue
            for word in child.subtree:
                following = word.nbor(1).lower_ if word.i + 1 < len(word.doc) else ""
                if word.lower_ in ADDITION_WORDS and following != "than":
                    return True
    return False


def tense_step(verb: Token) -> Status | None:
    """The step a transfer verb's own tense tells: a progressive or a simple present is under way, a past
    (an imperfect too: « livrait ») is done; a future tells no fact, nor does a conditional after an
    announcement, otherwise a report's."""
    verb = _tensed(verb)
    if _conditional(verb):
        # « la Russie livrerait des chars »: the conditional of a report, unless it is the future seen from
        # an announcement (« a annoncé que la Russie livrerait des chars »)
        return None if _after_announcement(verb) else "alleged"
    if ("Fut" in _feature(verb, "Tense") and not _simple_past(verb)) or (
        verb.lemma_.lower() in SALE_VERBS and any(child.dep_.startswith("aux") for child in verb.children)
    ):
        return None
    if verb.tag_ == "VBG" and any(word.lemma_.lower() == "be" for word in verb.lefts):
        return "ongoing"
    if (
        verb.tag_ in ("VBD", "VBN")
        or {"Past", "Imp"} & _feature(verb, "Tense")
        or _simple_past(verb)
        or _recent_past(verb)
    ):
        return "delivered"
    if verb.tag_ in ("VBZ", "VBP") or "Pres" in _feature(verb, "Tense"):
        return "ongoing"
    return None


def _recent_past(verb: Token) -> bool:
    """« L'armée vient de réceptionner ses drones », « venaient de livrer »: « venir de » and the infinitive
    tell a step just done, as a past would."""
    return (
        "Inf" in _feature(verb, "VerbForm")
        and verb.head.i != verb.i
        and verb.head.lemma_.lower() in RECENT_PAST_VERBS
        and any(child.lower_ in RECENT_PAST_LINKS for child in verb.children if child.i < verb.i)
    )


def _future_tense(verb: Token) -> bool:
    """A French verb in the future tense (« livrera », not the passé simple « livra »)."""
    return verb.lang_ == "fr" and "Fut" in _feature(verb, "Tense") and not _simple_past(verb)


def _future_stems(verb: Token) -> set[str]:
    """The stems a French future or conditional is built on: the infinitive (less the « e » of a verb in
    -re) or an irregular stem (« enverr »)."""
    lemma = verb.lemma_.lower()
    stems = {lemma, lemma.removesuffix("e")} if lemma.endswith("re") else {lemma}
    if lemma in FUTURE_STEMS:
        stems.add(FUTURE_STEMS[lemma])
    return stems


def _simple_past(verb: Token) -> bool:
    """« la Russie livra des S-400 »: the small French model tags the passé simple as a future; a future
    is built on its stem (« livrera »), the passé simple is not (accents aside: « achètera »)."""
    form = _unaccented(verb.lower_)
    return (
        verb.lang_ == "fr"
        and form.endswith(SIMPLE_PAST_ENDINGS)
        and not any(form.startswith(_unaccented(stem)) for stem in _future_stems(verb))
    )


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _feature(token: Token, name: str) -> set[str]:
    """The values of one morphological feature of a token (« Tense »: {"Past"})."""
    return set(token.morph.get(name, []))


def _conditional(verb: Token) -> bool:
    """A conditional, tagged so or (as the small French model does) an imperfect built on the infinitive:
    « livrerait », « fournirait », « vendrait »."""
    if "Cnd" in _feature(verb, "Mood"):
        return True
    stems = _future_stems(verb)
    return "Imp" in _feature(verb, "Tense") and any(
        verb.lower_ == stem + ending for stem in stems for ending in CONDITIONAL_ENDINGS
    )


def _tensed(verb: Token) -> Token:
    """The verb whose tense a transfer verb has: itself, or for a bare participle or gerund hung on another
    verb ("four shipments made their way to Ireland, providing the IRA with rifles", « en livrant ») the
    verb it hangs from; for « s'est vu livrer » the verb of the passive."""
    if reflexive_passive(verb):
        verb = verb.head
    while (
        verb.dep_ in BORROWED_TENSE
        and _feature(verb, "VerbForm") & {"Part", "Ger"}
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.head.i != verb.i
        and not any(child.dep_.startswith("aux") for child in verb.children)
    ):
        verb = verb.head
    return verb


def _continues(sentence: Span) -> bool:
    """The sentence says more deliveries follow ("with more on the way", « d'autres suivront »)."""
    text = " ".join(token.lower_ for token in sentence).replace("’", "'").replace("' ", "'")
    return any(phrase in text for phrase in CONTINUATION_PHRASES)


def denial_scope(sentence: Span, cues: CueLexicon) -> set[int]:
    """Token indices a denial word speaks of: the word, its subject and its complements ("Rwanda denied
    that it had sent drones to Congo"), not a clause beside it ("while Uganda admitted …"). Empty
    without a parse or a denial word."""
    if not sentence.doc.has_annotation("DEP"):
        return set()
    scope: set[int] = set()
    for token in sentence:
        if not _words(token) & cues.status["denied"]:
            continue
        verb = token if token.pos_ in ("VERB", "AUX") else token.head
        scope.add(verb.i)
        for child in verb.children:
            if child.dep_.startswith(("nsubj", "ccomp", "xcomp", "dobj", "obj", "pcomp", "prep")):
                scope.update(_clause(child))
    return scope


def deniers(sentence: Span, parties: Iterable[Party], cues: CueLexicon) -> set[str | None]:
    """The parties that say a denial word: its subject, or the agent of a passive (« les blindés envoyés par
    Paris ont été rejetés par Kiev »); a side that is no state counts as None ("the Houthis denied").
    Empty without a parse or when no party says it."""
    if not sentence.doc.has_annotation("DEP"):
        return set()
    states = list(parties)
    found: set[str | None] = set()
    for token in sentence:
        if not _words(token) & cues.status["denied"]:
            continue
        if token.pos_ not in ("VERB", "AUX") and not _said_by_non_state(token, states):
            continue
        passive = any(child.dep_ in PASSIVE_MARKS for child in token.children)
        for child in token.children:
            if _agent(child) if passive else child.dep_.startswith("nsubj"):
                said_by = {word.i for word in child.subtree}
                found |= {party.code for party in states if party.start in said_by}
    return found


def _said_by_non_state(word: Token, parties: list[Party]) -> bool:
    """« Les Houthis ont nié »: the small French model tags some participles as pronouns; a denial word with
    a side that is no state as its subject is still its verb."""
    subjects = {node.i for child in word.children if child.dep_.startswith("nsubj") for node in child.subtree}
    return any(party.code is None and party.start in subjects for party in parties)


def _agent(token: Token) -> bool:
    """ "rejected by Kyiv", « rejetés par Kiev »: the phrase names who did it."""
    return token.dep_ in AGENTS or (
        token.dep_.startswith("obl")
        and any(child.dep_ == "case" and child.lower_ in AGENT_PREPOSITIONS for child in token.children)
    )


def _clause(token: Token) -> set[int]:
    """The token's subtree less the clauses set beside it ("while …", "and …")."""
    found = {token.i}
    for child in token.children:
        if child.dep_ not in SIDE_CLAUSES:
            found |= _clause(child)
    return found


def merge(statuses: Iterable[Status]) -> Status:
    """One status for a transfer reported several times in a passage."""
    present = set(statuses)
    return next(status for status in MERGE_ORDER if status in present)


def attributions(sentence: Span) -> list[tuple[int, int]]:
    """Token spans of the phrases that attribute the report to a source: from « selon » / "according
    to" to the next comma or the end of the sentence. A phrase that cites a document (« selon les termes
    du contrat ») is left out."""
    doc = sentence.doc
    words = [token.lower_.replace("’", "'") for token in sentence]
    found = []
    for offset in range(len(words)):
        marker = next((m for m in ATTRIBUTION_MARKERS if tuple(words[offset : offset + len(m)]) == m), None)
        if marker is None:
            continue
        start = sentence.start + offset
        end = start + len(marker)
        while end < sentence.end and not doc[end].is_punct:
            end += 1
        if not any(doc[i].lower_ in NOT_A_SOURCE for i in range(start, end)):
            found.append((start, end))
    return found


def attributed_sources(sentence: Span, parties: Iterable[Party]) -> tuple[set[str], bool]:
    """The states a sentence names as the source of its report (« selon Moscou », « selon le ministère
    russe »), and whether one of its attributions names no state and no official (« selon le Wall Street
    Journal », « selon des sources russes »): a claim, whoever it is about."""
    doc = sentence.doc
    codes: set[str] = set()
    unnamed = False
    parties = list(parties)
    for start, end in attributions(sentence):
        actor = any(doc[i].lower_ in ACTOR_NOUNS for i in range(start, end))
        named = {
            party.code
            for party in parties
            if party.code and start <= party.start < end and (party.kind != "demonym" or actor)
        }
        codes |= named
        unnamed = unnamed or not (named or actor)  # "citing a government spokesman": an official source
    return codes, unnamed
