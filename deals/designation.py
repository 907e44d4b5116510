"""The system a weapon names ("Su-35 fighter jets" -> Su-35), from the tagger's weapon lexicon. Pure.

Two reports name the same system when their designation keys are equal: lower case, letters and
digits only, a model's variant letters dropped ("Su-35S", "Sukhoi Su-35", "Su35" -> ``su35``;
"Leopard 2A6" -> ``leopard2``; "JDAMs" -> ``jdam``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml

# A model name: letters, an optional dash or space, digits ("KN-23", "Leopard 2", "Shahed-136").
MODEL = re.compile(r"([a-z]+)[- ]?(\d+)")


@dataclass(frozen=True)
class Designation:
    key: str
    label: str


def designation_key(term: str) -> str:
    """The comparison key of a system name (see the module doc)."""
    lowered = term.lower()
    models = MODEL.findall(lowered)
    if models:
        letters, digits = models[0]
        return f"{letters}{digits}"
    key = re.sub(r"[^a-z0-9]", "", lowered)
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


@cache
def _systems() -> re.Pattern[str]:
    """Every system name of ``enrich/data/weapons.yaml`` in one whole-word pattern, longest first."""
    data = yaml.safe_load((resources.files("enrich") / "data" / "weapons.yaml").read_text(encoding="utf-8"))
    names = {str(term) for terms in (data.get("systems") or {}).values() for term in terms or []}
    ordered = sorted(names, key=lambda name: (-len(name), name))
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def designation(weapon: str) -> Designation | None:
    """The system named in ``weapon`` (the longest name at the first place one starts), or None for a
    generic weapon ("artillery shells")."""
    found = _systems().search(weapon)
    return Designation(designation_key(found.group(0)), found.group(0)) if found else None
