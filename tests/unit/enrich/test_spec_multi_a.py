"""The annotation rules of ../shared/eval/README.md as invented sentences in German, Spanish, Russian,
Ukrainian and Arabic (the multilingual path): each status with its hedges and denials, parties named as
states, capitals, demonyms, leaders, ministries, agents of passives, datives and non-state sides,
possession of a foreign state's weapons, and the non-transfers (sanctions, halts, negated deliveries,
requests, talks, offers, exercises, seizures)."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads

DELIVERED, ONGOING, AGREED, ALLEGED, DENIED = "delivered", "ongoing", "agreed", "alleged", "denied"

GERMAN: list[tuple[str, set[Quad]]] = [
    # status
    (
        "Deutschland hat der Ukraine im vergangenen Jahr 18 Kampfpanzer geliefert.",
        {("DE", "UA", "armored_vehicles", DELIVERED)},
    ),
    ("Polen erhielt im März 48 Haubitzen aus Südkorea.", {("KR", "PL", "artillery", DELIVERED)}),
    (
        "Die ersten Patriot-Systeme aus den USA sind in Polen eingetroffen.",
        {("US", "PL", "air_defense", DELIVERED)},
    ),
    ("Frankreich liefert derzeit weitere Haubitzen an die Ukraine.", {("FR", "UA", "artillery", ONGOING)}),
    # who signs with another state for a purchase buys from it
    (
        "Saudi-Arabien hat mit Spanien einen Vertrag über den Kauf von fünf Korvetten unterzeichnet.",
        {("ES", "SA", "naval", AGREED)},
    ),
    (
        "Die Bundesregierung hat die Lieferung von Kampfjets an Saudi-Arabien genehmigt.",
        {("DE", "SA", "aircraft", AGREED)},
    ),
    ("Großbritannien wird der Ukraine weitere Marschflugkörper liefern.", {("GB", "UA", "missiles", AGREED)}),
    ("Kanada hat Polen die Lieferung von Drohnen zugesagt.", {("CA", "PL", "drones", AGREED)}),
    (
        "Nordkorea soll Russland Millionen Artilleriegranaten geliefert haben.",
        {("KP", "RU", "ammunition", ALLEGED)},
    ),
    (
        "Laut dem ukrainischen Geheimdienst hat der Iran Russland Hunderte Drohnen geliefert.",
        {("IR", "RU", "drones", ALLEGED)},
    ),
    ("Berichten zufolge hat China Russland Drohnen verkauft.", {("CN", "RU", "drones", ALLEGED)}),
    ("Angeblich lieferte Belarus Panzer an Russland.", {("BY", "RU", "armored_vehicles", ALLEGED)}),
    ("Der Iran bestreitet, Russland Drohnen geliefert zu haben.", {("IR", "RU", "drones", DENIED)}),
    ("Peking dementierte, dass China Russland Raketen geliefert habe.", {("CN", "RU", "missiles", DENIED)}),
    (
        "Die USA werfen Nordkorea vor, Russland Raketen geliefert zu haben. "
        "Pjöngjang weist die Vorwürfe zurück.",
        {("KP", "RU", "missiles", DENIED)},
    ),
    # the accused supplies; the accuser is a source
    (
        "Die USA werfen Nordkorea vor, Russland Raketen geliefert zu haben.",
        {("KP", "RU", "missiles", ALLEGED)},
    ),
    (
        "Die USA beschuldigen Nordkorea, Russland Raketen geliefert zu haben.",
        {("KP", "RU", "missiles", ALLEGED)},
    ),
    ("Kiew wirft dem Iran vor, Russland Drohnen zu liefern.", {("IR", "RU", "drones", ALLEGED)}),
    (
        "Nach Angaben des Pentagons hat Nordkorea Russland Raketen geliefert.",
        {("KP", "RU", "missiles", ALLEGED)},
    ),
    ("Russland soll vom Iran ballistische Raketen erhalten haben.", {("IR", "RU", "missiles", ALLEGED)}),
    (
        "Wie die Zeitung unter Berufung auf Geheimdienstkreise berichtet, hat China Russland Drohnen "
        "geliefert.",
        {("CN", "RU", "drones", ALLEGED)},
    ),
    ("Russland bestreitet, vom Iran Drohnen erhalten zu haben.", {("IR", "RU", "drones", DENIED)}),
    ("Die Niederlande haben der Ukraine 18 Kampfjets übergeben.", {("NL", "UA", "aircraft", DELIVERED)}),
    (
        "Die ersten Kampfjets aus den USA sind in Polen angekommen, weitere folgen.",
        {("US", "PL", "aircraft", ONGOING)},
    ),
    ("Die türkische Regierung hat Pakistan Korvetten verkauft.", {("TR", "PK", "naval", AGREED)}),
    ("Der Kreml lieferte Nordkorea Flugabwehrsysteme.", {("RU", "KP", "air_defense", DELIVERED)}),
    ("Russland kauft Drohnen aus dem Iran.", {("IR", "RU", "drones", AGREED)}),
    (
        "Deutschland hat der Ukraine bereits 18 Panzer geliefert und wird weitere 14 Panzer liefern.",
        {("DE", "UA", "armored_vehicles", AGREED)},
    ),
    # parties
    ("Moskau hat Teheran Kampfjets geliefert.", {("RU", "IR", "aircraft", DELIVERED)}),
    ("Berlin hat Kiew weitere Luftabwehrsysteme geliefert.", {("DE", "UA", "air_defense", DELIVERED)}),
    ("Die französische Regierung hat Indien 26 Kampfjets verkauft.", {("FR", "IN", "aircraft", AGREED)}),
    (
        "Die ukrainischen Streitkräfte haben aus Deutschland neue Haubitzen erhalten.",
        {("DE", "UA", "artillery", DELIVERED)},
    ),
    (
        "Das russische Verteidigungsministerium hat Syrien Kampfjets übergeben.",
        {("RU", "SY", "aircraft", DELIVERED)},
    ),
    ("Die Haubitzen wurden von Frankreich an die Ukraine geliefert.", {("FR", "UA", "artillery", DELIVERED)}),
    (
        "Die von Deutschland gelieferten Panzer sind in der Ukraine eingetroffen.",
        {("DE", "UA", "armored_vehicles", DELIVERED)},
    ),
    ("Seoul erklärte, dass Pjöngjang Moskau Granaten geliefert habe.", {("KP", "RU", "ammunition", ALLEGED)}),
    (
        "Der Geheimdienst berichtet, dass der Iran Russland Raketen verkauft habe.",
        {("IR", "RU", "missiles", ALLEGED)},
    ),
    ("Der Iran hat den Huthis Raketen geliefert.", {("IR", None, "missiles", DELIVERED)}),
    ("Die Hisbollah soll aus dem Iran Raketen erhalten haben.", {("IR", None, "missiles", ALLEGED)}),
    ("Der Iran hat der Hisbollah Raketen geliefert.", {("IR", None, "missiles", DELIVERED)}),
    ("Die Emirate sollen die RSF mit Drohnen ausgestattet haben.", {("AE", None, "drones", ALLEGED)}),
    (
        "Deutschland lieferte die Panzer über Polen an die Ukraine.",
        {("DE", "UA", "armored_vehicles", DELIVERED)},
    ),
    # possession of a foreign state's weapons
    ("Aserbaidschan setzt israelische Drohnen ein.", {("IL", "AZ", "drones", DELIVERED)}),
    ("Indien nutzt russische Kampfjets.", {("RU", "IN", "aircraft", DELIVERED)}),
    ("Die Ukraine setzt im Krieg amerikanische Raketenwerfer ein.", {("US", "UA", "artillery", DELIVERED)}),
    # non-transfers
    ("Die EU hat ein Waffenembargo gegen Russland verhängt.", set()),
    ("Deutschland hat die Rüstungsexporte nach Saudi-Arabien gestoppt.", set()),
    ("Die Schweiz hat keine Munition an die Ukraine geliefert.", set()),
    ("Die Ukraine bat Deutschland um weitere Marschflugkörper.", set()),
    ("Polen und Südkorea verhandeln über den Kauf weiterer Panzer.", set()),
    ("Frankreich bot Indien weitere Kampfjets an.", set()),
    ("Deutsche und polnische Panzer nahmen an einem Manöver in Litauen teil.", set()),
    ("Die US-Marine beschlagnahmte iranische Waffen auf dem Weg in den Jemen.", set()),
    ("Deutschland liefert keine Marschflugkörper an die Ukraine.", set()),
    ("Die Niederlande haben den Export von Teilen für Kampfjets nach Israel untersagt.", set()),
    ("Die Türkei erwägt den Kauf von Kampfjets aus den USA.", set()),
    ("Die Bundeswehr hat bei Rheinmetall neue Panzer bestellt.", set()),
    ("Die Lieferung von Panzern aus Deutschland an Saudi-Arabien wurde ausgesetzt.", set()),
]

SPANISH: list[tuple[str, set[Quad]]] = [
    (
        "España entregó a Ucrania seis sistemas de defensa antiaérea.",
        {("ES", "UA", "air_defense", DELIVERED)},
    ),
    (
        "Marruecos recibió los primeros helicópteros Apache de Estados Unidos.",
        {("US", "MA", "aircraft", DELIVERED)},
    ),
    ("Ucrania ha recibido de Alemania nuevos obuses.", {("DE", "UA", "artillery", DELIVERED)}),
    ("Estados Unidos está enviando misiles a Israel.", {("US", "IL", "missiles", ONGOING)}),
    (
        "Argentina firmó un contrato con Dinamarca para la compra de 24 cazas.",
        {("DK", "AR", "aircraft", AGREED)},
    ),
    ("El Departamento de Estado aprobó la venta de misiles a Taiwán.", {("US", "TW", "missiles", AGREED)}),
    ("Alemania enviará más sistemas antiaéreos a Ucrania.", {("DE", "UA", "air_defense", AGREED)}),
    ("Francia se comprometió a suministrar cazas a Ucrania.", {("FR", "UA", "aircraft", AGREED)}),
    (
        "Irán habría entregado misiles balísticos a Rusia, según fuentes de inteligencia.",
        {("IR", "RU", "missiles", ALLEGED)},
    ),
    (
        "Según el Pentágono, Corea del Norte ha enviado proyectiles de artillería a Rusia.",
        {("KP", "RU", "ammunition", ALLEGED)},
    ),
    ("Rusia presuntamente suministró drones a Venezuela.", {("RU", "VE", "drones", ALLEGED)}),
    ("Irán negó que haya vendido drones a Rusia.", {("IR", "RU", "drones", DENIED)}),
    ("China desmintió haber suministrado misiles a Rusia.", {("CN", "RU", "missiles", DENIED)}),
    ("Según medios locales, Irán habría suministrado drones a Venezuela.", {("IR", "VE", "drones", ALLEGED)}),
    (
        "Fuentes de inteligencia aseguran que Corea del Norte envió misiles a Rusia.",
        {("KP", "RU", "missiles", ALLEGED)},
    ),
    ("Washington aprobó la venta de cazas F-16 a Turquía.", {("US", "TR", "aircraft", AGREED)}),
    ("Turquía vendió drones Bayraktar a Marruecos.", {("TR", "MA", "drones", AGREED)}),
    (
        "Argentina firmó con Dinamarca un contrato para la compra de 24 cazas.",
        {("DK", "AR", "aircraft", AGREED)},
    ),
    # parties
    ("Moscú suministró a Caracas cazas Su-30.", {("RU", "VE", "aircraft", DELIVERED)}),
    ("El ejército ucraniano recibió tanques de Polonia.", {("PL", "UA", "armored_vehicles", DELIVERED)}),
    ("El Ministerio de Defensa español entregó obuses a Ucrania.", {("ES", "UA", "artillery", DELIVERED)}),
    ("Los obuses fueron entregados por España a Ucrania.", {("ES", "UA", "artillery", DELIVERED)}),
    ("Irán suministró drones a los hutíes.", {("IR", None, "drones", DELIVERED)}),
    ("Hezbolá recibió misiles de Irán.", {("IR", None, "missiles", DELIVERED)}),
    (
        "España envió los tanques a Ucrania a través de Polonia.",
        {("ES", "UA", "armored_vehicles", DELIVERED)},
    ),
    ("El Gobierno español enviará a Ucrania tanques Leopard.", {("ES", "UA", "armored_vehicles", AGREED)}),
    (
        "Las fuerzas armadas de Colombia recibieron helicópteros de Estados Unidos.",
        {("US", "CO", "aircraft", DELIVERED)},
    ),
    ("Irán envió misiles a Hamás.", {("IR", None, "missiles", DELIVERED)}),
    # possession
    ("Azerbaiyán utiliza drones israelíes.", {("IL", "AZ", "drones", DELIVERED)}),
    ("El ejército marroquí utiliza tanques estadounidenses.", {("US", "MA", "armored_vehicles", DELIVERED)}),
    ("Argentina adquirió helicópteros de fabricación rusa.", {("RU", "AR", "aircraft", DELIVERED)}),
    # non-transfers
    ("La Fuerza Aérea de India opera cazas franceses.", {("FR", "IN", "aircraft", DELIVERED)}),
    ("La Unión Europea impuso un embargo de armas a Venezuela.", set()),
    ("España suspendió la venta de armas a Israel.", set()),
    ("Alemania no ha entregado tanques a Ucrania.", set()),
    ("Ucrania pidió a España más sistemas antiaéreos.", set()),
    ("Brasil negocia con Suecia la compra de más cazas.", set()),
    ("Francia ofreció submarinos a Filipinas.", set()),
    ("Fragatas españolas y francesas participaron en unas maniobras en el Mediterráneo.", set()),
    ("Alemania se niega a enviar misiles Taurus a Ucrania.", set()),
    ("Israel rechazó la solicitud de Ucrania de sistemas antiaéreos.", set()),
    ("España no venderá más armas a Israel.", set()),
    ("La Armada de Estados Unidos incautó armas iraníes en el mar Arábigo.", set()),
]

RUSSIAN: list[tuple[str, set[Quad]]] = [
    ("Россия поставила Индии зенитные ракетные комплексы С-400.", {("RU", "IN", "air_defense", DELIVERED)}),
    ("Индия получила от России первые фрегаты.", {("RU", "IN", "naval", DELIVERED)}),
    ("Поставки танков из России в Индию продолжаются.", {("RU", "IN", "armored_vehicles", ONGOING)}),
    ("Индия подписала контракт с Россией на покупку фрегатов.", {("RU", "IN", "naval", AGREED)}),
    ("Россия поставит Алжиру истребители.", {("RU", "DZ", "aircraft", AGREED)}),
    ("Китай пообещал передать Пакистану подводные лодки.", {("CN", "PK", "naval", AGREED)}),
    ("Иран якобы передал России баллистические ракеты.", {("IR", "RU", "missiles", ALLEGED)}),
    (
        "По данным разведки, КНДР поставила России артиллерийские снаряды.",
        {("KP", "RU", "ammunition", ALLEGED)},
    ),
    ("По информации СМИ, Белоруссия передала России танки.", {("BY", "RU", "armored_vehicles", ALLEGED)}),
    ("Иран опроверг поставки беспилотников России.", {("IR", "RU", "drones", DENIED)}),
    ("Китай отрицает, что поставлял России оружие.", {("CN", "RU", "other", DENIED)}),
    ("Белоруссия получила от России зенитные комплексы С-400.", {("RU", "BY", "air_defense", DELIVERED)}),
    ("США одобрили продажу Польше танков Abrams.", {("US", "PL", "armored_vehicles", AGREED)}),
    ("Турция продала Украине беспилотники Bayraktar.", {("TR", "UA", "drones", AGREED)}),
    ("Германия передаст Украине еще 20 танков.", {("DE", "UA", "armored_vehicles", AGREED)}),
    ("По словам источника, КНДР отправила в Россию снаряды.", {("KP", "RU", "ammunition", ALLEGED)}),
    ("Пхеньян отрицает поставки оружия в Россию.", {("KP", "RU", "other", DENIED)}),
    # parties
    ("Москва передала Дамаску зенитные комплексы.", {("RU", "SY", "air_defense", DELIVERED)}),
    ("Минобороны России передало Сирии истребители МиГ-29.", {("RU", "SY", "aircraft", DELIVERED)}),
    ("Поставленные Россией зенитные комплексы прибыли в Сербию.", {("RU", "RS", "air_defense", DELIVERED)}),
    ("Иран поставил хуситам ракеты.", {("IR", None, "missiles", DELIVERED)}),
    ("Хезболла получила от Ирана ракеты.", {("IR", None, "missiles", DELIVERED)}),
    ("Польша передала Украине танки через Словакию.", {("PL", "UA", "armored_vehicles", DELIVERED)}),
    ("Россия передала группе Вагнера танки.", {("RU", None, "armored_vehicles", DELIVERED)}),
    # possession
    ("Азербайджан использует турецкие беспилотники.", {("TR", "AZ", "drones", DELIVERED)}),
    # non-transfers
    ("Индия использует российские истребители.", {("RU", "IN", "aircraft", DELIVERED)}),
    ("ЕС ввел эмбарго на поставки оружия в Россию.", set()),
    ("Германия приостановила поставки оружия в Турцию.", set()),
    ("Россия не поставляла Ирану истребители.", set()),
    ("Украина попросила у Германии больше танков.", set()),
    ("Индия и Россия ведут переговоры о поставке истребителей.", set()),
    ("Россия предложила Индии новые истребители.", set()),
    ("Израиль отказался поставлять Украине зенитные комплексы.", set()),
    ("Украина запросила у США дополнительные зенитные комплексы Patriot.", set()),
    ("Российские и китайские корабли провели совместные учения.", set()),
]

UKRAINIAN: list[tuple[str, set[Quad]]] = [
    ("Німеччина передала Україні зенітні установки Gepard.", {("DE", "UA", "air_defense", DELIVERED)}),
    ("Україна отримала від Франції гаубиці Caesar.", {("FR", "UA", "artillery", DELIVERED)}),
    ("Нідерланди передадуть Україні винищувачі F-16.", {("NL", "UA", "aircraft", AGREED)}),
    ("Франція пообіцяла надати Україні гаубиці.", {("FR", "UA", "artillery", AGREED)}),
    ("Іран нібито передав Росії балістичні ракети.", {("IR", "RU", "missiles", ALLEGED)}),
    ("За даними розвідки, КНДР передала Росії снаряди.", {("KP", "RU", "ammunition", ALLEGED)}),
    ("Іран заперечує, що постачав Росії дрони.", {("IR", "RU", "drones", DENIED)}),
    ("Китай спростував постачання ракет Росії.", {("CN", "RU", "missiles", DENIED)}),
    ("Литва відправила Україні міномети.", {("LT", "UA", "artillery", DELIVERED)}),
    ("Норвегія продала Україні зенітні комплекси NASAMS.", {("NO", "UA", "air_defense", AGREED)}),
    ("За інформацією ЗМІ, Іран передав Росії ракети.", {("IR", "RU", "missiles", ALLEGED)}),
    # parties
    ("Київ отримав від Берліна системи ППО.", {("DE", "UA", "air_defense", DELIVERED)}),
    ("Міністерство оборони Польщі передало Україні танки.", {("PL", "UA", "armored_vehicles", DELIVERED)}),
    ("Іран передав хуситам ракети.", {("IR", None, "missiles", DELIVERED)}),
    (
        "Сили оборони України отримали від Австралії бронемашини.",
        {("AU", "UA", "armored_vehicles", DELIVERED)},
    ),
    # possession
    ("Азербайджан використовує ізраїльські дрони.", {("IL", "AZ", "drones", DELIVERED)}),
    # non-transfers
    ("Німеччина не передавала Україні ракети Taurus.", set()),
    ("Україна попросила у Німеччини ракети Taurus.", set()),
    ("Угорщина відмовилася передавати Україні зброю.", set()),
    ("Україна та Франція провели переговори щодо постачання літаків.", set()),
    ("ЄС запровадив ембарго на постачання зброї до Росії.", set()),
    ("Словаччина призупинила постачання зброї Україні.", set()),
]

ARABIC: list[tuple[str, set[Quad]]] = [
    ("سلمت روسيا الجزائر طائرات مقاتلة.", {("RU", "DZ", "aircraft", DELIVERED)}),
    ("تسلمت مصر من فرنسا طائرات رافال.", {("FR", "EG", "aircraft", DELIVERED)}),
    ("وقعت مصر عقدا مع ألمانيا لشراء غواصات.", {("DE", "EG", "naval", AGREED)}),
    ("وافقت وزارة الخارجية الأمريكية على بيع صواريخ للسعودية.", {("US", "SA", "missiles", AGREED)}),
    ("ستزود تركيا باكستان بطائرات مسيرة.", {("TR", "PK", "drones", AGREED)}),
    ("بحسب مصادر استخباراتية، زودت إيران روسيا بصواريخ باليستية.", {("IR", "RU", "missiles", ALLEGED)}),
    ("يعتقد أن إيران أرسلت طائرات مسيرة إلى روسيا.", {("IR", "RU", "drones", ALLEGED)}),
    ("زعمت أوكرانيا أن إيران زودت روسيا بصواريخ.", {("IR", "RU", "missiles", ALLEGED)}),
    ("نفت إيران تزويد روسيا بطائرات مسيرة.", {("IR", "RU", "drones", DENIED)}),
    ("نفت الصين أنها باعت صواريخ لروسيا.", {("CN", "RU", "missiles", DENIED)}),
    ("أعلنت وزارة الدفاع الروسية أنها سلمت مصر طائرات هليكوبتر.", {("RU", "EG", "aircraft", DELIVERED)}),
    ("ذكرت تقارير أن كوريا الشمالية أرسلت قذائف مدفعية إلى روسيا.", {("KP", "RU", "ammunition", ALLEGED)}),
    ("وفق مصادر مطلعة، باعت الصين طائرات مسيرة للإمارات.", {("CN", "AE", "drones", ALLEGED)}),
    ("نفت الإمارات تزويد قوات الدعم السريع بالأسلحة.", {("AE", None, "other", DENIED)}),
    # parties
    ("زودت طهران الحوثيين بصواريخ.", {("IR", None, "missiles", DELIVERED)}),
    ("تسلم الجيش الأوكراني دبابات من ألمانيا.", {("DE", "UA", "armored_vehicles", DELIVERED)}),
    ("قدمت واشنطن لكييف أنظمة دفاع جوي.", {("US", "UA", "air_defense", DELIVERED)}),
    ("حصل حزب الله على صواريخ من إيران.", {("IR", None, "missiles", DELIVERED)}),
    ("تم تسليم الدبابات إلى أوكرانيا من قبل ألمانيا.", {("DE", "UA", "armored_vehicles", DELIVERED)}),
    ("قدمت الولايات المتحدة لإسرائيل قنابل.", {("US", "IL", "ammunition", DELIVERED)}),
    ("اشترى المغرب طائرات مسيرة من تركيا.", {("TR", "MA", "drones", AGREED)}),
    ("زودت إيران حزب الله بصواريخ.", {("IR", None, "missiles", DELIVERED)}),
    # possession
    ("تستخدم أذربيجان طائرات مسيرة تركية.", {("TR", "AZ", "drones", DELIVERED)}),
    # non-transfers
    ("فرض الاتحاد الأوروبي حظرا على توريد الأسلحة إلى روسيا.", set()),
    ("علقت ألمانيا صادرات الأسلحة إلى السعودية.", set()),
    ("لم تسلم الولايات المتحدة طائرات إف-35 إلى تركيا.", set()),
    ("طلبت أوكرانيا من ألمانيا صواريخ توروس.", set()),
    ("رفضت ألمانيا تسليم صواريخ توروس إلى أوكرانيا.", set()),
    ("تجري مصر مفاوضات مع فرنسا لشراء طائرات.", set()),
    ("عرضت روسيا على مصر طائرات مقاتلة.", set()),
    ("أجرت روسيا والصين مناورات بحرية مشتركة.", set()),
]

CASES = [
    (lang, text, expected)
    for lang, table in (("de", GERMAN), ("es", SPANISH), ("ru", RUSSIAN), ("uk", UKRAINIAN), ("ar", ARABIC))
    for text, expected in table
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_annotation_rules_hold_on_invented_sentences(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected
