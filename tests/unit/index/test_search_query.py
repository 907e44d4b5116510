from __future__ import annotations

import pytest

from index.search import Filters, QueryError, build_body, compile_query


def test_search_query_fields_and_implicit_and() -> None:
    query = compile_query('supplier:IR drones "kamikaze drones"', "mentions")
    musts = query["bool"]["should"][0]["bool"]["must"]
    assert {"term": {"supplier": {"value": "IR"}}} in musts
    assert {"match_phrase": {"search_text": {"query": "kamikaze drones"}}} in musts


def test_search_query_field_names_follow_the_kind() -> None:
    assert compile_query("supplier:KP", "articles") == {"term": {"suppliers": {"value": "KP"}}}
    assert compile_query("category:drones", "articles") == {
        "term": {"transfer_categories": {"value": "drones"}}
    }


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("quantity:>1000", {"range": {"quantity": {"gt": "1000"}}}),
        ("quantity:<=12", {"range": {"quantity": {"lte": "12"}}}),
        ("value:>=1e9", {"range": {"value": {"gte": "1e9"}}}),
        ("currency:EUR", {"term": {"currency": {"value": "EUR"}}}),
        ("approximate:true", {"term": {"quantity_approximate": {"value": "true"}}}),
    ],
)
def test_search_query_one_sided_bounds_are_ranges(text: str, query: dict[str, object]) -> None:
    assert compile_query(text, "mentions") == query


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("suplier:IR", "unknown field 'suplier'"),
        ("(drones AND", "cannot parse"),
    ],
)
def test_search_query_errors_say_what_to_fix(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        compile_query(text, "mentions")


def test_search_body_filters_sort_and_paging() -> None:
    body = build_body(
        "",
        Filters(supplier="KP", since="2024-01-01", source="reuters.com"),
        "mentions",
        5,
        after=["2024-05-01T00:00:00Z", "x"],
        stats=True,
    )
    filters = body["query"]["bool"]["filter"]
    assert {"term": {"supplier": "KP"}} in filters
    assert {"range": {"published_at": {"gte": "2024-01-01"}}} in filters
    assert body["sort"][0] == {"published_at": "desc"}
    assert body["search_after"] == ["2024-05-01T00:00:00Z", "x"]
    assert set(body["aggs"]) == {"per_month", "top_pairs"}


def test_search_free_words_also_match_folded_and_lemmatized_forms() -> None:
    variants = compile_query("Téhéran delivered supplier:IR", "mentions")["bool"]["should"]
    matches = [
        {
            clause["match"][field]["query"]
            for clause in v["bool"]["must"]
            if "match" in clause
            for field in clause["match"]
        }
        for v in variants
    ]
    assert {"Téhéran", "delivered"} in matches
    assert {"teheran", "delivered"} in matches  # accent-folded
    assert {"téhéran", "deliver"} in matches  # English lemmas
    for variant in variants:  # field terms stay exact in every variant
        assert {"term": {"supplier": {"value": "IR"}}} in variant["bool"]["must"]
