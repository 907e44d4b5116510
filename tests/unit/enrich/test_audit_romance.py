"""The linguist's audit of the Spanish, Portuguese and Italian tables: each addition on invented sentences.

Each case names the table it covers. Non-transfers (intentions, requests, offers, proposals, seizures,
negations) assert that nothing is extracted.
"""

from __future__ import annotations

import pytest

from enrich import multilingual
from tests.tagged import Quad, multilingual_quads

SPANISH = [
    # status agreed: an order is a deal, not yet a delivery; "vendieron" is a sale
    ("Egipto encargó a Francia dos submarinos.", {("FR", "EG", "naval", "agreed")}),
    ("Los Países Bajos vendieron tres corbetas a Lituania.", {("NL", "LT", "naval", "agreed")}),
    # status ongoing: "viene + gerund" is a continuing act
    ("Estados Unidos viene entregando misiles a Israel.", {("US", "IL", "missiles", "ongoing")}),
    ("Canadá viene suministrando municiones a Letonia.", {("CA", "LV", "ammunition", "ongoing")}),
    # status delivered: a completed delivery
    (
        "La entrega de tanques de Polonia a Ucrania fue completada.",
        {("PL", "UA", "armored_vehicles", "delivered")},
    ),
    # supply verbs: "transferido", "despachado", "equipar"
    ("Washington ha transferido a Kiev sistemas Patriot.", {("US", "UA", "air_defense", "delivered")}),
    ("Rusia ha despachado a Bielorrusia aviones de combate.", {("RU", "BY", "aircraft", "delivered")}),
    ("Estados Unidos equipará a Taiwán con misiles.", {("US", "TW", "missiles", "agreed")}),
    # thanks: the thanked state supplies the one that thanks
    ("Ucrania agradeció a Alemania los tanques.", {("DE", "UA", "armored_vehicles", "delivered")}),
    # alleged: the press as the source, whatever state its adjective names
    ("De acuerdo con la prensa rusa, Irán entregó misiles a Rusia.", {("IR", "RU", "missiles", "alleged")}),
    ("Según medios turcos, Turquía vendió drones a Marruecos.", {("TR", "MA", "drones", "alleged")}),
    # weapons: plane and seaplane, mine warfare ships, unmanned aircraft, mines, bullets, shotguns
    ("España vendió a Argentina un avión de patrulla marítima.", {("ES", "AR", "aircraft", "agreed")}),
    ("Italia vendió a Qatar cuatro cazaminas.", {("IT", "QA", "naval", "agreed")}),
    ("Alemania entregó a Letonia dos dragaminas.", {("DE", "LV", "naval", "delivered")}),
    ("Francia entregó a Egipto un portahelicópteros.", {("FR", "EG", "naval", "delivered")}),
    ("Israel entregó a Chile aviones no tripulados.", {("IL", "CL", "drones", "delivered")}),
    ("Estados Unidos entregó a Ucrania aeronaves no tripuladas.", {("US", "UA", "drones", "delivered")}),
    ("Estados Unidos entregó a Ucrania minas antipersona.", {("US", "UA", "ammunition", "delivered")}),
    ("Italia envió balas a Túnez.", {("IT", "TN", "ammunition", "delivered")}),
    ("Bélgica envió escopetas a Perú.", {("BE", "PE", "small_arms", "delivered")}),
    # intentions: wanting, planning or seeking to buy is no purchase
    ("Perú quiere comprar helicópteros a Rusia.", set()),
    ("Chile planea comprar fragatas a Australia.", set()),
    ("Brasil busca comprar fragatas a Italia.", set()),
    ("Uruguay tiene previsto adquirir patrulleros de Francia.", set()),
    # "pedido" is also the participle of asking
    ("Argentina ha pedido aviones de combate a Estados Unidos.", set()),
    # offers by proposal, seizures, "tampoco"
    ("Suecia propuso a Colombia la venta de cazas.", set()),
    ("Panamá confiscó fusiles enviados desde Venezuela.", set()),
    ("Japón tampoco venderá fragatas a Filipinas.", set()),
    # acquire: "adquiere", "obtiene"; the reflexive of endowing ("se dotó de") acquires
    ("Paraguay adquiere fragatas de Australia.", {("AU", "PY", "naval", "agreed")}),
    ("Bolivia obtiene helicópteros de Brasil.", {("BR", "BO", "aircraft", "agreed")}),
    ("Ecuador se dotó de corbetas británicas.", {("GB", "EC", "naval", "delivered")}),
    # supply: "abastecer de"
    ("Rumanía abasteció a Moldavia de municiones.", {("RO", "MD", "ammunition", "delivered")}),
    # prepositions: "destinados a", "rumbo a"
    ("Italia envió obuses destinados a Túnez.", {("IT", "TN", "artillery", "delivered")}),
    ("Los cazas fueron enviados rumbo a Rumanía desde Dinamarca.", {("DK", "RO", "aircraft", "delivered")}),
    # requests, pressure, willingness and weighing are no transfer
    ("Lituania exigió a Alemania el envío de tanques.", set()),
    ("Estonia instó a Francia a enviar cañones a Letonia.", set()),
    ("Letonia urge a Suecia a suministrar misiles.", set()),
    ("Rumanía estaría dispuesta a enviar cazas a Moldavia.", set()),
    ("Portugal se plantea enviar tanques a Letonia.", set()),
    # demonyms: "inglés" names the United Kingdom; a water cannon is no artillery
    ("Egipto recibió aviones ingleses.", {("GB", "EG", "aircraft", "delivered")}),
    ("Francia vendió a Egipto cañones de agua.", set()),
    # denied: plural and other tenses of denying
    ("Irán y Rusia negaron el envío de drones iraníes a Rusia.", {("IR", "RU", "drones", "denied")}),
    ("Irán y Rusia desmintieron el envío de drones iraníes a Rusia.", {("IR", "RU", "drones", "denied")}),
    # report: a third state that warns or publishes makes the transfer a claim
    ("Estados Unidos advirtió que Irán envió drones a Rusia.", {("IR", "RU", "drones", "alleged")}),
    # halting a transfer is no transfer; a missile launcher is a missile weapon
    ("Alemania interrumpió las entregas de tanques a Turquía.", set()),
    ("Noruega frenó la venta de obuses a Lituania.", set()),
    ("Francia entregó a Egipto lanzamisiles.", {("FR", "EG", "missiles", "delivered")}),
]

PORTUGUESE = [
    # status agreed: an order; "venderam"
    ("O Brasil encomendou à Suécia caças Gripen.", {("SE", "BR", "aircraft", "agreed")}),
    (
        "Os Estados Unidos venderam a Taiwan aviões de alerta antecipado.",
        {("US", "TW", "aircraft", "agreed")},
    ),
    # status ongoing: the compound perfect and "vir + gerund" are continuing acts; "está fornecendo"
    ("Portugal tem enviado munições para a Ucrânia.", {("PT", "UA", "ammunition", "ongoing")}),
    ("A Espanha vem fornecendo blindados à Letónia.", {("ES", "LV", "armored_vehicles", "ongoing")}),
    ("Os Estados Unidos estão fornecendo mísseis a Israel.", {("US", "IL", "missiles", "ongoing")}),
    # supply verbs: "dotar de", "equipar"
    ("A França dotou o Egito de caças Rafale.", {("FR", "EG", "aircraft", "delivered")}),
    ("Os Estados Unidos vão equipar Taiwan com mísseis.", {("US", "TW", "missiles", "agreed")}),
    # alleged: the European Portuguese future perfect of hearsay; the press as the source
    ("A Coreia do Norte terá fornecido projéteis à Rússia.", {("KP", "RU", "ammunition", "alleged")}),
    (
        "De acordo com a imprensa russa, o Irão entregou mísseis à Rússia.",
        {("IR", "RU", "missiles", "alleged")},
    ),
    # weapons: mine warfare and helicopter carriers, maritime patrol aircraft, unmanned aircraft, SMGs
    ("A Itália vendeu ao Catar quatro caça-minas.", {("IT", "QA", "naval", "agreed")}),
    ("A França entregou ao Egito um porta-helicópteros.", {("FR", "EG", "naval", "delivered")}),
    ("A Espanha vendeu ao Brasil aviões de patrulha marítima.", {("ES", "BR", "aircraft", "agreed")}),
    ("O Brasil recebeu da Itália aviões não tripulados.", {("IT", "BR", "drones", "delivered")}),
    ("A Bélgica enviou submetralhadoras a Angola.", {("BE", "AO", "small_arms", "delivered")}),
    ("Os Estados Unidos entregaram minas antipessoal à Ucrânia.", {("US", "UA", "ammunition", "delivered")}),
    # thanks
    ("A Ucrânia agradeceu à Alemanha os tanques.", {("DE", "UA", "armored_vehicles", "delivered")}),
    # intentions, proposals, seizures, negations
    ("O Brasil procura comprar fragatas à Itália.", set()),
    ("A França propôs ao Brasil a venda de submarinos.", set()),
    ("Moçambique confiscou espingardas enviadas da Tanzânia.", set()),
    ("O Japão tampouco venderá fragatas às Filipinas.", set()),
    # "finalizou a compra" concludes a deal, it delivers nothing yet
    ("O Chile finalizou a compra de fragatas da Austrália.", {("AU", "CL", "naval", "agreed")}),
    # acquire: the reflexive of endowing
    ("A Roménia dotou-se de tanques sul-coreanos.", {("KR", "RO", "armored_vehicles", "agreed")}),
    # supply: "abastecer de"
    ("O Brasil abasteceu Angola de munições.", {("BR", "AO", "ammunition", "delivered")}),
    # alleged: "presumivelmente", "ao que parece"
    ("A Rússia terá vendido caças ao Irão, ao que parece.", {("RU", "IR", "aircraft", "alleged")}),
    ("A Bielorrússia presumivelmente enviou munições à Rússia.", {("BY", "RU", "ammunition", "alleged")}),
    # prepositions: "destinados à", "rumo à"
    ("A Itália enviou obuses destinados à Tunísia.", {("IT", "TN", "artillery", "delivered")}),
    # requests, pressure, willingness and weighing are no transfer
    ("Os EUA pressionam a Alemanha para enviar tanques à Lituânia.", set()),
    ("A Roménia está disposta a enviar caças à Moldávia.", set()),
    ("A Estónia exigiu à França o envio de canhões.", set()),
    # demonyms: "inglês"; a water cannon is no artillery
    ("O Egito recebeu aviões ingleses.", {("GB", "EG", "aircraft", "delivered")}),
    ("A França vendeu ao Egito canhões de água.", set()),
    # report: a third state that warns makes the transfer a claim
    ("Os EUA alertaram que o Irão enviou drones à Rússia.", {("IR", "RU", "drones", "alleged")}),
    # halting, annulling or rescinding a transfer is no transfer
    ("A Alemanha interrompeu as entregas de tanques à Turquia.", set()),
    ("O Peru anulou a compra de caças da Suécia.", set()),
    ("O Chile rescindiu o contrato de compra de fragatas da Espanha.", set()),
]

ITALIAN = [
    # status agreed: an order; "vendette"
    ("L'Egitto ha ordinato due sottomarini dalla Francia.", {("FR", "EG", "naval", "agreed")}),
    ("La Francia vendette fregate alla Grecia.", {("FR", "GR", "naval", "agreed")}),
    # status ongoing: "continua a" + infinitive
    ("La Germania continua a fornire obici all'Ucraina.", {("DE", "UA", "artillery", "ongoing")}),
    # status delivered: "completata"
    (
        "La consegna di carri armati dalla Polonia all'Ucraina è stata completata.",
        {("PL", "UA", "armored_vehicles", "delivered")},
    ),
    # acquire: "acquisito", "acquisirà"
    ("La Grecia ha acquisito dalla Francia fregate.", {("FR", "GR", "naval", "delivered")}),
    ("La Colombia acquisirà caccia svedesi.", {("SE", "CO", "aircraft", "agreed")}),
    # supply verbs: "dotare di", "equipaggiare"
    ("La Francia ha dotato l'Egitto di caccia Rafale.", {("FR", "EG", "aircraft", "delivered")}),
    ("Gli Stati Uniti equipaggeranno Taiwan con missili.", {("US", "TW", "missiles", "agreed")}),
    # thanks
    (
        "L'Ucraina ha ringraziato la Germania per i carri armati.",
        {("DE", "UA", "armored_vehicles", "delivered")},
    ),
    # alleged: the press as the source, whatever state its adjective names
    (
        "Stando a fonti russe, l'Iran ha consegnato missili alla Russia.",
        {("IR", "RU", "missiles", "alleged")},
    ),
    ("Secondo la stampa turca, la Turchia ha venduto droni al Marocco.", {("TR", "MA", "drones", "alleged")}),
    # weapons: mine warfare ships (not "caccia", fighters), helicopter carriers, cruisers, bare "carri",
    # jets, unmanned aircraft, machine guns, mines, rounds
    ("L'Italia ha venduto al Qatar quattro cacciamine.", {("IT", "QA", "naval", "agreed")}),
    ("La Germania ha consegnato alla Lettonia due dragamine.", {("DE", "LV", "naval", "delivered")}),
    ("La Francia ha consegnato all'Egitto una portaelicotteri.", {("FR", "EG", "naval", "delivered")}),
    ("La Spagna ha inviato carri Leopard all'Ucraina.", {("ES", "UA", "armored_vehicles", "delivered")}),
    ("La Francia ha consegnato all'India aviogetti.", {("FR", "IN", "aircraft", "delivered")}),
    ("Israele ha consegnato all'India aerei senza pilota.", {("IL", "IN", "drones", "delivered")}),
    ("La Turchia ha fornito al Niger aerei a pilotaggio remoto.", {("TR", "NE", "drones", "delivered")}),
    ("Il Belgio ha inviato mitragliatori alla Tunisia.", {("BE", "TN", "small_arms", "delivered")}),
    (
        "Gli Stati Uniti hanno consegnato mine anticarro all'Ucraina.",
        {("US", "UA", "ammunition", "delivered")},
    ),
    ("La Germania ha inviato colpi all'Ucraina.", {("DE", "UA", "ammunition", "delivered")}),
    # arrival: where weapons arrive ("in", "nei/negli/nelle") receives them
    ("Sono arrivati in Ucraina i carri armati tedeschi.", {("DE", "UA", "armored_vehicles", "delivered")}),
    ("Gli obici francesi sono arrivati negli Emirati Arabi Uniti.", {("FR", "AE", "artillery", "delivered")}),
    # intentions, proposals, seizures, negations
    ("Il Brasile cerca di comprare fregate dall'Italia.", set()),
    ("La Francia ha proposto al Brasile la vendita di sottomarini.", set()),
    ("La Grecia ha confiscato fucili inviati dalla Turchia.", set()),
    ("Il Giappone non venderà nemmeno fregate alle Filippine.", set()),
    # acquire: the reflexive of endowing
    ("La Romania si è dotata di carri armati sudcoreani.", {("KR", "RO", "armored_vehicles", "delivered")}),
    # supply: "rifornire di"
    ("La Francia rifornisce la Moldavia di munizioni.", {("FR", "MD", "ammunition", "agreed")}),
    # alleged: the conditional of hearsay on the transfer verb; "dovrebbe" stays a plan
    ("L'Iran fornirebbe droni alla Russia.", {("IR", "RU", "drones", "alleged")}),
    ("La Bielorussia invierebbe munizioni alla Russia.", {("BY", "RU", "ammunition", "alleged")}),
    (
        "La Germania dovrebbe consegnare carri armati alla Polonia.",
        {("DE", "PL", "armored_vehicles", "agreed")},
    ),
    # denied: "respinge le accuse"
    (
        "L'Iran respinge le accuse di aver fornito droni alla Russia.",
        {("IR", "RU", "drones", "denied")},
    ),
    # prepositions: "destinato a", "alla volta di"
    ("La Francia ha inviato aerei alla volta della Polonia.", {("FR", "PL", "aircraft", "delivered")}),
    ("L'Italia ha spedito un obice destinato alla Tunisia.", {("IT", "TN", "artillery", "delivered")}),
    # requests, pressure, willingness and weighing are no transfer
    ("La Lituania ha sollecitato la Germania a inviare carri armati.", set()),
    ("Vilnius ha esortato Berlino a fornire carri armati.", set()),
    ("La Romania è pronta a inviare caccia alla Moldavia.", set()),
    ("La Spagna sta valutando di inviare carri armati alla Lettonia.", set()),
    # demonyms: "inglesi"; a water cannon is no artillery
    ("L'Egitto ha ricevuto aerei inglesi.", {("GB", "EG", "aircraft", "delivered")}),
    ("La Francia ha venduto all'Egitto cannoni ad acqua.", set()),
    # report: a third state that lets it be known makes the transfer a claim
    (
        "Gli Usa hanno fatto sapere che l'Iran ha inviato droni alla Russia.",
        {("IR", "RU", "drones", "alleged")},
    ),
    # offering in the future, halting or cancelling is no transfer; a missile launcher is a missile weapon
    ("La Francia offrirà sottomarini al Brasile.", set()),
    ("La Germania ha interrotto le consegne di carri armati alla Turchia.", set()),
    ("Il Perù ha cancellato l'acquisto di caccia dalla Svezia.", set()),
    ("La Francia ha consegnato all'Egitto lanciamissili.", {("FR", "EG", "missiles", "delivered")}),
]


@pytest.mark.parametrize(("text", "expected"), SPANISH)
def test_spanish_audit(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "es") == expected


@pytest.mark.parametrize(("text", "expected"), PORTUGUESE)
def test_portuguese_audit(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "pt") == expected


@pytest.mark.parametrize(("text", "expected"), ITALIAN)
def test_italian_audit(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "it") == expected


def test_longest_status_phrase_wins() -> None:
    """ "de acuerdo con la prensa" (a hedge) is read whole, not as "de acuerdo con" (a source) and more."""
    status = multilingual.language_data("es").status
    words = multilingual.tokens_of("de acuerdo con la prensa rusa")
    assert status.label(words, 0) == ("alleged", 5)
    assert status.label(multilingual.tokens_of("de acuerdo con Rusia"), 0) == ("source", 3)
