"""Install the shipped dashboards into Kibana, and export them back to the repository's format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dashboards.kibana import ImportReport, Kibana
from dashboards.objects import CANONICAL_PREFIX, dumps_ndjson, load, normalise, with_index_prefix

Progress = Callable[[str], None]


@dataclass
class InstallResult:
    kibana_version: str
    report: ImportReport
    dashboards: list[dict[str, str]]

    def as_dict(self) -> dict[str, Any]:
        return {"kibana_version": self.kibana_version, **self.report.as_dict(), "dashboards": self.dashboards}


@dataclass
class ExportResult:
    path: Path
    exported: int
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    missing_references: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "exported": self.exported,
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
            "missing_references": self.missing_references,
        }


def _key(saved: dict[str, Any]) -> str:
    return f"{saved['type']}/{saved['id']}"


def dashboard_links(kibana: Kibana, objects: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Title and URL of each dashboard among ``objects``, in ``kibana``'s space."""
    space = "" if kibana.space == "default" else f"/s/{kibana.space}"
    return [
        {
            "title": saved["attributes"]["title"],
            "url": f"{kibana.url}{space}/app/dashboards#/view/{saved['id']}",
        }
        for saved in objects
        if saved["type"] == "dashboard"
    ]


def install(
    kibana: Kibana,
    index_prefix: str,
    wait_seconds: float,
    progress: Progress,
    source: Path | None = None,
) -> InstallResult:
    """Wait for Kibana, then import the objects (data views renamed for ``index_prefix``) with overwrite.

    Raises KibanaError when Kibana is not ready in time or refuses the request; per-object errors are in
    the result's report.
    """
    objects = with_index_prefix(load(source), index_prefix)
    version = kibana.wait_until_ready(wait_seconds, progress)
    progress(f"importing {len(objects)} saved objects into space {kibana.space!r}")
    report = kibana.import_ndjson(dumps_ndjson(objects))
    if not version.startswith("9.") and version != "unknown":
        report.warnings.append(f"the objects were written for Kibana 9.x; this Kibana is {version}")
    return InstallResult(version, report, dashboard_links(kibana, objects))


def export(kibana: Kibana, destination: Path, wait_seconds: float, progress: Progress) -> ExportResult:
    """Export the dashboards listed in ``destination`` (and all they reference, new panels included)
    from Kibana, and rewrite ``destination`` in the normalised repository format (data views named for
    the default index prefix again).

    Raises KibanaError when Kibana is not ready or refuses (e.g. a dashboard is missing there).
    """
    current = load(destination if destination.exists() else None)
    wanted = [{"type": saved["type"], "id": saved["id"]} for saved in current if saved["type"] == "dashboard"]
    kibana.wait_until_ready(wait_seconds, progress)
    progress(f"exporting {len(wanted)} dashboards and what they reference")
    exported, details = kibana.export(wanted)
    objects = [normalise(saved) for saved in with_index_prefix(exported, CANONICAL_PREFIX)]
    before = {_key(saved): normalise(saved) for saved in current}
    after = {_key(saved): saved for saved in objects}
    destination.write_text(dumps_ndjson(objects), encoding="utf-8")
    return ExportResult(
        path=destination,
        exported=len(objects),
        added=sorted(set(after) - set(before)),
        removed=sorted(set(before) - set(after)),
        changed=sorted(key for key in set(after) & set(before) if after[key] != before[key]),
        missing_references=list(details.get("missingReferences") or []),
    )
