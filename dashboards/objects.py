"""The Kibana saved objects armswatch ships, in Kibana's NDJSON import/export format: pure functions, no I/O
beyond reading the packaged file.

``objects/armswatch.ndjson`` is the source of truth: one saved object per line, in the normalised form
``dumps_ndjson`` writes (objects by type then id, keys sorted, server-side bookkeeping dropped), so an
export from Kibana diffs cleanly against it. Data views are named for the read aliases of the default
index prefix (``armswatch-articles``, ``armswatch-mentions``, ``armswatch-alerts``,
``armswatch-deals``); ``with_index_prefix`` renames them for another prefix at install time and back
at export time.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from index.actions import read_alias

CANONICAL_PREFIX = "armswatch"
OBJECTS_FILE = "armswatch.ndjson"
# Dependencies first, which is also the order Kibana resolves references in.
TYPE_ORDER = ("index-pattern", "search", "lens", "dashboard")
# Data view id -> what it reads, by kind of index.
DATA_VIEW_KINDS = {
    "armswatch-articles": "articles",
    "armswatch-mentions": "mentions",
    "armswatch-alerts": "alerts",
    "armswatch-deals": "deals",
}
# Fields Kibana adds when it stores or exports an object; they are not part of what we ship.
SERVER_FIELDS = (
    "updated_at",
    "updated_by",
    "created_at",
    "created_by",
    "version",
    "namespaces",
    "originId",
    "sort",
    "score",
    "accessControl",
)
Need = Literal["aggregatable", "date", "sortable", "exists"]
AGGREGATABLE_TYPES = frozenset(
    {"keyword", "constant_keyword", "boolean", "ip", "integer", "long", "short", "byte", "float", "double"}
)
DATE_TYPES = frozenset({"date", "date_nanos"})
SORTABLE_TYPES = AGGREGATABLE_TYPES | DATE_TYPES
KQL_FIELD = re.compile(r"([A-Za-z_][\w.]*)\s*:")


class ObjectsError(ValueError):
    """The NDJSON is not a list of saved objects; the message names the line."""


@dataclass(frozen=True)
class FieldUse:
    """One field a saved object reads, and what the panel needs of it."""

    object_id: str
    data_view: str
    field: str
    need: Need
    why: str


def packaged_path() -> Path:
    """The shipped NDJSON file (in a source checkout: ``dashboards/objects/armswatch.ndjson``)."""
    return Path(str(resources.files("dashboards") / "objects" / OBJECTS_FILE))


def parse_ndjson(text: str) -> list[dict[str, Any]]:
    """Saved objects from NDJSON text; blank lines are skipped. Raises ObjectsError on a bad line."""
    objects = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise ObjectsError(f"line {number}: not JSON ({error})") from None
        if not isinstance(value, dict):
            raise ObjectsError(f"line {number}: a saved object must be a JSON object")
        objects.append(value)
    return objects


def load(path: Path | None = None) -> list[dict[str, Any]]:
    """The saved objects of ``path`` (default: the packaged file)."""
    return parse_ndjson((path or packaged_path()).read_text(encoding="utf-8"))


def _order(saved: dict[str, Any]) -> tuple[int, str]:
    kind = saved.get("type", "")
    return (TYPE_ORDER.index(kind) if kind in TYPE_ORDER else len(TYPE_ORDER), str(saved.get("id", "")))


def normalise(saved: dict[str, Any]) -> dict[str, Any]:
    """One object as we store it: server bookkeeping dropped, references sorted by name."""
    clean = {key: value for key, value in saved.items() if key not in SERVER_FIELDS}
    clean["references"] = sorted(clean.get("references") or [], key=lambda ref: (ref["name"], ref["type"]))
    return clean


def dumps_ndjson(objects: Iterable[dict[str, Any]]) -> str:
    """The normalised NDJSON text: one object per line, by type then id, keys sorted, UTF-8 kept."""
    lines = [
        json.dumps(normalise(saved), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        for saved in sorted(objects, key=_order)
    ]
    return "\n".join(lines) + "\n"


def data_view_title(prefix: str, data_view_id: str) -> str:
    """The index (alias) a data view reads under ``prefix``: ``<prefix>-articles`` and so on."""
    return read_alias(prefix, DATA_VIEW_KINDS[data_view_id])


def with_index_prefix(objects: Iterable[dict[str, Any]], prefix: str) -> list[dict[str, Any]]:
    """Copies of ``objects`` whose data views read ``prefix``'s aliases instead of the default ones."""
    renamed = []
    for saved in objects:
        saved = copy.deepcopy(saved)
        if saved.get("type") == "index-pattern" and saved.get("id") in DATA_VIEW_KINDS:
            saved["attributes"]["title"] = data_view_title(prefix, saved["id"])
        renamed.append(saved)
    return renamed


def _references(saved: dict[str, Any]) -> dict[str, str]:
    return {ref["name"]: ref["id"] for ref in saved.get("references") or []}


def _lens_uses(saved: dict[str, Any]) -> Iterator[FieldUse]:
    references = _references(saved)
    layers = saved["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]
    for layer_id, layer in layers.items():
        data_view = references[f"indexpattern-datasource-layer-{layer_id}"]
        for column in layer["columns"].values():
            operation = column["operationType"]
            if operation == "terms":
                yield FieldUse(saved["id"], data_view, column["sourceField"], "aggregatable", "top values")
            elif operation == "date_histogram":
                yield FieldUse(saved["id"], data_view, column["sourceField"], "date", "date histogram")
            elif operation == "filters":
                for item in column["params"]["filters"]:
                    for field in KQL_FIELD.findall(item["input"]["query"]):
                        yield FieldUse(saved["id"], data_view, field, "exists", "filter")
            elif column.get("sourceField") not in (None, "___records___"):
                yield FieldUse(saved["id"], data_view, column["sourceField"], "exists", operation)


def _search_uses(saved: dict[str, Any]) -> Iterator[FieldUse]:
    data_view = _references(saved)["kibanaSavedObjectMeta.searchSourceJSON.index"]
    for column in saved["attributes"].get("columns") or []:
        yield FieldUse(saved["id"], data_view, column, "exists", "table column")
    for field, _direction in saved["attributes"].get("sort") or []:
        yield FieldUse(saved["id"], data_view, field, "sortable", "sort")


def _control_uses(saved: dict[str, Any]) -> Iterator[FieldUse]:
    controls = saved["attributes"].get("controlGroupInput")
    if not controls:
        return
    references = _references(saved)
    for control_id, control in json.loads(controls["panelsJSON"]).items():
        data_view = references[f"controlGroup_{control_id}:optionsListDataView"]
        field = control["explicitInput"]["fieldName"]
        yield FieldUse(saved["id"], data_view, field, "aggregatable", "options list control")


def field_uses(objects: Iterable[dict[str, Any]]) -> list[FieldUse]:
    """Every field the objects read, with what each needs: values to aggregate (top values, controls),
    to sort on, a date (histograms, time fields) or just presence (table columns, filters)."""
    uses: list[FieldUse] = []
    for saved in objects:
        kind = saved["type"]
        if kind == "index-pattern":
            time_field = saved["attributes"].get("timeFieldName")
            if time_field:
                uses.append(FieldUse(saved["id"], saved["id"], time_field, "date", "time field"))
        elif kind == "lens":
            uses += _lens_uses(saved)
        elif kind == "search":
            uses += _search_uses(saved)
        elif kind == "dashboard":
            uses += _control_uses(saved)
    return uses


def flatten_mapping(properties: dict[str, Any], parent: str = "") -> dict[str, str]:
    """``{"title": text, "title.raw": keyword, ...}`` from a mapping's properties (objects and multi-fields
    included)."""
    flat: dict[str, str] = {}
    for name, spec in properties.items():
        path = f"{parent}{name}"
        if "type" in spec:
            flat[path] = spec["type"]
        if "properties" in spec:
            flat |= flatten_mapping(spec["properties"], f"{path}.")
        if "fields" in spec:
            flat |= flatten_mapping(spec["fields"], f"{path}.")
    return flat


def check_field(use: FieldUse, field_types: dict[str, str]) -> str | None:
    """Why ``use`` would break on an index with these field types, or None when it works."""
    found = field_types.get(use.field)
    where = f"{use.object_id}: {use.why}"
    if found is None:
        return f"{where} reads {use.field!r}, which the index does not have"
    if use.need == "aggregatable" and found not in AGGREGATABLE_TYPES:
        return f"{where} needs {use.field!r} aggregatable (keyword), it is {found}"
    if use.need == "sortable" and found not in SORTABLE_TYPES:
        return f"{where} needs {use.field!r} sortable (keyword, number, date), it is {found}"
    if use.need == "date" and found not in DATE_TYPES:
        return f"{where} needs {use.field!r} to be a date, it is {found}"
    return None
