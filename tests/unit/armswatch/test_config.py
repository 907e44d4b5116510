from __future__ import annotations

from pathlib import Path

import pytest

from armswatch.config import load_settings


def test_config_defaults_use_the_local_stack(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARMSWATCH_KAFKA_BOOTSTRAP", raising=False)
    monkeypatch.delenv("ARMSWATCH_ELASTICSEARCH_URL", raising=False)
    settings = load_settings()
    assert settings.uses_local_kafka and settings.uses_local_elasticsearch
    assert settings.bootstrap_servers == f"127.0.0.1:{settings.kafka_port}"
    assert settings.es_url == f"http://127.0.0.1:{settings.elasticsearch_port}"


def test_config_environment_overrides_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "armswatch.yaml"
    config.write_text("kafka_bootstrap: filehost:9092\nindex_prefix: fromfile\nraw_partitions: 12\n")
    monkeypatch.setenv("ARMSWATCH_CONFIG", str(config))
    monkeypatch.setenv("ARMSWATCH_INDEX_PREFIX", "fromenv")
    settings = load_settings()
    assert settings.bootstrap_servers == "filehost:9092"
    assert not settings.uses_local_kafka
    assert settings.index_prefix == "fromenv"
    assert settings.raw_partitions == 12


def test_config_missing_named_file_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ARMSWATCH_CONFIG", str(tmp_path / "absent.yaml"))
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_settings()


def test_config_unknown_key_is_rejected(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    config = tmp_path / "armswatch.yaml"
    config.write_text("kafka_bootstrapp: typo:9092\n")
    monkeypatch.setenv("ARMSWATCH_CONFIG", str(config))
    with pytest.raises(ValueError, match="kafka_bootstrapp"):
        load_settings()


def test_config_as_dict_masks_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARMSWATCH_ELASTICSEARCH_PASSWORD", "hunter2")
    shown = load_settings().as_dict()
    assert "hunter2" not in str(shown)
    assert shown["elasticsearch_password"] == "**********"
