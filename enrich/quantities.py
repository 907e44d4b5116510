"""How many weapons a transfer moves and what it is worth, read from its evidence sentence. Pure, no I/O.

Numbers are found in digits in any script, with the language's decimal and group separators (Babel/CLDR)
and scale words ("2.5 billion", « 1,2 milliard », "3 млрд"), spelled out where text2num knows the
language ("twelve", « deux cents »), and as orders of magnitude ("dozens", « des centaines »). Per-language
words live in ``data/quantities.yaml``.

A number is the transfer's quantity when it counts the weapon: it stands before the weapon's words with
at most ``MAX_GAP`` words between them, none of which ends the phrase (punctuation, "and", a preposition)
or counts something else ("two batches of shells"). Numbers that are part of a name ("Su-35", "Leopard 2",
the weapon's own words), a measure ("155 mm", "30 years", "20 %"), a date, a year, an ordinal or an
amount of money never are. The value is the amount of money nearest to the weapon.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.numbers import get_decimal_symbol
from text_to_num import find_numbers

from armswatch.schema import Money, Quantity, TransferMention

# Words allowed between a number and the weapon it counts ("12 advanced Rafale jets").
MAX_GAP = 3
# Languages text2num reads spelled-out numbers in.
SPELLED_LANGUAGES = frozenset({"en", "fr", "es", "de", "pt", "it", "nl", "da"})
# Below this, a lone spelled number is an article more often than a count (« un avion », "one of").
SPELLED_THRESHOLD = 2
# Four-digit numbers in this range are read as years ("in 2024 ..."), unless the weapon follows at once.
YEARS = range(1900, 2100)
SPACE_GROUPS = "\u00a0\u202f "
GLUED = "\x00"  # marks a phrase's token written onto the one before it
# Characters a number may touch without being part of a name or a measure.
OPENING = "([{\"'«“‘„"
CLOSING = ")]}\"'»”’,.;:!?…"
TOKENS = re.compile(
    r"(?P<number>\d+(?:[.,'’٫٬]\d+)*)"
    r"|(?P<word>[^\W\d_]+['’]?)"  # elisions keep their apostrophe: « d'euros »
    r"|(?P<symbol>\S)"
)


@dataclass(frozen=True)
class _Token:
    text: str
    lower: str
    kind: str  # number, word or symbol
    start: int
    end: int
    glued: bool  # no space before it


@dataclass(frozen=True)
class _Number:
    first: int  # token indexes, inclusive
    last: int
    value: float
    approximate: bool = False
    ordinal: bool = False


class _Words:
    """Lower-case words and phrases, some of them stems ("миллиард*")."""

    def __init__(self, entries: Iterable[str]) -> None:
        phrases = [_phrase(entry) for entry in entries]
        self.exact = {phrase for phrase in phrases if not phrase[-1].endswith("*")}
        self.stems = [phrase for phrase in phrases if phrase[-1].endswith("*")]
        # Every token is tried as the start and the end of a phrase: only the phrases whose first (last)
        # word it can be are matched, the stems among them always.
        self.by_first: dict[str, list[tuple[str, ...]]] = {}
        self.by_last: dict[str, list[tuple[str, ...]]] = {}
        for phrase in (*self.exact, *self.stems):
            self.by_first.setdefault(_indexed(phrase[0]), []).append(phrase)
            self.by_last.setdefault(_indexed(phrase[-1].removeprefix(GLUED)), []).append(phrase)

    def ending_at(self, tokens: Sequence[_Token], end: int) -> int | None:
        """Where the longest phrase that ends just before token ``end`` starts."""
        if end < 1:
            return None
        starts = [
            end - len(phrase)
            for phrase in _candidates(self.by_last, tokens[end - 1].lower)
            if end - len(phrase) >= 0 and _matches(phrase, tokens[end - len(phrase) : end])
        ]
        return min(starts, default=None)

    def starting_at(self, tokens: Sequence[_Token], start: int) -> int | None:
        """Where the longest phrase that starts at token ``start`` ends (exclusive)."""
        if start >= len(tokens):
            return None
        ends = [
            start + len(phrase)
            for phrase in _candidates(self.by_first, tokens[start].lower)
            if _matches(phrase, tokens[start : start + len(phrase)])
        ]
        return max(ends, default=None)

    def __contains__(self, word: str) -> bool:
        return (word,) in self.exact or any(len(s) == 1 and word.startswith(s[0][:-1]) for s in self.stems)


def _indexed(word: str) -> str:
    """The key of a phrase's word in ``_Words``' indexes: the word, or "*" for any stem."""
    return "*" if word.endswith("*") else word


def _candidates(index: dict[str, list[tuple[str, ...]]], lower: str) -> list[tuple[str, ...]]:
    return [*index.get(lower, ()), *index.get("*", ())]


def _phrase(entry: str) -> tuple[str, ...]:
    """An entry as the lower-case tokens it is matched on; a token written onto the one before is marked."""
    stem = entry.endswith("*") and len(entry) > 1
    tokens = tokenize(entry[:-1] if stem else entry)
    words = tuple(GLUED + token.lower if token.glued and i else token.lower for i, token in enumerate(tokens))
    return (*words[:-1], words[-1] + "*") if stem else words


def _matches(phrase: tuple[str, ...], tokens: Sequence[_Token]) -> bool:
    if len(tokens) != len(phrase):
        return False
    for token, wanted in zip(tokens, phrase, strict=True):
        # A word written onto the one before in the entry ("US$") must be so in the text.
        if wanted.startswith(GLUED) and not token.glued:
            return False
        word = wanted.removeprefix(GLUED)
        if not (token.lower.startswith(word[:-1]) if word.endswith("*") else token.lower == word):
            return False
    return True


class _Table:
    """Words and phrases mapped to a value (scales, currencies), some of them stems."""

    def __init__(self, entries: dict[str, Any]) -> None:
        self.values = {_phrase(key): value for key, value in entries.items()}
        self.words = _Words(entries)

    def starting_at(self, tokens: Sequence[_Token], start: int) -> tuple[int, Any] | None:
        """(end, value) of the longest entry at token ``start``."""
        end = self.words.starting_at(tokens, start)
        if end is None:
            return None
        for key, value in self.values.items():
            if _matches(key, tokens[start:end]):
                return end, value
        return None

    def ending_at(self, tokens: Sequence[_Token], end: int) -> tuple[int, Any] | None:
        start = self.words.ending_at(tokens, end)
        if start is None:
            return None
        return (start, found[1]) if (found := self.starting_at(tokens, start)) else None


@dataclass(frozen=True)
class Language:
    """Everything the reader needs about one language."""

    code: str
    decimal: str
    space_groups: bool
    scales: _Table
    vague: _Table
    money_scales: _Table
    currencies: _Table  # words and symbols after a number
    currency_before: _Table  # symbols and codes before a number
    approximate_before: _Words
    approximate_after: _Words
    links: _Words
    articles: _Words
    breakers: _Words
    containers: _Words
    units: _Words
    months: _Words
    proclitics: frozenset[str]


@cache
def language(code: str) -> Language:
    """The tables of one language (any code: unknown languages get digits, symbols and codes only)."""
    data = yaml.safe_load(
        (resources.files("enrich") / "data" / "quantities.yaml").read_text(encoding="utf-8")
    )
    common, own = data["common"], data["languages"].get(code, {})
    try:
        locale: Locale | None = Locale.parse(code)
        decimal = get_decimal_symbol(code)
    except (UnknownLocaleError, ValueError):
        locale, decimal = None, "."
    months: set[str] = set()
    if locale is not None:
        for context in ("format", "stand-alone"):
            months |= {name.lower() for name in locale.months[context]["wide"].values()}
    symbols = {**common["currency_symbols"], **{code.lower(): code for code in common["currency_codes"]}}
    return Language(
        code=code,
        decimal=decimal if decimal in ",." else ".",
        space_groups=locale is not None and locale.number_symbols["latn"]["group"] in SPACE_GROUPS,
        scales=_Table(own.get("scales", {})),
        vague=_Table(own.get("vague", {})),
        money_scales=_Table({**common["money_scales"], **own.get("scales", {})}),
        currencies=_Table({**symbols, **own.get("currencies", {})}),
        currency_before=_Table(symbols),
        approximate_before=_Words([*common["approximate_before"], *own.get("approximate_before", [])]),
        approximate_after=_Words([*common["approximate_after"], *own.get("approximate_after", [])]),
        links=_Words(own.get("links", [])),
        articles=_Words(own.get("articles", [])),
        breakers=_Words(own.get("breakers", [])),
        containers=_Words(own.get("containers", [])),
        units=_Words(own.get("units", [])),
        months=_Words(months),
        proclitics=frozenset(own.get("proclitics", [])),
    )


def tokenize(text: str) -> list[_Token]:
    tokens = []
    for found in TOKENS.finditer(text):
        kind = found.lastgroup or "symbol"
        start = found.start()
        glued = start > 0 and not text[start - 1].isspace()
        lower = found.group().lower().replace("’", "'")
        tokens.append(_Token(found.group(), lower, kind, start, found.end(), glued))
    return _join_space_groups(text, tokens)


def _join_space_groups(text: str, tokens: list[_Token]) -> list[_Token]:
    """« 3 500 chars » is one number where spaces group digits; the language decides later."""
    joined: list[_Token] = []
    for token in tokens:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind == token.kind == "number"
            and not token.glued
            and len(token.text) == 3
            and text[previous.end : token.start] in SPACE_GROUPS
            and re.fullmatch(r"\d{1,3}(?:[\u00a0\u202f ]\d{3})*", previous.text)
        ):
            merged = text[previous.start : token.end]
            joined[-1] = _Token(merged, merged, "number", previous.start, token.end, previous.glued)
            continue
        joined.append(token)
    return joined


def parse_digits(text: str, lang: Language) -> float | None:
    """The value of a number written in digits (any script), by the language's separators; None when
    its groups are not those of a number ("1.2.3")."""
    digits = "".join(str(unicodedata.digit(char)) if char.isdigit() else char for char in text)
    if any(space in digits for space in SPACE_GROUPS):
        if not lang.space_groups:
            return None
        digits = re.sub(f"[{SPACE_GROUPS}]", "", digits)
    parts = re.split(r"([.,'’٫٬])", digits)
    numbers, separators = parts[::2], parts[1::2]
    if not separators:
        return float(digits)
    last = separators[-1]
    decimal_marks = {lang.decimal, "٫"}
    # A last group that is not three digits long, or the language's decimal mark used once, is a fraction.
    is_fraction = last not in "'’٬" and (
        len(numbers[-1]) != 3 or (last in decimal_marks and separators.count(last) == 1)
    )
    groups, fraction = (numbers[:-1], numbers[-1]) if is_fraction else (numbers, "")
    group_separators = separators[:-1] if is_fraction else separators
    if len(set(group_separators)) > 1 or any(len(group) != 3 for group in groups[1:]):
        return None
    if group_separators and not 1 <= len(groups[0]) <= 3:
        return None
    return float("".join(groups) + ("." + fraction if fraction else ""))


class _SpelledToken:
    """A token as text2num's ``find_numbers`` reads it; tokens already read are not number parts."""

    def __init__(self, token: _Token, taken: bool) -> None:
        self.token = token
        self.taken = taken

    def text(self) -> str:
        return self.token.text

    def nt_separated(self, previous: _SpelledToken) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return self.taken


def numbers(tokens: Sequence[_Token], lang: Language) -> list[_Number]:
    """Every number of the sentence, in order, with its scale and whether it is stated loosely."""
    spelled: dict[int, _Number] = {}
    if lang.code in SPELLED_LANGUAGES:
        readable = [_SpelledToken(token, token.kind == "number") for token in tokens]
        for occurrence in find_numbers(readable, lang.code, SPELLED_THRESHOLD):
            spelled[occurrence.start] = _Number(
                occurrence.start, occurrence.end - 1, occurrence.value, ordinal=occurrence.is_ordinal
            )
    found = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        vague = lang.vague.starting_at(tokens, index) if token.kind == "word" else None
        number: _Number | None = None
        if token.kind == "number" and (value := parse_digits(token.text, lang)) is not None:
            number = _scaled(tokens, _Number(index, index, value), lang.scales)
        elif vague is not None and (index not in spelled or spelled[index].last < vague[0]):
            # text2num reads "hundreds" as 100: an order of magnitude, so approximate.
            number = _orders_of_magnitude(tokens, _Number(index, vague[0] - 1, float(vague[1]), True), lang)
        elif index in spelled:
            number = _scaled(tokens, spelled[index], lang.scales)
        elif token.kind == "word" and (scale := lang.scales.starting_at(tokens, index)):
            number = _Number(index, scale[0] - 1, float(scale[1]))  # « مليار دولار »: one billion
        if number is not None:
            number = _restated(tokens, number, lang)
            found.append(_loosely(tokens, number, lang))
            index = number.last + 1
        else:
            index += 1
    return found


def _scaled(tokens: Sequence[_Token], number: _Number, scales: _Table) -> _Number:
    after = number.last + 1
    if _hyphen_joined(tokens, after):
        after += 1  # "$1-billion"
    scale = scales.starting_at(tokens, after)
    if scale is None:
        return number
    return _Number(
        number.first, scale[0] - 1, number.value * float(scale[1]), number.approximate, number.ordinal
    )


def _hyphen_joined(tokens: Sequence[_Token], index: int) -> bool:
    """A hyphen written between two tokens: "1-billion"."""
    return (
        index + 1 < len(tokens)
        and tokens[index].text == "-"
        and tokens[index].glued
        and tokens[index + 1].glued
    )


def _restated(tokens: Sequence[_Token], number: _Number, lang: Language) -> _Number:
    """« quatorze (14) avions »: a number repeated in digits in brackets is one number."""
    bracket = tokens[number.last + 1 : number.last + 4]
    if [token.text for token in bracket[::2]] != ["(", ")"] or bracket[1].kind != "number":
        return number
    if parse_digits(bracket[1].text, lang) != number.value:
        return number
    return _Number(number.first, number.last + 3, number.value, number.approximate, number.ordinal)


def _orders_of_magnitude(tokens: Sequence[_Token], number: _Number, lang: Language) -> _Number:
    """ "hundreds of thousands", « des dizaines de milliers », "десятки тысяч": the units multiply."""
    while True:
        after = number.last + 1
        if after < len(tokens) and tokens[after].lower in lang.links:
            after += 1
        more = lang.vague.starting_at(tokens, after) or lang.scales.starting_at(tokens, after)
        if more is None:
            return number
        number = _Number(number.first, more[0] - 1, number.value * float(more[1]), True)


def _loosely(tokens: Sequence[_Token], number: _Number, lang: Language) -> _Number:
    first = (
        number.first - 1 if number.first and tokens[number.first - 1].lower in lang.articles else number.first
    )
    before = lang.approximate_before.ending_at(tokens, first) is not None
    after = lang.approximate_after.starting_at(tokens, number.last + 1) is not None
    if not (before or after):
        return number
    return _Number(number.first, number.last, number.value, True, number.ordinal)


def amounts(
    tokens: Sequence[_Token], found: Sequence[_Number], lang: Language
) -> list[tuple[_Number, Money]]:
    """The numbers that are sums of money, each widened to its currency and scale ("$", "bn", "d'euros")."""
    money = []
    for number in found:
        if number.ordinal:
            continue
        first, last, value = number.first, number.last, number.value
        before = lang.currency_before.ending_at(tokens, first)
        if before is not None and tokens[first].kind == "number":
            scale = lang.money_scales.starting_at(tokens, last + 1) if last == first else None
            if scale is not None:
                last, value = scale[0] - 1, value * float(scale[1])
            money.append((_Number(before[0], last, value), Money(amount=value, currency=before[1])))
            continue
        after = last + 1
        while after < len(tokens) and tokens[after].lower in lang.links:
            after += 1
        currency = lang.currencies.starting_at(tokens, after)
        if currency is not None:
            money.append((_Number(first, currency[0] - 1, value), Money(amount=value, currency=currency[1])))
    return money


def _counts_nothing(tokens: Sequence[_Token], number: _Number, lang: Language, weapon: set[int]) -> bool:
    """Part of a name or a measure, a date, an ordinal: never a count of weapons. A word of the weapon
    (``weapon``: its token indexes) after the number is no unit: "31 M1 Abrams"."""
    first = tokens[number.first]
    before = tokens[number.first - 1] if number.first else None
    after = tokens[number.last + 1] if number.last + 1 < len(tokens) else None
    if number.ordinal:
        return True
    if first.kind == "number" and first.glued and before is not None:
        proclitic = before.lower in lang.proclitics and not before.glued
        if before.text not in OPENING and not proclitic and before.lower not in lang.approximate_before:
            return True  # "Su-35", "F16", "12/03"
    touching = after is not None and after.glued and after.text not in CLOSING + "+'’"
    if touching and after is not None and after.lower not in lang.approximate_after:
        return True  # "155mm", "5th", "30-year", "20%"
    unit = after is not None and (
        after.lower in lang.units or lang.units.starting_at(tokens, number.last + 1)
    )
    if unit and number.last + 1 not in weapon:
        return True
    near = [token for token in (before, after) if token is not None and token.kind == "word"]
    return any(token.lower in lang.months for token in near)  # "12 March", « le 3 mars »


def _is_year(tokens: Sequence[_Token], number: _Number) -> bool:
    token = tokens[number.first]
    return (
        number.first == number.last
        and token.kind == "number"
        and len(token.text) == 4
        and int(number.value) in YEARS
        and number.value.is_integer()
    )


def _counts(tokens: Sequence[_Token], number: _Number, weapon_start: int, lang: Language) -> bool:
    """The number counts the weapon starting at token ``weapon_start``: only a few words between them,
    none of which ends the phrase or is what the number counts instead."""
    words = 0
    index = number.last + 1
    while index < weapon_start:
        token = tokens[index]
        abbreviation = token.text == "." and token.glued and len(tokens[index - 1].text) <= 2  # "U.S."
        if token.kind == "symbol" and token.text not in "-'’\"“”«»" and not abbreviation:
            return False
        if token.kind == "word":
            if token.lower in lang.breakers or token.lower in lang.containers:
                return False
            if lang.containers.starting_at(tokens, index):
                return False
            if token.lower not in lang.links:
                words += 1
        index += 1
    if _is_year(tokens, number) and words:
        return False
    return words <= MAX_GAP


def _weapon_starts(sentence: str, tokens: Sequence[_Token], weapons: Iterable[str]) -> list[tuple[int, int]]:
    """(first token, token after the last) of every place a weapon's words appear in the sentence."""
    spans = []
    lowered = sentence.lower()
    for weapon in {w.strip().lower() for w in weapons if w.strip()}:
        for found in re.finditer(re.escape(weapon), lowered):
            inside = [i for i, token in enumerate(tokens) if found.start() <= token.start < found.end()]
            if inside:
                spans.append((inside[0], inside[-1] + 1))
    return sorted(spans)


def measure(sentence: str, weapons: Iterable[str], lang: str) -> tuple[Quantity | None, Money | None]:
    """The quantity of the weapons named in ``sentence`` and the value of the deal it states."""
    table = language(lang)
    tokens = tokenize(sentence)
    found = numbers(tokens, table)
    money = amounts(tokens, found, table)
    spent = {i for span, _ in money for i in range(span.first, span.last + 1)}
    weapon_spans = _weapon_starts(sentence, tokens, weapons)
    inside_weapon = {i for start, end in weapon_spans for i in range(start, end)}
    counts = [
        number
        for number in found
        if not ({*range(number.first, number.last + 1)} & (spent | inside_weapon))
        and not _counts_nothing(tokens, number, table, inside_weapon)
    ]
    quantity = None
    for start, _end in weapon_spans:
        # The first number of the phrase: "12 Leopard 2 tanks", "5 of the 24 jets".
        attached = [
            number for number in counts if number.last < start and _counts(tokens, number, start, table)
        ]
        if attached:
            number = attached[0]
            quantity = Quantity(value=round(number.value), approximate=number.approximate)
            break
    value = None
    if money:
        anchors = [tokens[start].start for start, _ in weapon_spans] or [0]
        _, value = min(
            money, key=lambda item: min(abs(tokens[item[0].first].start - anchor) for anchor in anchors)
        )
    return quantity, value


def with_amounts(mention: TransferMention, lang: str) -> TransferMention:
    """The mention with the quantity and value its evidence sentence states."""
    quantity, value = measure(mention.sentence, mention.weapon.split("; "), lang)
    if quantity is None and value is None:
        return mention
    return mention.model_copy(update={"quantity": quantity, "value": value})
