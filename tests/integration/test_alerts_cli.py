"""`armswatch alerts` commands on the real node: rules managed, malformed ones refused, history tested."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from elasticsearch import Elasticsearch, helpers
from typer.testing import CliRunner

from alerts import store
from app.cli import app
from armswatch.config import Settings
from index.actions import bulk_actions
from index.templates import ensure_templates
from tests.alerts_receivers import enriched

pytestmark = pytest.mark.integration


@pytest.fixture
def prefix(
    running_stack: Settings,
    es_client: Elasticsearch,
    unique: Callable[[str], str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[str]:
    name = unique("alertcli")
    monkeypatch.setenv("ARMSWATCH_INDEX_PREFIX", name)
    monkeypatch.setenv("ARMSWATCH_ELASTICSEARCH_URL", running_stack.es_url)
    ensure_templates(es_client, name)
    helpers.bulk(
        es_client,
        [
            a
            for item in (enriched(1), enriched(2, supplier="KP", category="ammunition"))
            for a in bulk_actions(item, name)
        ],
        refresh=True,
    )
    yield name
    created = list(es_client.indices.get(index=f"{name}-*"))
    es_client.indices.delete(index=",".join(created))
    for kind in ("articles", "mentions"):
        es_client.options(ignore_status=404).indices.delete_index_template(name=f"{name}-{kind}-v1")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["alerts", *args])
    return result.exit_code, result.output


def test_alerts_cli_manages_rules(prefix: str) -> None:
    code, out = _run(
        "add", "Iranian drones", "supplier:IR AND category:drones", "--channel", "log",
        "--mode", "throttled", "--every", "30m", "--min-confidence", "0.5", "--json",
    )  # fmt: skip
    assert code == 0, out
    rule = json.loads(out)
    assert rule["id"] == "iranian-drones" and rule["every_minutes"] == 30 and rule["channels"] == ["log"]
    code, out = _run("add", "Iranian drones", "supplier:IR")
    assert code == 2 and "exists already" in out
    code, out = _run("list", "--json")
    assert [r["name"] for r in json.loads(out)] == ["Iranian drones"]
    code, out = _run("disable", "Iranian drones", "--json")
    assert code == 0 and json.loads(out)["enabled"] is False
    code, out = _run("show", "iranian-drones", "--json")
    shown = json.loads(out)
    assert shown["enabled"] is False and shown["alerts_fired"] == 0
    assert shown["elasticsearch_query"]["bool"]["filter"] == [{"range": {"confidence": {"gte": 0.5}}}]
    code, out = _run("enable", "Iranian drones")
    assert code == 0 and "enabled" in out
    code, out = _run("test", "Iranian drones", "--since", "1d", "--json")
    report = json.loads(out)
    assert code == 0 and report["articles"] == 1 and report["matches"][0]["article_id"] == "alert-article-1"
    assert report["matches"][0]["pairs"] == ["IR>RU"]
    code, out = _run("remove", "Iranian drones", "--json")
    assert code == 0 and json.loads(out) == {"removed": "iranian-drones"}
    code, out = _run("show", "Iranian drones")
    assert code == 2 and "no rule" in out


@pytest.mark.parametrize(
    ("query", "options", "message"),
    [
        ("(supplier:IR", [], "balance parentheses"),
        ("colour:red", [], "unknown field 'colour'"),
        ("dron*", [], "wildcards"),
        ("iran~1", [], "fuzzy"),
        ("supplier:IR", ["--channel", "sms:+33600000000"], "unknown channel"),
        ("supplier:IR", ["--channel", "webhook:ftp://x"], "only http and https"),
        ("supplier:IR", ["--mode", "hourly"], "'hourly' is not one of"),
        ("supplier:IR", ["--every", "2h"], "--mode throttled or digest"),
        ("supplier:IR", ["--mode", "digest", "--every", "soon"], "15m, 2h or 1d"),
        ("supplier:IR", ["--articles", "--min-confidence", "0.5"], "applies to transfer mentions"),
    ],
)
def test_alerts_cli_refuses_malformed_rules(
    prefix: str, es_client: Elasticsearch, query: str, options: list[str], message: str
) -> None:
    code, out = _run("add", "bad", query, *options)
    assert code == 2 and message in " ".join(out.split()), out
    assert store.list_rules(es_client, prefix) == []


@pytest.mark.parametrize(
    ("channel", "message"),
    [
        (
            "webhook:http://127.0.0.1:19200/{prefix}-alert-rules/_doc/forged?token=SECRETTOKEN",
            "loopback address",
        ),
        ("webhook:http://169.254.169.254/latest/meta-data/?token=SECRETTOKEN", "cloud metadata address"),
        ("webhook:http://[::1]:19200/{prefix}-alert-rules/_doc?token=SECRETTOKEN", "loopback address"),
        ("webhook:http://[::ffff:127.0.0.1]:19200/?token=SECRETTOKEN", "loopback address"),
        ("webhook:http://2130706433:19200/SECRETTOKEN", "write 127.0.0.1"),
        ("webhook:http://0x7f.1:19200/SECRETTOKEN", "write 127.0.0.1"),
        ("webhook:http://localhost:19200/SECRETTOKEN", "loopback address"),
        ("slack:https://hooks.slack.com:99999/services/T0/B0/SECRETTOKEN", "not a valid URL"),
        ("slack:http://10.1.2.3/services/T0/B0/SECRETTOKEN", "private address"),
    ],
)
def test_alerts_cli_refuses_channels_to_internal_or_invalid_addresses(
    prefix: str, es_client: Elasticsearch, channel: str, message: str
) -> None:
    code, out = _run("add", "forgery", "supplier:IR", "--channel", channel.format(prefix=prefix))
    assert code == 2 and message in " ".join(out.split()), out
    assert out.count("error:") == 1 and "SECRETTOKEN" not in out and "Traceback" not in out
    assert store.list_rules(es_client, prefix) == []


def test_alerts_cli_lets_a_local_receiver_through_when_private_addresses_are_allowed(
    prefix: str, es_client: Elasticsearch, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARMSWATCH_ALLOW_PRIVATE_ADDRESSES", "true")
    code, out = _run(
        "add", "local", "supplier:IR", "--channel", "webhook:http://127.0.0.1:8080/hook", "--json"
    )
    assert code == 0, out
    assert json.loads(out)["channels"] == ["webhook:127.0.0.1:8080"]
    code, out = _run("add", "metadata", "supplier:IR", "--channel", "webhook:http://169.254.169.254/x")
    assert code == 2 and "cloud metadata" in out


def test_an_edit_read_before_a_disable_does_not_enable_the_rule_again(
    prefix: str, es_client: Elasticsearch
) -> None:
    code, out = _run("add", "Korean shells", "supplier:KP AND category:ammunition", "--channel", "log")
    assert code == 0, out
    read_by_the_edit = store.get_rule(es_client, prefix, "Korean shells")
    store.set_enabled(es_client, prefix, "Korean shells", False, read_by_the_edit.created_at)
    store.replace_rule(es_client, prefix, read_by_the_edit.model_copy(update={"query": "supplier:KP"}))
    stored = store.get_rule(es_client, prefix, "Korean shells")
    assert stored.query == "supplier:KP" and stored.enabled is False
