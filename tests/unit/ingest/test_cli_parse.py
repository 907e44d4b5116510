"""`armswatch feeds parse`: JSON lines per article, reasons on stderr, exit 1 for unreadable input."""

from __future__ import annotations

import json
from pathlib import Path

from feedserver import BILLION_LAUGHS, items, rss20
from typer.testing import CliRunner

from app.cli import app


def test_feeds_parse_prints_articles_and_reports_unreadable_inputs(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(rss20(items("cli", 3)))
    laughs = tmp_path / "laughs.xml"
    laughs.write_bytes(BILLION_LAUGHS)
    html = tmp_path / "page.html"
    html.write_bytes(b"<html><body>not a feed</body></html>")
    result = CliRunner().invoke(
        app, ["feeds", "parse", str(good), str(tmp_path / "missing.xml"), str(html), str(laughs)]
    )
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [line["title"] for line in lines[:3]] == ["cli story 0", "cli story 1", "cli story 2"]
    assert all(len(line["title"]) < 1000 for line in lines), "entities were not expanded"
    assert "missing.xml" in result.stderr and "No such file" in result.stderr
    assert "not_a_feed" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_feeds_parse_exit_0_when_every_input_was_read(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(rss20(items("ok", 1)))
    result = CliRunner().invoke(app, ["feeds", "parse", str(good)])
    assert result.exit_code == 0 and json.loads(result.stdout)["url"].endswith("/ok/0")
