"""One typed settings object for every armswatch process.

Values come, highest priority first, from keyword arguments, ``ARMSWATCH_*`` environment variables,
the YAML file named by ``ARMSWATCH_CONFIG`` (default ``./armswatch.yaml`` when it exists), and the
defaults below. Every default works without configuration: with no Kafka or Elasticsearch address
configured, armswatch runs its own local stack on 127.0.0.1.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    YamlConfigSettingsSource,
)

ENV_PREFIX = "ARMSWATCH_"
CONFIG_FILE_ENV = "ARMSWATCH_CONFIG"
DEFAULT_CONFIG_FILE = Path("armswatch.yaml")


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _default_state_dir() -> Path:
    # Elasticsearch must run as a dedicated user when we are root, and that user cannot enter /root:
    # root's state and cache therefore live in the system locations.
    if _is_root():
        return Path("/var/lib/armswatch")
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "armswatch"


def _default_cache_dir() -> Path:
    if _is_root():
        return Path("/var/cache/armswatch")
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "armswatch"


def config_file_path() -> Path | None:
    """The settings file in force: ``$ARMSWATCH_CONFIG`` or ``./armswatch.yaml`` if present."""
    named = os.environ.get(CONFIG_FILE_ENV)
    if named:
        return Path(named)
    return DEFAULT_CONFIG_FILE if DEFAULT_CONFIG_FILE.exists() else None


class Settings(BaseSettings):
    """Every knob of armswatch. Environment variable: ``ARMSWATCH_`` + the field name in capitals."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="forbid")

    # External services: when set, nothing local is started.
    kafka_bootstrap: str | None = Field(
        default=None, description="Kafka bootstrap servers (host:port,...); unset = local stack"
    )
    elasticsearch_url: str | None = Field(default=None, description="Elasticsearch URL; unset = local stack")
    elasticsearch_username: str | None = None
    elasticsearch_password: SecretStr | None = None
    elasticsearch_api_key: SecretStr | None = None

    # Local stack.
    stack_dir: Path = Field(default_factory=_default_state_dir, description="data, logs and pid files")
    cache_dir: Path = Field(default_factory=_default_cache_dir, description="downloaded server distributions")
    kafka_version: str = "4.3.1"
    elasticsearch_version: str = "9.5.4"
    kafka_port: int = 19092
    kafka_controller_port: int = 19093
    elasticsearch_port: int = 19200
    elasticsearch_transport_port: int = 19300
    kafka_heap: str = "1g"
    elasticsearch_heap: str = "1g"
    elasticsearch_user: str = Field(
        default="armswatch-es", description="system user that runs Elasticsearch when invoked as root"
    )
    java_home: Path | None = Field(default=None, description="JDK for Kafka (17+); default: java on PATH")
    elasticsearch_java_home: Path | None = Field(
        default=None, description="JDK for Elasticsearch (21+); default: the newest JDK found"
    )
    stack_start_timeout: float = 180.0

    # Topics.
    topic_raw: str = "armswatch.articles.raw"
    topic_enriched: str = "armswatch.articles.enriched"
    topic_dead_letter: str = "armswatch.deadletter"
    topic_alerts: str = "armswatch.alerts"
    raw_partitions: int = 6
    enriched_partitions: int = 6
    dead_letter_partitions: int = 1
    alerts_partitions: int = 1
    replication_factor: int = 1
    kafka_bootstrap_timeout: float = Field(
        default=30.0, description="seconds a client waits for a Kafka broker before saying none answers"
    )
    kafka_max_message_bytes: int | None = Field(
        default=None,
        description="largest record a stage produces; unset = each topic's max.message.bytes from the broker",
    )

    # Elasticsearch.
    index_prefix: str = "armswatch"
    index_replicas: int = Field(default=0, description="replicas per index; 1+ on a multi-node cluster")
    bulk_max_documents: int = 1000
    bulk_max_bytes: int = 8 * 2**20
    bulk_concurrency: int = Field(
        default=2, description="bulk requests in flight at once (the next is built while the node indexes)"
    )

    # Consumer groups: workers of a stage share one, so Kafka splits the partitions among them.
    enrich_group: str = "armswatch-enrich"
    index_group: str = "armswatch-index"
    alerts_group: str = "armswatch-alerts"
    alerts_deals_group: str = Field(
        default="armswatch-alerts-deals", description="group of the alerts workers' loop on the deals topic"
    )

    # Pipeline (armswatch run) and metrics.
    metrics_port: int | None = Field(
        default=None, description="Prometheus endpoint of this worker process; unset = none"
    )
    metrics_host: str = "127.0.0.1"
    run_metrics_base_port: int = Field(
        default=19400, description="armswatch run gives its workers consecutive ports from here"
    )
    worker_name: str | None = Field(
        default=None,
        description="a worker's stable name under armswatch run (enrich-2), its static group member id",
    )

    # Web console (armswatch ui, and armswatch run unless --no-ui).
    ui_host: str = Field(default="127.0.0.1", description="address the web console binds")
    ui_port: int = Field(default=8765, description="port of the web console")
    ui_token: SecretStr | None = Field(
        default=None, description="access token; required to bind an address other than loopback"
    )

    # Ingest.
    topic_feeds: str = Field(
        default="armswatch.feeds", description="the feed registry: compacted, keyed by feed URL"
    )
    topic_feed_state: str = Field(
        default="armswatch.feeds.state",
        description="per-feed polling state (validators, failures, seen entries): compacted, keyed by URL",
    )
    feeds_partitions: int = Field(
        default=12, description="partitions of both feed topics: the most ingest workers that share the work"
    )
    ingest_group: str = "armswatch-ingest"
    ingest_concurrency: int = Field(default=64, description="feeds one ingest worker polls at the same time")
    ingest_parser_processes: int = Field(default=2, description="feed parser processes per ingest worker")
    allow_private_addresses: bool = Field(
        default=False,
        description="let feeds, article pages, webhooks and Slack URLs reach private, loopback, link-local "
        "or CGNAT addresses (multicast, reserved and cloud-metadata addresses stay refused)",
    )
    fetch_user_agent: str = Field(
        default="armswatch/0.1 (news monitoring feed reader; +https://github.com/armswatch/armswatch)",
        description="User-Agent sent with every request (also the robots.txt agent)",
    )
    fetch_max_body_bytes: int = Field(
        default=15 * 2**20, description="largest body accepted, counted after decompression"
    )
    fetch_connect_timeout: float = 10.0
    fetch_read_timeout: float = Field(default=20.0, description="longest wait for the next bytes")
    fetch_total_timeout: float = Field(
        default=60.0, description="longest time for one fetch, redirects included"
    )
    fetch_max_redirects: int = 5
    fetch_per_host_concurrency: int = Field(default=4, description="requests in flight to one host at a time")
    poll_interval_min: float = Field(default=300.0, description="fastest adaptive polling interval (seconds)")
    poll_interval_max: float = Field(default=3 * 3600.0, description="slowest adaptive polling interval")
    poll_interval_initial: float = 900.0
    poll_retry_after_max: float = Field(default=6 * 3600.0, description="cap on a server's Retry-After")
    poll_dead_after_failures: int = Field(
        default=10, description="consecutive failures after which a feed is polled only once a day"
    )
    poll_dead_interval: float = Field(default=24 * 3600.0, description="polling interval of a dead feed")
    feed_seen_entries: int = Field(default=500, description="entry hashes remembered per feed")
    full_text_per_host_interval: float = Field(
        default=2.0, description="seconds between two article-page requests to the same host"
    )
    full_text_max_per_poll: int = Field(default=20, description="article pages fetched per feed poll at most")

    # Alerts.
    alerts_rules_refresh_seconds: float = Field(
        default=5.0, description="how often an alerts worker re-reads its rules (changes apply, no restart)"
    )
    alerts_webhook_secret: SecretStr | None = Field(
        default=None,
        description="HMAC-SHA256 key signing webhook bodies (a channel's secret_env=NAME overrides it)",
    )
    alerts_http_timeout: float = Field(default=10.0, description="seconds a webhook or Slack POST may take")
    alerts_smtp_host: str = "127.0.0.1"
    alerts_smtp_port: int = 25
    alerts_smtp_username: str | None = None
    alerts_smtp_password: SecretStr | None = None
    alerts_smtp_starttls: bool = Field(default=False, description="upgrade the SMTP connection with STARTTLS")
    alerts_email_from: str = "armswatch@localhost"
    alerts_retry_initial_seconds: float = Field(
        default=5.0, description="first retry delay of a failed delivery; doubles per attempt (with jitter)"
    )
    alerts_retry_max_seconds: float = Field(default=3600.0, description="longest delay between two retries")
    alerts_max_attempts: int = Field(
        default=15, description="delivery attempts per alert and channel before it is marked failed"
    )
    alerts_delivery_poll_seconds: float = Field(
        default=2.0, description="how often the outbox is scanned for due batches and retries"
    )
    alerts_delivery_threads: int = Field(default=4, description="channels delivered to at the same time")
    alerts_lease_seconds: float = Field(
        default=60.0, description="how long a worker holds a delivery before another may take it over"
    )

    # Deals.
    topic_deals: str = Field(
        default="armswatch.deals", description="every deal's newest record: compacted, keyed by deal id"
    )
    deals_partitions: int = 6
    deals_group: str = "armswatch-deals"
    # Deliveries of one order run for months to years and its reports come in bursts; a year without
    # a report is what closes a deal of a generic weapon (bench/deals_quality.py measures 30 to 365 days),
    # four years one that names its system: a programme ("S-400", "Rafale") is reported for years, with
    # silences of two or three years between an order, its deliveries and its trials.
    deals_window_days: float = Field(
        default=365.0, description="a report joins a deal whose reports lie within this many days of it"
    )
    deals_named_window_days: float = Field(
        default=1460.0, description="the same for a deal that names its system (a programme)"
    )
    deals_late_days: float = Field(
        default=30.0, description="a report this many days older than the newest still finds its open deal"
    )
    deals_well_sourced_confidence: float = Field(
        default=0.7, description="a status step this confident (or said by two reports) sets the status"
    )
    deals_signatures_kept: int = Field(
        default=50, description="newest reports per deal whose near-duplicate signature is kept"
    )

    # Dashboards.
    kibana_url: str = Field(default="http://127.0.0.1:5601", description="Kibana the dashboards install into")
    kibana_space: str | None = Field(default=None, description="Kibana space id; unset = the default space")
    kibana_username: str | None = None
    kibana_password: SecretStr | None = None
    kibana_api_key: SecretStr | None = Field(default=None, description="Kibana API key (base64 id:key)")
    kibana_wait_timeout: float = Field(
        default=300.0, description="seconds the dashboards installer waits for Kibana to serve"
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        path = config_file_path()
        if path is not None:
            if not path.exists():
                raise FileNotFoundError(
                    f"settings file {path} (from ${CONFIG_FILE_ENV}) does not exist; "
                    f"create it or unset {CONFIG_FILE_ENV}"
                )
            sources.append(YamlConfigSettingsSource(settings_cls, yaml_file=path))
        return tuple(sources)

    @property
    def uses_local_kafka(self) -> bool:
        return self.kafka_bootstrap is None

    @property
    def uses_local_elasticsearch(self) -> bool:
        return self.elasticsearch_url is None

    @property
    def bootstrap_servers(self) -> str:
        return self.kafka_bootstrap or f"127.0.0.1:{self.kafka_port}"

    @property
    def es_url(self) -> str:
        return self.elasticsearch_url or f"http://127.0.0.1:{self.elasticsearch_port}"

    def as_dict(self) -> dict[str, Any]:
        """Settings for display: secrets stay masked."""
        return {name: (str(value) if value is not None else None) for name, value in self}


def load_settings(**overrides: Any) -> Settings:
    """Build the settings from overrides, the environment and the settings file."""
    return Settings(**overrides)


# The offline demo's namespace (`armswatch run --demo`; `--demo` on search, status and alerts).
DEMO_NAMESPACE = "armswatch-demo"


def namespace_overrides(namespace: str) -> dict[str, Any]:
    """Settings that give a pipeline its own topics, consumer groups and indices (``namespace.*``,
    ``namespace-*``): the demo, the end-to-end test and the benchmark run beside real data."""
    defaults = Settings.model_fields
    # Every topic and consumer group a stage declares in the settings, renamed into the namespace:
    # armswatch.articles.raw -> NAMESPACE.articles.raw, armswatch-index -> NAMESPACE-index.
    topics = {name: str(field.default) for name, field in defaults.items() if name.startswith("topic_")}
    groups = {name: str(field.default) for name, field in defaults.items() if name.endswith("_group")}
    return {
        **{name: f"{namespace}.{default.split('.', 1)[1]}" for name, default in topics.items()},
        **{name: f"{namespace}-{default.split('-', 1)[1]}" for name, default in groups.items()},
        "index_prefix": namespace,
        # Such pipelines read feeds from a server on 127.0.0.1, which feeds may not reach otherwise.
        "allow_private_addresses": True,
    }


def settings_env(overrides: dict[str, Any]) -> dict[str, str]:
    """``ARMSWATCH_*`` variables that carry settings overrides to the worker processes."""
    return {f"ARMSWATCH_{name.upper()}": str(value) for name, value in overrides.items()}
