"""German, Dutch, Italian and Portuguese on the multilingual path (the rules written from
bench/data/eval/tune-west.jsonl): each rule on invented sentences."""

from __future__ import annotations

import pytest

from enrich import multilingual
from tests.tagged import Quad, multilingual_quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Italian "in" after a supply verb and its weapon is the destination
        (
            "it",
            "La Spagna ha inviato nuovi carri armati in Ucraina.",
            {("ES", "UA", "armored_vehicles", "delivered")},
        ),
        ("it", "I carri armati spagnoli sono stati visti in Ucraina.", set()),
        # wanting to buy is no purchase; wanting to supply is a pledge
        ("de", "Ägypten will Kampfjets aus Frankreich kaufen.", set()),
        ("de", "Frankreich will Ägypten Kampfjets liefern.", {("FR", "EG", "aircraft", "agreed")}),
        ("nl", "Polen wil tanks uit Zuid-Korea kopen.", set()),
        ("nl", "Zweden wil Oekraïne tanks leveren.", {("SE", "UA", "armored_vehicles", "agreed")}),
        ("it", "La Serbia vuole acquistare caccia dalla Francia.", set()),
        ("it", "La Grecia intende acquistare fregate dalla Francia.", set()),
        ("pt", "O Egito quer comprar caças da França.", set()),
        ("pt", "A Argentina pretende comprar aviões da Dinamarca.", set()),
        # the participle that closes a German or Dutch clause governs all of it
        (
            "de",
            "Österreich hat Ungarn die Weitergabe seiner Munition an die Ukraine ausdrücklich untersagt.",
            set(),
        ),
        (
            "nl",
            "Zwitserland heeft Denemarken de doorlevering van munitie aan Oekraïne uitdrukkelijk verboden.",
            set(),
        ),
        # an export halt or ban written as one compound
        ("de", "Der Exportstopp für Fregatten nach Katar bleibt bestehen.", set()),
        ("nl", "Het wapenexportverbod voor fregatten aan Egypte blijft van kracht.", set()),
        # "la mancata fornitura": a delivery that did not happen
        (
            "it",
            "La mancata consegna di carri armati dalla Francia alla Grecia è al centro del dibattito.",
            set(),
        ),
        # the government seated in a capital acts for its state
        (
            "de",
            "Die Regierung in Kairo hat Fregatten aus Italien erhalten.",
            {("IT", "EG", "naval", "delivered")},
        ),
        (
            "nl",
            "Het regime in Teheran heeft aan Venezuela drones geleverd.",
            {("IR", "VE", "drones", "delivered")},
        ),
        # a party joined by "and" to the one after "samen met" / "zusammen mit" supplies too
        (
            "nl",
            "Noorwegen levert samen met Zweden en Finland houwitsers aan Estland.",
            {
                ("NO", "EE", "artillery", "agreed"),
                ("SE", "EE", "artillery", "agreed"),
                ("FI", "EE", "artillery", "agreed"),
            },
        ),
        (
            "de",
            "Dänemark hat der Ukraine zusammen mit Schweden und Norwegen Haubitzen geliefert.",
            {
                ("DK", "UA", "artillery", "delivered"),
                ("SE", "UA", "artillery", "delivered"),
                ("NO", "UA", "artillery", "delivered"),
            },
        ),
        # "Het gaat om", "Es handelt sich um": what the transfer just reported consists of
        (
            "nl",
            "Noorwegen levert militair materiaal aan Oekraïne. "
            "Het gaat onder meer om luchtdoelraketten en geweren.",
            {("NO", "UA", "air_defense", "agreed"), ("NO", "UA", "small_arms", "agreed")},
        ),
        (
            "de",
            "Polen hat der Ukraine Militärausrüstung übergeben. "
            "Es handelt sich um Kampfpanzer und Haubitzen.",
            {("PL", "UA", "armored_vehicles", "delivered"), ("PL", "UA", "artillery", "delivered")},
        ),
        (
            "it",
            "La Francia consegnerà armamenti alla Grecia. Si tratta di missili antiaerei e di fucili.",
            {("FR", "GR", "air_defense", "agreed"), ("FR", "GR", "small_arms", "agreed")},
        ),
        (
            "pt",
            "A Espanha vai enviar equipamento militar para a Ucrânia. "
            "Trata-se de mísseis antiaéreos e obuses.",
            {("ES", "UA", "air_defense", "agreed"), ("ES", "UA", "artillery", "agreed")},
        ),
        # delivered, with more on the way: ongoing
        (
            "nl",
            "De eerste tanks uit Duitsland zijn in Oekraïne aangekomen. Meer tanks zijn onderweg.",
            {("DE", "UA", "armored_vehicles", "ongoing")},
        ),
        (
            "de",
            "Die ersten Panzer aus Polen sind in der Ukraine eingetroffen. Weitere sind unterwegs.",
            {("PL", "UA", "armored_vehicles", "ongoing")},
        ),
        # a party that admits a transfer says it took place
        ("pt", "O Irã admitiu ter fornecido drones à Rússia.", {("IR", "RU", "drones", "delivered")}),
        # a denial of missiles leaves the drones admitted beside it; a denial naming no weapon covers all
        (
            "it",
            "L'Iran ha ammesso di aver fornito droni alla Russia. "
            "L'invio di missili alla Russia è stato invece smentito da Teheran.",
            {("IR", "RU", "drones", "delivered"), ("IR", "RU", "missiles", "denied")},
        ),
        (
            "de",
            "Der Iran hat Drohnen an Russland geliefert. "
            "Die Lieferung von Raketen an Russland dementierte Teheran.",
            {("IR", "RU", "drones", "delivered"), ("IR", "RU", "missiles", "denied")},
        ),
        (
            "de",
            "Der Iran soll Drohnen an Russland geliefert haben. Teheran dementierte die Berichte.",
            {("IR", "RU", "drones", "denied")},
        ),
        # a transfer verb right after "que"/"che" and its auxiliaries has the subject before it
        (
            "pt",
            "O Canadá anunciou que iria entregar tanques de fabrico alemão à Polónia.",
            {("CA", "PL", "armored_vehicles", "agreed")},
        ),
        (
            "it",
            "La Francia ha annunciato che invierà carri armati alla Romania.",
            {("FR", "RO", "armored_vehicles", "agreed")},
        ),
        # a subject of its own after "que" stays apart; what a third state says is a claim
        (
            "pt",
            "Os Estados Unidos afirmam que a Coreia do Norte envia mísseis à Rússia.",
            {("KP", "RU", "missiles", "alleged")},
        ),
        (
            "nl",
            "De Verenigde Staten beweren dat Iran drones aan Rusland levert.",
            {("IR", "RU", "drones", "alleged")},
        ),
        # the comma after a verb of saying opens what it says, when a state opens it
        (
            "de",
            "Die USA behaupten, Nordkorea liefere Munition an Russland.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "de",
            "Polen sagte, es habe der Ukraine Panzer geliefert.",
            {("PL", "UA", "armored_vehicles", "delivered")},
        ),
    ],
)
def test_west_rules(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


def test_a_sentence_naming_the_source_reports_nothing_of_its_own() -> None:
    """The information "fornite" (provided) by US intelligence is no weapon supplied by the US; the
    sentence names the source of the claim before it."""
    text = (
        "La Bielorussia starebbe ricevendo droni dall'Iran. "
        "Lo rivelano fonti americane citando informazioni fornite dall'intelligence Usa."
    )
    assert multilingual_quads(text, "it") == {("IR", "BY", "drones", "alleged")}


def test_a_state_after_a_comma_with_a_verb_of_its_own_opens_a_clause() -> None:
    """The second state is the subject of its own verb, not the object of the first."""
    text = "Noorwegen levert de houwitsers, Zweden levert ook munitie aan de Oekraïense regering."
    assert ("SE", "UA") in {(t.supplier, t.recipient) for t in multilingual.tag(text, "nl").transfers}
    assert ("NO", "SE") not in {(t.supplier, t.recipient) for t in multilingual.tag(text, "nl").transfers}
