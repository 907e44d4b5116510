"""What an evidence sentence says about its claim: who says it ("Pyongyang denied …" -> Pyongyang),
and whether it announces another deal than one already reported. Pure.

Two forms, from ``deals/data/cues.yaml``: a phrase such as "according to" followed by the speaker, and
a verb of saying preceded by the speaker (the words before it back to punctuation or a clause word of
the ``boundary`` list, at most ``MAX_WORDS``). A sentence with neither is the outlet's own claim (None).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

MAX_WORDS = 5
ARTICLES = frozenset(["the", "le", "la", "les", "der", "die", "el", "los"])
TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")


@cache
def _cues(lang: str) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], frozenset[str]]:
    data = yaml.safe_load((resources.files("deals") / "data" / "cues.yaml").read_text(encoding="utf-8"))
    table = data.get(lang) or data["en"]

    def phrases(kind: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(str(cue).lower().split()) for cue in table.get(kind) or [])

    boundary = frozenset(str(word).lower() for word in data["boundary"])
    return phrases("saying"), phrases("according_to"), boundary


@cache
def _new_deal_cues(lang: str) -> tuple[tuple[str, ...], ...]:
    data = yaml.safe_load((resources.files("deals") / "data" / "cues.yaml").read_text(encoding="utf-8"))
    table = data.get(lang) or data["en"]
    return tuple(tuple(str(cue).lower().split()) for cue in table.get("new_deal") or [])


def announces_new_deal(sentence: str, lang: str) -> bool:
    """True when the sentence announces another deal than one already reported ("a new contract")."""
    lowered = [token.lower() for token in TOKEN.findall(sentence)]
    return any(
        tuple(lowered[start : start + len(cue)]) == cue
        for cue in _new_deal_cues(lang)
        for start in range(len(lowered) - len(cue) + 1)
    )


def said_by(sentence: str, lang: str) -> str | None:
    """The speaker named in ``sentence``, or None when the sentence attributes its claim to no one."""
    tokens = TOKEN.findall(sentence)
    lowered = [token.lower() for token in tokens]
    saying, according, boundary = _cues(lang)
    for start in range(len(tokens)):
        for cue in according:
            if tuple(lowered[start : start + len(cue)]) == cue:
                speaker = _words(tokens, range(start + len(cue), len(tokens)), boundary)
                if speaker:
                    return speaker
        for cue in saying:
            if tuple(lowered[start : start + len(cue)]) == cue:
                speaker = _words(tokens, range(start - 1, -1, -1), boundary)
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
