"""The `armswatch alerts` commands: manage keyword alert rules, test them on history, run the worker."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from armswatch.clikit import (
    DemoFlag,
    JsonFlag,
    console,
    fail,
    settings_or_exit,
)
from armswatch.schema import AlertMode

CHANNEL_OPTION_HELP = (
    "Where alerts go; repeatable. webhook:URL — signed JSON POST (HMAC-SHA256 of the body in "
    "X-Armswatch-Signature: sha256=<hex>, key from the variable named by ?secret_env=NAME in the URL, "
    "else ARMSWATCH_ALERTS_WEBHOOK_SECRET); slack:URL — Slack incoming webhook; "
    "email:ADDRESS[,ADDRESS] — SMTP (ARMSWATCH_ALERTS_SMTP_*); kafka — the alerts topic; "
    "log — the worker's log. Every alert is also recorded in the <prefix>-alerts index (Kibana)."
)
RuleArgument = Annotated[str, typer.Argument(help="The rule's name (or id).")]

commands = typer.Typer(
    help="Keyword alerts: rules in the `armswatch search` language, matched on every new article "
    "within seconds and delivered once per rule and article (webhook, Slack, e-mail, Kafka, log, "
    "and the alerts index Kibana shows).",
    no_args_is_help=True,
)


def _client() -> tuple[Any, Any]:
    from armswatch import es as es_plumbing

    settings = settings_or_exit()
    return settings, es_plumbing.client(settings)


def _ready_client() -> tuple[Any, Any]:
    from alerts import store

    settings, es = _client()
    try:
        store.ensure_indices(es, settings.index_prefix, settings.index_replicas)
    except Exception as error:
        raise fail(
            f"Elasticsearch at {settings.es_url} is not available ({error}); start it with "
            "`armswatch stack up` or set ARMSWATCH_ELASTICSEARCH_URL"
        ) from None
    return settings, es


def _rule_dict(rule: Any) -> dict[str, Any]:
    from alerts.channels import channel_label

    data: dict[str, Any] = rule.model_dump(mode="json")
    data["channels"] = [channel_label(spec) for spec in rule.channels]
    return data


@commands.command("add")
def add(
    name: Annotated[str, typer.Argument(help="A name for the rule; its id is the name in lower case.")],
    query: Annotated[
        str,
        typer.Argument(
            help="Query in the `armswatch search` language, e.g. 'supplier:IR AND recipient:RU AND "
            "category:drones' or '\"Shahed\" AND lang:fr'."
        ),
    ],
    channel: Annotated[list[str] | None, typer.Option("--channel", "-c", help=CHANNEL_OPTION_HELP)] = None,
    mode: Annotated[
        AlertMode,
        typer.Option(
            help="immediate (one message per alert), throttled (at most one message per --every, the rest "
            "batched) or digest (one message per --every period listing the matches)."
        ),
    ] = "immediate",
    every: Annotated[
        str | None, typer.Option(help="Period of throttled/digest rules: 15m, 2h, 1d (default 1h / 1d).")
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", help="Only transfers with at least this confidence (0-1)."),
    ] = None,
    articles: Annotated[
        bool,
        typer.Option(
            "--articles",
            help="Match whole articles (title and full text, all their states and transfers) instead of "
            "each transfer mention (evidence sentence, title, weapon).",
        ),
    ] = False,
    deals: Annotated[
        bool,
        typer.Option(
            "--deals",
            help="Match deals (armswatch search --deals) instead of mentions: one alert when a deal appears, "
            "then one each time its status, parties or quantities change or --every-outlets more outlets "
            "report it.",
        ),
    ] = False,
    every_outlets: Annotated[
        int | None,
        typer.Option("--every-outlets", help="With --deals: alert again each N more outlets (default 10)."),
    ] = None,
    disabled: Annotated[bool, typer.Option("--disabled", help="Store the rule disabled.")] = False,
    json_output: JsonFlag = False,
    demo: DemoFlag = False,
) -> None:
    """Add an alert rule; the running workers pick it up within seconds.

    The query is checked now: bad syntax, unknown fields and constructs the stream matcher cannot
    evaluate exactly (wildcards in free words, fuzzy terms, proximity, relative dates) are refused.
    So are webhook and Slack URLs that are malformed or lead to a private, loopback, link-local or
    metadata address (ARMSWATCH_ALLOW_PRIVATE_ADDRESSES=true lets a receiver on the local network
    through).

    Example: armswatch alerts add "Iranian drones" 'supplier:IR AND category:drones'
    --channel slack:https://hooks.slack.com/services/T000/B000/XXXX --mode throttled --every 30m
    """
    from alerts import store
    from alerts.channels import ChannelError, check_destination, parse_channel
    from alerts.rules import RuleError, new_rule

    if articles and deals:
        raise fail("choose one of --articles and --deals", 2)
    settings, es = _ready_client()
    try:
        rule = new_rule(
            name,
            query,
            now=datetime.now(UTC),
            scope="deals" if deals else "articles" if articles else "mentions",
            min_confidence=min_confidence,
            channels=channel or [],
            mode=mode,
            every=every,
            every_outlets=every_outlets,
        )
        if disabled:
            rule = rule.model_copy(update={"enabled": False})
        warnings = [check_destination(parse_channel(spec), settings) for spec in rule.channels]
        store.add_rule(es, settings.index_prefix, rule)
    except (RuleError, ChannelError) as error:
        raise fail(error, 2) from None
    for warning in filter(None, warnings):
        console.print(f"[yellow]warning:[/yellow] {warning}")
    if json_output:
        print(json.dumps(_rule_dict(rule)))
        return
    console.print(f"rule {rule.id!r} added ({rule.mode}, {rule.scope})")
    if not rule.channels:
        console.print("no channel: its alerts are recorded in the alerts index only (Kibana); add --channel")
    _warn_unsigned(settings, rule.channels)


def _warn_unsigned(settings: Any, channels: list[str]) -> None:
    import os

    from alerts.channels import parse_channel

    for spec in channels:
        channel = parse_channel(spec)
        if channel.kind != "webhook":
            continue
        if channel.secret_env and not os.environ.get(channel.secret_env):
            console.print(
                f"[yellow]warning:[/yellow] {channel.secret_env} is not set here; the alerts worker needs it "
                "in its environment to sign webhook bodies"
            )
        elif not channel.secret_env and settings.alerts_webhook_secret is None:
            console.print(
                "[yellow]warning:[/yellow] no webhook secret configured: bodies go unsigned; set "
                "ARMSWATCH_ALERTS_WEBHOOK_SECRET or add ?secret_env=NAME to the URL"
            )


@commands.command("list")
def list_command(json_output: JsonFlag = False, demo: DemoFlag = False) -> None:
    """List the rules.

    Example: armswatch alerts list --json
    """
    from alerts import store

    settings, es = _ready_client()
    rules = store.list_rules(es, settings.index_prefix)
    if json_output:
        print(json.dumps([_rule_dict(rule) for rule in rules]))
        return
    if not rules:
        console.print("no rules yet: add one with armswatch alerts add NAME QUERY")
        return
    table = Table("id", "name", "enabled", "mode", "scope", "query", "channels")
    for rule in rules:
        data = _rule_dict(rule)
        mode = rule.mode + (f" {rule.every_minutes}m" if rule.mode != "immediate" else "")
        table.add_row(
            rule.id,
            rule.name,
            "yes" if rule.enabled else "no",
            mode,
            rule.scope,
            rule.query,
            ", ".join(data["channels"]) or "index only",
        )
    Console(width=max(Console().width, 140)).print(table)


@commands.command("show")
def show(rule_name: RuleArgument, json_output: JsonFlag = False, demo: DemoFlag = False) -> None:
    """Show a rule, its Elasticsearch query, and how many alerts it fired and delivered.

    Example: armswatch alerts show "Iranian drones"
    """
    from alerts import store
    from alerts.rules import RuleError, rule_query

    settings, es = _ready_client()
    try:
        rule = store.get_rule(es, settings.index_prefix, rule_name)
        query = rule_query(rule)
    except RuleError as error:
        raise fail(error, 2) from None
    fired = es.count(
        index=store.index_of(settings.index_prefix, "alerts"), query={"term": {"rule_id": rule.id}}
    )
    deliveries = es.search(
        index=store.index_of(settings.index_prefix, "outbox"),
        size=0,
        query={"term": {"rule_id": rule.id}},
        aggs={"states": {"terms": {"field": "state"}}},
    )
    states = {b["key"]: b["doc_count"] for b in deliveries["aggregations"]["states"]["buckets"]}
    data = {
        **_rule_dict(rule),
        "elasticsearch_query": query,
        "alerts_fired": fired["count"],
        "deliveries": states,
    }
    if json_output:
        print(json.dumps(data))
        return
    out = Console(width=max(Console().width, 140))
    for key, value in data.items():
        out.print(f"[bold]{key}[/bold]: {json.dumps(value) if isinstance(value, dict | list) else value}")


@commands.command("remove")
def remove(rule_name: RuleArgument, json_output: JsonFlag = False, demo: DemoFlag = False) -> None:
    """Delete a rule (the alerts it fired stay in the alerts index).

    Example: armswatch alerts remove "Iranian drones"
    """
    from alerts import store
    from alerts.rules import RuleError

    settings, es = _ready_client()
    try:
        rule = store.remove_rule(es, settings.index_prefix, rule_name)
    except RuleError as error:
        raise fail(error, 2) from None
    print(json.dumps({"removed": rule.id})) if json_output else console.print(f"rule {rule.id!r} removed")


def _set_enabled(rule_name: str, enabled: bool, json_output: bool) -> None:
    from alerts import store
    from alerts.rules import RuleError

    settings, es = _ready_client()
    try:
        rule = store.set_enabled(es, settings.index_prefix, rule_name, enabled, datetime.now(UTC))
    except RuleError as error:
        raise fail(error, 2) from None
    if json_output:
        print(json.dumps(_rule_dict(rule)))
    else:
        console.print(f"rule {rule.id!r} {'enabled' if enabled else 'disabled'}")


@commands.command("enable")
def enable(rule_name: RuleArgument, json_output: JsonFlag = False, demo: DemoFlag = False) -> None:
    """Enable a rule.

    Example: armswatch alerts enable "Iranian drones"
    """
    _set_enabled(rule_name, True, json_output)


@commands.command("disable")
def disable(rule_name: RuleArgument, json_output: JsonFlag = False, demo: DemoFlag = False) -> None:
    """Disable a rule (kept, not matched).

    Example: armswatch alerts disable "Iranian drones"
    """
    _set_enabled(rule_name, False, json_output)


def since_bound(text: str) -> str:
    """``30d``, ``12h``, ``90m`` -> Elasticsearch date math (``now-30d``); a date stays as written."""
    found = re.fullmatch(r"(\d+)([mhdw])", text.strip())
    if found:
        return f"now-{found.group(1)}{found.group(2)}"
    try:
        datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"cannot read --since {text!r}: write 30d, 12h, 2w or a date (2024-03-01)") from None
    return text


@commands.command("test")
def test_command(
    rule_name: RuleArgument,
    since: Annotated[str, typer.Option(help="How far back: 30d, 12h, 2w, or a date (YYYY-MM-DD).")] = "30d",
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="Articles to list.")] = 20,
    json_output: JsonFlag = False,
    demo: DemoFlag = False,
) -> None:
    """Show what the rule would have matched in the indexed history (the same query the worker
    evaluates on the stream), newest first, one line per article.

    Example: armswatch alerts test "Iranian drones" --since 30d
    """
    from alerts import store
    from alerts.rules import RuleError
    from alerts.testing import history_matches

    settings, es = _ready_client()
    try:
        rule = store.get_rule(es, settings.index_prefix, rule_name)
        report = history_matches(es, settings.index_prefix, rule, since_bound(since), limit)
    except (RuleError, ValueError) as error:
        raise fail(error, 2) from None
    if json_output:
        print(json.dumps(report, ensure_ascii=False))
        return
    out = Console(width=max(Console().width, 160))
    out.print(
        f"rule {rule.id!r} since {since}: {report['articles']} articles ({report['documents']} {rule.scope})"
    )
    table = Table("published", "source", "transfers", "title and link", show_lines=True, expand=True)
    for item in report["matches"]:
        table.add_row(
            item["published_at"][:16],
            item["source"],
            "\n".join(p.replace(">", " → ") for p in item["pairs"]) or "none",
            f"{item['title'] or '(untitled)'}\n{item['url']}",
        )
    out.print(table)


@commands.command("outbox")
def outbox(json_output: JsonFlag = False, demo: DemoFlag = False) -> None:
    """Deliveries by state: pending (due or being retried), sent, failed (gave up).

    Example: armswatch alerts outbox --json
    """
    from alerts import store

    settings, es = _ready_client()
    counts = store.outbox_counts(es, settings.index_prefix)
    if json_output:
        print(json.dumps(counts))
        return
    console.print(", ".join(f"{state} {count}" for state, count in sorted(counts.items())) or "outbox empty")
