"""The system a weapon names ("Su-35 fighter jets" -> Su-35), from the tagger's weapon lexicon, and
whether two reports name the same system. Pure.

A designation's key is its first model name, lower case, letters and digits only, a model's variant
letters dropped ("Su-35S", "Sukhoi Su-35", "Su35" -> ``su35``; "Leopard 2A6" -> ``leopard2``; "JDAMs" ->
``jdam``): deal keys carry it. Two reports name the same system when their names share one: the words
of a designation, its other names first replaced from ``deals/data/systems.yaml`` ("Fateh-360" ->
Fath-360, "Geran-2" -> Shahed-136), each model name keyed as above, the lexicon's generic weapon words
("tanks", "Raketen") left out; a bare name is the same system as its numbered models ("Shahed" and
"Shahed-136", "Leopard" and "Leopard 2"), two numbered models are not ("Fateh-110" and "Fath-360").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

from index.actions import fold

# A model name: letters, an optional dash or space, digits ("KN-23", "Leopard 2", "Shahed-136").
MODEL = re.compile(r"([a-z]+)[- ]?(\d+)")
# The same in any script, joined into one word before a designation is cut into names ("Су-35").
MODEL_SPELLED = re.compile(r"([^\W\d_]+)[- ](\d+)")
# One name word that is a model: letters then digits, variant letters or digits after ("k9a1", "su35s").
MODEL_WORD = re.compile(r"([^\W\d_]+\d+)(?:[^\W\d_]\w*)?")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Designation:
    key: str
    label: str


def designation_key(term: str) -> str:
    """The comparison key of a system name (see the module doc)."""
    lowered = fold(latin(term.lower()))
    models = MODEL.findall(lowered)
    if models:
        letters, digits = models[0]
        return f"{letters}{digits}"
    return _singular(re.sub(r"[^a-z0-9]", "", lowered))


@cache
def _lexicon() -> dict[str, object]:
    """``enrich/data/weapons.yaml``, read once for the system names and the generic weapon words."""
    text = (resources.files("enrich") / "data" / "weapons.yaml").read_text(encoding="utf-8")
    data: dict[str, object] = yaml.safe_load(text)
    return data


@cache
def _terms() -> frozenset[str]:
    """Every system name of ``enrich/data/weapons.yaml``."""
    systems = _lexicon().get("systems") or {}
    assert isinstance(systems, dict)
    return frozenset(str(term) for terms in systems.values() for term in terms or [])


def _pattern(terms: Iterable[str]) -> re.Pattern[str]:
    """The terms in one whole-word pattern, longest first."""
    ordered = sorted(terms, key=lambda name: (-len(name), name))
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])", re.IGNORECASE)


@cache
def _systems() -> re.Pattern[str]:
    return _pattern(_terms())


@cache
def _terms_by_name() -> dict[str, tuple[str, ...]]:
    """The lexicon's terms by each of their names, and by the family of their models (``family:shahed``
    for "Shahed-136")."""
    index: dict[str, list[str]] = {}
    for term in _terms():
        for name in system_names(term):
            index.setdefault(name, []).append(term)
            if _is_model(name):
                index.setdefault(f"family:{_family(name)}", []).append(term)
    return {name: tuple(terms) for name, terms in index.items()}


def _family(name: str) -> str:
    """The letters of a model name ("shahed136" -> shahed), a bare name itself."""
    letters = re.match(r"[^\W\d_]+", name)
    return letters.group(0) if letters else name


@lru_cache(maxsize=4096)
def _naming(labels: frozenset[str]) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """Every lexicon term that may name a system of ``labels`` (``same_system`` decides), lower case,
    and their pattern: its names, the models of its bare names, the bare names of its models, the
    labels themselves."""
    index = _terms_by_name()
    terms = set(labels)
    for label in labels:
        for name in system_names(label):
            terms.update(index.get(name, ()))
            terms.update(index.get(f"family:{name}", ()))
            terms.update(index.get(_family(name), ()))
    return tuple(term.lower() for term in terms), _pattern(terms)


def names_in(text: str, labels: Iterable[str]) -> list[str]:
    """The names in ``text`` of the systems ``labels`` name, as written, in order (a few terms searched,
    not the whole lexicon: this runs for every article that names the states of an open deal)."""
    known = frozenset(labels)
    if not known:
        return []
    terms, pattern = _naming(known)
    if not any(map(text.lower().__contains__, terms)):  # a substring test first: most texts name none
        return []
    return [found.group(0) for found in pattern.finditer(text) if same_system([found.group(0)], known)]


@cache
def _systems_data() -> dict[str, dict[str, str]]:
    """``deals/data/systems.yaml``, read once: the aliases and the Latin letters of Cyrillic ones."""
    text = (resources.files("deals") / "data" / "systems.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, str]] = yaml.safe_load(text)
    return data


@cache
def _aliases() -> dict[str, str]:
    """Other name (folded) -> the name reports are compared by, from ``deals/data/systems.yaml``."""
    aliases = _systems_data().get("aliases") or {}
    return {fold(str(other)).lower(): str(name) for other, name in aliases.items()}


@cache
def _latin_letters() -> dict[int, str]:
    letters = _systems_data().get("latin") or {}
    return str.maketrans({str(letter): str(spelled) for letter, spelled in letters.items()})


def latin(lowered: str) -> str:
    """A lower-case name with its Cyrillic letters in Latin ("су-35" -> su-35, "байрактар" -> bayraktar);
    before accents are folded, which would make "й" an "и"."""
    return lowered if lowered.isascii() else lowered.translate(_latin_letters())


@cache
def _generic_words() -> frozenset[str]:
    """The words of the lexicon's generic weapon terms in every language ("tanks", "raketen"), singular."""
    categories = _lexicon().get("categories") or {}
    assert isinstance(categories, dict)
    words = {
        _singular(word)
        for by_language in categories.values()
        for terms in (by_language or {}).values()
        for term in terms or []
        for word in WORD.findall(fold(str(term)).lower())
    }
    return frozenset(words)


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


@lru_cache(maxsize=4096)
def system_names(label: str) -> frozenset[str]:
    """The names a designation is compared by (see the module doc): "M1 Abrams tanks" -> {m1, abram}."""
    folded = fold(label).lower()
    named = fold(latin(_aliases().get(folded, label).lower()))
    names = set()
    for word in WORD.findall(MODEL_SPELLED.sub(r"\1\2", named)):
        model = MODEL_WORD.fullmatch(word)
        if model:
            names.add(model.group(1))
        elif not word.isdigit() and (singular := _singular(word)) not in _generic_words():
            names.add(singular)
    return frozenset(names)


def same_system(one: Iterable[str], other: Iterable[str]) -> bool:
    """Whether two sets of designations (labels) name one system: a model name in common, or a bare name
    and one of its numbered models ("Shahed", "Shahed-136"); when one side names no model, a name in
    common ("M1 Abrams", "Abrams tanks"). Two sides naming only other models are two systems, whatever
    maker's name they share ("Sukhoi Su-30", "Sukhoi Su-35")."""
    names = {name for label in one for name in system_names(label)}
    others = {name for label in other for name in system_names(label)}
    models = {name for name in names if _is_model(name)}
    other_models = {name for name in others if _is_model(name)}
    if not models.isdisjoint(other_models):
        return True
    if any(_model_of(bare, model) for bare in names for model in other_models) or any(
        _model_of(bare, model) for bare in others for model in models
    ):
        return True
    return not (models and other_models) and not names.isdisjoint(others)


def _is_model(name: str) -> bool:
    return any(map(str.isdigit, name))


def _model_of(bare: str, model: str) -> bool:
    return not _is_model(bare) and model.startswith(bare) and model[len(bare) :].isdigit()


@lru_cache(maxsize=4096)
def designation(weapon: str) -> Designation | None:
    """The system named in ``weapon`` (the longest name at the first place one starts), or None for a
    generic weapon ("artillery shells")."""
    found = _systems().search(weapon)
    return _designation(found.group(0)) if found else None


@lru_cache(maxsize=4096)
def designations(weapon: str) -> tuple[Designation, ...]:
    """Every system named in ``weapon``, in order ("Shahed-136 and Mohajer-6 drones": both)."""
    return tuple(_designation(found.group(0)) for found in _systems().finditer(weapon))


def _designation(label: str) -> Designation:
    """The designation written ``label``, keyed by its name in ``deals/data/systems.yaml`` if it has one."""
    return Designation(designation_key(_aliases().get(fold(label).lower(), label)), label)
