"""What an evidence sentence says about its claim: who says it ("Pyongyang denied …" -> Pyongyang),
and whether it announces another deal than one already reported. Pure.

Two forms, from ``deals/data/cues.yaml``: a phrase such as "according to" followed by the speaker, and
a verb of saying preceded by the speaker (the words before it back to punctuation or a clause word of
the ``boundary`` list, at most ``MAX_WORDS``). A sentence with neither is the outlet's own claim (None).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

MAX_WORDS = 5
ARTICLES = frozenset(["the", "le", "la", "les", "der", "die", "el", "los"])
TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")


# Cue phrases by their first word, so a sentence is scanned once whatever the number of cues.
CueTable = dict[str, tuple[tuple[str, ...], ...]]


def _table(cues: list[str]) -> CueTable:
    table: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        words = tuple(str(cue).lower().split())
        table.setdefault(words[0], []).append(words)
    return {first: tuple(phrases) for first, phrases in table.items()}


@cache
def _cues(lang: str) -> tuple[CueTable, CueTable, CueTable, frozenset[str]]:
    """Saying verbs, "according to" phrases and new-deal phrases of ``lang`` (English when it has
    none), and the words that end a speaker's name."""
    data = yaml.safe_load((resources.files("deals") / "data" / "cues.yaml").read_text(encoding="utf-8"))
    table = data.get(lang) or data["en"]
    boundary = frozenset(str(word).lower() for word in data["boundary"])
    return (
        _table(table.get("saying") or []),
        _table(table.get("according_to") or []),
        _table(table.get("new_deal") or []),
        boundary,
    )


def _found(lowered: list[str], cues: CueTable) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Each (position, cue) where a cue phrase starts in the lower-cased tokens, in order."""
    for start, word in enumerate(lowered):
        for cue in cues.get(word, ()):
            if tuple(lowered[start : start + len(cue)]) == cue:
                yield start, cue


@dataclass(frozen=True)
class Claim:
    """What the deals stage reads in an evidence sentence."""

    said_by: str | None  # who the sentence attributes the claim to
    new_deal: bool  # it announces another deal than one already reported ("a new contract")


def read_claim(sentence: str, lang: str) -> Claim:
    """The speaker and the new-deal announcement of ``sentence`` (tokenized once for both)."""
    tokens = TOKEN.findall(sentence)
    lowered = [token.lower() for token in tokens]
    new_deal = next(_found(lowered, _cues(lang)[2]), None) is not None
    return Claim(_speaker(tokens, lowered, lang), new_deal)


def announces_new_deal(sentence: str, lang: str) -> bool:
    """True when the sentence announces another deal than one already reported ("a new contract")."""
    return read_claim(sentence, lang).new_deal


def said_by(sentence: str, lang: str) -> str | None:
    """The speaker named in ``sentence``, or None when the sentence attributes its claim to no one."""
    return read_claim(sentence, lang).said_by


def _speaker(tokens: list[str], lowered: list[str], lang: str) -> str | None:
    saying, according, _new_deal, boundary = _cues(lang)
    found = sorted(
        [(start, len(cue), True) for start, cue in _found(lowered, according)]
        + [(start, len(cue), False) for start, cue in _found(lowered, saying)]
    )
    for start, length, after in found:
        positions = range(start + length, len(tokens)) if after else range(start - 1, -1, -1)
        speaker = _words(tokens, positions, boundary)
        if speaker:
            return speaker
    return None


def _words(tokens: list[str], positions: range, boundary: frozenset[str]) -> str | None:
    """The name read from ``positions`` on, up to a boundary; None when it holds no capitalised word."""
    taken: list[int] = []
    for position in positions:
        token = tokens[position]
        if not re.match(r"\w", token) or token.lower() in boundary:
            if taken or token.lower() not in ARTICLES:
                break
            continue  # "according to the Pentagon": the article before the name is skipped
        taken.append(position)
        if len(taken) == MAX_WORDS:
            break
    words = [tokens[position] for position in sorted(taken)]
    if not any(word[:1].isupper() for word in words):
        return None
    return " ".join(words)
