"""Parties and status beyond the development set: who is the source of a claim, a weapon's maker beside
the state that hands it over, deals between two states, « ne … que », armed groups. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # intelligence or a third state as the source of the claim: alleged
        (
            "La Corée du Nord a expédié des millions d'obus d'artillerie vers la Russie depuis l'an dernier, "
            "selon le renseignement sud-coréen.",
            "fr",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "North Korea has supplied artillery shells to Russia, the South Korean defence ministry said.",
            "en",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "La Corée du Nord a fourni des missiles à la Russie, a déclaré le ministère japonais "
            "de la Défense.",
            "fr",
            {("KP", "RU", "missiles", "alleged")},
        ),
        # ... but a side saying it is a fact
        (
            "La Russie a livré des S-400 à l'Inde, a déclaré le ministère russe de la Défense.",
            "fr",
            {("RU", "IN", "air_defense", "delivered")},
        ),
        (
            "Russia said it had delivered S-400 systems to India.",
            "en",
            {("RU", "IN", "air_defense", "delivered")},
        ),
    ],
)
def test_tagger_framing_source_of_the_claim(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the maker of the weapon is not who hands it over
        (
            "Poland delivered Soviet-made T-72 tanks to Ukraine.",
            "en",
            {("PL", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Slovakia handed over its Russian-made MiG-29 jets to Ukraine.",
            "en",
            {("SK", "UA", "aircraft", "delivered")},
        ),
        # ... unless it supplies in a clause of its own
        (
            "India signed a deal to purchase from the Soviets new MiG-29 jets, which it wants for countering "
            "US aircraft sold to Pakistan.",
            "en",
            {("SU", "IN", "aircraft", "agreed"), ("US", "PK", "aircraft", "agreed")},
        ),
        # a deal between two states: the maker of the system supplies it
        (
            "Accord entre la France et l'Inde pour la vente de 26 avions Rafale.",
            "fr",
            {("FR", "IN", "aircraft", "agreed")},
        ),
        (
            "The agreement between Brazil and Sweden covers 36 Gripen fighters.",
            "en",
            {("SE", "BR", "aircraft", "agreed")},
        ),
        # « ne … que » is "only", not a denial
        (
            "Washington ne livre des missiles Patriot qu'à la Pologne.",
            "fr",
            {("US", "PL", "air_defense", "ongoing")},
        ),
        # a negated delivery in the writer's voice is no transfer (the annotation rules); said by a side,
        # a denial
        ("La Russie ne livre pas de chars T-90 à l'Inde.", "fr", set()),
        (
            "La Russie ne livre pas de chars T-90 à l'Inde, a déclaré le Kremlin.",
            "fr",
            {("RU", "IN", "armored_vehicles", "denied")},
        ),
        # armed groups keep their names
        ("Libya supplied the IRA with Semtex and rifles.", "en", {("LY", None, "small_arms", "delivered")}),
        ("Iran has armed the FARC with rifles.", "en", {("IR", None, "small_arms", "delivered")}),
    ],
)
def test_tagger_framing_parties(tagger: Tagger, text: str, lang: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang) == expected


def test_tagger_framing_non_state_names(tagger: Tagger) -> None:
    (transfer,) = tagger.tag("Iran has shipped rockets to the Irish Republican Army.", lang="en").transfers
    assert (transfer.supplier, transfer.recipient, transfer.recipient_name) == (
        "IR",
        None,
        "Irish Republican Army",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial covers the pairs it names, not a clause beside it (whose own "selling" is a sale: agreed)
        (
            "Rwanda denied that it had sent drones to Congo, while Uganda admitted selling drones to Sudan.",
            {("RW", "CD", "drones", "denied"), ("UG", "SD", "drones", "agreed")},
        ),
        # ... and the whole report when it names none of them
        ("Russia and Iran denied that Tehran had sent drones to Moscow.", {("IR", "RU", "drones", "denied")}),
        # a next sentence naming a third state as the source makes the report its claim
        (
            "Belarus sent the Russian Federation 20 T-72 tanks. The General Staff of Ukraine announced this.",
            {("BY", "RU", "armored_vehicles", "alleged")},
        ),
        (
            "Belarus sent Russia 20 T-72 tanks. The Belarusian defence ministry announced this.",
            {("BY", "RU", "armored_vehicles", "delivered")},
        ),
        # where the weapons land on the way to a destination is a transit state
        (
            "Iran sent drones to Russia, which arrived in Belarus first.",
            {("IR", "RU", "drones", "delivered")},
        ),
    ],
)
def test_tagger_framing_denials_sources_and_transit(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a modal with the perfect guesses at the past: an alleged transfer ...
        (
            "Thousands of shells could have been shipped to Serbia by Belarus.",
            {("BY", "RS", "ammunition", "alleged")},
        ),
        ("Egypt may have sold drones to Sudan.", {("EG", "SD", "drones", "alleged")}),
        (
            "Officials say Iran might have supplied Venezuela with missiles.",
            {("IR", "VE", "missiles", "alleged")},
        ),
        # ... a bare modal only a possibility, "should have" what did not happen
        ("Egypt could sell drones to Sudan.", set()),
        ("Critics say Spain should have sent more tanks to Chile.", set()),
        # what became of the weapons afterwards does not undo the transfer
        (
            "Turkey delivered drones to Azerbaijan that Azerbaijani troops later deployed on the border.",
            {("TR", "AZ", "drones", "delivered")},
        ),
        (
            "Sweden sold howitzers to Brazil which were deployed in the south.",
            {("SE", "BR", "artillery", "agreed")},
        ),
        # ... but a deployment that is the transfer's own frame still vetoes it
        ("Russia sent tanks to Belarus as part of the deployment of a joint force.", set()),
    ],
)
def test_tagger_framing_guesses_and_later_use(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated transfer in narration is no transfer, a refusal neither ...
        ("Norway has not delivered any howitzers to Kenya.", set()),
        ("Chile will not buy Brazilian tanks.", set()),
        ("Austria said it would not sell rifles to Nigeria.", set()),
        # ... a negation somebody says in answer to a report is a denial
        (
            "Belarus has never sent shells to Russia, its defence minister said.",
            {("BY", "RU", "ammunition", "denied")},
        ),
        ("“Cuba buys no missiles from Russia,” the spokesman said.", {("RU", "CU", "missiles", "denied")}),
        ("Iran said it had never sent drones to Sudan.", {("IR", "SD", "drones", "denied")}),
    ],
)
def test_tagger_framing_negation_is_a_denial_only_when_said(
    tagger: Tagger, text: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a maker named with "-made" beside the state that hands the weapon over is no supplier ...
        ("Kenya received US-made Hawk systems from Norway.", {("NO", "KE", "air_defense", "delivered")}),
        # ... but is the supplier of an acquisition
        ("Peru bought US-made Abrams tanks.", {("US", "PE", "armored_vehicles", "agreed")}),
        # warnings against a transfer and unlikely ones are none
        ("France warned Italy against supplying drones to Libya.", set()),
        ("Brazil is unlikely to deliver tanks to Chile soon, analysts said.", set()),
        # halts and freezes
        ("Norway stopped exporting frigate parts to Peru after a court ruling.", set()),
        ("Spain froze the sale of bombs to Qatar.", set()),
        ("Kenya's purchase of Chinese drones was cancelled after a long dispute over the price.", set()),
        # ... unless negated
        (
            "The agreement has not stopped Egypt from selling rifles to Libya.",
            {("EG", "LY", "small_arms", "agreed")},
        ),
    ],
)
def test_tagger_framing_makers_warnings_and_unlikely(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected
