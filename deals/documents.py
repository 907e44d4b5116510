"""Deal records to ``<prefix>-deals`` documents (id = deal id, so a replay overwrites). Pure.

The document is the record without the reports' near-duplicate signatures, plus what searches,
dashboards and the console read directly: readable party names, the statuses of the timeline, the
newest report's evidence and link, the outlets, and the text fields of the search language.
"""

from __future__ import annotations

from typing import Any

from armswatch.schema import Deal
from deals.fold import BY_DATE
from index.actions import fold, party_name, read_alias


def deals_index(prefix: str) -> str:
    """``<prefix>-deals``: one index (not monthly), searched under the name read aliases have."""
    return read_alias(prefix, "deals")


def pair_of(deal: Deal) -> str:
    """``KP>RU``, a non-state party as ``~name``, as mentions show it."""
    return deal.key.split("|", 1)[0]


def pair_name_of(deal: Deal) -> str:
    supplier = party_name(deal.supplier, deal.supplier_name) or "unknown"
    recipient = party_name(deal.recipient, deal.recipient_name) or "unknown"
    return f"{supplier} → {recipient}"


def timeline_text(deal: Deal) -> str:
    """``alleged 2025-03-01 → delivered 2025-04-02 → denied 2025-04-10``: the timeline in one cell."""
    return " → ".join(f"{step.status} {step.first_at:%Y-%m-%d}" for step in deal.timeline)


def deal_document(deal: Deal) -> dict[str, Any]:
    record = deal.model_dump(mode="json", exclude={"schema_version", "reports"})
    latest = max(deal.reports, key=BY_DATE)
    evidence = list(dict.fromkeys(step.evidence for step in deal.timeline))
    return {
        **record,
        "supplier_name": party_name(deal.supplier, deal.supplier_name),
        "recipient_name": party_name(deal.recipient, deal.recipient_name),
        "pair": pair_of(deal),
        "pair_name": pair_name_of(deal),
        "statuses": sorted({step.status for step in deal.timeline}),
        "timeline_text": timeline_text(deal),
        "latest_evidence": latest.evidence,
        "latest_url": latest.url,
        "latest_source": latest.source,
        "evidence": evidence,
        "reports": [
            report.model_dump(mode="json", exclude={"signature", "content_hash"}) for report in deal.reports
        ],
        "sources": sorted({report.source for report in deal.reports}),
        "folded": fold(" ".join([*evidence, *deal.weapons, *deal.designations])),
    }


def deal_action(deal: Deal, prefix: str) -> dict[str, Any]:
    return {
        "_op_type": "index",
        "_index": deals_index(prefix),
        "_id": deal.id,
        "_source": deal_document(deal),
    }


def deal_deletion(deal_id: str, prefix: str) -> dict[str, Any]:
    """The bulk action removing a deal merged into another (a missing document is no error)."""
    return {"_op_type": "delete", "_index": deals_index(prefix), "_id": deal_id}
