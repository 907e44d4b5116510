"""Languages added by data file alone (sk, bg, sr, hr, no, da), on invented sentences: a delivery, a hedged
claim, a denial, a negated delivery or an offer, inflected names, capitals as metonyms, detection."""

from __future__ import annotations

import pytest

from enrich import multilingual
from enrich.language import detect_language
from enrich.tagger import Tagger
from tests.tagged import Quad, multilingual_quads, quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Slovak: the dative after a supply verb is the recipient, z/od + genitive the supplier, the
        # instrumental the agent of a passive; -ka/-ra keep their consonant in the dative (Amerike);
        # bought or sold with no word of delivery is a deal (agreed) in every language here
        ("sk", "Rusko dodalo Iránu útočné drony.", {("RU", "IR", "drones", "delivered")}),
        ("sk", "Ukrajina dostala z Nemecka húfnice.", {("DE", "UA", "artillery", "delivered")}),
        ("sk", "Poľsko kúpilo od Južnej Kórey tanky.", {("KR", "PL", "armored_vehicles", "agreed")}),
        ("sk", "Kyjev dostal tanky od Berlína.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("sk", "Tanky boli dodané Ukrajine Nemeckom.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("sk", "Spojené štáty schválili predaj rakiet pre Taiwan.", {("US", "TW", "missiles", "agreed")}),
        ("sk", "Slovensko odovzdá Ukrajine húfnice Zuzana.", {("SK", "UA", "artillery", "agreed")}),
        (
            "sk",
            "Podľa spravodajských služieb Severná Kórea poslala Rusku delostrelecké granáty.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "sk",
            "Irán údajne dodal Rusku drony. Teherán obvinenia poprel.",
            {("IR", "RU", "drones", "denied")},
        ),
        ("sk", "Nemecko nebude dodávať tanky Ukrajine.", set()),
        ("sk", "Francúzsko ponúklo Poľsku stíhačky.", set()),
        ("sk", "Slovensko požiadalo Spojené štáty o vrtuľníky.", set()),
        # Bulgarian: no cases; "на" is "to" after a transfer word and "of" after a ministry or army, "от"
        # the supplier; the article is written onto a few names ("Кремълът", "Съединените щати")
        ("bg", "Русия достави на Иран ударни дронове.", {("RU", "IR", "drones", "delivered")}),
        ("bg", "Украйна получи от Германия гаубици.", {("DE", "UA", "artillery", "delivered")}),
        ("bg", "Полша закупи танкове от Южна Корея.", {("KR", "PL", "armored_vehicles", "agreed")}),
        ("bg", "Киев получи танкове от Берлин.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("bg", "Израел продаде на Азербайджан дронове.", {("IL", "AZ", "drones", "agreed")}),
        (
            "bg",
            "Кремълът изпрати на Сирия системи за противовъздушна отбрана.",
            {("RU", "SY", "air_defense", "delivered")},
        ),
        ("bg", "Иран изпрати дронове в Русия.", {("IR", "RU", "drones", "delivered")}),
        (
            "bg",
            "Съединените щати одобриха продажбата на ракети на Тайван.",
            {("US", "TW", "missiles", "agreed")},
        ),
        (
            "bg",
            "Танковете бяха доставени на Украйна от Германия.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "bg",
            "България ще изпрати на Украйна бронетранспортьори.",
            {("BG", "UA", "armored_vehicles", "agreed")},
        ),
        (
            "bg",
            "Според разузнаването Северна Корея е изпратила артилерийски снаряди на Русия.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "bg",
            "Министърът на отбраната на Русия заяви, че Иран е изпратил ракети на Армения.",
            {("IR", "AM", "missiles", "alleged")},
        ),
        (
            "bg",
            "Иран вероятно е доставил дронове на Русия. Техеран отрече обвиненията.",
            {("IR", "RU", "drones", "denied")},
        ),
        ("bg", "Германия няма да доставя танкове на Украйна.", set()),
        ("bg", "Германия отказа да достави ракети Taurus на Украйна.", set()),
        ("bg", "Франция предложи на Полша изтребители.", set()),
        ("bg", "Украйна поиска от Германия системи за противовъздушна отбрана.", set()),
        # Serbian, in both scripts: the dative or u + accusative is the recipient, iz/od + genitive the
        # supplier, "od strane" the agent of a passive; adjective names take -oj (Poljskoj), SAD its ending
        # after a hyphen; "neće" (will not) and "nije" (did not) negate
        ("sr", "Rusija je isporučila Iranu borbene dronove.", {("RU", "IR", "drones", "delivered")}),
        ("sr", "Русија је испоручила Ирану борбене дронове.", {("RU", "IR", "drones", "delivered")}),
        ("sr", "Украјина је добила хаубице од Немачке.", {("DE", "UA", "artillery", "delivered")}),
        ("sr", "Kijev je dobio tenkove iz Berlina.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("sr", "Русија је продала Србији тенкове.", {("RU", "RS", "armored_vehicles", "agreed")}),
        ("sr", "Ukrajina je dobila rakete iz SAD-a.", {("US", "UA", "missiles", "delivered")}),
        ("sr", "Vašington je odobrio prodaju raketa Tajvanu.", {("US", "TW", "missiles", "agreed")}),
        (
            "sr",
            "Тенкови су испоручени Украјини од стране Немачке.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "sr",
            "Kremlj je poslao sisteme protivvazdušne odbrane u Siriju.",
            {("RU", "SY", "air_defense", "delivered")},
        ),
        (
            "sr",
            "Moskva će isporučiti Srbiji sisteme protivvazdušne odbrane.",
            {("RU", "RS", "air_defense", "agreed")},
        ),
        (
            "sr",
            "Prema obaveštajnim podacima, Severna Koreja je poslala artiljerijske granate u Rusiju.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "sr",
            "Иран је наводно испоручио дронове Русији. Техеран је негирао оптужбе.",
            {("IR", "RU", "drones", "denied")},
        ),
        ("sr", "Nemačka neće isporučiti tenkove Ukrajini.", set()),
        ("sr", "Немачка није испоручила тенкове Украјини.", set()),
        ("sr", "Kina je odbila da isporuči dronove Rusiji.", set()),
        ("sr", "Francuska je ponudila Poljskoj borbene avione.", set()),
        ("sr", "Ukrajina je zatražila od Nemačke sisteme protivvazdušne odbrane.", set()),
        # Croatian: the same cases as Serbian, its own words (zrakoplov, topništvo, streljivo, protuzračna
        # obrana) and names (Njemačka, Sjeverna Koreja); the future written apart ("će ... isporučiti")
        ("hr", "Hrvatska je Ukrajini isporučila haubice.", {("HR", "UA", "artillery", "delivered")}),
        (
            "hr",
            "Hrvatska je od Francuske kupila borbene zrakoplove Rafale.",
            {("FR", "HR", "aircraft", "agreed")},
        ),
        ("hr", "Kijev je od Berlina dobio tenkove Leopard.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("hr", "Hrvatska je SAD-u prodala helikoptere.", {("HR", "US", "aircraft", "agreed")}),
        (
            "hr",
            "Tenkovi su isporučeni Ukrajini od strane Njemačke.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "hr",
            "Njemačka će Ukrajini isporučiti sustave protuzračne obrane.",
            {("DE", "UA", "air_defense", "agreed")},
        ),
        (
            "hr",
            "Prema obavještajnim podacima, Sjeverna Koreja poslala je topničke granate u Rusiju.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "hr",
            "Iran je navodno isporučio dronove Rusiji. Teheran je demantirao optužbe.",
            {("IR", "RU", "drones", "denied")},
        ),
        ("hr", "Hrvatska nije poslala oružje Ukrajini.", set()),
        ("hr", "Francuska je ponudila Poljskoj borbene zrakoplove.", set()),
        ("hr", "Ukrajina je zatražila od Njemačke sustave protuzračne obrane.", set()),
        # Norwegian: "til" the recipient, "fra"/"av" the supplier; "skal ha levert" is hearsay, "nekter for"
        # denies and "nekter å" refuses
        ("no", "Russland har levert droner til Iran.", {("RU", "IR", "drones", "delivered")}),
        ("no", "Ukraina har mottatt haubitser fra Tyskland.", {("DE", "UA", "artillery", "delivered")}),
        ("no", "Kyiv har fått stridsvogner fra Berlin.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("no", "Polen kjøpte stridsvogner fra Sør-Korea.", {("KR", "PL", "armored_vehicles", "agreed")}),
        ("no", "Norge skal sende F-16-fly til Ukraina.", {("NO", "UA", "aircraft", "agreed")}),
        ("no", "USA godkjente salget av missiler til Taiwan.", {("US", "TW", "missiles", "agreed")}),
        (
            "no",
            "Stridsvognene ble levert til Ukraina av Tyskland.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "no",
            "Ifølge etterretning har Nord-Korea sendt artillerigranater til Russland.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "no",
            "Iran skal ha levert droner til Russland. Teheran nekter for anklagene.",
            {("IR", "RU", "drones", "denied")},
        ),
        ("no", "Tyskland vil ikke levere stridsvogner til Ukraina.", set()),
        ("no", "Norge nekter å selge våpen til Saudi-Arabia.", set()),
        ("no", "Frankrike tilbød Polen kampfly.", set()),
        ("no", "Ukraina ber Norge om flere luftvernsystemer.", set()),
        # Danish: "til" the recipient, "fra"/"af" the supplier; "skal have leveret" is hearsay; "afviser at
        # have leveret" denies (the infinitive opens no clause), "afviser at levere" refuses
        ("da", "Rusland har leveret droner til Iran.", {("RU", "IR", "drones", "delivered")}),
        ("da", "Ukraine har modtaget haubitser fra Tyskland.", {("DE", "UA", "artillery", "delivered")}),
        ("da", "Kyiv har fået kampvogne fra Berlin.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("da", "Danmark solgte kampvogne til Polen.", {("DK", "PL", "armored_vehicles", "agreed")}),
        ("da", "Danmark vil sende F-16-fly til Ukraine.", {("DK", "UA", "aircraft", "agreed")}),
        ("da", "USA godkendte salget af missiler til Taiwan.", {("US", "TW", "missiles", "agreed")}),
        (
            "da",
            "Kampvognene blev leveret til Ukraine af Tyskland.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "da",
            "Ifølge efterretningstjenesten har Nordkorea sendt artillerigranater til Rusland.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        ("da", "Iran skal have leveret droner til Rusland.", {("IR", "RU", "drones", "alleged")}),
        ("da", "Iran afviser at have sendt missiler til Rusland.", {("IR", "RU", "missiles", "denied")}),
        ("da", "Tyskland vil ikke levere kampvogne til Ukraine.", set()),
        ("da", "Danmark afviser at levere flere kampfly til Ukraine.", set()),
        ("da", "Frankrig tilbød Polen kampfly.", set()),
        ("da", "Ukraine beder Danmark om flere luftværnssystemer.", set()),
    ],
)
def test_more_language_transfers(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        ("sk", "Rokovania Spojených štátov a Ukrajiny v Bratislave.", {"US", "UA", "SK"}),
        ("bg", "Преговори между Съединените щати и Украйна в София.", {"US", "UA", "BG"}),
        ("sr", "Razgovori Sjedinjenih Američkih Država i Ukrajine u Beogradu.", {"US", "UA", "RS"}),
        ("sr", "Разговори Сједињених Америчких Држава и Украјине у Београду.", {"US", "UA", "RS"}),
        ("hr", "Razgovori Sjedinjenih Američkih Država i Ukrajine u Zagrebu.", {"US", "UA", "HR"}),
        ("no", "Samtaler mellom USA og Ukraina i Oslo.", {"US", "UA", "NO"}),
        ("no", "Russlands krig mot Ukraina.", {"RU", "UA"}),
        ("da", "Samtaler mellem USA og Ukraine i København.", {"US", "UA", "DK"}),
    ],
)
def test_more_language_states(lang: str, text: str, codes: set[str]) -> None:
    assert {state.code for state in multilingual.tag(text, lang).states} == codes


@pytest.mark.parametrize(
    ("text", "declared", "lang", "expected"),
    [
        (
            "Severná Kórea podľa juhokórejskej rozviedky poslala Rusku milióny delostreleckých granátov.",
            None,
            "sk",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Според южнокорейското разузнаване Северна Корея е изпратила на Русия милиони снаряди.",
            None,
            "bg",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Према обавештајним подацима, Северна Кореја је послала милионе граната у Русију.",
            None,
            "sr",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        # Serbian in Latin script reads as Bosnian to the detector: the feed's declared language settles it
        (
            "Prema obaveštajnim podacima, Severna Koreja je poslala milione granata u Rusiju.",
            "sr",
            "sr",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        # so does Croatian (py3langid tells hr, sr and bs apart poorly)
        (
            "Prema obavještajnim podacima, Sjeverna Koreja poslala je milijune topničkih granata u Rusiju.",
            "hr",
            "hr",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        # undeclared, the Bosnian guess is read with the Croatian file
        (
            "Prema obavještajnim podacima, Sjeverna Koreja poslala je milijune topničkih granata u Rusiju.",
            None,
            "hr",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Ifølge etterretning har Nord-Korea sendt millioner av artillerigranater til Russland.",
            None,
            "no",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        # a feed that declares bokmål ("nb-NO") is read with the Norwegian file
        (
            "Ifølge etterretning har Nord-Korea sendt millioner av artillerigranater til Russland.",
            "nb-NO",
            "no",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Ifølge efterretningstjenesten har Nordkorea sendt millioner af artillerigranater til Rusland.",
            None,
            "da",
            {("KP", "RU", "ammunition", "alleged")},
        ),
    ],
)
def test_more_languages_are_detected_and_routed(
    tagger: Tagger, text: str, declared: str | None, lang: str, expected: set[Quad]
) -> None:
    assert detect_language(text, declared) == lang
    assert quads(tagger, text, lang=declared) == expected
