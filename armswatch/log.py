"""Logging, configured once by the CLI: one JSON object per line, fields passed as ``extra=``."""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """``{"ts", "level", "logger", "event", ...extra fields}`` on one line."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "event": record.getMessage(),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in _RESERVED})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class _CurrentStderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is now, not the stream it was when configured (a test
    runner or a redirect may have replaced and closed that one)."""

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


class ClientRepeats(logging.Filter):
    """Lets through one line per ``every`` seconds from each logging call of the Kafka client.

    While a broker is down kafka-python logs every failed connection attempt of every client (about
    a hundred lines a minute per worker); our own retry loops report the outage once instead.
    """

    def __init__(self, prefix: str = "kafka", every: float = 300.0) -> None:
        super().__init__()
        self.prefix = prefix
        self.every = every
        self.last: dict[tuple[str, int], float] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(self.prefix):
            return True
        kind = (record.name, record.lineno)  # the call site: many messages are pre-formatted
        now = time.monotonic()
        if now - self.last.get(kind, -self.every) < self.every:
            return False
        self.last[kind] = now
        return True


# Client libraries whose warnings (connection retries, 503s while an index starts) matter in a
# worker's log but only repeat, over a short command's output, the one error line it ends with.
CLIENT_LIBRARIES = ("kafka", "elastic_transport", "elasticsearch", "urllib3")


def configure_logging(
    level: str = "INFO", overrides: list[str] | None = None, quiet_clients: bool = False
) -> None:
    """Send every logger to stderr as JSON lines; ``overrides`` are ``logger:LEVEL`` pairs.
    ``quiet_clients`` silences the client libraries (below DEBUG), for commands that are not workers."""
    handler = _CurrentStderrHandler()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ClientRepeats())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # kafka-python is chatty at INFO about every connection.
    logging.getLogger("kafka").setLevel(logging.WARNING)
    logging.getLogger("elastic_transport").setLevel(logging.WARNING)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one INFO line per request
    # spaCy logs its pipeline construction at INFO, through its own handler as well as ours.
    spacy_logger = logging.getLogger("spacy")
    spacy_logger.setLevel(logging.WARNING)
    spacy_logger.propagate = True
    if quiet_clients and level.upper() != "DEBUG":
        for name in CLIENT_LIBRARIES:
            logging.getLogger(name).setLevel(logging.CRITICAL)
    for pair in overrides or []:
        name, _, lvl = pair.partition(":")
        logging.getLogger(name).setLevel(lvl.upper())
