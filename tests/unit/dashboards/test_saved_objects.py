"""The shipped NDJSON holds saved objects Kibana 9.x imports: shape, references, embedded JSON, content."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from armswatch.schema import STATUSES
from dashboards.objects import (
    DATA_VIEW_KINDS,
    dumps_ndjson,
    field_uses,
    load,
    packaged_path,
    parse_ndjson,
    with_index_prefix,
)

OBJECTS = load()
BY_KEY = {(saved["type"], saved["id"]): saved for saved in OBJECTS}
KNOWN_TYPES = {"index-pattern", "search", "lens", "dashboard"}
REQUIRED_KEYS = {"type", "id", "attributes", "references", "coreMigrationVersion", "typeMigrationVersion"}
# What Kibana's dashboard saved object schema (model version 1, unknown keys forbidden) accepts.
DASHBOARD_ATTRIBUTES = {
    "title",
    "description",
    "kibanaSavedObjectMeta",
    "timeRestore",
    "timeFrom",
    "timeTo",
    "refreshInterval",
    "controlGroupInput",
    "panelsJSON",
    "optionsJSON",
    "hits",
    "version",
}
# What the legacy saved search schema accepts (Kibana migrates it to Discover sessions on import).
SEARCH_ATTRIBUTES = {
    "title",
    "description",
    "columns",
    "sort",
    "grid",
    "rowHeight",
    "rowsPerPage",
    "hideChart",
    "breakdownField",
    "kibanaSavedObjectMeta",
    "isTextBasedQuery",
    "usesAdHocDataView",
    "timeRestore",
    "timeRange",
    "refreshInterval",
    "viewMode",
    "hideAggregatedPreview",
    "hits",
    "version",
}
LENS_ATTRIBUTES = {"title", "description", "visualizationType", "state"}
GRID_COLUMNS = 48


def _version(text: str) -> tuple[int, ...]:
    assert re.fullmatch(r"\d+\.\d+\.\d+", text), text
    return tuple(int(part) for part in text.split("."))


def _of(kind: str) -> list[dict[str, Any]]:
    return [saved for saved in OBJECTS if saved["type"] == kind]


def _refs(saved: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {ref["name"]: ref for ref in saved["references"]}


def _panels(dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    assert isinstance(panels, list)
    return panels


def _dashboard(title: str) -> dict[str, Any]:
    return next(saved for saved in _of("dashboard") if saved["attributes"]["title"] == title)


def _panel_targets(dashboard: dict[str, Any]) -> list[dict[str, Any]]:
    refs = _refs(dashboard)
    return [
        BY_KEY[(panel["type"], refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]["id"])]
        for panel in _panels(dashboard)
    ]


def _lens_fields(lens: dict[str, Any]) -> set[tuple[str, str]]:
    layers = lens["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]
    return {
        (column["operationType"], column.get("sourceField", ""))
        for layer in layers.values()
        for column in layer["columns"].values()
    }


def test_saved_objects_every_line_is_an_importable_object_of_a_known_type() -> None:
    lines = packaged_path().read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(OBJECTS) > 0
    for saved in OBJECTS:
        assert set(saved) >= REQUIRED_KEYS, saved["id"]
        assert saved["type"] in KNOWN_TYPES
        assert isinstance(saved["id"], str) and saved["id"]
        assert isinstance(saved["attributes"], dict) and saved["attributes"].get("title")
        assert saved.get("managed") is False
        assert _version(saved["coreMigrationVersion"]) == (8, 8, 0)
        # Legacy migration versions: every 9.x Kibana migrates these forward on import. An export from a
        # newer Kibana carries its model versions (10.x) and imports only into that Kibana or newer.
        assert _version(saved["typeMigrationVersion"]) < (10, 0, 0), (
            f"{saved['id']} was exported from a newer Kibana; update the README's Kibana versions"
        )
    assert len(BY_KEY) == len(OBJECTS), "ids repeat within a type"


def test_saved_objects_every_reference_resolves_to_an_object_in_the_file() -> None:
    for saved in OBJECTS:
        names = [ref["name"] for ref in saved["references"]]
        assert len(names) == len(set(names)), f"{saved['id']}: reference names repeat"
        for ref in saved["references"]:
            assert (ref["type"], ref["id"]) in BY_KEY, f"{saved['id']} -> {ref['type']}/{ref['id']}"


def test_saved_objects_embedded_json_strings_parse() -> None:
    for saved in OBJECTS:
        attributes = saved["attributes"]
        meta = attributes.get("kibanaSavedObjectMeta")
        strings = [meta["searchSourceJSON"]] if meta else []
        if saved["type"] == "dashboard":
            strings += [attributes["panelsJSON"], attributes["optionsJSON"]]
            controls = attributes.get("controlGroupInput")
            if controls:
                strings += [controls["panelsJSON"], controls["ignoreParentSettingsJSON"]]
        if saved["type"] == "index-pattern":
            strings += [
                attributes[key] for key in ("fields", "fieldFormatMap", "runtimeFieldMap", "fieldAttrs")
            ]
        for text in strings:
            assert isinstance(text, str), saved["id"]
            json.loads(text)


def test_saved_objects_data_views_read_the_aliases_by_publication_or_firing_date() -> None:
    views = {saved["id"]: saved["attributes"] for saved in _of("index-pattern")}
    assert set(views) == set(DATA_VIEW_KINDS)
    assert views["armswatch-articles"]["title"] == "armswatch-articles"
    assert views["armswatch-mentions"]["title"] == "armswatch-mentions"
    assert views["armswatch-alerts"]["title"] == "armswatch-alerts"
    assert views["armswatch-articles"]["timeFieldName"] == "published_at"
    assert views["armswatch-mentions"]["timeFieldName"] == "published_at"
    assert views["armswatch-alerts"]["timeFieldName"] == "fired_at"
    assert views["armswatch-deals"]["title"] == "armswatch-deals"
    assert views["armswatch-deals"]["timeFieldName"] == "last_seen"


def test_saved_objects_lens_layers_reference_their_data_view_and_columns() -> None:
    for lens in _of("lens"):
        assert set(lens["attributes"]) <= LENS_ATTRIBUTES, lens["id"]
        state = lens["attributes"]["state"]
        refs = _refs(lens)
        layers = state["datasourceStates"]["formBased"]["layers"]
        assert layers, lens["id"]
        columns: set[str] = set()
        for layer_id, layer in layers.items():
            ref = refs[f"indexpattern-datasource-layer-{layer_id}"]
            assert ref["type"] == "index-pattern"
            assert sorted(layer["columnOrder"]) == sorted(layer["columns"])
            columns |= set(layer["columns"])
        visualization = state["visualization"]
        accessors: set[str] = set()
        for layer in visualization["layers"]:
            assert layer["layerId"] in layers
            accessors |= {layer.get("xAccessor"), layer.get("splitAccessor")} - {None}
            accessors |= set(
                layer.get("accessors", []) + layer.get("primaryGroups", []) + layer.get("metrics", [])
            )
        assert accessors == columns, lens["id"]
        assert lens["attributes"]["visualizationType"] in ("lnsXY", "lnsPie")


def test_saved_objects_searches_reference_their_data_view() -> None:
    for search in _of("search"):
        assert set(search["attributes"]) <= SEARCH_ATTRIBUTES, search["id"]
        source = json.loads(search["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        ref = _refs(search)[source["indexRefName"]]
        assert ref["type"] == "index-pattern"
        assert search["attributes"]["columns"]
        assert all(len(pair) == 2 and pair[1] in ("asc", "desc") for pair in search["attributes"]["sort"])


def test_saved_objects_dashboard_panels_and_controls_resolve_by_reference() -> None:
    for dashboard in _of("dashboard"):
        assert set(dashboard["attributes"]) <= DASHBOARD_ATTRIBUTES, dashboard["id"]
        refs = _refs(dashboard)
        cells: set[tuple[int, int]] = set()
        for panel in _panels(dashboard):
            ref = refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]
            assert ref["type"] == panel["type"] in ("lens", "search")
            grid = panel["gridData"]
            assert grid["i"] == panel["panelIndex"]
            assert grid["x"] >= 0 and grid["x"] + grid["w"] <= GRID_COLUMNS
            area = {
                (x, y)
                for x in range(grid["x"], grid["x"] + grid["w"])
                for y in range(grid["y"], grid["y"] + grid["h"])
            }
            assert not cells & area, f"{dashboard['id']}: panel {panel['panelIndex']} overlaps another"
            cells |= area
        controls = dashboard["attributes"].get("controlGroupInput")
        for control_id, control in json.loads(controls["panelsJSON"]).items() if controls else []:
            assert control["type"] == "optionsListControl"
            assert refs[f"controlGroup_{control_id}:optionsListDataView"]["type"] == "index-pattern"


def test_saved_objects_have_no_map_panels() -> None:
    """Maps need Elastic Maps Service on the internet."""
    assert not [saved for saved in OBJECTS if saved["type"] == "map"]
    for dashboard in _of("dashboard"):
        assert all(panel["type"] != "map" for panel in _panels(dashboard))


def test_saved_objects_live_dashboard_has_the_promised_views() -> None:
    live = _dashboard("Arms transfers — live")
    attributes = live["attributes"]
    assert attributes["refreshInterval"] == {"pause": False, "value": 30000}
    assert (attributes["timeRestore"], attributes["timeFrom"], attributes["timeTo"]) == (
        True,
        "now-7d",
        "now",
    )
    targets = _panel_targets(live)
    lens_fields = set().union(*(_lens_fields(t) for t in targets if t["type"] == "lens"))
    assert {("date_histogram", "published_at"), ("terms", "category")} <= lens_fields
    assert {
        ("terms", field) for field in ("pair_name", "supplier_name", "recipient_name", "status", "lang")
    } <= (lens_fields)
    latest, deals = (t for t in targets if t["type"] == "search")
    assert {"evidence", "source", "url"} <= set(latest["attributes"]["columns"])
    assert latest["attributes"]["sort"] == [["published_at", "desc"]]
    assert {"pair_name", "status", "timeline_text", "outlets", "latest_url"} <= set(
        deals["attributes"]["columns"]
    )
    assert deals["attributes"]["sort"] == [["last_seen", "desc"]]
    controls = json.loads(attributes["controlGroupInput"]["panelsJSON"]).values()
    assert {c["explicitInput"]["fieldName"] for c in controls} == {
        "supplier_name",
        "recipient_name",
        "category",
    }


def test_saved_objects_status_panel_shows_every_status() -> None:
    status = BY_KEY[("lens", "armswatch-status-breakdown")]
    column = next(
        c
        for layer in status["attributes"]["state"]["datasourceStates"]["formBased"]["layers"].values()
        for c in layer["columns"].values()
        if c.get("sourceField") == "status"
    )
    assert column["params"]["size"] >= len(STATUSES)


def test_saved_objects_coverage_and_alerts_dashboards() -> None:
    coverage = _panel_targets(_dashboard("Coverage"))
    fields = set().union(*(_lens_fields(t) for t in coverage if t["type"] == "lens"))
    assert {
        ("terms", "source"),
        ("date_histogram", "published_at"),
        ("terms", "state_names"),
        ("filters", ""),
    } <= (fields)
    assert [t["id"] for t in coverage if t["type"] == "search"] == ["armswatch-coverage-articles"]
    alerts = _panel_targets(_dashboard("Alerts"))
    fields = set().union(*(_lens_fields(t) for t in alerts if t["type"] == "lens"))
    assert {("date_histogram", "fired_at"), ("terms", "rule_name")} <= fields
    latest = next(t for t in alerts if t["type"] == "search")
    assert latest["attributes"]["sort"] == [["fired_at", "desc"]]


def test_saved_objects_file_is_in_the_normalised_export_format() -> None:
    """``dashboards export`` writes this exact form, so an export without edits changes nothing."""
    assert dumps_ndjson(reversed(OBJECTS)) == packaged_path().read_text(encoding="utf-8")


def test_saved_objects_index_prefix_renames_only_the_data_views() -> None:
    renamed = with_index_prefix(OBJECTS, "news")
    titles = {
        saved["id"]: saved["attributes"]["title"] for saved in renamed if saved["type"] == "index-pattern"
    }
    assert titles == {
        "armswatch-articles": "news-articles",
        "armswatch-mentions": "news-mentions",
        "armswatch-alerts": "news-alerts",
        "armswatch-deals": "news-deals",
    }
    assert [saved for saved in renamed if saved["type"] != "index-pattern"] == [
        saved for saved in OBJECTS if saved["type"] != "index-pattern"
    ]
    assert BY_KEY[("index-pattern", "armswatch-articles")]["attributes"]["title"] == "armswatch-articles"


def test_saved_objects_field_uses_cover_every_panel_and_control() -> None:
    uses = field_uses(OBJECTS)
    readers = {use.object_id for use in uses}
    assert {saved["id"] for saved in OBJECTS if saved["type"] in ("lens", "search")} <= readers
    assert {
        saved["id"]
        for saved in OBJECTS
        if saved["type"] == "dashboard" and "controlGroupInput" in saved["attributes"]
    } <= readers


def test_saved_objects_parse_errors_name_the_line() -> None:
    with pytest.raises(ValueError, match="line 2: not JSON"):
        parse_ndjson('{"type": "lens"}\n{broken\n')
    with pytest.raises(ValueError, match="line 1: a saved object must be a JSON object"):
        parse_ndjson("[1, 2]\n")
