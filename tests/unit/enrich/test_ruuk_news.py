"""What Russian and Ukrainian news does that the multilingual path had missed, as invented sentences: the
accused of an accusation supplies, two weapon words side by side name one weapon, a variant's letters after a
system's number, a state denying by saying it did not supply, the hedges, denials, talks and aspect forms of
news copy, "the Ukrainian side", the lower-case "росія" of Ukrainian outlets, and Latin look-alike letters in
Cyrillic words."""

from __future__ import annotations

import pytest

from tests.tagged import Quad, multilingual_quads

DELIVERED, ONGOING, AGREED, ALLEGED, DENIED = "delivered", "ongoing", "agreed", "alleged", "denied"

RUSSIAN: list[tuple[str, set[Quad]]] = [
    # whom an accusation names (the accusative object) supplies; the accuser is a source
    ("Литва обвиняет Белоруссию в поставках беспилотников России.", {("BY", "RU", "drones", ALLEGED)}),
    ("Япония обвинила Китай в передаче ракет Ирану.", {("CN", "IR", "missiles", ALLEGED)}),
    # two weapon words side by side: one weapon, of the more specific kind
    ("Болгария передала Грузии артиллерийские снаряды.", {("BG", "GE", "ammunition", DELIVERED)}),
    ("Франция передала Индии зенитные ракетные комплексы.", {("FR", "IN", "air_defense", DELIVERED)}),
    ("Турция продала Пакистану ракетные катера.", {("TR", "PK", "naval", AGREED)}),
    ("Китай поставил Мьянме артиллерийские ракетные установки.", {("CN", "MM", "artillery", DELIVERED)}),
    # a variant's letters after the number: the system, and its maker
    ("Россия поставила Вьетнаму истребители Су-30МК2.", {("RU", "VN", "aircraft", DELIVERED)}),
    ("Россия и Индонезия подписали контракт на поставку Су-35С.", {("RU", "ID", "aircraft", AGREED)}),
    # hedges of news copy
    (
        "Газета, ссылаясь на источники, пишет, что Египет купил у Китая беспилотники.",
        {("CN", "EG", "drones", ALLEGED)},
    ),
    (
        "Сообщалось, что Алжир получил от России подводные лодки, однако эта информация не была "
        "подтверждена.",
        {("RU", "DZ", "naval", ALLEGED)},
    ),
    (
        "Египет купил у России истребители, однако Каир официально не подтверждал сделку.",
        {("RU", "EG", "aircraft", ALLEGED)},
    ),
    # Latin look-alike letters inside Cyrillic words (a Latin "a" in "постaвил")
    ("Китай постaвил Ирану ракеты.", {("CN", "IR", "missiles", DELIVERED)}),
    # denials
    (
        "Сирия якобы получила ракеты от Ирана. В Тегеране заявили, что эти сообщения не имеют под собой "
        "никаких оснований.",
        {("IR", "SY", "missiles", DENIED)},
    ),
    (
        "СМИ сообщили, что Пакистан якобы передал Китаю беспилотники. В Исламабаде заявили, что Пакистан не "
        "передавал Китаю беспилотники.",
        {("PK", "CN", "drones", DENIED)},
    ),
    # aspect and phase: resumed deliveries are under way; "успела поставить" delivered
    ("Россия возобновила поставки вертолетов Индии.", {("RU", "IN", "aircraft", ONGOING)}),
    ("Россия возобновит поставки вертолетов Индии.", {("RU", "IN", "aircraft", AGREED)}),
    (
        "Рособоронэкспорт рассказал о ходе поставок зенитных систем С-400 в Турцию.",
        {("RU", "TR", "air_defense", ONGOING)},
    ),
    (
        "До начала войны Украина успела поставить Таиланду двадцать танков.",
        {("UA", "TH", "armored_vehicles", DELIVERED)},
    ),
    # talks, working out a deal, an invitation to a tender: no transfer
    ("Индия и Франция обсуждают поставку истребителей.", set()),
    ("Россия прорабатывает с Ираком контракт на поставку танков.", set()),
    ("Вопрос о закупке Египтом российских вертолетов практически решен.", set()),
    ("Марокко направило Франции приглашение участвовать в тендере на поставку корветов.", set()),
    # a time phrase between the verb and its bare object
    ("Россия передала на прошлой неделе Мали четыре вертолета.", {("RU", "ML", "aircraft", DELIVERED)}),
    ("Россия передала на прошлой неделе Сербии вертолеты.", {("RU", "RS", "aircraft", DELIVERED)}),
    # the long form of a state's name; "the Egyptian side" is the state
    ("Чешская Республика передала Украине гаубицы.", {("CZ", "UA", "artillery", DELIVERED)}),
    ("Египетская сторона получила от России вертолеты.", {("RU", "EG", "aircraft", DELIVERED)}),
]

UKRAINIAN: list[tuple[str, set[Quad]]] = [
    ("Литва звинувачує Білорусь у постачанні безпілотників Росії.", {("BY", "RU", "drones", ALLEGED)}),
    ("Словаччина передала Україні артилерійські снаряди.", {("SK", "UA", "ammunition", DELIVERED)}),
    ("Норвегія передала Україні зенітні ракетні комплекси.", {("NO", "UA", "air_defense", DELIVERED)}),
    # the lower-case name of Ukrainian outlets
    ("Білорусь передала росії танки.", {("BY", "RU", "armored_vehicles", DELIVERED)}),
    ("Іран постачає рф ракети.", {("IR", "RU", "missiles", ONGOING)}),
    ("Чеська Республіка передала Україні гаубиці.", {("CZ", "UA", "artillery", DELIVERED)}),
    ("Канада передала українській стороні бронемашини.", {("CA", "UA", "armored_vehicles", DELIVERED)}),
    # aspect and phase
    ("Словенія одержала від Німеччини танки.", {("DE", "SI", "armored_vehicles", DELIVERED)}),
    ("Туреччина вже почала постачання безпілотників до Польщі.", {("TR", "PL", "drones", ONGOING)}),
    (
        "Україна відновила постачання бронетранспортерів до Таїланду.",
        {("UA", "TH", "armored_vehicles", ONGOING)},
    ),
    ("Франція розповіла про хід постачання гаубиць до України.", {("FR", "UA", "artillery", ONGOING)}),
    (
        "Чехія спромоглася передати Україні кілька десятків танків.",
        {("CZ", "UA", "armored_vehicles", DELIVERED)},
    ),
    # hedges
    (
        "Видання, посилаючись на джерела, повідомляє, що Норвегія передала Україні гаубиці.",
        {("NO", "UA", "artillery", ALLEGED)},
    ),
    (
        "Фінляндія передала Україні гаубиці. Про це повідомляє агентство з посиланням на два джерела у "
        "міністерстві оборони.",
        {("FI", "UA", "artillery", ALLEGED)},
    ),
    (
        "Повідомлялося, що Греція отримала від Ізраїлю ракети, але ця інформація не була підтверджена.",
        {("IL", "GR", "missiles", ALLEGED)},
    ),
    (
        "Нідерланди передали Україні винищувачі, але Київ офіційно не підтвердив цього.",
        {("NL", "UA", "aircraft", ALLEGED)},
    ),
    ("Білорусь передaла Росії танки.", {("BY", "RU", "armored_vehicles", DELIVERED)}),
    # denials
    (
        "ЗМІ писали, що Вірменія нібито передала Ірану дрони. В Єревані заявили, що Вірменія не передавала "
        "Ірану дронів.",
        {("AM", "IR", "drones", DENIED)},
    ),
    (
        "Угорщина нібито передала Сербії танки. В Угорщині назвали це повідомлення фейком.",
        {("HU", "RS", "armored_vehicles", DENIED)},
    ),
    # talks and invitations: no transfer
    ("Румунія та Україна обговорюють постачання гелікоптерів.", set()),
    ("Дискусія про передачу Молдові бронемашин з Румунії триває.", set()),
]


@pytest.mark.parametrize(("text", "expected"), RUSSIAN)
def test_ruuk_news_russian(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "ru") == expected


@pytest.mark.parametrize(("text", "expected"), UKRAINIAN)
def test_ruuk_news_ukrainian(text: str, expected: set[Quad]) -> None:
    assert multilingual_quads(text, "uk") == expected
