"""Russian parties read from a dependency parse (enrich/syntax.py, slovnet's model from natasha's wheel):
a name the word lists take for the subject of a transfer is dropped where the parse makes it the subject
of a predicate that governs no transfer word. Sentences are invented."""

from __future__ import annotations

import pytest

from enrich import syntax
from tests.tagged import multilingual_quads


def pairs(text: str) -> set[tuple[str | None, str | None]]:
    return {(quad[0], quad[1]) for quad in multilingual_quads(text, "ru")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the state that criticises, follows, has data on or worries about a transfer of others is no party
        # to it (the word lists took the first bare name for the subject of the participle or noun)
        ("Франция критикует полученные Сербией из Китая ракеты.", {("CN", "RS")}),
        ("Литва осуждает поставленные Белоруссией России боеприпасы.", {("BY", "RU")}),
        ("Сингапур интересуется закупленными Малайзией у Южной Кореи истребителями.", {("KR", "MY")}),
        ("Австралия следит за поставками Китаем Вануату патрульных катеров.", {("CN", "VU")}),
        ("Индонезия недовольна переданными Китаем Вьетнаму катерами.", {("CN", "VN")}),
        ("Япония располагает данными о переданных Ираном Судану беспилотниках.", {("IR", "SD")}),
        ("Канада обеспокоена продажей Турцией Пакистану корветов.", {("TR", "PK")}),
        ("Норвегия изучает сведения о поставленных Китаем Ирану ракетах.", {("CN", "IR")}),
        ("Правительство Японии обеспокоено передачей Китаем Камбодже патрульных катеров.", {("CN", "KH")}),
        ("Индия располагает сведениями о полученных Пакистаном от Китая беспилотниках.", {("CN", "PK")}),
    ],
)
def test_ru_syntax_subject_of_another_predicate_is_no_party(
    text: str, expected: set[tuple[str, str]]
) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject stays where the transfer word is its verb's noun or shares its subject
        ("Бразилия начала закупки у Швеции истребителей Gripen.", {("SE", "BR")}),
        ("Египет продолжает закупки у Франции истребителей Rafale.", {("FR", "EG")}),
        ("Чили намерено приобрести у Израиля беспилотники.", {("IL", "CL")}),
        ("Эквадор признал, что закупил у Китая радары.", {("CN", "EC")}),
        ("Марокко стало крупнейшим покупателем израильских беспилотников.", {("IL", "MA")}),
        ("Вьетнам закупил у Индии ракеты BrahMos, сообщило министерство обороны Индонезии.", {("IN", "VN")}),
    ],
)
def test_ru_syntax_subject_of_the_transfer_stays(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(text) == expected


# A hand-written parse of "A knows of B's supplies" (UD relations, as any language's parser gives them):
# 0 A <-nsubj- 1 knows; 2 of <-case- 3 supplies -obl-> 1; 4 B <-nmod- 3
KNOWS = (
    syntax.Arc(1, "nsubj"),
    syntax.Arc(-1, "root"),
    syntax.Arc(3, "case"),
    syntax.Arc(1, "obl"),
    syntax.Arc(3, "nmod"),
)
# "A began supplies": 0 A <-nsubj- 1 began; 2 supplies -obj-> 1
BEGAN = (syntax.Arc(1, "nsubj"), syntax.Arc(-1, "root"), syntax.Arc(1, "obj"))


@pytest.mark.parametrize(
    ("parse", "party", "cue", "governed"),
    [(KNOWS, 0, 3, False), (BEGAN, 0, 2, True), (BEGAN, 0, 1, True)],
)
def test_ru_syntax_governs_in_universal_dependencies(
    parse: syntax.Parse, party: int, cue: int, governed: bool
) -> None:
    predicate = syntax.subject_of(parse, party, party + 1)
    assert predicate == 1
    assert syntax.governs(parse, predicate, cue) is governed


def test_ru_syntax_only_languages_with_a_shipped_parser() -> None:
    assert syntax.subject_of(KNOWS, 4, 5) is None  # B is no subject
    assert syntax.parser("de") is None
    assert syntax.parser("ru") is not None
