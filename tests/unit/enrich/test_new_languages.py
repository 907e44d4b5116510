"""Languages added by data file alone (ro, hu, el, he, ko, zh, ja, fi, id), on invented sentences: a
delivery, a hedged claim, a denial, a negated delivery or an offer, inflected names, capitals as metonyms."""

from __future__ import annotations

import pytest

from enrich import multilingual
from enrich.language import detect_language
from enrich.tagger import Tagger
from tests.tagged import Quad, multilingual_quads, quads


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Romanian: the genitive-dative after a supply verb is the recipient, "de la"/"din" the supplier
        ("ro", "Rusia a livrat Iranului drone de atac.", {("RU", "IR", "drones", "delivered")}),
        ("ro", "Ucraina a primit din Germania obuziere.", {("DE", "UA", "artillery", "delivered")}),
        (
            "ro",
            "Polonia a cumpărat de la Coreea de Sud tancuri.",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
        ("ro", "Kievul a primit tancuri de la Berlin.", {("DE", "UA", "armored_vehicles", "delivered")}),
        ("ro", "Moscova ar fi trimis rachete în Venezuela.", {("RU", "VE", "missiles", "alleged")}),
        (
            "ro",
            "Iranul ar fi livrat drone Rusiei. Teheranul neagă acuzațiile.",
            {("IR", "RU", "drones", "denied")},
        ),
        # "de" alone is the agent of a passive; sites that write without diacritics
        (
            "ro",
            "Tancurile au fost livrate Ucrainei de Germania.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "ro",
            "Avioanele achizitionate de Romania din Norvegia au sosit.",
            {("NO", "RO", "aircraft", "delivered")},
        ),
        ("ro", "Germania nu va livra tancuri Ucrainei.", set()),
        ("ro", "Franța a oferit Poloniei avioane de luptă.", set()),
        # Hungarian: case suffixes with vowel harmony; "által" marks the agent
        ("hu", "Oroszország drónokat szállított Iránnak.", {("RU", "IR", "drones", "delivered")}),
        ("hu", "Ukrajna tarackokat kapott Németországtól.", {("DE", "UA", "artillery", "delivered")}),
        ("hu", "Izrael rakétákat küldött Azerbajdzsánba.", {("IL", "AZ", "missiles", "delivered")}),
        (
            "hu",
            "Az USA által szállított vadászgépek megérkeztek Romániába.",
            {("US", "RO", "aircraft", "delivered")},
        ),
        (
            "hu",
            "Kijev megkapta az első harckocsikat Berlintől.",
            {("DE", "UA", "armored_vehicles", "delivered")},
        ),
        (
            "hu",
            "A hírszerzés szerint Irán rakétákat küldött Oroszországba.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        (
            "hu",
            "Irán állítólag drónokat szállított Oroszországnak. Teherán cáfolta a vádakat.",
            {("IR", "RU", "drones", "denied")},
        ),
        ("hu", "Németország nem szállít harckocsikat Ukrajnának.", set()),
        # letting shipments through is transit, no transfer
        ("hu", "Szlovákia nem engedi át a Lengyelországnak szánt fegyverszállítmányokat.", set()),
        ("hu", "Franciaország vadászgépeket ajánlott fel Lengyelországnak.", set()),
        # Greek: "σε" fused with the article names the recipient, "από" the supplier
        ("el", "Η Ρωσία παρέδωσε drones στο Ιράν.", {("RU", "IR", "drones", "delivered")}),
        ("el", "Η Ελλάδα παρέλαβε μαχητικά από τη Γαλλία.", {("FR", "GR", "aircraft", "delivered")}),
        ("el", "Η Μόσχα πούλησε υποβρύχια στην Ινδία.", {("RU", "IN", "naval", "agreed")}),
        (
            "el",
            "Η Άγκυρα φέρεται να έχει στείλει drones στο Αζερμπαϊτζάν.",
            {("TR", "AZ", "drones", "alleged")},
        ),
        (
            "el",
            "Το Ιράν φέρεται να έστειλε drones στη Ρωσία. Η Τεχεράνη διαψεύδει τις κατηγορίες.",
            {("IR", "RU", "drones", "denied")},
        ),
        # a relative clause inside the transfer; the perfect is a delivery
        (
            "el",
            "Η Βόρεια Κορέα έχει στείλει κιβώτια που μεταφέρουν οβίδες στη Ρωσία.",
            {("KP", "RU", "ammunition", "delivered")},
        ),
        ("el", "Η Γερμανία δεν θα παραδώσει άρματα μάχης στην Ουκρανία.", set()),
        ("el", "Η Γαλλία πρόσφερε φρεγάτες στην Ελλάδα.", set()),
        # Hebrew: ל/מ written onto the name, acronyms with gershayim
        ("he", 'רוסיה סיפקה לאיראן מל"טים.', {("RU", "IR", "drones", "delivered")}),
        ("he", "פולין רכשה טנקים מדרום קוריאה.", {("KR", "PL", "armored_vehicles", "delivered")}),
        ("he", "הקרמלין העביר מערכות הגנה אווירית לסוריה.", {("RU", "SY", "air_defense", "delivered")}),
        ("he", 'ארה"ב אישרה מכירת מטוסי קרב לאיחוד האמירויות.', {("US", "AE", "aircraft", "agreed")}),
        (
            "he",
            "לפי גורמי מודיעין, צפון קוריאה שלחה פגזים לרוסיה.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "he",
            "איראן העבירה לכאורה רחפנים לרוסיה. טהרן הכחישה את הדיווח.",
            {("IR", "RU", "drones", "denied")},
        ),
        ("he", "גרמניה לא תספק טנקים לאוקראינה.", set()),
        ("he", "צרפת הציעה ליוון צוללות.", set()),
        # Korean: particles on the name (이/가 subject, 에 to, 로부터 from, 산 maker), tense inside the verb
        ("ko", "러시아가 이란에 전투기를 공급했다.", {("RU", "IR", "aircraft", "delivered")}),
        ("ko", "포탄을 북한이 러시아에 보냈다.", {("KP", "RU", "ammunition", "delivered")}),
        ("ko", "러시아는 북한으로부터 포탄을 공급받았다.", {("KP", "RU", "ammunition", "delivered")}),
        (
            "ko",
            "폴란드는 한국으로부터 K2 전차를 도입할 예정이다.",
            {("KR", "PL", "armored_vehicles", "agreed")},
        ),
        ("ko", "이집트는 한국산 자주포를 구매했다.", {("KR", "EG", "artillery", "delivered")}),
        ("ko", "모스크바는 평양에 방공 시스템을 넘겼다.", {("RU", "KP", "air_defense", "delivered")}),
        (
            "ko",
            "국정원에 따르면 북한은 러시아에 포탄을 보냈다.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        ("ko", "북한은 러시아에 무기를 제공했다는 의혹을 부인했다.", {("KP", "RU", "other", "denied")}),
        ("ko", "한국은 우크라이나에 살상무기를 지원하지 않는다.", set()),
        ("ko", "우크라이나는 한국에 무기 지원을 요청했다.", set()),
        # Chinese: cut into the file's words; 向 before the recipient, 从 before the supplier, 制 the maker
        ("zh", "俄罗斯向伊朗交付了无人机。", {("RU", "IR", "drones", "delivered")}),
        ("zh", "波兰从韩国购买了K2坦克。", {("KR", "PL", "armored_vehicles", "agreed")}),
        ("zh", "美国批准了对台军售，包括导弹。", {("US", "TW", "missiles", "agreed")}),
        ("zh", "美國將向臺灣出售愛國者防空系統。", {("US", "TW", "air_defense", "agreed")}),
        ("zh", "莫斯科向平壤移交了防空系统。", {("RU", "KP", "air_defense", "delivered")}),
        ("zh", "俄制S-400防空系统已运抵土耳其。", {("RU", "TR", "air_defense", "delivered")}),
        ("zh", "美国称伊朗向俄罗斯提供了导弹。", {("IR", "RU", "missiles", "alleged")}),
        ("zh", "据报道，朝鲜已向俄罗斯运送了炮弹。", {("KP", "RU", "ammunition", "alleged")}),
        ("zh", "伊朗否认向俄罗斯提供无人机。", {("IR", "RU", "drones", "denied")}),
        # Taiwan as 台 after a preposition; a reporting verb opens the clause it reports; 无端指责 denies
        ("zh", "美国批准对台军售，包括导弹。", {("US", "TW", "missiles", "agreed")}),
        (
            "zh",
            "情报显示伊朗已向俄罗斯提供火药。伊朗外交部反对无端指责。",
            {("IR", "RU", "ammunition", "denied")},
        ),
        ("zh", "台风过后，平台上的坦克被运走。", set()),
        ("zh", "德国不会向乌克兰提供坦克。", set()),
        ("zh", "乌克兰请求德国提供防空系统。", set()),
        # Japanese: particles after the name (は subject, に to, から from), the verb and its tense one word
        ("ja", "ロシアはイランに無人機を供与した。", {("RU", "IR", "drones", "delivered")}),
        ("ja", "ポーランドは韓国から戦車を購入した。", {("KR", "PL", "armored_vehicles", "agreed")}),
        ("ja", "モスクワは平壌に防空システムを引き渡した。", {("RU", "KP", "air_defense", "delivered")}),
        ("ja", "米国は台湾へのミサイル売却を承認した。", {("US", "TW", "missiles", "agreed")}),
        # the particle after the state's government counts ("米政府によると": a source, no party)
        ("ja", "米政府によると、北朝鮮はロシアに砲弾を送った。", {("KP", "RU", "ammunition", "alleged")}),
        ("ja", "イランはロシアへの無人機供与を否定した。", {("IR", "RU", "drones", "denied")}),
        # "との" (with) names the other side of a war; an intelligence agency's finding is alleged
        (
            "ja",
            "国家情報院は、北朝鮮がウクライナとの戦闘が続くロシアに自走砲を輸出したと明らかにした。",
            {("KP", "RU", "artillery", "alleged")},
        ),
        ("ja", "ドイツはウクライナに戦車を供与しない方針だ。", set()),
        ("ja", "ウクライナはドイツに防空システムの供与を要請した。", set()),
        # Finnish: allative/illative to, ablative/elative from, with vowel harmony; stems that change
        ("fi", "Venäjä toimitti Iranille lennokkeja.", {("RU", "IR", "drones", "delivered")}),
        ("fi", "Ruotsi on toimittanut Ukrainaan haupitseja.", {("SE", "UA", "artillery", "delivered")}),
        ("fi", "Suomi ostaa Yhdysvalloilta hävittäjiä.", {("US", "FI", "aircraft", "agreed")}),
        (
            "fi",
            "Moskova luovutti Syyrialle ilmatorjuntajärjestelmiä.",
            {("RU", "SY", "air_defense", "delivered")},
        ),
        ("fi", "Turkki myi Puolalle lennokkeja.", {("TR", "PL", "drones", "agreed")}),
        (
            "fi",
            "Yhdysvaltojen mukaan Iran olisi toimittanut Venäjälle ohjuksia.",
            {("IR", "RU", "missiles", "alleged")},
        ),
        ("fi", "Iran kiisti toimittaneensa ohjuksia Venäjälle.", {("IR", "RU", "missiles", "denied")}),
        ("fi", "Saksa ei toimita taistelupanssarivaunuja Ukrainaan.", set()),
        ("fi", "Ukraina pyysi Saksalta ilmatorjuntaa.", set()),
        # Indonesian: ke/kepada to, dari from, oleh the agent of a di- passive, buatan the maker
        ("id", "Rusia mengirim drone ke Iran.", {("RU", "IR", "drones", "delivered")}),
        ("id", "Rusia akan mengirim jet tempur ke Iran.", {("RU", "IR", "aircraft", "agreed")}),
        ("id", "Drone buatan Turki telah diterima oleh Ukraina.", {("TR", "UA", "drones", "delivered")}),
        (
            "id",
            "Indonesia menandatangani kontrak pembelian jet tempur dari Prancis.",
            {("FR", "ID", "aircraft", "agreed")},
        ),
        (
            "id",
            "Moskow memasok sistem pertahanan udara ke Suriah.",
            {("RU", "SY", "air_defense", "delivered")},
        ),
        (
            "id",
            "Menurut intelijen Korea Selatan, Korea Utara telah mengirim peluru artileri ke Rusia.",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        ("id", "Teheran membantah telah mengirim rudal ke Rusia.", {("IR", "RU", "missiles", "denied")}),
        ("id", "Jerman tidak akan mengirim tank ke Ukraina.", set()),
        ("id", "Ukraina meminta Jerman mengirim tank.", set()),
        # "dapat" (could) is no transfer; an anti-tank rocket is no tank
        ("id", "Rusia dapat membeli rudal dari Iran.", set()),
        ("id", "Iran telah mengirim roket anti-tank ke Sudan.", {("IR", "SD", "missiles", "delivered")}),
    ],
)
def test_new_language_transfers(lang: str, text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        ("ro", "Delegațiile Ucrainei și Statelor Unite s-au întâlnit la Chișinău.", {"UA", "US", "MD"}),
        ("hu", "Tárgyalások Lengyelországban és Kínában.", {"PL", "CN"}),
        ("el", "Η κυβέρνηση της Τουρκίας και των ΗΠΑ.", {"TR", "US"}),
        # a name before "war" names the war; "에서" is "in"
        ("ko", "러시아-우크라이나 전쟁 중 모스크바에서 회담이 열렸다.", {"RU", "UA"}),
        # a script without capitals: names need no capital letter to count
        ("he", "שיחות בין ישראל למצרים בקהיר.", {"IL", "EG"}),
    ],
)
def test_new_language_states(lang: str, text: str, codes: set[str]) -> None:
    assert {state.code for state in multilingual.tag(text, lang).states} == codes


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Coreea de Nord a furnizat Rusiei obuze de artilerie, potrivit serviciilor de informații.",
            "ro",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Észak-Korea tüzérségi lőszert szállított Oroszországnak a dél-koreai hírszerzés szerint.",
            "hu",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Σύμφωνα με τις μυστικές υπηρεσίες, η Βόρεια Κορέα έστειλε πυρομαχικά στη Ρωσία.",
            "el",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "לפי גורמי מודיעין במערב, צפון קוריאה שלחה פגזים רבים לרוסיה בחודשים האחרונים.",
            "he",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "국가정보원에 따르면 북한은 지난해부터 러시아에 포탄 수백만 발을 보냈다.",
            "ko",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "据韩国情报机构称，朝鲜自去年八月以来已向俄罗斯运送了数百万发炮弹，用于乌克兰战场。",
            "zh",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "韓国の情報機関によると、北朝鮮は昨年8月以降、ロシアに数百万発の砲弾を送った。",
            "ja",
            {("KP", "RU", "ammunition", "alleged")},
        ),
        (
            "Tiedustelun mukaan Pohjois-Korea on lähettänyt Venäjälle miljoonia tykistön ammuksia.",
            "fi",
            {("KP", "RU", "ammunition", "alleged")},
        ),
    ],
)
def test_new_languages_are_detected_and_routed(
    tagger: Tagger, text: str, lang: str, expected: set[Quad]
) -> None:
    assert detect_language(text) == lang
    assert quads(tagger, text) == expected


def test_a_text_without_spaces_is_cut_into_the_longest_known_words() -> None:
    lexicon = multilingual.Lexicon(
        frozenset({"俄罗斯", "向", "伊朗", "交付", "无人机", "防空", "防空系统"}), 4
    )
    assert lexicon.cut("俄罗斯向伊朗交付了无人机") == ["俄罗斯", "向", "伊朗", "交付", "了", "无人机"]
    # letters and digits between the runs stay whole, the longest entry wins, unknown characters stay together
    assert lexicon.cut("交付F16和防空系统") == ["交付", "F16", "和", "防空系统"]
    assert lexicon.cut("向伊朗交付数百万发无人机") == ["向", "伊朗", "交付", "数百万发", "无人机"]
    # sentences end at a full-width stop without a space after it
    split = multilingual.sentences("俄罗斯交付了。伊朗否认。", lexicon)
    assert [sentence.text for sentence in split] == ["俄罗斯交付了。", "伊朗否认。"]
    assert [sentence.start for sentence in split] == [0, 7]
