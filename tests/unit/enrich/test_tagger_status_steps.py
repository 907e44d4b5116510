"""Status from the framing of a step, and steps that are no transfer: the unreal past, a refusal, upkeep, an
approval of a delivery, a denial of something else than a report, the future seen from an announcement,
suppliers called « sources », a deal between two states told by a third. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the unreal past tells what did not happen
        (
            "Under the plan, Hungary would have supplied Serbia with its old MiG-21 jets, but Budapest "
            "dropped it.",
            "en",
            set(),
        ),
        ("Germany should have sent Leopard tanks to Ukraine months ago.", "en", set()),
        # ... where a modal of possibility with the perfect guesses at what did
        ("Iran may have shipped drones to Russia.", "en", {("IR", "RU", "drones", "alleged")}),
        # a refusal
        ("Germany declined to send Taurus missiles to Ukraine.", "en", set()),
        # equipment sent abroad for upkeep goes back to its owner
        ("Egypt sent its F-16 jets to the United States for repairs.", "en", set()),
        ("Le Niger a envoyé ses hélicoptères Mi-17 en Russie pour être révisés.", "fr", set()),
        # ... where another purpose is a transfer's
        (
            "Germany supplied Leopard tanks to Ukraine to replace its losses.",
            "en",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
    ],
)
def test_tagger_steps_that_did_not_happen(tagger: Tagger, text: str, lang: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a word of delivery inside what an approval governs: the approval is the step
        (
            "The Pentagon approved the delivery of the first batch of Abrams tanks to Poland.",
            "en",
            {("US", "PL", "armored_vehicles", "agreed")},
        ),
        (
            "Le gouvernement a autorisé l'envoi du premier lot de canons Caesar à l'Arménie par la France.",
            "fr",
            {("FR", "AM", "artillery", "agreed")},
        ),
        # ... and outside one, the delivery itself
        (
            "The first batch of Abrams tanks arrived in Poland from the United States.",
            "en",
            {("US", "PL", "armored_vehicles", "delivered")},
        ),
    ],
)
def test_tagger_approval_of_a_delivery_is_agreed(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a denial word whose object is a concern, not a report
        (
            "The senators dismissed the concern, noting that the US is already sending Stinger missiles "
            "to Ukraine.",
            "en",
            {("US", "UA", "air_defense", "ongoing")},
        ),
        # ... and one whose object is the report
        (
            "Russia dismissed the claims that it had sent S-300 missiles to Syria.",
            "en",
            {("RU", "SY", "air_defense", "denied")},
        ),
    ],
)
def test_tagger_denial_of_something_else(tagger: Tagger, text: str, lang: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the present conditional after « a annoncé … que »: the future seen from the announcement
        (
            "Le ministre a annoncé que les vingt blindés cédés au Maroc par la France seraient remplacés "
            "d'ici à 2026.",
            "fr",
            {("FR", "MA", "armored_vehicles", "delivered")},
        ),
        # ... and without an announcement, the conditional of a report
        (
            "Les blindés cédés au Maroc par la France seraient défectueux.",
            "fr",
            {("FR", "MA", "armored_vehicles", "alleged")},
        ),
        # « sources d'approvisionnement » are suppliers, not informants
        (
            "Depuis 2010, la Chine a exporté des drones au Pakistan, faisant de Pékin l'une des principales "
            "sources d'approvisionnement d'Islamabad.",
            "fr",
            {("CN", "PK", "drones", "delivered")},
        ),
    ],
)
def test_tagger_french_words_that_are_no_hedge(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a deal "between" two states: a third state that tells of it or brokers it is no side
        ("The U.S. spread rumors of an arms deal between Pyongyang and Moscow.", "en", set()),
        (
            "France brokered a deal between Greece and Israel for Spike missiles.",
            "en",
            {("IL", "GR", "missiles", "agreed")},
        ),
        # ... a deal between a state and a company: the state that approves it sells
        (
            "The Pentagon okayed a deal between Poland and Lockheed Martin for 32 F-35 jets.",
            "en",
            {("US", "PL", "aircraft", "agreed")},
        ),
        # ... and "a deal with" still gives the buyer its seller
        (
            "Brazil signed a deal with Sweden for 36 Gripen fighters.",
            "en",
            {("SE", "BR", "aircraft", "agreed")},
        ),
    ],
)
def test_tagger_deal_between_two_states(tagger: Tagger, text: str, lang: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a state that qualifies a noun of funding pays and is no side
        ("Japan's funding for Vietnam's purchase of Russian Su-30 jets drew criticism.", "en", set()),
        # a deal still being finalised is not yet a deal
        ("Germany is finalizing a deal to buy Arrow 3 missiles from Israel.", "en", set()),
        # ... and one given a blessing is agreed
        (
            "Washington gave its blessing to the sale of 40 Abrams tanks to Morocco.",
            "en",
            {("US", "MA", "armored_vehicles", "agreed")},
        ),
    ],
)
def test_tagger_financiers_and_unfinished_deals(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an agency relaying a party's own statement reports a fact
        (
            "Germany delivered two IRIS-T systems to Ukraine, Reuters reported, citing the Ukrainian "
            "government.",
            "en",
            {("DE", "UA", "air_defense", "delivered")},
        ),
        (
            "La Slovaquie a livré quatre MiG-29 à l'Ukraine, rapporte l'agence TASR, citant le ministère "
            "slovaque de la Défense.",
            "fr",
            {("SK", "UA", "aircraft", "delivered")},
        ),
        # ... whatever the agency's nationality
        (
            "Slovakia has handed over four MiG-29 jets to Ukraine, the Czech News Agency reported, citing "
            "the Slovak defence ministry.",
            "en",
            {("SK", "UA", "aircraft", "delivered")},
        ),
        # ... but a third state's statement, unnamed sources or a report alone make a claim
        (
            "Slovakia has handed over four MiG-29 jets to Ukraine, the agency reported, citing the Polish "
            "defence ministry.",
            "en",
            {("SK", "UA", "aircraft", "alleged")},
        ),
        (
            "Germany delivered two IRIS-T systems to Ukraine, Reuters reported, citing intelligence "
            "officials.",
            "en",
            {("DE", "UA", "air_defense", "alleged")},
        ),
        (
            "Slovakia has handed over four MiG-29 jets to Ukraine, the agency reported.",
            "en",
            {("SK", "UA", "aircraft", "alleged")},
        ),
        (
            "La Slovaquie a livré quatre MiG-29 à l'Ukraine, rapporte l'agence TASR, citant des sources "
            "militaires.",
            "fr",
            {("SK", "UA", "aircraft", "alleged")},
        ),
    ],
)
def test_tagger_relayed_statements(tagger: Tagger, text: str, lang: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected_status"),
    [
        # a hedge in a free relative under a preposition describes the event, it does not doubt it
        (
            "China has delivered missile systems to Serbia in what is believed to be its biggest airlift.",
            "delivered",
        ),
        ("China delivered missiles to Serbia in what is reportedly its largest airlift.", "delivered"),
        # ... while a hedge on the transfer, or on the weapons' origin, doubts it
        ("China is believed to have delivered missiles to Serbia.", "alleged"),
        ("Serbia received missiles that are believed to come from China.", "alleged"),
    ],
)
def test_tagger_hedges_of_a_description(tagger: Tagger, text: str, expected_status: str) -> None:
    assert {quad[3] for quad in quads(tagger, text, "en")} == {expected_status}
