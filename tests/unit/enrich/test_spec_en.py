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


@pytest.mark.parametrize(
    "text",
    [
        "Kyiv has been pressing Berlin for Taurus missiles for months.",
        "The package does not include ATACMS missiles for Ukraine.",
        "Germany said it had no plans to send Taurus missiles to Ukraine.",
        "Washington has been reluctant to provide F-16s to Kyiv.",
        "The proposed sale of F-35 jets to the UAE has stalled.",
        "Talks on the sale of Su-35 jets to Egypt collapsed.",
        "Russia hopes to sell more S-400 systems to India.",
        "NATO allies discussed sending more air defence systems to Ukraine.",
        "Ukraine's allies have debated whether to send tanks to Kyiv.",
        "Poland urged Germany to allow the re-export of Leopard tanks to Ukraine.",
        "The German government is divided over sending Taurus missiles to Ukraine.",
        "The United States lifted its ban on arms sales to Vietnam.",
        "Switzerland blocked Germany from re-exporting Gepard ammunition to Ukraine.",
        "The deal for Su-35 jets between Russia and Egypt fell through.",
        "Talks with France over the purchase of Rafale jets by India are continuing.",
        "The two countries discussed the possible supply of BrahMos missiles to Vietnam.",
        "Russia and India held talks on the joint production of Su-30 jets.",
        "The Pentagon has no plans to send Abrams tanks to Ukraine.",
        "Japan does not export lethal weapons to Ukraine.",
        "Britain said it would not send fighter jets to Ukraine.",
        "Turkey is unlikely to buy more S-400 systems from Russia.",
        "Officials in Seoul said they were weighing whether to send artillery shells to Ukraine.",
        "Despite pressure from Washington, Ankara has refused to hand over its S-400 systems to Ukraine.",
        "The embargo has not stopped weapons from reaching the RSF.",
        "The minister said the country would consider buying more Rafale jets from France if the price fell.",
        "Germany's defence minister visited Kyiv, where he discussed the delivery of more Leopard tanks.",
        "Analysts say Russia could begin delivering Su-35 jets to Iran as early as next year.",
        "The Pentagon is still reviewing a request from Poland for Apache helicopters.",
        "Egypt turned to France after Washington refused to sell it F-35 jets.",
        "Kyiv wants Western fighter jets from Washington, but none have been promised yet.",
        "Germany is still reluctant to supply Taurus missiles, Scholz told reporters in Kyiv.",
        "Seoul has so far resisted calls to supply weapons directly to Ukraine.",
        "Berlin has come under pressure to send Taurus missiles to Kyiv.",
        "The proposal to sell F-16 jets to Turkey faces opposition in Congress.",
        "Bulgaria will not send its MiG-29 jets to Ukraine, the prime minister said.",
        "Chile's government said it had no intention of selling Leopard tanks to Ukraine.",
        "Washington and Riyadh are close to finalising a deal on F-35 jets.",
        "Kazakhstan decided against buying Su-30 jets from Russia.",
        "Hungary has banned the transit of weapons to Ukraine through its territory.",
    ],
)
def test_spec_en_reluctance_pressure_and_stalled_sales_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan's military showcased its Chinese-made J-10C jets at a parade.",
        "A Russian-made Su-25 jet crashed in Sudan.",
        "Israel shot down an Iranian-made drone launched by Hezbollah.",
        "The Indian Navy commissioned its first indigenous aircraft carrier, built by Cochin Shipyard.",
        "Russian troops used T-72 tanks captured from Ukraine.",
        "Tehran warned Baku against buying Israeli drones.",
        "The US Navy conducted joint drills with Japanese destroyers in the Pacific.",
        "Japan dispatched two destroyers to the Middle East to protect shipping.",
    ],
)
def test_spec_en_origin_in_display_crash_or_combat_is_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The US has given Ukraine more than 30 Abrams tanks.",
            {("US", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Britain has provided Challenger 2 tanks to Ukraine.",
            {("GB", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "The Czech Republic is supplying artillery shells to Ukraine.",
            {("CZ", "UA", "ammunition", "ongoing")},
        ),
        (
            "The howitzers are being shipped from South Korea to Poland.",
            {("KR", "PL", "artillery", "ongoing")},
        ),
        (
            "Taiwan will receive its first F-16V jets from the United States next year.",
            {("US", "TW", "aircraft", "agreed")},
        ),
        (
            "The UAE signed a $19 billion deal for 80 Rafale jets with France.",
            {("FR", "AE", "aircraft", "agreed")},
        ),
        (
            "Japan approved the export of Patriot missiles to the United States.",
            {("JP", "US", "air_defense", "agreed")},
        ),
        (
            "Pakistan has placed an order for J-35 stealth fighters with China.",
            {("CN", "PK", "aircraft", "agreed")},
        ),
        (
            "Norway has donated NASAMS air defence systems to Ukraine.",
            {("NO", "UA", "air_defense", "delivered")},
        ),
        (
            "The Netherlands is prepared to send F-16 jets to Ukraine once pilots are trained.",
            {("NL", "UA", "aircraft", "agreed")},
        ),
        ("Russia admitted receiving drones from Iran.", {("IR", "RU", "drones", "delivered")}),
        (
            "Germany confirmed it had delivered IRIS-T systems to Ukraine.",
            {("DE", "UA", "air_defense", "delivered")},
        ),
        (
            "India's HAL delivered two Dhruv helicopters to the Maldives.",
            {("IN", "MV", "aircraft", "delivered")},
        ),
        (
            "Egypt's purchase of 30 more Rafale jets from France was finalised in May.",
            {("FR", "EG", "aircraft", "agreed")},
        ),
        (
            "French President Emmanuel Macron announced that France would deliver Mirage 2000 jets to "
            "Ukraine.",
            {("FR", "UA", "aircraft", "agreed")},
        ),
        (
            "US President Joe Biden approved the transfer of ATACMS missiles to Kyiv.",
            {("US", "UA", "missiles", "agreed")},
        ),
        (
            "The Chinese-built frigates were handed over to the Pakistani Navy in Shanghai.",
            {("CN", "PK", "naval", "delivered")},
        ),
        # claims and denials
        (
            "Serbia has denied that it is selling ammunition to Ukraine.",
            {("RS", "UA", "ammunition", "denied")},
        ),
        (
            "Iran's defence minister denied that Tehran had sold missiles to Moscow.",
            {("IR", "RU", "missiles", "denied")},
        ),
        (
            "Pyongyang dismissed as groundless the reports that it supplied shells to Russia.",
            {("KP", "RU", "ammunition", "denied")},
        ),
        (
            "Beijing denies arming Moscow, but Western officials say Chinese drone parts are reaching "
            "Russia.",
            {("CN", "RU", "drones", "denied")},
        ),
        (
            "Iran has shipped drones to Russia, two officials told Reuters.",
            {("IR", "RU", "drones", "alleged")},
        ),
        (
            "Ukrainian intelligence says North Korea has sent 20 howitzers to Russia.",
            {("KP", "RU", "artillery", "alleged")},
        ),
        (
            "The Pentagon said North Korea had shipped artillery shells to Russia.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Washington says Iran is supplying the Houthis with anti-ship missiles.",
            {("IR", None, "missiles", "alleged")},
        ),
        (
            "Minsk has supplied Moscow with tanks, according to the Ukrainian General Staff.",
            {("BY", "RU", "armored_vehicles", "alleged")},
        ),
    ],
)
def test_spec_en_statuses_in_other_words(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a side's own officials, or a news agency relaying a statement, state a fact
        (
            "Greece has sent BMP-1 vehicles to Ukraine, Greek officials said.",
            {("GR", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Greece has sent BMP-1 vehicles to Ukraine, officials in Athens said.",
            {("GR", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Ukrainian officials said Germany had delivered IRIS-T systems to Ukraine.",
            {("DE", "UA", "air_defense", "delivered")},
        ),
        (
            "Poland received the first Abrams tanks from the United States, the Polish defence minister "
            "said, Reuters reported.",
            {("US", "PL", "armored_vehicles", "delivered")},
        ),
        (
            "Poland has received the first Abrams tanks from the United States, Reuters reported, citing the "
            "Polish defence ministry.",
            {("US", "PL", "armored_vehicles", "delivered")},
        ),
        (
            "Germany has delivered Leopard tanks to Ukraine, the German news agency dpa reported, citing a "
            "government spokesman.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Russia has delivered Su-35 jets to Iran, the Iranian state news agency IRNA reported.",
            {("RU", "IR", "aircraft", "delivered")},
        ),
        # ... where a third state's officials, unnamed officials, a newspaper or an agency's report alone make
        # a claim
        (
            "Germany has delivered Leopard tanks to Ukraine, the dpa news agency reported.",
            {("DE", "UA", "armored_vehicles", "alleged")},
        ),
        ("Iran has sent drones to Russia, US officials said.", {("IR", "RU", "drones", "alleged")}),
        ("Iran has sent drones to Russia, officials said.", {("IR", "RU", "drones", "alleged")}),
        (
            "Russia has delivered Su-35 jets to Iran, the Wall Street Journal reported.",
            {("RU", "IR", "aircraft", "alleged")},
        ),
        (
            "Russia has delivered Su-35 jets to Iran, Israeli media reported.",
            {("RU", "IR", "aircraft", "alleged")},
        ),
    ],
)
def test_spec_en_who_speaks(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the newest step: a promise of more after deliveries
        (
            "Germany will supply 12 more Leopard tanks to Ukraine; it had supplied 18 before.",
            {("DE", "UA", "armored_vehicles", "agreed")},
        ),
        (
            "Germany, which has already delivered 18 Leopard tanks to Ukraine, will send 12 more.",
            {("DE", "UA", "armored_vehicles", "agreed")},
        ),
        (
            "The United States has delivered 31 Abrams tanks to Ukraine and plans to send additional tanks.",
            {("US", "UA", "armored_vehicles", "agreed")},
        ),
        # ... where "more than" counts what went before
        (
            "The United States has delivered more than 31 Abrams tanks to Ukraine.",
            {("US", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Poland has sent more tanks to Ukraine than any other country.",
            {("PL", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "France has delivered 30 Caesar howitzers to Ukraine, with more on the way.",
            {("FR", "UA", "artillery", "ongoing")},
        ),
    ],
)
def test_spec_en_newest_step(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one verb, a weapon for each recipient
        (
            "Iran has supplied drones to Russia and missiles to the Houthis.",
            {("IR", "RU", "drones", "delivered"), ("IR", None, "missiles", "delivered")},
        ),
        (
            "Iran has supplied drones to Russia and missiles to Syria.",
            {("IR", "RU", "drones", "delivered"), ("IR", "SY", "missiles", "delivered")},
        ),
        (
            "France supplied Greece with Rafale jets and Egypt with frigates.",
            {("FR", "GR", "aircraft", "delivered"), ("FR", "EG", "naval", "delivered")},
        ),
        # ... where every recipient gets every weapon
        (
            "Turkey sold drones to Poland and to Romania.",
            {("TR", "PL", "drones", "agreed"), ("TR", "RO", "drones", "agreed")},
        ),
        (
            "Germany sent tanks and howitzers to Ukraine and Moldova.",
            {
                ("DE", "UA", "armored_vehicles", "delivered"),
                ("DE", "UA", "artillery", "delivered"),
                ("DE", "MD", "armored_vehicles", "delivered"),
                ("DE", "MD", "artillery", "delivered"),
            },
        ),
    ],
)
def test_spec_en_a_weapon_for_each_recipient(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kim Jong Un has sent millions of artillery shells to Russia, South Korea's spy agency said.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Turkish President Erdogan has approved the sale of Bayraktar drones to Kuwait.",
            {("TR", "KW", "drones", "agreed")},
        ),
        (
            "The Pentagon announced a new package of HIMARS launchers and Stinger missiles for Ukraine.",
            {("US", "UA", "artillery", "agreed"), ("US", "UA", "air_defense", "agreed")},
        ),
        (
            "South Korean K2 tanks arrived in Poland last week.",
            {("KR", "PL", "armored_vehicles", "delivered")},
        ),
        (
            "The French delivered the first Rafale jets to India in 2020.",
            {("FR", "IN", "aircraft", "delivered")},
        ),
        ("Israeli drones were sold to Azerbaijan.", {("IL", "AZ", "drones", "agreed")}),
        (
            "Iranian drones have been delivered to Russia by ship across the Caspian Sea.",
            {("IR", "RU", "drones", "delivered")},
        ),
        ("Egypt was supplied with Rafale jets by France.", {("FR", "EG", "aircraft", "delivered")}),
        (
            "Russian S-400 systems were delivered to India in 2021.",
            {("RU", "IN", "air_defense", "delivered")},
        ),
        (
            "Ukraine has received Leopard 2 tanks from Germany, Poland and Norway.",
            {
                ("DE", "UA", "armored_vehicles", "delivered"),
                ("PL", "UA", "armored_vehicles", "delivered"),
                ("NO", "UA", "armored_vehicles", "delivered"),
            },
        ),
        (
            "Morocco's army has received AH-64 Apache helicopters from the United States.",
            {("US", "MA", "aircraft", "delivered")},
        ),
        # the financier is no side
        (
            "The Saudi-funded French weapons for Lebanon arrived in Beirut.",
            {("FR", "LB", "other", "delivered")},
        ),
        # sides that are no state
        (
            "Houthi rebels have received drones from Iran, a UN panel said.",
            {("IR", None, "drones", "alleged")},
        ),
        ("Hezbollah has been supplied with missiles by Iran.", {("IR", None, "missiles", "delivered")}),
        (
            "The Wagner Group is believed to have received air defence systems from Russia.",
            {("RU", None, "air_defense", "alleged")},
        ),
        ("Iran smuggled weapons to the Houthis.", {("IR", None, "other", "delivered")}),
        # the subject of a passive accusation is the accused, not the accuser
        ("Iran is suspected of smuggling rifles to the Houthis.", {("IR", None, "small_arms", "alleged")}),
        ("Iran is suspected of smuggling weapons to Yemen.", {("IR", "YE", "other", "alleged")}),
        ("Russia allegedly supplied the RSF with missiles.", {("RU", None, "missiles", "alleged")}),
        ("Hamas has denied receiving weapons from Iran.", {("IR", None, "other", "alleged")}),
        ("North Korea rejected claims it had sold weapons to Russia.", {("KP", "RU", "other", "denied")}),
        (
            "Moscow dismissed reports that it had received ballistic missiles from Tehran.",
            {("IR", "RU", "missiles", "denied")},
        ),
        (
            "Russia reportedly took delivery of Iranian Fath-360 missiles, according to Western officials.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        (
            "According to The New York Times, China has secretly supplied drones to Russia.",
            {("CN", "RU", "drones", "alleged")},
        ),
        (
            "Beijing is thought to be providing Moscow with drone components.",
            {("CN", "RU", "drones", "alleged")},
        ),
        ("Syria has been supplied with missiles by Tehran.", {("IR", "SY", "missiles", "delivered")}),
    ],
)
def test_spec_en_parties_in_other_words(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hedges
        (
            "Iran appears to have supplied Russia with ballistic missiles.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        (
            "Leaked documents show that Belarus sold ammunition to Russia.",
            {("BY", "RU", "ammunition", "alleged")},
        ),
        (
            "North Korea has shipped shells to Russia, sources close to the matter said.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        ("It is understood that Egypt bought Su-35 jets from Russia.", {("RU", "EG", "aircraft", "alleged")}),
        # denials, each of the pair it names
        (
            "Tehran called reports that it had sent missiles to Moscow baseless.",
            {("IR", "RU", "missiles", "denied")},
        ),
        (
            "Moscow rejected the accusation that it had supplied tanks to Sudan.",
            {("RU", "SD", "armored_vehicles", "denied")},
        ),
        (
            "Kyiv says Minsk has sent tanks to Moscow; Belarus denies the allegations.",
            {("BY", "RU", "armored_vehicles", "denied")},
        ),
        (
            "Rwanda denied sending drones to Congo, while Uganda admitted selling rifles to Sudan.",
            {("RW", "CD", "drones", "denied"), ("UG", "SD", "small_arms", "agreed")},
        ),
        # negated deliveries and conditions
        ("Germany failed to deliver the promised tanks to Ukraine.", NOTHING),
        ("None of the promised Abrams tanks have arrived in Ukraine from the United States.", NOTHING),
        ("Poland has still not received the Apache helicopters from the United States.", NOTHING),
        (
            "Should Congress approve the deal, Turkey would receive 40 F-16 jets from the United States.",
            NOTHING,
        ),
        ("Unless Congress objects, the sale of F-35 jets to Greece will go ahead.", NOTHING),
        ("Israel would sell Iron Dome systems to Ukraine only if the war ended.", NOTHING),
        # steps in other words
        (
            "The sale of Harpoon missiles to Taiwan has been approved by the State Department.",
            {("US", "TW", "missiles", "agreed")},
        ),
        (
            "Greece has handed over its Soviet-era BMP-1 vehicles to Ukraine.",
            {("GR", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "The first of the 48 J-10C fighters that Pakistan ordered from China have been delivered.",
            {("CN", "PK", "aircraft", "delivered")},
        ),
        (
            "The Iranian drones Russia has received are being used against Ukraine.",
            {("IR", "RU", "drones", "delivered")},
        ),
        (
            "Turkey delivered the first batch of Bayraktar drones to Ukraine in 2019, officials in Ankara "
            "said.",
            {("TR", "UA", "drones", "delivered")},
        ),
        (
            "Washington has delivered some Patriot systems and will send more to Kyiv.",
            {("US", "UA", "air_defense", "agreed")},
        ),
    ],
)
def test_spec_en_hedges_denials_and_negations_in_other_words(
    tagger: Tagger, text: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran has sent drones to Russia, Ukraine said. Tehran denied the claim.",
            {("IR", "RU", "drones", "denied")},
        ),
        ("Germany halted arms exports to Saudi Arabia in 2018. The ban was lifted in 2023.", NOTHING),
        ("Poland is in talks with South Korea. It hopes to buy more K2 tanks.", NOTHING),
        ("Russia has offered India its Su-57 jet. New Delhi has not responded.", NOTHING),
        ("Egypt wants to buy Su-35 jets. Moscow is ready to sell them.", NOTHING),
        (
            "The EU imposed sanctions on Iran. It accuses Tehran of sending drones to Russia.",
            {("IR", "RU", "drones", "alleged")},
        ),
        (
            "The Netherlands will send F-16 jets to Ukraine. The jets will arrive next year.",
            {("NL", "UA", "aircraft", "agreed")},
        ),
    ],
)
def test_spec_en_passages_of_several_sentences(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russia and China signed a defence cooperation agreement.",
        "India and France signed a letter of intent on the purchase of 26 Rafale Marine jets.",
        "Iran unveiled a new long-range drone at a ceremony in Tehran.",
        "The contract for the supply of Su-35 jets to Egypt was never signed.",
        "Switzerland refused to allow Germany to re-export Gepard ammunition to Ukraine.",
        "The Biden administration denied Turkey's request to buy F-35 jets.",
        "Spain denied a Danish ship carrying weapons to Israel permission to dock.",
        "Ukraine has asked its allies for more artillery shells, but deliveries have slowed.",
        "The sale of F-16 jets to Turkey is still awaiting approval from Congress.",
        "Saudi Arabia is reportedly in talks with China to buy drones.",
        "Iran is reportedly considering selling ballistic missiles to Russia.",
        "Mexico has not bought any weapons from Russia.",
        "The Philippines did not receive the helicopters it ordered from Russia once the deal was cancelled.",
        "Kyiv's requests for fighter jets from the West have so far been turned down.",
        "Iran has threatened to supply missiles to Russia if the West sends more weapons to Ukraine.",
    ],
)
def test_spec_en_agreements_without_a_deal_and_refusals_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine's air force shot down 30 Russian drones overnight, including Iranian-designed Shaheds.",
        "Germany announced 500 million euros in humanitarian aid for Ukraine.",
        "Kyiv received fuel and generators from Poland.",
        "Germany trained Ukrainian crews on the Patriot system.",
        "Russian pilots flew Su-35 jets over Syria.",
        "A Ukrainian delegation visited a plant in Germany to inspect the Lynx vehicles.",
        "Rheinmetall will build a factory in Ukraine to produce artillery shells.",
        "The ship carrying Iranian weapons was bound for Yemen when it was seized.",
        "The Houthis fired Iranian-made missiles at ships in the Red Sea.",
        "Turkey and Ukraine are jointly producing Bayraktar drones.",
        "The United Nations has called for a halt to arms sales to Israel.",
        "Ukraine's parliament ratified a loan agreement with the EU to buy weapons.",
        "The EU agreed to use profits from frozen Russian assets to buy weapons for Ukraine.",
        "Russian forces in Syria used Su-24 jets to strike rebel positions.",
        "North Korean troops have been deployed to Russia's Kursk region.",
        "Hundreds of Colombian mercenaries are fighting for Ukraine.",
        "The Pentagon sent an aircraft carrier to the eastern Mediterranean.",
        "Chinese warships docked in Cambodia's Ream naval base.",
        "Taiwan held drills simulating an attack by Chinese J-20 fighters.",
        "Poland's defence minister said the country must build its own ammunition factories.",
        "Germany and France will jointly develop a new main battle tank.",
        "Iran's missile programme is a threat to Israel, the US said.",
        "The Russian Su-57 made its debut at the Zhuhai air show in China.",
        "The drones that struck Kyiv were made in Iran, Ukrainian officials said.",
    ],
)
def test_spec_en_use_production_personnel_and_deployments_are_no_transfer(tagger: Tagger, text: str) -> None:
    assert quads(tagger, text, "en") == NOTHING


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran keeps sending drones to Russia.", {("IR", "RU", "drones", "ongoing")}),
        # a transfer noun whose deliveries began, or a verb of arrival in the progressive, goes on
        (
            "Deliveries of F-35 jets from the United States to Poland began in May.",
            {("US", "PL", "aircraft", "ongoing")},
        ),
        (
            "Deliveries of the K9 howitzers to Poland from South Korea started in December and will run "
            "until 2026.",
            {("KR", "PL", "artillery", "ongoing")},
        ),
        (
            "South Korean K2 tanks are arriving in Poland in batches.",
            {("KR", "PL", "armored_vehicles", "ongoing")},
        ),
        ("Poland is receiving K2 tanks from South Korea.", {("KR", "PL", "armored_vehicles", "ongoing")}),
        (
            "The delivery of Rafale jets from France to India took place in 2020.",
            {("FR", "IN", "aircraft", "delivered")},
        ),
        (
            "Washington is in the process of delivering Abrams tanks to Kyiv.",
            {("US", "UA", "armored_vehicles", "ongoing")},
        ),
        ("Russia has been supplying Syria with weapons for decades.", {("RU", "SY", "other", "ongoing")}),
        ("Israel is shipping Barak missiles to Azerbaijan.", {("IL", "AZ", "missiles", "ongoing")}),
        (
            "Sweden provided Ukraine with CV90 infantry fighting vehicles.",
            {("SE", "UA", "armored_vehicles", "delivered")},
        ),
        ("Brazil has acquired Gripen fighters from Sweden.", {("SE", "BR", "aircraft", "delivered")}),
        ("Egypt purchased Mistral ships from France.", {("FR", "EG", "naval", "agreed")}),
        ("Russia exported Su-30 jets to Algeria.", {("RU", "DZ", "aircraft", "delivered")}),
    ],
)
def test_spec_en_steps_under_way_and_done(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland is to receive 96 Apache helicopters from the United States.",
            {("US", "PL", "aircraft", "agreed")},
        ),
        (
            "South Korea is due to deliver the remaining K9 howitzers to Poland next year.",
            {("KR", "PL", "artillery", "agreed")},
        ),
        (
            "Russia was supposed to deliver S-400 systems to India by 2023.",
            {("RU", "IN", "air_defense", "agreed")},
        ),
        (
            "Under the deal, France would deliver 26 Rafale jets to India by 2030.",
            {("FR", "IN", "aircraft", "agreed")},
        ),
        (
            "Morocco is set to receive 24 Apache helicopters from Washington.",
            {("US", "MA", "aircraft", "agreed")},
        ),
        (
            "Israel signed a deal to sell Arrow 3 missiles to Germany.",
            {("IL", "DE", "air_defense", "agreed")},
        ),
        (
            "Iran could have sold missiles to Russia, officials admitted.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        ("Turkey might buy Eurofighter jets from Britain.", NOTHING),
        # a preposition "to" before the verb is no infinitive: the delivery is done
        (
            "Germany has pledged 18 Leopard tanks to Ukraine and delivered 14 of them.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "The F-16 jets Denmark promised to Ukraine arrived in the summer.",
            {("DK", "UA", "aircraft", "delivered")},
        ),
    ],
)
def test_spec_en_promises_and_their_keeping(tagger: Tagger, text: str, expected: set[Quad]) -> None:
    assert quads(tagger, text, "en") == expected
