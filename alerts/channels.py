"""Delivery channels: how a channel is written on the command line, and how each one sends.

Channel specifications (``--channel``, repeatable):

- ``webhook:URL`` — JSON POST of the alerts; the body is signed with HMAC-SHA256 in the header
  ``X-Armswatch-Signature: sha256=<hex>`` using the key in the environment variable named by a
  ``secret_env=NAME`` query parameter (removed from the URL before sending), else
  ``ARMSWATCH_ALERTS_WEBHOOK_SECRET``; without a key the body goes unsigned.
- ``slack:URL`` — a Slack-compatible incoming webhook (``text`` and ``blocks``).
- ``email:ADDRESS[,ADDRESS…]`` — a mail over SMTP (``ARMSWATCH_ALERTS_SMTP_*``).
- ``kafka`` — one ``Alert`` record per alert on the alerts topic (``ARMSWATCH_TOPIC_ALERTS``).
- ``log`` — one log line per alert from the alerts worker.

Every alert is also recorded in the ``<prefix>-alerts`` index (Kibana's Alerts dashboard), whatever
its channels. Senders raise ``DeliveryError`` when the receiver did not accept the message.

Webhook and Slack URLs go through the address policy of ``armswatch.outbound`` when a rule is added
(``check_destination``) and at every delivery, which connects to the checked address and follows no
redirect. Their URLs carry secrets (a Slack hook's path is its token): only ``label``, ``ref`` and
redacted error messages leave this module.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import smtplib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
from kafka import KafkaProducer
from kafka.errors import KafkaError

from alerts.messages import email_message, slack_body, webhook_body
from armswatch import outbound
from armswatch.config import Settings
from armswatch.kafka import producer_config
from armswatch.schema import Alert

log = logging.getLogger(__name__)
ChannelKind = Literal["webhook", "slack", "email", "kafka", "log"]
CHANNEL_HELP = (
    "webhook:URL[?secret_env=NAME] (signed JSON POST), slack:URL (incoming webhook), "
    "email:ADDRESS[,ADDRESS], kafka (alerts topic), log"
)
SIGNATURE_HEADER = "X-Armswatch-Signature"
ALERT_IDS_HEADER = "X-Armswatch-Alert-Ids"
EMAIL_ADDRESS = re.compile(r"[^@\s,]+@[^@\s,]+")


class ChannelError(ValueError):
    """The channel specification is not valid; the message shows the accepted forms."""


class DeliveryError(Exception):
    """The receiver did not take the message (down, refused, timed out): retried later, unless
    ``permanent`` (a URL the address policy refuses: no retry can succeed)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def channel_ref(spec: str) -> str:
    """A channel's reference in records (the outbox): a digest of its specification, which the
    rule holds; unlike the specification, it reveals no URL or token."""
    return hashlib.sha256(spec.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Channel:
    kind: ChannelKind
    target: str = ""
    secret_env: str | None = None

    @property
    def is_http(self) -> bool:
        return self.kind in ("webhook", "slack")

    @property
    def label(self) -> str:
        """The channel without secrets (no credentials, path or query), for records and listings."""
        if self.is_http:
            parts = urlsplit(self.target)
            host = f"[{parts.hostname}]" if ":" in (parts.hostname or "") else parts.hostname
            return f"{self.kind}:{host}" + (f":{parts.port}" if parts.port is not None else "")
        if self.kind == "email":
            return f"email:{self.target}"
        return self.kind

    def redact(self, text: str) -> str:
        """``text`` with the secrets of this channel's URL masked (a Slack hook's whole path)."""
        return outbound.redact(text, self.target, keep_path=self.kind != "slack") if self.is_http else text

    @property
    def addresses(self) -> list[str]:
        return self.target.split(",") if self.kind == "email" else []


def parse_channel(spec: str) -> Channel:
    """Parse one ``--channel`` value. Raises ChannelError."""
    kind, _, rest = spec.partition(":")
    if kind in ("kafka", "log"):
        if rest:
            raise ChannelError(f"the {kind} channel takes no argument: write just {kind!r}")
        return Channel(kind)  # type: ignore[arg-type]
    if kind in ("webhook", "slack"):
        try:
            parts = outbound.parse_target(rest, credentials=True).parts
        except outbound.RefusedURL as error:
            raise ChannelError(
                f"the {kind} URL is refused: {error.detail}; e.g. {kind}:https://example.org/hook"
            ) from None
        query = parse_qsl(parts.query, keep_blank_values=True)
        secret_env = next((value for name, value in query if name == "secret_env"), None)
        if kind == "slack" and secret_env:
            raise ChannelError("secret_env applies to webhook channels; Slack URLs carry their own token")
        url = urlunsplit(parts._replace(query=urlencode([(n, v) for n, v in query if n != "secret_env"])))
        return Channel(kind, url, secret_env or None)  # type: ignore[arg-type]
    if kind == "email":
        addresses = [address.strip() for address in rest.split(",") if address.strip()]
        if not addresses or not all(EMAIL_ADDRESS.fullmatch(address) for address in addresses):
            raise ChannelError(f"{spec!r}: write email:name@example.org (several separated by commas)")
        return Channel("email", ",".join(addresses))
    raise ChannelError(f"unknown channel {kind!r}; channels: {CHANNEL_HELP}")


def channel_label(spec: str) -> str:
    """The label of a stored specification (``Channel.label``), also of one that a former version
    let through and this one refuses: never the URL."""
    try:
        return parse_channel(spec).label
    except ChannelError:
        return f"{spec.partition(':')[0]}:invalid"


def check_destination(channel: Channel, settings: Settings) -> str | None:
    """Registration-time address check of a webhook or Slack channel (other kinds pass): None, or
    a warning when its host does not resolve from here. Raises ChannelError, without the URL."""
    if not channel.is_http:
        return None
    try:
        warning = outbound.check_destination(
            channel.target, settings.allow_private_addresses, credentials=True
        )
    except outbound.RefusedURL as error:
        raise ChannelError(f"{channel.label}: {error.detail}") from None
    return f"{channel.label}: {warning}" if warning else None


def signature(secret: str, body: bytes) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of the exact body bytes."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


class Senders:
    """The I/O of every channel kind, sharing one HTTP client and one Kafka producer. Thread-safe."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # No proxies from the environment: the address check must see where we really connect.
        self.http = httpx.Client(
            timeout=settings.alerts_http_timeout, follow_redirects=False, trust_env=False
        )
        self._producer: KafkaProducer | None = None

    def send(self, channel: Channel, alerts: Sequence[Alert]) -> None:
        """Deliver ``alerts`` (one message, or one record each on Kafka). Blocks up to the timeout;
        raises DeliveryError when the receiver did not accept them."""
        if channel.kind == "webhook":
            self._post(
                channel, webhook_body(alerts), {ALERT_IDS_HEADER: ",".join(a.alert_id for a in alerts)}
            )
        elif channel.kind == "slack":
            self._post(channel, slack_body(alerts), {})
        elif channel.kind == "email":
            self._mail(channel, alerts)
        elif channel.kind == "kafka":
            self._produce(alerts)
        else:
            for alert in alerts:
                log.warning(
                    "alert",
                    extra={
                        "rule": alert.rule_name,
                        "title": alert.title,
                        "url": alert.url,
                        "pairs": sorted({f"{t.supplier}>{t.recipient}" for t in alert.transfers}),
                        "reason": alert.reason,
                    },
                )

    def _secret(self, channel: Channel) -> str | None:
        if channel.secret_env:
            return os.environ.get(channel.secret_env)
        secret = self.settings.alerts_webhook_secret
        return secret.get_secret_value() if secret is not None else None

    def _post(self, channel: Channel, body: bytes, headers: dict[str, str]) -> None:
        """POST to the checked address of the channel's host; a redirect is a failure (its target
        was never checked), and no error message carries the URL."""
        headers = {"Content-Type": "application/json; charset=utf-8", **headers}
        if channel.kind == "webhook":
            secret = self._secret(channel)
            if secret:
                headers[SIGNATURE_HEADER] = signature(secret, body)
        try:
            target = outbound.parse_target(channel.target, credentials=True)
            address = outbound.resolve(target, self.settings.allow_private_addresses)
            url, host_header, extensions = outbound.connect_target(target, address)
            response = self.http.post(
                url, content=body, headers={**headers, **host_header}, extensions=extensions
            )
        except outbound.RefusedURL as error:
            raise DeliveryError(
                f"{channel.label}: {error.reason}: {error.detail}", permanent=error.reason != "dns_failed"
            ) from None
        except httpx.HTTPError as error:
            raise DeliveryError(channel.redact(f"{channel.label}: {type(error).__name__}: {error}")) from None
        if response.is_redirect:
            raise DeliveryError(f"{channel.label}: HTTP {response.status_code}: redirects are not followed")
        if not response.is_success:
            answer = channel.redact(response.text[:200])
            raise DeliveryError(f"{channel.label}: HTTP {response.status_code} {answer}")

    def _mail(self, channel: Channel, alerts: Sequence[Alert]) -> None:
        settings = self.settings
        message = email_message(alerts, settings.alerts_email_from, channel.addresses)
        try:
            with smtplib.SMTP(
                settings.alerts_smtp_host, settings.alerts_smtp_port, timeout=settings.alerts_http_timeout
            ) as smtp:
                if settings.alerts_smtp_starttls:
                    smtp.starttls()
                if settings.alerts_smtp_username and settings.alerts_smtp_password is not None:
                    smtp.login(
                        settings.alerts_smtp_username, settings.alerts_smtp_password.get_secret_value()
                    )
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise DeliveryError(f"{channel.label}: {type(error).__name__}: {error}") from None

    def _produce(self, alerts: Sequence[Alert]) -> None:
        try:
            if self._producer is None:
                self._producer = KafkaProducer(**producer_config(self.settings, "armswatch-alerts"))
            futures = [
                self._producer.send(
                    self.settings.topic_alerts, key=alert.alert_id.encode(), value=alert.to_json()
                )
                for alert in alerts
            ]
            for future in futures:
                future.get(timeout=self.settings.alerts_http_timeout)
        except KafkaError as error:
            raise DeliveryError(f"kafka: {type(error).__name__}: {error}") from None

    def close(self) -> None:
        self.http.close()
        if self._producer is not None:
            self._producer.close()
