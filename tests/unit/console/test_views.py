"""What the pages show: filters as one query, party and weapon spans, highlights, explore results."""

from __future__ import annotations

from app.console.queries import explore_result, interval_for, search_body
from app.console.views import (
    MATCH_END,
    MATCH_START,
    StreamFilters,
    filters_query,
    marked_spans,
    mention_card,
    party_spans,
)
from index.search import Filters


def test_filters_become_one_query_of_the_search_language() -> None:
    filters = StreamFilters(pair="IR>RU", state="KP", category="drones", query='Shahed OR "Geran-2"')
    assert filters_query(filters) == (
        '(Shahed OR "Geran-2") AND pair:"IR>RU" AND (supplier:"KP" OR recipient:"KP") AND category:"drones"'
    )
    assert filters_query(StreamFilters()) == ""
    assert filters_query(StreamFilters(lang='e"n')) == 'lang:"e\\"n"'


def test_party_spans_find_names_demonyms_metonyms_and_weapon_terms() -> None:
    sentence = "Pyongyang is shipping artillery shells and rockets to Moscow."
    mention = {"supplier": "KP", "recipient": "RU", "weapon": "artillery shells; rockets", "lang": "en"}
    spans = party_spans(sentence, mention)
    assert [(sentence[s:e], role) for s, e, role in spans] == [
        ("Pyongyang", "supplier"),
        ("artillery shells", "weapon"),
        ("rockets", "weapon"),
        ("Moscow", "recipient"),
    ]


def test_party_spans_of_a_non_state_party_use_its_name() -> None:
    sentence = "Iran supplied drones to the Houthis."
    mention = {
        "supplier": "IR",
        "recipient": None,
        "recipient_name": "Houthis",
        "weapon": "drones",
        "lang": "en",
    }
    assert ("Houthis", "recipient") in [(sentence[s:e], r) for s, e, r in party_spans(sentence, mention)]


def test_marked_spans_cut_the_highlighter_markers_out() -> None:
    text, spans = marked_spans(f"Iran {MATCH_START}delivered{MATCH_END} drones {MATCH_START}<b>{MATCH_END}")
    assert text == "Iran delivered drones <b>"
    assert [(text[s:e], kind) for s, e, kind in spans] == [("delivered", "match"), ("<b>", "match")]


def test_mention_card_keeps_feed_text_as_text_and_adds_matches_outside_parties() -> None:
    evidence = "Iran delivered drones to Russia <script>alert(1)</script>"
    doc = {
        "evidence": evidence,
        "supplier": "IR",
        "recipient": "RU",
        "weapon": "drones",
        "lang": "en",
        "title": "<script>alert(1)</script>",
        "search_text": "x",
    }
    card = mention_card(
        doc, {"evidence": [evidence.replace("delivered", f"{MATCH_START}delivered{MATCH_END}")]}
    )
    assert card["title"] == "<script>alert(1)</script>" and "search_text" not in card
    assert [evidence[s:e] for s, e, _kind in card["spans"]] == ["Iran", "delivered", "drones", "Russia"]


def test_interval_suits_the_range() -> None:
    assert interval_for("now-24h", "") == "hour"
    assert interval_for("now-30d", "") == "day"
    assert interval_for("2020-01-01", "2024-01-01") == "week"
    assert interval_for("", "") == "month"


def test_search_body_adds_facets_and_safe_highlight_markers() -> None:
    body = search_body("drones", Filters(supplier="IR"), "mentions", 25, None)
    assert body["highlight"]["pre_tags"] == [MATCH_START] and "category" in body["aggs"]
    assert {"term": {"supplier": "IR"}} in body["query"]["bool"]["filter"]


def test_explore_result_shapes_the_aggregations() -> None:
    aggregations = {
        "series_total": {"buckets": [{"key": "drones", "doc_count": 3}]},
        "over_time": {
            "buckets": [
                {
                    "key_as_string": "2024-05-01",
                    "key": 1,
                    "doc_count": 3,
                    "series": {"buckets": [{"key": "drones", "doc_count": 3}]},
                }
            ]
        },
        "matrix": {
            "buckets": [
                {
                    "key": "Iran",
                    "doc_count": 3,
                    "recipients": {"buckets": [{"key": "Russia", "doc_count": 3}]},
                }
            ]
        },
        "recipients_total": {"buckets": [{"key": "Russia", "doc_count": 3}]},
        "suppliers_map": {"buckets": [{"key": "IR", "doc_count": 3}]},
    }
    result = explore_result(3, aggregations, {"IR": "Iran"})
    assert result["over_time"] == [{"t": "2024-05-01", "total": 3, "series": {"drones": 3}}]
    assert result["matrix"] == {
        "recipients": ["Russia"],
        "rows": [{"supplier": "Iran", "total": 3, "cells": {"Russia": 3}}],
    }
    assert result["suppliers"] == [{"code": "IR", "name": "Iran", "count": 3}] and result["recipients"] == []


def test_stream_filters_read_codes_in_any_case() -> None:
    filters = StreamFilters.from_params({"pair": "kp>~Wagner", "state": " ir ", "query": " drones "})
    assert (filters.pair, filters.state, filters.query) == ("KP>~Wagner", "IR", "drones")
