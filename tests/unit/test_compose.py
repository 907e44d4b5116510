"""docker-compose.yml is valid Compose and runs only commands the CLI has."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.main import get_command

from app.cli import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return loaded


def test_compose_file_matches_the_compose_specification(compose: dict[str, Any]) -> None:
    schema_file = resources.files("check_jsonschema.builtin_schemas.vendor") / "compose-spec.json"
    schema = json.loads(schema_file.read_text())
    jsonschema.validate(compose, schema)


def test_compose_worker_commands_exist_in_the_cli(compose: dict[str, Any]) -> None:
    cli = get_command(app)
    commands = set(cli.commands)  # type: ignore[attr-defined]
    built = {name: service for name, service in compose["services"].items() if "build" in service}
    assert built, "the compose file runs no armswatch service"
    for name, service in built.items():
        assert service["command"][0] in commands, f"service {name} runs an unknown command"


def test_compose_runs_a_worker_of_every_stage_that_has_one(compose: dict[str, Any]) -> None:
    from app.stages import worker_stages

    commands = [service["command"] for service in compose["services"].values() if "build" in service]
    for stage in worker_stages():
        assert [stage.name, "run"] in commands, f"no service runs `armswatch {stage.name} run`"


def test_compose_servers_match_the_local_stack_versions(compose: dict[str, Any]) -> None:
    from armswatch.config import Settings

    defaults = Settings.model_fields
    images = {name: service.get("image", "") for name, service in compose["services"].items()}
    assert images["kafka"].endswith(":" + str(defaults["kafka_version"].default))
    es_version = str(defaults["elasticsearch_version"].default)
    assert images["elasticsearch"].endswith(":" + es_version)
    assert images["kibana"].endswith(":" + es_version)


def test_compose_services_have_healthchecks(compose: dict[str, Any]) -> None:
    for name in ("kafka", "elasticsearch", "kibana"):
        assert "healthcheck" in compose["services"][name]
