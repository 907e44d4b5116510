"""Channel specifications, labels without secrets, signatures, and the message forms."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime

import pytest

from alerts.channels import Channel, ChannelError, parse_channel, signature
from alerts.messages import batch_text, slack_body, webhook_body
from alerts.rules import compile_rule, match, new_rule, to_alert
from armswatch.schema import Money, Quantity
from tests.alerts_receivers import enriched


@pytest.mark.parametrize(
    ("spec", "channel", "label"),
    [
        (
            "webhook:https://h.example/x?secret_env=KEY&a=1",
            Channel("webhook", "https://h.example/x?a=1", "KEY"),
            "webhook:h.example",
        ),
        (
            "slack:https://hooks.slack.com/services/T/B/token",
            Channel("slack", "https://hooks.slack.com/services/T/B/token"),
            "slack:hooks.slack.com",
        ),
        (
            "webhook:https://user:pa55@h.example:8443/in?token=t0k3n",
            Channel("webhook", "https://user:pa55@h.example:8443/in?token=t0k3n"),
            "webhook:h.example:8443",
        ),
        ("webhook:http://[::1]:9000/x", Channel("webhook", "http://[::1]:9000/x"), "webhook:[::1]:9000"),
        ("email:a@x.org, b@y.org", Channel("email", "a@x.org,b@y.org"), "email:a@x.org,b@y.org"),
        ("kafka", Channel("kafka"), "kafka"),
        ("log", Channel("log"), "log"),
    ],
)
def test_channels_parse_and_label_without_secrets(spec: str, channel: Channel, label: str) -> None:
    assert parse_channel(spec) == channel and parse_channel(spec).label == label


@pytest.mark.parametrize(
    "spec", ["sms:1", "webhook:not-a-url", "email:nobody", "kafka:topic", "slack:https://h/x?secret_env=K"]
)
def test_channels_refuse_bad_specifications(spec: str) -> None:
    with pytest.raises(ChannelError):
        parse_channel(spec)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("slack:https://hooks.slack.com:99999/services/T0/B0/SECRETTOKEN", "not a valid URL"),
        ("slack:https://hooks.slack.com:x/services/T0/B0/SECRETTOKEN", "not a valid URL"),
        ("webhook:http://2130706433/SECRETTOKEN", "write 127.0.0.1"),
        ("webhook:http://0x7f.1/x?key=SECRETTOKEN", "write 127.0.0.1"),
        ("webhook:ftp://h.example/SECRETTOKEN", "only http and https"),
        ("webhooks:https://h.example/SECRETTOKEN", "unknown channel 'webhooks'"),
    ],
)
def test_channels_refuse_invalid_urls_in_one_line_without_the_secret(spec: str, message: str) -> None:
    with pytest.raises(ChannelError) as caught:
        parse_channel(spec)
    text = str(caught.value)
    assert message in text and "SECRETTOKEN" not in text and "\n" not in text


def test_channels_redact_their_secrets_from_messages() -> None:
    slack = parse_channel("slack:https://hooks.slack.com/services/T0/B0/SECRETTOKEN")
    assert slack.redact(f"cannot reach {slack.target}") == "cannot reach https://hooks.slack.com/***"
    hook = parse_channel("webhook:https://h.example/in?key=SECRETTOKEN")
    assert "SECRETTOKEN" not in hook.redact(f"401 for {hook.target}: key SECRETTOKEN refused")


def test_channels_signature_is_hmac_sha256_of_the_body() -> None:
    body = b'{"a": 1}'
    assert signature("key", body) == "sha256=" + hmac.new(b"key", body, hashlib.sha256).hexdigest()


def test_messages_say_rule_article_transfer_and_why() -> None:
    rule = new_rule("Iranian drones", "supplier:IR", now=datetime.now(UTC))
    alerts = [
        to_alert(hit, datetime.now(UTC)) for n in (1, 2) for hit in match([compile_rule(rule)], enriched(n))
    ]
    text = batch_text(alerts)
    assert "2 new matches" in text and "Iran → Russia · drones · delivered" in text
    for alert in alerts:
        assert alert.title in text and alert.url in text and alert.transfers[0].sentence in text
    assert "Why: supplier:IR — supplier = IR" in text
    assert json.loads(webhook_body(alerts))["alerts"][1]["alert_id"] == alerts[1].alert_id
    assert json.loads(slack_body(alerts))["blocks"][0]["type"] == "header"


def test_messages_show_the_stated_quantity_and_value() -> None:
    rule = new_rule("Iranian drones", "supplier:IR AND quantity:>=100", now=datetime.now(UTC))
    article = enriched(1)
    stated = {"quantity": Quantity(value=400, approximate=True), "value": Money(amount=1.7e9, currency="USD")}
    measured = article.model_copy(
        update={"transfers": [t.model_copy(update=stated) for t in article.transfers]}
    )
    assert match([compile_rule(rule)], article) == []
    (hit,) = match([compile_rule(rule)], measured)
    assert "~400 · USD 1.7 billion · confidence" in batch_text([to_alert(hit, datetime.now(UTC))])
