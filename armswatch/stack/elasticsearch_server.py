"""A single-node Elasticsearch on 127.0.0.1, from Maven Central's runnable test distribution."""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

from armswatch.config import Settings
from armswatch.stack import artifacts
from armswatch.stack.processes import ManagedProcess, StackError, require_free_ports, wait_until

NAME = "elasticsearch"
CLUSTER_NAME = "armswatch"
MINIMUM_JAVA = 21


def home(settings: Settings) -> Path:
    return settings.stack_dir / NAME


def process(settings: Settings) -> ManagedProcess:
    state = home(settings)
    return ManagedProcess(
        NAME,
        state / "elasticsearch.pid",
        state / "logs" / f"{CLUSTER_NAME}.log",
        state / "logs" / "console.log",
    )


def elasticsearch_yml(settings: Settings, data: Path, logs: Path) -> str:
    """Single node, loopback only, security off (no TLS or passwords), no disk watermarks."""
    config = {
        "cluster.name": CLUSTER_NAME,
        "node.name": "armswatch-local",
        "discovery.type": "single-node",
        "network.host": "127.0.0.1",
        "http.port": settings.elasticsearch_port,
        "transport.port": settings.elasticsearch_transport_port,
        "path.data": str(data),
        "path.logs": str(logs),
        "xpack.security.enabled": False,
        "cluster.routing.allocation.disk.threshold_enabled": False,
    }
    # JSON is valid YAML, and quoting every value keeps paths with odd characters safe.
    return "".join(f"{key}: {json.dumps(value)}\n" for key, value in config.items())


def health_status(url: str) -> str | None:
    """The cluster health colour, or None when the node does not answer."""
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health?timeout=2s", timeout=5) as response:
            return str(json.load(response)["status"])
    except (urllib.error.URLError, OSError, ValueError, KeyError):
        return None


def _run_as(settings: Settings, owned: list[Path]) -> str | None:
    """Elasticsearch refuses to run as root: as root, run it as a dedicated system user."""
    if os.geteuid() != 0:
        return None
    user = settings.elasticsearch_user
    try:
        pwd.getpwnam(user)
    except KeyError:
        created = subprocess.run(
            [
                "useradd",
                "--system",
                "--user-group",
                "--no-create-home",
                "--home-dir",
                "/nonexistent",
                "--shell",
                "/usr/sbin/nologin",
                user,
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if created.returncode != 0:
            raise StackError(
                f"Elasticsearch refuses to run as root and creating the user {user!r} failed: "
                f"{created.stderr.strip()}. Create it, or run armswatch as a normal user."
            ) from None
    for path in owned:
        for folder, _dirs, files in os.walk(path):
            shutil.chown(folder, user, user)
            for name in files:
                shutil.chown(os.path.join(folder, name), user, user)
    return user


def start(settings: Settings, progress: artifacts.Progress) -> None:
    """Fetch and start the node, then wait until cluster health is yellow or green."""
    managed = process(settings)
    if managed.pid() is not None:
        return
    require_free_ports(
        "Elasticsearch",
        {
            "elasticsearch_port": settings.elasticsearch_port,
            "elasticsearch_transport_port": settings.elasticsearch_transport_port,
        },
    )
    jdk = artifacts.find_jdk(MINIMUM_JAVA, settings.elasticsearch_java_home, "Elasticsearch 9")
    es_home = artifacts.elasticsearch_home(settings.cache_dir, settings.elasticsearch_version, progress)
    state = home(settings)
    config, data, logs, tmp = state / "config", state / "data", state / "logs", state / "tmp"
    for folder in (data, logs, tmp):
        folder.mkdir(parents=True, exist_ok=True)
    # The distribution's config (jvm.options, log4j2) is the base; the node writes its keystore there.
    shutil.copytree(es_home / "config", config, dirs_exist_ok=True)
    (config / "elasticsearch.yml").write_text(elasticsearch_yml(settings, data, logs))
    user = _run_as(settings, [state])
    env = dict(os.environ)
    env.update(
        {
            "ES_JAVA_HOME": str(jdk),
            "ES_PATH_CONF": str(config),
            "ES_TMPDIR": str(tmp),
            "ES_JAVA_OPTS": f"-Xms{settings.elasticsearch_heap} -Xmx{settings.elasticsearch_heap}",
        }
    )
    env.pop("JAVA_HOME", None)
    progress(
        f"starting Elasticsearch {settings.elasticsearch_version} on 127.0.0.1:{settings.elasticsearch_port}"
    )
    managed.start([str(es_home / "bin" / "elasticsearch")], env=env, cwd=state, user=user)
    wait_until(
        lambda: health_status(settings.es_url) in ("yellow", "green"),
        process=managed,
        timeout=settings.stack_start_timeout,
        what="Elasticsearch",
    )
