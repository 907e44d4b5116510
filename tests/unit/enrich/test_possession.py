"""Possession as a delivered transfer (the annotation rules of /work/shared/eval/README.md): a named state
that holds a weapon of an explicit other origin received it ("Azerbaijan is using Israeli drones", "India's
recently acquired French-built Rafales"); its own industry's weapons, captured, downed or crashed ones, a
combat, crash or display report, an origin inside an accusation against someone else, a possessive alone
and a holder that is no state tell no transfer. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads

# A state (name, capital, demonym of its forces, "the X navy") holds a weapon by a verb or phrase of holding.
HOLDING_VERBS: list[tuple[str, set[Quad]]] = [
    ("Azerbaijan is using Israeli drones against Armenian positions.", {("IL", "AZ", "drones", "delivered")}),
    ("Egypt operates American F-16 fighter jets.", {("US", "EG", "aircraft", "delivered")}),
    ("The Indian Air Force flies Russian-made Su-30 fighters.", {("RU", "IN", "aircraft", "delivered")}),
    ("Morocco has in service Chinese-made air defence systems.", {("CN", "MA", "air_defense", "delivered")}),
    ("Taiwan relies on American Patriot missiles.", {("US", "TW", "air_defense", "delivered")}),
    ("The Egyptian navy operates French-built Mistral ships.", {("FR", "EG", "naval", "delivered")}),
    ("Pakistan fielded Chinese-made VT-4 tanks.", {("CN", "PK", "armored_vehicles", "delivered")}),
    ("Riyadh has used American-made bombs in Yemen.", {("US", "SA", "ammunition", "delivered")}),
    ("Armenia possesses Russian Iskander missiles.", {("RU", "AM", "missiles", "delivered")}),
    # in a relative clause on the holder
    (
        "Nigeria's air force, which flies Chinese-made JF-17 jets, marked its anniversary.",
        {("CN", "NG", "aircraft", "delivered")},
    ),
    # the origin as "of X origin" or as the weapon's own supplier
    ("Kenya operates helicopters of American origin.", {("US", "KE", "aircraft", "delivered")}),
    (
        "The Iraqi army uses tanks supplied by the United States.",
        {("US", "IQ", "armored_vehicles", "delivered")},
    ),
    # the holder's own ministry saying so is no third party's claim
    (
        "Serbian forces employ Chinese FK-3 air defence systems, the defence ministry said.",
        {("CN", "RS", "air_defense", "delivered")},
    ),
]

# The noun phrase alone says who holds the weapon: "X's Y-built Z", "Z in service with X", "X's fleet of".
HOLDING_PHRASES: list[tuple[str, set[Quad]]] = [
    (
        "India's recently acquired French-built Rafales flew over the border.",
        {("FR", "IN", "aircraft", "delivered")},
    ),
    ("Greece's fleet of French-built Rafale jets grew to 24.", {("FR", "GR", "aircraft", "delivered")}),
    (
        "The Turkish-made drones in service with the Ukrainian army need new engines.",
        {("TR", "UA", "drones", "delivered")},
    ),
    ("Ankara's American-made F-16 fleet needs new engines.", {("US", "TR", "aircraft", "delivered")}),
    (
        "The Moroccan army's recently acquired Chinese air defence systems guard the capital.",
        {("CN", "MA", "air_defense", "delivered")},
    ),
    # each origin supplies the weapons it qualifies
    (
        "Qatar's arsenal includes French Rafale jets and American Patriot batteries.",
        {("FR", "QA", "aircraft", "delivered"), ("US", "QA", "air_defense", "delivered")},
    ),
    ("Israel uses its own drones and American F-35 jets.", {("US", "IL", "aircraft", "delivered")}),
]

FRENCH: list[tuple[str, set[Quad]]] = [
    (
        "L'Azerbaïdjan utilise des drones israéliens contre les positions arméniennes.",
        {("IL", "AZ", "drones", "delivered")},
    ),
    (
        "L'armée marocaine dispose de chars de fabrication américaine.",
        {("US", "MA", "armored_vehicles", "delivered")},
    ),
    (
        "Les Rafale français en service dans l'armée de l'air indienne ont survolé la frontière.",
        {("FR", "IN", "aircraft", "delivered")},
    ),
    ("L'Égypte exploite des frégates de construction française.", {("FR", "EG", "naval", "delivered")}),
    ("La marine algérienne met en œuvre des sous-marins russes.", {("RU", "DZ", "naval", "delivered")}),
    (
        "L'armée nigériane aligne des blindés d'origine chinoise.",
        {("CN", "NG", "armored_vehicles", "delivered")},
    ),
    ("La Grèce possède des chars allemands Leopard.", {("DE", "GR", "armored_vehicles", "delivered")}),
    (
        "La flotte de sous-marins russes de la marine algérienne compte six bâtiments.",
        {("RU", "DZ", "naval", "delivered")},
    ),
    (
        "Les chars russes au sein de l'armée syrienne ont été modernisés.",
        {("RU", "SY", "armored_vehicles", "delivered")},
    ),
    (
        "La Serbie exploite des systèmes de défense aérienne chinois, a indiqué le ministère serbe de la "
        "Défense.",
        {("CN", "RS", "air_defense", "delivered")},
    ),
]

# The status follows the framing: hedged or attributed is alleged, denied is denied, the future agreed; a
# transfer the passage reports outranks the possession of its weapons.
FRAMING: list[tuple[str, str, set[Quad]]] = [
    ("Russia is reportedly using Iranian drones in Ukraine.", "en", {("IR", "RU", "drones", "alleged")}),
    (
        "According to US intelligence, Russia is using North Korean missiles.",
        "en",
        {("KP", "RU", "missiles", "alleged")},
    ),
    ("Russia denied using Iranian drones in Ukraine.", "en", {("IR", "RU", "drones", "denied")}),
    ("Poland will operate American Apache helicopters.", "en", {("US", "PL", "aircraft", "agreed")}),
    # "used" before its noun is second-hand, and the transfer is the one the sentence reports
    ("Slovakia is sending used MiG-29 jets to Ukraine.", "en", {("SK", "UA", "aircraft", "ongoing")}),
    (
        "France will deliver 26 more Rafales to India, whose air force already flies French-built Rafales.",
        "en",
        {("FR", "IN", "aircraft", "agreed")},
    ),
    (
        "La Russie utiliserait des drones iraniens en Ukraine, selon Kiev.",
        "fr",
        {("IR", "RU", "drones", "alleged")},
    ),
    ("Moscou dément utiliser des drones iraniens en Ukraine.", "fr", {("IR", "RU", "drones", "denied")}),
    ("La Pologne utilisera des hélicoptères Apache américains.", "fr", {("US", "PL", "aircraft", "agreed")}),
]

# No transfer: the holder's own industry, captured, downed, crashed or paraded equipment, an origin inside an
# accusation against someone else, a holder that is no state, a wish, a negation, no stated origin.
NOTHING: list[tuple[str, str]] = [
    ("The Russian army operates Russian-made T-90 tanks.", "en"),
    ("Ukraine shot down Iranian-made drones over Kyiv.", "en"),
    ("Ukrainian forces captured a Russian-made tank near Kharkiv.", "en"),
    ("A Chinese-made drone crashed in northern Nigeria.", "en"),
    ("Russian-made jets flew over Red Square during the parade.", "en"),
    ("Iran accuses Israel of using American bombs in Gaza.", "en"),
    ("The Houthis are using Iranian drones against ships.", "en"),
    ("Vietnam wants to operate Indian BrahMos missiles.", "en"),
    ("Egypt does not operate American F-35 jets.", "en"),
    ("Washington would have refilled Romania's fleet with American-made F-16 jets.", "en"),
    ("Ukraine is using HIMARS rocket launchers against Russian depots.", "en"),
    ("Ukrainian forces used Western-supplied tanks in the counteroffensive.", "en"),
    ("Ukraine destroyed Russian tanks and Iranian drones last week.", "en"),
    # a possessive alone may name a legacy or a trophy; it says nothing of a transfer
    ("Ukraine's Russian-made T-72 tanks need spare parts.", "en"),
    ("Les hélicoptères américains de l'armée irakienne sont cloués au sol.", "fr"),
    # a combat report: the origin of the equipment is not tagged, whoever holds it
    ("The Ukrainian army's Turkish-made drones struck a convoy.", "en"),
    ("Moscow's Iranian drones hit Kyiv overnight.", "en"),
    ("Les drones de fabrication turque de l'armée ukrainienne ont frappé un convoi.", "fr"),
    ("Russia carried out strikes on Odesa overnight using Iranian drones.", "en"),
    ("L'armée russe utilise des drones iraniens pour ses frappes contre les villes ukrainiennes.", "fr"),
    ("L'armée française utilise des Rafale français.", "fr"),
    ("L'Ukraine a abattu des drones de fabrication iranienne au-dessus de Kiev.", "fr"),
    ("Un drone de fabrication chinoise s'est écrasé au Nigeria.", "fr"),
    ("L'Iran accuse Israël d'utiliser des bombes américaines à Gaza.", "fr"),
    ("Les Houthis utilisent des drones iraniens contre les navires.", "fr"),
    ("L'Ukraine a capturé un char de fabrication russe.", "fr"),
]


@pytest.mark.parametrize(("text", "expected"), HOLDING_VERBS + HOLDING_PHRASES)
def test_possession_english_holder_received_from_origin(
    tagger: Tagger, text: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(("text", "expected"), FRENCH)
def test_possession_french_holder_received_from_origin(
    tagger: Tagger, text: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, "fr") == expected


@pytest.mark.parametrize(("text", "lang", "expected"), FRAMING)
def test_possession_status_follows_framing(tagger: Tagger, text: str, lang: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), NOTHING)
def test_possession_without_transfer(tagger: Tagger, text: str, lang: str) -> None:
    assert quads(tagger, text, lang) == set()
