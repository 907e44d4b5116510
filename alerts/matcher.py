"""The Elasticsearch query of a rule, compiled once into a Python predicate over an indexed document.

The stream matcher does not re-implement the query language: it takes the very query ``index.search``
sends to Elasticsearch (``compile_query``) and evaluates that query tree on the document the indexer
would write (``index.actions``), field by field as the mapping defines them: text fields through the
standard analyzer (``alerts.analysis``), ``copy_to`` targets fed by their source fields, keyword
sub-fields with their ``ignore_above``. Query types the evaluator cannot reproduce exactly (fuzzy,
free-text wildcards, sloppy phrases) raise ``UnsupportedQuery`` when the rule is added, never later.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from alerts.analysis import tokens

NUMERIC_TYPES = {"integer", "long", "short", "byte", "float", "double", "half_float"}
# The readable name of a field in an explanation.
FIELD_LABELS = {
    "search_text": "text",
    "folded": "text without accents",
    "lemmas": "lemmas",
    "evidence_lemmas": "lemmas",
}


class UnsupportedQuery(ValueError):
    """The query uses a construct the stream matcher cannot evaluate exactly like Elasticsearch."""


@dataclass(frozen=True)
class FieldSpec:
    """How one queryable field is indexed: its type, the document keys feeding it, its length cap."""

    type: str
    sources: tuple[str, ...]
    ignore_above: int | None = None


def field_specs(mapping: dict[str, Any]) -> dict[str, FieldSpec]:
    """Every queryable field of a mapping (sub-fields as ``name.sub``, ``copy_to`` targets resolved)."""
    properties: dict[str, Any] = mapping["properties"]
    copied: dict[str, list[str]] = {}
    for name, spec in properties.items():
        targets = spec.get("copy_to", [])
        for target in [targets] if isinstance(targets, str) else targets:
            copied.setdefault(target, []).append(name)
    specs = {}
    for name, spec in properties.items():
        own = () if name in copied else (name,)
        specs[name] = FieldSpec(spec.get("type", "object"), own + tuple(copied.get(name, [])))
        for sub, sub_spec in spec.get("fields", {}).items():
            specs[f"{name}.{sub}"] = FieldSpec(sub_spec["type"], (name,), sub_spec.get("ignore_above"))
    return specs


class DocumentView:
    """One document as the index sees it; analysed values are computed once and shared by all rules."""

    __slots__ = ("_keywords", "_lists", "_terms", "source", "specs")

    def __init__(self, source: dict[str, Any], specs: dict[str, FieldSpec]) -> None:
        self.source = source
        self.specs = specs
        self._terms: dict[str, frozenset[str]] = {}
        self._lists: dict[str, list[list[str]]] = {}
        self._keywords: dict[str, frozenset[str]] = {}

    def values(self, name: str) -> list[Any]:
        """The field's raw values: every source key, lists flattened, nulls dropped."""
        found: list[Any] = []
        for key in self.specs[name].sources:
            value = self.source.get(key)
            if isinstance(value, list):
                found.extend(item for item in value if item is not None)
            elif value is not None:
                found.append(value)
        return found

    def token_lists(self, name: str) -> list[list[str]]:
        """The terms of each value in order (a phrase never spans two values, as in the index)."""
        cached = self._lists.get(name)
        if cached is None:
            cached = self._lists[name] = [tokens(str(value)) for value in self.values(name)]
        return cached

    def terms(self, name: str) -> frozenset[str]:
        cached = self._terms.get(name)
        if cached is None:
            cached = self._terms[name] = frozenset(t for value in self.token_lists(name) for t in value)
        return cached

    def keywords(self, name: str) -> frozenset[str]:
        cached = self._keywords.get(name)
        if cached is None:
            limit = self.specs[name].ignore_above
            cached = self._keywords[name] = frozenset(
                text
                for text in (_keyword_text(value) for value in self.values(name))
                if limit is None or len(text) <= limit
            )
        return cached


def _keyword_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class Node:
    """A compiled query clause: ``matches`` decides, ``explain`` says which positive parts held."""

    __slots__ = ()

    def matches(self, doc: DocumentView) -> bool:
        raise NotImplementedError

    def explain(self, doc: DocumentView) -> list[str]:
        return []


@dataclass(frozen=True, slots=True)
class Constant(Node):
    value: bool

    def matches(self, doc: DocumentView) -> bool:
        return self.value


@dataclass(frozen=True, slots=True)
class AnyTerm(Node):
    """``match``: any of the analysed query terms is in the field (operator OR, ES's default)."""

    field: str
    words: frozenset[str]

    def matches(self, doc: DocumentView) -> bool:
        return not self.words.isdisjoint(doc.terms(self.field))

    def explain(self, doc: DocumentView) -> list[str]:
        found = sorted(self.words & doc.terms(self.field))
        return [f"{_label(self.field)} contains {', '.join(repr(word) for word in found)}"]


@dataclass(frozen=True, slots=True)
class Phrase(Node):
    """``match_phrase``: the terms at consecutive positions of one value."""

    field: str
    words: tuple[str, ...]

    def matches(self, doc: DocumentView) -> bool:
        first, size = self.words[0], len(self.words)
        if first not in doc.terms(self.field):
            return False
        for value in doc.token_lists(self.field):
            for start, word in enumerate(value):
                if word == first and tuple(value[start : start + size]) == self.words:
                    return True
        return False

    def explain(self, doc: DocumentView) -> list[str]:
        return [f'{_label(self.field)} contains "{" ".join(self.words)}"']


@dataclass(frozen=True, slots=True)
class KeywordIn(Node):
    """``term`` on a keyword (or the exact term of a text field)."""

    field: str
    value: str
    analysed: bool = False

    def matches(self, doc: DocumentView) -> bool:
        values = doc.terms(self.field) if self.analysed else doc.keywords(self.field)
        return self.value in values

    def explain(self, doc: DocumentView) -> list[str]:
        return [f"{_label(self.field)} = {self.value}"]


@dataclass(frozen=True, slots=True)
class KeywordPattern(Node):
    """``wildcard`` on a keyword field: ``*`` and ``?`` over the whole value, case-sensitive."""

    field: str
    pattern: str
    regex: re.Pattern[str]

    def matches(self, doc: DocumentView) -> bool:
        return any(self.regex.fullmatch(value) for value in doc.keywords(self.field))

    def explain(self, doc: DocumentView) -> list[str]:
        found = sorted(value for value in doc.keywords(self.field) if self.regex.fullmatch(value))
        return [f"{_label(self.field)} = {', '.join(found)} (pattern {self.pattern})"]


@dataclass(frozen=True, slots=True)
class Compare(Node):
    """``term`` or ``range`` on a number, date, boolean or keyword: values converted like the index does."""

    field: str
    convert: Callable[[Any], Any]
    test: Callable[[Any], bool]
    description: str

    def matches(self, doc: DocumentView) -> bool:
        for value in doc.values(self.field):
            try:
                if self.test(self.convert(value)):
                    return True
            except (TypeError, ValueError):
                continue
        return False

    def explain(self, doc: DocumentView) -> list[str]:
        return [f"{_label(self.field)} {self.description}"]


@dataclass(frozen=True, slots=True)
class Bool(Node):
    """``bool``: all of must/filter, none of must_not, at least ``minimum`` of should."""

    must: tuple[Node, ...]
    must_not: tuple[Node, ...]
    should: tuple[Node, ...]
    minimum: int

    def matches(self, doc: DocumentView) -> bool:
        for node in self.must:
            if not node.matches(doc):
                return False
        for node in self.must_not:
            if node.matches(doc):
                return False
        if self.minimum <= 0:
            return True
        held = 0
        for node in self.should:
            if node.matches(doc):
                held += 1
                if held >= self.minimum:
                    return True
        return False

    def explain(self, doc: DocumentView) -> list[str]:
        reasons: list[str] = []
        for node in self.must + tuple(node for node in self.should if node.matches(doc)):
            reasons += [reason for reason in node.explain(doc) if reason not in reasons]
        return reasons


def _label(name: str) -> str:
    return FIELD_LABELS.get(name, name)


def compile_node(query: dict[str, Any], specs: dict[str, FieldSpec]) -> Node:
    """The predicate of an Elasticsearch query. Raises UnsupportedQuery for what it cannot mirror."""
    if len(query) != 1:
        raise UnsupportedQuery(f"expected one query type, got {sorted(query)}")
    kind, body = next(iter(query.items()))
    if kind == "match_all":
        return Constant(True)
    if kind == "match_none":
        return Constant(False)
    if kind == "bool":
        return _compile_bool(body, specs)
    compilers = {
        "match": _compile_match,
        "match_phrase": _compile_phrase,
        "term": _compile_term,
        "range": _compile_range,
        "wildcard": _compile_wildcard,
    }
    compiler = compilers.get(kind)
    if compiler is None:
        raise UnsupportedQuery(_UNSUPPORTED.get(kind, f"{kind} queries are not supported in alert rules"))
    name, options = _single_field(body)
    if name not in specs:
        raise UnsupportedQuery(f"unknown field {name!r}")
    return compiler(name, options if isinstance(options, dict) else {"value": options}, specs[name])


_UNSUPPORTED = {
    "query_string": "wildcards (* and ?) in free words are not supported in alert rules: write the words "
    "out (drone OR drones); inflected forms already match through lemmas. On a field such as "
    "source:Reu* they work.",
    "fuzzy": "fuzzy terms (word~) are not supported in alert rules: list the spellings with OR",
    "regexp": "regular expressions are not supported in alert rules",
    "prefix": "prefix queries are not supported in alert rules",
}


def _single_field(body: dict[str, Any]) -> tuple[str, Any]:
    if len(body) != 1:
        raise UnsupportedQuery(f"expected one field, got {sorted(body)}")
    return next(iter(body.items()))


def _check_options(options: dict[str, Any], allowed: set[str], what: str) -> None:
    extra = set(options) - allowed - {"boost", "_name"}  # a boost changes scores, never matches
    if extra:
        raise UnsupportedQuery(f"{what} with {', '.join(sorted(extra))} is not supported in alert rules")


def _compile_bool(body: dict[str, Any], specs: dict[str, FieldSpec]) -> Node:
    _check_options(body, {"must", "filter", "should", "must_not", "minimum_should_match"}, "bool")

    def nodes(key: str) -> tuple[Node, ...]:
        clauses = body.get(key, [])
        return tuple(compile_node(q, specs) for q in ([clauses] if isinstance(clauses, dict) else clauses))

    must = nodes("must") + nodes("filter")
    should = nodes("should")
    minimum_text = body.get("minimum_should_match")
    if minimum_text is None:
        minimum = 0 if must or nodes("must_not") else 1
    elif isinstance(minimum_text, int) or str(minimum_text).isdigit():
        minimum = int(minimum_text)
    else:
        raise UnsupportedQuery(f"minimum_should_match {minimum_text!r} is not supported in alert rules")
    if not should:
        minimum = 0
    return Bool(must, nodes("must_not"), should, minimum)


def _compile_match(name: str, options: dict[str, Any], spec: FieldSpec) -> Node:
    _check_options(options, {"query", "zero_terms_query", "operator"}, "match")
    if spec.type != "text":
        return _compile_term(name, {"value": options["query"]}, spec)
    words = tokens(str(options.get("query", options.get("value", ""))))
    if not words:
        return Constant(options.get("zero_terms_query", "none") == "all")
    if str(options.get("operator", "or")).lower() == "and":
        return Bool(tuple(AnyTerm(name, frozenset([word])) for word in words), (), (), 0)
    return AnyTerm(name, frozenset(words))


def _compile_phrase(name: str, options: dict[str, Any], spec: FieldSpec) -> Node:
    _check_options(options, {"query", "slop"}, "match_phrase")
    if options.get("slop"):
        raise UnsupportedQuery('proximity phrases ("…"~N) are not supported in alert rules')
    if spec.type != "text":
        return _compile_term(name, {"value": options["query"]}, spec)
    words = tuple(tokens(str(options["query"])))
    if not words:
        return Constant(False)
    return Phrase(name, words) if len(words) > 1 else AnyTerm(name, frozenset(words))


def _compile_term(name: str, options: dict[str, Any], spec: FieldSpec) -> Node:
    _check_options(options, {"value", "case_insensitive"}, "term")
    if options.get("case_insensitive"):
        raise UnsupportedQuery("case-insensitive terms are not supported in alert rules")
    value = options["value"]
    if spec.type == "keyword":
        return KeywordIn(name, _keyword_text(value))
    if spec.type == "text":
        return KeywordIn(name, str(value), analysed=True)
    convert = _converter(name, spec)
    target = _bound(convert, value, name)
    return Compare(name, convert, lambda found: bool(found == target), f"= {value}")


def _compile_range(name: str, options: dict[str, Any], spec: FieldSpec) -> Node:
    _check_options(options, {"gt", "gte", "lt", "lte"}, "range")
    if spec.type == "text":
        raise UnsupportedQuery(f"ranges on the text field {name!r} are not supported in alert rules")
    convert = _keyword_text if spec.type == "keyword" else _converter(name, spec)
    bounds = {op: _bound(convert, bound, name) for op, bound in options.items() if op in RANGE_TESTS}
    tests = [(RANGE_TESTS[op], bound) for op, bound in bounds.items() if bound is not None]

    def within(found: Any) -> bool:
        return all(test(found, bound) for test, bound in tests)

    described = " and ".join(f"{RANGE_WORDS[op]} {options[op]}" for op in bounds)
    return Compare(name, convert, within, described or "present")


RANGE_TESTS: dict[str, Callable[[Any, Any], bool]] = {
    "gt": lambda a, b: bool(a > b),
    "gte": lambda a, b: bool(a >= b),
    "lt": lambda a, b: bool(a < b),
    "lte": lambda a, b: bool(a <= b),
}
RANGE_WORDS = {"gt": ">", "gte": "≥", "lt": "<", "lte": "≤"}


def _compile_wildcard(name: str, options: dict[str, Any], spec: FieldSpec) -> Node:
    _check_options(options, {"value", "wildcard"}, "wildcard")
    if spec.type != "keyword":
        raise UnsupportedQuery(f"wildcards on the text field {name!r} are not supported in alert rules")
    pattern = str(options.get("value", options.get("wildcard", "")))
    return KeywordPattern(name, pattern, _wildcard_regex(pattern))


def _wildcard_regex(pattern: str) -> re.Pattern[str]:
    parts = []
    escaped = False
    for char in pattern:
        if escaped:
            parts.append(re.escape(char))
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "*":
            parts.append(".*")
        elif char == "?":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.DOTALL)


def _converter(name: str, spec: FieldSpec) -> Callable[[Any], Any]:
    if spec.type in NUMERIC_TYPES:
        return _float32 if spec.type in ("float", "half_float") else _number
    if spec.type == "date":
        return _date
    if spec.type == "boolean":
        return _boolean
    raise UnsupportedQuery(f"the field {name!r} ({spec.type}) cannot be compared in alert rules")


def _bound(convert: Callable[[Any], Any], value: Any, name: str) -> Any:
    if value is None or value == "*":
        return None
    try:
        return convert(value)
    except (TypeError, ValueError):
        raise UnsupportedQuery(
            f"{value!r} is not a valid value for {name!r} in an alert rule "
            "(dates are written 2024-03-01 or 2024-03-01T12:00:00Z; relative dates such as now-7d "
            "are not supported)"
        ) from None


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError("a boolean is not a number")
    return float(value)


def _float32(value: Any) -> float:
    number: float = struct.unpack("f", struct.pack("f", _number(value)))[0]
    return number


def _date(value: Any) -> datetime:
    parsed = (
        value if isinstance(value, datetime) else datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    )
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if str(value) in ("true", "false"):
        return str(value) == "true"
    raise ValueError(f"{value!r} is not true or false")
