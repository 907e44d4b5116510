"""The `armswatch deals` commands: list deals, show one deal's timeline (its worker is
`armswatch deals run`)."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from armswatch.clikit import JsonFlag, fail, settings_or_exit
from index.cli import print_deals

commands = typer.Typer(
    help="Deals: every report of one supplier, recipient and weapon folded into one deal, with the "
    "outlets and reports counted once (wire copies folded) and a status timeline with evidence.",
    no_args_is_help=True,
)


@commands.command("list")
def list_command(
    query: Annotated[str, typer.Argument(help='Optional query: words, "phrases", field:value.')] = "",
    supplier: Annotated[str | None, typer.Option(help="Supplier state (ISO code, e.g. KP).")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient state (ISO code, e.g. RU).")] = None,
    category: Annotated[str | None, typer.Option(help="drones, missiles, ammunition, ...")] = None,
    status: Annotated[
        str | None, typer.Option(help="Current status: agreed, ongoing, delivered, alleged or denied.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Reported on or after (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many deals.")] = 20,
    json_output: JsonFlag = False,
) -> None:
    """List deals, the most recently reported first.

    Example: armswatch deals list --supplier KP --status delivered --since 2024-01-01
    """
    from index.search import Filters

    filters = Filters(supplier=supplier, recipient=recipient, category=category, status=status, since=since)
    total, hits = _search(query, filters, limit)
    if json_output:
        print(json.dumps({"total": total, "deals": hits}, ensure_ascii=False))
        return
    out = Console(width=max(Console().width, 150))
    out.print(f"{total} deals match")
    print_deals(out, hits)


def _search(query: str, filters: Any, limit: int) -> tuple[int, list[dict[str, Any]]]:
    from armswatch import es as es_plumbing
    from index.search import QueryError, search

    settings = settings_or_exit()
    client = es_plumbing.client(settings)
    try:
        page = search(client, settings.index_prefix, query, filters, "deals", limit)
    except QueryError as error:
        raise fail(error, 2) from None
    finally:
        client.close()
    return page.total, page.hits


@commands.command("show")
def show_command(
    deal_id: Annotated[str, typer.Argument(help="The deal's id, as `armswatch deals list` shows it.")],
    json_output: JsonFlag = False,
) -> None:
    """One deal: parties, weapon, counts, and its timeline step by step with evidence, source and
    speaker, then every report (copies marked). Example: armswatch deals show 1055332e25d454408e7f"""
    from elasticsearch import NotFoundError

    from armswatch import es as es_plumbing
    from deals.documents import deals_index

    settings = settings_or_exit()
    client = es_plumbing.client(settings)
    try:
        deal = client.get(index=deals_index(settings.index_prefix), id=deal_id)["_source"]
    except NotFoundError:
        raise fail(
            f"no deal {deal_id!r} in {deals_index(settings.index_prefix)}; see armswatch deals list"
        ) from None
    finally:
        client.close()
    if json_output:
        print(json.dumps(deal, ensure_ascii=False))
        return
    out = Console(width=max(Console().width, 150))
    via = f" via {', '.join(deal['via'])}" if deal["via"] else ""
    out.print(f"[bold]{deal['pair_name']}[/bold]{via} · {deal['category']} · {', '.join(deal['weapons'])}")
    out.print(
        f"status {deal['status']} · {deal['distinct_reports']} reports, {deal['outlets']} outlets, "
        f"{deal['articles']} articles · {', '.join(deal['languages'])} · "
        f"{deal['first_seen'][:10]} to {deal['last_seen'][:10]}"
    )
    stated = [
        f"{label} {'~' if amount['approximate'] else ''}{amount['value']:,}"
        for label, amount in (
            ("ordered", deal["quantity_ordered"]),
            ("delivered", deal["quantity_delivered"]),
        )
        if amount
    ]
    if deal["value"]:
        stated.append(f"value {deal['value']['currency']} {deal['value']['amount']:,.0f}")
    if stated:
        out.print(" · ".join(stated))
    for step in deal["timeline"]:
        sourced = "" if step["well_sourced"] else " (weakly sourced)"
        speaker = f", said by {step['said_by']}" if step["said_by"] else ""
        out.print(
            f"\n[bold]{step['status']}[/bold] {step['first_at'][:10]}–{step['last_at'][:10]}: "
            f"{step['reports']} reports{sourced}{escape(speaker)}\n  “{escape(step['evidence'])}”\n"
            f"  {escape(step['source'])} {step['url']}"
        )
    out.print("\nreports:")
    for report in deal["reports"]:
        copy = f" (copy of {report['copy_of']})" if report["copy_of"] else ""
        out.print(
            # A mention (no transfer read in it, deal version 2) has no status.
            f"  {report['published_at'][:10]} {report['status'] or 'mention':<9} {report['source']}: "
            f"{report['url']}{copy}"
        )
