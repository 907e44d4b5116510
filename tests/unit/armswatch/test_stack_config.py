from __future__ import annotations

import socket
from pathlib import Path

import pytest

from armswatch.config import load_settings
from armswatch.stack import artifacts, elasticsearch_server, kafka_server
from armswatch.stack.processes import StackError, require_free_ports


def test_stack_port_in_use_is_a_clear_error_not_a_hang() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        with pytest.raises(StackError, match=f"port {port} .* already used.*ARMSWATCH_KAFKA_PORT"):
            require_free_ports("Kafka", {"kafka_port": port})


def test_stack_kafka_properties_bind_loopback_with_single_replica(tmp_path: Path) -> None:
    properties = kafka_server.server_properties(load_settings(kafka_port=29092), tmp_path)
    entries = dict(line.split("=", 1) for line in properties.splitlines())
    assert entries["listeners"].startswith("PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:")
    assert entries["offsets.topic.replication.factor"] == "1"
    assert entries["process.roles"] == "broker,controller"
    assert entries["log.dirs"] == str(tmp_path)


def test_stack_elasticsearch_yml_is_single_node_loopback_without_security(tmp_path: Path) -> None:
    yml = elasticsearch_server.elasticsearch_yml(load_settings(elasticsearch_port=29200), tmp_path, tmp_path)
    assert 'network.host: "127.0.0.1"' in yml
    assert "http.port: 29200" in yml
    assert 'discovery.type: "single-node"' in yml
    assert "xpack.security.enabled: false" in yml


def test_stack_java_version_read_from_release_file(tmp_path: Path) -> None:
    (tmp_path / "release").write_text('IMPLEMENTOR="x"\nJAVA_VERSION="25.0.1"\n')
    assert artifacts.java_major(tmp_path) == 25
    (tmp_path / "release").write_text('JAVA_VERSION="1.8.0_402"\n')
    assert artifacts.java_major(tmp_path) == 8


def test_stack_missing_jdk_names_what_to_install(tmp_path: Path) -> None:
    (tmp_path / "release").write_text('JAVA_VERSION="17.0.2"\n')
    with pytest.raises(StackError, match="needs 21"):
        artifacts.find_jdk(21, tmp_path, "Elasticsearch 9")
