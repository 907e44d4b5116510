"""The annotation rules of the development sets (shared/eval/README.md), read as a specification for English:
for each rule, invented sentences in the wordings reporters use (tense, voice, word order, a party named as
a state, a capital, a demonym, a leader or a ministry), with what the tagger must find. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads

NOTHING: set[Quad] = set()


@pytest.mark.parametrize(
    "text",
    [
        "The United States imposed sanctions on Iran over its drone sales to Russia.",
        "The EU extended its arms embargo on Belarus, banning the sale of weapons to Minsk.",
        "Washington sanctioned three Chinese firms for supplying drone parts to Russia.",
    ],
)
def test_spec_en_sanctions_and_embargoes_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        "Germany has halted arms exports to Turkey after the incursion.",
        "Canada suspended the export of armoured vehicles to Saudi Arabia.",
        "The Netherlands paused deliveries of F-35 parts to Israel.",
        "Spain froze the sale of ammunition to Israel.",
        "Washington put on hold a shipment of bombs to Israel.",
        "Britain has put a shipment of artillery shells to Israel on hold.",
        "The White House withheld Javelin missiles from Ukraine last summer.",
        "Congress blocked the sale of F-16 fighter jets to Turkey.",
        "The delivery of Patriot systems to Ukraine has been delayed indefinitely.",
        "Italy stopped sending arms to Israel after the war began.",
    ],
)
def test_spec_en_export_halts_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        "India will build 114 fighter jets at home under its Make in India programme.",
        "The Indian Army ordered 300 tanks from Indian state-owned manufacturer Heavy Vehicles Factory.",
        "Turkey's army received its first domestically built Altay tanks.",
        "Russia's defence ministry took delivery of a new batch of Su-34 bombers from the United Aircraft "
        "Corporation.",
    ],
)
def test_spec_en_domestic_production_is_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        "French Rafale jets took part in exercises with the Indian Air Force.",
        "The United States deployed F-22 fighter jets to Poland.",
        "A Chinese destroyer made a port visit to Cambodia.",
        "Russian S-400 systems were displayed at a parade in Moscow.",
        "Britain sent two warships to the Black Sea for a NATO exercise.",
    ],
)
def test_spec_en_exercises_deployments_and_parades_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        "The US Navy seized Iranian missile parts bound for the Houthis.",
        "Ukrainian forces captured Russian T-90 tanks near Kharkiv.",
        "Israeli forces intercepted a ship carrying Iranian rockets to Gaza.",
    ],
)
def test_spec_en_seizures_and_captures_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        # requests
        "Ukraine asked Germany for Taurus cruise missiles.",
        "Kyiv appealed to the West for more air defence systems.",
        "Poland wants to buy more K2 tanks from South Korea.",
        "Taiwan is seeking F-35 jets from the United States.",
        "Zelensky requested Patriot systems from Washington.",
        # talks, interest and possibilities
        "India is in talks with France to buy 26 Rafale jets.",
        "Saudi Arabia is negotiating with China for the purchase of drones.",
        "Egypt and Russia are in discussions about Su-35 fighters.",
        "Brazil is considering buying Gripen fighters from Sweden.",
        "Vietnam is exploring the purchase of F-16s from the United States.",
        "Indonesia is interested in French Rafale jets.",
        "Argentina could buy JF-17 fighters from Pakistan.",
        "The United States may supply Ukraine with ATACMS missiles.",
        # offers
        "South Korea offered K9 howitzers to Poland.",
        "Russia has offered Su-57 fighter jets to India.",
        "Paris made an offer to sell submarines to the Philippines.",
    ],
)
def test_spec_en_requests_talks_and_offers_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        "Australia cancelled its order for French submarines.",
        "Germany refused to deliver Leopard tanks to Saudi Arabia.",
        "Berlin vetoed the sale of Eurofighters to Riyadh.",
        # a refusal whose word is also one of denial: the object is the sale, not a report of it
        "The Senate rejected the sale of F-35 jets to the UAE.",
        "China condemned Washington's arms sales to Taiwan.",
        "Russia condemned the delivery of Western tanks to Ukraine.",
    ],
)
def test_spec_en_cancelled_refused_and_condemned_sales_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        # war reports without a supplier
        "Russian missiles struck Kyiv overnight.",
        "Houthi drones attacked a tanker in the Red Sea.",
        # training and personnel
        "Britain is training Ukrainian pilots on F-16 jets.",
        "The United States sent 200 military advisers to Niger.",
        "France will train Ukrainian soldiers to use Caesar howitzers.",
        # aid that is no arms
        "Germany sent humanitarian aid to Ukraine.",
        "Japan provided Ukraine with financial aid and fuel.",
        "The EU delivered generators to Ukraine.",
        # a transit state, an unnamed recipient
        "The weapons were shipped through Poland.",
        "France delivered Caesar howitzers to an unnamed African country.",
        "Turkey sold drones to a Gulf state.",
    ],
)
def test_spec_en_war_reports_training_aid_and_unnamed_sides_are_no_transfer(
    tagger: Tagger, text: str
) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        "The United States has not delivered any F-16s to Ukraine.",
        "No F-16s have been sent to Ukraine so far.",
        "Germany never supplied Taurus missiles to Ukraine.",
        "Washington stopped short of sending ATACMS missiles to Kyiv.",
        "Scholz ruled out sending Taurus missiles to Ukraine.",
        "Germany refuses to send Taurus missiles to Kyiv.",
        "Berlin has so far not sent any Taurus missiles to Ukraine.",
        "Hungary will not send weapons to Ukraine.",
        # conditionals
        "The United States would send Abrams tanks to Ukraine if Germany sent Leopards.",
        "If approved, the sale of F-16s to Turkey would be worth $20 billion.",
        "Germany would deliver Leopard tanks to Ukraine if the United States sent Abrams tanks.",
    ],
)
def test_spec_en_negated_and_conditional_deliveries_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The first Patriot battery from Germany has arrived in Ukraine.",
            {("DE", "UA", "air_defense", "delivered")},
        ),
        (
            "Poland handed over 14 Leopard tanks to Ukraine on Friday.",
            {("PL", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Egypt received its last two Rafale jets from France in March.",
            {("FR", "EG", "aircraft", "delivered")},
        ),
        (
            "The Mistral missiles provided by France to Cyprus are now in service.",
            {("FR", "CY", "air_defense", "delivered")},
        ),
        (
            "Australia provided Ukraine with 90 Bushmaster armoured vehicles.",
            {("AU", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "The Turkish-made Bayraktar drones that Kyiv bought last year were delivered in June.",
            {("TR", "UA", "drones", "delivered")},
        ),
        (
            "Slovakia has transferred its MiG-29 fighter jets to Ukraine.",
            {("SK", "UA", "aircraft", "delivered")},
        ),
        (
            "Indonesia took delivery of its first KF-21 prototype from South Korea.",
            {("KR", "ID", "aircraft", "delivered")},
        ),
        # a negation that a side says is a denial
        (
            "China has never supplied lethal weapons to Russia, Beijing's foreign ministry said.",
            {("CN", "RU", "other", "denied")},
        ),
    ],
)
def test_spec_en_delivered(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran is sending ballistic missiles to Russia.", {("IR", "RU", "missiles", "ongoing")}),
        (
            "Deliveries of K2 tanks from South Korea to Poland are under way.",
            {("KR", "PL", "armored_vehicles", "ongoing")},
        ),
        (
            "The first batch of Leopard tanks is on its way from Spain to Ukraine.",
            {("ES", "UA", "armored_vehicles", "ongoing")},
        ),
        (
            "North Korea continues to supply artillery shells to Russia.",
            {("KP", "RU", "ammunition", "ongoing")},
        ),
        (
            "Germany is delivering IRIS-T air defence systems to Ukraine.",
            {("DE", "UA", "air_defense", "ongoing")},
        ),
        (
            "The United States has begun delivering Abrams tanks to Ukraine.",
            {("US", "UA", "armored_vehicles", "ongoing")},
        ),
    ],
)
def test_spec_en_ongoing(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland signed a contract with South Korea for 180 K2 tanks.",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
        (
            "The State Department approved the sale of 40 F-16 jets to Turkey.",
            {("US", "TR", "aircraft", "agreed")},
        ),
        (
            "The DSCA notified Congress of a possible sale of Harpoon missiles to Taiwan.",
            {("US", "TW", "missiles", "agreed")},
        ),
        ("Norway pledged eight Leopard tanks to Ukraine.", {("NO", "UA", "armored_vehicles", "agreed")}),
        ("Canada will send four Leopard tanks to Ukraine.", {("CA", "UA", "armored_vehicles", "agreed")}),
        ("Sweden plans to send Archer howitzers to Ukraine.", {("SE", "UA", "artillery", "agreed")}),
        ("France sold 24 Rafale jets to Qatar.", {("FR", "QA", "aircraft", "agreed")}),
        ("Greece agreed to buy 24 Rafale fighters from France.", {("FR", "GR", "aircraft", "agreed")}),
        (
            "Washington has approved a $1 billion sale of Harpoon missiles to Taiwan.",
            {("US", "TW", "missiles", "agreed")},
        ),
    ],
)
def test_spec_en_agreed(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Western officials accuse Iran of supplying drones to Russia.", {("IR", "RU", "drones", "alleged")}),
        (
            "North Korea reportedly shipped artillery shells to Russia.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        ("Iran has allegedly delivered ballistic missiles to Russia.", {("IR", "RU", "missiles", "alleged")}),
        (
            "According to US intelligence, China supplied drone engines to Russia.",
            {("CN", "RU", "drones", "alleged")},
        ),
        ("Belarus is believed to have sent tanks to Russia.", {("BY", "RU", "armored_vehicles", "alleged")}),
        (
            "Satellite images suggest that North Korea has shipped missiles to Russia.",
            {("KP", "RU", "missiles", "alleged")},
        ),
        (
            "Ukraine suspects Belarus of providing ammunition to Russia.",
            {("BY", "RU", "ammunition", "alleged")},
        ),
        (
            "Iran has sent drones to Russia, a US official said on condition of anonymity.",
            {("IR", "RU", "drones", "alleged")},
        ),
        (
            "Unconfirmed reports say Pakistan supplied artillery shells to Ukraine.",
            {("PK", "UA", "ammunition", "alleged")},
        ),
        (
            "China has supplied drones to Russia, according to the Ukrainian defence ministry.",
            {("CN", "RU", "drones", "alleged")},
        ),
        # an intelligence agency's claim
        (
            "The Kremlin has supplied Pyongyang with air defence systems, Seoul's spy agency said.",
            {("RU", "KP", "air_defense", "alleged")},
        ),
        ("The UAE supplied drones to the RSF, UN experts said.", {("AE", None, "drones", "alleged")}),
    ],
)
def test_spec_en_alleged(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Slovakia has delivered 13 MiG-29 jets to Ukraine, the Slovak defence ministry said.",
            {("SK", "UA", "aircraft", "delivered")},
        ),
        (
            "Germany has delivered Leopard tanks to Ukraine, the government in Berlin said.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
    ],
)
def test_spec_en_a_side_stating_a_fact_is_no_claim(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran denied sending drones to Russia.", {("IR", "RU", "drones", "denied")}),
        ("Tehran has denied supplying ballistic missiles to Moscow.", {("IR", "RU", "missiles", "denied")}),
        (
            "Kyiv accused Minsk of supplying shells to Moscow, but Belarus denied the claim.",
            {("BY", "RU", "ammunition", "denied")},
        ),
        (
            "The Kremlin rejected reports that North Korea had shipped missiles to Russia.",
            {("KP", "RU", "missiles", "denied")},
        ),
        # a side that is no state denies: the accusation stands
        (
            "The Houthis denied receiving missiles from Iran, which Washington accuses of arming them.",
            {("IR", None, "missiles", "alleged")},
        ),
    ],
)
def test_spec_en_denied(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow delivered S-400 systems to Ankara in 2019.", {("RU", "TR", "air_defense", "delivered")}),
        ("Beijing has sold Wing Loong drones to Riyadh.", {("CN", "SA", "drones", "agreed")}),
        ("Seoul signed a deal to supply FA-50 jets to Warsaw.", {("KR", "PL", "aircraft", "agreed")}),
        (
            "Erdogan said Turkey had delivered Bayraktar drones to Ukraine.",
            {("TR", "UA", "drones", "delivered")},
        ),
        ("Putin promised to send Su-35 jets to Tehran.", {("RU", "IR", "aircraft", "agreed")}),
        (
            "The Indian defence ministry signed a contract with Russia for S-400 systems.",
            {("RU", "IN", "air_defense", "agreed")},
        ),
        ("Rosoboronexport delivered Su-30 jets to Algeria.", {("RU", "DZ", "aircraft", "delivered")}),
        ("The Philippines received South Korean FA-50 jets.", {("KR", "PH", "aircraft", "delivered")}),
        (
            "Poland has received the first South Korean K9 howitzers.",
            {("KR", "PL", "artillery", "delivered")},
        ),
        (
            "The Leopard tanks were delivered to Ukraine by Germany.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Ukraine was supplied with HIMARS launchers by the United States.",
            {("US", "UA", "artillery", "delivered")},
        ),
        ("Iran has armed Hezbollah with precision missiles.", {("IR", None, "missiles", "delivered")}),
        (
            "Wagner Group received air defence systems from Russia.",
            {("RU", None, "air_defense", "delivered")},
        ),
        (
            "Saudi Arabia financed the purchase of French Caesar howitzers by Lebanon.",
            {("FR", "LB", "artillery", "agreed")},
        ),
    ],
)
def test_spec_en_parties(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each state keeps the preposition of its own verb, though the other verb stands nearer
        (
            "France delivered Rafale jets to Greece, while Germany sent submarines to Egypt.",
            {("FR", "GR", "aircraft", "delivered"), ("DE", "EG", "naval", "delivered")},
        ),
        (
            "France delivered Rafale jets to Greece. Germany sent submarines to Egypt.",
            {("FR", "GR", "aircraft", "delivered"), ("DE", "EG", "naval", "delivered")},
        ),
    ],
)
def test_spec_en_several_pairs(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected
