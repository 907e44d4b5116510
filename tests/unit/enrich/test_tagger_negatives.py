"""What news says of arms without a transfer: warnings and prevention, the absence of evidence, a package of
something else, cancelled contracts, prohibitions, negated or doubtful deliveries, possibilities, a third
state's refusal, weapons asked for or defended against, and weapons of an unnamed group of states. Each
rule with a sentence it must leave alone. Invented sentences."""

from __future__ import annotations

import pytest

from enrich.tagger import Tagger
from tests.tagged import Quad, quads


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a verb of warning or prevention keeps what it governs from happening
        ("Washington warned Beijing about supplying drones to Russia.", "en", set()),
        ("The embargo prevented Belarus from selling rifles to Sudan.", "en", set()),
        ("Paris a tenté d'empêcher Ankara de livrer des drones au Niger.", "fr", set()),
        # ... unless the prevention failed
        (
            "The agreement has not stopped Tehran from sending drones to Moscow.",
            "en",
            {("IR", "RU", "drones", "agreed")},
        ),
        # a negated verb of seeing: nothing observed, no transfer (and no denial)
        ("We have not seen China provide Russia with missiles, the official said.", "en", set()),
        (
            "We have seen China provide Russia with missiles, the official said.",
            "en",
            {("CN", "RU", "missiles", "agreed")},
        ),
    ],
)
def test_tagger_negatives_warning_prevention_and_no_evidence(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the transfer noun's complement names something else than arms
        ("Germany announced a package of measures for Ukraine's armoured vehicles.", "en", set()),
        (
            "Germany announced a package of armoured vehicles for Ukraine.",
            "en",
            {("DE", "UA", "armored_vehicles", "agreed")},
        ),
        ("La France a annoncé l'envoi de formateurs pour les blindés ukrainiens.", "fr", set()),
        (
            "La France a annoncé l'envoi de blindés à l'Ukraine.",
            "fr",
            {("FR", "UA", "armored_vehicles", "agreed")},
        ),
    ],
)
def test_tagger_negatives_a_noun_that_moves_something_else(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a veto heads the noun phrase of the transfer, however far it stands
        (
            "Australia confirmed the cancellation of the contract signed with France for the supply of "
            "twelve submarines.",
            "en",
            set(),
        ),
        (
            "Le Maroc a annoncé la résiliation du contrat conclu avec la Russie pour la fourniture de quatre "
            "hélicoptères.",
            "fr",
            set(),
        ),
        (
            "Le Maroc a signé un contrat avec la Russie pour l'achat de quatre hélicoptères.",
            "fr",
            {("RU", "MA", "aircraft", "agreed")},
        ),
        # a prohibition
        ("The cabinet decision prohibits the export of all military equipment to Israel.", "en", set()),
    ],
)
def test_tagger_negatives_cancellations_and_prohibitions(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # the transfer noun is the subject of a negated predicate, or of a doubt
        ("La livraison de chars Leclerc au Maroc n'est pas à l'ordre du jour.", "fr", set()),
        ("The sale of F-35 jets to Turkey is not on the agenda.", "en", set()),
        ("La vente de Rafale à l'Indonésie reste incertaine.", "fr", set()),
        ("La vente de Rafale à l'Indonésie est dans l'incertitude.", "fr", set()),
        ("The delivery of Patriot systems to Kyiv remains uncertain.", "en", set()),
        (
            "The delivery of Patriot systems to Kyiv remains on schedule.",
            "en",
            {("US", "UA", "air_defense", "agreed")},
        ),
        # a possibility
        ("Berlin a évoqué la possibilité de livrer des chars à Kiev.", "fr", set()),
        ("Canada raised the possibility of selling tanks to Poland.", "en", set()),
    ],
)
def test_tagger_negatives_negated_or_doubtful_deliveries(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a third state rejects the weapons: no denial of the transfer
        (
            "Les blindés envoyés par Paris à l'armée arménienne ont été rejetés par Kiev.",
            "fr",
            {("FR", "AM", "armored_vehicles", "delivered")},
        ),
        (
            "The howitzers sent by Washington to Taipei were rejected by Tokyo as too heavy.",
            "en",
            {("US", "TW", "artillery", "delivered")},
        ),
        # ... the recipient or the supplier does deny
        (
            "Les blindés envoyés par Paris à l'armée arménienne ont été rejetés par Erevan.",
            "fr",
            {("FR", "AM", "armored_vehicles", "denied")},
        ),
        (
            "Reports that Hanoi sold rifles to Myanmar were rejected by Hanoi.",
            "en",
            {("VN", "MM", "small_arms", "denied")},
        ),
    ],
)
def test_tagger_negatives_a_third_state_rejection_is_no_denial(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a weapon asked for, or defended against, is not what is moved
        (
            "Ukraine received Leopard tanks from Germany and asked for fighter jets.",
            "en",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Kiev a reçu des chars de l'Allemagne et réclame des avions de combat.",
            "fr",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "Germany delivered Gepard guns to Ukraine to protect its cities against Russian drones.",
            "en",
            {("DE", "UA", "air_defense", "delivered")},
        ),
        # weapons of an unnamed group of states: the maker of the system is not the supplier
        ("Kyiv has received Western tanks, including Leopard 2s.", "en", set()),
        ("Kiev a reçu des chars occidentaux, dont des Leopard 2.", "fr", set()),
        ("Kyiv has received Leopard 2 tanks.", "en", {("DE", "UA", "armored_vehicles", "delivered")}),
    ],
)
def test_tagger_negatives_weapons_asked_for_or_of_a_group(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a transfer noun as the subject of a conditional: a hypothesis
        ("Arms transfers from Minsk to Caracas would be a grave mistake, the minister said.", "en", set()),
        (
            "Arms transfers from Minsk to Caracas are a grave mistake, the minister said.",
            "en",
            {("BY", "VE", "other", "agreed")},
        ),
        # the transfer noun, or its noun phrase, under a negated verb: a refusal, even with a speaker
        (
            "La question de la fourniture de missiles à la Serbie n'est plus à l'ordre du jour, a déclaré le "
            "ministre hongrois.",
            "fr",
            set(),
        ),
        (
            "La question de la fourniture de missiles à la Serbie est réglée : la Hongrie les a livrés "
            "en mai.",
            "fr",
            {("HU", "RS", "missiles", "delivered")},
        ),
        ("The president said he does not support the sale of fighter jets to Qatar by Italy.", "en", set()),
        (
            "The president said he supports the sale of fighter jets to Qatar by Italy.",
            "en",
            {("IT", "QA", "aircraft", "agreed")},
        ),
    ],
)
def test_tagger_negatives_hypotheses_and_refusals(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a refusal, an opposition, a motion, a maintenance contract
        (
            "Malgré le refus de la Colombie d'acheter des drones israéliens, le ministre a évoqué un accord.",
            "fr",
            set(),
        ),
        ("La Colombie a accepté d'acheter des drones israéliens.", "fr", {("IL", "CO", "drones", "agreed")}),
        ("Le Parlement s'est opposé à une motion visant à livrer des obus à la Géorgie.", "fr", set()),
        ("The parliament rejected a motion to send shells to Georgia.", "en", set()),
        ("Norway signed a maintenance contract for the Swedish CV90 vehicles of its army.", "en", set()),
        (
            "Norway signed a contract for Swedish CV90 vehicles for its army.",
            "en",
            {("SE", "NO", "armored_vehicles", "agreed")},
        ),
        # « ou encore » continues a list of suppliers
        (
            "L'Allemagne, la Pologne ou encore l'Espagne ont accepté d'envoyer des chars au Maroc.",
            "fr",
            {
                ("DE", "MA", "armored_vehicles", "agreed"),
                ("PL", "MA", "armored_vehicles", "agreed"),
                ("ES", "MA", "armored_vehicles", "agreed"),
            },
        ),
        # an armed group by its French name
        ("L'Iran aurait livré des armes à l'Armée syrienne libre.", "fr", {("IR", None, "other", "alleged")}),
    ],
)
def test_tagger_negatives_refusals_motions_and_maintenance(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


def test_tagger_negatives_a_state_qualifying_a_claim_is_its_source(tagger: Tagger) -> None:
    # "a U.S. assertion that …": the United States asserts; it neither gives nor gets the rifles
    found = quads(
        tagger,
        "The militia leader dismissed as gossip a U.S. assertion that his fighters had taken delivery of "
        "rifles from Belarus.",
        "en",
    )
    assert found and not any("US" in (supplier, recipient) for supplier, recipient, _, _ in found)
    # « les accusations de Moscou »: Moscow accuses; the transfer is Poland's
    assert quads(
        tagger,
        "Le ministre a rejeté les accusations de Moscou selon lesquelles la Pologne aurait livré des chars à "
        "l'Ukraine.",
        "fr",
    ) == {("PL", "UA", "armored_vehicles", "denied")}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a condition makes the main clause a hypothesis, however long the condition
        (
            "If the State Department approves the request in the coming weeks, Taiwan would receive 66 F-16 "
            "jets.",
            "en",
            set(),
        ),
        ("Si Paris donne son feu vert, l'Inde recevra 26 Rafale Marine.", "fr", set()),
        (
            "Paris a donné son feu vert : l'Inde recevra 26 Rafale Marine.",
            "fr",
            {("FR", "IN", "aircraft", "agreed")},
        ),
        # ... but a concession is no condition
        (
            "Russia delivered S-400 systems to Turkey even if Washington objected.",
            "en",
            {("RU", "TR", "air_defense", "delivered")},
        ),
        # the financier of a purchase is no side of it
        (
            "The US financed Poland's purchase of Korean tanks.",
            "en",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
        (
            "Les États-Unis ont financé l'achat de chars coréens par la Pologne.",
            "fr",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
    ],
)
def test_tagger_negatives_conditions_and_financiers(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a weapon that only names a programme is not what is moved
        (
            "Washington expelled Ankara from the F-35 programme after it bought Russian S-400 systems.",
            "en",
            {("RU", "TR", "air_defense", "agreed")},
        ),
        (
            "Washington a exclu Ankara du programme F-35 après l'achat de S-400 russes.",
            "fr",
            {("RU", "TR", "air_defense", "agreed")},
        ),
        ("Poland bought 32 F-35 jets from the US.", "en", {("US", "PL", "aircraft", "agreed")}),
    ],
)
def test_tagger_negatives_a_weapon_that_names_a_programme(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # "has yet to" negates the verb after it
        ("Congress has yet to approve the sale of 40 F-16 jets to Turkey.", "en", set()),
        ("Congress approved the sale of 40 F-16 jets to Turkey.", "en", {("US", "TR", "aircraft", "agreed")}),
        # discussions and doubts are no transfer
        ("Greece and France discussed the purchase of Belharra frigates during the visit.", "en", set()),
        ("La Grèce et la France ont discuté de l'achat de frégates Belharra lors de la visite.", "fr", set()),
        ("Greece bought Belharra frigates from France.", "en", {("FR", "GR", "naval", "agreed")}),
        ("Analysts doubt that China will ever sell J-20 fighters to Pakistan.", "en", set()),
        (
            "China will sell J-20 fighters to Pakistan, analysts say.",
            "en",
            {("CN", "PK", "aircraft", "agreed")},
        ),
    ],
)
def test_tagger_negatives_not_yet_discussions_and_doubts(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a delivery with more to come is still going on
        (
            "The US has delivered more than half of the 90 howitzers promised to Ukraine, with more on the "
            "way.",
            "en",
            {("US", "UA", "artillery", "ongoing")},
        ),
        (
            "The US has delivered all 90 howitzers promised to Ukraine.",
            "en",
            {("US", "UA", "artillery", "delivered")},
        ),
        (
            "L'Allemagne a livré dix chars à l'Ukraine et d'autres suivront.",
            "fr",
            {("DE", "UA", "armored_vehicles", "ongoing")},
        ),
    ],
)
def test_tagger_status_a_delivery_with_more_to_come_is_ongoing(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert quads(tagger, text, lang) == expected
