"""The `armswatch` commands of the ingest stage: `feeds` (the registry); its worker is `ingest run`."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from kafka.errors import KafkaError
from rich.console import Console
from rich.table import Table

from armswatch.clikit import (
    JsonFlag,
    console,
    fail,
    progress,
    settings_or_exit,
)
from armswatch.config import Settings
from armswatch.schema import Article, Feed

if TYPE_CHECKING:
    from ingest.pool import ParserPool

commands = typer.Typer(
    help="Poll the registered feeds and publish new articles: `armswatch ingest run` starts a worker "
    "(several with the same --group share the feeds).",
)
feeds_app = typer.Typer(
    help="Manage the feeds the ingest workers poll (a compacted Kafka topic shared by all workers).",
    no_args_is_help=True,
)
root_commands = typer.Typer()
root_commands.add_typer(feeds_app, name="feeds")


@contextmanager
def _kafka_errors(settings: Settings) -> Iterator[None]:
    from ingest.registry import RegistryError

    try:
        yield
    except (KafkaError, RegistryError) as error:
        raise fail(
            f"Kafka at {settings.bootstrap_servers}: {error}. Start the local stack (armswatch stack up) or "
            "set ARMSWATCH_KAFKA_BOOTSTRAP."
        ) from None


def _refusal(settings: Settings, url: str) -> str | None:
    """Why the ingest workers would never fetch ``url`` (the address policy of every outbound
    request, checked now against what its host resolves to), or None; a host that does not resolve
    from here is let through with a warning on the console."""
    from armswatch.outbound import RefusedURL, check_destination

    try:
        warning = check_destination(url, settings.allow_private_addresses)
    except RefusedURL as error:
        return error.detail
    if warning:
        console.print(f"[yellow]warning:[/yellow] {warning}")
    return None


@feeds_app.command("add")
def feeds_add(
    url: Annotated[str, typer.Argument(help="The feed's address (http or https).")],
    name: Annotated[str | None, typer.Option(help="Display name (default: the feed's own title).")] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Language of its articles (en, fr, ...).")
    ] = None,
    interval: Annotated[
        float | None, typer.Option(help="Fixed polling interval in seconds (default: adaptive).", min=10)
    ] = None,
    no_full_text: Annotated[
        bool, typer.Option("--no-full-text", help="Never fetch article pages for summary-only entries.")
    ] = False,
    json_output: JsonFlag = False,
) -> None:
    """Register a feed (or replace its settings): the worker owning it polls it within seconds.

    Example: armswatch feeds add https://www.example.org/rss --name "Example" --lang en
    """
    from ingest.registry import Registry, new_feed

    settings = settings_or_exit()
    url = url.strip()
    refused = _refusal(settings, url)
    if refused:
        raise fail(f"{refused}. Give the feed's public http(s) address.", 2)
    feed = new_feed(url, name=name, language=lang, interval_seconds=interval, full_text=not no_full_text)
    with _kafka_errors(settings), Registry(settings) as registry:
        existing = registry.feeds().get(url)
        if existing is not None:
            feed = feed.model_copy(update={"added_at": existing.added_at})
        registry.put([feed])
    if json_output:
        print(json.dumps({"feed": feed.model_dump(mode="json"), "updated": existing is not None}))
    else:
        console.print(f"{'updated' if existing else 'added'}: {url}")


@feeds_app.command("remove")
def feeds_remove(
    url: Annotated[str, typer.Argument(help="The feed's address, as `armswatch feeds list` shows it.")],
) -> None:
    """Unregister a feed: workers stop polling it and forget its state.

    Example: armswatch feeds remove https://www.example.org/rss
    """
    from ingest.registry import Registry

    settings = settings_or_exit()
    with _kafka_errors(settings), Registry(settings) as registry:
        if url not in registry.feeds():
            raise fail(f"{url} is not registered; `armswatch feeds list` shows the feeds.")
        registry.remove(url)
    console.print(f"removed: {url}")


def _when(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M") if value else "–"


@feeds_app.command("list")
def feeds_list(json_output: JsonFlag = False) -> None:
    """The registered feeds and their health: last success, last error, entries seen, interval.

    Example: armswatch feeds list --json
    """
    from ingest.registry import Registry

    settings = settings_or_exit()
    with _kafka_errors(settings), Registry(settings) as registry:
        health = registry.health()
    if json_output:
        rows: list[dict[str, Any]] = [
            {
                "feed": item.feed.model_dump(mode="json"),
                "state": item.state.model_dump(mode="json", exclude={"seen"}) if item.state else None,
            }
            for item in health
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return
    if not health:
        console.print(
            "no feed registered: `armswatch ingest` registers the default list at its first start, "
            "or add feeds with `armswatch feeds add URL` / `armswatch feeds import FILE.opml`."
        )
        return
    table = Table("feed", "lang", "last success", "last error", "entries", "interval", "next poll")
    for item in health:
        state = item.state
        error = (
            f"{state.last_error} ({state.failures}×, {_when(state.last_error_at)})"
            if state and state.failures
            else ""
        )
        interval = item.feed.interval_seconds or (state.interval_seconds if state else None)
        table.add_row(
            f"{item.feed.name or ''}\n{item.feed.url}" if item.feed.name else item.feed.url,
            item.feed.language or "",
            _when(state.last_success_at) if state else "never polled",
            error,
            str(state.entries_seen) if state else "0",
            f"{interval / 60:.0f} min" if interval else "–",
            _when(state.next_poll_at) if state else "–",
        )
    Console(width=max(Console().width, 150)).print(table)
    failing = sum(1 for item in health if item.state and item.state.failures)
    console.print(f"{len(health)} feeds, {failing} failing")


@feeds_app.command("import")
def feeds_import(
    file: Annotated[Path, typer.Argument(help="An OPML file, as feed readers export it.")],
    json_output: JsonFlag = False,
) -> None:
    """Register every feed of an OPML file; feeds already registered keep their settings, and feeds
    whose address the ingest workers would refuse to fetch are listed and left out.

    Example: armswatch feeds import reader-export.opml
    """
    from armswatch.outbound import mask_url
    from ingest.opml import OpmlError, read_opml
    from ingest.registry import Registry

    settings = settings_or_exit()
    try:
        feeds = read_opml(file.read_bytes())
    except OSError as error:
        raise fail(f"cannot read {file}: {error.strerror or error}", 2) from None
    except OpmlError as error:
        raise fail(f"{file} is not a readable OPML feed list: {error}", 2) from None
    progress(f"checking the addresses of {len(feeds)} feeds")
    refused = {feed.url: reason for feed in feeds if (reason := _refusal(settings, feed.url))}
    for url, reason in refused.items():
        console.print(f"[yellow]left out:[/yellow] {mask_url(url)}: {reason}")
    feeds = [feed for feed in feeds if feed.url not in refused]
    with _kafka_errors(settings), Registry(settings) as registry:
        existing = registry.feeds()
        added = [feed for feed in feeds if feed.url not in existing]
        progress(f"registering {len(added)} feeds")
        registry.put(added)
    counts = {"added": len(added), "already_registered": len(feeds) - len(added), "refused": len(refused)}
    if json_output:
        print(json.dumps(counts))
    else:
        console.print(
            f"added {len(added)} feeds, {len(feeds) - len(added)} already registered, {len(refused)} refused"
        )


@feeds_app.command("export")
def feeds_export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")
    ] = None,
) -> None:
    """Write the registered feeds as OPML, for another feed reader or another armswatch.

    Example: armswatch feeds export -o feeds.opml
    """
    from ingest.opml import write_opml
    from ingest.registry import Registry

    settings = settings_or_exit()
    with _kafka_errors(settings), Registry(settings) as registry:
        feeds = sorted(registry.feeds().values(), key=lambda feed: feed.url)
    document = write_opml(feeds, "armswatch feeds")
    if output is None:
        sys.stdout.buffer.write(document)
    else:
        output.write_bytes(document)
        console.print(f"{len(feeds)} feeds written to {output}")


@feeds_app.command("parse")
def feeds_parse(
    inputs: Annotated[list[str], typer.Argument(help="Feed files or http(s) URLs.")],
    lang: Annotated[str | None, typer.Option("--lang", help="Language hint for the articles.")] = None,
) -> None:
    """Print one JSON line per normalised article of each feed, without Kafka.

    URLs are fetched under the ingest limits (size, timeouts, no private addresses unless
    ARMSWATCH_ALLOW_PRIVATE_ADDRESSES). An input that cannot be read is reported on stderr; the exit
    code is then 1, after the other inputs were printed.

    Example: armswatch feeds parse saved-feed.xml https://www.example.org/rss
    """
    from ingest.pool import ParserPool

    settings = settings_or_exit()
    failed = 0
    with ParserPool(1) as pool:
        for source in inputs:
            try:
                articles, warnings = _parse_one(settings, pool, source, lang)
            except _Unreadable as error:
                console.print(f"[red]{source}[/red]: {error}")
                failed += 1
                continue
            for warning in warnings:
                console.print(f"[yellow]{source}[/yellow]: {warning}")
            for article in articles:
                print(article.model_dump_json())
    if failed:
        raise typer.Exit(1)


class _Unreadable(Exception):
    """An input that yielded no feed; the message gives the reason."""


def _parse_one(
    settings: Settings, pool: ParserPool, source: str, lang: str | None
) -> tuple[list[Article], list[str]]:
    from ingest.fetch import Fetched, Fetcher, FetchError
    from ingest.parse import FeedError
    from ingest.registry import new_feed

    content_type = None
    if source.lower().startswith(("http://", "https://")):

        async def fetch() -> Fetched:
            async with Fetcher(settings) as fetcher:
                return await fetcher.fetch(source)

        try:
            fetched = asyncio.run(fetch())
        except FetchError as error:
            raise _Unreadable(f"{error.reason}: {error.detail}") from None
        body, content_type, url = fetched.body or b"", fetched.content_type, fetched.final_url
    else:
        path = Path(source)
        try:
            body = path.read_bytes()
        except OSError as error:
            raise _Unreadable(f"cannot read the file: {error.strerror or error}") from None
        url = path.resolve().as_uri()
    feed: Feed = new_feed(url, language=lang)
    try:
        parsed = pool.parse_bounded(body, feed, fetched_at=datetime.now(UTC), content_type=content_type)
    except FeedError as error:
        raise _Unreadable(f"{error.reason}: {error}") from None
    return parsed.articles, parsed.warnings
