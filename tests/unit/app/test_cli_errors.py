"""The command line as a person meets it: one readable line and exit 1 or 2 when a command cannot go on,
never a traceback; readable --help with an example everywhere. No server is needed: the servers the
commands are pointed at do not exist (nothing listens on port 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import command

ROOT = Path(__file__).resolve().parents[3]
NOWHERE = {
    "ARMSWATCH_KAFKA_BOOTSTRAP": "127.0.0.1:1",
    "ARMSWATCH_ELASTICSEARCH_URL": "http://127.0.0.1:1",
    "ARMSWATCH_KAFKA_BOOTSTRAP_TIMEOUT": "2",
}


def armswatch(*arguments: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **NOWHERE, "PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "app", *arguments], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("arguments", "code", "says"),
    [
        (["setup"], 1, "Kafka at 127.0.0.1:1 does not answer"),
        (["search", "drones"], 1, "Elasticsearch at http://127.0.0.1:1 does not answer"),
        (["enrich", "run", "--exit-after", "5"], 1, "Kafka at 127.0.0.1:1 does not answer"),
        (["tag", "no-such-file.jsonl"], 2, "cannot use no-such-file.jsonl: No such file or directory"),
        (["search", "--limit", "0", "drones"], 2, "--limit"),
        (["search", "--since", "yesterday", "drones"], 2, "'yesterday' is not a date: write it YYYY-MM-DD"),
        (["search", "--supplier", "Narnia", "drones"], 2, "no state is called 'Narnia'"),
        (["search", "--status", "maybe", "drones"], 2, "'maybe' is not one of"),
        (["-L", "LOUD", "config"], 2, "'LOUD' is not one of"),
        (["--logger-level", "kafka:LOUD", "config"], 2, "is not LOGGER:LEVEL"),
        (["stack", "logs", "zookeeper"], 2, "'zookeeper' is not one of"),
        (["ingest", "run", "--exit-when-idle", "5"], 2, "never idle: use --exit-after"),
    ],
)
def test_cli_failure_is_one_line_with_an_exit_code(arguments: list[str], code: int, says: str) -> None:
    result = armswatch(*arguments)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert says in " ".join(result.stderr.split())
    assert result.stdout == ""


def test_cli_version_prints_the_package_version() -> None:
    result = armswatch("--version")
    assert result.returncode == 0 and result.stdout.startswith("armswatch ")


def _leaves(group: object, path: list[str]) -> list[tuple[str, object]]:
    subcommands = getattr(group, "commands", None)
    if not subcommands:
        return [(" ".join(path), group)]
    return [leaf for name, sub in subcommands.items() for leaf in _leaves(sub, [*path, name])]


@pytest.mark.parametrize(("name", "leaf"), _leaves(command(), []), ids=lambda value: str(value)[:40])
def test_cli_help_has_an_example_and_names_every_value(name: str, leaf: object) -> None:
    assert "Example: armswatch " in (getattr(leaf, "help", "") or ""), f"`armswatch {name}` has no example"
    for param in getattr(leaf, "params", []):
        if getattr(param, "is_flag", False):
            continue
        described = getattr(param, "type_descriptor", None)
        shown = param.metavar or ("a choice" if described is not None and described.is_choice else None)
        assert shown is not None, f"`armswatch {name}` shows {param.name} by its Python type"
