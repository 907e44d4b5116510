"""The `armswatch` commands of the enrich stage: `tag` and `eval` (its worker is `armswatch enrich run`)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from armswatch.clikit import JsonFlag, console, fail

commands = typer.Typer(
    help="Tag states and transfers in the raw articles: `armswatch enrich run` starts a worker.",
)
root_commands = typer.Typer()


@root_commands.command("tag")
def tag(
    files: Annotated[
        list[Path] | None, typer.Argument(help="JSON-lines files; standard input when none.")
    ] = None,
    text: Annotated[
        str | None, typer.Option("--text", help="Tag this one text and print it readably.")
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Language hint (the text decides).")] = None,
    json_output: JsonFlag = False,
) -> None:
    """Tag states and arms-transfer mentions in texts.

    Input lines are {"id", "text", optional "title", optional "lang"}; output is one JSON line each:
    {"id", "lang", "states", "transfers", "truncated"} ("truncated": the text was too long or too slow
    to tag whole, and only its first part was read).

    Example: armswatch tag --text "Germany delivered Leopard 2 tanks to Ukraine."
    """
    from enrich.tagger import Tagger

    tagger = Tagger()
    if text is not None:
        result = tagger.tag(text, lang=lang)
        if json_output:
            print(
                json.dumps(
                    {
                        "lang": result.lang,
                        "states": [s.model_dump() for s in result.states],
                        "transfers": [t.model_dump() for t in result.transfers],
                        "truncated": result.truncated,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            _print_tagged(result)
        return
    rejected = 0
    for number, line in enumerate(_input_lines(files), start=1):
        try:
            item = json.loads(line)
            body = str(item["text"])
        except (ValueError, KeyError, TypeError) as error:
            rejected += 1
            console.print(f"[yellow]line {number} skipped:[/yellow] not a JSON object with a text ({error})")
            continue
        result = tagger.tag(body, str(item.get("title") or ""), item.get("lang"))
        print(
            json.dumps(
                {
                    "id": item.get("id"),
                    "lang": result.lang,
                    "states": [s.model_dump() for s in result.states],
                    "transfers": [t.model_dump() for t in result.transfers],
                    "truncated": result.truncated,
                },
                ensure_ascii=False,
            )
        )
    if rejected:
        raise typer.Exit(1)


def _input_lines(files: list[Path] | None) -> Iterator[str]:
    if not files:
        yield from (line for line in sys.stdin if line.strip())
        return
    for path in files:
        with open(path, encoding="utf-8") as handle:
            yield from (line for line in handle if line.strip())


def _print_tagged(result: Any) -> None:
    out = Console()
    out.print(f"language: {result.lang}" + (" (only the first part was tagged)" if result.truncated else ""))
    out.print("states: " + (", ".join(f"{s.name} ({s.code}) ×{s.count}" for s in result.states) or "none"))
    if not result.transfers:
        out.print("transfers: none")
    for transfer in result.transfers:
        supplier = transfer.supplier or f"[{transfer.supplier_name}]"
        recipient = transfer.recipient or f"[{transfer.recipient_name}]"
        via = f" via {', '.join(transfer.via)}" if transfer.via else ""
        amounts = f" · {transfer.amounts()}" if transfer.amounts() else ""
        out.print(
            f"[bold]{supplier} → {recipient}[/bold]{via} · {transfer.category} · {transfer.status} · "
            f"{transfer.weapon}{amounts} · confidence {transfer.confidence:.2f}"
        )
        out.print(f"  “{transfer.sentence}” [{transfer.start}:{transfer.end}]")


@root_commands.command("eval")
def eval_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Annotated JSON-lines files, as ../shared/eval/dev.jsonl.")
    ],
    part: Annotated[
        str,
        typer.Option(
            "--part",
            help="tune: the passages rules may be written from; holdout: about a third of the passages "
            "(by a hash of their id), only to measure; all: both.",
        ),
    ] = "all",
    errors: Annotated[
        bool,
        typer.Option(
            "--errors", help="Also list every tuning passage the tagger got wrong (never held-out)."
        ),
    ] = False,
    exclude: Annotated[
        list[str] | None, typer.Option("--exclude", help="Passage id to leave out; repeatable.")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Score the tagger: pair precision/recall/F1, category and status accuracy, hard negatives, per language.

    Pair F1 comes with a 95% interval (a bootstrap over the passages): figures whose intervals overlap
    widely may not differ on other news.

    Example: armswatch eval ../shared/eval/dev.jsonl ../shared/eval/dev2.jsonl --part tune --errors
    """
    from enrich.evaluate import PARTS, evaluate, report_rows
    from enrich.tagger import Tagger

    if part not in PARTS:
        raise fail(f"--part must be one of {', '.join(PARTS)}, not {part!r}", 2)
    if errors and part == "holdout":
        raise fail("--errors shows tuning passages only: held-out errors stay unseen (use --part tune)", 2)
    for path in paths:
        if not path.exists():
            raise fail(FileNotFoundError(f"{path} does not exist"), 2)
    report = evaluate(paths, Tagger(), set(exclude or []), part)
    if json_output:
        print(json.dumps({"part": part, **report.as_dict(), **({"errors": report.errors} if errors else {})}))
        return
    table = Table(
        "language",
        "items",
        "pair P",
        "pair R",
        "pair F1 [95% interval]",
        "category acc",
        "status acc",
        "hard neg. with transfer",
        title=f"part: {part}",
    )
    for row in report_rows(report):
        table.add_row(
            row["language"],
            str(row["items"]),
            f"{row['pair_precision']:.3f}",
            f"{row['pair_recall']:.3f}",
            f"{row['pair_f1']:.3f} [{row['pair_f1_low']:.2f}, {row['pair_f1_high']:.2f}]",
            f"{row['category_accuracy']:.3f}",
            f"{row['status_accuracy']:.3f}",
            f"{row['hard_negatives_with_transfer']}/{row['hard_negatives']}",
        )
    Console(width=max(Console().width, 140)).print(table)
    if errors:
        for error in report.errors:
            print(json.dumps(error, ensure_ascii=False))
