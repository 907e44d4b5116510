"""Transfers and states in languages without a trained spaCy pipeline: rules over tokens and case.

Everything language-specific is data in ``data/lang/<code>.yaml`` (see ``data/lang/README.md``): state
names come from CLDR (Babel) for the locale, the curated ``states.yaml`` where it has the language, and
the file's own names, demonym stems and capitals; they are inflected by the file's rewrite rules
(Slavic case endings, German genitive, Arabic clitics, Turkish suffixes), each form keeping the cases
it can stand for. A party's position comes from the preposition before it and its case (``an``/``nach``
vs ``aus``/``von``, ``в``+accusative vs ``из``+genitive, ``إلى``/``لـ`` vs ``من``), else from word
order; the kind of the nearest transfer word (supply, acquire, arrival, deal) turns the position into
supplier or recipient. Adding a language is adding its data file. Where the language has a dependency
parser that ships inside a package (``syntax.parser``), its parse overrules word order in one place: a
name it makes the subject of another predicate is no subject of the transfer.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal, cast

import simplemma
import yaml
from babel import Locale, UnknownLocaleError
from simplemma.strategies import DictionaryLookupStrategy
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from armswatch.schema import StateCount, TransferMention
from enrich import lexicon as base
from enrich import status as statuses
from enrich import syntax
from enrich.lexicon import Status

Kind = Literal["supply", "acquire", "arrival", "deal", "thanks", "use"]
Position = Literal["subject", "object", "to", "from", "by", "at", "of", "with", "origin", "maybe_to", "via"]
Role = Literal["supplier", "recipient"]
CUE_KINDS: tuple[Kind, ...] = ("supply", "acquire", "arrival", "deal", "thanks", "use")
# What a party's position means for each kind of transfer word (language-independent).
ROLES: dict[Kind, dict[Position, Role]] = {
    "supply": {
        "subject": "supplier",
        "object": "recipient",
        "to": "recipient",
        "from": "supplier",
        "by": "supplier",
        "origin": "supplier",
    },
    "acquire": {
        "subject": "recipient",
        "to": "recipient",
        "from": "supplier",
        "by": "recipient",
        "origin": "supplier",
    },
    "arrival": {"to": "recipient", "at": "recipient", "from": "supplier", "origin": "supplier"},
    "deal": {"to": "recipient", "from": "supplier", "origin": "supplier"},
    # "Zelensky thanked Germany for the tanks": the thanked state gave them to the one that thanks
    "thanks": {"subject": "recipient", "object": "supplier", "to": "supplier", "origin": "supplier"},
    # "Azerbaijan is using Israeli drones", "in service with the Ukrainian army": who uses another state's
    # weapons received them
    "use": {"subject": "recipient", "by": "recipient", "from": "supplier", "origin": "supplier"},
}
# Languages written without spaces between words: token rules cannot find names in them.
UNSPACED = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo", "dz"})
TOKEN = re.compile(r"[\w\u200c]+|[^\w\s]")
# A sentence ends at . ! ? ؟ followed by space, unless the dot closes a one-letter abbreviation (U.S.)
# or a doubled-capital one (Spanish "EE. UU.", "FF. AA."),
# or at the full-width 。！？ of Chinese and Japanese, which need no space after them.
# Arabic-script news often leaves out the space after a full stop ("المتحدة.وذكرت"): a mark after a word, a
# figure or a closing quote, right before an Arabic letter, ends the sentence too (not "د.عبد", "أ.ف.ب")
SENTENCE_END = re.compile(
    r"(?<!\b\w\.)(?<!\b[A-Z][A-Z]\.)(?<=[.!?؟])\s+|(?<=[。！？])\s*"
    r"|(?<!\b\w\.)(?<=[\w\"”»)][.!?؟])(?=[\u0621-\u064a])"
)
# Kana and CJK ideographs: runs of them are cut into words by a dictionary (``segmentation: dictionary``).
# a wire dateline opens a text: "Jerewan – ", "JERUSALEM (inn) – ", "Berlin (AFP) ": the place of the news
DATELINE = re.compile(
    r"\s*(\w[\w.'’-]*(?: \w[\w.'’-]*)?)(?: ?\([^()]{1,40}\))?\s*[–—-]\s+|\s*(\w[\w.'’-]*) \([^()]{1,40}\)\s+"
)
ORDINAL = re.compile(r"\b\d{1,3}\.$")  # "46." before a lower-case word: an ordinal (Polish, Czech, German)
STANDALONE_TATWEEL = re.compile(r"(?<=\s)\u0640+(?=\s)")
# Arabic short-vowel and shadda marks, written only now and then ("تسلّم" is "تسلم"): not letters, so
# left in they would cut a word in pieces
ARABIC_MARKS = dict.fromkeys([*range(0x064B, 0x0660), 0x0670])
# Arabic letters the press writes either way: the hamza on or under alif (أ إ آ ٱ) is often left out and a
# final ى written ي ("إلى", "الى"); words are compared to the tables without the difference. The Arabic
# comma and semicolon ("،", "؛") are commas and semicolons: they close asides and clauses
# Arabic yeh and kaf are also Persian's ی and ک (written either way in Persian news: "ايران", "آمريكا")
ARABIC_VARIANTS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ی", "ي": "ی", "ك": "ک", "،": ",", "؛": ";"}
)
UNSPACED_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
MIXED_CYRILLIC = re.compile(r"\b(?=[^\W\d_]*[\u0400-\u04ff])(?=[^\W\d_]*[a-zA-Z])[^\W\d_]+\b")
LATIN_LOOKALIKES = str.maketrans("aceiopxyABCEHIKMOPTX", "асеіорхуАВСЕНІКМОРТХ")
QUOTES = re.compile(r'(?<!\w)["“”«»„‟]|["“”«»„‟](?!\w)')
NOMINATIVE = "nom"
CONJOINED = "conj"  # the case label of a form that carries its conjunction ("وفرنسا")
WINDOW = 4  # tokens around a transfer word in which a negation cancels it
BLOCK_REACH = 10  # ... and in which a blocker of its clause does ("Lieferungen an Katar gestoppt")
MAX_FORM_TOKENS = 6
PREPOSITION_REACH = 6  # tokens between a transfer word and a party its preposition relates to it
OBJECT_REACH = 3  # tokens between a transfer verb and a bare object after it
CONTEXT_REACH = 3  # sentences over which a transfer's parties carry to sentences that name fewer
WEAPON_REACH = 4  # ... or between a weapon and that party ("F-16 from the United States")
FINANCING_REACH = 4  # tokens between a word of paying and who pays ("saldata da sauditi ed Emirati")
UNNAMED_REACH = 3  # tokens between "from" and the countries it names without naming one
RELATIVE_HEAD = 2  # tokens between a relative clause's verb and the weapon it qualifies ("aldığı S-400")
DEAL_OBJECT = 3  # tokens between a deal word and the transfer noun it names ("contract for the supply")
COMPANY_NAME = 2  # words of a maker's name between its noun and its demonym ("شركة هانوا الكورية")
ASIDE = 5  # tokens of a subordinate clause that a comma closes: an aside, after which the main one goes on
REPORT_REACH = 3  # tokens between a verb of saying and the comma that opens what it says ("sagte am Montag,")
SAID_REACH = 5  # ... and the "que" that opens it ("anunció el 13 de abril que entregaría")
SOURCE_REACH = 3  # tokens between "según" and the state it names as the source ("según el gobierno ruso")
CLAUSE_VERB = 3  # tokens between the subject of a coordinated clause and its verb ("e a Alemanha já enviou")
ELLIPTIC = -100  # the position of a weapon a sentence leaves out: far from every word of it
IDIOM = "idiom"  # the label of ``not_cues``: phrases whose words are no transfer word
# Two weapon words side by side name one weapon, of the more specific kind, whichever word heads the phrase:
# "артилерійських снарядів" (shells), "зенитных ракет" (SAMs), "ракетных катеров" (boats), "артиллерийские
# ракетные установки" (rocket artillery), "pocisków artyleryjskich"
SPECIFIC_FIRST: tuple[str, ...] = (
    "ammunition",
    "naval",
    "air_defense",
    "drones",
    "artillery",
    "missiles",
    "small_arms",
    "armored_vehicles",
    "aircraft",
    "other",
)
VARIANT = re.compile(r"(\d+)[^\W\d_]+\w*$")  # "35с", "300пму2": a number with a variant's letters
FRAME = ""  # the category of a transfer of no weapon: context for the sentences after it, never reported


@dataclass(frozen=True)
class Form:
    code: str
    kind: str  # name, metonym, demonym, company, forces
    cases: frozenset[str]


@dataclass(frozen=True)
class Cues:
    """Words by label. An entry is a stem matched at the start of a token; ``=word`` must be the whole
    token, ``*stem`` may sit inside a compound ("Waffenlieferungen"), several words are a phrase whose
    last word is a stem, and ``a ... b`` means both occur in the sentence ("soll ... haben")."""

    prefixes: dict[str, str]
    exact: dict[str, str]
    infixes: dict[str, str]
    # phrases by their first word, each word's longest first: "de acuerdo con la prensa" (alleged) is
    # tried before "de acuerdo con" (source); a phrase's last word is a stem, the others whole words
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    together: tuple[tuple[tuple[str, ...], str], ...]
    clitics: tuple[str, ...] = ()  # prefixes written onto a word (Arabic و، ب، ال): tried without them
    # ``=a ... =b``: a separable verb, a cue at ``a`` when its particle ``b`` closes a clause after it
    # ("setzt israelische Drohnen ein")
    separable: tuple[tuple[str, str, str], ...] = ()

    def label(self, words: list[str], i: int) -> tuple[str, int] | None:
        """The label of the cue starting at token ``i`` and its length in tokens."""
        found = self._label(words, i)
        for clitic in self.clitics:
            if found is not None:
                break
            if words[i].startswith(clitic) and len(words[i]) - len(clitic) >= 3:
                found = self._label([*words[:i], words[i][len(clitic) :], *words[i + 1 :]], i)
        return found

    def _label(self, words: list[str], i: int) -> tuple[str, int] | None:
        for phrase, label in self.phrases.get(words[i], ()):
            end = i + len(phrase)
            if (
                end <= len(words)
                and tuple(words[i + 1 : end - 1]) == phrase[1:-1]
                and words[end - 1].startswith(phrase[-1])
            ):
                return label, len(phrase)
        word = words[i]
        if word in self.exact:
            return self.exact[word], 1
        for verb, particle, label in self.separable:
            if word == verb and any(
                words[j] == particle and (j + 1 == len(words) or not words[j + 1].isalnum())
                for j in range(i + 1, len(words))
            ):
                return label, 1
        best = ("", "")
        for length in range(len(word), 1, -1):
            if word[:length] in self.prefixes:
                best = (word[:length], self.prefixes[word[:length]])
                break
        for infix, label in self.infixes.items():
            if len(infix) > len(best[0]) and infix in word:
                best = (infix, label)
        return (best[1], 1) if best[1] else None

    def co_occurring(self, words: list[str]) -> set[str]:
        """Labels of the ``a ... b`` entries whose words all start a token of ``words``."""
        return {
            label
            for stems, label in self.together
            if all(any(word.startswith(stem) for word in words) for stem in stems)
        }


def _cues(groups: Mapping[str, Iterable[str]], clitics: Iterable[str] = ()) -> Cues:
    cues = Cues({}, {}, {}, {}, ())
    phrases: dict[tuple[str, ...], str] = {}
    together = []
    separable = []
    for label, entries in groups.items():
        for entry in entries or []:
            text = str(entry).lower()
            if " ... " in text and all(part.startswith("=") for part in text.split(" ... ")):
                verb, particle = text.split(" ... ")
                separable.append((verb[1:], particle[1:], label))
            elif " ... " in text:
                together.append((tuple(text.split(" ... ")), label))
            elif text.startswith("="):
                cues.exact.setdefault(text[1:], label)
            elif text.startswith("*"):
                cues.infixes.setdefault(text[1:], label)
            elif len(words := tokens_of(text)) > 1:
                phrases.setdefault(tuple(words), label)
            else:
                cues.prefixes.setdefault(text, label)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, label in phrases.items():
        by_first.setdefault(phrase[0], []).append((phrase, label))
    longest_first = {
        first: tuple(sorted(entries, key=lambda entry: -len(entry[0]))) for first, entries in by_first.items()
    }
    return Cues(
        cues.prefixes,
        cues.exact,
        cues.infixes,
        longest_first,
        tuple(together),
        tuple(clitics),
        tuple(separable),
    )


@dataclass(frozen=True)
class Lexicon:
    """The words a text without spaces is cut into: every entry of the language's data, longest first."""

    words: frozenset[str]
    longest: int

    def cut(self, token: str) -> list[str]:
        """``token`` with its runs of kana and ideographs cut into the longest known words; characters that
        start no known word stay together ("数百万発"), as do letters and digits between runs ("F-35")."""
        pieces: list[str] = []
        done = 0
        for run in UNSPACED_RUN.finditer(token):
            pieces += [token[done : run.start()]] if run.start() > done else []
            text, i, unknown = run.group(), 0, ""
            while i < len(text):
                length = next(
                    (
                        n
                        for n in range(min(self.longest, len(text) - i), 0, -1)
                        if text[i : i + n].lower() in self.words
                    ),
                    0,
                )
                if length:
                    pieces += [unknown, text[i : i + length]] if unknown else [text[i : i + length]]
                    unknown, i = "", i + length
                else:
                    unknown, i = unknown + text[i], i + 1
            pieces += [unknown] if unknown else []
            done = run.end()
        return pieces + ([token[done:]] if done < len(token) else [])


def _lexicon(data: Any, forms: Iterable[tuple[str, ...]], terms: Iterable[tuple[str, ...]]) -> Lexicon:
    """Every word of the data file (each string, split at spaces, without its ``=``/``*`` mark), of the
    state names and of the weapon terms, that is written in kana or ideographs."""
    words: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            words.update(word.lstrip("=*").lower() for word in value.split())

    walk(data)
    for key in (*forms, *terms):
        words.update(key)
    words = {word for word in words if UNSPACED_RUN.search(word)}
    return Lexicon(frozenset(words), max((len(word) for word in words), default=1))


@dataclass(frozen=True)
class LanguageData:
    """One language's tables, built from its data file once per process."""

    code: str
    forms: dict[tuple[str, ...], Form]
    cased_script: bool
    uncased: frozenset[tuple[str, ...]]  # names the press also writes lower-case (Ukrainian "росії")
    negation_denies: bool  # "заявили, що ... не передавав": a reported negated supply verb denies
    prepositions: dict[str, dict[str, Position]]  # word -> case (or "any") -> position
    postpositions: dict[str, Position]  # Turkish "tarafından" (by), Persian "را" (object)
    articles: frozenset[str]
    nominative_is_accusative: bool  # Slavic inanimate nouns: the name as written may be accusative
    article_cases: dict[str, str]  # the case an article shows after a preposition: "die" accusative
    conjunctions: frozenset[str]
    suffix_cases: dict[str, str]  # Turkish "'den" -> abl, for a suffix split off by an apostrophe
    case_positions: dict[str, Position]  # the position of a party in a case without a preposition
    cues: Cues  # transfer words: supply, acquire, arrival, deal
    status: Cues  # alleged, denied, agreed, ongoing, delivered, future
    blockers: Cues  # words that cancel a transfer word nearby: sanctions, refused, requested...
    intentions: Cues  # "will ... kaufen", "intende acquistare": wanting to buy is no purchase
    specifying: Cues  # "Het gaat om", "Es handelt sich um": the weapons of the transfer just reported
    negations: frozenset[str]
    clause_breaks: frozenset[str]  # words that open a new clause: "что", "dass", "que"
    past: tuple[re.Pattern[str], ...]
    future: tuple[re.Pattern[str], ...]  # future forms of a transfer verb: "entregará"
    present: tuple[re.Pattern[str], ...]  # a transfer under way: Turkish "gönderiyor"
    hearsay: tuple[re.Pattern[str], ...]  # a verb form that reports hearsay: Turkish evidential "göndermiş"
    roles: dict[Kind, dict[Position, Role]]
    default_status: Status
    weapon_terms: dict[tuple[str, ...], str]
    weapon_words: Cues  # category -> stems of single words
    non_state: dict[tuple[str, ...], str]
    capitalised_nouns: bool
    adjectives_follow_noun: bool  # "أسلحة إيرانية", "armas rusas": a demonym before a weapon is not its maker
    subject_reach: int | None  # tokens between a verb and its bare subject, in verb-first languages
    genitive_prepositions: frozenset[str]  # "de" in "el Ejército de Nicaragua"
    made_in: tuple[str, ...]  # stems before a preposition that make the state a maker: "fabricados en"
    genitive_articles: frozenset[str]  # "der" in "Außenministerium der USA": the state is an attribute
    forces: tuple[str, ...]  # stems of nouns that make a demonym a state actor: "die russische Armee"
    companies: tuple[str, ...] = ()  # stems of maker nouns, also state actors: "la empresa española"
    phrase_prepositions: dict[tuple[str, ...], Position] = field(default_factory=dict)  # "por parte de"
    genitive_source: bool = False  # "compra de cazas de Francia", "recibió de Rusia": "of" there is "from"
    origins: dict[str, str] = field(default_factory=dict)
    # stems of nouns that take the preposition after them: "вторжение в Украину" (invasion), not a direction
    not_a_direction: tuple[str, ...] = ()
    financing: tuple[str, ...] = ("\0",)  # stems of paying: "pagata da", "finanziert von" (no party)
    unnamed_states: Cues = field(default_factory=lambda: _cues({}))  # "landen", "países", "allies"
    make_nouns: tuple[str, ...] = ("\0",)  # "makelij", "производства" after a demonym: its maker
    shared_subject: frozenset[str] = frozenset()  # breaks that open no clause before a transfer word
    # ... only right after a verb of saying: "anunció que entregará", not the relative "que" of "los
    # tanques que entregó Alemania", whose subject comes after the verb
    reported_subject: frozenset[str] = frozenset()
    subject_pronouns: frozenset[str] = frozenset()  # "att man skickar": the pronoun is the subject before
    # "his country" right after a supply word ("وافقت الصين على تزويد بلاده"): the speaker's state receives
    country_pronouns: frozenset[str] = frozenset()
    auxiliaries: frozenset[str] = frozenset()  # "anunciou que iria entregar": no subject of its own either
    prepositional_cases: frozenset[str] = frozenset()  # cases never without a preposition (locative)
    # endings of a nominalised verb whose subject takes the genitive: Turkish "Rusya'nın gönderdiği"
    genitive_subject: tuple[re.Pattern[str], ...] = ()
    negative_verb: tuple[re.Pattern[str], ...] = ()  # a negative suffix on a verb: Turkish "göndermedi"
    light_verbs: tuple[str, ...] = ("\0",)  # stems of the verb after a noun that makes it one: "teslim et"
    comitative: frozenset[str] = frozenset()  # "samen" in "samen met": the party joins the subject
    back_references: Cues = field(
        default_factory=lambda: _cues({})
    )  # "Об этом", "Про це": the sentence before
    lexicon: Lexicon | None = None  # the words of a language written without spaces (Chinese, Japanese)
    abbreviations: frozenset[str] = frozenset()  # "m.in", "tys": a full stop after them ends no sentence
    preposition_reach: int = PREPOSITION_REACH  # longer in verb-final languages ("... به عربستان خبر داد")
    block_reach: int = BLOCK_REACH  # longer where the verb closes the clause ("hat ... Lieferung verboten")
    # "genehmigt", "zugestimmt": who only approves another state's transfer is no party to it
    approvals: Cues = field(default_factory=lambda: _cues({}))
    # "Rusya, Almanya'yı ... göndermekle suçladı": whom the subject accuses does what it is accused of
    accusing: Cues = field(default_factory=lambda: _cues({}))
    # "تتهم واشنطن طهران بتزويد موسكو": the state after an accusation accuses, the next one supplies
    accusations: Cues = field(default_factory=lambda: _cues({}))
    # "واشنطن بوست": phrases that hold a state's name and do not denote it (newspapers named after a capital)
    not_states: frozenset[tuple[str, ...]] = frozenset()
    pronoun_suffixes: tuple[str, ...] = ("\0",)  # "تزويدها" (its supplying): the pronoun on a verbal noun
    verb_final: bool = False  # the finite verb closes the clause (Turkish, Persian): its subject precedes it
    # the verb closes a subordinate clause (German, Dutch): "dass es ... geliefert habe" resumes the subject
    subordinate_verb_final: bool = False
    # a reporting verb after a comma has its subject after it: "..., berichtete der Spiegel" (German, Dutch)
    inverted_reporting: bool = False
    # a name in the genitive right after a transfer noun is its agent (German "der Export Frankreichs")
    genitive_agent_after: bool = False


def _normalise(text: str) -> str:
    """One apostrophe, a dotted capital I that lower-cases to one letter (Turkish "İran"), a dash for a
    tatweel standing alone ("اس ـ 300"), Arabic words without their vowel marks, and Cyrillic words without
    the Latin look-alike letters web copy slips into them ("зaявили" with a Latin a)."""
    text = MIXED_CYRILLIC.sub(lambda word: word.group().translate(LATIN_LOOKALIKES), text)
    return STANDALONE_TATWEEL.sub("-", text.replace("’", "'").replace("İ", "I")).translate(ARABIC_MARKS)


def tokens_of(text: str) -> list[str]:
    return TOKEN.findall(_normalise(text).lower().translate(ARABIC_VARIANTS))


def _folded(value: Any) -> Any:
    """The strings of a language file (keys, entries, patterns) with the letters ``ARABIC_VARIANTS`` joins."""
    if isinstance(value, str):
        return value.translate(ARABIC_VARIANTS)
    if isinstance(value, list):
        return [_folded(item) for item in value]
    if isinstance(value, dict):
        return {_folded(key): _folded(item) for key, item in value.items()}
    return value


def _lang_dir() -> Any:
    return resources.files("enrich") / "data" / "lang"


@cache
def with_data() -> frozenset[str]:
    """Languages that have a data file here (the others get CLDR's state names only)."""
    return frozenset(
        entry.name.removesuffix(".yaml") for entry in _lang_dir().iterdir() if entry.name.endswith(".yaml")
    )


@cache
def covers(code: str) -> bool:
    """A data file, or at least CLDR's country names for states: CLDR has them for some 200 languages."""
    if code in with_data():
        return True
    if code in UNSPACED or code == "und":
        return False
    try:
        return bool(Locale.parse(code).territories)
    except (ValueError, TypeError, UnknownLocaleError):
        return False


@cache
def _raw(code: str) -> dict[str, Any]:
    if code not in with_data():
        return {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load((_lang_dir() / f"{code}.yaml").read_text(encoding="utf-8"), Loader=loader) or {}
    if not isinstance(data, dict):
        raise ValueError(f"data/lang/{code}.yaml: expected a mapping at the top")
    return cast(dict[str, Any], _folded(data))


def _inflect(
    name: str, rules: list[list[Any]], first_word_only: bool = False, last_word_only: bool = False
) -> Iterator[tuple[str, frozenset[str]]]:
    """The name itself (nominative) and every form the rewrite rules make of it; a multi-word name is
    inflected word by word, keeping the cases all its words agree on, or only on its first word where
    the rules write clitics (Arabic "للولايات المتحدة", "لدولة الإمارات": the phrase takes one), or only on
    its last where the language says so (the German genitive "Kim Jong Uns")."""
    words = name.split(" ")
    if last_word_only and len(words) > 1:
        for last, last_cases in _inflect(words[-1], rules):
            yield " ".join([*words[:-1], last]), last_cases
        return
    per_word: list[dict[str, set[str] | None]] = []
    for position, word in enumerate(words):
        if position and first_word_only:
            per_word.append({word: None})  # agrees with whatever the first word shows
            continue
        forms: dict[str, set[str]] = {word: {NOMINATIVE}}
        for pattern, replacement, cases in rules:
            if re.search(pattern, word):
                forms.setdefault(re.sub(pattern, replacement, word, count=1), set()).update(cases)
        per_word.append({**forms})
    combos: list[tuple[list[str], set[str]]] = [([], set())]
    for position, choices in enumerate(per_word):
        combos = [
            (
                [*done, form],
                set(cases or ()) if position == 0 else agreed if cases is None else agreed & cases,
            )
            for done, agreed in combos
            for form, cases in choices.items()
            if position == 0 or cases is None or agreed & cases
        ][:200]
    for done, cases in combos:
        yield " ".join(done), frozenset(cases or {NOMINATIVE})


def _cldr_metonyms(code: str) -> dict[str, list[str]]:
    """Capitals in ``code``'s language from CLDR's exemplar cities: the English metonym of a state in
    states.yaml that names a time-zone city gives that city's local name."""
    english = Locale("en").time_zones
    local = Locale(code).time_zones
    found: dict[str, list[str]] = {}
    curated = base._data("states.yaml")
    city_zone = {
        str(info.get("city")): zone for zone, info in english.items() if isinstance(info.get("city"), str)
    }
    for state, languages in curated.items():
        for metonym in (languages.get("en") or {}).get("metonyms") or []:
            zone = city_zone.get(str(metonym))
            city = (local.get(zone) or {}).get("city") if zone else None
            if isinstance(city, str):
                found.setdefault(state, []).append(city)
    return found


def _state_forms(code: str, data: dict[str, Any]) -> dict[tuple[str, ...], Form]:
    rules = data.get("inflection") or []
    first_word_only = bool(data.get("clitics"))  # clitics attach to a phrase, on its first word
    last_word_only = bool(data.get("inflect_last_word"))
    endings = data.get("adjective_endings") or []
    forms: dict[tuple[str, ...], Form] = {}

    def add(text: str, state: str, kind: str, cases: frozenset[str]) -> None:
        key = tuple(tokens_of(text))
        if key and key not in forms:
            forms[key] = Form(state, kind, cases)

    def add_name(text: str, state: str, kind: str) -> None:
        for form, cases in _inflect(text, rules, first_word_only, last_word_only):
            add(form, state, kind, cases)

    own: dict[str, dict[str, list[str]]] = data.get("states") or {}
    for state, entry in own.items():  # the language's own lists first: they settle ambiguities
        if not isinstance(state, str):  # YAML reads a bare NO (Norway) as false
            raise ValueError(f"data/lang/{code}.yaml: quote the state code {state!r} ('NO')")
        for text in entry.get("names") or []:
            add_name(str(text), state, "name")
        for text in entry.get("metonyms") or []:
            add_name(str(text), state, "metonym")
        for text in entry.get("companies") or []:  # state companies, in the language's script
            add_name(str(text), state, "company")
        for stem in entry.get("demonyms") or []:
            for ending, cases in endings:
                add(f"{stem}{ending}", state, "demonym", frozenset(cases))
        for text in entry.get("words") or []:  # demonym words given whole (no ending rules)
            add(str(text), state, "demonym", frozenset({NOMINATIVE}))
    for state, leaders in (base._data("leaders.yaml") or {}).items():
        for text in leaders or []:  # "předáme", řekl Putin: a leader acting for the state, in every case
            add_name(str(text), state, "leader")
    territories = Locale(code).territories
    for state in base._data("states.yaml"):
        for text in base._clean_cldr_name(territories.get(state, "")):
            add_name(text, state, "name")
    for state, cities in _cldr_metonyms(code).items():
        for city in cities:
            add_name(city, state, "metonym")
    for curated in base._state_forms(code) if code in base.BABEL_LANGUAGES or _curated(code) else []:
        add(curated.text, curated.code, curated.kind, frozenset({NOMINATIVE}))
    # Wire copy in any language quotes English names ("the Kremlin", "Nigeria"), as the lexicon does.
    for english in base._state_forms("en"):
        if (
            english.kind in ("name", "metonym", "company")
            and english.text[:1].isupper()
            and len(english.text) > 3
        ):
            add(english.text, english.code, english.kind, frozenset({NOMINATIVE}))
    return forms


def _cased(code: str) -> bool:
    """Whether the language's script has capitals, so that a name must be capitalised ("china" is
    porcelain): CLDR's name of the language in itself tells ("română" has, "עברית" and "العربية" do not)."""
    name = Locale(code).get_display_name(code) or ""
    return name != name.upper()


def _curated(code: str) -> bool:
    return any(code in languages for languages in base._data("states.yaml").values())


@cache
def language_data(code: str) -> LanguageData:
    """The tables of ``code`` (which must be ``covers``-ed)."""
    data = _raw(code)
    forms = _state_forms(code, data)
    prepositions: dict[str, dict[str, Position]] = {}
    phrase_prepositions: dict[tuple[str, ...], Position] = {}
    for word, target in (data.get("prepositions") or {}).items():
        if len(words := tokens_of(str(word))) > 1:
            phrase_prepositions[tuple(words)] = target  # "por parte de": its last word is a preposition
        else:
            prepositions[str(word).lower()] = dict(target) if isinstance(target, dict) else {"any": target}
    weapons = base._weapons(code)
    weapon_terms = {tuple(tokens_of(term)): category for term, category in weapons.items() if tokens_of(term)}
    single: dict[str, list[str]] = {}
    for category, entries in (data.get("weapons") or {}).items():
        base._check_category(category)
        for entry in entries or []:
            text = str(entry).lower()
            if len(tokens_of(text.lstrip("=*"))) > 1:
                weapon_terms[tuple(tokens_of(text.lstrip("=*")))] = category
            else:
                single.setdefault(category, []).append(text)
    clitics = [str(clitic) for clitic in data.get("clitics") or []]
    for term in data.get("not_weapons") or []:
        weapon_terms[tuple(tokens_of(str(term)))] = base.NOT_A_WEAPON
    status = data.get("status") or {}
    cases = data.get("cases") or {}
    segmented = data.get("segmentation") == "dictionary"
    return LanguageData(
        code=code,
        forms=forms,
        cased_script=_cased(code),
        prepositions=prepositions,
        postpositions={
            str(word).lower(): position for word, position in (data.get("postpositions") or {}).items()
        },
        articles=frozenset(str(word).lower() for word in data.get("articles") or []),
        nominative_is_accusative=bool(data.get("nominative_is_accusative")),
        negation_denies=bool(data.get("negation_denies")),
        uncased=frozenset(
            tuple(tokens_of(form))
            for name in data.get("uncased_names") or []
            for form, _cases in _inflect(str(name), data.get("inflection") or [])
        ),
        article_cases={str(k).lower(): str(v) for k, v in (data.get("article_cases") or {}).items()},
        conjunctions=frozenset(str(word).lower() for word in data.get("conjunctions") or []),
        suffix_cases={str(k).lower(): str(v) for k, v in (data.get("suffix_cases") or {}).items()},
        case_positions={str(k): v for k, v in cases.items()},
        cues=_cues(
            {
                f"{kind}{suffix}": (data.get("cues") or {}).get(f"{kind}{suffix}") or []
                for kind in CUE_KINDS
                for suffix in ("", "_noun")
            }
            # phrases whose words are no transfer word: Polish "przekazał, że" (said that), Turkish "yer aldı"
            | {IDIOM: data.get("not_cues") or []},
            clitics,
        ),
        status=_cues(status, clitics),
        blockers=_cues({"block": data.get("blockers") or []}, clitics),
        intentions=_cues({"intent": data.get("intentions") or []}, clitics),
        specifying=_cues({"specify": data.get("specifying") or []}, clitics),
        negations=frozenset(str(word).lower() for word in data.get("negations") or []),
        clause_breaks=frozenset(str(word).lower() for word in data.get("clause_breaks") or []) | {";", ":"},
        past=tuple(re.compile(str(pattern)) for pattern in data.get("past") or []),
        future=tuple(re.compile(str(pattern)) for pattern in data.get("future") or []),
        present=tuple(re.compile(str(pattern)) for pattern in data.get("present") or []),
        hearsay=tuple(re.compile(str(pattern)) for pattern in data.get("hearsay") or []),
        roles={kind: {**ROLES[kind], **((data.get("roles") or {}).get(kind) or {})} for kind in CUE_KINDS},
        default_status=data.get("default_status", "agreed"),
        weapon_terms=weapon_terms,
        weapon_words=_cues(single, clitics),
        non_state={
            tuple(tokens_of(str(text))): str(name)
            for name, texts in (data.get("non_state") or {}).items()
            for text in texts or []
        },
        capitalised_nouns=bool(data.get("capitalised_nouns")),
        adjectives_follow_noun=bool(data.get("adjectives_follow_noun")),
        subject_reach=data.get("subject_reach"),
        genitive_articles=frozenset(str(word).lower() for word in data.get("genitive_articles") or []),
        genitive_prepositions=frozenset(
            str(word).lower() for word in data.get("genitive_prepositions") or []
        ),
        made_in=tuple(str(word).lower() for word in data.get("made_in") or []),
        forces=tuple(
            str(word).lower() for word in [*(data.get("forces") or []), *(data.get("companies") or [])]
        ),
        companies=tuple(str(word).lower() for word in data.get("companies") or []),
        phrase_prepositions=phrase_prepositions,
        genitive_source=bool(data.get("genitive_source")),
        origins={
            str(name).lower(): str(state)
            for name, state in (base._data("system_origins.yaml") or {}).get("origins", {}).items()
        },
        not_a_direction=tuple(str(word).lower() for word in data.get("not_a_direction") or []),
        financing=tuple(str(word).lower() for word in data.get("financing") or []) or ("\0",),
        shared_subject=frozenset(str(word).lower() for word in data.get("shared_subject") or []),
        reported_subject=frozenset(str(word).lower() for word in data.get("reported_subject") or []),
        subject_pronouns=frozenset(str(word).lower() for word in data.get("subject_pronouns") or []),
        country_pronouns=frozenset(str(word).lower() for word in data.get("country_pronouns") or []),
        auxiliaries=frozenset(str(word).lower() for word in data.get("auxiliaries") or []),
        comitative=frozenset(str(word).lower() for word in data.get("comitative") or []),
        prepositional_cases=frozenset(str(case) for case in data.get("prepositional_cases") or []),
        genitive_subject=tuple(re.compile(str(pattern)) for pattern in data.get("genitive_subject") or []),
        negative_verb=tuple(re.compile(str(pattern)) for pattern in data.get("negative_verb") or []),
        light_verbs=tuple(str(word).lower() for word in data.get("light_verbs") or []) or ("\0",),
        back_references=_cues({"back": data.get("back_references") or []}),
        unnamed_states=_cues({"unnamed": data.get("unnamed_states") or []}),
        make_nouns=tuple(str(word).lower() for word in data.get("make_nouns") or []) or ("\0",),
        lexicon=_lexicon(data, forms, weapon_terms) if segmented else None,
        abbreviations=frozenset(str(word).lower().rstrip(".") for word in data.get("abbreviations") or []),
        preposition_reach=int(data.get("preposition_reach") or PREPOSITION_REACH),
        block_reach=int(data.get("block_reach") or BLOCK_REACH),
        approvals=_cues({"approve": data.get("approvals") or []}, clitics),
        accusing=_cues({"accuse": data.get("accusing") or []}, clitics),
        accusations=_cues({"accuse": data.get("accusations") or []}, clitics),
        not_states=frozenset(tuple(tokens_of(str(phrase))) for phrase in data.get("not_states") or []),
        pronoun_suffixes=tuple(str(suffix) for suffix in data.get("pronoun_suffixes") or []) or ("\0",),
        verb_final=bool(data.get("verb_final")),
        subordinate_verb_final=bool(data.get("subordinate_verb_final")),
        inverted_reporting=bool(data.get("inverted_reporting")),
        genitive_agent_after=bool(data.get("genitive_agent_after")),
    )


@dataclass(frozen=True)
class Party:
    start: int
    end: int
    code: str | None
    name: str | None
    kind: str
    position: Position | None
    joined: bool = False  # written with a conjunction clitic: Arabic "وفرنسا"


@dataclass(frozen=True)
class Cue:
    index: int
    kind: Kind
    noun: bool
    last: int  # its last token ("satın aldı"): the one that shows the tense


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # character offset in the article
    surface: list[str]  # tokens as written
    words: list[str]  # lower-cased tokens
    # the cue hits of each table (by the table's id), found once: a sentence's rules ask for its verbs of
    # saying and its status words a dozen times
    cue_hits: dict[int, tuple[tuple[int, int, str], ...]] = field(
        default_factory=dict, repr=False, compare=False
    )


@dataclass(frozen=True)
class Result:
    states: list[StateCount]
    transfers: list[TransferMention]
    lemmas: str


def sentences(
    text: str, lexicon: Lexicon | None = None, abbreviations: frozenset[str] = frozenset()
) -> list[Sentence]:
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in SENTENCE_END.split(text):
        start = text.find(piece, position)
        position = start + len(piece)
        if spans and (
            _abbreviated(text[spans[-1][0] : spans[-1][1]], abbreviations)
            or (ORDINAL.search(text[spans[-1][0] : spans[-1][1]]) and piece[:1].islower())
        ):
            # "zadeklarowały m.in. Holandia", "w ramach 46. pakietu pomocy": the sentence goes on
            spans[-1] = (spans[-1][0], position)
        else:
            spans.append((start, position))
    dateline = DATELINE.match(text, spans[0][0]) if spans else None
    if dateline and (dateline[1] or dateline[2])[0].isupper() and dateline.end() < spans[0][1]:
        spans[0] = (dateline.end(), spans[0][1])  # no party: a place, which its state would be read for
    found = []
    for start, end in spans:
        piece = text[start:end]
        # quotation marks around a name or a word ("مجمع “إيركوت” الروسي", „Leopard“) would part it from
        # its neighbours: they are no words; not the gershayim inside a Hebrew one (ארה"ב)
        surface = TOKEN.findall(QUOTES.sub(" ", _normalise(piece)))
        if lexicon is not None:
            surface = [word for token in surface for word in lexicon.cut(token)]
        if surface:
            words = [word.lower().translate(ARABIC_VARIANTS) for word in surface]
            found.append(Sentence(piece, start, surface, words))
    return found


def _abbreviated(piece: str, abbreviations: frozenset[str]) -> bool:
    """Whether ``piece`` ends in one of the language's abbreviations and its full stop ("ok.", "m.in.")."""
    last = piece.rsplit(None, 1)[-1].lower() if piece.strip() else ""
    return last.endswith(".") and last.rstrip(".").lstrip("(\"'„«“") in abbreviations


def _state_matches(sentence: Sentence, data: LanguageData) -> list[tuple[int, int, Form]]:
    matches = []
    i = 0
    words = sentence.words
    while i < len(words):
        lookalike = next(
            (len(phrase) for phrase in data.not_states if tuple(words[i : i + len(phrase)]) == phrase), 0
        )
        if lookalike:
            i += lookalike  # "صحيفة واشنطن بوست" is a newspaper
            continue
        for length in range(min(MAX_FORM_TOKENS, len(words) - i), 0, -1):
            form = data.forms.get(tuple(words[i : i + length]))
            if form is None:
                continue
            first = sentence.surface[i]
            if (
                data.cased_script
                and form.kind in ("name", "metonym", "leader", "company")
                and not first[:1].isupper()
                and tuple(words[i : i + length]) not in data.uncased
            ):
                continue  # "turkey", "china" (porcelain), "patria": names are capitalised
            matches.append((i, i + length, form))
            i += length - 1
            break
        i += 1
    return matches


def _position(start: int, end: int, form: Form, sentence: Sentence, data: LanguageData) -> Position | None:
    """The position a preposition or a case suffix gives a party, else its case (unless ambiguous);
    None when bare in the nominative: then only word order can tell."""
    governed = _governed(start, end, form, sentence, data)
    if governed is not None:
        return governed
    if NOMINATIVE in form.cases:
        return None
    # the Slavic locative comes only after a preposition: bare "Ukrajině", "Ukrainie" are datives
    cases = form.cases - data.prepositional_cases or form.cases
    positions = {data.case_positions.get(case) for case in cases}
    words = sentence.words
    if (
        "to" in positions
        and start >= 2
        and words[start - 2] in data.prepositions
        and sentence.surface[start - 1].isalpha()
        and sentence.surface[start - 1].islower()
        and data.cues.label(words, start - 1) is None
    ):
        # "za pomoc Ukrajině" (for the help to Ukraine): the noun's dative, not a recipient; a transfer
        # noun keeps it ("na sprzedaż Polsce")
        return "of"
    if len(positions) == 1 and None not in positions:
        return positions.pop()
    # "России" is genitive, dative or locative: a recipient only right after a supply verb
    return "maybe_to" if "to" in positions else "of"


def _governed(start: int, end: int, form: Form, sentence: Sentence, data: LanguageData) -> Position | None:
    words = sentence.words
    if end + 1 < len(words) and words[end] == "'" and words[end + 1] in data.suffix_cases:
        return data.case_positions.get(data.suffix_cases[words[end + 1]], "of")
    after = end
    while after < len(words) and _is_forces(words[after], data):
        after += 1  # "米政府によると", "Türkiye hükümeti tarafından": the particle after the state's forces
    if (
        after < len(words)
        and words[after] in data.postpositions
        and not (start > 0 and words[start - 1] in data.prepositions)
    ):
        # "Türkiye tarafından", "روسیه را"; not "از روسیه را", where را marks the whole phrase as object
        return data.postpositions[words[after]]
    if start > 0 and words[start - 1].startswith(data.made_in or ("\0",)):
        return "origin"  # "ساخت روسیه"
    before = start - 1
    company = _company_named(start, sentence, data) if form.kind == "demonym" else None
    if company is not None:
        before = company  # "مع شركة “هانوا” الكورية": the preposition of the maker's noun
    if (
        before >= 1
        and sentence.surface[before].islower()
        and words[before] not in data.prepositions
        and words[before - 1] in data.articles
    ):
        before -= 1  # "a la extinta Unión Soviética": an adjective between the article and the name
    article_case = None  # "in die Ukraine" (accusative: to) vs "in der Ukraine" (dative: at)
    while before >= 0 and (words[before] in data.articles or _in_forces_name(before, sentence, data)):
        article_case = data.article_cases.get(words[before], article_case)
        before -= 1  # "por la Fuerza Aérea Ecuatoriana": the preposition of the phrase
    if before + 1 < start and (before < 0 or words[before] not in data.prepositions):
        # "للجيش الأوكراني" (to the Ukrainian army): the preposition is a clitic on the forces noun; "to" only
        # right after a supply verb, since the clitic also marks a possessor ("موقع تابع للجيش اليمني")
        head = words[before + 1]
        clitic = next((c for c in data.cues.clitics if head.startswith(c) and c in data.prepositions), None)
        position = data.prepositions[clitic].get("any") if clitic else None
        return "maybe_to" if position == "to" else position
    if before < 0 or words[before] not in data.prepositions:
        return None
    if (
        before >= 1
        and words[before - 1] in data.comitative
        and "with" in data.prepositions[words[before]].values()
    ):
        return "subject"  # "samen met Denemarken", "вместе с Германией": a second subject
    if before >= 1 and data.not_a_direction and words[before - 1].startswith(data.not_a_direction):
        return "at"  # "Invasion in die Ukraine", "вторжение в Украину": the noun's own preposition
    if article_case and article_case in data.prepositions[words[before]]:
        return data.prepositions[words[before]][article_case]
    if before >= 1 and words[before - 1].startswith(data.made_in or ("\0",)):
        return "origin"  # "fabricados en Rusia", "made in China"
    while words[before] in data.genitive_prepositions and before >= 1 and _is_forces(words[before - 1], data):
        # "a la Fuerza Aérea de Paraguay", "el jefe del Ejército de Nicaragua": the state acts through its
        # forces (and their people), whose own preposition counts
        before -= 1
        while before >= 0 and (words[before] in data.articles or _is_forces(words[before], data)):
            before -= 1
        if before < 0 or words[before] not in data.prepositions:
            return None
    for phrase, position in data.phrase_prepositions.items():
        if before + 1 >= len(phrase) and tuple(words[before + 1 - len(phrase) : before + 1]) == phrase:
            return position  # "por parte de", "da parte dei"
    by_case = data.prepositions[words[before]]
    cases = form.cases
    if data.nominative_is_accusative and NOMINATIVE in cases:
        cases = cases | {"acc"}  # inanimate names: "в Иран"
    for case in sorted(cases):
        if case in by_case:
            return by_case[case]
    if form.cases == {NOMINATIVE} and by_case and "any" not in by_case:
        # a form whose case is unknown (indeclinable "USA", or listed whole: "Stanów Zjednoczonych")
        # takes the preposition's first case: "z USA" is "from", as "z Polski" is
        return next(iter(by_case.values()))
    return by_case.get("any", "of")


def _in_forces_name(index: int, sentence: Sentence, data: LanguageData) -> bool:
    """Whether token ``index`` belongs to the name of a state's forces: a forces noun, or, where adjectives
    follow the noun, a capitalised word right after one ("a la Marina Real Saudí", "la Guardia Nacional";
    not "do grupo paramilitar russo")."""
    words = sentence.words
    return _is_forces(words[index], data) or (
        data.adjectives_follow_noun
        and index >= 1
        and _is_forces(words[index - 1], data)
        and sentence.surface[index][:1].isupper()
        and words[index].isalpha()
    )


def _is_forces(word: str, data: LanguageData) -> bool:
    if not data.forces:
        return False
    bare = [word[len(clitic) :] for clitic in data.cues.clitics if word.startswith(clitic)]
    return any(form.startswith(data.forces) for form in (word, *bare))  # "للجيش": ل + الجيش


def _company_named(start: int, sentence: Sentence, data: LanguageData) -> int | None:
    """Where the noun of a maker stands when only its name parts it from the demonym at ``start`` ("مع شركة
    “هانوا” الكورية الجنوبية"), in a language whose adjectives follow their noun; else None. A name is not
    in lower case where the script has cases ("grupo paramilitar russo": an adjective, no name)."""
    if not (data.adjectives_follow_noun and data.companies):
        return None
    words = sentence.words
    for head in range(start - 2, max(-1, start - 2 - COMPANY_NAME), -1):
        if not all(
            word.isalpha()
            and not written.islower()
            and word not in data.prepositions
            and not _is_forces(word, data)
            for word, written in zip(words[head + 1 : start], sentence.surface[head + 1 : start], strict=True)
        ):
            return None
        bare = [words[head][len(clitic) :] for clitic in data.cues.clitics if words[head].startswith(clitic)]
        if any(form.startswith(data.companies) for form in (words[head], *bare)):
            return head
    return None


def _phrase_start(start: int, words: list[str], data: LanguageData) -> int:
    """Where the phrase naming a state begins: before its articles and forces ("la Fuerza Aérea de")."""
    i = start
    while i > 0 and (
        words[i - 1] in data.articles
        or _is_forces(words[i - 1], data)
        or (words[i - 1] in data.genitive_prepositions and i >= 2 and _is_forces(words[i - 2], data))
    ):
        i -= 1
    return i


def _attribute(start: int, sentence: Sentence, data: LanguageData) -> bool:
    """A state in the genitive after a noun ("das Außenministerium der USA" acts for it, "Aussagen der
    USA" do not transfer anything)."""
    words, surface = sentence.words, sentence.surface
    if start < 2 or words[start - 1] not in data.genitive_articles:
        return False
    noun = surface[start - 2]
    return (
        noun[:1].isupper()
        and words[start - 2] not in data.prepositions  # "In der Ukraine" opening a sentence: a place
        and not words[start - 2].startswith(data.forces or ("\0",))
        # "Im März lieferte Deutschland der Ukraine Panzer": a name takes no genitive; a dative follows it
        and not any(end == start - 1 for _start, end, _form in _state_matches(sentence, data))
    )


def _weapons(sentence: Sentence, data: LanguageData) -> list[tuple[int, int, str, str]]:
    """(start, end, category, text) of weapon mentions: system and term lists by whole tokens (longest
    first), then the language's stems of single words (``*`` stems also inside a compound)."""
    found: list[tuple[int, int, str, str]] = []
    words = sentence.words
    i = 0
    while i < len(words):
        hit = None
        for length in range(min(5, len(words) - i), 1, -1):
            category = _term(words[i : i + length], data)
            if category is not None:
                hit = (i, i + length, category)
                break
        # a single word: the language file's stems first, then the shared term lists
        word = data.weapon_words.label(words, i) if hit is None and _lettered(words[i]) else None
        if word is not None:
            hit = (i, i + 1, word[0])
        elif hit is None and (category := data.weapon_terms.get((words[i],))) is not None:
            hit = (i, i + 1, category)
        if hit is not None:
            if (
                found
                and found[-1][1] == hit[0]
                and _names_a_system(sentence, hit[0], data)
                and not _names_a_system(sentence, found[-1][0], data)
            ):
                found.pop()  # "misiles HIMARS", "mísseis Patriot": the system says what the weapon is
            if (
                found
                and found[-1][1] == hit[0]
                and not _names_a_system(sentence, hit[0], data)
                and not _names_a_system(sentence, found[-1][0], data)
                and not sentence.surface[found[-1][0]][:1].isupper()  # a German noun is no modifier
                # "مدافع هاون وذخائر": a conjunction written onto the second word lists two weapons
                and not (data.weapon_words.clitics and words[hit[0]][:1] in data.conjunctions)
                and base.NOT_A_WEAPON not in (hit[2], found[-1][2])
            ):
                start, _end, category, _text = found.pop()  # "артилерійських снарядів": one weapon
                hit = (start, hit[1], min(category, hit[2], key=SPECIFIC_FIRST.index))
            if found and found[-1][1] + 1 == hit[0] and words[hit[0] - 1] == "-":
                # "зенитно-ракетный", "S-300-Flugabwehrraketen": one weapon, named by its first part
                start, _end, category, _text = found.pop()
                hit = (start, hit[1], category)
            if not any(tuple(words[hit[1] : hit[1] + n]) in data.weapon_terms for n in range(1, 6)):
                hit = (hit[0], _designation_end(sentence, hit[1]), hit[2])  # unless it names a known system
                if _model_name(sentence, hit[0], hit[1], data):
                    hit = (hit[0], hit[1] + 1, hit[2])  # "helicópteros Apache de Estados Unidos"
            if hit[2] != base.NOT_A_WEAPON:
                found.append(
                    (
                        hit[0],
                        hit[1],
                        hit[2],
                        " ".join(sentence.surface[hit[0] : hit[1]]).replace(" - ", "-").replace(" ' ", "'"),
                    )
                )
            i = hit[1]
        else:
            i += 1
    return found


def _term(phrase: list[str], data: LanguageData) -> str | None:
    """The category of a weapon named by several words, also with a clitic written onto the first
    ("بطائرات مسيرة": ب + طائرات مسيرة)."""
    bare = [phrase[0][len(clitic) :] for clitic in data.weapon_words.clitics if phrase[0].startswith(clitic)]
    # a variant's letters after the number name the same system: "Су-35С", "С-300ПМУ2", "T-72B3"
    variant = VARIANT.fullmatch(phrase[-1]) if len(phrase) > 1 else None
    lasts = (phrase[-1], variant.group(1)) if variant else (phrase[-1],)
    for first in (phrase[0], *bare):
        for last in lasts:
            category = data.weapon_terms.get((first, *phrase[1:-1], last) if len(phrase) > 1 else (first,))
            if category is not None:
                return category
    return None


def _origin(text: str, data: LanguageData) -> str | None:
    """The state that makes the system a weapon mention names, also for a variant ("Су-35С": Су-35's)."""
    name = text.lower()
    return data.origins.get(name) or data.origins.get(VARIANT.sub(r"\1", name))


def _names_a_system(sentence: Sentence, index: int, data: LanguageData) -> bool:
    """A weapon named by a proper name or a code ("Patriot", "F-16"), not a common noun (German
    capitalises every noun: there only codes and acronyms count)."""
    word = sentence.surface[index]
    return (
        (word[:1].isupper() and not data.capitalised_nouns)
        or word.isupper()
        or any(ch.isdigit() for ch in word)
    )


def _model_name(sentence: Sentence, start: int, end: int, data: LanguageData) -> bool:
    """Whether the capitalised word right after a common weapon noun is the model's name ("helicópteros
    Apache", "танки Leopard"), where only names are capitalised and the word names no state."""
    surface = sentence.surface
    return (
        end < len(surface)
        and not data.capitalised_nouns
        and surface[end][:1].isupper()
        and surface[end][1:].islower()
        and surface[end].isalpha()
        and data.weapon_words.label(sentence.words, end) is None
        and not _names_a_system(sentence, start, data)
        and all(state_start != end for state_start, _end, _form in _state_matches(sentence, data))
    )


def _designation_end(sentence: Sentence, end: int) -> int:
    """Where the model designation after a weapon word ends: "helicópteros T-129 Atak", "caccia M-346
    Master" (codes with digits, the capitals and dashes that join them, and the name after them)."""
    surface = sentence.surface
    i = end
    while i < len(surface) and (
        any(ch.isdigit() for ch in surface[i])
        or (surface[i] == "-" and i + 1 < len(surface) and surface[i + 1][:1].isalnum() and i > end)
        or (surface[i].isupper() and len(surface[i]) <= 4 and i + 1 < len(surface) and surface[i + 1] == "-")
    ):
        i += 1
    if i > end and i < len(surface) and surface[i][:1].isupper() and surface[i][1:].islower():
        i += 1  # the name of a designated model: "T-129 Atak"
    return i


def _lettered(word: str) -> bool:
    """A word of letters, the zero-width non-joiner of Persian among them ("تانک‌ها", "می‌فرستد")."""
    return word.replace("\u200c", "").isalpha()


def _cue_hits(sentence: Sentence, cues: Cues) -> tuple[tuple[int, int, str], ...]:
    known = sentence.cue_hits.get(id(cues))  # the tables outlive every sentence: their ids stay theirs
    if known is not None:
        return known
    hits = []
    i = 0
    while i < len(sentence.words):
        found = cues.label(sentence.words, i) if _lettered(sentence.words[i]) else None
        if found:
            if found[0] != IDIOM:  # an idiom takes its words, and is no cue
                hits.append((i, i + found[1], found[0]))
            i += found[1]
        else:
            i += 1
    sentence.cue_hits[id(cues)] = found_hits = tuple(hits)
    return found_hits


def _parties(
    sentence: Sentence,
    data: LanguageData,
    weapons: list[tuple[int, int, str, str]],
    cues: list[Cue],
    heard: list[Cue],
) -> list[Party]:
    """The states and armed groups of a sentence with the position each holds; ``heard`` are the transfer
    words before negation, whose prepositions may name the parties of the ones that remain."""
    parties: list[Party] = []
    words = sentence.words
    clause_of = _clauses(sentence, data)
    after_content = {i for w in weapons for i in range(w[0], w[1])} | {cue.last for cue in cues}
    matches = _state_matches(sentence, data)
    named = frozenset(i for start, end, _form in matches for i in range(start, end))
    # a preposition right after a verb of accusing: the personal "a" of "han acusado a Irán de ..."
    accused = {
        end
        for _start, end, _label in _cue_hits(sentence, data.accusing)
        if end < len(words) and words[end] in data.prepositions
    }
    places: set[int] = set()  # where the names of places (no parties) end
    for start, end, form in matches:
        # the forces before it, with no transfer word between ("het Oekraïense leger gebruikt Duitse tanks"),
        # unless a weapon follows it where adjectives come first ("Ukrayna ordusu Amerikan HIMARS"): its maker
        actor = (
            (end < len(words) and _is_forces(words[end], data))
            or (
                any(
                    _is_forces(words[index], data) and not any(index < cue.index < start for cue in heard)
                    for index in range(max(0, start - 2), start)
                )
                and (data.adjectives_follow_noun or not any(w[0] == end for w in weapons))
            )
            or (form.kind == "demonym" and _company_named(start, sentence, data) is not None)
        )
        compound = end + 1 < len(words) and words[end] == "-" and words[end + 1].isalpha()
        # "Kampfpanzer des US-Konzerns General Dynamics", "Kampfjets des französischen Konzerns Dassault": a
        # maker named in the genitive after its weapon
        maker = (
            words[end + 1 if compound else end].startswith(data.companies or ("\0",))
            if end < len(words)
            else False
        )
        if compound and words[end + 1].startswith(data.forces or ("\0",)):
            actor, compound = True, False  # "US-Verteidigungsministerium" is the state
        # not past the noun of the forces: "دبابات للجيش الأوكراني" (tanks for the Ukrainian army)
        beside_weapon = data.adjectives_follow_noun and any(
            0 <= start - w[1] <= 1 and not (start > w[1] and _is_forces(words[w[1]], data)) for w in weapons
        )
        if form.kind == "demonym" and (not actor or beside_weapon):
            # "russische Panzer", "des russischen Raketenabwehrsystems": the maker, when next to a
            # weapon; "для российской армии" takes its preposition's position
            # "van Russische makelij", "российского производства": the noun of making after the demonym
            made = end < len(words) and words[end].startswith(data.make_nouns)
            position = "origin" if beside_weapon or made else _governed(start, end, form, sentence, data)
            if not data.adjectives_follow_noun and any(cue.index == end and cue.noun for cue in cues):
                # "über israelische Waffenverkäufe an Aserbaidschan": the demonym of a transfer noun is its
                # agent, as a genitive before it is ("Israels Waffenverkäufe"); a preposition governs the noun
                position = "by"
            if (
                not data.adjectives_follow_noun
                and any(weapon[0] == end for weapon in weapons)
                and start >= 2
                and words[start - 1] in data.prepositions
                and data.cues.label(words, start - 2) is not None
            ):
                # "kontrakt na koreańskie czołgi": the deal's preposition governs the weapon, whose maker the
                # demonym names; not "для российской артиллерии", for the Russian artillery
                position = "origin"
            if position is None and any(
                (0 <= weapon_start - end <= 2 and not data.adjectives_follow_noun)
                or 0 <= start - weapon_end <= 1
                for weapon_start, weapon_end, _category, _text in weapons
            ):  # before the weapon ("russische Panzer") or after it ("أسلحة إيرانية", "armas rusas")
                position = "origin"
            if (
                position is None
                and data.adjectives_follow_noun
                and any(cue.kind == "supply" and start == cue.last + 1 for cue in cues)
            ):
                # "عقد تصدير كوري جنوبي", "exportaciones rusas": the agent of the transfer noun it qualifies;
                # not "إرسال الرئيس التركي قوات", where it qualifies the noun between
                position = "by"
            if position not in ("origin", "to", "from", "by"):
                continue
        elif _attribute(start, sentence, data):
            position = "of"  # "Aussagen der USA", "Einmarsch der Sowjetunion"
        else:
            position = _position(start, end, form, sentence, data)
            if (
                position == "of"
                and form.cases == {"gen"}
                and actor
                and end < len(words)
                and _is_forces(words[end], data)
            ):
                # "Russlands Regierung liefert", "an Kim Jong Uns Regime": the state acts through the noun
                # of its forces after it, which holds the phrase's position
                position = _governed(
                    start, end, Form(form.code, form.kind, frozenset({NOMINATIVE})), sentence, data
                )
            if (
                position in ("at", "to", None)
                and end < len(words)
                and words[end].startswith(data.made_in or ("\0",))
            ):
                # "in den USA hergestellte Jets", "İran yapımı İHA'lar": where a weapon is made, its maker
                position = "origin"
            if (
                position not in (None, "of")
                and start >= 1
                and _is_forces(words[start - 1], data)
                and _governed(start, end, form, sentence, data) is None
            ):
                position = (
                    "of"  # "президент Польщі": a bare name after the noun of its forces is its genitive
                )
            if position == "of" and start >= 1 and _is_forces(words[start - 1], data):
                # "Минобороны России", "Sił Zbrojnych Ukrainy": the state acts through the noun before it,
                # whose preposition (or none) places it
                head = _phrase_start(start - 1, words, data)
                position = (
                    _governed(head, start, form, sentence, data)
                    if head >= 1 and words[head - 1] in data.prepositions
                    else None
                )
            if (
                position is None
                and start >= 2
                and (start - 2 in after_content)
                and words[start - 1] in data.prepositions
            ):
                # Portuguese "a" is an article or "to": after a weapon or a transfer word it is "to"
                position = data.prepositions[words[start - 1]].get("any")
            if compound and position not in (None, "subject", "object"):
                continue  # "nach US-Angaben": the preposition governs "Angaben", not the state
        if position == "of" and maker and any(0 < start - w[1] <= 2 for w in weapons):
            position = "origin"
        if position == "of" and _genitive_subject(end, sentence, data, cues, clause_of, weapons):
            position = "subject"
        if position == "of" and "gen" in form.cases and any(cue.index == end and cue.noun for cue in cues):
            position = "subject"  # "Deutschlands Verkauf an Ägypten": a genitive before the noun is its agent
        if (
            position == "of"
            and data.genitive_agent_after
            and form.cases == {"gen"}
            and any(cue.last == start - 1 and cue.noun for cue in cues)
        ):
            position = "by"  # "die Waffenlieferungen Deutschlands an die Ukraine": after the noun too
        anchor = _phrase_start(start, words, data)  # "a la Fuerza Aérea de Bolivia" counts from "a"
        if position == "to" and anchor >= 1 and anchor - 1 in accused:
            position = "object"  # "acusaron a Teherán de enviar": the personal "a" marks whom it accuses
        if position == "of" and _genitive_source(anchor, start, words, weapons, cues, data):
            position = "from"
        # "In der Ukraine sind Waffen aus Deutschland eingetroffen": where they arrived receives them
        arrived = position == "at" and any(
            cue.kind == "arrival" and clause_of[cue.index] == clause_of[start] for cue in heard
        )
        if position == "at" and start >= 2 and _is_forces(words[start - 2], data):
            # "das Regime in Teheran", "die Regierung in Moskau": the government seated there acts
            head = _phrase_start(start - 2, words, data)
            position = _governed(head, start - 1, form, sentence, data)
        if position is None and anchor - 1 in places and words[anchor - 1] in data.conjunctions:
            continue  # "la cooperación entre Rusia e Irán": the place's preposition governs both names
        if (position == "at" and not arrived) or (position == "of" and form.kind == "metonym"):
            places.add(end)
            continue  # "in Moskau", "in Kyiv": a place
        if position == "via":
            places.add(end)
            continue  # "via Polen", "attraverso la Polonia": a transit state, even where weapons arrive
        if any(word.startswith(data.financing) for word in words[max(0, anchor - FINANCING_REACH) : anchor]):
            continue  # "che verrà saldata da sauditi ed Emirati": who pays for a transfer is no party to it
        if (
            parties
            and parties[-1].code == form.code
            and parties[-1].end == start - 1
            and _is_forces(words[start - 1], data)
        ):
            continue  # "Российская компания Рособоронэкспорт": the name repeats the state its noun made act
        if (
            end < len(words)
            and words[end].isalpha()
            and any(word.startswith(data.financing) for word in words[end : end + 2])
        ):
            continue  # "l'Arabia Saudita ha finanziato la fornitura": the subject of paying, too
        if position in ("to", "from", "by", "maybe_to") and not (
            any(abs(cue.index - anchor) <= data.preposition_reach for cue in heard)
            or any(
                _near(sentence, data, (anchor, end), weapon[:2], WEAPON_REACH, named) for weapon in weapons
            )
        ):
            continue  # "Kritik aus China": a preposition far from any transfer word or weapon
        parties.append(Party(start, end, form.code, None, form.kind, position, CONJOINED in form.cases))
    parties.extend(_speakers_countries(sentence, data, parties, cues, clause_of))
    taken = {i for party in parties for i in range(party.start, party.end)}
    for length_start in range(len(sentence.words)):
        for phrase, name in data.non_state.items():
            end = length_start + len(phrase)
            if tuple(sentence.words[length_start:end]) == phrase and not taken & set(
                range(length_start, end)
            ):
                form = Form("", "non_state", _non_state_cases(phrase, data))
                position = _position(length_start, end, form, sentence, data)
                if position in ("at", "of"):
                    continue
                parties.append(Party(length_start, end, None, name, "non_state", position))
    return sorted(parties, key=lambda party: party.start)


def _speakers_countries(
    sentence: Sentence, data: LanguageData, parties: list[Party], cues: list[Cue], clause_of: list[int]
) -> list[Party]:
    """Parties for "his country" right after a supply word, the state of the one who says it: "قال مسؤول في
    القوة الجوية الباكستانية إن الصين وافقت على تزويد بلاده" (Pakistan receives); the speaker is the first
    state named after the verb of saying, in its clause."""
    found = []
    saying = [
        (start, end)
        for start, end, label in _cue_hits(sentence, data.status)
        if label in ("report", "denied")
    ]
    for index, word in enumerate(sentence.words):
        if word not in data.country_pronouns or not any(
            cue.kind == "supply" and cue.last + 1 == index for cue in cues
        ):
            continue
        speaker = next(
            (
                party
                for party in parties
                if party.code is not None
                and party.position is None
                and any(
                    end <= party.start < index and clause_of[party.start] == clause_of[start]
                    for start, end in saying
                )
            ),
            None,
        )
        if speaker is not None and clause_of[speaker.start] != clause_of[index]:
            found.append(Party(index, index + 1, speaker.code, None, speaker.kind, None))
    return found


def _non_state_cases(phrase: tuple[str, ...], data: LanguageData) -> frozenset[str]:
    """The case of a group's name that is another listed name of it with a case suffix written on
    (Turkish "Husilere": "Husiler" + dative), else the nominative."""
    for suffix, case in sorted(data.suffix_cases.items(), key=lambda item: -len(item[0])):
        stem = phrase[-1].removesuffix(suffix)
        if stem != phrase[-1] and (*phrase[:-1], stem) in data.non_state:
            return frozenset({case})
    return frozenset({NOMINATIVE})


def _genitive_verbs(
    end: int, sentence: Sentence, data: LanguageData, cues: list[Cue], clause_of: list[int]
) -> list[Cue]:
    """The nominalised transfer verbs after a name in the genitive (ending at ``end``) in its clause,
    whose subject it is ("Kuzey Kore'nin Rusya'ya mermi sağladığını söyledi": North Korea supplied);
    before a transfer noun it may own another ("Yunanistan'ın F-16 satışına itirazı": Greece objects)."""
    if not data.genitive_subject or not _genitive(end, sentence, data):
        return []
    return [
        cue
        for cue in cues
        if cue.index > end and clause_of[cue.index] == clause_of[end] and _nominalised(cue, sentence, data)
    ]


def _genitive_subject(
    end: int,
    sentence: Sentence,
    data: LanguageData,
    cues: list[Cue],
    clause_of: list[int],
    weapons: list[tuple[int, int, str, str]],
) -> bool:
    """Whether a name in the genitive is a supplier's or a recipient's subject: the weapon stands between
    it and its nominalised verb ("Kuzey Kore'nin Rusya'ya mermi sağladığını"); a relative clause before
    its head ("ABD'nin İsrail'e gönderdiği uçak gemisi") may tell of a state's own forces."""
    return any(
        end < weapon[0] < cue.index
        # "Türkiye'nin Rusya'dan satın aldığı S-400": a relative clause of buying before the weapon it
        # qualifies tells of a purchase, where one of sending may tell of a state's own ships
        or (cue.kind == "acquire" and 0 < weapon[0] - cue.last <= RELATIVE_HEAD)
        for cue in _genitive_verbs(end, sentence, data, cues, clause_of)
        for weapon in weapons
    )


def _genitive(end: int, sentence: Sentence, data: LanguageData) -> bool:
    """Whether the name ending at ``end`` takes a genitive suffix after an apostrophe ("Rusya'nın")."""
    words = sentence.words
    return end + 1 < len(words) and words[end] == "'" and data.suffix_cases.get(words[end + 1]) == "gen"


def _nominalised(cue: Cue, sentence: Sentence, data: LanguageData) -> bool:
    """Whether a transfer verb (or the auxiliary after it: "teslim ettiğini") is nominalised, so that
    its subject is in the genitive, and a bare name before it is the subject of the verb of saying."""
    return any(
        pattern.search(word) for word in _verb_words(cue, sentence, data) for pattern in data.genitive_subject
    )


def _near(
    sentence: Sentence,
    data: LanguageData,
    one: tuple[int, int],
    other: tuple[int, int],
    reach: int,
    named: frozenset[int] = frozenset(),
) -> bool:
    """Whether two spans are at most ``reach`` words apart, counting only the words that can separate
    them: numbers, model designations ("MD530F", "UH-1H Iroquis"), articles, conjunctions and the nouns
    of armed forces only continue the phrase ("helicópteros MD530F y ocho MD500E a la Fuerza Aérea
    Salvadoreña"); a state ``named`` between them always separates."""
    if min(one[0], other[0]) < 0:
        return False  # the weapon a sentence leaves out (``ELLIPTIC``) is near nothing
    low, high = (one[1], other[0]) if one[1] <= other[0] else (other[1], one[0])
    if high <= low:
        return True  # the spans touch or overlap
    if one[1] > other[0] and sentence.words[high - 1] in data.prepositions:
        high -= 1  # the preposition that governs the first span is part of it
    return _separating(sentence, data, low, high, named) <= reach


def _separating(sentence: Sentence, data: LanguageData, low: int, high: int, named: frozenset[int]) -> int:
    """The words from ``low`` up to ``high`` that separate what stands on either side: the states
    ``named`` and the words ``_separates`` counts."""
    return sum(i in named or _separates(sentence, data, i) for i in range(low, high))


def _separates(sentence: Sentence, data: LanguageData, index: int) -> bool:
    word, written = sentence.words[index], sentence.surface[index]
    if word == ",":
        return True
    if index > 0 and sentence.words[index - 1] == "'":
        return False  # the case suffix of a name before it ("Rusya'ya")
    if not word.isalpha() or any(ch.isdigit() for ch in written):
        return False  # numbers, codes and dashes
    if word in data.articles or word in data.conjunctions or _is_forces(word, data):
        return False
    designation = written.isupper() and len(written) > 1
    named = data.cased_script and not data.capitalised_nouns and written[:1].isupper()
    return not (designation or named)


def _genitive_source(
    anchor: int,
    start: int,
    words: list[str],
    weapons: list[tuple[int, int, str, str]],
    cues: list[Cue],
    data: LanguageData,
) -> bool:
    """In Romance languages "de" right after the weapon or the transfer verb names where it comes from
    ("compra de cazas de Francia", "recebeu da Rússia", "KC-390 da fabricante brasileira"); not the
    armed forces that hold it ("aviones de la Fuerza Aérea de Chile"), only a state or a maker. After a
    supply noun it names the giver, its forces too ("una donación del ejército de Estados Unidos")."""
    if not data.genitive_source or anchor < 1 or words[anchor - 1] not in data.genitive_prepositions:
        return False
    if any(cue.noun and cue.kind == "supply" and cue.last == anchor - 2 for cue in cues):
        return True
    military = [
        word
        for word in words[anchor:start]
        if _is_forces(word, data) and not word.startswith(data.companies or ("\0",))
    ]
    return not military and (
        any(weapon_end == anchor - 1 for _s, weapon_end, _c, _t in weapons)
        or any(not cue.noun and cue.last == anchor - 2 for cue in cues)
    )


def _bare_positions(parties: list[Party], sentence: Sentence, data: LanguageData) -> list[Party]:
    """Parties with no preposition or case get subject (first) and object (the next, unless joined to
    the first by a conjunction: "Russland und Ägypten")."""
    placed: list[Party] = []
    subject_chain_end: int | None = None
    seen_subject = False
    for index, party in enumerate(parties):
        previous = placed[-1] if placed else None
        if (
            party.position is None
            and index
            and parties[index - 1].position == "subject"
            and _coordinated(parties[index - 1], party, sentence, data)
        ):
            # "samen met Denemarken en Duitsland": both join the subject
            placed.append(_with(party, "subject"))
            continue
        if (
            party.position in (None, "maybe_to", "of")
            and previous is not None
            and previous.position not in (None, "subject", "object", "origin", "maybe_to", "of")
            and _coordinated(previous, party, sentence, data)
        ):
            # "an Polen und Litauen", "від Північної Кореї та Ірану": one preposition governs both
            placed.append(_with(party, previous.position))
            continue
        if party.position is not None:
            placed.append(party)
            continue
        if not seen_subject:
            seen_subject = True
            subject_chain_end = party.end
            placed.append(_with(party, "subject"))
            continue
        between = sentence.words[subject_chain_end : party.start] if subject_chain_end is not None else []
        joined = (not between and party.joined) or _joining(between, data)
        if subject_chain_end is not None and joined:
            subject_chain_end = party.end
            placed.append(_with(party, "subject"))
        else:
            subject_chain_end = None
            placed.append(_with(party, "object"))
    return placed


def _within_subject_reach(party: Party, cues: list[Cue], sentence: Sentence, data: LanguageData) -> bool:
    """In verb-first languages the subject sits next to its verb ("تزويد طهران للحوثيين"): a bare party
    far from every transfer word is not a party to it; its forces count ("حصلت القوات المسلحة المغربية").
    A pronoun before the transfer verb or on its verbal noun stands for the subject of the verb of saying
    or denying before it, however far ("أعلنت روسيا ... أنها سلمت", "نفت الإمارات ... تزويدها")."""
    if party.position is not None or data.subject_reach is None:
        return True
    words = sentence.words
    start = _phrase_start(party.start, words, data)
    if any(
        -data.subject_reach <= start - cue.last <= data.subject_reach
        or -data.subject_reach <= cue.index - party.end <= data.subject_reach
        for cue in cues
    ):
        return True
    resumed = any(
        (cue.index >= 1 and words[cue.index - 1] in data.subject_pronouns)
        or words[cue.last].endswith(data.pronoun_suffixes)
        for cue in cues
        if cue.index > party.end
    )
    saying = [end for _start, end, label in _cue_hits(sentence, data.status) if label in ("report", "denied")]
    return resumed and any(0 <= start - end <= data.subject_reach for end in saying)


def _clauses(sentence: Sentence, data: LanguageData) -> list[int]:
    """The clause number of each token: a subordinator ("что", "dass", "que") or ";" opens a new one, so
    the subject of "the US believe that North Korea supplies..." is not a party; a comma closes a short
    one, an aside ("Colombia, en los años que han pasado, compró..."). A ``shared_subject`` break right
    before a transfer word opens none: the verb has no subject of its own ("Иран признал, что
    поставлял"), or the word is an infinitive marker (Swedish "beslutat att skicka")."""
    cue_starts = {start for start, _end, _label in _cue_hits(sentence, data.cues)}
    # "notificó que ha autorizado una venta", "anunció que firmó un contrato de compra": a verb of approving
    # or signing with a transfer word right after it stands for that word, with no subject of its own
    cue_starts |= {
        start
        for start, end, label in _cue_hits(sentence, data.status)
        if label == "agreed" and any(end <= cue <= end + DEAL_OBJECT for cue in cue_starts)
    }
    # "Die USA behaupten, Nordkorea liefere Munition": the comma after a verb of saying opens what it says
    said = {end for _start, end, label in _cue_hits(sentence, data.status) if label == "report"}
    accusations = {end for _start, end, _label in _cue_hits(sentence, data.accusing)}
    # "Irán negó que haya vendido drones": a verb of denying, like one of saying, lends the verb after its
    # "que" its subject
    said_or_denied = said | {
        end for _start, end, label in _cue_hits(sentence, data.status) if label == "denied"
    }
    opening = {
        _phrase_start(start, sentence.words, data) for start, _end, _form in _state_matches(sentence, data)
    }
    # "Nederland levert de houwitsers, Duitsland levert de munitie": a state after a comma, with a transfer
    # verb of its own before the next comma, opens a clause of its own when one came before
    verbs = [
        start
        for start, _end, label in _cue_hits(sentence, data.cues)
        if not label.endswith("_noun") and label != "deal" and not _capitalised_noun(sentence, data, start)
    ]
    commas = [index for index, word in enumerate(sentence.words) if word == ","] + [len(sentence.words)]
    numbers: list[int] = []
    clause = 0
    opened: tuple[int, int] | None = None  # the clause an aside interrupted, and where the aside began
    for index, word in enumerate(sentence.words):
        # "meddelade Storbritannien att man skickar": the pronoun stands for the subject before the break;
        # so do the auxiliaries of a verb with no subject ("o Canadá anunciou que iria entregar")
        after = index + 1
        while after < len(sentence.words) and sentence.words[after] in data.auxiliaries:
            after += 1
        pronoun = after < len(sentence.words) and sentence.words[after] in data.subject_pronouns
        shared = after in cue_starts or (pronoun and after + 1 in cue_starts)
        # ... when a state opens it; not "Polen sagte, es habe geliefert", where the one who says supplies
        # ... but not after an accusation, whose infinitive has no subject: "werfen Nordkorea vor, Russland
        # Raketen geliefert zu haben" (Russia receives)
        reported = (
            word == ","
            and index + 1 in opening
            and any(0 <= index - end <= REPORT_REACH for end in said)
            and not any(0 <= index - end <= REPORT_REACH for end in accusations)
        )
        following = next((comma for comma in commas if comma > index), len(sentence.words))
        # "Iran ontkent dat het drones aan Rusland heeft geleverd": the pronoun of a verb-final clause
        resumed = (
            pronoun
            and data.subordinate_verb_final
            and word in data.clause_breaks
            and _resumes_subject(sentence, data, after, following, verbs)
        )
        asyndetic = (
            word == ","
            and index + 1 in opening
            and any(verb < index and numbers[verb] == clause for verb in verbs)
            and any(index < verb < following for verb in verbs)
        )
        if (
            (
                word in data.clause_breaks
                and not (
                    shared
                    and (
                        word in data.shared_subject
                        or (
                            word in data.reported_subject
                            and any(0 <= index - end <= SAID_REACH for end in said_or_denied)
                        )
                    )
                )
                and not resumed
            )
            or reported
            or asyndetic
        ):
            opened = (clause, index) if word not in (";", ":") and not asyndetic else None
            clause = max(numbers, default=0) + 1
        elif word == "," and opened is not None:
            if index - opened[1] <= ASIDE:
                clause = opened[0]
            opened = None
        numbers.append(clause)
    return numbers


def _resumes_subject(
    sentence: Sentence, data: LanguageData, pronoun: int, end: int, verbs: list[int]
) -> bool:
    """Whether the subject ``pronoun`` of a verb-final clause stands for the subject before the clause: a
    transfer verb closes the clause before ``end``, and every state between them is governed by a preposition
    or a dative article ("dass es dem Iran Jets geliefert habe"), none a subject of its own ("dat het
    Iraanse regime drones levert": "het" is an article)."""
    verb = next((start for start in verbs if pronoun < start < end), None)
    if verb is None:
        return False
    words = sentence.words
    for start, _end, _form in _state_matches(sentence, data):
        if pronoun < start < verb:
            head = _phrase_start(start, words, data)
            article = data.article_cases.get(words[start - 1]) if start - 1 > pronoun else None
            if words[head - 1] not in data.prepositions and article != "dat":
                return False
    return True


def _coordinated(previous: Party, party: Party, sentence: Sentence, data: LanguageData) -> bool:
    between = sentence.words[previous.end : party.start]
    return (not between and party.joined) or _joining(between, data)


def _joining(between: list[str], data: LanguageData) -> bool:
    """Whether the words between two names join them: a conjunction or a comma, with articles ("und die
    Ukraine"); an article alone opens the next phrase ("lieferte Deutschland der Ukraine": the dative)."""
    return any(word in data.conjunctions or word == "," for word in between) and all(
        word in data.conjunctions or word in data.articles or word == "," for word in between
    )


def _with(party: Party, position: Position) -> Party:
    return Party(party.start, party.end, party.code, party.name, party.kind, position, party.joined)


@dataclass
class _Found:
    supplier: Party
    recipient: Party
    category: str
    weapon: str
    status: Status
    confidence: float
    sentence: Sentence
    guessed: bool = False  # the status is the language's default: the sentence did not tell it


def _negated(cue: Cue, sentence: Sentence, data: LanguageData) -> bool:
    """A negation near the transfer word, or a negative suffix on the verb or its auxiliary (Turkish
    "göndermedi", "teslim etmeyecek")."""
    words = sentence.words
    return any(
        word in data.negations for word in words[max(0, cue.index - WINDOW) : cue.index + WINDOW]
    ) or any(
        pattern.search(word) for word in _verb_words(cue, sentence, data) for pattern in data.negative_verb
    )


def _verb_words(cue: Cue, sentence: Sentence, data: LanguageData) -> list[str]:
    """The words that carry a transfer verb's suffixes: its own, and the light verb that makes a noun of
    it a verb (Turkish "teslim ettiği", "ihraç edecek"); not another verb ("almayı planladığı")."""
    words = sentence.words
    after = cue.last + 1
    light = after < len(words) and words[after].startswith(data.light_verbs)
    return words[cue.last : after + 1] if light else [words[cue.last]]


def _negated_weapon(weapon: tuple[int, int, str, str], sentence: Sentence, data: LanguageData) -> bool:
    """A weapon its determiner negates is not transferred ("keine Kampfpanzer, aber Flugabwehrsysteme")."""
    return any(word in data.negations for word in sentence.words[max(0, weapon[0] - 2) : weapon[0]])


def _status(
    sentence: Sentence, data: LanguageData, cues: list[Cue], speaker_is_party: bool = False
) -> Status | None:
    """The status of the transfers a sentence reports: a denial word, a hedge, a future or agreement
    word, a delivery word, the past tense of the transfer verb; None when nothing tells. Indirect speech
    ("reported": German "seien angekommen") is a claim, unless a party to the transfer says it."""
    labels = {label for _start, _end, label in _cue_hits(sentence, data.status)}
    labels |= data.status.co_occurring(sentence.words)
    if "reported" in labels and not speaker_is_party:
        labels.add("alleged")
    # the tense is that of the verb, or of the light verb that makes a noun of it one ("teslim edecek")
    verbs = [word for cue in cues if not cue.noun for word in _verb_words(cue, sentence, data)]
    past = any(pattern.search(verb) for verb in verbs for pattern in data.past)
    present = any(pattern.search(verb) for verb in verbs for pattern in data.present)
    if "denied" in labels:
        return "denied"
    if "alleged" in labels or any(pattern.search(verb) for verb in verbs for pattern in data.hearsay):
        return "alleged"
    if "future" in labels or any(pattern.search(verb) for verb in verbs for pattern in data.future):
        return "agreed"
    tense: Status | None = "delivered" if past else "ongoing" if present else None
    fact = next((fact for fact in statuses.FACT_ORDER if fact in labels), tense)
    if fact == "delivered" and "continues" in labels:
        return "ongoing"  # "de eerste tanks zijn aangekomen, meer zijn onderweg"
    return fact


def _sentence_transfers(sentence: Sentence, data: LanguageData, previous: list[_Found]) -> list[_Found]:
    """The transfers one sentence reports; ``previous`` are those of the sentence before, whose parties
    a sentence naming none continues ("Der Deal soll 108 Panzer umfassen")."""
    denial = "denied" in {label for _start, _end, label in _cue_hits(sentence, data.status)}
    weapons = [
        weapon for weapon in _weapons(sentence, data) if denial or not _negated_weapon(weapon, sentence, data)
    ]
    elliptic = not weapons
    if elliptic:
        # "Ще кілька прибудуть з Данії": more of the one weapon the sentence before transferred; else a
        # transfer of no weapon yet ("Portugal vai enviar mais ajuda para a Ucrânia") only sets the scene
        # (a ``FRAME``) for the sentences after it ("A ministra anunciou que irá enviar blindados")
        carried_on = len({item.category for item in previous}) == 1
        if _cue_hits(sentence, data.back_references):
            # "Lo rivelano fonti americane citando informazioni fornite dall'intelligence Usa": a sentence
            # that names the source of the one before reports nothing of its own
            return []
        weapons = [
            (ELLIPTIC, ELLIPTIC, previous[0].category, previous[0].weapon)
            if carried_on
            else (ELLIPTIC, ELLIPTIC, FRAME, "")
        ]
    clause_of = _clauses(sentence, data)
    # "rechazó las acusaciones", "رفضت إيران الاتهامات": a refusal word that opens a denial (a phrase as long,
    # or the first word of an ``a ... b`` one) denies and blocks nothing; not "afviser at levere" (refuses to
    # deliver), a longer refusal
    denying = {start: end for start, end, label in _cue_hits(sentence, data.status) if label == "denied"}
    denying_words = tuple(
        stems[0]
        for stems, label in data.status.together
        if label == "denied" and all(any(word.startswith(stem) for word in sentence.words) for stem in stems)
    )
    blockers = [
        start
        for start, end, _label in _cue_hits(sentence, data.blockers)
        if denying.get(start, start) < end
        and not (end - start == 1 and sentence.words[start].startswith(denying_words or ("\0",)))
    ]
    intentions = [start for start, _end, _label in _cue_hits(sentence, data.intentions)]
    hits = _cue_hits(sentence, data.cues)
    blocked = {
        start
        for start, _end, label in hits
        if any(
            clause_of[block] == clause_of[start] and abs(block - start) <= data.block_reach
            for block in blockers + [wish for wish in intentions if label.removesuffix("_noun") == "acquire"]
        )
    }
    # "anunció la cancelación de un contrato ... para el suministro de bombas": what a deal cancelled right
    # before its word was for is cancelled with it, the transfer noun right after the deal word (no other
    # transfer word, comma or clause between); not a deal a hedge only puts at risk
    for (before, _before_end, before_label), (start, _end, label) in itertools.pairwise(hits):
        if (
            before_label == "deal"
            and any(0 < before - block <= DEAL_OBJECT + 1 for block in blockers)
            and label.endswith("_noun")
            and clause_of[before] == clause_of[start]
            and not {",", ";"} & set(sentence.words[before:start])
        ):
            blocked.add(start)
    cues = [
        Cue(
            start,
            cast(Kind, label.removesuffix("_noun")),
            label.endswith("_noun") or label == "deal" or _capitalised_noun(sentence, data, start),
            end - 1,
        )
        for start, end, label in hits
        if start not in blocked
    ]
    heard = cues  # a negated transfer word still relates its parties to the one that follows it
    if not denial:
        # "liefert keine Kampfpanzer, will aber Flugabwehrsysteme liefern": a negated transfer word is none
        cues = [cue for cue in cues if not _negated(cue, sentence, data)]
    if not cues:
        if not elliptic and _cue_hits(sentence, data.specifying) and not _state_matches(sentence, data):
            # "Het gaat onder meer om luchtdoelraketten": what the transfer just reported consists of, as this
            # sentence frames it ("ووفقا للرسالة، تتضمن تلك الشحنات ...": a claim of its source)
            return _framed(_continued(previous, weapons, sentence), sentence, data)
        return []
    every = _accused(_parties(sentence, data, weapons, cues, heard), sentence, data, cues)
    # "إلى مصر والإمارات": a name that carries its conjunction joins the one before it, however far
    conjuncts = {p.start for p in every if p.joined and any(q.end == p.start for q in every)}
    parties = [
        party
        for clause in sorted(set(clause_of))
        for party in _bare_positions(
            [
                p
                for p in every
                if clause_of[p.start] == clause
                and (p.start in conjuncts or _within_subject_reach(p, cues, sentence, data))
            ],
            sentence,
            data,
        )
    ]
    parties = _parsed(parties, cues, sentence, data)
    # the tense of the verb that governs a weapon ("предоставил снимки ... для доставки боеприпасов": none)
    governing = [
        cue for cue in cues if any(cue == min(cues, key=lambda c: abs(c.index - w[0])) for w in weapons)
    ]
    told = _status(sentence, data, governing)
    if told in (None, *statuses.FACT_ORDER) and any(
        pattern.search(word)
        for cue in cues
        if not cue.noun and cue.kind != "use" and cue not in governing
        for word in _verb_words(cue, sentence, data)
        for pattern in data.future
    ):
        told = "agreed"  # "consegnato 18 carri e ne consegnerà altri": the newest step is a pledge
    if governing and all(cue.kind == "use" for cue in governing):
        # what a state uses it has received, whatever the tense of "uses" (the Persian present "استفاده
        # می‌کند" is also a future); its words still tell a claim, a denial or a plan
        told = _status(sentence, data, [])
        told = "delivered" if told in (None, "ongoing") else told
    transfer_status = told or data.default_status
    if elliptic and not any(party.position in ("to", "from", "by") for party in parties):
        return []
    if all(
        party.position == "origin" and any(party.code == item.supplier.code for item in previous)
        for party in parties
    ):
        # no party but the maker that just supplied: "Geliefert werden sollen Kampfpanzer des US-Konzerns GD"
        return _framed(_continued(previous, weapons, sentence), sentence, data)
    suppliers: dict[str, Party] = {}
    recipients: dict[str, Party] = {}
    named = frozenset(i for party in parties for i in range(party.start, party.end))
    signers: dict[str, Party] = {}  # subjects of a deal word, which says nothing of their side
    genitive_clauses = {  # clauses whose nominalised transfer verb has a subject in the genitive
        clause_of[start]
        for start, end, _form in _state_matches(sentence, data)
        if _genitive_verbs(end, sentence, data, cues, clause_of)
    }
    approval_hits = [start for start, _end, _label in _cue_hits(sentence, data.approvals)]
    accusing = {clause_of[start] for start, _end, _label in _cue_hits(sentence, data.accusing)} & {
        clause_of[party.start] for party in parties if party.position == "object"
    }
    approving = {clause_of[start] for start in approval_hits}
    # the first object of an accusation is the accused; one after it receives ("beschuldigen Nordkorea,
    # Russland Raketen geliefert zu haben")
    accused = {
        min(
            party.start
            for party in parties
            if party.position == "object" and clause_of[party.start] == clause
        )
        for clause in accusing
    }
    possessors = {
        party.start for party in parties if any(cue.index == party.end and cue.noun for cue in cues)
    }
    for party in parties:
        if party.position == "origin":
            continue
        if party.position in ("from", "by") and any(0 < start - party.end <= 2 for start in approval_hits):
            continue  # "von den USA die Erlaubnis für den Verkauf": who grants the permission approves
        own = [cue for cue in cues if clause_of[cue.index] == clause_of[party.start]]
        if clause_of[party.start] in accusing and party.position in ("subject", "object"):
            if party.position == "subject":
                continue  # who accuses is a source
            if party.start in accused:
                party = _with(party, "subject")  # whom it accuses supplies
        if party.position == "subject":
            # a noun has no subject after it: "передача Україні ... з ударами РФ" is no transfer by Russia
            own = [cue for cue in own if not cue.noun] or [cue for cue in own if party.start < cue.index]
            if not _genitive(party.end, sentence, data) and clause_of[party.start] in genitive_clauses:
                # "Kirby, Kuzey Kore'nin ... sağladığını söyledi": the bare name speaks; not "Azerbaycan
                # İsrail'den aldığı İHA'ları kullanıyor", where the verb has no subject of its own
                own = [cue for cue in own if not _nominalised(cue, sentence, data)]
            if data.verb_final:
                # the subject's verb closes its clause; the transfer words between are participles and nouns
                # ("Endonezya, Fransa ile imzalanan anlaşmanın ilk teslimatları kapsamında ... teslim aldı")
                later = [c for c in own if c.index > party.start]
                later = [c for c in later if "subject" in data.roles[c.kind]] or later  # not "به نتیجه رسید"
                own = [max(later, key=lambda c: c.index)] if later else own
        if party.position == "maybe_to":
            own = [cue for cue in own if cue.last < party.start] or own  # a dative follows its verb
        if not own:
            continue
        position = party.position
        if position in ("to", "from", "by"):
            # "fornecidos pela Dinamarca chegaram": an arrival takes no agent; the supply verb before does
            own = [c for c in own if c.kind != "arrival" or position in data.roles[c.kind]] or own
        cue = min(own, key=lambda c: _distance(sentence, data, party, c, named))
        if cue.kind == "deal" and position == "by":
            # « podpisania przez Rosję kontraktów », « la firma por parte de Rusia de contratos »: the agent
            # of a signing signs, as the subject of "signed" does, whatever the deal is for
            position = "subject"
        # the verb a deal is for, or the transfer noun it names ("контракт на поставку", "Vertrag über
        # die Lieferung")
        purpose = [
            c
            for c in own
            if c.kind != "deal"
            and c.index > cue.index
            and (not c.noun or _deal_gap(cue, c, parties) <= DEAL_OBJECT)
        ]
        # "umowa na dostawę czołgów z Korei": who signs for a supply (a noun) may be either side, which
        # the other parties decide (``signers`` below); who signs to supply (a verb) supplies
        if cue.kind == "deal" and position == "subject" and purpose and all(c.noun for c in purpose):
            # ... but who signs for a purchase buys: "firmó con Dinamarca un contrato para la compra de cazas"
            purpose = [c for c in purpose if c.kind == "acquire"]
        if cue.kind == "deal" and position not in data.roles["deal"] and purpose:
            # "firmó un contrato para vender...": the subject of the deal is that of the verb it is for
            cue = min(purpose, key=lambda c: c.index)
        if position == "object" and not _object_of(party, cue, parties, sentence, data):
            continue
        if position == "maybe_to":
            position = (
                "to"
                # "sono arrivati in Ucraina": where weapons arrive receives them
                if cue.kind == "arrival"
                or (
                    cue.kind in ("supply", "thanks")
                    and _next_to(party, cue, parties, sentence, data, weapons)
                )
                else "of"
            )
        role = data.roles[cue.kind].get(position)  # type: ignore[arg-type]
        if role == "recipient" and position == "object" and cue.noun and clause_of[party.start] in approving:
            role = "supplier"  # "hat den Niederlanden die Lieferung ... genehmigt": whom it allows supplies
        if role is None and cue.kind == "deal" and position == "subject":
            signers[_key(party)] = party
        if role == "supplier":
            suppliers.setdefault(_key(party), party)
        elif role == "recipient":
            recipients.setdefault(_key(party), party)
    # "Ucrania criticó el posible envío de misiles a Moscú por parte de Teherán": the subject that speaks of
    # a transfer whose agent its clause names ("by") is no supplier of it
    clauses_naming_agent = {clause_of[party.start] for party in suppliers.values() if party.position == "by"}
    saying = [start for start, _end, label in _cue_hits(sentence, data.status) if label == "report"]
    suppliers = {
        key: party
        for key, party in suppliers.items()
        if not (
            party.position == "subject"
            and clause_of[party.start] in clauses_naming_agent
            and any(party.end <= start and clause_of[start] == clause_of[party.start] for start in saying)
        )
    }
    approvers = {
        key
        for key, party in suppliers.items()
        if party.position == "subject"
        and clause_of[party.start] in approving
        and party.start not in possessors
    }
    if suppliers.keys() - approvers:
        # "Israel stimmte Deutschlands Verkauf an Ägypten zu": a state that approves another's transfer
        suppliers = {key: party for key, party in suppliers.items() if key not in approvers}
    agents = {key for key, party in suppliers.items() if party.start in possessors}
    if agents:
        # "Armenien kritisiert israelische Waffenverkäufe an Aserbaidschan": the agent the transfer noun
        # names supplies; a subject with no transfer verb of its own in its clause only speaks of it
        suppliers = {
            key: party
            for key, party in suppliers.items()
            if key in agents
            or party.position != "subject"
            or any(not cue.noun and clause_of[cue.index] == clause_of[party.start] for cue in cues)
        }
    # "firmó con Francia un contrato", "un accordo con la Polonia per fornire": the other side of the deal
    partners = {
        _key(party): party
        for party in parties
        if party.position == "with"
        and any(
            cue.kind == "deal"
            and clause_of[cue.index] == clause_of[party.start]
            and _worded_gap(sentence, cue.index, _head(party, sentence, data)) <= data.preposition_reach
            for cue in cues
        )
    }
    approved = {key: party for key, party in signers.items() if clause_of[party.start] in approving}
    if (
        not suppliers
        and not recipients
        and approved.keys() - partners.keys()
        and partners.keys() - approved.keys()
    ):
        # "Das US-Außenministerium hat ein Rüstungsgeschäft mit Taiwan gebilligt": a state approves its own
        # exports, so the other side of the deal it approves buys
        suppliers = {key: party for key, party in approved.items() if key not in partners}
        recipients = {key: party for key, party in partners.items() if key not in suppliers}
    if suppliers and not recipients:
        recipients = {key: party for key, party in partners.items() if key not in suppliers}
    elif recipients and not suppliers:
        suppliers = {key: party for key, party in partners.items() if key not in recipients}
    elif (
        not suppliers
        and not recipients
        and (
            again := {
                key: party for key, party in partners.items() if key in {_key(i.recipient) for i in previous}
            }
        )
    ):
        # "Rusia y Arabia Saudí acordaron el suministro de S-400. «Se ha llegado a un acuerdo con el reino de
        # Arabia Saudí sobre los suministros de ...»": the other side of the deal receives again
        recipients = again
    elif not suppliers and not recipients and any(cue.kind == "acquire" and cue.noun for cue in cues):
        # "il Qatar ha firmato un contratto con l'Italia per l'acquisto di corvette": who signs a deal for a
        # purchase buys, the other side of the deal sells
        recipients = {key: party for key, party in signers.items() if key not in partners}
        suppliers = (
            {key: party for key, party in partners.items() if key not in recipients} if recipients else {}
        )
    makers = {origin for _s, _e, _c, text in weapons if (origin := _origin(text, data)) is not None}
    # "Su-30-Jets", "Leopard-2-Panzer": a system's name joined to the noun of its kind by a hyphen
    hyphenated = {text.rpartition("-")[0] for _s, _e, _c, text in weapons if "-" in text}
    named_makers = makers | {origin for name in hyphenated if (origin := _origin(name, data)) is not None}
    subjects = {_key(party): party for party in parties if party.position == "subject"} | signers | partners
    if (
        not recipients
        and len(named_makers) == 1
        and len(subjects) >= 2
        and next(iter(named_makers)) in subjects
    ):
        # "Russland und Ägypten haben einen Deal geschlossen" for a Russian system: the maker supplies
        maker = named_makers.pop()
        suppliers = {maker: subjects[maker]}
        recipients = {key: party for key, party in subjects.items() if key != maker}
    if recipients and not suppliers and signers.keys() - recipients.keys():
        # "روسیه قراردادی با ایران امضا کرد ... به تهران تحویل دهد": who signs, and does not receive, supplies
        suppliers = {key: party for key, party in signers.items() if key not in recipients}
    foreign = {_key(party) for party in parties if party.position == "origin"} | set(suppliers)
    if not recipients and foreign and signers.keys() - foreign:
        # "Polska podpisała umowę z rządem USA", "kontrakt na koreańskie czołgi": the state that signs a
        # deal with a named supplier, or for another state's weapons, buys
        recipients = {key: party for key, party in signers.items() if key not in foreign}
    if suppliers and not recipients:
        # "Sześć sztuk zostało przekazanych przez Francję": the recipient of the transfer just reported,
        # or of the scene just set by the same supplier
        recipients = {
            _key(item.recipient): item.recipient
            for item in previous
            if item.category != FRAME or _key(item.supplier) in suppliers
        }
        if len(recipients) != 1:
            return []
    if not recipients:
        return []
    # "van voormalige Oostbloklanden gevechtsvliegtuigen van Russische makelij": the supplier is named, but
    # as no state; the maker of the weapon is then none
    unnamed = not suppliers and _unnamed_source(sentence, data)
    # The makers named beside a weapon ("russische S-400") supply that weapon.
    sides: list[tuple[Party, list[tuple[int, int, str, str]]]] = [
        (party, weapons) for party in suppliers.values()
    ]
    # "después que Estados Unidos vetara la adquisición de aviones checos": the maker of the weapons of a
    # clause whose every transfer word a blocker cancelled supplies nothing
    cancelled = {clause_of[start] for start in blocked} - {clause_of[cue.index] for cue in cues}
    for party in parties:
        if (
            party.position == "origin"
            and not suppliers
            and not unnamed
            and clause_of[party.start] not in cancelled
        ):
            # "Polen liefert sowjetische Panzer": Poland only
            near = [
                w for w in weapons if w[0] - party.end <= WEAPON_REACH and party.start - w[1] <= WEAPON_REACH
            ]
            sides.append((party, near or weapons))
    carried = {_key(item.supplier): item.supplier for item in previous if _key(item.recipient) in recipients}
    if not sides and len(carried) == 1:
        # "Schweden kündigte Panzer an. »Wir liefern Leopard 2 an die Ukraine«": the supplier just named
        sides.append((next(iter(carried.values())), weapons))
    # "lograr la autorización de Alemania, país fabricante": the maker that only permits the transfer
    permitting = {party.code for party in parties if any(0 < party.start - a <= 3 for a in approval_hits)}
    if (
        not sides
        and not unnamed
        and len(makers - permitting) == 1
        and any(cue.kind not in ("arrival", "use") for cue in cues)
    ):
        # the maker of the system supplies it; not for arrivals, which may be a state's own ships, nor for a
        # use, which names the origin when it tells of a transfer ("utiliza drones israelenses")
        (maker,) = makers - permitting
        sides.append((Party(-1, -1, maker, None, "maker", "origin"), weapons))
    reporters = _reporters(sentence, data)
    sources = _sources(sentence, data)
    paired = _paired(weapons, list(recipients.values()))
    found = []
    for supplier, supplied in sides:
        for recipient in recipients.values():
            if _key(supplier) == _key(recipient) or (supplier.code is None and recipient.code is None):
                continue
            strength = 0.6 if {supplier.kind, recipient.kind} & {"demonym", "maker"} else 0.75
            pair_status = transfer_status
            if pair_status == "alleged" and reporters and reporters <= {supplier.code, recipient.code}:
                # "der ukrainische Minister sagte, die Panzer seien angekommen": a party's own account
                pair_status = _status(sentence, data, governing, speaker_is_party=True) or data.default_status
            if pair_status in statuses.FACT_ORDER and reporters - {supplier.code, recipient.code}:
                pair_status = "alleged"  # what a third state says of others is a claim
            parties_of_pair = {supplier.code, recipient.code} - {None}
            if pair_status in statuses.FACT_ORDER and sources and not sources & parties_of_pair:
                # "según fuentes", "segundo Washington"; not "segundo o governo angolano"
                pair_status = "alleged"
            if pair_status == "alleged" and all(cue.kind == "use" for cue in governing):
                continue  # the origin of weapons another is accused of using tells of no transfer
            for weapon in supplied:
                if paired and weapon not in paired[_key(recipient)]:
                    continue
                _start, _end, category, text = weapon
                found.append(
                    _Found(supplier, recipient, category, text, pair_status, strength, sentence, told is None)
                )
    return found


def _parsed(parties: list[Party], cues: list[Cue], sentence: Sentence, data: LanguageData) -> list[Party]:
    """``parties`` without those that a dependency parse, where the language has a parser, makes the
    subject of a predicate that governs none of the transfer words: "США располагают данными о ...
    полученных от КНДР ракетах" (the US have data), "Министр обороны Армении заявил, что ...". The word
    lists, which take a bare name before a verb for its subject, decide wherever the parse does not."""
    bare = [party for party in parties if party.position in ("subject", "object")]
    parse_words = syntax.parser(data.code) if bare else None
    if parse_words is None:
        return parties
    parse = parse_words(sentence.surface)
    words = [word for cue in cues for word in range(cue.index, cue.last + 1)]
    elsewhere = set()
    for party in bare:
        predicate = syntax.subject_of(parse, party.start, party.end)
        if predicate is not None and not any(syntax.governs(parse, predicate, word) for word in words):
            elsewhere.add(party)
    return [party for party in parties if party not in elsewhere]


def _paired(
    weapons: list[tuple[int, int, str, str]], recipients: list[Party]
) -> dict[str, list[tuple[int, int, str, str]]] | None:
    """Each weapon with the recipient named first after it, when every one of several recipients follows
    a weapon of its own ("Kampfjets an Indien und Fregatten an Ägypten"); None otherwise (all go to all)."""
    if len(recipients) < 2 or len(weapons) < 2:
        return None
    paired: dict[str, list[tuple[int, int, str, str]]] = {}
    for weapon in weapons:
        after = [party for party in recipients if party.start >= weapon[1] >= 0]
        if not after:
            return None
        paired.setdefault(_key(min(after, key=lambda party: party.start)), []).append(weapon)
    return paired if len(paired) == len(recipients) else None


def _head(party: Party, sentence: Sentence, data: LanguageData) -> int:
    """Where the phrase of ``party`` begins: before its articles and forces, and the name of its maker."""
    company = _company_named(party.start, sentence, data) if party.kind == "demonym" else None
    return _phrase_start(party.start if company is None else company, sentence.words, data)


def _worded_gap(sentence: Sentence, one: int, other: int) -> int:
    """Tokens from ``one`` to ``other`` that are words: the figures and marks of a value between a deal and
    its other side do not part them ("صفقة بقيمة 1.6 مليار دولار مع مصر", "un contrat de 1,6 milliard")."""
    low, high = sorted((one, other))
    return sum(1 for word in sentence.words[low:high] if word.isalpha())


def _deal_gap(deal: Cue, noun: Cue, parties: list[Party]) -> int:
    """Tokens from a deal word to the transfer noun it names, not counting a party named between with its
    preposition: "un contrato con Dinamarca para la compra" is "un contrato para la compra"."""
    between = [p for p in parties if deal.last < p.start and p.end <= noun.index]
    return noun.index - deal.last - sum(p.end - p.start + 1 for p in between)


def _accused(parties: list[Party], sentence: Sentence, data: LanguageData, cues: list[Cue]) -> list[Party]:
    """In a verb-first language the state right after an accusation accuses and the next one, right before
    the transfer word, is its subject ("اتهام أوكرانيا لطهران بتزويد موسكو": Iran supplies Russia)."""
    for _start, end, _label in _cue_hits(sentence, data.accusations):
        after = [party for party in parties if party.start >= end]
        if len(after) < 2 or _phrase_start(after[0].start, sentence.words, data) - end > 1:
            continue
        accuser, accused = after[0], after[1]
        # ... and a bare state after the accused receives: "بتزويد موسكو"
        receiver = after[2] if len(after) > 2 and after[2].position is None else None
        if any(0 <= cue.index - accused.end <= 1 for cue in cues):
            parties = [
                _with(p, "subject") if p is accused else _with(p, "object") if p is receiver else p
                for p in parties
                if p is not accuser
            ]
    return parties


def _continued(
    previous: list[_Found], weapons: list[tuple[int, int, str, str]], sentence: Sentence
) -> list[_Found]:
    """The weapons of a sentence that names no party, transferred between the one pair of the sentence
    before ("Der Deal soll 108 Panzer umfassen")."""
    pairs = {(_key(item.supplier), _key(item.recipient)) for item in previous}
    if len(pairs) != 1:
        return []
    first = previous[0]
    return [
        _Found(
            first.supplier, first.recipient, category, text, first.status, first.confidence - 0.1, sentence
        )
        for _start, _end, category, text in weapons
    ]


def _framed(continued: list[_Found], sentence: Sentence, data: LanguageData) -> list[_Found]:
    """``continued`` as the sentence that continues them frames them: its hedge or denial, or a source that
    is neither party ("ووفقا للرسالة، تتضمن تلك الشحنات ...": a claim of the letter)."""
    told, sources = _status(sentence, data, []), _sources(sentence, data)
    for item in continued:
        parties = {item.supplier.code, item.recipient.code} - {None}
        if told in ("alleged", "denied"):
            item.status = told
        elif item.status in statuses.FACT_ORDER and sources - parties:
            item.status = "alleged"
    return continued


def _distance(
    sentence: Sentence, data: LanguageData, party: Party, cue: Cue, named: frozenset[int]
) -> tuple[int, int]:
    """How far a transfer word is from a party: the words that separate them (``_separates``, and the
    other parties ``named`` between them), then the tokens."""
    low, high = (party.end, cue.index) if party.end <= cue.index else (cue.last + 1, party.start)
    return _separating(sentence, data, low, high, named), abs(cue.index - party.start)


def _unnamed_source(sentence: Sentence, data: LanguageData) -> bool:
    """Whether a "from" or "by" names states without naming one ("from former Eastern-bloc countries",
    "por parte de sus aliados"): a few words after such a preposition, a noun of ``unnamed_states``."""
    words = sentence.words
    return any(
        any(
            position in ("from", "by")
            for word in words[max(0, start - UNNAMED_REACH) : start]
            for position in data.prepositions.get(word, {}).values()
        )
        for start, _end, _label in _cue_hits(sentence, data.unnamed_states)
    )


def _next_to(
    party: Party,
    cue: Cue,
    parties: list[Party],
    sentence: Sentence,
    data: LanguageData,
    weapons: Sequence[tuple[int, int, str, str]] = (),
) -> bool:
    """A party in an ambiguous case (genitive, dative or locative "России") right after the verb: at most
    one word between them, beside other parties, their prepositions and conjunctions ("передала России",
    "przekazanych przez Polskę Ukrainie", "podziękował Polsce i Czechom")."""
    if party.start <= cue.last:
        return False
    others = {i for p in parties if p is not party for i in range(p.start, p.end)}
    others |= {i for w in weapons for i in range(w[0], w[1])}  # "l'invio di armi in Ucraina"
    between = [
        word
        for i, word in enumerate(sentence.words[cue.last + 1 : party.start], start=cue.last + 1)
        if i not in others and word not in data.prepositions and word not in data.conjunctions and word != ","
    ]
    return len(between) <= 1 or _adverbial(sentence, data, cue.last + 1, party.start) > 0


def _object_of(party: Party, cue: Cue, parties: list[Party], sentence: Sentence, data: LanguageData) -> bool:
    """A bare party is the object of a transfer word right after it ("entregó Venezuela", "передала
    России") or between its subject and it ("Nordkorea hat Russland Munition geliefert")."""
    if 0 < party.start - cue.index <= OBJECT_REACH + _adverbial(sentence, data, cue.last + 1, party.start):
        return True
    subject = next((p for p in parties if p.position == "subject"), None)
    return subject is not None and subject.end <= party.start < cue.index


def _adverbial(sentence: Sentence, data: LanguageData, start: int, end: int) -> int:
    """The length of a short prepositional phrase of lower-case words (a time or a place) that fills all of
    ``start`` to ``end``: "передала на прошлой неделе Мали" keeps Mali the object of the verb."""
    words = sentence.words[start:end]
    if not words or words[0] not in data.prepositions or len(words) > OBJECT_REACH:
        return 0
    written = sentence.surface[start:end]
    return len(words) if all(word.isalpha() and word.islower() for word in written) else 0


def _capitalised_noun(sentence: Sentence, data: LanguageData, index: int) -> bool:
    """German writes nouns with a capital: "Lieferungen" is a noun, "liefert" a verb."""
    return data.capitalised_nouns and index > 0 and sentence.surface[index][:1].isupper()


def _reporters(sentence: Sentence, data: LanguageData, also: Sequence[tuple[int, int]] = ()) -> set[str]:
    """States named right beside a reporting verb (or a phrase ``also`` that reports): "US-Angaben",
    "американский чиновник заявил", "ha dichiarato il governo ucraino" (after it, counted from the end of
    the verb to the state's phrase)."""
    reports = [(start, end) for start, end, label in _cue_hits(sentence, data.status) if label == "report"]
    reports += also
    matches = _state_matches(sentence, data)
    words = sentence.words
    found = {
        form.code
        for start, end, form in matches
        if any(
            # not across a comma where the reporter follows the verb: "... in der Ukraine eingetroffen,
            # berichtete der Spiegel" (the name closes the clause reported)
            (-3 <= report - end <= 2 and not (data.inverted_reporting and "," in words[end:report]))
            or 0 <= _phrase_start(start, words, data) - report_end <= 2
            for report, report_end in reports
        )
    }
    comma = words.index(",") if "," in words else len(words)
    if (
        data.verb_final
        and matches
        and matches[0][0] == 0
        and all(start > comma for start, _end, _form in matches[1:])
        and any(not any(_lettered(word) for word in words[end:]) for _start, end in reports)
    ):
        # "Güney Kore, Kuzey Kore'nin Rusya'ya mermi sağladığını söyledi", "ABD sözcüsü X, ... söyledi": the
        # verb of saying closes the sentence, and its subject, set off by a comma, opens it
        found.add(matches[0][2].code)
    return found


def _sources(sentence: Sentence, data: LanguageData) -> set[str | None]:
    """Who a "según"/"secondo" names as the source of the sentence: the states right after it, or None
    for a source that is no state ("según fuentes locales"); empty when the sentence names no source.
    The source ends at a comma: in "Según el Pentágono, Corea del Norte entregó" Korea is a party."""
    starts = [end for _start, end, label in _cue_hits(sentence, data.status) if label == "source"]
    if not starts:
        return set()
    words = sentence.words
    named: set[str | None] = set()
    for after in starts:
        # the first name after it, and those joined to it: "Laut Kiew hat Russland ... erhalten" (no comma
        # after a German source) names Kyiv only
        last = None
        for start, end, form in sorted(_state_matches(sentence, data), key=lambda match: match[0]):
            if not (0 <= start - after <= SOURCE_REACH and "," not in words[after:start]):
                continue
            if last is not None and not _joining(words[last:start], data):
                break
            named.add(form.code)
            last = end
    return named or {None}


def _claims_back(sentence: Sentence, data: LanguageData, before: list[_Found]) -> bool:
    """A sentence that names the source of the one before ("Про це з посиланням на джерела пише
    Spiegel", "Об этом заявил представитель США") makes its transfers a claim: when the source is
    hedged, or a state that is no party to them."""
    pointers = [(start, end) for start, end, _label in _cue_hits(sentence, data.back_references)]
    if not before or not pointers:
        return False
    if "alleged" in {label for _s, _e, label in _cue_hits(sentence, data.status)}:
        return True
    parties = {code for item in before for code in (item.supplier.code, item.recipient.code)}
    # "Dat meldt de Amerikaanse veiligheidsadviseur": the back-reference holds the verb of saying
    return bool(_reporters(sentence, data, pointers) - parties)


def _key(party: Party) -> str:
    return party.code or f"name:{(party.name or '').lower()}"


def _says_not(sentence: Sentence, data: LanguageData) -> bool:
    """A verb of saying with a negated supply verb denies ("заявили, що Тегеран не передавав росії
    безпілотники"), though no word of denying stands there."""
    if not data.negation_denies or not any(
        label == "report" for _s, _e, label in _cue_hits(sentence, data.status)
    ):
        return False
    return any(
        _negated(Cue(start, "supply", False, end - 1), sentence, data)
        for start, end, label in _cue_hits(sentence, data.cues)
        if label == "supply"
    )


def _denials(split: list[Sentence], data: LanguageData) -> dict[str, frozenset[str]]:
    """States named in a sentence that denies something, with the kinds of weapon it denies (none: all):
    a denial anywhere in the passage by (or about) a party wins over the accusation it answers, but a
    denial of missiles leaves the drones admitted beside it ("räumte Drohnen ein ... Raketen dementierte
    er")."""
    scopes: dict[str, frozenset[str]] = {}
    for sentence in split:
        # "Pjöngjang weist die Vorwürfe zurück": a separable verb's parts deny together
        if (
            any(label == "denied" for _s, _e, label in _cue_hits(sentence, data.status))
            or "denied" in data.status.co_occurring(sentence.words)
            or _says_not(sentence, data)
        ):
            kinds = frozenset(w[2] for w in _weapons(sentence, data)) - {"other"}
            for _s, _e, form in _state_matches(sentence, data):
                known = scopes.get(form.code)
                scopes[form.code] = (
                    frozenset() if not kinds or known == frozenset() else (known or kinds) | kinds
                )
    return scopes


# Dictionary look-up only: simplemma's guessing rules cost some fifteen times more per unknown word.
# A language's dictionary takes 1-3 s to load and 60-150 MB: eight stay loaded (simplemma's default),
# so a worker's memory stays bounded while a stream in more languages reloads the rarer ones.
LEMMA_LANGUAGES = 8
LEMMATIZER = simplemma.Lemmatizer(
    lemmatization_strategy=DictionaryLookupStrategy(
        dictionary_factory=DefaultDictionaryFactory(cache_max_size=LEMMA_LANGUAGES)
    )
)


@lru_cache(maxsize=200_000)
def _lemma(word: str, code: str) -> str:
    try:
        return str(LEMMATIZER.lemmatize(word, lang=code)).lower()
    except ValueError:  # simplemma has no dictionary for this language
        return word


def tag(text: str, code: str) -> Result:
    """States named in ``text`` and the transfers it reports, in language ``code`` (``covers(code)``)."""
    data = language_data(code)
    split = sentences(text, data.lexicon, data.abbreviations)
    counts: Counter[str] = Counter()
    found: list[_Found] = []
    previous: list[_Found] = []
    denials = _denials(split, data)
    since = 0  # sentences since the last that reported a transfer
    just_before: list[_Found] = []
    parts = []
    for sentence in split:
        counts.update(form.code for _s, _e, form in _state_matches(sentence, data))
        parts.extend(_coordinated_parts(sentence, data))
    for sentence in parts:
        current = _sentence_transfers(sentence, data, previous)
        # "... entschieden, Panzer an die Ukraine zu liefern. Auch wird ... gestattet. Das erfuhr die dpa aus
        # Koalitionskreisen": the source names the sentences since the last transfer too
        if not current and _claims_back(sentence, data, previous):
            for item in previous:  # "Об этом сообщил ... со ссылкой на источники"
                if item.status in statuses.FACT_ORDER:
                    item.status = "alleged"
        if not current and any(label == "continues" for _s, _e, label in _cue_hits(sentence, data.status)):
            for item in just_before:  # "... zijn aangekomen. Meer tanks zijn onderweg."
                if item.status == "delivered":
                    item.status = "ongoing"
        just_before = current
        for item in current:
            scopes = [denials[code] for code in (item.supplier.code, item.recipient.code) if code in denials]
            if any(not scope or item.category in scope for scope in scopes):
                item.status = "denied"
        found.extend(item for item in current if item.category != FRAME)
        if current:
            previous, since = current, 0
        else:
            since += 1
            if since > CONTEXT_REACH:
                previous = []
    names = base.english_names()
    states = [
        StateCount(code=state, name=names.get(state, state), count=n) for state, n in counts.most_common()
    ]
    lemmas = " ".join(_lemma(word, code) for sentence in split for word in sentence.words if word.isalpha())
    return Result(states, _merge(found, code), lemmas)


def _coordinated_parts(sentence: Sentence, data: LanguageData) -> list[Sentence]:
    """The main clauses of a sentence that "and" or a comma joins, each with a subject, a transfer verb
    and another party of its own ("A França entregou caças à Ucrânia e a Alemanha enviou tanques à
    Polônia"), read as sentences of their own so that one's parties, weapons and tense are not paired
    with the other's; the words before the first subject ("Segundo fontes, ...") frame every one."""
    words = sentence.words
    states = _state_matches(sentence, data)
    if len(states) < 3:
        return [sentence]
    clause_of = _clauses(sentence, data)
    verbs = [
        start
        for start, _end, label in _cue_hits(sentence, data.cues)
        if not label.endswith("_noun") and label != "deal" and not _capitalised_noun(sentence, data, start)
    ]
    # a subject: a name in the nominative ("a ... i Czechom za czołgi przekazane" joins a dative)
    opening = {
        _phrase_start(start, words, data): start for start, _end, form in states if NOMINATIVE in form.cases
    }

    def subject_verb(low: int, high: int) -> int | None:
        """Where the first state of ``low:high`` that a transfer verb of its clause follows begins."""
        return next(
            (
                _phrase_start(start, words, data)
                for start, _end, _form in states
                if low <= start < high
                and any(start < verb < high and clause_of[verb] == clause_of[start] for verb in verbs)
            ),
            None,
        )

    def verb_follows(start: int) -> bool:
        """Whether a transfer verb follows the name at ``start`` closely, as a subject's verb does where the
        verb does not close the clause ("e a Alemanha enviou"; not "i Czechom za czołgi przekazane")."""
        end = next(end for begin, end, _form in states if begin == start)
        return data.verb_final or any(0 <= verb - end <= CLAUSE_VERB for verb in verbs)

    cuts = [0]
    for index, word in enumerate(words):
        if (word in data.conjunctions or word == ",") and index + 1 in opening:
            named_before = sum(cuts[-1] <= start < index for start, _end, _form in states)
            if (
                named_before >= 2
                and subject_verb(cuts[-1], index) is not None
                and subject_verb(index + 1, len(words)) == index + 1
                and verb_follows(opening[index + 1])
            ):
                cuts.append(index + 1)
    if len(cuts) == 1:
        return [sentence]
    frame = subject_verb(0, cuts[1] - 1) or 0
    bounds = [*cuts, len(words) + 1]
    return [
        Sentence(
            sentence.text,
            sentence.start,
            (sentence.surface[:frame] if low else []) + sentence.surface[low : high - 1],
            (words[:frame] if low else []) + words[low : high - 1],
        )
        for low, high in itertools.pairwise(bounds)
    ]


def _merge(found: list[_Found], code: str) -> list[TransferMention]:
    grouped: dict[tuple[str, str, str], list[_Found]] = {}
    for item in found:
        grouped.setdefault((_key(item.supplier), _key(item.recipient), item.category), []).append(item)
    specific = {(s, r) for s, r, category in grouped if category != "other"}
    mentions = []
    for (supplier_key, recipient_key, category), group in grouped.items():
        if category == "other" and (supplier_key, recipient_key) in specific:
            continue
        best = max(group, key=lambda item: item.confidence)
        supplier, recipient = best.supplier, best.recipient
        mentions.append(
            TransferMention(
                supplier=supplier.code,
                recipient=recipient.code,
                supplier_name=supplier.name if supplier.code is None else None,
                recipient_name=recipient.name if recipient.code is None else None,
                weapon="; ".join(dict.fromkeys(item.weapon for item in group)),
                category=category,  # type: ignore[arg-type]
                # a status the passage tells wins over the default of a sentence that tells none
                status=statuses.merge(item.status for item in [i for i in group if not i.guessed] or group),
                confidence=best.confidence,
                sentence=best.sentence.text,
                sentence_lemmas=" ".join(
                    _lemma(word, code) for word in best.sentence.words if word.isalpha()
                ),
                start=best.sentence.start,
                end=best.sentence.start + len(best.sentence.text),
            )
        )
    return mentions
