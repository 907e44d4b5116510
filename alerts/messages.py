"""What a channel sends: the text, webhook, Slack and e-mail forms of one alert or a batch. Pure.

Every form says which rule fired, the article's title, source, date and link, each matched transfer
with its evidence sentence, and why the rule matched.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from email.message import EmailMessage
from typing import Any

from armswatch.schema import Alert, TransferMention
from index.actions import party_name

SLACK_MAX_BLOCKS = 50  # Slack refuses a message with more blocks
SLACK_MAX_SECTION = 3000  # characters of one section's text


def transfer_line(transfer: TransferMention) -> str:
    supplier = party_name(transfer.supplier, transfer.supplier_name) or "unknown"
    recipient = party_name(transfer.recipient, transfer.recipient_name) or "unknown"
    parts = [
        f"{supplier} → {recipient}",
        transfer.category,
        transfer.status,
        transfer.weapon,
        transfer.amounts(),
    ]
    return " · ".join(part for part in parts if part) + f" · confidence {transfer.confidence:.2f}"


def alert_text(alert: Alert) -> str:
    """One alert in plain text, from the title down to the reason."""
    lines = [
        alert.title or "(untitled)",
        f"{alert.source}, {alert.published_at:%Y-%m-%d %H:%M} UTC",
        alert.url,
    ]
    for transfer in alert.transfers:
        lines += [f"- {transfer_line(transfer)}", f"  “{transfer.sentence}”"]
    if not alert.transfers:
        lines.append("- no transfer reported")
    lines.append(f"Why: {alert.reason}")
    return "\n".join(lines)


def headline(alerts: Sequence[Alert]) -> str:
    first = alerts[0]
    if len(alerts) == 1:
        return f'armswatch alert "{first.rule_name}": {first.title or first.url}'
    return f'armswatch alert "{first.rule_name}": {len(alerts)} new matches'


def batch_text(alerts: Sequence[Alert]) -> str:
    """The message of one delivery: a headline, then every alert."""
    return "\n\n".join([headline(alerts), *(alert_text(alert) for alert in alerts)])


def webhook_body(alerts: Sequence[Alert]) -> bytes:
    """The JSON a webhook receives: the rule, every alert record, and the readable text."""
    first = alerts[0]
    body = {
        "schema_version": 1,
        "rule_id": first.rule_id,
        "rule_name": first.rule_name,
        "mode": first.mode,
        "text": batch_text(alerts),
        "alerts": [alert.model_dump(mode="json") for alert in alerts],
    }
    return json.dumps(body, ensure_ascii=False).encode()


def slack_body(alerts: Sequence[Alert]) -> bytes:
    """A Slack incoming-webhook message: ``text`` for notifications, ``blocks`` for the layout."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": headline(alerts)[:150]}}
    ]
    shown = alerts[: SLACK_MAX_BLOCKS - 2]
    for alert in shown:
        lines = [
            f"*<{alert.url}|{_slack_escape(alert.title or alert.url)}>*",
            f"{_slack_escape(alert.source)} · {alert.published_at:%Y-%m-%d %H:%M} UTC",
        ]
        for transfer in alert.transfers:
            lines += [f"• {_slack_escape(transfer_line(transfer))}", f"> {_slack_escape(transfer.sentence)}"]
        lines.append(f"_Why:_ {_slack_escape(alert.reason)}")
        blocks.append(
            {"type": "section", "text": {"type": "mrkdwn", "text": "\n".join(lines)[:SLACK_MAX_SECTION]}}
        )
    if len(alerts) > len(shown):
        blocks.append(
            {
                "type": "context",
                "elements": [{"type": "mrkdwn", "text": f"and {len(alerts) - len(shown)} more"}],
            }
        )
    return json.dumps({"text": headline(alerts), "blocks": blocks}, ensure_ascii=False).encode()


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def email_message(alerts: Sequence[Alert], sender: str, recipients: Sequence[str]) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = headline(alerts)[:200]
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["X-Armswatch-Alert-Ids"] = ",".join(alert.alert_id for alert in alerts)
    message.set_content(batch_text(alerts))
    return message
