"""The lexicons the tagger matches: state names, weapons and transfer cues, per language.

State names come from well-kept data (pycountry for English, Babel/CLDR for the localised short
names) plus the curated ``data/states.yaml`` (alternate names, demonyms in all their inflections,
capitals and seats of power used as metonyms, state companies) and ``data/leaders.yaml`` (leaders
whose name stands for their state). Weapons and cues are curated data files. Everything here is
pure and cached: load once per process.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

import pycountry
import yaml
from babel import Locale

from armswatch.schema import CATEGORIES

StateKind = Literal["name", "demonym", "metonym", "company", "leader"]
CueKind = Literal[
    "supply", "acquire", "arrival", "possess", "supply_noun", "acquire_noun", "possess_noun", "deal"
]
# The kinds that name no transfer, only who holds a weapon: one with an explicit origin was delivered.
POSSESSION: frozenset[CueKind] = frozenset({"possess", "possess_noun"})
Status = Literal["agreed", "ongoing", "delivered", "alleged", "denied"]
BABEL_LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "ru", "pl")
# Historical or partially recognised states that pycountry or Babel do not name.
EXTRA_NAMES = {"SU": "Soviet Union", "XK": "Kosovo"}
# CLDR names the Congos "Congo - Kinshasa" / "Congo - Brazzaville" and pycountry's long form reads
# badly in a chart: the names news use.
DISPLAY_NAMES = {"CD": "DR Congo", "CG": "Republic of the Congo"}


@dataclass(frozen=True)
class StateForm:
    """One way a text names a state: ``text`` is matched case-sensitively on whole tokens."""

    text: str
    code: str
    kind: StateKind


@dataclass(frozen=True)
class CueLexicon:
    """Transfer predicates and status cues of one language (lower-case)."""

    verbs: dict[str, CueKind]  # supply, acquire, arrival, possess
    nouns: dict[str, CueKind]  # supply_noun, acquire_noun, possess_noun, deal
    phrases: dict[str, CueKind]
    status: dict[Status, frozenset[str]]
    not_transfer: frozenset[str]
    intent: frozenset[str]
    cargo: frozenset[str] = frozenset()
    # Phrases whose words give no status though one of them alone would: « sources d'approvisionnement »
    plain: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Everything the tagger matches in one language."""

    lang: str
    states: tuple[StateForm, ...]
    not_state_phrases: tuple[str, ...]
    person_names: frozenset[str]
    us_state_context: frozenset[str]
    weapons: dict[str, str]  # lower-cased term -> category, or NOT_A_WEAPON
    cues: CueLexicon
    non_state: tuple[str, ...]  # armed groups and other parties that are not states
    origins: dict[str, str]  # lower-cased weapon system name -> ISO code of the state that makes it
    state_names: dict[str, str] = field(default_factory=dict)  # code -> English short name


@cache
def _data(name: str) -> Any:
    """A data file, parsed once per process (read-only: callers must not mutate it)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((resources.files("enrich") / "data" / name).read_text(encoding="utf-8"), Loader=loader)


def _clean_cldr_name(name: str) -> list[str]:
    """CLDR writes "Myanmar (Burma)" and "Congo - Kinshasa": keep the usable parts."""
    if not name or " - " in name:
        return []
    match = re.fullmatch(r"(.+?) \((.+)\)", name)
    if match:
        return [match.group(1), match.group(2)]
    return [name]


@cache
def english_names() -> dict[str, str]:
    """ISO code -> English short name ("Russia", not "Russian Federation"), for display and indexing."""
    names = dict(EXTRA_NAMES)
    territories = Locale("en").territories
    for code in _data("states.yaml"):
        cldr = _clean_cldr_name(territories.get(code, ""))
        country = pycountry.countries.get(alpha_2=code)
        if cldr:
            names[code] = cldr[0]
        elif country is not None:
            names[code] = getattr(country, "common_name", None) or country.name
    return {**names, **DISPLAY_NAMES}


@cache
def _codes_by_name() -> dict[str, str]:
    """Case-folded names and demonyms of the states, in every language the lexicons know -> code."""
    curated: dict[str, dict[str, Any]] = _data("states.yaml")
    curated_languages = (lang for entry in curated.values() for lang in entry)
    languages = dict.fromkeys(["en", *BABEL_LANGUAGES, *curated_languages])
    table: dict[str, str] = {}
    for lang in languages:
        for form in _state_forms(lang):
            if form.kind in ("name", "demonym"):
                table.setdefault(form.text.casefold(), form.code)
    return table


def state_code(text: str) -> str | None:
    """The ISO code of the state a person means: a code ("KP"), a name ("North Korea", « Corée du
    Nord ») or a demonym ("Iranian", « russe »), in any case; None when no state is called so."""
    cleaned = " ".join(text.split())
    if cleaned.upper() in english_names():
        return cleaned.upper()
    return _codes_by_name().get(cleaned.casefold())


def _state_forms(lang: str) -> list[StateForm]:
    curated: dict[str, dict[str, dict[str, list[str]]]] = _data("states.yaml")
    territories = Locale(lang).territories if lang in BABEL_LANGUAGES else {}
    leaders: dict[str, list[str]] = _data("leaders.yaml") or {}
    forms: dict[str, StateForm] = {}

    def add(text: str, code: str, kind: StateKind) -> None:
        text = text.strip()
        if text and text not in forms:
            forms[text] = StateForm(text, code, kind)

    for code, languages in curated.items():
        entry = languages.get(lang) or {}
        for kind_key, kind in (
            ("names", "name"),
            ("demonyms", "demonym"),
            ("metonyms", "metonym"),
            ("companies", "company"),
            ("leaders", "company"),
        ):
            for text in entry.get(kind_key) or []:
                add(str(text), code, kind)  # type: ignore[arg-type]
        for text in _clean_cldr_name(territories.get(code, "")):
            add(text, code, "name")
        for text in leaders.get(code) or []:
            add(str(text), code, "leader")
        if lang == "en":
            country = pycountry.countries.get(alpha_2=code)
            if country is not None:
                for attribute in ("name", "common_name", "official_name"):
                    value = getattr(country, attribute, None)
                    if value and "," not in value:
                        add(value, code, "name")
            if code in EXTRA_NAMES:
                add(EXTRA_NAMES[code], code, "name")
    # Headlines and wire copy write names in capitals ("POLAND today said it had delivered …"); short ones
    # ("US", "UK") are in the data already, and capitals (« MOSCOW (Reuters) - ») start datelines.
    for form in list(forms.values()):
        if form.kind == "name" and len(form.text) >= 4 and form.text.replace(" ", "").isalpha():
            add(form.text.upper(), form.code, "name")
    return list(forms.values())


NOT_A_WEAPON = "NOT_A_WEAPON"
# The phrase-match kind of a phrase whose words give no status (see CueLexicon.plain).
PLAIN = "status:none"


def _weapons(lang: str) -> dict[str, str]:
    """Lower-cased term -> category, or NOT_A_WEAPON for phrases that silence a weapon word."""
    data = _data("weapons.yaml")
    terms: dict[str, str] = {str(term).lower(): NOT_A_WEAPON for term in data.get("not_weapons") or []}
    for category, systems in (data.get("systems") or {}).items():
        _check_category(category)
        for term in systems or []:
            terms.setdefault(str(term).lower(), category)
    for category, languages in (data.get("categories") or {}).items():
        _check_category(category)
        for term in (languages or {}).get(lang) or []:
            terms.setdefault(str(term).lower(), category)
        if lang not in ("en",):  # English generic terms are common in every language's press
            for term in (languages or {}).get("en") or []:
                if " " not in str(term) and str(term).isupper():
                    terms.setdefault(str(term).lower(), category)
    return terms


def _check_category(category: str) -> None:
    if category not in CATEGORIES:
        raise ValueError(f"weapons.yaml: unknown category {category!r}; use one of {CATEGORIES}")


def _cues(lang: str) -> CueLexicon:
    data = (_data("cues.yaml") or {}).get(lang) or {}
    verbs: dict[str, CueKind] = {}
    nouns: dict[str, CueKind] = {}
    phrases: dict[str, CueKind] = {}

    def add(words: Iterable[str], kind: CueKind) -> None:
        for word in words or []:
            single = nouns if kind in ("supply_noun", "acquire_noun", "possess_noun", "deal") else verbs
            target = phrases if " " in str(word) else single
            target.setdefault(str(word).lower(), kind)

    add(data.get("supply") or [], "supply")
    add(data.get("acquire") or [], "acquire")
    add(data.get("arrival") or [], "arrival")
    add(data.get("possess") or [], "possess")
    add(data.get("possess_nouns") or [], "possess_noun")
    add(data.get("supply_nouns") or [], "supply_noun")
    add(data.get("acquire_nouns") or [], "acquire_noun")
    add(data.get("deal_nouns") or [], "deal")
    phrase_kinds: tuple[CueKind, ...] = ("supply", "acquire", "possess")
    for kind in phrase_kinds:
        add(((data.get("phrases") or {}).get(kind)) or [], kind)
    status = {
        key: frozenset(str(word).lower() for word in (data.get("status") or {}).get(key) or [])
        for key in ("agreed", "ongoing", "delivered", "alleged", "denied")
    }
    return CueLexicon(
        verbs,
        nouns,
        phrases,
        status,  # type: ignore[arg-type]
        frozenset(str(word).lower() for word in data.get("not_transfer") or []),
        frozenset(str(word).lower() for word in data.get("intent") or []),
        frozenset(str(word).lower() for word in data.get("cargo") or []),
        frozenset(str(word).lower() for word in data.get("plain") or []),
    )


@cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of ``lang`` (English fills in for state names a language does not have)."""
    ambiguity = _data("ambiguity.yaml") or {}

    def per_lang(key: str) -> list[str]:
        return [str(x) for x in ((ambiguity.get(key) or {}).get(lang) or [])]

    forms = _state_forms(lang)
    if lang != "en":
        # Wire copy in any language quotes English names ("the Kremlin", "DPRK"): keep the
        # unambiguous capitalised English names and metonyms as a fallback.
        known = {form.text for form in forms}
        forms += [
            form
            for form in _state_forms("en")
            if form.text not in known
            and form.kind in ("name", "metonym", "company")
            and form.text[:1].isupper()
            and len(form.text) > 3
        ]
    return Lexicon(
        lang=lang,
        states=tuple(forms),
        not_state_phrases=tuple(
            per_lang("not_metonyms")
            + (
                []
                if lang == "en"
                else [str(x) for x in (ambiguity.get("not_metonyms") or {}).get("en") or []]
            )
        ),
        person_names=frozenset(str(x) for x in ambiguity.get("person_first_names") or []),
        us_state_context=frozenset(str(x) for x in _flatten(ambiguity.get("us_state_context"))),
        weapons=_weapons(lang),
        cues=_cues(lang),
        non_state=tuple(str(x) for x in ((_data("cues.yaml") or {}).get("non_state") or {}).get(lang) or []),
        origins={
            str(name).lower(): str(code)
            for name, code in (_data("system_origins.yaml") or {}).get("origins", {}).items()
        },
        state_names=english_names(),
    )


def _flatten(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [item for nested in value.values() for item in _flatten(nested)]
    if isinstance(value, list):
        return [str(item) for item in value]
    return []
