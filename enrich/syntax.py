"""Dependency parses for the multilingual path, in languages whose parser ships inside a package.

``data/parsers.yaml`` names, per language, the installed package that holds the models (for Russian,
natasha's wheel holds slovnet's syntax model and the navec vectors it reads): nothing is downloaded at
run time. A parse is one ``Arc`` per word, in Universal Dependencies relations, so the questions asked
of it (``subject_of``, ``governs``) are the same for every language that has a parser.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Arc:
    head: int  # the index of the word this one depends on; -1 for the root
    relation: str  # its Universal Dependencies relation to that word: "nsubj", "obj", "xcomp"...


Parse = tuple[Arc, ...]
Parser = Callable[[Sequence[str]], Parse]

# The relations by which a name is part of a larger noun phrase, which as a whole holds the name's place
# in the clause: "министр обороны Армении" (nmod), "Индонезия и Франция" (conj), "КНДР (Северная Корея)"
NOUN_PHRASE = frozenset({"nmod", "appos", "flat", "flat:name", "flat:foreign", "amod", "conj"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
# The relations by which a verb shares the subject of the one it depends on: "намерена приобрести"
# (xcomp), "закупила и передала" (conj)
SHARED_SUBJECT = frozenset({"xcomp", "conj"})
# The relations of a clause that shares its head's subject when it names none: "признал, что поставлял"
CLAUSES = frozenset({"ccomp", "advcl"})
# The relations of the head of a clause: no word of another clause depends on a word across it
CLAUSE_HEADS = CLAUSES | {"parataxis", "acl", "acl:relcl", "csubj"}


@cache
def _table() -> dict[str, dict[str, str]]:
    text = (resources.files("enrich") / "data" / "parsers.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}


@cache
def parser(code: str) -> Parser | None:
    """The dependency parser of language ``code``, loaded once per process (for Russian about 1 s of CPU
    and 175 MB, nearly all navec's vectors); None for a language that has none. Raises ``RuntimeError``
    when the package that holds its models (a dependency of armswatch) is not installed."""
    entry = _table().get(code)
    if entry is None:
        return None
    # located, not imported: natasha's own imports (pymorphy2) are not needed to read its model files
    spec = importlib.util.find_spec(entry["package"])
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"the {code} parser's models come with {entry['package']}, a dependency: pip install -e ."
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    return _slovnet(root / entry["embeddings"], root / entry["syntax"])


def _slovnet(embeddings: Path, model: Path) -> Parser:
    from navec import Navec  # imported here: only languages with a parser pay for numpy models
    from slovnet import Syntax

    syntax = Syntax.load(str(model))
    syntax.navec(Navec.load(str(embeddings)))

    def parse(words: Sequence[str]) -> Parse:
        if not words:
            return ()
        tokens = syntax(list(words)).tokens
        index = {token.id: number for number, token in enumerate(tokens)}
        return tuple(Arc(index.get(token.head_id, -1), token.rel) for token in tokens)

    return parse


def subject_of(parse: Parse, start: int, end: int) -> int | None:
    """The word whose subject the words ``start:end`` are, themselves or as part of the noun phrase they
    are in ("министр обороны Армении заявил"); None when they are no subject."""
    head = next((index for index in range(start, end) if not start <= parse[index].head < end), start)
    for _step in parse:  # at most as many steps as words: a parser's heads need not form a tree
        if parse[head].relation not in NOUN_PHRASE or parse[head].head < 0:
            break
        head = parse[head].head
    return parse[head].head if parse[head].relation in SUBJECTS else None


def governs(parse: Parse, predicate: int, word: int) -> bool:
    """Whether ``word`` belongs to the clause of ``predicate`` as its head does: it is that predicate,
    a verb that shares its subject ("намерена приобрести", "закупила и передала", "признал, что
    поставлял"), or a noun of its object or complement ("начинает реализацию договоренности о поставке",
    "стал покупателем"); not a word of a clause with a subject of its own ("заявил, что Франция
    направит") or of a phrase of another kind ("располагают данными о ... полученных ракетах")."""
    nominal = True  # still climbing the noun phrase the word is in
    for _step in parse:  # bounded: a parser's heads need not form a tree
        if word == predicate:
            return True
        arc = parse[word]
        if arc.head < 0 or any(
            parse[between].relation in CLAUSE_HEADS
            for between in range(min(word, arc.head) + 1, max(word, arc.head))
        ):
            # "располагают данными об использовании ... , заявил ... без предоставления": an arc across
            # another clause is the parser's mistake, not a noun phrase
            return False
        subjectless = arc.relation in CLAUSES and not any(
            other.head == word and other.relation in SUBJECTS for other in parse
        )
        if (nominal and arc.relation == "obj") or arc.relation in SHARED_SUBJECT or subjectless:
            nominal = False
        elif not (nominal and arc.relation == "nmod"):
            return False
        word = arc.head
    return False
