"""Historical search: a Lucene-style query language over articles or transfer mentions.

The query text is parsed with luqum, so bad syntax and unknown fields are refused with a clear
message instead of reaching ``query_string``. Free words search the article text (articles) or the
evidence sentence, title and weapon (mentions); ``field:value`` targets a field. The same functions
serve the CLI, the alerts and the dashboards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from elasticsearch import Elasticsearch, NotFoundError
from luqum.elasticsearch import ElasticsearchQueryBuilder, SchemaAnalyzer
from luqum.exceptions import ParseError
from luqum.parser import parser
from luqum.tree import From, Phrase, Range, SearchField, To, Word
from luqum.visitor import TreeTransformer

from index.actions import fold, read_alias
from index.templates import mapping

Kind = Literal["mentions", "articles", "deals"]
LEMMA_LANGUAGES = ("en", "fr")
# Names users write -> the field of each kind ("supplier:IR" works on both).
FIELD_ALIASES: dict[Kind, dict[str, str]] = {
    "mentions": {
        "evidence": "evidence",
        "text": "search_text",
        "date": "published_at",
        "approximate": "quantity_approximate",
    },
    "articles": {
        "supplier": "suppliers",
        "recipient": "recipients",
        "pair": "pairs",
        "category": "transfer_categories",
        "status": "statuses",
        "state": "states",
        "date": "published_at",
    },
    "deals": {
        "evidence": "evidence",
        "text": "search_text",
        "lang": "languages",
        "source": "sources",
        "weapon": "weapons",
        "designation": "designations",
        "date": "last_seen",
    },
}
# The date a kind is sorted and filtered by: a deal is as recent as its newest report.
DATE_FIELD: dict[Kind, str] = {"mentions": "published_at", "articles": "published_at", "deals": "last_seen"}


class QueryError(ValueError):
    """The query cannot be run; the message says why and how to fix it."""


@dataclass(frozen=True)
class Filters:
    """The CLI's filter options, each an exact match (dates are inclusive bounds)."""

    supplier: str | None = None
    recipient: str | None = None
    category: str | None = None
    status: str | None = None
    lang: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass
class Page:
    total: int
    hits: list[dict[str, Any]]
    next_after: list[Any] | None
    aggregations: dict[str, Any] = field(default_factory=dict)


class _FieldRenamer(TreeTransformer):  # type: ignore[misc]
    def __init__(self, kind: Kind, known: set[str]) -> None:
        super().__init__(track_parents=False)
        self.kind = kind
        self.known = known

    def visit_search_field(self, node: SearchField, context: Any) -> Any:
        name = FIELD_ALIASES[self.kind].get(node.name, node.name)
        if name not in self.known:
            raise QueryError(
                f"unknown field {node.name!r}; fields of {self.kind}: "
                + ", ".join(sorted(self.known | set(FIELD_ALIASES[self.kind])))
            )
        for renamed in self.generic_visit(node, context):
            renamed.name = name
            yield renamed


def _fields(kind: Kind) -> set[str]:
    properties = mapping(kind)["properties"]
    names = set(properties)
    for name, spec in properties.items():
        names.update(f"{name}.{sub}" for sub in spec.get("fields", {}))
    return names


def compile_query(text: str, kind: Kind) -> dict[str, Any]:
    """The Elasticsearch query for ``text``; implicit operator AND. Raises QueryError."""
    if not text.strip():
        return {"match_all": {}}
    try:
        tree = parser.parse(text)
    except (ParseError, ValueError) as error:
        raise QueryError(
            f'cannot parse the query {text!r}: {error}. Quote phrases with "…" and '
            "balance parentheses; operators are AND, OR, NOT."
        ) from None
    tree = _OpenRanges().visit(_FieldRenamer(kind, _fields(kind)).visit(tree))
    # Free words match the text as written, accent-folded, or by lemma ("livrer" finds "livrés").
    variants = [("search_text", tree), ("folded", _FreeWords(fold).visit(tree))]
    lemma_field = "lemmas" if kind == "articles" else "evidence_lemmas"
    variants += [(lemma_field, _FreeWords(lemmatizer).visit(tree)) for lemmatizer in _query_lemmatizers()]
    options = SchemaAnalyzer({"mappings": mapping(kind)}).query_builder_options()
    queries: list[dict[str, Any]] = []
    for field_name, variant in variants:
        options["default_field"] = field_name
        builder = ElasticsearchQueryBuilder(**options, default_operator=ElasticsearchQueryBuilder.MUST)
        try:
            query: dict[str, Any] = builder(variant)
        except Exception as error:  # luqum refuses some constructs only when building
            raise QueryError(f"cannot use the query {text!r}: {error}") from None
        if query not in queries:
            queries.append(query)
    return queries[0] if len(queries) == 1 else {"bool": {"should": queries, "minimum_should_match": 1}}


class _OpenRanges(TreeTransformer):  # type: ignore[misc]
    """``quantity:>1000``, ``value:<=1e9``: luqum parses one-sided bounds but its Elasticsearch builder
    would make them exact terms, so they become ranges open on the other side."""

    def __init__(self) -> None:
        super().__init__(track_parents=False)

    def visit_from(self, node: From, context: Any) -> Any:
        yield Range(node.a, Word("*"), include_low=node.include)

    def visit_to(self, node: To, context: Any) -> Any:
        yield Range(Word("*"), node.a, include_high=node.include)


class _FreeWords(TreeTransformer):  # type: ignore[misc]
    """Rewrites the words and phrases that target no field; ``field:value`` terms stay exact."""

    def __init__(self, rewrite: Callable[[str], str]) -> None:
        super().__init__(track_parents=False)
        self.rewrite = rewrite

    def visit_search_field(self, node: SearchField, context: Any) -> Any:
        yield node

    def visit_word(self, node: Word, context: Any) -> Any:
        yield node.clone_item(value=self.rewrite(node.value))

    def visit_phrase(self, node: Phrase, context: Any) -> Any:
        yield node.clone_item(value=f'"{self.rewrite(node.value.strip(chr(34)))}"')


@cache
def _query_lemmatizers() -> tuple[Callable[[str], str], ...]:
    """One lemmatizer per language whose articles we lemmatize (English and French look-up tables)."""
    import spacy

    lemmatizers = []
    for lang in LEMMA_LANGUAGES:
        nlp = spacy.blank(lang)
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()

        def lemmatize(text: str, nlp: Any = nlp) -> str:
            return " ".join((token.lemma_ or token.text).lower() for token in nlp(text))

        lemmatizers.append(lemmatize)
    return tuple(lemmatizers)


def build_body(
    text: str, filters: Filters, kind: Kind, size: int, after: list[Any] | None, stats: bool = False
) -> dict[str, Any]:
    """The whole search request: query, filters, newest first, search_after paging, optional stats."""
    aliases = FIELD_ALIASES[kind]
    exact = {
        "supplier": filters.supplier,
        "recipient": filters.recipient,
        "category": filters.category,
        "status": filters.status,
        "lang": filters.lang,
    }
    clauses: list[dict[str, Any]] = [
        {"term": {aliases.get(name, name): value}} for name, value in exact.items() if value
    ]
    if filters.source and kind == "deals":
        clauses.append({"term": {"sources": filters.source}})
    elif filters.source:
        clauses.append(
            {
                "bool": {
                    "should": [
                        {"term": {"source": filters.source}},
                        {"term": {"source_domain": filters.source}},
                    ]
                }
            }
        )
    if filters.since or filters.until:
        bounds = {key: value for key, value in (("gte", filters.since), ("lte", filters.until)) if value}
        clauses.append({"range": {DATE_FIELD[kind]: bounds}})
    body: dict[str, Any] = {
        "query": {"bool": {"must": [compile_query(text, kind)], "filter": clauses}},
        "sort": [{DATE_FIELD[kind]: "desc"}, {"id": "asc"}],
        "size": size,
        "track_total_hits": True,
    }
    if after:
        body["search_after"] = after
    if stats:
        pair_field = "pairs" if kind == "articles" else "pair"
        body["aggs"] = {
            "per_month": {"date_histogram": {"field": DATE_FIELD[kind], "calendar_interval": "month"}},
            "top_pairs": {"terms": {"field": pair_field, "size": 10}},
        }
    return body


def search(
    es: Elasticsearch,
    prefix: str,
    text: str,
    filters: Filters | None = None,
    kind: Kind = "mentions",
    size: int = 20,
    after: list[Any] | None = None,
    stats: bool = False,
) -> Page:
    """Run a search on the kind's read alias; ``after`` is the previous page's ``next_after``."""
    body = build_body(text, filters or Filters(), kind, size, after, stats)
    try:
        response = es.search(index=read_alias(prefix, kind), **body)
    except NotFoundError:
        worker = "armswatch deals run" if kind == "deals" else "armswatch index run"
        raise QueryError(
            f"nothing is indexed yet under {read_alias(prefix, kind)!r}: start the pipeline "
            f"(armswatch run) or its worker ({worker}); for the demo's data (armswatch run --demo) add --demo"
        ) from None
    hits = response["hits"]["hits"]
    return Page(
        total=response["hits"]["total"]["value"],
        hits=[hit["_source"] for hit in hits],
        next_after=hits[-1]["sort"] if len(hits) == size else None,
        aggregations=dict(response.get("aggregations") or {}),
    )
