"""Transfers extracted from single sentences, with the exact (supplier, recipient, category, status)."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active supply verbs, with the recipient as object, after "to", or in "supply X with"
        ("Iran has supplied Russia with hundreds of Shahed drones.", {("IR", "RU", "drones", "delivered")}),
        ("Russia is sending S-400 air defense systems to India.", {("RU", "IN", "air_defense", "ongoing")}),
        (
            "Pyongyang is covertly shipping artillery shells to Moscow.",
            {("KP", "RU", "ammunition", "ongoing")},
        ),
        (
            "Germany delivered Leopard 2 tanks to Ukraine last month.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        ("France will send Caesar howitzers to Armenia.", {("FR", "AM", "artillery", "agreed")}),
        # passive
        ("The S-300 system was provided to Iran by Russia.", {("RU", "IR", "air_defense", "delivered")}),
        # purchase verbs: the buyer is the recipient, "from" the supplier
        (
            "Egypt has signed a deal to buy K9 howitzers from South Korea.",
            {("KR", "EG", "artillery", "agreed")},
        ),
        (
            "Bangladesh took delivery of two submarines bought from China.",
            {("CN", "BD", "naval", "delivered")},
        ),
        # arrival: the weapon is the subject; the demonym gives the supplier
        (
            "The first batch of South Korean FA-50 jets has arrived in Poland.",
            {("KR", "PL", "aircraft", "delivered")},
        ),
        ("Iran has purchased Russian-made Su-35 fighter jets.", {("RU", "IR", "aircraft", "agreed")}),
        # nominal predicates and approvals
        ("Germany approved the sale of three frigates to Egypt.", {("DE", "EG", "naval", "agreed")}),
        # metonyms and coordinated recipients
        (
            "Washington has shipped Javelin missiles to Kyiv and Tbilisi.",
            {("US", "UA", "missiles", "delivered"), ("US", "GE", "missiles", "delivered")},
        ),
        # an accuser is not a party; a later denial wins
        (
            "The West accuses Iran of supplying Russia with kamikaze drones. Tehran denies this.",
            {("IR", "RU", "drones", "denied")},
        ),
        ("Washington accused Beijing of sending drones to Russia.", {("CN", "RU", "drones", "alleged")}),
        # a negation is a denial when a side says it; the writer's own is no transfer (a negated delivery)
        (
            "Russia is not sending any military equipment to Syria, Lavrov said.",
            {("RU", "SY", "other", "denied")},
        ),
        ("Russia is not sending any military equipment to Syria.", set()),
        # a non-state recipient keeps its name
        ("Iran has smuggled anti-ship missiles to the Houthis.", {("IR", None, "missiles", "delivered")}),
        # transit states are not parties
        (
            "The United States sent Javelin missiles to Ukraine through Poland.",
            {("US", "UA", "missiles", "delivered")},
        ),
    ],
)
def test_tagger_english_transfers(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le gouvernement nord-coréen canalise secrètement des obus d'artillerie pour aider la Russie.",
            {("KP", "RU", "ammunition", "ongoing")},
        ),
        ("L'Iran a envoyé des drones kamikazes à la Russie.", {("IR", "RU", "drones", "delivered")}),
        ("La France a livré des canons Caesar à l'Ukraine.", {("FR", "UA", "artillery", "delivered")}),
        (
            "L'Algérie aurait conclu un accord avec la Russie portant sur l'achat de quatorze avions Su-57.",
            {("RU", "DZ", "aircraft", "alleged")},
        ),
        (
            "Le Burkina Faso a passé la commande de deux hélicoptères Mi-171Sh à la Russie.",
            {("RU", "BF", "aircraft", "agreed")},
        ),
        ("Moscou dément avoir livré des missiles à Téhéran.", {("RU", "IR", "missiles", "denied")}),
        (
            "L'armée du Burkina Faso a reçu une douzaine de drones de combat livrés par la Turquie.",
            {("TR", "BF", "drones", "delivered")},
        ),
    ],
)
def test_tagger_french_transfers(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The United States imposed new sanctions on Iranian drone makers.",
        "Russian troops used Iranian drones in overnight attacks on Kyiv.",
        "Chinese and Russian warships held joint naval exercises in the Sea of Japan.",
        "Sri Lanka has cancelled its plan to procure fighter jets from Pakistan.",
        "Police seized three rifles in a shipping container bound for Liberia.",
        "India builds its own BrahMos cruise missiles at a plant in Lucknow.",
        "Les États-Unis ont imposé des sanctions à des entreprises chinoises qui fabriquent des drones.",
        "Russian armed forces paraded in central Moscow, displaying the RS-24 Yars missile.",
    ],
)
def test_tagger_hard_negatives_give_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text) == set()


def test_tagger_evidence_offsets_point_into_the_text(tagger: Tagger) -> None:
    text = "Markets were calm. Iran has supplied Russia with hundreds of Shahed drones. Rain is expected."
    (mention,) = tagger.tag(text, lang="en").transfers
    assert text[mention.start : mention.end] == mention.sentence
    assert mention.sentence.startswith("Iran has supplied")
    assert 0.0 < mention.confidence <= 1.0


def test_tagger_title_is_part_of_the_text(tagger: Tagger) -> None:
    result = tagger.tag(
        "Officials confirmed the report on Monday.",
        title="Iran has delivered Shahed drones to Russia",
        lang="en",
    )
    (mention,) = result.transfers
    assert (mention.supplier, mention.recipient) == ("IR", "RU")
    assert mention.start == 0


def test_tagger_language_without_pipeline_is_tagged_from_the_lexicon(tagger: Tagger) -> None:
    result = tagger.tag(
        "Deutschland hat Leopard-2-Panzer an die Ukraine geliefert, teilte die Regierung mit."
    )
    assert result.lang == "de"
    assert {state.code for state in result.states} >= {"DE", "UA"}


def test_tagger_comma_before_a_new_phrase_adds_no_recipient(tagger: Tagger) -> None:
    text = "Pyongyang is covertly shipping artillery shells to Moscow, US officials said."
    assert quads(tagger, text, "en") == {("KP", "RU", "ammunition", "alleged")}


def test_tagger_maker_of_a_named_system_supplies_it(tagger: Tagger) -> None:
    text = "Indonesia has signed a contract for 42 Rafale fighter jets."
    assert quads(tagger, text, "en") == {("FR", "ID", "aircraft", "agreed")}


def test_tagger_french_en_names_the_recipient_of_a_supply(tagger: Tagger) -> None:
    text = "Rabat nie avoir envoyé des chars de l'ère soviétique en Ukraine."
    assert quads(tagger, text, "fr") == {("MA", "UA", "armored_vehicles", "denied")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "France has pledged more support. It delivered six Caesar howitzers to Ukraine in May.",
            "en",
            {("FR", "UA", "artillery", "delivered")},
        ),
        (
            "La France soutient l'armée ukrainienne. Elle a livré des canons Caesar à l'Ukraine.",
            "fr",
            {("FR", "UA", "artillery", "delivered")},
        ),
    ],
)
def test_tagger_sentence_initial_pronoun_continues_the_previous_subject(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected
