"""The `armswatch` commands of the dashboards stage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from pydantic import SecretStr
from rich.markup import escape

from armswatch.clikit import JsonFlag, console, fail, progress, settings_or_exit
from armswatch.config import Settings
from dashboards.kibana import Credentials, ImportReport, Kibana, KibanaError
from dashboards.objects import ObjectsError, packaged_path

commands = typer.Typer(
    help="Kibana dashboards (live transfers, coverage, alerts): install them, or export edits back.",
    no_args_is_help=True,
)

KibanaOption = Annotated[
    str | None,
    typer.Option("--kibana", help="Kibana URL. [env ARMSWATCH_KIBANA_URL; default http://127.0.0.1:5601]"),
]
SpaceOption = Annotated[
    str | None,
    typer.Option("--space", help="Kibana space id. [env ARMSWATCH_KIBANA_SPACE; default: default]"),
]
UserOption = Annotated[
    str | None, typer.Option("--user", help="Kibana user (with --password). [env ARMSWATCH_KIBANA_USERNAME]")
]
PasswordOption = Annotated[
    str | None, typer.Option("--password", help="Password of --user. [env ARMSWATCH_KIBANA_PASSWORD]")
]
ApiKeyOption = Annotated[
    str | None,
    typer.Option("--api-key", help="Kibana API key, instead of a user. [env ARMSWATCH_KIBANA_API_KEY]"),
]
WaitOption = Annotated[
    float | None,
    typer.Option(
        "--wait", help="Seconds to wait for Kibana to serve. [env ARMSWATCH_KIBANA_WAIT_TIMEOUT; default 300]"
    ),
]


def _secret(value: SecretStr | None) -> str | None:
    return value.get_secret_value() if value is not None else None


def _kibana(
    settings: Settings,
    url: str | None,
    space: str | None,
    user: str | None,
    password: str | None,
    api_key: str | None,
) -> Kibana:
    if api_key and user:
        raise fail("give either --api-key or --user/--password, not both", 2)
    if user is not None and password is None and settings.kibana_password is None:
        raise fail("--user needs --password (or ARMSWATCH_KIBANA_PASSWORD)", 2)
    # A command-line option wins over the settings; one kind of credential excludes the other.
    api_key = api_key or (None if user else _secret(settings.kibana_api_key))
    user = user or (None if api_key else settings.kibana_username)
    credentials = Credentials(user, password or _secret(settings.kibana_password), api_key)
    try:
        return Kibana(url or settings.kibana_url, space or settings.kibana_space, credentials)
    except ValueError as error:
        raise fail(error, 2) from None


def _print_report(report: ImportReport) -> None:
    for outcome, entries in (("created", report.created), ("updated", report.updated)):
        for entry in entries:
            console.print(f"[green]{outcome}[/green] {entry['type']} {entry['id']}: {escape(entry['title'])}")
    for error in report.errors:
        console.print(
            f"[red]failed[/red] {error['type']} {error['id']}: {escape(str(error['title']))}: "
            + escape(error["detail"])
        )
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {escape(warning)}")


@commands.command("install")
def install_command(
    kibana_url: KibanaOption = None,
    space: SpaceOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    api_key: ApiKeyOption = None,
    wait: WaitOption = None,
    source: Annotated[
        Path | None, typer.Option("--file", help="NDJSON to import instead of the shipped objects.")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Wait for Kibana, then import the data views, visualizations, searches and dashboards (overwriting
    earlier versions: running it again is safe). Exits 1 if Kibana reports any object failed.

    Example: armswatch dashboards install --kibana http://127.0.0.1:5601
    """
    from dashboards.installer import install

    settings = settings_or_exit()
    with _kibana(settings, kibana_url, space, user, password, api_key) as kibana:
        try:
            result = install(
                kibana,
                settings.index_prefix,
                wait if wait is not None else settings.kibana_wait_timeout,
                progress,
                source,
            )
        except (KibanaError, ObjectsError, OSError) as error:
            if json_output:
                print(json.dumps({"success": False, "error": str(error)}))
            raise fail(error) from None
    report = result.report
    if json_output:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        _print_report(report)
        console.print(
            f"Kibana {result.kibana_version} at {kibana.url}, space {kibana.space}: "
            f"{len(report.created)} created, {len(report.updated)} updated, {len(report.errors)} failed"
        )
        if report.success:
            for link in result.dashboards:
                console.print(f"  {link['title']}: {link['url']}")
    if not report.success:
        if not json_output:
            console.print(
                "[red]error:[/red] some objects were not imported; fix the causes above and run again"
            )
        raise typer.Exit(1)


@commands.command("export")
def export_command(
    kibana_url: KibanaOption = None,
    space: SpaceOption = None,
    user: UserOption = None,
    password: PasswordOption = None,
    api_key: ApiKeyOption = None,
    wait: WaitOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="NDJSON file to rewrite. [default: the shipped dashboards/objects file]"
        ),
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Write the dashboards as they are in Kibana (edited there) back to the repository's NDJSON, with
    everything they reference, in the normalised order; then review the diff and run the tests.

    Example: armswatch dashboards export -o dashboards/objects/armswatch.ndjson
    """
    from dashboards.installer import export

    settings = settings_or_exit()
    destination = output or packaged_path()
    with _kibana(settings, kibana_url, space, user, password, api_key) as kibana:
        try:
            result = export(
                kibana,
                destination,
                wait if wait is not None else settings.kibana_wait_timeout,
                progress,
            )
        except (KibanaError, ObjectsError, OSError) as error:
            if json_output:
                print(json.dumps({"success": False, "error": str(error)}))
            raise fail(error) from None
    if json_output:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    for label, keys in (("added", result.added), ("removed", result.removed), ("changed", result.changed)):
        for key in keys:
            console.print(f"{label} {key}")
    for ref in result.missing_references:
        console.print(f"[yellow]warning:[/yellow] Kibana lacks referenced {ref.get('type')}/{ref.get('id')}")
    console.print(f"wrote {result.exported} objects to {result.path}")
