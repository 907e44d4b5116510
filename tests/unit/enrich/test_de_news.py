"""German news wording the multilingual path missed on unseen news (bench/data/eval/tune-de5.jsonl), as
invented sentences: the rest of the supply verbs' paradigm ("beliefern", "versorgen", "ausrüsten",
"gehen an"), non-state recipients, the demonym that names the agent of a transfer noun, failed deals,
warnings, stances, wishes and attempts that report no transfer, the reporter after a comma, datelines,
genitives before the noun of a state's forces, denials."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads

DELIVERED, ONGOING, AGREED, ALLEGED, DENIED = "delivered", "ongoing", "agreed", "alleged", "denied"

CASES: list[tuple[str, set[Quad]]] = [
    # "X beliefert / versorgt / rüstet Y mit Z (aus)": the object after the verb receives; the perfect of
    # "beliefert" and "versorgt" (present and participle alike) has its auxiliary
    (
        "Kasachstan hat Kirgisistan mit Schützenpanzern beliefert.",
        {("KZ", "KG", "armored_vehicles", DELIVERED)},
    ),
    ("Belarus beliefert Russland mit Artilleriemunition.", {("BY", "RU", "ammunition", AGREED)}),
    ("Teheran hat Damaskus mit Raketen versorgt.", {("IR", "SY", "missiles", DELIVERED)}),
    ("Italien hat Tunesien mit Patrouillenbooten ausgerüstet.", {("IT", "TN", "naval", DELIVERED)}),
    ("Japan rüstet die Philippinen mit Radaranlagen aus.", {("JP", "PH", "other", AGREED)}),
    ("Norwegen stattet Litauen mit Flugabwehrsystemen aus.", {("NO", "LT", "air_defense", AGREED)}),
    # "gehen an": the present of "gingen", "gegangen"; not "geht davon aus", "es geht um"
    ("Die Haubitzen aus Spanien sollen an Marokko gehen.", {("ES", "MA", "artillery", AGREED)}),
    ("Kanada geht davon aus, dass die Panzer bald in Lettland sind.", set()),
    # non-state recipients: the Peshmerga, Kurdish fighters
    (
        "Die Niederlande haben den Peschmerga 500 Gewehre übergeben.",
        {("NL", None, "small_arms", DELIVERED)},
    ),
    ("Frankreich hat Waffen an die Kurden in Syrien geliefert.", {("FR", None, "other", DELIVERED)}),
    # the demonym of a transfer noun is its agent, however the clause's subject or preposition stands
    (
        "Pakistan protestiert gegen amerikanische Waffenverkäufe an Indien.",
        {("US", "IN", "other", AGREED)},
    ),
    (
        "Serbien rief seinen Botschafter wegen kroatischer Rüstungsexporte an das Kosovo zurück.",
        {("HR", "XK", "other", AGREED)},
    ),
    (
        "Georgien sprach über russische Drohnenlieferungen an Abchasien.",
        set(),  # Abkhazia is no state: the recipient is unnamed
    ),
    # a failed or vetoed deal, a warning against one, a stance on one, a wish to sell: no transfer
    (
        "Der 2015 geschlossene Vertrag über Kampfjets aus Schweden für Kroatien scheiterte am Veto.",
        set(),
    ),
    ("Washington hatte Ungarn gewarnt, chinesische Drohnen zu kaufen.", set()),
    (
        "Italien und Spanien hätten eine positive Haltung zum Verkauf von Fregatten an Indonesien.",
        set(),
    ),
    ("Finnland möchte 30 Haubitzen an Estland verkaufen.", set()),
    # an attempt is no transfer
    ("Ecuador hat 2012 versucht, in Brasilien Kampfjets zu kaufen.", set()),
    ("Die Türkei versuchte vergeblich, Patriot-Systeme aus den USA zu erwerben.", set()),
    # a name that closes the clause a reporting verb follows is no speaker: the claim stays a claim
    (
        "Rumänien hat Moldau offenbar Haubitzen geliefert. Die Geschütze seien in Moldau eingetroffen, "
        "berichtete die Zeitung am Montag.",
        {("RO", "MD", "artillery", ALLEGED)},
    ),
    # a sentence naming a hedged source covers the sentences since the last transfer, not only the one before
    (
        "Kroatien hat der Ukraine Haubitzen geliefert. Die Geschütze sind schon im Einsatz. Das berichtete "
        "die Zeitung unter Berufung auf Diplomatenkreise.",
        {("HR", "UA", "artillery", ALLEGED)},
    ),
    # a wire dateline names the place of the news, not a party
    (
        "Baku – Aserbaidschan hat Israel vorgeworfen, Drohnen an Armenien zu verkaufen.",
        {("IL", "AM", "drones", ALLEGED)},
    ),
    (
        "WARSCHAU (dpa) - Polen hat von Südkorea 48 Kampfflugzeuge erhalten.",
        {("KR", "PL", "aircraft", DELIVERED)},
    ),
    # a state that approves an arms deal with another exports to it; the maker named in the genitive after
    # the weapons of the next sentence is that supplier, which the sentence continues
    (
        "Das kanadische Außenministerium hat ein Rüstungsgeschäft mit Chile gebilligt. Geliefert werden "
        "sollen 12 Hubschrauber des kanadischen Konzerns Bell.",
        {("CA", "CL", "aircraft", AGREED)},
    ),
    (
        "Die Regierung in Rom hat ein Waffengeschäft mit Katar genehmigt. Geliefert werden sollen vier "
        "Korvetten des IT-Konzerns Fincantieri.",
        {("IT", "QA", "naval", AGREED)},
    ),
    ("Spanien hat mit Marokko ein Rüstungsgeschäft über fünf Korvetten vereinbart.", set()),
    ("Vietnam kauft 12 Kampfjets des russischen Herstellers Suchoi.", {("RU", "VN", "aircraft", AGREED)}),
    # "zwischen X und Y" names the two sides of a deal; the maker of the system (its name joined to the noun
    # of its kind by a hyphen) supplies; compound deal nouns
    (
        "Der Vertrag zwischen Deutschland und Norwegen über Leopard-2-Panzer wurde unterzeichnet.",
        {("DE", "NO", "armored_vehicles", AGREED)},
    ),
    (
        "Die MiG-29-Jets sind Teil eines Rüstungsabkommens zwischen Russland und Myanmar.",
        {("RU", "MM", "aircraft", AGREED)},
    ),
    ("Die Gespräche zwischen Schweden und Polen über Gripen-Kampfjets dauern an.", set()),
    (
        "Peru hat einen Kaufvertrag mit Südkorea über 20 FA-50-Kampfjets unterzeichnet.",
        {("KR", "PE", "aircraft", AGREED)},
    ),
    # a leader by surname alone
    (
        "Danach soll Moskau Chávez Waffen liefern, darunter auch Panzer.",
        {("RU", "VE", "armored_vehicles", AGREED)},
    ),
    # a state in the genitive before the noun of its forces acts through them, wherever the phrase stands;
    # the genitive "-s" sits on the last word of a multi-word name
    ("Kasachstans Regierung liefert Haubitzen an Armenien.", {("KZ", "AM", "artillery", AGREED)}),
    ("Indien liefert Drohnen an Vietnams Armee.", {("IN", "VN", "drones", AGREED)}),
    ("Recep Tayyip Erdogans Regierung kauft Korvetten aus Pakistan.", {("PK", "TR", "naval", AGREED)}),
    # denials: "unbegründet", "entbehrt jeder Grundlage", "will davon nichts wissen"
    (
        "Minsk bezeichnete die Vorwürfe, es habe Russland Panzer geliefert, als unbegründet.",
        {("BY", "RU", "armored_vehicles", DENIED)},
    ),
    (
        "Die Berichte, Eritrea liefere Drohnen an den Sudan, entbehren jeder Grundlage, sagte Asmara.",
        {("ER", "SD", "drones", DENIED)},
    ),
    (
        "Angeblich liefert Myanmar Raketen an Nordkorea. In Min Aung Hlaings Regierung will man davon "
        "nichts wissen.",
        {("MM", "KP", "missiles", DENIED)},
    ),
    # category: the Austrian "Geschoß", anti-tank mines
    (
        "Bulgarien hat der Ukraine 10.000 Artilleriegeschoße geliefert.",
        {("BG", "UA", "ammunition", DELIVERED)},
    ),
    ("Litauen hat der Ukraine Panzerabwehrminen geliefert.", {("LT", "UA", "ammunition", DELIVERED)}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:50] for text, _ in CASES])
def test_de_news_transfers(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "de") == expected
