"""The command line's one error boundary: what a person reads when a command cannot go on.

Commands refuse bad input themselves (a usage error, exit 2). What is left arrives here: a server
that does not answer, a file that cannot be read, a local stack that cannot start, or a fault of
ours. Each becomes one line that says what to do, never a traceback (``-L DEBUG`` logs it).
"""

from __future__ import annotations

import logging

import elasticsearch
from kafka.errors import KafkaError

from armswatch.config import Settings, load_settings
from armswatch.stack import StackError

log = logging.getLogger(__name__)

# Exit codes: 1 = the command could not do its work, 2 = it was asked for something impossible.
FAILED = 1
USAGE = 2


def _settings() -> Settings | None:
    try:
        return load_settings()
    except Exception:  # the settings themselves are broken: the message names no address
        return None


def _silent(service: str, address: str | None, variable: str, server: str, detail: str) -> str:
    where = f" at {address}" if address else ""
    return (
        f"{service}{where} does not answer ({detail}). Start the local stack (armswatch stack up) "
        f"or set {variable} to a running {server}."
    )


def explain(error: Exception) -> tuple[str, int]:
    """The line to print for ``error`` and the exit code."""
    settings = _settings()
    said = str(error)
    named = said if said.startswith(type(error).__name__) else f"{type(error).__name__}: {said}"
    if isinstance(error, KafkaError):
        servers = settings.bootstrap_servers if settings else None
        return _silent("Kafka", servers, "ARMSWATCH_KAFKA_BOOTSTRAP", "broker", named), FAILED
    if isinstance(error, elasticsearch.ApiError):
        where = f" at {settings.es_url}" if settings else ""
        return (
            f"Elasticsearch{where} refused the request ({error.meta.status}: {error.message}). "
            "See armswatch status, or armswatch stack logs elasticsearch.",
            FAILED,
        )
    if isinstance(error, elasticsearch.TransportError):
        url = settings.es_url if settings else None
        detail = type(error).__name__
        return _silent("Elasticsearch", url, "ARMSWATCH_ELASTICSEARCH_URL", "node", detail), FAILED
    if isinstance(error, StackError):
        return f"{error}. Fix the stack (armswatch stack logs SERVICE) or configure external servers.", FAILED
    if isinstance(error, OSError) and error.filename is not None:
        return f"cannot use {error.filename}: {error.strerror or error}. Check the path.", USAGE
    return f"unexpected {named}. Run again with -L DEBUG for the details; report it if it persists.", FAILED


def report(error: Exception) -> int:
    """Print the explanation of ``error`` on stderr (its traceback only at DEBUG); return the exit code."""
    from rich.markup import escape

    from armswatch.clikit import console

    message, code = explain(error)
    log.debug("command failed", exc_info=error)
    console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return code
