"""The layers hold: the core and the stages never import the application layer (app/, its console too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BELOW_THE_APPLICATION = ("armswatch", "ingest", "enrich", "index", "deals", "alerts", "dashboards")
APPLICATION = ("app",)


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", BELOW_THE_APPLICATION)
def test_core_and_stages_do_not_import_the_application_layer(package: str) -> None:
    offending = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / package).rglob("*.py")
        for name in _imported(path)
        if name.split(".")[0] in APPLICATION
    }
    assert not offending, sorted(offending)
