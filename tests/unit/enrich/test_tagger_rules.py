"""Rules for parties and status beyond the basic patterns: leaders, deals, reporters, references, nouns
mis-tagged by small models, armed groups named after a state."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from enrich import roles
from enrich.lexicon import StateForm, lexicon
from enrich.roles import Party, Predicate
from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a leader's name stands for the state
        (
            "Lukashenko has handed over hundreds of tanks to Moscow.",
            "en",
            {("BY", "RU", "armored_vehicles", "delivered")},
        ),
        ("Erdoğan a livré des drones Bayraktar TB2 au Niger.", "fr", {("TR", "NE", "drones", "delivered")}),
        # "a deal with X": the side opposite the one found, and the maker of the system sells it
        (
            "Egypt signed a contract with France for 30 more Rafale jets.",
            "en",
            {("FR", "EG", "aircraft", "agreed")},
        ),
        (
            "Greece signed a contract with France for the supply of Rafale jets.",
            "en",
            {("FR", "GR", "aircraft", "agreed")},
        ),
        (
            "La Grèce a signé un accord avec la France pour la livraison de frégates FDI.",
            "fr",
            {("FR", "GR", "naval", "agreed")},
        ),
        # the subject of "said" is a source, and a third state's word makes the transfer a claim
        (
            "The Pentagon said on Friday that North Korean shells were shipped to Russia in March.",
            "en",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        # ... unless a pronoun takes the speaker up as the agent
        (
            "Russia said it had delivered S-400 systems to India.",
            "en",
            {("RU", "IN", "air_defense", "delivered")},
        ),
        # an armed group named after a state is not the state
        (
            "Khartoum accused Kampala of arming the Sudan People's Liberation Army with rifles.",
            "en",
            {("UG", None, "small_arms", "alleged")},
        ),
        # "the country" in a new sentence: the previous sentence's topic, not its last state
        (
            "Norway has pledged more air defence to Ukraine. The country also sent artillery shells to "
            "Ukraine last month.",
            "en",
            {("NO", "UA", "air_defense", "agreed"), ("NO", "UA", "ammunition", "delivered")},
        ),
        # "given the green light" is an approval, whatever "given" says alone
        (
            "The State Department has given the green light for the sale of Harpoon missiles to Taiwan.",
            "en",
            {("US", "TW", "missiles", "agreed")},
        ),
        # "found no evidence" denies the transfer
        (
            "An inquiry found no evidence that Serbia had exported ammunition to Ukraine.",
            "en",
            {("RS", "UA", "ammunition", "denied")},
        ),
        # "an inquiry into" points at no recipient
        (
            "The inquiry into a U.S. claim that Serbia shipped shells to Ukraine found nothing.",
            "en",
            {("RS", "UA", "ammunition", "alleged")},
        ),
        # a French demonym after the complement of its noun still names the actor
        (
            "Le ministre de la Défense grec a annoncé la commande de vingt F-35 américains.",
            "fr",
            {("US", "GR", "aircraft", "agreed")},
        ),
        # a transfer noun after a determiner is a noun, whatever a small model tags it
        (
            "Le département d'État américain a approuvé la vente de missiles Javelin au Kenya.",
            "fr",
            {("US", "KE", "missiles", "agreed")},
        ),
    ],
)
def test_tagger_party_and_status_rules(tagger: Tagger, text: str, lang: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang) == expected


def test_tagger_state_right_before_a_number_is_a_recipient_not_a_maker(tagger: Tagger) -> None:
    text = (
        "Paris has offered Greece four frigates as compensation for the tanks the European country "
        "is giving to Ukraine."
    )
    pairs = {(t.supplier, t.recipient) for t in tagger.tag(text, lang="en").transfers}
    assert pairs == {("GR", "UA")}


def test_tagger_taking_part_in_an_exercise_is_no_acquisition(tagger: Tagger) -> None:
    text = "A British Challenger 2 squadron will take part in an exercise with Estonia."
    assert quads(tagger, text, "en") == set()


def test_lexicon_leaders_stand_for_their_state_in_every_language() -> None:
    for lang in ("en", "fr", "de"):
        assert StateForm("Putin", "RU", "leader") in lexicon(lang).states


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_roles_attached_follows_the_parse_through_one_preposition() -> None:
    # « acquis [...] avec la Russie », the phrase attached to the verb however far it stands
    doc = _parsed(
        ["acquis", "en", "2022", "avec", "la", "Russie"],
        [0, 2, 0, 5, 5, 0],
        ["ROOT", "case", "obl", "case", "det", "obl"],
        ["VERB", "ADP", "NUM", "ADP", "DET", "PROPN"],
    )
    predicate = Predicate(0, "acquire", True, False)
    assert roles.attached(Party(5, 6, "RU", None, "name"), predicate, doc[:])
    assert not roles.attached(Party(2, 3, "XX", None, "name"), Predicate(5, "acquire", True, False), doc[:])


def test_roles_transfer_noun_after_a_determiner_is_a_predicate_whatever_its_tag() -> None:
    doc = _parsed(
        ["la", "vente", "de", "chars"],
        [1, 1, 3, 1],
        ["det", "ROOT", "case", "nmod"],
        ["DET", "ADJ", "ADP", "NOUN"],
    )
    (predicate,) = roles.find_predicates(doc[:], lexicon("fr").cues, [], {3})
    assert (predicate.index, predicate.kind) == (1, "supply_noun")


def test_roles_french_present_tense_tagged_as_a_noun_is_a_verb_when_it_has_a_subject() -> None:
    # « Téhéran livre des missiles » with « livre » tagged NOUN, as the small model does
    doc = _parsed(
        ["Téhéran", "livre", "des", "missiles"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "case", "obj"],
        ["PROPN", "NOUN", "ADP", "NOUN"],
    )
    (predicate,) = roles.find_predicates(doc[:], lexicon("fr").cues, [], {0, 3})
    assert (predicate.index, predicate.is_verb, predicate.kind) == (1, True, "supply")


def test_roles_a_book_is_still_a_book() -> None:
    # « le livre » : after a determiner, no subject of its own: no predicate
    doc = _parsed(
        ["le", "livre", "du", "ministre"],
        [1, 1, 3, 1],
        ["det", "ROOT", "case", "nmod"],
        ["DET", "NOUN", "ADP", "NOUN"],
    )
    assert roles.find_predicates(doc[:], lexicon("fr").cues, [], set()) == []


def test_roles_french_infinitives_of_present_forms() -> None:
    assert roles._french_infinitives("livrent") == ("livrer", "livrer")
    assert "acheter" in roles._french_infinitives("achète")
    assert roles._french_infinitives("vend") == ()
