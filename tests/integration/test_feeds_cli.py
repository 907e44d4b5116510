"""`armswatch feeds add | list | remove | import | export` against the real Kafka registry."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app
from armswatch.config import Settings
from ingest.opml import write_opml
from ingest.registry import new_feed

pytestmark = pytest.mark.integration


def test_feeds_commands_manage_the_registry(
    running_stack: Settings, unique: Callable[[str], str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ARMSWATCH_TOPIC_FEEDS", unique("feeds"))
    monkeypatch.setenv("ARMSWATCH_TOPIC_FEED_STATE", unique("feed-state"))
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == 0, result.stderr
        return result.stdout

    assert json.loads(run("feeds", "list", "--json")) == []
    run(
        "feeds",
        "add",
        "https://news.example.org/rss",
        "--name",
        "Example",
        "--lang",
        "fr",
        "--interval",
        "600",
    )
    run("feeds", "add", "https://other.example.org/atom", "--no-full-text")
    opml = tmp_path / "more.opml"
    opml.write_bytes(
        write_opml(
            [new_feed("https://third.example.org/feed"), new_feed("https://news.example.org/rss")], "t"
        )
    )
    assert json.loads(run("feeds", "import", str(opml), "--json")) == {
        "added": 1,
        "already_registered": 1,
        "refused": 0,
    }

    listed = {row["feed"]["url"]: row for row in json.loads(run("feeds", "list", "--json"))}
    assert set(listed) == {
        "https://news.example.org/rss",
        "https://other.example.org/atom",
        "https://third.example.org/feed",
    }
    example = listed["https://news.example.org/rss"]["feed"]
    assert (example["name"], example["language"], example["interval_seconds"]) == ("Example", "fr", 600)
    assert listed["https://other.example.org/atom"]["feed"]["full_text"] is False
    assert listed["https://third.example.org/feed"]["state"] is None, "never polled"

    run("feeds", "remove", "https://other.example.org/atom")
    exported = run("feeds", "export")
    assert "https://third.example.org/feed" in exported and "other.example.org" not in exported

    missing = runner.invoke(app, ["feeds", "remove", "https://nowhere.example.org/"])
    assert missing.exit_code == 1 and "feeds list" in missing.stderr
    bad = runner.invoke(app, ["feeds", "add", "file:///etc/passwd"])
    assert bad.exit_code == 2 and "http" in bad.stderr


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1/", "loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "cloud metadata address"),
        ("http://[::1]:19200/", "loopback address"),
        ("http://2130706433/", "write 127.0.0.1"),
        ("http://0x7f.1/", "write 127.0.0.1"),
        ("http://localhost:19200/", "loopback address"),
        ("http://10.0.0.7/rss", "private address"),
        ("http://example.org:99999/rss", "not a valid URL"),
    ],
)
def test_feeds_add_refuses_addresses_the_workers_would_never_fetch(
    running_stack: Settings,
    unique: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    url: str,
    message: str,
) -> None:
    monkeypatch.setenv("ARMSWATCH_TOPIC_FEEDS", unique("feeds"))
    monkeypatch.setenv("ARMSWATCH_TOPIC_FEED_STATE", unique("feed-state"))
    runner = CliRunner()
    refused = runner.invoke(app, ["feeds", "add", url])
    assert refused.exit_code == 2 and message in " ".join(refused.stderr.split()), refused.stderr
    opml = tmp_path / "internal.opml"
    opml.write_bytes(write_opml([new_feed(url), new_feed("https://news.example.org/rss")], "t"))
    imported = runner.invoke(app, ["feeds", "import", str(opml), "--json"])
    assert json.loads(imported.stdout) == {"added": 1, "already_registered": 0, "refused": 1}
    listed = json.loads(runner.invoke(app, ["feeds", "list", "--json"]).stdout)
    assert [row["feed"]["url"] for row in listed] == ["https://news.example.org/rss"]
