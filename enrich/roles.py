"""Who gives and who gets: the role of each party in one sentence, from its transfer predicates.

Pure functions over a spaCy ``Span`` (parsed or not). Each party mention gets a grammatical position
relative to its predicate (subject, object, the object of a preposition, a possessor, the origin of a
weapon), and the predicate's kind maps that position to supplier or recipient:

    supply   "Iran supplied Russia with drones", "was provided to Iran by Russia"
    acquire  "Egypt bought K9 howitzers from South Korea", "commandé à la Russie"
    arrival  "FA-50 jets have arrived in Poland", "ont été acheminés vers l'Arménie"
    nouns    "the sale of frigates to Egypt", "Russia's deliveries", "l'achat par l'Algérie"
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, cast, get_args

from spacy.tokens import Span, Token

from enrich import grammar
from enrich.lexicon import POSSESSION, CueKind, CueLexicon

Position = Literal[
    "other",
    "subject",
    "object",
    "to",
    "from",
    "by",
    "at",
    "of",
    "with",
    "between",  # "an agreement between Brazil and Sweden": both sides of a deal
    "via",
    "possessor",
    "owner",  # "India's recently acquired Rafales": owns what the participle describes
    "origin",
    "counterparty",  # "a deal with France": the side opposite the subject's
    "reporter",  # the subject of "said" that governs the transfer: a source, not a party
]
Role = Literal["supplier", "recipient"]

PREPOSITIONS: dict[str, dict[str, Position]] = grammar.table("prepositions")
for _lang, _table in PREPOSITIONS.items():
    for _word, _position in _table.items():
        if _position not in get_args(Position):
            raise ValueError(f"grammar/{_lang}.yaml: {_word!r} gives the unknown position {_position!r}")
# "to" after these words does not point at a recipient ("according to", « grâce à »).
NOT_A_DIRECTION: dict[str, tuple[str, ...]] = {
    preposition: tuple(before)
    for by_preposition in grammar.table("not_a_direction").values()
    for preposition, before in by_preposition.items()
}
OTHER_PREPOSITIONS: dict[str, list[str]] = grammar.table("other_prepositions")
# « en provenance de », « à destination de », « au profit de »: the noun before an "of" preposition that makes
# the phrase a direction (per language: noun -> position).
COMPOUND_PREPOSITIONS: dict[str, dict[str, Position]] = grammar.table("compound_prepositions")
# « ne suspendra pas la vente », "will not cancel the deal": a halt that is negated leaves the transfer.
HALTING_VERBS = grammar.words("halting_verbs")
RULING_OUT_VERBS = grammar.words("ruling_out_verbs")
REFUSING_VERBS = grammar.words("refusing_verbs")
# International organisations whose word about states' transfers is a third party's (per language: "un").
THIRD_PARTY_SPEAKERS: dict[str, list[str]] = grammar.table("third_party_speakers")
# « a déclaré à l'ONU », "told the UN": the organisation is spoken to.
ADDRESSEE_PREPOSITIONS = grammar.words("addressee_prepositions")
# Words after an inverted verb of saying that may still name its speaker (« a déclaré jeudi le secrétaire
# général de l'OTAN »).
SPEAKER_REACH = 8
BENEFACTIVE = grammar.words("benefactive")
BENEFICIARY_PREPOSITIONS = grammar.words("beneficiary_prepositions")
ARTICLES = grammar.words("articles")
DEFINITE_CONTRACTIONS = grammar.words("definite_contractions")
SKIPPABLE = ARTICLES | grammar.words("skippable")
COORDINATION = ARTICLES | grammar.words("coordination")
ACTOR_NOUNS = grammar.words("actor_nouns")
NOMINAL_MARKERS = ARTICLES | grammar.words("nominal_markers")
DEFIANCE = grammar.words("defiance")
REPORTING_VERBS = grammar.words("reporting_verbs")
SPEAKER_PRONOUNS = grammar.words("speaker_pronouns")
REFLEXIVE_CLITICS = grammar.words("reflexive_clitics")
REFLEXIVE_PASSIVE_VERBS = grammar.words("reflexive_passive_verbs")
MAKING_WORDS = grammar.words("making_words")
# « de fabrication turque », "of Russian manufacture": the demonym beside one of these names the maker.
MAKING_NOUNS = grammar.words("making_nouns")
ACCUSING_VERBS = grammar.words("accusing_verbs")
EPISTEMIC_MODALS = grammar.words("epistemic_modals")
NEGATIONS = grammar.words("negations")
ADDITIVE_FOCUS = grammar.words("additive_focus")
PREVENTIVE_PREPOSITIONS = grammar.words("preventive_prepositions")
DISSUADING_VERBS = grammar.words("dissuading_verbs")
DISSUASION_LINKS = grammar.words("dissuasion_links")
EVIDENCE_VERBS = grammar.words("evidence_verbs")
CONDITIONAL_AUXILIARIES = grammar.words("conditional_auxiliaries")
COUNTERFACTUAL_MODALS = grammar.words("counterfactual_modals")
UPKEEP_WORDS = grammar.words("upkeep_words")
# "sent its jets for repairs": the preposition of a purpose; "has in service" tells no purpose.
PURPOSE_PREPOSITIONS = grammar.words("purpose_prepositions")
# Words by which a noun phrase may say who holds a weapon ("India's Rafales", « de l'armée ukrainienne »):
# a sentence with one is parsed even without a transfer word.
HOLDER_WORDS = grammar.words("holder_words")
# Words of a combat, crash or display report, in which who holds a weapon of which origin tells no transfer.
COMBAT_WORDS = grammar.words("combat_words")
LIGHT_VERBS = grammar.words("light_verbs")
CLAIM_NOUNS = grammar.words("claim_nouns")
NOT_CARGO_NOUNS = grammar.words("not_cargo_nouns")
CONDITIONAL_MARKS = grammar.words("conditional_marks")
FINANCING_VERBS = grammar.words("financing_verbs")
FINANCING_NOUNS = grammar.words("financing_nouns")
CONCESSIVE = frozenset({"even", "même"})  # "even if", « même si »: a concession, not a condition
# How a state qualifies a noun: "US intelligence", "a U.S. assertion", "Moscow's claims", « … de Moscou ».
QUALIFYING = frozenset({"amod", "compound", "nmod", "poss", "nmod:poss", "pobj"})
# The preposition of a noun's complement that names what the noun moves: "the sale of jets", « l'envoi de ».
OF_WORDS = frozenset({"of", "de", "d'", "d’", "du", "des"})
# How a noun phrase hangs from the word it belongs to: the climb from a transfer noun to a veto that heads
# its phrase ("the cancellation of the sale of jets") follows these and stops at a clause.
NOMINAL_HEADS = frozenset({"NOUN", "PROPN", "ADP", "ADJ", "NUM"})
# Dependencies of a clause that asserts on its own: what governs it does not govern what it reports.
OWN_ASSERTIONS = frozenset({"relcl", "acl:relcl", "advcl", "conj", "parataxis", "appos"})
EXPLETIVE_SUBJECTS = grammar.words("expletive_subjects")
COMMITMENT_WORDS = grammar.words("commitment_words")
TRANSITIVE_ONLY = grammar.words("transitive_only")
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})
PENDING_PREPOSITIONS = grammar.words("pending_prepositions")
PENDING_NOUNS = grammar.words("pending_nouns")
REACTION_NOUNS = grammar.words("reaction_nouns")
NOMINAL_CLIMB = 6
# How far back a phrase (« auprès de ») or an infinitive of purpose looks for the word it completes.
PHRASE_REACH = 15
PERFECT_AUXILIARIES = grammar.words("perfect_auxiliaries")


@dataclass(frozen=True)
class Predicate:
    """A transfer predicate: the token (or the first token of a phrase) and its kind."""

    index: int
    kind: CueKind
    is_verb: bool
    passive: bool


@dataclass(frozen=True)
class Party:
    """A party mention in the sentence: a state (``code``) or a named non-state party (``name``)."""

    start: int
    end: int
    code: str | None
    name: str | None
    kind: str  # name, demonym, metonym, company, non_state, reference


def find_predicates(
    sentence: Span,
    cues: CueLexicon,
    phrases: list[tuple[str, int, int]],
    taken: set[int],
    states: frozenset[int] = frozenset(),
) -> list[Predicate]:
    """Transfer predicates of the sentence, skipping tokens that belong to a party or weapon; ``states``
    are the tokens of the states it names."""
    found = []
    for token in sentence:
        if token.i in taken:
            continue
        kind = _predicate_kind(token, cues)
        if kind is None:
            continue
        if kind == "supply" and _reflexive(token):
            kind = "acquire"  # « la Croatie s'est offert des Rafale », « se doter de drones »: for itself
        elif kind == "acquire" and _bought_for(token, states):
            kind = "supply"  # « le Canada va acheter un système pour l'Ukraine »: the buyer gives
        is_verb = kind in ("supply", "acquire", "arrival", "possess")
        if _intended(token, sentence, cues) or _vetoed(token, sentence, cues):
            continue
        if kind in POSSESSION and (
            _accused_of(token)
            or (not is_verb and _counterfactual(token.head))  # "would have backfilled Poland's fleet"
        ):
            continue
        if kind in ("supply", "acquire") and _moves_something_else(token, taken, cues):
            continue
        if kind in ("supply_noun", "acquire_noun") and _names_something_else(token, taken, cues):
            continue
        found.append(Predicate(token.i, kind, is_verb, _is_passive(token)))
    for phrase_kind, start, end in phrases:
        # "in service", "relies on": the phrase's last word heads what it holds ("service" is no upkeep)
        first = sentence.doc[end - 1 if phrase_kind in POSSESSION else start]
        if phrase_kind in ("supply", "acquire", "possess") and not (
            _intended(first, sentence, cues)
            or _vetoed(first, sentence, cues)
            or _completes_intended(start, sentence, cues, taken)
        ):
            found.append(Predicate(start, cast(CueKind, phrase_kind), True, False))
    return sorted(found, key=lambda predicate: predicate.index)


def holds_weapon(token: Token, weapons: set[int]) -> bool:
    """ "Azerbaijan is using Israeli drones", "the Indian fleet of Rafales", "has Turkish drones in service":
    a word of holding whose object or complement names a weapon (token indices ``weapons``); without a
    parse, True. "Has" as an auxiliary, "has a deal with France" or "the fleet's crews" hold no weapon."""
    if not token.doc.has_annotation("DEP"):
        return True
    # a noun holds its complements ("fleet of Rafales"), not its modifiers ("the U.S. 7th Fleet")
    complements = (
        ("prep", "nmod", "acl")
        if token.pos_ in ("NOUN", "PROPN")
        else ("dobj", "obj", "prep", "obl", "attr", "nmod")
    )
    held = [word for child in token.children if child.dep_.startswith(complements) for word in child.subtree]
    if (
        token.pos_ in ("ADJ", "VERB")
        and not token.dep_.startswith("aux")
        and not any(True for _c in token.children)
    ):
        # a verb the small model takes for an adjective hangs nothing (« L'Égypte exploite des frégates »)
        held += list(token.doc[token.i + 1 : min(token.i + 5, token.sent.end)])
    if token.dep_ == "amod" and token.i < token.head.i:
        return False  # "used MiG-29 jets" are second-hand, not in use
    if token.dep_ == "acl":
        held.append(token.head)  # "the drones used by Azerbaijan"
    if token.pos_ in ("NOUN", "PROPN") and token.dep_.startswith("nsubj"):
        # "Qatar's arsenal includes French jets": what the holding noun's verb has as object
        held += [
            word
            for child in token.head.children
            if child.dep_ in ("dobj", "obj", "attr")
            for word in child.subtree
        ]
    return any(word.i in weapons for word in held)


def reports_combat(sentence: Span) -> bool:
    """ "carried out another attack, using Iranian drones", « des drones de fabrication iranienne dans sa
    guerre », "Ukraine's US-made jets crashed": in a combat, crash or display report, the origin of the
    equipment is not tagged, however the sentence says who holds it."""
    return any(_listed(word, COMBAT_WORDS) for word in sentence)


def _accused_of(token: Token) -> bool:
    """ "Iran accuses Israel of using American bombs", « accuse Israël d'utiliser des bombes américaines »:
    what an accusation says someone holds is the charge against the holder, not a transfer to it."""
    return any(
        {ancestor.lemma_.lower(), *_french_infinitives(ancestor.lower_)} & ACCUSING_VERBS
        for _step, ancestor in zip(range(3), token.ancestors, strict=False)
    )


def _completes_intended(start: int, sentence: Span, cues: CueLexicon, taken: set[int]) -> bool:
    """A phrase such as « auprès de » completes the nearest transfer word before it: when that word is only
    wished or negotiated, so is the phrase (« Athènes négociait avec Paris l'acquisition de trois frégates
    […] auprès de Naval Group »)."""
    doc = sentence.doc
    for index in range(start - 1, max(start - PHRASE_REACH, sentence.start) - 1, -1):
        word = doc[index]
        if index in taken or _predicate_kind(word, cues) is None:
            continue
        return _intended(word, sentence, cues)
    return False


def _bought_for(token: Token, states: frozenset[int]) -> bool:
    """« le Canada s'apprête à acheter un système pour l'Ukraine », "will buy NASAMS for Ukraine": an
    acquisition verb with a state after « pour », "for" (hung on the verb or on its object) buys for that
    state, which receives it."""
    objects_of_verb = [child for child in token.children if child.dep_ in ("obj", "dobj")]
    for child in [*token.children, *(word for noun in objects_of_verb for word in noun.children)]:
        if child.lower_ in BENEFICIARY_PREPOSITIONS:  # "for" heading its object
            objects = [grandchild for grandchild in child.children if grandchild.dep_ == "pobj"]
        elif any(
            grandchild.dep_ == "case" and grandchild.lower_ in BENEFICIARY_PREPOSITIONS
            for grandchild in child.children
        ):
            objects = [child]  # « pour » hung on its noun
        else:
            continue
        if any(word.i in states for word in objects):
            return True
    return False


def around_report(party: Party, predicate: Predicate, predicates: list[Predicate], sentence: Span) -> bool:
    """« …, a-t-on appris mercredi de source sécuritaire à Niamey », "…, the minister said at a press
    conference in Kyiv": a place or an addressee whose phrase hangs, through nouns only, on a verb of
    reporting that stands between it and the transfer word tells where or to whom the news was told, no
    side of the transfer (not « a annoncé la livraison de chars à l'Ukraine », whatever the parse)."""
    doc = sentence.doc
    node = doc[party.start : party.end].root
    if node.dep_.startswith("nsubj"):
        return False
    transfer_words = {predicate.index for predicate in predicates}
    while node.head.i != node.i and node.i not in transfer_words:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return (
                node.i not in transfer_words
                and node.lemma_.lower() in REPORTING_VERBS
                and min(predicate.index, party.start) < node.i < max(predicate.index, party.start)
            )
    return False


def places_another(party: Party, parties: list[Party], sentence: Span) -> bool:
    """« des drones connus pour leurs attaques en Libye », « des milices en provenance de Syrie »: a place
    whose phrase hangs on a word of combat, or on the name of a party that is no state (an armed group), tells
    where a fight took place or where that group comes from, not where the weapons go or come from."""
    doc = sentence.doc
    node = doc[party.start : party.end].root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # « en Moldavie et en Lettonie »: the list hangs where its first member does
    head = node.head
    if any(head.lower_ in nouns for nouns in COMPOUND_PREPOSITIONS.values()) and head.head.i != head.i:
        head = head.head  # « en provenance de la Syrie » hangs on what comes
    if head.i in range(party.start, party.end) or head.i == node.i:
        return False
    return _listed(head, COMBAT_WORDS) or any(
        other.start <= head.i < other.end for other in parties if other.code is None
    )


def agent_of_other_noun(
    party: Party,
    predicates: list[Predicate],
    parties: list[Party],
    sentence: Span,
    weapons: list[tuple[int, int]],
) -> bool:
    """« au lendemain du démantèlement par le Koweït d'une cellule accusée de transférer des armes »: the
    agent (« par ») of a noun that is no transfer word acts in that other event, not in the transfer."""
    doc = sentence.doc
    root = doc[party.start : party.end].root
    head = root.head
    return (
        head.i != root.i
        and head.pos_ == "NOUN"
        and head.i not in {predicate.index for predicate in predicates}
        and not any(other.start <= head.i < other.end for other in parties)
        and not any(start <= head.i < end for start, end in weapons)  # « livrer des obusiers par l'Inde »
        # « l'évocation de l'achat de Rafale par les Émirats »: a transfer word or a weapon between the noun
        # and the agent may be what the agent belongs to, whatever the parse
        and not any(
            i in {predicate.index for predicate in predicates}
            or any(start <= i < end for start, end in weapons)
            for i in range(min(head.i, party.start), max(head.i, party.start))
        )
        and any(
            child.dep_ == "case" and PREPOSITIONS.get(doc.lang_, {}).get(child.lower_) == "by"
            for child in root.children
        )
    )


def same_phrase_list(previous: Party, party: Party, sentence: Span) -> bool:
    """« en Libye, en Syrie et en Arménie »: the party repeats the preposition of the one before it, with
    only commas and conjunctions between them (a list the parse may not see)."""
    doc = sentence.doc
    if party.start < 1 or previous.end >= party.start:
        return False
    preposition = doc[party.start - 1].lower_
    between = doc[previous.end : party.start - 1]
    return (
        previous.start >= 1
        and doc[previous.start - 1].lower_ == preposition
        and all(word.lower_ in COORDINATION for word in between)
    )


def _predicate_kind(token: Token, cues: CueLexicon) -> CueKind | None:
    """Verbs from the verb lists, nouns from the noun lists ("an order" is not "to order")."""
    words: tuple[str, ...] = (token.lemma_.lower(), token.lower_)
    participle = token.pos_ == "ADJ" and token.tag_ in ("VBN", "VBD")  # "drones supplied by Iran"
    if token.lang_ == "fr" and (token.pos_ in ("VERB", "AUX") or _verbal_context(token)):
        # The small model lemmatises some present tenses to themselves (« livre ») and tags some
        # participles as names (« d'avoir livré »): the verb is recognised from its form too.
        lists = [cues.verbs]
        words = (*words, *_french_infinitives(token.lower_))
    elif token.pos_ in ("VERB", "AUX") or participle:
        lists = [cues.verbs]
    elif token.pos_ in ("NOUN", "PROPN"):
        lists = [cues.nouns]
    elif not token.pos_:
        lists = [cues.verbs, cues.nouns]  # no tagger for this language
    elif _nominal_context(token):
        lists = [cues.nouns]  # « la vente de », tagged ADJ by a small model: the determiner decides
    else:
        return None
    for table in lists:
        for word in words:
            if word in table:
                return table[word]
    return None


def _reflexive(token: Token) -> bool:
    """The verb has a reflexive clitic (« s'offrir », « se doter », « s'équiper »): the subject gives
    to itself, so it is the recipient."""
    if token.lang_ != "fr":
        return False
    if any(
        child.lower_ in REFLEXIVE_CLITICS and child.dep_.startswith(("expl", "obj", "iobj"))
        for child in token.children
    ):
        return True
    # The parse misses the clitic across an incise: « s'est quant à elle offert ».
    doc = token.doc
    for index in range(token.i - 1, max(token.i - 6, token.sent.start) - 1, -1):
        word = doc[index]
        if word.lower_ in REFLEXIVE_CLITICS:
            return True
        if word.is_punct or (word.pos_ in ("NOUN", "PROPN", "VERB") and word.lemma_ not in ("être", "avoir")):
            return False
    return False


def reflexive_passive(token: Token) -> bool:
    """« L'Ukraine s'est vu livrer des chars par le Danemark », « s'est fait remettre »: an infinitive under a
    reflexive verb of this kind is a passive, its subject the one who gets."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and head.lemma_.lower() in REFLEXIVE_PASSIVE_VERBS
        and any(child.lower_ in REFLEXIVE_CLITICS for child in head.children)
    )


def _verbal_context(token: Token) -> bool:
    """A noun or adjective with its own nominal subject, or any word with an auxiliary, not after a
    determiner, is a verb: the small French model tags present tenses such as « Pyongyang expédie des
    obus » or « la France livre … » as nouns, and « d'avoir livré » as a name, while the parser still
    gives them the subject or the auxiliary."""
    if token.pos_ not in ("NOUN", "PROPN", "ADJ") or _nominal_context(token):
        return False
    children = list(token.children)
    if any(child.dep_.startswith("aux") for child in children):
        return True
    if token.pos_ == "PROPN":
        return False
    if any(child.dep_.startswith("nsubj") for child in children):
        return True
    doc = token.doc
    # « les systèmes offerts à l'Ukraine par l'Allemagne »: a participle right after the noun it describes,
    # with the « à » or « par » of a passive after it, is a reduced relative clause (tagged ADJ or NOUN).
    if (
        token.dep_ in ("amod", "acl", "nmod")
        and token.head.i < token.i
        and token.lower_.endswith(PARTICIPLE_ENDINGS)
        and token.i + 1 < len(doc)
        and PREPOSITIONS.get("fr", {}).get(doc[token.i + 1].lower_) in ("to", "by")
    ):
        return True
    # « Le Kazakhstan achète des hélicoptères »: between a name and a determiner, where no noun stands.
    return (
        0 < token.i < len(doc) - 1
        and doc[token.i - 1].pos_ in ("PROPN", "NOUN")
        and doc[token.i + 1].lower_ in NOMINAL_MARKERS
    )


# Past participle endings of the French verbs that are not in -er, and the infinitive endings they may come
# from: offerts → offrir, vendues → vendre, fournis → fournir, remis → remettre, acquises → acquérir.
FRENCH_PARTICIPLES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("quis", "quise", "quises"), ("quérir",)),
    (("ert", "erts", "erte", "ertes"), ("rir",)),
    (("u", "us", "ue", "ues"), ("re",)),
    (("is", "ise", "ises"), ("ir", "ettre")),
    (("i", "ie", "ies"), ("ir",)),
)


def _french_infinitives(word: str) -> tuple[str, ...]:
    """Infinitives a present tense or a past participle may come from: livre/livrent → livrer, achète →
    acheter, livré/livrées → livrer, offerts → offrir, vendus → vendre."""
    for ending in ("ées", "és", "ée", "é"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return (word[: -len(ending)] + "er",)
    participles = tuple(
        word[: -len(ending)] + infinitive
        for endings, infinitives in FRENCH_PARTICIPLES
        for ending in endings
        if word.endswith(ending) and len(word) > len(ending) + 2
        for infinitive in infinitives
    )
    if word.endswith("ent"):
        stem = word[:-2]
    elif word.endswith("e"):
        stem = word
    else:
        return participles
    infinitive = stem + "r"
    return (*participles, infinitive, infinitive.replace("è", "e"))


def _nominal_context(token: Token) -> bool:
    """A word right after a determiner or an elided preposition is a noun, whatever the tagger says."""
    if token.i == 0 or token.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PUNCT"):
        return False
    previous = token.doc[token.i - 1]
    return previous.pos_ == "DET" or previous.lower_ in NOMINAL_MARKERS


def _moves_something_else(token: Token, taken: set[int], cues: CueLexicon) -> bool:
    """ "a missive sent to Sri Lanka", "sending 1000 fighters", « envoyer des troupes »: what the verb moves
    is neither a weapon, a party nor generic cargo ("equipment", "parts"), so the sentence's weapons are
    not what changes hands here."""
    if _pledges_another_act(token, cues):
        return True
    if (
        token.lemma_.lower() in TRANSITIVE_ONLY
        and not _is_passive(token)
        and not any(child.dep_ in ("dobj", "obj") for child in token.children)
    ):
        return True  # "how American-made chips got into Russian weapons": "get" without an object goes
    if reduced_relative(token):
        cargo = [token.head]  # "a missive sent to": the noun the participle describes
        words = [word for word in token.head.subtree if not token.is_ancestor(word) and word.i != token.i]
    else:
        cargo = [child for child in token.children if child.dep_ in ("dobj", "obj")]
        words = [word for child in cargo for word in child.subtree]
    if any(_listed(word, cues.intent) for word in cargo):
        return True  # "had not received any request from Kyiv to send jets": a request, not the jets
    if not cargo or any(
        word.pos_ not in ("NOUN", "PROPN") or word.i in taken or word.like_num for word in cargo
    ):
        return False  # « s'est offert douze Rafale »: a number parsed as the object counts the weapon
    # "supply the rebels with rifles", « doter l'armée de blindés »: the cargo is the complement.
    complements = [child for child in token.children if child.lower_ in ("with", "de", "d'", "d’")]
    words += [word for child in complements for word in child.subtree]
    return not any(word.i in taken or _listed(word, cues.cargo) for word in words)


def _pledges_another_act(token: Token, cues: CueLexicon) -> bool:
    """ "a pledge by Starmer not to impose an arms embargo", "promised to impose sanctions": what the pledge
    or promise commits to is told by an infinitive whose verb moves nothing; "pledged to deliver tanks"
    commits to a transfer, which its own verb reports."""
    if token.lemma_.lower() not in COMMITMENT_WORDS and token.lower_ not in COMMITMENT_WORDS:
        return False
    return any(
        child.dep_ in ("acl", "xcomp")
        and child.pos_ in ("VERB", "AUX")
        and any(grandchild.dep_ == "aux" and grandchild.lower_ == "to" for grandchild in child.children)
        and child.lemma_.lower() not in cues.verbs
        and child.lower_ not in cues.verbs
        for child in token.children
    )


def _names_something_else(token: Token, taken: set[int], cues: CueLexicon) -> bool:
    """ "a package of measures", "the transfer of power", « l'envoi de troupes »: the noun's "of" complement
    names neither a weapon, a party, cargo nor an amount, so the noun moves something else."""
    if _pledges_another_act(token, cues):
        return True
    objects = [
        grandchild
        for child in token.children
        if child.pos_ == "ADP" and child.lower_ in OF_WORDS
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ] + [
        child
        for child in token.children
        if child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in OF_WORDS for c in child.children)
    ]
    if not objects or any(word.pos_ != "NOUN" for word in objects):
        return False
    words = [word for word in objects for word in word.subtree]
    return not any(
        word.i in taken or word.like_num or word.pos_ in ("NUM", "SYM") or _listed(word, cues.cargo)
        for word in words
    )


def reduced_relative(token: Token) -> bool:
    """A past participle describing a noun ("a missive sent to"), not a clause of its own ("allegations
    that Iran had imported")."""
    return (
        token.dep_ == "acl"
        and (token.tag_ == "VBD" or _past_participle(token))  # the parser makes some participles VBD
        and token.head.pos_ in ("NOUN", "PROPN")
        and not any(child.dep_.startswith(("nsubj", "aux")) for child in token.children)
    )


def _participle_form(token: Token) -> bool:
    """A past participle by its morphology or, where the small model tags it ADJ or NOUN, by its ending."""
    return _past_participle(token) or token.lower_.endswith(PARTICIPLE_ENDINGS)


def _past_participle(token: Token) -> bool:
    morph = token.morph
    return token.tag_ == "VBN" or ("Part" in morph.get("VerbForm", []) and "Past" in morph.get("Tense", []))


def _listed(word: Token, words: frozenset[str]) -> bool:
    """The word, or its lemma, is in one of the cue lists (which hold both forms, lower-cased)."""
    return word.lower_ in words or word.lemma_.lower() in words


def halting_verb(token: Token) -> Token | None:
    """The verb that governs the transfer word when it is a halt: « suspendre » in « suspendre la vente »."""
    verb = next((ancestor for ancestor in token.ancestors if ancestor.pos_ in ("VERB", "AUX")), None)
    return verb if verb is not None and verb.lemma_.lower() in HALTING_VERBS else None


def _intended(token: Token, sentence: Span, cues: CueLexicon) -> bool:
    """ "keen to sell", "asked ... to facilitate the delivery", « souhaitait acquérir », "warned against
    supplying": not a transfer.

    A participle describing a noun reports a fact whatever governs the noun: "it wants for countering
    US aircraft sold to Pakistan"."""
    if reduced_relative(token):
        return False
    if _question(sentence):
        return True  # « Faut-il livrer des chars à Kiev ? »: asked, not reported
    if token.tag_ == "VBG" and token.head.lower_ in PREVENTIVE_PREPOSITIONS:
        return True  # "warned China against supplying", "decided against selling"
    if (
        _dissuaded(token)
        or _unseen(token)
        or _conditioned(token)
        or _counterfactual(token)
        or _for_upkeep(token)
    ):
        return True
    if token.dep_.startswith("nsubj") and _in_doubt(token.head, cues):
        return True  # « la livraison de Mirage est dans l'incertitude »: the delivery is what is in doubt
    if halting_verb(token) is not None:
        return False  # « n'envisage pas de suspendre la vente »: the intent is the halt's (see _vetoed)
    return (
        _intent_before(token, sentence.start, cues)
        or _governed_by_intent(token, cues)
        or _evaluated(token)
        or _wished_infinitive(token, cues)
    )


def _intent_before(token: Token, start: int, cues: CueLexicon) -> bool:
    """A word of intention among the eight before the token, from ``start`` on ("plans to buy"), but not in
    a relative clause on another word (« l'Inde, qui dépend des armes russes, a reçu »)."""
    window = token.doc[max(token.i - 8, start) : token.i]
    return any(
        _listed(word, cues.intent) and not _guessing(word) and not _in_side_relative(word, token)
        for word in window
    )


def _in_side_relative(word: Token, token: Token) -> bool:
    """The word is in a relative clause that does not hold the token."""
    return any(
        node.dep_ in ("relcl", "acl:relcl") and not node.is_ancestor(token) and node.i != token.i
        for node in (word, *word.ancestors)
    )


def _governed_by_intent(token: Token, cues: CueLexicon) -> bool:
    """ "is weighing whether to go ahead with an arms transfer package", "rejected Iran's request of buying
    S-400", "announced his consideration of a proposal to sell F-35s": however far it stands, a word of
    intention, doubt or talks that governs the predicate makes it one. The climb passes nouns,
    prepositions and the complements of verbs, and stops at a clause that asserts on its own (a relative
    or adverbial clause, a coordinated verb) and at a verb with a subject of its own that is no such word."""
    node = token
    for _ in range(NOMINAL_CLIMB + 2):
        head = node.head
        if head.i == node.i or node.dep_ in OWN_ASSERTIONS:
            return False
        if _listed(head, cues.intent) and not _guessing(head):
            return True
        if head.pos_ in ("VERB", "AUX") and any(child.dep_.startswith("nsubj") for child in head.children):
            return False
        node = head
    return False


def _evaluated(token: Token) -> bool:
    """ "it's not practical to send its fighter jets", "it would be wise to supply tanks": an infinitive
    that is the postponed subject of an evaluation (an expletive "it" with a form of "be" and an adjective
    or noun) says what someone judges, not what happens."""
    if not any(child.dep_ == "aux" and child.lower_ == "to" for child in token.children):
        return False
    head = token.head
    if head.dep_ in ("acomp", "attr") and token.dep_ in ("relcl", "acl"):
        head = head.head  # "it would be a mistake to supply": the parse hangs the infinitive on the noun
    elif token.dep_ not in ("xcomp", "ccomp", "csubj"):
        return False
    if head.lemma_.lower() != "be":
        return False
    children = list(head.children)
    return any(
        child.dep_.startswith("nsubj") and child.lower_ in EXPLETIVE_SUBJECTS for child in children
    ) and any(child.dep_ in ("acomp", "attr") for child in children)


def _wished_infinitive(token: Token, cues: CueLexicon) -> bool:
    """An infinitive of purpose takes its mood from the infinitive it serves: in « le désir de Paris de
    racheter des Mirage pour les transférer à l'Ukraine » the transfer is as wished as the purchase. Read
    along the words (the small model often hangs both on the main verb): the infinitive before it, with
    no finite verb between, and the intention words just before that one."""
    doc = token.doc
    start = token.sent.start
    node = token
    for _step in range(2):
        if "Inf" not in node.morph.get("VerbForm", []):
            return False
        before = None
        for index in range(node.i - 1, max(node.i - PHRASE_REACH, start) - 1, -1):
            form = doc[index].morph.get("VerbForm", [])
            if "Fin" in form:
                return False
            if "Inf" in form:
                before = doc[index]
                break
        if before is None:
            return False
        if _intent_before(before, start, cues):
            return True
        node = before
    return False


def _in_doubt(predicate_of_subject: Token, cues: CueLexicon) -> bool:
    """ "… remains uncertain", « … reste incertaine », « … est dans l'incertitude », "… would be a mistake":
    what is said of the subject is an intention, a doubt or a hypothesis."""
    return _listed(predicate_of_subject, cues.intent) or any(
        (child.dep_ in ("acomp", "attr", "xcomp") and _listed(child, cues.intent))
        or (child.dep_.startswith("aux") and child.lower_ in CONDITIONAL_AUXILIARIES)
        or _pending(child, cues)
        for child in predicate_of_subject.children
    )


def _pending(phrase: Token, cues: CueLexicon) -> bool:
    """ "under review", "under consideration": a phrase that says the matter waits on a decision."""
    return phrase.lower_ in PENDING_PREPOSITIONS and any(
        child.dep_ == "pobj" and (child.lower_ in PENDING_NOUNS or _listed(child, cues.intent))
        for child in phrase.children
    )


def _counterfactual(token: Token) -> bool:
    """ "Poland would have supplied Ukraine with its MiGs", "Berlin should have sent tanks": a modal of
    the unreal with the perfect tells what did not happen (where "may have shipped" guesses at what did)."""
    auxiliaries = {child.lower_ for child in token.children if child.dep_.startswith("aux")}
    return bool(auxiliaries & COUNTERFACTUAL_MODALS) and bool(auxiliaries & PERFECT_AUXILIARIES)


def _for_upkeep(token: Token) -> bool:
    """ "shipped its MiG-21s to Romania to be refurbished", "sent its jets to the US for repairs",
    « envoyé ses hélicoptères en France pour être révisés »: sent for upkeep, it goes back to its owner."""
    for child in token.children:
        purposes = [child] + [
            word
            for word in child.children
            if child.pos_ == "ADP" and child.lower_ in PURPOSE_PREPOSITIONS and word.dep_ == "pobj"
        ]
        if any(
            word.lemma_.lower() in UPKEEP_WORDS and word.dep_.startswith(("advcl", "xcomp", "obl", "pobj"))
            for word in purposes
        ):
            return True
    return False


def _dissuaded(token: Token) -> bool:
    """ "warned China about providing", "prevented Iran from selling", « empêcher Moscou de livrer »: a verb
    of warning or prevention governs the predicate through a preposition, and keeps it from happening."""
    head = token.head
    if head.i != token.i and head.pos_ == "ADP" and head.lower_ in DISSUASION_LINKS:
        verb = head.head  # English: the preposition heads the gerund
    elif any(child.dep_ in ("mark", "case") and child.lower_ in DISSUASION_LINKS for child in token.children):
        verb = head
    else:
        return False
    # "has not stopped Beijing from selling": a prevention that failed lets the transfer be
    return verb.lemma_.lower() in DISSUADING_VERBS and not _negated_word(verb, token.sent)


def _conditioned(token: Token) -> bool:
    """ "If the State Department approves the request in the coming weeks, Taiwan would receive 66 jets",
    « si Paris donne son feu vert, l'Inde recevra … »: the predicate's clause, or its own, is under a
    condition."""
    clause = token if token.pos_ in ("VERB", "AUX") else token.head
    for verb in (clause, clause.head):
        if any(child.dep_ == "advcl" and _condition(child) for child in verb.children):
            return True
    return _condition(clause)


def _condition(clause: Token) -> bool:
    """The clause is led by "if" or « si », and not conceded ("even if", « même si »)."""
    marks = [child for child in clause.children if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS]
    return bool(marks) and not any(
        clause.doc[mark.i - 1].lower_ in CONCESSIVE for mark in marks if mark.i > 0
    )


def finances(party: Party, sentence: Span) -> bool:
    """ "The US financed Poland's purchase of Korean tanks", « l'Arabie saoudite a payé … », "the U.S. funding
    for the purchase": the party is the subject of a verb of paying or qualifies a noun of funding, a
    financier and no side of the transfer."""
    token = sentence.doc[party.start : party.end].root
    if token.dep_ in ("compound", "amod", "poss", "nmod") and token.head.lemma_.lower() in FINANCING_NOUNS:
        return True  # "the U.S. funding for the purchase of the Mi-17s"
    return token.dep_.startswith("nsubj") and token.head.lemma_.lower() in FINANCING_VERBS


def _unseen(token: Token) -> bool:
    """ "We have not seen China provide lethal aid": a negated verb of seeing governs the predicate, which
    is no more than something not observed."""
    head = token.head
    return token.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in EVIDENCE_VERBS and has_negation(head)


def has_negation(verb: Token) -> bool:
    """The parse gives the word a negation of its own ("have not seen", « ne … pas »)."""
    return any(
        (child.dep_ == "neg" or child.lower_ in NEGATIONS) and not additive(child) for child in verb.children
    )


def negation(word: Token) -> bool:
    """A word of negation that denies: not the « non » of « non seulement … mais aussi », "not only"."""
    return word.lower_ in NEGATIONS and not additive(word)


def additive(word: Token) -> bool:
    """« non seulement », "not only": the negation word opens an addition."""
    return word.i + 1 < len(word.doc) and word.doc[word.i + 1].lower_ in ADDITIVE_FOCUS


def guesses_at_the_past(token: Token, sentence: Span) -> bool:
    """ "may have shipped", "could have been sent": a modal with the perfect guesses at something that
    happened (an alleged transfer), where "could send" is only a possibility."""
    window = sentence.doc[max(token.i - 4, sentence.start) : token.i]
    return any(_guessing(word) for word in window)


def _guessing(word: Token) -> bool:
    following = word.nbor(1).lower_ if word.i + 1 < len(word.doc) else ""
    return word.lower_ in EPISTEMIC_MODALS and following in PERFECT_AUXILIARIES


def _question(sentence: Span) -> bool:
    """The sentence ends with a question mark (quotes and brackets after it aside)."""
    for token in reversed(sentence):
        if token.text in ('"', "»", "”", "’", "'", ")", "]"):
            continue
        return token.text.endswith("?")
    return False


def _vetoed(token: Token, sentence: Span, cues: CueLexicon) -> bool:
    """Sanctions, seizures, cancellations, exercises, halts next to the predicate: not a transfer.

    An accusation or denial between the veto word and the predicate keeps it: "imposed sanctions,
    alleging that Iran transferred missiles" reports an (alleged) transfer.
    """
    doc = sentence.doc
    start = max(token.i - 8, sentence.start)
    vetoes = [
        i
        for i in range(start, min(token.i + 4, sentence.end))
        if is_veto(doc[i], cues) and not _negated_word(doc[i], sentence)
    ]
    if not vetoes:
        return (
            _framed_by_veto(token, cues)
            or _subject_of_veto(token, cues)
            or _headed_by_veto(token, cues)
            or _ruled_out(token)
        )
    claims = cues.status["alleged"] | cues.status["denied"]
    return not any(doc[i].lower_ in claims for i in range(vetoes[0], token.i))


def _ruled_out(token: Token) -> bool:
    """« Berlin exclut de livrer des Taurus », « a écarté toute livraison de chars »: the transfer (or the
    noun phrase that holds it) is the object or the infinitive of a verb that rules it out."""
    node = token
    for _ in range(NOMINAL_CLIMB):
        head = node.head
        if head.i == node.i:
            return False
        if head.pos_ in ("VERB", "AUX"):
            return node.dep_ in ("obj", "dobj", "xcomp") and head.lemma_.lower() in RULING_OUT_VERBS
        node = head
    return False


def _subject_of_veto(token: Token, cues: CueLexicon) -> bool:
    """ "Egypt's purchase of Russian jets was cancelled under US pressure": the transfer noun is the
    subject of a veto, however far the veto stands, or of a verb a veto qualifies (« les livraisons … ont
    été retardées indéfiniment »), or the object of a refusal."""
    if token.dep_ in ("dobj", "obj") and token.pos_ == "NOUN" and token.head.lemma_.lower() in REFUSING_VERBS:
        return True  # "the Senate rejected the sale of jets to Turkey"
    if not token.dep_.startswith("nsubj"):
        return False
    verb = token.head
    return is_veto(verb, cues) or any(
        child.dep_ == "advmod" and is_veto(child, cues) for child in verb.children
    )


def _headed_by_veto(token: Token, cues: CueLexicon) -> bool:
    """ "the cancellation of the sale of jets to Turkey", « la rupture du contrat conclu avec la France pour
    la fourniture de sous-marins »: the transfer noun sits in a noun phrase that a veto word heads, however
    far it stands; the climb passes nouns, prepositions and participles, and stops at a clause."""
    for _node, head in noun_phrase_climb(token, through_participles=True):
        if is_veto(head, cues):
            return not _negated_word(head, token.sent)
    return False


def held_weapons(
    sentence: Span, weapons: list[tuple[int, int]], parties: list[Party], cues: CueLexicon
) -> list[Predicate]:
    """Weapons a state is said to hold by the noun phrase alone: "Ankara's American-made F-16 fleet", "the
    Ukrainian army's newly delivered Turkish drones", « les drones turcs livrés à l'armée ukrainienne ». Each
    is a predicate of holding on the weapon's noun; its origin, if the phrase names one, supplies it. The
    phrase must say the weapon is held or was received (a noun of holding, a participle of transfer): a
    possessive alone ("Ukraine's Russian-made tanks") may name a legacy or a trophy as well."""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return []
    owners = {i for party in parties for i in range(party.start, party.end)}
    found: dict[int, Predicate] = {}
    for start, end in weapons:
        noun = doc[start:end].root
        for _step in range(2):  # "Rafale jets", « drones Bayraktar »: the noun the name qualifies
            if (
                noun.dep_ not in ("compound", "amod", "nummod", "flat:name", "appos", "nmod")
                or noun.head.i == noun.i
            ):
                break
            if noun.head.pos_ not in ("NOUN", "PROPN") or (noun.dep_ == "nmod" and noun.i < noun.head.i):
                break
            noun = noun.head
        forms = (noun.lower_, noun.lemma_.lower())
        said_held = any(cues.nouns.get(form) in POSSESSION for form in forms) or any(
            child.dep_ in ("amod", "acl")
            and child.pos_ == "VERB"
            and (child.lower_ in cues.verbs or child.lemma_.lower() in cues.verbs)
            for child in noun.children
        )
        if said_held and any(_owner(child, owners) for child in noun.children):
            found[noun.i] = Predicate(noun.i, "possess_noun", False, False)
    return list(found.values())


def qualified_weapons(party: Party, weapons: list[tuple[int, int]], sentence: Span) -> list[tuple[int, int]]:
    """The weapons whose noun phrase the party qualifies as their origin ("American F-35 jets", « chars de
    fabrication américaine »), found up the parse without crossing a coordination: in "its own drones and
    American jets" the origin is the jets' alone. Every weapon when the parse links the party to none."""
    doc = sentence.doc
    if not doc.has_annotation("DEP") or party.start < 0:
        return weapons
    # a weapon's span, or the noun a name qualifies ("Rafale jets")
    nouns = {
        doc[start:end].root.head.i: (start, end)
        for start, end in weapons
        if doc[start:end].root.dep_ in ("compound", "amod", "nummod", "flat:name", "appos")
    }
    node = doc[party.start : party.end].root
    for _step in range(4):
        inside = [(start, end) for start, end in weapons if start <= node.i < end]
        if inside or node.i in nouns:
            return inside or [nouns[node.i]]
        if node.head.i == node.i or node.dep_ == "conj":
            break
        node = node.head
    return weapons


def _owner(child: Token, owners: set[int]) -> bool:
    """The child of a weapon's noun names who holds it: a possessive state ("India's", "the Indian army's")
    or "of" with a state's forces (« de l'armée ukrainienne », "of the Indian Air Force")."""
    if child.dep_ in ("poss", "nmod:poss"):
        return any(word.i in owners for word in child.subtree)
    # « de fabrication turque de l'armée ukrainienne »: the force may hang on the noun of making
    return child.dep_ in ("prep", "nmod") and any(
        _listed(word, ACTOR_NOUNS)
        and (
            any(c.dep_ == "case" and c.lower_ in OF_WORDS for c in word.children)
            or (word.dep_ == "pobj" and word.head.lower_ in OF_WORDS)
        )
        and any(owner.i in owners for owner in word.subtree)
        for word in child.subtree
    )


def is_veto(word: Token, cues: CueLexicon) -> bool:
    """A word of veto, alone ("halted") or with its particle, adverb or prepositional phrase: "ruled out",
    "delayed indefinitely", "put the shipment on hold"."""
    if _listed(word, cues.not_transfer):
        return True
    forms = {word.lower_, word.lemma_.lower()}
    phrases = {
        f"{form} {child.lower_}"
        for child in word.children
        if child.dep_ in ("prt", "compound:prt", "advmod", "pobj")
        for form in forms
    }
    phrases |= {
        f"{child.lower_} {grandchild.lower_}"
        for child in word.children
        if child.dep_ == "prep"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    }
    if word.i + 1 < len(word.doc):  # "put on hold a shipment": the parse may miss the phrase
        phrases |= {f"{form} {word.nbor(1).lower_}" for form in forms}
    return bool(phrases & cues.not_transfer)


def noun_phrase_climb(token: Token, through_participles: bool = False) -> Iterator[tuple[Token, Token]]:
    """(word, its head) from a noun up the noun phrase that holds it, ending with the first head outside
    the phrase (a verb, or a participle when ``through_participles`` is false: « le contrat conclu … pour
    la fourniture »); nothing for a word that is no noun."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return
    node = token
    for _ in range(NOMINAL_CLIMB):
        head = node.head
        if head.i == node.i:
            return
        yield node, head
        participle = through_participles and head.pos_ == "VERB" and head.dep_ == "acl"
        if head.pos_ not in NOMINAL_HEADS and not participle:
            return
        node = head


def weapon_aside(start: int, end: int, sentence: Span, cues: CueLexicon, predicates: list[Predicate]) -> bool:
    """ "Kyiv received tanks and asks for jets", « réclame des avions », "shields against Russian drones": the
    weapon is what someone asks for or defends against, not what the sentence's transfer moves. The climb
    from the weapon passes prepositions and coordinations up to the first verb; another noun ends it
    ("compensation for the jets" says nothing of who gets the jets)."""
    if not sentence.doc.has_annotation("DEP"):
        return False
    moving = {predicate.index for predicate in predicates}
    node = sentence.doc[start:end].root
    if any(node.is_ancestor(sentence.doc[index]) for index in moving):
        return False  # "the jets the country is giving to Ukraine": the weapon's own clause moves it
    if node.dep_ in ("compound", "nmod", "appos", "flat:name") and (
        node.head.lower_ in NOT_CARGO_NOUNS or node.head.lemma_.lower() in NOT_CARGO_NOUNS
    ):
        return True  # "the F-35 programme", « le programme F-35 », "Leopard crews": another thing
    for _ in range(NOMINAL_CLIMB):
        if node.i in moving:
            return False
        head = node.head
        if head.i == node.i:
            return False
        if (head.pos_ == "ADP" and head.lower_ in PREVENTIVE_PREPOSITIONS) or any(
            child.dep_ == "case" and child.lower_ in PREVENTIVE_PREPOSITIONS for child in node.children
        ):
            return True
        if head.pos_ in ("VERB", "AUX"):
            return head.i not in moving and _listed(head, cues.intent)
        if head.pos_ != "ADP" and node.dep_ != "conj":
            return False
        node = head
    return False


def _negated_word(word: Token, sentence: Span) -> bool:
    """ "has not stopped Beijing from selling": a veto that is itself negated lets the transfer be."""
    return any(negation(before) for before in sentence.doc[max(word.i - 3, sentence.start) : word.i])


def party_of_veto(party: Party, sentence: Span, cues: CueLexicon) -> bool:
    """ "Iran seized the missiles from Iraq in battle": the parse gives the party, through a preposition,
    to a seizure (or a sanction, an exercise), not to the transfer named elsewhere in the sentence."""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return False
    preposition = doc[party.start : party.end].root.head
    verb = preposition.head
    return preposition.pos_ == "ADP" and verb.pos_ == "VERB" and _listed(verb, cues.not_transfer)


def _framed_by_veto(token: Token, cues: CueLexicon) -> bool:
    """A phrase of the predicate names what it really is: "will arrive in Belarus from Russia as part of
    the deployment of a joint group of troops"; but "delivered despite the embargo" still delivers."""
    for word in token.subtree:
        if word.i == token.i or not _listed(word, cues.not_transfer):
            continue
        if word.pos_ == "VERB" and any(child.dep_.startswith("nsubj") for child in word.children):
            continue  # a clause of its own: "missiles that Russian forces deployed" tells what came after
        path = []
        node = word.head
        while node.i != token.i and node.pos_ in ("ADP", "NOUN", "PROPN", "ADJ", "DET"):
            path.append(node)
            node = node.head
        if node.i == token.i and not any(step.lower_ in DEFIANCE for step in path):
            return True
    return False


def _is_passive(token: Token) -> bool:
    if any(child.dep_ in ("auxpass", "aux:pass", "nsubjpass", "nsubj:pass") for child in token.children):
        return True
    if reflexive_passive(token):
        return True
    if token.tag_ == "VBN":
        doc = token.doc
        window = [doc[i].lower_ for i in range(max(token.i - 3, 0), token.i)]
        return any(word in ("was", "were", "been", "be", "being", "is", "are") for word in window)
    return False


def position_of(
    party: Party, sentence: Span, predicate: Predicate, lang: str, weapons: list[tuple[int, int]]
) -> Position | None:
    """The grammatical position of ``party`` with respect to ``predicate`` (None: unrelated)."""
    if (
        party.kind == "demonym"
        and predicate.kind not in POSSESSION
        and _qualifies_transfer_noun(party, sentence, predicate)
    ):
        return "possessor"  # « la commande grecque », "the Indian purchase", « les livraisons américaines »
    people = party.kind == "demonym" and _people_named(party, sentence)
    if names_origin(party, sentence, lang, weapons):
        return "origin"
    if party.kind == "demonym" and not (people or _names_an_actor(party, sentence)):
        return None  # "an Iranian lawmaker", "American and British media"
    owner = _possessive(party, sentence) and not _names_an_actor(party, sentence)
    if _accused_by_clitic(party, sentence, predicate):
        return "subject"
    preposition = _governing_preposition(party, sentence, lang)
    if preposition is None and party.kind == "demonym":
        preposition = _preposition_of_force(party, sentence, lang)
    if preposition == "by" and _agent_of_another_verb(party, sentence, predicate):
        return None  # « livré des armes au Polisario, soutenu par l'Algérie »: Algeria supports
    if (
        preposition == "of"
        and abs(party.start - predicate.index) > 6
        and not _governed_by(party, predicate, sentence)
    ):
        return None  # « … a indiqué la télévision, dans une dépêche datée de Jérusalem »: far and unrelated
    verb = sentence.doc[predicate.index]
    if preposition is not None and reduced_relative(verb) and party.end <= verb.head.left_edge.i:
        return None  # « la livraison à Kiev dépendra des F-35 commandés par la Belgique »: before the noun
    if preposition in ("at", "of") and predicate.kind in POSSESSION and not _names_an_actor(party, sentence):
        return None  # "uses Turkish drones in Syria"; but « en service dans l'armée indienne » holds them
    if preposition is not None:
        # "to India's neighbouring country" goes to the neighbour, not to India.
        return None if preposition == "other" or owner else preposition
    preposition = _host_preposition(party, sentence, lang)
    if preposition is not None:
        return None if preposition == "other" else preposition
    if owner and predicate.is_verb and _owns_described(party, sentence, predicate):
        return "owner"
    if owner:
        return "possessor"  # "Russia's deliveries"; but "Sudan's army" is Sudan acting
    if party.end <= predicate.index:
        if predicate.kind == "supply" and reduced_relative(verb) and party.start < verb.head.left_edge.i:
            # "Chile wants … Peruvian jets sold to Bolivia": not the seller; but in "Azerbaijan said
            # drones purchased from Turkey …" the speaker may well be the buyer.
            return None
        return "subject"
    # Only a party right after the verb is its object: "supplying Russia with", "sent the Russian Federation".
    return "object" if party.start - predicate.index <= 4 else None


def names_origin(party: Party, sentence: Span, lang: str, weapons: list[tuple[int, int]]) -> bool:
    """The party names where a weapon comes from: "Turkish TB-2 drones", "Russian-made Su-35", « drones
    iraniens », « de fabrication turque », « fabriqués en Russie », "UK Challenger 2 tanks", "US-made
    Patriots"."""
    if party.kind == "demonym" and (
        (not _people_named(party, sentence) and _origin_of_weapon(party, sentence, weapons, lang))
        or _of_make(party, sentence)
    ):
        return True
    if _made_in(party, sentence):
        return True
    return party.kind in ("name", "metonym") and (
        any(start == party.end for start, _end in weapons) or _maker_compound(party, sentence)
    )


def _owns_described(party: Party, sentence: Span, predicate: Predicate) -> bool:
    """ "India's recently acquired Rafales": the party owns the noun the participle describes."""
    verb = sentence.doc[predicate.index]
    root = sentence.doc[party.start : party.end].root
    return verb.dep_ in ("amod", "acl") and root.dep_ in ("poss", "nmod:poss") and root.head.i == verb.head.i


def _qualifies_transfer_noun(party: Party, sentence: Span, predicate: Predicate) -> bool:
    """A demonym that is an adjective of the transfer noun itself names whose transfer it is: the buyer of
    « la commande grecque » or "the Indian purchase", the seller of « les livraisons américaines »."""
    if predicate.is_verb:
        return False
    root = sentence.doc[party.start : party.end].root
    noun = sentence.doc[predicate.index]
    # the small models at times hang the noun on the adjective (« la vente suédoise »)
    return (root.dep_ == "amod" and root.head.i == noun.i) or (noun.dep_ == "amod" and noun.head.i == root.i)


def _host_preposition(party: Party, sentence: Span, lang: str) -> Position | None:
    """ "to India's neighbouring country, Myanmar": a state in apposition takes the preposition of the
    noun it names."""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return None
    root = doc[party.start : party.end].root
    host = root.head
    if root.dep_ != "appos" or host.i == root.i:
        return None
    if host.dep_ == "pobj":
        preposition: Token | None = host.head
    else:
        preposition = next((child for child in host.children if child.dep_ == "case"), None)
    if preposition is None:
        return None
    return PREPOSITIONS.get(lang, PREPOSITIONS["en"]).get(preposition.lower_)


def _possessive(party: Party, sentence: Span) -> bool:
    return party.end < sentence.end and sentence.doc[party.end].lower_ in POSSESSIVE_MARKS


def _origin_of_weapon(party: Party, sentence: Span, weapons: list[tuple[int, int]], lang: str) -> bool:
    """ "Turkish TB-2 drones", "Russian-made Su-35", « drones iraniens »: the weapon's maker."""
    return _next_to_weapon(party, weapons, lang, sentence) or _maker_compound(party, sentence)


def _maker_compound(party: Party, sentence: Span) -> bool:
    """ "Russian-made", "US-built": the party names who made what follows."""
    doc = sentence.doc
    if doc[party.end - 1].lower_.endswith("-made"):
        return True
    return (
        party.end + 1 < sentence.end
        and doc[party.end].text in ("-", "–")
        and doc[party.end + 1].lower_ in ("made", "built", "designed", "manufactured", "produced", "supplied")
    )


def _governed_by(party: Party, predicate: Predicate, sentence: Span) -> bool:
    """The parse puts the party within three steps below the predicate (« réceptionné … plusieurs avions
    de la Russie »); True without a parse, which cannot tell."""
    return not sentence.doc.has_annotation("DEP") or _climbs_to(party, predicate, sentence, 3)


def _accused_by_clitic(party: Party, sentence: Span, predicate: Predicate) -> bool:
    """« … avec l'Iran, l'accusant d'avoir livré des armes »: the pronoun object of the accusation
    right after the party takes it up, and the accused is the one who acts."""
    doc = sentence.doc
    if not doc.has_annotation("DEP") or predicate.index <= party.end:
        return False
    node = doc[predicate.index]
    for _step in range(2):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in ACCUSING_VERBS:
            break
    else:
        return False
    return any(
        child.lower_ in ARTICLES
        and child.dep_ in ("obj", "dobj")
        and 0 < child.i - party.end <= 2
        and all(doc[i].is_punct for i in range(party.end, child.i))
        for child in node.children
    )


# Endings of English and French past participles: the small French model also takes demonyms for
# participles (« d'armes russes par l'Algérie »).
PARTICIPLE_ENDINGS = (
    *("ed", "en"),
    *("é", "és", "ée", "ées", "i", "is", "ie", "ies", "u", "us", "ue", "ues", "t", "ts"),
)


def _agent_of_another_verb(party: Party, sentence: Span, predicate: Predicate) -> bool:
    """A verb between the predicate and "by X" (« par X ») takes X as its own agent; but a light verb only
    carries the transfer noun's own (« la commande passée par la Grèce »: Greece orders)."""
    doc = sentence.doc
    if predicate.index >= party.start:
        return False
    return any(
        doc[i].pos_ == "VERB"
        and _past_participle(doc[i])
        and doc[i].lower_.endswith(PARTICIPLE_ENDINGS)
        and doc[i].lemma_.lower() not in LIGHT_VERBS
        for i in range(predicate.index + 1, party.start)
    )


def _of_make(party: Party, sentence: Span) -> bool:
    """« dont six de fabrication turque », « de conception allemande », "of Russian manufacture": a
    demonym right beside a noun of making names the weapon's maker, however far the weapon stands."""
    doc = sentence.doc
    before = doc[party.start - 1].lower_ if party.start > sentence.start else ""
    after = doc[party.end].lower_ if party.end < sentence.end else ""
    return before in MAKING_NOUNS or after in MAKING_NOUNS


def _made_in(party: Party, sentence: Span) -> bool:
    """« des hélicoptères fabriqués en Russie », "rifles made in Belgium", "drones built by Israel Aerospace
    Industries": the maker, not a place nor the agent of the transfer."""
    doc = sentence.doc
    start = party.start
    while start > sentence.start and doc[start - 1].lower_ in ARTICLES:
        start -= 1
    return (
        start - 2 >= sentence.start
        and PREPOSITIONS.get(doc[start - 1].lang_, {}).get(doc[start - 1].lower_) in ("at", "to", "by")
        and doc[start - 2].lower_ in MAKING_WORDS
    )


def _governing_preposition(party: Party, sentence: Span, lang: str) -> Position | None:
    table = PREPOSITIONS.get(lang, PREPOSITIONS["en"])
    doc = sentence.doc
    index = _before_possessor(party, sentence)
    while (
        index >= sentence.start
        and (doc[index].lower_ in SKIPPABLE or doc[index].lower_ in ACTOR_NOUNS)
        and doc[index].lower_ not in table
    ):
        index -= 1
    if index < sentence.start:
        return None
    word = doc[index].lower_
    if index > sentence.start and doc[index - 1].lower_ in ACTOR_NOUNS and table.get(word) == "of":
        return None  # "the army of Burkina Faso", « l'armée du Burkina Faso »: the state acting
    if word in BENEFACTIVE:
        return "to"  # "to help Russia", « pour aider la Russie »
    if index > sentence.start and table.get(word) == "of":
        compound = COMPOUND_PREPOSITIONS.get(lang, {}).get(doc[index - 1].lower_)
        if compound is not None:
            return compound  # « en provenance de », « à destination de »
    if index > sentence.start and doc[index - 1].lower_ in NOT_A_DIRECTION.get(word, ()):
        return "other"  # "according to", "due to", « grâce à »
    if word in COORDINATION and word not in ARTICLES and word not in table:
        return _conjunct_preposition(party, sentence, lang)
    return table.get(word) or ("other" if word in OTHER_PREPOSITIONS.get(lang, ()) else None)


def _preposition_of_force(party: Party, sentence: Span, lang: str) -> Position | None:
    """« en service dans l'armée de l'air indienne »: a demonym that qualifies a force named in several
    words takes the preposition of the force's noun."""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return None
    node = doc[party.start : party.end].root
    for _step in range(3):
        if node.head.i == node.i or node.head.pos_ not in ("NOUN", "PROPN"):
            return None
        node = node.head
        if _listed(node, ACTOR_NOUNS):
            break
    else:
        return None
    if node.dep_ == "pobj":
        preposition: Token | None = node.head
    else:
        preposition = next((child for child in node.children if child.dep_ == "case"), None)
    if preposition is None:
        return None
    return PREPOSITIONS.get(lang, PREPOSITIONS["en"]).get(preposition.lower_)


def _before_possessor(party: Party, sentence: Span) -> int:
    """The index of the word before the party, or before the possessor that qualifies it: in "sent to
    Yemen's Houthis" the Houthis take the "to" that stands before "Yemen's"."""
    doc = sentence.doc
    index = party.start - 1
    if index - 1 < sentence.start or doc[index].lower_ not in POSSESSIVE_MARKS:
        return index
    possessor = doc[index - 1]
    if doc.has_annotation("DEP") and possessor.dep_ == "poss" and possessor.head.i >= party.start:
        return max(possessor.left_edge.i, sentence.start) - 1
    return index


def _conjunct_preposition(party: Party, sentence: Span, lang: str) -> Position | None:
    """« un contrat entre Thales et l'Arménie », "to Poland and then Ukraine": the last of coordinated
    phrases shares the preposition of the first, found through the parse when the first is no party."""
    doc = sentence.doc
    if not doc.has_annotation("DEP") or doc[party.start : party.end].root.dep_ != "conj":
        return None  # "… to Poland and Russia delivered …": a subject of its own
    table = PREPOSITIONS.get(lang, PREPOSITIONS["en"])
    for index in range(party.start - 2, max(party.start - 12, sentence.start) - 1, -1):
        word = doc[index]
        if word.pos_ in ("VERB", "AUX"):
            return None
        if word.lower_ in table:
            return table[word.lower_]
    return None


def _next_to_weapon(party: Party, weapons: list[tuple[int, int]], lang: str, sentence: Span) -> bool:
    doc = sentence.doc
    for start, end in weapons:
        between = doc[party.end : start]
        # "Turkish TB-2 drones", "Russian-made Su-35"; not "the Somali army with tanks"
        if 0 <= start - party.end <= 3 and not any(
            word.pos_ in ("ADP", "VERB", "AUX") or word.lower_ in ACTOR_NOUNS for word in between
        ):
            return True
        if lang != "en" and 0 <= party.start - end <= 2:  # "drones iraniens", "armes françaises"
            return True
    return False


def _names_an_actor(party: Party, sentence: Span) -> bool:
    """ "the German government", « le gouvernement nord-coréen », « le ministre de la Défense indonésien »."""
    doc = sentence.doc
    start = max(party.start - 2, sentence.start)
    if start - 3 >= sentence.start and doc[start - 1].lower_ in ("de", "du", "des", "of"):
        start -= 3  # a complement between the noun and its adjective: « ministre de la Défense indonésien »
    window = [doc[i].lower_ for i in range(start, min(party.end + 3, sentence.end))]
    return any(word in ACTOR_NOUNS for word in window)


def _people_named(party: Party, sentence: Span) -> bool:
    """ "the Americans", « les Français », « aux Ukrainiens »: a capitalised demonym after a definite article,
    with no noun of its own after it, names the people and so the state acting."""
    doc = sentence.doc
    before = doc[party.start - 1].lower_ if party.start > sentence.start else ""
    after = doc[party.end] if party.end < sentence.end else None
    return (
        before in ARTICLES | DEFINITE_CONTRACTIONS
        and doc[party.start].text[:1].isupper()
        and (after is None or (after.pos_ not in ("NOUN", "PROPN", "ADJ") and after.text not in ("-", "–")))
    )


_SUPPLIER: Role = "supplier"
_RECIPIENT: Role = "recipient"
# (predicate kind, passive) -> position -> role.
ROLE_TABLE: dict[tuple[CueKind, bool], dict[Position, Role]] = {
    ("supply", False): {
        "subject": _SUPPLIER,
        "object": _RECIPIENT,
        "to": _RECIPIENT,
        "from": _SUPPLIER,
        "by": _SUPPLIER,
        "with": _RECIPIENT,
    },
    ("supply", True): {"subject": _RECIPIENT, "to": _RECIPIENT, "by": _SUPPLIER, "from": _SUPPLIER},
    ("acquire", False): {
        "subject": _RECIPIENT,
        "owner": _RECIPIENT,  # "India's recently acquired Rafales"
        "object": _SUPPLIER,
        "from": _SUPPLIER,
        "by": _RECIPIENT,
        "with": _SUPPLIER,
    },
    ("acquire", True): {"subject": _SUPPLIER, "by": _RECIPIENT, "from": _SUPPLIER},
    ("arrival", False): {"at": _RECIPIENT, "to": _RECIPIENT, "from": _SUPPLIER},
    ("supply_noun", False): {
        "with": _RECIPIENT,
        "possessor": _SUPPLIER,
        "to": _RECIPIENT,
        "from": _SUPPLIER,
        "by": _SUPPLIER,
        "subject": _SUPPLIER,
        "object": _RECIPIENT,
    },
    ("acquire_noun", False): {
        "possessor": _RECIPIENT,
        "from": _SUPPLIER,
        "by": _RECIPIENT,
        "subject": _RECIPIENT,
        "with": _SUPPLIER,
    },
    # Who holds the weapon: "Egypt operates", "in service with the Egyptian navy", "Greece's fleet of".
    ("possess", False): {
        "subject": _RECIPIENT,
        "owner": _RECIPIENT,  # "Egypt's Rafales, flown since 2015"
        "with": _RECIPIENT,
        "at": _RECIPIENT,
        "of": _RECIPIENT,  # « au sein de l'armée syrienne »
    },
    ("possess", True): {"by": _RECIPIENT, "with": _RECIPIENT, "at": _RECIPIENT},
    ("possess_noun", False): {
        "subject": _RECIPIENT,
        "possessor": _RECIPIENT,
        "with": _RECIPIENT,
        "at": _RECIPIENT,
        "of": _RECIPIENT,
    },
    # Only when nothing more telling is said: "Egypt signed a contract with France for Rafale jets".
    # "to" names the destination: « un contrat … portant sur des frégates destinées à l'Égypte ».
    ("deal", False): {"subject": _RECIPIENT, "with": _SUPPLIER, "possessor": _RECIPIENT, "to": _RECIPIENT},
}
# In French, « acheter/commander à la Russie » and « livraison de la Russie » name the supplier.
# « avec » never names whom a supply goes to (« équiper avec des blindés », « ses relations avec l'Iran »).
FRENCH_OVERRIDES: dict[CueKind, dict[Position, Role | None]] = {
    "supply": {"at": _RECIPIENT, "with": None},  # « envoyer des chars en Ukraine »
    "supply_noun": {"at": _RECIPIENT, "with": None},  # « les livraisons d'armes en Ukraine »
    "acquire": {"to": _SUPPLIER, "of": _SUPPLIER},
    "acquire_noun": {"to": _SUPPLIER, "of": _SUPPLIER},
    "arrival": {"of": _SUPPLIER},
}


def role_for(position: Position, predicate: Predicate, lang: str) -> Role | None:
    """Supplier or recipient, from where the party stands and what the predicate says."""
    if position == "origin":
        return _SUPPLIER
    if lang == "fr" and position in FRENCH_OVERRIDES.get(predicate.kind, {}):
        return FRENCH_OVERRIDES[predicate.kind][position]
    table = ROLE_TABLE.get((predicate.kind, predicate.passive)) or ROLE_TABLE.get((predicate.kind, False), {})
    return table.get(position)


def continues_list(previous: Party, party: Party, sentence: Span) -> bool:
    """True when only commas and conjunctions stand between two party mentions of one list.

    A comma alone does not continue a list when the second mention heads a new phrase:
    "to Moscow, US officials said" names no second recipient.
    """
    doc = sentence.doc
    between = doc[previous.end : party.start]
    if previous.end > party.start or not all(token.lower_ in COORDINATION for token in between):
        return False
    if any(token.lower_ != "," and token.lower_ not in ARTICLES for token in between):
        # "and", "et", "along with": a real coordination, unless the second mention is the subject of a
        # clause of its own ("drones to Russia, and North Korea will deliver shells").
        return not _opens_clause(previous, party, sentence)
    following = doc[party.end] if party.end < sentence.end else None
    return following is None or following.is_punct or following.lower_ in COORDINATION


def _opens_clause(previous: Party, party: Party, sentence: Span) -> bool:
    """The parse makes the second mention a subject and the first one not."""
    if not sentence.doc.has_annotation("DEP"):
        return False
    doc = sentence.doc
    first, second = doc[previous.start : previous.end].root, doc[party.start : party.end].root
    return second.dep_.startswith("nsubj") and not first.dep_.startswith("nsubj")


def governing(party: Party, predicates: list[Predicate], sentence: Span) -> Predicate | None:
    """The predicate the parse attaches the party to, where a nearer one would mislead: the one it is the
    subject of, the verb whose preposition governs it, or the verb of a relative clause that holds it
    (« la Russie, qui a reçu des drones de l'Iran, a aussi acheté des obus à la Corée du Nord »: Iran belongs
    to « reçu »)."""
    if not sentence.doc.has_annotation("DEP"):
        return None
    by_index = {predicate.index: predicate for predicate in predicates}
    token = sentence.doc[party.start : party.end].root
    subject = token.dep_.startswith("nsubj")
    # "France delivered jets to Greece, while Germany sent submarines to Egypt": Greece is the object of
    # the preposition of "delivered", though "sent" stands nearer.
    complement = token.dep_ == "pobj" and token.head.dep_ in ("prep", "dative")
    for _step in range(3):
        if token.head.i == token.i:
            return None
        token = token.head
        if token.i in by_index:
            # a participle describing a noun holds its complements too: « les frégates commandées par la
            # Grèce à la France seront livrées »
            participle = token.dep_ == "acl" and _participle_form(token)
            attached = (
                subject
                or token.dep_.endswith("relcl")
                or participle
                or (complement and by_index[token.i].is_verb)
            )
            return by_index[token.i] if attached else None
        subject = False
        complement = complement and token.pos_ == "ADP"
    return None


def agent_host(party: Party, predicates: list[Predicate], sentence: Span) -> Predicate | None:
    """The past participle whose agent "by X" (« par X ») is: the last transfer word before the party, with
    no finite verb between them, even where the sentence's own verb stands nearer (« les chars livrés au
    Pérou par la France sont arrivés », "the tanks sent to Peru by France have arrived")."""
    doc = sentence.doc
    before = [predicate for predicate in predicates if predicate.index < party.start]
    if not before:
        return None
    host = max(before, key=lambda predicate: predicate.index)
    if not (host.is_verb and _participle_form(doc[host.index])):
        return None  # « en réponse à l'achat de Rafale par l'Inde »: the noun nearer takes the agent
    finite = any("Fin" in doc[i].morph.get("VerbForm", []) for i in range(host.index + 1, party.start))
    return None if finite else host


def attached(party: Party, predicate: Predicate, sentence: Span) -> bool:
    """The parse links the party to the predicate directly or through one preposition."""
    return sentence.doc.has_annotation("DEP") and _climbs_to(party, predicate, sentence, 2, through="ADP")


def _climbs_to(
    party: Party, predicate: Predicate, sentence: Span, steps: int, through: str | None = None
) -> bool:
    """The predicate is at most ``steps`` heads above the party's root in the parse, every head between
    them of part of speech ``through`` when one is given."""
    token = sentence.doc[party.start : party.end].root
    for _step in range(steps):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == predicate.index:
            return True
        if through is not None and token.pos_ != through:
            return False
    return False


def party_of_deal(party: Party, deal: Predicate, sentence: Span) -> bool:
    """ "a contract with France", « a finalisé un accord de défense important avec l'Arménie »: the parse
    links the party to the deal noun, or to the verb whose object the deal is."""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return False
    noun = doc[deal.index]
    token = doc[party.start : party.end].root
    heads = {token.head.i, token.head.head.i}  # directly (French "avec" is a case mark) or through "with"
    return noun.i in heads or (noun.dep_ in ("obj", "dobj") and noun.head.i in heads)


def speaks(party: Party, sentence: Span) -> bool:
    """The party, or the noun it qualifies, is the subject of a verb of saying: "…, the South Korean
    defence ministry said", « …, a déclaré le ministère japonais »."""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return False
    token = doc[party.start : party.end].root
    for _step in range(2):
        if token.dep_.startswith("nsubj") or token.dep_ not in ("amod", "compound", "nmod", "poss"):
            break
        token = token.head
    return token.dep_.startswith("nsubj") and token.head.lemma_.lower() in REPORTING_VERBS


def speaks_aside(party: Party, predicate: Predicate, sentence: Span) -> bool:
    """The party speaks (see ``speaks``) in a subordinate clause of its own, led by a conjunction and not
    governing the predicate: « La France s'est engagée à envoyer des chars, tandis que la Finlande a
    déclaré qu'elle y songeait », "… while Finland said it was considering it": it speaks of itself, it is
    no source of the transfer."""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return False
    verb = doc[party.start : party.end].root.head
    return any(child.dep_ == "mark" for child in verb.children) and not verb.is_ancestor(doc[predicate.index])


def claims(party: Party, sentence: Span) -> bool:
    """The party qualifies a noun of claim ("a U.S. assertion that …", "US intelligence", « les accusations
    de Moscou »): it is the source of the claim, not a side of the transfer."""
    return _qualifies(party, sentence, CLAIM_NOUNS)


def reacts(party: Party, sentence: Span) -> bool:
    """The party qualifies a noun of reaction ("Moscow's criticism of … over the sale", "Russia's protest
    against the sale of drones to Ukraine"): it reacts to the transfer and is neither a side nor a source."""
    return _qualifies(party, sentence, REACTION_NOUNS)


def _qualifies(party: Party, sentence: Span, nouns: frozenset[str]) -> bool:
    """The party qualifies, directly or through a preposition, one of ``nouns``."""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return False
    token = doc[party.start : party.end].root
    for _step in range(2):
        if token.dep_ not in QUALIFYING or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "ADP":
            continue  # « les accusations de Moscou »: the preposition stands between
        if token.lower_ in nouns or token.lemma_.lower() in nouns:
            return True
    return False


def someone_speaks(sentence: Span) -> bool:
    """A verb of saying has a subject: "…, its foreign minister said", "“…,” Ma said"."""
    return any(
        token.dep_.startswith("nsubj") and token.head.lemma_.lower() in REPORTING_VERBS for token in sentence
    )


def third_party_speaks(sentence: Span, lang: str) -> bool:
    """An international organisation is the speaker of a verb of saying (« Le chef de l'ONU a déclaré »,
    « …, a déclaré jeudi le secrétaire général de l'OTAN », "NATO's chief said"): a third party, whose
    word makes a claim. The speaker is the verb's subject, or the words right after an inverted verb (the
    small models often mistake an inverted subject for an object); an organisation addressed (« a déclaré
    à l'ONU », "told the UN") is no speaker."""
    organisations = THIRD_PARTY_SPEAKERS.get(lang, ())
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS:
            continue
        subjects = [
            word for child in verb.children if child.dep_.startswith("nsubj") for word in child.subtree
        ]
        if any(
            word.lower_ in organisations and not _addressed(word) for word in [*subjects, *_inverted(verb)]
        ):
            return True
    return False


def _inverted(verb: Token) -> list[Token]:
    """The words right after a verb up to the next punctuation: where an inverted subject stands
    (« …, a déclaré le ministère »), which the small models often take for an object."""
    sentence = verb.sent
    after = sentence.doc[verb.i + 1 : min(verb.i + 1 + SPEAKER_REACH, sentence.end)]
    return list(after[: next((i for i, word in enumerate(after) if word.is_punct), len(after))])


def accuses_in_passive(party: Party, sentence: Span) -> bool:
    """« La Biélorussie est accusée par l'Ukraine d'avoir livré »: the agent of a passive accusation is
    the accuser, a source of the claim."""
    if not sentence.doc.has_annotation("DEP"):
        return False
    token = sentence.doc[party.start : party.end].root
    verb = token.head
    return (
        verb.lemma_.lower() in ACCUSING_VERBS and _is_passive(verb) and token.dep_ in ("obl:agent", "agent")
    )


def speaks_inverted(party: Party, sentence: Span) -> bool:
    """The party is the inverted subject of a verb of saying set apart by a comma (« …, a annoncé le
    ministère polonais »): a verb without a subject of its own, the party in the words after it."""
    return any(
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in REPORTING_VERBS
        and _incise(verb)
        and not any(child.dep_.startswith("nsubj") for child in verb.children)
        and party.start in {word.i for word in _inverted(verb)}
        and not _addressed(sentence.doc[party.start])
        for verb in sentence
    )


def _incise(verb: Token) -> bool:
    """The verb (with its auxiliaries) comes right after punctuation: « …, a déclaré », « », affirme »."""
    first = min([verb.i, *(child.i for child in verb.children if child.dep_.startswith("aux"))])
    return first > verb.sent.start and verb.doc[first - 1].is_punct


def _addressed(word: Token) -> bool:
    """« à l'ONU », "to the UN": the organisation is spoken to."""
    return any(child.lower_ in ADDRESSEE_PREPOSITIONS for child in (*word.children, *word.head.children))


def reports(party: Party, predicate: Predicate, sentence: Span) -> bool:
    """The party is the subject of a verb of saying that governs the predicate, and the reported clause
    has its own agent: "U.S. officials disclosed that shells were delivered to Iran" (a source, not a
    party); but "Russia said it had delivered" (the pronoun takes the speaker up)."""
    doc = sentence.doc
    if not doc.has_annotation("DEP"):
        return False
    token = doc[party.start : party.end].root
    for _step in range(3):
        if token.dep_.startswith("nsubj") or token.head.i == token.i:
            break
        token = token.head
    verb = token.head
    if not token.dep_.startswith("nsubj") or verb.lemma_.lower() not in REPORTING_VERBS | ACCUSING_VERBS:
        return False
    target = doc[predicate.index]
    if verb.i == target.i or not verb.is_ancestor(target):
        return False
    if verb.lemma_.lower() in ACCUSING_VERBS:
        return not token.dep_.startswith(("nsubjpass", "nsubj:pass"))  # "Iran is suspected of smuggling"
    node = target
    while node.i != verb.i:
        if node.i != target.i and node.lemma_.lower() in ACCUSING_VERBS:
            return True  # « Rabat accuse l'Iran d'avoir livré »: the accuser is not the one who gives
        if node.pos_ in ("VERB", "AUX"):
            subjects = [child for child in node.children if child.dep_.startswith("nsubj")]
            if subjects:
                return subjects[0].lower_ not in SPEAKER_PRONOUNS
            if node.dep_ in ("acl", "amod"):
                return False  # "drones purchased from Turkey": the buyer may be the speaker
        node = node.head
    return False  # "Israel announced the sale of jets": the speaker may well be the seller
