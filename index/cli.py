"""The `armswatch` commands of the index stage: `index rebuild|setup` and `search` (its worker is
`armswatch index run`)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from armswatch.clikit import DemoFlag, JsonFlag, console, fail, progress, settings_or_exit
from armswatch.schema import Category, Money, Quantity, Status

commands = typer.Typer(
    help="Write enriched articles to Elasticsearch and manage its indices.", no_args_is_help=True
)
root_commands = typer.Typer()


def _state(value: str | None) -> str | None:
    """The ISO code of the state a person names: a code, a name or a demonym, in any known language."""
    from enrich.lexicon import state_code

    if value is None:
        return None
    code = state_code(value)
    if code is None:
        raise typer.BadParameter(
            f"no state is called {value!r}: give its ISO code (KP) or its name (North Korea)"
        )
    return code


def _day(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date: write it YYYY-MM-DD, e.g. 2024-03-01") from None


@commands.command("rebuild")
def index_rebuild(
    version: Annotated[
        int | None, typer.Option("--version", help="Target index version (default: active + 1).")
    ] = None,
    no_switch: Annotated[
        bool, typer.Option("--no-switch", help="Fill the new version but keep serving the old.")
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Re-extract history: replay the raw topic through the current tagger into a new index version,
    then switch the read aliases to it atomically. Restart the indexers afterwards.

    Example: armswatch index rebuild --no-switch
    """
    from dataclasses import asdict

    from armswatch import es as es_plumbing
    from armswatch.stage import Backpressure
    from enrich.tagger import Tagger
    from index.rebuild import rebuild

    settings = settings_or_exit()
    try:
        report = rebuild(
            settings, es_plumbing.client(settings), Tagger(), version, switch=not no_switch, progress=progress
        )
    except ValueError as refused:  # a version that cannot be the target (the active one)
        raise fail(f"{refused}: give --version a number above the active one, or leave it out", 2) from None
    except Backpressure as pressure:
        raise fail(
            f"{pressure.reason}. Nothing was switched; check the cluster (armswatch status) and run the "
            f"same rebuild again: documents already written are overwritten, not duplicated."
        ) from None
    if json_output:
        print(json.dumps(asdict(report)))
    else:
        console.print(
            f"version {report.version}: {report.articles} articles, {report.documents} documents, "
            f"{report.skipped} skipped, {report.seconds}s" + (" (switched)" if report.switched else "")
        )


@commands.command("setup")
def index_setup(json_output: JsonFlag = False) -> None:
    """Create or update the index templates (idempotent); indices appear with their first documents.

    Example: armswatch index setup --json
    """
    from index import worker

    version, names = worker.setup(settings_or_exit())
    if json_output:
        print(json.dumps({"active_version": version, "templates": names}))
    else:
        for name in names:
            console.print(f"index template {name}: ok (active version {version})")


@root_commands.command("search")
def search_command(
    query: Annotated[
        str, typer.Argument(help='Lucene-style query: words, "phrases", AND/OR/NOT, field:value.')
    ] = "",
    supplier: Annotated[
        str | None,
        typer.Option(
            metavar="STATE",
            callback=_state,
            help='Supplier state: a code, name or demonym (KP, "North Korea").',
        ),
    ] = None,
    recipient: Annotated[
        str | None,
        typer.Option(
            metavar="STATE", callback=_state, help="Recipient state: a code, name or demonym (RU, russe)."
        ),
    ] = None,
    category: Annotated[Category | None, typer.Option(help="Weapon category.")] = None,
    status: Annotated[Status | None, typer.Option(help="Status of the transfer.")] = None,
    lang: Annotated[
        str | None, typer.Option(metavar="LANG", help="Language of the article (en, fr, ...).")
    ] = None,
    source: Annotated[str | None, typer.Option(metavar="SOURCE", help="Source name or domain.")] = None,
    since: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", callback=_day, help="Published on or after.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(metavar="YYYY-MM-DD", callback=_day, help="Published on or before.")
    ] = None,
    articles: Annotated[
        bool, typer.Option("--articles", help="Search articles instead of mentions.")
    ] = False,
    deals: Annotated[
        bool, typer.Option("--deals", help="Search deals (reports folded per supplier, recipient, weapon).")
    ] = False,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, metavar="N", help="Results per page.")] = 20,
    pages: Annotated[
        int, typer.Option("--pages", min=1, metavar="N", help="How many pages to fetch (search_after).")
    ] = 1,
    stats: Annotated[bool, typer.Option("--stats", help="Add counts per month and the top pairs.")] = False,
    json_output: JsonFlag = False,
    demo: DemoFlag = False,
) -> None:
    """Search the indexed history, newest first: transfer mentions by default, --articles or --deals.

    Mentions also have numeric fields for what the evidence states: quantity (with approximate:true for
    "dozens", "about 70"), value (an amount) and currency (ISO 4217), as in
    'category:ammunition AND quantity:>=100000' or 'value:>1e9 AND currency:EUR'.

    Example: armswatch search 'category:drones AND "shahed"' --supplier Iran --since 2024-01-01 --stats
    Deals: armswatch search 'supplier:KP AND category:ammunition' --deals --since 2024-01-01
    """
    from armswatch import es as es_plumbing
    from index.search import Filters, QueryError, search

    settings = settings_or_exit()
    filters = Filters(supplier, recipient, category, status, lang, source, since, until)
    if articles and deals:
        raise fail("choose one of --articles and --deals", 2)
    kind: Any = "articles" if articles else "deals" if deals else "mentions"
    client = es_plumbing.client(settings)
    after = None
    out = Console(width=max(Console().width, 160))
    for page_number in range(pages):
        try:
            page = search(
                client,
                settings.index_prefix,
                query,
                filters,
                kind,
                limit,
                after,
                stats=stats and page_number == 0,
            )
        except QueryError as error:
            raise fail(error, 2) from None
        if json_output:
            print(
                json.dumps(
                    {
                        "total": page.total,
                        "hits": page.hits,
                        "next_after": page.next_after,
                        "aggregations": page.aggregations,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            if page_number == 0:
                out.print(f"{page.total} {kind} match")
                if stats:
                    _print_stats(out, page.aggregations)
            _print_hits(out, page.hits, kind)
        after = page.next_after
        if after is None:
            break


def _print_hits(out: Console, hits: list[dict[str, Any]], kind: str) -> None:
    """A readable table: one row per hit, the evidence sentence (or title) and the link in full."""
    if kind == "deals":
        print_deals(out, hits)
        return
    if not hits:
        return
    table = Table(show_lines=True, expand=True)
    table.add_column("date", no_wrap=True)
    if kind == "mentions":
        table.add_column("transfer", no_wrap=True)
        table.add_column("source")
        table.add_column("evidence and link", ratio=1)
        for hit in hits:
            table.add_row(
                str(hit.get("published_at", ""))[:10],
                "\n".join([hit["pair"].replace(">", " → "), hit["category"], hit["status"], *_amounts(hit)]),
                hit.get("source") or "",
                f"“{hit['evidence']}”\n[link={hit.get('url', '')}]{hit.get('url', '')}[/link]",
            )
    else:
        table.add_column("transfers", no_wrap=True)
        table.add_column("source")
        table.add_column("title and link", ratio=1)
        for hit in hits:
            table.add_row(
                str(hit.get("published_at", ""))[:10],
                "\n".join(pair.replace(">", " → ") for pair in hit.get("pairs") or []) or "none",
                hit.get("source") or "",
                f"{hit.get('title') or '(untitled)'}\n[link={hit.get('url', '')}]{hit.get('url', '')}[/link]",
            )
    out.print(table)


def _amounts(hit: dict[str, Any]) -> list[str]:
    """The quantity and value of a mention document, as ``armswatch tag`` shows them."""
    stated: list[Quantity | Money] = []
    if hit.get("quantity") is not None:
        stated.append(Quantity(value=hit["quantity"], approximate=bool(hit.get("quantity_approximate"))))
    if hit.get("value") is not None and hit.get("currency"):
        stated.append(Money(amount=hit["value"], currency=hit["currency"]))
    return [item.label() for item in stated]


def _print_stats(out: Console, aggregations: dict[str, Any]) -> None:
    months = aggregations.get("per_month", {}).get("buckets", [])
    out.print(
        "per month: "
        + ", ".join(f"{b['key_as_string'][:7]} {b['doc_count']}" for b in months if b["doc_count"])
    )
    pairs = aggregations.get("top_pairs", {}).get("buckets", [])
    out.print("top pairs: " + ", ".join(f"{b['key']} {b['doc_count']}" for b in pairs))


def print_deals(out: Console, hits: list[dict[str, Any]]) -> None:
    """One row per deal: id, pair and weapon, status, reports, dates and the timeline."""
    if not hits:
        return
    table = Table(show_lines=True, expand=True)
    for column in ("deal", "transfer", "status", "reports", "seen"):
        table.add_column(column, no_wrap=True)
    table.add_column("timeline", ratio=1)
    for hit in hits:
        weapon = ", ".join(hit.get("designations") or []) or hit["category"]
        more = hit["articles"] - 1
        table.add_row(
            hit["id"],
            f"{hit['pair_name']}\n{hit['category']} · {weapon}",
            hit["status"],
            f"{hit['distinct_reports']} reports\n{hit['outlets']} outlets\n{hit['articles']} articles",
            f"{hit['first_seen'][:10]}\n{hit['last_seen'][:10]}",
            f"{hit['timeline_text']}\n“{escape(hit['latest_evidence'])}” ({escape(hit['latest_source'])}"
            + (f", and {more} more reports)" if more else ")"),
        )
    out.print(table)
