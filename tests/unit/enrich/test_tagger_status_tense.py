"""Status from the tense of the transfer verb when no word tells it: a bare participle or gerund takes the
tense of the verb it hangs from, a French conditional is a report's unless an announcement governs it, a
sale told with its auxiliary is agreed, a participle the model calls a noun still tells a delivery, a
transfer noun takes the step of a verb of completing, weapons bought and shown were delivered. Invented
sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Russia delivered T-90 tanks to Algeria.", "en", {("RU", "DZ", "armored_vehicles", "delivered")}),
        ("Russia is delivering T-90 tanks to Algeria.", "en", {("RU", "DZ", "armored_vehicles", "ongoing")}),
        # a gerund hung on a past verb is past
        (
            "Three convoys crossed from Belarus into Russia last spring, providing the Russian army with "
            "T-72 tanks.",
            "en",
            {("BY", "RU", "armored_vehicles", "delivered")},
        ),
        (
            "Two cargo ships sailed from Iran to Venezuela in 2020, supplying the Venezuelan navy with "
            "anti-ship missiles.",
            "en",
            {("IR", "VE", "missiles", "delivered")},
        ),
    ],
)
def test_tagger_english_tense_tells_the_step(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Russie a livré des chars T-90 à l'Algérie.", "delivered"),
        ("La Russie livre des chars T-90 à l'Algérie.", "ongoing"),
        ("La Russie livrait des chars T-90 à l'Algérie depuis 2015.", "delivered"),
        ("La Russie livrera des chars T-90 à l'Algérie.", "agreed"),
        # the conditional of a report ...
        ("La Russie livrerait des chars T-90 à l'Algérie.", "alleged"),
        # ... or the future seen from an announcement
        ("Le ministre a annoncé que la Russie livrerait des chars T-90 à l'Algérie.", "agreed"),
    ],
)
def test_tagger_french_tense_tells_the_step(tagger: Tagger, text: str, expected: str) -> None:
    assert quads(tagger, text, "fr") == {("RU", "DZ", "armored_vehicles", expected)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("La Chine fournirait des drones à l'Iran.", {("CN", "IR", "drones", "alleged")}),
        ("L'Allemagne vendrait des sous-marins à l'Égypte.", {("DE", "EG", "naval", "alleged")}),
        # an irregular future stem (« enverr- ») makes a conditional too, an imperfect does not
        ("La Russie enverrait des chars T-90 à la Syrie.", {("RU", "SY", "armored_vehicles", "alleged")}),
        (
            "La Russie envoyait des chars T-90 à la Syrie depuis 2015.",
            {("RU", "SY", "armored_vehicles", "delivered")},
        ),
        (
            "La France a confirmé qu'elle enverrait des chars Leclerc à la Jordanie.",
            {("FR", "JO", "armored_vehicles", "agreed")},
        ),
        # a sale told with its auxiliary is agreed, whatever its tense
        (
            "Trente hélicoptères avaient été vendus au Brésil par la France en 2008.",
            {("FR", "BR", "aircraft", "agreed")},
        ),
        ("La France a vendu trente hélicoptères au Brésil en 2008.", {("FR", "BR", "aircraft", "agreed")}),
        # a past participle the small model tags as a noun (« cédés ») still tells a delivery
        (
            "Le ministre a déclaré que les douze chars Leclerc cédés à la Jordanie par la France seraient "
            "remplacés l'an prochain.",
            {("FR", "JO", "armored_vehicles", "delivered")},
        ),
    ],
)
def test_tagger_french_mood_and_sale(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("The deliveries of S-300 missiles from Russia to Iran took place last spring.", "en", "delivered"),
        ("Russia completed the delivery of S-300 missiles to Iran.", "en", "delivered"),
        # in the future, or under another verb, the noun tells a plan
        ("The delivery of S-300 missiles from Russia to Iran will take place next year.", "en", "agreed"),
        ("Russia announced the delivery of S-300 missiles to Iran.", "en", "agreed"),
        ("La livraison des missiles S-300 de la Russie à l'Iran a eu lieu en 2021.", "fr", "delivered"),
        ("La Russie a achevé la livraison des missiles S-300 à l'Iran.", "fr", "delivered"),
        ("La livraison des missiles S-300 de la Russie à l'Iran aura lieu en mars.", "fr", "agreed"),
        ("La Russie a annoncé la livraison des missiles S-300 à l'Iran.", "fr", "agreed"),
    ],
)
def test_tagger_transfer_noun_takes_the_step_of_its_verb(
    tagger: Tagger, text: str, lang: str, expected: str
) -> None:
    assert quads(tagger, text, lang) == {("RU", "IR", "air_defense", expected)}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Algeria showed the Mi-28 helicopters it bought from Russia.", "en", "delivered"),
        ("L'Algérie a présenté six hélicoptères Mi-28 qu'elle a achetés à la Russie.", "fr", "delivered"),
        # in the future the weapons are not there yet; bought alone is agreed
        ("Algeria will show the Mi-28 helicopters it bought from Russia.", "en", "agreed"),
        ("L'Algérie présentera les hélicoptères Mi-28 qu'elle a achetés à la Russie.", "fr", "agreed"),
        ("Algeria bought Mi-28 helicopters from Russia.", "en", "agreed"),
    ],
)
def test_tagger_weapons_shown_were_delivered(tagger: Tagger, text: str, lang: str, expected: str) -> None:
    assert quads(tagger, text, lang) == {("RU", "DZ", "aircraft", expected)}
