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
