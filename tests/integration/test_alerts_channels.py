"""Each channel against a real local receiver, and the deliverer's retries and isolation on real ES."""

from __future__ import annotations

import email
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from elasticsearch import Elasticsearch
from kafka import KafkaConsumer

from alerts import store
from alerts.channels import (
    SIGNATURE_HEADER,
    DeliveryError,
    Senders,
    channel_ref,
    parse_channel,
    signature,
)
from alerts.delivery import Deliverer
from alerts.rules import compile_rule, match, new_rule, to_alert
from armswatch.config import Settings
from armswatch.kafka import consumer_config
from armswatch.schema import Alert
from armswatch.stage import StageStats
from tests.alerts_receivers import closed_port_url, enriched, http_receiver, smtp_server

pytestmark = pytest.mark.integration


def _alert(number: int = 1, channels: list[str] | None = None, mode: str = "immediate") -> Alert:
    rule = new_rule(
        "Iranian drones to Russia",
        "supplier:IR AND recipient:RU AND category:drones",
        now=datetime.now(UTC),
        channels=channels or [],
        mode=mode,
    )
    [hit] = match([compile_rule(rule)], enriched(number))
    return to_alert(hit, datetime.now(UTC))


def _assert_readable(text: str, alert: Alert) -> None:
    for part in (
        alert.rule_name,
        alert.title,
        alert.source,
        alert.url,
        alert.transfers[0].sentence,
        "supplier = IR",
    ):
        assert part in text, part


@pytest.fixture
def alert_settings(running_stack: Settings, unique: Callable[[str], str]) -> Settings:
    return running_stack.model_copy(
        update={
            "index_prefix": unique("alerts"),
            "alerts_http_timeout": 2.0,
            "alerts_retry_initial_seconds": 0.3,
            "allow_private_addresses": True,  # the receivers listen on 127.0.0.1
        }
    )


def test_alerts_webhook_posts_signed_json(alert_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEST_HOOK_SECRET", "s3cret")
    alert = _alert()
    senders = Senders(alert_settings)
    with http_receiver() as receiver:
        senders.send(parse_channel(f"webhook:{receiver.url}?secret_env=TEST_HOOK_SECRET&team=ops"), [alert])
        [request] = receiver.wait_for(1)
    senders.close()
    assert request.path == "/hook?team=ops"  # our secret_env parameter stays ours
    assert request.headers[SIGNATURE_HEADER] == signature("s3cret", request.body)
    body = request.json()
    assert body["alerts"][0]["alert_id"] == alert.alert_id == request.headers["X-Armswatch-Alert-Ids"]
    _assert_readable(body["text"], alert)


def test_alerts_slack_posts_text_and_blocks(alert_settings: Settings) -> None:
    alert = _alert()
    senders = Senders(alert_settings)
    with http_receiver() as receiver:
        senders.send(parse_channel(f"slack:{receiver.url}"), [alert, _alert(2)])
        [request] = receiver.wait_for(1)
    senders.close()
    body = request.json()
    assert body["text"].endswith("2 new matches")
    sections = [block["text"]["text"] for block in body["blocks"] if block["type"] == "section"]
    assert len(sections) == 2 and alert.transfers[0].sentence in sections[0] and alert.url in sections[0]


def test_alerts_email_goes_through_smtp(alert_settings: Settings) -> None:
    alert = _alert()
    with smtp_server() as mailbox:
        settings = alert_settings.model_copy(update={"alerts_smtp_port": mailbox.port})
        senders = Senders(settings)
        senders.send(parse_channel("email:analyst@example.org,desk@example.org"), [alert])
        senders.close()
    [(sender, recipients, content)] = mailbox.messages
    assert sender == settings.alerts_email_from and recipients == ["analyst@example.org", "desk@example.org"]
    message = email.message_from_bytes(content)
    assert alert.rule_name in message["Subject"] and message["X-Armswatch-Alert-Ids"] == alert.alert_id
    _assert_readable(message.get_payload(decode=True).decode(), alert)


def test_alerts_kafka_channel_produces_alert_records(
    alert_settings: Settings, topic_factory: Callable[..., str]
) -> None:
    settings = alert_settings.model_copy(update={"topic_alerts": topic_factory()})
    alerts = [_alert(1), _alert(2)]
    senders = Senders(settings)
    senders.send(parse_channel("kafka"), alerts)
    senders.close()
    consumer = KafkaConsumer(settings.topic_alerts, **consumer_config(settings, "test-alerts-read", "test"))
    records = []
    deadline = time.monotonic() + 20
    while len(records) < 2 and time.monotonic() < deadline:
        records += [r for batch in consumer.poll(timeout_ms=500).values() for r in batch]
    consumer.close()
    assert [Alert.model_validate_json(r.value) for r in records] == alerts
    assert [r.key.decode() for r in records] == [a.alert_id for a in alerts]


def test_alerts_unreachable_webhook_raises_delivery_error(alert_settings: Settings) -> None:
    senders = Senders(alert_settings)
    with pytest.raises(DeliveryError, match=r"webhook:127\.0\.0\.1"):
        senders.send(parse_channel(f"webhook:{closed_port_url()}"), [_alert()])
    senders.close()


@pytest.fixture
def outbox_settings(alert_settings: Settings, es_client: Elasticsearch) -> Iterator[Settings]:
    store.ensure_indices(es_client, alert_settings.index_prefix)
    yield alert_settings
    es_client.indices.delete(
        index=",".join(store.index_of(alert_settings.index_prefix, kind) for kind in store.INDICES)
    )


def _claim(
    es: Elasticsearch, settings: Settings, channels: list[str], numbers: range, mode: str = "immediate"
) -> None:
    rule = new_rule("Iranian drones", "supplier:IR", now=datetime.now(UTC), channels=channels, mode=mode)
    store.add_rule(es, settings.index_prefix, rule)
    compiled = compile_rule(rule)
    now = datetime.now(UTC)
    fired = [(to_alert(hit, now), rule) for n in numbers for hit in match([compiled], enriched(n))]
    store.claim(es, settings.index_prefix, fired, now)


def _deliver_until(deliverer: Deliverer, done: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not done() and time.monotonic() < deadline:
        deliverer.deliver_due()
        time.sleep(0.1)


def test_alerts_down_channel_is_retried_and_blocks_no_other(
    es_client: Elasticsearch, outbox_settings: Settings
) -> None:
    with http_receiver(statuses=[503, 503]) as flaky, http_receiver(delay=0) as healthy:
        slow_down = closed_port_url()
        _claim(
            es_client,
            outbox_settings,
            [f"webhook:{flaky.url}", f"webhook:{healthy.url}", f"webhook:{slow_down}"],
            range(1, 3),
        )
        stats = StageStats("alerts")
        deliverer = Deliverer(es_client, outbox_settings, stats)
        _deliver_until(deliverer, lambda: len(healthy.requests) == 2 and len(flaky.requests) == 2)
        assert len(healthy.requests) == 2  # one message per alert (immediate), never held up
        assert len(flaky.requests) == 2  # after two 503s and retries with backoff
        assert stats.counts["delivery_retries"] >= 2
        es_client.indices.refresh(index=store.index_of(outbox_settings.index_prefix, "outbox"))
        pending = es_client.search(
            index=store.index_of(outbox_settings.index_prefix, "outbox"),
            query={"term": {"state": "pending"}},
        )["hits"]["hits"]
        assert {hit["_source"]["channel_label"] for hit in pending} == {
            parse_channel(f"webhook:{slow_down}").label
        }
        assert {hit["_source"]["channel_ref"] for hit in pending} == {channel_ref(f"webhook:{slow_down}")}
        assert all(hit["_source"]["attempts"] >= 1 and hit["_source"]["last_error"] for hit in pending)
        deliverer._pool.shutdown(wait=True)
        deliverer.senders.close()


def test_alerts_two_deliverers_send_each_message_once(
    es_client: Elasticsearch, outbox_settings: Settings
) -> None:
    with http_receiver(delay=0.05) as receiver:
        _claim(es_client, outbox_settings, [f"webhook:{receiver.url}"], range(1, 21))
        deliverers = [Deliverer(es_client, outbox_settings, StageStats("alerts")) for _ in range(2)]
        stop = threading.Event()
        threads = [threading.Thread(target=d.run, args=(stop,)) for d in deliverers]
        for thread in threads:
            thread.start()
        receiver.wait_for(20)
        time.sleep(1.0)  # time for a duplicate to show up, were there one
        stop.set()
        for deliverer in deliverers:
            deliverer.wake()
        for thread in threads:
            thread.join(timeout=30)
    ids = [request.headers["X-Armswatch-Alert-Ids"] for request in receiver.requests]
    assert len(ids) == 20 and len(set(ids)) == 20


def test_alerts_digest_sends_one_message_per_period(
    es_client: Elasticsearch, outbox_settings: Settings
) -> None:
    with http_receiver() as receiver:
        _claim(es_client, outbox_settings, [f"webhook:{receiver.url}"], range(1, 5), mode="digest")
        future = datetime.now(UTC) + timedelta(days=1, seconds=5)
        deliverer = Deliverer(es_client, outbox_settings, StageStats("alerts"), clock=lambda: future)
        assert deliverer.deliver_due() == 1
        [request] = receiver.wait_for(1)
        deliverer._pool.shutdown(wait=True)
        deliverer.senders.close()
    assert len(request.json()["alerts"]) == 4


def test_alerts_delivery_to_a_refused_address_fails_without_leaking_the_secret(
    es_client: Elasticsearch, outbox_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings = outbox_settings.model_copy(update={"allow_private_addresses": False})
    token = "T0KEN-9f8e7d6c5b4a"
    with http_receiver() as receiver:
        port = receiver.url.split(":")[2].split("/")[0]
        channels = [
            f"webhook:{receiver.url}?key={token}",  # loopback: refused by the address policy
            f"slack:https://hooks.slack.invalid/services/T0/B0/{token}",  # never resolves: retried
            f"webhook:http://u:{token}@169.254.169.254/latest/meta-data/",  # cloud metadata
        ]
        _claim(es_client, settings, channels, range(1, 3))
        # A rule stored by a version that let a bad port through, as the reliability issue saw.
        bad = new_rule("bad port", "supplier:IR", now=datetime.now(UTC))
        bad = bad.model_copy(
            update={"channels": [f"slack:https://hooks.slack.com:{port}0000/services/{token}"]}
        )
        store.add_rule(es_client, settings.index_prefix, bad)
        now = datetime.now(UTC)
        hits = match([compile_rule(bad)], enriched(3))
        store.claim(es_client, settings.index_prefix, [(to_alert(hit, now), bad) for hit in hits], now)
        stats = StageStats("alerts")
        deliverer = Deliverer(es_client, settings, stats)
        with caplog.at_level(logging.INFO):  # what workers log; DEBUG traces of clients show bodies
            _deliver_until(deliverer, lambda: stats.counts["alerts_failed"] >= 5, timeout=15)
            deliverer._pool.shutdown(wait=True)
        deliverer.senders.close()
    assert receiver.requests == []
    assert stats.counts["alerts_failed"] == 5  # 2 alerts x 2 refused channels, and the bad port
    outbox = store.index_of(settings.index_prefix, "outbox")
    es_client.indices.refresh(index=outbox)
    documents = [hit["_source"] for hit in es_client.search(index=outbox, size=100)["hits"]["hits"]]
    states = sorted((d["channel_label"], d["state"]) for d in documents)
    assert states == [
        ("slack:hooks.slack.invalid", "pending"),
        ("slack:hooks.slack.invalid", "pending"),
        ("slack:invalid", "failed"),
        ("webhook:127.0.0.1:" + port, "failed"),
        ("webhook:127.0.0.1:" + port, "failed"),
        ("webhook:169.254.169.254", "failed"),
        ("webhook:169.254.169.254", "failed"),
    ]
    failed = [d["last_error"] for d in documents if d["state"] == "failed"]
    assert any("loopback address" in e for e in failed) and any("cloud metadata" in e for e in failed)
    stored = json.dumps(documents)
    assert token not in stored and receiver.url not in stored and "/services/" not in stored
    assert "meta-data" not in stored
    logged = "\n".join(
        record.getMessage() + json.dumps(record.__dict__, default=str) for record in caplog.records
    )
    assert caplog.records and token not in logged
